#include "outbox.h"

#include "localstore.h"
#include "processidentity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>

namespace machina {

namespace {

using State = OutboxEntry::State;
using Step = OutboxEntry::Step;

QString stamp(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromStamp(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

/// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString now()
{
    return stamp(QDateTime::currentDateTimeUtc());
}

/// The columns entries() reads: all but the message data.
const char *const ListColumns =
    "id, message_id, envelope_from, recipients, subject, smtputf8, origin, state, attempts, last_error, "
    "server_reply, created, sent_at, next_attempt, claimed_by, possibly_duplicate, reply_to_id, seen_state, "
    "copy_state, copy_mailbox, copy_uid";

OutboxEntry entryFrom(const QSqlQuery &query)
{
    const QSqlRecord r = query.record();
    OutboxEntry e;
    e.id = r.value(QStringLiteral("id")).toLongLong();
    e.messageId = r.value(QStringLiteral("message_id")).toString();
    e.envelopeFrom = r.value(QStringLiteral("envelope_from")).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(r.value(QStringLiteral("recipients")).toByteArray()).array())
        e.recipients.append(v.toString());
    e.subject = r.value(QStringLiteral("subject")).toString();
    if (r.indexOf(QStringLiteral("data")) >= 0)
        e.data = r.value(QStringLiteral("data")).toByteArray();
    e.smtpUtf8 = r.value(QStringLiteral("smtputf8")).toBool();
    e.origin = r.value(QStringLiteral("origin")).toString();
    e.state = OutboxEntry::stateFromName(r.value(QStringLiteral("state")).toString());
    e.attempts = r.value(QStringLiteral("attempts")).toInt();
    e.lastError = r.value(QStringLiteral("last_error")).toString();
    e.serverReply = r.value(QStringLiteral("server_reply")).toString();
    e.created = fromStamp(r.value(QStringLiteral("created")));
    e.sentAt = fromStamp(r.value(QStringLiteral("sent_at")));
    e.nextAttempt = fromStamp(r.value(QStringLiteral("next_attempt")));
    e.claimedBy = r.value(QStringLiteral("claimed_by")).toString();
    e.possiblyDuplicate = r.value(QStringLiteral("possibly_duplicate")).toBool();
    e.replyToId = r.value(QStringLiteral("reply_to_id")).toString();
    e.seenStep = OutboxEntry::stepFromName(r.value(QStringLiteral("seen_state")).toString());
    e.copyStep = OutboxEntry::stepFromName(r.value(QStringLiteral("copy_state")).toString());
    e.copyMailbox = r.value(QStringLiteral("copy_mailbox")).toString();
    e.copyUid = r.value(QStringLiteral("copy_uid")).toString();
    return e;
}

} // namespace

QString OutboxEntry::stateName(State state)
{
    switch (state) {
    case State::Queued: return QStringLiteral("queued");
    case State::Sending: return QStringLiteral("sending");
    case State::Sent: return QStringLiteral("sent");
    case State::Failed: return QStringLiteral("failed");
    case State::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("queued");
}

OutboxEntry::State OutboxEntry::stateFromName(const QString &name)
{
    for (State s : {State::Queued, State::Sending, State::Sent, State::Failed, State::Cancelled}) {
        if (stateName(s) == name)
            return s;
    }
    return State::Queued;
}

QString OutboxEntry::stepName(Step step)
{
    switch (step) {
    case Step::None: return QStringLiteral("none");
    case Step::Pending: return QStringLiteral("pending");
    case Step::Done: return QStringLiteral("done");
    case Step::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("none");
}

OutboxEntry::Step OutboxEntry::stepFromName(const QString &name)
{
    for (Step s : {Step::None, Step::Pending, Step::Done, Step::Failed}) {
        if (stepName(s) == name)
            return s;
    }
    return Step::None;
}

Outbox::Outbox(LocalStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    connect(&m_foreignPoll, &QTimer::timeout, this, [this] {
        const qint64 version = m_store->dataVersion();
        if (version != m_dataVersion) {
            m_dataVersion = version;
            Q_EMIT changedElsewhere();
            Q_EMIT changed();
        }
    });
}

void Outbox::watchForeignChanges(int ms)
{
    if (ms <= 0)
        return m_foreignPoll.stop();
    m_dataVersion = m_store->dataVersion();
    m_foreignPoll.start(ms);
}

ConnectorError Outbox::enqueue(const OutboxEntry &entry, bool claimed, qint64 *id)
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral(
        "INSERT INTO outbox (message_id, envelope_from, recipients, subject, data, smtputf8, origin, state, attempts,"
        " created, claimed_by, reply_to_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    query.addBindValue(entry.messageId);
    query.addBindValue(entry.envelopeFrom);
    query.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(entry.recipients)).toJson(QJsonDocument::Compact)));
    query.addBindValue(entry.subject);
    query.addBindValue(entry.data);
    query.addBindValue(entry.smtpUtf8);
    query.addBindValue(entry.origin);
    query.addBindValue(OutboxEntry::stateName(claimed ? State::Sending : State::Queued));
    query.addBindValue(claimed ? 1 : 0);
    query.addBindValue(now());
    query.addBindValue(claimed ? ProcessIdentity::current() : QVariant(QMetaType(QMetaType::QString)));
    query.addBindValue(entry.replyToId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(entry.replyToId));
    // A new message is on disk before anyone is told it is queued (synchronous FULL: it survives a
    // power cut too). The state changes after it commit at NORMAL: safe from a crash of the process;
    // a power cut may undo the last few, and those entries are then resent once, marked.
    QSqlQuery durability(m_store->database());
    durability.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    const ConnectorError error = m_store->exec(query, tr("cannot queue the message <%1>").arg(entry.messageId));
    durability.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    if (error)
        return error;
    *id = query.lastInsertId().toLongLong();
    Q_EMIT changed();
    return {};
}

QList<OutboxEntry> Outbox::entries(ConnectorError *error) const
{
    QList<OutboxEntry> all;
    QSqlQuery query(m_store->database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM outbox ORDER BY id DESC").arg(QLatin1String(ListColumns)));
    const ConnectorError failed = m_store->exec(query, tr("cannot read the outbox"));
    if (error)
        *error = failed;
    while (!failed && query.next())
        all.append(entryFrom(query));
    return all;
}

std::optional<OutboxEntry> Outbox::entry(qint64 id) const
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT * FROM outbox WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return entryFrom(query);
}

std::optional<OutboxEntry> Outbox::find(const QString &key) const
{
    QString messageId = key.trimmed();
    if (messageId.startsWith(u'<') && messageId.endsWith(u'>'))
        messageId = messageId.mid(1, messageId.size() - 2);
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT id FROM outbox WHERE message_id = ?"));
    query.addBindValue(messageId);
    if (query.exec() && query.next())
        return entry(query.value(0).toLongLong());
    bool numeric = false;
    const qint64 id = messageId.toLongLong(&numeric);
    return numeric ? entry(id) : std::nullopt;
}

std::optional<OutboxEntry> Outbox::replyFor(const QString &replyToId) const
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT id FROM outbox WHERE reply_to_id = ? AND state NOT IN ('failed','cancelled')"
                                 " ORDER BY id DESC LIMIT 1"));
    query.addBindValue(replyToId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return entry(query.value(0).toLongLong());
}

