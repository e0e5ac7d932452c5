// SecureLineTransport on its own, against the scripted server: what both
// protocols get from it (implicit TLS, STARTTLS with the discard of what came
// in clear, certificate verification, the step timer, the transcript) is
// tested here once rather than once per protocol.

#include "scriptedserver.h"

#include "transport/securelinetransport.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace machina;
using Kind = ConnectorError::Kind;

Q_LOGGING_CATEGORY(lcTransportTest, "machina.transporttest", QtWarningMsg)

namespace {

constexpr int kWaitMs = 10000;

QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "machina.transporttest") == 0) {
        g_log.append(message);
        return;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

TransportSettings settingsFor(const ScriptedServer &server, bool implicitTls, int timeoutMs = kWaitMs)
{
    return {QStringLiteral("TEST"), QStringLiteral("127.0.0.1"), server.port(), implicitTls,
            ScriptedServer::clientTlsConfiguration(), timeoutMs};
}

/// Everything the line delivered, and how it ended.
struct Recorder
{
    explicit Recorder(SecureLineTransport *line)
        : connected(line, &SecureLineTransport::connected),
          encrypted(line, &SecureLineTransport::encrypted),
          closed(line, &SecureLineTransport::closedByPeer),
          failed(line, &SecureLineTransport::failed)
    {
        QObject::connect(line, &SecureLineTransport::received, line, [this](const QByteArray &b) { bytes += b; });
    }
    bool waitFor(const QByteArray &text) const
    {
        QElapsedTimer t;
        t.start();
        while (!bytes.contains(text) && t.elapsed() < kWaitMs)
            QTest::qWait(10);
        return bytes.contains(text);
    }
    ConnectorError error() const { return failed.isEmpty() ? ConnectorError() : failed.first().first().value<ConnectorError>(); }

    QSignalSpy connected;
    QSignalSpy encrypted;
    QSignalSpy closed;
    QSignalSpy failed;
    QByteArray bytes;
};

} // namespace

class TestSecureLineTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void implicitTlsCarriesLinesBothWays();
    void startTlsDiscardsWhatCameInClear();
    void untrustedCertificateIsTlsError();
    void refusedPortIsNetworkError();
    void silenceBeyondTheStepLimitTimesOut();
    void progressRestartsTheStepTimer();
    void peerCloseEndsTheLine();
    void transcriptHasBothDirectionsAndRedacts();
};

void TestSecureLineTransport::initTestCase()
{
    qRegisterMetaType<ConnectorError>();
    QVERIFY2(ScriptedServer::certificates().error.isEmpty(), qPrintable(ScriptedServer::certificates().error));
}

void TestSecureLineTransport::implicitTlsCarriesLinesBothWays()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("S: 220 hello\n"
                         "C: PING one\n"
                         "S: 250-first\n"
                         "S: 250 second\n"
                         "C?: BYE\n");
    QVERIFY(server.start());

    SecureLineTransport line(&lcTransportTest);
    Recorder rec(&line);
    line.open(settingsFor(server, true));
    QVERIFY(rec.encrypted.wait(kWaitMs));
    QCOMPARE(rec.connected.count(), 1);   // TCP first, then the handshake
    QVERIFY(line.isEncrypted());
    QVERIFY2(line.tlsProtocol().startsWith(QStringLiteral("TLSv1.")), qPrintable(line.tlsProtocol()));
    QVERIFY(!line.peerCertificate().isNull());
    QCOMPARE(line.endpoint(), QStringLiteral("127.0.0.1:%1").arg(server.port()));

    QVERIFY(rec.waitFor("220 hello\r\n"));
    line.write("PING one\r\n");
    QVERIFY(rec.waitFor("250 second\r\n"));
    QCOMPARE(rec.bytes, QByteArray("220 hello\r\n250-first\r\n250 second\r\n"));
    line.close();
    QTRY_VERIFY2_WITH_TIMEOUT(server.isComplete(), server.report().constData(), kWaitMs);
    QVERIFY(rec.failed.isEmpty());
    QVERIFY(rec.closed.isEmpty());   // close() is quiet
}

