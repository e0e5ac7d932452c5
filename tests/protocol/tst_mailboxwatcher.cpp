// MailboxWatcher against the scripted server: rounds of UID SEARCH UNSEEN /
// UID FETCH BODY.PEEK[] / UID STORE \Seen as RFC 3501 transcripts over TLS,
// with polling, IDLE, reconnects and UIDVALIDITY changes.

#include "scriptedserver.h"

#include "imap/mailboxwatcher.h"
#include "transport/tls.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <memory>

using namespace machina;
using Kind = ConnectorError::Kind;

#include "sessiontestsupport.h"
#include "watchedreply.h"

using namespace sessiontest;

namespace {

constexpr int kNoPoll = 3600;   // seconds: rounds start by checkNow() or IDLE only
const QByteArray kFetchFull = "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])";
const QByteArray kCapsNoIdle = "IMAP4rev1 SASL-IR ID ENABLE SORT UIDPLUS LITERAL+ MOVE";
const QByteArray kCapsIdle = "IMAP4rev1 SASL-IR ID ENABLE IDLE SORT UIDPLUS LITERAL+ MOVE";

/// A message whose subject says which UID (and which mailbox generation) it is.
QByteArray message(quint32 uid, quint32 validity)
{
    const QByteArray n = QByteArray::number(uid);
    const QByteArray v = QByteArray::number(validity);
    return "From: Ann <ann@example.test>\r\n"
           "To: bot@machina.test\r\n"
           "Subject: message " + n + " of " + v + "\r\n"
           "Date: Wed, 17 Jul 2024 02:44:25 +0200\r\n"
           "Message-ID: <m" + n + "." + v + "@example.test>\r\n"
           "\r\n"
           "Body of " + n + ".\r\n";
}

QByteArray fetchResponse(int seq, quint32 uid, quint32 validity)
{
    const QByteArray raw = message(uid, validity);
    const QByteArray size = QByteArray::number(raw.size());
    return "raw: " + escaped("* " + QByteArray::number(seq) + " FETCH (UID " + QByteArray::number(uid)
                             + " FLAGS () INTERNALDATE \"17-Jul-2024 02:44:25 +0200\" RFC822.SIZE " + size
                             + " BODY[] {" + size + "}\r\n" + raw + ")\r\n")
           + '\n';
}

/// Greeting, AUTHENTICATE PLAIN (a1), SELECT (a2): the next command is a3.
QByteArray login(quint32 uidValidity, quint32 exists = 1, const QByteArray &caps = kCapsNoIdle)
{
    return "S: * OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ AUTH=PLAIN] Dovecot ready.\n"
           "C: a1 AUTHENTICATE PLAIN " + plainResponse() + "\n"
           "S: a1 OK [CAPABILITY " + caps + "] Logged in\n"
           "C: a2 SELECT \"INBOX\"\n"
           "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\n"
           "S: * " + QByteArray::number(exists) + " EXISTS\n"
           "S: * 0 RECENT\n"
           "S: * OK [UIDVALIDITY " + QByteArray::number(uidValidity) + "] UIDs valid\n"
           "S: * OK [UIDNEXT 20] Predicted next UID\n"
           "S: a2 OK [READ-WRITE] Select completed.\n";
}

QByteArray search(int tag, const QByteArray &uids)
{
    const QByteArray t = 'a' + QByteArray::number(tag);
    return "C: " + t + " UID SEARCH UNSEEN\n"
           "S: * SEARCH" + (uids.isEmpty() ? QByteArray() : ' ' + uids) + "\n"
           "S: " + t + " OK Search completed.\n";
}

QByteArray logout(int tag)
{
    const QByteArray t = 'a' + QByteArray::number(tag);
    return "C: " + t + " LOGOUT\n"
           "S: * BYE Logging out\n"
           "S: " + t + " OK Logout completed.\n"
           "close\n";
}

/// What the watcher said, in order.
struct Record
{
    explicit Record(MailboxWatcher *watcher)
        : rounds(watcher, &MailboxWatcher::roundFinished)
        , errors(watcher, &MailboxWatcher::errorOccurred)
        , recovered(watcher, &MailboxWatcher::recovered)
        , seenStored(watcher, &MailboxWatcher::seenStored)
    {
        QObject::connect(watcher, &MailboxWatcher::messageArrived, watcher,
                         [this](const IncomingMessage &m) { messages.append(m); });
    }
    QList<int> roundResults() const
    {
        QList<int> out;
        for (const QList<QVariant> &args : rounds)
            out.append(args.first().toInt());
        return out;
    }

