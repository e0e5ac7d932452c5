#include "messagecache.h"

#include "../messageid.h"
#include "localstore.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <limits>

namespace machina {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("machina::MessageCache", text);
}

/// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

/// The columns a row is read from, in rowFrom()'s order.
const QString RowColumns = QStringLiteral("uid, date, sender, sender_address, subject, seen, attachments, size, message_id");

MessageSummary rowFrom(const QSqlQuery &query, quint32 uidValidity)
{
    MessageSummary row;
    row.uid = query.value(0).toUInt();
    row.id = MessageId::imap(uidValidity, row.uid).toString();
    const QVariant date = query.value(1);
    if (!date.isNull())
        row.date = QDateTime::fromString(date.toString(), Qt::ISODateWithMs);
    row.from = query.value(2).toString();
    row.fromAddress = query.value(3).toString();
    row.subject = query.value(4).toString();
    row.seen = query.value(5).toBool();
    row.attachments = query.value(6).toInt();
    row.size = query.value(7).toLongLong();
    row.messageId = query.value(8).toString();
    return row;
}

/// "WHERE mailbox = ?" with the unseen filter; LIMIT -1 is SQLite's "no limit".
QString listingTail(bool unseenOnly)
{
    return unseenOnly ? QStringLiteral(" FROM headers WHERE mailbox = ? AND seen = 0 ORDER BY uid DESC LIMIT ?")
                      : QStringLiteral(" FROM headers WHERE mailbox = ? ORDER BY uid DESC LIMIT ?");
}

void setError(ConnectorError *out, const ConnectorError &error)
{
    if (out)
        *out = error;
}

} // namespace

ConnectorError MessageCache::inTransaction(const QString &doing, const std::function<ConnectorError()> &work)
{
    QSqlDatabase db = m_store->database();
    if (!db.transaction())
        return m_store->error(doing, db.lastError());
    if (const ConnectorError error = work()) {
        db.rollback();
        return error;
    }
    if (!db.commit()) {
        const ConnectorError error = m_store->error(doing, db.lastError());
        db.rollback();
        return error;
    }
    return {};
}

MessageCache::MailboxState MessageCache::mailboxState(const QString &mailbox, ConnectorError *error) const
{
    MailboxState state;
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT uidvalidity, highestmodseq, synced_at FROM mailboxes WHERE name = ?"));
    query.addBindValue(mailbox);
    if (const ConnectorError failed = m_store->exec(query, tr("cannot read the inbox cache"))) {
        setError(error, failed);
        return state;
    }
    if (!query.next())
        return state;
    state.known = true;
    state.uidValidity = quint32(query.value(0).toLongLong());
    state.highestModSeq = query.value(1).toULongLong();
    if (!query.value(2).isNull())
        state.syncedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
    return state;
}

ConnectorError MessageCache::resetMailbox(const QString &mailbox, quint32 uidValidity)
{
    const QString doing = tr("cannot reset the inbox cache");
    return inTransaction(doing, [&]() -> ConnectorError {
        QSqlQuery query(m_store->database());
        for (const QString &table : {QStringLiteral("headers"), QStringLiteral("bodies")}) {
            // The table names are ours, not input.
            query.prepare(QStringLiteral("DELETE FROM %1 WHERE mailbox = ?").arg(table));
            query.addBindValue(mailbox);
            if (const ConnectorError error = m_store->exec(query, doing))
                return error;
        }
        query.prepare(QStringLiteral("INSERT INTO mailboxes (name, uidvalidity, highestmodseq, synced_at) VALUES (?, ?, 0, NULL)"
                                     " ON CONFLICT (name) DO UPDATE SET uidvalidity = excluded.uidvalidity,"
                                     " highestmodseq = 0, synced_at = NULL"));
        query.addBindValue(mailbox);
        query.addBindValue(qint64(uidValidity));
        return m_store->exec(query, doing);
    });
}

ConnectorError MessageCache::setHighestModSeq(const QString &mailbox, quint64 highestModSeq)
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("UPDATE mailboxes SET highestmodseq = ?, synced_at = ? WHERE name = ?"));
    // SQLite integers are signed 64-bit; RFC 7162 mod-sequences stay below 2^63.
    query.addBindValue(qint64(std::min<quint64>(highestModSeq, quint64(std::numeric_limits<qint64>::max()))));
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    query.addBindValue(mailbox);
    return m_store->exec(query, tr("cannot write the inbox cache"));
}

