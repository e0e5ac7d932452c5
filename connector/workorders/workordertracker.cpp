#include "workordertracker.h"

#include "../emailconnector.h"
#include "../imap/imapclient.h"
#include "../imap/inboxmonitor.h"
#include "../sendreply.h"
#include "../store/workordermirror.h"
#include "replyscanner.h"
#include "workorderfolder.h"
#include "workorderflow.h"
#include "workorderjson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUuid>

namespace machina {

namespace {

Q_LOGGING_CATEGORY(lcTracker, "machina.workorders")

constexpr int ClaimAttempts = 8;
constexpr int StepAttempts = 5;
const QString InboxMark = QStringLiteral("inbox");
const QString ReservedMark = QStringLiteral("reserved");      ///< "id claimant": an id claimed for a work order made offline
const QString PendingPrefix = QStringLiteral("pending:");     ///< pending:<id> -> {"claimant", "order"}: made offline, not shared yet

bool isUnreachable(const ConnectorError &error)
{
    return error.kind() == ConnectorError::Kind::Network || error.kind() == ConnectorError::Kind::Timeout
        || error.kind() == ConnectorError::Kind::NotConnected;
}

QString domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    return at < 0 ? QStringLiteral("machina.invalid") : address.mid(at + 1).toLower();
}

QString quoted(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(u'\n'))
        lines.append(QStringLiteral("> ") + line);
    return lines.join(u'\n');
}

} // namespace

WorkOrderTracker::WorkOrderTracker(EmailConnector *connector, const WorkOrderSettings &settings, QObject *parent)
    : QObject(parent),
      m_connector(connector),
      m_settings(settings),
      m_ids(settings.idPattern),
      m_actor(QStringLiteral("machina")),
      m_claimant(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (connector->store()) {
        m_mirror = std::make_unique<WorkOrderMirror>(connector->store());
        m_orders = m_mirror->all();
    }
    m_pollTimer.setInterval(std::max(1, connector->config().pollInterval) * 1000);
    connect(&m_pollTimer, &QTimer::timeout, this, &WorkOrderTracker::queueRefresh);
    m_deadlineTimer.setInterval(1000);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &WorkOrderTracker::checkDeadlines);
}

WorkOrderTracker::~WorkOrderTracker() = default;

void WorkOrderTracker::start()
{
    if (m_running)
        return;
    m_running = true;
    queueRefresh();
    m_pollTimer.start();
    m_deadlineTimer.start();
}

void WorkOrderTracker::stop()
{
    m_running = false;
    m_pollTimer.stop();
    m_deadlineTimer.stop();
    if (m_folder)
        m_folder->close();
    if (m_scanner)
        m_scanner->close();
}

QList<WorkOrder> WorkOrderTracker::workOrders() const
{
    return m_orders;
}

std::optional<WorkOrder> WorkOrderTracker::workOrder(const QString &id) const
{
    for (const WorkOrder &order : m_orders) {
        if (order.id.compare(id, Qt::CaseInsensitive) == 0)
            return order;
    }
    return std::nullopt;
}

int WorkOrderTracker::unacknowledgedCount() const
{
    return int(std::count_if(m_orders.cbegin(), m_orders.cend(), [](const WorkOrder &o) {
        return o.state == WorkOrderState::Open || o.state == WorkOrderState::Notified;
    }));
}

std::optional<WorkOrder> WorkOrderTracker::match(const QString &subject, const QString &inReplyTo,
                                                 const QStringList &references) const
{
    QStringList ids = references;
    if (!inReplyTo.isEmpty())
        ids.prepend(inReplyTo);
    for (const QString &raw : std::as_const(ids)) {
        QString id = raw.trimmed();
        if (id.startsWith(u'<') && id.endsWith(u'>'))
            id = id.mid(1, id.size() - 2);
        for (const WorkOrder &order : m_orders) {
            if (order.notificationIds.contains(id, Qt::CaseInsensitive))
                return order;
        }
    }
    const QString found = m_ids.find(subject);
    return found.isEmpty() ? std::nullopt : workOrder(found);
}

// ---- the job queue: one server conversation at a time ----------------------

void WorkOrderTracker::runJob(Job job)
{
    m_jobs.push_back(std::move(job));
    if (!m_busy)
        nextJob();
}

