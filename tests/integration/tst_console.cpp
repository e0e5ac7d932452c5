// The console's main window against the real mail stack, offscreen: the
// inbox fills, a click opens the message, mark read reaches Dovecot, and a
// notification typed in the dialog goes through Postfix into the technician's
// Maildir. One test runs the machina-console program itself, on a stack of
// its own: a notification queued while Postfix is down survives a SIGKILL
// and is sent once by the next console.

#include "emailconnector.h"
#include "inboxmodel.h"
#include "mailstack.h"
#include "mainwindow.h"
#include "messageview.h"
#include "notifytechniciandialog.h"
#include "settingsdialog.h"
#include "replydialog.h"
#include "addressbookdialog.h"
#include "store/localstore.h"
#include "store/outbox.h"
#include "workorderview.h"
#include "workordermodel.h"
#include "workorders/workordertracker.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QScopeGuard>
#include <QTableWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <memory>

using namespace machina;

namespace {

const QString kStackScript = QStringLiteral(MACHINA_SOURCE_DIR "/tests/harness/mailstack.sh");
/// The stack of killedConsoleSendsQueuedNotification alone: it stops Postfix, which would disturb the shared one.
const QString kOutboxStackDir = QStringLiteral(MACHINA_BINARY_DIR "/tests/integration/console-outbox-stack");

/// bash mailstack.sh ARGS; true when it succeeded.
bool runStack(const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("bash"), QStringList{kStackScript} + args);
    const bool ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return ok;
}

/// How many of @p user's messages hold @p text.
int countWith(const MailStack &stack, const QString &user, const QByteArray &text)
{
    int n = 0;
    for (const QByteArray &m : stack.messages(user))
        n += m.contains(text) ? 1 : 0;
    return n;
}

/// Kills @p process (SIGKILL) if it still runs.
void killProcess(QProcess &process)
{
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(10000);
    }
}

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inboxOpensMessagesAndMarksRead();
    void notifyTechnicianSendsThroughPostfix();
    void layoutPersists();
    void newMailAppearsLive();
    void syncInboxFetchesOnlyChanges();
    void replyDialogSendsThreadedReply();
    void addressBookEditorSavesTechnicians();
    void switchingAccountsRelists();
    void settingsTestConnectionListsSteps();
    void killedConsoleSendsQueuedNotification();
    void alarmToWorkOrderInThreeInteractions();

private:
    ConnectorConfig configFor(const QString &user) const;
    bool send(const QString &from, const QString &to, const QString &subject, const QString &text);
    int countUnseen(const QString &user);

    MailStack m_stack;
    QTemporaryDir m_dir;
};

void TestConsole::initTestCase()
{
    QString error;
    const std::optional<MailStack> stack = MailStack::fromEnvironment(&error);
    QVERIFY2(stack, qPrintable(error));
    m_stack = *stack;
    QVERIFY(m_dir.isValid());
}

ConnectorConfig TestConsole::configFor(const QString &user) const
{
    return m_stack.config(user);
}

bool TestConsole::send(const QString &from, const QString &to, const QString &subject, const QString &text)
{
    return m_stack.send(from, to, subject, text);
}

int TestConsole::countUnseen(const QString &user)
{
    EmailConnector connector(configFor(user));
    std::unique_ptr<InboxListReply> list(connector.listMessages(true, 0));
    QSignalSpy spy(list.get(), &ConnectorReply::finished);
    if (!spy.wait(20000) || list->error())
        return -1;
    return int(list->messages().size());
}

