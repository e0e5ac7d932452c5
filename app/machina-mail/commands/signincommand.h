#pragma once

#include <QCoreApplication>

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * The interactive OAuth sign-ins; the tokens go to the OS keychain, so the
 * browser is needed once:
 *
 *   gmail-login   Google, for the Gmail API mode (gmail_credentials_file)
 *   oauth-login   the provider of oauth2_provider (Microsoft 365, Google, custom), for IMAP and SMTP
 *
 * Both take --no-browser: print "Open: URL" and wait for the redirect.
 */
class SignInCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::SignInCommand)

public:
    /// Adds this command's options; called only when it is the command given.
    static void addOptions(QCommandLineParser &parser);
    static int runGmail(CliContext &context);
    static int runOAuth(CliContext &context);
};

} // namespace machina::cli
