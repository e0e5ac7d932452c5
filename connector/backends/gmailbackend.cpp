#include "gmailbackend.h"

#include "../gmail/gmailclient.h"
#include "../gmail/gmailwatcher.h"
#include "../gmail/googleauth.h"
#include "../gmail/googleclientsecrets.h"
#include "../healthtracker.h"
#include "../listenreply.h"
#include "../messagereply.h"
#include "../messagesummary.h"
#include "../mime/messagebuilder.h"
#include "../mime/messageparser.h"
#include "../sendreply.h"

#include <QPointer>
#include <QUrl>

namespace machina {

using Kind = ConnectorError::Kind;
using Session = HealthTracker::Session;

namespace {

/// Errors that mean the API cannot be used at all, as opposed to one call that failed.
bool isSessionProblem(const ConnectorError &error)
{
    switch (error.kind()) {
    case Kind::Network:
    case Kind::Tls:
    case Kind::Auth:
    case Kind::Timeout:
    case Kind::Config:
    case Kind::NotConnected:
        return true;
    default:
        return false;
    }
}

} // namespace

GmailBackend::GmailBackend(const ConnectorConfig &config, CredentialStore *credentials, HealthTracker *health,
                           QObject *parent)
    : MailBackend(config, credentials, health, parent)
{
    m_health->setPeer(Session::Gmail, tr("the Gmail API at %1").arg(QUrl(m_config.gmailApiUrl).host()));
    connect(&m_poll, &QTimer::timeout, this, &MailBackend::inboxChanged);
}

GmailBackend::~GmailBackend() = default;

ConnectorError GmailBackend::prepareGoogle()
{
    if (m_auth)
        return {};
    if (const ConnectorError invalid = m_config.validate())
        return invalid;
    const GoogleClientSecrets::Result client = GoogleClientSecrets::loadFile(m_config.gmailCredentialsFile);
    if (!client.secrets)
        return client.error;
    const QUrl api(m_config.gmailApiUrl);
    if (!GoogleClientSecrets::isAcceptableUrl(api))
        return {Kind::Config, tr("gmail_api_url: %1 must be https (plain http only on loopback)").arg(m_config.gmailApiUrl)};
    m_auth = new GoogleAuth(*client.secrets, m_credentials, this);
    if (m_signInTimeoutMs > 0)
        m_auth->setSignInTimeout(m_signInTimeoutMs);
    if (!m_signInHint.isEmpty())
        m_auth->setSignInHint(m_signInHint);
    connect(m_auth, &GoogleAuth::authorizationUrlReady, this, &MailBackend::authorizationUrlReady);
    m_gmail = new GmailClient(api, m_auth, this);
    m_gmail->setTimeout(m_config.timeout * 1000);
    connect(m_gmail, &GmailClient::throttled, this, [this](const QString &why, int retryInMs) {
        m_health->operationFailed(Session::Gmail, {Kind::Network, tr("%1; retrying in %2 s").arg(why).arg(retryInMs / 1000.0, 0, 'f', 1)});
    });
    return {};
}

void GmailBackend::track(ConnectorReply *reply)
{
    connect(reply, &ConnectorReply::finished, this, [this, reply] {
        const ConnectorError error = reply->error();
        if (m_auth && m_auth->tokens().expiresAt.isValid())
            m_health->setTokenExpiry(m_auth->tokens().expiresAt);
        if (!error)
            m_health->succeeded(Session::Gmail);
        else if (isSessionProblem(error))
            m_health->sessionFailed(Session::Gmail, error);
        else
            m_health->operationFailed(Session::Gmail, error);
    });
}

void GmailBackend::setSignInTimeout(int ms)
{
    m_signInTimeoutMs = ms;
    if (m_auth && ms > 0)
        m_auth->setSignInTimeout(ms);
}

void GmailBackend::setSignInHint(const QString &hint)
{
    m_signInHint = hint;
    if (m_auth && !hint.isEmpty())
        m_auth->setSignInHint(hint);
}

ConnectorReply *GmailBackend::connectToServers()
{
    auto *reply = new ConnectorReply;
    if (const ConnectorError error = prepareGoogle()) {
        m_health->sessionFailed(Session::Gmail, error);
        reply->finish(error);
        return reply;
    }
    // Stored tokens only: the browser opens from signIn(), never behind a send.
    ConnectorReply *signedIn = m_auth->ensureSignedIn(false);
    signedIn->setParent(reply);
    connect(signedIn, &ConnectorReply::finished, reply, [this, signedIn, reply] {
        signedIn->deleteLater();
        if (signedIn->error()) {
            m_connected = false;
            m_health->sessionFailed(Session::Gmail, signedIn->error());
            return reply->finish(signedIn->error());
        }
        fetchProfile(reply, true);
    });
    return reply;
}

ConnectorReply *GmailBackend::signIn(bool noBrowser)
{
    auto *reply = new ConnectorReply;
    if (const ConnectorError error = prepareGoogle()) {
        reply->finish(error);
        return reply;
    }
    m_auth->setNoBrowser(noBrowser);
    ConnectorReply *signIn = m_auth->signIn();
    signIn->setParent(reply); // freed with the caller's reply even when the backend goes first
    connect(signIn, &ConnectorReply::finished, reply, [this, signIn, reply] {
        signIn->deleteLater();
        if (signIn->error())
            return reply->finish(signIn->error());
        fetchProfile(reply, false);
    });
    return reply;
}

/// users.getProfile: the signed-in address; @p connecting makes the account connected on success.
void GmailBackend::fetchProfile(ConnectorReply *reply, bool connecting)
{
    GmailReply *profile = m_gmail->profile();
    profile->setParent(reply);
    if (connecting)
        track(profile);
    connect(profile, &ConnectorReply::finished, reply, [this, profile, reply, connecting] {
        profile->deleteLater();
        if (!profile->error())
            m_address = profile->emailAddress();
        if (connecting)
            m_connected = !profile->error();
        reply->finish(profile->error());
    });
}

ConnectorReply *GmailBackend::disconnectFromServers()
{
    m_connected = false;
    setInboxWatched(false);
    m_health->forget(Session::Gmail);
    auto *reply = new ConnectorReply;
    reply->finish();
    return reply;
}

bool GmailBackend::isConnected() const
{
    return m_connected;
}

void GmailBackend::whenSignedIn(ConnectorReply *reply, const std::function<void()> &then)
{
    if (const ConnectorError error = prepareGoogle()) {
        m_health->sessionFailed(Session::Gmail, error);
        reply->finish(error);
        return;
    }
    // The stored sign-in, refreshed when needed; no browser (that is signIn()).
    ConnectorReply *signedIn = m_auth->ensureSignedIn(false);
    signedIn->setParent(reply);
    connect(signedIn, &ConnectorReply::finished, reply, [this, signedIn, reply, then] {
        signedIn->deleteLater();
        if (signedIn->error()) {
            m_health->sessionFailed(Session::Gmail, signedIn->error());
            return reply->finish(signedIn->error());
        }
        then();
    });
}

SendReply *GmailBackend::send(const BuiltMessage &message)
{
    auto *reply = new SendReply;
    reply->setMessageId(message.messageId);
    whenSignedIn(reply, [this, reply, message] {
        SendReply *sent = m_gmail->send(message.data);
        sent->setParent(reply);
        track(sent);
        connect(sent, &ConnectorReply::finished, reply, [this, sent, reply] {
            sent->deleteLater();
            if (!sent->error())
                m_health->recordSend();
            reply->setServerReply(sent->serverReply());
            reply->setRecipients(sent->recipients());
            reply->finish(sent->error());
        });
    });
    return reply;
}

InboxListReply *GmailBackend::list(bool unseenOnly, int limit, const std::optional<QSet<QString>> &known)
{
    auto *reply = new InboxListReply;
    // Like the IMAP listing, no connectToServers() needed: the stored sign-in is enough.
    whenSignedIn(reply, [this, reply, unseenOnly, limit, known] { listRows(reply, unseenOnly, limit, known); });
    return reply;
}

void GmailBackend::listRows(InboxListReply *reply, bool unseenOnly, int limit, const std::optional<QSet<QString>> &known)
{
    GmailReply *list = m_gmail->listIds(unseenOnly ? QStringLiteral("is:unread in:inbox") : QStringLiteral("in:inbox"), limit);
    list->setParent(reply);
    track(list);
    connect(list, &ConnectorReply::finished, reply, [this, list, reply, known] {
        list->deleteLater();
        if (list->error())
            return reply->finish(list->error());
        reply->setTotal(int(list->ids().size()));
        GmailReply *get = m_gmail->getMessages(list->ids(), true);
        get->setParent(reply);
        track(get);
        connect(get, &ConnectorReply::finished, reply, [this, get, reply, known] {
            get->deleteLater();
            if (get->error())
                return reply->finish(get->error());
            QList<MessageSummary> rows;
            for (const GmailMessage &m : get->messages()) {
                MessageSummary row;
                row.id = MessageId::gmail(m.id).toString();
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
            m_health->recordPoll();
            if (!rows.isEmpty())
                Q_EMIT reply->rowsListed(rows);
            reply->setMessages(rows);
            reply->finish();
        });
    });
}

MessageReply *GmailBackend::fetch(const MessageId &id)
{
    auto *reply = new MessageReply;
    whenSignedIn(reply, [this, reply, id] { fetchRaw(reply, id); });
    return reply;
}

void GmailBackend::fetchRaw(MessageReply *reply, const MessageId &id)
{
    GmailReply *get = m_gmail->getMessages({id.gmailId()}, false);
    get->setParent(reply);
    track(get);
    connect(get, &ConnectorReply::finished, reply, [get, reply, id] {
        get->deleteLater();
        if (get->error())
            return reply->finish(get->error());
        if (get->messages().isEmpty())
            return reply->finish({Kind::Protocol, tr("Gmail returned no message.")});
        const GmailMessage m = get->messages().first();
        IncomingMessage message = IncomingMessage::fromParsed(MessageParser::parse(m.raw), m.raw);
        message.backendId = id.toString();
        if (!message.date.isValid())
            message.date = m.internalDate;
        reply->setMessage(message);
        reply->finish();
    });
}

ConnectorReply *GmailBackend::setSeen(const QList<MessageId> &ids, bool seen)
{
    auto *reply = new ConnectorReply;
    QStringList gmailIds;
    for (const MessageId &id : ids)
        gmailIds.append(id.gmailId());
    whenSignedIn(reply, [this, reply, gmailIds, seen] { setSeenOneByOne(reply, gmailIds, seen); });
    return reply;
}

/// One modify per message, one after another; the first failure ends it.
void GmailBackend::setSeenOneByOne(ConnectorReply *reply, QStringList remaining, bool seen)
{
    if (remaining.isEmpty()) {
        reply->finish();
        return;
    }
    const QString id = remaining.takeFirst();
    GmailReply *modify = seen ? m_gmail->modifyLabels(id, {}, {QStringLiteral("UNREAD")})
                              : m_gmail->modifyLabels(id, {QStringLiteral("UNREAD")}, {});
    modify->setParent(reply);
    track(modify);
    connect(modify, &ConnectorReply::finished, reply, [this, modify, reply, remaining, seen] {
        modify->deleteLater();
        if (modify->error())
            return reply->finish(modify->error());
        setSeenOneByOne(reply, remaining, seen);
    });
}

void GmailBackend::prepareReceiving(QObject *, const std::function<void(const ConnectorError &)> &then)
{
    then(prepareGoogle());
}

InboxWatcher *GmailBackend::createWatcher(const ListenOptions &, ConnectorError *error)
{
    if ((*error = prepareGoogle()))
        return nullptr;
    auto *watcher = new GmailWatcher(m_gmail, m_config.pollInterval, this);
    connect(watcher, &InboxWatcher::roundFinished, this, [this] {
        m_health->succeeded(Session::Gmail);
        m_health->recordPoll();
    });
    connect(watcher, &InboxWatcher::errorOccurred, this, [this](const ConnectorError &e, int) {
        if (isSessionProblem(e))
            m_health->sessionFailed(Session::Gmail, e);
        else
            m_health->operationFailed(Session::Gmail, e);
    });
    return watcher;
}

void GmailBackend::setInboxWatched(bool watched)
{
    if (!watched) {
        m_poll.stop();
        return;
    }
    if (m_poll.isActive())
        return;
    const int pollMs = std::max(1, m_config.pollInterval) * 1000;
    m_poll.start(pollMs);
    Q_EMIT inboxWatchStatusChanged(tr("polling Gmail every %n second(s)", nullptr, pollMs / 1000));
}

ConnectorReply *GmailBackend::probe()
{
    auto *reply = new ConnectorReply;
    whenSignedIn(reply, [this, reply] { fetchProfile(reply, true); });
    return reply;
}

void GmailBackend::addHealthDetails(QVariantMap *details) const
{
    details->insert(QStringLiteral("backend"), QStringLiteral("gmail"));
    details->insert(QStringLiteral("gmail_api"), m_config.gmailApiUrl);
    if (!m_address.isEmpty())
        details->insert(QStringLiteral("account"), m_address);
    if (m_gmail && m_gmail->lastSuccess().isValid())
        details->insert(QStringLiteral("last_successful_call"), m_gmail->lastSuccess().toString(Qt::ISODate));
}

} // namespace machina
