#include "listener.h"

#include "inboxwatcher.h"
#include "sendoptions.h"
#include "sendreply.h"

#include <algorithm>
#include <memory>

namespace machina {

using Kind = ConnectorError::Kind;

Listener::Listener(InboxWatcher *watcher, const MessageHandler &handler, const ListenOptions &options,
                   ListenReply *reply, SendFunction send, QObject *parent)
    : QObject(parent), m_watcher(watcher), m_handler(handler), m_options(options), m_reply(reply), m_send(std::move(send))
{
    m_watcher->setParent(this);
    connect(m_watcher, &InboxWatcher::messageArrived, this, &Listener::handleIncoming);
    connect(m_watcher, &InboxWatcher::roundFinished, this, [this] {
        m_firstRoundDone = true;
        if (!m_options.once) {
            setStatus(m_watcher->usesIdle() ? tr("waiting for mail (IDLE)")
                                            : tr("waiting for mail (polling)"));
        }
        resendPending();
        maybeFinishOnce();
    });
    connect(m_watcher, &InboxWatcher::seenStored, this, &Listener::maybeFinishOnce);
    connect(m_watcher, &InboxWatcher::errorOccurred, this, [this](const ConnectorError &error, int retryInMs) {
        setStatus(tr("cannot receive: %1; retrying in %2 s").arg(error.message()).arg(retryInMs / 1000.0, 0, 'f', 1));
        // A single round has nothing to retry for; a refused login or a bad setting does not pass by itself.
        if (m_options.once || error.kind() == Kind::Auth || error.kind() == Kind::Config)
            stop(error);
    });
    connect(m_watcher, &InboxWatcher::recovered, this, [this] { setStatus(tr("reconnected")); });
}

Listener::~Listener() = default;

void Listener::start()
{
    m_watcher->start();
}

ConnectorReply *Listener::stop(const ConnectorError &error)
{
    if (!m_closing) {
        if (m_watcher->isRunning() && !m_stopped) {
            m_closing = m_watcher->stop();
        } else {
            m_closing = new ConnectorReply;
            m_closing->finish();
        }
        m_closing->setParent(this);
    }
    ConnectorReply *closed = m_closing;
    if (!m_stopped) {
        m_stopped = true;
        if (m_reply)
            m_reply->finish(error);
        Q_EMIT ended(error);
    }
    return closed;
}

void Listener::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void Listener::handleIncoming(const IncomingMessage &message)
{
    if (m_reply)
        ++m_reply->m_received;
    ++m_handlersRunning;
    Q_EMIT messageReceived(message);
    // The handler may answer at once or much later, but only once.
    auto answered = std::make_shared<bool>(false);
    QPointer<Listener> self(this);
    m_handler(message, [self, message, answered](const HandlerResult &result) {
        if (*answered || !self)
            return;
        *answered = true;
        self->handlerDone(message, result);
    });
}

void Listener::handlerDone(const IncomingMessage &message, const HandlerResult &result)
{
    if (!result.handled || result.replyText.isEmpty())
        return settle(message, result);
    m_pending.append({++m_nextSerial, message, result, false});
    sendReply(int(m_pending.size()) - 1);
}

void Listener::sendReply(int index)
{
    Pending &p = m_pending[index];
    p.sending = true;
    SendOptions options;
    options.subject = p.message.replySubject();
    options.inReplyTo = p.message.messageId;
    options.references = p.message.references;
    if (!p.message.messageId.isEmpty() && !options.references.contains(p.message.messageId))
        options.references.append(p.message.messageId);
    QStringList to;
    for (const MailAddress &a : p.message.replyAddresses())
        to.append(a.address);
    SendReply *sent = m_send(to, p.result.replyText, options);
    const quint64 key = p.serial;
    connect(sent, &ConnectorReply::finished, this, [this, sent, key] {
        sent->deleteLater();
        const auto it = std::find_if(m_pending.begin(), m_pending.end(),
                                     [key](const Pending &q) { return q.serial == key; });
        if (it == m_pending.end())
            return;
        const Pending done = *it;
        if (!sent->error()) {
            m_pending.erase(it);
            return settle(done.message, done.result);
        }
        if (m_options.once || m_stopped || !isTransient(sent)) {
            m_pending.erase(it);
            return settle(done.message, HandlerResult::failed(tr("the reply could not be sent: %1").arg(sent->error().message())));
        }
        // Kept: sent again at the next round, the handler not asked again, the message left unseen.
        it->sending = false;
        setStatus(tr("the reply to %1 could not be sent (%2); it is sent again at the next round")
                      .arg(done.message.from.address, sent->error().message()));
    });
}

bool Listener::isTransient(const SendReply *sent)
{
    switch (sent->error().kind()) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::NotConnected:
        return true;
    case Kind::Rejected: {
        // 4xx is "try later" (RFC 5321 4.2.1); a 5xx or a refused address is final.
        if (sent->serverReply().startsWith(u'4'))
            return true;
        const QList<RecipientResult> recipients = sent->recipients();
        return !recipients.isEmpty() && std::all_of(recipients.cbegin(), recipients.cend(), [](const RecipientResult &r) {
            return r.accepted || r.serverReply.startsWith(u'4');
        });
    }
    default:
        return false;   // a message we cannot build, a refused login, a certificate: not by waiting
    }
}

void Listener::resendPending()
{
    for (int i = 0; i < m_pending.size(); ++i) {
        if (!m_pending.at(i).sending)
            sendReply(i);
    }
}

void Listener::settle(const IncomingMessage &message, const HandlerResult &outcome)
{
    if (outcome.handled)
        m_watcher->markHandled(message);
    else
        m_watcher->release(message);
    if (m_reply)
        ++(outcome.handled ? m_reply->m_handled : m_reply->m_failed);
    --m_handlersRunning;
    Q_EMIT messageHandled(message, outcome);
    maybeFinishOnce();
}

void Listener::maybeFinishOnce()
{
    if (!m_options.once || !m_firstRoundDone || m_stopped)
        return;
    if (m_handlersRunning > 0 || m_watcher->pendingSeenCount() > 0)
        return;
    stop();
}

} // namespace machina
