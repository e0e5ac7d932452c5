#include "emailconnector.h"

#include "smtp/smtpclient.h"
#include "tls.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConnector, "machina.connector", QtWarningMsg)

namespace machina {

using Kind = ConnectorError::Kind;

EmailConnector::EmailConnector(const ConnectorConfig &config, QObject *parent)
    : QObject(parent), m_config(config)
{
    m_publishedHealth = healthCheck();
}

EmailConnector::~EmailConnector() = default;

ConnectorReply *EmailConnector::connectToServers()
{
    auto *reply = new ConnectorReply;
    auto fail = [&](const ConnectorError &error) {
        recordOutcome(error, false);
        reply->finish(error);
        return reply;
    };

    if (const ConnectorError invalid = m_config.validate())
        return fail(invalid);
    if (m_config.isGmail()) {
        return fail({Kind::Config, tr("gmail_credentials_file is set, but this build has no Gmail API backend yet; "
                                      "remove it to use SMTP.")});
    }
    if (!m_config.username.isEmpty() && m_config.password.isEmpty()) {
        return fail({Kind::Config, tr("password: no password for %1 (write password: ${EMAIL_PASSWORD} in the "
                                      "config and set that variable).").arg(m_config.username)});
    }

    SmtpSettings settings;
    settings.host = m_config.smtpHost;
    settings.port = quint16(m_config.smtpPort);
    settings.implicitTls = m_config.useTls;
    settings.username = m_config.username;
    settings.password = m_config.password;
    settings.timeoutMs = m_config.timeout * 1000;
    if (const ConnectorError tlsError = Tls::makeClientConfiguration(m_config.caFile, &settings.tls))
        return fail(tlsError);

    if (!m_smtp) {
        m_smtp = new SmtpClient(settings, this);
    } else {
        m_smtp->setSettings(settings);
    }
    ConnectorReply *open = m_smtp->open();
    // Say what the session is doing, for a progress line or a status bar.
    connect(m_smtp, &SmtpClient::stateChanged, reply, [this, reply](SmtpClient::State state) {
        const QString server = QStringLiteral("%1:%2").arg(m_config.smtpHost).arg(m_config.smtpPort);
        switch (state) {
        case SmtpClient::State::Connecting: Q_EMIT reply->progressed(tr("Connecting to %1").arg(server)); break;
        case SmtpClient::State::TlsHandshake: Q_EMIT reply->progressed(tr("Securing the connection to %1").arg(server)); break;
        case SmtpClient::State::Authenticating: Q_EMIT reply->progressed(tr("Signing in as %1").arg(m_config.username)); break;
        case SmtpClient::State::Ready: Q_EMIT reply->progressed(tr("Connected to %1").arg(server)); break;
        default: break;
        }
    });
    connect(open, &ConnectorReply::finished, this, [this, open, reply] {
        open->deleteLater();
        disconnect(m_smtp, nullptr, reply, nullptr);
        const ConnectorError error = open->error();
        m_connected = !error;
        if (m_connected)
            m_connectedSince = QDateTime::currentDateTimeUtc();
        recordOutcome(error, false);
        reply->finish(error);
    });
    connect(reply, &QObject::destroyed, open, [open] { open->abort(); });
    return reply;
}

ConnectorReply *EmailConnector::disconnectFromServers()
{
    m_connected = false;
    m_connectedSince = {};
    if (!m_smtp) {
        auto *reply = new ConnectorReply;
        reply->finish();
        publishHealth();
        return reply;
    }
    ConnectorReply *reply = m_smtp->close();
    publishHealth();
    return reply;
}

MessageBuilder::Result EmailConnector::buildMessage(const QStringList &to, const QString &text,
                                                    const SendOptions &options) const
{
    OutgoingMessage message;
    message.from = m_config.effectiveFromAddress();
    message.to = to;
    message.subject = options.subject;
    message.text = text;
    message.attachments = options.attachments;
    message.inReplyTo = options.inReplyTo;
    message.references = options.references;
    return MessageBuilder::build(message);
}

SendReply *EmailConnector::sendMessage(const QStringList &to, const QString &text, const SendOptions &options)
{
    if (!m_connected) {
        auto *reply = new SendReply;
        reply->finish({Kind::NotConnected, tr("Not connected: call connectToServers() before sending.")});
        return reply;
    }
    const MessageBuilder::Result built = buildMessage(to, text, options);
    if (!built.message) {
        auto *reply = new SendReply;
        reply->finish(built.error);
        return reply;
    }
    return sendBuiltMessage(*built.message);
}

SendReply *EmailConnector::sendBuiltMessage(const BuiltMessage &message)
{
    if (!m_connected || !m_smtp) {
        auto *reply = new SendReply;
        reply->finish({Kind::NotConnected, tr("Not connected: call connectToServers() before sending.")});
        return reply;
    }
    SendReply *reply = m_smtp->send(message.envelopeFrom, message.envelopeTo, message.data, message.needsSmtpUtf8);
    reply->setMessageId(message.messageId);
    // Connected before the caller can connect, so health is current when the caller's slot runs.
    connect(reply, &ConnectorReply::finished, this, [this, reply, id = message.messageId, to = message.envelopeTo] {
        recordOutcome(reply->error(), true);
        if (!reply->error()) {
            qCDebug(lcConnector).noquote() << "sent" << id << "to" << to.join(QStringLiteral(", "));
            Q_EMIT messageSent(id, to);
        }
    });
    return reply;
}

QStringList EmailConnector::capabilities() const
{
    // "receive_message" joins when listen() exists (the receiving issue).
    return {QStringLiteral("send_message")};
}

void EmailConnector::recordOutcome(const ConnectorError &error, bool wasSend)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!error) {
        m_lastSuccess = now;
        if (wasSend) {
            m_lastSuccessfulSend = now;
            ++m_messagesSent;
        }
        // A success clears a session-level problem, not a refused recipient's record.
        if (m_lastError.kind() != Kind::Rejected)
            m_lastError = {};
    } else if (error.kind() != Kind::Aborted) {
        m_lastError = error;
        m_lastErrorAt = now;
        if (error.kind() == Kind::Auth || error.kind() == Kind::Tls || error.kind() == Kind::Config)
            m_connected = false;
    }
    publishHealth();
}

