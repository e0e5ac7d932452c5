// HealthTracker's rules: which outcomes make an account Unhealthy, Degraded or
// Healthy, and that the message names the part.

#include "healthtracker.h"

#include <QSignalSpy>
#include <QTest>

using namespace machina;
using Session = HealthTracker::Session;
using Status = ConnectorHealth::Status;
using Kind = ConnectorError::Kind;

namespace {

const ConnectorError kRefused(Kind::Network, QStringLiteral("127.0.0.1:993 refused the connection."));

void mailServer(HealthTracker &t)
{
    t.setPeer(Session::Smtp, QStringLiteral("SMTP 127.0.0.1:465"));
    for (Session s : {Session::ImapBrowse, Session::ImapListen, Session::ImapWatch})
        t.setPeer(s, QStringLiteral("IMAP 127.0.0.1:993"));
}

QDateTime farAway()
{
    return QDateTime::currentDateTimeUtc().addDays(365);
}

} // namespace

class TestHealthTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingTriedIsNotConnected();
    void sendingUpIsHealthy();
    void receivingDownNamesImapOnly();
    void sendingDownNamesSmtp();
    void newestImapOutcomeSpeaksForReceiving();
    void failedOperationIsDegradedRefusedRecipientIsNot();
    void certificateExpiringSoonIsDegraded_data();
    void certificateExpiringSoonIsDegraded();
    void gmailIsOneSession();
    void forgottenSessionsDoNotCount();
    void detailsCarryEachSession();
    void tokenRefreshTroubleIsDegraded();
};

void TestHealthTracker::nothingTriedIsNotConnected()
{
    HealthTracker t;
    mailServer(t);
    const ConnectorHealth h = t.health();
    QCOMPARE(h.status, Status::Unhealthy);
    QCOMPARE(h.message, QStringLiteral("Not connected to SMTP 127.0.0.1:465."));
    QCOMPARE(h.details.value(QStringLiteral("connected")).toBool(), false);
}

void TestHealthTracker::sendingUpIsHealthy()
{
    HealthTracker t;
    mailServer(t);
    QSignalSpy changed(&t, &HealthTracker::changed);
    t.succeeded(Session::Smtp, QStringLiteral("TLSv1.3"), farAway());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(t.health().status, Status::Healthy);
    QCOMPARE(t.health().message, QStringLiteral("Connected to SMTP 127.0.0.1:465 (TLSv1.3)."));
    t.succeeded(Session::ImapBrowse, QStringLiteral("TLSv1.2"), farAway());
    QCOMPARE(t.health().message,
             QStringLiteral("Connected to SMTP 127.0.0.1:465 (TLSv1.3); receiving from IMAP 127.0.0.1:993 (TLSv1.2)."));
    QVERIFY(t.isUp(Session::Smtp));
}

void TestHealthTracker::tokenRefreshTroubleIsDegraded()
{
    HealthTracker t;
    mailServer(t);
    t.succeeded(Session::Smtp, QStringLiteral("TLSv1.3"), farAway());
    const QDateTime expiry = QDateTime::fromSecsSinceEpoch(1900000000, Qt::UTC);
    t.setTokenExpiry(expiry);
    QCOMPARE(t.health().status, Status::Healthy);
    QCOMPARE(t.health().details.value(QStringLiteral("token_expiry")).toString(), expiry.toString(Qt::ISODate));

    QSignalSpy changed(&t, &HealthTracker::changed);
    const ConnectorError unreachable(ConnectorError::Kind::Network,
                                     QStringLiteral("could not reach Microsoft's token endpoint at login.test"));
    t.setTokenRefreshProblem(unreachable);
    QCOMPARE(changed.size(), 1);
    const ConnectorHealth h = t.health();
    QCOMPARE(h.status, Status::Degraded);
    QVERIFY2(h.message.contains(QStringLiteral("token could not be refreshed: could not reach Microsoft's")), qPrintable(h.message));
    QCOMPARE(h.details.value(QStringLiteral("token_refresh_error")).toString(), unreachable.message());

    t.setTokenRefreshProblem({});   // the next refresh worked
    QCOMPARE(changed.size(), 2);
    QCOMPARE(t.health().status, Status::Healthy);
    QVERIFY(!t.health().details.contains(QStringLiteral("token_refresh_error")));
}

void TestHealthTracker::receivingDownNamesImapOnly()
{
    HealthTracker t;
    mailServer(t);
    t.succeeded(Session::Smtp, QStringLiteral("TLSv1.3"), farAway());
    t.sessionFailed(Session::ImapListen, kRefused);
    const ConnectorHealth h = t.health();
    QCOMPARE(h.status, Status::Unhealthy);
    QCOMPARE(h.message, QStringLiteral("Cannot receive: IMAP 127.0.0.1:993: 127.0.0.1:993 refused the connection."));
    QVERIFY(!t.isUp(Session::ImapListen));
}

void TestHealthTracker::sendingDownNamesSmtp()
{
    HealthTracker t;
    mailServer(t);
    t.succeeded(Session::Smtp);
    t.sessionFailed(Session::Smtp, {Kind::Auth, QStringLiteral("refused the credentials")});
    QCOMPARE(t.health().status, Status::Unhealthy);
    QVERIFY2(t.health().message.startsWith(QStringLiteral("Cannot send: SMTP 127.0.0.1:465: refused")), qPrintable(t.health().message));
}

void TestHealthTracker::newestImapOutcomeSpeaksForReceiving()
{
    HealthTracker t;
    mailServer(t);
    t.succeeded(Session::Smtp);
    t.sessionFailed(Session::ImapBrowse, kRefused);
    QTest::qWait(5);
    t.sessionFailed(Session::ImapWatch, kRefused);
    QCOMPARE(t.health().status, Status::Unhealthy);
    QTest::qWait(5);
    t.succeeded(Session::ImapWatch);   // the watch reconnected: the server is back for all of them
    QCOMPARE(t.health().status, Status::Healthy);
}

