#include "workorderflow.h"

namespace machina::WorkOrderFlow {

namespace {

WorkOrderStep unchanged(const WorkOrder &order, WorkOrderStep::Result result, const QString &reason)
{
    WorkOrderStep step;
    step.result = result;
    step.next = order;
    step.reason = reason;
    return step;
}

WorkOrderStep changed(const WorkOrder &order, WorkOrder next, const QString &action, const QString &actor,
                      const QDateTime &at, const QString &messageId, const QString &comment)
{
    WorkOrderStep step;
    step.result = WorkOrderStep::Result::Changed;
    step.event.at = at;
    step.event.action = action;
    step.event.actor = actor;
    step.event.from = order.state;
    step.event.to = next.state;
    step.event.assignee = next.assigneeEntry();
    step.event.messageId = messageId;
    step.event.comment = comment;
    next.history.append(step.event);
    step.next = std::move(next);
    return step;
}

QString closedReason(const WorkOrder &order)
{
    return QStringLiteral("%1 is %2 already").arg(order.id, workOrderStateName(order.state));
}

} // namespace

WorkOrderStep notifyFirst(const WorkOrder &order, const QDateTime &at, const QString &actor)
{
    if (order.state != WorkOrderState::Open)
        return unchanged(order, WorkOrderStep::Result::Unchanged, QStringLiteral("%1 was notified already").arg(order.id));
    if (order.chain.isEmpty())
        return unchanged(order, WorkOrderStep::Result::Refused, QStringLiteral("%1 has nobody to notify").arg(order.id));
    WorkOrder next = order;
    next.state = WorkOrderState::Notified;
    next.assignee = 0;
    next.notified = 1;
    next.notifiedAt = at;
    WorkOrderStep step = changed(order, next, QStringLiteral("created"), actor, at, {}, {});
    step.notify = 0;
    return step;
}

WorkOrderStep reply(const WorkOrder &order, const QString &from, ReplyCode code, const QDateTime &at,
                    const QString &messageId, const QString &comment)
{
    const int index = order.notifiedIndexOf(from);
    if (index < 0) {
        return unchanged(order, WorkOrderStep::Result::Refused,
                         QStringLiteral("%1 was not notified for %2").arg(bareAddress(from), order.id));
    }
    if (!order.isOpen())
        return unchanged(order, WorkOrderStep::Result::Refused, closedReason(order));
    const QString actor = bareAddress(from);
    WorkOrder next = order;
    switch (code) {
    case ReplyCode::Acknowledge:
        if (order.state != WorkOrderState::Notified) {
            return unchanged(order, WorkOrderStep::Result::Unchanged,
                             QStringLiteral("%1 is %2 already").arg(order.id, workOrderStateName(order.state)));
        }
        next.state = WorkOrderState::Acknowledged;
        next.assignee = index;
        return changed(order, next, QStringLiteral("acknowledged"), actor, at, messageId, comment);
    case ReplyCode::Start:
        if (order.state == WorkOrderState::InProgress)
            return unchanged(order, WorkOrderStep::Result::Unchanged, QStringLiteral("%1 is in progress already").arg(order.id));
        next.state = WorkOrderState::InProgress;
        next.assignee = index;
        return changed(order, next, QStringLiteral("started"), actor, at, messageId, comment);
    case ReplyCode::Done:
        next.state = WorkOrderState::Done;
        next.assignee = index;
        return changed(order, next, QStringLiteral("done"), actor, at, messageId, comment);
    case ReplyCode::Reject: {
        if (index != order.assignee) {
            return unchanged(order, WorkOrderStep::Result::Unchanged,
                             QStringLiteral("%1 is no longer assigned to %2").arg(actor, order.id));
        }
        if (order.notified >= order.chain.size()) {
            next.state = WorkOrderState::Rejected;
            return changed(order, next, QStringLiteral("rejected"), actor, at, messageId, comment);
        }
        next.state = WorkOrderState::Notified;
        next.assignee = order.notified;
        next.notified = order.notified + 1;
        next.notifiedAt = at;
        WorkOrderStep step = changed(order, next, QStringLiteral("rejected"), actor, at, messageId, comment);
        step.notify = next.assignee;
        return step;
    }
    }
    return unchanged(order, WorkOrderStep::Result::Refused, QStringLiteral("unknown reply code"));
}

WorkOrderStep escalate(const WorkOrder &order, const QDateTime &now, const QString &actor)
{
    if (!escalationDue(order, now)) {
        return unchanged(order, WorkOrderStep::Result::Unchanged,
                         QStringLiteral("%1 is not due for escalation").arg(order.id));
    }
    WorkOrder next = order;
    next.assignee = order.notified;
    next.notified = order.notified + 1;
    next.notifiedAt = now;
    WorkOrderStep step = changed(order, next, QStringLiteral("escalated"), actor, now, {}, {});
    step.notify = next.assignee;
    return step;
}

WorkOrderStep cancel(const WorkOrder &order, const QDateTime &at, const QString &actor)
{
    if (!order.isOpen())
        return unchanged(order, WorkOrderStep::Result::Refused, closedReason(order));
    WorkOrder next = order;
    next.state = WorkOrderState::Cancelled;
    return changed(order, next, QStringLiteral("cancelled"), actor, at, {}, {});
}

bool escalationDue(const WorkOrder &order, const QDateTime &now)
{
    const QDateTime deadline = order.ackDeadline();
    return deadline.isValid() && now >= deadline && order.notified < order.chain.size();
}

bool escalationExhausted(const WorkOrder &order, const QDateTime &now)
{
    const QDateTime deadline = order.ackDeadline();
    return deadline.isValid() && now >= deadline && order.notified >= order.chain.size();
}

} // namespace machina::WorkOrderFlow
