#include "mailoauthspec.h"

#include "../gmail/googleclientsecrets.h"
#include "../secrets/credentialstore.h"

#include <QCoreApplication>

namespace machina {

namespace {

QString joinUrl(QString base, const QString &path)
{
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + path;
}

} // namespace

QString mailOAuthProviderName(const QString &provider)
{
    if (provider == QLatin1String("microsoft"))
        return QStringLiteral("Microsoft");
    if (provider == QLatin1String("google"))
        return QStringLiteral("Google");
    return QCoreApplication::translate("machina::MailOAuth", "the identity provider");
}

ConnectorError mailOAuthSpec(const ConnectorConfig &config, OAuthClientSpec *out)
{
    if (const ConnectorError invalid = config.validate())
        return invalid;
    if (!config.usesOAuth2())
        return {ConnectorError::Kind::Config, QCoreApplication::translate("machina::MailOAuth", "oauth2_provider: not set")};

    const QString provider = config.oauth2Provider;
    OAuthClientSpec spec;
    spec.providerName = mailOAuthProviderName(provider);
    spec.clientId = config.oauth2ClientId.trimmed();
    spec.signInHint = QStringLiteral("`machina-mail oauth-login`");
    spec.authorizeUrlName = QStringLiteral("oauth2_authority");
    spec.tokenUrlName = QStringLiteral("oauth2_authority");
    spec.clientHint = QCoreApplication::translate("machina::MailOAuth",
                                                  "check oauth2_client_id (an app registered as a desktop/mobile client)");

    if (provider == QLatin1String("microsoft")) {
        const QString authority = config.oauth2Authority.isEmpty() ? QStringLiteral("https://login.microsoftonline.com")
                                                                   : config.oauth2Authority;
        const QString base = joinUrl(authority, QLatin1Char('/') + config.oauth2Tenant + QStringLiteral("/oauth2/v2.0"));
        spec.authorizeUrl = QUrl(base + QStringLiteral("/authorize"));
        spec.tokenUrl = QUrl(base + QStringLiteral("/token"));
        const QStringList mail = {QStringLiteral("https://outlook.office.com/IMAP.AccessAsUser.All"),
                                  QStringLiteral("https://outlook.office.com/SMTP.Send")};
        spec.requestedScopes = QStringList{QStringLiteral("offline_access")} + mail;
        spec.requiredScopes = mail;   // Microsoft does not echo offline_access in the grant
        spec.authorizeParameters = {{QStringLiteral("login_hint"), config.username},
                                    {QStringLiteral("prompt"), QStringLiteral("select_account")}};
    } else if (provider == QLatin1String("google")) {
        if (!config.oauth2ClientSecretFile.isEmpty()) {
            const GoogleClientSecrets::Result loaded = GoogleClientSecrets::loadFile(config.oauth2ClientSecretFile);
            if (loaded.error) {
                return {ConnectorError::Kind::Config,
                        QStringLiteral("oauth2_client_secret_file: %1").arg(loaded.error.message())};
            }
            if (spec.clientId.isEmpty())
                spec.clientId = loaded.secrets->clientId;
            spec.clientSecret = loaded.secrets->clientSecret;
        }
        if (config.oauth2Authority.isEmpty()) {
            spec.authorizeUrl = QUrl(QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth"));
            spec.tokenUrl = QUrl(QStringLiteral("https://oauth2.googleapis.com/token"));
        } else {
            spec.authorizeUrl = QUrl(joinUrl(config.oauth2Authority, QStringLiteral("/o/oauth2/v2/auth")));
            spec.tokenUrl = QUrl(joinUrl(config.oauth2Authority, QStringLiteral("/token")));
        }
        spec.requestedScopes = {QStringLiteral("https://mail.google.com/")};
        spec.requiredScopes = spec.requestedScopes;
        spec.authorizeParameters = {{QStringLiteral("access_type"), QStringLiteral("offline")},
                                    {QStringLiteral("prompt"), QStringLiteral("consent")},
                                    {QStringLiteral("login_hint"), config.username}};
    } else {
        spec.authorizeUrl = QUrl(config.oauth2AuthorizeUrl);
        spec.tokenUrl = QUrl(config.oauth2TokenUrl);
        spec.authorizeUrlName = QStringLiteral("oauth2_authorize_url");
        spec.tokenUrlName = QStringLiteral("oauth2_token_url");
        spec.requestedScopes = config.oauth2Scopes.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        spec.requiredScopes = spec.requestedScopes;
        spec.requiredScopes.removeAll(QStringLiteral("offline_access"));
        spec.authorizeParameters = {{QStringLiteral("login_hint"), config.username}};
    }
    spec.tokenKey = CredentialStore::oauthTokenKey(provider, spec.clientId, config.username);
    *out = spec;
    return {};
}

} // namespace machina
