#include "emailconnector.h"

#include "gmail/gmailclient.h"
#include "gmail/gmailwatcher.h"
#include "gmail/googleauth.h"
#include "imap/inboxmonitor.h"
#include "imap/mailboxwatcher.h"
#include "secrets/credentialstore.h"
#include "mime/messageparser.h"
#include "smtp/smtpclient.h"

#include <memory>

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConnector, "machina.connector", QtWarningMsg)

namespace machina {

using Kind = ConnectorError::Kind;

EmailConnector::EmailConnector(const ConnectorConfig &config, QObject *parent)
    : QObject(parent), m_config(config)
{
    m_publishedHealth = healthCheck();
}

EmailConnector::~EmailConnector() = default;

ConnectorReply *EmailConnector::connectToServers()
{
    auto *reply = new ConnectorReply;
    if (const ConnectorError invalid = m_config.validate()) {
        recordOutcome(invalid, false);
        reply->finish(invalid);
        return reply;
    }
    QPointer<ConnectorReply> guard(reply);
    auto proceed = [this, guard](const ConnectorError &error) {
        if (!guard)
            return;
        if (error) {
            recordOutcome(error, false);
            guard->finish(error);
        } else if (m_config.isGmail()) {
            connectGmail(guard);
        } else {
            openSmtp(guard);
        }
    };
    if (m_config.isGmail())
        proceed({});
    else
        resolvePassword(proceed);
    return reply;
}

CredentialStore *EmailConnector::credentialStore()
{
    if (!m_store)
        m_store = new CredentialStore(this);
    return m_store;
}

void EmailConnector::resolvePassword(const std::function<void(const ConnectorError &)> &then)
{
    if (m_config.username.isEmpty() || !m_config.password.isEmpty()) {
        then({});
        return;
    }
    // No password in the config: the keychain is the only other place one may be.
    CredentialReply *read = credentialStore()->readSecret(CredentialStore::passwordKey(m_config.username));
    connect(read, &ConnectorReply::finished, this, [this, read, then] {
        read->deleteLater();
        if (read->error())
            return then(read->error());
        if (read->notFound() || read->secret().isEmpty()) {
            return then({Kind::Config, tr("password: none in the config and none in the keychain for %1. Write "
                                          "password: ${EMAIL_PASSWORD} in the config, or store it in the keychain "
                                          "with: machina-mail store-password").arg(m_config.username)});
        }
        m_config.password = QString::fromUtf8(read->secret());
        then({});
    });
}

void EmailConnector::openSmtp(ConnectorReply *reply)
{
    SmtpSettings settings;
    if (const ConnectorError tlsError = SmtpSettings::fromConfig(m_config, &settings)) {
        recordOutcome(tlsError, false);
        reply->finish(tlsError);
        return;
    }

    if (!m_smtp) {
        m_smtp = new SmtpClient(settings, this);
    } else {
        m_smtp->setSettings(settings);
    }
    ConnectorReply *open = m_smtp->open();
    // Say what the session is doing, for a progress line or a status bar.
    connect(m_smtp, &SmtpClient::stateChanged, reply, [this, reply](SmtpClient::State state) {
        const QString server = QStringLiteral("%1:%2").arg(m_config.smtpHost).arg(m_config.smtpPort);
        switch (state) {
        case SmtpClient::State::Connecting: Q_EMIT reply->progressed(tr("Connecting to %1").arg(server)); break;
        case SmtpClient::State::TlsHandshake: Q_EMIT reply->progressed(tr("Securing the connection to %1").arg(server)); break;
        case SmtpClient::State::Authenticating: Q_EMIT reply->progressed(tr("Signing in as %1").arg(m_config.username)); break;
        case SmtpClient::State::Ready: Q_EMIT reply->progressed(tr("Connected to %1").arg(server)); break;
        default: break;
        }
    });
    connect(open, &ConnectorReply::finished, this, [this, open, reply] {
        open->deleteLater();
        disconnect(m_smtp, nullptr, reply, nullptr);
        const ConnectorError error = open->error();
        m_connected = !error;
        if (m_connected)
            m_connectedSince = QDateTime::currentDateTimeUtc();
        recordOutcome(error, false);
        reply->finish(error);
    });
    connect(reply, &QObject::destroyed, open, [open] { open->abort(); });
}

ConnectorError EmailConnector::prepareGoogle()
{
    if (m_googleAuth)
        return {};
    const GoogleClientSecrets::Result client = GoogleClientSecrets::loadFile(m_config.gmailCredentialsFile);
    if (!client.secrets)
        return client.error;
    const QUrl api(m_config.gmailApiUrl);
    if (!GoogleClientSecrets::isAcceptableUrl(api))
        return {Kind::Config, tr("gmail_api_url: %1 must be https (plain http only on loopback)").arg(m_config.gmailApiUrl)};
    m_googleAuth = new GoogleAuth(*client.secrets, credentialStore(), this);
    if (m_googleSignInTimeoutMs > 0)
        m_googleAuth->setSignInTimeout(m_googleSignInTimeoutMs);
    if (!m_googleSignInHint.isEmpty())
        m_googleAuth->setSignInHint(m_googleSignInHint);
    connect(m_googleAuth, &GoogleAuth::authorizationUrlReady, this, &EmailConnector::authorizationUrlReady);
    m_gmail = new GmailClient(api, m_googleAuth, this);
    m_gmail->setTimeout(m_config.timeout * 1000);
    connect(m_gmail, &GmailClient::throttled, this, [this](const QString &why, int retryInMs) {
        m_lastError = {Kind::Network, tr("%1; retrying in %2 s").arg(why).arg(retryInMs / 1000.0, 0, 'f', 1)};
        m_lastErrorAt = QDateTime::currentDateTimeUtc();
        publishHealth();
    });
    return {};
}

void EmailConnector::connectGmail(ConnectorReply *reply)
{
    if (const ConnectorError error = prepareGoogle()) {
        recordOutcome(error, false);
        reply->finish(error);
        return;
    }
    // Stored tokens only: the browser opens from signInToGoogle(), never behind a send.
    ConnectorReply *signedIn = m_googleAuth->ensureSignedIn(false);
    signedIn->setParent(reply);
    QPointer<ConnectorReply> guard(reply);
    connect(signedIn, &ConnectorReply::finished, this, [this, signedIn, guard] {
        signedIn->deleteLater();
        if (!guard)
            return;
        if (signedIn->error()) {
            recordOutcome(signedIn->error(), false);
            guard->finish(signedIn->error());
            return;
        }
        GmailReply *profile = m_gmail->profile();
        connect(profile, &ConnectorReply::finished, this, [this, profile, guard] {
            profile->deleteLater();
            if (!guard)
                return;
            const ConnectorError error = profile->error();
            m_connected = !error;
            if (m_connected) {
                m_gmailAddress = profile->emailAddress();
                m_connectedSince = QDateTime::currentDateTimeUtc();
            }
            recordOutcome(error, false);
            guard->finish(error);
        });
    });
}

ConnectorReply *EmailConnector::signInToGoogle(bool noBrowser)
{
    auto *reply = new ConnectorReply;
    if (!m_config.isGmail()) {
        reply->finish({Kind::Config, tr("gmail_credentials_file: not set; Google sign-in needs the client file.")});
        return reply;
    }
    if (const ConnectorError error = prepareGoogle()) {
        reply->finish(error);
        return reply;
    }
    m_googleAuth->setNoBrowser(noBrowser);
    ConnectorReply *signIn = m_googleAuth->signIn();
    signIn->setParent(reply); // freed with the caller's reply even when the connector goes first
    QPointer<ConnectorReply> guard(reply);
    connect(signIn, &ConnectorReply::finished, this, [this, signIn, guard] {
        signIn->deleteLater();
        if (!guard)
            return;
        if (signIn->error())
            return guard->finish(signIn->error());
        GmailReply *profile = m_gmail->profile();
        connect(profile, &ConnectorReply::finished, this, [this, profile, guard] {
            profile->deleteLater();
            if (!profile->error())
                m_gmailAddress = profile->emailAddress();
            if (guard)
                guard->finish(profile->error());
        });
    });
    return reply;
}

void EmailConnector::setGoogleSignInTimeout(int ms)
{
    m_googleSignInTimeoutMs = ms;
    if (m_googleAuth && ms > 0)
        m_googleAuth->setSignInTimeout(ms);
}

void EmailConnector::setGoogleSignInHint(const QString &hint)
{
    m_googleSignInHint = hint;
    if (m_googleAuth && !hint.isEmpty())
        m_googleAuth->setSignInHint(hint);
}

ConnectorReply *EmailConnector::disconnectFromServers()
{
    m_connected = false;
    m_connectedSince = {};
    if (!m_smtp || m_config.isGmail()) {
        auto *reply = new ConnectorReply;
        reply->finish();
        publishHealth();
        return reply;
    }
    ConnectorReply *reply = m_smtp->close();
    publishHealth();
    return reply;
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
    if (!m_connected) {
        auto *reply = new SendReply;
        reply->finish({Kind::NotConnected, tr("Not connected: call connectToServers() before sending.")});
        return reply;
    }
    const MessageBuilder::Result built = buildMessage(to, text, options);
    if (!built.message) {
        auto *reply = new SendReply;
        reply->finish(built.error);
        return reply;
    }
    return sendBuiltMessage(*built.message);
}

SendReply *EmailConnector::sendBuiltMessage(const BuiltMessage &message)
{
    if (!m_connected || (!m_smtp && !m_gmail)) {
        auto *reply = new SendReply;
        reply->finish({Kind::NotConnected, tr("Not connected: call connectToServers() before sending.")});
        return reply;
    }
    SendReply *reply = m_config.isGmail()
        ? m_gmail->send(message.data)
        : m_smtp->send(message.envelopeFrom, message.envelopeTo, message.data, message.needsSmtpUtf8);
    reply->setMessageId(message.messageId);
    // Connected before the caller can connect, so health is current when the caller's slot runs.
    connect(reply, &ConnectorReply::finished, this, [this, reply, id = message.messageId, to = message.envelopeTo] {
        recordOutcome(reply->error(), true);
        if (!reply->error()) {
            qCDebug(lcConnector).noquote() << "sent" << id << "to" << to.join(QStringLiteral(", "));
            Q_EMIT messageSent(id, to);
        }
    });
    return reply;
}

void EmailConnector::watchInbox(bool enabled)
{
    if (enabled == m_inboxWatchOn)
        return;
    m_inboxWatchOn = enabled;
    if (!enabled) {
        if (m_inboxMonitor) {
            // Deleted once LOGOUT is answered (or the session is gone), not before.
            InboxMonitor *monitor = std::exchange(m_inboxMonitor, nullptr);
            disconnect(monitor, nullptr, this, nullptr);
            connect(monitor->stop(), &ConnectorReply::finished, monitor, &QObject::deleteLater);
        }
        delete m_inboxPoll;
        m_inboxPoll = nullptr;
        return;
    }
    const int pollMs = std::max(1, m_config.pollInterval) * 1000;
    if (m_config.isGmail()) {
        // The Gmail API has no push to a desktop program without Pub/Sub: poll.
        m_inboxPoll = new QTimer(this);
        connect(m_inboxPoll, &QTimer::timeout, this, &EmailConnector::inboxChanged);
        m_inboxPoll->start(pollMs);
        Q_EMIT inboxWatchStatusChanged(tr("polling Gmail every %n second(s)", nullptr, pollMs / 1000));
        return;
    }
    resolvePassword([this](const ConnectorError &error) {
        if (!m_inboxWatchOn || m_inboxMonitor)
            return;
        ImapSettings settings;
        const ConnectorError problem = error ? error : imapSettings(&settings);
        if (problem) {
            Q_EMIT inboxWatchStatusChanged(tr("cannot watch the inbox: %1").arg(problem.message()));
            return;
        }
        m_inboxMonitor = new InboxMonitor(settings, m_config.pollInterval, this);
        connect(m_inboxMonitor, &InboxMonitor::changed, this, &EmailConnector::inboxChanged);
        connect(m_inboxMonitor, &InboxMonitor::statusChanged, this, &EmailConnector::inboxWatchStatusChanged);
        m_inboxMonitor->start();
    });
}

ConnectionTestReply *EmailConnector::testConnection(bool sendToSelf) const
{
    return ConnectionTester::start(m_config, sendToSelf, m_googleSignInHint);
}

QString EmailConnector::accountAddress() const
{
    const QString configured = m_config.effectiveFromAddress();
    return configured.isEmpty() ? m_gmailAddress : configured;
}

QStringList EmailConnector::capabilities() const
{
    return {QStringLiteral("send_message"), QStringLiteral("receive_message")};
}

ConnectorError EmailConnector::imapSettings(ImapSettings *out) const
{
    if (const ConnectorError invalid = m_config.validate())
        return invalid;
    if (m_config.imapHost.isEmpty())
        return {Kind::Config, tr("imap_host: not set; receiving mail needs an IMAP server.")};
    if (!m_config.username.isEmpty() && m_config.password.isEmpty()) {
        return {Kind::Config, tr("password: no password for %1 (write password: ${EMAIL_PASSWORD} in the "
                                 "config and set that variable).").arg(m_config.username)};
    }
    return ImapSettings::fromConfig(m_config, out);
}

ListenReply *EmailConnector::listen(const MessageHandler &handler, const ListenOptions &options)
{
    auto *reply = new ListenReply;
    if (m_watcher) {
        reply->finish({Kind::Config, tr("Already listening.")});
        return reply;
    }
    if (!m_connected) {
        reply->finish({Kind::NotConnected, tr("Not connected: call connectToServers() before listen(), "
                                              "replies are sent through SMTP.")});
        return reply;
    }
    ImapSettings settings;
    if (!m_config.isGmail()) {
        if (const ConnectorError error = imapSettings(&settings)) {
            reply->finish(error);
            return reply;
        }
    }
    m_handler = handler;
    m_listenOptions = options;
    m_listenReply = reply;
    m_firstRoundDone = false;
    m_handlersRunning = 0;
    if (m_config.isGmail()) {
        m_watcher = new GmailWatcher(m_gmail, m_config.pollInterval, this);
    } else {
        auto *imapWatcher = new MailboxWatcher(settings, m_config.pollInterval, this);
        imapWatcher->setIdleEnabled(options.useIdle && !options.once);
        m_watcher = imapWatcher;
    }
    connect(m_watcher, &InboxWatcher::messageArrived, this, &EmailConnector::handleIncoming);
    connect(m_watcher, &InboxWatcher::roundFinished, this, [this] {
        m_firstRoundDone = true;
        if (!m_listenOptions.once) {
            setReceiveStatus(m_watcher->usesIdle()
                                 ? tr("waiting for mail (IDLE)")
                                 : tr("waiting for mail (polling every %1 s)").arg(m_config.pollInterval));
        }
        publishHealth();
        maybeFinishOnce();
    });
    connect(m_watcher, &InboxWatcher::seenStored, this, &EmailConnector::maybeFinishOnce);
    connect(m_watcher, &InboxWatcher::errorOccurred, this, [this](const ConnectorError &error, int retryInMs) {
        setReceiveStatus(tr("cannot receive: %1; retrying in %2 s").arg(error.message()).arg(retryInMs / 1000.0, 0, 'f', 1));
        publishHealth();
        // A single round has nothing to retry for; a long listen keeps trying.
        if (m_listenOptions.once || error.kind() == Kind::Auth || error.kind() == Kind::Config)
            endListening(error);
    });
    connect(m_watcher, &InboxWatcher::recovered, this, [this] {
        setReceiveStatus(m_config.isGmail() ? tr("reconnected to the Gmail API")
                                            : tr("reconnected to %1:%2").arg(m_config.imapHost).arg(m_config.imapPort));
        publishHealth();
    });
    m_watcher->start();
    return reply;
}

ConnectorReply *EmailConnector::stopListening()
{
    if (!m_watcher) {
        auto *reply = new ConnectorReply;
        reply->finish();
        return reply;
    }
    ConnectorReply *closed = m_watcher->stop();
    endListening({});
    return closed;
}

void EmailConnector::endListening(const ConnectorError &error)
{
    if (!m_watcher)
        return;
    InboxWatcher *watcher = m_watcher;
    m_watcher = nullptr;
    if (watcher->isRunning()) {
        ConnectorReply *closed = watcher->stop();
        connect(closed, &ConnectorReply::finished, watcher, [closed, watcher] {
            closed->deleteLater();
            watcher->deleteLater();
        });
    } else {
        watcher->deleteLater();
    }
    if (m_listenReply)
        m_listenReply->finish(error);
    publishHealth();
}

void EmailConnector::setReceiveStatus(const QString &status)
{
    if (status == m_receiveStatus)
        return;
    m_receiveStatus = status;
    Q_EMIT receiveStatusChanged(status);
}

void EmailConnector::handleIncoming(const IncomingMessage &message)
{
    if (m_listenReply)
        ++m_listenReply->m_received;
    ++m_handlersRunning;
    Q_EMIT messageReceived(message);
    // The handler may answer at once or much later, but only once.
    auto answered = std::make_shared<bool>(false);
    QPointer<EmailConnector> self(this);
    m_handler(message, [self, message, answered](const HandlerResult &result) {
        if (*answered || !self)
            return;
        *answered = true;
        self->handlerDone(message, result);
    });
}

void EmailConnector::handlerDone(const IncomingMessage &message, const HandlerResult &result)
{
    auto settle = [this, message](const HandlerResult &outcome) {
        if (m_watcher) {
            if (outcome.handled)
                m_watcher->markHandled(message);
            else
                m_watcher->release(message);
        }
        if (m_listenReply)
            ++(outcome.handled ? m_listenReply->m_handled : m_listenReply->m_failed);
        --m_handlersRunning;
        Q_EMIT messageHandled(message, outcome);
        maybeFinishOnce();
    };
    if (!result.handled || result.replyText.isEmpty()) {
        settle(result);
        return;
    }
    SendOptions options;
    options.subject = message.replySubject();
    options.inReplyTo = message.messageId;
    options.references = message.references;
    if (!message.messageId.isEmpty() && !options.references.contains(message.messageId))
        options.references.append(message.messageId);
    QStringList to;
    for (const MailAddress &a : message.replyAddresses())
        to.append(a.address);
    SendReply *sent = sendMessage(to, result.replyText, options);
    connect(sent, &ConnectorReply::finished, this, [sent, settle, result] {
        sent->deleteLater();
        if (sent->error())
            settle(HandlerResult::failed(tr("the reply could not be sent: %1").arg(sent->error().message())));
        else
            settle(result);
    });
}

void EmailConnector::maybeFinishOnce()
{
    if (!m_watcher || !m_listenOptions.once || !m_firstRoundDone)
        return;
    if (m_handlersRunning > 0 || m_watcher->pendingSeenCount() > 0)
        return;
    endListening({});
}

namespace {

MessageSummary summaryOf(const ImapMessage &m, quint32 uidValidity)
{
    MessageSummary row;
    row.id = QStringLiteral("imap:%1:%2").arg(uidValidity).arg(m.uid);
    row.uid = m.uid;
    row.seen = m.isSeen();
    row.attachments = m.attachmentCount;
    row.size = qint64(m.size);
    const ImapEnvelope envelope = m.envelope.value_or(ImapEnvelope{});
    row.subject = MessageParser::decodeHeader(envelope.subject);
    if (!envelope.from.isEmpty()) {
        const ImapAddress &a = envelope.from.first();
        const QString name = MessageParser::decodeHeader(a.name);
        row.fromAddress = QString::fromUtf8(a.address());
        row.from = name.isEmpty() ? row.fromAddress : QStringLiteral("%1 <%2>").arg(name, row.fromAddress);
    }
    row.date = MessageParser::parseDate(envelope.date);
    if (!row.date.isValid())
        row.date = m.internalDate;
    row.messageId = QString::fromUtf8(envelope.messageId.trimmed());
    if (row.messageId.startsWith(QLatin1Char('<')) && row.messageId.endsWith(QLatin1Char('>')))
        row.messageId = row.messageId.mid(1, row.messageId.size() - 2);
    return row;
}

} // namespace

InboxListReply *EmailConnector::listMessages(bool unseenOnly, int limit)
{
    return startListing(unseenOnly, limit, std::nullopt);
}

InboxListReply *EmailConnector::syncInbox(const QStringList &knownIds, int limit)
{
    return startListing(false, limit, QSet<QString>(knownIds.cbegin(), knownIds.cend()));
}

InboxListReply *EmailConnector::startListing(bool unseenOnly, int limit, const std::optional<QSet<QString>> &known)
{
    auto *reply = new InboxListReply;
    if (m_config.isGmail()) {
        if (m_connected) {
            listGmailMessages(reply, unseenOnly, limit, known);
            return reply;
        }
        // Like the IMAP listing, no connectToServers() needed: the stored sign-in is enough.
        ConnectorError error = m_config.validate();
        if (!error)
            error = prepareGoogle();
        if (error) {
            reply->finish(error);
            return reply;
        }
        ConnectorReply *signedIn = m_googleAuth->ensureSignedIn(false);
        connect(signedIn, &ConnectorReply::finished, signedIn, &QObject::deleteLater);
        connect(signedIn, &ConnectorReply::finished, reply, [this, signedIn, reply, unseenOnly, limit, known] {
            if (signedIn->error())
                return reply->finish(signedIn->error());
            listGmailMessages(reply, unseenOnly, limit, known);
        });
        return reply;
    }
    QPointer<InboxListReply> guard(reply);
    resolvePassword([this, guard, unseenOnly, limit, known](const ConnectorError &error) {
        if (!guard)
            return;
        if (error)
            return guard->finish(error);
        listImapMessages(guard, unseenOnly, limit, known);
    });
    return reply;
}

namespace {

/// "imap:<validity>:<uid>" -> (validity, uid); "gmail:<id>" -> id. False when @p id is neither.
bool parseBackendId(const QString &id, QString *backend, quint32 *validity, quint32 *uid, QString *gmailId)
{
    const QStringList parts = id.split(QLatin1Char(':'));
    *backend = parts.value(0);
    if (*backend == QLatin1String("imap") && parts.size() == 3) {
        bool okV = false, okU = false;
        *validity = parts.at(1).toUInt(&okV);
        *uid = parts.at(2).toUInt(&okU);
        return okV && okU && *uid != 0;
    }
    if (*backend == QLatin1String("gmail") && parts.size() == 2 && !parts.at(1).isEmpty()) {
        *gmailId = parts.at(1);
        return true;
    }
    return false;
}

} // namespace

MessageReply *EmailConnector::fetchMessage(const QString &id)
{
    auto *reply = new MessageReply;
    QString backend, gmailId;
    quint32 validity = 0, uid = 0;
    if (!parseBackendId(id, &backend, &validity, &uid, &gmailId)
        || (backend == QLatin1String("gmail")) != m_config.isGmail()) {
        reply->finish({Kind::Config, tr("%1 is not a message id of this account.").arg(id)});
        return reply;
    }
    auto deliver = [reply, id](const QByteArray &raw, const QDateTime &arrival, quint32 validity, quint32 uid) {
        IncomingMessage message = IncomingMessage::fromParsed(MessageParser::parse(raw), raw);
        message.backendId = id;
        message.uid = uid;
        message.uidValidity = validity;
        if (!message.date.isValid())
            message.date = arrival;
        reply->setMessage(message);
        reply->finish();
    };
    if (m_config.isGmail()) {
        if (!m_gmail) {
            reply->finish({Kind::NotConnected, tr("Not connected: call connectToServers() first.")});
            return reply;
        }
        GmailReply *get = m_gmail->getMessages({gmailId}, false);
        connect(get, &ConnectorReply::finished, reply, [get, reply, deliver] {
            get->deleteLater();
            if (get->error())
                return reply->finish(get->error());
            if (get->messages().isEmpty())
                return reply->finish({Kind::Protocol, tr("Gmail returned no message.")});
            const GmailMessage m = get->messages().first();
            deliver(m.raw, m.internalDate, 0, 0);
        });
        return reply;
    }
    QPointer<MessageReply> guard(reply);
    resolvePassword([this, guard, validity, uid, id, deliver](const ConnectorError &error) {
        if (!guard)
            return;
        if (error)
            return guard->finish(error);
        ImapSettings settings;
        if (const ConnectorError e = imapSettings(&settings))
            return guard->finish(e);
        if (!m_browser)
            m_browser = new ImapClient(settings, this);
        ImapReply *fetch = m_browser->fetchMessages({uid}, ImapClient::FetchPart::Full);
        connect(fetch, &ConnectorReply::finished, guard, [this, fetch, guard, validity, uid, id, deliver] {
            fetch->deleteLater();
            if (fetch->error())
                return guard->finish(fetch->error());
            // A UID means nothing under another UIDVALIDITY (RFC 3501 2.3.1.1).
            if (m_browser->uidValidity() != validity || fetch->messages().isEmpty()) {
                return guard->finish({Kind::Rejected, tr("The message %1 is no longer in the mailbox; refresh the list.").arg(id)});
            }
            const ImapMessage m = fetch->messages().first();
            deliver(m.raw, m.internalDate, validity, uid);
        });
    });
    return reply;
}

ConnectorReply *EmailConnector::setSeen(const QStringList &ids, bool seen)
{
    auto *reply = new ConnectorReply;
    QList<quint32> uids;
    QStringList gmailIds;
    quint32 expectedValidity = 0;
    for (const QString &id : ids) {
        QString backend, gmailId;
        quint32 validity = 0, uid = 0;
        if (!parseBackendId(id, &backend, &validity, &uid, &gmailId)
            || (backend == QLatin1String("gmail")) != m_config.isGmail()
            || (expectedValidity && validity != expectedValidity)) {
            reply->finish({Kind::Config, tr("%1 is not a message id of this account.").arg(id)});
            return reply;
        }
        expectedValidity = validity;
        if (uid)
            uids.append(uid);
        else
            gmailIds.append(gmailId);
    }
    if (m_config.isGmail()) {
        if (!m_gmail) {
            reply->finish({Kind::NotConnected, tr("Not connected: call connectToServers() first.")});
            return reply;
        }
        setSeenOnGmail(reply, gmailIds, seen);
        return reply;
    }
    QPointer<ConnectorReply> guard(reply);
    resolvePassword([this, guard, uids, seen, expectedValidity](const ConnectorError &error) {
        if (!guard)
            return;
        if (error)
            return guard->finish(error);
        ImapSettings settings;
        if (const ConnectorError e = imapSettings(&settings))
            return guard->finish(e);
        if (!m_browser)
            m_browser = new ImapClient(settings, this);
        // Open (or keep) the session first: a store must never reach a mailbox
        // whose UIDVALIDITY differs from the listing's (RFC 3501 2.3.1.1).
        ImapReply *opened = m_browser->open();
        connect(opened, &ConnectorReply::finished, guard, [this, opened, guard, uids, seen, expectedValidity] {
            opened->deleteLater();
            if (opened->error())
                return guard->finish(opened->error());
            if (m_browser->uidValidity() != expectedValidity)
                return guard->finish({Kind::Rejected, tr("The mailbox changed (UIDVALIDITY); refresh the list.")});
            ImapReply *store = m_browser->markSeen(uids, seen);
            connect(store, &ConnectorReply::finished, guard, [store, guard] {
                store->deleteLater();
                guard->finish(store->error());
            });
        });
    });
    return reply;
}

/// One modify per message, one after another; the first failure ends it.
void EmailConnector::setSeenOnGmail(ConnectorReply *reply, QStringList remaining, bool seen)
{
    if (remaining.isEmpty()) {
        reply->finish();
        return;
    }
    const QString id = remaining.takeFirst();
    GmailReply *modify = seen ? m_gmail->modifyLabels(id, {}, {QStringLiteral("UNREAD")})
                              : m_gmail->modifyLabels(id, {QStringLiteral("UNREAD")}, {});
    connect(modify, &ConnectorReply::finished, reply, [this, modify, reply, remaining, seen] {
        modify->deleteLater();
        if (modify->error())
            return reply->finish(modify->error());
        setSeenOnGmail(reply, remaining, seen);
    });
}

void EmailConnector::listGmailMessages(InboxListReply *reply, bool unseenOnly, int limit,
                                       const std::optional<QSet<QString>> &known)
{
    GmailReply *list = m_gmail->listIds(unseenOnly ? QStringLiteral("is:unread in:inbox") : QStringLiteral("in:inbox"), limit);
    connect(list, &ConnectorReply::finished, reply, [this, list, reply, known] {
        list->deleteLater();
        if (list->error())
            return reply->finish(list->error());
        reply->setTotal(int(list->ids().size()));
        GmailReply *get = m_gmail->getMessages(list->ids(), true);
        connect(get, &ConnectorReply::finished, reply, [get, reply, known] {
            get->deleteLater();
            if (get->error())
                return reply->finish(get->error());
            QList<MessageSummary> rows;
            for (const GmailMessage &m : get->messages()) {
                MessageSummary row;
                row.id = QStringLiteral("gmail:") + m.id;
                row.seen = !m.isUnread();
                row.size = m.sizeEstimate;
                row.subject = MessageParser::decodeHeader(m.headers.value(QStringLiteral("subject")).toUtf8());
                row.from = MessageParser::decodeHeader(m.headers.value(QStringLiteral("from")).toUtf8());
                row.fromAddress = row.from;
                row.date = MessageParser::parseDate(m.headers.value(QStringLiteral("date")).toUtf8());
                if (!row.date.isValid())
                    row.date = m.internalDate;
                row.messageId = m.headers.value(QStringLiteral("message-id")).trimmed();
                row.messageId.remove(QLatin1Char('<')).remove(QLatin1Char('>'));
                rows.append(row);
            }
            std::sort(rows.begin(), rows.end(),
                      [](const MessageSummary &a, const MessageSummary &b) { return a.date > b.date; });
            if (known) {
                // Gmail has no cheap "flags only" listing: the diff is made here.
                QList<MessageSummary> fresh;
                QHash<QString, bool> seen;
                QSet<QString> present;
                for (const MessageSummary &row : std::as_const(rows)) {
                    present.insert(row.id);
                    if (known->contains(row.id))
                        seen.insert(row.id, row.seen);
                    else
                        fresh.append(row);
                }
                QStringList removed;
                for (const QString &id : *known) {
                    if (!present.contains(id))
                        removed.append(id);
                }
                rows = fresh;
                reply->setSeenStates(seen);
                reply->setRemovedIds(removed);
            }
            if (!rows.isEmpty())
                Q_EMIT reply->rowsListed(rows);
            reply->setMessages(rows);
            reply->finish();
        });
    });
}

void EmailConnector::listImapMessages(InboxListReply *reply, bool unseenOnly, int limit,
                                      const std::optional<QSet<QString>> &known)
{
    ImapSettings settings;
    if (const ConnectorError error = imapSettings(&settings)) {
        reply->finish(error);
        return;
    }
    if (!m_browser)
        m_browser = new ImapClient(settings, this);
    else
        m_browser->setSettings(settings);
    if (m_browser->isSelected()) {
        // A kept session learns of new mail at a NOOP: Dovecot does not add
        // messages that arrived since the last sync to a UID SEARCH (RFC 3501 6.4.4
        // leaves it to the server). A failure shows in the SEARCH queued behind it.
        ImapReply *sync = m_browser->noop();
        connect(sync, &ConnectorReply::finished, sync, &QObject::deleteLater);
    }
    ImapReply *search = unseenOnly ? m_browser->searchUnseen() : m_browser->searchAll();
    search->setParent(reply);
    connect(search, &ConnectorReply::finished, reply, [this, search, reply, limit, known] {
        search->deleteLater();
        if (search->error())
            return reply->finish(search->error());
        QList<quint32> uids = search->uids();
        if (limit > 0 && uids.size() > limit)
            uids = uids.mid(uids.size() - limit);
        std::reverse(uids.begin(), uids.end()); // newest first
        const quint32 validity = m_browser->uidValidity();
        if (!known) {
            reply->setTotal(int(uids.size()));
            return fetchSummaries(reply, uids, {}, validity);
        }

        // Only what the caller does not know is fetched whole; of the rest, the flags.
        const QString prefix = QStringLiteral("imap:%1:").arg(validity);
        QSet<quint32> knownUids;
        QStringList removed;
        for (const QString &id : *known) {
            bool ok = false;
            const quint32 uid = id.startsWith(prefix) ? id.mid(prefix.size()).toUInt(&ok) : 0;
            if (ok)
                knownUids.insert(uid);
            else
                removed.append(id); // another UIDVALIDITY (or backend): every old id is void
        }
        const QSet<quint32> present(uids.cbegin(), uids.cend());
        for (quint32 uid : std::as_const(knownUids)) {
            if (!present.contains(uid))
                removed.append(prefix + QString::number(uid));
        }
        QList<quint32> fresh;
        QList<quint32> kept;
        for (quint32 uid : std::as_const(uids))
            (knownUids.contains(uid) ? kept : fresh).append(uid);
        reply->setRemovedIds(removed);
        reply->setTotal(int(fresh.size()));
        if (kept.isEmpty())
            return fetchSummaries(reply, fresh, {}, validity);
        std::sort(kept.begin(), kept.end());
        ImapReply *flags = m_browser->fetchMessages(kept, ImapClient::FetchPart::Flags);
        flags->setParent(reply);
        connect(flags, &ConnectorReply::finished, reply, [this, flags, reply, fresh, prefix, validity] {
            flags->deleteLater();
            if (flags->error())
                return reply->finish(flags->error());
            if (const ConnectorError changed = validityChanged(validity))
                return reply->finish(changed);
            QHash<QString, bool> seen;
            for (const ImapMessage &m : flags->messages())
                seen.insert(prefix + QString::number(m.uid), m.isSeen());
            reply->setSeenStates(seen);
            fetchSummaries(reply, fresh, {}, validity);
        });
    });
}

ConnectorError EmailConnector::validityChanged(quint32 listedValidity) const
{
    // The session reconnected between two steps of one listing, into a mailbox
    // with other UIDs: what was searched no longer names these messages.
    if (m_browser->uidValidity() == listedValidity)
        return {};
    return {Kind::Protocol, tr("The INBOX was renumbered (UIDVALIDITY %1, was %2) during the listing; list it again.")
                                .arg(m_browser->uidValidity()).arg(listedValidity)};
}

void EmailConnector::fetchSummaries(InboxListReply *reply, QList<quint32> newestFirst, QList<MessageSummary> rows,
                                    quint32 validity)
{
    if (newestFirst.isEmpty()) {
        reply->setMessages(rows);
        return reply->finish();
    }
    // One batch at a time, newest first, each shown as it arrives.
    QList<quint32> batch = newestFirst.mid(0, ImapClient::HeaderFetchBatch);
    newestFirst.remove(0, batch.size());
    std::sort(batch.begin(), batch.end());
    ImapReply *fetch = m_browser->fetchMessages(batch, ImapClient::FetchPart::Headers);
    fetch->setParent(reply);
    connect(fetch, &ConnectorReply::finished, reply, [this, fetch, reply, newestFirst, rows, validity]() mutable {
        fetch->deleteLater();
        if (fetch->error())
            return reply->finish(fetch->error());
        if (const ConnectorError changed = validityChanged(validity))
            return reply->finish(changed);
        QList<MessageSummary> got;
        got.reserve(fetch->messages().size());
        for (const ImapMessage &m : fetch->messages())
            got.append(summaryOf(m, m_browser->uidValidity()));
        std::sort(got.begin(), got.end(),
                  [](const MessageSummary &a, const MessageSummary &b) { return a.uid > b.uid; });
        Q_EMIT reply->rowsListed(got);
        rows.append(got);
        fetchSummaries(reply, newestFirst, rows, validity);
    });
}

void EmailConnector::recordOutcome(const ConnectorError &error, bool wasSend)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!error) {
        m_lastSuccess = now;
        if (wasSend) {
            m_lastSuccessfulSend = now;
            ++m_messagesSent;
        }
        // A success clears a session-level problem, not a refused recipient's record.
        if (m_lastError.kind() != Kind::Rejected)
            m_lastError = {};
    } else if (error.kind() != Kind::Aborted) {
        m_lastError = error;
        m_lastErrorAt = now;
        if (error.kind() == Kind::Auth || error.kind() == Kind::Tls || error.kind() == Kind::Config)
            m_connected = false;
    }
    publishHealth();
}

