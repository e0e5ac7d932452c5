#pragma once

#include <QCoreApplication>

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `outbox [--json]`: the entries of the account's outbox, newest first.
 * `outbox flush`: one pass over everything queued, now, ignoring backoff; exits
 * 0 when nothing is left queued, 4 when the server could not be reached (the
 * entries stay queued), 5 when some failed for good.
 * `outbox retry ID` / `outbox cancel ID`: ID is the Message-ID or the number.
 */
class OutboxCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::OutboxCommand)

public:
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
