#pragma once

#include "../imapreply.h"
#include "imaptask.h"

#include <QPointer>
#include <QString>

namespace machina {

/**
 * CREATE (RFC 3501 6.3.3) of one mailbox. A mailbox that is there already
 * (NO [ALREADYEXISTS], RFC 5530) is what was asked for: the task finishes
 * without an error, the code kept in the reply's responseCode(). Works in the
 * authenticated and the selected state.
 */
class CreateTask : public ImapTask
{
public:
    CreateTask(const QString &mailbox, ImapReply *reply) : m_mailbox(mailbox), m_reply(reply) {}

    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    QString m_mailbox;
    QPointer<ImapReply> m_reply;
};

} // namespace machina
