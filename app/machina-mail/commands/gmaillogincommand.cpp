#include "gmaillogincommand.h"

#include "../clicontext.h"
#include "emailconnector.h"
#include "secrets/credentialstore.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <QUrl>

namespace machina::cli {

void GmailLoginCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("no-browser"), QStringLiteral("Print the sign-in URL (\"Open: URL\") instead of opening a browser.")});
}

int GmailLoginCommand::run(CliContext &context)
{
    if (!context.loadConfig())
        return ExitUsage;
    EmailConnector *connector = context.connector();
    const bool noBrowser = context.isSet(QStringLiteral("no-browser"));
    QTextStream &out = context.out();
    // Line by line, flushed: a script waiting for "Open: URL" reads it while we wait for the browser.
    QObject::connect(connector, &EmailConnector::authorizationUrlReady, connector, [noBrowser, &out](const QUrl &url) {
        if (!noBrowser)
            out << "Opening your browser for Google sign-in. If it does not open, visit:" << Qt::endl;
        out << "Open: " << url.toString(QUrl::FullyEncoded) << Qt::endl;
    });
    if (const ConnectorError error = context.wait(connector->signInToGoogle(noBrowser))) {
        context.printError(error.message());
        return exitCodeFor(error);
    }
    context.wait(connector->connectToServers());
    const QString account = connector->healthCheck().details.value(QStringLiteral("account")).toString();
    out << "Signed in to Google" << (account.isEmpty() ? QString() : QStringLiteral(" as ") + account)
        << ". The tokens are in the OS keychain (service " << CredentialStore::serviceName()
        << "); the browser will not be needed again." << Qt::endl;
    return ExitOk;
}

} // namespace machina::cli
