// Real sessions replayed: transcripts/ holds the stderr of machina-mail
// --verbose against the real Postfix and Dovecot of tests/harness/mailstack.sh,
// as recorded. Each test turns one into a scripted-server script
// (ScriptedServer::scriptFromTranscript) and runs the same operation through
// EmailConnector against it: the client must say, line by line, what it said
// to the real server, and understand what the real server answered.
//
// To record one again (the stack's ports and CA are in DIR/env):
//   tests/harness/mailstack.sh start DIR
//   machina-mail send --config C.yaml --verbose --to technician@machina.test
//       --subject "..." --text "..." 2> tests/protocol/transcripts/postfix-send.log
// (one command line; the inbox one is machina-mail inbox --verbose --limit 5).

#include "scriptedserver.h"

#include "emailconnector.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace machina;

namespace {

constexpr int kWaitMs = 10000;

QByteArray readTranscript(const QString &name)
{
    QFile file(QStringLiteral(MACHINA_SOURCE_DIR "/tests/protocol/transcripts/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// The account the transcripts were recorded with, on the scripted server.
ConnectorConfig configFor(const ScriptedServer &server, const QString &user)
{
    ConnectorConfig config;
    config.smtpHost = QStringLiteral("127.0.0.1");
    config.smtpPort = server.port();
    config.imapHost = QStringLiteral("127.0.0.1");
    config.imapPort = server.port();
    config.username = user + QStringLiteral("@machina.test");
    config.password = user + QStringLiteral("-pass");   // the test stack's public password
    config.caFile = ScriptedServer::certificates().caFile;
    config.timeout = 10;
    return config;
}

bool waitFinished(ConnectorReply *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ConnectorReply::finished);
    return spy.wait(kWaitMs);
}

/// Sends what the recording sent, logs out, and checks that the server heard every recorded line.
void sendAsRecorded(EmailConnector &connector, const ScriptedServer &server, const QString &subject, const QString &text)
{
    SendOptions options;
    options.subject = subject;
    std::unique_ptr<SendReply> send(connector.sendMessage(QStringLiteral("technician@machina.test"), text, options));
    QVERIFY(waitFinished(send.get()));
    QVERIFY2(!send->error(), qPrintable(send->error().message() + QLatin1Char('\n') + QString::fromUtf8(server.report())));
    QVERIFY2(send->serverReply().startsWith(QStringLiteral("250 2.0.0 Ok: queued as")), qPrintable(send->serverReply()));
    std::unique_ptr<ConnectorReply> close(connector.disconnectFromServers());
    QVERIFY(waitFinished(close.get()));
    QTRY_VERIFY2_WITH_TIMEOUT(server.isComplete(), server.report().constData(), kWaitMs);
}

} // namespace

class TestTranscriptReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scriptFromTranscriptMakesWildcards();
    void postfixSend();
    void postfixSubmissionWithStartTls();
    void dovecotInboxListing();
};

void TestTranscriptReplay::initTestCase()
{
    QVERIFY2(ScriptedServer::certificates().error.isEmpty(), qPrintable(ScriptedServer::certificates().error));
}

void TestTranscriptReplay::scriptFromTranscriptMakesWildcards()
{
    const QByteArray log = "Connecting to 127.0.0.1:1\n"
                           "machina.smtp: connecting to \"127.0.0.1:1\" with TLS\n"
                           "machina.smtp: S: 250-first\n"
                           "machina.smtp: C: AUTH PLAIN <redacted>\n"
                           "machina.imap: C: a1 LOGIN <redacted>\n"
                           "machina.smtp: C: Date: Tue, 01 Dec 2026 20:42:59 +0000\n"
                           "machina.smtp: C: Message-Id: <abc@machina.test>\n"
                           "machina.smtp: C: Subject: Message-Id: stays\n"
                           "machina.smtp: C: \n"
                           "S: 250 last\n";
    const QByteArray expected = "S: 250-first\n"
                                "C: AUTH PLAIN *\n"
                                "C: a1 LOGIN *\n"
                                "C: Date: *\n"
                                "C: Message-Id: *\n"
                                "C: Subject: Message-Id: stays\n"
                                "C: \n"
                                "S: 250 last\n";
    QCOMPARE(ScriptedServer::scriptFromTranscript(log), expected);
}

void TestTranscriptReplay::postfixSend()
{
    const QByteArray transcript = readTranscript(QStringLiteral("postfix-send.log"));
    QVERIFY2(transcript.contains("S: 250 2.0.0 Ok: queued as"), "transcripts/postfix-send.log is missing or not a send");
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(ScriptedServer::scriptFromTranscript(transcript));
    QVERIFY(server.start());

    EmailConnector connector(configFor(server, QStringLiteral("supervisor")));
    std::unique_ptr<ConnectorReply> open(connector.connectToServers());
    QVERIFY(waitFinished(open.get()));
    QVERIFY2(!open->error(), qPrintable(open->error().message()));
    sendAsRecorded(connector, server, QStringLiteral("WO-2026-42 P-201 high vibration"),
                   QStringLiteral("Please check pump P-201.\n.A line that starts with a dot."));
}

void TestTranscriptReplay::postfixSubmissionWithStartTls()
{
    const QByteArray transcript = readTranscript(QStringLiteral("postfix-submission-starttls.log"));
    QVERIFY2(transcript.contains("starttls") && transcript.contains("S: 220 2.0.0 Ready to start TLS"),
             "transcripts/postfix-submission-starttls.log is missing or has no STARTTLS");
    const QByteArray script = ScriptedServer::scriptFromTranscript(transcript);
    QVERIFY2(script.contains("C: STARTTLS\nS: 220 2.0.0 Ready to start TLS\nstarttls\nC: EHLO"), script.constData());
    ScriptedServer server(ScriptedServer::Mode::Plain);
    server.addConnection(script);
    QVERIFY(server.start());

    ConnectorConfig config = configFor(server, QStringLiteral("supervisor"));
    config.useTls = false;   // STARTTLS on the submission port
    EmailConnector connector(config);   // no connectToServers(): the send opens the session itself
    sendAsRecorded(connector, server, QStringLiteral("WO-2026-43 V-509 seal leak"), QStringLiteral("Seal leaking on V-509."));
}

void TestTranscriptReplay::dovecotInboxListing()
{
    const QByteArray transcript = readTranscript(QStringLiteral("dovecot-inbox.log"));
    QVERIFY2(transcript.contains("Dovecot"), "transcripts/dovecot-inbox.log is missing or not Dovecot's");
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(ScriptedServer::scriptFromTranscript(transcript));
    QVERIFY(server.start());

    EmailConnector connector(configFor(server, QStringLiteral("technician")));
    std::unique_ptr<InboxListReply> list(connector.listMessages(false, 5));
    QVERIFY(waitFinished(list.get()));
    QVERIFY2(!list->error(), qPrintable(list->error().message() + QLatin1Char('\n') + QString::fromUtf8(server.report())));
    QCOMPARE(list->messages().size(), 1);
    const MessageSummary row = list->messages().first();
    QCOMPARE(row.id, QStringLiteral("imap:1796168528:1"));
    QCOMPARE(row.subject, QStringLiteral("WO-2026-42 P-201 high vibration"));
    QVERIFY2(row.from.contains(QStringLiteral("supervisor@machina.test")), qPrintable(row.from));
    QCOMPARE(row.messageId, QStringLiteral("22b0a4b1807798205317e1a1f936f4b5@machina.test"));
    QVERIFY(!row.seen);
    QCOMPARE(row.size, qint64(779));
    QTRY_VERIFY2_WITH_TIMEOUT(server.isComplete(), server.report().constData(), kWaitMs);
}

QTEST_GUILESS_MAIN(TestTranscriptReplay)
#include "tst_transcriptreplay.moc"
