#pragma once

#include "../connectorerror.h"

#include <QString>
#include <QUrl>
#include <optional>

namespace machina {

struct GoogleClientSecretsResult;

/**
 * Google's "Desktop app" OAuth client file (client_secret_*.json):
 * {"installed": {"client_id", "client_secret", "auth_uri", "token_uri", ...}}.
 * A "web" client, a missing file, bad JSON or a missing field is a Config
 * error naming the file and what is wrong.
 */
struct GoogleClientSecrets
{
    QString clientId;
    QString clientSecret;   ///< not secret for installed apps (Google says so), still never logged
    QUrl authUri;           ///< https://accounts.google.com/o/oauth2/auth
    QUrl tokenUri;          ///< https://oauth2.googleapis.com/token

    /// Defined after this class: std::optional needs GoogleClientSecrets complete.
    using Result = GoogleClientSecretsResult;
    static Result loadFile(const QString &path);
    static Result fromJson(const QByteArray &json, const QString &sourceName);

    /// https always; plain http only for loopback hosts (tests). Used for every Google URL.
    static bool isAcceptableUrl(const QUrl &url);
};

/// GoogleClientSecrets::Result: the secrets, or a Config error naming the file and the problem.
struct GoogleClientSecretsResult
{
    std::optional<GoogleClientSecrets> secrets;
    ConnectorError error;
};

} // namespace machina
