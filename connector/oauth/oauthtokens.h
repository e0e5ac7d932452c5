#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace machina {

/** What OAuthSignIn keeps in the keychain (as JSON) and hands to the clients. */
struct OAuthTokens
{
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt;          ///< UTC
    QStringList grantedScopes;

    bool isValid() const { return !accessToken.isEmpty(); }
    bool isExpired(int marginSeconds = 60) const
    {
        return !expiresAt.isValid() || QDateTime::currentDateTimeUtc().addSecs(marginSeconds) >= expiresAt;
    }
    QByteArray toJson() const;
    static std::optional<OAuthTokens> fromJson(const QByteArray &json);
};

} // namespace machina
