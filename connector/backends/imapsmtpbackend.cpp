#include "imapsmtpbackend.h"

#include "../healthtracker.h"
#include "../imap/imapclient.h"
#include "../imap/inboxmonitor.h"
#include "../imap/mailboxwatcher.h"
#include "../listenreply.h"
#include "../messagereply.h"
#include "../messagesummary.h"
#include "../mime/messagebuilder.h"
#include "../mime/messageparser.h"
#include "../oauth/mailoauthspec.h"
#include "../oauth/oauthsignin.h"
#include "../oauth/signintokensource.h"
#include "../secrets/credentialstore.h"
#include "../sendreply.h"
#include "../sentcopyreply.h"
#include "../smtp/smtpclient.h"
#include "../store/messagecache.h"
#include "cachedlisting.h"
#include "imaplisting.h"

#include <QPointer>
#include <QRandomGenerator>

namespace machina {

using Kind = ConnectorError::Kind;
using Session = HealthTracker::Session;

ImapSmtpBackend::ImapSmtpBackend(const ConnectorConfig &config, CredentialStore *credentials, HealthTracker *health,
                                 QObject *parent)
    : MailBackend(config, credentials, health, parent)
{
    m_health->setPeer(Session::Smtp, tr("SMTP %1").arg(smtpEndpoint()));
    for (Session s : {Session::ImapBrowse, Session::ImapListen, Session::ImapWatch})
        m_health->setPeer(s, tr("IMAP %1").arg(imapEndpoint()));
    m_smtpRetry.setSingleShot(true);
    connect(&m_smtpRetry, &QTimer::timeout, this, [this] {
        if (!m_keepSmtp || !m_smtp)
            return;
        ConnectorReply *open = m_smtp->open();
        connect(open, &ConnectorReply::finished, open, &QObject::deleteLater);
    });
}

ImapSmtpBackend::~ImapSmtpBackend() = default;

QString ImapSmtpBackend::smtpEndpoint() const
{
    return QStringLiteral("%1:%2").arg(m_config.smtpHost).arg(m_config.smtpPort);
}

QString ImapSmtpBackend::imapEndpoint() const
{
    return QStringLiteral("%1:%2").arg(m_config.imapHost).arg(m_config.imapPort);
}

void ImapSmtpBackend::setSmtpRetryDelays(int baseMs, int maxMs)
{
    m_smtpRetryBaseMs = baseMs;
    m_smtpRetryMaxMs = maxMs;
}

ConnectorError ImapSmtpBackend::prepareOAuth()
{
    if (m_oauth)
        return {};
    OAuthClientSpec spec;
    if (const ConnectorError error = mailOAuthSpec(m_config, &spec))
        return error;
    m_oauth = new OAuthSignIn(spec, m_credentials, this);
    // "Shortly before it expires": a session that logs in now has five minutes' grace.
    m_oauth->setExpiryMargin(300);
    if (m_signInTimeoutMs > 0)
        m_oauth->setSignInTimeout(m_signInTimeoutMs);
    if (!m_signInHint.isEmpty())
        m_oauth->setSignInHint(m_signInHint);
    connect(m_oauth, &OAuthSignIn::authorizationUrlReady, this, &MailBackend::authorizationUrlReady);
    connect(m_oauth, &OAuthSignIn::tokensChanged, this, [this] {
        if (m_oauth->tokens().expiresAt.isValid())
            m_health->setTokenExpiry(m_oauth->tokens().expiresAt);
    });
    auto source = std::make_shared<SignInTokenSource>(m_oauth);
    source->setObserver([health = QPointer<HealthTracker>(m_health)](const ConnectorError &error) {
        if (!health)
            return;
        const bool passing = error.kind() == Kind::Network || error.kind() == Kind::Timeout;
        // A refusal (revoked grant) is the sessions' Auth error, not a passing trouble.
        health->setTokenRefreshProblem(passing ? error : ConnectorError());
    });
    m_tokenSource = source;
    return {};
}

ConnectorReply *ImapSmtpBackend::signIn(bool noBrowser)
{
    if (!m_config.usesOAuth2())
        return MailBackend::signIn(noBrowser);
    if (const ConnectorError error = prepareOAuth()) {
        auto *reply = new ConnectorReply;
        reply->finish(error);
        return reply;
    }
    m_oauth->setNoBrowser(noBrowser);
    return m_oauth->signIn();
}

void ImapSmtpBackend::setSignInTimeout(int ms)
{
    m_signInTimeoutMs = ms;
    if (m_oauth && ms > 0)
        m_oauth->setSignInTimeout(ms);
}

void ImapSmtpBackend::setSignInHint(const QString &hint)
{
    m_signInHint = hint;
    if (m_oauth && !hint.isEmpty())
        m_oauth->setSignInHint(hint);
}

void ImapSmtpBackend::resolvePassword(QObject *context, const std::function<void(const ConnectorError &)> &then)
{
    if (m_config.usesOAuth2()) {
        // No password: each session fetches its token when it logs in (SignInTokenSource).
        const ConnectorError error = prepareOAuth();
        m_passwordResolved = !error;
        then(error);
        return;
    }
    if (m_passwordResolved || m_config.username.isEmpty() || !m_config.password.isEmpty()) {
        m_passwordResolved = true;
        then({});
        return;
    }
    // No password in the config: the keychain is the only other place one may be.
    CredentialReply *read = m_credentials->readSecret(CredentialStore::passwordKey(m_config.username));
    QPointer<QObject> guard(context);
    QPointer<ImapSmtpBackend> self(this);
    // The caller's reply as context: when it is dropped nothing runs; when the backend went
    // first (the console switched accounts) the caller still hears of it.
    connect(read, &ConnectorReply::finished, context, [self, read, then, guard] {
        read->deleteLater();
        if (!guard)
            return;
        if (!self) {
            if (auto *reply = qobject_cast<ConnectorReply *>(guard.data()))
                reply->finish({Kind::Aborted, tr("The account was closed before this ran.")});
            return;
        }
        ImapSmtpBackend *const backend = self;
        if (read->error())
            return then(read->error());
        if (read->notFound() || read->secret().isEmpty()) {
            return then({Kind::Config, tr("password: none in the config and none in the keychain for %1. Write "
                                          "password: ${EMAIL_PASSWORD} in the config, or store it in the keychain "
                                          "with: machina-mail store-password").arg(backend->m_config.username)});
        }
        backend->m_config.password = QString::fromUtf8(read->secret());
        backend->m_passwordResolved = true;
        if (backend->m_smtp) {
            SmtpSettings settings;
            if (!backend->smtpSettings(&settings))
                backend->m_smtp->setSettings(settings);
        }
        then({});
    });
}

ConnectorError ImapSmtpBackend::imapSettings(ImapSettings *out) const
{
    if (const ConnectorError invalid = m_config.validate())
        return invalid;
    if (m_config.imapHost.isEmpty())
        return {Kind::Config, tr("imap_host: not set; receiving mail needs an IMAP server.")};
    if (m_config.usesOAuth2()) {
        if (!m_tokenSource)
            return {Kind::Config, tr("oauth2_provider: the sign-in is not ready yet.")};
        if (const ConnectorError error = ImapSettings::fromConfig(m_config, out))
            return error;
        out->password.clear();
        out->tokenSource = m_tokenSource;
        return {};
    }
    if (!m_config.username.isEmpty() && m_config.password.isEmpty()) {
        return {Kind::Config, tr("password: no password for %1 (write password: ${EMAIL_PASSWORD} in the "
                                 "config and set that variable).").arg(m_config.username)};
    }
    return ImapSettings::fromConfig(m_config, out);
}

ConnectorError ImapSmtpBackend::smtpSettings(SmtpSettings *out) const
{
    if (const ConnectorError error = SmtpSettings::fromConfig(m_config, out))
        return error;
    if (m_config.usesOAuth2()) {
        if (!m_tokenSource)
            return {Kind::Config, tr("oauth2_provider: the sign-in is not ready yet.")};
        out->password.clear();
        out->tokenSource = m_tokenSource;
    }
    return {};
}

ConnectorError ImapSmtpBackend::ensureSmtp()
{
    // Built once, not at every send (reading and parsing ca_file is most of a send's own CPU):
    // the config changes only in resolvePassword(), which gives the session its new settings itself.
    if (m_smtp)
        return {};
    SmtpSettings settings;
    if (const ConnectorError error = smtpSettings(&settings))
        return error;
    m_smtp = new SmtpClient(settings, this);
    connect(m_smtp, &SmtpClient::sessionOpened, this, [this] {
        m_smtpAttempts = 0;
        m_smtpRetry.stop();
        m_health->succeeded(Session::Smtp, m_smtp->tlsProtocol(), m_smtp->peerCertificate().expiryDate());
    });
    connect(m_smtp, &SmtpClient::sessionFailed, this, &ImapSmtpBackend::smtpFailed);
    return {};
}

void ImapSmtpBackend::smtpFailed(const ConnectorError &error)
{
    m_health->sessionFailed(Session::Smtp, error);
    // A refused login or a bad setting does not pass by itself; retrying would only lock the account.
    if (!m_keepSmtp || error.kind() == Kind::Auth || error.kind() == Kind::Config)
        return;
    const int cap = std::min({m_smtpRetryMaxMs, std::max(1, m_config.pollInterval) * 1000, 60000});
    const int base = std::min(cap, m_smtpRetryBaseMs << std::min(m_smtpAttempts, 16));
    ++m_smtpAttempts;
    // +-25% jitter, never beyond the cap: consoles on one server do not retry in step.
    const int jitter = base / 4 > 0 ? int(QRandomGenerator::global()->bounded(base / 2 + 1)) - base / 4 : 0;
    m_smtpRetry.start(std::clamp(base + jitter, 1, cap));
}

void ImapSmtpBackend::watchHealth(ImapClient *client, int session)
{
    const Session s = Session(session);
    connect(client, &ImapClient::opened, this, [this, client, s] {
        m_health->succeeded(s, client->tlsProtocol(), client->peerCertificate().expiryDate());
    });
    connect(client, &ImapClient::failed, this, [this, s](const ConnectorError &error) { m_health->sessionFailed(s, error); });
}

void ImapSmtpBackend::withBrowser(ConnectorReply *reply, const std::function<void(ImapClient *)> &then)
{
    resolvePassword(reply, [this, reply, then](const ConnectorError &error) {
        if (error)
            return reply->finish(error);
        ConnectorError problem;
        ImapClient *session = browser(&problem);
        if (!session)
            return reply->finish(problem);
        then(session);
    });
}

ImapClient *ImapSmtpBackend::browser(ConnectorError *error)
{
    // As for SMTP: the settings are made once, with the password already resolved (withBrowser(), probe()).
    if (!m_browser) {
        ImapSettings settings;
        if ((*error = imapSettings(&settings)))
            return nullptr;
        m_browser = new ImapClient(settings, this);
        watchHealth(m_browser, int(Session::ImapBrowse));
    }
    if (CachedListing *cached = cachedListing())
        cached->prepareSession();
    return m_browser;
}

void ImapSmtpBackend::setMessageCache(MessageCache *cache)
{
    if (cache == m_cache)
        return;
    delete std::exchange(m_cached, nullptr);
    m_cache = cache;
}

CachedListing *ImapSmtpBackend::cachedListing()
{
    if (!m_cache || !m_browser)
        return nullptr;
    if (!m_cached)
        m_cached = new CachedListing(m_browser, m_cache, this);
    return m_cached;
}

ConnectorReply *ImapSmtpBackend::connectToServers()
{
    auto *reply = new ConnectorReply;
    if (const ConnectorError invalid = m_config.validate()) {
        m_health->sessionFailed(Session::Smtp, invalid);
        reply->finish(invalid);
        return reply;
    }
    m_keepSmtp = true;
    resolvePassword(reply, [this, reply](const ConnectorError &error) {
        const ConnectorError problem = error ? error : ensureSmtp();
        if (problem) {
            m_health->sessionFailed(Session::Smtp, problem);
            return reply->finish(problem);
        }
        ConnectorReply *open = m_smtp->open();
        // Say what the session is doing, for a progress line or a status bar.
        connect(m_smtp, &SmtpClient::stateChanged, reply, [this, reply](SmtpClient::State state) {
            const QString server = smtpEndpoint();
            switch (state) {
            case SmtpClient::State::Connecting: Q_EMIT reply->progressed(tr("Connecting to %1").arg(server)); break;
            case SmtpClient::State::TlsHandshake: Q_EMIT reply->progressed(tr("Securing the connection to %1").arg(server)); break;
            case SmtpClient::State::Authenticating: Q_EMIT reply->progressed(tr("Signing in as %1").arg(m_config.username)); break;
            case SmtpClient::State::Ready: Q_EMIT reply->progressed(tr("Connected to %1").arg(server)); break;
            default: break;
            }
        });
        const QPointer<SmtpClient> smtp(m_smtp);
        connect(open, &ConnectorReply::finished, reply, [open, reply, smtp] {
            open->deleteLater();
            if (smtp)
                disconnect(smtp, nullptr, reply, nullptr);   // no progress lines after the end
            reply->finish(open->error());
        });
        connect(reply, &QObject::destroyed, open, [open] { open->abort(); });
    });
    return reply;
}

ConnectorReply *ImapSmtpBackend::disconnectFromServers()
{
    auto *reply = new ConnectorReply;
    m_keepSmtp = false;
    m_smtpRetry.stop();
    setInboxWatched(false);
    QList<ConnectorReply *> closing;
    if (m_smtp)
        closing.append(m_smtp->close());
    if (m_browser)
        closing.append(m_browser->close());
    for (Session s : {Session::Smtp, Session::ImapBrowse})
        m_health->forget(s);
    auto remaining = std::make_shared<int>(int(closing.size()));
    if (closing.isEmpty())
        reply->finish();
    for (ConnectorReply *c : std::as_const(closing)) {
        connect(c, &ConnectorReply::finished, this, [c, reply, remaining] {
            c->deleteLater();
            if (--*remaining == 0)
                reply->finish();
        });
    }
    return reply;
}

bool ImapSmtpBackend::isConnected() const
{
    return m_keepSmtp && m_health->isUp(Session::Smtp);
}

SendReply *ImapSmtpBackend::send(const BuiltMessage &message)
{
    auto *reply = new SendReply;
    reply->setMessageId(message.messageId);
    resolvePassword(reply, [this, reply, message](const ConnectorError &error) {
        const ConnectorError problem = error ? error : ensureSmtp();
        if (problem) {
            m_health->sessionFailed(Session::Smtp, problem);
            return reply->finish(problem);
        }
        // A session that is down (never up, or lost) is opened again by the send itself.
        SendReply *sent = m_smtp->send(message.envelopeFrom, message.envelopeTo, message.data, message.needsSmtpUtf8);
        sent->setParent(reply);
        QPointer<ImapSmtpBackend> self(this);
        connect(sent, &ConnectorReply::finished, reply, [self, sent, reply] {
            sent->deleteLater();
            reply->setRecipients(sent->recipients());
            reply->setServerReply(sent->serverReply());
            if (!self)
                return reply->finish(sent->error());   // the session went with the backend: Aborted
            if (!sent->error()) {
                self->m_health->succeeded(Session::Smtp, self->m_smtp->tlsProtocol(),
                                          self->m_smtp->peerCertificate().expiryDate());
                self->m_health->recordSend();
            } else if (self->m_smtp->state() != SmtpClient::State::Disconnected) {
                self->m_health->operationFailed(Session::Smtp, sent->error()); // the session is fine; this message was not
            }
            reply->finish(sent->error());
        });
    });
    return reply;
}

InboxListReply *ImapSmtpBackend::list(bool unseenOnly, int limit, const std::optional<QSet<QString>> &known)
{
    auto *reply = new InboxListReply;
    withBrowser(reply, [this, reply, unseenOnly, limit, known](ImapClient *session) {
        connect(reply, &ConnectorReply::finished, this, [this, reply] {
            if (!reply->error())
                m_health->recordPoll();
        });
        if (CachedListing *cached = cachedListing())
            return cached->list(reply, unseenOnly, limit, known);
        ImapListing::start(session, reply, unseenOnly, limit, known);
    });
    return reply;
}

namespace {

/// The message @p id as @p raw holds it; @p fallbackDate when it has no Date header.
IncomingMessage messageFrom(const QByteArray &raw, const MessageId &id, const QDateTime &fallbackDate)
{
    IncomingMessage message = IncomingMessage::fromParsed(MessageParser::parse(raw), raw);
    message.backendId = id.toString();
    message.uid = id.uid();
    message.uidValidity = id.uidValidity();
    if (!message.date.isValid())
        message.date = fallbackDate;
    return message;
}

} // namespace

bool ImapSmtpBackend::serveFromCache(MessageReply *reply, const MessageId &id, const ConnectorError &error)
{
    CachedListing *cached = cachedListing();
    if (!cached || (error.kind() != Kind::Network && error.kind() != Kind::Timeout))
        return false;
    const QString mailbox = cached->mailbox();
    const MessageCache::MailboxState state = m_cache->mailboxState(mailbox);
    if (!state.known || state.uidValidity != id.uidValidity())
        return false;
    const std::optional<QByteArray> raw = m_cache->body(mailbox, id.uid());
    if (!raw)
        return false;
    const QList<MessageSummary> row = m_cache->messagesWithUids(mailbox, {id.uid()});
    reply->setMessage(messageFrom(*raw, id, row.isEmpty() ? QDateTime() : row.first().date));
    reply->finish();
    return true;
}

MessageReply *ImapSmtpBackend::fetch(const MessageId &id)
{
    auto *reply = new MessageReply;
    QPointer<ImapSmtpBackend> self(this);
    withBrowser(reply, [self, reply, id](ImapClient *session) {
        ImapReply *fetched = session->fetchMessages({id.uid()}, ImapClient::FetchPart::Full);
        fetched->setParent(reply);
        connect(fetched, &ConnectorReply::finished, reply, [self, session, fetched, reply, id] {
            fetched->deleteLater();
            if (fetched->error()) {
                // Offline: the copy kept when it was opened before.
                if (self && self->serveFromCache(reply, id, fetched->error()))
                    return;
                return reply->finish(fetched->error());
            }
            // A UID means nothing under another UIDVALIDITY (RFC 3501 2.3.1.1).
            if (session->uidValidity() != id.uidValidity() || fetched->messages().isEmpty()) {
                return reply->finish({Kind::Rejected, tr("The message %1 is no longer in the mailbox; refresh the list.")
                                                          .arg(id.toString())});
            }
            const ImapMessage m = fetched->messages().first();
            if (CachedListing *cached = self ? self->cachedListing() : nullptr) {
                const MessageCache::MailboxState state = self->m_cache->mailboxState(cached->mailbox());
                if (state.known && state.uidValidity == id.uidValidity())
                    self->m_cache->storeBody(cached->mailbox(), id.uid(), m.raw); // a failure costs only the offline copy
            }
            reply->setMessage(messageFrom(m.raw, id, m.internalDate));
            reply->finish();
        });
    });
    return reply;
}

ConnectorReply *ImapSmtpBackend::setSeen(const QList<MessageId> &ids, bool seen)
{
    auto *reply = new ConnectorReply;
    QList<quint32> uids;
    for (const MessageId &id : ids)
        uids.append(id.uid());
    const quint32 validity = ids.isEmpty() ? 0 : ids.first().uidValidity();
    QPointer<ImapSmtpBackend> self(this);
    withBrowser(reply, [self, reply, uids, seen, validity](ImapClient *session) {
        // Open (or keep) the session first: a store must never reach a mailbox
        // whose UIDVALIDITY differs from the listing's (RFC 3501 2.3.1.1).
        ImapReply *opened = session->open();
        opened->setParent(reply);
        connect(opened, &ConnectorReply::finished, reply, [self, session, opened, reply, uids, seen, validity] {
            opened->deleteLater();
            if (opened->error())
                return reply->finish(opened->error());
            if (!uids.isEmpty() && session->uidValidity() != validity)
                return reply->finish({Kind::Rejected, tr("The mailbox changed (UIDVALIDITY); refresh the list.")});
            ImapReply *store = session->markSeen(uids, seen);
            store->setParent(reply);
            connect(store, &ConnectorReply::finished, reply, [self, store, reply, uids, seen, validity] {
                store->deleteLater();
                // The cache shows the new read state at once (the next resync would bring it too).
                if (CachedListing *cached = self && !store->error() ? self->cachedListing() : nullptr) {
                    const MessageCache::MailboxState state = self->m_cache->mailboxState(cached->mailbox());
                    if (state.known && state.uidValidity == validity) {
                        QHash<quint32, bool> marks;
                        for (quint32 uid : uids)
                            marks.insert(uid, seen);
                        self->m_cache->updateSeen(cached->mailbox(), marks);
                    }
                }
                reply->finish(store->error());
            });
        });
    });
    return reply;
}

SentCopyReply *ImapSmtpBackend::storeSentCopies(const QList<QByteArray> &messages)
{
    auto *reply = new SentCopyReply;
    withBrowser(reply, [this, reply, messages](ImapClient *session) { m_sentCopier.copy(session, messages, reply); });
    return reply;
}

void ImapSmtpBackend::imapSessionSettings(QObject *context, const QString &mailbox, const ImapSettingsHandler &then)
{
    QPointer<QObject> guard(context);
    resolvePassword(context, [this, guard, mailbox, then](const ConnectorError &error) {
        if (!guard)
            return;
        ImapSettings settings;
        const ConnectorError problem = error ? error : imapSettings(&settings);
        settings.mailbox = mailbox;
        then(problem, settings);
    });
}

void ImapSmtpBackend::prepareReceiving(QObject *context, const std::function<void(const ConnectorError &)> &then)
{
    resolvePassword(context, then);
}

InboxWatcher *ImapSmtpBackend::createWatcher(const ListenOptions &options, ConnectorError *error)
{
    ImapSettings settings;
    if ((*error = imapSettings(&settings)))
        return nullptr;
    auto *watcher = new MailboxWatcher(settings, m_config.pollInterval, this);
    watcher->setIdleEnabled(options.useIdle && !options.once);
    watchHealth(watcher->client(), int(Session::ImapListen));
    connect(watcher, &InboxWatcher::roundFinished, this, [this] { m_health->recordPoll(); });
    connect(watcher, &QObject::destroyed, this, [this] { m_health->forget(Session::ImapListen); });
    return watcher;
}

void ImapSmtpBackend::setInboxWatched(bool watched)
{
    if (watched == m_watched)
        return;
    m_watched = watched;
    if (!watched) {
        if (m_monitor) {
            // Deleted once LOGOUT is answered (or the session is gone), not before.
            InboxMonitor *monitor = std::exchange(m_monitor, nullptr);
            disconnect(monitor, nullptr, this, nullptr);
            disconnect(monitor->client(), nullptr, this, nullptr);
            connect(monitor->stop(), &ConnectorReply::finished, monitor, &QObject::deleteLater);
            m_health->forget(Session::ImapWatch);
        }
        return;
    }
    resolvePassword(this, [this](const ConnectorError &error) {
        if (!m_watched || m_monitor)
            return;
        ImapSettings settings;
        const ConnectorError problem = error ? error : imapSettings(&settings);
        if (problem) {
            Q_EMIT inboxWatchStatusChanged(tr("cannot watch the inbox: %1").arg(problem.message()));
            return;
        }
        m_monitor = new InboxMonitor(settings, m_config.pollInterval, this);
        watchHealth(m_monitor->client(), int(Session::ImapWatch));
        connect(m_monitor, &InboxMonitor::changed, this, &MailBackend::inboxChanged);
        connect(m_monitor, &InboxMonitor::statusChanged, this, &MailBackend::inboxWatchStatusChanged);
        m_monitor->start();
    });
}

ConnectorReply *ImapSmtpBackend::probe()
{
    auto *reply = new ConnectorReply;
    resolvePassword(reply, [this, reply](const ConnectorError &error) {
        if (error) {
            m_health->sessionFailed(Session::Smtp, error);
            return reply->finish(error);
        }
        // NOOP on each kept session: one that is down is opened for it (connect,
        // TLS, authentication, and SELECT INBOX for IMAP); the outcomes reach the tracker.
        // A NOOP that succeeds on a kept session says the server still answers: recorded too.
        QList<ConnectorReply *> checks;
        if (const ConnectorError problem = ensureSmtp()) {
            m_health->sessionFailed(Session::Smtp, problem);
        } else {
            ConnectorReply *noop = m_smtp->noop();
            connect(noop, &ConnectorReply::finished, this, [this, noop] {
                if (!noop->error())
                    m_health->succeeded(Session::Smtp, m_smtp->tlsProtocol(), m_smtp->peerCertificate().expiryDate());
            });
            checks.append(noop);
        }
        if (!m_config.imapHost.isEmpty()) {
            ConnectorError problem;
            if (ImapClient *session = browser(&problem)) {
                ImapReply *noop = session->noop();
                connect(noop, &ConnectorReply::finished, this, [this, noop, session] {
                    if (!noop->error())
                        m_health->succeeded(Session::ImapBrowse, session->tlsProtocol(), session->peerCertificate().expiryDate());
                });
                checks.append(noop);
            } else {
                m_health->sessionFailed(Session::ImapBrowse, problem);
            }
        }
        auto remaining = std::make_shared<int>(int(checks.size()));
        auto first = std::make_shared<ConnectorError>();
        if (checks.isEmpty())
            return reply->finish();
        for (ConnectorReply *c : std::as_const(checks)) {
            c->setParent(reply);
            connect(c, &ConnectorReply::finished, reply, [c, reply, remaining, first] {
                c->deleteLater();
                if (c->error() && !*first)
                    *first = c->error();
                if (--*remaining == 0)
                    reply->finish(*first);
            });
        }
    });
    return reply;
}

void ImapSmtpBackend::addHealthDetails(QVariantMap *details) const
{
    details->insert(QStringLiteral("backend"), QStringLiteral("smtp"));
    details->insert(QStringLiteral("smtp_server"), smtpEndpoint());
    details->insert(QStringLiteral("security"), m_config.useTls ? QStringLiteral("implicit TLS") : QStringLiteral("STARTTLS"));
    if (!m_config.imapHost.isEmpty())
        details->insert(QStringLiteral("imap_server"), imapEndpoint());
    if (m_config.usesOAuth2()) {
        details->insert(QStringLiteral("oauth2_provider"), m_config.oauth2Provider);
        if (m_smtp && !m_smtp->authMechanism().isEmpty())
            details->insert(QStringLiteral("smtp_mechanism"), QString::fromLatin1(m_smtp->authMechanism()));
        if (m_browser && !m_browser->authMechanism().isEmpty())
            details->insert(QStringLiteral("imap_mechanism"), QString::fromLatin1(m_browser->authMechanism()));
    }
}

} // namespace machina
