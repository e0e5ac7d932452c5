#include "signincommand.h"

#include "../clicontext.h"
#include "emailconnector.h"
#include "oauth/mailoauthspec.h"
#include "secrets/credentialstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

namespace machina::cli {

namespace {

/// Signs in with @p provider's browser flow and says where the tokens went.
int signIn(CliContext &context, const QString &provider)
{
    EmailConnector *connector = context.connector();
    const bool noBrowser = context.isSet(QStringLiteral("no-browser"));
    QTextStream &out = context.out();
    // Line by line, flushed: a script waiting for "Open: URL" reads it while we wait for the browser.
    QObject::connect(connector, &EmailConnector::authorizationUrlReady, connector, [noBrowser, provider, &out](const QUrl &url) {
        if (!noBrowser) {
            out << QCoreApplication::translate("machina::cli::SignInCommand",
                                               "Opening your browser for the %1 sign-in. If it does not open, visit:")
                       .arg(provider)
                << Qt::endl;
        }
        out << "Open: " << url.toString(QUrl::FullyEncoded) << Qt::endl;
    });
    if (const ConnectorError error = context.wait(connector->signIn(noBrowser))) {
        context.printError(error.message());
        return exitCodeFor(error);
    }
    context.wait(connector->connectToServers());
    const QString account = connector->accountAddress();
    const QString signedIn = account.isEmpty()
        ? QCoreApplication::translate("machina::cli::SignInCommand", "Signed in to %1.").arg(provider)
        : QCoreApplication::translate("machina::cli::SignInCommand", "Signed in to %1 as %2.").arg(provider, account);
    out << signedIn << ' '
        << QCoreApplication::translate("machina::cli::SignInCommand",
                                       "The tokens are in the OS keychain (service %1); the browser will not be needed again.")
               .arg(CredentialStore::serviceName())
        << Qt::endl;
    return ExitOk;
}

} // namespace

void SignInCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("no-browser"), tr("Print the sign-in URL (\"Open: URL\") instead of opening a browser.")});
}

int SignInCommand::runGmail(CliContext &context)
{
    if (!context.loadConfig())
        return ExitUsage;
    if (!context.connector()->config().isGmail()) {
        context.printError(QCoreApplication::translate("machina::cli::SignInCommand",
                                                       "gmail_credentials_file: not set; gmail-login is for the Gmail API "
                                                       "mode (for IMAP and SMTP with OAuth, set oauth2_provider and run oauth-login)"));
        return ExitUsage;
    }
    return signIn(context, QStringLiteral("Google"));
}

int SignInCommand::runOAuth(CliContext &context)
{
    if (!context.loadConfig())
        return ExitUsage;
    const ConnectorConfig config = context.connector()->config();
    if (!config.usesOAuth2()) {
        context.printError(QCoreApplication::translate("machina::cli::SignInCommand",
                                                       "oauth2_provider: not set; oauth-login signs in to IMAP and SMTP with "
                                                       "OAuth (microsoft, google or custom)%1")
                               .arg(config.isGmail() ? QCoreApplication::translate("machina::cli::SignInCommand",
                                                                                   "; for the Gmail API mode run gmail-login")
                                                     : QString()));
        return ExitUsage;
    }
    return signIn(context, mailOAuthProviderName(config.oauth2Provider));
}

} // namespace machina::cli
