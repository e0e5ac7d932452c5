#include "workordermodel.h"

#include "workorderdisplay.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <limits>

namespace machina {

namespace {

QString localTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

bool isTaking(const WorkOrderEvent &event)
{
    return event.from == WorkOrderState::Notified
           && (event.to == WorkOrderState::Acknowledged || event.to == WorkOrderState::InProgress
               || event.to == WorkOrderState::Done);
}

} // namespace

WorkOrderModel::WorkOrderModel(QObject *parent)
    : QAbstractTableModel(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

int WorkOrderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_orders.size());
}

int WorkOrderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void WorkOrderModel::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
    tick();
}

QDateTime WorkOrderModel::now() const
{
    return m_clock();
}

QDateTime WorkOrderModel::acknowledgedAt(const WorkOrder &order)
{
    for (const WorkOrderEvent &event : order.history) {
        if (event.action == u"acknowledged" || isTaking(event))
            return event.at;
    }
    return {};
}

WorkOrderModel::AckTiming WorkOrderModel::ackTiming(const WorkOrder &order, const QDateTime &now)
{
    AckTiming timing;
    const QDateTime taken = acknowledgedAt(order);
    if (taken.isValid() && order.created.isValid()) {
        timing.kind = AckTiming::Kind::Taken;
        timing.seconds = std::max<qint64>(0, order.created.secsTo(taken));
        timing.at = taken;
        return timing;
    }
    const QDateTime deadline = order.ackDeadline();
    if (order.state != WorkOrderState::Notified || !deadline.isValid())
        return timing;
    const qint64 left = now.secsTo(deadline);
    timing.kind = left > 0 ? AckTiming::Kind::Left : AckTiming::Kind::Overdue;
    timing.seconds = left > 0 ? left : -left;
    timing.at = deadline;
    return timing;
}

QString WorkOrderModel::ackText(const AckTiming &timing)
{
    switch (timing.kind) {
    case AckTiming::Kind::Taken:
        return WorkOrderDisplay::durationText(timing.seconds);
    case AckTiming::Kind::Left:
        return tr("%1 left").arg(WorkOrderDisplay::durationText(timing.seconds));
    case AckTiming::Kind::Overdue:
        return tr("overdue");
    case AckTiming::Kind::None:
        break;
    }
    return {};
}

QVariant WorkOrderModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_orders.size() || index.column() >= ColumnCount)
        return {};
    const WorkOrder &order = m_orders.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn: return order.id;
        case StateColumn: return WorkOrderDisplay::stateText(order.state);
        case AssetColumn: return order.asset;
        case SummaryColumn: return order.summary;
        case AssigneeColumn: {
            const QString entry = order.assigneeEntry();
            return entry.isEmpty() ? QString() : WorkOrderDisplay::personName(entry);
        }
        case PriorityColumn: return WorkOrderDisplay::priorityText(order.priority);
        case AgeColumn:
            return order.created.isValid() ? WorkOrderDisplay::durationText(order.created.secsTo(now())) : QString();
        case AckColumn: return ackText(ackTiming(order, now()));
        }
        return {};
    case Qt::DecorationRole:
        if (column == StateColumn)
            return WorkOrderDisplay::stateIcon(order.state);
        if (column == AckColumn && ackTiming(order, now()).kind == AckTiming::Kind::Overdue)
            return WorkOrderDisplay::overdueIcon();
        return {};
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return toolTip(index.row(), column);
    case Qt::TextAlignmentRole:
        if (column == AgeColumn || column == AckColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case IdRole:
        return order.id;
    case StateRole:
        return int(order.state);
    case SortRole:
        return sortKey(index.row(), column);
    }
    return {};
}

QVariant WorkOrderModel::sortKey(int row, int column) const
{
    const WorkOrder &order = m_orders.at(row);
    switch (column) {
    case StateColumn: return int(order.state);
    case PriorityColumn: return int(order.priority);
    case AgeColumn:
        // The youngest first in ascending order: by creation, latest first.
        return order.created.isValid() ? -order.created.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    case AckColumn: {
        // Waiting ones by time left (overdue below zero), then the times taken, then the rest.
        constexpr qint64 Group = 1'000'000'000'000;
        const AckTiming timing = ackTiming(order, now());
        switch (timing.kind) {
        case AckTiming::Kind::Overdue: return -timing.seconds;
        case AckTiming::Kind::Left: return timing.seconds;
        case AckTiming::Kind::Taken: return Group + timing.seconds;
        case AckTiming::Kind::None: break;
        }
        return 2 * Group;
    }
    default:
        return data(index(row, column), Qt::DisplayRole).toString();
    }
}

