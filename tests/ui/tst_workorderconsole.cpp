// The main window's work orders, offscreen, over a fake WorkOrderService (no
// tracker, no server): select an alarm, Ctrl+N, Return makes a work-order
// request from the alarm and the roster; the outcome in the status bar and
// the log; the Work orders dock (Ctrl+Shift+W), its count in the status bar
// and the tray; escalations and ignored replies; Cancel through the dock; the
// plain path without a tracker; the inbox's severity and asset filters; the
// roster saved by the address book.
//
// The connector points at a 127.0.0.1 port where nothing listens and never
// opens a store: nothing is sent.

#include "addressbookdialog.h"
#include "emailconnector.h"
#include "inboxmodel.h"
#include "mainwindow.h"
#include "notifytechniciandialog.h"
#include "rostersettings.h"
#include "trayhealth.h"
#include "workordermodel.h"
#include "workorderservice.h"
#include "workorderview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace machina;

namespace {

const QString AlarmSubject = QStringLiteral("ALARM P-201 vibration 9.2 mm/s (limit 8.4)");
const QString Anna = QStringLiteral("Anna Berg <anna@plant.example>");
const QString Jonas = QStringLiteral("Jonas Keller <j.keller@service.example>");

/** Work orders as a test says: what create() and cancel() were asked, finished when the test says. */
class FakeWorkOrders : public WorkOrderService
{
public:
    QList<WorkOrder> orders;
    QList<WorkOrderRequest> requests;
    QStringList cancelled;
    CreateDone createDone;
    CancelDone cancelDone;

    QList<WorkOrder> workOrders() const override { return orders; }
    int unacknowledgedCount() const override
    {
        return int(std::count_if(orders.cbegin(), orders.cend(), [](const WorkOrder &o) {
            return o.state == WorkOrderState::Open || o.state == WorkOrderState::Notified;
        }));
    }
    void create(const WorkOrderRequest &request, CreateDone done) override
    {
        requests.append(request);
        createDone = std::move(done);
    }
    void cancel(const QString &id, CancelDone done) override
    {
        cancelled.append(id);
        cancelDone = std::move(done);
    }
};

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 1;
    return probe.serverPort();
}

ConnectorConfig unreachableConfig()
{
    ConnectorConfig config;
    const quint16 port = closedPort();
    config.smtpHost = QStringLiteral("127.0.0.1");
    config.smtpPort = port;
    config.imapHost = QStringLiteral("127.0.0.1");
    config.imapPort = port;
    config.username = QStringLiteral("supervisor@machina.test");
    config.password = QStringLiteral("test-only-not-a-secret");
    config.timeout = 5;
    config.pollInterval = 3600;
    return config;
}

MessageSummary summary(const QString &id, const QString &subject, int minute)
{
    MessageSummary m;
    m.id = id;
    m.subject = subject;
    m.from = QStringLiteral("SCADA <alarms@scada.example>");
    m.fromAddress = QStringLiteral("alarms@scada.example");
    m.date = QDateTime(QDate(2026, 12, 2), QTime(8, minute), QTimeZone::utc());
    m.messageId = id + QStringLiteral("@scada.example");
    return m;
}

QList<MessageSummary> inbox()
{
    return {summary(QStringLiteral("imap:1:1"), AlarmSubject, 1),
            summary(QStringLiteral("imap:1:2"), QStringLiteral("CRITICAL V-509 pressure 12 bar"), 2),
            summary(QStringLiteral("imap:1:3"), QStringLiteral("Weekly report"), 3),
            summary(QStringLiteral("imap:1:4"), QStringLiteral("WARNING P-202 seal temperature"), 4)};
}

Technician technician(const QString &name, const QString &address, const QStringList &areas, int order)
{
    Technician t;
    t.name = name;
    t.address = address;
    t.areas = areas;
    t.order = order;
    return t;
}

