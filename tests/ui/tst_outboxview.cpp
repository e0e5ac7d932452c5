// The outbox in the console, offscreen, over a real LocalStore in a temporary
// directory: the model's rows and columns, Retry now and Cancel (enabled by
// state, keyboard, confirmation), the selection kept across refreshes, the
// count in the status bar and the tray, a notification queued while the
// server cannot be reached, and the activity log kept across windows.
//
// No server is needed: the config points at a 127.0.0.1 port where nothing
// listens, and the outbox is never drained here (nothing is sent).

#include "emailconnector.h"
#include "mainwindow.h"
#include "notifytechniciandialog.h"
#include "outboxmodel.h"
#include "outboxview.h"
#include "inboxmodel.h"
#include "store/activitylog.h"
#include "store/messagecache.h"
#include "store/outbox.h"
#include "trayhealth.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace machina;
using State = OutboxEntry::State;

namespace {

const QString TechnicianAddress = QStringLiteral("jonas@machina.test");
const QString LongError = QStringLiteral("The server refused <jonas@machina.test>: 550 5.1.1 User unknown\n"
                                         "in virtual mailbox table (the address is wrong)");

/// A 127.0.0.1 port that was free a moment ago and has nothing listening now.
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
    config.password = QStringLiteral("test-only-not-a-secret"); // set: the keychain is never asked
    config.timeout = 5;
    config.pollInterval = 3600;
    return config;
}

State stateOf(const OutboxModel *model, qint64 id)
{
    const int row = model->rowOf(id);
    return row < 0 ? State::Cancelled : model->entryAt(row).state;
}

bool logHas(const QListWidget *log, const QString &text, bool *isError = nullptr)
{
    for (int i = 0; i < log->count(); ++i) {
        if (log->item(i)->text().contains(text)) {
            if (isError)
                *isError = log->item(i)->data(Qt::UserRole).toBool();
            return true;
        }
    }
    return false;
}

} // namespace

class TestOutboxView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void modelRowsAndColumns();
    void retryFailedEntry();
    void cancelQueuedEntryAfterConfirmation();
    void actionsFollowSelectionState();
    void selectionKeptAcrossRefresh();
    void statusBarAndTrayCountQueued();
    void outboxActionShowsAndFocuses();
    void notificationQueuedWhileUnreachable();
    void activityLogRestoredInNewWindow();
    void noStoreNoOutbox();
    void inboxPaintedFromTheCacheWhileOffline();

private:
    /// A connector on this test's store, which init() opened fresh.
    std::unique_ptr<EmailConnector> openConnector();
    /// Queues a message to the technician with @p subject; its outbox id.
    qint64 queue(EmailConnector &connector, const QString &subject);
    /// Queues four entries: failed, sent, queued, queued (oldest first).
    void queueFour(EmailConnector &connector);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_storePath;
    ConnectorConfig m_config;
    qint64 m_failed = 0, m_sent = 0, m_queued1 = 0, m_queued2 = 0;
};

void TestOutboxView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_storePath = m_dir->filePath(QStringLiteral("stores/outbox-test.sqlite"));
    m_config = unreachableConfig();
}

void TestOutboxView::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<EmailConnector> TestOutboxView::openConnector()
{
    auto connector = std::make_unique<EmailConnector>(m_config);
    const ConnectorError error = connector->openStore(m_storePath);
    if (error)
        qWarning("openStore: %s", qUtf8Printable(error.message()));
    return connector;
}

qint64 TestOutboxView::queue(EmailConnector &connector, const QString &subject)
{
    SendOptions options;
    options.subject = subject;
    const MessageBuilder::Result built = connector.buildMessage({TechnicianAddress}, QStringLiteral("Check the pump."), options);
    if (!built.message) {
        qWarning("buildMessage: %s", qUtf8Printable(built.error.message()));
        return 0;
    }
    qint64 id = 0;
    if (const ConnectorError error = connector.queueMessage(*built.message, &id)) {
        qWarning("queueMessage: %s", qUtf8Printable(error.message()));
        return 0;
    }
    return id;
}

