#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QString>

namespace machina {

class ImapClient;
class SentCopyReply;

/**
 * Files copies of sent messages over an IMAP session: the mailbox with the
 * \Sent special-use attribute (RFC 6154), else the one named "Sent", else
 * "Sent" created for it; APPEND with \Seen (several messages in one
 * MULTIAPPEND, RFC 3502, where the server has it; else one after another), and
 * the APPENDUID when the server has UIDPLUS. The mailbox found is kept for the next copy, and looked up
 * again when the server says it is gone (NO [TRYCREATE]).
 */
class SentCopier
{
public:
    /// Copies @p messages on @p session; finishes @p reply.
    void copy(ImapClient *session, const QList<QByteArray> &messages, SentCopyReply *reply);

    /// The mailbox the last copy went to (empty before the first).
    QString mailbox() const { return m_mailbox; }

private:
    void findMailbox(ImapClient *session, const QList<QByteArray> &messages, SentCopyReply *reply);
    void append(ImapClient *session, const QList<QByteArray> &messages, SentCopyReply *reply, bool mayCreate);
    /// Without MULTIAPPEND: message @p index and the ones after it, one APPEND each.
    void appendEach(ImapClient *session, const QList<QByteArray> &messages, int index, QStringList uids,
                    SentCopyReply *reply, bool mayCreate);

    QString m_mailbox;
};

} // namespace machina
