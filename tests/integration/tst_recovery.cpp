// Health and recovery against real Postfix and Dovecot, on a stack of this
// test's own (it stops and starts the servers, which would disturb the shared
// one): `check` names the part that is down; `listen` keeps its replies while
// SMTP is down and sends them, once each, when it is back; a send after an
// SMTP outage needs no restart; the console's status bar and tray follow an
// IMAP outage and its end.

#include "emailconnector.h"
#include "mailstack.h"
#include "mainwindow.h"
#include "trayhealth.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace machina;
using Status = ConnectorHealth::Status;

namespace {

const QString kStackDir = QStringLiteral(MACHINA_BINARY_DIR "/tests/integration/recovery-stack");

bool finishes(ConnectorReply *reply, int ms = 30000)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ConnectorReply::finished);
    return spy.wait(ms);
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void checkHealthyWithTlsOfEachSession();
    void checkWithImapOnWrongPortNamesImap();
    void checkWithDovecotStoppedNamesImap();
    void sendAfterSmtpOutageNeedsNoRestart();
    void listenKeepsRepliesUntilSmtpIsBack();
    void consoleHealthFollowsDovecot();

private:
    /// mailstack.sh ACTION on this test's stack; true when it succeeded.
    bool stack(const QString &action);
    /// A config for @p user on this stack; @p imapPort 0: the stack's IMAPS port.
    QString writeYaml(const QString &user, int imapPort = 0, int pollInterval = 30);
    QProcessEnvironment passwordFor(const QString &user) const;
    int countMessagesWith(const QString &user, const QByteArray &text) const;
    /// Whether the INBOX of @p user holds an unseen message whose subject contains @p token (-1: listing failed).
    int unseenWith(const QString &user, const QString &token);

    PrivateMailStack m_private{kStackDir};
    MailStack m_stack;
    QTemporaryDir m_dir;
};

bool TestRecovery::stack(const QString &action)
{
    return m_private.run(action);
}

void TestRecovery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_private.start(QStringLiteral("supervisor technician alarm"), &error), qPrintable(error));
    m_stack = m_private.stack();
    QVERIFY(!qEnvironmentVariableIsEmpty("MACHINA_MAIL"));
}

void TestRecovery::cleanupTestCase()
{
    stack(QStringLiteral("stop"));
}

QString TestRecovery::writeYaml(const QString &user, int imapPort, int pollInterval)
{
    const QString path = m_dir.filePath(QStringLiteral("%1-%2-%3.yaml").arg(user).arg(imapPort).arg(pollInterval));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    QTextStream yaml(&file);
    yaml << "connectors:\n  email:\n    type: email\n"
         << "    smtp_host: " << m_stack.host << "\n"
         << "    smtp_port: " << m_stack.smtpsPort << "\n"
         << "    imap_host: " << m_stack.host << "\n"
         << "    imap_port: " << (imapPort ? imapPort : m_stack.imapsPort) << "\n"
         << "    username: " << m_stack.address(user) << "\n"
         << "    password: ${MACHINA_TEST_PASSWORD}\n"
         << "    ca_file: " << m_stack.caFile << "\n"
         << "    poll_interval: " << pollInterval << "\n"
         << "    timeout: 10\n";
    return path;
}

QProcessEnvironment TestRecovery::passwordFor(const QString &user) const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), MailStack::password(user));
    return env;
}

int TestRecovery::countMessagesWith(const QString &user, const QByteArray &text) const
{
    int n = 0;
    for (const QByteArray &m : m_stack.messages(user))
        n += m.contains(text) ? 1 : 0;
    return n;
}

int TestRecovery::unseenWith(const QString &user, const QString &token)
{
    EmailConnector connector(m_stack.config(user));
    std::unique_ptr<InboxListReply> list(connector.listMessages(true, 0));
    if (!finishes(list.get()) || list->error())
        return -1;
    int n = 0;
    for (const MessageSummary &row : list->messages())
        n += row.subject.contains(token) ? 1 : 0;
    return n;
}

