#pragma once

#include "connectorerror.h"

#include <QCommandLineParser>
#include <QStringList>
#include <memory>

class QCoreApplication;
class QTextStream;

namespace machina {
class ConnectorReply;
class EmailConnector;
}

namespace machina::cli {

/// Exit codes, documented in README.md; scripts and agents branch on them.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitAuth = 3,
    ExitNetwork = 4,
    ExitRejected = 5,
};

/// The exit code that reports @p error.
int exitCodeFor(const ConnectorError &error);

/// --config's default: $MACHINA_CONFIG, else ~/.config/machina-console/config.yaml.
QString defaultConfigPath();

/**
 * What every machina-mail command shares: the application (its event loop
 * runs while a reply is pending), the parsed command line, the connector
 * built from the config, and the two streams the command writes to. The
 * streams are given, not opened here, so a test can read what a command
 * printed from strings instead of stdout and stderr.
 */
class CliContext
{
public:
    /// @p arguments as QCoreApplication::arguments() gives them: the program first.
    CliContext(QCoreApplication &app, const QStringList &arguments, QTextStream &out, QTextStream &err);
    ~CliContext();

    CliContext(const CliContext &) = delete;
    CliContext &operator=(const CliContext &) = delete;

    QCoreApplication &app() const { return m_app; }
    const QStringList &arguments() const { return m_arguments; }
    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }
    /// What the command prints as its result (stdout).
    QTextStream &out() const { return m_out; }
    /// Errors, progress and notes (stderr).
    QTextStream &err() const { return m_err; }

    /// Whether the parsed options include @p name.
    bool isSet(const QString &name) const { return m_parser.isSet(name); }

    /**
     * Reads the config (--config, else defaultConfigPath()) and builds the
     * connector. On a mistake prints the loader's message (file, line, key)
     * and returns false: the command exits with ExitUsage.
     */
    bool loadConfig();
    /**
     * Opens the account's local store (after loadConfig()). When it cannot be
     * opened, or a damaged one was moved aside, prints why and returns false:
     * the command exits with ExitFailure.
     */
    bool openStore();

    /// The connector loadConfig() built; null before.
    EmailConnector *connector() const { return m_connector.get(); }

    /// Runs the event loop until @p reply finishes, deletes it and returns its error.
    ConnectorError wait(ConnectorReply *reply);

    /// "machina-mail: TEXT" on err(), one line.
    void printError(const QString &text) const;

private:
    QCoreApplication &m_app;
    QStringList m_arguments;
    QTextStream &m_out;
    QTextStream &m_err;
    QCommandLineParser m_parser;
    std::unique_ptr<EmailConnector> m_connector;
};

} // namespace machina::cli
