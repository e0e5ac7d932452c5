#include "outboxsender.h"

#include "backends/mailbackend.h"
#include "messageid.h"
#include "mime/messagebuilder.h"
#include "outboxflushreply.h"
#include "sendreply.h"
#include "sentcopyreply.h"
#include "store/localstore.h"
#include "store/outbox.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcOutbox, "machina.outbox", QtWarningMsg)

namespace machina {

namespace {

using Kind = ConnectorError::Kind;
using Step = OutboxEntry::Step;

BuiltMessage builtFrom(const OutboxEntry &entry)
{
    BuiltMessage m;
    m.data = entry.data;
    m.messageId = entry.messageId;
    m.envelopeFrom = entry.envelopeFrom;
    m.envelopeTo = entry.recipients;
    m.needsSmtpUtf8 = entry.smtpUtf8;
    m.has8BitData = std::any_of(entry.data.cbegin(), entry.data.cend(), [](char c) { return uchar(c) >= 0x80; });
    return m;
}

OutboxEntry entryFrom(const BuiltMessage &message, const QString &origin, const QString &replyToId)
{
    OutboxEntry e;
    e.messageId = message.messageId;
    e.envelopeFrom = message.envelopeFrom;
    e.recipients = message.envelopeTo;
    e.data = message.data;
    e.smtpUtf8 = message.needsSmtpUtf8;
    e.origin = origin;
    e.replyToId = replyToId;
    // The subject as the header has it, unfolded (encoded words stay encoded): for the outbox list only.
    const qsizetype headerEnd = message.data.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = message.data.left(headerEnd < 0 ? message.data.size() : headerEnd).split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).startsWith("Subject:"))
            continue;
        QByteArray subject = lines.at(i).mid(8).trimmed();
        for (qsizetype j = i + 1; j < lines.size() && (lines.at(j).startsWith(' ') || lines.at(j).startsWith('\t')); ++j)
            subject += ' ' + lines.at(j).trimmed();
        e.subject = QString::fromUtf8(subject);
        break;
    }
    return e;
}

/// The server could not be reached at all (rather than refusing or deferring this one message).
bool isUnreachable(const ConnectorError &error)
{
    switch (error.kind()) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Tls:
    case Kind::NotConnected:
    case Kind::Auth:
    case Kind::Config:
        return true;
    default:
        return false;
    }
}

} // namespace

OutboxSender::OutboxSender(Outbox *outbox, MailBackend *backend, QObject *parent)
    : QObject(parent), m_outbox(outbox), m_backend(backend)
{
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &OutboxSender::pump);
    m_dueTimer.setSingleShot(true);
    connect(&m_dueTimer, &QTimer::timeout, this, [this] {
        m_stopped = false;
        pump();
    });
    // Queued here or by another process (the foreign-change poll): drain it.
    connect(m_outbox, &Outbox::changed, this, [this] {
        if (m_draining && !m_inFlight && !m_stopped)
            schedulePump();
    });
}

OutboxSender::~OutboxSender() = default;

void OutboxSender::setBackoff(int baseMs, int maxMs)
{
    m_backoffBaseMs = baseMs;
    m_backoffMaxMs = maxMs;
}

int OutboxSender::backoffFor(int attempts) const
{
    const int shift = std::clamp(attempts - 1, 0, 20);
    return int(std::min<qint64>(m_backoffMaxMs, qint64(m_backoffBaseMs) << shift));
}

void OutboxSender::setSeenHandledElsewhere(std::function<bool(const QString &)> predicate)
{
    m_seenElsewhere = std::move(predicate);
}

ConnectorError OutboxSender::queue(const BuiltMessage &message, const QString &origin, const QString &replyToId, qint64 *id)
{
    qint64 ignored = 0;
    return m_outbox->enqueue(entryFrom(message, origin, replyToId), false, id ? id : &ignored);
}

