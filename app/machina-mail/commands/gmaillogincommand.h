#pragma once

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `gmail-login`: Google's sign-in (Gmail API mode); the tokens go to
 * the OS keychain, so the browser is needed once.
 */
class GmailLoginCommand
{
public:
    /// Adds this command's options; called only when it is the command given.
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
