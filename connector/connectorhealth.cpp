#include "connectorhealth.h"

#include <QJsonValue>

namespace machina {

QString ConnectorHealth::statusName(Status status)
{
    switch (status) {
    case Status::Healthy: return QStringLiteral("healthy");
    case Status::Degraded: return QStringLiteral("degraded");
    case Status::Unhealthy: return QStringLiteral("unhealthy");
    }
    return QStringLiteral("unhealthy");
}

QJsonObject ConnectorHealth::toJson() const
{
    return QJsonObject{
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("message"), message},
        {QStringLiteral("details"), QJsonObject::fromVariantMap(details)},
    };
}

} // namespace machina