    QList<IncomingMessage> messages;
    QSignalSpy rounds;
    QSignalSpy errors;
    QSignalSpy recovered;
    QSignalSpy seenStored;
};

} // namespace

#define WAIT_ROUNDS(record, n, server)                                                             \
    QTRY_VERIFY2_WITH_TIMEOUT((record).rounds.count() >= (n), (server).report().constData(), kWaitMs); \
    QCOMPARE((record).rounds.count(), (n))

class TestMailboxWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void pollRoundsHandOutOnce();
    void pollTimerStartsNextRound();
    void reconnectsWithBackoff();
    void idleExistsStartsRound();
    void idleSessionLostReconnects();
    void uidValidityChangeVoidsOldUids();
    void handledWhileDisconnectedIsStoredAfterReconnect();

private:
    ImapSettings settings(const ScriptedServer &server) const;

    QSslConfiguration m_tls;
};

ImapSettings TestMailboxWatcher::settings(const ScriptedServer &server) const
{
    ImapSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.username = kUser;
    s.password = kPassword;
    s.tls = m_tls;
    s.timeoutMs = 5000;
    return s;
}

void TestMailboxWatcher::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    const ScriptedServer::Certificates &certs = ScriptedServer::certificates();
    QVERIFY2(certs.error.isEmpty(), qPrintable(certs.error));
    const ConnectorError error = Tls::makeClientConfiguration(certs.caFile, &m_tls);
    QVERIFY2(!error, qPrintable(error.message()));
}

void TestMailboxWatcher::pollRoundsHandOutOnce()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login(7)
                         // round 1: message 10 is new
                         + search(3, "10")
                         + "C: a4 UID FETCH 10 " + kFetchFull + "\n"
                         + fetchResponse(1, 10, 7)
                         + "S: a4 OK Fetch completed.\n"
                         // round 2: still unseen, but its handler runs: not fetched again
                         + search(5, "10")
                         // round 3: released, so offered again
                         + search(6, "10")
                         + "C: a7 UID FETCH 10 " + kFetchFull + "\n"
                         + fetchResponse(1, 10, 7)
                         + "S: a7 OK Fetch completed.\n"
                         // handled: \Seen stored
                         + "C: a8 UID STORE 10 +FLAGS.SILENT (\\Seen)\n"
                           "S: a8 OK Store completed.\n"
                         // round 4: nothing unseen
                         + search(9, {})
                         + logout(10));
    QVERIFY(server.start());

    MailboxWatcher watcher(settings(server), kNoPoll);
    Record record(&watcher);
    watcher.start();
    WAIT_ROUNDS(record, 1, server);
    QVERIFY(!watcher.usesIdle());
    QCOMPARE(record.messages.size(), 1);
    const IncomingMessage first = record.messages.first();
    QCOMPARE(first.uid, 10u);
    QCOMPARE(first.uidValidity, 7u);
    QCOMPARE(first.backendId, QStringLiteral("imap:7:10"));
    QCOMPARE(first.subject, QStringLiteral("message 10 of 7"));
    QCOMPARE(first.chatId, QStringLiteral("ann@example.test"));
    QCOMPARE(first.userName, QStringLiteral("Ann"));
    QCOMPARE(first.text.trimmed(), QStringLiteral("Body of 10."));
    QCOMPARE(first.raw, message(10, 7));
    QCOMPARE(watcher.inFlightCount(), 1);
    QVERIFY(watcher.lastSuccessfulPoll().isValid());

    watcher.checkNow();
    WAIT_ROUNDS(record, 2, server);
    QCOMPARE(record.messages.size(), 1);   // in flight: not handed out twice

    watcher.release(7, 10);
    QCOMPARE(watcher.inFlightCount(), 0);
    watcher.checkNow();
    WAIT_ROUNDS(record, 3, server);
    QCOMPARE(record.messages.size(), 2);
    QCOMPARE(record.messages.at(1).uid, 10u);
    QCOMPARE(record.messages.at(1).raw, message(10, 7));

    watcher.markHandled(7, 10);
    QVERIFY(record.seenStored.count() > 0 || record.seenStored.wait(kWaitMs));
    QCOMPARE(watcher.pendingSeenCount(), 0);
    QCOMPARE(watcher.inFlightCount(), 0);

    watcher.checkNow();
    WAIT_ROUNDS(record, 4, server);
    QCOMPARE(record.roundResults(), (QList<int>{1, 0, 1, 0}));
    QCOMPARE(record.messages.size(), 2);
    QCOMPARE(record.errors.count(), 0);

    Watched stop(watcher.stop());
    VERIFY_OK(stop);
    QVERIFY(!watcher.isRunning());
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 1);
}

