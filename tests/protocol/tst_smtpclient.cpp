// SmtpClient against the scripted server: each test is an RFC 5321 transcript
// over a real loopback socket, with real TLS (implicit or STARTTLS).

#include "scriptedserver.h"

#include "smtp/smtpclient.h"
#include "transport/tls.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QScopeGuard>
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

const QString kToken = QStringLiteral("ya29.a0-test-bearer-token");
const QString kFrom = QStringLiteral("ann@machina.test");
const QString kTo = QStringLiteral("bob@example.test");

QByteArray xoauth2Response()
{
    return QByteArray("user=" + kUser.toUtf8() + "\x01" "auth=Bearer " + kToken.toUtf8() + "\x01\x01").toBase64();
}

/// A greeting and a 250 reply to "EHLO [127.0.0.1]" announcing @p extensions.
QByteArray greetAndEhlo(const QByteArrayList &extensions)
{
    QByteArray s = "S: 220 mx.test ESMTP scripted\n"
                   "C: EHLO [127.0.0.1]\n";
    s += extensions.isEmpty() ? "S: 250 mx.test\n" : "S: 250-mx.test greets [127.0.0.1]\n";
    for (qsizetype i = 0; i < extensions.size(); ++i)
        s += (i + 1 == extensions.size() ? "S: 250 " : "S: 250-") + extensions.at(i) + '\n';
    return s;
}

QByteArray authPlainOk()
{
    return "C: AUTH PLAIN " + plainResponse() + "\n"
           "S: 235 2.7.0 Authentication successful\n";
}

/// Greeting, EHLO (SIZE, 8BITMIME, AUTH PLAIN LOGIN) and a successful AUTH PLAIN.
QByteArray login(const QByteArrayList &extraExtensions = {})
{
    return greetAndEhlo(QByteArrayList{"SIZE 10240000", "8BITMIME"} + extraExtensions + QByteArrayList{"AUTH PLAIN LOGIN"})
           + authPlainOk();
}

/// One accepted transaction from kFrom to kTo, without PIPELINING.
QByteArray transaction(const QByteArray &queueId = "4F3A")
{
    return "C: MAIL FROM:<ann@machina.test> SIZE=*\n"
           "S: 250 2.1.0 Ok\n"
           "C: RCPT TO:<bob@example.test>\n"
           "S: 250 2.1.5 Ok\n"
           "C: DATA\n"
           "S: 354 End data with <CR><LF>.<CR><LF>\n"
           "wait-data\n"
           "S: 250 2.0.0 Ok: queued as " + queueId + "\n";
}

const QByteArray kMessage = "From: ann@machina.test\r\nTo: bob@example.test\r\nSubject: test\r\n\r\nHello.\r\n";

} // namespace

class TestSmtpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void multiLineGreeting();
    void implicitTlsAuthPlainAndDotStuffing();
    void authLoginWhenPlainNotOffered();
    void xoauth2FailureAnswersChallenge();
    void oauthBearerRefusedThenFreshToken();
    void oauthBearerRefusedTwiceIsAnAuthError();
    void badPasswordIsAuthError();
    void pipeliningSendsEnvelopeInOneBatch();
    void refusedRecipientResets_data();
    void refusedRecipientResets();
    void keptSessionLostBeforeDataReconnects_data();
    void keptSessionLostBeforeDataReconnects();
    void sessionLostAfterMessageIsNotRetried_data();
    void sessionLostAfterMessageIsNotRetried();
    void startTlsNotOfferedRefusesPlainText();
    void startTlsDiscardsInjectedReplies();
    void ehloRefusedFallsBackToHelo();
    void slowServerTimesOut();
    void untrustedCertificateIsTlsError();
    void smtpUtf8NotOfferedIsRejectedBeforeMail();
    void sizeLimitExceededIsRejectedBeforeMail();
    void idleCloseBetweenSendsReconnects_data();
    void idleCloseBetweenSendsReconnects();
    void closeSendsQuit();
    void eightBitAndSmtpUtf8Parameters();
    void messageRefusedKeepsSession();
    void malformedReplyIsProtocolError();
    void secretsNeverLogged();

private:
    SmtpSettings settings(const ScriptedServer &server, bool implicitTls = true) const;

    QSslConfiguration m_tls;
};

SmtpSettings TestSmtpClient::settings(const ScriptedServer &server, bool implicitTls) const
{
    SmtpSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.implicitTls = implicitTls;
    s.username = kUser;
    s.password = kPassword;
    s.tls = m_tls;
    s.timeoutMs = 5000;
    return s;
}

