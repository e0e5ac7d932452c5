#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace machina {

/**
 * The reference's ConnectorHealth: a status, a sentence, and measured details
 * (last successful send, server, TLS version, last error...).
 */
struct ConnectorHealth
{
    enum class Status { Healthy, Degraded, Unhealthy };

    Status status = Status::Unhealthy;
    QString message;
    QVariantMap details;

    static QString statusName(Status status); ///< "healthy", "degraded", "unhealthy"
    /// {"status": ..., "message": ..., "details": {...}}
    QJsonObject toJson() const;

    friend bool operator==(const ConnectorHealth &a, const ConnectorHealth &b)
    {
        return a.status == b.status && a.message == b.message && a.details == b.details;
    }
};

} // namespace machina

Q_DECLARE_METATYPE(machina::ConnectorHealth)
