#include "tls.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslSocket>
#include <QStringList>

namespace machina::Tls {

ConnectorError makeClientConfiguration(const QString &extraCaFile, QSslConfiguration *out)
{
    if (!QSslSocket::supportsSsl()) {
        return {ConnectorError::Kind::Tls,
                QCoreApplication::translate("machina::Tls", "No TLS support: Qt found no TLS backend (install the OpenSSL 3 "
                                                            "libraries and Qt's TLS plugins, package libqt6network6).")};
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::SecureProtocols);
    if (!extraCaFile.isEmpty()) {
        QFile file(extraCaFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return {ConnectorError::Kind::Config,
                    QStringLiteral("ca_file: %1").arg(QCoreApplication::translate("machina::Tls", "cannot read %1: %2").arg(extraCaFile, file.errorString()))};
        }
        const QList<QSslCertificate> certs = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (certs.isEmpty()) {
            return {ConnectorError::Kind::Config,
                    QStringLiteral("ca_file: %1").arg(QCoreApplication::translate("machina::Tls", "%1 holds no PEM certificate").arg(extraCaFile))};
        }
        config.addCaCertificates(certs);
    }
    *out = config;
    return {};
}

ConnectorError socketError(const QSslSocket &socket, const QString &serverKind, const QString &host,
                           const QString &endpoint, const QList<QSslError> &sslErrors)
{
    using Kind = ConnectorError::Kind;
    switch (socket.error()) {
    case QAbstractSocket::HostNotFoundError:
        return {Kind::Network, QCoreApplication::translate("machina::Tls", "Cannot find the %1 server %2: %3").arg(serverKind, host, socket.errorString())};
    case QAbstractSocket::ConnectionRefusedError:
        return {Kind::Network, QCoreApplication::translate("machina::Tls", "%1 refused the connection (is the server running, is the port right?).")
                                   .arg(endpoint)};
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInvalidUserDataError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::RemoteHostClosedError: // during a handshake: the server gave up on us
        return {Kind::Tls, sslErrors.isEmpty()
                               ? QCoreApplication::translate("machina::Tls", "TLS handshake with %1 failed: %2").arg(endpoint, socket.errorString())
                               : describeErrors(endpoint, sslErrors)};
    default:
        return {Kind::Network, QCoreApplication::translate("machina::Tls", "Network error with %1: %2").arg(endpoint, socket.errorString())};
    }
}

QString describeErrors(const QString &host, const QList<QSslError> &errors)
{
    QStringList reasons;
    for (const QSslError &e : errors) {
        if (!reasons.contains(e.errorString()))
            reasons.append(e.errorString());
    }
    return QCoreApplication::translate("machina::Tls", "TLS certificate of %1 was not accepted: %2")
        .arg(host, reasons.join(QStringLiteral("; ")));
}

} // namespace machina::Tls
