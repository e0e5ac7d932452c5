// End to end receiving: real Dovecot (IMAP, IDLE) fed by real Postfix;
// machina-mail inbox and listen, as scripts and agents use them.

#include "emailconnector.h"
#include "mailstack.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace machina;

namespace {

QByteArray headerValue(const QByteArray &message, const QByteArray &name)
{
    const qsizetype end = message.indexOf("\n\n");
    for (QByteArray line : message.left(end).split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.toLower().startsWith(name.toLower() + ':'))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

} // namespace

class TestReceiveIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inboxListsTwoHundredSeededMessages();
    void listenOnceRepliesWithThreadingAndRetriesFailures();
    void fetchAndMarkThroughTheConnector();
    void idleHandsNewMailWithinTwoSeconds();
    void dovecotRestartMidListenLosesNothing();

private:
    /// Sends @p count messages from alarm to @p user over one kept SMTP session.
    QStringList seed(const QString &user, int count, const QString &subjectPrefix, QStringList *messageIds = nullptr);
    QProcessEnvironment passwordEnv(const QString &user) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), MailStack::password(user));
        return env;
    }
    QString configFor(const QString &user, int pollInterval = 30);
    int unseenCount(const QString &user);

    MailStack m_stack;
    QTemporaryDir m_dir;
};

void TestReceiveIntegration::initTestCase()
{
    QString error;
    const std::optional<MailStack> stack = MailStack::fromEnvironment(&error);
    QVERIFY2(stack, qPrintable(error));
    m_stack = *stack;
    for (const char *user : {"bulk", "idler", "restarter"})
        QVERIFY2(m_stack.users.contains(QLatin1String(user)), "the integration fixture must create this account");
    QVERIFY(m_dir.isValid());
}

QString TestReceiveIntegration::configFor(const QString &user, int pollInterval)
{
    const QString path = writeConfig(m_dir.path(), m_stack, user, m_stack.smtpsPort, true, m_stack.caFile);
    QFile file(path);
    if (file.open(QIODevice::Append))
        file.write("    poll_interval: " + QByteArray::number(pollInterval) + "\n");
    return path;
}

QStringList TestReceiveIntegration::seed(const QString &user, int count, const QString &subjectPrefix,
                                         QStringList *messageIds)
{
    ConnectorConfig config;
    config.smtpHost = m_stack.host;
    config.smtpPort = m_stack.smtpsPort;
    config.username = m_stack.address(QStringLiteral("alarm"));
    config.password = MailStack::password(QStringLiteral("alarm"));
    config.caFile = m_stack.caFile;
    EmailConnector connector(config);
    std::unique_ptr<ConnectorReply> connected(connector.connectToServers());
    QSignalSpy connectedSpy(connected.get(), &ConnectorReply::finished);
    if (!connectedSpy.wait(20000) || connected->error()) {
        qWarning() << "seed: cannot connect:" << connected->error().message();
        return {};
    }
    QStringList subjects;
    for (int i = 0; i < count; ++i) {
        const QString subject = QStringLiteral("%1 %2").arg(subjectPrefix).arg(i, 3, 10, QLatin1Char('0'));
        SendOptions options;
        options.subject = subject;
        std::unique_ptr<SendReply> sent(connector.sendMessage(m_stack.address(user),
                                                              QStringLiteral("Alarm number %1 on P-201.").arg(i), options));
        QSignalSpy spy(sent.get(), &ConnectorReply::finished);
        if (!spy.wait(20000) || sent->error()) {
            qWarning() << "seed: send failed:" << sent->error().message();
            return {};
        }
        subjects.append(subject);
        if (messageIds)
            messageIds->append(sent->messageId());
    }
    std::unique_ptr<ConnectorReply> closed(connector.disconnectFromServers());
    QSignalSpy closedSpy(closed.get(), &ConnectorReply::finished);
    if (!closed->isFinished())
        closedSpy.wait(5000);
    return subjects;
}

int TestReceiveIntegration::unseenCount(const QString &user)
{
    const CliRun run = runMachinaMail({QStringLiteral("--config"), configFor(user), QStringLiteral("inbox"),
                                       QStringLiteral("--unseen"), QStringLiteral("--limit"), QStringLiteral("0"),
                                       QStringLiteral("--json")},
                                      passwordEnv(user));
    if (run.exitCode != 0) {
        qWarning() << "inbox failed:" << run.err;
        return -1;
    }
    return int(QJsonDocument::fromJson(run.out.toUtf8()).array().size());
}

