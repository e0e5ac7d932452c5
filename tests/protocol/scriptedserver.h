#pragma once

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTcpServer>

#include <memory>
#include <vector>

class QSslSocket;

/**
 * A line-protocol server for session tests: it listens on 127.0.0.1, port 0,
 * and plays one script per accepted connection, in the order they were added.
 * It runs on the event loop only (no blocking waits), so the client under
 * test and the server share the test's thread.
 *
 * A script is text in the transcript shape of our protocol logs, one step a
 * line (leading and trailing blanks are ignored, so scripts can be indented):
 *
 *     S: 220 mx.test ESMTP       the server writes "220 mx.test ESMTP\r\n"; consecutive
 *                                S: lines go out in one write, as a real server sends a
 *                                multi-line reply
 *     C: EHLO [127.0.0.1]        the next line the client sends must be exactly this
 *     C: EHLO *                  ... or start with "EHLO " (a trailing * is a wildcard)
 *     C:                         ... must be an empty line
 *     C?: QUIT                   like C:, but the client may also close without sending it
 *     raw: 220 go\r\n250 x\r\n   these bytes in one write (escapes \r \n \t \\ \xHH)
 *     starttls                   start TLS on this connection (server side) and wait for it
 *     wait-data                  read a DATA payload up to the line "." and keep it
 *                                (still dot-stuffed, with its CRLFs, without the ".\r\n")
 *     sleep 500                  say nothing for 500 ms
 *     close                      close the connection (TLS close_notify, then FIN)
 *     abort                      drop the connection at once
 *     # comment
 *
 * A client line that differs from the script is recorded as a mismatch and
 * the connection is dropped, so the client fails fast; so is any line after
 * the end of a script, a line sent in clear just before "starttls", and a
 * connection for which no script is left. Tests check mismatches() and
 * isComplete() at the end (see also verify()).
 *
 * In Mode::ImplicitTls every connection is TLS from its first byte. The
 * certificate is for "localhost" (SAN DNS:localhost, IP:127.0.0.1), signed by
 * a throwaway CA that certificates() creates once per process with the openssl
 * command; a client trusts it through clientTlsConfiguration().
 */
class ScriptedServer : public QTcpServer
{
    Q_OBJECT
public:
    enum class Mode { Plain, ImplicitTls };

    /// One line the client sent (CRLF removed) and when it arrived.
    struct ClientLine
    {
        int connection = 0;          ///< 1-based, in accept order
        QByteArray line;
        int chunk = 0;               ///< which read on that connection completed the line (1-based)
        int serverWritesBefore = 0;  ///< writes the server had made on that connection by then
    };

    /**
     * A script from a real session's transcript (the stderr of machina-mail
     * --verbose, or any log with "category: C: ..." / "S: ..." lines; other
     * lines are left out). What differs between runs becomes a wildcard:
     * redacted credentials ("AUTH PLAIN <redacted>" expects "AUTH PLAIN *") and
     * the Date and Message-ID header lines of a message. The transport's
     * "starttls" line becomes the starttls step.
     */
    static QByteArray scriptFromTranscript(const QByteArray &transcript);

    /// The throwaway CA and server certificate, as files in a temporary directory.
    struct Certificates
    {
        QString error;               ///< set when the openssl command failed
        QString caFile;              ///< PEM
        QString certificateFile;     ///< PEM, for localhost / 127.0.0.1
        QString keyFile;             ///< PEM, EC prime256v1
    };
    /// Generated on the first call, kept until the process exits.
    static const Certificates &certificates();
    /// A client configuration trusting the system CAs and, when @p trustTestCa, the test CA.
    static QSslConfiguration clientTlsConfiguration(bool trustTestCa = true);

    explicit ScriptedServer(Mode mode = Mode::Plain, QObject *parent = nullptr);
    ~ScriptedServer() override;

    /// Listens on 127.0.0.1 with a port the system picks; false (see errorString()) on failure.
    bool start();
    quint16 port() const { return serverPort(); }

    /// The script for the next connection to be accepted.
    void addConnection(const QByteArray &script);

    /// Connections accepted so far.
    int connectionCount() const { return int(m_connections.size()); }
    /// Connections that have been closed (by either side) so far.
    int closedCount() const;
    /// True when every script was played to its end (remaining C?: steps on a closed
    /// connection count as played) and no mismatch was recorded.
    bool isComplete() const;
    /// Empty when the client said what the scripts expected; otherwise one sentence per problem.
    QStringList mismatches() const { return m_mismatches; }
    /// Socket and TLS errors the server saw (a client refusing the certificate shows here).
    QStringList socketErrors() const { return m_socketErrors; }

    /// Every command line the client sent and a script step consumed (DATA payloads excluded).
    QList<ClientLine> clientLines() const { return m_clientLines; }
    /// The command lines of one connection (1-based), CRLF removed.
    QList<QByteArray> commands(int connection) const;
    /// The DATA payloads read by wait-data steps, in order.
    QList<QByteArray> dataPayloads() const { return m_payloads; }
    /// "1 S: 220 ..." / "1 C: EHLO ..." lines of everything said so far, for failure messages.
    QByteArray transcript() const { return m_transcript.join('\n'); }

    /// Mismatches, socket errors and the transcript in one string, for QVERIFY2 messages.
    QByteArray report() const;

Q_SIGNALS:
    void scriptCompleted(int connection);
    void connectionClosed(int connection);
    void mismatchFound(const QString &what);

protected:
    void incomingConnection(qintptr handle) override;

private:
    struct Step
    {
        enum class Kind { Send, Raw, Expect, ExpectOptional, StartTls, WaitData, Sleep, Close, Abort };
        Kind kind = Kind::Send;
        QByteArray text;
        int ms = 0;
    };
    struct Connection
    {
        int index = 0;
        QSslSocket *socket = nullptr;
        QList<Step> steps;
        qsizetype pos = 0;
        QByteArray partial;              ///< bytes of a line not yet complete
        QList<ClientLine> pending;       ///< complete lines no step has consumed yet
        int chunks = 0;
        int writes = 0;
        bool handshaking = false;
        bool sleeping = false;
        bool closed = false;
        bool running = false;
        bool completed = false;
        bool failed = false;
    };

    static QList<Step> parse(const QByteArray &script, QStringList *errors);
    static bool matches(const QByteArray &expected, const QByteArray &line);
    void run(Connection *c);
    void step(Connection *c, bool *wait);
    void onReadyRead(Connection *c);
    void onDisconnected(Connection *c);
    void write(Connection *c, const QByteArray &bytes);
    void fail(Connection *c, const QString &what);
    void log(const Connection *c, const QByteArray &line);

    Mode m_mode;
    QSslConfiguration m_serverTls;
    QList<QList<Step>> m_scripts;
    std::vector<std::unique_ptr<Connection>> m_connections;
    QStringList m_mismatches;
    QStringList m_socketErrors;
    QList<ClientLine> m_clientLines;
    QList<QByteArray> m_payloads;
    QByteArrayList m_transcript;
};
