#pragma once

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `send`: builds a plain-text message (with attachments), refuses bad input
 * before anything touches the network, sends it and prints "Sent <id> to ...".
 */
class SendCommand
{
public:
    /// Adds this command's options; called only when it is the command given.
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