void TestSmtpClient::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    const ScriptedServer::Certificates &certs = ScriptedServer::certificates();
    QVERIFY2(certs.error.isEmpty(), qPrintable(certs.error));
    // The client trusts the test CA the way the application trusts a configured ca_file.
    const ConnectorError error = Tls::makeClientConfiguration(certs.caFile, &m_tls);
    QVERIFY2(!error, qPrintable(error.message()));
}

void TestSmtpClient::multiLineGreeting()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("S: 220-mx.test ESMTP Postfix\n"
                         "sleep 50\n"
                         "S: 220-this greeting comes\n"
                         "S: 220 in three lines\n"
                         "C: EHLO [127.0.0.1]\n"
                         "S: 250-mx.test\n"
                         "S: 250 AUTH PLAIN\n"
                         + authPlainOk());
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    QCOMPARE(open.spy.count(), 1);
    QVERIFY(client.isReady());
    QCOMPARE(client.serverGreeting(), QStringLiteral("mx.test ESMTP Postfix"));
    VERIFY_SERVER_COMPLETE(server);
    // EHLO waited for the last greeting line, which went out in the server's second write.
    const QList<ScriptedServer::ClientLine> lines = server.clientLines();
    QCOMPARE(lines.first().line, QByteArray("EHLO [127.0.0.1]"));
    QCOMPARE(lines.first().serverWritesBefore, 2);
}

void TestSmtpClient::implicitTlsAuthPlainAndDotStuffing()
{
    // A dot at offset 0, dots at line starts, a bare LF, no final CRLF (RFC 5321 4.5.2).
    const QByteArray message = ".Dot at offset 0: X-Header: x\r\n"
                               "Subject: dots\r\n"
                               "\r\n"
                               ".a body line starting with a dot\r\n"
                               "..two dots\r\n"
                               "a bare LF\n"
                               "not a dot. line\r\n"
                               "end without CRLF";
    const QByteArray expectedPayload = "..Dot at offset 0: X-Header: x\r\n"
                                       "Subject: dots\r\n"
                                       "\r\n"
                                       "..a body line starting with a dot\r\n"
                                       "...two dots\r\n"
                                       "a bare LF\r\n"
                                       "not a dot. line\r\n"
                                       "end without CRLF\r\n";

    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login() + transaction());
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    QSignalSpy states(&client, &SmtpClient::stateChanged);
    Watched send(client.send(kFrom, {kTo}, message));
    VERIFY_OK(send);
    QCOMPARE(send.spy.count(), 1);
    VERIFY_SERVER_COMPLETE(server);

    const QList<QByteArray> commands = server.commands(1);
    QCOMPARE(commands, (QList<QByteArray>{
                           "EHLO [127.0.0.1]",
                           "AUTH PLAIN " + plainResponse(),
                           "MAIL FROM:<ann@machina.test> SIZE=" + QByteArray::number(message.size()),
                           "RCPT TO:<bob@example.test>",
                           "DATA",
                       }));
    QCOMPARE(QByteArray::fromBase64(commands.at(1).mid(11)), QByteArray("\0user\0s3cr3t-Pa55", 17));
    QCOMPARE(server.dataPayloads(), QList<QByteArray>{expectedPayload});

    QCOMPARE(send->serverReply(), QStringLiteral("250 2.0.0 Ok: queued as 4F3A"));
    QCOMPARE(send->recipients().size(), 1);
    QCOMPARE(send->recipients().first().address, kTo);
    QVERIFY(send->recipients().first().accepted);
    QCOMPARE(send->recipients().first().serverReply, QStringLiteral("250 2.1.5 Ok"));
    QVERIFY2(client.tlsProtocol().startsWith(QStringLiteral("TLSv1.")), qPrintable(client.tlsProtocol()));
    QCOMPARE(client.capabilities().sizeLimit(), qint64(10240000));
    QVERIFY(client.isReady());   // the session is kept for the next send
    QCOMPARE(states.at(0).first().value<SmtpClient::State>(), SmtpClient::State::Connecting);
    QCOMPARE(states.at(1).first().value<SmtpClient::State>(), SmtpClient::State::TlsHandshake);
}

void TestSmtpClient::authLoginWhenPlainNotOffered()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(greetAndEhlo({"AUTH LOGIN CRAM-MD5"})
                         + "C: AUTH LOGIN\n"
                           "S: 334 VXNlcm5hbWU6\n"
                           "C: " + kUser.toUtf8().toBase64() + "\n"
                           "S: 334 UGFzc3dvcmQ6\n"
                           "C: " + kPassword.toUtf8().toBase64() + "\n"
                           "S: 235 2.7.0 Authentication successful\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1).at(1), QByteArray("AUTH LOGIN"));
    QCOMPARE(QByteArray::fromBase64(server.commands(1).at(3)), kPassword.toUtf8());
}

