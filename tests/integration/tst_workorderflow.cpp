// Work orders against real Postfix and Dovecot, on a stack of this test's own
// (a supervisor, two technicians, a stranger and an alarm system): a work
// order made from an alarm mail takes its asset from it; a threaded ACK
// acknowledges; a stranger's DONE changes nothing; a DONE matched only by the
// id in its subject closes; with two dispatchers running, a missed deadline
// escalates exactly once; racing creators get distinct ids; and a process
// with an empty local store sees the same orders, states and history.
// Everything goes through the machina-mail program, as scripts and agents use it.

#include "mailstack.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString Supervisor = QStringLiteral("sup");
const QString Anna = QStringLiteral("anna");
const QString Ben = QStringLiteral("ben");
const QString Mallory = QStringLiteral("mallory");
const QString AlarmSystem = QStringLiteral("scada");

} // namespace

class TestWorkOrderFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void createdFromAlarmTakesItsAsset();
    void threadedAckAcknowledgesAndStrangerChangesNothing();
    void doneMatchedBySubjectCloses();
    void listenTellsTheWorkOrder();
    void missedDeadlineEscalatesExactlyOnceWithTwoDispatchers();
    void racingCreatorsGetDistinctIds();
    void createdOfflineIsSharedOnceBack();
    void freshStoreSeesTheSameOrders();

private:
    QString writeYaml(const QString &user);
    QProcessEnvironment env(const QString &user, const QString &data) const;
    CliRun cli(const QStringList &args, const QString &data = {});
    QJsonArray workOrders(const QString &data = {});
    QJsonObject workOrder(const QString &id, const QString &data = {});
    /// Polls `workorders --json` until @p id is in @p state (30 s at most); the last answer.
    QJsonObject waitForState(const QString &id, const QString &state);
    QString createFromCli(const QStringList &extra, QString *messageId = nullptr);
    /// The raw messages in @p user's INBOX whose header block holds @p needle.
    QList<QByteArray> inboxWith(const QString &user, const QByteArray &needle) const;
    QProcess *startDispatcher(const QString &data);
    void stopDispatcher(QProcess *process);
    bool waitForStderr(QProcess *process, const QString &needle, int ms = 30000);

    PrivateMailStack m_private{QStringLiteral(MACHINA_BINARY_DIR "/tests/integration/workorder-stack")};
    MailStack m_stack;
    QTemporaryDir m_dir;
    QString m_data;          ///< XDG_DATA_HOME of the supervisor's usual store
    QString m_dispatchData;  ///< the running dispatcher's
    QProcess *m_dispatcher = nullptr;
};

void TestWorkOrderFlow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_private.start(QStringList{Supervisor, Anna, Ben, Mallory, AlarmSystem}.join(u' '), &error), qPrintable(error));
    m_stack = m_private.stack();
    QVERIFY(!qEnvironmentVariableIsEmpty("MACHINA_MAIL"));
    m_data = m_dir.filePath(QStringLiteral("data"));
    m_dispatchData = m_dir.filePath(QStringLiteral("dispatch-data"));
    // One dispatcher runs through the tests that need replies applied.
    m_dispatcher = startDispatcher(m_dispatchData);
    QVERIFY(waitForStderr(m_dispatcher, QStringLiteral("running")));
}

void TestWorkOrderFlow::cleanupTestCase()
{
    if (m_dispatcher)
        stopDispatcher(m_dispatcher);
    m_private.run(QStringLiteral("stop"));
}

QString TestWorkOrderFlow::writeYaml(const QString &user)
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
         << "    poll_interval: 1\n"
         << "    timeout: 10\n"
         << "    work_orders:\n"
         << "      technicians:\n"
         << "        - {name: Anna, address: " << m_stack.address(Anna) << ", areas: [P-]}\n"
         << "        - {name: Ben, address: " << m_stack.address(Ben) << "}\n";
    return path;
}