void WorkOrderTracker::nextJob()
{
    if (m_jobs.empty()) {
        m_busy = false;
        return;
    }
    m_busy = true;
    Job job = std::move(m_jobs.front());
    m_jobs.pop_front();
    QPointer<WorkOrderTracker> self(this);
    job([self](const ConnectorError &) {
        if (self)
            QMetaObject::invokeMethod(self, &WorkOrderTracker::nextJob, Qt::QueuedConnection);
    });
}

void WorkOrderTracker::whenReady(const Done &then)
{
    if (m_folder && m_scanner)
        return then({});
    m_connector->imapSessionSettings(this, m_settings.folder, [this, then](const ConnectorError &error,
                                                                           const ImapSettings &folderSettings) {
        if (error)
            return then(error);
        if (!m_folder)
            m_folder = new WorkOrderFolder(folderSettings, this);
        ImapSettings inbox = folderSettings;
        inbox.mailbox = QStringLiteral("INBOX");
        if (!m_scanner)
            m_scanner = new ReplyScanner(inbox, this);
        if (m_running && !m_readOnly) {
            auto *monitor = new InboxMonitor(inbox, m_connector->config().pollInterval, this);
            connect(monitor, &InboxMonitor::changed, this, &WorkOrderTracker::queueRefresh);
            monitor->start();
        }
        then({});
    });
}

void WorkOrderTracker::queueRefresh()
{
    // One waiting is enough: it reads everything that happened before it runs.
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    runJob([this](const Done &done) {
        m_refreshQueued = false;
        doRefresh(done);
    });
}

ConnectorReply *WorkOrderTracker::refresh()
{
    auto *reply = new ConnectorReply;
    QPointer<ConnectorReply> guard(reply);
    runJob([this, guard](const Done &done) {
        doRefresh([guard, done](const ConnectorError &error) {
            if (guard)
                guard->finish(error);
            done(error);
        });
    });
    return reply;
}

void WorkOrderTracker::doRefresh(const Done &done)
{
    whenReady([this, done](const ConnectorError &error) {
        if (error) {
            m_lastError = error;
            Q_EMIT problem(error);
            return done(error);
        }
        m_folder->load([this, done](const ConnectorError &error) {
            if (error) {
                m_lastError = error;
                Q_EMIT problem(error);
                return done(error);
            }
            adopt(m_folder->orders());
            m_ready = true;
            // Orders this store made offline go to the server first, even for a reader.
            sharePending([this, done](const ConnectorError &error) {
                if (error)
                    Q_EMIT problem(error);
                if (m_readOnly)
                    return done(error);
                reserve([this, done](const ConnectorError &error) {
                    if (error)
                        Q_EMIT problem(error);
                    scanReplies([this, done](const ConnectorError &error) {
                        m_lastError = error;
                        if (error)
                            Q_EMIT problem(error);
                        done(error);
                    });
                });
            });
        });
    });
}

// ---- replies ----------------------------------------------------------------

void WorkOrderTracker::scanReplies(const Done &done)
{
    const QStringList mark = m_mirror ? m_mirror->mark(InboxMark).split(u':') : QStringList();
    const quint32 validity = mark.size() == 2 ? mark.at(0).toUInt() : 0;
    const quint32 after = mark.size() == 2 ? mark.at(1).toUInt() : 0;
    QDate since;
    for (const WorkOrder &order : std::as_const(m_orders)) {
        if (order.isOpen() && order.created.isValid() && (!since.isValid() || order.created.date() < since))
            since = order.created.date();
    }
    if (since.isValid())
        since = since.addDays(-1);   // SEARCH SINCE compares dates in the server's zone
    const auto matcher = [this](const QString &subject, const QString &inReplyTo, const QStringList &references) {
        return match(subject, inReplyTo, references).has_value();
    };
    m_scanner->scan(validity, after, since, matcher, [this, done](const ReplyScanner::Result &result) {
        if (result.error)
            return done(result.error);
        applyReplies(result.replies, [this, done, result](const ConnectorError &error) {
            if (!error && m_mirror)
                m_mirror->setMark(InboxMark, QStringLiteral("%1:%2").arg(result.uidValidity).arg(result.lastUid));
            done(error);
        });
    });
}

