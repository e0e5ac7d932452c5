#pragma once

namespace machina::cli {

class CliContext;

/**
 * The whole of machina-mail after QCoreApplication: finds the command in
 * the context's arguments, declares the options everyone has and the
 * command's own, parses, answers --help and --version, and runs the command.
 * Returns the process exit code (see ExitCode).
 */
int runCommandLine(CliContext &context);

} // namespace machina::cli