void TestOutboxView::queueFour(EmailConnector &connector)
{
    m_failed = queue(connector, QStringLiteral("[WO-1] refused"));
    m_sent = queue(connector, QStringLiteral("[WO-2] delivered"));
    // The two oldest are taken as a sender would, and settled.
    ConnectorError error;
    std::optional<OutboxEntry> first = connector.outbox()->claimNext(true, &error);
    QVERIFY2(first && first->id == m_failed, qPrintable(error.message()));
    QVERIFY(!connector.outbox()->markFailed(m_failed, LongError, QStringLiteral("550 5.1.1 User unknown")));
    std::optional<OutboxEntry> second = connector.outbox()->claimNext(true, &error);
    QVERIFY2(second && second->id == m_sent, qPrintable(error.message()));
    QVERIFY(!connector.outbox()->markSent(m_sent, QStringLiteral("250 2.0.0 Ok: queued as 4F3A"), false));
    m_queued1 = queue(connector, QStringLiteral("[WO-3] waiting"));
    m_queued2 = queue(connector, QStringLiteral("[WO-4] Pumpe prüfen ✓"));
    QVERIFY(m_failed && m_sent && m_queued1 && m_queued2);
}

void TestOutboxView::modelRowsAndColumns()
{
    std::unique_ptr<EmailConnector> connector = openConnector();
    QVERIFY(connector->outbox());
    queueFour(*connector);

    OutboxModel model;
    model.setConnector(connector.get());
    QVERIFY(model.hasOutbox());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 6);
    const QStringList headers{QStringLiteral("State"), QStringLiteral("Attempts"), QStringLiteral("Created"),
                              QStringLiteral("To"), QStringLiteral("Subject"), QStringLiteral("Last error / server reply")};
    for (int c = 0; c < headers.size(); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));

    // Newest first.
    QCOMPARE(model.index(0, 0).data(OutboxModel::IdRole).toLongLong(), m_queued2);
    QCOMPARE(model.rowOf(m_failed), 3);
    const auto cell = [&model](qint64 id, int column, int role = Qt::DisplayRole) {
        return model.index(model.rowOf(id), column).data(role);
    };
    QCOMPARE(cell(m_queued2, OutboxModel::StateColumn).toString(), QStringLiteral("Queued"));
    QCOMPARE(cell(m_sent, OutboxModel::StateColumn).toString(), QStringLiteral("Sent"));
    QCOMPARE(cell(m_failed, OutboxModel::StateColumn).toString(), QStringLiteral("Failed"));
    QVERIFY(!cell(m_failed, OutboxModel::StateColumn, Qt::DecorationRole).value<QIcon>().isNull()); // not colour alone
    QCOMPARE(cell(m_failed, OutboxModel::AttemptsColumn).toInt(), 1);
    QCOMPARE(cell(m_queued1, OutboxModel::AttemptsColumn).toInt(), 0);
    QCOMPARE(cell(m_queued1, OutboxModel::ToColumn).toString(), TechnicianAddress);
    QCOMPARE(cell(m_queued1, OutboxModel::SubjectColumn).toString(), QStringLiteral("[WO-3] waiting"));
    // An encoded subject reads decoded.
    QCOMPARE(cell(m_queued2, OutboxModel::SubjectColumn).toString(), QStringLiteral("[WO-4] Pumpe prüfen ✓"));

    const OutboxEntry &entry = model.entryAt(model.rowOf(m_queued1));
    QVERIFY(entry.created.isValid());
    QCOMPARE(cell(m_queued1, OutboxModel::CreatedColumn).toString(),
             QLocale().toString(entry.created.toLocalTime(), QLocale::ShortFormat));

    // The error's first line in the cell, all of it (and the server's reply) in the tooltip.
    QCOMPARE(cell(m_failed, OutboxModel::ResultColumn).toString(),
             QStringLiteral("The server refused <jonas@machina.test>: 550 5.1.1 User unknown"));
    const QString tip = cell(m_failed, OutboxModel::ResultColumn, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(LongError), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("550 5.1.1 User unknown")), qPrintable(tip));
    QCOMPARE(cell(m_sent, OutboxModel::ResultColumn).toString(), QStringLiteral("250 2.0.0 Ok: queued as 4F3A"));
    QCOMPARE(cell(m_queued1, OutboxModel::ResultColumn).toString(), QString());
    QCOMPARE(model.pendingCount(), 2);
    QCOMPARE(model.pendingCount(), connector->outbox()->pendingCount());
    QCOMPARE(cell(m_sent, 0, OutboxModel::MessageIdRole).toString(),
             connector->outbox()->entry(m_sent)->messageId);
}

