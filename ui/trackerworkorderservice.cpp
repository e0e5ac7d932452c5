#include "trackerworkorderservice.h"

#include "mainwindow.h"
#include "workorders/workordertracker.h"

#include <QTimer>

namespace machina {

TrackerWorkOrderService::TrackerWorkOrderService(WorkOrderTracker *tracker, QObject *parent)
    : WorkOrderService(parent), m_tracker(tracker)
{
    connect(tracker, &WorkOrderTracker::changed, this, &WorkOrderService::changed);
    connect(tracker, &WorkOrderTracker::escalated, this, &WorkOrderService::escalated);
    connect(tracker, &WorkOrderTracker::escalationExhausted, this, &WorkOrderService::escalationExhausted);
    connect(tracker, &WorkOrderTracker::replyApplied, this, &WorkOrderService::replyApplied);
    connect(tracker, &WorkOrderTracker::replyIgnored, this, &WorkOrderService::replyIgnored);
    connect(tracker, &WorkOrderTracker::problem, this, &WorkOrderService::problem);
}

QList<WorkOrder> TrackerWorkOrderService::workOrders() const
{
    return m_tracker ? m_tracker->workOrders() : QList<WorkOrder>();
}

int TrackerWorkOrderService::unacknowledgedCount() const
{
    return m_tracker ? m_tracker->unacknowledgedCount() : 0;
}

namespace {

ConnectorError gone()
{
    return ConnectorError(ConnectorError::Kind::Aborted,
                          TrackerWorkOrderService::tr("work orders are not tracked for this account any more"));
}

} // namespace

void TrackerWorkOrderService::create(const WorkOrderRequest &request, CreateDone done)
{
    if (!m_tracker) {
        QTimer::singleShot(0, this, [done] { done({gone(), {}, false}); });
        return;
    }
    WorkOrderReply *reply = m_tracker->create(request);
    // Deleted once finished even when this service is gone by then (and the callback with it).
    connect(reply, &ConnectorReply::finished, reply, &QObject::deleteLater);
    connect(reply, &ConnectorReply::finished, this,
            [reply, done] { done({reply->error(), reply->order(), reply->isQueued()}); });
}

void TrackerWorkOrderService::cancel(const QString &id, CancelDone done)
{
    if (!m_tracker) {
        QTimer::singleShot(0, this, [done] { done(gone()); });
        return;
    }
    ConnectorReply *reply = m_tracker->cancel(id);
    connect(reply, &ConnectorReply::finished, reply, &QObject::deleteLater);
    connect(reply, &ConnectorReply::finished, this, [reply, done] { done(reply->error()); });
}

void MainWindow::setWorkOrderTracker(WorkOrderTracker *tracker)
{
    setWorkOrderService(tracker ? new TrackerWorkOrderService(tracker, this) : nullptr);
}

} // namespace machina
