#pragma once

#include "../connectorerror.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <QTimer>

class QLoggingCategory;
class QSslSocket;

namespace machina {

/** Where and how one session reaches its server. */
struct TransportSettings
{
    QString protocol;              ///< "SMTP" or "IMAP", for error sentences
    QString host;
    quint16 port = 0;
    bool implicitTls = true;       ///< true: TLS from the first byte; false: the session asks for STARTTLS
    QSslConfiguration tls;         ///< trust store (Tls::makeClientConfiguration); verification is always on
    int timeoutMs = 30000;         ///< for each step the session arms
};

/**
 * The secure line under a mail session (SMTP or IMAP): it owns the
 * QSslSocket and does what both protocols need of it, so that a session only
 * speaks its protocol.
 *
 * - Implicit TLS from the first byte, or STARTTLS when the session has the
 *   server's go-ahead: startTls() throws away whatever arrived in clear after
 *   it, since a man in the middle may have put it there.
 * - Certificate verification against the system CAs plus ca_file, never
 *   weakened; a refused certificate is a Tls error that says why.
 * - The step timer: arm() before waiting for the server; reads and writes
 *   that make progress restart it; silence beyond the limit is a Timeout error.
 * - The transcript: with the session's logging category at debug level, every
 *   line sent is logged as "C: ..." and every line received as "S: ...",
 *   whole multi-line replies included, in the shape the scripted test server
 *   replays. What a session writes with a log text (credentials) is logged as
 *   that text only.
 *
 * Failures and the peer's close end the line: failed() or closedByPeer() is
 * emitted once, after the socket is gone. close() ends it quietly.
 *
 *     Closed --open()--> Connecting --TCP up: connected()--> Connected (clear) | Handshaking (implicit TLS)
 *     Connected --startTls()--> Handshaking --encrypted()--> Encrypted
 *     any --failed() / closedByPeer() / close()--> Closed
 *
 * The test seam is the peer: tests run it against an in-process scripted
 * server on a loopback port with a throwaway CA.
 */
class SecureLineTransport : public QObject
{
    Q_OBJECT
public:
    using LogCategory = const QLoggingCategory &(*)();

    /// @p category receives the transcript ("machina.smtp", "machina.imap").
    explicit SecureLineTransport(LogCategory category, QObject *parent = nullptr);
    ~SecureLineTransport() override;

    /// Connects to @p settings' host and port (with TLS at once when implicitTls); closes any line first.
    void open(const TransportSettings &settings);
    /// Sends @p bytes; the transcript shows @p logText instead when it is given (secrets, literals).
    void write(const QByteArray &bytes, const QByteArray &logText = {});
    /**
     * Starts TLS on a clear line after the server's go-ahead (RFC 3207 4.2,
     * RFC 3501 6.2.1). Bytes that arrived after the go-ahead are discarded
     * unread; @p sessionBuffered is what the session's parser holds of them
     * (the session resets its parser). Returns the number of bytes discarded.
     */
    qsizetype startTls(qsizetype sessionBuffered);
    /// Ends the line at once; no signal follows.
    void close();
    /// Writes @p goodbye (a QUIT after a refused login), then closes without waiting for the answer.
    void closeAfter(const QByteArray &goodbye);

    /// Starts (or restarts) the step timer: failed() with a Timeout error when the server says nothing for timeoutMs.
    void arm(const QString &waitingFor);
    void disarm();
    QString waitingFor() const { return m_waitingFor; }

    bool isOpen() const { return m_socket != nullptr; }
    bool isEncrypted() const;
    bool isHandshaking() const { return m_handshaking; }
    /// "TLSv1.3" once encrypted, empty before.
    QString tlsProtocol() const { return m_tlsProtocol; }
    /// The server's certificate from the last handshake (null before one).
    QSslCertificate peerCertificate() const { return m_peerCertificate; }
    QHostAddress localAddress() const;
    /// "host:port", for sentences.
    QString endpoint() const;
    TransportSettings settings() const { return m_settings; }

Q_SIGNALS:
    /// TCP is up. With implicit TLS the handshake is running; encrypted() follows.
    void connected();
    /// The TLS handshake ended well (implicit TLS, or after startTls()).
    void encrypted();
    /// Bytes from the server, in order.
    void received(const QByteArray &bytes);
    /// The server closed the connection; the line is closed.
    void closedByPeer();
    /// The socket, the handshake or the step timer failed; the line is closed.
    void failed(const machina::ConnectorError &error);

private:
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void onTimeout();
    void drop();
    void logLines(const char *direction, const QByteArray &bytes, QByteArray *partial);

    LogCategory m_category;
    TransportSettings m_settings;
    QSslSocket *m_socket = nullptr;
    QTimer m_timer;
    QString m_waitingFor;
    QList<QSslError> m_sslErrors;
    QString m_tlsProtocol;
    QSslCertificate m_peerCertificate;
    bool m_handshaking = false;
    QByteArray m_serverPartial;    ///< a received line not yet complete, for the transcript
    QByteArray m_clientPartial;    ///< a sent line not yet complete (a literal), for the transcript
};

} // namespace machina
