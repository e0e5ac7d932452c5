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