void WorkOrderTracker::applyReplies(QList<IncomingReply> replies, const Done &done)
{
    if (replies.isEmpty())
        return done({});
    const IncomingReply reply = replies.takeFirst();
    const auto next = [this, replies, done](const ConnectorError &error) {
        if (error)
            return done(error);
        applyReplies(replies, done);
    };
    const std::optional<WorkOrder> order = match(reply.subject, reply.inReplyTo, reply.references);
    if (!order)
        return next({});
    for (const WorkOrderEvent &event : order->history) {
        if (!reply.messageId.isEmpty() && event.messageId == reply.messageId)
            return next({});   // applied already, by us or another tracker
    }
    const ReplyCodeTable::Reading reading = m_settings.replyCodes.read(reply.text);
    if (!reading.code)
        return next({});   // ordinary mail about the job: it stays in the inbox as it is
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime at = reply.date.isValid() && reply.date.toUTC() < now ? reply.date.toUTC() : now;
    const ReplyCode code = *reading.code;
    const QString word = reading.word;
    const QString from = reply.from;
    applyStep(order->id,
              [from, code, at, id = reply.messageId, comment = reading.comment](const WorkOrder &current) {
                  return WorkOrderFlow::reply(current, from, code, at, id, comment);
              },
              StepAttempts,
              [this, next, from, word, id = order->id](const ConnectorError &error, const WorkOrderStep &step) {
                  if (error)
                      return next(error);
                  if (step.changed()) {
                      Q_EMIT replyApplied(step.next, from, word);
                  } else if (step.result == WorkOrderStep::Result::Refused) {
                      Q_EMIT replyIgnored(id, from, step.reason);
                  }
                  next({});
              });
}

// ---- steps --------------------------------------------------------------------

void WorkOrderTracker::applyStep(const QString &id, const std::function<WorkOrderStep(const WorkOrder &)> &make,
                                 int attempts, const std::function<void(const ConnectorError &, const WorkOrderStep &)> &done)
{
    const std::optional<WorkOrder> current = workOrder(id);
    if (!current)
        return done({ConnectorError::Kind::Config, tr("no work order %1").arg(id)}, WorkOrderStep());
    const WorkOrderStep step = make(*current);
    if (!step.changed())
        return done({}, step);
    m_folder->store(step.next, [this, id, make, attempts, done, step](const ConnectorError &error, bool stored) {
        if (error)
            return done(error, step);
        if (!stored) {
            // Someone changed the record since we read it: read again and decide again.
            if (attempts <= 1) {
                return done({ConnectorError::Kind::Protocol,
                             tr("work order %1 kept changing under us; try again").arg(id)}, step);
            }
            return m_folder->load([this, id, make, attempts, done](const ConnectorError &error) {
                if (error)
                    return done(error, WorkOrderStep());
                adopt(m_folder->orders());
                applyStep(id, make, attempts - 1, done);
            });
        }
        // The step is ours: its history line, then the notification it asks for.
        WorkOrderEvent event = step.event;
        QString notificationId;
        if (step.notify) {
            if (const ConnectorError e = sendNotification(step.next, *step.notify, true, {}, &notificationId))
                Q_EMIT problem(e);
            if (event.action == QLatin1String("escalated"))
                event.messageId = notificationId;
        }
        const QString account = m_connector->accountAddress();
        m_folder->appendEvent(id, event, account, m_claimant,
                              [this, id, step, notificationId, account, done](const ConnectorError &error) {
            const auto finish = [this, step, done](const ConnectorError &error) {
                adopt(m_folder->orders());
                if (step.notify && step.event.action == QLatin1String("escalated"))
                    Q_EMIT escalated(step.next);
                done(error, step);
            };
            if (error || !step.notify || step.event.action != QLatin1String("rejected"))
                return finish(error);
            // A rejection handed on: a second line says who got it, with the notification's id.
            WorkOrderEvent handed;
            handed.at = step.event.at;
            handed.action = QStringLiteral("handed_over");
            handed.actor = m_actor;
            handed.from = step.next.state;
            handed.to = step.next.state;
            handed.assignee = step.next.assigneeEntry();
            handed.messageId = notificationId;
            m_folder->appendEvent(id, handed, account, m_claimant, finish);
        });
    });
}

