#pragma once

#include "../connectorerror.h"
#include "outboxentry.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <optional>

namespace machina {

class LocalStore;

/**
 * The outbox table of a LocalStore: every outgoing message is written here,
 * with its final Message-ID, before its first byte goes to a server, and
 * moves through the states
 *
 *     queued --claim--> sending --> sent
 *       ^                 |  \----> failed (a permanent refusal; kept with the server's words)
 *       |--- retry -------/   (a transient failure: queued again, with a later next attempt)
 *     queued / failed --cancel--> cancelled;  failed / cancelled --retry--> queued
 *
 * An entry is claimed by one process at a time (its ProcessIdentity is kept
 * with it). One left in sending by a process that died is queued again by
 * recoverInDoubt(), marked as possibly duplicated: it is resent with the
 * same Message-ID, so a copy the server took before the crash is one that
 * clients fold. Every change commits at once: a new entry with synchronous
 * FULL (it survives a power cut), the state changes after it with NORMAL
 * (they survive a crash of the process; a power cut may undo the last few,
 * and those entries are resent once, marked as possibly duplicated).
 */
class Outbox : public QObject
{
    Q_OBJECT
public:
    explicit Outbox(LocalStore *store, QObject *parent = nullptr);

    LocalStore *store() const { return m_store; }

    /**
     * Writes @p entry (its messageId, envelope, data, origin, replyToId; the
     * rest is set here). With @p claimed it starts in sending, claimed by this
     * process (a sender that sends it itself), else queued. Sets @p id.
     */
    ConnectorError enqueue(const OutboxEntry &entry, bool claimed, qint64 *id);

    /// Every entry, newest first, without the message data.
    QList<OutboxEntry> entries(ConnectorError *error = nullptr) const;
    /// One entry, with its data.
    std::optional<OutboxEntry> entry(qint64 id) const;
    /// The entry whose Message-ID (with or without angle brackets) or numeric id is @p key.
    std::optional<OutboxEntry> find(const QString &key) const;
    /// The newest entry answering the message @p replyToId that is not failed or cancelled.
    std::optional<OutboxEntry> replyFor(const QString &replyToId) const;
    /// Entries queued (or sending) now.
    int pendingCount() const;

    /**
     * Claims the oldest queued entry after @p afterId that is due (any queued
     * one with @p ignoreBackoff), with its data. A pass over the outbox gives
     * the last id it claimed, so an entry it deferred is not taken again.
     */
    std::optional<OutboxEntry> claimNext(bool ignoreBackoff, ConnectorError *error, qint64 afterId = 0);
    /// The server accepted it: sent, with its final reply; the steps after the send become pending.
    ConnectorError markSent(qint64 id, const QString &serverReply, bool wantCopy);
    /// A transient failure: queued again, tried again at @p nextAttempt.
    ConnectorError markRetry(qint64 id, const QString &error, const QString &serverReply, const QDateTime &nextAttempt);
    /// A permanent failure: failed for good, with the server's words.
    ConnectorError markFailed(qint64 id, const QString &error, const QString &serverReply);
    /// Entries left in sending by processes that are gone: queued again as possibly duplicated. Returns how many.
    int recoverInDoubt(ConnectorError *error = nullptr);

    /// Failed, cancelled or waiting entries back to queued, due now.
    ConnectorError retry(qint64 id);
    /// Queued or failed entries to cancelled: never sent.
    ConnectorError cancel(qint64 id);

    /// Sent entries with the Sent copy or the \Seen still to do.
    QList<OutboxEntry> pendingSteps() const;
    ConnectorError setCopyStep(qint64 id, OutboxEntry::Step step, const QString &mailbox = {}, const QString &uid = {});
    ConnectorError setSeenStep(qint64 id, OutboxEntry::Step step);

    /// Polls the store every @p ms for commits of other processes, and emits changed() on one (0: stop).
    void watchForeignChanges(int ms);

Q_SIGNALS:
    /// Something in the outbox changed, here or in another process.
    void changed();
    /// Another process committed to the store (see watchForeignChanges()); changed() follows.
    void changedElsewhere();

private:
    ConnectorError update(qint64 id, const QString &assignments, const QVariantList &values, const QString &doing,
                          const QString &condition = {});

    LocalStore *m_store;
    QTimer m_foreignPoll;
    qint64 m_dataVersion = -1;
};

} // namespace machina
