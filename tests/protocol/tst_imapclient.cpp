// ImapClient against the scripted server: each test is an RFC 3501 transcript
// over a real loopback socket, with real TLS (implicit or STARTTLS).

#include "scriptedserver.h"

#include "imap/imapclient.h"
#include "transport/tls.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <memory>

using namespace machina;
using Kind = ConnectorError::Kind;

#include "scriptedtokensource.h"
#include "sessiontestsupport.h"
#include "watchedreply.h"

using namespace sessiontest;

namespace {

const QByteArray kFetchFull = "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])";

QByteArray message(quint32 uid)
{
    const QByteArray n = QByteArray::number(uid);
    return "From: Ann <ann@example.test>\r\n"
           "To: bot@machina.test\r\n"
           "Subject: message " + n + "\r\n"
           "Message-ID: <m" + n + "@example.test>\r\n"
           "\r\n"
           "Body of " + n + ".\r\n";
}

/// "* seq FETCH (UID uid FLAGS (...) INTERNALDATE ... RFC822.SIZE n BODY[] {n}" and the body, as one raw step.
QByteArray fetchResponse(int seq, quint32 uid, const QByteArray &flags = {}, const QByteArray &body = {})
{
    const QByteArray raw = body.isNull() ? message(uid) : body;
    const QByteArray size = QByteArray::number(raw.size());
    return "raw: " + escaped("* " + QByteArray::number(seq) + " FETCH (UID " + QByteArray::number(uid) + " FLAGS ("
                             + flags + ") INTERNALDATE \"17-Jul-2024 02:44:25 +0200\" RFC822.SIZE " + size
                             + " BODY[] {" + size + "}\r\n" + raw + ")\r\n")
           + '\n';
}

QByteArray greeting(const QByteArray &capabilities)
{
    return "S: * OK [CAPABILITY " + capabilities + "] Dovecot ready.\n";
}

const QByteArray kGreetingCaps = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN";
const QByteArray kLoggedInCaps = "IMAP4rev1 SASL-IR ID ENABLE IDLE SORT UIDPLUS LITERAL+ MOVE";

QByteArray select(const QByteArray &tag, quint32 exists = 3, quint32 uidValidity = 1700000000, quint32 uidNext = 13)
{
    return "C: " + tag + " SELECT \"INBOX\"\n"
           "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\n"
           "S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.\n"
           "S: * " + QByteArray::number(exists) + " EXISTS\n"
           "S: * 0 RECENT\n"
           "S: * OK [UIDVALIDITY " + QByteArray::number(uidValidity) + "] UIDs valid\n"
           "S: * OK [UIDNEXT " + QByteArray::number(uidNext) + "] Predicted next UID\n"
           "S: " + tag + " OK [READ-WRITE] Select completed (0.001 + 0.000 secs).\n";
}

/// Greeting, AUTHENTICATE PLAIN with SASL-IR as a1, SELECT as a2: the next command is a3.
QByteArray login(quint32 exists = 3, quint32 uidValidity = 1700000000, const QByteArray &caps = kLoggedInCaps)
{
    return greeting(kGreetingCaps)
           + "C: a1 AUTHENTICATE PLAIN " + plainResponse() + "\n"
             "S: a1 OK [CAPABILITY " + caps + "] Logged in\n"
           + select("a2", exists, uidValidity);
}

QList<quint32> uidsOf(const QList<ImapMessage> &messages)
{
    QList<quint32> out;
    for (const ImapMessage &m : messages)
        out.append(m.uid);
    return out;
}

} // namespace

class TestImapClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void implicitTlsSession();
    void authenticatePlainWithoutSaslIr();
    void loginWhenPlainNotOffered_data();
    void loginWhenPlainNotOffered();
    void bearerRefusedThenFreshTokenOnTheSameConnection();
    void bearerRefusedTwiceEndsTheSession();
    void untaggedResponsesDuringFetch();
    void byeMidSessionThenNewSession();
    void literalLimit_data();
    void literalLimit();
    void idleReportsNewMailAndStops();
    void operationWhileIdlingSendsDone();
    void operationQueuedBeforeIdleContinuation();
    void startTlsNotOfferedRefusesPlainText_data();
    void startTlsNotOfferedRefusesPlainText();
    void startTlsDiscardsInjectedResponse();
    void preauthInClearIsRefused();
    void preauthOverTlsSelects();
    void uidValidityChange_data();
    void uidValidityChange();
    void badCredentialsIsAuthError();
    void slowServerTimesOut();
    void esearchRangesAndFlagsFetch();
    void esearchClaimingTooManyUidsIsRefused();

