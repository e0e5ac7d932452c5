#pragma once

#include "../oauth/oauthsignin.h"
#include "googleclientsecrets.h"

namespace machina {

using GoogleTokens = OAuthTokens;

/**
 * Google sign-in for the Gmail API: OAuthSignIn with a Desktop app client
 * file, the scopes gmail.send and gmail.modify, access_type=offline and
 * prompt=consent (Google sends a refresh token only with the consent screen
 * shown), tokens under CredentialStore::googleTokenKey(client_id).
 */
class GoogleAuth : public OAuthSignIn
{
    Q_OBJECT
public:
    /// gmail.send + gmail.modify (modify covers reading and marking read).
    static QStringList requiredScopes();
    /// The flow's description for @p client (also used for Gmail over IMAP with other scopes).
    static OAuthClientSpec spec(const GoogleClientSecrets &client, const QStringList &scopes, const QString &tokenKey);

    GoogleAuth(const GoogleClientSecrets &client, CredentialStore *store, QObject *parent = nullptr);
};

} // namespace machina
