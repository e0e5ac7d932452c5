#pragma once

#include "config/connectorconfig.h"
#include "connectorhealth.h"
#include "connectorreply.h"
#include "incomingmessage.h"
#include "listenreply.h"
#include "messagereply.h"
#include "messagesummary.h"
#include "mime/messagebuilder.h"
#include "sendoptions.h"
#include "sendreply.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

namespace machina {

class ActivityLog;
class CanaryProbe;
class ConnectionTestReply;
class CredentialStore;
class LocalStore;
class MessageCache;
class Outbox;
class OutboxFlushReply;
class OutboxSender;
class GmailBackend;
class HealthTracker;
class Listener;
class MailBackend;
class MessageId;
struct ImapSettings;

/**
 * The connector facade, mirroring the reference EmailConnector:
 * connectToServers(), disconnectFromServers(), healthCheck(), sendMessage(),
 * listen(), capabilities(). It picks a MailBackend from the config (the
 * Gmail API when gmail_credentials_file is set, else IMAP and SMTP) and
 * keeps what is the same for both: building messages, listen()'s contract,
 * and the health of every session. Every operation is asynchronous and
 * returns a reply the caller owns.
 */
class EmailConnector : public QObject
{
    Q_OBJECT
public:
    explicit EmailConnector(const ConnectorConfig &config, QObject *parent = nullptr);
    ~EmailConnector() override;

    ConnectorConfig config() const { return m_config; }

    /// Opens the sending side (SMTP session; Gmail: the stored sign-in). Its error says what failed.
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
    /**
     * The interactive OAuth sign-in of the account: Google for the Gmail API,
     * or oauth2_provider's (Microsoft, Google, custom) for IMAP and SMTP. The
     * system browser, or with @p noBrowser only authorizationUrlReady; the
     * tokens go to the keychain. A Config error for a password account.
     */
    ConnectorReply *signIn(bool noBrowser);
    /// How long signIn() waits for the browser to come back; 0 (the default): 5 minutes.
    void setSignInTimeout(int ms);
    /// How the user signs in again in this program, for error sentences (default: the CLI command).
    void setSignInHint(const QString &hint);
    /// The keychain.
    CredentialStore *credentialStore() const { return m_credentials; }

    /// Closes every session (SMTP, IMAP, the inbox watch, listen) politely.
    ConnectorReply *disconnectFromServers();
    bool isConnected() const;

    /// What the sessions last recorded: measured, never a guess from a flag alone.
    ConnectorHealth healthCheck() const;
    /// Opens (or checks) every session now, for `check` and the console's periodic probe.
    ConnectorReply *probe();
    /// Probes every @p seconds (0: never), and publishes what changed through healthChanged().
    void setProbeInterval(int seconds);
    /**
     * Runs the canary (runCanary()) every @p seconds (0: never), the first one
     * @p seconds from now. Its outcome joins the health details
     * (canary_latency_ms or canary_error, and canary_at) and is published
     * through healthChanged().
     */
    void setCanaryInterval(int seconds);

    /**
     * Builds the message @p sendMessage would send, without sending it: for
     * previews and to refuse bad input (header injection, bad addresses) before
     * anything touches the network.
     */
    MessageBuilder::Result buildMessage(const QStringList &to, const QString &text,
                                        const SendOptions &options = {}) const;

    /**
     * Sends a plain-text message (with attachments, if any) to every address in
     * @p to. A sending session that is down is opened for it.
     */
    SendReply *sendMessage(const QStringList &to, const QString &text, const SendOptions &options = {});
    SendReply *sendMessage(const QString &to, const QString &text, const SendOptions &options = {})
    {
        return sendMessage(QStringList{to}, text, options);
    }
    /// What sendBuiltMessage() does when the server cannot take the message now.
    enum class SendMode {
        FailNow,              ///< the reply fails and the message is not sent later (machina-mail send)
        QueueWhenUnreachable, ///< a transient failure leaves it queued: the reply says isQueued() (the console)
    };
    /**
     * Sends a message built earlier with buildMessage(). With a store open
     * (openStore()) it is written to the outbox first, with its final
     * Message-ID, and sent at once; see SendMode for a failure.
     */
    SendReply *sendBuiltMessage(const BuiltMessage &message, SendMode mode = SendMode::FailNow);
    /// Bounds each sendBuiltMessage() through the outbox as a whole (0, the default: each step by timeout only).
    void setSendDeadline(int ms) { m_sendDeadlineMs = ms; }

