#pragma once

#include "../imapreply.h"
#include "imaptask.h"

#include <QPointer>
#include <QString>

namespace machina {

/**
 * APPEND (RFC 3501 6.3.11) of one message, as a literal: non-synchronising
 * ("{n+}", sent with the command) with LITERAL+, or LITERAL- up to 4096 bytes
 * (RFC 7888); otherwise synchronising, the session sending the bytes after the
 * server's "+". Works in the authenticated and the selected state and leaves
 * the selected mailbox alone.
 *
 * OK [APPENDUID v u] (RFC 4315) gives the reply appendUidValidity() and
 * appendUid() (appendUids() for a MULTIAPPEND, one UID a message). A NO is a Rejected error that keeps the session; its response
 * code stays in the reply, so NO [TRYCREATE] shows as ImapReply::tryCreate()
 * and in the error's sentence. A flag that is no IMAP flag sends nothing.
 */
class AppendTask : public ImapTask
{
    // tr() in the context lupdate files these texts under (ImapTask declares its own).
    Q_DECLARE_TR_FUNCTIONS(machina::AppendTask)

public:
    AppendTask(const QString &mailbox, const QByteArray &message, const QList<QByteArray> &flags, ImapReply *reply)
        : AppendTask(mailbox, QList<QByteArray>{message}, flags, reply) {}
    /// Several messages make one MULTIAPPEND (RFC 3502): the caller checks the capability.
    AppendTask(const QString &mailbox, const QList<QByteArray> &messages, const QList<QByteArray> &flags, ImapReply *reply)
        : m_mailbox(mailbox), m_messages(messages), m_flags(flags), m_reply(reply) {}

    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    QString m_mailbox;
    QList<QByteArray> m_messages;
    QList<QByteArray> m_flags;
    QPointer<ImapReply> m_reply;
};

} // namespace machina