void TestRecovery::checkHealthyWithTlsOfEachSession()
{
    const CliRun run = runMachinaMail({QStringLiteral("--config"), writeYaml(QStringLiteral("supervisor")), QStringLiteral("check")},
                                      passwordFor(QStringLiteral("supervisor")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QJsonObject health = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
    const QJsonObject sessions = health.value(QStringLiteral("details")).toObject().value(QStringLiteral("sessions")).toObject();
    for (const QString &name : {QStringLiteral("smtp"), QStringLiteral("imap")}) {
        const QJsonObject s = sessions.value(name).toObject();
        QVERIFY2(s.value(QStringLiteral("tls_version")).toString().startsWith(QStringLiteral("TLSv1.")), qPrintable(run.out));
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        QVERIFY2(!s.value(QStringLiteral("certificate_expiry")).toString().isEmpty(), qPrintable(run.out));
    }
    QVERIFY(!run.out.contains(MailStack::password(QStringLiteral("supervisor"))));
}

void TestRecovery::checkWithImapOnWrongPortNamesImap()
{
    quint16 closed = 0;
    {
        QTcpServer probe;   // free a moment ago, closed now
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closed = probe.serverPort();
    }
    const CliRun run = runMachinaMail({QStringLiteral("--config"), writeYaml(QStringLiteral("supervisor"), closed),
                                       QStringLiteral("check")},
                                      passwordFor(QStringLiteral("supervisor")));
    QCOMPARE(run.exitCode, 1);
    const QJsonObject health = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("unhealthy"));
    const QString message = health.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("Cannot receive: IMAP 127.0.0.1:%1").arg(closed)), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("SMTP")), qPrintable(message));   // sending is fine, and not blamed
    const QJsonObject sessions = health.value(QStringLiteral("details")).toObject().value(QStringLiteral("sessions")).toObject();
    QCOMPARE(sessions.value(QStringLiteral("imap")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("down"));
    QCOMPARE(sessions.value(QStringLiteral("smtp")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("up"));
}

void TestRecovery::checkWithDovecotStoppedNamesImap()
{
    QVERIFY(stack(QStringLiteral("stop-dovecot")));
    auto restart = qScopeGuard([this] { stack(QStringLiteral("start-dovecot")); });
    const CliRun run = runMachinaMail({QStringLiteral("--config"), writeYaml(QStringLiteral("supervisor")), QStringLiteral("check")},
                                      passwordFor(QStringLiteral("supervisor")));
    QCOMPARE(run.exitCode, 1);
    const QJsonObject health = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("unhealthy"));
    // Postfix authenticates through Dovecot: with Dovecot gone, sending fails too, and both are named.
    QVERIFY2(health.value(QStringLiteral("message")).toString().contains(QStringLiteral("Cannot receive: IMAP")),
             qPrintable(run.out));
}

