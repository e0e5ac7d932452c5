#include "alarmrules.h"

namespace machina {

QString AlarmRule::problem() const
{
    if (!subject.isValid())
        return QStringLiteral("pattern is not a valid regular expression: %1").arg(subject.errorString());
    const QStringList groups = subject.namedCaptureGroups();
    if (!groups.contains(QStringLiteral("severity")) || !groups.contains(QStringLiteral("asset")))
        return QStringLiteral("pattern needs the named groups (?<severity>...) and (?<asset>...)");
    if (severities.isEmpty())
        return QStringLiteral("names no severity words");
    return {};
}

AlarmRule AlarmRecognizer::defaultRule()
{
    AlarmRule rule;
    rule.name = QStringLiteral("default");
    rule.severities = {
        {QStringLiteral("critical"), WorkOrderPriority::Critical},
        {QStringLiteral("kritisch"), WorkOrderPriority::Critical},
        {QStringLiteral("critico"), WorkOrderPriority::Critical},
        {QStringLiteral("alarm"), WorkOrderPriority::High},
        {QStringLiteral("alert"), WorkOrderPriority::High},
        {QStringLiteral("störung"), WorkOrderPriority::High},
        {QStringLiteral("allarme"), WorkOrderPriority::High},
        {QStringLiteral("guasto"), WorkOrderPriority::High},
        {QStringLiteral("warning"), WorkOrderPriority::Normal},
        {QStringLiteral("warnung"), WorkOrderPriority::Normal},
        {QStringLiteral("avviso"), WorkOrderPriority::Normal},
        {QStringLiteral("info"), WorkOrderPriority::Low},
    };
    QStringList words;
    for (const auto &[word, priority] : rule.severities)
        words.append(QRegularExpression::escape(word));
    rule.subject = QRegularExpression(
        QStringLiteral("^\\s*(?:(?:fwd?|wg|i)\\s*:\\s*)*(?:\\[[^\\]]*\\]\\s*)?(?<severity>%1)\\s*:?\\s+"
                       "(?<asset>[A-Za-z]+-[0-9]+)(?:\\s*[:,-]?\\s+(?<text>.*?))?\\s*$")
            .arg(words.join(u'|')),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return rule;
}

std::optional<Alarm> AlarmRecognizer::recognise(const QString &subject) const
{
    for (const AlarmRule &rule : m_rules) {
        if (!rule.subject.isValid())
            continue;
        const QRegularExpressionMatch match = rule.subject.match(subject);
        if (!match.hasMatch())
            continue;
        const QString word = match.captured(QStringLiteral("severity"));
        for (const auto &[name, priority] : rule.severities) {
            if (word.compare(name, Qt::CaseInsensitive) != 0)
                continue;
            Alarm alarm;
            alarm.severity = name.toLower();
            alarm.asset = match.captured(QStringLiteral("asset")).toUpper();
            alarm.text = match.captured(QStringLiteral("text")).trimmed();
            alarm.priority = priority;
            alarm.rule = rule.name;
            return alarm;
        }
    }
    return std::nullopt;
}

} // namespace machina
