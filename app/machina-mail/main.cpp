// machina-mail: the connector from the command line, for scripts, agents and
// our own end-to-end checks. See README.md for the commands and exit codes.

#include "connectiontester.h"
#include "emailconnector.h"
#include "secrets/credentialstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQueue>
#include <QSocketNotifier>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

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
    "  test    Walk the connection step by step (lookup, TCP, TLS, capabilities, sign-in, INBOX, IDLE).\n"
    "  inbox   List the INBOX (newest first): uid, date, sender, subject, seen, attachments.\n"
    "  listen  Hand each new message to a handler (--reply-text or --exec) and send its reply.\n"
    "  gmail-login     Sign in to Google (Gmail API mode); tokens go to the OS keychain.\n"
    "  store-password  Keep the account's password in the OS keychain (read from stdin).\n"
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
        m_parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("send | check | test | inbox | listen | gmail-login | store-password"));

        if (command == QLatin1String("send")) {
            m_parser.addOption({QStringLiteral("to"), QStringLiteral("Recipient address; repeat for more."), QStringLiteral("ADDR")});
            m_parser.addOption({QStringLiteral("subject"), QStringLiteral("Subject (default \"Machina Notification\")."), QStringLiteral("S")});
            m_parser.addOption({QStringLiteral("text"), QStringLiteral("Message text."), QStringLiteral("T")});
            m_parser.addOption({QStringLiteral("text-file"), QStringLiteral("Read the message text from F (- for stdin)."), QStringLiteral("F")});
            m_parser.addOption({QStringLiteral("attach"), QStringLiteral("Attach FILE; repeat for more."), QStringLiteral("FILE")});
        }

        if (command == QLatin1String("inbox")) {
            m_parser.addOption({QStringLiteral("unseen"), QStringLiteral("Only unseen messages.")});
            m_parser.addOption({QStringLiteral("limit"), QStringLiteral("At most N messages, the newest (default 50; 0: all)."), QStringLiteral("N"), QStringLiteral("50")});
            m_parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array instead of a table.")});
        }
        if (command == QLatin1String("listen")) {
            m_parser.addOption({QStringLiteral("once"), QStringLiteral("Handle what is unseen now, then exit (0: every handler succeeded).")});
            m_parser.addOption({QStringLiteral("reply-text"), QStringLiteral("Answer every message with TEXT."), QStringLiteral("TEXT")});
            m_parser.addOption({QStringLiteral("exec"), QStringLiteral("Run CMD (through sh) per message, the message as JSON on stdin; "
                                                                      "its stdout is the reply (empty: none); a non-zero exit leaves the message unseen."),
                                QStringLiteral("CMD")});
            m_parser.addOption({QStringLiteral("no-idle"), QStringLiteral("Poll every poll_interval even when the server offers IDLE.")});
        }

        if (command == QLatin1String("test")) {
            m_parser.addOption({QStringLiteral("send-to-self"), QStringLiteral("Also send a test message to the account's own address.")});
            m_parser.addOption({QStringLiteral("json"), QStringLiteral("Print the steps as a JSON array.")});
        }
        if (command == QLatin1String("gmail-login"))
            m_parser.addOption({QStringLiteral("no-browser"), QStringLiteral("Print the sign-in URL (\"Open: URL\") instead of opening a browser.")});
        if (command == QLatin1String("store-password")) {
            m_parser.addOption({QStringLiteral("username"), QStringLiteral("The account (default: username from the config)."), QStringLiteral("U")});
            m_parser.addOption({QStringLiteral("delete"), QStringLiteral("Remove the stored password instead.")});
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
        if (command == QLatin1String("test"))
            return testConnection();
        if (command == QLatin1String("inbox"))
            return inbox();
        if (command == QLatin1String("listen"))
            return listen();
        if (command == QLatin1String("gmail-login"))
            return gmailLogin();
        if (command == QLatin1String("store-password"))
            return storePassword();
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
        // Refuse bad input before anything touches the network; but in Gmail
        // mode with no from_address/username the sender is the account, known
        // only once connected (users.getProfile).
        const ConnectorConfig config = m_connector->config();
        const bool senderFromAccount = config.isGmail() && config.effectiveFromAddress().isEmpty();
        if (senderFromAccount) {
            if (const ConnectorError error = wait(m_connector->connectToServers())) {
                printError(error.message());
                return exitCodeFor(error);
            }
        }
        const MessageBuilder::Result built = m_connector->buildMessage(to, text, options);
        if (!built.message) {
            printError(built.error.message());
            return exitCodeFor(built.error);
        }

        if (!senderFromAccount) {
            if (const ConnectorError error = wait(m_connector->connectToServers())) {
                printError(error.message());
                return exitCodeFor(error);
            }
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
        // Every session is opened now (SMTP; IMAP with INBOX selected; or the Gmail API).
        const ConnectorError error = wait(m_connector->probe());
        const ConnectorHealth health = m_connector->healthCheck();
        wait(m_connector->disconnectFromServers());
        QTextStream(stdout) << QJsonDocument(health.toJson()).toJson(QJsonDocument::Indented);
        if (error.kind() == ConnectorError::Kind::Config)
            return ExitUsage;
        return health.status == ConnectorHealth::Status::Healthy ? ExitOk : ExitFailure;
    }

    // The settings dialog's Test connection, for scripts: one line per step as it
    // ends ("ok", "FAILED", "note"), or a JSON array; the exit code of the first failure.
    int testConnection()
    {
        if (!loadConfig())
            return ExitUsage;
        const bool json = m_parser.isSet(QStringLiteral("json"));
        ConnectionTestReply *reply = m_connector->testConnection(m_parser.isSet(QStringLiteral("send-to-self")));
        QObject::connect(reply, &ConnectionTestReply::stepFinished, &m_app, [json](const ConnectionTestStep &step) {
            if (json)
                return;
            using Outcome = ConnectionTestStep::Outcome;
            const char *mark = step.outcome == Outcome::Passed ? "ok    " : step.outcome == Outcome::Failed ? "FAILED" : "note  ";
            QTextStream(stdout) << mark << ' ' << step.name << (step.detail.isEmpty() ? QString() : QStringLiteral(": ") + step.detail)
                                << Qt::endl;
        });
        QList<ConnectionTestStep> steps;
        QObject::connect(reply, &ConnectorReply::finished, &m_app, [&steps, reply] { steps = reply->steps(); });
        const ConnectorError error = wait(reply);
        if (json) {
            QJsonArray array;
            for (const ConnectionTestStep &step : std::as_const(steps)) {
                using Outcome = ConnectionTestStep::Outcome;
                array.append(QJsonObject{
                    {QStringLiteral("step"), step.name},
                    {QStringLiteral("outcome"), step.outcome == Outcome::Passed   ? QStringLiteral("passed")
                                                : step.outcome == Outcome::Failed ? QStringLiteral("failed")
                                                                                  : QStringLiteral("notice")},
                    {QStringLiteral("detail"), step.detail},
                });
            }
            QTextStream(stdout) << QJsonDocument(array).toJson(QJsonDocument::Indented);
        }
        return error ? exitCodeFor(error) : ExitOk;
    }

    int inbox()
    {
        bool limitOk = false;
        const int limit = m_parser.value(QStringLiteral("limit")).toInt(&limitOk);
        if (!limitOk || limit < 0) {
            printError(QStringLiteral("inbox: --limit takes a whole number >= 0"));
            return ExitUsage;
        }
        if (!loadConfig())
            return ExitUsage;
        InboxListReply *reply = m_connector->listMessages(m_parser.isSet(QStringLiteral("unseen")), limit);
        QList<MessageSummary> listed;
        QObject::connect(reply, &ConnectorReply::finished, &m_app, [&listed, reply] { listed = reply->messages(); });
        if (const ConnectorError error = wait(reply)) {
            printError(error.message());
            return exitCodeFor(error);
        }
        QJsonArray rows;
        QTextStream out(stdout);
        const bool json = m_parser.isSet(QStringLiteral("json"));
        if (!json)
            out << QStringLiteral("%1  %2  %3  %4  %5\n").arg(QStringLiteral("UID"), 6).arg(QStringLiteral("DATE"), -16)
                       .arg(QStringLiteral("FROM"), -30).arg(QStringLiteral("S A"), -3).arg(QStringLiteral("SUBJECT"));
        for (const MessageSummary &m : std::as_const(listed)) {
            if (json) {
                rows.append(QJsonObject{
                    {QStringLiteral("uid"), qint64(m.uid)},
                    {QStringLiteral("id"), m.id},
                    {QStringLiteral("date"), m.date.toString(Qt::ISODate)},
                    {QStringLiteral("from"), m.from},
                    {QStringLiteral("subject"), m.subject},
                    {QStringLiteral("seen"), m.seen},
                    {QStringLiteral("attachments"), m.attachments},
                    {QStringLiteral("size"), m.size},
                    {QStringLiteral("message_id"), m.messageId},
                });
            } else {
                // IMAP rows show the UID; Gmail rows their message id.
                out << QStringLiteral("%1  %2  %3  %4 %5  %6\n")
                           .arg(m.uid ? QString::number(m.uid) : m.id.section(QLatin1Char(':'), -1), 6)
                           .arg(m.date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), -16)
                           .arg(m.from.left(30), -30)
                           .arg(m.seen ? QLatin1Char(' ') : QLatin1Char('N'))
                           .arg(m.attachments > 0 ? QLatin1Char('@') : QLatin1Char(' '))
                           .arg(m.subject);
            }
        }
        if (json)
            out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
        return ExitOk;
    }

    int gmailLogin()
    {
        if (!loadConfig())
            return ExitUsage;
        const bool noBrowser = m_parser.isSet(QStringLiteral("no-browser"));
        QObject::connect(m_connector, &EmailConnector::authorizationUrlReady, &m_app, [noBrowser](const QUrl &url) {
            QTextStream out(stdout);
            if (!noBrowser)
                out << "Opening your browser for Google sign-in. If it does not open, visit:" << Qt::endl;
            out << "Open: " << url.toString(QUrl::FullyEncoded) << Qt::endl;
        });
        if (const ConnectorError error = wait(m_connector->signInToGoogle(noBrowser))) {
            printError(error.message());
            return exitCodeFor(error);
        }
        wait(m_connector->connectToServers());
        const QString account = m_connector->healthCheck().details.value(QStringLiteral("account")).toString();
        QTextStream(stdout) << "Signed in to Google" << (account.isEmpty() ? QString() : QStringLiteral(" as ") + account)
                            << ". The tokens are in the OS keychain (service " << CredentialStore::serviceName()
                            << "); the browser will not be needed again." << Qt::endl;
        return ExitOk;
    }

    /// Reads one line from stdin without echo when it is a terminal.
    static QByteArray readSecretLine()
    {
        const bool tty = ::isatty(STDIN_FILENO);
        termios saved{};
        if (tty) {
            QTextStream(stderr) << "Password: " << Qt::flush;
            ::tcgetattr(STDIN_FILENO, &saved);
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
        QByteArray line;
        char c;
        while (::read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
            line += c;
        if (tty) {
            ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
            QTextStream err(stderr);
            err << Qt::endl;
        }
        if (line.endsWith('\r'))
            line.chop(1);
        return line;
    }

    int storePassword()
    {
        QString username = m_parser.value(QStringLiteral("username"));
        if (username.isEmpty()) {
            if (!loadConfig())
                return ExitUsage;
            username = m_connector->config().username;
        }
        if (username.isEmpty()) {
            printError(QStringLiteral("store-password: no username (give --username or set username in the config)"));
            return ExitUsage;
        }
        CredentialStore store;
        const QString key = CredentialStore::passwordKey(username);
        if (m_parser.isSet(QStringLiteral("delete"))) {
            if (const ConnectorError error = wait(store.deleteSecret(key))) {
                printError(error.message());
                return exitCodeFor(error);
            }
            QTextStream(stdout) << "Removed the password of " << username << " from the keychain." << Qt::endl;
            return ExitOk;
        }
        const QByteArray secret = readSecretLine();
        if (secret.isEmpty()) {
            printError(QStringLiteral("store-password: the password is empty; nothing stored"));
            return ExitUsage;
        }
        if (const ConnectorError error = wait(store.writeSecret(key, secret))) {
            printError(error.message());
            return exitCodeFor(error);
        }
        QTextStream(stdout) << "Stored the password of " << username << " in the keychain (service "
                            << CredentialStore::serviceName() << ")." << Qt::endl;
        return ExitOk;
    }

    /// The JSON an --exec handler reads on stdin.
    static QByteArray messageJson(const IncomingMessage &m)
    {
        QJsonArray attachments;
        for (const ParsedAttachment &a : m.attachments) {
            attachments.append(QJsonObject{{QStringLiteral("name"), a.fileName},
                                           {QStringLiteral("content_type"), a.contentType},
                                           {QStringLiteral("size"), a.size}});
        }
        QJsonArray to;
        for (const MailAddress &a : m.to)
            to.append(a.address);
        return QJsonDocument(QJsonObject{
                                 {QStringLiteral("uid"), qint64(m.uid)},
                                 {QStringLiteral("from"), m.from.address},
                                 {QStringLiteral("from_name"), m.from.name},
                                 {QStringLiteral("to"), to},
                                 {QStringLiteral("subject"), m.subject},
                                 {QStringLiteral("text"), m.text},
                                 {QStringLiteral("message_id"), m.messageId},
                                 {QStringLiteral("date"), m.date.toString(Qt::ISODate)},
                                 {QStringLiteral("attachments"), attachments},
                                 {QStringLiteral("channel"), m.channel},
                             })
            .toJson(QJsonDocument::Compact);
    }

    int listen()
    {
        const bool hasText = m_parser.isSet(QStringLiteral("reply-text"));
        const bool hasExec = m_parser.isSet(QStringLiteral("exec"));
        if (hasText == hasExec) {
            printError(QStringLiteral("listen: give exactly one of --reply-text TEXT or --exec CMD"));
            return ExitUsage;
        }
        if (!loadConfig())
            return ExitUsage;
        if (const ConnectorError error = wait(m_connector->connectToServers())) {
            // A refused login or a bad setting does not pass by itself; a server that is
            // down does: receiving starts anyway, and replies wait until sending works.
            using Kind = ConnectorError::Kind;
            if (error.kind() == Kind::Auth || error.kind() == Kind::Config || error.kind() == Kind::Tls) {
                printError(error.message());
                return exitCodeFor(error);
            }
            QTextStream(stderr) << "machina-mail: sending is not available yet (" << error.message()
                                << "); replies wait until it is" << Qt::endl;
        }

        const QString replyText = m_parser.value(QStringLiteral("reply-text"));
        const QString command = m_parser.value(QStringLiteral("exec"));
        MessageHandler handler;
        if (hasText) {
            handler = [replyText](const IncomingMessage &, std::function<void(const HandlerResult &)> done) {
                done(HandlerResult::reply(replyText));
            };
        } else {
            handler = [this, command](const IncomingMessage &m, std::function<void(const HandlerResult &)> done) {
                m_execQueue.enqueue({messageJson(m), std::move(done)});
                runNextExec(command);
            };
        }
        QObject::connect(m_connector, &EmailConnector::messageHandled, &m_app,
                         [](const IncomingMessage &m, const HandlerResult &r) {
                             QTextStream(stderr) << "machina-mail: " << m.backendId << " from " << m.from.address << ": "
                                                 << (!r.handled ? QStringLiteral("not handled (%1), left unseen").arg(r.failure)
                                                     : r.replyText.isEmpty() ? QStringLiteral("handled, no reply")
                                                                             : QStringLiteral("handled, replied"))
                                                 << Qt::endl;
                         });

        QObject::connect(m_connector, &EmailConnector::receiveStatusChanged, &m_app, [](const QString &status) {
            QTextStream(stderr) << "machina-mail: " << status << Qt::endl;
        });

        ListenOptions options;
        options.once = m_parser.isSet(QStringLiteral("once"));
        options.useIdle = !m_parser.isSet(QStringLiteral("no-idle"));
        ListenReply *reply = m_connector->listen(handler, options);
        QObject::connect(reply, &ConnectorReply::finished, &m_app, [this, reply] {
            m_listenCounts[0] = reply->received();
            m_listenCounts[1] = reply->handled();
            m_listenCounts[2] = reply->failed();
        });
        if (!options.once)
            stopOnSignals();
        const ConnectorError error = wait(reply);
        wait(m_connector->disconnectFromServers());
        if (error) {
            printError(error.message());
            return exitCodeFor(error);
        }
        QTextStream(stderr) << "machina-mail: " << m_listenCounts[0] << " received, " << m_listenCounts[1]
                            << " handled, " << m_listenCounts[2] << " left unseen" << Qt::endl;
        return m_listenCounts[2] == 0 ? ExitOk : ExitFailure;
    }

    /// One --exec handler at a time, in arrival order.
    void runNextExec(const QString &command)
    {
        if (m_execRunning || m_execQueue.isEmpty())
            return;
        m_execRunning = true;
        const ExecJob job = m_execQueue.dequeue();
        auto *process = new QProcess(&m_app);
        auto *timeout = new QTimer(process);
        timeout->setSingleShot(true);
        QObject::connect(timeout, &QTimer::timeout, process, [process] { process->kill(); });
        // Called once, when the process finished or could not start.
        auto complete = [this, process, command, done = job.done](const HandlerResult &result) {
            process->disconnect(&m_app);
            process->deleteLater();
            done(result);
            m_execRunning = false;
            runNextExec(command);
        };
        QObject::connect(process, &QProcess::finished, &m_app,
                         [process, complete](int code, QProcess::ExitStatus status) {
                             const QString out = QString::fromUtf8(process->readAllStandardOutput());
                             const QString err = QString::fromUtf8(process->readAllStandardError()).trimmed();
                             if (status != QProcess::NormalExit)
                                 return complete(HandlerResult::failed(QStringLiteral("the handler was killed or crashed")));
                             if (code != 0) {
                                 return complete(HandlerResult::failed(
                                     QStringLiteral("the handler exited with %1%2")
                                         .arg(code)
                                         .arg(err.isEmpty() ? QString() : QStringLiteral(": ") + err.left(200))));
                             }
                             QString reply = out;
                             while (reply.endsWith(QLatin1Char('\n')))
                                 reply.chop(1);
                             complete(reply.trimmed().isEmpty() ? HandlerResult::noReply() : HandlerResult::reply(reply));
                         });
        QObject::connect(process, &QProcess::errorOccurred, &m_app, [complete](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                complete(HandlerResult::failed(QStringLiteral("/bin/sh could not be started")));
        });
        process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        process->write(job.json);
        process->closeWriteChannel();
        timeout->start(5 * 60 * 1000);
    }

    /// SIGINT / SIGTERM end listening cleanly (LOGOUT, QUIT) through a self-pipe.
    void stopOnSignals()
    {
        static int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
            return;
        auto handler = [](int) {
            const char c = 1;
            [[maybe_unused]] const ssize_t n = ::write(fds[0], &c, 1);
        };
        std::signal(SIGINT, handler);
        std::signal(SIGTERM, handler);
        auto *notifier = new QSocketNotifier(fds[1], QSocketNotifier::Read, &m_app);
        QObject::connect(notifier, &QSocketNotifier::activated, &m_app, [this, notifier] {
            notifier->setEnabled(false);
            QTextStream(stderr) << "machina-mail: stopping" << Qt::endl;
            ConnectorReply *stopped = m_connector->stopListening();
            QObject::connect(stopped, &ConnectorReply::finished, stopped, &QObject::deleteLater);
        });
    }

    struct ExecJob
    {
        QByteArray json;
        std::function<void(const HandlerResult &)> done;
    };

    QCoreApplication &m_app;
    QCommandLineParser m_parser;
    EmailConnector *m_connector = nullptr;
    QQueue<ExecJob> m_execQueue;
    bool m_execRunning = false;
    int m_listenCounts[3] = {0, 0, 0};
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