private:
    ImapSettings settings(const ScriptedServer &server, bool implicitTls = true) const;

    QSslConfiguration m_tls;
};

ImapSettings TestImapClient::settings(const ScriptedServer &server, bool implicitTls) const
{
    ImapSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.implicitTls = implicitTls;
    s.username = kUser;
    s.password = kPassword;
    s.tls = m_tls;
    s.timeoutMs = 5000;
    return s;
}

void TestImapClient::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    const ScriptedServer::Certificates &certs = ScriptedServer::certificates();
    QVERIFY2(certs.error.isEmpty(), qPrintable(certs.error));
    const ConnectorError error = Tls::makeClientConfiguration(certs.caFile, &m_tls);
    QVERIFY2(!error, qPrintable(error.message()));
}

void TestImapClient::implicitTlsSession()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(greeting("IMAP4rev1 SASL-IR LITERAL+ AUTH=PLAIN AUTH=LOGIN")
                         + "C: a1 AUTHENTICATE PLAIN " + plainResponse() + "\n"
                           "S: a1 OK [CAPABILITY IMAP4rev1 SASL-IR IDLE UIDPLUS MOVE] Logged in\n"
                         + select("a2", 3, 1700000000, 13)
                         + "C: a3 UID SEARCH UNSEEN\n"
                           "S: * SEARCH 12 10\n"
                           "S: a3 OK Search completed (0.001 + 0.000 secs).\n"
                           "C: a4 UID FETCH 10,12 " + kFetchFull + "\n"
                         + fetchResponse(1, 10)
                         + fetchResponse(3, 12, "\\Recent")
                         + "S: a4 OK Fetch completed (0.001 + 0.000 secs).\n"
                           "C: a5 UID STORE 10,12 +FLAGS.SILENT (\\Seen)\n"
                           "S: a5 OK Store completed (0.001 + 0.000 secs).\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy states(&client, &ImapClient::stateChanged);
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    Watched open(client.open());
    VERIFY_OK(open);
    QCOMPARE(open.spy.count(), 1);
    QCOMPARE(client.state(), ImapClient::State::Selected);
    QCOMPARE(client.uidValidity(), 1700000000u);
    QCOMPARE(client.uidNext(), 13u);
    QCOMPARE(client.exists(), 3u);
    // The OK to AUTHENTICATE carried the capabilities: they replace the greeting's, no CAPABILITY asked.
    QVERIFY(client.hasCapability("IDLE"));
    QVERIFY(client.hasCapability("uidplus"));
    QVERIFY(!client.hasCapability("AUTH=PLAIN"));
    QVERIFY2(client.tlsProtocol().startsWith(QStringLiteral("TLSv1.")), qPrintable(client.tlsProtocol()));
    QCOMPARE(states.at(0).first().value<ImapClient::State>(), ImapClient::State::Connecting);
    QCOMPARE(states.at(1).first().value<ImapClient::State>(), ImapClient::State::TlsHandshake);

    Watched search(client.searchUnseen());
    VERIFY_OK(search);
    QCOMPARE(search->uids(), (QList<quint32>{10, 12}));

    Watched fetch(client.fetchMessages(search->uids()));
    VERIFY_OK(fetch);
    const QList<ImapMessage> messages = fetch->messages();
    QCOMPARE(uidsOf(messages), (QList<quint32>{10, 12}));
    QCOMPARE(messages.at(0).raw, message(10));
    QCOMPARE(messages.at(1).raw, message(12));
    QCOMPARE(messages.at(0).size, quint64(message(10).size()));
    QVERIFY(messages.at(0).flags.isEmpty());
    QCOMPARE(messages.at(1).flags, QList<QByteArray>{"\\Recent"});
    QVERIFY(!messages.at(1).isSeen());
    QCOMPARE(messages.at(0).internalDate.toUTC(), QDateTime(QDate(2024, 7, 17), QTime(0, 44, 25), Qt::UTC));

    Watched store(client.markSeen(search->uids()));
    VERIFY_OK(store);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(lost.count(), 0);
    QCOMPARE(client.state(), ImapClient::State::Selected);

    const QList<QByteArray> commands = server.commands(1);
    QCOMPARE(commands, (QList<QByteArray>{
                           "a1 AUTHENTICATE PLAIN " + plainResponse(),
                           "a2 SELECT \"INBOX\"",
                           "a3 UID SEARCH UNSEEN",
                           "a4 UID FETCH 10,12 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])",
                           "a5 UID STORE 10,12 +FLAGS.SILENT (\\Seen)",
                       }));
    QCOMPARE(QByteArray::fromBase64(commands.at(0).mid(22)), QByteArray("\0user\0s3cr3t-Pa55", 17));
    // Reading never marks \Seen: BODY.PEEK[] only, never BODY[] or RFC822.
    for (const QByteArray &c : commands) {
        QVERIFY2(!c.contains("BODY["), c.constData());
        QVERIFY2(!QByteArray(c).replace("RFC822.SIZE", "").contains("RFC822"), c.constData());
    }
}

