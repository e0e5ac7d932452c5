// The tray's health logic on the offscreen platform, where there is no tray:
// icons, tooltip, notifications on transitions only, the menu's signals.

#include "trayhealth.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QMenu>
#include <QPixmap>
#include <QSignalSpy>
#include <QLocale>
#include <QScopeGuard>
#include <QTest>

using namespace machina;
using Status = ConnectorHealth::Status;

namespace {

ConnectorHealth health(Status status, const QString &message, const QVariantMap &details = {})
{
    ConnectorHealth h;
    h.status = status;
    h.message = message;
    h.details = details;
    return h;
}

QImage render(const QIcon &icon)
{
    return icon.pixmap(16, 16).toImage().convertToFormat(QImage::Format_ARGB32);
}

} // namespace

class TestTrayHealth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    /// Dates in the C locale's forms, whatever the desktop's language (LocalDates keeps ISO there).
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void noTrayOffscreen();
    void iconResourcesAreCompiledIn();
    void iconsDifferPerStatus();
    void statusWords();
    void formatTime_data();
    void formatTime();
    void formatTimeFollowsTheLocale();
    void toolTipText();
    void toolTipFollowsHealth();
    void notifiesOnTransitionsOnly();
    void firstUnhealthyReportNotifies();
    void newMailNotification();
    void workOrderCountInToolTip();
    void workOrderNotifications();
    void menuActionsEmitSignals();
    void clickShowsWindow();
};

void TestTrayHealth::noTrayOffscreen()
{
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
    TrayHealth tray;
    QCOMPARE(QSystemTrayIcon::isSystemTrayAvailable(), false);
    QVERIFY(!tray.hasTray());
    QVERIFY(tray.trayIcon() == nullptr);
    QVERIFY(!tray.health().has_value());
    QVERIFY(!tray.icon().isNull());
}

void TestTrayHealth::iconResourcesAreCompiledIn()
{
    for (const char *name : {"health-healthy", "health-degraded", "health-unhealthy", "machina-console",
                             "severity-critical", "severity-alarm", "severity-warning", "severity-info", "wo-open",
                             "wo-notified", "wo-acknowledged", "wo-in-progress", "wo-done", "wo-rejected",
                             "wo-cancelled", "wo-overdue"}) {
        const QString path = QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name));
        QVERIFY2(QFile::exists(path), qPrintable(path));
        // The SVG icon engine plugin (libqt6svg6) draws it, offscreen too.
        QVERIFY2(!QIcon(path).pixmap(16, 16).isNull(), qPrintable(path));
    }
}

void TestTrayHealth::iconsDifferPerStatus()
{
    const QImage healthy = render(TrayHealth::iconFor(Status::Healthy));
    const QImage degraded = render(TrayHealth::iconFor(Status::Degraded));
    const QImage unhealthy = render(TrayHealth::iconFor(Status::Unhealthy));
    for (const QImage &image : {healthy, degraded, unhealthy}) {
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(16, 16));
    }
    QVERIFY(healthy != degraded);
    QVERIFY(degraded != unhealthy);
    QVERIFY(healthy != unhealthy);

    // Told apart without colour too: the alpha masks, the shapes, differ.
    const QImage healthyMask = healthy.convertToFormat(QImage::Format_Alpha8);
    const QImage degradedMask = degraded.convertToFormat(QImage::Format_Alpha8);
    const QImage unhealthyMask = unhealthy.convertToFormat(QImage::Format_Alpha8);
    QVERIFY(healthyMask != degradedMask);
    QVERIFY(degradedMask != unhealthyMask);
    QVERIFY(healthyMask != unhealthyMask);
}

void TestTrayHealth::statusWords()
{
    QCOMPARE(TrayHealth::statusWord(Status::Healthy), QStringLiteral("Healthy"));
    QCOMPARE(TrayHealth::statusWord(Status::Degraded), QStringLiteral("Degraded"));
    QCOMPARE(TrayHealth::statusWord(Status::Unhealthy), QStringLiteral("Unhealthy"));
}

