#include "storetask.h"

namespace machina {

void StoreTask::start()
{
    if (m_uids.isEmpty())
        return host().taskFinished();
    host().sendCommand(ImapWriter::uidStore(host().nextTag(), ImapWriter::formatUidSet(m_uids),
                                            m_seen ? ImapWriter::StoreMode::Add : ImapWriter::StoreMode::Remove,
                                            true, {"\\Seen"}));
}

void StoreTask::tagged(const ImapResponse &response)
{
    host().taskFinished(response.isStatus(ImapCondition::Ok) ? ConnectorError()
                                                             : commandError(host().endpoint(), "UID STORE", response));
}

} // namespace machina
