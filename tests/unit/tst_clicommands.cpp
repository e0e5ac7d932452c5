// machina-mail's commands run in-process (machina_cli), their output read
// from strings: usage errors, config errors, refused input before any
// connection, --help and --version, exit codes, and the --exec handler queue.
// Nothing here needs a mail server; the integration tier runs the executable.

#include "clicontext.h"
#include "commandline.h"
#include "commands/exechandler.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace machina;
using namespace machina::cli;
using Kind = ConnectorError::Kind;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

/// "a|b|c" as {"a", "b", "c"}: command lines and expected texts, compactly.
QStringList list(const char *items)
{
    return u8(items).split(QLatin1Char('|'));
}

/** What one in-process run of machina-mail printed and returned. */
struct Run
{
    int code = -1;
    QString out;
    QString err;
};

/// machina-mail @p args, as main() runs it but with stdout and stderr captured.
Run runCli(const QStringList &args)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    {
        CliContext context(*QCoreApplication::instance(), QStringList{u8("machina-mail")} + args, out, err);
        run.code = runCommandLine(context);
    }
    out.flush();
    err.flush();
    return run;
}

QString describe(const Run &run)
{
    return u8("exit %1\n--- stdout:\n%2--- stderr:\n%3").arg(run.code).arg(run.out, run.err);
}

/// A config with the connectors/email header, so setting k (from 1) is on line k + 3.
QByteArray email(const QByteArray &settings)
{
    return "connectors:\n  email:\n    type: email\n" + settings;
}

/// An account whose SMTP and IMAP servers are both 127.0.0.1:@p port.
QByteArray account(quint16 port)
{
    const QByteArray p = QByteArray::number(port);
    return email("    smtp_host: 127.0.0.1\n    smtp_port: " + p + "\n    imap_host: 127.0.0.1\n    imap_port: " + p
                 + "\n    username: supervisor@machina.test\n    password: not-a-real-secret\n    timeout: 5\n");
}

} // namespace

class TestCliCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init();
    void versionIsProgramAndVersion();
    void helpShowsTheCommandsOptions_data();
    void helpShowsTheCommandsOptions();
    void overviewOnlyWithoutCommand();
    void usageErrors_data();
    void usageErrors();
    void badPortNamesFileLineAndKey_data();
    void badPortNamesFileLineAndKey();
    void configDefaultsToTheEnvironment();
    void lineBreakRefusedBeforeConnecting_data();
    void lineBreakRefusedBeforeConnecting();
    void checkPrintsHealthAsJson();
    void exitCodes();
    void execHandlerGetsJsonOneAtATimeInOrder();

private:
    /// Writes @p yaml to @p name in the test's directory; returns its path.
    QString writeConfig(const char *name, const QByteArray &yaml);

    QTemporaryDir m_dir;
};

void TestCliCommands::init()
{
    // A missing default config: a command that loads it too early says so, and the test fails.
    qputenv("MACHINA_CONFIG", QFile::encodeName(m_dir.filePath(u8("absent.yaml"))));
}