namespace {

QByteArray bearerResponse(quint16 port, const QString &token)
{
    return QByteArray("n,a=" + kUser.toUtf8() + ",\x01host=127.0.0.1\x01port=" + QByteArray::number(port)
                      + "\x01" "auth=Bearer " + token.toUtf8() + "\x01\x01").toBase64();
}

const QByteArray kBearerChallenge = QByteArray(R"({"status":"invalid_token","scope":"mail"})").toBase64();

} // namespace

void TestSmtpClient::oauthBearerRefusedThenFreshToken()
{
    // OAUTHBEARER is preferred to XOAUTH2; a refused token is answered with %x01
    // (RFC 7628 3.2.3), then one fresh token is tried on the same connection.
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    QVERIFY(server.start());
    server.addConnection(greetAndEhlo({"AUTH PLAIN XOAUTH2 OAUTHBEARER"})
                         + "C: AUTH OAUTHBEARER " + bearerResponse(server.port(), QStringLiteral("stale-token")) + "\n"
                           "S: 334 " + kBearerChallenge + "\n"
                           "C: AQ==\n"
                           "S: 535 5.7.8 Error: authentication failed\n"
                           "C: AUTH OAUTHBEARER " + bearerResponse(server.port(), QStringLiteral("fresh-token")) + "\n"
                           "S: 235 2.7.0 Authentication successful\n");

    auto tokens = std::make_shared<ScriptedTokenSource>(QStringList{QStringLiteral("stale-token"), QStringLiteral("fresh-token")});
    SmtpSettings s = settings(server);
    s.password.clear();
    s.tokenSource = tokens;
    SmtpClient client(s);
    Watched open(client.open());
    VERIFY_OK(open);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(tokens->refusals, QStringList{QStringLiteral("stale-token")});
    QCOMPARE(tokens->fetches, 2);
    QCOMPARE(client.authMechanism(), QByteArray("OAUTHBEARER"));
}

void TestSmtpClient::oauthBearerRefusedTwiceIsAnAuthError()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    QVERIFY(server.start());
    server.addConnection(greetAndEhlo({"AUTH XOAUTH2 OAUTHBEARER"})
                         + "C: AUTH OAUTHBEARER " + bearerResponse(server.port(), QStringLiteral("one")) + "\n"
                           "S: 334 " + kBearerChallenge + "\n"
                           "C: AQ==\n"
                           "S: 535 5.7.8 Error: authentication failed\n"
                           "C: AUTH OAUTHBEARER " + bearerResponse(server.port(), QStringLiteral("two")) + "\n"
                           "S: 334 " + kBearerChallenge + "\n"
                           "C: AQ==\n"
                           "S: 535 5.7.8 Error: authentication failed\n"
                           "C?: QUIT\n");

    auto tokens = std::make_shared<ScriptedTokenSource>(QStringList{QStringLiteral("one"), QStringLiteral("two")});
    SmtpSettings s = settings(server);
    s.password.clear();
    s.tokenSource = tokens;
    SmtpClient client(s);
    Watched open(client.open());
    VERIFY_ERROR(open, Kind::Auth);
    const QString message = open->error().message();
    QVERIFY2(message.contains(QStringLiteral("535 5.7.8")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("invalid_token")), qPrintable(message));
    QVERIFY2(!message.contains(QString::fromLatin1(bearerResponse(server.port(), QStringLiteral("two")))), qPrintable(message));
    QCOMPARE(tokens->refusals, (QStringList{QStringLiteral("one")}));   // once a connection, not a loop
    VERIFY_SERVER_COMPLETE(server);
}

void TestSmtpClient::xoauth2FailureAnswersChallenge()
{
    const QByteArray challenge =
        QByteArray(R"({"status":"401","schemes":"Bearer","scope":"https://mail.google.com/"})").toBase64();
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(greetAndEhlo({"AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN XOAUTH"})
                         + "C: AUTH XOAUTH2 " + xoauth2Response() + "\n"
                           "S: 334 " + challenge + "\n"
                           "C:\n"   // the empty answer that asks for the final reply (Google's XOAUTH2 protocol)
                           "S: 535-5.7.8 Username and Password not accepted. For more information, go to\n"
                           "S: 535 5.7.8  https://support.google.com/mail/?p=BadCredentials\n"
                           "C?: QUIT\n");
    QVERIFY(server.start());

    SmtpSettings s = settings(server);
    s.accessToken = kToken;
    SmtpClient client(s);
    Watched open(client.open());
    VERIFY_ERROR(open, Kind::Auth);
    const QString message = open->error().message();
    QVERIFY2(message.contains(QStringLiteral("535 5.7.8")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral(R"("status":"401")")), qPrintable(message));
    QVERIFY2(message.contains(kUser), qPrintable(message));
    QVERIFY2(!message.contains(kToken), qPrintable(message));
    QCOMPARE(client.state(), SmtpClient::State::Disconnected);
    VERIFY_SERVER_COMPLETE(server);
}

void TestSmtpClient::badPasswordIsAuthError()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(greetAndEhlo({"AUTH PLAIN LOGIN"})
                         + "C: AUTH PLAIN " + plainResponse() + "\n"
                           "S: 535 5.7.8 Error: authentication failed: authentication failure\n"
                           "C?: QUIT\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched open(client.open());
    Watched send(client.send(kFrom, {kTo}, kMessage));   // queued behind open: fails with it
    VERIFY_ERROR(open, Kind::Auth);
    VERIFY_ERROR(send, Kind::Auth);
    const QString message = open->error().message();
    QVERIFY2(message.contains(QStringLiteral("535 5.7.8 Error: authentication failed")), qPrintable(message));
    QVERIFY2(message.contains(kUser), qPrintable(message));
    QVERIFY2(!message.contains(kPassword), qPrintable(message));
    QCOMPARE(send->error().message(), message);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 1);   // a refused password is not retried
}

