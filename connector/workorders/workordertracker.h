#pragma once

#include "../connectorreply.h"
#include "../mime/messagebuilder.h"
#include "workorder.h"
#include "workorderflow.h"
#include "workordersettings.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>

namespace machina {

class EmailConnector;
class ReplyScanner;
class WorkOrderFolder;
class WorkOrderMirror;
struct IncomingReply;

/** What a new work order should be; WorkOrderTracker::create() makes it. */
struct WorkOrderRequest
{
    QString asset;
    QString summary;
    WorkOrderPriority priority = WorkOrderPriority::Normal;
    QStringList chain;              ///< "Name <address>" or addresses: the first is notified, the rest escalate in order
    qint64 ackWithinSeconds = 0;    ///< 0: the deadline for the priority (WorkOrderSettings::ackWithin)
    QString alarmMessageId;         ///< the alarm mail's Message-ID (without <>), if it came from one
    QString alarmText;              ///< quoted in the notification
    QString note;                   ///< the supervisor's words, above the quote
    QList<Attachment> attachments;
    bool queueOnly = false;         ///< finish once the notification is queued, not once the server took it
};

/** The answer to WorkOrderTracker::create(): the order (its id) and how far its notification got. */
class WorkOrderReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;

    WorkOrder order() const { return m_order; }
    void setOrder(const WorkOrder &order) { m_order = order; }
    /// The notification waits in the outbox (queueOnly, or the server could not be reached).
    bool isQueued() const { return m_queued; }
    void setQueued(bool queued) { m_queued = queued; }

Q_SIGNALS:
    /// The id is claimed on the server (or the attempt failed): order() has it. finished() follows.
    void claimed();

private:
    WorkOrder m_order;
    bool m_queued = false;
};

/**
 * Runs work orders on an IMAP account: creates them (an id claimed on the
 * server, a notification through the outbox), reads technicians' replies
 * from the INBOX and applies their codes, escalates when a deadline passes,
 * and keeps a local mirror for a quick start and offline viewing.
 *
 * The shared state lives on the mail server, in the work-order folder
 * (WorkOrderSettings::folder; see WorkOrderMessages and WorkOrderKeywords):
 * every console and dispatcher on the account reads and changes the same
 * records, and every change is a conditional STORE (CONDSTORE UNCHANGEDSINCE,
 * RFC 7162), so that of two trackers making the same step (an escalation, an
 * acknowledgement) exactly one succeeds; the other re-reads and finds it done.
 * Ids are claimed by appending the record: of two records with one id the
 * lower UID wins, and the other tracker takes the next number.
 *
 * Needs EmailConnector::openStore() (the outbox carries the notifications).
 */
class WorkOrderTracker : public QObject
{
    Q_OBJECT
public:
    WorkOrderTracker(EmailConnector *connector, const WorkOrderSettings &settings, QObject *parent = nullptr);
    ~WorkOrderTracker() override;

    const WorkOrderSettings &settings() const { return m_settings; }
    /// Who this tracker says it is in the history ("machina-console on host", "dispatcher on host").
    void setActor(const QString &actor) { m_actor = actor; }

    /**
     * Starts tracking: reads the server, then watches the INBOX for replies
     * (IDLE where offered) and the folder for other trackers' changes every
     * poll_interval, and escalates as deadlines pass. Until the first read the
     * mirror's copy is shown.
     */
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    /// Escalates as deadlines pass (the default); a viewer that only reads may turn it off.
    void setEscalating(bool escalating) { m_escalating = escalating; }
    /// Only reads the server: no replies applied, no escalation (listen's view, `workorders`).
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; m_escalating = m_escalating && !readOnly; }

    /// Reads the server now (records, history, replies) and brings the mirror up to date.
    ConnectorReply *refresh();
    /// Creates a work order; the reply finishes as WorkOrderRequest::queueOnly says.
    WorkOrderReply *create(const WorkOrderRequest &request);
    /// Calls the order off; no mail goes out.
    ConnectorReply *cancel(const QString &id);

    /// Every work order known, newest first.
    QList<WorkOrder> workOrders() const;
    std::optional<WorkOrder> workOrder(const QString &id) const;
    /// Open and not yet acknowledged (state open or notified).
    int unacknowledgedCount() const;
    /**
     * The work order a mail belongs to: by In-Reply-To / References to one of
     * its notifications, else by its id in @p subject.
     */
    std::optional<WorkOrder> match(const QString &subject, const QString &inReplyTo, const QStringList &references) const;
    /// The error of the last server read; none after one that worked.
    ConnectorError lastError() const { return m_lastError; }

    /// The notification for @p order to chain[@p index], built (exposed for the console's preview and tests).
    MessageBuilder::Result buildNotification(const WorkOrder &order, int index, bool escalated,
                                             const QList<Attachment> &attachments = {}) const;

