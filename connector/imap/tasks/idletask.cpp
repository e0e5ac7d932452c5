#include "idletask.h"

namespace machina {

void IdleTask::start()
{
    if (!host().hasCapability("IDLE"))
        return host().taskFinished({ConnectorError::Kind::Protocol, tr("%1 does not support IDLE.").arg(host().endpoint())});
    host().sendCommand(ImapWriter::idle(host().nextTag()));
}

void IdleTask::continuation(const ImapResponse &response)
{
    if (m_step != Step::Requested)
        return ImapTask::continuation(response);
    m_step = Step::Idling;
    host().idleStarted();
}

void IdleTask::interrupt()
{
    if (m_step != Step::Idling)
        return;
    m_step = Step::Ending;
    const ImapCommand done = ImapWriter::done();
    host().writeLine(done.bytes(), done.logText, QStringLiteral("the end of IDLE"));
}

void IdleTask::tagged(const ImapResponse &response)
{
    host().taskFinished(response.isStatus(ImapCondition::Ok) ? ConnectorError()
                                                             : commandError(host().endpoint(), "IDLE", response));
}

} // namespace machina
