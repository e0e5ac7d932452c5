#pragma once

#include "connectorreply.h"

namespace machina {

/** How listen() runs. */
struct ListenOptions
{
    bool once = false;      ///< handle what is unseen now, then stop (the CLI's --once)
    bool useIdle = true;    ///< IMAP IDLE when the server offers it, else poll every poll_interval
};

/**
 * The reply to listen(): finished when listening stops (stopListening(), or
 * with ListenOptions::once after the first round is handled and marked), or
 * when it cannot go on. Counts what happened.
 */
class ListenReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;
    int received() const { return m_received; }
    int handled() const { return m_handled; }   ///< handler (and reply) succeeded, \Seen stored or pending
    int failed() const { return m_failed; }     ///< left unseen, to be offered again

private:
    friend class Listener;
    int m_received = 0;
    int m_handled = 0;
    int m_failed = 0;
};

} // namespace machina
