#include "listener.h"

#include "canaryprobe.h"
#include "inboxwatcher.h"
#include "sendoptions.h"
#include "sendreply.h"

#include <algorithm>
#include <memory>

namespace machina {

using Kind = ConnectorError::Kind;

namespace {

/// Re: <subject> to Reply-To (else From), threaded with In-Reply-To and References.
SendOptions replyOptions(const IncomingMessage &message, QStringList *to)
{
    SendOptions options;
    options.subject = message.replySubject();
    options.inReplyTo = message.messageId;
    options.references = message.references;
    if (!message.messageId.isEmpty() && !options.references.contains(message.messageId))
        options.references.append(message.messageId);
    for (const MailAddress &a : message.replyAddresses())
        to->append(a.address);
    return options;
}

} // namespace

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
    // A canary's probe (X-Machina-Canary) is the connector's own: no handler sees it, it is not
    // counted, and it stays in the watcher's hands (never offered again) until its run removes it.
    if (CanaryProbe::isProbe(message.raw))
        return;
    if (m_reply)
        ++m_reply->m_received;
    ++m_handlersRunning;
    Q_EMIT messageReceived(message);
    if (awaitExisting(message))
        return;   // answered before (this process or an earlier one): the handler is not asked again
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
    if (m_durable)
        return queueDurably(message, result);
    m_pending.append({++m_nextSerial, message, result, false});
    sendReply(int(m_pending.size()) - 1);
}

bool Listener::awaitExisting(const IncomingMessage &message)
{
    if (!m_durable || message.backendId.isEmpty())
        return false;
    const std::optional<OutboxEntry> existing = m_durable->find(message.backendId);
    if (!existing)
        return false;
    // The reply text is in the stored message; the result only needs to say there is one.
    const HandlerResult answered = HandlerResult::reply(tr("(the reply <%1>, from the outbox)").arg(existing->messageId));
    if (existing->state == OutboxEntry::State::Sent) {
        // Sent before its read mark was stored (a crash in between): store it now.
        m_durable->seenTaken(existing->id);
        settle(message, answered);
        return true;
    }
    m_waiting.insert(existing->id, {quint64(existing->id), message, answered, true});
    setStatus(tr("the reply to %1 waits in the outbox").arg(message.from.address));
    if (m_options.once)
        m_durable->sendNow();
    return true;
}

void Listener::queueDurably(const IncomingMessage &message, const HandlerResult &result)
{
    QStringList to;
    const SendOptions options = replyOptions(message, &to);
    qint64 id = 0;
    if (const ConnectorError error = m_durable->queue(message, to, result.replyText, options, &id))
        return settle(message, HandlerResult::failed(tr("the reply could not be queued: %1").arg(error.message())));
    m_waiting.insert(id, {quint64(id), message, result, true});
}

bool Listener::awaitsReplyTo(const QString &answeredId) const
{
    for (const Pending &p : m_waiting) {
        if (p.message.backendId == answeredId)
            return true;
    }
    return false;
}

void Listener::replySent(qint64 id)
{
    const auto it = m_waiting.constFind(id);
    if (it == m_waiting.cend())
        return;
    const Pending done = *it;
    m_waiting.erase(it);
    m_durable->seenTaken(id);
    settle(done.message, done.result);
}

void Listener::replyFailed(qint64 id, const QString &error)
{
    const auto it = m_waiting.constFind(id);
    if (it == m_waiting.cend())
        return;
    const Pending done = *it;
    m_waiting.erase(it);
    settle(done.message, HandlerResult::failed(tr("the reply could not be sent: %1").arg(error)));
}

void Listener::replyDeferred(qint64 id, const QString &error)
{
    const auto it = m_waiting.constFind(id);
    if (it == m_waiting.cend())
        return;
    if (!m_options.once) {
        // It stays in the outbox and the message in hand: sent with backoff, the handler not asked again.
        setStatus(tr("the reply to %1 could not be sent (%2); it waits in the outbox").arg(it->message.from.address, error));
        return;
    }
    // A single round: the reply stays queued (the next run or 'outbox flush' sends it), the message unseen.
    const Pending done = *it;
    m_waiting.erase(it);
    settle(done.message, HandlerResult::failed(tr("the reply waits in the outbox: %1").arg(error)));
}

void Listener::sendReply(int index)
{
    Pending &p = m_pending[index];
    p.sending = true;
    QStringList to;
    const SendOptions options = replyOptions(p.message, &to);
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
        if (m_options.once || m_stopped || !sent->isTransientFailure()) {
            m_pending.erase(it);
            return settle(done.message, HandlerResult::failed(tr("the reply could not be sent: %1").arg(sent->error().message())));
        }
        // Kept: sent again at the next round, the handler not asked again, the message left unseen.
        it->sending = false;
        setStatus(tr("the reply to %1 could not be sent (%2); it is sent again at the next round")
                      .arg(done.message.from.address, sent->error().message()));
    });
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
