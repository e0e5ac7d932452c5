#pragma once

#include "../config/connectorconfig.h"
#include "../connectorreply.h"
#include "protocol/imapparser.h"
#include "protocol/imapwriter.h"

#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <functional>

namespace machina {

class SecureLineTransport;

/** Where and how to reach one IMAP server. */
struct ImapSettings
{
    QString host;
    quint16 port = 993;
    bool implicitTls = true;       ///< true: TLS from the first byte; false: STARTTLS, required
    QString username;
    QString password;
    QString accessToken;           ///< set: AUTHENTICATE XOAUTH2 instead of the password
    QSslConfiguration tls;         ///< trust store; verification is always on
    int timeoutMs = 30000;         ///< for each step (connect, handshake, each command)
    QString mailbox = QStringLiteral("INBOX");
    qint64 maxLiteralSize = ImapParser::DefaultMaxLiteralSize; ///< a larger literal from the server is a protocol error
    /// A longer line (outside literals) is a protocol error. 1 MiB: a plain SEARCH
    /// (no ESEARCH) of ~150,000 UIDs fits; a hostile server still cannot grow one line without end.
    qsizetype maxLineLength = 1024 * 1024;

    /// The IMAP side of @p config (host, port, TLS mode, account, timeout, ca_file); fails on an unusable ca_file.
    static ConnectorError fromConfig(const ConnectorConfig &config, ImapSettings *out);
};

/** One message as FETCH returned it. */
struct ImapMessage
{
    quint32 uid = 0;
    QList<QByteArray> flags;
    QDateTime internalDate;
    quint64 size = 0;
    QByteArray raw;                     ///< BODY[] when fetched in full
    std::optional<ImapEnvelope> envelope;
    int attachmentCount = 0;            ///< from BODYSTRUCTURE, when fetched

    bool isSeen() const;
};

/** The result of an IMAP operation: UIDs for a search, messages for a fetch. */
class ImapReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;

    QList<quint32> uids() const { return m_uids; }
    QList<ImapMessage> messages() const { return m_messages; }

    void setUids(const QList<quint32> &uids) { m_uids = uids; }
    void addMessage(const ImapMessage &message) { m_messages.append(message); }

private:
    QList<quint32> m_uids;
    QList<ImapMessage> m_messages;
};

/**
 * An IMAP4rev1 session (RFC 3501) on a SecureLineTransport, kept logged in with its
 * mailbox selected between operations. Operations queue up and run one at a
 * time; the session is opened (connect, TLS, CAPABILITY, authentication,
 * SELECT) by the first operation that needs it. UIDs are used throughout,
 * bodies are fetched with BODY.PEEK[] so nothing is marked \Seen by reading.
 *
 *     Disconnected --> Connecting --> (TlsHandshake) --> WaitingForGreeting
 *     WaitingForGreeting --OK--> NotAuthenticated: CAPABILITY, STARTTLS (+ handshake, CAPABILITY again)
 *     NotAuthenticated --LOGIN/AUTHENTICATE OK--> Authenticated --SELECT OK--> Selected
 *     Selected --IDLE +--> Idling --DONE, OK--> Selected
 *     any --LOGOUT--> LoggingOut --> Disconnected
 *
 * When the connection is lost, the running operation and the queued ones end
 * with the error; the next operation opens a new session. Reconnecting on a
 * schedule is the MailboxWatcher's job.
 */
