#pragma once

#include <QByteArray>
#include <QString>

namespace machina {

class ImapClient;
class SentCopyReply;

/**
 * Files copies of sent messages over an IMAP session: the mailbox with the
 * \Sent special-use attribute (RFC 6154), else the one named "Sent", else
 * "Sent" created for it; APPEND with \Seen, and the APPENDUID when the server
 * has UIDPLUS. The mailbox found is kept for the next copy, and looked up
 * again when the server says it is gone (NO [TRYCREATE]).
 */
class SentCopier
{
public:
    /// Copies @p message on @p session; finishes @p reply.
    void copy(ImapClient *session, const QByteArray &message, SentCopyReply *reply);

    /// The mailbox the last copy went to (empty before the first).
    QString mailbox() const { return m_mailbox; }

private:
    void findMailbox(ImapClient *session, const QByteArray &message, SentCopyReply *reply);
    void append(ImapClient *session, const QByteArray &message, SentCopyReply *reply, bool mayCreate);

    QString m_mailbox;
};

} // namespace machina
