#pragma once

#include "../connectorerror.h"
#include "../workorders/workorder.h"

#include <QList>
#include <QString>

namespace machina {

class LocalStore;

/**
 * The local copy of the work orders the tracker read from the server, for a
 * quick start and offline viewing; never the only copy (the server's folder
 * is). Also keeps the tracker's marks: how far it has read the INBOX.
 */
class WorkOrderMirror
{
public:
    explicit WorkOrderMirror(LocalStore *store) : m_store(store) {}

    /// Replaces the whole mirror with @p orders, in one transaction.
    ConnectorError replaceAll(const QList<WorkOrder> &orders);
    ConnectorError put(const WorkOrder &order);
    /// Newest first; unreadable rows are skipped.
    QList<WorkOrder> all() const;

    QString mark(const QString &name) const;
    ConnectorError setMark(const QString &name, const QString &value);
    /// Removes the mark and returns what it held, in one statement: of two processes on this store one gets it.
    QString takeMark(const QString &name);
    /// The names of the marks that start with @p prefix.
    QStringList markNames(const QString &prefix) const;

private:
    LocalStore *m_store;
};

} // namespace machina