void TestMailboxWatcher::pollTimerStartsNextRound()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login(7) + search(3, {}) + search(4, "11")
                         + "C: a5 UID FETCH 11 " + kFetchFull + "\n"
                         + fetchResponse(2, 11, 7)
                         + "S: a5 OK Fetch completed.\n"
                         + logout(6));
    QVERIFY(server.start());

    MailboxWatcher watcher(settings(server), /*pollIntervalSeconds=*/1);
    Record record(&watcher);
    watcher.start();
    WAIT_ROUNDS(record, 1, server);
    QElapsedTimer elapsed;
    elapsed.start();
    WAIT_ROUNDS(record, 2, server);   // no checkNow(): the poll timer started it
    QVERIFY2(elapsed.elapsed() >= 900, QByteArray::number(elapsed.elapsed()).constData());
    QCOMPARE(record.roundResults(), (QList<int>{0, 1}));
    QCOMPARE(record.messages.size(), 1);
    QCOMPARE(record.messages.first().uid, 11u);

    Watched stop(watcher.stop());
    VERIFY_OK(stop);
    VERIFY_SERVER_COMPLETE(server);
}

void TestMailboxWatcher::reconnectsWithBackoff()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    // The server drops the session in the middle of round 2, then refuses one connection.
    server.addConnection(login(7) + search(3, {}) + "C: a4 UID SEARCH UNSEEN\nclose\n");
    server.addConnection("S: * BYE Too many connections from your IP.\n");
    server.addConnection(login(7) + search(3, "10")
                         + "C: a4 UID FETCH 10 " + kFetchFull + "\n"
                         + fetchResponse(1, 10, 7)
                         + "S: a4 OK Fetch completed.\n"
                         + logout(5));
    QVERIFY(server.start());

    MailboxWatcher watcher(settings(server), kNoPoll);
    watcher.setReconnectDelays(10, 50);
    Record record(&watcher);
    watcher.start();
    WAIT_ROUNDS(record, 1, server);

    watcher.checkNow();
    QTRY_VERIFY2_WITH_TIMEOUT(record.recovered.count() == 1, server.report().constData(), kWaitMs);
    QCOMPARE(record.errors.count(), 2);
    const ConnectorError dropped = record.errors.at(0).at(0).value<ConnectorError>();
    QCOMPARE(dropped.kind(), Kind::Network);
    QCOMPARE(dropped.message(), QStringLiteral("The connection to 127.0.0.1:%1 was closed by the server.").arg(server.port()));
    const int firstDelay = record.errors.at(0).at(1).toInt();
    QVERIFY2(firstDelay >= 5 && firstDelay <= 15, QByteArray::number(firstDelay).constData());   // 10 ms +-50%
    const ConnectorError refused = record.errors.at(1).at(0).value<ConnectorError>();
    QCOMPARE(refused.kind(), Kind::Network);
    QCOMPARE(refused.message(),
             QStringLiteral("127.0.0.1:%1 refused the session: Too many connections from your IP.").arg(server.port()));
    const int secondDelay = record.errors.at(1).at(1).toInt();
    QVERIFY2(secondDelay >= 10 && secondDelay <= 30, QByteArray::number(secondDelay).constData());   // doubled

    QCOMPARE(record.roundResults(), (QList<int>{0, 1}));
    QCOMPARE(record.messages.size(), 1);
    QCOMPARE(record.messages.first().uid, 10u);
    QCOMPARE(watcher.failedAttempts(), 0);
    QVERIFY(!watcher.lastError());

    Watched stop(watcher.stop());
    VERIFY_OK(stop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 3);
}