QProcessEnvironment TestWorkOrderFlow::env(const QString &user, const QString &data) const
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), MailStack::password(user));
    e.insert(QStringLiteral("XDG_DATA_HOME"), data.isEmpty() ? m_data : data);
    return e;
}

CliRun TestWorkOrderFlow::cli(const QStringList &args, const QString &data)
{
    return runMachinaMail(QStringList{QStringLiteral("--config"), writeYaml(Supervisor)} + args, env(Supervisor, data));
}

QJsonArray TestWorkOrderFlow::workOrders(const QString &data)
{
    const CliRun run = cli({QStringLiteral("workorders"), QStringLiteral("--json")}, data);
    if (run.exitCode != 0)
        qWarning().noquote() << "workorders failed:" << run.err;
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

QJsonObject TestWorkOrderFlow::workOrder(const QString &id, const QString &data)
{
    for (const QJsonValue &v : workOrders(data)) {
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    }
    return {};
}

QJsonObject TestWorkOrderFlow::waitForState(const QString &id, const QString &state)
{
    QElapsedTimer waited;
    waited.start();
    QJsonObject order;
    while (waited.elapsed() < 30000) {
        order = workOrder(id);
        if (order.value(QStringLiteral("state")).toString() == state)
            break;
        QTest::qWait(300);
    }
    return order;
}

QString TestWorkOrderFlow::createFromCli(const QStringList &extra, QString *messageId)
{
    const CliRun run = cli(QStringList{QStringLiteral("workorder"), QStringLiteral("create")} + extra);
    if (run.exitCode != 0) {
        qWarning().noquote() << "workorder create failed:" << run.exitCode << run.out << run.err;
        return {};
    }
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    const QRegularExpressionMatch sent = QRegularExpression(QStringLiteral("^Sent <([^>]+)> to ")).match(lines.value(1));
    if (messageId)
        *messageId = sent.captured(1);
    return lines.value(0);
}

QList<QByteArray> TestWorkOrderFlow::inboxWith(const QString &user, const QByteArray &needle) const
{
    QList<QByteArray> found;
    for (const QByteArray &raw : m_stack.messages(user)) {
        const qsizetype end = raw.indexOf("\r\n\r\n") >= 0 ? raw.indexOf("\r\n\r\n") : raw.indexOf("\n\n");
        if (raw.left(end).contains(needle))
            found.append(raw);
    }
    return found;
}

QProcess *TestWorkOrderFlow::startDispatcher(const QString &data)
{
    auto *process = new QProcess(this);
    QProcessEnvironment full = QProcessEnvironment::systemEnvironment();
    full.insert(env(Supervisor, data));
    process->setProcessEnvironment(full);
    process->start(qEnvironmentVariable("MACHINA_MAIL"),
                   {QStringLiteral("--config"), writeYaml(Supervisor), QStringLiteral("dispatch")});
    process->waitForStarted();
    return process;
}

void TestWorkOrderFlow::stopDispatcher(QProcess *process)
{
    process->terminate();   // SIGTERM: it ends its loop and logs out
    if (!process->waitForFinished(20000))
        process->kill();
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
}

bool TestWorkOrderFlow::waitForStderr(QProcess *process, const QString &needle, int ms)
{
    QElapsedTimer waited;
    waited.start();
    QString seen = process->property("stderrSoFar").toString();
    while (!seen.contains(needle) && waited.elapsed() < ms) {
        process->waitForReadyRead(200);
        seen += QString::fromUtf8(process->readAllStandardError());
        process->setProperty("stderrSoFar", seen);
    }
    if (!seen.contains(needle))
        qWarning().noquote() << "dispatcher said:" << seen;
    return seen.contains(needle);
}

void TestWorkOrderFlow::createdFromAlarmTakesItsAsset()
{
    const QString subject = QStringLiteral("ALARM P-201 vibration 9.2 mm/s (limit 8.4)");
    QVERIFY(m_stack.send(AlarmSystem, Supervisor, subject, QStringLiteral("Pump P-201 bearing vibration high.\nSite 2")));
    QString alarmId;
    QElapsedTimer waited;
    waited.start();
    while (alarmId.isEmpty() && waited.elapsed() < 20000) {
        const CliRun inbox = cli({QStringLiteral("inbox"), QStringLiteral("--json")});
        for (const QJsonValue &v : QJsonDocument::fromJson(inbox.out.toUtf8()).array()) {
            if (v.toObject().value(QStringLiteral("subject")).toString() == subject)
                alarmId = v.toObject().value(QStringLiteral("id")).toString();
        }
        if (alarmId.isEmpty())
            QTest::qWait(300);
    }
    QVERIFY(!alarmId.isEmpty());

    QString notificationId;
    const QString id = createFromCli({QStringLiteral("--to"), QStringLiteral("Anna"), QStringLiteral("--from-message"), alarmId},
                                     &notificationId);
    QVERIFY2(QRegularExpression(QStringLiteral("^WO-\\d{4}-\\d{4}$")).match(id).hasMatch(), qPrintable(id));
    QVERIFY(!notificationId.isEmpty());
    const QJsonObject order = workOrder(id);
    QCOMPARE(order.value(QStringLiteral("asset")).toString(), QStringLiteral("P-201"));
    QCOMPARE(order.value(QStringLiteral("summary")).toString(), QStringLiteral("vibration 9.2 mm/s (limit 8.4)"));
    QCOMPARE(order.value(QStringLiteral("priority")).toString(), QStringLiteral("high"));
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("notified"));
    QCOMPARE(order.value(QStringLiteral("message_id")).toString(), notificationId);
    QCOMPARE(order.value(QStringLiteral("ack_within")).toInt(), 15 * 60);   // high: 15 minutes
    QVERIFY(!order.value(QStringLiteral("alarm_message_id")).toString().isEmpty());

    // Anna has it: the subject as promised, the alarm quoted, the codes explained.
    const QList<QByteArray> mails = inboxWith(Anna, "X-Machina-Work-Order: " + id.toLatin1());
    QCOMPARE(mails.size(), 1);
    QVERIFY2(mails.first().contains(QStringLiteral("Subject: [%1] P-201 vibration 9.2 mm/s (limit 8.4) (priority high)").arg(id).toUtf8()),
             mails.first().constData());
    QVERIFY(mails.first().contains("> Pump P-201 bearing vibration high."));
    QVERIFY(mails.first().contains("Reply with ACK"));
}

