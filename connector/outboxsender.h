#pragma once

#include "connectorerror.h"
#include "store/outboxentry.h"

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>

namespace machina {

class MailBackend;
class Outbox;
class ConnectorReply;
class OutboxFlushReply;
class SendReply;
struct BuiltMessage;

/**
 * Sends what is in the Outbox through a MailBackend, one message in flight at
 * a time, each marked sent as soon as the server's final reply arrives (so a
 * crash leaves at most one entry in doubt). Transient failures (network,
 * timeout, 4xx) are tried again with exponential backoff and jitter;
 * permanent ones (5xx, a refused recipient) fail the entry with the server's
 * words. After a send come its steps: the copy to the Sent mailbox (where the
 * backend keeps one) and, for a listen() reply, the \Seen of the message it
 * answers. They run beside the next send, on the IMAP session.
 *
 * Draining takes a lease on the store (a lock file beside it that a dead
 * process loses), so one process drains a store at a time; the lease holder
 * first queues again what dead senders left in sending. sendNow() sends one
 * message of its own without the lease, and never touches other entries.
 */
class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(Outbox *outbox, MailBackend *backend, QObject *parent = nullptr);
    ~OutboxSender() override;

    /**
     * Writes @p message to the outbox, claimed by this process, and sends it
     * now. When it fails: with @p keepOnTransientFailure a transient failure
     * leaves it queued for the drainer (the reply says isQueued()); otherwise
     * the entry is failed, since the caller reports the failure itself.
     * With @p deadlineMs the whole send is bounded: past it the reply fails
     * with a Timeout and the entry is failed (or, kept, queued) the same way.
     */
    SendReply *sendNow(const BuiltMessage &message, const QString &origin, bool keepOnTransientFailure,
                       int deadlineMs = 0);
    /// Writes @p message to the outbox as queued (no network); the drainer sends it.
    ConnectorError queue(const BuiltMessage &message, const QString &origin, const QString &replyToId, qint64 *id);

    /// Drains in the background with backoff (the console, listen): entries as they are queued and as they fall due.
    void setDraining(bool draining);
    bool isDraining() const { return m_draining; }
    /// One pass over every queued entry now, ignoring backoff; then the steps of what was sent.
    OutboxFlushReply *flush();
    /// Finishes once no step (Sent copy, read mark) is left to run now.
    ConnectorReply *whenStepsDone();
    /// The server answers again: the next pass ignores backoff.
    void kick();
    /// Read marks of replies that this predicate claims are stored by someone else (a running listen()).
    void setSeenHandledElsewhere(std::function<bool(const QString &replyToId)> predicate);
    /// Backoff after a transient failure: @p baseMs doubling with each attempt, at most @p maxMs; +-25% jitter.
    void setBackoff(int baseMs, int maxMs);
    /// The delay before attempt @p attempts + 1 (without jitter).
    int backoffFor(int attempts) const;

Q_SIGNALS:
    /// The server accepted entry @p id.
    void entrySent(qint64 id, const QString &messageId, const QStringList &recipients);
    /// Entry @p id failed for good.
    void entryFailed(qint64 id, const QString &messageId, const QString &error);
    /// Entry @p id could not be sent now; it is tried again at @p next.
    void entryDeferred(qint64 id, const QString &messageId, const QString &error, const QDateTime &next);
    /// A Sent copy or a read mark could not be stored (in words).
    void stepFailed(qint64 id, const QString &error);

private:
    enum class Outcome { Sent, Deferred, Unreachable, Failed };
    /// Sent copies that go in one APPEND (MULTIAPPEND) at the most: by count and by size.
    static constexpr int MaxCopiesAtOnce = 50;
    static constexpr qsizetype MaxCopyBytesAtOnce = 8 * 1024 * 1024;

    bool holdLease(QString *holder);
    void schedulePump(int ms = 0);
    void pump();
    void sendEntry(const OutboxEntry &entry);
    Outcome settle(const OutboxEntry &entry, const SendReply *sent);
    void scheduleNextDue();
    void loadLeftoverSteps();
    void runSteps();
    void stepDone();
    void maybeFinishFlush();

    Outbox *m_outbox;
    QPointer<MailBackend> m_backend;
    std::unique_ptr<QLockFile> m_lease;
    bool m_draining = false;
    bool m_ignoreBackoff = false;    ///< a pass over every queued entry (flush(), kick()) is running
    qint64 m_passAfterId = 0;        ///< the last entry that pass claimed
    bool m_inFlight = false;
    bool m_stopped = false;          ///< the pass ended at an unreachable server; the next one starts at the due time
    QPointer<OutboxFlushReply> m_flush;
    bool m_flushClaimsDone = false;  ///< the flush's pass found nothing more to claim (or stopped)
    QTimer m_pumpTimer;
    QTimer m_dueTimer;
    std::deque<OutboxEntry> m_steps; ///< sent entries whose copy or \Seen is still to do, oldest first
    QSet<qint64> m_stepIds;
    bool m_stepRunning = false;
    QList<QPointer<ConnectorReply>> m_stepWaiters;
    std::function<bool(const QString &)> m_seenElsewhere;
    int m_backoffBaseMs = 2000;
    int m_backoffMaxMs = 120000;
};

} // namespace machina
