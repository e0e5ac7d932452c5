#pragma once

#include "connectorerror.h"

#include <QObject>

namespace machina {

/**
 * The result of one asynchronous connector operation, in the QNetworkReply
 * shape: finished() is emitted exactly once, always from the event loop
 * (never re-entrantly from the call that started the operation), and error()
 * says how it ended. The caller owns the reply; deleteLater() it in a slot
 * connected to finished().
 */
class ConnectorReply : public QObject
{
    Q_OBJECT
public:
    explicit ConnectorReply(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    ConnectorError error() const { return m_error; }

    /// Ends the operation with an Aborted error unless it has finished already.
    void abort();

    /// Ends the operation; finished() follows from the event loop. Later calls are ignored.
    void finish(const ConnectorError &error = {});

Q_SIGNALS:
    void finished();
    /// Human-readable progress ("Connecting to smtp.example.com:465").
    void progressed(const QString &step);

protected:
    /// Called once when the operation is aborted, before finished().
    virtual void onAborted() {}

private:
    bool m_finished = false;
    ConnectorError m_error;
};

} // namespace machina
