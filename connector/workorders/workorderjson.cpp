#include "workorderjson.h"

namespace machina::WorkOrderJson {

namespace {

QDateTime parseTime(const QJsonValue &value)
{
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QJsonArray strings(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

} // namespace

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject eventToJson(const WorkOrderEvent &event)
{
    return QJsonObject{
        {QStringLiteral("at"), timeText(event.at)},
        {QStringLiteral("action"), event.action},
        {QStringLiteral("actor"), event.actor},
        {QStringLiteral("from"), workOrderStateName(event.from)},
        {QStringLiteral("to"), workOrderStateName(event.to)},
        {QStringLiteral("assignee"), event.assignee},
        {QStringLiteral("message_id"), event.messageId},
        {QStringLiteral("comment"), event.comment},
    };
}

WorkOrderEvent eventFromJson(const QJsonObject &json)
{
    WorkOrderEvent event;
    event.at = parseTime(json.value(QStringLiteral("at")));
    event.action = json.value(QStringLiteral("action")).toString();
    event.actor = json.value(QStringLiteral("actor")).toString();
    event.from = workOrderStateFromName(json.value(QStringLiteral("from")).toString()).value_or(WorkOrderState::Open);
    event.to = workOrderStateFromName(json.value(QStringLiteral("to")).toString()).value_or(WorkOrderState::Open);
    event.assignee = json.value(QStringLiteral("assignee")).toString();
    event.messageId = json.value(QStringLiteral("message_id")).toString();
    event.comment = json.value(QStringLiteral("comment")).toString();
    return event;
}

QJsonObject toJson(const WorkOrder &order)
{
    QJsonArray history;
    for (const WorkOrderEvent &event : order.history)
        history.append(eventToJson(event));
    const QDateTime deadline = order.ackDeadline();
    return QJsonObject{
        {QStringLiteral("id"), order.id},
        {QStringLiteral("state"), workOrderStateName(order.state)},
        {QStringLiteral("asset"), order.asset},
        {QStringLiteral("summary"), order.summary},
        {QStringLiteral("priority"), workOrderPriorityName(order.priority)},
        {QStringLiteral("assignee"), order.assigneeEntry()},
        {QStringLiteral("notified"), strings(order.notifiedAddresses())},
        {QStringLiteral("message_id"), order.notificationIds.value(0)},
        {QStringLiteral("created"), timeText(order.created)},
        {QStringLiteral("created_by"), order.createdBy},
        {QStringLiteral("chain"), strings(order.chain)},
        {QStringLiteral("ack_within"), order.ackWithinSeconds},
        {QStringLiteral("ack_deadline"), deadline.isValid() ? QJsonValue(timeText(deadline)) : QJsonValue()},
        {QStringLiteral("notified_at"), order.notifiedAt.isValid() ? QJsonValue(timeText(order.notifiedAt)) : QJsonValue()},
        {QStringLiteral("alarm_message_id"), order.alarmMessageId},
        {QStringLiteral("alarm_text"), order.alarmText},
        {QStringLiteral("notification_ids"), strings(order.notificationIds)},
        {QStringLiteral("history"), history},
        {QStringLiteral("shared"), order.shared},
    };
}

bool fromJson(const QJsonObject &json, WorkOrder *order, QString *problem)
{
    WorkOrder o;
    o.id = json.value(QStringLiteral("id")).toString();
    if (o.id.isEmpty()) {
        if (problem)
            *problem = QStringLiteral("no id");
        return false;
    }
    o.asset = json.value(QStringLiteral("asset")).toString();
    o.summary = json.value(QStringLiteral("summary")).toString();
    o.priority = workOrderPriorityFromName(json.value(QStringLiteral("priority")).toString()).value_or(WorkOrderPriority::Normal);
    o.chain = stringList(json.value(QStringLiteral("chain")));
    if (o.chain.size() > 64) {
        if (problem)
            *problem = QStringLiteral("a chain of %1 technicians").arg(o.chain.size());
        return false;
    }
    o.ackWithinSeconds = json.value(QStringLiteral("ack_within")).toInteger(o.ackWithinSeconds);
    if (o.ackWithinSeconds <= 0)
        o.ackWithinSeconds = 3600;
    o.created = parseTime(json.value(QStringLiteral("created")));
    o.createdBy = json.value(QStringLiteral("created_by")).toString();
    o.alarmMessageId = json.value(QStringLiteral("alarm_message_id")).toString();
    o.alarmText = json.value(QStringLiteral("alarm_text")).toString();
    o.notificationIds = stringList(json.value(QStringLiteral("notification_ids")));
    o.notifiedAt = parseTime(json.value(QStringLiteral("notified_at")));
    if (const auto state = workOrderStateFromName(json.value(QStringLiteral("state")).toString()))
        o.state = *state;
    const QStringList notified = stringList(json.value(QStringLiteral("notified")));
    o.notified = int(std::min<qsizetype>(notified.size(), o.chain.size()));
    const QString assignee = json.value(QStringLiteral("assignee")).toString();
    o.assignee = std::max<qsizetype>(0, o.chain.indexOf(assignee));
    o.shared = json.value(QStringLiteral("shared")).toBool(true);
    for (const QJsonValue &v : json.value(QStringLiteral("history")).toArray())
        o.history.append(eventFromJson(v.toObject()));
    *order = std::move(o);
    return true;
}

} // namespace machina::WorkOrderJson