    /**
     * Opens the account's local store (StoreLocation::pathFor(), or @p path):
     * the outbox, the inbox cache and the activity log. The error names the
     * file; a damaged store is moved aside and a fresh one opened, and the
     * error (with the store open) says what became of its queued mail.
     */
    ConnectorError openStore(const QString &path = {});
    LocalStore *store() const { return m_store.get(); }
    /// The outbox; null before openStore().
    Outbox *outbox() const { return m_outbox; }
    /// The activity log kept in the store; null before openStore().
    ActivityLog *activityLog() const { return m_activity.get(); }
    /// The offline inbox cache kept in the store (IMAP accounts fill it); null before openStore().
    MessageCache *messageCache() const { return m_cache.get(); }
    /**
     * A reply that finishes once the steps after the sends so far (the Sent
     * copies) are done or have failed, for a program about to exit.
     */
    ConnectorReply *waitForSentCopies();
    /**
     * Settings for an IMAP session of the caller's own on @p mailbox (the
     * work-order tracker, the canary), the password resolved first. @p then runs
     * once, later, unless @p context is gone; Gmail API accounts get an error.
     */
    void imapSessionSettings(QObject *context, const QString &mailbox,
                             const std::function<void(const ConnectorError &, const ImapSettings &)> &then);
    /// Writes @p message to the outbox as queued; no network. Needs openStore().
    ConnectorError queueMessage(const BuiltMessage &message, qint64 *id = nullptr);
    /// Sends what is queued in the background, with backoff, as it is queued and falls due.
    void setOutboxDraining(bool draining);
    /// One pass over every queued message now, ignoring backoff; the Sent copies follow each send.
    OutboxFlushReply *flushOutbox();
    /// The outbox's sender (backoff settings, per-entry signals); null before openStore().
    OutboxSender *outboxSender() const { return m_sender; }

    /**
     * Walks the connection step by step (name lookup, TCP, TLS, capabilities,
     * authentication, INBOX, IDLE; optionally a message to the account itself)
     * on sessions of its own; see ConnectionTester.
     */
    ConnectionTestReply *testConnection(bool sendToSelf = false) const;

    /**
     * The canary (CanaryProbe): sends a probe to the account itself on the
     * direct SMTP path (no outbox, no Sent copy), waits for it in INBOX over an
     * IMAP session of its own (at most timeout), removes it (UID EXPUNGE) and
     * reports finished(latencyMs, error). Listeners and listings never see a
     * probe. Needs IMAP: for a Gmail API account it fails as Config. The
     * caller owns the probe; delete it after settled().
     */
    CanaryProbe *runCanary();

    /// The account's own address: from_address, else the username, else (Gmail) the signed-in address.
    QString accountAddress() const;

    /// What this connector can do, in the reference's words.
    QStringList capabilities() const;

    /**
     * Hands every new (unseen) INBOX message to @p handler, once. A non-empty
     * reply text is sent to Reply-To (else From) as "Re: <subject>" with
     * In-Reply-To and References; only when the handler and the reply both
     * succeeded is the message marked \Seen. A failed handler leaves it unseen,
     * to be offered again at the next round. A reply that cannot be sent is
     * kept and sent again at the next round, without asking the handler again
     * (see Listener). Needs imap_host (or Gmail), not a working SMTP server.
     */
    ListenReply *listen(const MessageHandler &handler, const ListenOptions &options = {});
    /// Ends listen(): logs out of IMAP; the listen reply finishes too.
    ConnectorReply *stopListening();
    bool isListening() const { return m_listener != nullptr; }

    /**
     * The INBOX's newest @p limit messages (headers, flags, size, attachment
     * count; no bodies), newest first. Needs imap_host (in Gmail mode the
     * stored Google sign-in), not connectToServers().
     */
    InboxListReply *listMessages(bool unseenOnly, int limit);
    /**
     * The INBOX as the offline cache holds it (see openStore()), as
     * listMessages() gives it, without the network: finishes on the next
     * event loop turn. Nothing cached yet: no rows. Without a store: a Store
     * error. With a store open, listMessages(), syncInbox() and fetchMessage()
     * resync the cache with the server (QRESYNC / CONDSTORE where offered).
     */
    InboxListReply *listCachedMessages(bool unseenOnly, int limit);
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
    /// Emitted for every message the server accepted (sent now or from the outbox).
    void messageSent(const QString &messageId, const QStringList &recipients);
    /// The outbox changed (here or in another process).
    void outboxChanged();
    /// An OAuth sign-in wants this URL opened in a browser.
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
    void publishHealth();
    GmailBackend *gmail() const;
    InboxListReply *startListing(bool unseenOnly, int limit, const std::optional<QSet<QString>> &known);
    /// The ids, parsed, when every one is this account's (and of one UIDVALIDITY); else the error.
    ConnectorError parseIds(const QStringList &ids, QList<MessageId> *out) const;
    void endListening();

    void watchSmtpComeback();
    /// listen()'s replies go through the outbox (see Listener).
    void makeRepliesDurable(Listener *listener);

    ConnectorConfig m_config;
    CredentialStore *m_credentials;
    HealthTracker *m_health;
    MailBackend *m_backend;
    Listener *m_listener = nullptr;
    ConnectorHealth m_publishedHealth;
    bool m_inboxWatchOn = false;
    quint64 m_listenGeneration = 0;   ///< bumped by stopListening(): a listen() still preparing then gives up
    QString m_googleSignInHint;
    QTimer m_probeTimer;
    QTimer m_canaryTimer;
    QPointer<CanaryProbe> m_canary;         ///< the scheduled one running, if any
    qint64 m_canaryLatencyMs = -1;          ///< the last scheduled canary's; -1: none yet or failed
    QString m_canaryError;
    QDateTime m_canaryAt;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<MessageCache> m_cache;   ///< after m_store: goes before it
    Outbox *m_outbox = nullptr;
    std::unique_ptr<ActivityLog> m_activity;
    OutboxSender *m_sender = nullptr;
    bool m_smtpWasUp = false;
    int m_sendDeadlineMs = 0;
};

} // namespace machina
