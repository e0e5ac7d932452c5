// The settings dialog's "Test connection" against the real Postfix + Dovecot:
// every step passes on a good account (implicit TLS and STARTTLS), and a bad
// password, an untrusted certificate or a closed port fail at the right step
// with the server's (or the socket's) words, the steps before it passed.

#include "connectiontester.h"
#include "mailstack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace machina;
using Outcome = ConnectionTestStep::Outcome;

class TestConnectionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyStepPasses_data();
    void everyStepPasses();
    void wrongPasswordFailsAtAuthentication();
    void untrustedCertificateFailsAtTls();
    void closedPortFailsAtTcp();
    void sendToSelfArrives();
    void invalidSettingsRunNothing();
    void cliTestCommand();

private:
    ConnectorConfig configFor(const QString &user) const;
    static QList<ConnectionTestStep> run(const ConnectorConfig &config, bool sendToSelf, ConnectorError *error);
    static QString describe(const QList<ConnectionTestStep> &steps);

    MailStack m_stack;
};

void TestConnectionTest::initTestCase()
{
    QString error;
    const std::optional<MailStack> stack = MailStack::fromEnvironment(&error);
    QVERIFY2(stack, qPrintable(error));
    m_stack = *stack;
}

ConnectorConfig TestConnectionTest::configFor(const QString &user) const
{
    ConnectorConfig config = m_stack.config(user);
    config.timeout = 15;
    return config;
}

QList<ConnectionTestStep> TestConnectionTest::run(const ConnectorConfig &config, bool sendToSelf, ConnectorError *error)
{
    std::unique_ptr<ConnectionTestReply> reply(ConnectionTester::start(config, sendToSelf));
    QSignalSpy steps(reply.get(), &ConnectionTestReply::stepFinished);
    QSignalSpy finished(reply.get(), &ConnectorReply::finished);
    if (!finished.wait(60000))
        return {};
    // Every step was announced as it ended, in the order steps() lists them.
    if (steps.size() != reply->steps().size())
        return {};
    for (int i = 0; i < steps.size(); ++i) {
        if (steps.at(i).at(0).value<ConnectionTestStep>().name != reply->steps().at(i).name)
            return {};
    }
    *error = reply->error();
    return reply->steps();
}

QString TestConnectionTest::describe(const QList<ConnectionTestStep> &steps)
{
    QStringList lines;
    for (const ConnectionTestStep &step : steps) {
        const char *mark = step.outcome == Outcome::Passed ? "ok" : step.outcome == Outcome::Failed ? "FAILED" : "note";
        lines.append(QStringLiteral("%1 %2: %3").arg(QLatin1String(mark), step.name, step.detail));
    }
    return lines.join(QLatin1Char('\n'));
}

void TestConnectionTest::everyStepPasses_data()
{
    QTest::addColumn<bool>("implicitTls");
    QTest::addRow("implicit TLS") << true;
    QTest::addRow("STARTTLS") << false;
}

void TestConnectionTest::everyStepPasses()
{
    QFETCH(bool, implicitTls);
    ConnectorConfig config = configFor(QStringLiteral("supervisor"));
    config.useTls = implicitTls;
    if (!implicitTls) {
        config.smtpPort = m_stack.submissionPort;
        config.imapPort = m_stack.imapPort;
    }
    ConnectorError error;
    const QList<ConnectionTestStep> steps = run(config, false, &error);
    const QString transcript = describe(steps);
    QVERIFY2(!error, qPrintable(transcript));

    const QStringList expected = {
        QStringLiteral("IMAP: name lookup"), QStringLiteral("IMAP: TCP connect"),
        QStringLiteral("IMAP: TLS and certificate"), QStringLiteral("IMAP: capabilities"),
        QStringLiteral("IMAP: authentication"), QStringLiteral("IMAP: INBOX selection"),
        QStringLiteral("IMAP: IDLE support"), QStringLiteral("SMTP: name lookup"),
        QStringLiteral("SMTP: TCP connect"), QStringLiteral("SMTP: TLS and certificate"),
        QStringLiteral("SMTP: capabilities"), QStringLiteral("SMTP: authentication"),
    };
    QStringList names;
    for (const ConnectionTestStep &step : steps) {
        names.append(step.name);
        QVERIFY2(step.outcome == Outcome::Passed, qPrintable(transcript));
    }
    QCOMPARE(names, expected);

    QVERIFY2(steps[1].detail.contains(QString::number(config.imapPort)), qPrintable(steps[1].detail));
    QVERIFY2(steps[2].detail.startsWith(QStringLiteral("TLSv1.")), qPrintable(steps[2].detail));
    QVERIFY2(steps[2].detail.contains(QStringLiteral("valid until")), qPrintable(steps[2].detail));
    QVERIFY2(steps[3].detail.contains(QStringLiteral("IMAP4rev1"), Qt::CaseInsensitive), qPrintable(steps[3].detail));
    QVERIFY2(steps[4].detail.contains(config.username), qPrintable(steps[4].detail));
    QVERIFY2(steps[5].detail.contains(QStringLiteral("INBOX")), qPrintable(steps[5].detail));
    QVERIFY2(steps[9].detail.startsWith(QStringLiteral("TLSv1.")), qPrintable(steps[9].detail));
    QVERIFY2(steps[10].detail.contains(QStringLiteral("AUTH PLAIN")), qPrintable(steps[10].detail));
    // STARTTLS in clear is the one capability that must be gone after the upgrade.
    QVERIFY2(!steps[10].detail.contains(QStringLiteral("STARTTLS")), qPrintable(steps[10].detail));
}

