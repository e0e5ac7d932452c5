#include "storeschema.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace machina::StoreSchema {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("machina::StoreSchema", text);
}

/// Each migration's statements, in order; index 0 is migration 1.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> all = {
        {
            // 1: the outbox. Times are ISO 8601 UTC with milliseconds, so they sort as text.
            QStringLiteral("CREATE TABLE outbox ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " message_id TEXT NOT NULL UNIQUE,"
                           " envelope_from TEXT NOT NULL,"
                           " recipients TEXT NOT NULL,"
                           " subject TEXT NOT NULL,"
                           " data BLOB NOT NULL,"
                           " smtputf8 INTEGER NOT NULL DEFAULT 0,"
                           " origin TEXT NOT NULL,"
                           " state TEXT NOT NULL CHECK (state IN ('queued','sending','sent','failed','cancelled')),"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " last_error TEXT NOT NULL DEFAULT '',"
                           " server_reply TEXT NOT NULL DEFAULT '',"
                           " created TEXT NOT NULL,"
                           " sent_at TEXT,"
                           " next_attempt TEXT,"
                           " claimed_by TEXT,"
                           " possibly_duplicate INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX outbox_by_state ON outbox (state, next_attempt)"),
        },
        {
            // 2: what follows a send, and the cache.
            QStringLiteral("ALTER TABLE outbox ADD COLUMN reply_to_id TEXT"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN seen_state TEXT NOT NULL DEFAULT 'none'"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN copy_state TEXT NOT NULL DEFAULT 'none'"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN copy_mailbox TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN copy_uid TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX outbox_by_reply ON outbox (reply_to_id)"),
            QStringLiteral("CREATE TABLE mailboxes ("
                           " name TEXT PRIMARY KEY,"
                           " uidvalidity INTEGER NOT NULL,"
                           " highestmodseq INTEGER NOT NULL DEFAULT 0,"
                           " synced_at TEXT)"),
            QStringLiteral("CREATE TABLE headers ("
                           " mailbox TEXT NOT NULL,"
                           " uid INTEGER NOT NULL,"
                           " date TEXT,"
                           " sender TEXT NOT NULL DEFAULT '',"
                           " sender_address TEXT NOT NULL DEFAULT '',"
                           " subject TEXT NOT NULL DEFAULT '',"
                           " seen INTEGER NOT NULL DEFAULT 0,"
                           " attachments INTEGER NOT NULL DEFAULT 0,"
                           " size INTEGER NOT NULL DEFAULT 0,"
                           " message_id TEXT NOT NULL DEFAULT '',"
                           " work_order TEXT NOT NULL DEFAULT '',"
                           " PRIMARY KEY (mailbox, uid)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE bodies ("
                           " mailbox TEXT NOT NULL,"
                           " uid INTEGER NOT NULL,"
                           " raw BLOB NOT NULL,"
                           " PRIMARY KEY (mailbox, uid))"),
        },
        {
            // 3: the activity log (the newest 10,000 rows are kept).
            QStringLiteral("CREATE TABLE activity ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " at TEXT NOT NULL,"
                           " text TEXT NOT NULL)"),
        },
        {
            // 4: the mirror of the work orders on the server, and the tracker's place in the INBOX.
            QStringLiteral("CREATE TABLE work_orders ("
                           " id TEXT PRIMARY KEY,"
                           " created TEXT NOT NULL,"
                           " json TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE work_order_marks ("
                           " name TEXT PRIMARY KEY,"
                           " value TEXT NOT NULL)"),
        },
    };
    return all;
}

int userVersion(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

bool run(QSqlDatabase &db, int from, int to, QString *error)
{
    const QList<QStringList> &all = migrations();
    for (int version = from + 1; version <= to; ++version) {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        QSqlQuery query(db);
        for (const QString &statement : all.at(version - 1)) {
            if (!query.exec(statement)) {
                *error = tr("migration %1 failed: %2").arg(version).arg(query.lastError().text());
                db.rollback();
                return false;
            }
        }
        // user_version cannot be bound; the number is ours.
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)) || !db.commit()) {
            *error = tr("migration %1 failed: %2").arg(version).arg(db.lastError().text());
            db.rollback();
            return false;
        }
    }
    return true;
}

} // namespace

bool migrate(QSqlDatabase &db, QString *error)
{
    return migrateTo(db, CurrentVersion, error);
}

bool migrateTo(QSqlDatabase &db, int version, QString *error)
{
    const int current = userVersion(db, error);
    if (current < 0)
        return false;
    if (current > CurrentVersion) {
        *error = tr("it was written by a newer Machina (schema %1; this one knows up to %2)")
                     .arg(current).arg(CurrentVersion);
        return false;
    }
    return current >= version || run(db, current, version, error);
}

} // namespace machina::StoreSchema