void WorkOrderTracker::checkDeadlines()
{
    if (!m_ready || !m_running)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const WorkOrder &order : std::as_const(m_orders)) {
        if (m_escalating && WorkOrderFlow::escalationDue(order, now) && !m_escalationQueued.contains(order.id)
            && m_escalationRetry.value(order.id) <= now) {
            const QString id = order.id;
            m_escalationQueued.insert(id);
            runJob([this, id](const Done &finished) {
                const Done done = [this, id, finished](const ConnectorError &error) {
                    m_escalationQueued.remove(id);
                    // A failed escalation is tried again in a minute, not at every tick.
                    if (error)
                        m_escalationRetry.insert(id, QDateTime::currentDateTimeUtc().addSecs(60));
                    else
                        m_escalationRetry.remove(id);
                    finished(error);
                };
                // Read first: another tracker may have escalated, or someone acknowledged, meanwhile.
                m_folder->load([this, id, done](const ConnectorError &error) {
                    if (error)
                        return done(error);
                    adopt(m_folder->orders());
                    applyStep(id,
                              [this](const WorkOrder &current) {
                                  return WorkOrderFlow::escalate(current, QDateTime::currentDateTimeUtc(), m_actor);
                              },
                              StepAttempts, [this, done](const ConnectorError &error, const WorkOrderStep &) {
                                  if (error)
                                      Q_EMIT problem(error);
                                  done(error);
                              });
                });
            });
            continue;
        }
        const QString told = QStringLiteral("%1/%2").arg(order.id).arg(order.notified);
        if (WorkOrderFlow::escalationExhausted(order, now) && !m_exhaustedTold.contains(told)) {
            m_exhaustedTold.insert(told);
            Q_EMIT escalationExhausted(order);
        }
    }
}

ConnectorReply *WorkOrderTracker::cancel(const QString &id)
{
    auto *reply = new ConnectorReply;
    QPointer<ConnectorReply> guard(reply);
    runJob([this, id, guard](const Done &done) {
        whenReady([this, id, guard, done](const ConnectorError &error) {
            const auto finish = [guard, done](const ConnectorError &error) {
                if (guard)
                    guard->finish(error);
                done(error);
            };
            if (error)
                return finish(error);
            m_folder->load([this, id, finish](const ConnectorError &error) {
                if (error)
                    return finish(error);
                adopt(m_folder->orders());
                applyStep(id,
                          [this](const WorkOrder &current) {
                              return WorkOrderFlow::cancel(current, QDateTime::currentDateTimeUtc(), m_actor);
                          },
                          StepAttempts, [finish](const ConnectorError &error, const WorkOrderStep &step) {
                              if (!error && step.result == WorkOrderStep::Result::Refused)
                                  return finish({ConnectorError::Kind::Rejected, step.reason});
                              finish(error);
                          });
            });
        });
    });
    return reply;
}

// ---- creating -------------------------------------------------------------------

WorkOrderReply *WorkOrderTracker::create(const WorkOrderRequest &request)
{
    auto *reply = new WorkOrderReply;
    QPointer<WorkOrderReply> guard(reply);
    // Bad input is refused before anything reaches the server.
    WorkOrder draft;
    draft.id = m_ids.format(QDate::currentDate().year(), 1);
    for (const QString &entry : request.chain)
        draft.chain.append(m_settings.resolve(entry));
    draft.asset = request.asset.trimmed();
    draft.summary = request.summary.trimmed();
    draft.priority = request.priority;
    ConnectorError invalid;
    if (draft.chain.isEmpty()) {
        invalid = {ConnectorError::Kind::Config, tr("a work order needs a technician to notify (--to)")};
    } else if (draft.chain.size() > WorkOrderSettings::MaxChain) {
        invalid = {ConnectorError::Kind::Config,
                   tr("a work order reaches at most %1 technicians (first plus escalations), not %2")
                       .arg(WorkOrderSettings::MaxChain).arg(draft.chain.size())};
    } else if (draft.asset.isEmpty() && draft.summary.isEmpty()) {
        invalid = {ConnectorError::Kind::Config, tr("a work order needs an asset or a summary")};
    } else {
        for (int i = 0; i < draft.chain.size() && !invalid; ++i) {
            const MessageBuilder::Result built = buildNotification(draft, i, false, request.attachments);
            if (built.error)
                invalid = built.error;
        }
    }
    if (invalid) {
        QMetaObject::invokeMethod(reply, [guard, invalid] {
            if (guard)
                guard->finish(invalid);
        }, Qt::QueuedConnection);
        return reply;
    }
    runJob([this, request, guard](const Done &done) {
        whenReady([this, request, guard, done](const ConnectorError &error) {
            if (error) {
                if (guard)
                    guard->finish(error);
                return done(error);
            }
            doCreate(request, guard, 0);
            // The job ends with the claim; the notification's send runs on its own.
            connect(guard, &WorkOrderReply::claimed, this, [done] { done({}); }, Qt::SingleShotConnection);
        });
    });
    return reply;
}