ConnectorHealth EmailConnector::healthCheck() const
{
    ConnectorHealth health;
    QVariantMap &d = health.details;
    const QString server = QStringLiteral("%1:%2").arg(m_config.smtpHost).arg(m_config.smtpPort);
    d.insert(QStringLiteral("backend"), m_config.isGmail() ? QStringLiteral("gmail") : QStringLiteral("smtp"));
    if (m_config.isGmail()) {
        d.insert(QStringLiteral("gmail_api"), m_config.gmailApiUrl);
        if (!m_gmailAddress.isEmpty())
            d.insert(QStringLiteral("account"), m_gmailAddress);
        if (m_googleAuth && m_googleAuth->tokens().expiresAt.isValid())
            d.insert(QStringLiteral("token_expiry"), m_googleAuth->tokens().expiresAt.toString(Qt::ISODate));
        if (m_gmail && m_gmail->lastSuccess().isValid())
            d.insert(QStringLiteral("last_successful_call"), m_gmail->lastSuccess().toString(Qt::ISODate));
    }
    if (!m_config.isGmail()) {
        d.insert(QStringLiteral("smtp_server"), server);
        d.insert(QStringLiteral("security"), m_config.useTls ? QStringLiteral("implicit TLS") : QStringLiteral("STARTTLS"));
    }
    d.insert(QStringLiteral("username"), m_config.username);
    d.insert(QStringLiteral("connected"), m_connected);
    d.insert(QStringLiteral("messages_sent"), m_messagesSent);
    if (m_smtp && !m_smtp->tlsProtocol().isEmpty())
        d.insert(QStringLiteral("tls_version"), m_smtp->tlsProtocol());
    if (m_connectedSince.isValid())
        d.insert(QStringLiteral("connected_since"), m_connectedSince.toString(Qt::ISODate));
    if (m_lastSuccessfulSend.isValid())
        d.insert(QStringLiteral("last_successful_send"), m_lastSuccessfulSend.toString(Qt::ISODate));
    if (m_lastError) {
        d.insert(QStringLiteral("last_error"), m_lastError.message());
        d.insert(QStringLiteral("last_error_kind"), ConnectorError::kindName(m_lastError.kind()));
        d.insert(QStringLiteral("last_error_at"), m_lastErrorAt.toString(Qt::ISODate));
    }

    if (!m_config.imapHost.isEmpty())
        d.insert(QStringLiteral("imap_server"), QStringLiteral("%1:%2").arg(m_config.imapHost).arg(m_config.imapPort));
    d.insert(QStringLiteral("listening"), m_watcher != nullptr);
    if (m_watcher) {
        d.insert(QStringLiteral("idle"), m_watcher->isIdling());
        if (m_watcher->lastSuccessfulPoll().isValid())
            d.insert(QStringLiteral("last_successful_poll"), m_watcher->lastSuccessfulPoll().toString(Qt::ISODate));
        if (m_watcher->failedAttempts() > 0) {
            d.insert(QStringLiteral("receive_error"), m_watcher->lastError().message());
            d.insert(QStringLiteral("reconnect_attempts"), m_watcher->failedAttempts());
        }
    }

    const Kind lastKind = m_lastError.kind();
    const bool sessionProblem = m_lastError && lastKind != Kind::Rejected;
    // In Gmail mode there is no SMTP or IMAP server to name: the API is the peer.
    const QString peer = m_config.isGmail() ? tr("the Gmail API at %1").arg(QUrl(m_config.gmailApiUrl).host()) : server;
    const QString receivePeer = m_config.isGmail()
        ? peer : QStringLiteral("%1:%2").arg(m_config.imapHost).arg(m_config.imapPort);
    // Every Gmail call goes to the same API: one that succeeded after a throttled
    // (429/5xx) retry, a poll as much as a send, ends that problem.
    QDateTime lastSuccess = m_lastSuccess;
    if (m_gmail && m_gmail->lastSuccess() > lastSuccess)
        lastSuccess = m_gmail->lastSuccess();
    if (!m_connected) {
        health.status = ConnectorHealth::Status::Unhealthy;
        health.message = sessionProblem ? m_lastError.message() : tr("Not connected to %1.").arg(peer);
    } else if (m_watcher && m_watcher->failedAttempts() > 0) {
        health.status = ConnectorHealth::Status::Degraded;
        health.message = tr("Receiving from %1 failed, reconnecting: %2").arg(receivePeer, m_watcher->lastError().message());
    } else if (sessionProblem && m_lastErrorAt >= lastSuccess) {
        // Connected, but the latest attempt failed for a reason that may pass (network, timeout).
        health.status = ConnectorHealth::Status::Degraded;
        health.message = tr("Connected to %1, but the last attempt failed: %2").arg(peer, m_lastError.message());
    } else {
        health.status = ConnectorHealth::Status::Healthy;
        const QString tls = m_smtp ? m_smtp->tlsProtocol() : QString();
        health.message = tls.isEmpty() ? tr("Connected to %1.").arg(peer)
                                       : tr("Connected to %1 (%2).").arg(peer, tls);
    }
    return health;
}

void EmailConnector::publishHealth()
{
    const ConnectorHealth health = healthCheck();
    if (health.status == m_publishedHealth.status && health.message == m_publishedHealth.message)
        return;
    m_publishedHealth = health;
    Q_EMIT healthChanged(health);
}

} // namespace machina
