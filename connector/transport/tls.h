#pragma once

#include "../connectorerror.h"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

class QSslSocket;

namespace machina {

/** TLS settings shared by every session: the system CAs plus the configured ca_file. */
namespace Tls {

/// A client configuration trusting the system CAs and @p extraCaFile (PEM) when set.
/// Fails with a Config error naming the file when it holds no certificate, and with a
/// Tls error when Qt has no TLS backend.
ConnectorError makeClientConfiguration(const QString &extraCaFile, QSslConfiguration *out);

/**
 * What a failed socket means, in a sentence, for a session to report:
 * name lookup and refused connections are Network errors, a failed handshake
 * is a Tls error naming the certificate problems in @p sslErrors.
 * @p serverKind is "SMTP" or "IMAP".
 */
ConnectorError socketError(const QSslSocket &socket, const QString &serverKind, const QString &host,
                           const QString &endpoint, const QList<QSslError> &sslErrors);

/// "certificate of smtp.example.com is not trusted (The issuer certificate of a locally looked up certificate could not be found)"
QString describeErrors(const QString &host, const QList<QSslError> &errors);

} // namespace Tls
} // namespace machina
