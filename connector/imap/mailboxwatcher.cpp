#include "mailboxwatcher.h"

#include "../messageid.h"

#include "../mime/messageparser.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

Q_DECLARE_LOGGING_CATEGORY(lcImap)

namespace machina {

MailboxWatcher::MailboxWatcher(const ImapSettings &settings, int pollIntervalSeconds, QObject *parent)
    : InboxWatcher(parent), m_client(new ImapClient(settings, this)), m_pollIntervalMs(pollIntervalSeconds * 1000)
{
    m_pollTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        if (isIdling())
            m_client->stopIdle(); // renew: the idle reply finishing starts the next round
        else
            round();
    });
    connect(&m_retryTimer, &QTimer::timeout, this, &MailboxWatcher::round);
    connect(m_client, &ImapClient::mailboxChanged, this, [this] {
        if (m_running && isIdling())
            m_client->stopIdle();
    });
    connect(m_client, &ImapClient::uidValidityChanged, this, [this](quint32 previous, quint32 current) {
        qCInfo(lcImap) << "UIDVALIDITY changed from" << previous << "to" << current << "- every known UID is void";
        // Handlers still running for old UIDs finish harmlessly: their keys are gone.
        m_inFlight.clear();
        m_pendingSeen.clear();
    });
}

MailboxWatcher::~MailboxWatcher() = default;

void MailboxWatcher::start()
{
    if (m_running)
        return;
    m_running = true;
    round();
}

ConnectorReply *MailboxWatcher::stop()
{
    m_running = false;
    m_pollTimer.stop();
    m_retryTimer.stop();
    auto *done = new ConnectorReply;
    const QPointer<ConnectorReply> guard(done);   // the caller may drop it before LOGOUT is answered
    const auto logOut = [this, guard] {
        ImapReply *closed = m_client->close();
        connect(closed, &ConnectorReply::finished, this, [closed, guard] {
            closed->deleteLater();
            if (guard)
                guard->finish(closed->error());
        });
    };
    // Read marks that are due go out before LOGOUT: a message whose reply was
    // sent must not be handed out again by the next listen. (Storing \Seen
    // twice, should one be in flight already, is harmless.)
    const quint32 validity = m_client->uidValidity();
    QList<quint32> uids;
    for (quint64 k : std::as_const(m_pendingSeen)) {
        if (quint32(k >> 32) == validity)
            uids.append(quint32(k & 0xffffffffu));
    }
    if (uids.isEmpty() || !m_client->isSelected()) {
        logOut();
        return done;
    }
    ImapReply *store = m_client->markSeen(uids);   // ends a running IDLE first
    connect(store, &ConnectorReply::finished, this, [this, store, logOut] {
        store->deleteLater();
        if (!store->error())
            m_pendingSeen.clear();
        logOut();
    });
    return done;
}

void MailboxWatcher::checkNow()
{
    if (!m_running)
        return;
    if (isIdling())
        m_client->stopIdle();
    else
        round();
}

bool MailboxWatcher::ok(ImapReply *reply)
{
    reply->deleteLater();
    if (!reply->error())
        return true;
    if (reply->error().kind() != ConnectorError::Kind::Aborted)
        roundFailed(reply->error());
    else
        m_roundRunning = false;
    return false;
}

void MailboxWatcher::round()
{
    if (!m_running)
        return;
    if (m_roundRunning) {
        m_roundAgain = true;
        return;
    }
    m_roundRunning = true;
    m_roundAgain = false;
    m_pollTimer.stop();
    storeSeen();

    ImapReply *search = m_client->searchUnseen();
    connect(search, &ConnectorReply::finished, this, [this, search] {
        if (!ok(search))
            return;
        storeSeen(); // the session is open now, with its UIDVALIDITY known
        const quint32 validity = m_client->uidValidity();
        QList<quint32> fresh;
        for (quint32 uid : search->uids()) {
            if (!m_inFlight.contains(key(validity, uid)))
                fresh.append(uid);
        }
        if (fresh.isEmpty()) {
            onFetched(nullptr);
            return;
        }
        ImapReply *fetch = m_client->fetchMessages(fresh, ImapClient::FetchPart::Full);
        connect(fetch, &ConnectorReply::finished, this, [this, fetch] {
            if (ok(fetch))
                onFetched(fetch);
        });
    });
}

