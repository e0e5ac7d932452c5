#pragma once

#include "connectorreply.h"
#include "incomingmessage.h"

namespace machina {

/** The reply to fetchMessage(): the message, parsed. */
class MessageReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;
    IncomingMessage message() const { return m_message; }
    void setMessage(const IncomingMessage &message) { m_message = message; }

private:
    IncomingMessage m_message;
};

} // namespace machina