void TestImapClient::authenticatePlainWithoutSaslIr()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    // No capabilities in the greeting or in the OK: the client asks, before and after login.
    server.addConnection("S: * OK Server ready.\n"
                         "C: a1 CAPABILITY\n"
                         "S: * CAPABILITY IMAP4rev1 AUTH=PLAIN\n"
                         "S: a1 OK Capability completed.\n"
                         "C: a2 AUTHENTICATE PLAIN\n"
                         "raw: + \\r\\n\n"
                         "C: " + plainResponse() + "\n"
                         "S: a2 OK Logged in\n"
                         "C: a3 CAPABILITY\n"
                         "S: * CAPABILITY IMAP4rev1 IDLE UIDPLUS\n"
                         "S: a3 OK Capability completed.\n"
                         + select("a4"));
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(client.capabilities(), (QList<QByteArray>{"IMAP4REV1", "IDLE", "UIDPLUS"}));
    const QList<ScriptedServer::ClientLine> lines = server.clientLines();
    QCOMPARE(lines.at(1).line, QByteArray("a2 AUTHENTICATE PLAIN"));
    QCOMPARE(lines.at(2).line, plainResponse());
    // The SASL response waited for the "+".
    QCOMPARE(lines.at(2).serverWritesBefore, lines.at(1).serverWritesBefore + 1);
}

namespace {

QByteArray bearer(const QByteArray &mechanism, quint16 port, const QByteArray &token)
{
    if (mechanism == "XOAUTH2")
        return QByteArray("user=" + kUser.toUtf8() + "\x01" "auth=Bearer " + token + "\x01\x01").toBase64();
    return QByteArray("n,a=" + kUser.toUtf8() + ",\x01host=127.0.0.1\x01port=" + QByteArray::number(port) + "\x01"
                      "auth=Bearer " + token + "\x01\x01").toBase64();
}

} // namespace

void TestImapClient::bearerRefusedThenFreshTokenOnTheSameConnection()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    QVERIFY(server.start());
    const quint16 port = server.port();
    server.addConnection(greeting("IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER")
                         + "C: a1 AUTHENTICATE OAUTHBEARER " + bearer("OAUTHBEARER", port, "stale") + "\n"
                           "S: + eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=\n"
                           "C: AQ==\n"
                           "S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n"
                           "C: a2 AUTHENTICATE OAUTHBEARER " + bearer("OAUTHBEARER", port, "fresh") + "\n"
                           "S: a2 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\n"
                         + select("a3"));
    auto tokens = std::make_shared<ScriptedTokenSource>(QStringList{QStringLiteral("stale"), QStringLiteral("fresh")});
    ImapSettings s = settings(server);
    s.password.clear();
    s.tokenSource = tokens;
    ImapClient client(s);
    Watched open(client.open());
    VERIFY_OK(open);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(tokens->refusals, QStringList{QStringLiteral("stale")});
    QCOMPARE(client.authMechanism(), QByteArray("OAUTHBEARER"));
}

