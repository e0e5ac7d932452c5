#pragma once

#include "../imapreply.h"
#include "imaptask.h"

#include <QList>
#include <QPointer>

namespace machina {

/**
 * UID EXPUNGE <set> (RFC 4315 2.1): removes those of the given messages that
 * are flagged \Deleted, and no other, so it is safe beside other clients.
 * Without UIDPLUS nothing is sent and the task fails as a Protocol error: a
 * plain EXPUNGE would remove every \Deleted message of the mailbox, someone
 * else's too. The untagged EXPUNGE / VANISHED answers are the session's (EXISTS
 * goes down, vanished() and mailboxChanged() follow); with QRESYNC the UIDs
 * of a VANISHED also go to the reply's vanished(). No UIDs: nothing to do.
 */
class ExpungeTask : public ImapTask
{
    // tr() in the context lupdate files these texts under (ImapTask declares its own).
    Q_DECLARE_TR_FUNCTIONS(machina::ExpungeTask)

public:
    ExpungeTask(const QList<quint32> &uids, ImapReply *reply) : m_uids(uids), m_reply(reply) {}

    bool untagged(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    QList<quint32> m_uids;
    QPointer<ImapReply> m_reply;
};

} // namespace machina