ConnectorError MessageCache::storeHeaders(const QString &mailbox, const QList<MessageSummary> &rows)
{
    if (rows.isEmpty())
        return {};
    const QString doing = tr("cannot write the inbox cache");
    // Many rows per statement: SQLite's work per row is small, a statement's round through
    // Qt Sql is not. 50 rows of 10 values stay below SQLite's oldest limit of 999 parameters.
    constexpr qsizetype RowsPerStatement = 50;
    const auto statement = [](qsizetype count) {
        QStringList values;
        for (qsizetype i = 0; i < count; ++i)
            values.append(QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        return QStringLiteral(
                   "INSERT INTO headers (mailbox, uid, date, sender, sender_address, subject, seen, attachments, size, message_id)"
                   " VALUES %1"
                   " ON CONFLICT (mailbox, uid) DO UPDATE SET date = excluded.date, sender = excluded.sender,"
                   " sender_address = excluded.sender_address, subject = excluded.subject, seen = excluded.seen,"
                   " attachments = excluded.attachments, size = excluded.size, message_id = excluded.message_id")
            .arg(values.join(QLatin1Char(',')));
    };
    return inTransaction(doing, [&]() -> ConnectorError {
        QSqlQuery full(m_store->database());
        QSqlQuery rest(m_store->database());
        if (rows.size() >= RowsPerStatement)
            full.prepare(statement(RowsPerStatement));
        if (const qsizetype tail = rows.size() % RowsPerStatement)
            rest.prepare(statement(tail));
        for (qsizetype start = 0; start < rows.size(); start += RowsPerStatement) {
            const qsizetype end = std::min(rows.size(), start + RowsPerStatement);
            QSqlQuery &query = end - start == RowsPerStatement ? full : rest;
            int at = 0;
            for (qsizetype i = start; i < end; ++i) {
                const MessageSummary &row = rows.at(i);
                query.bindValue(at++, mailbox);
                query.bindValue(at++, qint64(row.uid));
                query.bindValue(at++, row.date.isValid() ? QVariant(row.date.toString(Qt::ISODateWithMs))
                                                         : QVariant(QMetaType(QMetaType::QString)));
                query.bindValue(at++, text(row.from));
                query.bindValue(at++, text(row.fromAddress));
                query.bindValue(at++, text(row.subject));
                query.bindValue(at++, row.seen ? 1 : 0);
                query.bindValue(at++, row.attachments);
                query.bindValue(at++, row.size);
                query.bindValue(at++, text(row.messageId));
            }
            if (const ConnectorError error = m_store->exec(query, doing))
                return error;
        }
        return {};
    });
}

ConnectorError MessageCache::updateSeen(const QString &mailbox, const QHash<quint32, bool> &seen)
{
    if (seen.isEmpty())
        return {};
    const QString doing = tr("cannot write the inbox cache");
    return inTransaction(doing, [&]() -> ConnectorError {
        QSqlQuery query(m_store->database());
        query.prepare(QStringLiteral("UPDATE headers SET seen = ? WHERE mailbox = ? AND uid = ? AND seen <> ?"));
        for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
            query.bindValue(0, it.value() ? 1 : 0);
            query.bindValue(1, mailbox);
            query.bindValue(2, qint64(it.key()));
            query.bindValue(3, it.value() ? 1 : 0);
            if (const ConnectorError error = m_store->exec(query, doing))
                return error;
        }
        return {};
    });
}

ConnectorError MessageCache::removeMessages(const QString &mailbox, const QList<quint32> &uids)
{
    if (uids.isEmpty())
        return {};
    const QString doing = tr("cannot write the inbox cache");
    return inTransaction(doing, [&]() -> ConnectorError {
        QSqlQuery headers(m_store->database());
        headers.prepare(QStringLiteral("DELETE FROM headers WHERE mailbox = ? AND uid = ?"));
        QSqlQuery bodies(m_store->database());
        bodies.prepare(QStringLiteral("DELETE FROM bodies WHERE mailbox = ? AND uid = ?"));
        for (quint32 uid : uids) {
            for (QSqlQuery *query : {&headers, &bodies}) {
                query->bindValue(0, mailbox);
                query->bindValue(1, qint64(uid));
                if (const ConnectorError error = m_store->exec(*query, doing))
                    return error;
            }
        }
        return {};
    });
}

QList<MessageSummary> MessageCache::messages(const QString &mailbox, bool unseenOnly, int limit, ConnectorError *error) const
{
    QList<MessageSummary> rows;
    ConnectorError problem;
    const MailboxState state = mailboxState(mailbox, &problem);
    if (problem || !state.known) {
        setError(error, problem);
        return rows;
    }
    QSqlQuery query(m_store->database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + RowColumns + listingTail(unseenOnly));
    query.addBindValue(mailbox);
    query.addBindValue(limit > 0 ? limit : -1);
    if (const ConnectorError failed = m_store->exec(query, tr("cannot read the inbox cache"))) {
        setError(error, failed);
        return rows;
    }
    if (limit > 0)
        rows.reserve(limit);
    while (query.next())
        rows.append(rowFrom(query, state.uidValidity));
    return rows;
}

