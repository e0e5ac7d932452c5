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
/**
 * RFC 7628 OAUTHBEARER: base64("n,a=U,\x01host=H\x01port=P\x01auth=Bearer T\x01\x01"),
 * with ',' and '=' in U escaped as =2C and =3D (RFC 5801 saslname).
 */
QByteArray oauthBearer(const QString &username, const QString &host, quint16 port, const QString &accessToken);
/// RFC 7628 3.2.3: the answer to a server's error challenge, a lone %x01, base64.
QByteArray oauthBearerErrorAck();
/// A base64 JSON error challenge (XOAUTH2, OAUTHBEARER) as printable text, at most 200 characters, for messages.
QString challengeText(const QByteArray &base64Challenge);

} // namespace Sasl
} // namespace machina