void TestOutboxView::retryFailedEntry()
{
    std::unique_ptr<EmailConnector> connector = openConnector();
    queueFour(*connector);
    OutboxView view;
    view.setConnector(connector.get());
    QSignalSpy activity(&view, &OutboxView::activity);
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));

    QVERIFY(view.selectEntry(m_failed));
    QVERIFY(view.retryAction()->isEnabled());
    QVERIFY(view.retryButton()->isEnabled());
    QCOMPARE(view.retryAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));

    // By keyboard, from the table.
    view.table()->setFocus();
    QTRY_VERIFY(view.table()->hasFocus());
    QTest::keyClick(view.table(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(stateOf(view.model(), m_failed), State::Queued);
    QCOMPARE(connector->outbox()->entry(m_failed)->state, State::Queued);
    QVERIFY(!connector->outbox()->entry(m_failed)->nextAttempt.isValid()); // due now
    QCOMPARE(view.selectedIds(), QList<qint64>{m_failed}); // still the same entry
    QCOMPARE(activity.size(), 1);
    QVERIFY2(activity.first().at(0).toString().contains(QStringLiteral("[WO-1] refused")),
             qPrintable(activity.first().at(0).toString()));
    QCOMPARE(activity.first().at(1).toBool(), false);
    QVERIFY(view.retryAction()->isEnabled()); // a queued one may be made due now again
    QCOMPARE(view.summaryLabel()->text(), QStringLiteral("3 messages waiting in the outbox"));
}

void TestOutboxView::cancelQueuedEntryAfterConfirmation()
{
    std::unique_ptr<EmailConnector> connector = openConnector();
    queueFour(*connector);
    OutboxView view;
    view.setConnector(connector.get());
    QStringList asked;
    bool answer = false;
    view.setConfirmation([&](QWidget *parent, const QString &title, const QString &question) {
        Q_UNUSED(parent);
        asked << title + QStringLiteral(": ") + question;
        return answer;
    });
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QVERIFY(view.selectEntry(m_queued1));
    QVERIFY(view.cancelAction()->isEnabled());
    QCOMPARE(view.cancelAction()->shortcut(), QKeySequence(Qt::Key_Delete));

    // Declined: nothing changes.
    view.table()->setFocus();
    QTRY_VERIFY(view.table()->hasFocus());
    QTest::keyClick(view.table(), Qt::Key_Delete);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().contains(QStringLiteral("\"[WO-3] waiting\"")), qPrintable(asked.first()));
    QCOMPARE(stateOf(view.model(), m_queued1), State::Queued);

    // Accepted: cancelled for good, never sent.
    answer = true;
    view.cancelButton()->click();
    QCOMPARE(asked.size(), 2);
    QCOMPARE(connector->outbox()->entry(m_queued1)->state, State::Cancelled);
    QCOMPARE(stateOf(view.model(), m_queued1), State::Cancelled);
    QVERIFY(!view.cancelAction()->isEnabled()); // cancelled entries cannot be cancelled again
    QVERIFY(view.retryAction()->isEnabled());   // but can be queued again
    QCOMPARE(view.summaryLabel()->text(), QStringLiteral("1 message waiting in the outbox"));

    // The default confirmation is a real QMessageBox, answered here by Escape (No).
    view.setConfirmation({});
    QVERIFY(view.selectEntry(m_queued2));
    QTimer::singleShot(0, this, [] {
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        QTest::keyClick(QApplication::activeModalWidget(), Qt::Key_Escape);
    });
    view.cancelAction()->trigger();
    QCOMPARE(stateOf(view.model(), m_queued2), State::Queued);
}

