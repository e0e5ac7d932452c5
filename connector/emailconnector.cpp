#include "emailconnector.h"

#include "backends/gmailbackend.h"
#include "backends/imapsmtpbackend.h"
#include "canaryprobe.h"
#include "connectiontester.h"
#include "healthtracker.h"
#include "inboxwatcher.h"
#include "listener.h"
#include "messageid.h"
#include "outboxflushreply.h"
#include "outboxsender.h"
#include "secrets/credentialstore.h"
#include "store/activitylog.h"
#include "store/localstore.h"
#include "store/messagecache.h"
#include "store/outbox.h"
#include "store/storelocation.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConnector, "machina.connector", QtWarningMsg)

namespace machina {

using Kind = ConnectorError::Kind;

EmailConnector::EmailConnector(const ConnectorConfig &config, QObject *parent)
    : QObject(parent),
      m_config(config),
      m_credentials(new CredentialStore(this)),
      m_health(new HealthTracker(this)),
      m_backend(config.isGmail() ? static_cast<MailBackend *>(new GmailBackend(config, m_credentials, m_health, this))
                                 : new ImapSmtpBackend(config, m_credentials, m_health, this))
{
    connect(m_health, &HealthTracker::changed, this, &EmailConnector::publishHealth);
    connect(m_backend, &MailBackend::inboxChanged, this, &EmailConnector::inboxChanged);
    connect(m_backend, &MailBackend::inboxWatchStatusChanged, this, &EmailConnector::inboxWatchStatusChanged);
    connect(m_backend, &MailBackend::authorizationUrlReady, this, &EmailConnector::authorizationUrlReady);
    connect(&m_probeTimer, &QTimer::timeout, this, [this] {
        ConnectorReply *probed = probe();
        connect(probed, &ConnectorReply::finished, probed, &QObject::deleteLater);
    });
    connect(&m_canaryTimer, &QTimer::timeout, this, [this] {
        if (m_canary)
            return;   // the last one is still waiting for its probe
        m_canary = runCanary();
        connect(m_canary, &CanaryProbe::finished, this, [this](qint64 latencyMs, const ConnectorError &error) {
            m_canaryAt = QDateTime::currentDateTimeUtc();
            m_canaryLatencyMs = error ? -1 : latencyMs;
            m_canaryError = error ? error.message() : QString();
            m_publishedHealth = healthCheck();
            Q_EMIT healthChanged(m_publishedHealth);
        });
        connect(m_canary, &CanaryProbe::settled, m_canary, &QObject::deleteLater);
    });
    m_publishedHealth = healthCheck();
}

EmailConnector::~EmailConnector()
{
    // The sender, the outbox and the cache use the store: they go first.
    m_backend->setMessageCache(nullptr);
    delete std::exchange(m_sender, nullptr);
    delete std::exchange(m_outbox, nullptr);
    m_activity.reset();
}

ConnectorError EmailConnector::openStore(const QString &path)
{
    if (m_store) {
        return {};
    }
    LocalStore::OpenResult opened = LocalStore::open(path.isEmpty() ? StoreLocation::pathFor(m_config) : path);
    if (!opened.store)
        return opened.error;
    m_store = std::move(opened.store);
    m_outbox = new Outbox(m_store.get(), this);
    m_activity = std::make_unique<ActivityLog>(m_store.get());
    m_cache = std::make_unique<MessageCache>(m_store.get());
    m_backend->setMessageCache(m_cache.get());
    m_sender = new OutboxSender(m_outbox, m_backend, this);
    connect(m_outbox, &Outbox::changed, this, &EmailConnector::outboxChanged);
    connect(m_sender, &OutboxSender::entrySent, this, [this](qint64, const QString &id, const QStringList &to) {
        qCDebug(lcConnector).noquote() << "sent" << id << "to" << to.join(QStringLiteral(", "));
        Q_EMIT messageSent(id, to);
    });
    watchSmtpComeback();
    return opened.error;
}

void EmailConnector::watchSmtpComeback()
{
    // The server answers again (the backend's own reconnect, a probe, a send): what waits goes now.
    const HealthTracker::Session sending = m_config.isGmail() ? HealthTracker::Session::Gmail : HealthTracker::Session::Smtp;
    m_smtpWasUp = m_health->isUp(sending);
    connect(m_health, &HealthTracker::changed, this, [this, sending] {
        const bool up = m_health->isUp(sending);
        if (up && !m_smtpWasUp && m_sender)
            m_sender->kick();
        m_smtpWasUp = up;
    });
}

void EmailConnector::imapSessionSettings(QObject *context, const QString &mailbox,
                                         const std::function<void(const ConnectorError &, const ImapSettings &)> &then)
{
    m_backend->imapSessionSettings(context, mailbox, then);
}

ConnectorError EmailConnector::queueMessage(const BuiltMessage &message, qint64 *id)
{
    if (!m_sender)
        return {Kind::Store, tr("No local store is open: the message cannot be queued.")};
    return m_sender->queue(message, QStringLiteral("queue"), {}, id);
}

void EmailConnector::setOutboxDraining(bool draining)
{
    if (m_sender)
        m_sender->setDraining(draining);
    if (m_outbox)
        m_outbox->watchForeignChanges(draining ? 2000 : 0);
}

ConnectorReply *EmailConnector::waitForSentCopies()
{
    if (!m_sender) {
        auto *reply = new ConnectorReply;
        reply->finish();
        return reply;
    }
    return m_sender->whenStepsDone();
}

OutboxFlushReply *EmailConnector::flushOutbox()
{
    if (!m_sender) {
        auto *reply = new OutboxFlushReply;
        reply->finish({Kind::Store, tr("No local store is open: there is no outbox to flush.")});
        return reply;
    }
    if (const ConnectorError invalid = m_config.validate()) {
        auto *reply = new OutboxFlushReply;
        reply->finish(invalid);
        return reply;
    }
    return m_sender->flush();
}

GmailBackend *EmailConnector::gmail() const
{
    return m_config.isGmail() ? static_cast<GmailBackend *>(m_backend) : nullptr;
}

ConnectorReply *EmailConnector::connectToServers()
{
    return m_backend->connectToServers();
}

ConnectorReply *EmailConnector::signInToGoogle(bool noBrowser)
{
    if (gmail())
        return signIn(noBrowser);
    auto *reply = new ConnectorReply;
    reply->finish({Kind::Config, tr("gmail_credentials_file: not set; Google sign-in needs the client file.")});
    return reply;
}

ConnectorReply *EmailConnector::signIn(bool noBrowser)
{
    return m_backend->signIn(noBrowser);
}

void EmailConnector::setGoogleSignInTimeout(int ms)
{
    setSignInTimeout(ms);
}

void EmailConnector::setGoogleSignInHint(const QString &hint)
{
    setSignInHint(hint);
}

void EmailConnector::setSignInTimeout(int ms)
{
    m_backend->setSignInTimeout(ms);
}

void EmailConnector::setSignInHint(const QString &hint)
{
    m_googleSignInHint = hint;
    m_backend->setSignInHint(hint);
}

ConnectorReply *EmailConnector::disconnectFromServers()
{
    m_probeTimer.stop();   // a probe would open the sessions again
    m_canaryTimer.stop();
    ++m_listenGeneration;  // a listen() still waiting for the keychain does not start
    endListening();
    watchInbox(false);
    return m_backend->disconnectFromServers();
}

bool EmailConnector::isConnected() const
{
    return m_backend->isConnected();
}

ConnectorHealth EmailConnector::healthCheck() const
{
    ConnectorHealth health = m_health->health();
    QVariantMap &d = health.details;
    m_backend->addHealthDetails(&d);
    d.insert(QStringLiteral("username"), m_config.username);
    d.insert(QStringLiteral("listening"), m_listener != nullptr);
    if (m_listener) {
        const InboxWatcher *w = m_listener->watcher();
        d.insert(QStringLiteral("idle"), w->isIdling());
        if (w->failedAttempts() > 0) {
            d.insert(QStringLiteral("receive_error"), w->lastError().message());
            d.insert(QStringLiteral("reconnect_attempts"), w->failedAttempts());
        }
        if (m_listener->pendingReplies() > 0)
            d.insert(QStringLiteral("replies_waiting"), m_listener->pendingReplies());
    }
    if (m_outbox)
        d.insert(QStringLiteral("outbox_queued"), m_outbox->pendingCount());
    if (m_canaryAt.isValid()) {
        d.insert(QStringLiteral("canary_at"), m_canaryAt);
        if (m_canaryLatencyMs >= 0)
            d.insert(QStringLiteral("canary_latency_ms"), m_canaryLatencyMs);
        else
            d.insert(QStringLiteral("canary_error"), m_canaryError);
    }
    return health;
}

void EmailConnector::setCanaryInterval(int seconds)
{
    if (seconds <= 0) {
        m_canaryTimer.stop();
        return;
    }
    m_canaryTimer.start(seconds * 1000);
}

ConnectorReply *EmailConnector::probe()
{
    return m_backend->probe();
}

void EmailConnector::setProbeInterval(int seconds)
{
    if (seconds <= 0)
        m_probeTimer.stop();
    else
        m_probeTimer.start(seconds * 1000);
}

void EmailConnector::publishHealth()
{
    // Every send and poll lands here: compare what the tracker says first, and gather the details
    // (the backend's, the listener's, the outbox count) only for a change that is published.
    const ConnectorHealth recorded = m_health->health();
    if (recorded.status == m_publishedHealth.status && recorded.message == m_publishedHealth.message)
        return;
    m_publishedHealth = healthCheck();
    Q_EMIT healthChanged(m_publishedHealth);
}

MessageBuilder::Result EmailConnector::buildMessage(const QStringList &to, const QString &text,
                                                    const SendOptions &options) const
{
    OutgoingMessage message;
    message.from = accountAddress();
    message.to = to;
    message.subject = options.subject;
    message.text = text;
    message.attachments = options.attachments;
    message.inReplyTo = options.inReplyTo;
    message.references = options.references;
    return MessageBuilder::build(message);
}

SendReply *EmailConnector::sendMessage(const QStringList &to, const QString &text, const SendOptions &options)
{
    const MessageBuilder::Result built = buildMessage(to, text, options);
    if (!built.message) {
        auto *reply = new SendReply;
        reply->finish(built.error);
        return reply;
    }
    return sendBuiltMessage(*built.message);
}

SendReply *EmailConnector::sendBuiltMessage(const BuiltMessage &message, SendMode mode)
{
    if (const ConnectorError invalid = m_config.validate()) {
        auto *reply = new SendReply;
        reply->finish(invalid);
        return reply;
    }
    if (m_sender) {
        // messageSent() comes from the sender's entrySent.
        return m_sender->sendNow(message, QStringLiteral("send"), mode == SendMode::QueueWhenUnreachable, m_sendDeadlineMs);
    }
    SendReply *reply = m_backend->send(message);
    // Connected before the caller can connect, so health is current when the caller's slot runs.
    connect(reply, &ConnectorReply::finished, this, [this, reply, id = message.messageId, to = message.envelopeTo] {
        if (!reply->error()) {
            qCDebug(lcConnector).noquote() << "sent" << id << "to" << to.join(QStringLiteral(", "));
            Q_EMIT messageSent(id, to);
        }
    });
    return reply;
}

ConnectionTestReply *EmailConnector::testConnection(bool sendToSelf) const
{
    return ConnectionTester::start(m_config, sendToSelf, m_googleSignInHint);
}

CanaryProbe *EmailConnector::runCanary()
{
    auto *probe = new CanaryProbe;
    if (const ConnectorError invalid = m_config.validate())
        probe->fail(invalid);
    else
        probe->startOn(m_backend, accountAddress());
    return probe;
}

QString EmailConnector::accountAddress() const
{
    const QString configured = m_config.effectiveFromAddress();
    return configured.isEmpty() ? m_backend->signedInAddress() : configured;
}

QStringList EmailConnector::capabilities() const
{
    return {QStringLiteral("send_message"), QStringLiteral("receive_message")};
}

ListenReply *EmailConnector::listen(const MessageHandler &handler, const ListenOptions &options)
{
    auto *reply = new ListenReply;
    if (m_listener) {
        reply->finish({Kind::Config, tr("Already listening.")});
        return reply;
    }
    if (const ConnectorError invalid = m_config.validate()) {
        reply->finish(invalid);
        return reply;
    }
    QPointer<ListenReply> guard(reply);
    const quint64 generation = m_listenGeneration;
    // Receiving needs the IMAP credentials (or the Google sign-in), not a working SMTP server:
    // replies that cannot be sent yet wait (see Listener).
    m_backend->prepareReceiving(reply, [this, guard, handler, options, generation](const ConnectorError &error) {
        if (!guard)
            return;
        if (error)
            return guard->finish(error);
        if (generation != m_listenGeneration)
            return guard->finish({Kind::Aborted, tr("Listening was stopped before it began.")});
        if (m_listener)
            return guard->finish({Kind::Config, tr("Already listening.")});
        ConnectorError problem;
        InboxWatcher *watcher = m_backend->createWatcher(options, &problem);
        if (!watcher)
            return guard->finish(problem);
        m_listener = new Listener(watcher, handler, options, guard,
                                  [this](const QStringList &to, const QString &text, const SendOptions &o) {
                                      return sendMessage(to, text, o);
                                  },
                                  this);
        connect(m_listener, &Listener::messageReceived, this, &EmailConnector::messageReceived);
        connect(m_listener, &Listener::messageHandled, this, &EmailConnector::messageHandled);
        connect(m_listener, &Listener::statusChanged, this, &EmailConnector::receiveStatusChanged);
        connect(m_listener, &Listener::ended, this, [this] { endListening(); });
        if (m_sender)
            makeRepliesDurable(m_listener);
        m_listener->start();
        publishHealth();
    });
    return reply;
}

void EmailConnector::makeRepliesDurable(Listener *listener)
{
    Listener::DurableReplies durable;
    durable.find = [this](const QString &answeredId) { return m_outbox->replyFor(answeredId); };
    durable.queue = [this](const IncomingMessage &message, const QStringList &to, const QString &text,
                           const SendOptions &options, qint64 *id) {
        const MessageBuilder::Result built = buildMessage(to, text, options);
        if (!built.message)
            return built.error;
        return m_sender->queue(*built.message, QStringLiteral("listen"), message.backendId, id);
    };
    durable.seenTaken = [this](qint64 id) { m_outbox->setSeenStep(id, OutboxEntry::Step::Done); };
    durable.sendNow = [this] { m_sender->kick(); };
    listener->setDurableReplies(durable);
    connect(m_sender, &OutboxSender::entrySent, listener, [listener](qint64 id) { listener->replySent(id); });
    connect(m_sender, &OutboxSender::entryFailed, listener,
            [listener](qint64 id, const QString &, const QString &error) { listener->replyFailed(id, error); });
    connect(m_sender, &OutboxSender::entryDeferred, listener,
            [listener](qint64 id, const QString &, const QString &error) { listener->replyDeferred(id, error); });
    // Another process that holds the outbox (the console) may send the replies: look when it commits.
    connect(m_outbox, &Outbox::changedElsewhere, listener, [this, listener] {
        for (qint64 id : listener->waitingReplies()) {
            const std::optional<OutboxEntry> entry = m_outbox->entry(id);
            if (entry && entry->state == OutboxEntry::State::Sent)
                listener->replySent(id);
            else if (entry && (entry->state == OutboxEntry::State::Failed || entry->state == OutboxEntry::State::Cancelled))
                listener->replyFailed(id, entry->lastError);
        }
    });
    m_sender->setSeenHandledElsewhere([this](const QString &answeredId) {
        return m_listener && m_listener->awaitsReplyTo(answeredId);
    });
    // listen() drains the outbox in the background, with backoff.
    setOutboxDraining(true);
}

ConnectorReply *EmailConnector::stopListening()
{
    ++m_listenGeneration;
    if (!m_listener) {
        auto *reply = new ConnectorReply;
        reply->finish();
        return reply;
    }
    Listener *listener = std::exchange(m_listener, nullptr);
    disconnect(listener, nullptr, this, nullptr);
    ConnectorReply *closed = listener->stop();
    connect(closed, &ConnectorReply::finished, listener, &QObject::deleteLater);
    publishHealth();
    return closed;
}

void EmailConnector::endListening()
{
    if (!m_listener)
        return;
    ConnectorReply *closed = stopListening();
    connect(closed, &ConnectorReply::finished, closed, &QObject::deleteLater);
}

InboxListReply *EmailConnector::listMessages(bool unseenOnly, int limit)
{
    return startListing(unseenOnly, limit, std::nullopt);
}

InboxListReply *EmailConnector::listCachedMessages(bool unseenOnly, int limit)
{
    auto *reply = new InboxListReply;
    if (!m_cache) {
        reply->finish({Kind::Store, tr("No local store is open: there is no inbox cache to list.")});
        return reply;
    }
    ConnectorError error;
    const QList<MessageSummary> rows = m_cache->messages(QStringLiteral("INBOX"), unseenOnly, limit, &error);
    reply->setMessages(rows);
    reply->setTotal(int(rows.size()));
    // rowsListed() too, as a listing gives it, once the caller could connect.
    QMetaObject::invokeMethod(reply, [reply, rows, error] {
        if (!rows.isEmpty())
            Q_EMIT reply->rowsListed(rows);
        reply->finish(error);
    }, Qt::QueuedConnection);
    return reply;
}

InboxListReply *EmailConnector::syncInbox(const QStringList &knownIds, int limit)
{
    return startListing(false, limit, QSet<QString>(knownIds.cbegin(), knownIds.cend()));
}

InboxListReply *EmailConnector::startListing(bool unseenOnly, int limit, const std::optional<QSet<QString>> &known)
{
    if (const ConnectorError invalid = m_config.validate()) {
        auto *reply = new InboxListReply;
        reply->finish(invalid);
        return reply;
    }
    return m_backend->list(unseenOnly, limit, known);
}

ConnectorError EmailConnector::parseIds(const QStringList &ids, QList<MessageId> *out) const
{
    for (const QString &text : ids) {
        const MessageId id = MessageId::parse(text);
        // IMAP ids of one store share one UIDVALIDITY: the STORE is checked against it.
        if (id.backend() != m_backend->idKind()
            || (!out->isEmpty() && id.uidValidity() != out->first().uidValidity()))
            return {Kind::Config, tr("%1 is not a message id of this account.").arg(text)};
        out->append(id);
    }
    return {};
}

MessageReply *EmailConnector::fetchMessage(const QString &id)
{
    QList<MessageId> parsed;
    if (const ConnectorError error = parseIds({id}, &parsed)) {
        auto *reply = new MessageReply;
        reply->finish(error);
        return reply;
    }
    return m_backend->fetch(parsed.first());
}

ConnectorReply *EmailConnector::setSeen(const QStringList &ids, bool seen)
{
    QList<MessageId> parsed;
    if (const ConnectorError error = parseIds(ids, &parsed)) {
        auto *reply = new ConnectorReply;
        reply->finish(error);
        return reply;
    }
    return m_backend->setSeen(parsed, seen);
}

void EmailConnector::watchInbox(bool enabled)
{
    if (enabled == m_inboxWatchOn)
        return;
    m_inboxWatchOn = enabled;
    m_backend->setInboxWatched(enabled);
}

} // namespace machina
