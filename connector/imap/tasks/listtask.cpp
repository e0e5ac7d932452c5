#include "listtask.h"

namespace machina {

void ListTask::start()
{
    m_specialUse = host().hasCapability("SPECIAL-USE");
    host().sendCommand(ImapWriter::list(host().nextTag(), m_specialUse));
}

bool ListTask::untagged(const ImapResponse &response)
{
    if (response.kind != ImapResponse::Kind::List)
        return false;
    const ImapListEntry &entry = response.listEntry;
    ImapMailboxInfo mailbox;
    mailbox.name = ImapWriter::decodeMailboxName(entry.name);
    mailbox.attributes = entry.attributes;
    if (!entry.delimiter.isEmpty())
        mailbox.delimiter = QChar::fromLatin1(entry.delimiter.at(0));
    m_mailboxes.append(mailbox);
    return true;
}

void ListTask::tagged(const ImapResponse &response)
{
    if (response.isStatus(ImapCondition::Bad) && m_specialUse) {
        m_specialUse = false;
        m_mailboxes.clear();
        host().sendCommand(ImapWriter::list(host().nextTag(), false));
        return;
    }
    if (!response.isStatus(ImapCondition::Ok))
        return host().taskFinished(commandError(host().endpoint(), "LIST", response));
    if (m_reply) {
        for (const ImapMailboxInfo &mailbox : std::as_const(m_mailboxes))
            m_reply->addMailbox(mailbox);
    }
    host().taskFinished();
}

} // namespace machina