void TestSmtpClient::pipeliningSendsEnvelopeInOneBatch()
{
    const QString carol = QStringLiteral("carol@example.test");
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    // The server answers nothing until it has MAIL and both RCPTs: a client that
    // waited for the MAIL reply would time out here.
    server.addConnection(login({"PIPELINING"})
                         + "C: MAIL FROM:<ann@machina.test> SIZE=*\n"
                           "C: RCPT TO:<bob@example.test>\n"
                           "C: RCPT TO:<carol@example.test>\n"
                           "S: 250 2.1.0 Ok\n"
                           "S: 250 2.1.5 Ok\n"
                           "S: 250 2.1.5 Ok\n"
                           "C: DATA\n"
                           "S: 354 End data with <CR><LF>.<CR><LF>\n"
                           "wait-data\n"
                           "S: 250 2.0.0 Ok: queued as 77\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched send(client.send(kFrom, {kTo, carol}, kMessage));
    VERIFY_OK(send);
    VERIFY_SERVER_COMPLETE(server);

    const QList<ScriptedServer::ClientLine> lines = server.clientLines();
    QCOMPARE(lines.size(), 6);
    const ScriptedServer::ClientLine &mail = lines.at(2);
    QVERIFY(mail.line.startsWith("MAIL FROM:"));
    for (int i = 3; i <= 4; ++i) {
        QVERIFY(lines.at(i).line.startsWith("RCPT TO:"));
        QCOMPARE(lines.at(i).chunk, mail.chunk);                            // one write
        QCOMPARE(lines.at(i).serverWritesBefore, mail.serverWritesBefore);  // before any reply
    }
    QCOMPARE(lines.at(5).line, QByteArray("DATA"));
    QCOMPARE(lines.at(5).serverWritesBefore, mail.serverWritesBefore + 1); // after the RCPT replies
    QCOMPARE(send->recipients().size(), 2);
    QVERIFY(send->recipients().at(0).accepted && send->recipients().at(1).accepted);
    QCOMPARE(send->recipients().at(1).address, carol);
    QCOMPARE(server.dataPayloads(), QList<QByteArray>{kMessage});
}

void TestSmtpClient::refusedRecipientResets_data()
{
    QTest::addColumn<bool>("pipelining");
    QTest::addColumn<QByteArray>("envelope");
    const QByteArray refusal = "S: 550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown\n";
    QTest::addRow("pipelined") << true
                               << "C: MAIL FROM:<ann@machina.test> SIZE=*\n"
                                  "C: RCPT TO:<bob@example.test>\n"
                                  "C: RCPT TO:<nobody@example.test>\n"
                                  "S: 250 2.1.0 Ok\n"
                                  "S: 250 2.1.5 Ok\n"
                                  + refusal;
    QTest::addRow("one by one") << false
                                << "C: MAIL FROM:<ann@machina.test> SIZE=*\n"
                                   "S: 250 2.1.0 Ok\n"
                                   "C: RCPT TO:<bob@example.test>\n"
                                   "S: 250 2.1.5 Ok\n"
                                   "C: RCPT TO:<nobody@example.test>\n"
                                   + refusal;
}

void TestSmtpClient::refusedRecipientResets()
{
    QFETCH(bool, pipelining);
    QFETCH(QByteArray, envelope);
    const QString nobody = QStringLiteral("nobody@example.test");

    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    // The NOOP afterwards proves the client sent RSET and nothing else (no DATA).
    server.addConnection(login(pipelining ? QByteArrayList{"PIPELINING"} : QByteArrayList{}) + envelope
                         + "C: RSET\n"
                           "S: 250 2.0.0 Ok\n"
                           "C: NOOP\n"
                           "S: 250 2.0.0 Ok\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched send(client.send(kFrom, {kTo, nobody}, kMessage));
    VERIFY_ERROR(send, Kind::Rejected);
    const QString message = send->error().message();
    QVERIFY2(message.contains(nobody), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown")),
             qPrintable(message));
    QVERIFY2(!message.contains(kTo), qPrintable(message));

    const QList<RecipientResult> results = send->recipients();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).address, kTo);
    QVERIFY(results.at(0).accepted);
    QCOMPARE(results.at(0).serverReply, QStringLiteral("250 2.1.5 Ok"));
    QCOMPARE(results.at(1).address, nobody);
    QVERIFY(!results.at(1).accepted);
    QCOMPARE(results.at(1).serverReply,
             QStringLiteral("550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown"));

    Watched noop(client.noop());
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    QVERIFY(!server.commands(1).contains("DATA"));
    QVERIFY(server.dataPayloads().isEmpty());
    QCOMPARE(server.connectionCount(), 1);
}

