// Listener's contract with a watcher and a send that the test controls: the
// handler runs once per message; a reply that cannot be sent now is kept and
// sent again at the next round, the message marked read only after it was
// accepted; a reply that can never be sent leaves the message unseen and
// counts as failed.

#include "inboxwatcher.h"
#include "listener.h"
#include "sendoptions.h"
#include "sendreply.h"

#include <QSignalSpy>
#include <QTest>

using namespace machina;
using Kind = ConnectorError::Kind;

namespace {

/** An inbox the test fills by hand; it records what the listener asks of it. */
class FakeWatcher : public InboxWatcher
{
    Q_OBJECT
public:
    void start() override { m_running = true; }
    ConnectorReply *stop() override
    {
        m_running = false;
        auto *r = new ConnectorReply;
        r->finish();
        return r;
    }
    bool isRunning() const override { return m_running; }
    void checkNow() override {}
    void markHandled(const IncomingMessage &m) override { marked.append(m.subject); }
    void release(const IncomingMessage &m) override { released.append(m.subject); }
    int pendingSeenCount() const override { return 0; }
    QDateTime lastSuccessfulPoll() const override { return {}; }
    ConnectorError lastError() const override { return {}; }
    int failedAttempts() const override { return 0; }

    void deliver(const QString &subject, const QString &backendId = QStringLiteral("imap:7:1"))
    {
        IncomingMessage m;
        m.subject = subject;
        m.backendId = backendId;
        m.from.address = QStringLiteral("alarm@plant.test");
        Q_EMIT messageArrived(m);
    }
    void endRound() { Q_EMIT roundFinished(0); }

    QStringList marked;
    QStringList released;

private:
    bool m_running = false;
};

/** What the next sends answer, in order; records what was sent. */
struct FakeSend
{
    struct Outcome
    {
        ConnectorError error;
        QString serverReply;
    };
    QList<Outcome> outcomes;
    QStringList sentSubjects;

    Listener::SendFunction function()
    {
        return [this](const QStringList &, const QString &, const SendOptions &options) {
            sentSubjects.append(options.subject);
            auto *reply = new SendReply;
            const Outcome o = outcomes.isEmpty() ? Outcome{} : outcomes.takeFirst();
            reply->setServerReply(o.serverReply);
            reply->finish(o.error);
            return reply;
        };
    }
};

const ConnectorError kDown(Kind::Network, QStringLiteral("127.0.0.1:465 refused the connection."));
const ConnectorError kRefused(Kind::Rejected, QStringLiteral("refused the message: 550 5.7.1 no"));

} // namespace

class TestListener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptedReplyMarksRead();
    void replyKeptWhileSmtpIsDownAndSentOnce();
    void finalRefusalLeavesUnseenAndCounts();
    void temporaryRefusalIsKept();
    void repliesKeyedByThemselvesNotByMessageId();
    void onceModeDoesNotKeep();
};

namespace {

struct Rig
{
    explicit Rig(bool once = false)
    {
        options.once = once;
        watcher = new FakeWatcher;
        listener = std::make_unique<Listener>(
            watcher,
            [this](const IncomingMessage &m, std::function<void(const HandlerResult &)> done) {
                handled.append(m.subject);
                done(HandlerResult::reply(QStringLiteral("ACK")));
            },
            options, &reply, send.function());
        listener->start();
    }
    ListenOptions options;
    FakeWatcher *watcher = nullptr;   // owned by the listener
    FakeSend send;
    ListenReply reply;
    QStringList handled;
    std::unique_ptr<Listener> listener;
};

} // namespace

void TestListener::acceptedReplyMarksRead()
{
    Rig rig;
    rig.watcher->deliver(QStringLiteral("A"));
    QTRY_COMPARE(rig.watcher->marked, QStringList{QStringLiteral("A")});
    QCOMPARE(rig.handled, QStringList{QStringLiteral("A")});
    QCOMPARE(rig.send.sentSubjects, QStringList{QStringLiteral("Re: A")});
    QVERIFY(rig.watcher->released.isEmpty());
    QCOMPARE(rig.reply.handled(), 1);
}

