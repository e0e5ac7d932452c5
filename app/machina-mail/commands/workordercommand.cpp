#include "workordercommand.h"

#include "../clicontext.h"
#include "../stopsignals.h"
#include "emailconnector.h"
#include "workorders/workorderjson.h"
#include "workorders/workordertracker.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QHostInfo>
#include <QTextStream>


namespace machina::cli {

namespace {

QString actorName(const char *role)
{
    return QStringLiteral("%1 on %2").arg(QLatin1String(role), QHostInfo::localHostName());
}

/// The tracker of the loaded account; null, with the error printed, for a Gmail API account (no IMAP folders).
std::unique_ptr<WorkOrderTracker> makeTracker(CliContext &context, const char *command, const char *role)
{
    EmailConnector *connector = context.connector();
    if (connector->config().isGmail()) {
        context.printError(QCoreApplication::translate("machina::cli::WorkOrderCommand",
                                                       "%1: work orders need an IMAP account; the Gmail API mode has "
                                                       "no folders to share them in")
                               .arg(QLatin1String(command)));
        return nullptr;
    }
    auto tracker = std::make_unique<WorkOrderTracker>(connector, connector->config().workOrders);
    tracker->setActor(actorName(role));
    return tracker;
}

void printTable(QTextStream &out, const QList<WorkOrder> &orders)
{
    for (const WorkOrder &order : orders) {
        out << order.id << '\t' << workOrderStateName(order.state) << '\t' << workOrderPriorityName(order.priority)
            << '\t' << order.asset << '\t' << order.summary << '\t' << order.assigneeEntry() << Qt::endl;
    }
}

} // namespace

void WorkOrderCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("to"), tr("The technician to notify: an address, or a name from the roster."),
                      QStringLiteral("ADDR|NAME")});
    parser.addOption({QStringLiteral("escalate-to"),
                      tr("Who is notified next when nobody acknowledges in time; repeat for more, in order."),
                      QStringLiteral("ADDR|NAME")});
    parser.addOption({QStringLiteral("ack-within"),
                      tr("Time to acknowledge (90s, 10m, 2h); default by priority: critical 5m, high 15m, "
                         "normal 60m, low 4h."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("asset"), tr("The asset tag (P-201)."), QStringLiteral("A")});
    parser.addOption({QStringLiteral("summary"), tr("What is wrong, in a line."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("priority"), tr("low, normal, high or critical (default normal, or the alarm's)."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("from-message"),
                      tr("Take asset, summary and priority from this alarm mail (an id as 'inbox --json' "
                         "prints it); its text is quoted."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("attach"), tr("Attach FILE to the notification; repeat for more."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("queue"), tr("Return once the notification is queued in the outbox.")});
}

int WorkOrderCommand::run(CliContext &context)
{
    const QCommandLineParser &parser = context.parser();
    const QStringList args = parser.positionalArguments().mid(1);
    if (args != QStringList{QStringLiteral("create")}) {
        context.printError(tr("workorder: the only action is 'workorder create'"));
        return ExitUsage;
    }
    const QStringList to = parser.values(QStringLiteral("to"));
    if (to.size() != 1) {
        context.printError(tr("workorder create: give exactly one --to ADDR|NAME (more go with --escalate-to)"));
        return ExitUsage;
    }
    WorkOrderRequest request;
    request.chain = to + parser.values(QStringLiteral("escalate-to"));
    request.queueOnly = parser.isSet(QStringLiteral("queue"));
    if (parser.isSet(QStringLiteral("ack-within"))) {
        QString problem;
        const auto seconds = parseDuration(parser.value(QStringLiteral("ack-within")), &problem);
        if (!seconds) {
            context.printError(QStringLiteral("--ack-within: ") + problem);
            return ExitUsage;
        }
        request.ackWithinSeconds = *seconds;
    }
    std::optional<WorkOrderPriority> priority;
    if (parser.isSet(QStringLiteral("priority"))) {
        priority = workOrderPriorityFromName(parser.value(QStringLiteral("priority")));
        if (!priority) {
            context.printError(tr("--priority: %1 is not low, normal, high or critical")
                                   .arg(parser.value(QStringLiteral("priority"))));
            return ExitUsage;
        }
    }
    for (const QString &path : parser.values(QStringLiteral("attach"))) {
        ConnectorError error;
        const std::optional<Attachment> attachment = Attachment::fromFile(path, &error);
        if (!attachment) {
            context.printError(error.message());
            return ExitUsage;
        }
        request.attachments.append(*attachment);
    }
    if (!context.loadConfig())
        return ExitUsage;
    if (!context.openStore())
        return ExitFailure;
    EmailConnector *connector = context.connector();
    const std::unique_ptr<WorkOrderTracker> tracker = makeTracker(context, "workorder", "machina-mail");
    if (!tracker)
        return ExitUsage;

    if (parser.isSet(QStringLiteral("from-message"))) {
        MessageReply *fetch = connector->fetchMessage(parser.value(QStringLiteral("from-message")));
        IncomingMessage message;
        QObject::connect(fetch, &ConnectorReply::finished, fetch, [&message, fetch] { message = fetch->message(); });
        const ConnectorError error = context.wait(fetch);
        if (error) {
            context.printError(QStringLiteral("--from-message: ") + error.message());
            return exitCodeFor(error);
        }
        // The subject decides; the body is quoted.
        if (const std::optional<Alarm> recognised = tracker->settings().recognizer().recognise(message.subject)) {
            request.asset = recognised->asset;
            request.summary = recognised->text;
            request.priority = recognised->priority;
        } else {
            request.summary = message.subject;
        }
        request.alarmMessageId = message.messageId;
        request.alarmText = message.subject + QStringLiteral("\n\n") + message.text.trimmed();
    }
    if (parser.isSet(QStringLiteral("asset")))
        request.asset = parser.value(QStringLiteral("asset"));
    if (parser.isSet(QStringLiteral("summary")))
        request.summary = parser.value(QStringLiteral("summary"));
    if (priority)
        request.priority = *priority;

    connector->setSendDeadline(std::max(1, connector->config().timeout) * 1000);
    WorkOrderReply *reply = tracker->create(request);
    QObject::connect(reply, &WorkOrderReply::claimed, reply, [&context, reply] {
        if (!reply->order().id.isEmpty())
            context.out() << reply->order().id << Qt::endl;   // first line: the id, as soon as it is claimed
    });
    bool wasQueued = false;
    WorkOrder order;
    QObject::connect(reply, &ConnectorReply::finished, reply, [&wasQueued, &order, reply] {
        wasQueued = reply->isQueued();
        order = reply->order();
    });
    const ConnectorError error = context.wait(reply);
    if (!error && !request.queueOnly)
        context.wait(connector->waitForSentCopies());
    context.wait(connector->disconnectFromServers());
    tracker->stop();
    if (error) {
        if (wasQueued) {
            context.printError(tr("%1 is recorded; its notification waits in the outbox: %2")
                                   .arg(order.id, error.message()));
        } else {
            context.printError(error.message());
        }
        return exitCodeFor(error);
    }
    context.out() << (request.queueOnly ? "Queued <" : "Sent <") << order.notificationIds.value(0) << "> to "
                  << order.chain.value(0) << Qt::endl;
    return ExitOk;
}

void WorkOrdersCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("json"), tr("Print a JSON array.")});
    parser.addOption({QStringLiteral("open"), tr("Only those not done, rejected or cancelled.")});
}

int WorkOrdersCommand::run(CliContext &context)
{
    if (!context.loadConfig())
        return ExitUsage;
    if (!context.openStore())
        return ExitFailure;
    const std::unique_ptr<WorkOrderTracker> tracker = makeTracker(context, "workorders", "machina-mail");
    if (!tracker)
        return ExitUsage;
    tracker->setReadOnly(true);
    const ConnectorError error = context.wait(tracker->refresh());
    tracker->stop();
    if (error) {
        context.printError(error.message());
        return exitCodeFor(error);
    }
    QList<WorkOrder> orders = tracker->workOrders();
    if (context.isSet(QStringLiteral("open")))
        orders.removeIf([](const WorkOrder &order) { return !order.isOpen(); });
    if (context.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const WorkOrder &order : std::as_const(orders))
            array.append(WorkOrderJson::toJson(order));
        context.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        printTable(context.out(), orders);
    }
    context.out().flush();
    return ExitOk;
}