void TestImapClient::bearerRefusedTwiceEndsTheSession()
{
    // XOAUTH2 only: the error challenge gets an empty line. After the second refusal: an Auth error, no third try.
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    QVERIFY(server.start());
    const quint16 port = server.port();
    server.addConnection(greeting("IMAP4rev1 SASL-IR AUTH=XOAUTH2")
                         + "C: a1 AUTHENTICATE XOAUTH2 " + bearer("XOAUTH2", port, "one") + "\n"
                           "S: + eyJzdGF0dXMiOiI0MDEifQ==\n"
                           "C:\n"
                           "S: a1 NO [AUTHENTICATIONFAILED] Invalid credentials\n"
                           "C: a2 AUTHENTICATE XOAUTH2 " + bearer("XOAUTH2", port, "two") + "\n"
                           "S: + eyJzdGF0dXMiOiI0MDEifQ==\n"
                           "C:\n"
                           "S: a2 NO [AUTHENTICATIONFAILED] Invalid credentials\n"
                           "C?: a3 LOGOUT\n");
    auto tokens = std::make_shared<ScriptedTokenSource>(QStringList{QStringLiteral("one"), QStringLiteral("two"),
                                                                    QStringLiteral("three")});
    ImapSettings s = settings(server);
    s.password.clear();
    s.tokenSource = tokens;
    ImapClient client(s);
    Watched open(client.open());
    VERIFY_ERROR(open, ConnectorError::Kind::Auth);
    const QString message = open->error().message();
    QVERIFY2(message.contains(QStringLiteral("Invalid credentials")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral(R"({"status":"401"})")), qPrintable(message));
    QCOMPARE(tokens->refusals, QStringList{QStringLiteral("one")});
    QCOMPARE(tokens->fetches, 2);
}

void TestImapClient::loginWhenPlainNotOffered_data()
{
    QTest::addColumn<QByteArray>("caps");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QByteArrayList>("loginLines");   // what the client sends, line by line
    QTest::addColumn<bool>("synchronising");          // the server must say "+" before the last line

    // Spaces, a quote and a backslash: a quoted string with \" and \\ (RFC 3501 section 4.3).
    const QString ascii = QStringLiteral("pa ss\"wo\\rd");
    QTest::addRow("quoted") << QByteArray("IMAP4rev1 AUTH=CRAM-MD5") << ascii
                            << QByteArrayList{"a1 LOGIN user \"pa ss\\\"wo\\\\rd\""} << false;

    // Non-ASCII cannot be quoted: a literal of the UTF-8 bytes.
    const QString utf8 = QStringLiteral(u"pa ss\"w\u00f6\\rd");
    const QByteArray bytes = utf8.toUtf8();
    const QByteArray n = QByteArray::number(bytes.size());
    QTest::addRow("LITERAL+") << QByteArray("IMAP4rev1 LITERAL+ AUTH=CRAM-MD5") << utf8
                              << QByteArrayList{"a1 LOGIN user {" + n + "+}", bytes} << false;
    QTest::addRow("LITERAL-") << QByteArray("IMAP4rev1 LITERAL- AUTH=CRAM-MD5") << utf8
                              << QByteArrayList{"a1 LOGIN user {" + n + "+}", bytes} << false;
    QTest::addRow("synchronising") << QByteArray("IMAP4rev1") << utf8
                                   << QByteArrayList{"a1 LOGIN user {" + n + "}", bytes} << true;
}

void TestImapClient::loginWhenPlainNotOffered()
{
    QFETCH(QByteArray, caps);
    QFETCH(QString, password);
    QFETCH(QByteArrayList, loginLines);
    QFETCH(bool, synchronising);

    QByteArray script = greeting(caps);
    for (qsizetype i = 0; i < loginLines.size(); ++i) {
        if (synchronising && i + 1 == loginLines.size())
            script += "S: + Ready for literal data\n";
        script += "C: " + loginLines.at(i) + '\n';
    }
    script += "S: a1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\n" + select("a2");
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(script);
    QVERIFY(server.start());

    ImapSettings s = settings(server);
    s.password = password;
    ImapClient client(s);
    Watched open(client.open());
    VERIFY_OK(open);
    VERIFY_SERVER_COMPLETE(server);

    const QList<ScriptedServer::ClientLine> lines = server.clientLines();
    QCOMPARE(lines.size(), loginLines.size() + 1);
    for (qsizetype i = 0; i < loginLines.size(); ++i)
        QCOMPARE(lines.at(i).line, loginLines.at(i));
    if (loginLines.size() == 2) {
        if (synchronising) {
            QCOMPARE(lines.at(1).serverWritesBefore, lines.at(0).serverWritesBefore + 1);
        } else {
            // A non-synchronising literal goes with its command, in one write, without waiting.
            QCOMPARE(lines.at(1).chunk, lines.at(0).chunk);
            QCOMPARE(lines.at(1).serverWritesBefore, lines.at(0).serverWritesBefore);
        }
    }
    QCOMPARE(lines.last().line, QByteArray("a2 SELECT \"INBOX\""));
}

