#pragma once

#include "../connectorerror.h"
#include "../inboxwatcher.h"
#include "../incomingmessage.h"
#include "imapclient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace machina {

/**
 * Watches a mailbox for unseen messages and hands each one out once.
 *
 * One logged-in session is kept open. When the server offers IDLE, new mail
 * is seen as soon as the server tells (EXISTS), and the idle is renewed every
 * poll interval (at most every 20 minutes: some servers end an IDLE silently after about 10): each renewal is a
 * DONE / UID SEARCH / IDLE round trip under the step timeout, which doubles as
 * the watchdog for a silently dead connection. Without IDLE a QTimer polls
 * every poll interval. After a drop it reconnects with exponential backoff
 * and jitter.
 *
 * A message handed out is "in flight" until the caller says handled (then
 * \Seen is stored; until the store succeeded the message is still not offered
 * again) or released (it is offered again on the next round).
 */
class MailboxWatcher : public InboxWatcher
{
    Q_OBJECT
public:
    static constexpr int MaxIdleRenewSeconds = 20 * 60;

    MailboxWatcher(const ImapSettings &settings, int pollIntervalSeconds, QObject *parent = nullptr);
    ~MailboxWatcher() override;

    void start() override;
    /// Logs out; finished() of the returned reply when the session is closed.
    ConnectorReply *stop() override;
    bool isRunning() const override { return m_running; }

    /// Runs one round now (search, fetch the new ones).
    void checkNow() override;
    void markHandled(const IncomingMessage &message) override { markHandled(message.uidValidity, message.uid); }
    void release(const IncomingMessage &message) override { release(message.uidValidity, message.uid); }
    /// The message's handler and reply succeeded: store \Seen.
    void markHandled(quint32 uidValidity, quint32 uid);
    /// The handler failed: offer the message again on the next round.
    void release(quint32 uidValidity, quint32 uid);

    void setIdleEnabled(bool enabled) { m_idleEnabled = enabled; }
    /// Backoff after a failure: base * 2^attempts, capped, with +-50% jitter.
    void setReconnectDelays(int baseMs, int maxMs) { m_backoffBaseMs = baseMs; m_backoffMaxMs = maxMs; }

    ImapClient *client() const { return m_client; }
    /// Whether rounds are started by IDLE (else by the poll timer).
    bool usesIdle() const override { return m_idleEnabled && m_client->hasCapability("IDLE"); }
    bool isIdling() const override { return m_client->state() == ImapClient::State::Idling; }
    QDateTime lastSuccessfulPoll() const override { return m_lastPoll; }
    ConnectorError lastError() const override { return m_lastError; }
    int failedAttempts() const override { return m_attempts; }
    int inFlightCount() const { return int(m_inFlight.size()); }
    int pendingSeenCount() const override { return int(m_pendingSeen.size()); }

private:
    static quint64 key(quint32 validity, quint32 uid) { return (quint64(validity) << 32) | uid; }
    void round();
    void roundFailed(const ConnectorError &error);
    void waitForChanges();
    void onFetched(ImapReply *reply);
    void storeSeen();
    bool ok(ImapReply *reply);

    ImapClient *m_client;
    int m_pollIntervalMs;
    bool m_running = false;
    bool m_roundRunning = false;
    bool m_roundAgain = false;
    bool m_idleEnabled = true;
    QTimer m_pollTimer;       ///< next round without IDLE, or the IDLE renewal
    QTimer m_retryTimer;
    QPointer<ImapReply> m_idleReply;
    QSet<quint64> m_inFlight;
    QList<quint64> m_pendingSeen;
    bool m_storing = false;
    QDateTime m_lastPoll;
    ConnectorError m_lastError;
    int m_attempts = 0;
    int m_backoffBaseMs = 1000;
    int m_backoffMaxMs = 60000;
};

} // namespace machina
