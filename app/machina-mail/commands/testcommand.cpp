#include "testcommand.h"

#include "../clicontext.h"
#include "connectiontester.h"
#include "emailconnector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace machina::cli {

namespace {

/// A step's outcome in the JSON output: "passed", "failed" or "notice".
QString outcomeName(ConnectionTestStep::Outcome outcome)
{
    using Outcome = ConnectionTestStep::Outcome;
    return outcome == Outcome::Passed   ? QStringLiteral("passed")
           : outcome == Outcome::Failed ? QStringLiteral("failed")
                                        : QStringLiteral("notice");
}

/// The mark a step's line starts with, six columns wide: "ok", "FAILED" or "note".
QString outcomeMark(ConnectionTestStep::Outcome outcome)
{
    using Outcome = ConnectionTestStep::Outcome;
    switch (outcome) {
    case Outcome::Passed:
        //: Starts the line of a step that passed; six letters at most.
        return QCoreApplication::translate("machina::cli::TestCommand", "ok").leftJustified(6);
    case Outcome::Failed:
        //: Starts the line of a step that failed; six letters at most.
        return QCoreApplication::translate("machina::cli::TestCommand", "FAILED").leftJustified(6);
    case Outcome::Notice:
        break;
    }
    //: Starts the line of a step that only notes something; six letters at most.
    return QCoreApplication::translate("machina::cli::TestCommand", "note").leftJustified(6);
}

} // namespace

void TestCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("send-to-self"), tr("Also send a test message to the account's own address.")});
    parser.addOption({QStringLiteral("json"), tr("Print the steps as a JSON array.")});
}

// One line per step as it ends ("ok", "FAILED", "note") so a slow step shows
// where it hangs; with --json the array comes at the end.
int TestCommand::run(CliContext &context)
{
    if (!context.loadConfig())
        return ExitUsage;
    const bool json = context.isSet(QStringLiteral("json"));
    ConnectionTestReply *reply = context.connector()->testConnection(context.isSet(QStringLiteral("send-to-self")));
    QTextStream &out = context.out();
    QObject::connect(reply, &ConnectionTestReply::stepFinished, &context.app(), [json, &out](const ConnectionTestStep &step) {
        if (json)
            return;
        out << outcomeMark(step.outcome) << ' ' << step.name
            << (step.detail.isEmpty() ? QString() : QStringLiteral(": ") + step.detail) << Qt::endl;
    });
    QList<ConnectionTestStep> steps;
    QObject::connect(reply, &ConnectorReply::finished, &context.app(), [&steps, reply] { steps = reply->steps(); });
    const ConnectorError error = context.wait(reply);
    if (json) {
        QJsonArray array;
        for (const ConnectionTestStep &step : std::as_const(steps)) {
            array.append(QJsonObject{
                {QStringLiteral("step"), step.name},
                {QStringLiteral("outcome"), outcomeName(step.outcome)},
                {QStringLiteral("detail"), step.detail},
            });
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
    }
    return error ? exitCodeFor(error) : ExitOk;
}

} // namespace machina::cli
