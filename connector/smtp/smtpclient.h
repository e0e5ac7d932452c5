#pragma once

#include "../config/connectorconfig.h"
#include "../connectorreply.h"
#include "../oauth/bearertokensource.h"
#include "../sendreply.h"
#include "protocol/smtpreply.h"
#include "protocol/smtpwriter.h"

#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <memory>


namespace machina {

class SecureLineTransport;

/** Where and how to reach one SMTP server. */
struct SmtpSettings
{
    QString host;
    quint16 port = 465;
    bool implicitTls = true;       ///< true: TLS from the first byte; false: STARTTLS, required
    QString username;              ///< empty: no AUTH
    QString password;
    QString accessToken;           ///< set: AUTH OAUTHBEARER / XOAUTH2 with this bearer token instead of the password
    /// set: a fresh bearer token for every login (OAuth accounts); wins over accessToken
    std::shared_ptr<BearerTokenSource> tokenSource;
    QSslConfiguration tls;         ///< trust store; verification is always on
    int timeoutMs = 30000;         ///< for each step (connect, handshake, each reply)

    /// The SMTP side of @p config (host, port, TLS mode, account, timeout, ca_file); fails on an unusable ca_file.
    static ConnectorError fromConfig(const ConnectorConfig &config, SmtpSettings *out);
};

/**
 * An SMTP session (RFC 5321) on a SecureLineTransport. It runs a queue of jobs (open,
 * send, noop) over one session that it keeps between sends, and re-opens
 * transparently when the server has closed an idle session.
 *
 * Session states and the reply each one waits for:
 *
 *     Disconnected --open--> Connecting --(implicit TLS)--> TlsHandshake
 *     Connecting/TlsHandshake --> WaitingForGreeting220 --220--> WaitingForEhlo250
 *     WaitingForEhlo250 --250, no TLS yet--> WaitingForStartTls220 --220--> TlsHandshake --> WaitingForEhlo250
 *     WaitingForEhlo250 --5xx--> WaitingForHelo250 (HELO fallback)
 *     WaitingForEhlo250/Helo250 --250--> Authenticating --235--> Ready
 *     Ready --send--> InTransaction (MAIL, RCPT..., DATA 354, message 250 | RSET 250) --> Ready
 *     Ready --noop--> WaitingForNoop250 --> Ready
 *     any --close--> WaitingForQuit221 --> Disconnected
 *
 * Credentials only go over TLS: with implicitTls false the session refuses to
 * continue when STARTTLS is not offered.
 */
class SmtpClient : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        Connecting,
        TlsHandshake,
        WaitingForGreeting220,
        WaitingForEhlo250,
        WaitingForHelo250,
        WaitingForStartTls220,
        Authenticating,
        Ready,
        InTransaction,
        WaitingForNoop250,
        WaitingForQuit221,
    };
    Q_ENUM(State)

    explicit SmtpClient(const SmtpSettings &settings, QObject *parent = nullptr);
    ~SmtpClient() override;

    /// Connects, secures, and authenticates; finishes when the session is Ready.
    ConnectorReply *open();
    /**
     * Sends @p message (RFC 5322 bytes, not dot-stuffed) from @p from to every
     * address in @p recipients. @p smtpUtf8: an address is not ASCII (RFC 6531).
     */
    SendReply *send(const QString &from, const QStringList &recipients, const QByteArray &message,
                    bool smtpUtf8 = false);
    /// NOOP: proves the session is alive (opens it first when needed).
    ConnectorReply *noop();
    /// QUIT and close; queued jobs end with an Aborted error. Finishes when the socket is closed.
    ConnectorReply *close();

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    SmtpSettings settings() const { return m_settings; }
    void setSettings(const SmtpSettings &settings) { m_settings = settings; }
    SmtpCapabilities capabilities() const { return m_caps; }
    /// "TLSv1.3" once encrypted, empty otherwise.
    QString tlsProtocol() const;
    /// The server's certificate from the last handshake (null before one).
    QSslCertificate peerCertificate() const;
    QString serverGreeting() const { return m_greeting; }
    /// The SASL mechanism of the last successful login ("OAUTHBEARER", "PLAIN", ...); empty before one.
    QByteArray authMechanism() const { return m_authMechanism; }

Q_SIGNALS:
    void stateChanged(machina::SmtpClient::State state);
    /// The session is Ready: connected, secured, signed in (for health).
    void sessionOpened();
    /// The session could not be opened, or was lost under a job (for health; the job's reply has the error too).
    void sessionFailed(const machina::ConnectorError &error);

private:
    enum class AuthStep { None, PlainSent, LoginUser, LoginPassword, BearerSent, BearerError };
    enum class TxStep { Mail, Rcpt, Data354, Message250, Rset250 };
    enum class JobType { Open, Send, Noop, Close };

    struct Job
    {
        JobType type = JobType::Open;
        QPointer<ConnectorReply> reply;
        QString from;
        QStringList recipients;
        QByteArray message;
        bool smtpUtf8 = false;
        int attempts = 0;
        // transaction progress
        TxStep step = TxStep::Mail;
        bool pipelined = false;
        SmtpReply mailReply;
        QList<RecipientResult> results;
        ConnectorError pendingError;   ///< reported once RSET has been answered
        bool messageWritten = false;
    };

    void setState(State state);
    void enqueue(Job job);
    void process();
    void startConnection();
    void startJob();
    void finishJob(const ConnectorError &error = {});
    void failConnection(const ConnectorError &error);
    void dropSocket();
    void write(const QByteArray &bytes, const QByteArray &logText = {});
    void arm(const QString &waitingFor);

    void onConnected();
    void onEncrypted();
    void onReceived(const QByteArray &bytes);
    void onClosedByPeer();
    void onLineFailed(const ConnectorError &error);

    void handleReply(const SmtpReply &reply);
    void handleGreeting(const SmtpReply &reply);
    void handleEhlo(const SmtpReply &reply, bool wasHelo);
    void handleStartTls(const SmtpReply &reply);
    void startAuth();
    void fetchBearer();
    void sendBearer(const QString &token);
    /// A refused bearer token: true when a fresh one is being fetched for a second try.
    bool retryBearer();
    void handleAuth(const SmtpReply &reply);
    void sessionReady();
    void startTransaction();
    void handleTransaction(const SmtpReply &reply);
    void handleLostSession(const ConnectorError &error);
    QString endpoint() const;
    QByteArray heloName() const;

    SmtpSettings m_settings;
    State m_state = State::Disconnected;
    SecureLineTransport *m_line = nullptr;
    SmtpReplyParser m_parser;
    SmtpCapabilities m_caps;
    QQueue<Job> m_queue;
    std::optional<Job> m_current;
    AuthStep m_authStep = AuthStep::None;
    QByteArray m_xoauthChallenge;
    QByteArray m_authMechanism;        ///< being tried, then the one that worked
    QString m_bearer;                  ///< the token presented on this connection
    bool m_bearerRetried = false;      ///< one more token after a refusal, once a connection
    quint64 m_connection = 0;          ///< counts connections: a token fetched for an older one is dropped
    QString m_greeting;
    bool m_sessionReused = false;      ///< the current job runs on a session an earlier job opened
    bool m_startTlsDone = false;
};

} // namespace machina
