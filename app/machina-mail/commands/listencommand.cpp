#include "listencommand.h"

#include "../clicontext.h"
#include "emailconnector.h"
#include "exechandler.h"
#include "../stopsignals.h"
#include "workorders/workordertracker.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace machina::cli {

namespace {

/// One line on stderr per message: what its handler (and reply) came to.
QString handledLine(const IncomingMessage &m, const HandlerResult &r)
{
    const QString outcome =
        !r.handled              ? QCoreApplication::translate("machina::cli::ListenCommand", "not handled (%1), left unseen").arg(r.failure)
        : r.replyText.isEmpty() ? QCoreApplication::translate("machina::cli::ListenCommand", "handled, no reply")
                                : QCoreApplication::translate("machina::cli::ListenCommand", "handled, replied");
    //: %1 is the message's id, %2 its sender, %3 what came of it ("handled, replied").
    return QStringLiteral("machina-mail: ")
           + QCoreApplication::translate("machina::cli::ListenCommand", "%1 from %2: %3").arg(m.backendId, m.from.address, outcome);
}

} // namespace

void ListenCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("once"), tr("Handle what is unseen now, then exit (0: every handler succeeded).")});
    parser.addOption({QStringLiteral("reply-text"), tr("Answer every message with TEXT."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("exec"),
                      tr("Run CMD (through sh) per message, the message as JSON on stdin; "
                         "its stdout is the reply (empty: none); a non-zero exit leaves the message unseen."),
                      QStringLiteral("CMD")});
    parser.addOption({QStringLiteral("no-idle"), tr("Poll every poll_interval even when the server offers IDLE.")});
}

int ListenCommand::run(CliContext &context)
{
    const bool hasText = context.isSet(QStringLiteral("reply-text"));
    const bool hasExec = context.isSet(QStringLiteral("exec"));
    if (hasText == hasExec) {
        context.printError(tr("listen: give exactly one of --reply-text TEXT or --exec CMD"));
        return ExitUsage;
    }
    if (!context.loadConfig())
        return ExitUsage;
    // Replies go through the outbox: durable, sent with backoff, never asked of the handler twice.
    if (!context.openStore())
        return ExitFailure;
    EmailConnector *connector = context.connector();
    QTextStream &err = context.err();
    if (const ConnectorError error = context.wait(connector->connectToServers())) {
        // A refused login or a bad setting does not pass by itself; a server that is
        // down does: receiving starts anyway, and replies wait until sending works.
        using Kind = ConnectorError::Kind;
        if (error.kind() == Kind::Auth || error.kind() == Kind::Config || error.kind() == Kind::Tls) {
            context.printError(error.message());
            return exitCodeFor(error);
        }
        err << "machina-mail: " << tr("sending is not available yet (%1); replies wait until it is").arg(error.message())
            << Qt::endl;
    }

    // Context of every connection below and parent of the signal notifier:
    // nothing of this run outlives it, though the connector does.
    QObject scope;
    std::unique_ptr<WorkOrderTracker> tracker;
    std::unique_ptr<ExecHandler> exec;
    MessageHandler handler;
    if (hasText) {
        handler = [replyText = context.parser().value(QStringLiteral("reply-text"))](
                      const IncomingMessage &, std::function<void(const HandlerResult &)> done) {
            done(HandlerResult::reply(replyText));
        };
    } else {
        exec = std::make_unique<ExecHandler>(context.parser().value(QStringLiteral("exec")));
        if (!connector->config().isGmail()) {
            // Read only: which work order a message answers (the tracker's steps are dispatch's and the console's).
            tracker = std::make_unique<WorkOrderTracker>(connector, connector->config().workOrders);
            tracker->setReadOnly(true);
        }
        handler = [execHandler = exec.get(), tracker = tracker.get(), &scope](
                      const IncomingMessage &m, std::function<void(const HandlerResult &)> done) {
            if (!tracker)
                return execHandler->handle(m, std::move(done));
            ConnectorReply *refresh = tracker->refresh();
            QObject::connect(refresh, &ConnectorReply::finished, &scope, [=]() mutable {
                refresh->deleteLater();
                QJsonValue workOrder = QJsonValue::Null;
                if (const auto order = tracker->match(m.subject, QString(), m.references)) {
                    workOrder = QJsonObject{{QStringLiteral("id"), order->id},
                                            {QStringLiteral("state"), workOrderStateName(order->state)}};
                }
                execHandler->handle(m, std::move(done), workOrder);
            });
        };
    }
    QObject::connect(connector, &EmailConnector::messageHandled, &scope,
                     [&err](const IncomingMessage &m, const HandlerResult &r) { err << handledLine(m, r) << Qt::endl; });
    QObject::connect(connector, &EmailConnector::receiveStatusChanged, &scope,
                     [&err](const QString &status) { err << "machina-mail: " << status << Qt::endl; });

    ListenOptions options;
    options.once = context.isSet(QStringLiteral("once"));
    options.useIdle = !context.isSet(QStringLiteral("no-idle"));
    ListenReply *reply = connector->listen(handler, options);
    int received = 0;
    int handled = 0;
    int failed = 0;
    QObject::connect(reply, &ConnectorReply::finished, &scope, [&, reply] {
        received = reply->received();
        handled = reply->handled();
        failed = reply->failed();
    });
    if (!options.once)
        onStopSignals(&scope, [connector, &err] {
            // LOGOUT and QUIT, then listen's reply finishes.
            err << "machina-mail: " << tr("stopping") << Qt::endl;
            ConnectorReply *stopped = connector->stopListening();
            QObject::connect(stopped, &ConnectorReply::finished, stopped, &QObject::deleteLater);
        });
    const ConnectorError error = context.wait(reply);
    context.wait(connector->waitForSentCopies());
    context.wait(connector->disconnectFromServers());
    if (error) {
        context.printError(error.message());
        return exitCodeFor(error);
    }
    err << "machina-mail: "
        << tr("%1 received, %2 handled, %3 left unseen").arg(received).arg(handled).arg(failed) << Qt::endl;
    return failed == 0 ? ExitOk : ExitFailure;
}

} // namespace machina::cli
