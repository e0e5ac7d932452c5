#include "commandline.h"

#include "clicontext.h"
#include "commands/checkcommand.h"
#include "commands/inboxcommand.h"
#include "commands/listencommand.h"
#include "commands/outboxcommand.h"
#include "commands/sendcommand.h"
#include "commands/signincommand.h"
#include "commands/storepasswordcommand.h"
#include "commands/testcommand.h"
#include "commands/workordercommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

namespace machina::cli {

namespace {

/** One command: its word on the command line, its options, and its body. */
struct Command
{
    const char *name;
    void (*addOptions)(QCommandLineParser &parser);
    int (*run)(CliContext &context);
    int maxArguments = 0;   ///< words after the command (outbox flush, outbox retry ID)
};

const Command Commands[] = {
    {"send", SendCommand::addOptions, SendCommand::run},
    {"check", CheckCommand::addOptions, CheckCommand::run},
    {"test", TestCommand::addOptions, TestCommand::run},
    {"inbox", InboxCommand::addOptions, InboxCommand::run},
    {"listen", ListenCommand::addOptions, ListenCommand::run},
    {"outbox", OutboxCommand::addOptions, OutboxCommand::run, 2},
    {"gmail-login", SignInCommand::addOptions, SignInCommand::runGmail},
    {"oauth-login", SignInCommand::addOptions, SignInCommand::runOAuth},
    {"store-password", StorePasswordCommand::addOptions, StorePasswordCommand::run},
    {"workorder", WorkOrderCommand::addOptions, WorkOrderCommand::run, 1},
    {"workorders", WorkOrdersCommand::addOptions, WorkOrdersCommand::run},
    {"dispatch", DispatchCommand::addOptions, DispatchCommand::run},
};

/// A line of the list of commands: the command's column as printed, and what the command does.
struct CommandHelp
{
    const char *column;
    const char *text;
};

const CommandHelp CommandHelps[] = {
    {"  send    ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "Send a plain-text message, with attachments if any.")},
    {"  check   ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "Connect and print the connector's health as JSON (--canary: a probe mail end to end).")},
    {"  test    ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "Walk the connection step by step (lookup, TCP, TLS, capabilities, sign-in, INBOX, IDLE).")},
    {"  inbox   ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "List the INBOX (newest first): uid, date, sender, subject, seen, attachments.")},
    {"  listen  ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "Hand each new message to a handler (--reply-text or --exec) and send its reply.")},
    {"  outbox  ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "List the outbox; 'outbox flush' sends what is queued; 'outbox retry|cancel ID'.")},
    {"  gmail-login     ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "Sign in to Google (Gmail API mode); tokens go to the OS keychain.")},
    {"  oauth-login     ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "Sign in to the oauth2_provider (Microsoft 365, Google) for IMAP and SMTP; "
                       "tokens go to the OS keychain.")},
    {"  store-password  ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "Keep the account's password in the OS keychain (read from stdin).")},
    {"  workorder create  ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "Claim a work-order id and notify a technician (--to), escalating if "
                       "unacknowledged.")},
    {"  workorders      ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "List the work orders (--json, --open), as the mail server has them.")},
    {"  dispatch        ",
     QT_TRANSLATE_NOOP("machina::cli::CommandLine",
                       "Run the work-order tracker without a window until SIGTERM or SIGINT.")},
};

/// What --help adds without a command: the commands (their names as typed, untranslated) and the exit codes.
QString generalHelp()
{
    QString help = QCoreApplication::translate("machina::cli::CommandLine", "Commands:") + u'\n';
    for (const CommandHelp &line : CommandHelps)
        help += QLatin1String(line.column) + QCoreApplication::translate("machina::cli::CommandLine", line.text) + u'\n';
    help += u'\n'
            + QCoreApplication::translate("machina::cli::CommandLine",
                                          "Run 'machina-mail COMMAND --help' for a command's options.")
            + QStringLiteral("\n\n")
            //: Keep the numbers: scripts branch on them. Break the lines where it reads well.
            + QCoreApplication::translate("machina::cli::CommandLine",
                                          "Exit codes: 0 success; 1 failure or unhealthy; 2 usage or config error;\n"
                                          "3 authentication failed; 4 network or TLS failure; 5 rejected by the server.")
            + u'\n';
    return help;
}

/// The first argument that is neither an option nor the value of --config:
/// needed before parsing, since it decides which options exist.
QString findCommand(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--config") || a == QLatin1String("-c")) {
            ++i;
            continue;
        }
        if (!a.startsWith(QLatin1Char('-')))
            return a;
    }
    return {};
}

const Command *commandNamed(const QString &name)
{
    for (const Command &command : Commands) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("machina::cli::CommandLine", "Send mail through the Machina connector."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({{QStringLiteral("c"), QStringLiteral("config")},
                      QCoreApplication::translate("machina::cli::CommandLine",
                                                  "Connector config (YAML). Default: $MACHINA_CONFIG, else %1.")
                          .arg(defaultConfigPath()),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("verbose"),
                      QCoreApplication::translate("machina::cli::CommandLine",
                                                  "Print the protocol transcript to stderr (credentials are redacted).")});
    // The command words: not translated.
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("send | check | test | inbox | listen | outbox | workorder | workorders | dispatch | gmail-login | oauth-login | store-password"));
}

} // namespace

int runCommandLine(CliContext &context)
{
    QCommandLineParser &parser = context.parser();
    const QString name = findCommand(context.arguments());
    const Command *command = commandNamed(name);

    addCommonOptions(parser);
    if (command)
        command->addOptions(parser);

    if (!parser.parse(context.arguments())) {
        context.printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        context.out() << "machina-mail " << MACHINA_VERSION << Qt::endl;
        return ExitOk;
    }
    const bool help = parser.isSet(QStringLiteral("help"));
    if (help || name.isEmpty()) {
        // Asked for: stdout and success. No command at all: a usage error, on stderr.
        QTextStream &out = help ? context.out() : context.err();
        out << parser.helpText();
        if (name.isEmpty())
            out << '\n' << generalHelp();
        out << Qt::flush;
        return help ? ExitOk : ExitUsage;
    }
    if (parser.positionalArguments().size() > 1 + (command ? command->maxArguments : 0)) {
        context.printError(QCoreApplication::translate("machina::cli::CommandLine", "unexpected arguments: %1")
                               .arg(parser.positionalArguments().mid(1).join(QLatin1Char(' '))));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("machina.*.debug=true"));

    if (command)
        return command->run(context);
    context.printError(
        QCoreApplication::translate("machina::cli::CommandLine", "unknown command '%1' (try --help)").arg(name));
    return ExitUsage;
}

} // namespace machina::cli
