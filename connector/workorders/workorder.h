#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace machina {

/// Where a work order is. The JSON names (workOrderStateName()) are machine output: never translated.
enum class WorkOrderState { Open, Notified, Acknowledged, InProgress, Done, Rejected, Cancelled };

enum class WorkOrderPriority { Low, Normal, High, Critical };

/// "open", "notified", "acknowledged", "in_progress", "done", "rejected", "cancelled".
QString workOrderStateName(WorkOrderState state);
std::optional<WorkOrderState> workOrderStateFromName(QStringView name);
/// Not done, rejected or cancelled: someone still has to act.
bool isOpenState(WorkOrderState state);

/// "low", "normal", "high", "critical".
QString workOrderPriorityName(WorkOrderPriority priority);
std::optional<WorkOrderPriority> workOrderPriorityFromName(QStringView name);

/** One line of a work order's history: who did what, when, through which mail. */
struct WorkOrderEvent
{
    QDateTime at;
    /// "created", "escalated", "acknowledged", "started", "done", "rejected" (handed on or
    /// the last one), "cancelled".
    QString action;
    QString actor;               ///< a technician's address, or the program that acted ("dispatcher on host")
    WorkOrderState from = WorkOrderState::Open;
    WorkOrderState to = WorkOrderState::Open;
    QString assignee;            ///< the chain entry responsible afterwards
    QString messageId;           ///< the mail behind it: a notification sent, or a reply received
    QString comment;             ///< a reply's text after its code

    bool operator==(const WorkOrderEvent &) const = default;
};

/**
 * A job: an asset to look at, the technicians to reach in order, and where it
 * stands. The shared copy lives on the mail server (WorkOrderFolder); this is
 * its value.
 */
struct WorkOrder
{
    QString id;                  ///< "WO-2026-0007", unique across consoles
    QString asset;
    QString summary;
    WorkOrderPriority priority = WorkOrderPriority::Normal;
    QString alarmMessageId;      ///< the alarm mail's Message-ID, without <>
    QString alarmText;           ///< the alarm as the notification quotes it
    /// "Name <address>" or "address": [0] is notified first, the rest is the escalation order.
    QStringList chain;
    qint64 ackWithinSeconds = 3600;
    QDateTime created;
    QString createdBy;

    WorkOrderState state = WorkOrderState::Open;
    int assignee = 0;            ///< index into chain of the one responsible now
    int notified = 0;            ///< chain[0 .. notified-1] have been notified
    QDateTime notifiedAt;        ///< when the last of them was: the acknowledgement deadline counts from it
    QStringList notificationIds; ///< the Message-IDs of the notifications, in the order sent
    QList<WorkOrderEvent> history;
    /// On the server for every console to see; false for one created offline, until it is shared.
    bool shared = true;

    /// The chain entry responsible now; empty before anyone is notified.
    QString assigneeEntry() const;
    /// Its bare address, lower-cased.
    QString assigneeAddress() const;
    /// The bare addresses of chain[0 .. notified-1], lower-cased.
    QStringList notifiedAddresses() const;
    /// The index in chain of @p address (compared bare and case-insensitively) if it was notified, else -1.
    int notifiedIndexOf(const QString &address) const;
    /// While notified: when the acknowledgement is due; invalid otherwise.
    QDateTime ackDeadline() const;
    bool isOpen() const { return isOpenState(state); }
};

/// The bare address in "Name <addr>" or "addr", lower-cased (no validation; MessageBuilder does that).
QString bareAddress(const QString &entry);

} // namespace machina
