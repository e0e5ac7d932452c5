#include "localstore.h"

#include "storeschema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QAtomicInt>

#include <sys/stat.h>

namespace machina {

namespace {

using Kind = ConnectorError::Kind;

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("machina::LocalStore", text, disambiguation, n);
}

QString newConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("machina-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

constexpr QFile::Permissions OwnerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions OwnerOnlyDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

const QStringList &sideFiles()
{
    static const QStringList suffixes = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")};
    return suffixes;
}

/// SQLITE_CORRUPT (11), SQLITE_NOTADB (26), or a header SQLite cannot read: not a store we can use.
bool isDamage(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("11") || code == QLatin1String("26")
           || error.databaseText().contains(QLatin1String("unsupported file format"));
}

/** The process umask narrowed to owner-only while it lives. */
class OwnerOnlyUmask
{
public:
    OwnerOnlyUmask() : m_old(::umask(077)) {}
    ~OwnerOnlyUmask() { ::umask(m_old); }

private:
    mode_t m_old;
};

/** What could be read from the outbox of a damaged store. */
struct Salvage
{
    bool readable = false;
    QList<QSqlRecord> rows;
};

/// The unsent outbox rows of the damaged store at @p path, read-only.
Salvage salvageOutbox(const QString &path)
{
    Salvage salvage;
    const QString name = newConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT * FROM outbox WHERE state IN ('queued','sending')"))) {
                salvage.readable = true;
                while (query.next())
                    salvage.rows.append(query.record());
                // A page that breaks halfway through the rows: what came before is kept, but the
                // outbox was not read whole.
                if (query.lastError().isValid())
                    salvage.readable = false;
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return salvage;
}

/// Moves the store's files aside; returns the new name of the main file (empty when that failed).
QString moveAside(const QString &path)
{
    const QString aside = QStringLiteral("%1.damaged-%2").arg(path, QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    for (const QString &suffix : sideFiles()) {
        if (QFile::exists(path + suffix) && !QFile::rename(path + suffix, aside + suffix) && suffix.isEmpty())
            return {};
    }
    return aside;
}

/// Copies the salvaged rows into the fresh store; returns how many went in.
int restore(QSqlDatabase db, const QList<QSqlRecord> &rows)
{
    int restored = 0;
    const QSqlRecord columns = db.record(QStringLiteral("outbox"));
    for (const QSqlRecord &row : rows) {
        QStringList names;
        QStringList marks;
        QVariantList values;
        for (int i = 0; i < row.count(); ++i) {
            const QString field = row.fieldName(i);
            if (field == QLatin1String("id") || columns.indexOf(field) < 0)
                continue;
            names.append(field);
            marks.append(QStringLiteral("?"));
            values.append(row.value(i));
        }
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO outbox (%1) VALUES (%2)").arg(names.join(u','), marks.join(u',')));
        for (const QVariant &v : std::as_const(values))
            insert.addBindValue(v);
        if (insert.exec())
            ++restored;
    }
    return restored;
}

} // namespace

LocalStore::LocalStore(const QString &path, const QString &connection) : m_path(path), m_connection(connection) {}

LocalStore::~LocalStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase LocalStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

qint64 LocalStore::dataVersion() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

ConnectorError LocalStore::error(const QString &doing, const QSqlError &sqlError) const
{
    return {Kind::Store, tr("The local store %1: %2: %3").arg(QDir::toNativeSeparators(m_path), doing, sqlError.text())};
}

ConnectorError LocalStore::exec(QSqlQuery &query, const QString &doing) const
{
    if (query.exec())
        return {};
    return error(doing, query.lastError());
}

LocalStore::OpenResult LocalStore::openFresh(const QString &path, int busyTimeoutMs, bool *damaged)
{
    *damaged = false;
    OpenResult result;
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        result.error = {Kind::Store, tr("The local store %1: cannot create its folder %2.").arg(shown, info.absolutePath())};
        return result;
    }
    QFile::setPermissions(info.absolutePath(), OwnerOnlyDir);

    const QString name = newConnectionName();
    auto store = std::unique_ptr<LocalStore>(new LocalStore(path, name));
    OwnerOnlyUmask umask;   // the database, its -wal and its -shm are created 0600
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open()) {
        result.error = store->error(tr("cannot open it"), db.lastError());
        return result;
    }
    // Files from before (or copied in) are narrowed too.
    for (const QString &suffix : sideFiles()) {
        if (QFile::exists(path + suffix) && QFile::permissions(path + suffix) != OwnerOnlyFile)
            QFile::setPermissions(path + suffix, OwnerOnlyFile);
    }
    QSqlQuery query(db);
    // A damaged file shows itself at the first read: "file is not a database".
    for (const QString &pragma : {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA synchronous = NORMAL"),
                                  QStringLiteral("PRAGMA user_version")}) {
        if (!query.exec(pragma)) {
            *damaged = isDamage(query.lastError());
            result.error = store->error(tr("cannot read it"), query.lastError());
            return result;
        }
    }
    // Damage further in (a page of a table) shows only when that page is read: look at every
    // page's structure now, before anything is written on top of it.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next()
        || query.value(0).toString() != QLatin1String("ok")) {
        *damaged = true;
        const QString found = query.lastError().isValid() ? query.lastError().text() : query.value(0).toString();
        result.error = {Kind::Store, tr("The local store %1 is damaged: %2.").arg(shown, found)};
        return result;
    }
    query.finish();
    QString why;
    if (!StoreSchema::migrate(db, &why)) {
        *damaged = isDamage(db.lastError()) || isDamage(query.lastError()) || why.contains(QLatin1String("malformed"));
        result.error = {Kind::Store, tr("The local store %1: %2.").arg(shown, why)};
        return result;
    }
    result.store = std::move(store);
    return result;
}

LocalStore::OpenResult LocalStore::open(const QString &path, int busyTimeoutMs)
{
    bool damaged = false;
    OpenResult result = openFresh(path, busyTimeoutMs, &damaged);
    if (!damaged)
        return result;

    const QString reason = result.error.message();
    result = {};
    const Salvage salvage = salvageOutbox(path);
    const QString aside = moveAside(path);
    if (aside.isEmpty()) {
        result.error = {Kind::Store, tr("%1 It could not be moved aside, so it was left as it is; move it away by hand.").arg(reason)};
        return result;
    }
    result = openFresh(path, busyTimeoutMs, &damaged);
    if (!result.store)
        return result;
    QString carried;
    if (!salvage.readable)
        carried = tr("Its outbox could not be read: any messages still queued in it are lost.");
    else if (salvage.rows.isEmpty())
        carried = tr("Nothing was waiting in its outbox.");
    else
        carried = tr("%n message(s) waiting in its outbox were carried over.", nullptr,
                     restore(result.store->database(), salvage.rows));
    result.error = {Kind::Store, tr("%1 It was moved aside to %2 and a fresh store was started. %3")
                                     .arg(reason, QDir::toNativeSeparators(aside), carried)};
    return result;
}

} // namespace machina
