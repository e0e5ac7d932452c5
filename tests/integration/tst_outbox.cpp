// The durable outbox against real Postfix and Dovecot, on a stack of this
// test's own (it stops Postfix and kills senders): messages queued while
// Postfix is down wait, `outbox flush` says so (exit 4), and once Postfix is
// back each arrives exactly once with its state and the server's reply; a
// flush killed with SIGKILL in the middle of 200 messages leaves at most one
// in doubt, which the next flush resends with the same Message-ID; every sent
// message gets a copy in the Sent mailbox (created when missing); a send that
// failed is never sent later; listen's replies survive a restart.

#include "emailconnector.h"
#include "mailstack.h"
#include "store/localstore.h"
#include "store/outbox.h"
#include "store/storelocation.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace machina;

namespace {


/// The Message-ID of a raw message, without angle brackets.
QString messageIdOf(const QByteArray &raw)
{
    static const QRegularExpression header(QStringLiteral("(?im)^Message-ID:\\s*<([^>]+)>"));
    const qsizetype end = raw.indexOf("\r\n\r\n") >= 0 ? raw.indexOf("\r\n\r\n") : raw.indexOf("\n\n");
    return header.match(QString::fromUtf8(raw.left(end))).captured(1);
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void queuedWhilePostfixIsDownArriveOnceWhenItIsBack();
    void flushKilledMidwayLeavesAtMostOneDuplicate();
    void failedSendIsNeverSentLater();
    void cancelledEntryIsNotSent();
    void listenReplySurvivesARestart();

private:
    bool stack(const QString &action);
    QString writeYaml(const QString &user);
    QProcessEnvironment env(const QString &user) const;
    CliRun cli(const QString &user, const QStringList &args) const;
    /// How often each Message-ID is in @p user's @p folder ("" for INBOX, ".Sent" for Sent).
    QHash<QString, int> arrived(const QString &user, const QString &folder = {}) const;
    /// Waits until every id in @p ids has arrived in @p user's INBOX (or 30 s passed).
    QHash<QString, int> waitForArrival(const QString &user, const QStringList &ids) const;
    QJsonArray outboxJson(const QString &user) const;

    PrivateMailStack m_private{QStringLiteral(MACHINA_BINARY_DIR "/tests/integration/outbox-stack")};
    MailStack m_stack;
    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_data;   ///< XDG_DATA_HOME of this test's CLI runs: its stores
};

bool TestOutbox::stack(const QString &action)
{
    return m_private.run(action);
}

void TestOutbox::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_private.start(QStringLiteral("supervisor technician"), &error), qPrintable(error));
    m_stack = m_private.stack();
    QVERIFY(!qEnvironmentVariableIsEmpty("MACHINA_MAIL"));
}

void TestOutbox::cleanupTestCase()
{
    stack(QStringLiteral("stop"));
}

void TestOutbox::init()
{
    // Each test starts with empty stores (and Postfix running: a test that stops it starts it again).
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(m_data->isValid());
}

QString TestOutbox::writeYaml(const QString &user)
{
    const QString path = m_dir.filePath(user + QStringLiteral(".yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    QTextStream yaml(&file);
    yaml << "connectors:\n  email:\n    type: email\n"
         << "    smtp_host: " << m_stack.host << "\n"
         << "    smtp_port: " << m_stack.smtpsPort << "\n"
         << "    imap_host: " << m_stack.host << "\n"
         << "    imap_port: " << m_stack.imapsPort << "\n"
         << "    username: " << m_stack.address(user) << "\n"
         << "    password: ${MACHINA_TEST_PASSWORD}\n"
         << "    ca_file: " << m_stack.caFile << "\n"
         << "    poll_interval: 5\n"
         << "    timeout: 10\n";
    return path;
}

QProcessEnvironment TestOutbox::env(const QString &user) const
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), MailStack::password(user));
    e.insert(QStringLiteral("XDG_DATA_HOME"), m_data->path());
    return e;
}

