#pragma once

#include "workorders/workorder.h"

#include <QAbstractTableModel>
#include <QString>

namespace machina {

/**
 * One work order's history as a table, oldest first: Time (local, QLocale's
 * short format; the tooltip has the long one), Action (in words, with whom
 * it is now after a creation, escalation or hand-on), Actor (the technician's
 * address or the program that acted) and Comment (a reply's text after its
 * code).
 */
class WorkOrderTimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActionColumn, ActorColumn, CommentColumn, ColumnCount };
    Q_ENUM(Column)

    explicit WorkOrderTimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Shows @p order's history.
    void setOrder(const WorkOrder &order);
    /// Shows nothing.
    void clear();
    /// The id of the order shown; empty when none is.
    QString orderId() const { return m_id; }

    /// The Action column's text for @p event: "Escalated to Piotr Nowak", "Rejected, now with Piotr Nowak".
    static QString actionText(const WorkOrderEvent &event);

private:
    QString m_id;
    QList<WorkOrderEvent> m_events;
};

} // namespace machina