void TestConsole::inboxOpensMessagesAndMarksRead()
{
    const QByteArray token = uniqueToken("console");
    const QString subject = QStringLiteral("[WO-2026-77] P-305 seal leak ") + QString::fromLatin1(token);
    QVERIFY(send(QStringLiteral("alarm"), QStringLiteral("supervisor"), subject, QStringLiteral("Seal leaking on P-305.")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack.findMessage(QStringLiteral("supervisor"), token).isEmpty(), 15000);
    const int unseenBefore = countUnseen(QStringLiteral("supervisor"));
    QVERIFY(unseenBefore >= 1);

    QSettings settings(m_dir.filePath(QStringLiteral("inbox.ini")), QSettings::IniFormat);
    EmailConnector connector(configFor(QStringLiteral("supervisor")));
    MainWindow window(&connector, &settings);
    window.show();
    window.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window.inboxModel()->rowCount() > 0, 20000);

    // Find our message through the filter, as a supervisor would type it.
    window.filterEdit()->setText(QStringLiteral("WO-2026-77 ") + QString::fromLatin1(token));
    QTRY_COMPARE_WITH_TIMEOUT(window.filterModel()->rowCount(), 1, 5000);
    QCOMPARE(window.filterModel()->index(0, 3).data().toString(), QStringLiteral("WO-2026-77"));
    QVERIFY(window.filterModel()->index(0, 2).data(Qt::FontRole).value<QFont>().bold()); // unread

    window.table()->selectRow(0);
    QTRY_COMPARE_WITH_TIMEOUT(window.messageView()->subjectLabel()->text(), subject, 15000);
    QVERIFY(window.messageView()->browser()->toPlainText().contains(QStringLiteral("Seal leaking")));
    QCOMPARE(countUnseen(QStringLiteral("supervisor")), unseenBefore); // opening is not reading

    window.markReadAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window.filterModel()->index(0, 2).data(Qt::FontRole).value<QFont>().bold(), 15000);
    QCOMPARE(countUnseen(QStringLiteral("supervisor")), unseenBefore - 1);
    window.markUnreadAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.filterModel()->index(0, 2).data(Qt::FontRole).value<QFont>().bold(), 15000);
    QCOMPARE(countUnseen(QStringLiteral("supervisor")), unseenBefore);

    // Errors reach the activity log, not a crash.
    for (int i = 0; i < window.activityLog()->count(); ++i)
        QVERIFY2(!window.activityLog()->item(i)->data(Qt::UserRole).toBool(), qPrintable(window.activityLog()->item(i)->text()));

    QCOMPARE(window.notifyAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
    QCOMPARE(window.replyAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(window.refreshAction()->shortcut(), QKeySequence(Qt::Key_F5));
}

void TestConsole::notifyTechnicianSendsThroughPostfix()
{
    QSettings settings(m_dir.filePath(QStringLiteral("notify.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("technicians"),
                      QStringList{QStringLiteral("Jonas Keller <%1>").arg(m_stack.address(QStringLiteral("technician")))});
    EmailConnector connector(configFor(QStringLiteral("supervisor")));
    std::unique_ptr<ConnectorReply> connected(connector.connectToServers());
    QSignalSpy connectedSpy(connected.get(), &ConnectorReply::finished);
    QVERIFY(connectedSpy.wait(20000));
    QVERIFY2(!connected->error(), qPrintable(connected->error().message()));

    MainWindow window(&connector, &settings);
    window.show();
    window.notifyAction()->trigger();
    NotifyTechnicianDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<NotifyTechnicianDialog *>()) != nullptr, 5000);
    QVERIFY(dialog->isVisible());

    const QByteArray token = uniqueToken("notify");
    dialog->setTechnician(QStringLiteral("Jonas Keller <%1>").arg(m_stack.address(QStringLiteral("technician"))));
    dialog->setWorkOrderId(QStringLiteral("WO-2026-42"));
    dialog->setAsset(QStringLiteral("P-201"));
    dialog->setPriority(NotifyTechnicianDialog::Priority::High);
    dialog->setDescription(QStringLiteral("high vibration ") + QString::fromLatin1(token));
    QVERIFY2(dialog->isValid(), qPrintable(dialog->validationErrors().join(QLatin1Char('\n'))));
    const QString subject = dialog->subject();
    QVERIFY(subject.startsWith(QStringLiteral("[WO-2026-42] P-201 high vibration")));
    QVERIFY(subject.endsWith(QStringLiteral("(priority High)")));
    QPointer<NotifyTechnicianDialog> guard(dialog);
    dialog->requestSend();
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 20000); // accepted: sent

    QByteArray arrived;
    QTRY_VERIFY_WITH_TIMEOUT(!(arrived = m_stack.findMessage(QStringLiteral("technician"), token)).isEmpty(), 15000);
    QVERIFY(arrived.contains("WO-2026-42"));
    bool logged = false;
    for (int i = 0; i < window.activityLog()->count(); ++i)
        logged = logged || window.activityLog()->item(i)->text().contains(QStringLiteral("Notified"));
    QVERIFY(logged);
}

