// The canary against real Postfix and Dovecot, on a stack of this test's own
// (a listener runs on the account, and the INBOX and Sent are counted):
// `machina-mail check --canary` (JSON always) reports a positive latency, leaves no
// probe in INBOX and nothing in Sent or the outbox, and a `listen --exec`
// handler running all the while never gets a probe; neither does an
// in-process listen(), nor a Listener handed a probe by its watcher.
//
// A probe lives a few hundred milliseconds, and Dovecot's IDLE folds its
// arrival and expunge into nothing but a new HIGHESTMODSEQ: a listener rarely
// meets the canary's own. So a probe that stays is planted too (another
// token, as a canary of an earlier run that died would leave one): the
// listener fetches it and must pass it by, `inbox` must not list it, and the
// test removes it at the end (UID STORE \Deleted, UID EXPUNGE).

#include "canaryprobe.h"
#include "emailconnector.h"
#include "imap/imapclient.h"
#include "inboxwatcher.h"
#include "listener.h"
#include "mailstack.h"
#include "sendreply.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace machina;

namespace {

constexpr int kArrivalMs = 30000;

/** A watcher that hands out what the test gives it: Listener's side of the contract only. */
class HandingWatcher : public InboxWatcher
{
public:
    using InboxWatcher::InboxWatcher;

    void start() override { m_running = true; }
    ConnectorReply *stop() override
    {
        m_running = false;
        auto *reply = new ConnectorReply;
        reply->finish();
        return reply;
    }
    bool isRunning() const override { return m_running; }
    void checkNow() override {}
    void markHandled(const IncomingMessage &message) override { handled.append(message.subject); }
    void release(const IncomingMessage &message) override { released.append(message.subject); }
    int pendingSeenCount() const override { return 0; }
    QDateTime lastSuccessfulPoll() const override { return {}; }
    ConnectorError lastError() const override { return {}; }
    int failedAttempts() const override { return 0; }

    QStringList handled;
    QStringList released;

private:
    bool m_running = false;
};

IncomingMessage incoming(const QByteArray &raw)
{
    IncomingMessage message = IncomingMessage::fromParsed(MessageParser::parse(raw), raw);
    message.uid = 7;
    message.uidValidity = 1;
    message.backendId = QStringLiteral("imap:1:7");
    return message;
}

} // namespace

class TestCanary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void checkCanaryLeavesNoTrace();
    void inProcessListenerNeverSeesTheProbe();
    void listenerSkipsAProbeItIsHanded();
    void scheduledCanaryReachesHealth();

private:
    QProcessEnvironment env() const;
    QString config() const;
    /// Every file of @p user's Maildir folder (@p folder "" for INBOX, ".Sent"), raw.
    QList<QByteArray> folder(const QString &folder) const;
    /// The UIDs in INBOX that carry X-Machina-Canary, asked over IMAP; nothing on failure (with @p error).
    QList<quint32> probesInInbox(QString *error) const;
    /// Flags @p uids \Deleted and UID EXPUNGEs them; the error, if any.
    QString removeFromInbox(const QList<quint32> &uids) const;
    /// Sends a message with X-Machina-Canary: @p token from supervisor to the account; false on failure.
    bool plantProbe(const QByteArray &token, const QString &subject) const;

    const QString m_user = QStringLiteral("canary");
    PrivateMailStack m_private{QStringLiteral(MACHINA_BINARY_DIR "/tests/integration/canary-stack")};
    MailStack m_stack;
    QTemporaryDir m_dir;
};

void TestCanary::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(!qEnvironmentVariableIsEmpty("MACHINA_MAIL"));
    QString error;
    QVERIFY2(m_private.start(QStringLiteral("canary supervisor"), &error), qPrintable(error));
    m_stack = m_private.stack();
}

void TestCanary::cleanupTestCase()
{
    m_private.run(QStringLiteral("stop"));
}

QProcessEnvironment TestCanary::env() const
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), MailStack::password(m_user));
    e.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    return e;
}

QString TestCanary::config() const
{
    return writeConfig(m_dir.path(), m_stack, m_user, m_stack.smtpsPort, true, m_stack.caFile);
}

QList<QByteArray> TestCanary::folder(const QString &folder) const
{
    QList<QByteArray> out;
    for (const char *sub : {"new", "cur"}) {
        const QDir dir(QStringLiteral("%1/%2/Maildir/%3/%4").arg(m_stack.mailRoot, m_user, folder, QLatin1String(sub)));
        for (const QString &name : dir.entryList(QDir::Files)) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                out.append(f.readAll());
        }
    }
    return out;
}

