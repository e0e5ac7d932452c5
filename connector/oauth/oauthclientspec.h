#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace machina {

/**
 * One OAuth 2.0 client at one provider: where to sign in, what to ask for,
 * what the grant must hold, and where the tokens live in the keychain.
 * OAuthSignIn runs the flow it describes.
 */
struct OAuthClientSpec
{
    QString providerName;         ///< "Google", "Microsoft": for sentences ("Microsoft sign-in was denied")
    QString clientId;
    QString clientSecret;         ///< empty for a public client (Microsoft): then none is sent; never logged
    QUrl authorizeUrl;
    QUrl tokenUrl;
    QString authorizeUrlName;     ///< what the config calls it, for errors ("auth_uri", "oauth2_authority")
    QString tokenUrlName;
    QStringList requestedScopes;  ///< the scope parameter, in order
    QStringList requiredScopes;   ///< what the grant must hold (offline_access is not echoed back, so not here)
    /// Added to the authorization request: Google's access_type/prompt, login_hint, ...
    QList<QPair<QString, QString>> authorizeParameters;
    QString tokenKey;             ///< the CredentialStore key of the tokens
    QString signInHint;           ///< how a person signs in again, for error sentences
    QString clientHint;           ///< appended to an invalid_client error: where the client id comes from
};

} // namespace machina