void WorkOrderTracker::doCreate(const WorkOrderRequest &request, WorkOrderReply *reply, int attempt)
{
    QPointer<WorkOrderReply> guard(reply);
    const auto fail = [guard](const ConnectorError &error) {
        if (guard) {
            Q_EMIT guard->claimed();
            guard->finish(error);
        }
    };
    m_folder->load([this, request, guard, attempt, fail](const ConnectorError &error) {
        if (error && isUnreachable(error) && attempt == 0)
            return createOffline(request, guard, error);
        if (error)
            return fail(error);
        adopt(m_folder->orders());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const int year = now.date().year();
        const int sequence = m_folder->highestSequence(year, [this](const QString &id) { return m_ids.parse(id); }) + 1;
        WorkOrder order = makeOrder(request, m_ids.format(year, sequence), now);
        const QString account = m_connector->accountAddress();
        m_folder->claim(order, account, m_claimant,
                        [this, request, guard, attempt, fail, order, account](const ConnectorError &error, bool won) {
            if (error)
                return fail(error);
            if (!won) {
                if (attempt + 1 >= ClaimAttempts)
                    return fail({ConnectorError::Kind::Protocol, tr("could not claim a work-order id after %1 tries")
                                                                     .arg(ClaimAttempts)});
                qCDebug(lcTracker) << order.id << "was taken by another tracker; trying the next";
                return doCreate(request, guard, attempt + 1);
            }
            m_folder->appendEvent(order.id, order.history.constFirst(), account, m_claimant,
                                  [this, request, guard, order](const ConnectorError &error) {
                if (error)
                    Q_EMIT problem(error);   // the record is there; only a history line is missing
                adopt(m_folder->orders());
                // One id ahead for a work order made offline later (once; a no-op while one is reserved).
                reserve([this, request, guard, order](const ConnectorError &error) {
                    if (error)
                        Q_EMIT problem(error);
                    notifyCreated(request, guard, order, {});
                });
            });
        });
    });
}

WorkOrder WorkOrderTracker::makeOrder(const WorkOrderRequest &request, const QString &id, const QDateTime &now) const
{
    WorkOrder order;
    order.id = id;
    order.asset = request.asset.trimmed();
    order.summary = request.summary.trimmed();
    order.priority = request.priority;
    order.alarmMessageId = request.alarmMessageId;
    order.alarmText = request.alarmText;
    for (const QString &entry : request.chain)
        order.chain.append(m_settings.resolve(entry));
    order.ackWithinSeconds = request.ackWithinSeconds > 0 ? request.ackWithinSeconds
                                                          : m_settings.ackWithinFor(request.priority);
    order.created = now;
    order.createdBy = m_actor;
    order = WorkOrderFlow::notifyFirst(order, now, m_actor).next;
    const QString notificationId = QStringLiteral("%1.%2@%3")
                                       .arg(order.id.toLower(), QUuid::createUuid().toString(QUuid::Id128).left(16),
                                            domainOf(m_connector->accountAddress()));
    order.notificationIds = {notificationId};
    order.history.last().messageId = notificationId;
    return order;
}

void WorkOrderTracker::notifyCreated(const WorkOrderRequest &request, WorkOrderReply *reply, const WorkOrder &order,
                                     const ConnectorError &unreachable)
{
    QPointer<WorkOrderReply> guard(reply);
    const MessageBuilder::Result built = buildNotification(order, 0, false, request.attachments);
    if (guard) {
        guard->setOrder(order);
        Q_EMIT guard->claimed();
    }
    if (built.error) {
        if (guard)
            guard->finish(built.error);
        return;
    }
    if (request.queueOnly || unreachable) {
        // Offline, the notification waits in the outbox like any message; whoever drains it sends it.
        const ConnectorError queued = m_connector->queueMessage(*built.message);
        if (guard) {
            guard->setQueued(!queued);
            guard->finish(queued ? queued : request.queueOnly ? ConnectorError() : unreachable);
        }
        return;
    }
    SendReply *send = m_connector->sendBuiltMessage(*built.message, EmailConnector::SendMode::QueueWhenUnreachable);
    connect(send, &ConnectorReply::finished, this, [send, guard] {
        send->deleteLater();
        if (!guard)
            return;
        guard->setQueued(send->isQueued());
        guard->finish(send->error());
    });
}

