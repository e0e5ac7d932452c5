#include "workorderdisplay.h"

#include "addressbookdialog.h"

#include <cstdlib>

namespace machina {

QString WorkOrderDisplay::stateText(WorkOrderState state)
{
    switch (state) {
    case WorkOrderState::Open: return tr("Open");
    case WorkOrderState::Notified: return tr("Notified");
    case WorkOrderState::Acknowledged: return tr("Acknowledged");
    case WorkOrderState::InProgress: return tr("In progress");
    case WorkOrderState::Done: return tr("Done");
    case WorkOrderState::Rejected: return tr("Rejected");
    case WorkOrderState::Cancelled: return tr("Cancelled");
    }
    return workOrderStateName(state);
}

QIcon WorkOrderDisplay::stateIcon(WorkOrderState state)
{
    // The icon file is the machine name with '-' for '_': wo-in-progress.svg.
    QString name = workOrderStateName(state);
    name.replace(u'_', u'-');
    return QIcon(QStringLiteral(":/icons/wo-%1.svg").arg(name));
}

QIcon WorkOrderDisplay::overdueIcon()
{
    return QIcon(QStringLiteral(":/icons/wo-overdue.svg"));
}

QString WorkOrderDisplay::priorityText(WorkOrderPriority priority)
{
    switch (priority) {
    case WorkOrderPriority::Low: return tr("Low");
    case WorkOrderPriority::Normal: return tr("Normal");
    case WorkOrderPriority::High: return tr("High");
    case WorkOrderPriority::Critical: return tr("Critical");
    }
    return workOrderPriorityName(priority);
}

QString WorkOrderDisplay::actionText(const QString &action)
{
    if (action == u"created")
        return tr("Created");
    if (action == u"escalated")
        return tr("Escalated");
    if (action == u"acknowledged")
        return tr("Acknowledged");
    if (action == u"started")
        return tr("Started");
    if (action == u"done")
        return tr("Done");
    if (action == u"rejected")
        return tr("Rejected");
    if (action == u"cancelled")
        return tr("Cancelled");
    return action;
}

QString WorkOrderDisplay::durationText(qint64 seconds)
{
    seconds = std::llabs(seconds);
    if (seconds < 60)
        return tr("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%1h %2m").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1d %2h").arg(hours / 24).arg(hours % 24);
}

QString WorkOrderDisplay::personName(const QString &entry)
{
    QString name;
    QString address;
    if (!AddressBookDialog::parseEntry(entry, &name, &address))
        return entry.trimmed();
    return name.isEmpty() ? address : name;
}

} // namespace machina