void TestSecureLineTransport::startTlsDiscardsWhatCameInClear()
{
    ScriptedServer server(ScriptedServer::Mode::Plain);
    // A man in the middle appends a line to the go-ahead, in clear, in the same write.
    server.addConnection("S: 220 clear greeting\n"
                         "C: STARTTLS\n"
                         "raw: 220 go ahead\\r\\n250 injected\\r\\n\n"
                         "starttls\n"
                         "C: AFTER\n"
                         "S: 250 over TLS\n");
    QVERIFY(server.start());

    SecureLineTransport line(&lcTransportTest);
    Recorder rec(&line);
    line.open(settingsFor(server, false));
    QVERIFY(rec.connected.wait(kWaitMs));
    QVERIFY(!line.isEncrypted());
    QVERIFY(rec.waitFor("220 clear greeting\r\n"));
    line.write("STARTTLS\r\n");
    QVERIFY(rec.waitFor("220 go ahead\r\n"));

    // What a session's parser would still hold past the go-ahead line.
    const qsizetype end = rec.bytes.indexOf("220 go ahead\r\n") + qsizetype(sizeof("220 go ahead\r\n") - 1);
    const qsizetype held = rec.bytes.size() - end;
    rec.bytes.clear();
    const qsizetype discarded = line.startTls(held);
    QTRY_COMPARE_WITH_TIMEOUT(rec.encrypted.count(), 1, kWaitMs);
    // Every injected byte counted, whether the session held it or the socket still did.
    QCOMPARE(discarded, qsizetype(sizeof("250 injected\r\n") - 1));

    line.write("AFTER\r\n");
    QVERIFY(rec.waitFor("250 over TLS\r\n"));
    QCOMPARE(rec.bytes, QByteArray("250 over TLS\r\n"));   // nothing of the injected line
    QTRY_VERIFY2_WITH_TIMEOUT(server.isComplete(), server.report().constData(), kWaitMs);
}

void TestSecureLineTransport::untrustedCertificateIsTlsError()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("S: 220 never seen\n");
    QVERIFY(server.start());

    SecureLineTransport line(&lcTransportTest);
    Recorder rec(&line);
    TransportSettings s = settingsFor(server, true);
    s.tls = ScriptedServer::clientTlsConfiguration(/*trustTestCa=*/false);
    line.open(s);
    QVERIFY(rec.failed.wait(kWaitMs));
    const ConnectorError error = rec.error();
    QCOMPARE(error.kind(), Kind::Tls);
    QVERIFY2(error.message().contains(QStringLiteral("certificate"), Qt::CaseInsensitive), qPrintable(error.message()));
    QVERIFY2(error.message().contains(line.endpoint()), qPrintable(error.message()));
    QVERIFY(!line.isOpen());
    QVERIFY(rec.encrypted.isEmpty());
    QVERIFY(rec.bytes.isEmpty());
    QVERIFY(server.clientLines().isEmpty());
}

void TestSecureLineTransport::refusedPortIsNetworkError()
{
    quint16 port = 0;
    {
        QTcpServer probe;   // a port that was free a moment ago, and is closed now
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    SecureLineTransport line(&lcTransportTest);
    Recorder rec(&line);
    line.open({QStringLiteral("TEST"), QStringLiteral("127.0.0.1"), port, true,
               ScriptedServer::clientTlsConfiguration(), kWaitMs});
    QVERIFY(rec.failed.wait(kWaitMs));
    QCOMPARE(rec.error().kind(), Kind::Network);
    QVERIFY2(rec.error().message().contains(QStringLiteral("refused the connection")), qPrintable(rec.error().message()));
    QVERIFY(rec.connected.isEmpty());
}

void TestSecureLineTransport::silenceBeyondTheStepLimitTimesOut()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("sleep 2000\n"
                         "S: 220 too late\n");
    QVERIFY(server.start());

    SecureLineTransport line(&lcTransportTest);
    Recorder rec(&line);
    line.open(settingsFor(server, true, 300));
    QVERIFY(rec.encrypted.wait(kWaitMs));
    QElapsedTimer elapsed;
    elapsed.start();
    line.arm(QStringLiteral("the greeting"));
    QVERIFY(rec.failed.wait(kWaitMs));
    QVERIFY2(elapsed.elapsed() < 1500, "the line waited for the server instead of its own limit");
    QCOMPARE(rec.error().kind(), Kind::Timeout);
    QVERIFY2(rec.error().message().contains(QStringLiteral("waiting for the greeting")), qPrintable(rec.error().message()));
    QVERIFY2(rec.error().message().contains(QStringLiteral("0.3 s")), qPrintable(rec.error().message()));
    QVERIFY(!line.isOpen());
    QVERIFY(rec.bytes.isEmpty());
}