void TestTrayHealth::formatTime_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expected");

    const QDateTime earlier = QDateTime(QDate(2026, 11, 24), QTime(9, 5));
    const QDateTime yesterday = QDateTime(QDate(2026, 11, 23), QTime(23, 59));
    // The C locale's ISO forms (initTestCase); formatTimeFollowsTheLocale() checks two languages.
    const QString nineOFive = QStringLiteral("09:05");
    QTest::addRow("today, ISO UTC text") << QVariant(earlier.toUTC().toString(Qt::ISODate)) << nineOFive;
    QTest::addRow("today, ISO with ms") << QVariant(earlier.toUTC().toString(Qt::ISODateWithMs)) << nineOFive;
    QTest::addRow("today, QDateTime") << QVariant(earlier) << nineOFive;
    QTest::addRow("yesterday") << QVariant(yesterday.toUTC().toString(Qt::ISODate))
                               << QStringLiteral("2026-11-23");
    QTest::addRow("absent") << QVariant() << QStringLiteral("never");
    QTest::addRow("empty") << QVariant(QString()) << QStringLiteral("never");
    QTest::addRow("garbage") << QVariant(QStringLiteral("yesterday-ish")) << QStringLiteral("never");
}

void TestTrayHealth::formatTime()
{
    QFETCH(QVariant, value);
    QFETCH(QString, expected);
    const QDateTime now = QDateTime(QDate(2026, 11, 24), QTime(14, 30));
    QCOMPARE(TrayHealth::formatTime(value, now), expected);
}