void TestImapClient::untaggedResponsesDuringFetch()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    // Messages 1..3 are UIDs 10, 11, 12. While answering the FETCH the server tells that
    // 11 was expunged (so 12 is now number 2), that a new message arrived, and that
    // flags changed elsewhere; the client must still pair bodies with UIDs.
    server.addConnection(login(3)
                         + "C: a3 UID FETCH 10,12 " + kFetchFull + "\n"
                         + fetchResponse(1, 10, "\\Flagged")
                         + "S: * 2 EXPUNGE\n"
                           "S: * 3 EXISTS\n"
                           "S: * 3 FETCH (UID 13 FLAGS (\\Flagged))\n"
                           "S: * 1 FETCH (FLAGS (\\Seen \\Flagged))\n"
                         + fetchResponse(2, 12)
                         + "S: a3 OK Fetch completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    QSignalSpy changed(&client, &ImapClient::mailboxChanged);
    Watched fetch(client.fetchMessages({10, 12}));
    VERIFY_OK(fetch);
    VERIFY_SERVER_COMPLETE(server);

    const QList<ImapMessage> messages = fetch->messages();
    QCOMPARE(uidsOf(messages), (QList<quint32>{10, 12}));
    QCOMPARE(messages.at(0).raw, message(10));
    QCOMPARE(messages.at(0).flags, QList<QByteArray>{"\\Flagged"});
    QCOMPARE(messages.at(1).raw, message(12));
    QCOMPARE(changed.count(), 4);   // expunge, a new message, two flag changes
    QCOMPARE(client.exists(), 3u);
    QCOMPARE(client.state(), ImapClient::State::Selected);
}

void TestImapClient::byeMidSessionThenNewSession()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login()
                         + "C: a3 NOOP\n"
                           "S: * BYE Server shutting down for maintenance.\n"
                           "close\n");
    server.addConnection(login() + "C: a3 NOOP\nS: a3 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    Watched open(client.open());
    VERIFY_OK(open);
    Watched noop(client.noop());
    VERIFY_ERROR(noop, Kind::Network);
    const QString expected = QStringLiteral("127.0.0.1:%1 closed the session: Server shutting down for maintenance.")
                                 .arg(server.port());
    QCOMPARE(noop->error().message(), expected);
    QCOMPARE(lost.count(), 1);
    QCOMPARE(lost.first().first().value<ConnectorError>().message(), expected);
    QCOMPARE(client.state(), ImapClient::State::Disconnected);

    Watched again(client.noop());
    VERIFY_OK(again);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 2);
    QCOMPARE(server.commands(2), (QList<QByteArray>{"a1 AUTHENTICATE PLAIN " + plainResponse(),
                                                    "a2 SELECT \"INBOX\"", "a3 NOOP"}));
    QCOMPARE(lost.count(), 1);
}

void TestImapClient::literalLimit_data()
{
    QTest::addColumn<int>("literalSize");
    QTest::addColumn<bool>("tooLarge");
    QTest::addRow("at the limit") << 1024 << false;
    QTest::addRow("one byte over") << 1025 << true;
}

void TestImapClient::literalLimit()
{
    QFETCH(int, literalSize);
    QFETCH(bool, tooLarge);

    QByteArray body = message(10);
    body += QByteArray(literalSize - body.size(), 'x');
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    QByteArray script = login() + "C: a3 UID FETCH 10 " + kFetchFull + "\n";
    if (tooLarge) {
        // Only the announcement and a few bytes: the client must give up at "{1025}".
        script += "raw: " + escaped("* 1 FETCH (UID 10 BODY[] {" + QByteArray::number(literalSize) + "}\r\n"
                                    + body.left(100)) + '\n';
    } else {
        script += fetchResponse(1, 10, {}, body) + "S: a3 OK Fetch completed.\n";
    }
    server.addConnection(script);
    QVERIFY(server.start());

    ImapSettings s = settings(server);
    s.maxLiteralSize = 1024;
    ImapClient client(s);
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    Watched fetch(client.fetchMessages({10}));
    if (!tooLarge) {
        VERIFY_OK(fetch);
        QCOMPARE(fetch->messages().size(), 1);
        QCOMPARE(fetch->messages().first().raw, body);
        VERIFY_SERVER_COMPLETE(server);
        return;
    }
    VERIFY_ERROR(fetch, Kind::Protocol);
    const QString message = fetch->error().message();
    QVERIFY2(message.startsWith(QStringLiteral("127.0.0.1:%1 sent a response we cannot read (literal of 1025 bytes "
                                               "exceeds the maximum literal size of 1024 bytes at byte ")
                                    .arg(server.port())),
             qPrintable(message));
    QCOMPARE(lost.count(), 1);
    QCOMPARE(client.state(), ImapClient::State::Disconnected);
    QTRY_COMPARE_WITH_TIMEOUT(server.closedCount(), 1, kWaitMs);   // the client dropped the connection
    VERIFY_SERVER_COMPLETE(server);
}

