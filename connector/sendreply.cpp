#include "sendreply.h"

#include <algorithm>

namespace machina {

SendReply::SendReply(QObject *parent) : ConnectorReply(parent) {}

bool SendReply::isTransientFailure() const
{
    using Kind = ConnectorError::Kind;
    switch (error().kind()) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::NotConnected:
        return true;
    case Kind::Rejected: {
        // 4xx is "try later" (RFC 5321 4.2.1); a 5xx or a refused address is final.
        if (m_serverReply.startsWith(u'4'))
            return true;
        return !m_recipients.isEmpty() && std::all_of(m_recipients.cbegin(), m_recipients.cend(), [](const RecipientResult &r) {
            return r.accepted || r.serverReply.startsWith(u'4');
        });
    }
    default:
        return false;
    }
}

} // namespace machina
