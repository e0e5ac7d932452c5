#pragma once

#include "../connectorerror.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace machina {

class LocalStore;

/**
 * The activity log of a LocalStore: what the console did and saw, in words,
 * kept across restarts. The newest Capacity entries are kept; older ones are
 * dropped as new ones come.
 */
class ActivityLog
{
public:
    static constexpr int Capacity = 10000;

    struct Entry
    {
        QDateTime at;
        QString text;
        bool isError = false;
    };

    explicit ActivityLog(LocalStore *store) : m_store(store) {}

    ConnectorError append(const QString &text, bool isError = false, const QDateTime &at = QDateTime::currentDateTimeUtc());
    /// The newest @p limit entries, oldest first (as a log reads).
    QList<Entry> recent(int limit = Capacity) const;

private:
    LocalStore *m_store;
    int m_sinceTrim = 0;
};

} // namespace machina
