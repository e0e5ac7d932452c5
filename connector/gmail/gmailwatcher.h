#pragma once

#include "../inboxwatcher.h"

#include <QSet>
#include <QTimer>

namespace machina {

class GmailClient;

/**
 * listen() on Gmail: every poll interval, users.messages.list with
 * q="is:unread in:inbox" (all pages), then format=raw for the new ones,
 * parsed by the same MessageParser as IMAP mail. Marking read
 * (removeLabelIds UNREAD) happens only when the handler and its reply
 * succeeded, the same at-least-once rule as IMAP.
 */
class GmailWatcher : public InboxWatcher
{
    Q_OBJECT
public:
    GmailWatcher(GmailClient *client, int pollIntervalSeconds, QObject *parent = nullptr);

    void start() override;
    ConnectorReply *stop() override;
    bool isRunning() const override { return m_running; }
    void checkNow() override;
    void markHandled(const IncomingMessage &message) override;
    void release(const IncomingMessage &message) override;
    int pendingSeenCount() const override { return int(m_pendingRead.size()); }
    QDateTime lastSuccessfulPoll() const override { return m_lastPoll; }
    ConnectorError lastError() const override { return m_lastError; }
    int failedAttempts() const override { return m_attempts; }

    static QString gmailId(const IncomingMessage &message);

private:
    void round();
    void failed(const ConnectorError &error);
    void storeRead();

    GmailClient *m_client;
    int m_pollIntervalMs;
    bool m_running = false;
    bool m_roundRunning = false;
    QTimer m_timer;
    QSet<QString> m_inFlight;
    QStringList m_pendingRead;
    bool m_storing = false;
    QDateTime m_lastPoll;
    ConnectorError m_lastError;
    int m_attempts = 0;
};

} // namespace machina