ConnectorHealth EmailConnector::healthCheck() const
{
    ConnectorHealth health;
    QVariantMap &d = health.details;
    const QString server = QStringLiteral("%1:%2").arg(m_config.smtpHost).arg(m_config.smtpPort);
    d.insert(QStringLiteral("backend"), m_config.isGmail() ? QStringLiteral("gmail") : QStringLiteral("smtp"));
    d.insert(QStringLiteral("smtp_server"), server);
    d.insert(QStringLiteral("security"), m_config.useTls ? QStringLiteral("implicit TLS") : QStringLiteral("STARTTLS"));
    d.insert(QStringLiteral("username"), m_config.username);
    d.insert(QStringLiteral("connected"), m_connected);
    d.insert(QStringLiteral("messages_sent"), m_messagesSent);
    if (m_smtp && !m_smtp->tlsProtocol().isEmpty())
        d.insert(QStringLiteral("tls_version"), m_smtp->tlsProtocol());
    if (m_connectedSince.isValid())
        d.insert(QStringLiteral("connected_since"), m_connectedSince.toString(Qt::ISODate));
    if (m_lastSuccessfulSend.isValid())
        d.insert(QStringLiteral("last_successful_send"), m_lastSuccessfulSend.toString(Qt::ISODate));
    if (m_lastError) {
        d.insert(QStringLiteral("last_error"), m_lastError.message());
        d.insert(QStringLiteral("last_error_kind"), ConnectorError::kindName(m_lastError.kind()));
        d.insert(QStringLiteral("last_error_at"), m_lastErrorAt.toString(Qt::ISODate));
    }

    const Kind lastKind = m_lastError.kind();
    const bool sessionProblem = m_lastError && lastKind != Kind::Rejected;
    if (!m_connected) {
        health.status = ConnectorHealth::Status::Unhealthy;
        health.message = sessionProblem ? m_lastError.message() : tr("Not connected to %1.").arg(server);
    } else if (sessionProblem && m_lastErrorAt >= m_lastSuccess) {
        // Connected, but the latest attempt failed for a reason that may pass (network, timeout).
        health.status = ConnectorHealth::Status::Degraded;
        health.message = tr("Connected to %1, but the last attempt failed: %2").arg(server, m_lastError.message());
    } else {
        health.status = ConnectorHealth::Status::Healthy;
        const QString tls = m_smtp ? m_smtp->tlsProtocol() : QString();
        health.message = tls.isEmpty() ? tr("Connected to %1.").arg(server)
                                       : tr("Connected to %1 (%2).").arg(server, tls);
    }
    return health;
}

void EmailConnector::publishHealth()
{
    const ConnectorHealth health = healthCheck();
    if (health.status == m_publishedHealth.status && health.message == m_publishedHealth.message)
        return;
    m_publishedHealth = health;
    Q_EMIT healthChanged(health);
}

} // namespace machina