QList<quint32> TestCanary::probesInInbox(QString *error) const
{
    ImapSettings settings;
    if (const ConnectorError e = ImapSettings::fromConfig(m_stack.config(m_user), &settings)) {
        *error = e.message();
        return {};
    }
    ImapClient client(settings);
    // HEADER with "" matches every message that has the field (RFC 3501 6.4.4).
    std::unique_ptr<ImapReply> search(client.search("HEADER " + QByteArray(CanaryProbe::HeaderName) + " \"\""));
    QSignalSpy done(search.get(), &ConnectorReply::finished);
    if (!done.wait(20000) || search->error()) {
        *error = search->isFinished() ? search->error().message() : QStringLiteral("the search did not finish");
        return {};
    }
    std::unique_ptr<ImapReply> closed(client.close());
    QSignalSpy logout(closed.get(), &ConnectorReply::finished);
    logout.wait(5000);
    return search->uids();
}

QString TestCanary::removeFromInbox(const QList<quint32> &uids) const
{
    ImapSettings settings;
    if (const ConnectorError e = ImapSettings::fromConfig(m_stack.config(m_user), &settings))
        return e.message();
    ImapClient client(settings);
    std::unique_ptr<ImapReply> deleted(client.storeFlags(uids, ImapStoreMode::Add, {"\\Deleted"}));
    std::unique_ptr<ImapReply> expunged(client.expunge(uids));
    QSignalSpy done(expunged.get(), &ConnectorReply::finished);
    if (!done.wait(20000))
        return QStringLiteral("UID EXPUNGE did not finish");
    if (deleted->error() || expunged->error())
        return (deleted->error() ? deleted->error() : expunged->error()).message();
    if (deleted->messages().size() != uids.size())
        return QStringLiteral("the STORE answered %1 messages, not %2").arg(deleted->messages().size()).arg(uids.size());
    std::unique_ptr<ImapReply> closed(client.close());
    QSignalSpy logout(closed.get(), &ConnectorReply::finished);
    logout.wait(5000);
    return {};
}

bool TestCanary::plantProbe(const QByteArray &token, const QString &subject) const
{
    OutgoingMessage message;
    message.from = m_stack.address(QStringLiteral("supervisor"));
    message.to = {m_stack.address(m_user)};
    message.subject = subject;
    message.text = QStringLiteral("A probe nobody removes.");
    message.extraHeaders.append({QByteArray(CanaryProbe::HeaderName), QString::fromLatin1(token)});
    const MessageBuilder::Result built = MessageBuilder::build(message);
    if (!built.message)
        return false;
    EmailConnector connector(m_stack.config(QStringLiteral("supervisor")));
    std::unique_ptr<SendReply> sent(connector.sendBuiltMessage(*built.message));
    QSignalSpy done(sent.get(), &ConnectorReply::finished);
    return (sent->isFinished() || done.wait(20000)) && !sent->error();
}

