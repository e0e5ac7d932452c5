#pragma once

#include "config/connectorconfig.h"
#include "connectiontester.h"
#include "connectorhealth.h"
#include "connectorreply.h"
#include "imap/imapclient.h"
#include "incomingmessage.h"
#include "messagesummary.h"
#include "mime/messagebuilder.h"
#include "sendreply.h"

#include <QDateTime>
#include <QTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <functional>

namespace machina {

class SmtpClient;
class InboxWatcher;
class CredentialStore;
class GoogleAuth;
class GmailClient;
class InboxMonitor;

/** The reply to fetchMessage(): the message, parsed. */
class MessageReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;
    IncomingMessage message() const { return m_message; }
    void setMessage(const IncomingMessage &message) { m_message = message; }

private:
    IncomingMessage m_message;
};

/** How listen() runs. */
struct ListenOptions
{
    bool once = false;      ///< handle what is unseen now, then stop (the CLI's --once)
    bool useIdle = true;    ///< IMAP IDLE when the server offers it, else poll every poll_interval
};

/**
 * The reply to listen(): finished when listening stops (stopListening(), or
 * with ListenOptions::once after the first round is handled and marked), or
 * when it cannot go on. Counts what happened.
 */
class ListenReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;
    int received() const { return m_received; }
    int handled() const { return m_handled; }   ///< handler (and reply) succeeded, \Seen stored or pending
    int failed() const { return m_failed; }     ///< left unseen, to be offered again

private:
    friend class EmailConnector;
    int m_received = 0;
    int m_handled = 0;
    int m_failed = 0;
};

/** The reference's send_message keyword arguments, and ours. */
struct SendOptions
{
    QString subject = QStringLiteral("Machina Notification");
    QList<Attachment> attachments;
    QString inReplyTo;          ///< Message-ID being answered, optional
    QStringList references;     ///< thread Message-IDs, optional
};

/**
 * The connector facade, mirroring the reference EmailConnector:
 * connectToServers(), disconnectFromServers(), healthCheck(), sendMessage(),
 * capabilities(). Every operation is asynchronous and returns a reply the
 * caller owns.
 */
class EmailConnector : public QObject
{
    Q_OBJECT
public:
    explicit EmailConnector(const ConnectorConfig &config, QObject *parent = nullptr);
    ~EmailConnector() override;

    ConnectorConfig config() const { return m_config; }

    /// Opens the SMTP session (greeting, TLS, EHLO, AUTH). Its error says what failed.
    ConnectorReply *connectToServers();
    /**
     * Runs Google's sign-in in the system browser (or, with @p noBrowser, only
     * emits authorizationUrlReady) and stores the tokens in the keychain.
     * Needs gmail_credentials_file.
     */
    ConnectorReply *signInToGoogle(bool noBrowser);
    /// How long signInToGoogle() waits for the browser to come back; 0 (the default): GoogleAuth's 5 minutes.
    void setGoogleSignInTimeout(int ms);
    /// How the user starts Google's sign-in in this program, for error sentences (default: the CLI command).
    void setGoogleSignInHint(const QString &hint);
    /// The keychain (created on first use).
    CredentialStore *credentialStore();

    /// Closes the sessions politely (QUIT).
    ConnectorReply *disconnectFromServers();
    bool isConnected() const { return m_connected; }

    /// The measured health: never a guess from a flag alone.
    ConnectorHealth healthCheck() const;

    /**
     * Builds the message @p sendMessage would send, without sending it: for
     * previews and to refuse bad input (header injection, bad addresses) before
     * anything touches the network.
     */
    MessageBuilder::Result buildMessage(const QStringList &to, const QString &text,
                                        const SendOptions &options = {}) const;

    /// Sends a plain-text message (with attachments, if any) to every address in @p to.
    SendReply *sendMessage(const QStringList &to, const QString &text, const SendOptions &options = {});
    SendReply *sendMessage(const QString &to, const QString &text, const SendOptions &options = {})
    {
        return sendMessage(QStringList{to}, text, options);
    }
    /// Sends a message built earlier with buildMessage().
    SendReply *sendBuiltMessage(const BuiltMessage &message);

    /**
     * Walks the connection step by step (name lookup, TCP, TLS, capabilities,
     * authentication, INBOX, IDLE; optionally a message to the account itself)
     * on sessions of its own; see ConnectionTester.
     */
    ConnectionTestReply *testConnection(bool sendToSelf = false) const;

    /// The account's own address: from_address, else the username, else (Gmail) the signed-in address.
    QString accountAddress() const;

    /// What this connector can do, in the reference's words.
    QStringList capabilities() const;

    /**
     * Hands every new (unseen) INBOX message to @p handler, once. A non-empty
     * reply text is sent to Reply-To (else From) as "Re: <subject>" with
     * In-Reply-To and References; only when the handler and the reply both
     * succeeded is the message marked \Seen. A failed handler leaves it unseen,
     * to be offered again at the next round. Needs connectToServers() first
     * (replies go through SMTP) and imap_host.
     */
    ListenReply *listen(const MessageHandler &handler, const ListenOptions &options = {});
    /// Ends listen(): logs out of IMAP; the listen reply finishes too.
    ConnectorReply *stopListening();
    bool isListening() const { return m_watcher != nullptr; }

