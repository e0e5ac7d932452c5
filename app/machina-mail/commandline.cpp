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

const char *const GeneralHelp =
    "Commands:\n"
    "  send    Send a plain-text message, with attachments if any.\n"
    "  check   Connect and print the connector's health as JSON (--canary: a probe mail end to end).\n"
    "  test    Walk the connection step by step (lookup, TCP, TLS, capabilities, sign-in, INBOX, IDLE).\n"
    "  inbox   List the INBOX (newest first): uid, date, sender, subject, seen, attachments.\n"
    "  listen  Hand each new message to a handler (--reply-text or --exec) and send its reply.\n"
    "  outbox  List the outbox; 'outbox flush' sends what is queued; 'outbox retry|cancel ID'.\n"
    "  gmail-login     Sign in to Google (Gmail API mode); tokens go to the OS keychain.\n"
    "  oauth-login     Sign in to the oauth2_provider (Microsoft 365, Google) for IMAP and SMTP; tokens go to the OS keychain.\n"
    "  store-password  Keep the account's password in the OS keychain (read from stdin).\n"
    "  workorder create  Claim a work-order id and notify a technician (--to), escalating if unacknowledged.\n"
    "  workorders      List the work orders (--json, --open), as the mail server has them.\n"
    "  dispatch        Run the work-order tracker without a window until SIGTERM or SIGINT.\n"
    "\n"
    "Run 'machina-mail COMMAND --help' for a command's options.\n"
    "\n"
    "Exit codes: 0 success; 1 failure or unhealthy; 2 usage or config error;\n"
    "3 authentication failed; 4 network or TLS failure; 5 rejected by the server.\n";

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
    parser.setApplicationDescription(QStringLiteral("Send mail through the Machina connector."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({{QStringLiteral("c"), QStringLiteral("config")},
                      QStringLiteral("Connector config (YAML). Default: $MACHINA_CONFIG, else %1.").arg(defaultConfigPath()),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("verbose"),
                      QStringLiteral("Print the protocol transcript to stderr (credentials are redacted).")});
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
            out << '\n' << GeneralHelp;
        out << Qt::flush;
        return help ? ExitOk : ExitUsage;
    }
    if (parser.positionalArguments().size() > 1 + (command ? command->maxArguments : 0)) {
        context.printError(QStringLiteral("unexpected arguments: %1").arg(parser.positionalArguments().mid(1).join(QLatin1Char(' '))));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("machina.*.debug=true"));

    if (command)
        return command->run(context);
    context.printError(QStringLiteral("unknown command '%1' (try --help)").arg(name));
    return ExitUsage;
}

} // namespace machina::cli