void TestRecovery::sendAfterSmtpOutageNeedsNoRestart()
{
    QVERIFY(stack(QStringLiteral("stop-postfix")));
    auto restart = qScopeGuard([this] { stack(QStringLiteral("start-postfix")); });

    // The console's start with SMTP down: connecting fails, health names SMTP.
    EmailConnector connector(m_stack.config(QStringLiteral("supervisor")));
    std::unique_ptr<ConnectorReply> connected(connector.connectToServers());
    QVERIFY(finishes(connected.get()));
    QCOMPARE(connected->error().kind(), ConnectorError::Kind::Network);
    QCOMPARE(connector.healthCheck().status, Status::Unhealthy);
    QVERIFY2(connector.healthCheck().message.contains(QStringLiteral("Cannot send: SMTP")), qPrintable(connector.healthCheck().message));

    QVERIFY(stack(QStringLiteral("start-postfix")));
    restart.dismiss();
    // Once the server is back, a notification goes out: no restart, no "connectToServers()".
    const QByteArray token = uniqueToken("after-outage");
    SendOptions options;
    options.subject = QString::fromLatin1(token);
    std::unique_ptr<SendReply> sent(connector.sendMessage(m_stack.address(QStringLiteral("technician")),
                                                          QStringLiteral("P-201: check the bearing."), options));
    QVERIFY(finishes(sent.get()));
    QVERIFY2(!sent->error(), qPrintable(sent->error().message()));
    QTRY_VERIFY_WITH_TIMEOUT(countMessagesWith(QStringLiteral("technician"), token) == 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(connector.healthCheck().status, Status::Healthy, 10000);
}

void TestRecovery::listenKeepsRepliesUntilSmtpIsBack()
{
    const QByteArray token = uniqueToken("outage");
    const QString subject = QStringLiteral("ALARM P-201 vibration ") + QString::fromLatin1(token);
    QVERIFY(m_stack.send(QStringLiteral("alarm"), QStringLiteral("technician"), subject, QStringLiteral("9.2 mm/s")));
    QTRY_VERIFY_WITH_TIMEOUT(countMessagesWith(QStringLiteral("technician"), token) == 1, 20000);

    QVERIFY(stack(QStringLiteral("stop-postfix")));
    auto restart = qScopeGuard([this] { stack(QStringLiteral("start-postfix")); });

    const QString replyText = QStringLiteral("ACK ") + QString::fromLatin1(token);
    QProcess listener;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(passwordFor(QStringLiteral("technician")));
    listener.setProcessEnvironment(env);
    listener.start(qEnvironmentVariable("MACHINA_MAIL"),
                   {QStringLiteral("--config"), writeYaml(QStringLiteral("technician"), 0, 2), QStringLiteral("listen"),
                    QStringLiteral("--reply-text"), replyText});
    auto kill = qScopeGuard([&listener] {
        if (listener.state() != QProcess::NotRunning) {
            listener.kill();
            listener.waitForFinished(5000);
        }
    });
    QVERIFY(listener.waitForStarted(10000));
    QString err;
    const auto stderrHas = [&](const QString &text) {
        err += QString::fromUtf8(listener.readAllStandardError());
        return err.contains(text);
    };

    // The handler ran, its reply could not go out: kept, the message left unseen, the listener alive.
    QTRY_VERIFY2_WITH_TIMEOUT(stderrHas(QStringLiteral("could not be sent")), qPrintable(err), 30000);
    QCOMPARE(listener.state(), QProcess::Running);
    QCOMPARE(unseenWith(QStringLiteral("technician"), QString::fromLatin1(token)), 1);
    QTest::qWait(5000);   // two rounds and more at poll_interval 2
    QVERIFY2(stderrHas(QStringLiteral("machina-mail")) && !err.contains(QStringLiteral("from alarm@machina.test: handled")),
             qPrintable(err));
    QCOMPARE(listener.state(), QProcess::Running);
    QCOMPARE(unseenWith(QStringLiteral("technician"), QString::fromLatin1(token)), 1);

    // SMTP is back: the kept reply goes out at the next round, then the message is marked read.
    QVERIFY(stack(QStringLiteral("start-postfix")));
    restart.dismiss();
    QTRY_VERIFY_WITH_TIMEOUT(countMessagesWith(QStringLiteral("alarm"), replyText.toUtf8()) >= 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(unseenWith(QStringLiteral("technician"), QString::fromLatin1(token)), 0, 20000);

    // Once each: no second reply, the handler not asked again, after more rounds.
    QTest::qWait(5000);
    QCOMPARE(countMessagesWith(QStringLiteral("alarm"), replyText.toUtf8()), 1);
    stderrHas(QString());
    // (Other tests' mail in this inbox is handled too; the alarm sent only this one.)
    QCOMPARE(err.count(QStringLiteral("from alarm@machina.test: handled, replied")), 1);
    QVERIFY2(!err.contains(QStringLiteral("from alarm@machina.test: not handled")), qPrintable(err));   // never released to run again

    QElapsedTimer stopping;
    stopping.start();
    listener.terminate();   // SIGTERM
    QVERIFY(listener.waitForFinished(5000));
    QVERIFY2(stopping.elapsed() < 5000, "SIGTERM did not stop the listener within 5 s");
    QCOMPARE(listener.exitStatus(), QProcess::NormalExit);
    QCOMPARE(listener.exitCode(), 0);
}

void TestRecovery::consoleHealthFollowsDovecot()
{
    QSettings settings(m_dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    EmailConnector connector(m_stack.config(QStringLiteral("supervisor")));
    MainWindow window(&connector, &settings);
    TrayHealth tray;
    connect(&connector, &EmailConnector::healthChanged, &tray, &TrayHealth::setHealth);
    tray.setHealth(connector.healthCheck());
    window.show();
    std::unique_ptr<ConnectorReply> connected(connector.connectToServers());
    QVERIFY(finishes(connected.get()));
    QVERIFY2(!connected->error(), qPrintable(connected->error().message()));
    window.refresh();   // lists, and watches the inbox live on a session of its own

    const auto trayStatus = [&tray] { return tray.health() ? tray.health()->status : Status::Unhealthy; };
    const auto trayMessage = [&tray] { return tray.health() ? tray.health()->message : QString(); };
    QTRY_VERIFY2_WITH_TIMEOUT(trayStatus() == Status::Healthy, qPrintable(trayMessage()), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(trayMessage().contains(QStringLiteral("receiving from IMAP")), 20000);
    QVERIFY2(window.healthLabel()->text().startsWith(TrayHealth::statusWord(Status::Healthy)), qPrintable(window.healthLabel()->text()));

    QVERIFY(stack(QStringLiteral("stop-dovecot")));
    auto restart = qScopeGuard([this] { stack(QStringLiteral("start-dovecot")); });
    QTRY_VERIFY2_WITH_TIMEOUT(trayStatus() == Status::Unhealthy, qPrintable(trayMessage()), 30000);
    QVERIFY2(trayMessage().contains(QStringLiteral("Cannot receive: IMAP")), qPrintable(trayMessage()));
    QVERIFY2(window.healthLabel()->text().startsWith(TrayHealth::statusWord(Status::Unhealthy)), qPrintable(window.healthLabel()->text()));
    QVERIFY2(window.healthLabel()->text().contains(QStringLiteral("IMAP")), qPrintable(window.healthLabel()->text()));

    QVERIFY(stack(QStringLiteral("start-dovecot")));
    restart.dismiss();
    QTRY_VERIFY2_WITH_TIMEOUT(trayStatus() == Status::Healthy, qPrintable(trayMessage()), 60000);
    QVERIFY2(window.healthLabel()->text().startsWith(TrayHealth::statusWord(Status::Healthy)), qPrintable(window.healthLabel()->text()));
}

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