void DispatchCommand::addOptions(QCommandLineParser &parser)
{
    Q_UNUSED(parser);
}

int DispatchCommand::run(CliContext &context)
{
    if (!context.loadConfig())
        return ExitUsage;
    if (!context.openStore())
        return ExitFailure;
    EmailConnector *connector = context.connector();
    const std::unique_ptr<WorkOrderTracker> tracker = makeTracker(context, "dispatch", "dispatcher");
    if (!tracker)
        return ExitUsage;
    if (!onStopSignals(&context.app(), [&context] { context.app().quit(); })) {
        context.printError(tr("dispatch: cannot watch for signals"));
        return ExitFailure;
    }
    QObject::connect(tracker.get(), &WorkOrderTracker::problem, &context.app(), [&context](const ConnectorError &e) {
        context.err() << "dispatch: " << e.message() << Qt::endl;
    });
    QObject::connect(tracker.get(), &WorkOrderTracker::escalated, &context.app(), [&context](const WorkOrder &o) {
        context.err() << "dispatch: " << tr("%1 escalated to %2").arg(o.id, o.assigneeEntry()) << Qt::endl;
    });
    QObject::connect(tracker.get(), &WorkOrderTracker::escalationExhausted, &context.app(), [&context](const WorkOrder &o) {
        context.err() << "dispatch: " << tr("%1 nobody acknowledged; no one left to escalate to").arg(o.id) << Qt::endl;
    });
    QObject::connect(tracker.get(), &WorkOrderTracker::replyApplied, &context.app(),
                     [&context](const WorkOrder &o, const QString &from, const QString &code) {
        //: %1 the work order, %2 the reply code (ACK, DONE...), %3 its sender, %4 the new state; codes and states stay as they are.
        context.err() << "dispatch: " << tr("%1 %2 from %3 -> %4").arg(o.id, code, from, workOrderStateName(o.state))
                      << Qt::endl;
    });
    QObject::connect(tracker.get(), &WorkOrderTracker::replyIgnored, &context.app(),
                     [&context](const QString &id, const QString &from, const QString &reason) {
        context.err() << "dispatch: " << tr("reply from %1 to %2 ignored: %3").arg(from, id, reason) << Qt::endl;
    });
    connector->setOutboxDraining(true);
    tracker->start();
    context.err() << "dispatch: " << tr("running; SIGTERM or SIGINT ends it") << Qt::endl;
    context.app().exec();
    tracker->stop();
    connector->setOutboxDraining(false);
    context.wait(connector->waitForSentCopies());
    context.wait(connector->disconnectFromServers());
    return ExitOk;
}

} // namespace machina::cli