void TestConsole::layoutPersists()
{
    const QString path = m_dir.filePath(QStringLiteral("layout.ini"));
    QByteArray columns;
    {
        QSettings settings(path, QSettings::IniFormat);
        EmailConnector connector(configFor(QStringLiteral("supervisor")));
        MainWindow window(&connector, &settings);
        window.show();
        window.table()->setColumnWidth(1, 333);
        window.close();
        columns = settings.value(QStringLiteral("window/columns")).toByteArray();
    }
    QVERIFY(!columns.isEmpty());
    QSettings settings(path, QSettings::IniFormat);
    EmailConnector connector(configFor(QStringLiteral("supervisor")));
    MainWindow window(&connector, &settings);
    QCOMPARE(window.table()->columnWidth(1), 333);
}

// New mail appears without F5 and without a poll (poll interval one hour):
// the connector's IDLE session tells the window, which lists again.
void TestConsole::newMailAppearsLive()
{
    const QByteArray earlier = uniqueToken("before-live");
    QVERIFY(send(QStringLiteral("alarm"), QStringLiteral("supervisor"), QString::fromLatin1(earlier), QStringLiteral("listed first")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack.findMessage(QStringLiteral("supervisor"), earlier).isEmpty(), 15000);
    QSettings settings(m_dir.filePath(QStringLiteral("live.ini")), QSettings::IniFormat);
    ConnectorConfig config = configFor(QStringLiteral("supervisor"));
    config.pollInterval = 3600;
    EmailConnector connector(config);
    MainWindow window(&connector, &settings);
    QSignalSpy newMail(&window, &MainWindow::newMailArrived);
    window.show();
    window.refresh();
    QVERIFY(window.busyIndicator()->isVisible()); // listing shows progress
    QSignalSpy progress(window.busyIndicator(), &QProgressBar::valueChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!window.busyIndicator()->isVisible(), 20000);
    QVERIFY(window.inboxModel()->rowCount() > 0);
    QVERIFY(progress.size() >= 1); // each batch moves the bar (this inbox fits one)
    QCOMPARE(window.busyIndicator()->maximum(), 0); // busy again for the next operation
    QTRY_VERIFY_WITH_TIMEOUT(connector.isWatchingInbox(), 5000);
    QTest::qWait(1500); // the watch session logs in and starts IDLE

    const QByteArray token = uniqueToken("live");
    const QString subject = QStringLiteral("ALARM live ") + QString::fromLatin1(token);
    QVERIFY(send(QStringLiteral("alarm"), QStringLiteral("supervisor"), subject, QStringLiteral("Pushed, not polled.")));
    window.filterEdit()->setText(QString::fromLatin1(token));
    QTRY_COMPARE_WITH_TIMEOUT(window.filterModel()->rowCount(), 1, 20000);
    QCOMPARE(window.filterModel()->index(0, 2).data().toString(), subject);
    QVERIFY(newMail.size() >= 1);
}

// syncInbox(): headers only for what the caller does not know, flags for the rest, gone ids named.
void TestConsole::syncInboxFetchesOnlyChanges()
{
    QVERIFY(send(QStringLiteral("alarm"), QStringLiteral("supervisor"), QStringLiteral("before sync"), QStringLiteral("known")));
    EmailConnector connector(configFor(QStringLiteral("supervisor")));
    std::unique_ptr<InboxListReply> first(connector.listMessages(false, 0));
    QSignalSpy batches(first.get(), &InboxListReply::rowsListed);
    QSignalSpy firstDone(first.get(), &ConnectorReply::finished);
    QVERIFY(firstDone.wait(30000));
    QVERIFY2(!first->error(), qPrintable(first->error().message()));
    QStringList known;
    for (const MessageSummary &m : first->messages())
        known.append(m.id);
    QVERIFY(!known.isEmpty());
    QCOMPARE(first->total(), int(known.size()));
    int streamed = 0;
    for (const QList<QVariant> &batch : batches)
        streamed += int(batch.at(0).value<QList<MessageSummary>>().size());
    QCOMPARE(streamed, int(known.size()));

    // Changes: one new message, one known one read, two ids that no longer exist.
    const QByteArray token = uniqueToken("sync");
    QVERIFY(send(QStringLiteral("alarm"), QStringLiteral("supervisor"), QStringLiteral("after sync ") + QString::fromLatin1(token),
                 QStringLiteral("new")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack.findMessage(QStringLiteral("supervisor"), token).isEmpty(), 15000);
    const QString readOne = known.first();
    const bool wasSeen = first->messages().first().seen;
    std::unique_ptr<ConnectorReply> marked(connector.setSeen({readOne}, true));
    QSignalSpy markedDone(marked.get(), &ConnectorReply::finished);
    QVERIFY(markedDone.wait(20000));
    QVERIFY(!marked->error());
    const QString validity = readOne.section(QLatin1Char(':'), 1, 1);
    const QString gone = QStringLiteral("imap:%1:4000000000").arg(validity);
    const QString otherValidity = QStringLiteral("imap:1:1");

    std::unique_ptr<InboxListReply> sync(connector.syncInbox(known + QStringList{gone, otherValidity}, 0));
    QSignalSpy syncDone(sync.get(), &ConnectorReply::finished);
    QVERIFY(syncDone.wait(30000));
    QVERIFY2(!sync->error(), qPrintable(sync->error().message()));
    QCOMPARE(sync->messages().size(), 1);
    QCOMPARE(sync->messages().first().subject, QStringLiteral("after sync ") + QString::fromLatin1(token));
    QVERIFY(!known.contains(sync->messages().first().id));
    QStringList removed = sync->removedIds();
    removed.sort();
    QStringList expectedRemoved{otherValidity, gone};
    expectedRemoved.sort();
    QCOMPARE(removed, expectedRemoved);
    QCOMPARE(sync->seenStates().size(), known.size());
    QCOMPARE(sync->seenStates().value(readOne), true);

    std::unique_ptr<ConnectorReply> restore(connector.setSeen({readOne}, wasSeen));
    QSignalSpy restoreDone(restore.get(), &ConnectorReply::finished);
    QVERIFY(restoreDone.wait(20000));
}

// Reply (Ctrl+R) opens the composer with the quote; what is sent arrives threaded.
void TestConsole::replyDialogSendsThreadedReply()
{
    const QByteArray token = uniqueToken("reply");
    const QString subject = QStringLiteral("ALARM reply ") + QString::fromLatin1(token);
    QVERIFY(send(QStringLiteral("alarm"), QStringLiteral("supervisor"), subject, QStringLiteral("Bearing temperature 92 C.")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack.findMessage(QStringLiteral("supervisor"), token).isEmpty(), 15000);

    QSettings settings(m_dir.filePath(QStringLiteral("reply.ini")), QSettings::IniFormat);
    EmailConnector connector(configFor(QStringLiteral("supervisor")));
    std::unique_ptr<ConnectorReply> connected(connector.connectToServers());
    QSignalSpy connectedSpy(connected.get(), &ConnectorReply::finished);
    QVERIFY(connectedSpy.wait(20000));
    MainWindow window(&connector, &settings);
    window.show();
    window.refresh();
    window.filterEdit()->setText(QString::fromLatin1(token));
    QTRY_COMPARE_WITH_TIMEOUT(window.filterModel()->rowCount(), 1, 20000);
    window.table()->selectRow(0);
    QTRY_COMPARE_WITH_TIMEOUT(window.messageView()->subjectLabel()->text(), subject, 15000);

    window.replyAction()->trigger();
    ReplyDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<ReplyDialog *>()) != nullptr, 5000);
    QCOMPARE(dialog->subject(), QStringLiteral("Re: ") + subject);
    QVERIFY(dialog->body().contains(QStringLiteral("> Bearing temperature 92 C.")));
    QVERIFY(!dialog->isValid()); // nothing typed yet
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    dialog->bodyField()->setFocus();
    QTRY_VERIFY(dialog->bodyField()->hasFocus());
    QTest::keyClicks(dialog->bodyField(), QStringLiteral("Technician on the way. ") + QString::fromLatin1(token) + QStringLiteral("-answer"));
    QVERIFY2(dialog->isValid(), qPrintable(dialog->validationErrors().join(QLatin1Char('\n'))));
    QPointer<ReplyDialog> guard(dialog);
    QTest::keyClick(dialog->bodyField(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 20000);

    QByteArray arrived;
    QTRY_VERIFY_WITH_TIMEOUT(!(arrived = m_stack.findMessage(QStringLiteral("alarm"), token + "-answer")).isEmpty(), 15000);
    QVERIFY(arrived.contains("In-Reply-To: <"));
    QVERIFY(arrived.contains("> Bearing temperature 92 C."));

    // Closed while sending: the outcome still reaches the log, the busy bar stops.
    window.replyAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<ReplyDialog *>()) != nullptr, 5000);
    dialog->setBody(QStringLiteral("Second answer ") + QString::fromLatin1(token) + QStringLiteral("-closed\n\n") + dialog->body());
    QVERIFY2(dialog->isValid(), qPrintable(dialog->validationErrors().join(QLatin1Char('\n'))));
    dialog->requestSend();
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack.findMessage(QStringLiteral("alarm"), token + "-closed").isEmpty(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.busyIndicator()->isVisible(), 15000);
    const auto replies = [&window] {
        int n = 0;
        for (int i = 0; i < window.activityLog()->count(); ++i)
            n += window.activityLog()->item(i)->text().contains(QStringLiteral("Replied to")) ? 1 : 0;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(replies(), 2, 15000);
}

// Technicians... edits the address book the notify dialog offers.
void TestConsole::addressBookEditorSavesTechnicians()
{
    QSettings settings(m_dir.filePath(QStringLiteral("book.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("technicians"), QStringList{QStringLiteral("Jonas Keller <jonas@machina.test>")});
    EmailConnector connector(configFor(QStringLiteral("supervisor")));
    MainWindow window(&connector, &settings);
    window.show();
    window.addressBookAction()->trigger();
    AddressBookDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<AddressBookDialog *>()) != nullptr, 5000);
    QCOMPARE(dialog->entries(), QStringList{QStringLiteral("Jonas Keller <jonas@machina.test>")});
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    dialog->table()->setCurrentCell(0, 0);
    dialog->table()->setFocus();
    QTRY_VERIFY(dialog->table()->hasFocus());
    QTest::keyClick(dialog->table(), Qt::Key_Delete);
    QCOMPARE(dialog->entries(), QStringList());
    dialog->accept();
    QCOMPARE(window.addressBook(), QStringList());
    QCOMPARE(settings.value(QStringLiteral("technicians")).toStringList(), QStringList());
}

// Settings applied without a restart: the window lists the other account's inbox.
void TestConsole::switchingAccountsRelists()
{
    const QByteArray token = uniqueToken("switch");
    QVERIFY(send(QStringLiteral("supervisor"), QStringLiteral("technician"), QStringLiteral("For technician ") + QString::fromLatin1(token),
                 QStringLiteral("only in the technician's inbox")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack.findMessage(QStringLiteral("technician"), token).isEmpty(), 15000);

    QSettings settings(m_dir.filePath(QStringLiteral("switch.ini")), QSettings::IniFormat);
    EmailConnector supervisor(configFor(QStringLiteral("supervisor")));
    MainWindow window(&supervisor, &settings);
    window.show();
    window.refresh();
    window.filterEdit()->setText(QString::fromLatin1(token));
    QTRY_VERIFY_WITH_TIMEOUT(window.inboxModel()->rowCount() > 0, 20000);
    QCOMPARE(window.filterModel()->rowCount(), 0);

    EmailConnector technician(configFor(QStringLiteral("technician")));
    window.setConnector(&technician);
    QCOMPARE(window.connector(), &technician);
    QVERIFY(!supervisor.isWatchingInbox());
    QVERIFY(technician.isWatchingInbox());
    QTRY_COMPARE_WITH_TIMEOUT(window.filterModel()->rowCount(), 1, 20000);
}

// The settings dialog's Test connection against the real servers: every step listed as passed.
void TestConsole::settingsTestConnectionListsSteps()
{
    SettingsDialog dialog;
    dialog.setConfig(configFor(QStringLiteral("supervisor")));
    QSignalSpy finished(&dialog, &SettingsDialog::testFinished);
    dialog.show();
    QPushButton *test = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text().remove(QLatin1Char('&')) == QStringLiteral("Test connection"))
            test = button;
    }
    QVERIFY(test);
    test->click();
    QVERIFY(dialog.isTesting());
    QVERIFY(!test->isEnabled());
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.first().first().value<ConnectorError>());
    QVERIFY(test->isEnabled());
    QStringList rows;
    for (int i = 0; i < dialog.testResults()->count(); ++i)
        rows.append(dialog.testResults()->item(i)->text());
    QCOMPARE(rows.size(), 13);
    for (int i = 0; i < 12; ++i)
        QVERIFY2(rows[i].startsWith(QStringLiteral("✓ ")), qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY(rows[4].startsWith(QStringLiteral("✓ IMAP: authentication: signed in as supervisor@")));
    QCOMPARE(rows.last(), QStringLiteral("Every step passed."));

    // A wrong password typed in the dialog fails at authentication, with the server's words.
    dialog.setConfig([this] {
        ConnectorConfig config = configFor(QStringLiteral("supervisor"));
        config.password = QStringLiteral("wrong");
        return config;
    }());
    test->click();
    QVERIFY(finished.wait(60000));
    rows.clear();
    for (int i = 0; i < dialog.testResults()->count(); ++i)
        rows.append(dialog.testResults()->item(i)->text());
    QVERIFY2(rows.contains(QStringLiteral("✗ IMAP: authentication"), Qt::CaseSensitive) || std::any_of(rows.cbegin(), rows.cend(), [](const QString &row) {
                 return row.startsWith(QStringLiteral("✗ IMAP: authentication: "));
             }),
             qPrintable(rows.join(QLatin1Char('\n'))));
    QCOMPARE(rows.last(), QStringLiteral("The test failed: see the first ✗ above."));
}

// Kill the console with a notification queued; after a restart it is sent.
// The real machina-console program (offscreen, its own XDG_DATA_HOME and
// XDG_CONFIG_HOME) on a stack of this test's own: with Postfix stopped, the
// console's test hook (MACHINA_CONSOLE_TEST_NOTIFY, see main.cpp) fills Notify
// technician and sends it, the send fails for now and the notification stays
// in the outbox; the process is killed with SIGKILL; Postfix starts; a second
// console, started like the first but without the hook, finds it in the store
// and sends it: the technician's Maildir holds it exactly once.
void TestConsole::killedConsoleSendsQueuedNotification()
{
    const QString console = qEnvironmentVariable("MACHINA_CONSOLE");
    QVERIFY2(!console.isEmpty() && QFile::exists(console), "MACHINA_CONSOLE must name the machina-console program");

    QString output;
    QVERIFY2(runStack({QStringLiteral("start"), kOutboxStackDir, QStringLiteral("--users"),
                       QStringLiteral("supervisor technician")}, &output),
             qPrintable(output));
    auto stopStack = qScopeGuard([] { runStack({QStringLiteral("stop"), kOutboxStackDir}); });
    QString error;
    const std::optional<MailStack> own = MailStack::fromFile(kOutboxStackDir + QStringLiteral("/env"), &error);
    QVERIFY2(own, qPrintable(error));
    const MailStack stack = *own;

    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString yaml = home.filePath(QStringLiteral("console.yaml"));
    {
        QFile file(yaml);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QTextStream out(&file);
        out << "connectors:\n  email:\n    type: email\n"
            << "    smtp_host: " << stack.host << "\n"
            << "    smtp_port: " << stack.smtpsPort << "\n"
            << "    imap_host: " << stack.host << "\n"
            << "    imap_port: " << stack.imapsPort << "\n"
            << "    username: " << stack.address(QStringLiteral("supervisor")) << "\n"
            << "    password: ${MACHINA_TEST_PASSWORD}\n"
            << "    ca_file: " << stack.caFile << "\n"
            << "    poll_interval: 30\n"
            << "    timeout: 10\n";
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), MailStack::password(QStringLiteral("supervisor")));
    env.remove(QStringLiteral("MACHINA_CONFIG"));
    env.remove(QStringLiteral("MACHINA_CONSOLE_TEST_NOTIFY"));

    QVERIFY(runStack({QStringLiteral("stop-postfix"), kOutboxStackDir}));
    auto startPostfix = qScopeGuard([] { runStack({QStringLiteral("start-postfix"), kOutboxStackDir}); });

    // The first console queues the notification: Postfix does not answer.
    const QByteArray token = uniqueToken("killed-console");
    QProcess first;
    QProcessEnvironment firstEnv = env;
    firstEnv.insert(QStringLiteral("MACHINA_CONSOLE_TEST_NOTIFY"),
                    stack.address(QStringLiteral("technician")) + QStringLiteral(" restart check ") + QString::fromLatin1(token));
    first.setProcessEnvironment(firstEnv);
    first.start(console, {QStringLiteral("--config"), yaml});
    auto killFirst = qScopeGuard([&first] { killProcess(first); });
    QVERIFY2(first.waitForStarted(10000), qPrintable(first.errorString()));
    QString firstErr;
    const auto firstSaid = [&](const QString &text) {
        firstErr += QString::fromUtf8(first.readAllStandardError());
        return firstErr.contains(text);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(firstSaid(QStringLiteral("is in the outbox and will be sent when the server answers")),
                              qPrintable(firstErr), 90000);
    QCOMPARE(first.state(), QProcess::Running);
    first.kill(); // SIGKILL: no chance to tidy up
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    killFirst.dismiss();

    // What the killed console left on disk: the notification, queued (or in
    // sending, when it died during an attempt), nowhere delivered.
    const QDir storeDir(home.filePath(QStringLiteral("data/machina-console/stores")));
    const QStringList stores = storeDir.entryList({QStringLiteral("*.sqlite")}, QDir::Files);
    QCOMPARE(stores.size(), 1);
    const QString storePath = storeDir.filePath(stores.constFirst());
    QString messageId;
    qint64 entryId = 0;
    {
        LocalStore::OpenResult opened = LocalStore::open(storePath);
        QVERIFY2(opened.store && !opened.error, qPrintable(opened.error.message()));
        Outbox outbox(opened.store.get());
        const QList<OutboxEntry> entries = outbox.entries();
        QCOMPARE(entries.size(), 1);
        const OutboxEntry &entry = entries.constFirst();
        QVERIFY2(entry.state == OutboxEntry::State::Queued || entry.state == OutboxEntry::State::Sending,
                 qPrintable(OutboxEntry::stateName(entry.state)));
        QCOMPARE(entry.recipients, QStringList{stack.address(QStringLiteral("technician"))});
        QVERIFY(outbox.entry(entry.id)->data.contains(token));
        messageId = entry.messageId;
        entryId = entry.id;
    }
    QVERIFY(!messageId.isEmpty());
    const QByteArray idInHeader = '<' + messageId.toUtf8() + '>';
    QCOMPARE(countWith(stack, QStringLiteral("technician"), idInHeader), 0);

    QVERIFY(runStack({QStringLiteral("start-postfix"), kOutboxStackDir}));
    startPostfix.dismiss();

    // The second console, without the hook, drains what it finds.
    QProcess second;
    second.setProcessEnvironment(env);
    second.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    second.start(console, {QStringLiteral("--config"), yaml});
    auto killSecond = qScopeGuard([&second] { killProcess(second); });
    QVERIFY2(second.waitForStarted(10000), qPrintable(second.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(countWith(stack, QStringLiteral("technician"), idInHeader), 1, 90000);
    QTest::qWait(3000); // a second copy would come now
    QCOMPARE(countWith(stack, QStringLiteral("technician"), idInHeader), 1);
    QCOMPARE(countWith(stack, QStringLiteral("technician"), token), 1);
    QCOMPARE(second.state(), QProcess::Running);
    killProcess(second);
    killSecond.dismiss();

    LocalStore::OpenResult opened = LocalStore::open(storePath);
    QVERIFY2(opened.store, qPrintable(opened.error.message()));
    Outbox outbox(opened.store.get());
    const std::optional<OutboxEntry> sent = outbox.entry(entryId);
    QVERIFY(sent);
    QCOMPARE(OutboxEntry::stateName(sent->state), OutboxEntry::stateName(OutboxEntry::State::Sent));
    QCOMPARE(outbox.pendingCount(), 0);
}

// The supervisor's path on the real stack: an alarm arrives, select it, Ctrl+N, Return. The
// notification reaches the technician with the work order's header, the order is on the
// server (another tracker reads it), and the Work orders view shows it.
void TestConsole::alarmToWorkOrderInThreeInteractions()
{
    const QByteArray token = uniqueToken("wo");
    const QString subject = QStringLiteral("ALARM P-4711 bearing temperature 95 C %1").arg(QString::fromLatin1(token));
    QVERIFY(send(QStringLiteral("alarm"), QStringLiteral("supervisor"), subject, QStringLiteral("Pump P-4711 bearing hot.")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack.findMessage(QStringLiteral("supervisor"), token).isEmpty(), 15000);

    QSettings settings(m_dir.filePath(QStringLiteral("workorders.ini")), QSettings::IniFormat);
    ConnectorConfig config = configFor(QStringLiteral("supervisor"));
    config.workOrders.folder = QStringLiteral("Work Orders Console");
    const QString jonas = QStringLiteral("Jonas Keller <%1>").arg(m_stack.address(QStringLiteral("technician")));
    config.workOrders.technicians = {{QStringLiteral("Jonas Keller"), m_stack.address(QStringLiteral("technician")),
                                      {QStringLiteral("P-")}, 1}};
    EmailConnector connector(config);
    QVERIFY(!connector.openStore(m_dir.filePath(QStringLiteral("workorders.sqlite"))));
    connector.setOutboxDraining(true);
    WorkOrderTracker tracker(&connector, config.workOrders);
    tracker.setActor(QStringLiteral("tst_console"));
    tracker.start();

    MainWindow window(&connector, &settings);
    window.setWorkOrderSettings(config.workOrders);
    window.setWorkOrderTracker(&tracker);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.refresh();
    window.filterEdit()->setText(QString::fromLatin1(token));
    QTRY_COMPARE_WITH_TIMEOUT(window.filterModel()->rowCount(), 1, 20000);

    // 1. Select the alarm (a click on its row).
    QTableView *table = window.table();
    const QRect row = table->visualRect(table->model()->index(0, 2));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, row.center());
    QTRY_COMPARE_WITH_TIMEOUT(table->selectionModel()->selectedRows().size(), 1, 5000);
    // The supervisor reads the alarm before acting on it: its text is then quoted too.
    QTRY_COMPARE_WITH_TIMEOUT(window.messageView()->subjectLabel()->text(), subject, 15000);
    // 2. Ctrl+N.
    QTest::keyClick(table, Qt::Key_N, Qt::ControlModifier);
    NotifyTechnicianDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<NotifyTechnicianDialog *>()) != nullptr, 5000);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QVERIFY(dialog->isWorkOrderMode());
    QCOMPARE(dialog->technician(), jonas);   // from the roster: he covers P-
    // 3. Return.
    QPointer<NotifyTechnicianDialog> guard(dialog);
    QTest::keyClick(dialog->focusWidget() ? dialog->focusWidget() : dialog, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 30000);

    // The technician has it, with the order's header and the alarm quoted.
    QByteArray arrived;
    QTRY_VERIFY_WITH_TIMEOUT(!(arrived = m_stack.findMessage(QStringLiteral("technician"), "bearing temperature 95 C " + token))
                                  .isEmpty(),
                             20000);
    QVERIFY(arrived.contains("X-Machina-Work-Order: WO-"));
    QVERIFY(arrived.contains("> Pump P-4711 bearing hot."));
    QTRY_VERIFY_WITH_TIMEOUT(!tracker.workOrders().isEmpty(), 10000);
    const WorkOrder order = tracker.workOrders().constFirst();
    QCOMPARE(order.asset, QStringLiteral("P-4711"));
    QCOMPARE(order.priority, WorkOrderPriority::High);
    QCOMPARE(order.state, WorkOrderState::Notified);
    QCOMPARE(order.chain.value(0), jonas);
    QVERIFY(arrived.contains(order.id.toLatin1()));
    // The Work orders view lists it, and a second tracker (another console) reads the same from the server.
    QTRY_VERIFY_WITH_TIMEOUT(window.workOrderView()->model()->rowCount() >= 1, 10000);
    EmailConnector other(config);
    QVERIFY(!other.openStore(m_dir.filePath(QStringLiteral("other.sqlite"))));
    WorkOrderTracker reader(&other, config.workOrders);
    reader.setReadOnly(true);
    std::unique_ptr<ConnectorReply> read(reader.refresh());
    QSignalSpy readSpy(read.get(), &ConnectorReply::finished);
    QVERIFY(read->isFinished() || readSpy.wait(20000));
    QVERIFY2(!read->error(), qPrintable(read->error().message()));
    const std::optional<WorkOrder> seen = reader.workOrder(order.id);
    QVERIFY(seen);
    QCOMPARE(seen->asset, QStringLiteral("P-4711"));
    QCOMPARE(seen->state, WorkOrderState::Notified);
    tracker.stop();
    reader.stop();
}

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
