#pragma once

#include "connectorreply.h"

#include <QList>
#include <QString>

namespace machina {

/** What the server said about one recipient (RFC 5321 RCPT TO). */
struct RecipientResult
{
    QString address;
    bool accepted = false;
    QString serverReply;   ///< "250 2.1.5 Ok", "550 5.1.1 ... User unknown"
};

/**
 * The reply to one send: finished() once the server has accepted the message
 * for every recipient (error() is None) or the send failed. A message is sent
 * to all recipients or to none: when a recipient is refused the transaction is
 * reset and error() is Rejected, naming the address and the server's words.
 */
class SendReply : public ConnectorReply
{
    Q_OBJECT
public:
    explicit SendReply(QObject *parent = nullptr);

    QString messageId() const { return m_messageId; }
    QList<RecipientResult> recipients() const { return m_recipients; }
    /// The server's final answer to the message ("250 2.0.0 Ok: queued as 4F3...").
    QString serverReply() const { return m_serverReply; }

    /**
     * Whether the failure may pass by itself (the server down or busy: a
     * network error, a timeout, a 4xx reply) rather than never (a 5xx, a
     * refused address, a message we cannot build, a refused login).
     */
    bool isTransientFailure() const;
    /// The message stays in the outbox and is sent when the server answers (see EmailConnector::sendBuiltMessage()).
    bool isQueued() const { return m_queued; }

    void setQueued(bool queued) { m_queued = queued; }
    void setMessageId(const QString &id) { m_messageId = id; }
    void setRecipients(const QList<RecipientResult> &r) { m_recipients = r; }
    void setServerReply(const QString &reply) { m_serverReply = reply; }

private:
    QString m_messageId;
    QList<RecipientResult> m_recipients;
    QString m_serverReply;
    bool m_queued = false;
};

} // namespace machina
