#include "selecttask.h"

namespace machina {

void SelectTask::start()
{
    m_qresync = host().isEnabled("QRESYNC") && m_knownUidValidity != 0 && m_knownModSeq != 0;
    if (m_qresync)
        return host().sendCommand(ImapWriter::selectQresync(host().nextTag(), m_mailbox, m_knownUidValidity, m_knownModSeq));
    const bool condStore = host().hasCapability("CONDSTORE") || host().hasCapability("QRESYNC");
    host().sendCommand(ImapWriter::select(host().nextTag(), m_mailbox, condStore));
}

bool SelectTask::untagged(const ImapResponse &response)
{
    if (!m_qresync)
        return false;
    if (response.kind == ImapResponse::Kind::Vanished && response.vanishedEarlier) {
        if (m_changes)
            m_changes->vanished.append(response.uidSet.toList());
        return true;
    }
    // RFC 7162 3.2.5.1: the changed messages come as FETCH with UID, FLAGS and MODSEQ.
    if (response.kind == ImapResponse::Kind::Fetch && response.fetch.uid) {
        if (m_changes)
            m_changes->changed.append(ImapMessage::fromFetch(response.fetch));
        return true;
    }
    return false;
}

void SelectTask::tagged(const ImapResponse &response)
{
    if (response.isStatus(ImapCondition::No) && (!response.code || response.hasCode("NONEXISTENT"))) {
        if (m_missing)
            *m_missing = true;
        return host().sessionFailed({ConnectorError::Kind::Protocol,
                                     tr("%1 has no mailbox \"%2\" (SELECT answered NO: %3).")
                                         .arg(host().endpoint(), m_mailbox, printable(response.text))});
    }
    if (!response.isStatus(ImapCondition::Ok))
        return host().sessionFailed(commandError(host().endpoint(), "SELECT", response));
    host().taskFinished();
}

} // namespace machina
