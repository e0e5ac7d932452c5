#pragma once

#include "alarmrules.h"
#include "replycodes.h"
#include "workorder.h"
#include "workorderid.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace machina {

/** A technician of the roster: who, where to reach them, what they cover. */
struct Technician
{
    QString name;
    QString address;
    QStringList areas;           ///< asset prefixes they cover ("P-", "HX-"); empty: everything
    int order = 0;               ///< the default escalation order: lower first

    /// "Name <address>", or the address alone.
    QString entry() const;
    /// The asset starts with one of the areas (case-insensitive), or no areas are given.
    bool covers(const QString &asset) const;
};

/**
 * How work orders are run for one account: the id pattern, the folder on the
 * server, the acknowledgement deadlines, alarm rules, reply codes and the
 * roster. The config's work_orders section sets them; every field has a default.
 */
struct WorkOrderSettings
{
    static constexpr int MaxChain = 8;   ///< technicians in one chain (first plus escalations)

    QString idPattern = WorkOrderIdPattern::defaultPattern();
    QString folder = QStringLiteral("Work Orders");   ///< the IMAP folder that holds the shared state
    /// Seconds to acknowledge, by priority (low, normal, high, critical): 4 h, 60 min, 15 min, 5 min.
    std::array<qint64, 4> ackWithin{4 * 3600, 60 * 60, 15 * 60, 5 * 60};
    QList<AlarmRule> alarmRules;                      ///< empty: the default rule
    ReplyCodeTable replyCodes = ReplyCodeTable::defaults();
    QList<Technician> technicians;

    qint64 ackWithinFor(WorkOrderPriority priority) const { return ackWithin[size_t(priority)]; }
    AlarmRecognizer recognizer() const;
    /// The roster by escalation order, those covering @p asset first.
    QList<Technician> suggestedChain(const QString &asset) const;
    /// The technician named @p nameOrAddress (name case-insensitive, or the address).
    std::optional<Technician> findTechnician(const QString &nameOrAddress) const;
    /// The roster entry for @p nameOrAddress, or it unchanged when it is not a name there.
    QString resolve(const QString &nameOrAddress) const;
};

} // namespace machina
