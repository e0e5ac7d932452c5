#include "checkcommand.h"

#include "../clicontext.h"
#include "canaryprobe.h"
#include "emailconnector.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace machina::cli {

namespace {

/// Runs the event loop until @p probe emits @p signal (at once when @p done already).
template <typename Signal>
void waitFor(CanaryProbe *probe, Signal signal, bool done)
{
    if (done)
        return;
    QEventLoop loop;
    QObject::connect(probe, signal, &loop, &QEventLoop::quit);
    loop.exec();
}

/// {"latency_ms": N} when the probe came and was removed; else {"error", "error_kind"} (and the latency if it came).
QJsonObject canaryJson(const CanaryProbe &probe)
{
    QJsonObject json;
    if (probe.latencyMs() >= 0)
        json.insert(QStringLiteral("latency_ms"), probe.latencyMs());
    if (const ConnectorError error = probe.error()) {
        json.insert(QStringLiteral("error"), error.message());
        json.insert(QStringLiteral("error_kind"), ConnectorError::kindName(error.kind()));
    }
    return json;
}

} // namespace

void CheckCommand::addOptions(QCommandLineParser &parser)
{
    // --config and --verbose are everyone's; check always prints JSON, so it has no --json.
    parser.addOption({QStringLiteral("canary"),
                      tr("Also send a probe to the account itself, time its arrival over IMAP and remove it "
                         "(\"canary\": {\"latency_ms\": N} in the JSON).")});
}

int CheckCommand::run(CliContext &context)
{
    if (!context.loadConfig())
        return ExitUsage;
    EmailConnector *connector = context.connector();
    // Every session is opened now (SMTP; IMAP with INBOX selected; or the Gmail API).
    const ConnectorError error = context.wait(connector->probe());
    const ConnectorHealth health = connector->healthCheck();
    QJsonObject json = health.toJson();
    std::unique_ptr<CanaryProbe> canary;
    if (context.isSet(QStringLiteral("canary"))) {
        // Run even when unhealthy: it says which way mail does not get through (and a config it
        // cannot use, such as a Gmail API account, fails at once with a sentence of its own).
        canary.reset(connector->runCanary());
        waitFor(canary.get(), &CanaryProbe::finished, canary->isFinished());
        json.insert(QStringLiteral("canary"), canaryJson(*canary));
    } else {
        context.wait(connector->disconnectFromServers());
    }
    context.out() << QJsonDocument(json).toJson(QJsonDocument::Indented) << Qt::flush;
    if (canary) {
        // A probe that came late is still removed (within as long again) before the sessions close.
        waitFor(canary.get(), &CanaryProbe::settled, canary->isSettled());
        context.wait(connector->disconnectFromServers());
    }
    if (error.kind() == ConnectorError::Kind::Config || (canary && canary->error().kind() == ConnectorError::Kind::Config))
        return ExitUsage;
    const bool canaryOk = !canary || !canary->error();
    return health.status == ConnectorHealth::Status::Healthy && canaryOk ? ExitOk : ExitFailure;
}

} // namespace machina::cli
