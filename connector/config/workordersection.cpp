#include "workordersection.h"

#include <QCoreApplication>

#include <yaml-cpp/yaml.h>

namespace machina {

namespace {

// A key missing from a map gives an invalid node, which throws on everything but IsDefined().
QString text(const YAML::Node &node)
{
    return node.IsDefined() && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

bool isSequence(const YAML::Node &node)
{
    return node.IsDefined() && node.IsSequence();
}

bool isMap(const YAML::Node &node)
{
    return node.IsDefined() && node.IsMap();
}

int lineOf(const YAML::Node &node, int fallback)
{
    const int line = node.Mark().line;
    return line >= 0 ? line : fallback;
}

class SectionReader
{
public:
    SectionReader(const ConfigErrorFactory &error, WorkOrderSettings *settings) : m_error(error), m_settings(settings) {}

    ConnectorError read(const YAML::Node &section, int line)
    {
        if (section.IsNull())
            return {};
        if (!section.IsMap())
            return m_error(line, QStringLiteral("work_orders"), QCoreApplication::translate("machina::ConfigLoader", "expected a map of settings"));
        for (auto it = section.begin(); it != section.end(); ++it) {
            const QString key = text(it->first);
            const int at = lineOf(it->first, line);
            const QString name = QStringLiteral("work_orders.") + key;
            ConnectorError e;
            if (key == QLatin1String("id_pattern"))
                e = idPattern(it->second, at, name);
            else if (key == QLatin1String("folder"))
                e = folder(it->second, at, name);
            else if (key == QLatin1String("ack_within"))
                e = ackWithin(it->second, at, name);
            else if (key == QLatin1String("alarm_rules"))
                e = alarmRules(it->second, at, name);
            else if (key == QLatin1String("reply_codes"))
                e = replyCodes(it->second, at, name);
            else if (key == QLatin1String("technicians"))
                e = technicians(it->second, at, name);
            else
                e = m_error(at, name, QCoreApplication::translate("machina::ConfigLoader", "unknown key (known: id_pattern, folder, ack_within, alarm_rules, "
                                                                                           "reply_codes, technicians)"));
            if (e)
                return e;
        }
        return {};
    }

private:
    ConnectorError idPattern(const YAML::Node &value, int line, const QString &name)
    {
        const WorkOrderIdPattern pattern(text(value));
        if (!pattern.problem().isEmpty())
            return m_error(line, name, pattern.problem());
        m_settings->idPattern = pattern.pattern();
        return {};
    }

    ConnectorError folder(const YAML::Node &value, int line, const QString &name)
    {
        const QString f = text(value).trimmed();
        if (f.isEmpty() || f.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0 || f.contains(u'\n')
            || f.contains(u'*') || f.contains(u'%'))
            return m_error(line, name, QCoreApplication::translate("machina::ConfigLoader", "needs a folder name of its own (not INBOX, no * or %)"));
        m_settings->folder = f;
        return {};
    }

    ConnectorError ackWithin(const YAML::Node &value, int line, const QString &name)
    {
        if (!value.IsMap())
            return m_error(line, name, QCoreApplication::translate("machina::ConfigLoader", "expected a map of priority: duration, as {critical: 5m, high: 15m}"));
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString key = text(it->first);
            const int at = lineOf(it->first, line);
            const auto priority = workOrderPriorityFromName(key);
            if (!priority)
                return m_error(at, name + u'.' + key, QCoreApplication::translate("machina::ConfigLoader", "is not a priority (low, normal, high, critical)"));
            QString problem;
            const auto seconds = parseDuration(text(it->second), &problem);
            if (!seconds)
                return m_error(at, name + u'.' + key, problem);
            m_settings->ackWithin[size_t(*priority)] = *seconds;
        }
        return {};
    }

    ConnectorError alarmRules(const YAML::Node &value, int line, const QString &name)
    {
        if (!value.IsSequence())
            return m_error(line, name, QCoreApplication::translate("machina::ConfigLoader", "expected a list of rules"));
        QList<AlarmRule> rules;
        for (const YAML::Node &item : value) {
            const int at = lineOf(item, line);
            if (!item.IsMap())
                return m_error(at, name, QCoreApplication::translate("machina::ConfigLoader", "each rule is a map with name, subject and severities"));
            AlarmRule rule;
            rule.name = text(item["name"]);
            if (rule.name.isEmpty())
                rule.name = QStringLiteral("rule %1").arg(rules.size() + 1);
            const QString label = QStringLiteral("%1 (%2)").arg(name, rule.name);
            rule.subject = QRegularExpression(text(item["subject"]), QRegularExpression::CaseInsensitiveOption
                                                                         | QRegularExpression::UseUnicodePropertiesOption);
            const YAML::Node severities = item["severities"];
            if (!isMap(severities))
                return m_error(at, label, QCoreApplication::translate("machina::ConfigLoader", "severities must map each severity word to a priority"));
            for (auto it = severities.begin(); it != severities.end(); ++it) {
                const auto priority = workOrderPriorityFromName(text(it->second));
                if (!priority) {
                    return m_error(lineOf(it->first, at), label,
                                   QCoreApplication::translate("machina::ConfigLoader", "%1 is not a priority (low, normal, high, critical)").arg(text(it->second)));
                }
                rule.severities.append({text(it->first).toLower(), *priority});
            }
            if (const QString problem = rule.problem(); !problem.isEmpty())
                return m_error(at, label, problem);
            rules.append(rule);
        }
        m_settings->alarmRules = rules;
        return {};
    }

    ConnectorError replyCodes(const YAML::Node &value, int line, const QString &name)
    {
        if (!value.IsMap())
            return m_error(line, name, QCoreApplication::translate("machina::ConfigLoader", "expected a map such as {acknowledged: [ACK, ACCEPT]}"));
        ReplyCodeTable table = m_settings->replyCodes;
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString key = text(it->first);
            const int at = lineOf(it->first, line);
            const auto code = replyCodeFromName(key);
            if (!code)
                return m_error(at, name + u'.' + key, QCoreApplication::translate("machina::ConfigLoader", "is not one of acknowledged, in_progress, done, rejected"));
            const YAML::Node list = it->second;   // a copy: the iterator's pair is a temporary
            if (!list.IsSequence())
                return m_error(at, name + u'.' + key, QCoreApplication::translate("machina::ConfigLoader", "expected a list of words"));
            QStringList words;
            for (const YAML::Node &word : list) {
                const QString w = text(word).trimmed();
                if (w.isEmpty() || w.contains(u' '))
                    return m_error(at, name + u'.' + key, QCoreApplication::translate("machina::ConfigLoader", "each code is one word"));
                words.append(w);
            }
            table.setWords(*code, words);
        }
        if (const QString conflict = table.conflict(); !conflict.isEmpty())
            return m_error(line, name, conflict);
        m_settings->replyCodes = table;
        return {};
    }