void TestListener::replyKeptWhileSmtpIsDownAndSentOnce()
{
    Rig rig;
    rig.send.outcomes = {{kDown, {}}, {kDown, {}}, {{}, QStringLiteral("250 2.0.0 Ok: queued as 1")}};
    QSignalSpy status(rig.listener.get(), &Listener::statusChanged);
    rig.watcher->deliver(QStringLiteral("A"));
    QTRY_COMPARE(rig.send.sentSubjects.size(), 1);
    QTRY_VERIFY(!status.isEmpty());
    QVERIFY2(status.last().first().toString().contains(QStringLiteral("sent again at the next round")),
             qPrintable(status.last().first().toString()));
    QCOMPARE(rig.listener->pendingReplies(), 1);
    QTest::qWait(50);
    QVERIFY(rig.watcher->marked.isEmpty());     // unseen until the reply is accepted
    QVERIFY(rig.watcher->released.isEmpty());   // and not offered to the handler again

    rig.watcher->endRound();                    // still down
    QTRY_COMPARE(rig.send.sentSubjects.size(), 2);
    QTest::qWait(50);
    QVERIFY(rig.watcher->marked.isEmpty());
    rig.watcher->endRound();                    // back
    QTRY_COMPARE(rig.watcher->marked, QStringList{QStringLiteral("A")});
    rig.watcher->endRound();                    // nothing left to send
    QTest::qWait(50);
    QCOMPARE(rig.send.sentSubjects.size(), 3);
    QCOMPARE(rig.handled, QStringList{QStringLiteral("A")});   // the handler ran once
    QCOMPARE(rig.listener->pendingReplies(), 0);
    QCOMPARE(rig.reply.handled(), 1);
    QCOMPARE(rig.reply.failed(), 0);
}

void TestListener::finalRefusalLeavesUnseenAndCounts()
{
    Rig rig;
    rig.send.outcomes = {{kRefused, QStringLiteral("550 5.7.1 no")}};
    rig.watcher->deliver(QStringLiteral("A"));
    QTRY_COMPARE(rig.watcher->released, QStringList{QStringLiteral("A")});
    rig.watcher->endRound();
    QTest::qWait(50);
    QCOMPARE(rig.send.sentSubjects.size(), 1);   // not sent again: it never would be accepted
    QVERIFY(rig.watcher->marked.isEmpty());
    QCOMPARE(rig.reply.failed(), 1);
    QCOMPARE(rig.listener->pendingReplies(), 0);
}

void TestListener::temporaryRefusalIsKept()
{
    Rig rig;
    rig.send.outcomes = {{{Kind::Rejected, QStringLiteral("try again later")}, QStringLiteral("451 4.3.0 busy")}, {}};
    rig.watcher->deliver(QStringLiteral("A"));
    QTRY_COMPARE(rig.send.sentSubjects.size(), 1);
    QTest::qWait(50);
    QVERIFY(rig.watcher->released.isEmpty());
    rig.watcher->endRound();
    QTRY_COMPARE(rig.watcher->marked, QStringList{QStringLiteral("A")});
}

void TestListener::repliesKeyedByThemselvesNotByMessageId()
{
    // Two messages with the same id (a server without UIDVALIDITY, or ids a backend repeats):
    // each reply's outcome must settle its own message.
    Rig rig;
    rig.send.outcomes = {{kDown, {}}, {kDown, {}}, {kDown, {}}, {{}, QStringLiteral("250 ok")}};
    rig.watcher->deliver(QStringLiteral("A"), QString());
    rig.watcher->deliver(QStringLiteral("B"), QString());
    QTRY_COMPARE(rig.listener->pendingReplies(), 2);
    QTRY_COMPARE(rig.send.sentSubjects.size(), 2);
    QTest::qWait(50);          // both first attempts have failed (a reply still in flight is not sent twice)
    rig.watcher->endRound();   // A fails again, B is accepted
    QTRY_COMPARE(rig.watcher->marked, QStringList{QStringLiteral("B")});
    QCOMPARE(rig.listener->pendingReplies(), 1);
    QVERIFY(rig.watcher->released.isEmpty());
}

void TestListener::onceModeDoesNotKeep()
{
    Rig rig(true);
    rig.send.outcomes = {{kDown, {}}};
    rig.watcher->deliver(QStringLiteral("A"));
    QTRY_COMPARE(rig.watcher->released, QStringList{QStringLiteral("A")});
    QCOMPARE(rig.reply.failed(), 1);
    QCOMPARE(rig.listener->pendingReplies(), 0);
}

QTEST_GUILESS_MAIN(TestListener)
#include "tst_listener.moc"