void TestSmtpClient::keptSessionLostBeforeDataReconnects_data()
{
    QTest::addColumn<QByteArray>("loss");
    QTest::addRow("421 to MAIL") << QByteArray("S: 421 4.3.2 mx.test Service shutting down\nclose\n");
    QTest::addRow("closed at MAIL") << QByteArray("close\n");
    QTest::addRow("aborted at MAIL") << QByteArray("abort\n");
}

void TestSmtpClient::keptSessionLostBeforeDataReconnects()
{
    QFETCH(QByteArray, loss);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login() + transaction("1") + "C: MAIL FROM:<ann@machina.test> SIZE=*\n" + loss);
    server.addConnection(login() + transaction("2"));
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched first(client.send(kFrom, {kTo}, kMessage));
    Watched second(client.send(kFrom, {kTo}, kMessage + "second\r\n"));
    VERIFY_OK(first);
    VERIFY_OK(second);
    QCOMPARE(second.spy.count(), 1);
    QCOMPARE(second->serverReply(), QStringLiteral("250 2.0.0 Ok: queued as 2"));
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 2);
    QCOMPARE(server.dataPayloads(), (QList<QByteArray>{kMessage, kMessage + "second\r\n"}));
}

void TestSmtpClient::sessionLostAfterMessageIsNotRetried_data()
{
    QTest::addColumn<QByteArray>("loss");
    QTest::addColumn<QString>("expected");
    QTest::addRow("421 to the final dot") << QByteArray("S: 421 4.4.2 mx.test Error: timeout exceeded\nclose\n")
                                          << QStringLiteral("421 4.4.2 mx.test Error: timeout exceeded");
    QTest::addRow("closed during DATA") << QByteArray("close\n") << QStringLiteral("DATA");
    QTest::addRow("aborted during DATA") << QByteArray("abort\n") << QStringLiteral("DATA");
}

void TestSmtpClient::sessionLostAfterMessageIsNotRetried()
{
    QFETCH(QByteArray, loss);
    QFETCH(QString, expected);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    // The second send runs on the kept session, where a loss before DATA would be retried.
    server.addConnection(login() + transaction("1")
                         + "C: MAIL FROM:<ann@machina.test> SIZE=*\n"
                           "S: 250 2.1.0 Ok\n"
                           "C: RCPT TO:<bob@example.test>\n"
                           "S: 250 2.1.5 Ok\n"
                           "C: DATA\n"
                           "S: 354 End data with <CR><LF>.<CR><LF>\n"
                           "wait-data\n"
                           + loss);
    // What the client does next shows whether it retried: a NOOP, not a second MAIL.
    server.addConnection(login() + "C: NOOP\nS: 250 2.0.0 Ok\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched first(client.send(kFrom, {kTo}, kMessage));
    Watched second(client.send(kFrom, {kTo}, kMessage));
    VERIFY_OK(first);
    VERIFY_ERROR(second, Kind::Network);
    const QString message = second->error().message();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(server.port())), qPrintable(message));
    QCOMPARE(server.dataPayloads().size(), 2);

    Watched noop(client.noop());
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 2);
    QCOMPARE(server.commands(2), (QList<QByteArray>{"EHLO [127.0.0.1]", "AUTH PLAIN " + plainResponse(), "NOOP"}));
}