void TestWorkOrderFlow::threadedAckAcknowledgesAndStrangerChangesNothing()
{
    QString notificationId;
    const QString id = createFromCli({QStringLiteral("--to"), m_stack.address(Anna), QStringLiteral("--asset"),
                                      QStringLiteral("V-509"), QStringLiteral("--summary"), QStringLiteral("pressure high"),
                                      QStringLiteral("--priority"), QStringLiteral("critical")},
                                     &notificationId);
    QVERIFY(!id.isEmpty());
    // Threaded, and with a subject that does not name the order: In-Reply-To alone matches it.
    QVERIFY(m_stack.sendReply(Anna, Supervisor, QStringLiteral("on it"), QStringLiteral("Ack. On my way, 10 minutes.\n"),
                              notificationId));
    QJsonObject order = waitForState(id, QStringLiteral("acknowledged"));
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("acknowledged"));
    // The dispatcher stores the state first and appends the history line right after: a reader between the two
    // sees the state alone for a moment.
    QElapsedTimer waited;
    waited.start();
    while (order.value(QStringLiteral("history")).toArray().size() < 2 && waited.elapsed() < 10000) {
        QTest::qWait(200);
        order = workOrder(id);
    }
    const QJsonArray history = order.value(QStringLiteral("history")).toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(1).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("acknowledged"));
    QCOMPARE(history.at(1).toObject().value(QStringLiteral("actor")).toString(), m_stack.address(Anna));
    QCOMPARE(history.at(1).toObject().value(QStringLiteral("comment")).toString(), QStringLiteral("On my way, 10 minutes."));

    // A stranger's DONE, threaded too: the dispatcher says so, and nothing changes.
    QVERIFY(m_stack.sendReply(Mallory, Supervisor, QStringLiteral("Re: [%1]").arg(id), QStringLiteral("DONE"),
                              notificationId));
    QVERIFY(waitForStderr(m_dispatcher, QStringLiteral("reply from %1 to %2 ignored").arg(m_stack.address(Mallory), id)));
    order = workOrder(id);
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("acknowledged"));
    QCOMPARE(order.value(QStringLiteral("history")).toArray().size(), 2);
}

