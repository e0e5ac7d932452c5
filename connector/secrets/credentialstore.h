#pragma once

#include "../connectorreply.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace machina {

/** The result of one keychain operation. */
class CredentialReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;

    /// The secret read (readSecret only); empty when notFound().
    QByteArray secret() const { return m_secret; }
    /// readSecret/deleteSecret: the keychain holds no entry for the key (not an error).
    bool notFound() const { return m_notFound; }

    void setSecret(const QByteArray &secret) { m_secret = secret; }
    void setNotFound(bool notFound) { m_notFound = notFound; }

private:
    QByteArray m_secret;
    bool m_notFound = false;
};

/**
 * The only place passwords and OAuth tokens are read or written: the OS
 * keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
 * Credential Manager on Windows), service name "machina-console", one entry
 * per key. There is no plaintext fallback: without a reachable keychain every
 * operation fails with a Config error saying what is missing and what to do.
 *
 * Keys used by the connector:
 *   "password:<username>"          the SMTP/IMAP password of an account
 *   "google-oauth:<client_id>"     Google tokens (JSON) for one OAuth client (Gmail API)
 *   "oauth2:<provider>:<client_id>:<username>"  IMAP/SMTP OAuth tokens (JSON) of an account
 */
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    static QString serviceName() { return QStringLiteral("machina-console"); }

    explicit CredentialStore(QObject *parent = nullptr);

    CredentialReply *readSecret(const QString &key);
    CredentialReply *writeSecret(const QString &key, const QByteArray &secret);
    CredentialReply *deleteSecret(const QString &key);
    /// Checks that a keychain is reachable and unlocked (a read of a probe key).
    CredentialReply *probe();

    static QString passwordKey(const QString &username) { return QStringLiteral("password:") + username; }
    static QString googleTokenKey(const QString &clientId) { return QStringLiteral("google-oauth:") + clientId; }
    static QString oauthTokenKey(const QString &provider, const QString &clientId, const QString &username)
    {
        return QStringLiteral("oauth2:%1:%2:%3").arg(provider, clientId, username);
    }
};

} // namespace machina