void TestImapClient::idleReportsNewMailAndStops()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login(3)
                         + "C: a3 IDLE\n"
                           "S: + idling\n"
                           "sleep 20\n"
                           "S: * 5 EXISTS\n"
                           "S: * 1 RECENT\n"
                           "C: DONE\n"
                           "S: a3 OK Idle completed (0.001 + 1.000 secs).\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    QSignalSpy changed(&client, &ImapClient::mailboxChanged);
    Watched idle(client.idle());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ImapClient::State::Idling, kWaitMs);
    // The EXISTS may already have come while waiting for Idling: count, do not wait for a new one.
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kWaitMs);
    QCOMPARE(client.exists(), 5u);
    QCOMPARE(idle.spy.count(), 0);   // the idle goes on until DONE

    client.stopIdle();
    client.stopIdle();   // harmless: one DONE only
    VERIFY_OK(idle);
    QCOMPARE(client.state(), ImapClient::State::Selected);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1).mid(2), (QList<QByteArray>{"a3 IDLE", "DONE"}));
}

void TestImapClient::operationWhileIdlingSendsDone()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login()
                         + "C: a3 IDLE\n"
                           "S: + idling\n"
                           "C: DONE\n"
                           "S: a3 OK Idle completed.\n"
                           "C: a4 NOOP\n"
                           "S: a4 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    Watched idle(client.idle());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ImapClient::State::Idling, kWaitMs);

    Watched noop(client.noop());   // no stopIdle(): the client ends the idle itself
    VERIFY_OK(idle);
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1).mid(2), (QList<QByteArray>{"a3 IDLE", "DONE", "a4 NOOP"}));
}

void TestImapClient::operationQueuedBeforeIdleContinuation()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    // The NOOP is queued while the IDLE waits for its "+": DONE must follow the "+".
    server.addConnection(login()
                         + "C: a3 IDLE\n"
                           "sleep 50\n"
                           "S: + idling\n"
                           "C: DONE\n"
                           "S: a3 OK Idle completed.\n"
                           "C: a4 NOOP\n"
                           "S: a4 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    Watched idle(client.idle());
    Watched noop(client.noop());
    VERIFY_OK(idle);
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
}

void TestImapClient::startTlsNotOfferedRefusesPlainText_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QList<QByteArray>>("commands");
    QTest::addRow("capabilities in the greeting")
        << QByteArray("S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n") << QList<QByteArray>{};
    QTest::addRow("capabilities asked") << QByteArray("S: * OK ready\n"
                                                      "C: a1 CAPABILITY\n"
                                                      "S: * CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN\n"
                                                      "S: a1 OK Capability completed.\n")
                                        << QList<QByteArray>{"a1 CAPABILITY"};
}

void TestImapClient::startTlsNotOfferedRefusesPlainText()
{
    QFETCH(QByteArray, script);
    QFETCH(QList<QByteArray>, commands);
    ScriptedServer server(ScriptedServer::Mode::Plain);
    server.addConnection(script);
    QVERIFY(server.start());

    ImapClient client(settings(server, /*implicitTls=*/false));
    Watched open(client.open());
    VERIFY_ERROR(open, Kind::Tls);
    QCOMPARE(open->error().message(),
             QStringLiteral("127.0.0.1:%1 does not offer STARTTLS; refusing to send credentials unencrypted "
                            "(use_tls: false means STARTTLS, never plain text).")
                 .arg(server.port()));
    QTRY_COMPARE_WITH_TIMEOUT(server.closedCount(), 1, kWaitMs);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1), commands);   // no LOGIN, no AUTHENTICATE
    QVERIFY(client.tlsProtocol().isEmpty());
    QCOMPARE(client.state(), ImapClient::State::Disconnected);
}

