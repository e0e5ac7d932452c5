#pragma once

#include "connectorreply.h"

#include <QDateTime>
#include <QHash>
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

/**
 * The reply to EmailConnector::listMessages() and syncInbox(). messages() is
 * newest first; rows also stream out with rowsListed() as each batch arrives,
 * newest batch first, so a long listing can be shown while it runs.
 * For syncInbox(), messages() holds only the rows the caller did not know,
 * removedIds() the known ones that are gone, and seenStates() the read state
 * of every known one still there.
 */
class InboxListReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;
    QList<MessageSummary> messages() const { return m_messages; }
    void setMessages(const QList<MessageSummary> &messages) { m_messages = messages; }

    /// How many rows will be listed in all (known once the search is done; 0 before).
    int total() const { return m_total; }
    void setTotal(int total) { m_total = total; }
    QStringList removedIds() const { return m_removedIds; }
    void setRemovedIds(const QStringList &ids) { m_removedIds = ids; }
    QHash<QString, bool> seenStates() const { return m_seenStates; }
    void setSeenStates(const QHash<QString, bool> &states) { m_seenStates = states; }

Q_SIGNALS:
    /// One batch of rows, as it arrived (newest batch first).
    void rowsListed(const QList<machina::MessageSummary> &rows);

private:
    QList<MessageSummary> m_messages;
    int m_total = 0;
    QStringList m_removedIds;
    QHash<QString, bool> m_seenStates;
};

} // namespace machina

Q_DECLARE_METATYPE(machina::MessageSummary)