int Outbox::pendingCount() const
{
    QSqlQuery query(m_store->database());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE state IN ('queued','sending')")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

std::optional<OutboxEntry> Outbox::claimNext(bool ignoreBackoff, ConnectorError *error, qint64 afterId)
{
    // One statement: two senders never claim the same entry.
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'sending', claimed_by = ?, attempts = attempts + 1 WHERE id = ("
        " SELECT id FROM outbox WHERE state = 'queued' AND id > ? AND (? OR next_attempt IS NULL OR next_attempt <= ?)"
        " ORDER BY id LIMIT 1) AND state = 'queued' RETURNING *"));
    query.addBindValue(ProcessIdentity::current());
    query.addBindValue(afterId);
    query.addBindValue(ignoreBackoff);
    query.addBindValue(now());
    if ((*error = m_store->exec(query, tr("cannot take the next message from the outbox"))))
        return std::nullopt;
    if (!query.next())
        return std::nullopt;
    OutboxEntry claimed = entryFrom(query);
    query.finish();
    Q_EMIT changed();
    return claimed;
}

ConnectorError Outbox::update(qint64 id, const QString &assignments, const QVariantList &values, const QString &doing,
                              const QString &condition)
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("UPDATE outbox SET %1 WHERE id = ?%2").arg(assignments, condition));
    for (const QVariant &v : values)
        query.addBindValue(v);
    query.addBindValue(id);
    if (const ConnectorError error = m_store->exec(query, doing))
        return error;
    if (query.numRowsAffected() == 0 && !condition.isEmpty())
        return {ConnectorError::Kind::Config, tr("Outbox entry %1 is not in a state that allows this.").arg(id)};
    Q_EMIT changed();
    return {};
}

