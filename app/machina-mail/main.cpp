// machina-mail: the connector from the command line, for scripts, agents and
// our own end-to-end checks. See README.md for the commands and exit codes.

#include "emailconnector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTextStream>

#include <cstdio>

using namespace machina;

namespace {

/// Exit codes, documented in README.md.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitAuth = 3,
    ExitNetwork = 4,
    ExitRejected = 5,
};

int exitCodeFor(const ConnectorError &error)
{
    switch (error.kind()) {
    case ConnectorError::Kind::None: return ExitOk;
    case ConnectorError::Kind::Config: return ExitUsage;
    case ConnectorError::Kind::Auth: return ExitAuth;
    case ConnectorError::Kind::Network:
    case ConnectorError::Kind::Tls:
    case ConnectorError::Kind::Timeout: return ExitNetwork;
    case ConnectorError::Kind::Rejected: return ExitRejected;
    case ConnectorError::Kind::NotConnected:
    case ConnectorError::Kind::Protocol:
    case ConnectorError::Kind::Aborted: return ExitFailure;
    }
    return ExitFailure;
}

void printError(const QString &text)
{
    QTextStream(stderr) << "machina-mail: " << text << Qt::endl;
}

QString defaultConfigPath()
{
    const QString fromEnv = qEnvironmentVariable("MACHINA_CONFIG");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/machina-console/config.yaml");
}

/// The first argument that is neither an option nor the value of --config.
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

const char *const GeneralHelp =
    "Commands:\n"
    "  send    Send a plain-text message, with attachments if any.\n"
    "  check   Connect and print the connector's health as JSON.\n"
    "\n"
    "Run 'machina-mail COMMAND --help' for a command's options.\n"
    "\n"
    "Exit codes: 0 success; 1 failure or unhealthy; 2 usage or config error;\n"
    "3 authentication failed; 4 network or TLS failure; 5 rejected by the server.\n";

class Cli
{
public:
    explicit Cli(QCoreApplication &app) : m_app(app) {}

    int run()
    {
        const QStringList args = m_app.arguments();
        const QString command = findCommand(args);

        m_parser.setApplicationDescription(QStringLiteral("Send mail through the Machina connector."));
        m_parser.addHelpOption();
        m_parser.addVersionOption();
        m_parser.addOption({{QStringLiteral("c"), QStringLiteral("config")},
                            QStringLiteral("Connector config (YAML). Default: $MACHINA_CONFIG, else %1.").arg(defaultConfigPath()),
                            QStringLiteral("FILE")});
        m_parser.addOption({QStringLiteral("verbose"),
                            QStringLiteral("Print the protocol transcript to stderr (credentials are redacted).")});
        m_parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("send | check"));

        if (command == QLatin1String("send")) {
            m_parser.addOption({QStringLiteral("to"), QStringLiteral("Recipient address; repeat for more."), QStringLiteral("ADDR")});
            m_parser.addOption({QStringLiteral("subject"), QStringLiteral("Subject (default \"Machina Notification\")."), QStringLiteral("S")});
            m_parser.addOption({QStringLiteral("text"), QStringLiteral("Message text."), QStringLiteral("T")});
            m_parser.addOption({QStringLiteral("text-file"), QStringLiteral("Read the message text from F (- for stdin)."), QStringLiteral("F")});
            m_parser.addOption({QStringLiteral("attach"), QStringLiteral("Attach FILE; repeat for more."), QStringLiteral("FILE")});
        }

        if (!m_parser.parse(args)) {
            printError(m_parser.errorText());
            return ExitUsage;
        }
        if (m_parser.isSet(QStringLiteral("version"))) {
            QTextStream(stdout) << "machina-mail " << MACHINA_VERSION << Qt::endl;
            return ExitOk;
        }
        if (m_parser.isSet(QStringLiteral("help")) || command.isEmpty()) {
            QTextStream out(command.isEmpty() && !m_parser.isSet(QStringLiteral("help")) ? stderr : stdout);
            out << m_parser.helpText();
            if (command.isEmpty())
                out << '\n' << GeneralHelp;
            return command.isEmpty() && !m_parser.isSet(QStringLiteral("help")) ? ExitUsage : ExitOk;
        }
        if (m_parser.positionalArguments().size() != 1) {
            printError(QStringLiteral("unexpected arguments: %1").arg(m_parser.positionalArguments().mid(1).join(QLatin1Char(' '))));
            return ExitUsage;
        }
        if (m_parser.isSet(QStringLiteral("verbose")))
            QLoggingCategory::setFilterRules(QStringLiteral("machina.*.debug=true"));

