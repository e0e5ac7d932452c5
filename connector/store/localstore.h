#pragma once

#include "../connectorerror.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

class QSqlError;
class QSqlQuery;

namespace machina {

/**
 * One account's SQLite database: the outbox, the inbox cache and the activity
 * log (Outbox, MessageCache and ActivityLog work on it). It is opened in WAL
 * mode with a busy timeout, so the console and machina-mail can use one store
 * at once; SQLite's locks keep them apart.
 *
 * The directory is 0700 and the files 0600 from the moment SQLite creates
 * them (the umask is narrowed around the open). A store that is not a
 * database, or is damaged, is moved aside (never deleted) and a fresh one is
 * started; the queued messages that can still be read from it are carried
 * over, and the error says how many, or that they could not be read.
 */
class LocalStore
{
public:
    struct OpenResult
    {
        std::unique_ptr<LocalStore> store;   ///< null when nothing could be opened
        /// Set when the store could not be opened, or (with a store) when a damaged one was moved aside.
        ConnectorError error;
    };

    /// Opens (creating or migrating) the store at @p path. @p busyTimeoutMs: how long a write waits for another process.
    static OpenResult open(const QString &path, int busyTimeoutMs = 5000);

    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    QString path() const { return m_path; }
    QSqlDatabase database() const;
    /// PRAGMA data_version: changes when another connection (another process) commits.
    qint64 dataVersion() const;

    /// "the local store PATH: doing: what SQLite said", a Store error.
    ConnectorError error(const QString &doing, const QSqlError &sqlError) const;
    /// Runs @p query (prepared and bound), or returns the error naming @p doing.
    ConnectorError exec(QSqlQuery &query, const QString &doing) const;

private:
    LocalStore(const QString &path, const QString &connection);
    static OpenResult openFresh(const QString &path, int busyTimeoutMs, bool *damaged);

    QString m_path;
    QString m_connection;
};

} // namespace machina
