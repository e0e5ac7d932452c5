#pragma once

#include "connectorerror.h"
#include "incomingmessage.h"
#include "listenreply.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include "connectorreply.h"
#include "store/outboxentry.h"

#include <QHash>
#include <functional>
#include <optional>

namespace machina {

class InboxWatcher;
class SendReply;
struct SendOptions;

/**
 * listen(): hands every new message from an InboxWatcher to the handler,
 * once, sends the handler's reply, and only then has the message marked
 * read. The contract when the reply cannot be sent (SMTP down):
 *
 * - the reply is kept and sent again at the next round of the watcher
 *   (every poll_interval, under IDLE too); the handler is not run again;
 * - the message stays unseen until the reply was accepted, and is marked
 *   \Seen only then.
 *
 * With ListenOptions::once there is no next round: a reply that could not be
 * sent leaves the message unseen and counts as failed.
 *
 * Without a store, pending replies live in memory; a process that dies loses
 * them and the message is offered again. With one (setDurableReplies()) each
 * reply goes into the outbox, answering the message's MessageId, and the
 * outbox's sender sends it: the handler is not run again for a message that
 * has a reply there (queued, sending or sent), in this process or the next,
 * and the message is marked \Seen once its reply was sent.
 */
class Listener : public QObject
{
    Q_OBJECT
public:
    using SendFunction = std::function<SendReply *(const QStringList &to, const QString &text, const SendOptions &options)>;

    /** How replies reach the outbox (see the class comment). */
    struct DurableReplies
    {
        /// The outbox entry answering the message with this MessageId (not failed or cancelled).
        std::function<std::optional<OutboxEntry>(const QString &answeredId)> find;
        /// Queues the reply; sets the entry's id.
        std::function<ConnectorError(const IncomingMessage &message, const QStringList &to, const QString &text,
                                     const SendOptions &options, qint64 *id)>
            queue;
        /// The read mark of the message entry @p id answers is being stored by the watcher.
        std::function<void(qint64 id)> seenTaken;
        /// Try the entry now, not at its backoff time (a single round has no later).
        std::function<void()> sendNow;
    };

    /// Takes @p watcher (not started); @p reply is the caller's and finishes when listening ends.
    Listener(InboxWatcher *watcher, const MessageHandler &handler, const ListenOptions &options, ListenReply *reply,
             SendFunction send, QObject *parent = nullptr);
    ~Listener() override;

    void setDurableReplies(const DurableReplies &durable) { m_durable = durable; }
    /// Whether the read mark of the message @p answeredId is this listener's to store.
    bool awaitsReplyTo(const QString &answeredId) const;
    /// The outbox's sender on entry @p id (connected by EmailConnector).
    void replySent(qint64 id);
    void replyFailed(qint64 id, const QString &error);
    void replyDeferred(qint64 id, const QString &error);
    /// The outbox entries of the replies this listener waits for (another process may send them).
    QList<qint64> waitingReplies() const { return m_waiting.keys(); }

    void start();
    /// Stops the watcher (logs out); the listen reply finishes with @p error.
    ConnectorReply *stop(const ConnectorError &error = {});
    InboxWatcher *watcher() const { return m_watcher; }
    int pendingReplies() const { return int(m_pending.size() + m_waiting.size()); }

Q_SIGNALS:
    void messageReceived(const machina::IncomingMessage &message);
    void messageHandled(const machina::IncomingMessage &message, const machina::HandlerResult &result);
    /// What receiving is doing, in words ("waiting for mail (IDLE)", "cannot receive: ...").
    void statusChanged(const QString &status);
    /// Listening ended (stop(), --once done, or a failure that is not retried).
    void ended(const machina::ConnectorError &error);

private:
    struct Pending
    {
        quint64 serial = 0;       ///< this reply's own key: message ids need not be unique (no UIDVALIDITY)
        IncomingMessage message;
        HandlerResult result;
        bool sending = false;
    };

    void handleIncoming(const IncomingMessage &message);
    void handlerDone(const IncomingMessage &message, const HandlerResult &result);
    void sendReply(int index);
    void settle(const IncomingMessage &message, const HandlerResult &outcome);
    void resendPending();
    /// Durable: queue the reply, or wait for the one the outbox has.
    void queueDurably(const IncomingMessage &message, const HandlerResult &result);
    bool awaitExisting(const IncomingMessage &message);
    void maybeFinishOnce();
    void setStatus(const QString &status);

    InboxWatcher *m_watcher;
    MessageHandler m_handler;
    ListenOptions m_options;
    QPointer<ListenReply> m_reply;
    SendFunction m_send;
    QList<Pending> m_pending;
    std::optional<DurableReplies> m_durable;
    /// Durable replies on their way, by outbox entry id.
    QHash<qint64, Pending> m_waiting;
    quint64 m_nextSerial = 0;
    QPointer<ConnectorReply> m_closing;   ///< the watcher's stop, once asked: every later stop() hands out this one
    bool m_firstRoundDone = false;
    bool m_stopped = false;
    int m_handlersRunning = 0;
    QString m_status;
};

} // namespace machina