        if (command == QLatin1String("send"))
            return send();
        if (command == QLatin1String("check"))
            return check();
        printError(QStringLiteral("unknown command '%1' (try --help)").arg(command));
        return ExitUsage;
    }

private:
    bool loadConfig()
    {
        const QString path = m_parser.isSet(QStringLiteral("config")) ? m_parser.value(QStringLiteral("config"))
                                                                     : defaultConfigPath();
        const ConfigLoader::Result loaded = ConfigLoader::loadFile(path);
        if (!loaded.config) {
            printError(loaded.error.message());
            return false;
        }
        m_connector = new EmailConnector(*loaded.config, &m_app);
        return true;
    }

    /// Runs the event loop until @p reply finishes; returns its error.
    ConnectorError wait(ConnectorReply *reply)
    {
        if (!reply->isFinished()) {
            QObject::connect(reply, &ConnectorReply::finished, &m_app, [] { QCoreApplication::exit(0); });
            QObject::connect(reply, &ConnectorReply::progressed, &m_app, [this](const QString &step) {
                if (m_parser.isSet(QStringLiteral("verbose")))
                    QTextStream(stderr) << step << Qt::endl;
            });
            m_app.exec();
        }
        const ConnectorError error = reply->error();
        delete reply;
        return error;
    }

    int send()
    {
        const QStringList to = m_parser.values(QStringLiteral("to"));
        if (to.isEmpty()) {
            printError(QStringLiteral("send: give at least one --to ADDR"));
            return ExitUsage;
        }
        const bool hasText = m_parser.isSet(QStringLiteral("text"));
        const bool hasFile = m_parser.isSet(QStringLiteral("text-file"));
        if (hasText == hasFile) {
            printError(QStringLiteral("send: give exactly one of --text T or --text-file F"));
            return ExitUsage;
        }
        QString text;
        if (hasText) {
            text = m_parser.value(QStringLiteral("text"));
        } else {
            const QString path = m_parser.value(QStringLiteral("text-file"));
            QFile file(path);
            const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                           : file.open(QIODevice::ReadOnly);
            if (!opened) {
                printError(QStringLiteral("--text-file: cannot read %1: %2").arg(path, file.errorString()));
                return ExitUsage;
            }
            const QByteArray bytes = file.readAll();
            auto decoder = QStringDecoder(QStringDecoder::Utf8);
            text = decoder(bytes);
            if (decoder.hasError()) {
                printError(QStringLiteral("--text-file: %1 is not UTF-8 text").arg(path));
                return ExitUsage;
            }
        }

        SendOptions options;
        if (m_parser.isSet(QStringLiteral("subject")))
            options.subject = m_parser.value(QStringLiteral("subject"));
        for (const QString &path : m_parser.values(QStringLiteral("attach"))) {
            ConnectorError error;
            const std::optional<Attachment> attachment = Attachment::fromFile(path, &error);
            if (!attachment) {
                printError(error.message());
                return ExitUsage;
            }
            options.attachments.append(*attachment);
        }

        if (!loadConfig())
            return ExitUsage;
        // Refuse bad input before anything touches the network.
        const MessageBuilder::Result built = m_connector->buildMessage(to, text, options);
        if (!built.message) {
            printError(built.error.message());
            return exitCodeFor(built.error);
        }

        if (const ConnectorError error = wait(m_connector->connectToServers())) {
            printError(error.message());
            return exitCodeFor(error);
        }
        SendReply *reply = m_connector->sendBuiltMessage(*built.message);
        const QString messageId = built.message->messageId;
        const ConnectorError error = wait(reply);
        wait(m_connector->disconnectFromServers());
        if (error) {
            printError(error.message());
            return exitCodeFor(error);
        }
        QTextStream(stdout) << "Sent <" << messageId << "> to " << built.message->envelopeTo.join(QStringLiteral(", "))
                            << Qt::endl;
        return ExitOk;
    }

    int check()
    {
        if (!loadConfig())
            return ExitUsage;
        const ConnectorError error = wait(m_connector->connectToServers());
        const ConnectorHealth health = m_connector->healthCheck();
        if (!error)
            wait(m_connector->disconnectFromServers());
        QTextStream(stdout) << QJsonDocument(health.toJson()).toJson(QJsonDocument::Indented);
        if (error)
            return exitCodeFor(error);
        return health.status == ConnectorHealth::Status::Healthy ? ExitOk : ExitFailure;
    }

    QCoreApplication &m_app;
    QCommandLineParser m_parser;
    EmailConnector *m_connector = nullptr;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("machina-mail"));
    QCoreApplication::setOrganizationName(QStringLiteral("machina"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MACHINA_VERSION));
    return Cli(app).run();
}
