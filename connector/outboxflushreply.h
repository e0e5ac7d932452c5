#pragma once

#include "connectorreply.h"

namespace machina {

/**
 * The reply to one pass over the outbox (EmailConnector::flushOutbox()):
 * finished() once every entry that was queued was tried, and the Sent copies
 * and read marks of what was sent are done. error() is set only when the
 * pass could not run at all (the store, or another sender holding it).
 */
class OutboxFlushReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;

    int sent() const { return m_sent; }
    /// Failed for good in this pass (a 5xx, a refused recipient).
    int failed() const { return m_failed; }
    /// Still queued at the end (the server could not be reached, or asked us to try later).
    int stillQueued() const { return m_stillQueued; }
    /// The server could not be reached (network, TLS, timeout): the pass stopped there.
    bool unreachable() const { return m_unreachable; }
    /// The last failure of the pass, in words.
    QString lastError() const { return m_lastError; }

    void countSent() { ++m_sent; }
    void countFailed(const QString &error) { ++m_failed; m_lastError = error; }
    void setUnreachable(const QString &error) { m_unreachable = true; m_lastError = error; }
    void noteDeferred(const QString &error) { m_lastError = error; }
    void setStillQueued(int n) { m_stillQueued = n; }

private:
    int m_sent = 0;
    int m_failed = 0;
    int m_stillQueued = 0;
    bool m_unreachable = false;
    QString m_lastError;
};

} // namespace machina
