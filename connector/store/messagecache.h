#pragma once

#include "../connectorerror.h"
#include "../messagesummary.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <functional>
#include <optional>
#include <utility>

namespace machina {

class LocalStore;

/**
 * The offline inbox cache of a LocalStore (tables mailboxes, headers and
 * bodies): per mailbox its UIDVALIDITY and HIGHESTMODSEQ (RFC 7162), the
 * header rows of its messages (MessageSummary fields, plus a work-order id
 * column left empty for now), and the raw bytes of the messages opened.
 *
 * A UID names a message only under its UIDVALIDITY: resetMailbox() drops
 * every row and body of a mailbox when that changes. Rows are read newest
 * first (highest UID first); their ids are "imap:<uidvalidity>:<uid>". Every
 * write of many rows is one transaction. No network here: the cached listing
 * (connector/backends/cachedlisting) keeps the rows right.
 *
 * Errors are Store errors naming the file (LocalStore::error()).
 */
class MessageCache
{
public:
    /** What the cache knows of one mailbox. */
    struct MailboxState
    {
        bool known = false;          ///< the mailbox has a row (resetMailbox() ran for it)
        quint32 uidValidity = 0;
        quint64 highestModSeq = 0;   ///< 0: none known (no CONDSTORE, or not synced yet)
        QDateTime syncedAt;          ///< when setHighestModSeq() last ran; invalid before
    };

    /// The (uid, seen) of one row: what a sync compares.
    using SeenState = std::pair<quint32, bool>;

    /// The cache in @p store's tables; @p store outlives it.
    explicit MessageCache(LocalStore *store) : m_store(store) {}

    /// The store it is kept in.
    LocalStore *store() const { return m_store; }

    /// The state of @p mailbox; known is false when nothing was ever cached for it.
    MailboxState mailboxState(const QString &mailbox, ConnectorError *error = nullptr) const;
    /**
     * Drops every header row and body of @p mailbox and records @p uidValidity
     * with no HIGHESTMODSEQ: the start of a mailbox, or what a new
     * UIDVALIDITY makes of one. One transaction.
     */
    ConnectorError resetMailbox(const QString &mailbox, quint32 uidValidity);
    /// Records the mod-sequence the rows are right up to, and the time of this sync.
    ConnectorError setHighestModSeq(const QString &mailbox, quint64 highestModSeq);

    /**
     * Writes @p rows (new rows, or newer versions of cached ones; uid is the
     * key, id is not read) in one transaction. A cached row keeps its work-order id.
     */
    ConnectorError storeHeaders(const QString &mailbox, const QList<MessageSummary> &rows);
    /// Sets the read state of the cached rows among @p seen (uid to seen); others are ignored. One transaction.
    ConnectorError updateSeen(const QString &mailbox, const QHash<quint32, bool> &seen);
    /// Drops the rows and bodies of @p uids (unknown ones are ignored). One transaction.
    ConnectorError removeMessages(const QString &mailbox, const QList<quint32> &uids);

    /**
     * The rows, newest first: only unseen ones with @p unseenOnly, at most
     * @p limit (0: all).
     */
    QList<MessageSummary> messages(const QString &mailbox, bool unseenOnly, int limit,
                                   ConnectorError *error = nullptr) const;
    /// The rows of @p uids that are cached, newest first.
    QList<MessageSummary> messagesWithUids(const QString &mailbox, const QList<quint32> &uids,
                                           ConnectorError *error = nullptr) const;
    /// (uid, seen) of the rows messages() would give, newest first; cheaper than whole rows.
    QList<SeenState> seenStates(const QString &mailbox, bool unseenOnly, int limit,
                                ConnectorError *error = nullptr) const;
    /// Every cached UID of @p mailbox, ascending.
    QList<quint32> uids(const QString &mailbox, ConnectorError *error = nullptr) const;
    /// How many rows are cached (only unseen ones with @p unseenOnly).
    int count(const QString &mailbox, bool unseenOnly = false, ConnectorError *error = nullptr) const;
    /// The highest cached UID; 0 when there is none.
    quint32 highestUid(const QString &mailbox, ConnectorError *error = nullptr) const;

    /// Keeps the raw bytes of an opened message (replacing what was kept for that UID).
    ConnectorError storeBody(const QString &mailbox, quint32 uid, const QByteArray &raw);
    /// The kept raw bytes of @p uid; nullopt when none are kept.
    std::optional<QByteArray> body(const QString &mailbox, quint32 uid, ConnectorError *error = nullptr) const;

private:
    /// Runs @p work in one transaction: committed when it succeeds, else rolled back.
    ConnectorError inTransaction(const QString &doing, const std::function<ConnectorError()> &work);

    LocalStore *m_store;
};

} // namespace machina
