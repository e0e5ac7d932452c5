#pragma once

#include "../config/connectorconfig.h"
#include "oauthclientspec.h"

namespace machina {

/**
 * The OAuth client of an IMAP/SMTP account (oauth2_provider set):
 *
 *   microsoft  {authority}/{tenant}/oauth2/v2.0/authorize and /token, authority
 *              https://login.microsoftonline.com by default, a public client (no
 *              secret), scopes offline_access + IMAP.AccessAsUser.All + SMTP.Send
 *              of https://outlook.office.com, login_hint = username
 *   google     Google's endpoints (or oauth2_authority's /o/oauth2/v2/auth and /token),
 *              scope https://mail.google.com/, the client id and secret from
 *              oauth2_client_secret_file when given, access_type=offline
 *   custom     oauth2_authorize_url, oauth2_token_url, oauth2_scopes
 *
 * The tokens are kept under CredentialStore::oauthTokenKey(). Errors (an
 * unreadable client file) are Config errors naming the key.
 */
ConnectorError mailOAuthSpec(const ConnectorConfig &config, OAuthClientSpec *out);

/// What the console and the CLI show for oauth2_provider ("Microsoft 365", "Google", ...).
QString mailOAuthProviderName(const QString &provider);

} // namespace machina