void TestOutboxView::actionsFollowSelectionState()
{
    std::unique_ptr<EmailConnector> connector = openConnector();
    queueFour(*connector);
    OutboxView view;
    view.setConnector(connector.get());
    view.show();

    QVERIFY(!view.retryAction()->isEnabled()); // nothing selected
    QVERIFY(!view.cancelAction()->isEnabled());
    QVERIFY(view.selectEntry(m_sent));
    QVERIFY(!view.retryAction()->isEnabled()); // sent is final
    QVERIFY(!view.cancelAction()->isEnabled());
    QVERIFY(!view.retryButton()->isEnabled());
    QVERIFY(view.selectEntry(m_failed));
    QVERIFY(view.retryAction()->isEnabled());
    QVERIFY(view.cancelAction()->isEnabled());
    QVERIFY(view.selectEntry(m_queued1));
    QVERIFY(view.cancelAction()->isEnabled());

    // Keyboard and screen readers.
    QCOMPARE(view.table()->accessibleName(), QStringLiteral("Outbox"));
    QCOMPARE(view.retryButton()->accessibleName(), QStringLiteral("Retry now"));
    QCOMPARE(view.cancelButton()->accessibleName(), QStringLiteral("Cancel sending"));
    QVERIFY(view.retryButton()->focusPolicy() & Qt::TabFocus);
    QVERIFY(view.cancelButton()->focusPolicy() & Qt::TabFocus);
    // Tab leaves the table for Retry now, then Cancel (when enabled).
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.table()->setFocus();
    QTRY_VERIFY(view.table()->hasFocus());
    QTest::keyClick(view.table(), Qt::Key_Tab);
    QTRY_VERIFY(view.retryButton()->hasFocus() || view.cancelButton()->hasFocus());
}

void TestOutboxView::selectionKeptAcrossRefresh()
{
    std::unique_ptr<EmailConnector> connector = openConnector();
    queueFour(*connector);
    OutboxView view;
    view.setConnector(connector.get());
    view.show();
    QVERIFY(view.selectEntry(m_sent));
    QCOMPARE(view.table()->currentIndex().row(), 2);

    // A new entry comes in on top, another changes state: the selection stays on the sent one.
    QSignalSpy reset(view.model(), &QAbstractItemModel::modelReset);
    const qint64 fresh = queue(*connector, QStringLiteral("[WO-5] new"));
    QVERIFY(!connector->outbox()->cancel(m_queued1));
    QCOMPARE(view.model()->rowCount(), 5);
    QCOMPARE(view.model()->rowOf(fresh), 0);
    QCOMPARE(view.selectedIds(), QList<qint64>{m_sent});
    QCOMPARE(view.table()->currentIndex().data(OutboxModel::IdRole).toLongLong(), m_sent);
    QCOMPARE(reset.size(), 0); // in place, not reset
}