CliRun TestOutbox::cli(const QString &user, const QStringList &args) const
{
    return runMachinaMail(QStringList{QStringLiteral("--config"), const_cast<TestOutbox *>(this)->writeYaml(user)} + args,
                          env(user));
}

QHash<QString, int> TestOutbox::arrived(const QString &user, const QString &folder) const
{
    QHash<QString, int> counts;
    for (const char *sub : {"new", "cur"}) {
        QDir dir(QStringLiteral("%1/%2/Maildir/%3/%4").arg(m_stack.mailRoot, user, folder, QLatin1String(sub)));
        for (const QString &name : dir.entryList(QDir::Files)) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                ++counts[messageIdOf(f.readAll())];
        }
    }
    return counts;
}

QHash<QString, int> TestOutbox::waitForArrival(const QString &user, const QStringList &ids) const
{
    QElapsedTimer waited;
    waited.start();
    QHash<QString, int> counts;
    while (waited.elapsed() < 30000) {
        counts = arrived(user);
        if (std::all_of(ids.cbegin(), ids.cend(), [&counts](const QString &id) { return counts.value(id) > 0; }))
            break;
        QTest::qWait(200);
    }
    return counts;
}

QJsonArray TestOutbox::outboxJson(const QString &user) const
{
    const CliRun run = cli(user, {QStringLiteral("outbox"), QStringLiteral("--json")});
    return run.exitCode == 0 ? QJsonDocument::fromJson(run.out.toUtf8()).array() : QJsonArray();
}

void TestOutbox::queuedWhilePostfixIsDownArriveOnceWhenItIsBack()
{
    const QString me = QStringLiteral("supervisor");
    QVERIFY(stack(QStringLiteral("stop-postfix")));
    auto restart = qScopeGuard([this] { stack(QStringLiteral("start-postfix")); });
    QStringList ids;
    for (int i = 0; i < 10; ++i) {
        const CliRun run = cli(me, {QStringLiteral("send"), QStringLiteral("--queue"), QStringLiteral("--to"),
                                    m_stack.address(QStringLiteral("technician")), QStringLiteral("--subject"),
                                    QStringLiteral("Pump P-%1: pressure alarm").arg(100 + i), QStringLiteral("--text"),
                                    QStringLiteral("Check the pump.")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^Queued <([^>]+)>\\n$")).match(run.out);
        QVERIFY2(m.hasMatch(), qPrintable(run.out));
        ids.append(m.captured(1));
    }
    // Postfix is down: the flush says the server could not be reached, and nothing is lost.
    const CliRun down = cli(me, {QStringLiteral("outbox"), QStringLiteral("flush")});
    QCOMPARE(down.exitCode, 4);
    QVERIFY2(down.out.contains(QLatin1String("still queued 10")), qPrintable(down.out + down.err));
    QJsonArray entries = outboxJson(me);
    QCOMPARE(entries.size(), 10);
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
        QVERIFY(ids.contains(e.value(QStringLiteral("message_id")).toString()));
        for (const char *key : {"to", "subject", "attempts", "last_error", "server_reply", "created", "sent_at"})
            QVERIFY2(e.contains(QLatin1String(key)), key);
    }
    QVERIFY(arrived(QStringLiteral("technician")).isEmpty());

    QVERIFY(stack(QStringLiteral("start-postfix")));
    const CliRun up = cli(me, {QStringLiteral("outbox"), QStringLiteral("flush")});
    QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
    QVERIFY2(up.out.contains(QLatin1String("Sent 10, failed 0, still queued 0")), qPrintable(up.out));
    const QHash<QString, int> counts = waitForArrival(QStringLiteral("technician"), ids);
    for (const QString &id : std::as_const(ids))
        QVERIFY2(counts.value(id) == 1, qPrintable(QStringLiteral("%1 arrived %2 times").arg(id).arg(counts.value(id))));
    entries = outboxJson(me);
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
        QVERIFY2(e.value(QStringLiteral("server_reply")).toString().startsWith(QLatin1String("250 2.0.0 Ok: queued as")),
                 qPrintable(e.value(QStringLiteral("server_reply")).toString()));
        QVERIFY(!e.value(QStringLiteral("sent_at")).isNull());
        QCOMPARE(e.value(QStringLiteral("sent_copy")).toString(), QStringLiteral("done"));
    }
    // The Sent mailbox (none existed: created) holds one copy of each, marked read.
    const QHash<QString, int> copies = arrived(me, QStringLiteral(".Sent"));
    for (const QString &id : std::as_const(ids))
        QVERIFY2(copies.value(id) == 1, qPrintable(QStringLiteral("Sent copy of %1: %2").arg(id).arg(copies.value(id))));
    QDir cur(QStringLiteral("%1/%2/Maildir/.Sent/cur").arg(m_stack.mailRoot, me));
    for (const QString &name : cur.entryList(QDir::Files))
        QVERIFY2(name.section(QLatin1Char(','), -1).contains(QLatin1Char('S')), qPrintable(name));   // Maildir flag S: \Seen
}

