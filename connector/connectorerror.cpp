#include "connectorerror.h"

namespace machina {

QString ConnectorError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Config: return QStringLiteral("config");
    case Kind::NotConnected: return QStringLiteral("not-connected");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::Rejected: return QStringLiteral("rejected");
    case Kind::Protocol: return QStringLiteral("protocol");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Aborted: return QStringLiteral("aborted");
    case Kind::Store: return QStringLiteral("store");
    }
    return QStringLiteral("unknown");
}

} // namespace machina
