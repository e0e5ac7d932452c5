#include "workordertimelinemodel.h"

#include "workorderdisplay.h"

#include <QLocale>

#include <algorithm>

namespace machina {

WorkOrderTimelineModel::WorkOrderTimelineModel(QObject *parent) : QAbstractTableModel(parent) {}

int WorkOrderTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int WorkOrderTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WorkOrderTimelineModel::actionText(const WorkOrderEvent &event)
{
    const QString action = WorkOrderDisplay::actionText(event.action);
    // Who has it now, where the step handed it to someone.
    const bool handsOn = event.to == WorkOrderState::Notified && !event.assignee.isEmpty();
    if (!handsOn)
        return action;
    const QString who = WorkOrderDisplay::personName(event.assignee);
    if (event.action == u"created")
        return tr("Created, notified %1").arg(who);
    if (event.action == u"escalated")
        return tr("Escalated to %1").arg(who);
    return tr("%1, now with %2").arg(action, who);
}

QVariant WorkOrderTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_events.size())
        return {};
    const WorkOrderEvent &event = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return event.at.isValid() ? QLocale().toString(event.at.toLocalTime(), QLocale::ShortFormat) : QString();
        case ActionColumn: return actionText(event);
        case ActorColumn: return event.actor;
        case CommentColumn: return event.comment;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return event.at.isValid() ? QLocale().toString(event.at.toLocalTime(), QLocale::LongFormat) : QString();
        case ActionColumn: {
            QString text = tr("%1 → %2").arg(WorkOrderDisplay::stateText(event.from), WorkOrderDisplay::stateText(event.to));
            if (!event.assignee.isEmpty())
                text += u'\n' + tr("Responsible afterwards: %1").arg(event.assignee);
            if (!event.messageId.isEmpty())
                text += u'\n' + tr("Mail: <%1>").arg(event.messageId);
            return text;
        }
        case ActorColumn: return event.actor;
        case CommentColumn: return event.comment;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == ActionColumn)
            return WorkOrderDisplay::stateIcon(event.to);
        return {};
    }
    return {};
}

QVariant WorkOrderTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case ActionColumn: return tr("Action");
    case ActorColumn: return tr("By");
    case CommentColumn: return tr("Comment");
    }
    return {};
}

void WorkOrderTimelineModel::setOrder(const WorkOrder &order)
{
    // The same order moved on: its new events are appended, the view keeps its place.
    if (order.id == m_id && order.history.size() >= m_events.size()
        && std::equal(m_events.cbegin(), m_events.cend(), order.history.cbegin())) {
        if (order.history.size() > m_events.size()) {
            beginInsertRows({}, int(m_events.size()), int(order.history.size()) - 1);
            m_events = order.history;
            endInsertRows();
        }
        return;
    }
    beginResetModel();
    m_id = order.id;
    m_events = order.history;
    endResetModel();
}

void WorkOrderTimelineModel::clear()
{
    beginResetModel();
    m_id.clear();
    m_events.clear();
    endResetModel();
}

} // namespace machina
