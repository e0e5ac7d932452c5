#pragma once

#include "../imapreply.h"
#include "imaptask.h"

#include <QPointer>

namespace machina {

/**
 * UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE m) (RFC 7162 3.1.4.1): the flags
 * of every message changed since mod-sequence m, each with its MODSEQ, in the
 * reply's messages(). With QRESYNC enabled the VANISHED modifier (3.2.6) asks
 * for the UIDs expunged since m too, which arrive as VANISHED (EARLIER) and go
 * to the reply's vanished(). Nothing changed: the server answers the tagged OK
 * alone. Without CONDSTORE (or QRESYNC) nothing is sent: a Protocol error.
 */
class ChangedSinceTask : public ImapTask
{
    // tr() in the context lupdate files these texts under (ImapTask declares its own).
    Q_DECLARE_TR_FUNCTIONS(machina::ChangedSinceTask)

public:
    ChangedSinceTask(quint64 modSeq, ImapReply *reply) : m_modSeq(modSeq), m_reply(reply) {}

    bool untagged(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    quint64 m_modSeq = 0;
    QPointer<ImapReply> m_reply;
};

} // namespace machina
