#include "workorderid.h"

#include <QCoreApplication>

namespace machina {

namespace {

bool isLiteralChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'/' || c == u'.' || c == u'#';
}

} // namespace

WorkOrderIdPattern::WorkOrderIdPattern(const QString &pattern) : m_pattern(pattern)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{(year|seq(?::([1-9]))?)\\}"));
    QString literal;
    QStringList literals;
    bool hasSeq = false;
    qsizetype at = 0;
    auto it = placeholder.globalMatch(pattern);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        literals.append(pattern.mid(at, m.capturedStart() - at));
        at = m.capturedEnd();
        if (m.captured(1) == QLatin1String("year")) {
            if (m_hasYear) {
                m_problem = QCoreApplication::translate("machina::WorkOrderId", "{year} is given twice");
                return;
            }
            m_hasYear = true;
            m_yearFirst = !hasSeq;
        } else {
            if (hasSeq) {
                m_problem = QCoreApplication::translate("machina::WorkOrderId", "{seq} is given twice");
                return;
            }
            hasSeq = true;
            m_width = m.captured(2).isEmpty() ? 1 : m.captured(2).toInt();
        }
    }
    literals.append(pattern.mid(at));
    if (!hasSeq) {
        m_problem = QCoreApplication::translate("machina::WorkOrderId", "%1 has no {seq}").arg(pattern);
        return;
    }
    for (const QString &part : std::as_const(literals)) {
        for (QChar c : part) {
            if (!isLiteralChar(c)) {
                m_problem = QCoreApplication::translate("machina::WorkOrderId", "%1: only letters, digits and - _ / . # may surround {year} and {seq}").arg(pattern);
                return;
            }
        }
    }
    m_prefix = literals.value(0);
    m_middle = m_hasYear ? literals.value(1) : QString();
    m_suffix = literals.value(m_hasYear ? 2 : 1);
    if (m_prefix.isEmpty() && m_middle.isEmpty() && m_suffix.isEmpty()) {
        m_problem = QCoreApplication::translate("machina::WorkOrderId", "%1 needs some fixed text, or ids cannot be told from numbers").arg(pattern);
        return;
    }
    const QString year = QStringLiteral("(?<year>[0-9]{4})");
    const QString seq = QStringLiteral("(?<seq>[0-9]{%1,9})").arg(m_width);
    QString body = QRegularExpression::escape(m_prefix);
    if (m_hasYear) {
        body += m_yearFirst ? year : seq;
        body += QRegularExpression::escape(m_middle);
        body += m_yearFirst ? seq : year;
    } else {
        body += seq;
    }
    body += QRegularExpression::escape(m_suffix);
    m_exact = QRegularExpression(QStringLiteral("^") + body + QStringLiteral("$"), QRegularExpression::CaseInsensitiveOption);
    m_search = QRegularExpression(QStringLiteral("(?<![A-Za-z0-9])") + body + QStringLiteral("(?![A-Za-z0-9])"),
                                  QRegularExpression::CaseInsensitiveOption);
}

QString WorkOrderIdPattern::format(int year, int sequence) const
{
    const QString seq = QStringLiteral("%1").arg(sequence, m_width, 10, QLatin1Char('0'));
    if (!m_hasYear)
        return m_prefix + seq + m_suffix;
    const QString y = QString::number(year);
    return m_prefix + (m_yearFirst ? y : seq) + m_middle + (m_yearFirst ? seq : y) + m_suffix;
}

std::optional<std::pair<int, int>> WorkOrderIdPattern::parse(const QString &id) const
{
    if (!m_problem.isEmpty())
        return std::nullopt;
    const QRegularExpressionMatch m = m_exact.match(id.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return std::pair{m_hasYear ? m.captured(QStringLiteral("year")).toInt() : 0, m.captured(QStringLiteral("seq")).toInt()};
}

QString WorkOrderIdPattern::find(const QString &text) const
{
    if (!m_problem.isEmpty())
        return {};
    const QRegularExpressionMatch m = m_search.match(text);
    return m.hasMatch() ? format(m_hasYear ? m.captured(QStringLiteral("year")).toInt() : 0,
                                 m.captured(QStringLiteral("seq")).toInt())
                        : QString();
}

std::optional<qint64> parseDuration(const QString &text, QString *problem)
{
    static const QRegularExpression shape(QStringLiteral("^\\s*([0-9]{1,7})\\s*([smhd]?)\\s*$"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = shape.match(text);
    if (!m.hasMatch()) {
        if (problem)
            *problem = QCoreApplication::translate("machina::WorkOrderId", "\"%1\" is not a duration such as 90s, 10m or 2h").arg(text);
        return std::nullopt;
    }
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    const qint64 factor = unit == QLatin1String("m") ? 60 : unit == QLatin1String("h") ? 3600
                        : unit == QLatin1String("d") ? 86400 : 1;
    const qint64 seconds = n * factor;
    if (seconds <= 0 || seconds > 30 * 86400) {
        if (problem)
            *problem = QCoreApplication::translate("machina::WorkOrderId", "\"%1\" is out of range (1s to 30d)").arg(text);
        return std::nullopt;
    }
    return seconds;
}

QString formatDuration(qint64 seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return QStringLiteral("%1d").arg(seconds / 86400);
    if (seconds > 0 && seconds % 3600 == 0)
        return QStringLiteral("%1h").arg(seconds / 3600);
    if (seconds > 0 && seconds % 60 == 0)
        return QStringLiteral("%1m").arg(seconds / 60);
    return QStringLiteral("%1s").arg(seconds);
}

} // namespace machina
