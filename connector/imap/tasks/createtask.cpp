#include "createtask.h"

namespace machina {

void CreateTask::start()
{
    host().sendCommand(ImapWriter::create(host().nextTag(), m_mailbox));
}

void CreateTask::tagged(const ImapResponse &response)
{
    if (m_reply && response.code)
        m_reply->setResponseCode(response.code->name);
    if (response.isStatus(ImapCondition::Ok) || (response.isStatus(ImapCondition::No) && response.hasCode("ALREADYEXISTS")))
        return host().taskFinished();
    host().taskFinished(commandError(host().endpoint(), "CREATE", response));
}

} // namespace machina
