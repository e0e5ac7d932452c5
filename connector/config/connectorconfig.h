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
    WorkOrderSettings workOrders;     ///< work_orders: ids, folder, deadlines, alarm rules, reply codes, roster

    QString effectiveFromAddress() const { return fromAddress.isEmpty() ? username : fromAddress; }
    bool isGmail() const { return !gmailCredentialsFile.isEmpty(); }

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
