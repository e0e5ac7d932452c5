// OutboxSender against a scripted SMTP server, for the answers a real Postfix
// will not give on demand: a 4xx for one recipient (the entry waits, with
// backoff and jitter), a 5xx for another (failed for good, the server's words
// kept), an accepted one (sent, its final reply kept), all in one pass; and a
// server that cannot be reached (the pass stops, the rest keep their turn).

#include "scriptedserver.h"
#include "sessiontestsupport.h"

#include "emailconnector.h"
#include "outboxflushreply.h"
#include "outboxsender.h"
#include "store/outbox.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace machina;
using namespace sessiontest;
using State = OutboxEntry::State;

namespace {

ConnectorConfig configFor(quint16 port)
{
    ConnectorConfig config;
    config.smtpHost = QStringLiteral("127.0.0.1");
    config.smtpPort = port;
    config.username = kUser;
    config.password = kPassword;
    config.fromAddress = QStringLiteral("ann@machina.test");
    config.caFile = ScriptedServer::certificates().caFile;
    config.timeout = 10;
    return config;   // no imap_host: no Sent copies here
}

/// Greeting, EHLO without PIPELINING, AUTH PLAIN.
QByteArray login()
{
    return "S: 220 mx.test ESMTP scripted\n"
           "C: EHLO [127.0.0.1]\n"
           "S: 250-mx.test\n"
           "S: 250-SIZE 10240000\n"
           "S: 250 AUTH PLAIN\n"
           "C: AUTH PLAIN " + plainResponse() + "\n"
           "S: 235 2.7.0 Authentication successful\n";
}

QByteArray refusedRecipient(const QByteArray &address, const QByteArray &reply)
{
    return "C: MAIL FROM:<ann@machina.test> SIZE=*\n"
           "S: 250 2.1.0 Ok\n"
           "C: RCPT TO:<" + address + ">\n"
           "S: " + reply + "\n"
           "C: RSET\n"
           "S: 250 2.0.0 Ok\n";
}

qint64 queue(EmailConnector &connector, const QString &to, const QString &subject)
{
    SendOptions options;
    options.subject = subject;
    const MessageBuilder::Result built = connector.buildMessage({to}, QStringLiteral("Check the pump."), options);
    qint64 id = 0;
    if (!built.message || connector.queueMessage(*built.message, &id))
        return 0;
    return id;
}

bool finishes(ConnectorReply *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ConnectorReply::finished);
    return spy.wait(kWaitMs);
}

} // namespace

class TestOutboxSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onePassSortsDeferredFailedAndSent();
    void unreachableServerEndsThePass();
    void backoffDoublesUpToItsCap();
};

