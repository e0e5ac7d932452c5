#include "inboxcommand.h"

#include "../clicontext.h"
#include "emailconnector.h"
#include "store/messagecache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace machina::cli {

namespace {

/// One message as --json prints it; the keys are documented in README.md.
QJsonObject summaryJson(const MessageSummary &m)
{
    return QJsonObject{
        {QStringLiteral("uid"), qint64(m.uid)},
        {QStringLiteral("id"), m.id},
        {QStringLiteral("date"), m.date.toString(Qt::ISODate)},
        {QStringLiteral("from"), m.from},
        {QStringLiteral("subject"), m.subject},
        {QStringLiteral("seen"), m.seen},
        {QStringLiteral("attachments"), m.attachments},
        {QStringLiteral("size"), m.size},
        {QStringLiteral("message_id"), m.messageId},
    };
}

/// One row of the table, under the header inbox prints first.
QString summaryRow(const MessageSummary &m)
{
    // IMAP rows show the UID; Gmail rows their message id.
    return QStringLiteral("%1  %2  %3  %4 %5  %6\n")
        .arg(m.uid ? QString::number(m.uid) : m.id.section(QLatin1Char(':'), -1), 6)
        .arg(m.date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), -16)
        .arg(m.from.left(30), -30)
        .arg(m.seen ? QLatin1Char(' ') : QLatin1Char('N'))
        .arg(m.attachments > 0 ? QLatin1Char('@') : QLatin1Char(' '))
        .arg(m.subject);
}

} // namespace

void InboxCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("unseen"), tr("Only unseen messages.")});
    parser.addOption({QStringLiteral("limit"), tr("At most N messages, the newest (default 50; 0: all)."), QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("json"), tr("Print a JSON array instead of a table.")});
    parser.addOption({QStringLiteral("offline"),
                      tr("List what the local cache holds, without the network (the last listing's rows).")});
}

int InboxCommand::run(CliContext &context)
{
    bool limitOk = false;
    const int limit = context.parser().value(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk || limit < 0) {
        context.printError(tr("inbox: --limit takes a whole number >= 0"));
        return ExitUsage;
    }
    if (!context.loadConfig())
        return ExitUsage;
    // The cache: the listing resyncs it with the server; --offline reads it alone.
    if (!context.openStore())
        return ExitFailure;
    EmailConnector *connector = context.connector();
    const bool offline = context.isSet(QStringLiteral("offline"));
    const bool unseen = context.isSet(QStringLiteral("unseen"));
    InboxListReply *reply = offline ? connector->listCachedMessages(unseen, limit) : connector->listMessages(unseen, limit);
    QList<MessageSummary> listed;
    QObject::connect(reply, &ConnectorReply::finished, &context.app(), [&listed, reply] { listed = reply->messages(); });
    if (const ConnectorError error = context.wait(reply)) {
        context.printError(error.message());
        return exitCodeFor(error);
    }
    if (offline && listed.isEmpty() && !connector->messageCache()->mailboxState(QStringLiteral("INBOX")).known) {
        context.err() << tr("machina-mail: nothing is cached yet; run inbox once without --offline.")
                      << Qt::endl;
    }
    QTextStream &out = context.out();
    const bool json = context.isSet(QStringLiteral("json"));
    if (json) {
        QJsonArray rows;
        for (const MessageSummary &m : std::as_const(listed))
            rows.append(summaryJson(m));
        out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    } else {
        // The column headers; a translation longer than its column only shifts the header line.
        out << QStringLiteral("%1  %2  %3  %4  %5\n")
                   .arg(tr("UID", "column header"), 6)
                   .arg(tr("DATE", "column header"), -16)
                   .arg(tr("FROM", "column header"), -30)
                   //: Over two one-letter columns: N (not seen) and @ (attachments).
                   .arg(tr("S A", "column header"), -3)
                   .arg(tr("SUBJECT", "column header"));
        for (const MessageSummary &m : std::as_const(listed))
            out << summaryRow(m);
    }
    // The whole listing in one write, as before the split.
    out << Qt::flush;
    return ExitOk;
}

} // namespace machina::cli
