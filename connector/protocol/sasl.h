#pragma once

#include <QByteArray>
#include <QString>

namespace machina {

/**
 * The SASL initial responses both protocols send (IMAP AUTHENTICATE, SMTP
 * AUTH), base64-encoded as both put them on the wire.
 */
namespace Sasl {

/// RFC 4616 PLAIN: base64("\0user\0password"), no authorisation identity.
QByteArray plain(const QString &username, const QString &password);
/// Google's and Microsoft's XOAUTH2: base64("user=U\x01auth=Bearer T\x01\x01").
QByteArray xoauth2(const QString &username, const QString &accessToken);

} // namespace Sasl
} // namespace machina
