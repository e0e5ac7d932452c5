#include "oauthtokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace machina {

QByteArray OAuthTokens::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("access_token"), accessToken);
    json.insert(QStringLiteral("refresh_token"), refreshToken);
    if (expiresAt.isValid())
        json.insert(QStringLiteral("expires_at"), expiresAt.toUTC().toString(Qt::ISODate));
    json.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(grantedScopes));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

std::optional<OAuthTokens> OAuthTokens::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    OAuthTokens tokens;
    tokens.accessToken = object.value(QStringLiteral("access_token")).toString();
    tokens.refreshToken = object.value(QStringLiteral("refresh_token")).toString();
    if (tokens.accessToken.isEmpty() && tokens.refreshToken.isEmpty())
        return std::nullopt;
    const QString expiresAt = object.value(QStringLiteral("expires_at")).toString();
    if (!expiresAt.isEmpty()) {
        tokens.expiresAt = QDateTime::fromString(expiresAt, Qt::ISODate).toUTC();
        if (!tokens.expiresAt.isValid())
            return std::nullopt;
    }
    const QJsonArray scopes = object.value(QStringLiteral("scopes")).toArray();
    for (const QJsonValue &scope : scopes) {
        if (scope.isString())
            tokens.grantedScopes.append(scope.toString());
    }
    return tokens;
}

} // namespace machina