Q_SIGNALS:
    /// Work orders changed (created, moved on, read from the server).
    void changed();
    /// Nobody acknowledged @p order and nobody is left to escalate to: the supervisor must act.
    void escalationExhausted(const machina::WorkOrder &order);
    /// @p order was escalated (by this tracker) to its new assignee.
    void escalated(const machina::WorkOrder &order);
    /// A reply moved @p order on.
    void replyApplied(const machina::WorkOrder &order, const QString &from, const QString &code);
    /// A reply for @p id changed nothing; @p reason says why ("x was not notified for WO-...").
    void replyIgnored(const QString &id, const QString &from, const QString &reason);
    /// Something went wrong in the background (a server read, a step); already retried where that helps.
    void problem(const machina::ConnectorError &error);

private:
    using Done = std::function<void(const ConnectorError &)>;
    using Job = std::function<void(const Done &)>;

    void runJob(Job job);
    void nextJob();
    void whenReady(const Done &then);
    void queueRefresh();
    void doRefresh(const Done &done);
    void scanReplies(const Done &done);
    void applyReplies(QList<IncomingReply> replies, const Done &done);
    void applyStep(const QString &id, const std::function<WorkOrderStep(const WorkOrder &)> &make, int attempts,
                   const std::function<void(const ConnectorError &, const WorkOrderStep &)> &done);
    void checkDeadlines();
    void doCreate(const WorkOrderRequest &request, WorkOrderReply *reply, int attempt);
    WorkOrder makeOrder(const WorkOrderRequest &request, const QString &id, const QDateTime &now) const;
    void notifyCreated(const WorkOrderRequest &request, WorkOrderReply *reply, const WorkOrder &order,
                       const ConnectorError &unreachable);
    /// Offline: the reserved id, the order kept in the mirror until sharePending() puts it on the server.
    void createOffline(const WorkOrderRequest &request, WorkOrderReply *reply, const ConnectorError &unreachable);
    /// Online: claims one id ahead, for a work order made while the server cannot be reached.
    void reserve(const Done &done);
    void sharePending(const Done &done);
    QList<std::pair<QString, WorkOrder>> pendingOrders() const;
    ConnectorError sendNotification(const WorkOrder &order, int index, bool escalated,
                                    const QList<Attachment> &attachments, QString *messageId);
    void adopt(const QList<WorkOrder> &fromServer);

    EmailConnector *m_connector;
    WorkOrderSettings m_settings;
    WorkOrderIdPattern m_ids;
    QString m_actor;
    QString m_claimant;
    std::unique_ptr<WorkOrderMirror> m_mirror;
    QPointer<WorkOrderFolder> m_folder;
    QPointer<ReplyScanner> m_scanner;
    QList<WorkOrder> m_orders;                  ///< newest first
    QHash<QString, QDateTime> m_firstSeen;      ///< "id/notified" -> when this tracker first saw that count
    QSet<QString> m_exhaustedTold;
    QSet<QString> m_escalationQueued;           ///< ids with an escalation job waiting or running
    QHash<QString, QDateTime> m_escalationRetry; ///< id -> not before: after a failed escalation
    bool m_refreshQueued = false;
    std::deque<Job> m_jobs;
    bool m_busy = false;
    bool m_running = false;
    bool m_escalating = true;
    bool m_readOnly = false;
    bool m_ready = false;
    QTimer m_pollTimer;
    QTimer m_deadlineTimer;
    ConnectorError m_lastError;
};

} // namespace machina