QString TestCliCommands::writeConfig(const char *name, const QByteArray &yaml)
{
    const QString path = m_dir.filePath(u8(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(yaml) != yaml.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCliCommands::versionIsProgramAndVersion()
{
    for (const char *flag : {"--version", "-v"}) {
        const Run run = runCli(list(flag));
        QCOMPARE(run.code, int(ExitOk));
        QCOMPARE(run.out, QStringLiteral("machina-mail " MACHINA_VERSION "\n"));
        QCOMPARE(run.err, QString());
    }
}

void TestCliCommands::helpShowsTheCommandsOptions_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("send") << u8("send")
                          << list("-c, --config <FILE>|--to <ADDR>|Recipient address; repeat for more.|--subject <S>"
                                  "|--text <T>|--text-file <F>|--attach <FILE>")
                          << list("--limit|Commands:");
    QTest::newRow("check") << u8("check") << list("-c, --config <FILE>|--verbose") << list("--to|--json");
    QTest::newRow("test") << u8("test") << list("--send-to-self|Print the steps as a JSON array.") << list("--unseen");
    QTest::newRow("inbox") << u8("inbox") << list("--unseen|--limit <N>|Print a JSON array instead of a table.")
                           << list("--send-to-self");
    QTest::newRow("listen") << u8("listen") << list("--once|--reply-text <TEXT>|--exec <CMD>|--no-idle") << list("--to");
    QTest::newRow("gmail-login") << u8("gmail-login") << list("--no-browser|(\"Open: URL\")") << list("--once");
    QTest::newRow("oauth-login") << u8("oauth-login") << list("--no-browser|(\"Open: URL\")") << list("--once");
    QTest::newRow("store-password") << u8("store-password") << list("--username <U>|--delete") << list("--exec");
}

void TestCliCommands::helpShowsTheCommandsOptions()
{
    QFETCH(QString, command);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const Run run = runCli({command, u8("--help")});
    QCOMPARE(run.code, int(ExitOk));
    QCOMPARE(run.err, QString());
    QVERIFY2(run.out.contains(u8("Send mail through the Machina connector.")), qPrintable(describe(run)));
    for (const QString &text : present)
        QVERIFY2(run.out.contains(text), qPrintable(text + u8(" missing\n") + describe(run)));
    for (const QString &text : absent)
        QVERIFY2(!run.out.contains(text), qPrintable(text + u8(" present\n") + describe(run)));
}

// The list of commands comes with --help alone (stdout, success) and with no
// command at all (the same text on stderr, a usage error).
void TestCliCommands::overviewOnlyWithoutCommand()
{
    const Run help = runCli(list("--help"));
    QCOMPARE(help.code, int(ExitOk));
    QCOMPARE(help.err, QString());
    QVERIFY2(help.out.startsWith(u8("Usage: ")) && help.out.contains(u8("\nCommands:\n  send    Send a plain-text message"))
                 && help.out.endsWith(u8("4 network or TLS failure; 5 rejected by the server.\n")),
             qPrintable(describe(help)));
    const Run bare = runCli({});
    QCOMPARE(bare.code, int(ExitUsage));
    QCOMPARE(bare.out, QString());
    QCOMPARE(bare.err, help.out);
}

void TestCliCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    QTest::newRow("send without --to") << list("send|--text=x") << u8("send: give at least one --to ADDR");
    const QString oneText = u8("send: give exactly one of --text T or --text-file F");
    QTest::newRow("send without text") << list("send|--to=a@machina.test") << oneText;
    QTest::newRow("send with both texts") << list("send|--to=a@machina.test|--text=x|--text-file=y") << oneText;
    QTest::newRow("send, unreadable text file") << list("send|--to=a@machina.test|--text-file=/nonexistent/text")
                                                << u8("--text-file: cannot read /nonexistent/text: No such file or directory");
    QTest::newRow("send, missing attachment") << list("send|--to=a@machina.test|--text=x|--attach=/nonexistent/a.pdf")
                                              << u8("cannot attach /nonexistent/a.pdf: no such file");
    const QString oneHandler = u8("listen: give exactly one of --reply-text TEXT or --exec CMD");
    QTest::newRow("listen with neither handler") << list("listen|--once") << oneHandler;
    QTest::newRow("listen with both handlers") << list("listen|--reply-text=ok|--exec=cat") << oneHandler;
    const QString limit = u8("inbox: --limit takes a whole number >= 0");
    QTest::newRow("inbox, negative limit") << list("inbox|--limit=-1") << limit;
    QTest::newRow("inbox, limit not a number") << list("inbox|--limit|ten") << limit;
    QTest::newRow("unknown command") << list("fetch") << u8("unknown command 'fetch' (try --help)");
    QTest::newRow("second command") << list("check|send") << u8("unexpected arguments: send");
    QTest::newRow("another command's option") << list("check|--to=a@machina.test") << u8("Unknown option 'to'.");
    QTest::newRow("--config without value") << list("--config") << u8("Missing value after '--config'.");
}

void TestCliCommands::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const Run run = runCli(args);
    QCOMPARE(run.code, int(ExitUsage));
    QCOMPARE(run.err, u8("machina-mail: ") + error + u8("\n"));
    QCOMPARE(run.out, QString());
}