void TestHealthTracker::failedOperationIsDegradedRefusedRecipientIsNot()
{
    HealthTracker t;
    mailServer(t);
    t.succeeded(Session::Smtp);
    t.operationFailed(Session::Smtp, {Kind::Rejected, QStringLiteral("550 5.1.1 unknown user")});
    QCOMPARE(t.health().status, Status::Healthy);
    QCOMPARE(t.health().details.value(QStringLiteral("last_error_kind")).toString(), QStringLiteral("rejected"));
    t.operationFailed(Session::Smtp, {Kind::Network, QStringLiteral("Gmail rate limit (429); retrying in 1.0 s")});
    QCOMPARE(t.health().status, Status::Degraded);
    QVERIFY2(t.health().message.contains(QStringLiteral("SMTP 127.0.0.1:465, but the last attempt failed: Gmail rate limit")),
             qPrintable(t.health().message));
    t.succeeded(Session::Smtp);
    QCOMPARE(t.health().status, Status::Healthy);
    t.operationFailed(Session::Smtp, {Kind::Aborted, QStringLiteral("closed")});   // asked for: nothing wrong
    QCOMPARE(t.health().status, Status::Healthy);
}

void TestHealthTracker::certificateExpiringSoonIsDegraded_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("words");
    QTest::addRow("in a year") << 365 << int(Status::Healthy) << QString();
    QTest::addRow("in 15 days") << 15 << int(Status::Healthy) << QString();
    QTest::addRow("in 13 days") << 13 << int(Status::Degraded) << QStringLiteral("expires on");
    QTest::addRow("yesterday") << -1 << int(Status::Degraded) << QStringLiteral("expired on");
}

void TestHealthTracker::certificateExpiringSoonIsDegraded()
{
    QFETCH(int, days);
    QFETCH(int, status);
    QFETCH(QString, words);
    HealthTracker t;
    mailServer(t);
    t.succeeded(Session::Smtp, QStringLiteral("TLSv1.3"), QDateTime::currentDateTimeUtc().addDays(days));
    QCOMPARE(int(t.health().status), status);
    if (!words.isEmpty()) {
        QVERIFY2(t.health().message.contains(QStringLiteral("The certificate of SMTP 127.0.0.1:465 ") + words),
                 qPrintable(t.health().message));
    }
}

void TestHealthTracker::gmailIsOneSession()
{
    HealthTracker t;
    t.setPeer(Session::Gmail, QStringLiteral("the Gmail API at gmail.googleapis.com"));
    QCOMPARE(t.health().message, QStringLiteral("Not connected to the Gmail API at gmail.googleapis.com."));
    t.succeeded(Session::Gmail);
    QCOMPARE(t.health().status, Status::Healthy);
    t.operationFailed(Session::Gmail, {Kind::Network, QStringLiteral("Gmail rate limit (429); retrying in 1.0 s")});
    QCOMPARE(t.health().status, Status::Degraded);
    t.sessionFailed(Session::Gmail, {Kind::Auth, QStringLiteral("sign in again")});
    QCOMPARE(t.health().status, Status::Unhealthy);
    QVERIFY2(t.health().message.startsWith(QStringLiteral("Cannot reach: the Gmail API")), qPrintable(t.health().message));
}

void TestHealthTracker::forgottenSessionsDoNotCount()
{
    HealthTracker t;
    mailServer(t);
    t.succeeded(Session::Smtp);
    t.sessionFailed(Session::ImapWatch, kRefused);
    t.forget(Session::ImapWatch);   // watchInbox(false)
    QCOMPARE(t.health().status, Status::Healthy);
    t.forget(Session::Smtp);        // disconnectFromServers()
    QCOMPARE(t.health().status, Status::Unhealthy);
    QCOMPARE(t.health().message, QStringLiteral("Not connected to SMTP 127.0.0.1:465."));
}

void TestHealthTracker::detailsCarryEachSession()
{
    HealthTracker t;
    mailServer(t);
    const QDateTime expiry = farAway();
    t.succeeded(Session::Smtp, QStringLiteral("TLSv1.3"), expiry);
    t.recordSend();
    t.recordPoll();
    t.sessionFailed(Session::ImapListen, kRefused);
    const QVariantMap d = t.health().details;
    const QVariantMap sessions = d.value(QStringLiteral("sessions")).toMap();
    QCOMPARE(sessions.keys(), (QStringList{QStringLiteral("imap_listen"), QStringLiteral("smtp")}));
    const QVariantMap smtp = sessions.value(QStringLiteral("smtp")).toMap();
    QCOMPARE(smtp.value(QStringLiteral("tls_version")).toString(), QStringLiteral("TLSv1.3"));
    QCOMPARE(smtp.value(QStringLiteral("certificate_expiry")).toString(), expiry.toString(Qt::ISODate));
    QCOMPARE(smtp.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
    QCOMPARE(sessions.value(QStringLiteral("imap_listen")).toMap().value(QStringLiteral("state")).toString(), QStringLiteral("down"));
    QCOMPARE(d.value(QStringLiteral("messages_sent")).toInt(), 1);
    QVERIFY(d.contains(QStringLiteral("last_successful_send")));
    QVERIFY(d.contains(QStringLiteral("last_successful_poll")));
    QCOMPARE(d.value(QStringLiteral("last_error_kind")).toString(), QStringLiteral("network"));
}

QTEST_GUILESS_MAIN(TestHealthTracker)
#include "tst_healthtracker.moc"