    /**
     * The INBOX's newest @p limit messages (headers, flags, size, attachment
     * count; no bodies), newest first. Needs imap_host (in Gmail mode the
     * stored Google sign-in), not connectToServers().
     */
    InboxListReply *listMessages(bool unseenOnly, int limit);
    /**
     * What changed since a listing, for a viewer that keeps its rows: the
     * headers of messages not in @p knownIds (ids from earlier listings), the
     * ids that are gone, and the read state of the rest (IMAP: UID FETCH FLAGS,
     * cheap even for thousands). @p limit as for listMessages().
     */
    InboxListReply *syncInbox(const QStringList &knownIds, int limit);
    /**
     * One whole message by its MessageSummary::id, parsed; reading it does not
     * mark it read (IMAP BODY.PEEK[], Gmail format=raw).
     */
    MessageReply *fetchMessage(const QString &id);
    /// Marks the messages read (\Seen, or UNREAD removed) or unread.
    ConnectorReply *setSeen(const QStringList &ids, bool seen);

    /**
     * For a viewer: inboxChanged() whenever the INBOX changes, through IMAP
     * IDLE on a session of its own (without IDLE, and in Gmail mode, every
     * poll_interval). Nothing is fetched or marked: the viewer lists again.
     * Needs what listMessages() needs. watchInbox(false) logs that session out.
     */
    void watchInbox(bool enabled);
    bool isWatchingInbox() const { return m_inboxWatchOn; }

Q_SIGNALS:
    /// Emitted when the status or the message of healthCheck() changes.
    void healthChanged(const machina::ConnectorHealth &health);
    /// Emitted for every message the server accepted.
    void messageSent(const QString &messageId, const QStringList &recipients);
    /// Google sign-in wants this URL opened in a browser.
    void authorizationUrlReady(const QUrl &url);
    /// A new message is being handed to the listen() handler.
    void messageReceived(const machina::IncomingMessage &message);
    /// What receiving is doing, in words, when that changes ("waiting for mail (IDLE)",
    /// "cannot receive: ...; retrying in 4 s", "reconnected").
    void receiveStatusChanged(const QString &status);
    /// The handler (and its reply) for @p message ended so.
    void messageHandled(const machina::IncomingMessage &message, const machina::HandlerResult &result);
    /// The INBOX changed (see watchInbox()).
    void inboxChanged();
    /// How the INBOX is watched, in words ("new mail shows at once (IDLE)", "cannot watch the inbox: ...").
    void inboxWatchStatusChanged(const QString &status);

private:
    void recordOutcome(const ConnectorError &error, bool wasSend);
    void publishHealth();
    ConnectorError imapSettings(ImapSettings *out) const;
    void resolvePassword(const std::function<void(const ConnectorError &)> &then);
    void openSmtp(ConnectorReply *reply);
    ConnectorError prepareGoogle();
    void connectGmail(ConnectorReply *reply);
    InboxListReply *startListing(bool unseenOnly, int limit, const std::optional<QSet<QString>> &known);
    void listGmailMessages(InboxListReply *reply, bool unseenOnly, int limit, const std::optional<QSet<QString>> &known);
    void fetchSummaries(InboxListReply *reply, QList<quint32> newestFirst, QList<MessageSummary> rows, quint32 validity);
    ConnectorError validityChanged(quint32 listedValidity) const;
    void setSeenOnGmail(ConnectorReply *reply, QStringList remaining, bool seen);
    void listImapMessages(InboxListReply *reply, bool unseenOnly, int limit, const std::optional<QSet<QString>> &known);
    void handleIncoming(const IncomingMessage &message);
    void handlerDone(const IncomingMessage &message, const HandlerResult &result);
    void maybeFinishOnce();
    void endListening(const ConnectorError &error);

    ConnectorConfig m_config;
    SmtpClient *m_smtp = nullptr;
    bool m_connected = false;
    QDateTime m_connectedSince;
    QDateTime m_lastSuccessfulSend;
    QDateTime m_lastSuccess;
    ConnectorError m_lastError;
    QDateTime m_lastErrorAt;
    int m_messagesSent = 0;
    ConnectorHealth m_publishedHealth;

    InboxWatcher *m_watcher = nullptr;
    QPointer<ListenReply> m_listenReply;
    MessageHandler m_handler;
    ListenOptions m_listenOptions;
    bool m_firstRoundDone = false;
    int m_handlersRunning = 0;
    ImapClient *m_browser = nullptr;
    QString m_receiveStatus;
    CredentialStore *m_store = nullptr;
    GoogleAuth *m_googleAuth = nullptr;
    int m_googleSignInTimeoutMs = 0;
    QString m_googleSignInHint;
    GmailClient *m_gmail = nullptr;
    QString m_gmailAddress;
    void setReceiveStatus(const QString &status);
    InboxMonitor *m_inboxMonitor = nullptr;
    QTimer *m_inboxPoll = nullptr;
    bool m_inboxWatchOn = false;
};

} // namespace machina