void TestImapClient::startTlsDiscardsInjectedResponse()
{
    ScriptedServer server(ScriptedServer::Mode::Plain);
    // A man in the middle appends an untagged OK with capabilities to the STARTTLS answer,
    // in the same write. The client must drop it and ask again over TLS (RFC 3501 6.2.1).
    server.addConnection("S: * OK Server ready.\n"
                         "C: a1 CAPABILITY\n"
                         "S: * CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\n"
                         "S: a1 OK Capability completed.\n"
                         "C: a2 STARTTLS\n"
                         "raw: a2 OK begin TLS\\r\\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN X-INJECTED] injected\\r\\n\n"
                         "starttls\n"
                         "C: a3 CAPABILITY\n"
                         "S: * CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN\n"
                         "S: a3 OK Capability completed.\n"
                         "C: a4 AUTHENTICATE PLAIN " + plainResponse() + "\n"
                         "S: a4 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\n"
                         + select("a5"));
    QVERIFY(server.start());

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^discarding \\d+ bytes .* before the TLS handshake$")));
    ImapClient client(settings(server, /*implicitTls=*/false));
    Watched open(client.open());
    VERIFY_OK(open);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1), (QList<QByteArray>{"a1 CAPABILITY", "a2 STARTTLS", "a3 CAPABILITY",
                                                    "a4 AUTHENTICATE PLAIN " + plainResponse(), "a5 SELECT \"INBOX\""}));
    QVERIFY(!client.hasCapability("X-INJECTED"));
    QVERIFY2(client.tlsProtocol().startsWith(QStringLiteral("TLSv1.")), qPrintable(client.tlsProtocol()));
}

void TestImapClient::preauthInClearIsRefused()
{
    ScriptedServer server(ScriptedServer::Mode::Plain);
    server.addConnection("S: * PREAUTH [CAPABILITY IMAP4rev1 IDLE] Logged in as user\n");
    QVERIFY(server.start());

    ImapClient client(settings(server, /*implicitTls=*/false));
    Watched open(client.open());
    VERIFY_ERROR(open, Kind::Tls);
    QCOMPARE(open->error().message(),
             QStringLiteral("127.0.0.1:%1 pre-authenticated the session in clear, so STARTTLS is impossible; "
                            "refusing to read mail unencrypted.")
                 .arg(server.port()));
    QTRY_COMPARE_WITH_TIMEOUT(server.closedCount(), 1, kWaitMs);
    VERIFY_SERVER_COMPLETE(server);
    QVERIFY(server.commands(1).isEmpty());
}

void TestImapClient::preauthOverTlsSelects()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("S: * PREAUTH [CAPABILITY IMAP4rev1 IDLE] Logged in as user\n" + select("a1"));
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1), QList<QByteArray>{"a1 SELECT \"INBOX\""});
}

void TestImapClient::uidValidityChange_data()
{
    QTest::addColumn<quint32>("second");
    QTest::addRow("changed") << 2u;
    QTest::addRow("same") << 1u;
}

void TestImapClient::uidValidityChange()
{
    QFETCH(quint32, second);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login(3, 1) + "close\n");
    server.addConnection(login(3, second) + "C: a3 UID SEARCH UNSEEN\nS: * SEARCH 4\nS: a3 OK done\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy changed(&client, &ImapClient::uidValidityChanged);
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    Watched open(client.open());
    VERIFY_OK(open);
    QCOMPARE(client.uidValidity(), 1u);
    QVERIFY(lost.wait(kWaitMs));
    QCOMPARE(lost.first().first().value<ConnectorError>().message(),
             QStringLiteral("The connection to 127.0.0.1:%1 was closed by the server.").arg(server.port()));
    QCOMPARE(client.state(), ImapClient::State::Disconnected);

    Watched search(client.searchUnseen());
    VERIFY_OK(search);
    QCOMPARE(search->uids(), QList<quint32>{4});
    QCOMPARE(client.uidValidity(), second);
    if (second == 1) {
        QCOMPARE(changed.count(), 0);
    } else {
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<quint32>(), 1u);
        QCOMPARE(changed.first().at(1).value<quint32>(), 2u);
    }
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 2);
}