void TestConnectionTest::wrongPasswordFailsAtAuthentication()
{
    ConnectorConfig config = configFor(QStringLiteral("supervisor"));
    config.password = QStringLiteral("not-the-password");
    ConnectorError error;
    const QList<ConnectionTestStep> steps = run(config, true, &error);
    const QString transcript = describe(steps);
    QCOMPARE(error.kind(), ConnectorError::Kind::Auth);

    QStringList names;
    for (const ConnectionTestStep &step : steps)
        names.append(step.name);
    // No INBOX or IDLE step after a refused login, and no send without SMTP.
    QCOMPARE(names, (QStringList{QStringLiteral("IMAP: name lookup"), QStringLiteral("IMAP: TCP connect"),
                                 QStringLiteral("IMAP: TLS and certificate"), QStringLiteral("IMAP: capabilities"),
                                 QStringLiteral("IMAP: authentication"), QStringLiteral("SMTP: name lookup"),
                                 QStringLiteral("SMTP: TCP connect"), QStringLiteral("SMTP: TLS and certificate"),
                                 QStringLiteral("SMTP: capabilities"), QStringLiteral("SMTP: authentication")}));
    for (int i : {0, 1, 2, 3, 5, 6, 7, 8})
        QVERIFY2(steps[i].outcome == Outcome::Passed, qPrintable(transcript));
    QVERIFY2(steps[4].outcome == Outcome::Failed, qPrintable(transcript));
    QVERIFY2(steps[9].outcome == Outcome::Failed, qPrintable(transcript));
    // The servers' own words: Dovecot's [AUTHENTICATIONFAILED], Postfix's 535.
    QVERIFY2(steps[4].detail.contains(QStringLiteral("AUTHENTICATIONFAILED"), Qt::CaseInsensitive)
                 || steps[4].detail.contains(QStringLiteral("Authentication failed"), Qt::CaseInsensitive),
             qPrintable(transcript));
    QVERIFY2(steps[9].detail.contains(QStringLiteral("535")), qPrintable(transcript));
    QVERIFY2(!transcript.contains(config.password), "the typed password appears in a step");
}

void TestConnectionTest::untrustedCertificateFailsAtTls()
{
    ConnectorConfig config = configFor(QStringLiteral("supervisor"));
    config.caFile = m_stack.untrustedCaFile; // a CA that did not sign the servers' certificates
    ConnectorError error;
    const QList<ConnectionTestStep> steps = run(config, false, &error);
    const QString transcript = describe(steps);
    QCOMPARE(error.kind(), ConnectorError::Kind::Tls);
    QCOMPARE(steps.size(), 6);
    QCOMPARE(steps[2].name, QStringLiteral("IMAP: TLS and certificate"));
    QVERIFY2(steps[1].outcome == Outcome::Passed && steps[2].outcome == Outcome::Failed, qPrintable(transcript));
    QVERIFY2(steps[2].detail.contains(QStringLiteral("not accepted")), qPrintable(transcript));
    QCOMPARE(steps[5].name, QStringLiteral("SMTP: TLS and certificate"));
    QVERIFY2(steps[5].outcome == Outcome::Failed, qPrintable(transcript));
}

