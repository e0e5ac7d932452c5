#pragma once

#include "../config/connectorconfig.h"
#include "../connectorerror.h"
#include "../messageid.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QVariantMap>
#include <functional>
#include <optional>

class QUrl;

namespace machina {

class ConnectorReply;
class CredentialStore;
class HealthTracker;
class InboxListReply;
class InboxWatcher;
class MessageCache;
class MessageReply;
class SendReply;
class SentCopyReply;
struct BuiltMessage;
struct ImapSettings;
struct ListenOptions;

/**
 * What EmailConnector needs of a way to reach a mailbox: sending, listing and
 * sync, fetching, read marks, the inbox watch, the watcher listen() rounds
 * run on, and its share of health (every session records its outcomes in the
 * HealthTracker). ImapSmtpBackend speaks IMAP and SMTP, GmailBackend the
 * Gmail API. Every operation is asynchronous and returns a reply the caller
 * owns.
 */
class MailBackend : public QObject
{
    Q_OBJECT
public:
    MailBackend(const ConnectorConfig &config, CredentialStore *credentials, HealthTracker *health, QObject *parent)
        : QObject(parent), m_config(config), m_credentials(credentials), m_health(health)
    {
    }

    /// Ready to send: the SMTP session open, or the stored Google sign-in checked.
    virtual ConnectorReply *connectToServers() = 0;
    /// Closes every session of the backend.
    virtual ConnectorReply *disconnectFromServers() = 0;
    /// Whether the sending side is up now.
    virtual bool isConnected() const = 0;
    /// Sends @p message, opening (or re-opening) the sending session when it is down.
    virtual SendReply *send(const BuiltMessage &message) = 0;
    /// The INBOX's newest @p limit rows; with @p known, only what changed (EmailConnector::syncInbox()).
    virtual InboxListReply *list(bool unseenOnly, int limit, const std::optional<QSet<QString>> &known) = 0;
    virtual MessageReply *fetch(const MessageId &id) = 0;
    /// @p ids are of this backend (idKind()), and for IMAP of one UIDVALIDITY.
    virtual ConnectorReply *setSeen(const QList<MessageId> &ids, bool seen) = 0;
    /// Credentials ready for receiving (the keychain asked when the config has no password); @p then runs once.
    virtual void prepareReceiving(QObject *context, const std::function<void(const ConnectorError &)> &then) = 0;
    /// A watcher over the INBOX for listen(), not started; nullptr and @p error when it cannot be made.
    virtual InboxWatcher *createWatcher(const ListenOptions &options, ConnectorError *error) = 0;
    /// Starts or stops inboxChanged() for a viewer.
    virtual void setInboxWatched(bool watched) = 0;
    /**
     * The offline inbox cache listings and fetches go through (null: none, the
     * default). A backend without one (Gmail) ignores it.
     */
    virtual void setMessageCache(MessageCache *cache) { Q_UNUSED(cache) }
    /// Whether a sent message is copied to the Sent mailbox by us (IMAP), rather than filed by the service (Gmail).
    virtual bool keepsSentCopies() const { return false; }
    /**
     * APPENDs @p messages with \Seen to the mailbox with the \Sent attribute
     * (RFC 6154), else to "Sent", created when missing; several in one
     * MULTIAPPEND where the server has it. Only where keepsSentCopies().
     */
    virtual SentCopyReply *storeSentCopies(const QList<QByteArray> &messages);
    /// What imapSessionSettings() hands over: an error, or settings for a session of the caller's own.
    using ImapSettingsHandler = std::function<void(const ConnectorError &error, const ImapSettings &settings)>;
    /**
     * Settings for an IMAP session the caller runs itself on @p mailbox (the
     * work-order folder, the canary), the password resolved first (keychain).
     * Calls @p then once, unless @p context is gone. Gmail API accounts: an error.
     */
    virtual void imapSessionSettings(QObject *context, const QString &mailbox, const ImapSettingsHandler &then);
    /// Opens (or checks) every session now; the outcomes go to the HealthTracker.
    virtual ConnectorReply *probe() = 0;
    virtual MessageId::Backend idKind() const = 0;
    /// The account's own address, when the config has none (Gmail: the signed-in address).
    virtual QString signedInAddress() const { return {}; }
    /// What health details the backend adds (servers, security, account).
    virtual void addHealthDetails(QVariantMap *details) const = 0;
    /**
     * The interactive OAuth sign-in (the system browser, or with @p noBrowser
     * only authorizationUrlReady), its tokens stored in the keychain. A Config
     * error for an account that signs in with a password.
     */
    virtual ConnectorReply *signIn(bool noBrowser);
    /// How long signIn() waits for the browser; 0: the sign-in's own 5 minutes.
    virtual void setSignInTimeout(int ms) { Q_UNUSED(ms) }
    /// How a person signs in again in this program, for error sentences.
    virtual void setSignInHint(const QString &hint) { Q_UNUSED(hint) }

    const ConnectorConfig &config() const { return m_config; }

Q_SIGNALS:
    /// The INBOX changed (see setInboxWatched()).
    void inboxChanged();
    void inboxWatchStatusChanged(const QString &status);
    /// An OAuth sign-in wants this URL opened in a browser.
    void authorizationUrlReady(const QUrl &url);

protected:
    ConnectorConfig m_config;
    CredentialStore *m_credentials;
    HealthTracker *m_health;
};

} // namespace machina