void TestWorkOrderFlow::doneMatchedBySubjectCloses()
{
    const QString id = createFromCli({QStringLiteral("--to"), QStringLiteral("Anna"), QStringLiteral("--asset"),
                                      QStringLiteral("HX-7"), QStringLiteral("--summary"), QStringLiteral("fouling")});
    QVERIFY(!id.isEmpty());
    // No In-Reply-To, no References: the id in the subject is all there is. German, too.
    QVERIFY(m_stack.send(Anna, Supervisor, QStringLiteral("%1 erledigt").arg(id),
                         QStringLiteral("Erledigt: Wärmetauscher gereinigt.")));
    const QJsonObject order = waitForState(id, QStringLiteral("done"));
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(order.value(QStringLiteral("history")).toArray().last().toObject().value(QStringLiteral("comment")).toString(),
             QStringLiteral("Wärmetauscher gereinigt."));
}

void TestWorkOrderFlow::listenTellsTheWorkOrder()
{
    const QString id = createFromCli({QStringLiteral("--to"), QStringLiteral("Anna"), QStringLiteral("--asset"),
                                      QStringLiteral("C-104"), QStringLiteral("--summary"), QStringLiteral("compressor trip")});
    QVERIFY(!id.isEmpty());
    const QString question = QStringLiteral("Re: [%1] which compressor?").arg(id);
    QVERIFY(m_stack.send(Anna, Supervisor, question, QStringLiteral("Which one, the left or the right?")));
    const QString seen = m_dir.filePath(QStringLiteral("listen.jsonl"));
    QElapsedTimer waited;
    waited.start();
    QJsonObject message;
    while (message.isEmpty() && waited.elapsed() < 30000) {
        // The handler keeps each message's JSON and answers nothing.
        const CliRun run = cli({QStringLiteral("listen"), QStringLiteral("--once"), QStringLiteral("--exec"),
                                QStringLiteral("cat >> '%1'; echo >> '%1'").arg(seen)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(seen);
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                const QJsonObject json = QJsonDocument::fromJson(line).object();
                if (json.value(QStringLiteral("subject")).toString() == question)
                    message = json;
            }
        }
        if (message.isEmpty())
            QTest::qWait(300);
    }
    QVERIFY(!message.isEmpty());
    const QJsonObject workOrder = message.value(QStringLiteral("work_order")).toObject();
    QCOMPARE(workOrder.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(workOrder.value(QStringLiteral("state")).toString(), QStringLiteral("notified"));   // no code: no change
    // Mail about no work order says so with null.
    QFile file(seen);
    QVERIFY(file.open(QIODevice::ReadOnly));
    bool sawNull = false;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QJsonObject json = QJsonDocument::fromJson(line).object();
        if (json.value(QStringLiteral("subject")).toString().startsWith(QLatin1String("ALARM P-201")))
            sawNull = json.value(QStringLiteral("work_order")).isNull();
    }
    QVERIFY(sawNull);
}