SendReply *OutboxSender::sendNow(const BuiltMessage &message, const QString &origin, bool keepOnTransientFailure,
                                 int deadlineMs)
{
    auto *reply = new SendReply;
    reply->setMessageId(message.messageId);
    qint64 id = 0;
    // On disk before the first byte goes out.
    if (const ConnectorError error = m_outbox->enqueue(entryFrom(message, origin, {}), true, &id)) {
        reply->finish(error);
        return reply;
    }
    if (!m_backend) {
        reply->finish({Kind::Aborted, tr("The account was closed before this ran.")});
        return reply;
    }
    SendReply *sent = m_backend->send(message);
    sent->setParent(reply);
    // The caller owns the reply and may keep it past the sender (the connector closed): guarded.
    const QPointer<OutboxSender> self(this);
    connect(sent, &ConnectorReply::finished, reply, [this, self, sent, reply, id, keepOnTransientFailure, message] {
        sent->deleteLater();
        reply->setRecipients(sent->recipients());
        reply->setServerReply(sent->serverReply());
        if (!self)
            return reply->finish(sent->error());   // the entry stays in sending: the next drain resends it, marked
        if (!sent->error()) {
            // From here on it is like a drained entry: marked sent, announced, its Sent copy queued.
            if (const std::optional<OutboxEntry> entry = m_outbox->entry(id))
                settle(*entry, sent);
            return reply->finish();
        }
        const QString why = sent->error().message();
        if (keepOnTransientFailure && sent->isTransientFailure()) {
            const QDateTime next = QDateTime::currentDateTimeUtc().addMSecs(backoffFor(1));
            m_outbox->markRetry(id, why, sent->serverReply(), next);
            reply->setQueued(true);
            Q_EMIT entryDeferred(id, message.messageId, why, next);
            if (m_draining)
                scheduleNextDue();
        } else {
            // The caller reports it (machina-mail send's exit code): never sent later behind its back.
            m_outbox->markFailed(id, why, sent->serverReply());
            Q_EMIT entryFailed(id, message.messageId, why);
        }
        reply->finish(sent->error());
    });
    if (deadlineMs > 0) {
        QTimer::singleShot(deadlineMs, reply, [this, self, reply, id, keepOnTransientFailure, message, deadlineMs] {
            if (reply->isFinished() || !self)
                return;
            const QString why = tr("The send took longer than %1 s (timeout); it was given up.").arg(deadlineMs / 1000.0);
            if (keepOnTransientFailure) {
                m_outbox->markRetry(id, why, {}, QDateTime::currentDateTimeUtc().addMSecs(backoffFor(1)));
                reply->setQueued(true);
            } else {
                m_outbox->markFailed(id, why, {});
                Q_EMIT entryFailed(id, message.messageId, why);
            }
            reply->finish({Kind::Timeout, why});
        });
    }
    return reply;
}

bool OutboxSender::holdLease(QString *holder)
{
    if (m_lease && m_lease->isLocked())
        return true;
    m_lease = std::make_unique<QLockFile>(m_outbox->store()->path() + QStringLiteral(".sending.lock"));
    m_lease->setStaleLockTime(0);   // held as long as the process lives; only a dead holder loses it
    if (m_lease->tryLock(0)) {
        // A new holder first queues again what dead senders left in sending.
        ConnectorError error;
        if (const int recovered = m_outbox->recoverInDoubt(&error))
            qCInfo(lcOutbox) << recovered << "entries left in sending by a process that stopped are queued again";
        return true;
    }
    qint64 pid = 0;
    QString host, app;
    m_lease->getLockInfo(&pid, &host, &app);
    *holder = tr("%1 (process %2)").arg(app.isEmpty() ? tr("another program") : app).arg(pid);
    m_lease.reset();
    return false;
}

void OutboxSender::setDraining(bool draining)
{
    m_draining = draining;
    if (draining) {
        m_stopped = false;
        schedulePump();
    } else {
        m_dueTimer.stop();
        if (!m_flush && !m_inFlight)
            m_lease.reset();
    }
}

void OutboxSender::kick()
{
    if (!m_draining && !m_flush)
        return;
    m_stopped = false;
    // A pass that ignores backoff already runs (a flush, an earlier kick): it goes on where it is,
    // or it would take again what it just deferred.
    if (!m_ignoreBackoff) {
        m_ignoreBackoff = true;
        m_passAfterId = 0;
    }
    schedulePump();
}

OutboxFlushReply *OutboxSender::flush()
{
    auto *reply = new OutboxFlushReply;
    if (m_flush) {
        reply->finish({Kind::Config, tr("The outbox is being flushed already.")});
        return reply;
    }
    QString holder;
    if (!holdLease(&holder)) {
        reply->finish({Kind::Store, tr("The outbox is being sent by %1; it sends these messages too.").arg(holder)});
        return reply;
    }
    m_flush = reply;
    m_flushClaimsDone = false;
    m_stopped = false;
    m_ignoreBackoff = true;
    m_passAfterId = 0;
    loadLeftoverSteps();
    schedulePump();
    return reply;
}

void OutboxSender::schedulePump(int ms)
{
    if (!m_pumpTimer.isActive() || ms == 0)
        m_pumpTimer.start(ms);
}

