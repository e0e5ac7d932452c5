#include "storelocation.h"

#include "../gmail/googleclientsecrets.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStandardPaths>

namespace machina::StoreLocation {

QString accountKey(const ConnectorConfig &config)
{
    const QString user = config.username.toLower();
    if (config.isGmail()) {
        const GoogleClientSecrets::Result secrets = GoogleClientSecrets::loadFile(config.gmailCredentialsFile);
        // An unreadable client file fails elsewhere with its own error; its path still names the client.
        const QString client = secrets.secrets ? secrets.secrets->clientId : config.gmailCredentialsFile;
        return QStringLiteral("gmail|%1|%2").arg(client, user);
    }
    return QStringLiteral("imap-smtp|%1|%2:%3|%4:%5")
        .arg(user, config.imapHost.toLower()).arg(config.imapPort).arg(config.smtpHost.toLower()).arg(config.smtpPort);
}

QString pathFor(const ConnectorConfig &config)
{
    const QByteArray hash = QCryptographicHash::hash(accountKey(config).toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    // The username, readable, for a person looking into the folder; the hash tells accounts apart.
    QString name = config.username.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9@._-]")), QStringLiteral("_"));
    if (name.isEmpty())
        name = QStringLiteral("account");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/machina-console/stores/%1-%2.sqlite").arg(name.left(64), QString::fromLatin1(hash));
}

} // namespace machina::StoreLocation