void TestWorkOrderFlow::missedDeadlineEscalatesExactlyOnceWithTwoDispatchers()
{
    // A second dispatcher, with a store of its own, races the first one.
    QProcess *second = startDispatcher(m_dir.filePath(QStringLiteral("second-data")));
    auto stopSecond = qScopeGuard([this, second] { stopDispatcher(second); });
    QVERIFY(waitForStderr(second, QStringLiteral("running")));

    const QString id = createFromCli({QStringLiteral("--to"), QStringLiteral("Anna"), QStringLiteral("--escalate-to"),
                                      QStringLiteral("Ben"), QStringLiteral("--asset"), QStringLiteral("P-17"),
                                      QStringLiteral("--summary"), QStringLiteral("seal leak"), QStringLiteral("--ack-within"),
                                      QStringLiteral("3s")});
    QVERIFY(!id.isEmpty());
    // Nobody answers. After 3 s one of the dispatchers escalates to Ben; 3 s later nobody is left.
    QElapsedTimer waited;
    waited.start();
    while (inboxWith(Ben, "X-Machina-Work-Order: " + id.toLatin1()).isEmpty() && waited.elapsed() < 30000)
        QTest::qWait(200);
    QVERIFY(waitForStderr(m_dispatcher, QStringLiteral("%1 nobody acknowledged").arg(id)));
    QVERIFY(waitForStderr(second, QStringLiteral("%1 nobody acknowledged").arg(id)));
    QTest::qWait(3000);   // time for a second escalation mail, were there one

    const QList<QByteArray> escalations = inboxWith(Ben, "X-Machina-Work-Order: " + id.toLatin1());
    QCOMPARE(escalations.size(), 1);
    QVERIFY(escalations.first().contains("- escalated"));
    QVERIFY(escalations.first().contains("History:"));
    QCOMPARE(inboxWith(Anna, "X-Machina-Work-Order: " + id.toLatin1()).size(), 1);
    const QJsonObject order = workOrder(id);
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("notified"));
    QCOMPARE(order.value(QStringLiteral("assignee")).toString(), QStringLiteral("Ben <%1>").arg(m_stack.address(Ben)));
    int escalated = 0;
    for (const QJsonValue &event : order.value(QStringLiteral("history")).toArray())
        escalated += event.toObject().value(QStringLiteral("action")).toString() == QLatin1String("escalated");
    QCOMPARE(escalated, 1);
    // Anna acknowledges late: that still counts (she was notified), and stops everything.
    QVERIFY(m_stack.sendReply(Anna, Supervisor, QStringLiteral("Re: [%1]").arg(id), QStringLiteral("ACK"),
                              order.value(QStringLiteral("message_id")).toString()));
    QCOMPARE(waitForState(id, QStringLiteral("acknowledged")).value(QStringLiteral("assignee")).toString(),
             QStringLiteral("Anna <%1>").arg(m_stack.address(Anna)));
}

void TestWorkOrderFlow::racingCreatorsGetDistinctIds()
{
    QList<QProcess *> creators;
    for (int i = 0; i < 3; ++i) {
        auto *process = new QProcess(this);
        QProcessEnvironment full = QProcessEnvironment::systemEnvironment();
        full.insert(env(Supervisor, m_dir.filePath(QStringLiteral("racer-%1").arg(i))));
        process->setProcessEnvironment(full);
        process->start(qEnvironmentVariable("MACHINA_MAIL"),
                       {QStringLiteral("--config"), writeYaml(Supervisor), QStringLiteral("workorder"), QStringLiteral("create"),
                        QStringLiteral("--to"), QStringLiteral("Ben"), QStringLiteral("--asset"), QStringLiteral("K-%1").arg(i),
                        QStringLiteral("--summary"), QStringLiteral("race"), QStringLiteral("--queue")});
        creators.append(process);
    }
    QSet<QString> ids;
    for (QProcess *process : std::as_const(creators)) {
        QVERIFY(process->waitForFinished(60000));
        const QString out = QString::fromUtf8(process->readAllStandardOutput());
        QVERIFY2(process->exitCode() == 0, qPrintable(out + QString::fromUtf8(process->readAllStandardError())));
        ids.insert(out.split(u'\n').value(0));
    }
    QCOMPARE(ids.size(), 3);
    // The server holds one record per id: the losers' claims are gone.
    QMap<QString, int> records;
    for (const QJsonValue &v : workOrders())
        ++records[v.toObject().value(QStringLiteral("id")).toString()];
    for (const QString &id : std::as_const(ids))
        QCOMPARE(records.value(id), 1);
}