void TestCliCommands::badPortNamesFileLineAndKey_data()
{
    QTest::addColumn<QStringList>("args");
    for (const char *args : {"check", "test", "send|--to=a@machina.test|--text=x", "inbox", "listen|--once|--reply-text=ok",
                             "gmail-login|--no-browser", "oauth-login|--no-browser", "store-password"})
        QTest::newRow(args) << list(args);
}

void TestCliCommands::badPortNamesFileLineAndKey()
{
    QFETCH(QStringList, args);
    const QString path = writeConfig("bad-port.yaml", email("    smtp_host: 127.0.0.1\n    smtp_port: 70000\n    username: s@machina.test\n"));
    const Run run = runCli(list("--config") << path << args);
    QCOMPARE(run.code, int(ExitUsage));
    QCOMPARE(run.err, u8("machina-mail: %1:5: smtp_port: 70000 is not a port (1-65535)\n").arg(path));
    QCOMPARE(run.out, QString());
}

void TestCliCommands::configDefaultsToTheEnvironment()
{
    const QString path = writeConfig("from-env.yaml", email("    smtp_port: 0\n"));
    qputenv("MACHINA_CONFIG", QFile::encodeName(path));
    const Run run = runCli(list("check"));
    QCOMPARE(run.code, int(ExitUsage));
    QCOMPARE(run.err, u8("machina-mail: %1:4: smtp_port: 0 is not a port (1-65535)\n").arg(path));
    QVERIFY2(runCli(list("--help")).out.contains(path), "--help names $MACHINA_CONFIG as --config's default");

    // Without --username, store-password takes the config's, and this one has none.
    qputenv("MACHINA_CONFIG", QFile::encodeName(writeConfig("no-user.yaml", email("    smtp_host: 127.0.0.1\n"))));
    const Run store = runCli(list("store-password"));
    QCOMPARE(store.code, int(ExitUsage));
    QCOMPARE(store.err, u8("machina-mail: store-password: no username (give --username or set username in the config)\n"));
}

void TestCliCommands::lineBreakRefusedBeforeConnecting_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("error");
    const QString subject = u8("subject contains a line break; refusing to build the message");
    QTest::newRow("CR LF in the subject") << u8("--subject=Hi\r\nBcc: x@evil.test") << subject;
    QTest::newRow("LF in the subject") << u8("--subject=Hi\nthere") << subject;
    QTest::newRow("CR in the subject") << u8("--subject=Hi\rthere") << subject;
    QTest::newRow("CR LF in a recipient") << u8("--to=b@machina.test\r\nBcc: x@evil.test")
                                          << u8("to (recipient 2) contains a line break; refusing to build the message");
    QTest::newRow("clean: the control, it connects") << u8("--subject=Hi") << QString();
}

void TestCliCommands::lineBreakRefusedBeforeConnecting()
{
    QFETCH(QString, option);
    QFETCH(QString, error);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    int connections = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            ++connections;
            socket->abort(); // no TLS, no greeting: a send fails at once
            socket->deleteLater();
        }
    });
    const QString path = writeConfig("listening.yaml", account(server.serverPort()));
    const Run run = runCli(list("send|--to=a@machina.test|--text=Pump P-201 is back to normal.|--config") << path << option);
    QCOMPARE(run.out, QString());
    if (error.isEmpty()) {
        QCOMPARE(run.code, int(ExitNetwork));
        QVERIFY2(connections >= 1 && run.err.contains(QString::number(server.serverPort())), qPrintable(describe(run)));
        return;
    }
    QCOMPARE(run.code, int(ExitUsage));
    QCOMPARE(run.err, u8("machina-mail: ") + error + u8("\n"));
    QVERIFY2(connections == 0 && !server.waitForNewConnection(200), "send connected although it refused the input");
}

