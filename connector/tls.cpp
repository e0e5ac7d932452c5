#include "tls.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslSocket>
#include <QStringList>

namespace machina::Tls {

ConnectorError makeClientConfiguration(const QString &extraCaFile, QSslConfiguration *out)
{
    if (!QSslSocket::supportsSsl()) {
        return {ConnectorError::Kind::Tls,
                QStringLiteral("No TLS support: Qt found no TLS backend (install the OpenSSL 3 "
                               "libraries and Qt's TLS plugins, package libqt6network6).")};
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::SecureProtocols);
    if (!extraCaFile.isEmpty()) {
        QFile file(extraCaFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return {ConnectorError::Kind::Config,
                    QStringLiteral("ca_file: cannot read %1: %2").arg(extraCaFile, file.errorString())};
        }
        const QList<QSslCertificate> certs = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (certs.isEmpty()) {
            return {ConnectorError::Kind::Config,
                    QStringLiteral("ca_file: %1 holds no PEM certificate").arg(extraCaFile)};
        }
        config.addCaCertificates(certs);
    }
    *out = config;
    return {};
}

QString describeErrors(const QString &host, const QList<QSslError> &errors)
{
    QStringList reasons;
    for (const QSslError &e : errors) {
        if (!reasons.contains(e.errorString()))
            reasons.append(e.errorString());
    }
    return QStringLiteral("TLS certificate of %1 was not accepted: %2")
        .arg(host, reasons.join(QStringLiteral("; ")));
}

} // namespace machina::Tls
