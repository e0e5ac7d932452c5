#pragma once

#include "../imapreply.h"
#include "imaptask.h"

#include <QPointer>

namespace machina {

/**
 * LIST "" "*" (RFC 3501 6.3.8): every mailbox with its attributes and
 * hierarchy delimiter, names decoded from modified UTF-7. With SPECIAL-USE
 * (RFC 6154) it asks "RETURN (SPECIAL-USE)" so \Sent, \Drafts, \Trash ... are
 * there for certain; a server that answers that with BAD is asked again with
 * the plain LIST. LIST-EXTENDED alone is not enough for the RETURN option: a
 * return option the server does not know is a BAD (RFC 5258 3). Works in the
 * authenticated and the selected state.
 *
 *     start --LIST (RETURN)--> Listing --BAD, with RETURN: plain LIST--> Listing --tagged--> done
 */
class ListTask : public ImapTask
{
public:
    explicit ListTask(ImapReply *reply) : m_reply(reply) {}

    bool untagged(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    QPointer<ImapReply> m_reply;
    QList<ImapMailboxInfo> m_mailboxes;
    bool m_specialUse = false;
};

} // namespace machina