void TestOutbox::flushKilledMidwayLeavesAtMostOneDuplicate()
{
    const QString me = QStringLiteral("supervisor");
    const QString technician = QStringLiteral("technician");
    const QHash<QString, int> before = arrived(technician);
    // 200 messages queued through the library into the store the CLI uses.
    qputenv("XDG_DATA_HOME", m_data->path().toUtf8());
    QStringList ids;
    {
        ConnectorConfig config = m_stack.config(me);
        config.pollInterval = 5;
        config.timeout = 10;
        EmailConnector connector(config);
        const ConnectorError opened = connector.openStore();
        QVERIFY2(!opened, qPrintable(opened.message()));
        QCOMPARE(connector.store()->path(), StoreLocation::pathFor(config));
        for (int i = 0; i < 200; ++i) {
            SendOptions options;
            options.subject = QStringLiteral("Batch %1").arg(i);
            const MessageBuilder::Result built =
                connector.buildMessage({m_stack.address(technician)}, QStringLiteral("Reading %1").arg(i), options);
            QVERIFY(built.message);
            QVERIFY(!connector.queueMessage(*built.message));
            ids.append(built.message->messageId);
        }
    }
    // The CLI's config must name the same account: same user, hosts and ports.
    QProcess flush;
    QProcessEnvironment full = QProcessEnvironment::systemEnvironment();
    full.insert(env(me));
    flush.setProcessEnvironment(full);
    flush.start(qEnvironmentVariable("MACHINA_MAIL"), {QStringLiteral("--config"), writeYaml(me), QStringLiteral("outbox"),
                                                       QStringLiteral("flush")});
    QVERIFY(flush.waitForStarted());
    // Killed when about a quarter has arrived: in the middle of the run, likely in the middle of a message.
    QElapsedTimer waited;
    waited.start();
    int delivered = 0;
    while (waited.elapsed() < 60000 && flush.state() == QProcess::Running) {
        delivered = 0;
        const QHash<QString, int> now = arrived(technician);
        for (const QString &id : std::as_const(ids))
            delivered += now.value(id) > 0 ? 1 : 0;
        if (delivered >= 50)
            break;
        QTest::qWait(20);
    }
    QVERIFY2(flush.state() == QProcess::Running, "the flush ended before it could be killed");
    flush.kill();   // SIGKILL
    QVERIFY(flush.waitForFinished(10000));
    QCOMPARE(flush.exitStatus(), QProcess::CrashExit);
    QVERIFY2(delivered < 200, "everything arrived before the kill");

    const CliRun second = cli(me, {QStringLiteral("outbox"), QStringLiteral("flush")});
    QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
    const QHash<QString, int> counts = waitForArrival(technician, ids);
    int twice = 0;
    for (const QString &id : std::as_const(ids)) {
        const int n = counts.value(id) - before.value(id);
        QVERIFY2(n >= 1, qPrintable(QStringLiteral("%1 never arrived").arg(id)));
        QVERIFY2(n <= 2, qPrintable(QStringLiteral("%1 arrived %2 times").arg(id).arg(n)));
        twice += n == 2 ? 1 : 0;
    }
    QVERIFY2(twice <= 1, qPrintable(QStringLiteral("%1 messages arrived twice").arg(twice)));
    int doubtful = 0;
    for (const QJsonValue &v : outboxJson(me)) {
        const QJsonObject e = v.toObject();
        if (!ids.contains(e.value(QStringLiteral("message_id")).toString()))
            continue;
        QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
        doubtful += e.value(QStringLiteral("possibly_duplicate")).toBool() ? 1 : 0;
    }
    QVERIFY(doubtful <= 1);
    // A duplicate that did arrive is one the outbox had marked as possible.
    QVERIFY(twice <= doubtful);
}

