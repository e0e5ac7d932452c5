#pragma once

#include "workorders/workorder.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace machina {

/**
 * Work orders as a table, in the order given (WorkOrderTracker::workOrders()
 * is newest first): Id, State (its display text and icon), Asset, Summary,
 * Assignee (the one responsible now), Priority, Age (since it was created)
 * and To acknowledge: for an order someone took, how long that took (the
 * first acknowledgement in its history minus its creation); while notified,
 * the time left to the deadline, or "overdue" (with an icon, not colour
 * alone).
 *
 * SortRole gives every column a key that sorts by meaning: states in their
 * order of life, priorities low to critical, ages by creation time, and To
 * acknowledge with the most urgent first (overdue, then least time left, then
 * the times taken). The main window feeds it with setOrders() on the
 * tracker's changed(); rows change in place (matched by id), so a view keeps
 * its selection. Times are read from clock() (the system clock unless a test
 * sets one); tick() refreshes the two time columns.
 */
class WorkOrderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        StateColumn,
        AssetColumn,
        SummaryColumn,
        AssigneeColumn,
        PriorityColumn,
        AgeColumn,
        AckColumn,      ///< time taken to acknowledge, or left to the deadline
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1, ///< QString: WorkOrder::id
        StateRole,                 ///< int: WorkOrderState
        SortRole,                  ///< the column's sort key (see the class comment)
    };
    Q_ENUM(Role)

    /** Where an order stands with its acknowledgement. */
    struct AckTiming
    {
        enum class Kind {
            None,     ///< not notified and never taken (open, or closed without an acknowledgement)
            Taken,    ///< acknowledged (or taken on at once): seconds from creation to then
            Left,     ///< notified: seconds left to the deadline
            Overdue,  ///< notified, deadline passed: seconds since
        };
        Kind kind = Kind::None;
        qint64 seconds = 0;
        QDateTime at;   ///< when it was taken (Taken) or is due (Left, Overdue)
    };

    using Clock = std::function<QDateTime()>;

    explicit WorkOrderModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Shows @p orders, in their order; rows of ids shown before change in place.
    void setOrders(const QList<WorkOrder> &orders);
    QList<WorkOrder> orders() const { return m_orders; }
    /// The order of @p row (0 <= row < rowCount()).
    const WorkOrder &orderAt(int row) const { return m_orders.at(row); }
    /// The row of @p id, or -1.
    int rowOf(const QString &id) const;
    /// Orders open or notified: nobody has acknowledged them yet.
    int unacknowledgedCount() const;

    void setClock(Clock clock);
    QDateTime now() const;

    /// When a technician first took @p order (acknowledged, or started or finished it while notified); invalid if never.
    static QDateTime acknowledgedAt(const WorkOrder &order);
    static AckTiming ackTiming(const WorkOrder &order, const QDateTime &now);
    /// "7m", "12m left", "overdue", or empty: the To acknowledge column's text.
    static QString ackText(const AckTiming &timing);

public Q_SLOTS:
    /// The clock moved on: Age and To acknowledge are shown again.
    void tick();

private:
    QVariant sortKey(int row, int column) const;
    QString toolTip(int row, int column) const;

    QList<WorkOrder> m_orders;
    Clock m_clock;
};

} // namespace machina
