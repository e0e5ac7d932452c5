#pragma once

#include "workorderservice.h"

#include <QCoreApplication>
#include <QPointer>

namespace machina {

class WorkOrderTracker;

/**
 * WorkOrderService over a WorkOrderTracker (which the caller owns): calls
 * pass through, replies are turned into the callbacks, signals are forwarded.
 *
 * This file also defines MainWindow::setWorkOrderTracker(), so that only
 * programs which hand the window a tracker (machina-console) link the
 * tracker's code; the ui tests use a fake service instead. For the same
 * reason the class has no Q_OBJECT (it adds no signals): its vtable stays in
 * trackerworkorderservice.cpp instead of the library's shared moc unit.
 */
class TrackerWorkOrderService : public WorkOrderService
{
    Q_DECLARE_TR_FUNCTIONS(TrackerWorkOrderService)
public:
    explicit TrackerWorkOrderService(WorkOrderTracker *tracker, QObject *parent = nullptr);

    WorkOrderTracker *tracker() const { return m_tracker; }

    QList<WorkOrder> workOrders() const override;
    int unacknowledgedCount() const override;
    void create(const WorkOrderRequest &request, CreateDone done) override;
    void cancel(const QString &id, CancelDone done) override;

private:
    QPointer<WorkOrderTracker> m_tracker;
};

} // namespace machina