void OutboxSender::pump()
{
    if (m_inFlight || (!m_draining && !m_flush) || !m_backend)
        return;
    if (m_stopped && !m_flush)
        return;
    QString holder;
    if (!holdLease(&holder)) {
        // Another process drains this store; look again later, in case it goes away.
        qCDebug(lcOutbox).noquote() << "the outbox is drained by" << holder;
        m_dueTimer.start(30000);
        return;
    }
    if (m_draining && !m_flush && m_steps.empty())
        loadLeftoverSteps();
    ConnectorError error;
    std::optional<OutboxEntry> entry;
    if (!m_stopped) {
        entry = m_outbox->claimNext(m_ignoreBackoff, &error, m_ignoreBackoff ? m_passAfterId : 0);
        if (!entry && m_ignoreBackoff && !m_flush) {
            // The pass that ignored backoff is over; what is left waits for its time.
            m_ignoreBackoff = false;
            entry = m_outbox->claimNext(false, &error);
        }
    }
    if (error)
        qCWarning(lcOutbox).noquote() << error.message();
    if (!entry) {
        if (m_flush) {
            m_flushClaimsDone = true;
            return maybeFinishFlush();
        }
        return scheduleNextDue();
    }
    if (m_ignoreBackoff)
        m_passAfterId = entry->id;
    sendEntry(*entry);
}

void OutboxSender::sendEntry(const OutboxEntry &entry)
{
    m_inFlight = true;
    SendReply *sent = m_backend->send(builtFrom(entry));
    sent->setParent(this);
    connect(sent, &ConnectorReply::finished, this, [this, sent, entry] {
        sent->deleteLater();
        m_inFlight = false;
        const Outcome outcome = settle(entry, sent);
        if (m_flush) {
            switch (outcome) {
            case Outcome::Sent: m_flush->countSent(); break;
            case Outcome::Failed: m_flush->countFailed(sent->error().message()); break;
            case Outcome::Deferred: m_flush->noteDeferred(sent->error().message()); break;
            case Outcome::Unreachable: m_flush->setUnreachable(sent->error().message()); break;
            }
        }
        if (outcome == Outcome::Unreachable) {
            // The rest would fail the same way: the pass ends, they keep their turn.
            m_stopped = true;
            if (m_flush) {
                m_flushClaimsDone = true;
                return maybeFinishFlush();
            }
            return scheduleNextDue();
        }
        pump();
    });
}

OutboxSender::Outcome OutboxSender::settle(const OutboxEntry &entry, const SendReply *sent)
{
    if (!sent->error()) {
        const bool copy = m_backend && m_backend->keepsSentCopies();
        if (const ConnectorError recorded = m_outbox->markSent(entry.id, sent->serverReply(), copy))
            qCWarning(lcOutbox).noquote() << recorded.message();
        // Asked before entrySent: a listener that waits for this reply stores the read mark itself.
        const bool seen = !entry.replyToId.isEmpty() && !(m_seenElsewhere && m_seenElsewhere(entry.replyToId));
        Q_EMIT entrySent(entry.id, entry.messageId, entry.recipients);
        if (copy || seen) {
            OutboxEntry done = entry;
            done.state = OutboxEntry::State::Sent;
            done.copyStep = copy ? Step::Pending : Step::None;
            done.seenStep = seen ? Step::Pending : Step::None;
            m_steps.push_back(done);
            m_stepIds.insert(done.id);
            runSteps();
        }
        return Outcome::Sent;
    }
    const QString why = sent->error().message();
    if (sent->isTransientFailure()) {
        const int base = backoffFor(entry.attempts);
        const int jitter = base / 4 > 0 ? int(QRandomGenerator::global()->bounded(base / 2 + 1)) - base / 4 : 0;
        const QDateTime next = QDateTime::currentDateTimeUtc().addMSecs(base + jitter);
        m_outbox->markRetry(entry.id, why, sent->serverReply(), next);
        Q_EMIT entryDeferred(entry.id, entry.messageId, why, next);
        return isUnreachable(sent->error()) ? Outcome::Unreachable : Outcome::Deferred;
    }
    if (isUnreachable(sent->error())) {
        // A refused login or a certificate: nothing this message did; it waits for the account to be fixed.
        const QDateTime next = QDateTime::currentDateTimeUtc().addMSecs(backoffFor(entry.attempts));
        m_outbox->markRetry(entry.id, why, sent->serverReply(), next);
        Q_EMIT entryDeferred(entry.id, entry.messageId, why, next);
        return Outcome::Unreachable;
    }
    m_outbox->markFailed(entry.id, why, sent->serverReply());
    Q_EMIT entryFailed(entry.id, entry.messageId, why);
    return Outcome::Failed;
}

void OutboxSender::scheduleNextDue()
{
    if (!m_draining)
        return;
    QSqlQuery query(m_outbox->store()->database());
    if (!query.exec(QStringLiteral("SELECT min(next_attempt) FROM outbox WHERE state = 'queued'")) || !query.next()
        || query.isNull(0)) {
        m_dueTimer.stop();
        return;
    }
    const QDateTime due = QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
    const qint64 wait = std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(due), 50, 24 * 3600 * 1000);
    m_dueTimer.start(int(wait));
}