// ---- offline: a reserved id, shared once the server is back ---------------------

void WorkOrderTracker::reserve(const Done &done)
{
    if (!m_mirror || !m_mirror->mark(ReservedMark).isEmpty())
        return done({});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int year = now.date().year();
    WorkOrder reservation;
    reservation.id = m_ids.format(year, m_folder->highestSequence(year, [this](const QString &id) { return m_ids.parse(id); }) + 1);
    reservation.created = now;
    reservation.createdBy = m_actor;
    reservation.summary = QStringLiteral("(reserved for a work order made offline)");
    const QString claimant = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_folder->claim(reservation, m_connector->accountAddress(), claimant,
                    [this, done, id = reservation.id, claimant](const ConnectorError &error, bool won) {
        if (!error && won && m_mirror)
            m_mirror->setMark(ReservedMark, id + u' ' + claimant);
        done(error);   // lost: the next refresh tries the next number
    });
}

void WorkOrderTracker::createOffline(const WorkOrderRequest &request, WorkOrderReply *reply, const ConnectorError &unreachable)
{
    QPointer<WorkOrderReply> guard(reply);
    const QStringList reserved = m_mirror ? m_mirror->takeMark(ReservedMark).split(u' ') : QStringList();
    if (reserved.size() != 2) {
        if (guard) {
            Q_EMIT guard->claimed();
            guard->finish({unreachable.kind(),
                           tr("cannot create a work order: the mail server cannot be reached to claim an id, and no id "
                              "is reserved for offline use yet (one is, after a first work order or a console or "
                              "dispatch run with the server reachable). Nothing was queued. (%1)").arg(unreachable.message())});
        }
        return;
    }
    WorkOrder order = makeOrder(request, reserved.at(0), QDateTime::currentDateTimeUtc());
    order.shared = false;
    const QJsonObject pending{{QStringLiteral("claimant"), reserved.at(1)}, {QStringLiteral("order"), WorkOrderJson::toJson(order)}};
    if (m_mirror) {
        if (const ConnectorError e = m_mirror->setMark(PendingPrefix + order.id,
                                                       QString::fromUtf8(QJsonDocument(pending).toJson(QJsonDocument::Compact)))) {
            if (guard) {
                Q_EMIT guard->claimed();
                guard->finish(e);
            }
            return;
        }
    }
    adopt(m_folder->orders());
    notifyCreated(request, guard, order, unreachable);
}

QList<std::pair<QString, WorkOrder>> WorkOrderTracker::pendingOrders() const
{
    QList<std::pair<QString, WorkOrder>> pending;
    if (!m_mirror)
        return pending;
    for (const QString &name : m_mirror->markNames(PendingPrefix)) {
        const QJsonObject json = QJsonDocument::fromJson(m_mirror->mark(name).toUtf8()).object();
        WorkOrder order;
        if (WorkOrderJson::fromJson(json.value(QStringLiteral("order")).toObject(), &order))
            pending.append({json.value(QStringLiteral("claimant")).toString(), order});
    }
    return pending;
}

void WorkOrderTracker::sharePending(const Done &done)
{
    const QList<std::pair<QString, WorkOrder>> pending = pendingOrders();
    if (pending.isEmpty())
        return done({});
    auto [claimant, order] = pending.constFirst();
    order.shared = true;
    const QString account = m_connector->accountAddress();
    // The reservation's claimant fills it in: its second record owns the id.
    m_folder->claim(order, account, claimant, [this, done, claimant, order, account](const ConnectorError &error, bool won) {
        if (error)
            return done(error);
        m_mirror->takeMark(PendingPrefix + order.id);
        if (!won) {
            Q_EMIT problem({ConnectorError::Kind::Protocol,
                            tr("work order %1, made offline, lost its reserved id; its notification went out under "
                               "that id all the same").arg(order.id)});
            return sharePending(done);
        }
        m_folder->appendEvent(order.id, order.history.constFirst(), account, claimant,
                              [this, done](const ConnectorError &error) {
            if (error)
                Q_EMIT problem(error);
            adopt(m_folder->orders());
            sharePending(done);
        });
    });
}

