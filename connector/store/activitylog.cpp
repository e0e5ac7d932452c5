#include "activitylog.h"

#include "localstore.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace machina {

namespace {

/// Errors are kept with a mark in front of the text, so one column serves both.
const QString ErrorMark = QStringLiteral("!");

} // namespace

ConnectorError ActivityLog::append(const QString &text, bool isError, const QDateTime &at)
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("INSERT INTO activity (at, text) VALUES (?, ?)"));
    query.addBindValue(at.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(isError ? ErrorMark + text : QStringLiteral(" ") + text);
    if (const ConnectorError error = m_store->exec(query, QCoreApplication::translate("machina::ActivityLog", "cannot add to the activity log")))
        return error;
    // Trimming is one DELETE per hundred entries, not one per entry.
    if (++m_sinceTrim >= 100) {
        m_sinceTrim = 0;
        QSqlQuery trim(m_store->database());
        trim.prepare(QStringLiteral("DELETE FROM activity WHERE id <= (SELECT max(id) FROM activity) - ?"));
        trim.addBindValue(Capacity);
        trim.exec();
    }
    return {};
}

QList<ActivityLog::Entry> ActivityLog::recent(int limit) const
{
    QList<Entry> entries;
    QSqlQuery query(m_store->database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT at, text FROM activity ORDER BY id DESC LIMIT ?"));
    query.addBindValue(std::min(limit, Capacity));
    if (!query.exec())
        return entries;
    while (query.next()) {
        const QString stored = query.value(1).toString();
        entries.append({QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs), stored.mid(1),
                        stored.startsWith(ErrorMark)});
    }
    std::reverse(entries.begin(), entries.end());
    return entries;
}

} // namespace machina