void OutboxSender::loadLeftoverSteps()
{
    for (OutboxEntry &e : m_outbox->pendingSteps()) {
        if (m_stepIds.contains(e.id))
            continue;
        if (e.seenStep == Step::Pending && m_seenElsewhere && m_seenElsewhere(e.replyToId))
            e.seenStep = Step::None;
        if (e.copyStep == Step::Pending && !(m_backend && m_backend->keepsSentCopies()))
            e.copyStep = Step::None;
        if (e.copyStep != Step::Pending && e.seenStep != Step::Pending)
            continue;
        m_stepIds.insert(e.id);
        m_steps.push_back(e);
    }
    runSteps();
}

void OutboxSender::runSteps()
{
    if (m_stepRunning || m_steps.empty() || !m_backend)
        return maybeFinishFlush();
    m_stepRunning = true;
    if (m_steps.front().copyStep == Step::Pending) {
        // The copies due at the front go in one command (MULTIAPPEND where the server has it):
        // one mailbox transaction for many, so the copies keep up with the sends.
        QList<QByteArray> messages;
        qsizetype bytes = 0;
        for (const OutboxEntry &e : m_steps) {
            if (e.copyStep != Step::Pending || messages.size() == MaxCopiesAtOnce || bytes > MaxCopyBytesAtOnce)
                break;
            messages.append(e.data);
            bytes += e.data.size();
        }
        SentCopyReply *copy = m_backend->storeSentCopies(messages);
        copy->setParent(this);
        const qsizetype count = messages.size();
        connect(copy, &ConnectorReply::finished, this, [this, copy, count] {
            copy->deleteLater();
            const QStringList uids = copy->uids();
            for (qsizetype i = 0; i < count && i < qsizetype(m_steps.size()); ++i) {
                OutboxEntry &e = m_steps[size_t(i)];
                if (!copy->error()) {
                    m_outbox->setCopyStep(e.id, Step::Done, copy->mailbox(), uids.value(i));
                    e.copyStep = Step::Done;
                } else if (isUnreachable(copy->error())) {
                    // Kept pending in the store: the next pass (or the next start) copies it.
                    e.copyStep = Step::None;
                } else {
                    m_outbox->setCopyStep(e.id, Step::Failed);
                    e.copyStep = Step::Failed;
                }
            }
            if (copy->error()) {
                Q_EMIT stepFailed(m_steps.front().id, tr("the Sent copy of %n message(s) %1: %2", nullptr, int(count))
                                                          .arg(isUnreachable(copy->error()) ? tr("waits") : tr("failed"),
                                                               copy->error().message()));
            }
            stepDone();
        });
        return;
    }
    OutboxEntry &e = m_steps.front();
    if (e.seenStep == Step::Pending) {
        const MessageId answered = MessageId::parse(e.replyToId);
        ConnectorReply *seen = m_backend->setSeen({answered}, true);
        seen->setParent(this);
        connect(seen, &ConnectorReply::finished, this, [this, seen] {
            seen->deleteLater();
            OutboxEntry &e = m_steps.front();
            if (!seen->error() || !isUnreachable(seen->error()))
                m_outbox->setSeenStep(e.id, seen->error() ? Step::Failed : Step::Done);
            if (seen->error())
                Q_EMIT stepFailed(e.id, tr("the read mark for the message answered by <%1>: %2").arg(e.messageId, seen->error().message()));
            e.seenStep = Step::None;
            stepDone();
        });
        return;
    }
    stepDone();
}

void OutboxSender::stepDone()
{
    m_stepRunning = false;
    // What is done at the front leaves; an entry with its \Seen still to do stays for it.
    while (!m_steps.empty() && m_steps.front().copyStep != Step::Pending && m_steps.front().seenStep != Step::Pending) {
        m_stepIds.remove(m_steps.front().id);
        m_steps.pop_front();
    }
    runSteps();
}

ConnectorReply *OutboxSender::whenStepsDone()
{
    auto *reply = new ConnectorReply;
    if (!m_stepRunning && m_steps.empty())
        reply->finish();
    else
        m_stepWaiters.append(reply);
    return reply;
}

void OutboxSender::maybeFinishFlush()
{
    if (!m_stepRunning && m_steps.empty()) {
        for (const QPointer<ConnectorReply> &waiter : std::exchange(m_stepWaiters, {})) {
            if (waiter)
                waiter->finish();
        }
    }
    if (!m_flush || !m_flushClaimsDone || m_inFlight || m_stepRunning || !m_steps.empty())
        return;
    OutboxFlushReply *reply = m_flush;
    m_flush = nullptr;
    m_ignoreBackoff = false;
    QSqlQuery count(m_outbox->store()->database());
    if (count.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE state IN ('queued','sending')")) && count.next())
        reply->setStillQueued(count.value(0).toInt());
    m_stopped = false;
    if (!m_draining)
        m_lease.reset();
    reply->finish();
}

} // namespace machina