void TestSmtpClient::startTlsNotOfferedRefusesPlainText()
{
    ScriptedServer server(ScriptedServer::Mode::Plain);
    server.addConnection(greetAndEhlo({"PIPELINING", "SIZE 1000000", "AUTH PLAIN LOGIN"}));
    QVERIFY(server.start());

    SmtpClient client(settings(server, /*implicitTls=*/false));
    Watched open(client.open());
    VERIFY_ERROR(open, Kind::Tls);
    const QString message = open->error().message();
    QVERIFY2(message.contains(QStringLiteral("does not offer STARTTLS")), qPrintable(message));
    QTRY_COMPARE_WITH_TIMEOUT(server.closedCount(), 1, kWaitMs);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1), QList<QByteArray>{"EHLO [127.0.0.1]"});   // no AUTH, no MAIL, no QUIT
    QVERIFY(client.tlsProtocol().isEmpty());
}

void TestSmtpClient::startTlsDiscardsInjectedReplies()
{
    ScriptedServer server(ScriptedServer::Mode::Plain);
    // A man in the middle appends "250 injected" to the 220 in clear (CVE-2011-0411).
    // The capabilities in clear differ from those over TLS, so the test sees which ones the client kept.
    server.addConnection(greetAndEhlo({"STARTTLS", "SIZE 1000", "AUTH LOGIN"})
                         + "C: STARTTLS\n"
                           "raw: 220 2.0.0 Ready to start TLS\\r\\n250 injected\\r\\n\n"
                           "starttls\n"
                           "C: EHLO [127.0.0.1]\n"
                           "S: 250-mx.test greets [127.0.0.1]\n"
                           "S: 250-PIPELINING\n"
                           "S: 250 AUTH PLAIN\n"
                         + authPlainOk()
                         + "C: MAIL FROM:<ann@machina.test>\n"
                           "C: RCPT TO:<bob@example.test>\n"
                           "S: 250 2.1.0 Ok\n"
                           "S: 250 2.1.5 Ok\n"
                           "C: DATA\n"
                           "S: 354 go ahead\n"
                           "wait-data\n"
                           "S: 250 2.0.0 Ok: queued as 9\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server, /*implicitTls=*/false));
    Watched send(client.send(kFrom, {kTo}, kMessage));
    VERIFY_OK(send);
    VERIFY_SERVER_COMPLETE(server);

    QCOMPARE(server.commands(1), (QList<QByteArray>{"EHLO [127.0.0.1]", "STARTTLS", "EHLO [127.0.0.1]",
                                                    "AUTH PLAIN " + plainResponse(), "MAIL FROM:<ann@machina.test>",
                                                    "RCPT TO:<bob@example.test>", "DATA"}));
    const SmtpCapabilities caps = client.capabilities();
    QVERIFY(!caps.has("STARTTLS"));
    QVERIFY(caps.has("PIPELINING"));
    QCOMPARE(caps.sizeLimit(), qint64(0));
    QCOMPARE(caps.authMechanisms(), QList<QByteArray>{"PLAIN"});
    QVERIFY2(client.tlsProtocol().startsWith(QStringLiteral("TLSv1.")), qPrintable(client.tlsProtocol()));
    QCOMPARE(server.dataPayloads(), QList<QByteArray>{kMessage});
}

void TestSmtpClient::ehloRefusedFallsBackToHelo()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("S: 220 old.test SMTP\n"
                         "C: EHLO [127.0.0.1]\n"
                         "S: 502 5.5.1 Command not implemented\n"
                         "C: HELO [127.0.0.1]\n"
                         "S: 250 old.test\n"
                         "C: MAIL FROM:<ann@machina.test>\n"
                         "S: 250 Ok\n"
                         "C: RCPT TO:<bob@example.test>\n"
                         "S: 250 Ok\n"
                         "C: DATA\n"
                         "S: 354 go ahead\n"
                         "wait-data\n"
                         "S: 250 Ok\n");
    QVERIFY(server.start());

    SmtpSettings s = settings(server);
    s.username.clear();   // HELO has no AUTH
    SmtpClient client(s);
    Watched send(client.send(kFrom, {kTo}, kMessage));
    VERIFY_OK(send);
    VERIFY_SERVER_COMPLETE(server);
    QVERIFY(client.capabilities().isEmpty());
    QCOMPARE(server.dataPayloads(), QList<QByteArray>{kMessage});
}

void TestSmtpClient::slowServerTimesOut()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login()
                         + "C: MAIL FROM:<ann@machina.test> SIZE=*\n"
                           "sleep 1500\n"
                           "S: 250 2.1.0 Ok, but too late\n");
    QVERIFY(server.start());

    SmtpSettings s = settings(server);
    s.timeoutMs = 300;
    SmtpClient client(s);
    Watched send(client.send(kFrom, {kTo}, kMessage));
    QElapsedTimer elapsed;
    elapsed.start();
    VERIFY_ERROR(send, Kind::Timeout);
    const QString message = send->error().message();
    QVERIFY2(message.contains(QStringLiteral("waiting for MAIL FROM")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("0.3 s")), qPrintable(message));
    QVERIFY2(elapsed.elapsed() < 1500, "the client waited for the server instead of its own timeout");
    QCOMPARE(client.state(), SmtpClient::State::Disconnected);
    QTRY_COMPARE_WITH_TIMEOUT(server.closedCount(), 1, kWaitMs);
}

