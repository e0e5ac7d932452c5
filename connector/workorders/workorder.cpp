#include "workorder.h"

namespace machina {

namespace {

struct StateName
{
    WorkOrderState state;
    const char *name;
};

constexpr StateName StateNames[] = {
    {WorkOrderState::Open, "open"},
    {WorkOrderState::Notified, "notified"},
    {WorkOrderState::Acknowledged, "acknowledged"},
    {WorkOrderState::InProgress, "in_progress"},
    {WorkOrderState::Done, "done"},
    {WorkOrderState::Rejected, "rejected"},
    {WorkOrderState::Cancelled, "cancelled"},
};

struct PriorityName
{
    WorkOrderPriority priority;
    const char *name;
};

constexpr PriorityName PriorityNames[] = {
    {WorkOrderPriority::Low, "low"},
    {WorkOrderPriority::Normal, "normal"},
    {WorkOrderPriority::High, "high"},
    {WorkOrderPriority::Critical, "critical"},
};

} // namespace

QString workOrderStateName(WorkOrderState state)
{
    for (const StateName &entry : StateNames) {
        if (entry.state == state)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<WorkOrderState> workOrderStateFromName(QStringView name)
{
    for (const StateName &entry : StateNames) {
        if (name == QLatin1StringView(entry.name))
            return entry.state;
    }
    return std::nullopt;
}

bool isOpenState(WorkOrderState state)
{
    return state == WorkOrderState::Open || state == WorkOrderState::Notified
        || state == WorkOrderState::Acknowledged || state == WorkOrderState::InProgress;
}

QString workOrderPriorityName(WorkOrderPriority priority)
{
    for (const PriorityName &entry : PriorityNames) {
        if (entry.priority == priority)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<WorkOrderPriority> workOrderPriorityFromName(QStringView name)
{
    for (const PriorityName &entry : PriorityNames) {
        if (name.compare(QLatin1StringView(entry.name), Qt::CaseInsensitive) == 0)
            return entry.priority;
    }
    return std::nullopt;
}

QString bareAddress(const QString &entry)
{
    const qsizetype open = entry.lastIndexOf(u'<');
    const qsizetype close = entry.lastIndexOf(u'>');
    if (open >= 0 && close > open)
        return entry.mid(open + 1, close - open - 1).trimmed().toLower();
    return entry.trimmed().toLower();
}

QString WorkOrder::assigneeEntry() const
{
    if (notified <= 0 || assignee < 0 || assignee >= chain.size())
        return {};
    return chain.at(assignee);
}

QString WorkOrder::assigneeAddress() const
{
    const QString entry = assigneeEntry();
    return entry.isEmpty() ? QString() : bareAddress(entry);
}

QStringList WorkOrder::notifiedAddresses() const
{
    QStringList addresses;
    for (int i = 0; i < notified && i < chain.size(); ++i)
        addresses.append(bareAddress(chain.at(i)));
    return addresses;
}

int WorkOrder::notifiedIndexOf(const QString &address) const
{
    const QString bare = bareAddress(address);
    for (int i = 0; i < notified && i < chain.size(); ++i) {
        if (bareAddress(chain.at(i)) == bare)
            return i;
    }
    return -1;
}

QDateTime WorkOrder::ackDeadline() const
{
    if (state != WorkOrderState::Notified || !notifiedAt.isValid())
        return {};
    return notifiedAt.addSecs(ackWithinSeconds);
}

} // namespace machina
