#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <optional>

namespace machina {

class ImapClient;
class InboxListReply;
class MessageCache;

/**
 * The INBOX listing and sync through the offline cache (MessageCache), kept
 * right by a resync with the server on the browsing session (RFC 7162):
 *
 * - Before a SELECT the session is given the cached UIDVALIDITY and
 *   HIGHESTMODSEQ (setResyncState()). After it, a different UIDVALIDITY drops
 *   the cached rows and bodies; with QRESYNC the changes the SELECT reported
 *   (VANISHED (EARLIER), changed flags) are applied at once, whichever
 *   operation opened the session.
 * - A listing on a session that was selected already asks CHANGEDSINCE the
 *   cached mod-sequence (with QRESYNC: the flags and the expunged UIDs); with
 *   CONDSTORE alone that and UID SEARCH ALL (the expunges); with neither
 *   UID SEARCH ALL and the FLAGS of every cached row, as ImapListing's sync.
 * - New messages are those above the highest cached UID: after a fresh
 *   SELECT below its UIDNEXT, on a kept session the new UIDs CHANGEDSINCE
 *   reported. Their headers are fetched in batches and written to the cache.
 * - The cache may hold only part of the mailbox (a listing with a limit
 *   fetches only the newest rows): when it holds fewer rows than EXISTS, a
 *   UID SEARCH ALL (and for an unseen listing UID SEARCH UNSEEN) names the
 *   missing ones, and those the listing shows are fetched.
 * - The HIGHESTMODSEQ seen when the resync began is stored afterwards, only
 *   for the UIDVALIDITY listed.
 *
 * The reply's rows come from the cache: messages() newest first (unseen
 * only, limit), rowsListed() with each fetched batch and then the rest; a
 * sync (known ids) gives the rows not known, removedIds() and seenStates()
 * as ImapListing's. VANISHED on the kept session drops rows at once.
 */
class CachedListing : public QObject
{
    Q_OBJECT
public:
    /// Keeps @p cache right for @p session's mailbox; watches the session's selects and expunges.
    CachedListing(ImapClient *session, MessageCache *cache, QObject *parent = nullptr);

    /// The browsing session it lists on (null once that is gone).
    ImapClient *session() const { return m_session; }
    /// The cache it keeps right.
    MessageCache *cache() const { return m_cache; }
    /// The mailbox the session selects ("INBOX"), the cache's key.
    QString mailbox() const;

    /// Gives the session the cached state for its next SELECT (call before each operation).
    void prepareSession();
    /// Lists (@p known unset) or syncs; finishes @p reply. See the class comment.
    void list(InboxListReply *reply, bool unseenOnly, int limit, const std::optional<QSet<QString>> &known);

    /// How many SELECTs the session completed so far.
    quint64 selectCount() const { return m_selects; }
    /// Whether the last SELECT was a QRESYNC one whose changes brought the cache up to its HIGHESTMODSEQ.
    bool lastSelectResynced() const { return m_lastSelectResynced; }

private:
    void selected();
    void expunged(const QList<quint32> &uids);

    QPointer<ImapClient> m_session;
    MessageCache *m_cache;
    quint32 m_givenValidity = 0;   ///< what prepareSession() gave the session last
    quint64 m_givenModSeq = 0;
    quint64 m_selects = 0;
    bool m_lastSelectResynced = false;
};

} // namespace machina
