#pragma once

#include <QCoreApplication>

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `store-password`: keeps the account's password in the OS keychain
 * (read from stdin, without echo on a terminal), or removes it.
 */
class StorePasswordCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::StorePasswordCommand)

public:
    /// Adds this command's options; called only when it is the command given.
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
