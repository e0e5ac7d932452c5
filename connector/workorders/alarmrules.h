#pragma once

#include "workorder.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <optional>

namespace machina {

/** What an alarm mail says: how bad, on which asset, and what. */
struct Alarm
{
    QString severity;            ///< the severity word as the rule names it: "critical", "alarm", "warning", ...
    QString asset;               ///< the asset tag: "P-201"
    QString text;                ///< the rest of the subject: "vibration 9.2 mm/s (limit 8.4)"
    WorkOrderPriority priority = WorkOrderPriority::Normal;  ///< what a work order from it starts with
    QString rule;                ///< the rule that matched
};

/**
 * One way of reading alarm subjects: a regular expression with the named
 * groups severity, asset and (optionally) text, and the priority each severity
 * word gives. Severity words compare case-insensitively.
 */
struct AlarmRule
{
    QString name;
    QRegularExpression subject;
    QList<std::pair<QString, WorkOrderPriority>> severities;   ///< word -> priority

    /// Why the rule cannot be used (bad pattern, a missing group); empty when it can.
    QString problem() const;
};

/**
 * Reads severity, asset and text from alarm mails by the configured rules, in
 * order; the first that matches wins. The default rule takes subjects such as
 * "ALARM P-201 vibration 9.2 mm/s (limit 8.4)", "CRITICAL V-509 ..." and
 * "WARNING HX-7 ...": a severity word, then an asset tag of letters, a dash
 * and digits, then the text. A leading "[site]" tag or "Fwd:" is allowed.
 */
class AlarmRecognizer
{
public:
    AlarmRecognizer() = default;
    explicit AlarmRecognizer(QList<AlarmRule> rules) : m_rules(std::move(rules)) {}

    /// The default rule: English, German and Italian severity words.
    static AlarmRule defaultRule();
    static AlarmRecognizer defaults() { return AlarmRecognizer({defaultRule()}); }

    std::optional<Alarm> recognise(const QString &subject) const;
    QList<AlarmRule> rules() const { return m_rules; }

private:
    QList<AlarmRule> m_rules;
};

} // namespace machina