ConnectorError Outbox::markSent(qint64 id, const QString &serverReply, bool wantCopy)
{
    return update(id,
                  QStringLiteral("state = 'sent', server_reply = ?, sent_at = ?, claimed_by = NULL, last_error = '',"
                                 " copy_state = ?, seen_state = CASE WHEN reply_to_id IS NULL THEN 'none' ELSE 'pending' END"),
                  {text(serverReply), now(), OutboxEntry::stepName(wantCopy ? Step::Pending : Step::None)},
                  tr("cannot record that entry %1 was sent").arg(id));
}

ConnectorError Outbox::markRetry(qint64 id, const QString &error, const QString &serverReply, const QDateTime &nextAttempt)
{
    return update(id, QStringLiteral("state = 'queued', last_error = ?, server_reply = ?, next_attempt = ?, claimed_by = NULL"),
                  {text(error), text(serverReply), stamp(nextAttempt)}, tr("cannot record the failure of entry %1").arg(id));
}

ConnectorError Outbox::markFailed(qint64 id, const QString &error, const QString &serverReply)
{
    return update(id, QStringLiteral("state = 'failed', last_error = ?, server_reply = ?, claimed_by = NULL"),
                  {text(error), text(serverReply)}, tr("cannot record the failure of entry %1").arg(id));
}

int Outbox::recoverInDoubt(ConnectorError *error)
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT id, claimed_by FROM outbox WHERE state = 'sending'"));
    if (const ConnectorError failed = m_store->exec(query, tr("cannot read the outbox"))) {
        if (error)
            *error = failed;
        return 0;
    }
    QList<qint64> orphans;
    while (query.next()) {
        if (!ProcessIdentity::isAlive(query.value(1).toString()))
            orphans.append(query.value(0).toLongLong());
    }
    query.finish();
    int recovered = 0;
    for (qint64 id : std::as_const(orphans)) {
        // Still the dead process's claim: nobody took it meanwhile.
        const ConnectorError failed = update(
            id, QStringLiteral("state = 'queued', possibly_duplicate = 1, claimed_by = NULL, next_attempt = NULL,"
                               " last_error = ?"),
            {tr("the sender stopped while sending it; it is sent again with the same Message-ID")},
            tr("cannot queue entry %1 again").arg(id), QStringLiteral(" AND state = 'sending'"));
        if (!failed)
            ++recovered;
        else if (error && failed.kind() == ConnectorError::Kind::Store)
            *error = failed;
    }
    return recovered;
}

ConnectorError Outbox::retry(qint64 id)
{
    return update(id, QStringLiteral("state = 'queued', next_attempt = NULL, claimed_by = NULL"), {},
                  tr("cannot retry entry %1").arg(id), QStringLiteral(" AND state IN ('queued','failed','cancelled')"));
}

ConnectorError Outbox::cancel(qint64 id)
{
    return update(id, QStringLiteral("state = 'cancelled', next_attempt = NULL"), {},
                  tr("cannot cancel entry %1").arg(id), QStringLiteral(" AND state IN ('queued','failed')"));
}

QList<OutboxEntry> Outbox::pendingSteps() const
{
    QList<OutboxEntry> due;
    QSqlQuery query(m_store->database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT * FROM outbox WHERE state = 'sent' AND (copy_state = 'pending' OR seen_state = 'pending')"
                                 " ORDER BY id"));
    if (query.exec()) {
        while (query.next())
            due.append(entryFrom(query));
    }
    return due;
}

ConnectorError Outbox::setCopyStep(qint64 id, Step step, const QString &mailbox, const QString &uid)
{
    return update(id, QStringLiteral("copy_state = ?, copy_mailbox = ?, copy_uid = ?"),
                  {OutboxEntry::stepName(step), text(mailbox), text(uid)}, tr("cannot record the Sent copy of entry %1").arg(id));
}

ConnectorError Outbox::setSeenStep(qint64 id, Step step)
{
    return update(id, QStringLiteral("seen_state = ?"), {OutboxEntry::stepName(step)},
                  tr("cannot record the read mark for entry %1").arg(id));
}

} // namespace machina