void TestReceiveIntegration::inboxListsTwoHundredSeededMessages()
{
    const QStringList subjects = seed(QStringLiteral("bulk"), 200, QStringLiteral("Bulk alarm"));
    QCOMPARE(subjects.size(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_stack.messages(QStringLiteral("bulk")).size(), 200, 30000);

    const CliRun run = runMachinaMail({QStringLiteral("--config"), configFor(QStringLiteral("bulk")),
                                       QStringLiteral("inbox"), QStringLiteral("--limit"), QStringLiteral("0"),
                                       QStringLiteral("--json")},
                                      passwordEnv(QStringLiteral("bulk")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray rows = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(rows.size(), 200);
    QStringList listed;
    qint64 previousUid = std::numeric_limits<qint64>::max();
    for (const QJsonValue &row : rows) {
        const QJsonObject o = row.toObject();
        listed.append(o.value(QStringLiteral("subject")).toString());
        QCOMPARE(o.value(QStringLiteral("seen")).toBool(), false);
        QVERIFY(o.value(QStringLiteral("from")).toString().contains(QStringLiteral("alarm@machina.test")));
        QVERIFY(o.value(QStringLiteral("uid")).toInteger() < previousUid); // newest first
        previousUid = o.value(QStringLiteral("uid")).toInteger();
    }
    listed.sort();
    QCOMPARE(listed, subjects);

    // --limit keeps the newest; the table form works too.
    const CliRun table = runMachinaMail({QStringLiteral("--config"), configFor(QStringLiteral("bulk")),
                                         QStringLiteral("inbox"), QStringLiteral("--limit"), QStringLiteral("3")},
                                        passwordEnv(QStringLiteral("bulk")));
    QVERIFY2(table.exitCode == 0, qPrintable(table.err));
    const QStringList tableLines = table.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(tableLines.size(), 4); // header + 3
    // Postfix delivers in parallel, so the newest UIDs are not the last subjects sent:
    // the table shows the same three messages the JSON listed first.
    for (int i = 0; i < 3; ++i) {
        const QJsonObject o = rows.at(i).toObject();
        QVERIFY2(tableLines.at(i + 1).trimmed().startsWith(QString::number(o.value(QStringLiteral("uid")).toInteger()) + QLatin1Char(' ')),
                 qPrintable(tableLines.at(i + 1)));
        QVERIFY(tableLines.at(i + 1).endsWith(o.value(QStringLiteral("subject")).toString()));
    }
}

void TestReceiveIntegration::listenOnceRepliesWithThreadingAndRetriesFailures()
{
    // The 200 from the previous test; every 20th one's handler fails the first time.
    QCOMPARE(unseenCount(QStringLiteral("bulk")), 200);
    const QString handled = m_dir.filePath(QStringLiteral("handled.jsonl"));
    // Alarms 000, 020, ..., 180 fail: ten of them.
    const QString failing = QStringLiteral(
        "json=$(cat); printf '%s\\n' \"$json\" >> '%1'; "
        "if printf '%s' \"$json\" | grep -q '\"subject\":\"Bulk alarm [0-9][02468]0\"'; then echo refusing >&2; exit 3; fi; "
        "echo 'Acknowledged, technician on the way.'").arg(handled);
    const CliRun first = runMachinaMail({QStringLiteral("--config"), configFor(QStringLiteral("bulk")),
                                         QStringLiteral("listen"), QStringLiteral("--once"),
                                         QStringLiteral("--exec"), failing},
                                        passwordEnv(QStringLiteral("bulk")));
    QCOMPARE(first.exitCode, 1);
    QVERIFY2(first.err.contains(QStringLiteral("200 received, 190 handled, 10 left unseen")), qPrintable(first.err));
    QCOMPARE(unseenCount(QStringLiteral("bulk")), 10);

    // The JSON handed to --exec.
    QFile log(handled);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 200);
    const QJsonObject sample = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(sample.value(QStringLiteral("from")).toString(), m_stack.address(QStringLiteral("alarm")));
    QVERIFY(sample.value(QStringLiteral("subject")).toString().startsWith(QStringLiteral("Bulk alarm ")));
    QVERIFY(sample.value(QStringLiteral("text")).toString().startsWith(QStringLiteral("Alarm number ")));
    QVERIFY(!sample.value(QStringLiteral("message_id")).toString().isEmpty());
    QVERIFY(!sample.value(QStringLiteral("date")).toString().isEmpty());
    QVERIFY(sample.value(QStringLiteral("attachments")).isArray());

    // A second run handles exactly the ten left over.
    const CliRun second = runMachinaMail({QStringLiteral("--config"), configFor(QStringLiteral("bulk")),
                                          QStringLiteral("listen"), QStringLiteral("--once"),
                                          QStringLiteral("--reply-text"), QStringLiteral("Acknowledged late.")},
                                         passwordEnv(QStringLiteral("bulk")));
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QVERIFY2(second.err.contains(QStringLiteral("10 received, 10 handled, 0 left unseen")), qPrintable(second.err));
    QCOMPARE(unseenCount(QStringLiteral("bulk")), 0);

    // 200 replies reached the sender, each threaded to its own original, none twice.
    QTRY_COMPARE_WITH_TIMEOUT(m_stack.messages(QStringLiteral("alarm")).size() >= 200, true, 30000);
    QSet<QByteArray> originals;
    for (const QByteArray &m : m_stack.messages(QStringLiteral("bulk")))
        originals.insert(headerValue(m, "Message-Id"));
    QCOMPARE(originals.size(), 200);
    QSet<QByteArray> answered;
    int replies = 0;
    for (const QByteArray &m : m_stack.messages(QStringLiteral("alarm"))) {
        if (!headerValue(m, "Subject").startsWith("Re: Bulk alarm "))
            continue;
        ++replies;
        const QByteArray inReplyTo = headerValue(m, "In-Reply-To");
        QVERIFY2(originals.contains(inReplyTo), inReplyTo.constData());
        QVERIFY(headerValue(m, "References").contains(inReplyTo));
        QVERIFY2(!answered.contains(inReplyTo), "a message was answered twice");
        answered.insert(inReplyTo);
    }
    QCOMPARE(replies, 200);
}

void TestReceiveIntegration::fetchAndMarkThroughTheConnector()
{
    // The 200 of the earlier tests, all seen by now: what the console does on a click.
    QCOMPARE(unseenCount(QStringLiteral("bulk")), 0);
    ConnectorConfig config;
    config.smtpHost = m_stack.host;
    config.smtpPort = m_stack.smtpsPort;
    config.imapHost = m_stack.host;
    config.imapPort = m_stack.imapsPort;
    config.username = m_stack.address(QStringLiteral("bulk"));
    config.password = MailStack::password(QStringLiteral("bulk"));
    config.caFile = m_stack.caFile;
    EmailConnector connector(config);

    std::unique_ptr<InboxListReply> list(connector.listMessages(false, 3));
    QSignalSpy listed(list.get(), &ConnectorReply::finished);
    QVERIFY(listed.wait(20000));
    QVERIFY2(!list->error(), qPrintable(list->error().message()));
    QCOMPARE(list->messages().size(), 3);
    const MessageSummary row = list->messages().first();
    QVERIFY(row.id.startsWith(QStringLiteral("imap:")));

    auto fetch = [&connector](const QString &id) {
        std::unique_ptr<MessageReply> reply(connector.fetchMessage(id));
        QSignalSpy spy(reply.get(), &ConnectorReply::finished);
        if (!reply->isFinished())
            spy.wait(20000);
        return std::make_pair(reply->error(), reply->message());
    };
    auto mark = [&connector](const QString &id, bool seen) {
        std::unique_ptr<ConnectorReply> reply(connector.setSeen({id}, seen));
        QSignalSpy spy(reply.get(), &ConnectorReply::finished);
        if (!reply->isFinished())
            spy.wait(20000);
        return reply->error();
    };

    const auto [error, message] = fetch(row.id);
    QVERIFY2(!error, qPrintable(error.message()));
    QCOMPARE(message.subject, row.subject);
    QCOMPARE(message.messageId, row.messageId);
    QVERIFY(message.text.startsWith(QStringLiteral("Alarm number ")));
    QCOMPARE(message.backendId, row.id);

    QCOMPARE(mark(row.id, false).kind(), ConnectorError::Kind::None);
    QCOMPARE(unseenCount(QStringLiteral("bulk")), 1);
    QVERIFY(!fetch(row.id).first);                     // reading does not mark it read (BODY.PEEK[])
    QCOMPARE(unseenCount(QStringLiteral("bulk")), 1);
    QCOMPARE(mark(row.id, true).kind(), ConnectorError::Kind::None);
    QCOMPARE(unseenCount(QStringLiteral("bulk")), 0);

    // Ids from elsewhere are refused before anything reaches the server.
    QCOMPARE(fetch(QStringLiteral("gmail:abc")).first.kind(), ConnectorError::Kind::Config);
    QCOMPARE(fetch(QStringLiteral("nonsense")).first.kind(), ConnectorError::Kind::Config);
    // A UID under another UIDVALIDITY is void.
    const QString staleId = QStringLiteral("imap:%1:%2").arg(row.id.section(QLatin1Char(':'), 1, 1).toUInt() + 1).arg(row.uid);
    QCOMPARE(fetch(staleId).first.kind(), ConnectorError::Kind::Rejected);
    QCOMPARE(mark(staleId, true).kind(), ConnectorError::Kind::Rejected);
}

void TestReceiveIntegration::idleHandsNewMailWithinTwoSeconds()
{
    // poll_interval is long: only IDLE can make this fast.
    const QString config = configFor(QStringLiteral("idler"), 600);
    const QString handled = m_dir.filePath(QStringLiteral("idle.jsonl"));
    QProcess listener;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(passwordEnv(QStringLiteral("idler")));
    listener.setProcessEnvironment(env);
    listener.setProcessChannelMode(QProcess::SeparateChannels);
    listener.start(qEnvironmentVariable("MACHINA_MAIL"),
                   {QStringLiteral("--config"), config, QStringLiteral("listen"), QStringLiteral("--exec"),
                    QStringLiteral("cat >> '%1'; echo >> '%1'").arg(handled)});
    QVERIFY(listener.waitForStarted(10000));
    // Ready once the first round is done and IDLE runs.
    QByteArray stderrSoFar;
    QTRY_VERIFY_WITH_TIMEOUT((stderrSoFar += listener.readAllStandardError()).contains("waiting for mail (IDLE)")
                                 || listener.state() != QProcess::Running,
                             20000);
    QCOMPARE(listener.state(), QProcess::Running);

    QElapsedTimer clock;
    const QStringList subjects = seed(QStringLiteral("idler"), 1, QStringLiteral("Idle alarm"));
    QCOMPARE(subjects.size(), 1);
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(QFile(handled).size() > 0, 5000);
    const qint64 elapsed = clock.elapsed();
    qInfo() << "new mail reached the handler" << elapsed << "ms after the server accepted it";
    QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    QFile file(handled);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("Idle alarm 000"));

    ::kill(pid_t(listener.processId()), SIGTERM);
    QVERIFY(listener.waitForFinished(15000));
    QCOMPARE(listener.exitStatus(), QProcess::NormalExit);
    QCOMPARE(listener.exitCode(), 0);
}

void TestReceiveIntegration::dovecotRestartMidListenLosesNothing()
{
    const QString config = configFor(QStringLiteral("restarter"), 1);
    const QString handled = m_dir.filePath(QStringLiteral("restart.jsonl"));
    QProcess listener;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(passwordEnv(QStringLiteral("restarter")));
    listener.setProcessEnvironment(env);
    listener.start(qEnvironmentVariable("MACHINA_MAIL"),
                   {QStringLiteral("--config"), config, QStringLiteral("listen"), QStringLiteral("--exec"),
                    QStringLiteral("cat >> '%1'; echo >> '%1'").arg(handled)});
    QVERIFY(listener.waitForStarted(10000));

    auto handledSubjects = [&handled] {
        QStringList out;
        QFile file(handled);
        if (!file.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                out.append(QJsonDocument::fromJson(line).object().value(QStringLiteral("subject")).toString());
        }
        return out;
    };

    QCOMPARE(seed(QStringLiteral("restarter"), 3, QStringLiteral("Before restart")).size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(handledSubjects().size(), 3, 15000);

    // Restart Dovecot under the listener's feet.
    QProcess restart;
    restart.start(QStringLiteral("bash"), {QStringLiteral(MACHINA_SOURCE_DIR "/tests/harness/mailstack.sh"),
                                           QStringLiteral("restart-dovecot"), m_stack.dir});
    QVERIFY(restart.waitForFinished(30000));
    QVERIFY2(restart.exitCode() == 0, restart.readAllStandardError().constData());

    QCOMPARE(seed(QStringLiteral("restarter"), 3, QStringLiteral("After restart")).size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(handledSubjects().size(), 6, 30000);
    // Give a duplicate the chance to show up before concluding there is none.
    QTest::qWait(2500);
    QStringList subjects = handledSubjects();
    subjects.sort();
    QCOMPARE(subjects, (QStringList{QStringLiteral("After restart 000"), QStringLiteral("After restart 001"),
                                    QStringLiteral("After restart 002"), QStringLiteral("Before restart 000"),
                                    QStringLiteral("Before restart 001"), QStringLiteral("Before restart 002")}));
    QCOMPARE(unseenCount(QStringLiteral("restarter")), 0);

    ::kill(pid_t(listener.processId()), SIGTERM);
    QVERIFY(listener.waitForFinished(15000));
    QCOMPARE(listener.exitCode(), 0);
    const QByteArray err = listener.readAllStandardError();
    QVERIFY2(err.contains("reconnect") || err.contains("retrying"), err.constData());
}

QTEST_GUILESS_MAIN(TestReceiveIntegration)
#include "tst_receiveintegration.moc"