WorkOrder notifiedOrder(const QString &id)
{
    WorkOrder o;
    o.id = id;
    o.asset = QStringLiteral("P-201");
    o.summary = QStringLiteral("vibration 9.2 mm/s (limit 8.4)");
    o.priority = WorkOrderPriority::High;
    o.chain = {Anna, QStringLiteral("Piotr Nowak <p.nowak@service.example>")};
    o.ackWithinSeconds = 900;
    o.created = QDateTime::currentDateTimeUtc().addSecs(-60);
    o.state = WorkOrderState::Notified;
    o.notified = 1;
    o.notifiedAt = o.created;
    WorkOrderEvent created;
    created.at = o.created;
    created.action = QStringLiteral("created");
    created.actor = QStringLiteral("machina-console on test");
    created.from = WorkOrderState::Open;
    created.to = WorkOrderState::Notified;
    created.assignee = Anna;
    o.history = {created};
    return o;
}

bool logHas(const QListWidget *log, const QString &text, bool *isError = nullptr)
{
    for (int i = log->count() - 1; i >= 0; --i) {
        if (log->item(i)->text().contains(text)) {
            if (isError)
                *isError = log->item(i)->data(Qt::UserRole).toBool();
            return true;
        }
    }
    return false;
}

/** The proxy row of message @p id in the window's inbox table. */
int rowOfMessage(const MainWindow &window, const QString &id)
{
    const QAbstractItemModel *model = window.table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(InboxModel::IdRole).toString() == id)
            return row;
    }
    return -1;
}

} // namespace

class TestWorkOrderConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void notifyInThreeInteractions();
    void queuedWorkOrder();
    void failedWorkOrderKeepsDraft();
    void plainNotificationWithoutTracker();
    void dockCountsAndSignals();
    void cancelThroughTheDock();
    void inboxColumnsAndFilters();
    void addressBookSavesRoster();
    void accountSettingsAndRoster();

private:
    /// The window with the inbox above, the roster in its settings, and (unless told) the fake service.
    void openWindow(bool withService = true);
    /// Selects @p id in the inbox, presses Ctrl+N and returns the dialog once it is up.
    NotifyTechnicianDialog *notifyFor(const QString &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EmailConnector> m_connector;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<FakeWorkOrders> m_fake;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkOrderConsole::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_connector = std::make_unique<EmailConnector>(unreachableConfig());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    RosterSettings::save(*m_settings, {technician(QStringLiteral("Jonas Keller"), QStringLiteral("j.keller@service.example"), {}, 1),
                                       technician(QStringLiteral("Anna Berg"), QStringLiteral("anna@plant.example"),
                                                  {QStringLiteral("P-")}, 2)});
    m_fake = std::make_unique<FakeWorkOrders>();
}

