#pragma once

// What the OAuth stand-ins (FakeGoogle, FakeIdentityPlatform) share beyond
// HTTP: random codes and tokens, and the server's side of PKCE (RFC 7636).

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QString>

namespace standin {

/// @p bytes random bytes as base64url without padding (codes, tokens).
inline QByteArray randomBase64Url(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (char &c : data)
        c = char(QRandomGenerator::global()->bounded(256));
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/// RFC 7636 section 4.2: BASE64URL(SHA256(verifier)), as the server recomputes it.
inline QString pkceChallenge(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// RFC 7636 section 4.1: 43-128 unreserved characters.
inline bool isValidVerifier(const QString &verifier)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9\\-._~]{43,128}$"));
    return re.match(verifier).hasMatch();
}

} // namespace standin
