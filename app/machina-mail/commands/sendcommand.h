#pragma once

#include <QCoreApplication>

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `send`: builds a plain-text message (with attachments), refuses bad input
 * before anything touches the network, writes it to the outbox, sends it and
 * prints "Sent <id> to ...". With --queue it only queues it: "Queued <id>".
 */
class SendCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::SendCommand)

public:
    /// Adds this command's options; called only when it is the command given.
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
