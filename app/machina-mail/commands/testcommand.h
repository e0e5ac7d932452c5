#pragma once

#include <QCoreApplication>

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `test`: the settings dialog's Test connection for scripts: each step as it
 * ends (or a JSON array), and the exit code of the first failure.
 */
class TestCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::TestCommand)

public:
    /// Adds this command's options; called only when it is the command given.
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