class ImapClient : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        Connecting,
        TlsHandshake,
        WaitingForGreeting,
        NotAuthenticated,
        Authenticated,
        Selected,
        Idling,
        LoggingOut,
    };
    Q_ENUM(State)

    /// How much of each message fetchMessages() asks for.
    enum class FetchPart {
        Full,     ///< UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[]
        Headers,  ///< UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE
        Flags,    ///< UID FLAGS (what changed on messages already listed)
    };

    static constexpr int FullFetchBatch = 25;
    static constexpr int HeaderFetchBatch = 500;
    static constexpr int FlagsFetchBatch = 2000; ///< keeps a sparse UID set well inside Dovecot's 64 KiB line


    explicit ImapClient(const ImapSettings &settings, QObject *parent = nullptr);
    ~ImapClient() override;

    ImapSettings settings() const { return m_settings; }
    void setSettings(const ImapSettings &settings) { m_settings = settings; }

    /// Opens the session: connect, TLS, authenticate, SELECT the mailbox.
    ImapReply *open();
    /// UID SEARCH UNSEEN; uids() in ascending order.
    ImapReply *searchUnseen();
    /// UID SEARCH ALL; uids() in ascending order.
    ImapReply *searchAll();
    /// UID FETCH in batches; messages() in the order the server answered.
    ImapReply *fetchMessages(const QList<quint32> &uids, FetchPart part = FetchPart::Full);
    /// UID STORE +FLAGS.SILENT (\Seen), or -FLAGS when @p seen is false.
    ImapReply *markSeen(const QList<quint32> &uids, bool seen = true);
    ImapReply *noop();
    /**
     * IDLE (RFC 2177): finishes when the idle ends, after stopIdle() or when
     * the server ends it. mailboxChanged() tells of new mail meanwhile.
     */
    ImapReply *idle();
    /// Ends a running IDLE (DONE); harmless when not idling.
    void stopIdle();
    /// LOGOUT and close; queued operations end with an Aborted error.
    ImapReply *close();

    State state() const { return m_state; }
    bool isSelected() const { return m_state == State::Selected || m_state == State::Idling; }
    QList<QByteArray> capabilities() const { return m_capabilities; }
    bool hasCapability(QByteArrayView name) const;
    quint32 uidValidity() const { return m_uidValidity; }
    quint32 uidNext() const { return m_uidNext; }
    quint32 exists() const { return m_exists; }
    QString tlsProtocol() const;
    /// The server's certificate from the last handshake (null before one).
    QSslCertificate peerCertificate() const;

Q_SIGNALS:
    void stateChanged(machina::ImapClient::State state);
    /// New mail, an expunge, or flags changed by someone else.
    void mailboxChanged();
    /// The mailbox's UIDVALIDITY changed: every UID known so far is void (RFC 3501 2.3.1.1).
    void uidValidityChanged(quint32 previous, quint32 current);
    /// The session ended without being asked to (server BYE, network, timeout).
    void sessionLost(const machina::ConnectorError &error);
    /// A [ALERT] text the server wants the user to see.
    void alertReceived(const QString &text);

private:
    struct Job
    {
        QPointer<ImapReply> reply;
        std::function<void()> run;     ///< issues the commands; ends with finishJob()
        bool isClose = false;
    };
    using TaggedHandler = std::function<void(const ImapResponse &)>;

    void setState(State state);
    ImapReply *enqueue(std::function<void()> run, bool isClose = false);
    void process();
    void finishJob(const ConnectorError &error = {});
    ImapReply *currentReply() const { return m_current ? m_current->reply.data() : nullptr; }

    void startConnection();
    void dropSocket();
    void failSession(const ConnectorError &error);
    void send(const ImapCommand &command, TaggedHandler onTagged, TaggedHandler onContinuation = {});
    void writePart(const QByteArray &bytes, const QByteArray &logText);
    void arm(const QString &waitingFor);

    void onConnected();
    void onEncrypted();
    void onReceived(const QByteArray &bytes);
    void onClosedByPeer();

    void handleResponse(const ImapResponse &response);
    void handleUntagged(const ImapResponse &response);
    void handleGreeting(const ImapResponse &response);
    void afterGreeting();
    void requestCapabilities(std::function<void()> then);
    void startTls();
    void authenticate();
    void selectMailbox();
    void sessionOpened();
    void fetchBatch(QList<quint32> remaining, FetchPart part);
    ImapReply *uidSearch(const QByteArray &criteria);
    ConnectorError commandError(const char *command, const ImapResponse &response) const;
    QString endpoint() const;

    ImapSettings m_settings;
    State m_state = State::Disconnected;
    SecureLineTransport *m_line = nullptr;
    ImapParser m_parser;
    ImapTagGenerator m_tags;

    QQueue<Job> m_queue;
    std::optional<Job> m_current;
    bool m_opening = false;

    struct Pending
    {
        ImapCommand command;
        int nextPart = 1;
        TaggedHandler onTagged;
        TaggedHandler onContinuation;
    };
    std::optional<Pending> m_pending;
    QList<quint32> m_searchResult;

    QList<QByteArray> m_capabilities;
    quint32 m_uidValidity = 0;
    quint32 m_uidNext = 0;
    quint32 m_exists = 0;
    bool m_startTlsDone = false;
    bool m_byeReceived = false;
    QByteArray m_byeText;
    bool m_idleDoneSent = false;
    bool m_fetchingFlags = false;  ///< a FetchPart::Flags job runs: FETCH (UID FLAGS) lines answer it
};

} // namespace machina
