#include "securelinetransport.h"

#include "tls.h"

#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslSocket>

namespace machina {

using Kind = ConnectorError::Kind;

namespace {

QString protocolName(QSsl::SslProtocol p)
{
    switch (p) {
    case QSsl::TlsV1_2: return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3: return QStringLiteral("TLSv1.3");
    default: return QStringLiteral("TLS");
    }
}

} // namespace

SecureLineTransport::SecureLineTransport(LogCategory category, QObject *parent)
    : QObject(parent), m_category(category)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SecureLineTransport::onTimeout);
}

SecureLineTransport::~SecureLineTransport()
{
    close();
}

QString SecureLineTransport::endpoint() const
{
    return QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port);
}

bool SecureLineTransport::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

QHostAddress SecureLineTransport::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress(QHostAddress::LocalHost);
}

void SecureLineTransport::open(const TransportSettings &settings)
{
    close();
    m_settings = settings;
    m_sslErrors.clear();
    m_tlsProtocol.clear();
    m_peerCertificate.clear();
    m_serverPartial.clear();
    m_handshaking = false;

    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(m_settings.tls);
    m_socket->setPeerVerifyName(m_settings.host);
    connect(m_socket, &QSslSocket::connected, this, &SecureLineTransport::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SecureLineTransport::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &SecureLineTransport::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &SecureLineTransport::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SecureLineTransport::onSocketError);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails, and the error names these.
        m_sslErrors = errors;
        qCDebug(m_category).noquote() << Tls::describeErrors(endpoint(), errors);
    });
    connect(m_socket, &QSslSocket::bytesWritten, this, [this] {
        if (m_timer.isActive())
            m_timer.start(); // a large message still flowing is progress
    });

    qCDebug(m_category) << "connecting to" << endpoint() << (m_settings.implicitTls ? "with TLS" : "for STARTTLS");
    if (m_settings.implicitTls)
        m_socket->connectToHostEncrypted(m_settings.host, m_settings.port, m_settings.host);
    else
        m_socket->connectToHost(m_settings.host, m_settings.port);
    arm(tr("the TCP connection"));
}

void SecureLineTransport::write(const QByteArray &bytes, const QByteArray &logText)
{
    if (!m_socket)
        return;
    if (m_category().isDebugEnabled()) {
        QByteArray partial;
        logLines("C:", logText.isEmpty() ? bytes : logText + "\r\n", &partial);
    }
    m_socket->write(bytes);
}

qsizetype SecureLineTransport::startTls(qsizetype sessionBuffered)
{
    if (!m_socket)
        return 0;
    const qsizetype injected = sessionBuffered + m_socket->bytesAvailable();
    if (injected > 0) {
        qCWarning(m_category) << "discarding" << injected << "bytes" << endpoint() << "sent before the TLS handshake";
        m_socket->readAll();
    }
    m_serverPartial.clear();
    m_handshaking = true;
    qCDebug(m_category).noquote() << "starttls";   // the transcript's mark: the scripted server's "starttls" step
    m_socket->startClientEncryption();
    arm(tr("the TLS handshake"));
    return injected;
}

void SecureLineTransport::close()
{
    drop();
}

void SecureLineTransport::closeAfter(const QByteArray &goodbye)
{
    if (m_socket) {
        m_socket->disconnect(this);
        write(goodbye);
        m_socket->flush();
    }
    drop();
}

void SecureLineTransport::arm(const QString &waitingFor)
{
    m_waitingFor = waitingFor;
    m_timer.start(m_settings.timeoutMs);
}

void SecureLineTransport::disarm()
{
    m_timer.stop();
}

void SecureLineTransport::drop()
{
    m_timer.stop();
    m_handshaking = false;
    if (!m_socket)
        return;
    QSslSocket *old = m_socket;
    m_socket = nullptr;
    old->disconnect(this);
    old->abort();
    old->deleteLater();
}

void SecureLineTransport::onConnected()
{
    // Whole commands go out in one write; without Nagle they also go at once
    // (Nagle plus delayed ACK costs 40 ms a round trip on loopback).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    if (m_settings.implicitTls) {
        m_handshaking = true;
        arm(tr("the TLS handshake"));
    }
    Q_EMIT connected();
}

void SecureLineTransport::onEncrypted()
{
    m_handshaking = false;
    m_tlsProtocol = protocolName(m_socket->sessionProtocol());
    m_peerCertificate = m_socket->peerCertificate();
    qCDebug(m_category) << "TLS established:" << m_tlsProtocol << m_socket->sessionCipher().name();
    Q_EMIT encrypted();
}

void SecureLineTransport::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    // A big FETCH still arriving is progress, not a stalled server.
    if (m_timer.isActive())
        m_timer.start();
    if (m_category().isDebugEnabled())
        logLines("S:", bytes, &m_serverPartial);
    Q_EMIT received(bytes);
}

void SecureLineTransport::onDisconnected()
{
    drop();
    Q_EMIT closedByPeer();
}

void SecureLineTransport::onSocketError()
{
    if (!m_socket)
        return;
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError && !m_handshaking)
        return; // disconnected() follows
    const ConnectorError error = Tls::socketError(*m_socket, m_settings.protocol, m_settings.host, endpoint(), m_sslErrors);
    drop();
    Q_EMIT failed(error);
}

void SecureLineTransport::onTimeout()
{
    const ConnectorError error(Kind::Timeout, tr("%1 did not answer within %2 s (waiting for %3).")
                                                  .arg(endpoint()).arg(m_settings.timeoutMs / 1000.0).arg(m_waitingFor));
    drop();
    Q_EMIT failed(error);
}

/// One transcript line per CRLF-ended line of @p bytes; an unfinished last line waits in @p partial.
void SecureLineTransport::logLines(const char *direction, const QByteArray &bytes, QByteArray *partial)
{
    partial->append(bytes);
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = partial->indexOf('\n', start);
        if (end < 0)
            break;
        QByteArray line = partial->mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        qCDebug(m_category).noquote() << direction << QString::fromUtf8(line);
        start = end + 1;
    }
    partial->remove(0, start);
}

} // namespace machina