void TestWorkOrderConsole::cleanup()
{
    // Selecting a row fetches the message: let those fetches fail (nothing listens) and
    // be deleted before the connector goes, as the window does when they finish.
    if (m_window)
        QTRY_VERIFY_WITH_TIMEOUT(m_window->busyIndicator()->isHidden(), 20000);
    m_window.reset();
    m_fake.reset();
    m_connector.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestWorkOrderConsole::openWindow(bool withService)
{
    m_window = std::make_unique<MainWindow>(m_connector.get(), m_settings.get());
    if (withService)
        m_window->setWorkOrderService(m_fake.get());
    m_window->inboxModel()->setMessages(inbox());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

NotifyTechnicianDialog *TestWorkOrderConsole::notifyFor(const QString &id)
{
    const int row = rowOfMessage(*m_window, id);
    if (row < 0)
        return nullptr;
    // Back from an earlier dialog: the window's shortcuts need it active.
    if (QApplication::activeWindow() != m_window.get()) {
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            return nullptr;
    }
    m_window->table()->setFocus();
    m_window->table()->selectRow(row);
    QTest::keyClick(m_window->table(), Qt::Key_N, Qt::ControlModifier);
    NotifyTechnicianDialog *dialog = nullptr;
    const bool opened =
        QTest::qWaitFor([&] { return (dialog = m_window->findChild<NotifyTechnicianDialog *>()) != nullptr; }, 5000);
    if (!opened || !QTest::qWaitForWindowActive(dialog))
        return nullptr;
    return dialog;
}

void TestWorkOrderConsole::notifyInThreeInteractions()
{
    openWindow();
    QSignalSpy unacknowledged(m_window.get(), &MainWindow::unacknowledgedWorkOrdersChanged);

    // 1. select the alarm, 2. Ctrl+N,
    NotifyTechnicianDialog *dialog = notifyFor(QStringLiteral("imap:1:1"));
    QVERIFY(dialog);
    QPointer<NotifyTechnicianDialog> guard(dialog);
    QVERIFY(dialog->isWorkOrderMode());
    QCOMPARE(dialog->technician(), Anna);   // covers pumps
    QCOMPARE(dialog->escalation(), QStringList{Jonas});
    QVERIFY(dialog->sendButton()->isEnabled());

    // 3. Return.
    // Pressed where the dialog's focus is (the technician, as it opens).
    QWidget *focus = dialog->focusWidget();
    QVERIFY(focus);
    QVERIFY(dialog->technicianField()->isAncestorOf(focus) || focus == dialog->technicianField());
    QTest::keyClick(focus, Qt::Key_Return);
    QCOMPARE(m_fake->requests.size(), 1);
    const WorkOrderRequest request = m_fake->requests.constFirst();
    QCOMPARE(request.asset, QStringLiteral("P-201"));
    QCOMPARE(request.summary, QStringLiteral("vibration 9.2 mm/s (limit 8.4)"));
    QCOMPARE(request.priority, WorkOrderPriority::High);
    QCOMPARE(request.chain, (QStringList{Anna, Jonas}));
    QCOMPARE(request.ackWithinSeconds, 900);
    QCOMPARE(request.alarmMessageId, QStringLiteral("imap:1:1@scada.example"));
    QCOMPARE(request.alarmText, AlarmSubject);   // the body was not loaded (nothing listens)
    QVERIFY(dialog->isSending());

    // The tracker claimed the id and the server took the notification.
    WorkOrder created = notifiedOrder(QStringLiteral("WO-2026-0007"));
    m_fake->orders = {created};
    m_fake->createDone({ConnectorError(), created, false});
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("WO-2026-0007 sent to Anna Berg"));
    bool isError = true;
    QVERIFY(logHas(m_window->activityLog(), QStringLiteral("WO-2026-0007 sent to Anna Berg"), &isError));
    QVERIFY(!isError);
    QTRY_VERIFY(guard.isNull() || !guard->isVisible());
    QVERIFY(guard.isNull() || guard->result() == QDialog::Accepted);
    // And it is listed and counted.
    QCOMPARE(m_window->workOrderView()->model()->rowCount(), 1);
    QCOMPARE(m_window->workOrdersLabel()->text(), QStringLiteral("1 work order not yet acknowledged"));
    QCOMPARE(m_window->unacknowledgedWorkOrders(), 1);
    QVERIFY(!unacknowledged.isEmpty());
    QCOMPARE(unacknowledged.last().at(0).toInt(), 1);
}

void TestWorkOrderConsole::queuedWorkOrder()
{
    openWindow();
    NotifyTechnicianDialog *dialog = notifyFor(QStringLiteral("imap:1:2"));
    QVERIFY(dialog);
    QPointer<NotifyTechnicianDialog> guard(dialog);
    // Critical: the shortest deadline; the roster has nobody for valves, so by order.
    QCOMPARE(dialog->technician(), Jonas);
    QCOMPARE(dialog->ackWithinField()->text(), QStringLiteral("5m"));
    dialog->requestSend();
    QCOMPARE(m_fake->requests.size(), 1);
    QCOMPARE(m_fake->requests.constFirst().priority, WorkOrderPriority::Critical);

    WorkOrder created = notifiedOrder(QStringLiteral("WO-2026-0008"));
    m_fake->createDone({ConnectorError(ConnectorError::Kind::Network, QStringLiteral("connection refused")), created, true});
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("WO-2026-0008 for Jonas Keller is in the outbox")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("other consoles see it once it is sent")));
    bool isError = true;
    QVERIFY(logHas(m_window->activityLog(), QStringLiteral("Not sent now: connection refused"), &isError));
    QVERIFY(!isError); // waiting in the outbox is no failure
    QTRY_VERIFY(guard.isNull() || !guard->isVisible());
}