void TestImapClient::badCredentialsIsAuthError()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(greeting(kGreetingCaps)
                         + "C: a1 AUTHENTICATE PLAIN " + plainResponse() + "\n"
                           "S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    Watched open(client.open());
    Watched noop(client.noop());   // queued behind open: fails with it
    VERIFY_ERROR(open, Kind::Auth);
    VERIFY_ERROR(noop, Kind::Auth);
    const QString expected = QStringLiteral("127.0.0.1:%1 refused the credentials of user: Authentication failed.")
                                 .arg(server.port());
    QCOMPARE(open->error().message(), expected);
    QCOMPARE(noop->error().message(), expected);
    QVERIFY(!expected.contains(kPassword));
    QCOMPARE(lost.count(), 0);   // never opened, so never lost
    QCOMPARE(client.state(), ImapClient::State::Disconnected);
    QTRY_COMPARE_WITH_TIMEOUT(server.closedCount(), 1, kWaitMs);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 1);   // a refused password is not retried
}

// With ESEARCH the UIDs come as ranges (RFC 4731); a FetchPart::Flags job keeps
// the FLAGS lines that carry a UID and ignores an unsolicited one without.
void TestImapClient::esearchRangesAndFlagsFetch()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login(6, 1700000000, kLoggedInCaps + " ESEARCH")
                         + "C: a3 UID SEARCH RETURN (ALL) ALL\n"
                           "S: * ESEARCH (TAG \"zz\") UID ALL 900:999\n" // another command's: ignored
                           "S: * ESEARCH (TAG \"a3\") UID ALL 3:5,10,12\n"
                           "S: a3 OK Search completed.\n"
                           "C: a4 UID FETCH 3:5 (UID FLAGS)\n"
                           "S: * 1 FETCH (UID 3 FLAGS (\\Seen))\n"
                           "S: * 6 FETCH (FLAGS (\\Flagged))\n"
                           "S: * 2 FETCH (UID 4 FLAGS ())\n"
                           "S: * 3 FETCH (UID 5 FLAGS (\\Seen \\Answered))\n"
                           "S: a4 OK Fetch completed.\n");
    QVERIFY(server.start());
    ImapClient client(settings(server));
    Watched search(client.searchAll());
    VERIFY_OK(search);
    QCOMPARE(search->uids(), (QList<quint32>{3, 4, 5, 10, 12}));
    Watched flags(client.fetchMessages({3, 4, 5}, ImapClient::FetchPart::Flags));
    VERIFY_OK(flags);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(uidsOf(flags->messages()), (QList<quint32>{3, 4, 5}));
    QVERIFY(flags->messages().at(0).isSeen());
    QVERIFY(!flags->messages().at(1).isSeen());
    QVERIFY(flags->messages().at(2).isSeen());
}

void TestImapClient::esearchClaimingTooManyUidsIsRefused()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login(3, 1700000000, kLoggedInCaps + " ESEARCH")
                         + "C: a3 UID SEARCH RETURN (ALL) UNSEEN\n"
                           "S: * ESEARCH (TAG \"a3\") UID ALL 1:4294967295\n"
                           "S: a3 OK Search completed.\n");
    QVERIFY(server.start());
    ImapClient client(settings(server));
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    Watched search(client.searchUnseen());
    VERIFY_ERROR(search, ConnectorError::Kind::Protocol);
    QVERIFY2(search->error().message().contains(QStringLiteral("more UIDs")), qPrintable(search->error().message()));
    QCOMPARE(lost.count(), 1);
}

void TestImapClient::slowServerTimesOut()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login()
                         + "C: a3 NOOP\n"
                           "sleep 1500\n"
                           "S: a3 OK too late\n");
    QVERIFY(server.start());

    ImapSettings s = settings(server);
    s.timeoutMs = 300;
    ImapClient client(s);
    Watched open(client.open());
    VERIFY_OK(open);
    Watched noop(client.noop());
    QElapsedTimer elapsed;
    elapsed.start();
    VERIFY_ERROR(noop, Kind::Timeout);
    QCOMPARE(noop->error().message(),
             QStringLiteral("127.0.0.1:%1 did not answer within 0.3 s (waiting for NOOP).").arg(server.port()));
    QVERIFY2(elapsed.elapsed() < 1500, "the client waited for the server instead of its own timeout");
    QCOMPARE(client.state(), ImapClient::State::Disconnected);
    QTRY_COMPARE_WITH_TIMEOUT(server.closedCount(), 1, kWaitMs);
}

QTEST_GUILESS_MAIN(TestImapClient)
#include "tst_imapclient.moc"