void TestTrayHealth::formatTimeFollowsTheLocale()
{
    const QDateTime now = QDateTime(QDate(2026, 11, 24), QTime(14, 30));
    const QLocale previous;
    const auto restore = qScopeGuard([previous] { QLocale::setDefault(previous); });
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(TrayHealth::formatTime(QDateTime(QDate(2026, 11, 24), QTime(9, 5)), now), QStringLiteral("09:05"));
    QCOMPARE(TrayHealth::formatTime(QDateTime(QDate(2026, 11, 23), QTime(23, 59)), now), QStringLiteral("23.11.26"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QString afternoon = TrayHealth::formatTime(QDateTime(QDate(2026, 11, 24), QTime(14, 5)), now);
    QVERIFY2(afternoon.startsWith(QStringLiteral("2:05")) && afternoon.endsWith(QStringLiteral("PM")), qPrintable(afternoon));
    QCOMPARE(TrayHealth::formatTime(QDateTime(QDate(2026, 11, 23), QTime(23, 59)), now), QStringLiteral("11/23/26"));
}

void TestTrayHealth::toolTipText()
{
    const QDateTime now = QDateTime(QDate(2026, 11, 24), QTime(14, 30));
    const QVariantMap details{
        {QStringLiteral("last_successful_poll"), QDateTime(QDate(2026, 11, 24), QTime(14, 28)).toUTC().toString(Qt::ISODate)},
        {QStringLiteral("last_successful_send"), QDateTime(QDate(2026, 11, 20), QTime(8, 0)).toUTC().toString(Qt::ISODate)},
    };
    QCOMPARE(TrayHealth::toolTipFor(health(Status::Degraded, QStringLiteral("Receiving failed, reconnecting."), details), now),
             QStringLiteral("Machina Console — Degraded\n"
                            "Receiving failed, reconnecting.\n"
                            "Last poll: 14:28\n"
                            "Last send: 2026-11-20"));
    QCOMPARE(TrayHealth::toolTipFor(health(Status::Unhealthy, QStringLiteral("Not connected to smtp:465.")), now),
             QStringLiteral("Machina Console — Unhealthy\n"
                            "Not connected to smtp:465.\n"
                            "Last poll: never\n"
                            "Last send: never"));
    // No message: no empty line.
    QCOMPARE(TrayHealth::toolTipFor(health(Status::Healthy, QString()), now),
             QStringLiteral("Machina Console — Healthy\nLast poll: never\nLast send: never"));
    // The scheduled canary's round trip, or why it failed.
    const QVariantMap canary{{QStringLiteral("canary_at"), QDateTime(QDate(2026, 11, 24), QTime(14, 25))},
                             {QStringLiteral("canary_latency_ms"), 1312}};
    QCOMPARE(TrayHealth::toolTipFor(health(Status::Healthy, QString(), canary), now),
             QStringLiteral("Machina Console — Healthy\nLast poll: never\nLast send: never\n"
                            "Mail round trip: %1 ms (14:25)").arg(QLocale().toString(1312)));
    const QVariantMap failed{{QStringLiteral("canary_at"), QDateTime(QDate(2026, 11, 24), QTime(14, 25))},
                             {QStringLiteral("canary_error"), QStringLiteral("the probe did not arrive within 30 s")}};
    QVERIFY(TrayHealth::toolTipFor(health(Status::Healthy, QString(), failed), now)
                .endsWith(QStringLiteral("Mail round trip failed (14:25): the probe did not arrive within 30 s")));
}

void TestTrayHealth::toolTipFollowsHealth()
{
    TrayHealth tray;
    const QDateTime justNow = QDateTime::currentDateTime();
    const QVariantMap details{{QStringLiteral("last_successful_poll"), justNow.toUTC().toString(Qt::ISODate)}};
    tray.setHealth(health(Status::Healthy, QStringLiteral("Connected."), details));
    QCOMPARE(tray.toolTip(), TrayHealth::toolTipFor(*tray.health(), justNow));
    QVERIFY(tray.toolTip().contains(QStringLiteral("Last poll: %1").arg(justNow.toString(QStringLiteral("HH:mm")))));
    QCOMPARE(render(tray.icon()), render(TrayHealth::iconFor(Status::Healthy)));

    tray.setHealth(health(Status::Unhealthy, QStringLiteral("Authentication failed.")));
    QVERIFY(tray.toolTip().startsWith(QStringLiteral("Machina Console — Unhealthy\nAuthentication failed.\n")));
    QCOMPARE(render(tray.icon()), render(TrayHealth::iconFor(Status::Unhealthy)));
}

void TestTrayHealth::notifiesOnTransitionsOnly()
{
    TrayHealth tray;
    QSignalSpy spy(&tray, &TrayHealth::notified);

    // Starting up healthy is not news.
    tray.setHealth(health(Status::Healthy, QStringLiteral("Connected.")));
    QCOMPARE(spy.size(), 0);
    // Same status, newer details: nothing.
    tray.setHealth(health(Status::Healthy, QStringLiteral("Connected."),
                          {{QStringLiteral("last_successful_poll"), QStringLiteral("2026-11-24T10:00:00Z")}}));
    QCOMPARE(spy.size(), 0);

    tray.setHealth(health(Status::Degraded, QStringLiteral("Receiving failed, reconnecting: timeout")));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Mail connection degraded"));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("Receiving failed, reconnecting: timeout"));

    // Decision: notify on status change only; a new sentence for the same status is
    // tooltip material (every reconnect attempt rewrites it).
    tray.setHealth(health(Status::Degraded, QStringLiteral("Receiving failed, reconnecting: refused")));
    QCOMPARE(spy.size(), 1);
    QVERIFY(tray.toolTip().contains(QStringLiteral("refused")));
    tray.setHealth(health(Status::Degraded, QStringLiteral("Receiving failed, reconnecting: refused")));
    QCOMPARE(spy.size(), 1);

    tray.setHealth(health(Status::Unhealthy, QStringLiteral("Authentication failed.")));
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("Mail connection down"));
    QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("Authentication failed."));

    tray.setHealth(health(Status::Healthy, QStringLiteral("Connected.")));
    QCOMPARE(spy.size(), 3);
    QCOMPARE(spy.at(2).at(0).toString(), QStringLiteral("Mail is flowing again"));
    QCOMPARE(spy.at(2).at(1).toString(), QStringLiteral("Connected."));

    tray.setHealth(health(Status::Healthy, QStringLiteral("Connected.")));
    QCOMPARE(spy.size(), 3);
}

void TestTrayHealth::firstUnhealthyReportNotifies()
{
    TrayHealth tray;
    QSignalSpy spy(&tray, &TrayHealth::notified);
    tray.setHealth(health(Status::Unhealthy, QString()));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Mail connection down"));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("Unhealthy")); // no sentence: the status word
}

void TestTrayHealth::newMailNotification()
{
    TrayHealth tray;
    QSignalSpy spy(&tray, &TrayHealth::notified);
    tray.notifyNewMail(1, QStringLiteral("[WO-2026-42] P-201 high vibration"));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("1 new message"));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("[WO-2026-42] P-201 high vibration"));

    tray.notifyNewMail(3, QStringLiteral("Alarm: pump P-7 pressure"));
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("3 new messages"));
    QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("Alarm: pump P-7 pressure and 2 more"));

    tray.notifyNewMail(2, QString());
    QCOMPARE(spy.at(2).at(1).toString(), QStringLiteral("(no subject) and 1 more"));

    tray.notifyNewMail(0, QStringLiteral("nothing"));
    QCOMPARE(spy.size(), 3);
}