void TestSmtpClient::untrustedCertificateIsTlsError()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("S: 220 never seen\n");
    QVERIFY(server.start());

    SmtpSettings s = settings(server);
    s.tls = ScriptedServer::clientTlsConfiguration(/*trustTestCa=*/false);
    SmtpClient client(s);
    Watched open(client.open());
    VERIFY_ERROR(open, Kind::Tls);
    const QString message = open->error().message();
    QVERIFY2(message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(server.port())), qPrintable(message));
    QVERIFY(server.clientLines().isEmpty());
    QVERIFY(server.dataPayloads().isEmpty());
}

void TestSmtpClient::smtpUtf8NotOfferedIsRejectedBeforeMail()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login() + "C: NOOP\nS: 250 2.0.0 Ok\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched send(client.send(kFrom, {QStringLiteral("jörg@bücher.example")}, kMessage, /*smtpUtf8=*/true));
    VERIFY_ERROR(send, Kind::Rejected);
    QVERIFY2(send->error().message().contains(QStringLiteral("SMTPUTF8")), describe(send.reply.get()).constData());
    Watched noop(client.noop());   // the session is still usable and saw no MAIL
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1), (QList<QByteArray>{"EHLO [127.0.0.1]", "AUTH PLAIN " + plainResponse(), "NOOP"}));
}

void TestSmtpClient::sizeLimitExceededIsRejectedBeforeMail()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(greetAndEhlo({"SIZE 100", "AUTH PLAIN"}) + authPlainOk() + "C: NOOP\nS: 250 2.0.0 Ok\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    const QByteArray big = kMessage + QByteArray(200, 'x') + "\r\n";
    Watched send(client.send(kFrom, {kTo}, big));
    VERIFY_ERROR(send, Kind::Rejected);
    const QString message = send->error().message();
    QVERIFY2(message.contains(QString::number(big.size())) && message.contains(QStringLiteral("100")), qPrintable(message));
    Watched noop(client.noop());
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1), (QList<QByteArray>{"EHLO [127.0.0.1]", "AUTH PLAIN " + plainResponse(), "NOOP"}));
}

void TestSmtpClient::idleCloseBetweenSendsReconnects_data()
{
    QTest::addColumn<QByteArray>("idleEnd");
    QTest::addRow("421 then close") << QByteArray("sleep 20\nS: 421 4.4.2 mx.test Error: timeout exceeded\nclose\n");
    QTest::addRow("silent close") << QByteArray("sleep 20\nclose\n");
    QTest::addRow("abort") << QByteArray("sleep 20\nabort\n");
}

void TestSmtpClient::idleCloseBetweenSendsReconnects()
{
    QFETCH(QByteArray, idleEnd);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login() + transaction("1") + idleEnd);
    server.addConnection(login() + transaction("2"));
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched first(client.send(kFrom, {kTo}, kMessage));
    VERIFY_OK(first);
    // The server closes the idle session; the client notices without a job running.
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), SmtpClient::State::Disconnected, kWaitMs);
    QCOMPARE(server.connectionCount(), 1);

    Watched second(client.send(kFrom, {kTo}, kMessage));
    VERIFY_OK(second);
    QCOMPARE(second->serverReply(), QStringLiteral("250 2.0.0 Ok: queued as 2"));
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 2);
    QCOMPARE(server.dataPayloads().size(), 2);
}

void TestSmtpClient::closeSendsQuit()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login() + "C: QUIT\nS: 221 2.0.0 Bye\nclose\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    Watched close(client.close());
    VERIFY_OK(close);
    QCOMPARE(client.state(), SmtpClient::State::Disconnected);
    VERIFY_SERVER_COMPLETE(server);
}

void TestSmtpClient::eightBitAndSmtpUtf8Parameters()
{
    const QString jorg = QStringLiteral("jörg@bücher.example");
    const QByteArray body = "Subject: caf\xc3\xa9\r\n\r\nCaf\xc3\xa9.\r\n";
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login({"SMTPUTF8"})
                         + "C: MAIL FROM:<ann@machina.test> BODY=8BITMIME SMTPUTF8 SIZE=" + QByteArray::number(body.size()) + "\n"
                           "S: 250 2.1.0 Ok\n"
                           "C: RCPT TO:<" + jorg.toUtf8() + ">\n"
                           "S: 250 2.1.5 Ok\n"
                           "C: DATA\n"
                           "S: 354 go ahead\n"
                           "wait-data\n"
                           "S: 250 2.0.0 Ok\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched send(client.send(kFrom, {jorg}, body, /*smtpUtf8=*/true));
    VERIFY_OK(send);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.dataPayloads(), QList<QByteArray>{body});
}

