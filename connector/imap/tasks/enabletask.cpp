#include "enabletask.h"

namespace machina {

void EnableTask::start()
{
    host().sendCommand(ImapWriter::enable(host().nextTag(), m_extensions));
}

bool EnableTask::untagged(const ImapResponse &response)
{
    return response.kind == ImapResponse::Kind::Enabled;
}

void EnableTask::tagged(const ImapResponse &)
{
    host().taskFinished();
}

} // namespace machina