void TestConnectionTest::closedPortFailsAtTcp()
{
    // A port nobody listens on: take one from the kernel, then let it go.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress(QHostAddress::LocalHost), 0));
        closedPort = probe.serverPort();
    }
    ConnectorConfig config = configFor(QStringLiteral("supervisor"));
    config.imapPort = closedPort;
    ConnectorError error;
    const QList<ConnectionTestStep> steps = run(config, false, &error);
    const QString transcript = describe(steps);
    QCOMPARE(error.kind(), ConnectorError::Kind::Network);
    QVERIFY2(steps.size() >= 2, qPrintable(transcript));
    QCOMPARE(steps[1].name, QStringLiteral("IMAP: TCP connect"));
    QVERIFY2(steps[1].outcome == Outcome::Failed, qPrintable(transcript));
    QVERIFY2(steps[1].detail.contains(QString::number(closedPort)), qPrintable(transcript));
    // SMTP is still tested, and passes.
    QCOMPARE(steps.last().name, QStringLiteral("SMTP: authentication"));
    QVERIFY2(steps.last().outcome == Outcome::Passed, qPrintable(transcript));
}

void TestConnectionTest::sendToSelfArrives()
{
    const QString user = QStringLiteral("technician");
    const QByteArray subject = ConnectionTester::selfTestSubject().toUtf8();
    auto count = [&] {
        int n = 0;
        for (const QByteArray &message : m_stack.messages(user))
            n += message.contains("Subject: " + subject) ? 1 : 0;
        return n;
    };
    const int before = count();
    ConnectorError error;
    const QList<ConnectionTestStep> steps = run(configFor(user), true, &error);
    QVERIFY2(!error, qPrintable(describe(steps)));
    QCOMPARE(steps.last().name, QStringLiteral("Send to %1").arg(m_stack.address(user)));
    QVERIFY(steps.last().outcome == Outcome::Passed);
    QTRY_COMPARE_WITH_TIMEOUT(count(), before + 1, 15000);
}

void TestConnectionTest::invalidSettingsRunNothing()
{
    ConnectorConfig config = configFor(QStringLiteral("supervisor"));
    config.smtpHost.clear();
    ConnectorError error;
    const QList<ConnectionTestStep> steps = run(config, false, &error);
    QCOMPARE(error.kind(), ConnectorError::Kind::Config);
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps[0].name, QStringLiteral("Settings"));
    QVERIFY2(steps[0].detail.contains(QStringLiteral("smtp_host")), qPrintable(steps[0].detail));
}

// `machina-mail test`: the same steps for scripts, as lines or JSON, with the CLI's exit codes.
void TestConnectionTest::cliTestCommand()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = writeConfig(dir.path(), m_stack, QStringLiteral("supervisor"), m_stack.smtpsPort, true, m_stack.caFile);
    QVERIFY(!config.isEmpty());
    QProcessEnvironment env;
    env.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), MailStack::password(QStringLiteral("supervisor")));

    const CliRun lines = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("test")}, env);
    QVERIFY2(lines.exitCode == 0, qPrintable(lines.out + lines.err));
    const QStringList out = lines.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(out.size(), 12);
    for (const QString &line : out)
        QVERIFY2(line.startsWith(QStringLiteral("ok ")), qPrintable(lines.out));
    QVERIFY(out.at(4).contains(QStringLiteral("IMAP: authentication: signed in as supervisor@")));

    const CliRun json = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("test"), QStringLiteral("--json")}, env);
    QCOMPARE(json.exitCode, 0);
    const QJsonArray steps = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(steps.size(), 12);
    QCOMPARE(steps.at(6).toObject().value(QStringLiteral("step")).toString(), QStringLiteral("IMAP: IDLE support"));
    for (const QJsonValue &step : steps)
        QCOMPARE(step.toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("passed"));

    env.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), QStringLiteral("not-the-password"));
    const CliRun refused = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("test")}, env);
    QCOMPARE(refused.exitCode, 3); // authentication failed
    QVERIFY2(refused.out.contains(QStringLiteral("FAILED IMAP: authentication: ")), qPrintable(refused.out));
    QVERIFY2(refused.out.contains(QStringLiteral("FAILED SMTP: authentication: ")), qPrintable(refused.out));
    QVERIFY(!refused.out.contains(QStringLiteral("not-the-password")));
    QVERIFY(!refused.err.contains(QStringLiteral("not-the-password")));
}

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connectiontest.moc"
