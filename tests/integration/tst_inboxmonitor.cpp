// EmailConnector::watchInbox() against the real Dovecot (user "watcher", which
// no other test reads: the mail sent here stays unseen): new mail is pushed
// (IDLE) without a poll, a Dovecot restart is survived with a re-list signal,
// and watchInbox(false) stops it.

#include "emailconnector.h"
#include "mailstack.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace machina;

class TestInboxMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void newMailIsPushed();
    void survivesDovecotRestart();
    void stopsWhenAsked();
    void refusedLoginIsNotRetried();

private:
    ConnectorConfig configFor(const QString &user) const;
    bool send(const QString &from, const QString &to, const QString &subject);
    static bool waitForStatus(QSignalSpy &spy, const QString &part, int timeoutMs);

    MailStack m_stack;
};

void TestInboxMonitor::initTestCase()
{
    QString error;
    const std::optional<MailStack> stack = MailStack::fromEnvironment(&error);
    QVERIFY2(stack, qPrintable(error));
    m_stack = *stack;
}

ConnectorConfig TestInboxMonitor::configFor(const QString &user) const
{
    ConnectorConfig config = m_stack.config(user);
    config.pollInterval = 3600; // a poll would not explain anything seen within seconds
    config.timeout = 10;
    return config;
}

bool TestInboxMonitor::send(const QString &from, const QString &to, const QString &subject)
{
    return m_stack.send(from, to, subject, QStringLiteral("watch test"));
}

bool TestInboxMonitor::waitForStatus(QSignalSpy &spy, const QString &part, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    int seen = 0;
    while (clock.elapsed() < timeoutMs) {
        for (; seen < spy.size(); ++seen) {
            if (spy.at(seen).at(0).toString().contains(part))
                return true;
        }
        spy.wait(200);
    }
    return false;
}

void TestInboxMonitor::newMailIsPushed()
{
    EmailConnector watcher(configFor(QStringLiteral("watcher")));
    QSignalSpy status(&watcher, &EmailConnector::inboxWatchStatusChanged);
    QSignalSpy changed(&watcher, &EmailConnector::inboxChanged);
    watcher.watchInbox(true);
    QVERIFY(watcher.isWatchingInbox());
    QVERIFY2(waitForStatus(status, QStringLiteral("(IDLE)"), 20000), qPrintable(status.isEmpty() ? QString() : status.last().at(0).toString()));
    QTest::qWait(300); // let the IDLE command reach the server
    QCOMPARE(changed.size(), 0);

    QElapsedTimer clock;
    clock.start();
    QVERIFY(send(QStringLiteral("alarm"), QStringLiteral("watcher"), QStringLiteral("pushed")));
    QVERIFY(changed.wait(15000));
    qInfo("inboxChanged %lld ms after the send started (IDLE, poll interval 3600 s)", clock.elapsed());
    watcher.watchInbox(false);
}

void TestInboxMonitor::survivesDovecotRestart()
{
    EmailConnector watcher(configFor(QStringLiteral("watcher")));
    QSignalSpy status(&watcher, &EmailConnector::inboxWatchStatusChanged);
    QSignalSpy changed(&watcher, &EmailConnector::inboxChanged);
    watcher.watchInbox(true);
    QVERIFY(waitForStatus(status, QStringLiteral("(IDLE)"), 20000));
    status.clear();

    QProcess restart;
    restart.start(QStringLiteral("bash"), {QStringLiteral(MACHINA_SOURCE_DIR "/tests/harness/mailstack.sh"),
                                           QStringLiteral("restart-dovecot"), m_stack.dir});
    QVERIFY(restart.waitForFinished(30000));
    QVERIFY2(restart.exitCode() == 0, restart.readAllStandardError().constData());

    // The drop is reported in words, then the session comes back and asks the viewer to list again.
    QVERIFY(waitForStatus(status, QStringLiteral("cannot watch the inbox"), 20000));
    QVERIFY(waitForStatus(status, QStringLiteral("(IDLE)"), 30000));
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 5000);
    changed.clear();
    QTest::qWait(300);

    QVERIFY(send(QStringLiteral("alarm"), QStringLiteral("watcher"), QStringLiteral("after restart")));
    QVERIFY(changed.wait(15000));
    watcher.watchInbox(false);
}

void TestInboxMonitor::stopsWhenAsked()
{
    EmailConnector watcher(configFor(QStringLiteral("watcher")));
    QSignalSpy status(&watcher, &EmailConnector::inboxWatchStatusChanged);
    QSignalSpy changed(&watcher, &EmailConnector::inboxChanged);
    watcher.watchInbox(true);
    QVERIFY(waitForStatus(status, QStringLiteral("(IDLE)"), 20000));
    watcher.watchInbox(false);
    QVERIFY(!watcher.isWatchingInbox());
    QVERIFY(send(QStringLiteral("alarm"), QStringLiteral("watcher"), QStringLiteral("nobody watches")));
    // Delivery takes well under a second here (newMailIsPushed); three seconds of silence are telling.
    QTest::qWait(3000);
    QCOMPARE(changed.size(), 0);
}

// A wrong password would be tried every few seconds forever and get the account
// locked: the watch says why and waits for new settings instead.
void TestInboxMonitor::refusedLoginIsNotRetried()
{
    ConnectorConfig config = configFor(QStringLiteral("watcher"));
    config.password = QStringLiteral("not-the-password");
    EmailConnector watcher(config);
    QSignalSpy status(&watcher, &EmailConnector::inboxWatchStatusChanged);
    watcher.watchInbox(true);
    QVERIFY(waitForStatus(status, QStringLiteral("not retrying until the settings change"), 20000));
    QVERIFY(!status.last().at(0).toString().contains(config.password));
    const qsizetype reported = status.size();
    QTest::qWait(4000); // the first retry would come after 2 s
    QCOMPARE(status.size(), reported);
}

QTEST_GUILESS_MAIN(TestInboxMonitor)
#include "tst_inboxmonitor.moc"
