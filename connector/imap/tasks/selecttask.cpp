#include "selecttask.h"

namespace machina {

void SelectTask::start()
{
    host().sendCommand(ImapWriter::select(host().nextTag(), m_mailbox));
}

void SelectTask::tagged(const ImapResponse &response)
{
    if (!response.isStatus(ImapCondition::Ok))
        return host().sessionFailed(commandError(host().endpoint(), "SELECT", response));
    host().taskFinished();
}

} // namespace machina