void TestWorkOrderConsole::failedWorkOrderKeepsDraft()
{
    openWindow();
    NotifyTechnicianDialog *dialog = notifyFor(QStringLiteral("imap:1:1"));
    QVERIFY(dialog);
    dialog->setSummary(QStringLiteral("bearing noise"));
    dialog->requestSend();
    QVERIFY(dialog->isSending());
    m_fake->createDone({ConnectorError(ConnectorError::Kind::Protocol, QStringLiteral("the folder cannot be written")), {}, false});
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isSending());
    QCOMPARE(dialog->sendError(), QStringLiteral("the folder cannot be written"));
    QCOMPARE(dialog->summary(), QStringLiteral("bearing noise"));
    bool isError = false;
    QVERIFY(logHas(m_window->activityLog(), QStringLiteral("not created: the folder cannot be written"), &isError));
    QVERIFY(isError);
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
    // Sent again, it goes through.
    QPointer<NotifyTechnicianDialog> guard(dialog);
    dialog->requestSend();
    QCOMPARE(m_fake->requests.size(), 2);
    QCOMPARE(m_fake->requests.last().summary, QStringLiteral("bearing noise"));
    WorkOrder created = notifiedOrder(QStringLiteral("WO-2026-0009"));
    m_fake->createDone({ConnectorError(), created, false});
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("WO-2026-0009 sent to Anna Berg"));
    QTRY_VERIFY(guard.isNull() || !guard->isVisible());
}

void TestWorkOrderConsole::plainNotificationWithoutTracker()
{
    openWindow(false);
    QVERIFY(!m_window->workOrderView()->isAvailable());
    QVERIFY(m_window->workOrderView()->summaryLabel()->text().contains(QStringLiteral("IMAP")));
    QCOMPARE(m_window->workOrdersLabel()->text(), QString());
    NotifyTechnicianDialog *dialog = notifyFor(QStringLiteral("imap:1:1"));
    QVERIFY(dialog);
    QVERIFY(!dialog->isWorkOrderMode());
    QVERIFY(dialog->workOrderField()->isVisible());
    QCOMPARE(dialog->technician(), Anna);
    QCOMPARE(dialog->asset(), QStringLiteral("P-201"));
    QCOMPARE(dialog->priority(), NotifyTechnicianDialog::Priority::High);
    QVERIFY(dialog->description().contains(QStringLiteral("> ") + AlarmSubject));
    // The old path: a work-order id typed by hand, and nothing goes to a tracker.
    QVERIFY(!dialog->isValid());
    dialog->setWorkOrderId(QStringLiteral("WO-2026-42"));
    QVERIFY(dialog->isValid());
    QCOMPARE(m_fake->requests.size(), 0);
    dialog->reject();

    // Mail that is no alarm: an empty dialog, as before.
    NotifyTechnicianDialog *empty = nullptr;
    QTRY_VERIFY(m_window->findChild<NotifyTechnicianDialog *>() == nullptr);
    empty = notifyFor(QStringLiteral("imap:1:3"));
    QVERIFY(empty);
    QCOMPARE(empty->asset(), QString());
    QCOMPARE(empty->technician(), QString());
    empty->reject();
}

