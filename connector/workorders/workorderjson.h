#pragma once

#include "workorder.h"

#include <QJsonArray>
#include <QJsonObject>

namespace machina {

/**
 * A work order as JSON: what `machina-mail workorders --json` prints, what the
 * state messages on the server carry and what the local mirror keeps. Keys and
 * values are machine output: never translated.
 *
 * Keys: id, state, asset, summary, priority, assignee, notified (the addresses
 * notified so far), message_id (the first notification's), created,
 * created_by, chain, ack_within, ack_deadline, notified_at, alarm_message_id,
 * alarm_text, notification_ids, history (a list of {at, action, actor, from,
 * to, assignee, message_id, comment}), shared (false while an order created
 * offline waits to reach the server).
 */
namespace WorkOrderJson {

QJsonObject toJson(const WorkOrder &order);
/// The fields toJson() writes; what is missing keeps its default. False (and @p problem) for a non-order.
bool fromJson(const QJsonObject &json, WorkOrder *order, QString *problem = nullptr);

QJsonObject eventToJson(const WorkOrderEvent &event);
WorkOrderEvent eventFromJson(const QJsonObject &json);

/// ISO 8601 in UTC with seconds: "2026-12-02T09:15:00Z".
QString timeText(const QDateTime &time);

} // namespace WorkOrderJson

} // namespace machina
