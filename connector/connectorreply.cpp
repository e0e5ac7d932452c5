#include "connectorreply.h"

#include <QMetaObject>

namespace machina {

ConnectorReply::ConnectorReply(QObject *parent) : QObject(parent) {}

void ConnectorReply::abort()
{
    if (m_finished)
        return;
    onAborted();
    finish(ConnectorError(ConnectorError::Kind::Aborted, tr("The operation was aborted.")));
}

void ConnectorReply::finish(const ConnectorError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    QMetaObject::invokeMethod(this, &ConnectorReply::finished, Qt::QueuedConnection);
}

} // namespace machina