void TestMailboxWatcher::idleExistsStartsRound()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login(7, 2, kCapsIdle) + search(3, {})
                         + "C: a4 IDLE\n"
                           "S: + idling\n"
                           "sleep 30\n"
                           "S: * 3 EXISTS\n"
                           "S: * 1 RECENT\n"
                           "C: DONE\n"
                           "S: a4 OK Idle completed.\n"
                         + search(5, "12")
                         + "C: a6 UID FETCH 12 " + kFetchFull + "\n"
                         + fetchResponse(3, 12, 7)
                         + "S: a6 OK Fetch completed.\n"
                           "C: a7 IDLE\n"
                           "S: + idling\n"
                           "C: DONE\n"   // stop()
                           "S: a7 OK Idle completed.\n"
                         + logout(8));
    QVERIFY(server.start());

    MailboxWatcher watcher(settings(server), kNoPoll);
    Record record(&watcher);
    watcher.start();
    WAIT_ROUNDS(record, 2, server);
    QVERIFY(watcher.usesIdle());
    QCOMPARE(record.roundResults(), (QList<int>{0, 1}));
    QCOMPARE(record.messages.size(), 1);
    QCOMPARE(record.messages.first().uid, 12u);
    QCOMPARE(record.messages.first().subject, QStringLiteral("message 12 of 7"));
    QTRY_VERIFY2_WITH_TIMEOUT(watcher.isIdling(), server.report().constData(), kWaitMs);

    Watched stop(watcher.stop());
    VERIFY_OK(stop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(record.errors.count(), 0);
    QCOMPARE(record.rounds.count(), 2);
}

void TestMailboxWatcher::idleSessionLostReconnects()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login(7, 1, kCapsIdle) + search(3, {})
                         + "C: a4 IDLE\n"
                           "S: + idling\n"
                           "sleep 20\n"
                           "S: * BYE Server shutting down.\n"
                           "close\n");
    server.addConnection(login(7, 1, kCapsIdle) + search(3, "10")
                         + "C: a4 UID FETCH 10 " + kFetchFull + "\n"
                         + fetchResponse(1, 10, 7)
                         + "S: a4 OK Fetch completed.\n"
                           "C: a5 IDLE\n"
                           "S: + idling\n"
                           "C: DONE\n"
                           "S: a5 OK Idle completed.\n"
                         + logout(6));
    QVERIFY(server.start());

    MailboxWatcher watcher(settings(server), kNoPoll);
    watcher.setReconnectDelays(10, 50);
    Record record(&watcher);
    watcher.start();
    QTRY_VERIFY2_WITH_TIMEOUT(record.recovered.count() == 1, server.report().constData(), kWaitMs);
    QCOMPARE(record.errors.count(), 1);
    const ConnectorError lost = record.errors.first().first().value<ConnectorError>();
    QCOMPARE(lost.kind(), Kind::Network);
    QCOMPARE(lost.message(), QStringLiteral("127.0.0.1:%1 closed the session: Server shutting down.").arg(server.port()));
    QCOMPARE(record.roundResults(), (QList<int>{0, 1}));
    QCOMPARE(record.messages.size(), 1);
    QCOMPARE(record.messages.first().uid, 10u);
    QTRY_VERIFY2_WITH_TIMEOUT(watcher.isIdling(), server.report().constData(), kWaitMs);

    Watched stop(watcher.stop());
    VERIFY_OK(stop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 2);
}

