#include "gmailwatcher.h"

#include "../messageid.h"

#include "../mime/messageparser.h"
#include "gmailclient.h"

#include <QRandomGenerator>

namespace machina {

GmailWatcher::GmailWatcher(GmailClient *client, int pollIntervalSeconds, QObject *parent)
    : InboxWatcher(parent), m_client(client), m_pollIntervalMs(pollIntervalSeconds * 1000)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GmailWatcher::round);
}

QString GmailWatcher::gmailId(const IncomingMessage &message)
{
    return MessageId::parse(message.backendId).gmailId();
}

void GmailWatcher::start()
{
    if (m_running)
        return;
    m_running = true;
    round();
}

ConnectorReply *GmailWatcher::stop()
{
    m_running = false;
    m_timer.stop();
    auto *reply = new ConnectorReply;
    reply->finish(); // REST has no session to close
    return reply;
}

void GmailWatcher::checkNow()
{
    if (m_running && !m_roundRunning)
        round();
}

void GmailWatcher::round()
{
    if (!m_running || m_roundRunning)
        return;
    m_roundRunning = true;
    m_timer.stop();
    storeRead();
    GmailReply *list = m_client->listIds(QStringLiteral("is:unread in:inbox"));
    connect(list, &ConnectorReply::finished, this, [this, list] {
        list->deleteLater();
        if (list->error())
            return failed(list->error());
        QStringList fresh;
        for (const QString &id : list->ids()) {
            if (!m_inFlight.contains(id))
                fresh.append(id);
        }
        GmailReply *get = m_client->getMessages(fresh, false);
        connect(get, &ConnectorReply::finished, this, [this, get] {
            get->deleteLater();
            if (get->error())
                return failed(get->error());
            int handedOut = 0;
            for (const GmailMessage &m : get->messages()) {
                if (m_inFlight.contains(m.id) || !m.isUnread())
                    continue;
                m_inFlight.insert(m.id);
                IncomingMessage message = IncomingMessage::fromParsed(MessageParser::parse(m.raw), m.raw);
                message.backendId = MessageId::gmail(m.id).toString();
                if (!message.date.isValid())
                    message.date = m.internalDate;
                ++handedOut;
                Q_EMIT messageArrived(message);
            }
            m_lastPoll = QDateTime::currentDateTimeUtc();
            if (m_attempts > 0) {
                m_attempts = 0;
                m_lastError = {};
                Q_EMIT recovered();
            }
            m_roundRunning = false;
            Q_EMIT roundFinished(handedOut);
            if (m_running)
                m_timer.start(m_pollIntervalMs);
        });
    });
}

void GmailWatcher::failed(const ConnectorError &error)
{
    m_roundRunning = false;
    m_lastError = error;
    if (!m_running)
        return;
    // GmailClient already waited out 429/5xx; back off further before the next round.
    const int delay = std::min(m_pollIntervalMs, 1000 << std::min(m_attempts, 6));
    ++m_attempts;
    Q_EMIT errorOccurred(error, delay);
    m_timer.start(delay + int(QRandomGenerator::global()->bounded(delay / 2 + 1)));
}

void GmailWatcher::markHandled(const IncomingMessage &message)
{
    const QString id = gmailId(message);
    if (!m_inFlight.contains(id))
        return;
    m_pendingRead.append(id);
    storeRead();
}

void GmailWatcher::release(const IncomingMessage &message)
{
    m_inFlight.remove(gmailId(message));
}

/// One modify call at a time; on failure the id stays in flight (never
/// offered twice) and is retried at the next round.
void GmailWatcher::storeRead()
{
    if (m_storing || m_pendingRead.isEmpty())
        return;
    m_storing = true;
    const QString id = m_pendingRead.first();
    GmailReply *modify = m_client->markRead(id);
    connect(modify, &ConnectorReply::finished, this, [this, modify, id] {
        modify->deleteLater();
        m_storing = false;
        if (modify->error()) {
            m_lastError = modify->error();
            return;
        }
        m_pendingRead.removeOne(id);
        m_inFlight.remove(id);
        Q_EMIT seenStored();
        storeRead();
    });
}

} // namespace machina
