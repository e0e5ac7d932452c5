#pragma once

#include "workorders/workorder.h"

#include <QList>
#include <QTimer>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace machina {

class WorkOrderModel;
class WorkOrderTimelineModel;

/**
 * The work orders, for the supervisor (the main window's Work orders dock):
 * a sortable table of every order (WorkOrderModel: id, state, asset,
 * summary, assignee, priority, age, time to acknowledge), and below it the
 * timeline of the current one (WorkOrderTimelineModel: when, what, by whom,
 * the technician's comment).
 *
 * Cancel work order (Delete while the view has the focus, the button below
 * the table, or the table's context menu) asks first and then emits
 * cancelRequested(): the main window passes it to the tracker. It is enabled
 * only for an order that is still open. A line above the table says how many
 * orders wait for an acknowledgement, or why there are none (an account
 * without work orders). Age and time left are refreshed every 15 seconds.
 */
class WorkOrderView : public QWidget
{
    Q_OBJECT
public:
    /// Asks @p question (Yes/No) on behalf of @p parent; true for Yes.
    using Confirmation = std::function<bool(QWidget *parent, const QString &title, const QString &question)>;

    explicit WorkOrderView(QWidget *parent = nullptr);
    ~WorkOrderView() override;

    WorkOrderModel *model() const { return m_model; }
    /// The sorting proxy the table shows (WorkOrderModel::SortRole).
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    WorkOrderTimelineModel *timelineModel() const { return m_timelineModel; }
    QTableView *timeline() const { return m_timeline; }
    QAction *cancelAction() const { return m_cancelAction; }
    QToolButton *cancelButton() const { return m_cancelButton; }
    /// "2 work orders not yet acknowledged", or why there are no work orders.
    QLabel *summaryLabel() const { return m_summary; }
    /// "Timeline of WO-2026-0007", above the timeline.
    QLabel *timelineLabel() const { return m_timelineLabel; }

    /// Shows @p orders (newest first, as the tracker lists them).
    void setOrders(const QList<WorkOrder> &orders);
    /// The id of the current order; empty when none is.
    QString currentId() const;
    /// Makes @p id the current order; false when it is not listed.
    bool selectOrder(const QString &id);

    /**
     * Whether this account has work orders at all. Without them (an account
     * without a tracker) the table is empty and disabled, Cancel is off, and
     * the summary line says @p why.
     */
    void setAvailable(bool available, const QString &why = {});
    bool isAvailable() const { return m_available; }

    /// Replaces the Cancel confirmation (a QMessageBox by default), e.g. for tests.
    void setConfirmation(Confirmation confirm);

public Q_SLOTS:
    /// Asks whether to cancel the current order and, on Yes, emits cancelRequested().
    void cancelSelected();

Q_SIGNALS:
    /// The supervisor confirmed cancelling @p id.
    void cancelRequested(const QString &id);

private:
    void updateTimeline();
    void updateActions();
    void updateSummary();

    WorkOrderModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    WorkOrderTimelineModel *m_timelineModel;
    QTableView *m_timeline;
    QLabel *m_summary;
    QLabel *m_timelineLabel;
    QAction *m_cancelAction;
    QToolButton *m_cancelButton;
    QTimer m_tick;
    Confirmation m_confirm;
    bool m_available = true;
    QString m_unavailableWhy;
};

} // namespace machina
