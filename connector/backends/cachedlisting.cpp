#include "cachedlisting.h"

#include "../imap/imapclient.h"
#include "../messageid.h"
#include "../messagesummary.h"
#include "../store/messagecache.h"
#include "imaplisting.h"

#include <QCoreApplication>
#include <QHash>
#include <QLoggingCategory>

#include <algorithm>
#include <functional>

Q_LOGGING_CATEGORY(lcCache, "machina.cache", QtWarningMsg)

namespace machina {

namespace {

using Kind = ConnectorError::Kind;

QString translated(const char *text)
{
    return QCoreApplication::translate("machina::CachedListing", text);
}

/// The newest @p limit (0: all) of @p ascending, newest first.
QList<quint32> newestFirst(const QList<quint32> &ascending, int limit)
{
    QList<quint32> out = limit > 0 && ascending.size() > limit ? ascending.mid(ascending.size() - limit) : ascending;
    std::reverse(out.begin(), out.end());
    return out;
}

/**
 * One listing or sync through the cache: each step runs when the server
 * answered the one before. A child of the reply, so it goes with it.
 */
class ListingRun : public QObject
{
public:
    ListingRun(CachedListing *owner, InboxListReply *reply, bool unseenOnly, int limit,
               const std::optional<QSet<QString>> &known)
        : QObject(reply), m_owner(owner), m_session(owner->session()), m_cache(owner->cache()), m_reply(reply),
          m_unseenOnly(unseenOnly), m_limit(limit), m_known(known), m_mailbox(owner->mailbox())
    {
    }

    void start();

private:
    void fail(const ConnectorError &error) { m_reply->finish(error); }
    /// Runs @p then with @p operation's answer, unless it failed, the session went, or the mailbox was renumbered.
    void await(ImapReply *operation, const std::function<void(ImapReply *)> &then);
    void opened();
    void changedSince(bool qresync);
    void newSinceSelect();
    void checkComplete();
    void searchAll(bool flagsToo);
    void searched(const QList<quint32> &all, bool flagsToo);
    void fill(const QList<quint32> &all);
    void fetchHeaders(QList<quint32> newestFirst, const std::function<void()> &then);
    void finishFromCache();

    QPointer<CachedListing> m_owner;
    QPointer<ImapClient> m_session;
    MessageCache *m_cache;
    InboxListReply *m_reply;
    bool m_unseenOnly;
    int m_limit;
    std::optional<QSet<QString>> m_known;
    QString m_mailbox;

