#pragma once

#include "connectorreply.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace machina {

/** One inbox row: what a list shows before the body is fetched. */
struct MessageSummary
{
    QString id;            ///< backend id: "imap:<uidvalidity>:<uid>" or "gmail:<id>"
    quint32 uid = 0;       ///< IMAP UID (0 for Gmail)
    QDateTime date;        ///< the Date header, else the server's arrival time
    QString from;          ///< "Name <addr>" or the bare address, decoded
    QString fromAddress;
    QString subject;       ///< decoded
    bool seen = false;
    int attachments = 0;
    qint64 size = 0;
    QString messageId;     ///< without <>
};

/** The reply to EmailConnector::listMessages(): newest first. */
class InboxListReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;
    QList<MessageSummary> messages() const { return m_messages; }
    void setMessages(const QList<MessageSummary> &messages) { m_messages = messages; }

private:
    QList<MessageSummary> m_messages;
};

} // namespace machina