void TestOutboxSender::onePassSortsDeferredFailedAndSent()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login()
                         + refusedRecipient("busy@example.test", "451 4.3.0 <busy@example.test>: Temporary lookup failure")
                         + refusedRecipient("nobody@example.test", "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown")
                         + "C: MAIL FROM:<ann@machina.test> SIZE=*\n"
                           "S: 250 2.1.0 Ok\n"
                           "C: RCPT TO:<bob@example.test>\n"
                           "S: 250 2.1.5 Ok\n"
                           "C: DATA\n"
                           "S: 354 End data with <CR><LF>.<CR><LF>\n"
                           "wait-data\n"
                           "S: 250 2.0.0 Ok: queued as 3C7D\n"
                           "C?: QUIT\n"
                           "S: 221 2.0.0 Bye\n");
    QVERIFY(server.start());
    QTemporaryDir dir;
    EmailConnector connector(configFor(server.port()));
    QVERIFY(!connector.openStore(dir.filePath(QStringLiteral("store.sqlite"))));
    const qint64 busy = queue(connector, QStringLiteral("busy@example.test"), QStringLiteral("one"));
    const qint64 nobody = queue(connector, QStringLiteral("nobody@example.test"), QStringLiteral("two"));
    const qint64 bob = queue(connector, QStringLiteral("bob@example.test"), QStringLiteral("three"));
    QVERIFY(busy && nobody && bob);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    std::unique_ptr<OutboxFlushReply> flush(connector.flushOutbox());
    QVERIFY(finishes(flush.get()));
    QVERIFY2(!flush->error(), qPrintable(flush->error().message()));
    QCOMPARE(flush->sent(), 1);
    QCOMPARE(flush->failed(), 1);
    QCOMPARE(flush->stillQueued(), 1);
    QVERIFY(!flush->unreachable());

    Outbox *outbox = connector.outbox();
    const OutboxEntry waiting = *outbox->entry(busy);
    QCOMPARE(waiting.state, State::Queued);
    QCOMPARE(waiting.attempts, 1);
    QVERIFY2(waiting.lastError.contains(QLatin1String("451")) || waiting.serverReply.startsWith(u'4'),
             qPrintable(waiting.lastError + QLatin1Char('|') + waiting.serverReply));
    // The first backoff: 2 s +-25%.
    const qint64 wait = before.msecsTo(waiting.nextAttempt);
    QVERIFY2(wait >= 1400 && wait <= 2600 + 1000, qPrintable(QString::number(wait)));
    const OutboxEntry refused = *outbox->entry(nobody);
    QCOMPARE(refused.state, State::Failed);
    QVERIFY2(refused.lastError.contains(QLatin1String("User unknown")), qPrintable(refused.lastError));
    const OutboxEntry sent = *outbox->entry(bob);
    QCOMPARE(sent.state, State::Sent);
    QCOMPARE(sent.serverReply, QStringLiteral("250 2.0.0 Ok: queued as 3C7D"));
    QCOMPARE(server.dataPayloads().size(), 1);
    QVERIFY(server.dataPayloads().first().contains("Subject: three"));
    std::unique_ptr<ConnectorReply> closed(connector.disconnectFromServers());
    QVERIFY(finishes(closed.get()));
    QTRY_VERIFY2_WITH_TIMEOUT(server.isComplete(), server.report().constData(), kWaitMs);
}

void TestOutboxSender::unreachableServerEndsThePass()
{
    quint16 closed = 0;
    {
        QTcpServer probe;   // free a moment ago, closed now
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closed = probe.serverPort();
    }
    QTemporaryDir dir;
    EmailConnector connector(configFor(closed));
    QVERIFY(!connector.openStore(dir.filePath(QStringLiteral("store.sqlite"))));
    const qint64 first = queue(connector, QStringLiteral("bob@example.test"), QStringLiteral("one"));
    const qint64 second = queue(connector, QStringLiteral("bob@example.test"), QStringLiteral("two"));
    std::unique_ptr<OutboxFlushReply> flush(connector.flushOutbox());
    QVERIFY(finishes(flush.get()));
    QVERIFY(flush->unreachable());
    QCOMPARE(flush->sent(), 0);
    QCOMPARE(flush->stillQueued(), 2);
    QVERIFY2(flush->lastError().contains(QString::number(closed)), qPrintable(flush->lastError()));
    // The first was tried and waits; the second kept its turn, untried.
    QCOMPARE(connector.outbox()->entry(first)->attempts, 1);
    QCOMPARE(connector.outbox()->entry(first)->state, State::Queued);
    QCOMPARE(connector.outbox()->entry(second)->attempts, 0);
}

void TestOutboxSender::backoffDoublesUpToItsCap()
{
    QTemporaryDir dir;
    EmailConnector connector(configFor(1));
    QVERIFY(!connector.openStore(dir.filePath(QStringLiteral("store.sqlite"))));
    OutboxSender *sender = connector.outboxSender();
    QCOMPARE(sender->backoffFor(1), 2000);
    QCOMPARE(sender->backoffFor(2), 4000);
    QCOMPARE(sender->backoffFor(3), 8000);
    QCOMPARE(sender->backoffFor(7), 120000);
    QCOMPARE(sender->backoffFor(40), 120000);
    sender->setBackoff(100, 1000);
    QCOMPARE(sender->backoffFor(4), 800);
    QCOMPARE(sender->backoffFor(5), 1000);
}

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "tst_outboxsender.moc"