QString WorkOrderModel::toolTip(int row, int column) const
{
    const WorkOrder &order = m_orders.at(row);
    switch (column) {
    case IdColumn:
        return order.createdBy.isEmpty() ? tr("Created %1").arg(localTime(order.created))
                                         : tr("Created %1 by %2").arg(localTime(order.created), order.createdBy);
    case StateColumn: {
        const QString state = WorkOrderDisplay::stateText(order.state);
        if (order.state == WorkOrderState::Notified && !order.assigneeEntry().isEmpty())
            return tr("%1: waiting for %2 to acknowledge").arg(state, order.assigneeEntry());
        return state;
    }
    case SummaryColumn:
        return order.alarmText.isEmpty() ? order.summary : order.summary + u'\n' + order.alarmText;
    case AssigneeColumn: {
        // The whole chain, in order, and how far it got.
        QStringList lines;
        for (int i = 0; i < order.chain.size(); ++i) {
            QString line = QStringLiteral("%1. %2").arg(i + 1).arg(order.chain.at(i));
            if (order.notified > 0 && i == order.assignee)
                line = tr("%1 (responsible now)").arg(line);
            else if (i < order.notified)
                line = tr("%1 (notified)").arg(line);
            lines.append(line);
        }
        return lines.join(u'\n');
    }
    case AgeColumn:
        return tr("Created %1").arg(localTime(order.created));
    case AckColumn: {
        const AckTiming timing = ackTiming(order, now());
        switch (timing.kind) {
        case AckTiming::Kind::Taken:
            return tr("Acknowledged %1 after it was created (%2)")
                .arg(WorkOrderDisplay::durationText(timing.seconds), localTime(timing.at));
        case AckTiming::Kind::Left:
            return tr("To be acknowledged by %1").arg(localTime(timing.at));
        case AckTiming::Kind::Overdue:
            return tr("Overdue by %1: it was to be acknowledged by %2")
                .arg(WorkOrderDisplay::durationText(timing.seconds), localTime(timing.at));
        case AckTiming::Kind::None:
            break;
        }
        return {};
    }
    default:
        return data(index(row, column), Qt::DisplayRole).toString();
    }
}

QVariant WorkOrderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == AckColumn)
        return tr("How long the technician took to acknowledge, or the time left until the work order is escalated");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Work order");
    case StateColumn: return tr("State");
    case AssetColumn: return tr("Asset");
    case SummaryColumn: return tr("Summary");
    case AssigneeColumn: return tr("Assignee");
    case PriorityColumn: return tr("Priority");
    case AgeColumn: return tr("Age");
    case AckColumn: return tr("To acknowledge");
    }
    return {};
}

int WorkOrderModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_orders.size(); ++row) {
        if (m_orders.at(row).id == id)
            return row;
    }
    return -1;
}

int WorkOrderModel::unacknowledgedCount() const
{
    return int(std::count_if(m_orders.cbegin(), m_orders.cend(), [](const WorkOrder &order) {
        return order.state == WorkOrderState::Open || order.state == WorkOrderState::Notified;
    }));
}

void WorkOrderModel::setOrders(const QList<WorkOrder> &orders)
{
    QSet<QString> fresh;
    for (const WorkOrder &order : orders)
        fresh.insert(order.id);
    if (fresh.size() != orders.size()) { // a repeated id: no row identity to keep
        beginResetModel();
        m_orders = orders;
        endResetModel();
        return;
    }
    // Gone rows first, from the bottom, in runs.
    for (int last = int(m_orders.size()) - 1; last >= 0;) {
        if (fresh.contains(m_orders.at(last).id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !fresh.contains(m_orders.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, last);
        m_orders.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    // Then the new ones where they belong, as long as the kept ones stay in their order.
    QSet<QString> kept;
    for (const WorkOrder &order : std::as_const(m_orders))
        kept.insert(order.id);
    bool inOrder = true;
    for (int i = 0, row = 0; i < orders.size(); ++i) {
        if (!kept.contains(orders.at(i).id))
            continue;
        if (m_orders.at(row++).id != orders.at(i).id) {
            inOrder = false;
            break;
        }
    }
    if (inOrder) {
        for (int i = 0; i < orders.size(); ++i) {
            if (i < m_orders.size() && m_orders.at(i).id == orders.at(i).id) {
                m_orders[i] = orders.at(i);
                continue;
            }
            beginInsertRows({}, i, i);
            m_orders.insert(i, orders.at(i));
            endInsertRows();
        }
        if (!m_orders.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_orders.size()) - 1, ColumnCount - 1));
        return;
    }
    // Reordered: move the rows, and the persistent indexes with them.
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<QString> beforeIds;
    for (const QModelIndex &index : before)
        beforeIds.append(m_orders.at(index.row()).id);
    m_orders.clear();
    QHash<QString, int> rowById;
    for (const WorkOrder &order : orders) {
        if (kept.contains(order.id)) {
            rowById.insert(order.id, int(m_orders.size()));
            m_orders.append(order);
        }
    }
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowById.value(beforeIds.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
    // The new ones, now that the kept ones are in their places.
    setOrders(orders);
}

void WorkOrderModel::tick()
{
    if (m_orders.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, AgeColumn), index(int(m_orders.size()) - 1, AckColumn),
                       {Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole, SortRole});
}

} // namespace machina
