#include "googleauth.h"

#include "../secrets/credentialstore.h"

namespace machina {

QStringList GoogleAuth::requiredScopes()
{
    return {QStringLiteral("https://www.googleapis.com/auth/gmail.send"),
            QStringLiteral("https://www.googleapis.com/auth/gmail.modify")};
}

OAuthClientSpec GoogleAuth::spec(const GoogleClientSecrets &client, const QStringList &scopes, const QString &tokenKey)
{
    OAuthClientSpec spec;
    spec.providerName = QStringLiteral("Google");
    spec.clientId = client.clientId;
    spec.clientSecret = client.clientSecret;
    spec.authorizeUrl = client.authUri;
    spec.tokenUrl = client.tokenUri;
    spec.authorizeUrlName = QStringLiteral("auth_uri");
    spec.tokenUrlName = QStringLiteral("token_uri");
    spec.requestedScopes = scopes;
    spec.requiredScopes = scopes;
    // Every interactive sign-in runs because no usable refresh token is left;
    // Google sends a new one only with access_type=offline and the consent screen shown.
    spec.authorizeParameters = {{QStringLiteral("access_type"), QStringLiteral("offline")},
                                {QStringLiteral("prompt"), QStringLiteral("consent")}};
    spec.tokenKey = tokenKey;
    spec.signInHint = QStringLiteral("`machina-mail gmail-login`");
    spec.clientHint = QStringLiteral("check the OAuth client file (a Desktop app client of your Google Cloud project)");
    return spec;
}

GoogleAuth::GoogleAuth(const GoogleClientSecrets &client, CredentialStore *store, QObject *parent)
    : OAuthSignIn(spec(client, requiredScopes(), CredentialStore::googleTokenKey(client.clientId)), store, parent)
{
}

} // namespace machina