QList<MessageSummary> MessageCache::messagesWithUids(const QString &mailbox, const QList<quint32> &uids,
                                                     ConnectorError *error) const
{
    QList<MessageSummary> rows;
    ConnectorError problem;
    const MailboxState state = mailboxState(mailbox, &problem);
    if (problem || !state.known || uids.isEmpty()) {
        setError(error, problem);
        return rows;
    }
    // The UIDs are numbers we format, so they go into the statement, 500 at a time.
    constexpr qsizetype Chunk = 500;
    for (qsizetype start = 0; start < uids.size(); start += Chunk) {
        QStringList numbers;
        for (quint32 uid : uids.mid(start, Chunk))
            numbers.append(QString::number(uid));
        QSqlQuery query(m_store->database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1 FROM headers WHERE mailbox = ? AND uid IN (%2)")
                          .arg(RowColumns, numbers.join(QLatin1Char(','))));
        query.addBindValue(mailbox);
        if (const ConnectorError failed = m_store->exec(query, tr("cannot read the inbox cache"))) {
            setError(error, failed);
            return {};
        }
        while (query.next())
            rows.append(rowFrom(query, state.uidValidity));
    }
    std::sort(rows.begin(), rows.end(), [](const MessageSummary &a, const MessageSummary &b) { return a.uid > b.uid; });
    return rows;
}

QList<MessageCache::SeenState> MessageCache::seenStates(const QString &mailbox, bool unseenOnly, int limit,
                                                        ConnectorError *error) const
{
    QList<SeenState> states;
    QSqlQuery query(m_store->database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT uid, seen") + listingTail(unseenOnly));
    query.addBindValue(mailbox);
    query.addBindValue(limit > 0 ? limit : -1);
    if (const ConnectorError failed = m_store->exec(query, tr("cannot read the inbox cache"))) {
        setError(error, failed);
        return states;
    }
    while (query.next())
        states.append({query.value(0).toUInt(), query.value(1).toBool()});
    return states;
}

QList<quint32> MessageCache::uids(const QString &mailbox, ConnectorError *error) const
{
    QList<quint32> out;
    QSqlQuery query(m_store->database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT uid FROM headers WHERE mailbox = ? ORDER BY uid"));
    query.addBindValue(mailbox);
    if (const ConnectorError failed = m_store->exec(query, tr("cannot read the inbox cache"))) {
        setError(error, failed);
        return out;
    }
    while (query.next())
        out.append(query.value(0).toUInt());
    return out;
}

int MessageCache::count(const QString &mailbox, bool unseenOnly, ConnectorError *error) const
{
    QSqlQuery query(m_store->database());
    query.prepare(unseenOnly ? QStringLiteral("SELECT count(*) FROM headers WHERE mailbox = ? AND seen = 0")
                             : QStringLiteral("SELECT count(*) FROM headers WHERE mailbox = ?"));
    query.addBindValue(mailbox);
    if (const ConnectorError failed = m_store->exec(query, tr("cannot read the inbox cache"))) {
        setError(error, failed);
        return 0;
    }
    return query.next() ? query.value(0).toInt() : 0;
}

quint32 MessageCache::highestUid(const QString &mailbox, ConnectorError *error) const
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT max(uid) FROM headers WHERE mailbox = ?"));
    query.addBindValue(mailbox);
    if (const ConnectorError failed = m_store->exec(query, tr("cannot read the inbox cache"))) {
        setError(error, failed);
        return 0;
    }
    return query.next() ? query.value(0).toUInt() : 0;
}

ConnectorError MessageCache::storeBody(const QString &mailbox, quint32 uid, const QByteArray &raw)
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO bodies (mailbox, uid, raw) VALUES (?, ?, ?)"));
    query.addBindValue(mailbox);
    query.addBindValue(qint64(uid));
    query.addBindValue(raw.isNull() ? QByteArray("") : raw);
    return m_store->exec(query, tr("cannot keep the message in the inbox cache"));
}

std::optional<QByteArray> MessageCache::body(const QString &mailbox, quint32 uid, ConnectorError *error) const
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT raw FROM bodies WHERE mailbox = ? AND uid = ?"));
    query.addBindValue(mailbox);
    query.addBindValue(qint64(uid));
    if (const ConnectorError failed = m_store->exec(query, tr("cannot read the inbox cache"))) {
        setError(error, failed);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return query.value(0).toByteArray();
}

} // namespace machina
