#include "expungetask.h"

namespace machina {

void ExpungeTask::start()
{
    if (!host().hasCapability("UIDPLUS"))
        return host().taskFinished({ConnectorError::Kind::Protocol,
                                    tr("%1 does not support UIDPLUS (RFC 4315): without UID EXPUNGE only a plain EXPUNGE "
                                       "could remove the messages, and it would remove every \\Deleted message in the "
                                       "mailbox; nothing was expunged.").arg(host().endpoint())});
    const QByteArray set = ImapWriter::formatUidSet(m_uids);
    if (set.isEmpty())
        return host().taskFinished();
    host().sendCommand(ImapWriter::uidExpunge(host().nextTag(), set));
}

bool ExpungeTask::untagged(const ImapResponse &response)
{
    // The session has counted it down already; the UIDs are the reply's news as well.
    if (response.kind != ImapResponse::Kind::Vanished || response.vanishedEarlier)
        return false;
    if (m_reply)
        m_reply->addVanished(response.uidSet.toList());   // the parser caps the count
    return true;
}

void ExpungeTask::tagged(const ImapResponse &response)
{
    host().taskFinished(response.isStatus(ImapCondition::Ok) ? ConnectorError()
                                                             : commandError(host().endpoint(), "UID EXPUNGE", response));
}

} // namespace machina
