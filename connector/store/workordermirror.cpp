#include "workordermirror.h"

#include "../workorders/workorderjson.h"
#include "localstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace machina {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("machina::WorkOrderMirror", text);
}

} // namespace

ConnectorError WorkOrderMirror::put(const WorkOrder &order)
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO work_orders (id, created, json) VALUES (?, ?, ?)"));
    query.addBindValue(order.id);
    query.addBindValue(WorkOrderJson::timeText(order.created));
    query.addBindValue(QString::fromUtf8(QJsonDocument(WorkOrderJson::toJson(order)).toJson(QJsonDocument::Compact)));
    return m_store->exec(query, tr("cannot keep work order %1").arg(order.id));
}

ConnectorError WorkOrderMirror::replaceAll(const QList<WorkOrder> &orders)
{
    QSqlDatabase db = m_store->database();
    db.transaction();
    QSqlQuery clear(db);
    clear.prepare(QStringLiteral("DELETE FROM work_orders"));
    if (const ConnectorError error = m_store->exec(clear, tr("cannot refresh the work orders"))) {
        db.rollback();
        return error;
    }
    for (const WorkOrder &order : orders) {
        if (const ConnectorError error = put(order)) {
            db.rollback();
            return error;
        }
    }
    if (!db.commit())
        return m_store->error(tr("cannot refresh the work orders"), db.lastError());
    return {};
}

QList<WorkOrder> WorkOrderMirror::all() const
{
    QList<WorkOrder> orders;
    QSqlQuery query(m_store->database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT json FROM work_orders ORDER BY created DESC, id DESC")))
        return orders;
    while (query.next()) {
        WorkOrder order;
        const QJsonDocument doc = QJsonDocument::fromJson(query.value(0).toString().toUtf8());
        if (doc.isObject() && WorkOrderJson::fromJson(doc.object(), &order))
            orders.append(order);
    }
    return orders;
}

QString WorkOrderMirror::mark(const QString &name) const
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT value FROM work_order_marks WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

ConnectorError WorkOrderMirror::setMark(const QString &name, const QString &value)
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO work_order_marks (name, value) VALUES (?, ?)"));
    query.addBindValue(name);
    query.addBindValue(value);
    return m_store->exec(query, tr("cannot keep the work-order mark %1").arg(name));
}

QString WorkOrderMirror::takeMark(const QString &name)
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("DELETE FROM work_order_marks WHERE name = ? RETURNING value"));
    query.addBindValue(name);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

QStringList WorkOrderMirror::markNames(const QString &prefix) const
{
    QStringList names;
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT name FROM work_order_marks WHERE substr(name, 1, ?) = ? ORDER BY name"));
    query.addBindValue(prefix.size());
    query.addBindValue(prefix);
    if (!query.exec())
        return names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

} // namespace machina