void TestSecureLineTransport::progressRestartsTheStepTimer()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    // 5 x 150 ms = 750 ms in all, each gap well inside a 400 ms step.
    server.addConnection("sleep 150\nS: a\nsleep 150\nS: b\nsleep 150\nS: c\nsleep 150\nS: d\nsleep 150\nS: e\n");
    QVERIFY(server.start());

    SecureLineTransport line(&lcTransportTest);
    Recorder rec(&line);
    line.open(settingsFor(server, true, 400));
    QVERIFY(rec.encrypted.wait(kWaitMs));
    line.arm(QStringLiteral("the data"));
    QVERIFY(rec.waitFor("e\r\n"));
    QVERIFY2(rec.failed.isEmpty(), qPrintable(rec.error().message()));
    QCOMPARE(rec.bytes, QByteArray("a\r\nb\r\nc\r\nd\r\ne\r\n"));
    line.disarm();
}

void TestSecureLineTransport::peerCloseEndsTheLine()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("S: 421 going away\nclose\n");
    QVERIFY(server.start());

    SecureLineTransport line(&lcTransportTest);
    Recorder rec(&line);
    line.open(settingsFor(server, true));
    QVERIFY(rec.closed.wait(kWaitMs));
    QCOMPARE(rec.bytes, QByteArray("421 going away\r\n"));
    QVERIFY(!line.isOpen());
    QVERIFY(rec.failed.isEmpty());
}

void TestSecureLineTransport::transcriptHasBothDirectionsAndRedacts()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("S: 220 hello\n"
                         "C: AUTH PLAIN c2VjcmV0\n"
                         "S: 235-multi\n"
                         "S: 235 line\n"
                         "C: ONE\n"
                         "C: TWO\n"
                         "S: 250 done\n");
    QVERIFY(server.start());

    g_log.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("machina.transporttest.debug=true"));
    g_previousHandler = qInstallMessageHandler(captureLog);
    const auto restore = qScopeGuard([] {
        qInstallMessageHandler(g_previousHandler);
        QLoggingCategory::setFilterRules(QString());
    });

    SecureLineTransport line(&lcTransportTest);
    Recorder rec(&line);
    line.open(settingsFor(server, true));
    QVERIFY(rec.waitFor("220 hello\r\n"));
    line.write("AUTH PLAIN c2VjcmV0\r\n", "AUTH PLAIN <redacted>");
    QVERIFY(rec.waitFor("235 line\r\n"));
    line.write("ONE\r\nTWO\r\n");   // two lines in one write: two transcript lines
    QVERIFY(rec.waitFor("250 done\r\n"));
    QTRY_VERIFY2_WITH_TIMEOUT(server.isComplete(), server.report().constData(), kWaitMs);

    QStringList transcript;
    for (const QString &entry : std::as_const(g_log)) {
        if (entry.startsWith(QStringLiteral("C: ")) || entry.startsWith(QStringLiteral("S: ")))
            transcript.append(entry);
    }
    const QStringList expected = {
        QStringLiteral("S: 220 hello"),
        QStringLiteral("C: AUTH PLAIN <redacted>"),
        QStringLiteral("S: 235-multi"),    // continuation lines are kept
        QStringLiteral("S: 235 line"),
        QStringLiteral("C: ONE"),
        QStringLiteral("C: TWO"),
        QStringLiteral("S: 250 done"),
    };
    QCOMPARE(transcript, expected);
    QVERIFY2(!g_log.join(QLatin1Char('\n')).contains(QStringLiteral("c2VjcmV0")), qPrintable(g_log.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestSecureLineTransport)
#include "tst_securelinetransport.moc"
