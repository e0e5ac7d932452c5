#include "simpletasks.h"

namespace machina {

void CapabilityTask::start()
{
    host().sendCommand(ImapWriter::capability(host().nextTag()));
}

void CapabilityTask::tagged(const ImapResponse &response)
{
    if (!response.isStatus(ImapCondition::Ok))
        return host().sessionFailed(commandError(host().endpoint(), "CAPABILITY", response));
    host().taskFinished();
}

void StartTlsTask::start()
{
    host().sendCommand(ImapWriter::startTls(host().nextTag()));
}

void StartTlsTask::tagged(const ImapResponse &response)
{
    if (!response.isStatus(ImapCondition::Ok)) {
        return host().sessionFailed({ConnectorError::Kind::Tls,
                                     tr("%1 refused STARTTLS: %2")
                                         .arg(host().endpoint(), printable(response.text))});
    }
    host().taskFinished();
}

void NoopTask::start()
{
    host().sendCommand(ImapWriter::noop(host().nextTag()));
}

void NoopTask::tagged(const ImapResponse &response)
{
    host().taskFinished(response.isStatus(ImapCondition::Ok) ? ConnectorError()
                                                             : commandError(host().endpoint(), "NOOP", response));
}

void LogoutTask::start()
{
    host().sendCommand(ImapWriter::logout(host().nextTag()));
}

void LogoutTask::tagged(const ImapResponse &)
{
    host().taskFinished();
}

} // namespace machina