void TestMailboxWatcher::uidValidityChangeVoidsOldUids()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login(1) + search(3, "10")
                         + "C: a4 UID FETCH 10 " + kFetchFull + "\n"
                         + fetchResponse(1, 10, 1)
                         + "S: a4 OK Fetch completed.\n"
                           "close\n");
    // The mailbox was recreated: UIDs 10 and 11 are other messages now. Any
    // UID STORE here would mark the wrong message (RFC 3501 2.3.1.1).
    server.addConnection(login(2, 2) + search(3, "10 11")
                         + "C: a4 UID FETCH 10:11 " + kFetchFull + "\n"
                         + fetchResponse(1, 10, 2)
                         + fetchResponse(2, 11, 2)
                         + "S: a4 OK Fetch completed.\n"
                         + search(5, "10 11")
                         + logout(6));
    QVERIFY(server.start());

    MailboxWatcher watcher(settings(server), kNoPoll);
    Record record(&watcher);
    QSignalSpy validity(watcher.client(), &ImapClient::uidValidityChanged);
    watcher.start();
    WAIT_ROUNDS(record, 1, server);
    QCOMPARE(record.messages.size(), 1);
    QCOMPARE(record.messages.first().uidValidity, 1u);
    QTRY_COMPARE_WITH_TIMEOUT(watcher.client()->state(), ImapClient::State::Disconnected, kWaitMs);

    // The handler of the old message 10 finishes while the session is down...
    watcher.markHandled(1, 10);
    watcher.checkNow();
    WAIT_ROUNDS(record, 2, server);
    QCOMPARE(validity.count(), 1);
    QCOMPARE(validity.first().at(0).value<quint32>(), 1u);
    QCOMPARE(validity.first().at(1).value<quint32>(), 2u);
    QCOMPARE(record.messages.size(), 3);
    QCOMPARE(record.messages.at(1).uid, 10u);
    QCOMPARE(record.messages.at(1).uidValidity, 2u);
    QCOMPARE(record.messages.at(1).backendId, QStringLiteral("imap:2:10"));
    QCOMPARE(record.messages.at(1).subject, QStringLiteral("message 10 of 2"));
    QCOMPARE(record.messages.at(2).uid, 11u);
    QCOMPARE(record.messages.at(2).uidValidity, 2u);

    // ... or after the new session started: the old UID is void either way.
    watcher.markHandled(1, 10);
    QCOMPARE(watcher.pendingSeenCount(), 0);
    QCOMPARE(watcher.inFlightCount(), 2);
    watcher.checkNow();
    WAIT_ROUNDS(record, 3, server);
    QCOMPARE(record.roundResults(), (QList<int>{1, 2, 0}));
    QCOMPARE(record.seenStored.count(), 0);

    Watched stop(watcher.stop());
    VERIFY_OK(stop);
    VERIFY_SERVER_COMPLETE(server);
    for (int c = 1; c <= 2; ++c) {
        for (const QByteArray &command : server.commands(c))
            QVERIFY2(!command.contains("STORE"), command.constData());
    }
}

void TestMailboxWatcher::handledWhileDisconnectedIsStoredAfterReconnect()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login(7) + search(3, "10")
                         + "C: a4 UID FETCH 10 " + kFetchFull + "\n"
                         + fetchResponse(1, 10, 7)
                         + "S: a4 OK Fetch completed.\n"
                           "close\n");
    // Same UIDVALIDITY: the \Seen is stored, once the session is open again.
    server.addConnection(login(7) + search(3, "10")
                         + "C: a4 UID STORE 10 +FLAGS.SILENT (\\Seen)\n"
                           "S: a4 OK Store completed.\n"
                         + logout(5));
    QVERIFY(server.start());

    MailboxWatcher watcher(settings(server), kNoPoll);
    Record record(&watcher);
    watcher.start();
    WAIT_ROUNDS(record, 1, server);
    QTRY_COMPARE_WITH_TIMEOUT(watcher.client()->state(), ImapClient::State::Disconnected, kWaitMs);

    watcher.markHandled(7, 10);
    QCOMPARE(watcher.pendingSeenCount(), 1);
    watcher.checkNow();
    QVERIFY(record.seenStored.count() > 0 || record.seenStored.wait(kWaitMs));
    WAIT_ROUNDS(record, 2, server);
    QCOMPARE(record.roundResults(), (QList<int>{1, 0}));
    QCOMPARE(record.messages.size(), 1);
    QCOMPARE(watcher.pendingSeenCount(), 0);
    QCOMPARE(watcher.inFlightCount(), 0);

    Watched stop(watcher.stop());
    VERIFY_OK(stop);
    VERIFY_SERVER_COMPLETE(server);
}

QTEST_GUILESS_MAIN(TestMailboxWatcher)
#include "tst_mailboxwatcher.moc"