// ---- notifications ------------------------------------------------------------

MessageBuilder::Result WorkOrderTracker::buildNotification(const WorkOrder &order, int index, bool escalated,
                                                           const QList<Attachment> &attachments) const
{
    OutgoingMessage message;
    message.from = m_connector->accountAddress();
    message.to = {order.chain.value(index)};
    const QString what = QStringList{order.asset, order.summary}.join(u' ').trimmed();
    message.subject = QStringLiteral("[%1] %2 (priority %3)%4")
                          .arg(order.id, what, workOrderPriorityName(order.priority),
                               escalated ? QStringLiteral(" - escalated") : QString());
    QStringList body;
    if (escalated) {
        body << QStringLiteral("Escalated to you: nobody acknowledged this work order in time.") << QString();
    }
    body << QStringLiteral("Work order %1: %2").arg(order.id, what)
         << QStringLiteral("Priority %1; please acknowledge within %2.")
                .arg(workOrderPriorityName(order.priority), formatDuration(order.ackWithinSeconds))
         << m_settings.replyCodes.instructions();
    if (!order.alarmText.trimmed().isEmpty())
        body << QString() << QStringLiteral("The alarm:") << quoted(order.alarmText.trimmed());
    if (escalated && !order.history.isEmpty()) {
        body << QString() << QStringLiteral("History:");
        for (const WorkOrderEvent &event : order.history) {
            body << QStringLiteral("  %1  %2 by %3%4")
                        .arg(WorkOrderJson::timeText(event.at), event.action, event.actor,
                             event.comment.isEmpty() ? QString() : QStringLiteral(": ") + event.comment);
        }
    }
    message.text = body.join(u'\n') + u'\n';
    message.attachments = attachments;
    message.extraHeaders = {{QByteArrayLiteral("X-Machina-Work-Order"), order.id}};
    if (!escalated && index == 0 && !order.notificationIds.isEmpty())
        message.messageId = order.notificationIds.constFirst();
    if (!order.alarmMessageId.isEmpty())
        message.references = {order.alarmMessageId};
    return MessageBuilder::build(message);
}

ConnectorError WorkOrderTracker::sendNotification(const WorkOrder &order, int index, bool escalated,
                                                  const QList<Attachment> &attachments, QString *messageId)
{
    const MessageBuilder::Result built = buildNotification(order, index, escalated, attachments);
    if (built.error)
        return built.error;
    *messageId = built.message->messageId;
    // Through the outbox: written before it goes, sent with backoff by whoever drains it.
    return m_connector->queueMessage(*built.message);
}

// ---- the picture ----------------------------------------------------------------

void WorkOrderTracker::adopt(const QList<WorkOrder> &fromServer)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<WorkOrder> orders = fromServer;
    // Made offline and not on the server yet: shown all the same, marked as not shared.
    for (const auto &[claimant, order] : pendingOrders()) {
        Q_UNUSED(claimant);
        if (std::none_of(orders.cbegin(), orders.cend(), [&order](const WorkOrder &o) { return o.id == order.id; }))
            orders.append(order);
    }
    QList<WorkOrder> adopted;
    for (WorkOrder order : orders) {
        const QString key = QStringLiteral("%1/%2").arg(order.id).arg(order.notified);
        auto seen = m_firstSeen.constFind(key);
        if (seen == m_firstSeen.cend())
            seen = m_firstSeen.insert(key, now);
        if (!order.notifiedAt.isValid())
            order.notifiedAt = *seen;
        adopted.append(order);
    }
    std::sort(adopted.begin(), adopted.end(), [](const WorkOrder &a, const WorkOrder &b) {
        return a.created != b.created ? a.created > b.created : a.id > b.id;
    });
    const bool same = [&] {
        if (adopted.size() != m_orders.size())
            return false;
        for (qsizetype i = 0; i < adopted.size(); ++i) {
            if (WorkOrderJson::toJson(adopted.at(i)) != WorkOrderJson::toJson(m_orders.at(i)))
                return false;
        }
        return true;
    }();
    m_orders = adopted;
    if (same)
        return;
    if (m_mirror) {
        if (const ConnectorError error = m_mirror->replaceAll(m_orders))
            Q_EMIT problem(error);
    }
    Q_EMIT changed();
}

} // namespace machina
