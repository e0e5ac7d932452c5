#pragma once

#include <QCoreApplication>

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `inbox`: the INBOX's newest messages as a table or a JSON array; headers
 * only, nothing is marked read. The rows go through the account's local
 * cache, resynced with the server; `--offline` lists the cache alone.
 */
class InboxCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::InboxCommand)

public:
    /// Adds this command's options; called only when it is the command given.
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