// The CLI end to end, with `listen --exec` recording every message it is handed.
void TestCanary::checkCanaryLeavesNoTrace()
{
    const QString seenFile = m_dir.filePath(QStringLiteral("handled.jsonl"));
    const QString cfg = config();
    QVERIFY(!cfg.isEmpty());

    QProcess listen;
    QProcessEnvironment full = QProcessEnvironment::systemEnvironment();
    full.insert(env());
    listen.setProcessEnvironment(full);
    listen.start(qEnvironmentVariable("MACHINA_MAIL"),
                 {QStringLiteral("--config"), cfg, QStringLiteral("--verbose"), QStringLiteral("listen"), QStringLiteral("--exec"),
                  QStringLiteral("cat >> '%1'; echo >> '%1'").arg(seenFile)});
    QVERIFY2(listen.waitForStarted(10000), qPrintable(listen.errorString()));
    const auto stopListening = qScopeGuard([&listen] {
        listen.terminate();   // this test's own process, by its pid
        if (!listen.waitForFinished(10000)) {
            listen.kill();
            listen.waitForFinished(5000);
        }
    });
    QByteArray listenErr;
    QTRY_VERIFY2_WITH_TIMEOUT((listenErr += listen.readAllStandardError()).contains("waiting for mail"),
                              listenErr.constData(), kArrivalMs);
    const auto handled = [&seenFile] {
        QFile f(seenFile);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };

    // The handler runs: a message before the canary reaches it.
    const QByteArray before = uniqueToken("before");
    QVERIFY(m_stack.send(QStringLiteral("supervisor"), m_user,
                         QString::fromLatin1(before), QStringLiteral("Pump P-201 vibrates.")));
    QTRY_VERIFY2_WITH_TIMEOUT(handled().contains(before), (listenErr += listen.readAllStandardError()).constData(), kArrivalMs);

    // A probe that stays: the listener fetches it (its transcript shows the header) and passes it by.
    const QByteArray planted = uniqueToken("planted");
    const QString plantedSubject = QStringLiteral("Machina canary %1").arg(QString::fromLatin1(planted));
    QVERIFY(plantProbe(planted, plantedSubject));
    QTRY_VERIFY2_WITH_TIMEOUT((listenErr += listen.readAllStandardError()).contains("X-Machina-Canary: " + planted),
                              "the listener never fetched the planted probe", kArrivalMs);
    const CliRun inbox = runMachinaMail({QStringLiteral("--config"), cfg, QStringLiteral("inbox"), QStringLiteral("--json")}, env());
    QVERIFY2(inbox.exitCode == 0, qPrintable(inbox.err));
    QVERIFY2(inbox.out.contains(QString::fromLatin1(before)), qPrintable(inbox.out));
    QVERIFY2(!inbox.out.contains(QStringLiteral("Machina canary")), qPrintable(inbox.out));

    const QList<QByteArray> sentBefore = folder(QStringLiteral(".Sent"));
    // check always prints JSON (it has no --json).
    const CliRun check = runMachinaMail({QStringLiteral("--config"), cfg, QStringLiteral("check"), QStringLiteral("--canary")}, env());
    QVERIFY2(check.exitCode == 0, qPrintable(QStringLiteral("exit %1\n%2\n%3").arg(check.exitCode).arg(check.out, check.err)));
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(check.out.toUtf8(), &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(check.out));
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
    const QJsonObject canary = json.value(QStringLiteral("canary")).toObject();
    QVERIFY2(canary.value(QStringLiteral("latency_ms")).isDouble(), qPrintable(check.out));
    QVERIFY2(canary.value(QStringLiteral("latency_ms")).toDouble() > 0, qPrintable(check.out));
    QVERIFY2(!canary.contains(QStringLiteral("error")), qPrintable(check.out));
    QVERIFY2(canary.value(QStringLiteral("latency_ms")).toDouble() < 20000, qPrintable(check.out));

    // A message after it: the listener has gone past the time the probe was there.
    const QByteArray after = uniqueToken("after");
    QVERIFY(m_stack.send(QStringLiteral("supervisor"), m_user,
                         QString::fromLatin1(after), QStringLiteral("Valve V-509 leaks.")));
    QTRY_VERIFY2_WITH_TIMEOUT(handled().contains(after), (listenErr += listen.readAllStandardError()).constData(), kArrivalMs);

    // The handler got the two messages and nothing else.
    const QByteArray got = handled();
    QVERIFY2(!got.contains("Machina canary") && !got.contains("X-Machina-Canary"), got.constData());
    int lines = 0;
    for (const QByteArray &line : got.split('\n'))
        lines += line.trimmed().isEmpty() ? 0 : 1;
    QCOMPARE(lines, 2);

    // The canary's own probe is gone; the planted one is there, unseen, until the test removes it.
    QString error;
    const QList<quint32> left = probesInInbox(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(left.size(), 1);
    int plantedFiles = 0;
    for (const QByteArray &raw : folder(QString()))
        plantedFiles += CanaryProbe::isProbe(raw) && raw.contains(planted) ? 1 : 0;
    QCOMPARE(plantedFiles, 1);
    const QString removed = removeFromInbox(left);
    QVERIFY2(removed.isEmpty(), qPrintable(removed));
    QCOMPARE(probesInInbox(&error), QList<quint32>{});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QByteArray &raw : folder(QString()))
        QVERIFY2(!CanaryProbe::isProbe(raw), raw.constData());
    // Sent directly: no Sent copy, no outbox entry.
    QCOMPARE(folder(QStringLiteral(".Sent")).size(), sentBefore.size());
    const CliRun outbox = runMachinaMail({QStringLiteral("--config"), cfg, QStringLiteral("outbox"), QStringLiteral("--json")}, env());
    QVERIFY2(outbox.exitCode == 0, qPrintable(outbox.err));
    QCOMPARE(QJsonDocument::fromJson(outbox.out.toUtf8()).array().size(), 0);
}