void TestWorkOrderConsole::dockCountsAndSignals()
{
    openWindow();
    // Ctrl+Shift+W, in the View menu.
    QCOMPARE(m_window->workOrdersAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    bool inViewMenu = false;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->menu() && menu->text() == QStringLiteral("&View"))
            inViewMenu = menu->menu()->actions().contains(m_window->workOrdersAction());
    }
    QVERIFY(inViewMenu);
    m_window->workOrderDock()->close();
    QTest::keyClick(m_window.get(), Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_window->workOrderDock()->isVisible());
    QTRY_VERIFY(m_window->workOrderView()->table()->hasFocus());

    // The tray, wired as machina-console wires it.
    TrayHealth tray;
    connect(m_window.get(), &MainWindow::unacknowledgedWorkOrdersChanged, &tray, &TrayHealth::setUnacknowledgedWorkOrders);
    connect(m_window.get(), &MainWindow::workOrderEscalated, &tray, &TrayHealth::notifyEscalated);
    connect(m_window.get(), &MainWindow::workOrderEscalationExhausted, &tray, &TrayHealth::notifyEscalationExhausted);
    connect(m_window.get(), &MainWindow::outboxPendingChanged, &tray, &TrayHealth::setOutboxPending);
    QSignalSpy notified(&tray, &TrayHealth::notified);

    WorkOrder first = notifiedOrder(QStringLiteral("WO-2026-0007"));
    WorkOrder second = notifiedOrder(QStringLiteral("WO-2026-0006"));
    m_fake->orders = {first, second};
    Q_EMIT m_fake->changed();
    QCOMPARE(m_window->workOrderView()->model()->rowCount(), 2);
    QCOMPARE(m_window->workOrdersLabel()->text(), QStringLiteral("2 work orders not yet acknowledged"));
    QVERIFY(!m_window->workOrdersLabel()->toolTip().isEmpty());
    QVERIFY2(tray.toolTip().endsWith(QStringLiteral("\n2 work orders not yet acknowledged")), qPrintable(tray.toolTip()));

    // Escalated: the log, and the tray for information.
    first.assignee = 1;
    first.notified = 2;
    Q_EMIT m_fake->escalated(first);
    bool isError = true;
    QVERIFY(logHas(m_window->activityLog(), QStringLiteral("WO-2026-0007 escalated to Piotr Nowak"), &isError));
    QVERIFY(!isError);
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.at(0).at(0).toString(), QStringLiteral("WO-2026-0007 escalated"));
    QVERIFY(notified.at(0).at(1).toString().contains(QStringLiteral("Piotr Nowak")));

    // Nobody left: an error in the log, a warning in the tray.
    Q_EMIT m_fake->escalationExhausted(first);
    const QString exhausted = QStringLiteral("WO-2026-0007: nobody acknowledged; no one left to escalate to");
    QVERIFY(logHas(m_window->activityLog(), exhausted, &isError));
    QVERIFY(isError);
    QCOMPARE(notified.size(), 2);
    QCOMPARE(notified.at(1).at(1).toString(), exhausted);

    // An ignored reply goes to the log only.
    Q_EMIT m_fake->replyIgnored(QStringLiteral("WO-2026-0007"), QStringLiteral("x@plant.example"),
                                QStringLiteral("x@plant.example was not notified for WO-2026-0007"));
    QVERIFY(logHas(m_window->activityLog(),
                   QStringLiteral("Reply from x@plant.example to WO-2026-0007 ignored: x@plant.example was not notified for WO-2026-0007"),
                   &isError));
    QVERIFY(!isError);
    QCOMPARE(notified.size(), 2);

    // An acknowledgement: the count goes down everywhere.
    second.state = WorkOrderState::Acknowledged;
    m_fake->orders = {first, second};
    Q_EMIT m_fake->replyApplied(second, QStringLiteral("anna@plant.example"), QStringLiteral("acknowledged"));
    Q_EMIT m_fake->changed();
    QVERIFY(logHas(m_window->activityLog(), QStringLiteral("Reply from anna@plant.example to WO-2026-0006: Acknowledged now")));
    QCOMPARE(m_window->workOrdersLabel()->text(), QStringLiteral("1 work order not yet acknowledged"));
    QCOMPARE(tray.unacknowledgedWorkOrders(), 1);

    // Problems in the background are logged as errors.
    Q_EMIT m_fake->problem(ConnectorError(ConnectorError::Kind::Network, QStringLiteral("the server went away")));
    QVERIFY(logHas(m_window->activityLog(), QStringLiteral("Work orders: the server went away"), &isError));
    QVERIFY(isError);

    // The service goes (another account): the dock says why, the count is gone.
    m_window->setWorkOrderService(nullptr);
    QVERIFY(!m_window->workOrderView()->isAvailable());
    QCOMPARE(m_window->workOrdersLabel()->text(), QString());
    QCOMPARE(tray.unacknowledgedWorkOrders(), 0);
    Q_EMIT m_fake->escalationExhausted(first);   // no longer listened to
    QCOMPARE(notified.size(), 2);
}

