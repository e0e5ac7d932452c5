#pragma once

#include <QCoreApplication>

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `check`: opens every session and prints the connector's health as JSON;
 * exit 0 only when healthy. With --canary it also runs the canary
 * (EmailConnector::runCanary()) and adds "canary": {"latency_ms": N}, or
 * {"error", "error_kind"}; a failed canary fails the check (exit 1, 2 for a
 * configuration error such as a Gmail API account).
 */
class CheckCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::CheckCommand)

public:
    /// Adds this command's options; called only when it is the command given.
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
