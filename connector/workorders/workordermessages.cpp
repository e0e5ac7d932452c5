#include "workordermessages.h"

#include "workorderjson.h"

#include <QJsonDocument>
#include <QUuid>

namespace machina::WorkOrderMessages {

namespace {

const QByteArray RecordHeader = QByteArrayLiteral("X-Machina-Record");
const QByteArray IdHeader = QByteArrayLiteral("X-Machina-Work-Order");
const QByteArray ClaimantHeader = QByteArrayLiteral("X-Machina-Claimant");
constexpr qsizetype MaxBody = 1024 * 1024;

/// Header text that is safe on one line: ASCII as is, anything else as an RFC 2047 word.
QByteArray headerText(const QString &text)
{
    QString flat = text;
    flat.replace(u'\r', u' ').replace(u'\n', u' ');
    const QByteArray utf8 = flat.toUtf8();
    bool ascii = true;
    for (char c : utf8)
        ascii = ascii && static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f;
    if (ascii && !utf8.contains("=?"))
        return utf8;
    return "=?UTF-8?B?" + utf8.toBase64() + "?=";
}

QByteArray mail(const QString &account, const QByteArray &subject, const QList<std::pair<QByteArray, QByteArray>> &headers,
                const QJsonObject &body)
{
    const QByteArray address = account.toUtf8();
    QByteArray out;
    out += "From: " + address + "\r\n";
    out += "To: " + address + "\r\n";
    out += "Subject: " + subject + "\r\n";
    out += "Date: " + QDateTime::currentDateTime().toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    out += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@machina.work-orders>\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: application/json; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    const QByteArray encoded = QJsonDocument(body).toJson(QJsonDocument::Compact).toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

/// The value of header @p name in the header block @p head (unfolded), or empty.
QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) != 0)
            continue;
        QByteArray value = line.mid(colon + 1).trimmed();
        for (qsizetype j = i + 1; j < lines.size() && (lines.at(j).startsWith(' ') || lines.at(j).startsWith('\t')); ++j)
            value += ' ' + lines.at(j).trimmed();
        return value;
    }
    return {};
}

} // namespace

QByteArray record(const WorkOrder &order, const QString &account, const QString &claimant)
{
    QJsonObject body = WorkOrderJson::toJson(order);
    body.remove(QStringLiteral("history"));
    const QByteArray subject = headerText(QStringLiteral("[%1] %2 %3 (priority %4)")
                                              .arg(order.id, order.asset, order.summary,
                                                   workOrderPriorityName(order.priority)));
    return mail(account, subject,
                {{RecordHeader, "work-order"}, {IdHeader, order.id.toLatin1()}, {ClaimantHeader, claimant.toLatin1()}},
                body);
}

QByteArray event(const QString &workOrderId, const WorkOrderEvent &event, const QString &account,
                 const QString &claimant)
{
    QJsonObject body = WorkOrderJson::eventToJson(event);
    body.insert(QStringLiteral("work_order"), workOrderId);
    const QByteArray subject = headerText(QStringLiteral("[%1] %2").arg(workOrderId, event.action));
    return mail(account, subject,
                {{RecordHeader, "event"}, {IdHeader, workOrderId.toLatin1()}, {ClaimantHeader, claimant.toLatin1()}},
                body);
}

Parsed parse(const QByteArray &raw)
{
    Parsed parsed;
    qsizetype split = raw.indexOf("\r\n\r\n");
    qsizetype skip = 4;
    if (split < 0) {
        split = raw.indexOf("\n\n");
        skip = 2;
    }
    if (split < 0)
        return parsed;
    const QByteArray head = raw.left(split);
    const QByteArray kind = headerValue(head, RecordHeader).toLower();
    if (kind != "work-order" && kind != "event")
        return parsed;
    parsed.workOrderId = QString::fromLatin1(headerValue(head, IdHeader));
    parsed.claimant = QString::fromLatin1(headerValue(head, ClaimantHeader));
    const QByteArray encoded = raw.mid(split + skip, MaxBody);
    const auto decoded = QByteArray::fromBase64Encoding(QByteArray(encoded).replace("\r", "").replace("\n", ""));
    QJsonParseError error;
    const QJsonDocument doc = decoded ? QJsonDocument::fromJson(*decoded, &error) : QJsonDocument();
    if (!doc.isObject()) {
        parsed.problem = QStringLiteral("the %1 message for %2 has no readable body")
                             .arg(QString::fromLatin1(kind), parsed.workOrderId);
        return parsed;
    }
    if (kind == "event") {
        parsed.kind = Parsed::Kind::Event;
        parsed.event = WorkOrderJson::eventFromJson(doc.object());
        return parsed;
    }
    QString problem;
    if (!WorkOrderJson::fromJson(doc.object(), &parsed.order, &problem) || parsed.order.id != parsed.workOrderId) {
        parsed.problem = QStringLiteral("the record for %1 is damaged: %2")
                             .arg(parsed.workOrderId, problem.isEmpty() ? QStringLiteral("its id differs") : problem);
        return parsed;
    }
    parsed.kind = Parsed::Kind::Record;
    return parsed;
}

} // namespace machina::WorkOrderMessages