void TestWorkOrderFlow::createdOfflineIsSharedOnceBack()
{
    // The earlier creates reserved an id for this store; with Dovecot down it is used.
    QVERIFY(m_private.run(QStringLiteral("stop-dovecot")));
    auto restart = qScopeGuard([this] { m_private.run(QStringLiteral("start-dovecot")); });
    const CliRun made = cli({QStringLiteral("workorder"), QStringLiteral("create"), QStringLiteral("--to"), QStringLiteral("Ben"),
                             QStringLiteral("--asset"), QStringLiteral("P-99"), QStringLiteral("--summary"),
                             QStringLiteral("made offline"), QStringLiteral("--queue")});
    QVERIFY2(made.exitCode == 0, qPrintable(made.out + made.err));
    const QString id = made.out.split(u'\n').value(0);
    QVERIFY2(QRegularExpression(QStringLiteral("^WO-\\d{4}-\\d{4}$")).match(id).hasMatch(), qPrintable(made.out));
    QCOMPARE(cli({QStringLiteral("workorders")}).exitCode, 4);   // the server is what it reads

    QVERIFY(m_private.run(QStringLiteral("start-dovecot")));
    restart.dismiss();
    const QString elsewhere = m_dir.filePath(QStringLiteral("other-console"));
    QVERIFY(workOrder(id, elsewhere).isEmpty());   // not shared yet: only this store knows it
    // This store's next read shares it; then every other one sees it too.
    QJsonObject order = workOrder(id);
    QCOMPARE(order.value(QStringLiteral("shared")).toBool(), true);
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("notified"));
    order = workOrder(id, elsewhere);
    QCOMPARE(order.value(QStringLiteral("asset")).toString(), QStringLiteral("P-99"));
    QCOMPARE(order.value(QStringLiteral("history")).toArray().size(), 1);
    // Its notification waited in the outbox; a flush sends it, once.
    const CliRun flush = cli({QStringLiteral("outbox"), QStringLiteral("flush")});
    QVERIFY2(flush.exitCode == 0, qPrintable(flush.out + flush.err));
    QElapsedTimer waited;
    waited.start();
    while (inboxWith(Ben, "X-Machina-Work-Order: " + id.toLatin1()).isEmpty() && waited.elapsed() < 30000)
        QTest::qWait(200);
    QCOMPARE(inboxWith(Ben, "X-Machina-Work-Order: " + id.toLatin1()).size(), 1);
    // And no other order took its number.
    int withId = 0;
    for (const QJsonValue &v : workOrders(elsewhere))
        withId += v.toObject().value(QStringLiteral("id")).toString() == id;
    QCOMPARE(withId, 1);
}

void TestWorkOrderFlow::freshStoreSeesTheSameOrders()
{
    const QJsonArray known = workOrders();
    QVERIFY(known.size() >= 7);
    const QJsonArray fresh = workOrders(m_dir.filePath(QStringLiteral("empty-store")));
    QCOMPARE(fresh.size(), known.size());
    for (qsizetype i = 0; i < known.size(); ++i) {
        const QJsonObject a = known.at(i).toObject();
        const QJsonObject b = fresh.at(i).toObject();
        for (const char *key : {"id", "state", "asset", "summary", "priority", "assignee", "notified", "message_id",
                                "created", "history"})
            QCOMPARE(b.value(QLatin1String(key)), a.value(QLatin1String(key)));
    }
}

QTEST_GUILESS_MAIN(TestWorkOrderFlow)
#include "tst_workorderflow.moc"
