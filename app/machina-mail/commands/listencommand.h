#pragma once

#include <QCoreApplication>

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `listen`: hands each new message to a handler (--reply-text or --exec),
 * sends its reply, and marks the message seen only when both succeeded.
 * Runs until SIGINT/SIGTERM, or with --once until what is unseen now is done.
 */
class ListenCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::ListenCommand)

public:
    /// Adds this command's options; called only when it is the command given.
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