void TestWorkOrderConsole::cancelThroughTheDock()
{
    openWindow();
    m_fake->orders = {notifiedOrder(QStringLiteral("WO-2026-0007"))};
    Q_EMIT m_fake->changed();
    QStringList asked;
    m_window->workOrderView()->setConfirmation([&asked](QWidget *, const QString &, const QString &question) {
        asked << question;
        return true;
    });
    m_window->showWorkOrders();
    QTRY_VERIFY(m_window->workOrderView()->table()->hasFocus());
    QCOMPARE(m_window->workOrderView()->currentId(), QStringLiteral("WO-2026-0007"));
    QTest::keyClick(m_window->workOrderView()->table(), Qt::Key_Delete);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(m_fake->cancelled, QStringList{QStringLiteral("WO-2026-0007")});
    // The inbox's Delete is not taken: no message was touched (the inbox has no Delete action).
    QCOMPARE(m_window->inboxModel()->rowCount(), 4);

    m_fake->cancelDone(ConnectorError(ConnectorError::Kind::Protocol, QStringLiteral("it is done already")));
    bool isError = false;
    QVERIFY(logHas(m_window->activityLog(), QStringLiteral("WO-2026-0007 could not be cancelled: it is done already"), &isError));
    QVERIFY(isError);
    m_window->workOrderView()->cancelSelected();
    QCOMPARE(m_fake->cancelled.size(), 2);
    m_fake->orders.first().state = WorkOrderState::Cancelled;
    m_fake->cancelDone(ConnectorError());
    QVERIFY(logHas(m_window->activityLog(), QStringLiteral("WO-2026-0007 is cancelled."), &isError));
    QVERIFY(!isError);
    QCOMPARE(m_window->workOrderView()->model()->index(0, WorkOrderModel::StateColumn).data().toString(),
             QStringLiteral("Cancelled"));
}

void TestWorkOrderConsole::inboxColumnsAndFilters()
{
    openWindow();
    // Severity and asset stand before the subject.
    const QHeaderView *header = m_window->table()->horizontalHeader();
    QCOMPARE(header->visualIndex(InboxModel::SeverityColumn), 2);
    QCOMPARE(header->visualIndex(InboxModel::AssetColumn), 3);
    QVERIFY(!m_window->severityFilter()->accessibleName().isEmpty());
    QVERIFY(!m_window->assetFilterEdit()->accessibleName().isEmpty());

    // Keyboard: Alt+E to the severity, Alt+S to the asset.
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(m_window->severityFilter()));
    const int critical = m_window->severityFilter()->findData(int(AlarmSeverity::Critical));
    QVERIFY(critical >= 0);
    m_window->severityFilter()->setCurrentIndex(critical);
    QCOMPARE(m_window->table()->model()->rowCount(), 1);
    QCOMPARE(rowOfMessage(*m_window, QStringLiteral("imap:1:2")), 0);
    m_window->severityFilter()->setCurrentIndex(m_window->severityFilter()->findData(int(AlarmSeverity::Info)));
    QCOMPARE(m_window->table()->model()->rowCount(), 3);

    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(m_window->assetFilterEdit()));
    QTest::keyClicks(m_window->assetFilterEdit(), QStringLiteral("p-"));
    QCOMPARE(m_window->table()->model()->rowCount(), 2);
    QTest::keyClicks(m_window->assetFilterEdit(), QStringLiteral("201"));
    QCOMPARE(m_window->table()->model()->rowCount(), 1);
    m_window->assetFilterEdit()->clear();
    m_window->severityFilter()->setCurrentIndex(0);
    QCOMPARE(m_window->table()->model()->rowCount(), 4);

    // Sorted by severity, worst first.
    m_window->table()->sortByColumn(InboxModel::SeverityColumn, Qt::DescendingOrder);
    QCOMPARE(rowOfMessage(*m_window, QStringLiteral("imap:1:2")), 0);
    QCOMPARE(rowOfMessage(*m_window, QStringLiteral("imap:1:1")), 1);
    QCOMPARE(rowOfMessage(*m_window, QStringLiteral("imap:1:3")), 3);
}

