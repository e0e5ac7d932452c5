#pragma once

#include "../connectorreply.h"
#include "protocol/imapparser.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <optional>

namespace machina {

/// How much of each message a UID FETCH asks for.
enum class ImapFetchPart {
    Full,     ///< UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[]
    Headers,  ///< UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE
    Flags,    ///< UID FLAGS (what changed on messages already listed)
};

/** One message as FETCH returned it. */
struct ImapMessage
{
    quint32 uid = 0;
    QList<QByteArray> flags;
    QDateTime internalDate;
    quint64 size = 0;
    QByteArray raw;                     ///< BODY[] when fetched in full
    std::optional<ImapEnvelope> envelope;
    int attachmentCount = 0;            ///< from BODYSTRUCTURE, when fetched

    bool isSeen() const;
};

/** The result of an IMAP operation: UIDs for a search, messages for a fetch. */
class ImapReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;

    QList<quint32> uids() const { return m_uids; }
    QList<ImapMessage> messages() const { return m_messages; }

    void setUids(const QList<quint32> &uids) { m_uids = uids; }
    void addMessage(const ImapMessage &message) { m_messages.append(message); }

private:
    QList<quint32> m_uids;
    QList<ImapMessage> m_messages;
};

} // namespace machina
