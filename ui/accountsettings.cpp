#include "accountsettings.h"

#include <QSettings>

namespace machina {

namespace {

const QString Group = QStringLiteral("account");

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

ConnectorConfig AccountSettings::load(QSettings &settings)
{
    ConnectorConfig config;
    settings.beginGroup(Group);
    config.smtpHost = settings.value(key("smtp_host"), config.smtpHost).toString();
    config.smtpPort = settings.value(key("smtp_port"), config.smtpPort).toInt();
    config.imapHost = settings.value(key("imap_host"), config.imapHost).toString();
    config.imapPort = settings.value(key("imap_port"), config.imapPort).toInt();
    config.username = settings.value(key("username"), config.username).toString();
    config.useTls = settings.value(key("use_tls"), config.useTls).toBool();
    config.fromAddress = settings.value(key("from_address"), config.fromAddress).toString();
    config.gmailCredentialsFile = settings.value(key("gmail_credentials_file"), config.gmailCredentialsFile).toString();
    config.pollInterval = settings.value(key("poll_interval"), config.pollInterval).toInt();
    config.caFile = settings.value(key("ca_file"), config.caFile).toString();
    config.gmailApiUrl = settings.value(key("gmail_api_url"), config.gmailApiUrl).toString();
    config.timeout = settings.value(key("timeout"), config.timeout).toInt();
    config.canaryInterval = settings.value(key("canary_interval"), config.canaryInterval).toInt();
    config.oauth2Provider = settings.value(key("oauth2_provider"), config.oauth2Provider).toString();
    config.oauth2ClientId = settings.value(key("oauth2_client_id"), config.oauth2ClientId).toString();
    config.oauth2ClientSecretFile = settings.value(key("oauth2_client_secret_file"), config.oauth2ClientSecretFile).toString();
    config.oauth2Tenant = settings.value(key("oauth2_tenant"), config.oauth2Tenant).toString();
    config.oauth2Authority = settings.value(key("oauth2_authority"), config.oauth2Authority).toString();
    config.oauth2AuthorizeUrl = settings.value(key("oauth2_authorize_url"), config.oauth2AuthorizeUrl).toString();
    config.oauth2TokenUrl = settings.value(key("oauth2_token_url"), config.oauth2TokenUrl).toString();
    config.oauth2Scopes = settings.value(key("oauth2_scopes"), config.oauth2Scopes).toString();
    settings.endGroup();
    return config;
}

void AccountSettings::save(QSettings &settings, const ConnectorConfig &config)
{
    settings.beginGroup(Group);
    settings.setValue(key("smtp_host"), config.smtpHost);
    settings.setValue(key("smtp_port"), config.smtpPort);
    settings.setValue(key("imap_host"), config.imapHost);
    settings.setValue(key("imap_port"), config.imapPort);
    settings.setValue(key("username"), config.username);
    settings.setValue(key("use_tls"), config.useTls);
    settings.setValue(key("from_address"), config.fromAddress);
    settings.setValue(key("gmail_credentials_file"), config.gmailCredentialsFile);
    settings.setValue(key("poll_interval"), config.pollInterval);
    settings.setValue(key("ca_file"), config.caFile);
    settings.setValue(key("gmail_api_url"), config.gmailApiUrl);
    settings.setValue(key("timeout"), config.timeout);
    settings.setValue(key("canary_interval"), config.canaryInterval);
    // OAuth: where to sign in; the tokens themselves live in the keychain only.
    settings.setValue(key("oauth2_provider"), config.oauth2Provider);
    settings.setValue(key("oauth2_client_id"), config.oauth2ClientId);
    settings.setValue(key("oauth2_client_secret_file"), config.oauth2ClientSecretFile);
    settings.setValue(key("oauth2_tenant"), config.oauth2Tenant);
    settings.setValue(key("oauth2_authority"), config.oauth2Authority);
    settings.setValue(key("oauth2_authorize_url"), config.oauth2AuthorizeUrl);
    settings.setValue(key("oauth2_token_url"), config.oauth2TokenUrl);
    settings.setValue(key("oauth2_scopes"), config.oauth2Scopes);
    // Passwords belong to the keychain only; never leave one behind here.
    settings.remove(key("password"));
    settings.endGroup();
}

bool AccountSettings::hasAccount(QSettings &settings)
{
    settings.beginGroup(Group);
    const bool has = !settings.value(key("smtp_host")).toString().trimmed().isEmpty()
        || !settings.value(key("gmail_credentials_file")).toString().trimmed().isEmpty();
    settings.endGroup();
    return has;
}

} // namespace machina
