#include "checkcommand.h"

#include "../clicontext.h"
#include "emailconnector.h"

#include <QJsonDocument>
#include <QTextStream>

namespace machina::cli {

void CheckCommand::addOptions(QCommandLineParser &)
{
    // check has none: --config and --verbose are everyone's.
}

int CheckCommand::run(CliContext &context)
{
    if (!context.loadConfig())
        return ExitUsage;
    EmailConnector *connector = context.connector();
    // Every session is opened now (SMTP; IMAP with INBOX selected; or the Gmail API).
    const ConnectorError error = context.wait(connector->probe());
    const ConnectorHealth health = connector->healthCheck();
    context.wait(connector->disconnectFromServers());
    context.out() << QJsonDocument(health.toJson()).toJson(QJsonDocument::Indented) << Qt::flush;
    if (error.kind() == ConnectorError::Kind::Config)
        return ExitUsage;
    return health.status == ConnectorHealth::Status::Healthy ? ExitOk : ExitFailure;
}

} // namespace machina::cli
