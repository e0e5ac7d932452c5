#pragma once

#include "mailbackend.h"
#include "sentcopier.h"

#include <QPointer>
#include <QTimer>

#include <memory>

namespace machina {

class BearerTokenSource;
class CachedListing;
class ImapClient;
class InboxMonitor;
class OAuthSignIn;
class SmtpClient;
struct ImapSettings;
struct SmtpSettings;

/**
 * A mail server: SMTP for sending, IMAP for the rest. Its sessions:
 *
 * - SMTP, kept open between sends and re-opened on demand; after a failure
 *   it is re-opened in the background with a backoff of 2 s doubling, at
 *   most poll_interval (and 60 s), so a server that is back is noticed
 *   within one poll interval. A refused login is not retried.
 * - IMAP for browsing (listing, sync, fetch, read marks, Sent copies), kept open.
 *   With a MessageCache (setMessageCache()) the listings go through it
 *   (CachedListing), fetched bodies are kept in it, and a fetch that cannot
 *   reach the server is answered from it.
 * - IMAP for the inbox watch (InboxMonitor) and for listen() (MailboxWatcher),
 *   each on a session of its own.
 *
 * Each records its outcomes in the HealthTracker. A password missing from
 * the config is read from the keychain once, before the first session.
 *
 * With oauth2_provider set there is no password: every session signs in with
 * a bearer token from one OAuthSignIn (tokens in the keychain), fetched fresh
 * for each login and refreshed shortly before it expires or once after a
 * server refused it. The browser opens only from signIn(), never behind a session.
 */
class ImapSmtpBackend : public MailBackend
{
    Q_OBJECT
public:
    ImapSmtpBackend(const ConnectorConfig &config, CredentialStore *credentials, HealthTracker *health,
                    QObject *parent = nullptr);
    ~ImapSmtpBackend() override;

    ConnectorReply *connectToServers() override;
    ConnectorReply *disconnectFromServers() override;
    bool isConnected() const override;
    SendReply *send(const BuiltMessage &message) override;
    InboxListReply *list(bool unseenOnly, int limit, const std::optional<QSet<QString>> &known) override;
    MessageReply *fetch(const MessageId &id) override;
    ConnectorReply *setSeen(const QList<MessageId> &ids, bool seen) override;
    void prepareReceiving(QObject *context, const std::function<void(const ConnectorError &)> &then) override;
    InboxWatcher *createWatcher(const ListenOptions &options, ConnectorError *error) override;
    void setInboxWatched(bool watched) override;
    /// With a cache, listings resync it with the server (CachedListing) and fetched bodies are kept in it.
    void setMessageCache(MessageCache *cache) override;
    bool keepsSentCopies() const override { return !m_config.imapHost.isEmpty(); }
    SentCopyReply *storeSentCopies(const QList<QByteArray> &messages) override;
    void imapSessionSettings(QObject *context, const QString &mailbox, const ImapSettingsHandler &then) override;
    ConnectorReply *probe() override;
    MessageId::Backend idKind() const override { return MessageId::Backend::Imap; }
    void addHealthDetails(QVariantMap *details) const override;
    ConnectorReply *signIn(bool noBrowser) override;
    void setSignInTimeout(int ms) override;
    void setSignInHint(const QString &hint) override;

    /// The SMTP background reconnect's first delay and cap (tests make them short).
    void setSmtpRetryDelays(int baseMs, int maxMs);

private:
    void resolvePassword(QObject *context, const std::function<void(const ConnectorError &)> &then);
    ConnectorError imapSettings(ImapSettings *out) const;
    ConnectorError smtpSettings(SmtpSettings *out) const;
    /// The OAuth sign-in and token source, made once (oauth2_provider set); a Config error for an unusable client.
    ConnectorError prepareOAuth();
    ConnectorError ensureSmtp();
    ImapClient *browser(ConnectorError *error);
    /// The cached listing over the browsing session; null without a cache or before the session exists.
    CachedListing *cachedListing();
    /// Finishes @p reply with the body of @p id kept in the cache, when @p error says the server is unreachable.
    bool serveFromCache(MessageReply *reply, const MessageId &id, const ConnectorError &error);
    /// Runs @p then with the browsing session once the password is known; else finishes @p reply with the error.
    void withBrowser(ConnectorReply *reply, const std::function<void(ImapClient *)> &then);
    void watchHealth(ImapClient *client, int session);
    void smtpFailed(const ConnectorError &error);
    QString smtpEndpoint() const;
    QString imapEndpoint() const;

    SmtpClient *m_smtp = nullptr;
    ImapClient *m_browser = nullptr;
    MessageCache *m_cache = nullptr;
    CachedListing *m_cached = nullptr;
    InboxMonitor *m_monitor = nullptr;
    SentCopier m_sentCopier;
    bool m_watched = false;
    bool m_passwordResolved = false;
    OAuthSignIn *m_oauth = nullptr;
    std::shared_ptr<BearerTokenSource> m_tokenSource;
    int m_signInTimeoutMs = 0;
    QString m_signInHint;

    bool m_keepSmtp = false;          ///< connectToServers() asked for the session; disconnect ends that
    QTimer m_smtpRetry;
    int m_smtpAttempts = 0;
    int m_smtpRetryBaseMs = 2000;
    int m_smtpRetryMaxMs = 60000;
};

} // namespace machina