void MailboxWatcher::onFetched(ImapReply *reply)
{
    const quint32 validity = m_client->uidValidity();
    int handedOut = 0;
    if (reply) {
        for (const ImapMessage &m : reply->messages()) {
            const quint64 k = key(validity, m.uid);
            // A message already \Seen (someone read it meanwhile) is not ours to handle.
            if (m_inFlight.contains(k) || m.isSeen())
                continue;
            m_inFlight.insert(k);
            IncomingMessage message = IncomingMessage::fromParsed(MessageParser::parse(m.raw), m.raw);
            message.uid = m.uid;
            message.uidValidity = validity;
            message.backendId = MessageId::imap(validity, m.uid).toString();
            if (!message.date.isValid())
                message.date = m.internalDate;
            ++handedOut;
            Q_EMIT messageArrived(message);
        }
    }
    m_lastPoll = QDateTime::currentDateTimeUtc();
    if (m_attempts > 0 || m_lastError) {
        m_attempts = 0;
        m_lastError = {};
        Q_EMIT recovered();
    }
    m_roundRunning = false;
    Q_EMIT roundFinished(handedOut);
    if (m_roundAgain)
        round();
    else
        waitForChanges();
}

void MailboxWatcher::waitForChanges()
{
    if (!m_running)
        return;
    if (!usesIdle()) {
        m_pollTimer.start(m_pollIntervalMs);
        return;
    }
    m_pollTimer.start(std::min(m_pollIntervalMs, MaxIdleRenewSeconds * 1000));
    ImapReply *idleReply = m_client->idle();
    m_idleReply = idleReply;
    connect(idleReply, &ConnectorReply::finished, this, [this, idleReply] {
        if (ok(idleReply))
            round(); // DONE answered: new mail, a renewal, or someone else's operation
    });
}

void MailboxWatcher::roundFailed(const ConnectorError &error)
{
    m_roundRunning = false;
    m_lastError = error;
    if (!m_running)
        return;
    m_pollTimer.stop();
    const int exponent = std::min(m_attempts, 16);
    const qint64 base = std::min<qint64>(qint64(m_backoffBaseMs) << exponent, m_backoffMaxMs);
    const int delay = int(base / 2 + QRandomGenerator::global()->bounded(base + 1));
    ++m_attempts;
    qCInfo(lcImap).noquote() << error.message() << "- retrying in" << delay << "ms";
    Q_EMIT errorOccurred(error, delay);
    m_retryTimer.start(delay);
}

void MailboxWatcher::markHandled(quint32 uidValidity, quint32 uid)
{
    const quint64 k = key(uidValidity, uid);
    if (!m_inFlight.contains(k))
        return; // the mailbox was reset meanwhile
    m_pendingSeen.append(k);
    storeSeen();
}

void MailboxWatcher::release(quint32 uidValidity, quint32 uid)
{
    m_inFlight.remove(key(uidValidity, uid));
}

/// Stores \Seen for every handled message; on failure they stay in flight
/// (never offered twice) and the store is retried at the next round.
void MailboxWatcher::storeSeen()
{
    // Only on a selected session: one opened by the STORE itself could have a new
    // UIDVALIDITY, and the old UIDs would mark other messages (RFC 3501 2.3.1.1).
    if (m_storing || m_pendingSeen.isEmpty() || !m_running || !m_client->isSelected())
        return;
    const quint32 validity = m_client->uidValidity();
    QList<quint32> uids;
    QList<quint64> keys;
    for (quint64 k : std::as_const(m_pendingSeen)) {
        if (quint32(k >> 32) == validity || validity == 0) {
            uids.append(quint32(k & 0xffffffffu));
            keys.append(k);
        }
    }
    if (uids.isEmpty())
        return;
    m_storing = true;
    ImapReply *store = m_client->markSeen(uids);
    connect(store, &ConnectorReply::finished, this, [this, store, keys] {
        store->deleteLater();
        m_storing = false;
        if (store->error())
            return; // the round that fails with it schedules the retry
        for (quint64 k : keys) {
            m_pendingSeen.removeOne(k);
            m_inFlight.remove(k);
        }
        storeSeen();
        Q_EMIT seenStored();
    });
}

} // namespace machina