void TestWorkOrderConsole::addressBookSavesRoster()
{
    openWindow();
    m_window->addressBookAction()->trigger();
    AddressBookDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<AddressBookDialog *>()) != nullptr, 5000);
    QCOMPARE(dialog->entries(), (QStringList{Jonas, Anna}));
    QCOMPARE(dialog->technicians().at(1).areas, QStringList{QStringLiteral("P-")});
    dialog->table()->setCurrentCell(0, AddressBookDialog::NameColumn);
    dialog->areasField()->setText(QStringLiteral("V-"));
    dialog->accept();

    const QList<Technician> saved = RosterSettings::load(*m_settings);
    QCOMPARE(saved.size(), 2);
    QCOMPARE(saved.at(0).areas, QStringList{QStringLiteral("V-")});
    QCOMPARE(m_window->workOrderSettings().technicians.size(), 2);
    // The valve alarm now suggests Jonas first, because he covers valves now.
    NotifyTechnicianDialog *notify = notifyFor(QStringLiteral("imap:1:2"));
    QVERIFY(notify);
    QCOMPARE(notify->technician(), Jonas);
    QCOMPARE(notify->escalation(), QStringList{Anna});
    notify->reject();
}

void TestWorkOrderConsole::accountSettingsAndRoster()
{
    openWindow();
    WorkOrderSettings account;
    account.ackWithin = {3600, 1800, 600, 120};
    account.technicians = {technician(QStringLiteral("Zoe Doe"), QStringLiteral("zoe@plant.example"), {QStringLiteral("P-")}, 0),
                           technician(QStringLiteral("Anna (config)"), QStringLiteral("ANNA@plant.example"), {}, 9)};
    AlarmRule rule;
    rule.name = QStringLiteral("site");
    rule.subject = QRegularExpression(QStringLiteral("^(?<severity>ALARM|CRITICAL) (?<asset>[A-Z]+-[0-9]+) (?<text>.*)$"));
    rule.severities = {{QStringLiteral("ALARM"), WorkOrderPriority::Critical}, {QStringLiteral("CRITICAL"), WorkOrderPriority::Critical}};
    account.alarmRules = {rule};
    m_window->setWorkOrderSettings(account);

    // The account's rule: its priorities, and WARNING is no alarm there.
    QCOMPARE(m_window->inboxModel()->index(0, InboxModel::SeverityColumn).data().toString(), QStringLiteral("Critical"));
    QCOMPARE(m_window->inboxModel()->index(3, InboxModel::SeverityColumn).data().toString(), QString());
    // The roster merged in: this console's Anna replaces the config's.
    QCOMPARE(m_window->addressBook(), (QStringList{QStringLiteral("Zoe Doe <zoe@plant.example>"), Jonas, Anna}));

    NotifyTechnicianDialog *dialog = notifyFor(QStringLiteral("imap:1:1"));
    QVERIFY(dialog);
    QCOMPARE(dialog->technician(), QStringLiteral("Zoe Doe <zoe@plant.example>"));
    QCOMPARE(dialog->escalation(), (QStringList{Anna, Jonas}));
    QCOMPARE(dialog->ackWithinField()->text(), QStringLiteral("2m"));
    dialog->reject();
}

QTEST_MAIN(TestWorkOrderConsole)
#include "tst_workorderconsole.moc"
