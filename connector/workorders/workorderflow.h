#pragma once

#include "replycodes.h"
#include "workorder.h"

#include <optional>

namespace machina {

/**
 * The rules of a work order's life, as pure functions: a state and an event in,
 * the next state out, plus the one side effect a step may ask for (a
 * notification to a chain entry). WorkOrderTracker applies them to the copy on
 * the server; tests drive them directly.
 *
 *     open --created--> notified --ACK--> acknowledged --START--> in_progress --DONE--> done
 *     notified/acknowledged --START--> in_progress
 *     notified/acknowledged/in_progress --DONE--> done
 *     notified/acknowledged/in_progress --REJECT by the assignee--> notified (next in chain) | rejected (nobody left)
 *     notified --deadline passed--> notified (next in chain, escalated) | unchanged, exhausted
 *     any open state --cancel--> cancelled
 *
 * Only an address that was notified for the work order may move it. Steps are
 * idempotent: the same reply applied twice changes nothing the second time
 * (an ACK on an acknowledged order, a REJECT from someone no longer assigned),
 * which is what lets several consoles apply what they see without counting twice.
 */
struct WorkOrderStep
{
    enum class Result {
        Changed,    ///< next differs; event says how
        Unchanged,  ///< nothing to do (already there); reason says why
        Refused,    ///< not allowed (a stranger, a closed order); reason says why
    };

    Result result = Result::Unchanged;
    WorkOrder next;
    WorkOrderEvent event;            ///< for Changed
    std::optional<int> notify;       ///< chain index that must get a notification now
    QString reason;

    bool changed() const { return result == Result::Changed; }
};

namespace WorkOrderFlow {

/// The order's first notification went to chain[0] at @p at.
WorkOrderStep notifyFirst(const WorkOrder &order, const QDateTime &at, const QString &actor);
/// A reply from @p from carrying @p code.
WorkOrderStep reply(const WorkOrder &order, const QString &from, ReplyCode code, const QDateTime &at,
                    const QString &messageId = {}, const QString &comment = {});
/// The acknowledgement deadline passed: the next in the chain is notified.
WorkOrderStep escalate(const WorkOrder &order, const QDateTime &now, const QString &actor);
/// The supervisor called it off.
WorkOrderStep cancel(const WorkOrder &order, const QDateTime &at, const QString &actor);

/// Notified, the deadline passed, and someone is left to escalate to.
bool escalationDue(const WorkOrder &order, const QDateTime &now);
/// Notified, the deadline passed, and nobody is left: the supervisor must act.
bool escalationExhausted(const WorkOrder &order, const QDateTime &now);

} // namespace WorkOrderFlow

} // namespace machina
