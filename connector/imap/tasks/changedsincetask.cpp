#include "changedsincetask.h"

namespace machina {

void ChangedSinceTask::start()
{
    if (!host().hasCapability("CONDSTORE") && !host().hasCapability("QRESYNC"))
        return host().taskFinished({ConnectorError::Kind::Protocol,
                                    tr("%1 does not support CONDSTORE.").arg(host().endpoint())});
    host().sendCommand(ImapWriter::uidFetchChangedSince(host().nextTag(), "1:*", {"UID", "FLAGS"}, m_modSeq,
                                                        host().isEnabled("QRESYNC")));
}

bool ChangedSinceTask::untagged(const ImapResponse &response)
{
    if (response.kind == ImapResponse::Kind::Vanished && response.vanishedEarlier) {
        if (m_reply)
            m_reply->addVanished(response.uidSet.toList());
        return true;
    }
    if (response.kind != ImapResponse::Kind::Fetch || !response.fetch.uid || !response.fetch.flags)
        return false;
    if (m_reply)
        m_reply->addMessage(ImapMessage::fromFetch(response.fetch));
    return true;
}

void ChangedSinceTask::tagged(const ImapResponse &response)
{
    host().taskFinished(response.isStatus(ImapCondition::Ok) ? ConnectorError()
                                                             : commandError(host().endpoint(), "UID FETCH", response));
}

} // namespace machina