void TestOutboxView::statusBarAndTrayCountQueued()
{
    std::unique_ptr<EmailConnector> connector = openConnector();
    queueFour(*connector);
    QSettings settings(m_dir->filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    MainWindow window(connector.get(), &settings);
    TrayHealth tray;
    // As machina-console binds them.
    connect(&window, &MainWindow::outboxPendingChanged, &tray, &TrayHealth::setOutboxPending);
    tray.setOutboxPending(window.outboxPending());
    tray.setHealth(connector->healthCheck());
    window.show();

    QCOMPARE(window.outboxPending(), 2);
    QCOMPARE(window.outboxLabel()->text(), QStringLiteral("2 messages waiting in the outbox"));
    QVERIFY2(tray.toolTip().endsWith(QStringLiteral("\n2 messages waiting in the outbox")), qPrintable(tray.toolTip()));

    queue(*connector, QStringLiteral("[WO-6] third"));
    QCOMPARE(window.outboxLabel()->text(), QStringLiteral("3 messages waiting in the outbox"));
    QVERIFY2(tray.toolTip().contains(QStringLiteral("3 messages waiting in the outbox")), qPrintable(tray.toolTip()));

    QVERIFY(!connector->outbox()->cancel(m_queued1));
    QVERIFY(!connector->outbox()->cancel(m_queued2));
    QCOMPARE(window.outboxLabel()->text(), QStringLiteral("1 message waiting in the outbox"));
    QVERIFY2(tray.toolTip().contains(QStringLiteral("1 message waiting in the outbox")), qPrintable(tray.toolTip()));

    // A new health keeps the count line; none waiting: no line.
    tray.setHealth(connector->healthCheck());
    QVERIFY2(tray.toolTip().contains(QStringLiteral("1 message waiting in the outbox")), qPrintable(tray.toolTip()));
    const qint64 last = window.outboxView()->model()->entryAt(0).id;
    QVERIFY(!connector->outbox()->cancel(last));
    QCOMPARE(window.outboxLabel()->text(), QString());
    QVERIFY2(!tray.toolTip().contains(QStringLiteral("outbox")), qPrintable(tray.toolTip()));
    QCOMPARE(TrayHealth::outboxText(0), QString());
}

void TestOutboxView::outboxActionShowsAndFocuses()
{
    std::unique_ptr<EmailConnector> connector = openConnector();
    queueFour(*connector);
    QSettings settings(m_dir->filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    MainWindow window(connector.get(), &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.outboxAction());
    QCOMPARE(window.outboxAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QCOMPARE(window.outboxView()->model()->rowCount(), 4);

    window.outboxDock()->close();
    QVERIFY(!window.outboxDock()->isVisible());
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(window.outboxDock()->isVisible());
    QTRY_VERIFY(window.outboxView()->table()->hasFocus());
    QVERIFY(window.outboxView()->table()->currentIndex().isValid());

    // Delete in the outbox cancels there; the inbox's shortcuts are not taken.
    QStringList asked;
    window.outboxView()->setConfirmation([&asked](QWidget *, const QString &, const QString &question) {
        asked << question;
        return true;
    });
    QVERIFY(window.outboxView()->selectEntry(m_queued1));
    QTest::keyClick(window.outboxView()->table(), Qt::Key_Delete);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(connector->outbox()->entry(m_queued1)->state, State::Cancelled);
    bool isError = true;
    QVERIFY(logHas(window.activityLog(), QStringLiteral("\"[WO-3] waiting\" is cancelled"), &isError));
    QVERIFY(!isError);
}

void TestOutboxView::notificationQueuedWhileUnreachable()
{
    std::unique_ptr<EmailConnector> connector = openConnector();
    QSettings settings(m_dir->filePath(QStringLiteral("notify.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("technicians"), QStringList{QStringLiteral("Jonas Keller <%1>").arg(TechnicianAddress)});
    MainWindow window(connector.get(), &settings);
    window.show();

    window.notifyAction()->trigger();
    NotifyTechnicianDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<NotifyTechnicianDialog *>()) != nullptr, 5000);
    dialog->setTechnician(QStringLiteral("Jonas Keller <%1>").arg(TechnicianAddress));
    dialog->setWorkOrderId(QStringLiteral("WO-2026-42"));
    dialog->setAsset(QStringLiteral("P-201"));
    dialog->setDescription(QStringLiteral("high vibration while offline"));
    QVERIFY2(dialog->isValid(), qPrintable(dialog->validationErrors().join(QLatin1Char('\n'))));
    const QString subject = dialog->subject();
    QPointer<NotifyTechnicianDialog> guard(dialog);
    dialog->requestSend();

    // Nothing listens: the send fails for now, the message stays queued and the dialog closes.
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 20000);
    QVERIFY(guard.isNull() || guard->result() == QDialog::Accepted);
    QCOMPARE(connector->outbox()->pendingCount(), 1);
    const OutboxEntry entry = connector->outbox()->entries().constFirst();
    QCOMPARE(entry.state, State::Queued);
    QCOMPARE(entry.recipients, QStringList{TechnicianAddress});
    QVERIFY(!entry.lastError.isEmpty());
    bool isError = true;
    QVERIFY(logHas(window.activityLog(),
                   QStringLiteral("Notification \"%1\" is in the outbox and will be sent when the server answers").arg(subject),
                   &isError));
    QVERIFY(!isError); // not a failure
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("is in the outbox and will be sent when the server answers")),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(window.outboxLabel()->text(), QStringLiteral("1 message waiting in the outbox"));
    QCOMPARE(window.outboxView()->model()->rowCount(), 1);
    QCOMPARE(window.outboxView()->model()->index(0, OutboxModel::SubjectColumn).data().toString(), subject);
    QTRY_VERIFY_WITH_TIMEOUT(window.busyIndicator()->isHidden(), 5000);
}

void TestOutboxView::activityLogRestoredInNewWindow()
{
    const QString token = QStringLiteral("remember me %1").arg(QDateTime::currentMSecsSinceEpoch());
    QSettings settings(m_dir->filePath(QStringLiteral("log.ini")), QSettings::IniFormat);
    {
        std::unique_ptr<EmailConnector> connector = openConnector();
        QVERIFY(connector->activityLog());
        MainWindow window(connector.get(), &settings);
        window.logActivity(token);
        window.logActivity(token + QStringLiteral(" (an error)"), true);
        const QList<ActivityLog::Entry> stored = connector->activityLog()->recent();
        QVERIFY(stored.size() >= 2);
        QCOMPARE(stored.at(stored.size() - 2).text, token);
        QCOMPARE(stored.last().isError, true);
    }
    std::unique_ptr<EmailConnector> connector = openConnector();
    MainWindow window(connector.get(), &settings);
    bool isError = true;
    QVERIFY(logHas(window.activityLog(), token, &isError));
    QVERIFY(!isError);
    QVERIFY(logHas(window.activityLog(), token + QStringLiteral(" (an error)"), &isError));
    QVERIFY(isError);
    // The restored entries come first, in their order; new ones after them.
    window.logActivity(QStringLiteral("second run"));
    QListWidget *log = window.activityLog();
    int first = -1, second = -1, now = -1;
    for (int i = 0; i < log->count(); ++i) {
        const QString text = log->item(i)->text();
        if (text.endsWith(token) && first < 0)
            first = i;
        else if (text.endsWith(token + QStringLiteral(" (an error)")))
            second = i;
        else if (text.endsWith(QStringLiteral("second run")))
            now = i;
    }
    QVERIFY(first >= 0 && first < second && second < now);
    QCOMPARE(now, log->count() - 1);
}

void TestOutboxView::noStoreNoOutbox()
{
    EmailConnector connector(m_config); // no openStore(): sending works directly
    QSettings settings(m_dir->filePath(QStringLiteral("nostore.ini")), QSettings::IniFormat);
    MainWindow window(&connector, &settings);
    window.show();
    QVERIFY(!window.outboxView()->model()->hasOutbox());
    QCOMPARE(window.outboxView()->model()->rowCount(), 0);
    QVERIFY(window.outboxView()->summaryLabel()->text().startsWith(QStringLiteral("No outbox")));
    QVERIFY(!window.outboxView()->retryAction()->isEnabled());
    QVERIFY(!window.outboxView()->cancelAction()->isEnabled());
    QCOMPARE(window.outboxLabel()->text(), QString());
    QCOMPARE(window.outboxPending(), 0);
    window.logActivity(QStringLiteral("only on screen")); // no store: not kept, no crash
    QVERIFY(logHas(window.activityLog(), QStringLiteral("only on screen")));
}

void TestOutboxView::inboxPaintedFromTheCacheWhileOffline()
{
    std::unique_ptr<EmailConnector> connector = openConnector();
    MessageCache *cache = connector->messageCache();
    QVERIFY(cache);
    QVERIFY(!cache->resetMailbox(QStringLiteral("INBOX"), 7));
    QList<MessageSummary> rows;
    for (quint32 uid = 1; uid <= 3; ++uid) {
        MessageSummary row;
        row.uid = uid;
        row.id = QStringLiteral("imap:7:%1").arg(uid);
        row.subject = QStringLiteral("WO-2026-%1 cached").arg(40 + uid);
        row.from = row.fromAddress = QStringLiteral("alarm@machina.test");
        row.date = QDateTime::currentDateTimeUtc().addSecs(-600 + uid);
        row.seen = uid == 1;
        rows.append(row);
    }
    QVERIFY(!cache->storeHeaders(QStringLiteral("INBOX"), rows));
    // The config points at a port where nothing listens: the rows can only come from the cache.
    QSettings settings(m_dir->filePath(QStringLiteral("cache.ini")), QSettings::IniFormat);
    MainWindow window(connector.get(), &settings);
    window.show();
    window.refresh();   // as machina-console does once its window is up
    QTRY_COMPARE_WITH_TIMEOUT(window.inboxModel()->rowCount(), 3, 2000);
    const QStringList ids = window.inboxModel()->ids();
    QCOMPARE(ids.first(), QStringLiteral("imap:7:3"));   // newest first
    // The sync after it fails (nothing listens), and the cached rows stay.
    QTRY_VERIFY_WITH_TIMEOUT(window.busyIndicator()->isHidden(), 20000);
    QCOMPARE(window.inboxModel()->rowCount(), 3);
}

QTEST_MAIN(TestOutboxView)
#include "tst_outboxview.moc"