void TestSmtpClient::messageRefusedKeepsSession()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(login()
                         + "C: MAIL FROM:<ann@machina.test> SIZE=*\n"
                           "S: 250 2.1.0 Ok\n"
                           "C: RCPT TO:<bob@example.test>\n"
                           "S: 250 2.1.5 Ok\n"
                           "C: DATA\n"
                           "S: 354 go ahead\n"
                           "wait-data\n"
                           "S: 554 5.7.1 Message rejected as spam\n"
                         + transaction("2"));
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched refused(client.send(kFrom, {kTo}, kMessage));
    Watched second(client.send(kFrom, {kTo}, kMessage));
    VERIFY_ERROR(refused, Kind::Rejected);
    QVERIFY2(refused->error().message().contains(QStringLiteral("554 5.7.1 Message rejected as spam")),
             describe(refused.reply.get()).constData());
    QCOMPARE(refused->serverReply(), QStringLiteral("554 5.7.1 Message rejected as spam"));
    VERIFY_OK(second);   // a refused message leaves the session usable
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.connectionCount(), 1);
}

void TestSmtpClient::malformedReplyIsProtocolError()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("S: 220 mx.test ESMTP\n"
                         "C: EHLO [127.0.0.1]\n"
                         "S: hello, I am not SMTP\n");
    QVERIFY(server.start());

    SmtpClient client(settings(server));
    Watched open(client.open());
    VERIFY_ERROR(open, Kind::Protocol);
    QVERIFY2(open->error().message().contains(QStringLiteral("three-digit code")), describe(open.reply.get()).constData());
    QCOMPARE(client.state(), SmtpClient::State::Disconnected);
    VERIFY_SERVER_COMPLETE(server);
}

namespace {
QStringList g_smtpLog;
QtMessageHandler g_previousHandler = nullptr;

void captureSmtpLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "machina.smtp") == 0) {
        g_smtpLog.append(message);
        return;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}
} // namespace

void TestSmtpClient::secretsNeverLogged()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(greetAndEhlo({"AUTH PLAIN"}) + authPlainOk());
    server.addConnection(greetAndEhlo({"AUTH LOGIN"})
                         + "C: AUTH LOGIN\n"
                           "S: 334 VXNlcm5hbWU6\n"
                           "C: " + kUser.toUtf8().toBase64() + "\n"
                           "S: 334 UGFzc3dvcmQ6\n"
                           "C: " + kPassword.toUtf8().toBase64() + "\n"
                           "S: 235 2.7.0 Authentication successful\n");
    server.addConnection(greetAndEhlo({"AUTH XOAUTH2"})
                         + "C: AUTH XOAUTH2 " + xoauth2Response() + "\n"
                           "S: 235 2.7.0 Accepted\n");
    QVERIFY(server.start());

    g_smtpLog.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("machina.smtp.debug=true"));
    g_previousHandler = qInstallMessageHandler(captureSmtpLog);
    const auto restore = qScopeGuard([] {
        qInstallMessageHandler(g_previousHandler);
        QLoggingCategory::setFilterRules(QString());
    });

    // PLAIN, then LOGIN (the second script offers only LOGIN), then XOAUTH2.
    for (const bool oauth : {false, false, true}) {
        SmtpSettings s = settings(server);
        if (oauth)
            s.accessToken = kToken;
        SmtpClient client(s);
        Watched open(client.open());
        VERIFY_OK(open);
    }
    VERIFY_SERVER_COMPLETE(server);

    const QString log = g_smtpLog.join(QLatin1Char('\n'));
    QVERIFY2(log.contains(QStringLiteral("S: 235")), "no transcript was logged");
    QVERIFY2(log.contains(QStringLiteral("C: AUTH PLAIN <redacted>")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("C: AUTH XOAUTH2 <redacted>")), qPrintable(log));
    QVERIFY2(log.count(QStringLiteral("<redacted>")) == 4, qPrintable(log));   // PLAIN, user, password, XOAUTH2
    const QStringList secrets = {
        kPassword,
        QString::fromLatin1(kPassword.toUtf8().toBase64()),
        QString::fromLatin1(plainResponse()),
        QString::fromLatin1(plainResponse().left(16)),
        kToken,
        QString::fromLatin1(xoauth2Response()),
        QString::fromLatin1(xoauth2Response().left(16)),
    };
    for (const QString &secret : secrets)
        QVERIFY2(!log.contains(secret), qPrintable(QStringLiteral("%1 appears in the log:\n%2").arg(secret, log)));
}

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
