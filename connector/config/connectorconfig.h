#pragma once

#include "../connectorerror.h"
#include "../workorders/workordersettings.h"

#include <QString>
#include <optional>

namespace machina {

/**
 * Every setting of the reference EmailConnector, with its names and defaults,
 * plus the ones we add (ca_file, gmail_api_url, timeout).
 */
struct ConnectorConfig
{
    QString smtpHost;                 ///< smtp_host
    int smtpPort = 465;               ///< smtp_port (465: implicit TLS)
    QString imapHost;                 ///< imap_host
    int imapPort = 993;               ///< imap_port (993: implicit TLS)
    QString username;                 ///< username
    QString password;                 ///< password (usually ${EMAIL_PASSWORD}); empty: ask the keychain
    bool useTls = true;               ///< use_tls: true = TLS from the first byte, false = STARTTLS (never plaintext)
    QString fromAddress;              ///< from_address; empty means username, see effectiveFromAddress()
    QString gmailCredentialsFile;     ///< gmail_credentials_file; set = Gmail API mode
    int pollInterval = 30;            ///< poll_interval, seconds
    QString caFile;                   ///< ca_file: extra trusted CA certificates (PEM)
    QString gmailApiUrl = QStringLiteral("https://gmail.googleapis.com"); ///< gmail_api_url
    int timeout = 30;                 ///< timeout: seconds allowed for one network step
    int canaryInterval = 15;          ///< canary_interval: minutes between the console's end-to-end probes (0: never)
    // OAuth 2.0 for IMAP and SMTP (XOAUTH2 / OAUTHBEARER); with a provider the password is not used.
    QString oauth2Provider;           ///< oauth2_provider: microsoft, google or custom; empty: a password
    QString oauth2ClientId;           ///< oauth2_client_id: a public client registered as a desktop app
    QString oauth2ClientSecretFile;   ///< oauth2_client_secret_file: google's Desktop client file (optional)
    QString oauth2Tenant = QStringLiteral("organizations"); ///< oauth2_tenant (microsoft)
    QString oauth2Authority;          ///< oauth2_authority: base URL; empty: the provider's own
    QString oauth2AuthorizeUrl;       ///< oauth2_authorize_url (custom)
    QString oauth2TokenUrl;           ///< oauth2_token_url (custom)
    QString oauth2Scopes;             ///< oauth2_scopes (custom): space-separated
    WorkOrderSettings workOrders;     ///< work_orders: ids, folder, deadlines, alarm rules, reply codes, roster

    QString effectiveFromAddress() const { return fromAddress.isEmpty() ? username : fromAddress; }
    bool isGmail() const { return !gmailCredentialsFile.isEmpty(); }
    bool usesOAuth2() const { return !oauth2Provider.isEmpty(); }

    /// Checks the values themselves (ports, hosts, intervals); the loader calls it too.
    ConnectorError validate() const;
};

/**
 * Reads the reference's YAML shape:
 *
 *     connectors:
 *       email:
 *         type: email
 *         smtp_host: ...
 *
 * `${NAME}` in a value is replaced by the environment variable NAME. Every
 * mistake is a ConnectorError of kind Config whose message names the file,
 * line, and key ("config.yaml:7: smtp_port: 70000 is not a port (1-65535)").
 */
class ConfigLoader
{
public:
    struct Result
    {
        std::optional<ConnectorConfig> config;
        ConnectorError error;
    };

    static Result loadFile(const QString &path);
    /// @p sourceName is what error messages call the text (usually the file path).
    static Result loadString(const QByteArray &yaml, const QString &sourceName);
};

} // namespace machina