// Against a port nothing listens on: check's health, as JSON on stdout.
void TestCliCommands::checkPrintsHealthAsJson()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString path = writeConfig("refused.yaml", account(probe.serverPort()));
    probe.close();
    const Run check = runCli(list("check|--config") << path);
    QCOMPARE(check.code, int(ExitFailure));
    const QJsonObject health = QJsonDocument::fromJson(check.out.toUtf8()).object();
    QCOMPARE(health.value(u8("status")).toString(), u8("unhealthy"));
    QCOMPARE(health.value(u8("details")).toObject().value(u8("last_error_kind")).toString(), u8("network"));
    QVERIFY2(!check.out.contains(u8("not-a-real-secret")), qPrintable(describe(check)));
    QCOMPARE(check.err, QString());
}

void TestCliCommands::exitCodes()
{
    const QList<QPair<Kind, int>> table = {{Kind::None, 0},     {Kind::Config, 2},       {Kind::Auth, 3},
                                           {Kind::Network, 4},  {Kind::Tls, 4},          {Kind::Timeout, 4},
                                           {Kind::Rejected, 5}, {Kind::NotConnected, 1}, {Kind::Protocol, 1},
                                           {Kind::Aborted, 1}};
    for (const auto &[kind, code] : table)
        QVERIFY2(exitCodeFor(ConnectorError(kind, u8("x"))) == code, qPrintable(ConnectorError::kindName(kind)));
}

// What a handler reads on stdin (byte for byte: QJsonObject sorts the keys),
// what its output and exit mean, and that the first, slowest, ends before the next starts.
void TestCliCommands::execHandlerGetsJsonOneAtATimeInOrder()
{
    ExecHandler exec(u8("read -r m; case \"$m\" in *'\"subject\":\"one\"'*) sleep 0.3; printf '%s\\nline two\\n\\n' \"$m\" ;;"
                        " *'\"subject\":\"two\"'*) echo 'no such pump' >&2; exit 3 ;; *) printf '\\n \\n' ;; esac"));
    QList<HandlerResult> results;
    for (const QString &subject : list("one|two|three")) {
        IncomingMessage m;
        m.uid = 42;
        m.from = {u8("Alarm system"), u8("alarm@plant.example")};
        m.to = {{QString(), u8("supervisor@plant.example")}, {u8("T"), u8("t@plant.example")}};
        m.subject = subject;
        m.text = u8("Bearing 11.2 mm/s RMS.\n\"Stop\" it.");
        m.messageId = u8("abc@plant.example");
        m.date = QDateTime(QDate(2026, 11, 24), QTime(1, 12, 29), Qt::UTC);
        m.attachments = {ParsedAttachment{u8("trend.pdf"), u8("application/pdf"), 18231, {}, {}, false}};
        exec.handle(m, [&results, subject](const HandlerResult &r) {
            results.append(r);
            results.last().failure.prepend(subject + u8(": ")); // which message this was
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 20000);
    QVERIFY(results[0].handled && results[0].failure == u8("one: "));
    // Trailing newlines dropped, inner ones kept.
    QCOMPARE(results[0].replyText,
             u8("{\"attachments\":[{\"content_type\":\"application/pdf\",\"name\":\"trend.pdf\",\"size\":18231}],"
                "\"channel\":\"email\",\"date\":\"2026-11-24T01:12:29Z\",\"from\":\"alarm@plant.example\","
                "\"from_name\":\"Alarm system\",\"message_id\":\"abc@plant.example\",\"subject\":\"one\","
                "\"text\":\"Bearing 11.2 mm/s RMS.\\n\\\"Stop\\\" it.\",\"to\":[\"supervisor@plant.example\","
                "\"t@plant.example\"],\"uid\":42,\"work_order\":null}\nline two"));
    QVERIFY(!results[1].handled);
    QCOMPARE(results[1].failure, u8("two: the handler exited with 3: no such pump"));
    QVERIFY(results[2].handled && results[2].failure == u8("three: "));
    QCOMPARE(results[2].replyText, QString()); // only blank output: handled, no reply
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_clicommands.moc"