void TestTrayHealth::workOrderCountInToolTip()
{
    QCOMPARE(TrayHealth::unacknowledgedText(0), QString());
    QCOMPARE(TrayHealth::unacknowledgedText(1), QStringLiteral("1 work order not yet acknowledged"));
    QCOMPARE(TrayHealth::unacknowledgedText(4), QStringLiteral("4 work orders not yet acknowledged"));

    TrayHealth tray;
    ConnectorHealth health;
    health.status = ConnectorHealth::Status::Healthy;
    health.message = QStringLiteral("Connected to imap.plant.example");
    tray.setHealth(health);
    const QString plain = tray.toolTip();
    QVERIFY(!plain.contains(QStringLiteral("work order")));
    // Next to the outbox count, after it.
    tray.setOutboxPending(2);
    tray.setUnacknowledgedWorkOrders(3);
    QCOMPARE(tray.unacknowledgedWorkOrders(), 3);
    QCOMPARE(tray.toolTip(), plain + QStringLiteral("\n2 messages waiting in the outbox\n3 work orders not yet acknowledged"));
    tray.setOutboxPending(0);
    QCOMPARE(tray.toolTip(), plain + QStringLiteral("\n3 work orders not yet acknowledged"));
    tray.setUnacknowledgedWorkOrders(-1);
    QCOMPARE(tray.unacknowledgedWorkOrders(), 0);
    QCOMPARE(tray.toolTip(), plain);
}

void TestTrayHealth::workOrderNotifications()
{
    WorkOrder order;
    order.id = QStringLiteral("WO-2026-0007");
    order.asset = QStringLiteral("P-201");
    order.summary = QStringLiteral("vibration 9.2 mm/s");
    order.chain = {QStringLiteral("Anna Berg <anna@plant.example>"), QStringLiteral("Piotr Nowak <p.nowak@service.example>")};
    order.state = WorkOrderState::Notified;
    order.notified = 2;
    order.assignee = 1;

    TrayHealth tray;
    QSignalSpy spy(&tray, &TrayHealth::notified);
    tray.notifyEscalated(order);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("WO-2026-0007 escalated"));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("P-201 vibration 9.2 mm/s: now with Piotr Nowak"));

    tray.notifyEscalationExhausted(order);
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("Work order needs you"));
    QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("WO-2026-0007: nobody acknowledged; no one left to escalate to"));
    QCOMPARE(TrayHealth::exhaustedText(order), spy.at(1).at(1).toString());
}

void TestTrayHealth::menuActionsEmitSignals()
{
    TrayHealth tray;
    QVERIFY(tray.menu());
    const QList<QAction *> actions = tray.menu()->actions();
    QVERIFY(actions.contains(tray.showAction()));
    QVERIFY(actions.contains(tray.notifyAction()));
    QVERIFY(actions.contains(tray.checkAction()));
    QVERIFY(actions.contains(tray.quitAction()));

    QSignalSpy show(&tray, &TrayHealth::showRequested);
    QSignalSpy notify(&tray, &TrayHealth::notifyRequested);
    QSignalSpy check(&tray, &TrayHealth::checkRequested);
    QSignalSpy quit(&tray, &TrayHealth::quitRequested);

    tray.showAction()->trigger();
    QCOMPARE(show.size(), 1);
    tray.notifyAction()->trigger();
    QCOMPARE(notify.size(), 1);
    tray.checkAction()->trigger();
    QCOMPARE(check.size(), 1);
    tray.quitAction()->trigger();
    QCOMPARE(quit.size(), 1);
    QCOMPARE(show.size() + notify.size() + check.size(), 3);
}

void TestTrayHealth::clickShowsWindow()
{
    TrayHealth tray;
    QSignalSpy show(&tray, &TrayHealth::showRequested);
    tray.activate(QSystemTrayIcon::Trigger);
    QCOMPARE(show.size(), 1);
    tray.activate(QSystemTrayIcon::DoubleClick);
    QCOMPARE(show.size(), 2);
    tray.activate(QSystemTrayIcon::Context);
    QCOMPARE(show.size(), 2);
}

QTEST_MAIN(TestTrayHealth)
#include "tst_trayhealth.moc"
