#pragma once

#include "imapclient.h"

#include <QObject>
#include <QTimer>

namespace machina {

/**
 * Tells a viewer when the mailbox changed, without fetching or marking
 * anything (that is MailboxWatcher's job for listen()). One logged-in session
 * of its own waits with IDLE (RFC 2177) and reports changed() when the server
 * sends EXISTS, EXPUNGE or FETCH; the idle is renewed every
 * MailboxWatcher::MaxIdleRenewSeconds at most, which is also the check that
 * the connection still lives. Without IDLE it reports changed() every poll
 * interval; the idle is also renewed every poll interval, as MailboxWatcher
 * does, because some servers drop an idle connection silently. After a
 * failure it reconnects with exponential backoff (2 s doubling, at most 2 min)
 * and says so in statusChanged(); a refused login or a bad setting is not
 * retried (it would only lock the account), it waits for new settings.
 */
class InboxMonitor : public QObject
{
    Q_OBJECT
public:
    InboxMonitor(const ImapSettings &settings, int pollIntervalSeconds, QObject *parent = nullptr);
    ~InboxMonitor() override;

    void start();
    /// Logs out; the reply (owned by the monitor) finishes when the session is closed.
    ImapReply *stop();
    bool isRunning() const { return m_running; }
    /// True while the server pushes changes (IDLE); false while polling or reconnecting.
    bool isPushing() const { return m_client->state() == ImapClient::State::Idling; }
    void setRenewInterval(int ms) { m_renewMs = ms; }
    void setReconnectDelays(int baseMs, int maxMs) { m_backoffBaseMs = baseMs; m_backoffMaxMs = maxMs; }
    ImapClient *client() const { return m_client; }

Q_SIGNALS:
    /// Something in the mailbox changed (or, without IDLE, a poll interval passed).
    void changed();
    /// "new mail shows at once (IDLE)", "polling every 30 s", "cannot watch the inbox: ...; retrying in 4 s"
    void statusChanged(const QString &status);

private:
    void connectAndIdle();
    void idle();
    void failed(const ConnectorError &error);

    ImapClient *m_client;
    int m_pollMs;
    int m_renewMs;
    QTimer m_renewTimer;
    QTimer m_pollTimer;
    QTimer m_retryTimer;
    QTimer m_debounce;
    bool m_running = false;
    int m_attempts = 0;
    int m_backoffBaseMs = 2000;
    int m_backoffMaxMs = 120000;
    bool m_reconnected = false;
    bool m_givenUp = false;
};

} // namespace machina