void TestOutbox::failedSendIsNeverSentLater()
{
    const QString me = QStringLiteral("supervisor");
    QVERIFY(stack(QStringLiteral("stop-postfix")));
    const QByteArray token = uniqueToken("failed-send");
    auto restart = qScopeGuard([this] { stack(QStringLiteral("start-postfix")); });
    const CliRun down = cli(me, {QStringLiteral("send"), QStringLiteral("--to"), m_stack.address(QStringLiteral("technician")),
                                 QStringLiteral("--subject"), QString::fromLatin1(token), QStringLiteral("--text"),
                                 QStringLiteral("x")});
    QCOMPARE(down.exitCode, 4);
    QVERIFY(stack(QStringLiteral("start-postfix")));
    restart.dismiss();
    // Refused for good: an address Postfix does not know.
    const CliRun refused = cli(me, {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("nobody@machina.test"),
                                    QStringLiteral("--text"), QStringLiteral("x")});
    QCOMPARE(refused.exitCode, 5);
    const QJsonArray entries = outboxJson(me);
    QCOMPARE(entries.size(), 2);
    for (const QJsonValue &v : entries)
        QCOMPARE(v.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    const QJsonObject unknown = entries.at(0).toObject();   // newest first
    QVERIFY2(unknown.value(QStringLiteral("server_reply")).toString().startsWith(u'5')
                 || unknown.value(QStringLiteral("last_error")).toString().contains(QLatin1String("nobody@machina.test")),
             QJsonDocument(unknown).toJson().constData());
    const CliRun flush = cli(me, {QStringLiteral("outbox"), QStringLiteral("flush")});
    QCOMPARE(flush.exitCode, 0);
    QVERIFY2(flush.out.contains(QLatin1String("Sent 0")), qPrintable(flush.out));
    QTest::qWait(1000);
    QVERIFY(m_stack.findMessage(QStringLiteral("technician"), token).isEmpty());
}

void TestOutbox::cancelledEntryIsNotSent()
{
    const QString me = QStringLiteral("supervisor");
    QVERIFY(stack(QStringLiteral("stop-postfix")));
    auto restart = qScopeGuard([this] { stack(QStringLiteral("start-postfix")); });
    const QByteArray keep = uniqueToken("kept");
    const QByteArray drop = uniqueToken("dropped");
    QString dropId;
    for (const QByteArray &token : {keep, drop}) {
        const QString subject = QString::fromLatin1(token);
        const CliRun run = cli(me, {QStringLiteral("send"), QStringLiteral("--queue"), QStringLiteral("--to"),
                                    m_stack.address(QStringLiteral("technician")), QStringLiteral("--subject"),
                                    subject, QStringLiteral("--text"), QStringLiteral("x")});
        QCOMPARE(run.exitCode, 0);
        dropId = run.out.section(u'<', 1).section(u'>', 0, 0);
    }
    const CliRun cancel = cli(me, {QStringLiteral("outbox"), QStringLiteral("cancel"), dropId});
    QVERIFY2(cancel.exitCode == 0, qPrintable(cancel.err));
    // An unknown entry is a usage error that names it.
    const CliRun unknown = cli(me, {QStringLiteral("outbox"), QStringLiteral("cancel"), QStringLiteral("no-such@id")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(stack(QStringLiteral("start-postfix")));
    restart.dismiss();
    const CliRun flush = cli(me, {QStringLiteral("outbox"), QStringLiteral("flush")});
    QVERIFY2(flush.exitCode == 0, qPrintable(flush.out + flush.err));
    QVERIFY2(flush.out.contains(QLatin1String("Sent 1,")), qPrintable(flush.out));
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack.findMessage(QStringLiteral("technician"), keep).isEmpty(), 20000);
    QVERIFY(m_stack.findMessage(QStringLiteral("technician"), drop).isEmpty());
    // Only queued or failed entries can be cancelled: a second cancel is a usage error that says why.
    const CliRun again = cli(me, {QStringLiteral("outbox"), QStringLiteral("cancel"), dropId});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains(QLatin1String("cancelled")), qPrintable(again.err));
}

void TestOutbox::listenReplySurvivesARestart()
{
    const QString me = QStringLiteral("supervisor");
    const QByteArray token = uniqueToken("alarm");
    const CliRun alarm = cli(QStringLiteral("technician"), {QStringLiteral("send"), QStringLiteral("--to"), m_stack.address(me),
                                                           QStringLiteral("--subject"), QString::fromLatin1(token),
                                                           QStringLiteral("--text"), QStringLiteral("P-7 down")});
    QVERIFY2(alarm.exitCode == 0, qPrintable(alarm.err));
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack.findMessage(me, token).isEmpty(), 20000);
    QVERIFY(stack(QStringLiteral("stop-postfix")));
    auto restart = qScopeGuard([this] { stack(QStringLiteral("start-postfix")); });
    // The handler counts its runs in a file.
    const QString counter = m_dir.filePath(QStringLiteral("handler-runs"));
    const QString handler = m_dir.filePath(QStringLiteral("handler.sh"));
    {
        QFile script(handler);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\ncat >/dev/null\necho run >> '" + counter.toUtf8() + "'\necho 'ACK from the supervisor'\n");
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const QStringList listen = {QStringLiteral("listen"), QStringLiteral("--once"), QStringLiteral("--exec"), handler};
    const CliRun first = cli(me, listen);   // the reply cannot be sent: queued, the message left unseen
    QCOMPARE(first.exitCode, 1);
    const CliRun second = cli(me, listen);  // the next run: the handler is not asked again
    QCOMPARE(second.exitCode, 1);
    QFile runs(counter);
    QVERIFY(runs.open(QIODevice::ReadOnly));
    QCOMPARE(runs.readAll().count('\n'), 1);
    runs.close();
    QVERIFY(stack(QStringLiteral("start-postfix")));
    const CliRun third = cli(me, listen);   // sent now, and the message marked read
    QVERIFY2(third.exitCode == 0, qPrintable(third.out + third.err));
    QVERIFY(runs.open(QIODevice::ReadOnly));
    QCOMPARE(runs.readAll().count('\n'), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack.findMessage(QStringLiteral("technician"), "ACK from the supervisor").isEmpty(), 20000);
    int replies = 0;
    for (const QByteArray &m : m_stack.messages(QStringLiteral("technician")))
        replies += m.contains("ACK from the supervisor") && m.contains(token) ? 1 : 0;
    QCOMPARE(replies, 1);
    const CliRun unseen = cli(me, {QStringLiteral("inbox"), QStringLiteral("--unseen"), QStringLiteral("--json")});
    QVERIFY2(!unseen.out.contains(QString::fromLatin1(token)), qPrintable(unseen.out));
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