    ConnectorError technicians(const YAML::Node &value, int line, const QString &name)
    {
        if (!value.IsSequence())
            return m_error(line, name, QCoreApplication::translate("machina::ConfigLoader", "expected a list of {name, address, areas, order}"));
        QList<Technician> roster;
        for (const YAML::Node &item : value) {
            const int at = lineOf(item, line);
            if (!item.IsMap())
                return m_error(at, name, QCoreApplication::translate("machina::ConfigLoader", "each technician is a map with name and address"));
            Technician t;
            t.name = text(item["name"]).trimmed();
            t.address = text(item["address"]).trimmed();
            if (t.address.isEmpty() || !t.address.contains(u'@'))
                return m_error(at, name, QCoreApplication::translate("machina::ConfigLoader", "technician %1 needs an address").arg(t.name));
            if (const YAML::Node areas = item["areas"]; isSequence(areas)) {
                for (const YAML::Node &area : areas)
                    t.areas.append(text(area).trimmed());
            }
            const QString order = text(item["order"]);
            t.order = order.isEmpty() ? int(roster.size()) + 1 : order.toInt();
            roster.append(t);
        }
        m_settings->technicians = roster;
        return {};
    }

    const ConfigErrorFactory &m_error;
    WorkOrderSettings *m_settings;
};

} // namespace

ConnectorError readWorkOrderSection(const YAML::Node &section, int line, const ConfigErrorFactory &error,
                                    WorkOrderSettings *settings)
{
    return SectionReader(error, settings).read(section, line);
}

} // namespace machina
