#pragma once

#include "workorders/workorder.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace machina {

/**
 * What the console shows for a work order's machine values: the state names
 * ("in_progress"), priorities ("high") and history actions ("acknowledged")
 * stay as they are in JSON and on the server; here they get their translated
 * display text and, for states, an icon of their own shape. Also the short
 * durations the work-order table uses ("12m", "2h 05m").
 */
class WorkOrderDisplay
{
    Q_DECLARE_TR_FUNCTIONS(WorkOrderDisplay)
public:
    /// "Open", "Notified", "Acknowledged", "In progress", "Done", "Rejected", "Cancelled" (translated).
    static QString stateText(WorkOrderState state);
    /// :/icons/wo-<state>.svg ("wo-in-progress.svg" for in_progress).
    static QIcon stateIcon(WorkOrderState state);
    /// The clock with a badge: an acknowledgement that is overdue.
    static QIcon overdueIcon();
    /// "Low", "Normal", "High", "Critical" (translated).
    static QString priorityText(WorkOrderPriority priority);
    /// A history action in words ("Acknowledged", "Escalated"); an unknown one as written.
    static QString actionText(const QString &action);
    /**
     * A duration, short and rounded down: "45s" under a minute, "12m" under
     * an hour, "2h 05m" under a day, "3d 4h" after; negative values as their
     * magnitude (the caller says "overdue").
     */
    static QString durationText(qint64 seconds);
    /// The display name of "Name <address>", else the bare address (for "sent to Anna Berg").
    static QString personName(const QString &entry);
};

} // namespace machina
