#pragma once

#include "connectorerror.h"
#include "workorders/workorder.h"
#include "workorders/workordertracker.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace machina {

/**
 * What the console needs of work orders, so that MainWindow and its tests do
 * not depend on a live WorkOrderTracker: the orders, the count nobody has
 * acknowledged, creating and cancelling one, and the tracker's signals.
 * TrackerWorkOrderService is the real one (MainWindow::setWorkOrderTracker());
 * tests hand the window a fake with MainWindow::setWorkOrderService().
 *
 * create() and cancel() report through their callback once the operation
 * ended, never re-entrantly from the call; the callback is dropped when the
 * service is destroyed first.
 */
class WorkOrderService : public QObject
{
    Q_OBJECT
public:
    /** How a create() ended. */
    struct Created
    {
        ConnectorError error;   ///< set when it failed, or (with queued) why it is not out yet
        WorkOrder order;        ///< with its id, when one was claimed
        bool queued = false;    ///< the notification waits in the outbox
    };
    using CreateDone = std::function<void(const Created &)>;
    using CancelDone = std::function<void(const ConnectorError &)>;

    using QObject::QObject;

    /// Every work order known, newest first.
    virtual QList<WorkOrder> workOrders() const = 0;
    /// Open or notified, not acknowledged yet.
    virtual int unacknowledgedCount() const = 0;
    virtual void create(const WorkOrderRequest &request, CreateDone done) = 0;
    virtual void cancel(const QString &id, CancelDone done) = 0;

Q_SIGNALS:
    /// As WorkOrderTracker's signals of the same names.
    void changed();
    void escalated(const machina::WorkOrder &order);
    void escalationExhausted(const machina::WorkOrder &order);
    void replyApplied(const machina::WorkOrder &order, const QString &from, const QString &code);
    void replyIgnored(const QString &id, const QString &from, const QString &reason);
    void problem(const machina::ConnectorError &error);
};

} // namespace machina