    quint64 m_selectsAtStart = 0;
    quint32 m_validity = 0;          ///< the UIDVALIDITY listed; 0 until the session is open
    quint64 m_cachedModSeq = 0;
    quint32 m_highestCachedUid = 0;
    std::optional<quint64> m_snapshot;   ///< the HIGHESTMODSEQ to store at the end; unset: the SELECT stored it
    QSet<QString> m_emitted;         ///< ids already shown with rowsListed()
    const char *m_how = "";
    int m_fetched = 0;
    int m_changed = 0;
    int m_vanished = 0;
};

void ListingRun::start()
{
    m_selectsAtStart = m_owner->selectCount();
    const bool wasSelected = m_session->isSelected();
    m_owner->prepareSession();
    if (wasSelected) {
        // A kept session learns of new mail and expunges at a NOOP (see ImapListing);
        // a failure shows in the open queued behind it.
        ImapReply *noop = m_session->noop();
        QObject::connect(noop, &ConnectorReply::finished, noop, &QObject::deleteLater);
    }
    await(m_session->open(), [this](ImapReply *) { opened(); });
}

void ListingRun::await(ImapReply *operation, const std::function<void(ImapReply *)> &then)
{
    operation->setParent(this);
    QObject::connect(operation, &ConnectorReply::finished, this, [this, operation, then] {
        operation->deleteLater();
        if (!m_owner || !m_session)
            return fail({Kind::Aborted, translated("The account was closed before the inbox was listed.")});
        if (operation->error())
            return fail(operation->error());
        if (m_validity != 0) {
            if (const ConnectorError changed = ImapListing::validityChanged(m_session, m_validity))
                return fail(changed);
        }
        then(operation);
    });
}

void ListingRun::opened()
{
    const bool freshSelect = m_owner->selectCount() != m_selectsAtStart;
    m_validity = m_session->uidValidity();
    ConnectorError error;
    MessageCache::MailboxState state = m_cache->mailboxState(m_mailbox, &error);
    if (error)
        return fail(error);
    if (!state.known || state.uidValidity != m_validity) {
        if (state.known) {
            qCDebug(lcCache) << "UIDVALIDITY of" << m_mailbox << "is" << m_validity << "(cached:" << state.uidValidity
                             << "): the cache is rebuilt";
        }
        if ((error = m_cache->resetMailbox(m_mailbox, m_validity)))
            return fail(error);
        state = {true, m_validity, 0, {}};
    }
    m_cachedModSeq = state.highestModSeq;
    m_highestCachedUid = m_cache->highestUid(m_mailbox, &error);
    const int cached = error ? 0 : m_cache->count(m_mailbox, false, &error);
    if (error)
        return fail(error);
    if (cached == 0) {
        m_how = "full listing";
        m_snapshot = m_session->highestModSeq();
        return searchAll(false);
    }
    if (m_session->qresyncEnabled() && m_cachedModSeq != 0) {
        // The SELECT of this listing reported the changes, and selected() applied them.
        if (freshSelect && m_owner->lastSelectResynced()) {
            m_how = "QRESYNC, at the SELECT";
            return newSinceSelect();
        }
        m_how = "QRESYNC, CHANGEDSINCE";
        return changedSince(true);
    }
    if (m_session->condstoreAvailable() && m_cachedModSeq != 0 && m_session->highestModSeq() != 0) {
        m_how = "CONDSTORE";
        return changedSince(false);
    }
    m_how = "UID SEARCH and FLAGS";
    // Taken before the search: every change up to it shows in what follows.
    m_snapshot = m_session->highestModSeq();
    searchAll(true);
}

void ListingRun::changedSince(bool qresync)
{
    await(m_session->fetchChangedSince(m_cachedModSeq), [this, qresync](ImapReply *changes) {
        quint64 top = m_session->highestModSeq();
        QHash<quint32, bool> seen;
        QList<quint32> fresh;
        for (const ImapMessage &m : changes->messages()) {
            top = std::max(top, m.modSeq);
            if (m.uid > m_highestCachedUid)
                fresh.append(m.uid);
            else
                seen.insert(m.uid, m.isSeen());
        }
        m_changed += int(seen.size());
        m_vanished += int(changes->vanished().size());
        ConnectorError error = m_cache->removeMessages(m_mailbox, changes->vanished());
        if (!error)
            error = m_cache->updateSeen(m_mailbox, seen);
        if (error)
            return fail(error);
        m_snapshot = top;
        if (!qresync)
            return searchAll(false); // CONDSTORE reports no expunges
        std::sort(fresh.begin(), fresh.end(), std::greater<quint32>());
        fresh.erase(std::unique(fresh.begin(), fresh.end()), fresh.end());
        if (fresh.isEmpty() || fresh.size() > ImapClient::HeaderFetchBatch)
            return checkComplete(); // many new ones: the search and the limit decide which to fetch
        fetchHeaders(fresh, [this] { checkComplete(); });
    });
}

void ListingRun::newSinceSelect()
{
    // New messages have UIDs from the highest cached one up to UIDNEXT (RFC 3501 2.3.1.1);
    // a UID in that range that was expunged already is simply not in the FETCH's answer.
    const quint32 next = m_session->uidNext();
    if (next != 0 && next <= m_highestCachedUid + 1)
        return checkComplete();
    if (next == 0 || next - 1 - m_highestCachedUid > quint32(ImapClient::HeaderFetchBatch))
        return checkComplete();
    QList<quint32> range;
    for (quint32 uid = next - 1; uid > m_highestCachedUid; --uid)
        range.append(uid);
    fetchHeaders(range, [this] { checkComplete(); });
}

void ListingRun::checkComplete()
{
    ConnectorError error;
    const int cached = m_cache->count(m_mailbox, false, &error);
    if (error)
        return fail(error);
    // With QRESYNC every expunge was reported: as many rows as EXISTS are every message.
    if (quint32(cached) == m_session->exists())
        return finishFromCache();
    searchAll(false);
}

void ListingRun::searchAll(bool flagsToo)
{
    await(m_session->searchAll(), [this, flagsToo](ImapReply *search) { searched(search->uids(), flagsToo); });
}

void ListingRun::searched(const QList<quint32> &all, bool flagsToo)
{
    ConnectorError error;
    const QList<quint32> cached = m_cache->uids(m_mailbox, &error);
    if (error)
        return fail(error);
    const QSet<quint32> present(all.cbegin(), all.cend());
    QList<quint32> gone;
    QList<quint32> kept;
    for (quint32 uid : cached)
        (present.contains(uid) ? kept : gone).append(uid);
    m_vanished += int(gone.size());
    if ((error = m_cache->removeMessages(m_mailbox, gone)))
        return fail(error);
    if (!flagsToo || kept.isEmpty())
        return fill(all);
    await(m_session->fetchMessages(kept, ImapClient::FetchPart::Flags), [this, all](ImapReply *flags) {
        QHash<quint32, bool> seen;
        for (const ImapMessage &m : flags->messages())
            seen.insert(m.uid, m.isSeen());
        if (const ConnectorError error = m_cache->updateSeen(m_mailbox, seen))
            return fail(error);
        fill(all);
    });
}

void ListingRun::fill(const QList<quint32> &all)
{
    ConnectorError error;
    const QList<quint32> cachedList = m_cache->uids(m_mailbox, &error);
    if (error)
        return fail(error);
    const QSet<quint32> cached(cachedList.cbegin(), cachedList.cend());
    const auto missing = [cached](const QList<quint32> &wanted) {
        QList<quint32> out;
        for (quint32 uid : wanted) {
            if (!cached.contains(uid))
                out.append(uid);
        }
        return out;
    };
    if (!m_unseenOnly) {
        const QList<quint32> wanted = newestFirst(all, m_limit);
        m_reply->setTotal(int(wanted.size()));
        return fetchHeaders(missing(wanted), [this] { finishFromCache(); });
    }
    if (missing(all).isEmpty())
        return finishFromCache(); // every message is cached, with its read state
    await(m_session->searchUnseen(), [this, missing](ImapReply *search) {
        const QList<quint32> wanted = newestFirst(search->uids(), m_limit);
        m_reply->setTotal(int(wanted.size()));
        fetchHeaders(missing(wanted), [this] { finishFromCache(); });
    });
}

void ListingRun::fetchHeaders(QList<quint32> uids, const std::function<void()> &then)
{
    if (uids.isEmpty())
        return then();
    // One batch at a time, newest first: each is written to the cache and shown as it arrives.
    QList<quint32> batch = uids.mid(0, ImapClient::HeaderFetchBatch);
    uids.remove(0, batch.size());
    std::sort(batch.begin(), batch.end());
    await(m_session->fetchMessages(batch, ImapClient::FetchPart::Headers, ImapListing::canaryHeaderField()),
          [this, uids, then](ImapReply *fetch) {
        QList<MessageSummary> rows;
        rows.reserve(fetch->messages().size());
        for (const ImapMessage &m : fetch->messages()) {
            // A canary's probe is never cached: it is gone again within seconds (see ImapListing).
            if (!ImapListing::isCanaryProbe(m))
                rows.append(ImapListing::summaryOf(m, m_validity));
        }
        std::sort(rows.begin(), rows.end(), [](const MessageSummary &a, const MessageSummary &b) { return a.uid > b.uid; });
        if (const ConnectorError error = m_cache->storeHeaders(m_mailbox, rows))
            return fail(error);
        m_fetched += int(rows.size());
        if (!m_known && !rows.isEmpty()) {
            for (const MessageSummary &row : std::as_const(rows))
                m_emitted.insert(row.id);
            Q_EMIT m_reply->rowsListed(rows);
        }
        fetchHeaders(uids, then);
    });
}

void ListingRun::finishFromCache()
{
    ConnectorError error;
    if (m_snapshot && m_session->uidValidity() == m_validity) {
        const quint64 modSeq = *m_snapshot == 0 ? 0 : std::max(*m_snapshot, m_cachedModSeq);
        if ((error = m_cache->setHighestModSeq(m_mailbox, modSeq)))
            return fail(error);
    }
    qCDebug(lcCache).nospace() << "resynced " << m_mailbox << " (" << m_how << "): " << m_changed << " flags changed, "
                               << m_vanished << " gone, " << m_fetched << " headers fetched";
    if (!m_known) {
        const QList<MessageSummary> rows = m_cache->messages(m_mailbox, m_unseenOnly, m_limit, &error);
        if (error)
            return fail(error);
        QList<MessageSummary> rest;
        for (const MessageSummary &row : rows) {
            if (!m_emitted.contains(row.id))
                rest.append(row);
        }
        m_reply->setMessages(rows);
        m_reply->setTotal(int(rows.size()));
        if (!rest.isEmpty())
            Q_EMIT m_reply->rowsListed(rest);
        return m_reply->finish();
    }
    // A sync: whole rows of what the caller does not know, the read state of the rest, the ids gone.
    const QList<MessageCache::SeenState> states = m_cache->seenStates(m_mailbox, m_unseenOnly, m_limit, &error);
    if (error)
        return fail(error);
    QHash<QString, bool> seen;
    QSet<QString> listed;
    QList<quint32> fresh;
    listed.reserve(states.size());
    for (const auto &[uid, isSeen] : states) {
        const QString id = MessageId::imap(m_validity, uid).toString();
        listed.insert(id);
        if (m_known->contains(id))
            seen.insert(id, isSeen);
        else
            fresh.append(uid);
    }
    QStringList removed;
    for (const QString &id : std::as_const(*m_known)) {
        if (!listed.contains(id))
            removed.append(id);
    }
    const QList<MessageSummary> rows = m_cache->messagesWithUids(m_mailbox, fresh, &error);
    if (error)
        return fail(error);
    m_reply->setMessages(rows);
    m_reply->setTotal(int(rows.size()));
    m_reply->setRemovedIds(removed);
    m_reply->setSeenStates(seen);
    if (!rows.isEmpty())
        Q_EMIT m_reply->rowsListed(rows);
    m_reply->finish();
}

} // namespace

CachedListing::CachedListing(ImapClient *session, MessageCache *cache, QObject *parent)
    : QObject(parent), m_session(session), m_cache(cache)
{
    connect(session, &ImapClient::opened, this, &CachedListing::selected);
    connect(session, &ImapClient::vanished, this, &CachedListing::expunged);
}

QString CachedListing::mailbox() const
{
    return m_session ? m_session->settings().mailbox : QStringLiteral("INBOX");
}

void CachedListing::prepareSession()
{
    if (!m_session)
        return;
    const MessageCache::MailboxState state = m_cache->mailboxState(mailbox());
    m_givenValidity = state.known ? state.uidValidity : 0;
    m_givenModSeq = state.known ? state.highestModSeq : 0;
    m_session->setResyncState(m_givenValidity, m_givenModSeq);
}

void CachedListing::list(InboxListReply *reply, bool unseenOnly, int limit, const std::optional<QSet<QString>> &known)
{
    auto *run = new ListingRun(this, reply, unseenOnly, limit, known);
    run->start();
}

void CachedListing::selected()
{
    ++m_selects;
    m_lastSelectResynced = false;
    const ImapClient::SelectChanges changes = m_session->takeSelectChanges();
    ConnectorError error;
    const MessageCache::MailboxState state = m_cache->mailboxState(mailbox(), &error);
    if (error || !state.known) {
        if (error)
            qCWarning(lcCache).noquote() << error.message();
        return; // nothing cached yet: the listing starts the mailbox
    }
    const quint32 validity = m_session->uidValidity();
    if (state.uidValidity != validity) {
        // Every cached UID is void (RFC 3501 2.3.1.1).
        qCDebug(lcCache) << "UIDVALIDITY of" << mailbox() << "is" << validity << "(cached:" << state.uidValidity
                         << "): the cache is dropped";
        if ((error = m_cache->resetMailbox(mailbox(), validity)))
            qCWarning(lcCache).noquote() << error.message();
        return;
    }
    // The SELECT asked for the changes since the state prepareSession() gave (RFC 7162 3.2.5).
    if (!m_session->qresyncEnabled() || m_givenValidity != validity || m_givenModSeq == 0 || state.highestModSeq == 0)
        return;
    QHash<quint32, bool> seen;
    for (const ImapMessage &m : changes.changed)
        seen.insert(m.uid, m.isSeen());
    if ((error = m_cache->removeMessages(mailbox(), changes.vanished)) || (error = m_cache->updateSeen(mailbox(), seen))) {
        qCWarning(lcCache).noquote() << error.message();
        return;
    }
    qCDebug(lcCache) << "QRESYNC SELECT of" << mailbox() << "since" << m_givenModSeq << ":" << changes.changed.size()
                     << "changed," << changes.vanished.size() << "vanished";
    // Changes since a later point than the cache's are not the whole story: the listing asks again.
    if (m_givenModSeq > state.highestModSeq || m_session->highestModSeq() == 0)
        return;
    if ((error = m_cache->setHighestModSeq(mailbox(), std::max(state.highestModSeq, m_session->highestModSeq())))) {
        qCWarning(lcCache).noquote() << error.message();
        return;
    }
    m_lastSelectResynced = true;
}

void CachedListing::expunged(const QList<quint32> &uids)
{
    if (!m_session)
        return;
    const MessageCache::MailboxState state = m_cache->mailboxState(mailbox());
    if (!state.known || state.uidValidity != m_session->uidValidity())
        return;
    if (const ConnectorError error = m_cache->removeMessages(mailbox(), uids))
        qCWarning(lcCache).noquote() << error.message();
}

} // namespace machina
