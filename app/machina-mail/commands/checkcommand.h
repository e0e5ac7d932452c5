#pragma once

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `check`: opens every session and prints the connector's health as JSON;
 * exit 0 only when healthy.
 */
class CheckCommand
{
public:
    /// Adds this command's options; called only when it is the command given.
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
