#pragma once

#include "config/connectorconfig.h"
#include "connectorhealth.h"
#include "connectorreply.h"
#include "mime/messagebuilder.h"
#include "sendreply.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

namespace machina {

class SmtpClient;

/** The reference's send_message keyword arguments, and ours. */
struct SendOptions
{
    QString subject = QStringLiteral("Machina Notification");
    QList<Attachment> attachments;
    QString inReplyTo;          ///< Message-ID being answered, optional
    QStringList references;     ///< thread Message-IDs, optional
};

/**
 * The connector facade, mirroring the reference EmailConnector:
 * connectToServers(), disconnectFromServers(), healthCheck(), sendMessage(),
 * capabilities(). Every operation is asynchronous and returns a reply the
 * caller owns.
 */
class EmailConnector : public QObject
{
    Q_OBJECT
public:
    explicit EmailConnector(const ConnectorConfig &config, QObject *parent = nullptr);
    ~EmailConnector() override;

    ConnectorConfig config() const { return m_config; }

    /// Opens the SMTP session (greeting, TLS, EHLO, AUTH). Its error says what failed.
    ConnectorReply *connectToServers();
    /// Closes the sessions politely (QUIT).
    ConnectorReply *disconnectFromServers();
    bool isConnected() const { return m_connected; }

    /// The measured health: never a guess from a flag alone.
    ConnectorHealth healthCheck() const;

    /**
     * Builds the message @p sendMessage would send, without sending it: for
     * previews and to refuse bad input (header injection, bad addresses) before
     * anything touches the network.
     */
    MessageBuilder::Result buildMessage(const QStringList &to, const QString &text,
                                        const SendOptions &options = {}) const;

    /// Sends a plain-text message (with attachments, if any) to every address in @p to.
    SendReply *sendMessage(const QStringList &to, const QString &text, const SendOptions &options = {});
    SendReply *sendMessage(const QString &to, const QString &text, const SendOptions &options = {})
    {
        return sendMessage(QStringList{to}, text, options);
    }
    /// Sends a message built earlier with buildMessage().
    SendReply *sendBuiltMessage(const BuiltMessage &message);

    /// What this connector can do, in the reference's words.
    QStringList capabilities() const;

Q_SIGNALS:
    /// Emitted when the status or the message of healthCheck() changes.
    void healthChanged(const machina::ConnectorHealth &health);
    /// Emitted for every message the server accepted.
    void messageSent(const QString &messageId, const QStringList &recipients);

private:
    void recordOutcome(const ConnectorError &error, bool wasSend);
    void publishHealth();

    ConnectorConfig m_config;
    SmtpClient *m_smtp = nullptr;
    bool m_connected = false;
    QDateTime m_connectedSince;
    QDateTime m_lastSuccessfulSend;
    QDateTime m_lastSuccess;
    ConnectorError m_lastError;
    QDateTime m_lastErrorAt;
    int m_messagesSent = 0;
    ConnectorHealth m_publishedHealth;
};

} // namespace machina