// listen() and runCanary() on one connector: messageReceived() never names the probe.
void TestCanary::inProcessListenerNeverSeesTheProbe()
{
    EmailConnector connector(m_stack.config(m_user));
    QStringList received;
    connect(&connector, &EmailConnector::messageReceived, this,
            [&received](const IncomingMessage &m) { received.append(m.subject); });
    QStringList handled;
    std::unique_ptr<ListenReply> listening(connector.listen(
        [&handled](const IncomingMessage &m, std::function<void(const HandlerResult &)> done) {
            handled.append(m.subject);
            done(HandlerResult::noReply());
        }));
    QTRY_VERIFY_WITH_TIMEOUT(connector.isListening(), kArrivalMs);

    std::unique_ptr<CanaryProbe> probe(connector.runCanary());
    QSignalSpy settled(probe.get(), &CanaryProbe::settled);
    QVERIFY(settled.wait(2 * kArrivalMs));
    QVERIFY2(!probe->error(), qPrintable(probe->error().message()));
    QVERIFY(probe->latencyMs() > 0);

    const QByteArray after = uniqueToken("inprocess");
    QVERIFY(m_stack.send(QStringLiteral("supervisor"), m_user,
                         QString::fromLatin1(after), QStringLiteral("After the canary.")));
    QTRY_VERIFY_WITH_TIMEOUT(handled.contains(QString::fromLatin1(after)), kArrivalMs);
    for (const QString &subject : std::as_const(received))
        QVERIFY2(!subject.startsWith(QStringLiteral("Machina canary")), qPrintable(subject));
    QCOMPARE(handled, received);

    // The listener's own reply (it goes with the listener): waited for, not deleted.
    const QPointer<ConnectorReply> stopped(connector.stopListening());
    QSignalSpy stoppedSpy(stopped.data(), &ConnectorReply::finished);
    QVERIFY(!stopped || stopped->isFinished() || stoppedSpy.wait(10000));
    QString error;
    QCOMPARE(probesInInbox(&error), QList<quint32>{});
}

// Deterministic: the watcher hands the Listener a probe, then a work order.
void TestCanary::listenerSkipsAProbeItIsHanded()
{
    auto *watcher = new HandingWatcher;
    QStringList handled;
    ListenReply reply;
    Listener listener(
        watcher,
        [&handled](const IncomingMessage &m, std::function<void(const HandlerResult &)> done) {
            handled.append(m.subject);
            done(HandlerResult::noReply());
        },
        {}, &reply, [](const QStringList &, const QString &, const SendOptions &) { return new SendReply; });
    QSignalSpy received(&listener, &Listener::messageReceived);
    listener.start();

    Q_EMIT watcher->messageArrived(incoming("From: canary@machina.test\r\nTo: canary@machina.test\r\n"
                                            "Subject: Machina canary 7a91fa06\r\nx-machina-canary: 7a91fa06296543b6\r\n"
                                            "\r\nprobe\r\n"));
    Q_EMIT watcher->messageArrived(incoming("From: supervisor@machina.test\r\nTo: canary@machina.test\r\n"
                                            "Subject: WO-2026-0001 pump\r\n\r\nFix it.\r\n"));
    QCOMPARE(handled, QStringList{QStringLiteral("WO-2026-0001 pump")});
    QCOMPARE(received.count(), 1);
    QCOMPARE(watcher->handled, QStringList{QStringLiteral("WO-2026-0001 pump")});
    QVERIFY(watcher->released.isEmpty());   // the probe is neither marked nor offered again
    QCOMPARE(listener.pendingReplies(), 0);
}

// The console's schedule: setCanaryInterval() runs the probe on a timer and the outcome joins the health.
void TestCanary::scheduledCanaryReachesHealth()
{
    EmailConnector connector(m_stack.config(m_user));
    QSignalSpy health(&connector, &EmailConnector::healthChanged);
    connector.setCanaryInterval(1);
    QVERIFY(QTest::qWaitFor([&connector] {
        return connector.healthCheck().details.contains(QStringLiteral("canary_at"));
    }, 2 * kArrivalMs));
    connector.setCanaryInterval(0);
    const QVariantMap details = connector.healthCheck().details;
    QVERIFY2(details.value(QStringLiteral("canary_latency_ms")).toLongLong() > 0,
             qPrintable(details.value(QStringLiteral("canary_error")).toString()));
    QVERIFY(!details.contains(QStringLiteral("canary_error")));
    QVERIFY(health.count() >= 1);
    QVERIFY(health.constLast().constFirst().value<ConnectorHealth>().details.contains(QStringLiteral("canary_latency_ms")));
    // Its probe is removed like check's (wait for the last one to settle).
    QString error;
    QVERIFY(QTest::qWaitFor([&] { return probesInInbox(&error).isEmpty(); }, kArrivalMs));
    QVERIFY(error.isEmpty());
    std::unique_ptr<ConnectorReply> closed(connector.disconnectFromServers());
    QSignalSpy closedSpy(closed.get(), &ConnectorReply::finished);
    QVERIFY(closed->isFinished() || closedSpy.wait(10000));
}

QTEST_GUILESS_MAIN(TestCanary)
#include "tst_canary.moc"
