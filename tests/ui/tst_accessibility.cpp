// Accessibility of the console, offscreen: every window and dialog is opened
// and its QAccessibleInterface tree walked; every interactive element (button,
// check box, combo box, text field, view, tab, menu item, tool button...)
// must have an accessible name, which a screen reader speaks. The failure
// names the element by object name, class and role.
//
// Also here: the toolbar and menu icons with no icon theme (bundled SVG
// fallbacks), the Help menu (shortcuts listed from the actions, the reply
// codes, About) and the inline error colour on a dark palette.
//
// No server is needed: the connector's config points at a 127.0.0.1 port
// where nothing listens.

#include "accessiblenames.h"
#include "addressbookdialog.h"
#include "alarmseverity.h"
#include "emailconnector.h"
#include "feedbacklabel.h"
#include "mainwindow.h"
#include "messageview.h"
#include "notifytechniciandialog.h"
#include "outboxview.h"
#include "replydialog.h"
#include "settingsdialog.h"
#include "workorderview.h"
#include "workorders/replycodes.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPalette>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>

#include <memory>

using namespace machina;

namespace {

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

IncomingMessage sampleMessage()
{
    IncomingMessage m;
    m.backendId = QStringLiteral("1");
    m.messageId = QStringLiteral("<alarm.1@plant.test>");
    m.from = MailAddress{QStringLiteral("SCADA"), QStringLiteral("scada@plant.test")};
    m.to = {MailAddress{QString(), QStringLiteral("supervisor@machina.test")}};
    m.subject = QStringLiteral("[ALARM] P-201 vibration high");
    m.text = QStringLiteral("Vibration on P-201 above the limit.");
    m.date = QDateTime::currentDateTime();
    return m;
}

/// The roles a user operates (and a screen reader must name).
bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Dial:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::PageTab:
    case QAccessible::MenuItem:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::ButtonDropGrid:
    case QAccessible::HotkeyField:
    case QAccessible::Link:
        return true;
    default:
        return false;
    }
}

/// Whose children are not walked: their parts are named by the view or combo box itself.
bool isLeafContainer(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::Table:   // cells, rows and headers: model data
    case QAccessible::List:    // list items: model data
    case QAccessible::Tree:
    case QAccessible::ComboBox: // its popup list and (editable) line edit are parts of it
    case QAccessible::SpinBox:  // its line edit is part of it
        return true;
    default:
        return false;
    }
}

QString describe(QAccessibleInterface *iface)
{
    QString what;
    if (QObject *object = iface->object()) {
        what = QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(object->metaObject()->className()),
                                               object->objectName());
        // Hints to find it in the sources: its placeholder or tooltip, and the named ancestors.
        for (const char *property : {"placeholderText", "toolTip", "windowTitle"}) {
            const QString hint = object->property(property).toString();
            if (!hint.isEmpty())
                what += QStringLiteral(" %1=\"%2\"").arg(QString::fromLatin1(property), hint.left(50));
        }
        QStringList path;
        for (QObject *up = object->parent(); up; up = up->parent()) {
            if (!up->objectName().isEmpty())
                path.append(up->objectName());
        }
        if (!path.isEmpty())
            what += QStringLiteral(" in ") + path.join(QLatin1Char('/'));
    } else {
        what = QStringLiteral("(no object)");
    }
    return QStringLiteral("%1, role 0x%2, value \"%3\"")
        .arg(what)
        .arg(int(iface->role()), 0, 16)
        .arg(iface->text(QAccessible::Value).left(40));
}

void walk(QAccessibleInterface *iface, QStringList *nameless, QSet<QAccessibleInterface *> *seen,
          QSet<QAccessible::Role> *roles, int depth = 0)
{
    if (!iface || !iface->isValid() || seen->contains(iface) || depth > 64)
        return;
    seen->insert(iface);
    const QAccessible::Role role = iface->role();
    roles->insert(role);
    if (isInteractive(role) && iface->text(QAccessible::Name).trimmed().isEmpty())
        nameless->append(describe(iface));
    if (isLeafContainer(role))
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        walk(iface->child(i), nameless, seen, roles, depth + 1);
}

/// The interactive elements in @p widget's accessible tree without an accessible name; @p roles: every role met.
QStringList namelessControls(QWidget *widget, QSet<QAccessible::Role> *roles = nullptr)
{
    QStringList nameless;
    QSet<QAccessibleInterface *> seen;
    QSet<QAccessible::Role> met;
    walk(QAccessible::queryAccessibleInterface(widget), &nameless, &seen, &met);
    if (roles)
        *roles = met;
    return nameless;
}

/// Every action of the window's menus (and their submenus) and toolbars.
QList<QAction *> menuAndToolbarActions(QMainWindow *window)
{
    QList<QAction *> actions;
    std::function<void(QMenu *)> fromMenu = [&](QMenu *menu) {
        for (QAction *action : menu->actions()) {
            if (action->menu())
                fromMenu(action->menu());
            else if (!actions.contains(action))
                actions.append(action);
        }
    };
    for (QAction *action : window->menuBar()->actions()) {
        if (action->menu())
            fromMenu(action->menu());
    }
    for (QToolBar *toolbar : window->findChildren<QToolBar *>()) {
        for (QAction *action : toolbar->actions()) {
            if (!actions.contains(action))
                actions.append(action);
        }
    }
    return actions;
}

QAction *findMenuAction(QMainWindow *window, const QString &objectName)
{
    for (QAction *action : menuAndToolbarActions(window)) {
        if (action->objectName() == objectName)
            return action;
    }
    return nullptr;
}

QPalette darkPalette()
{
    QPalette dark;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, window);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, window);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::ToolTipBase, base);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return dark;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void mainWindowNamed();
    void docksNamed();
    void messageViewNamed();
    void notifyDialogNamed();
    void replyDialogNamed();
    void addressBookDialogNamed();
    void settingsDialogNamed();
    void helpDialogsNamed();
    void namelessControlFound();
    void nameFromLabel();
    void iconsWithoutTheme();
    void helpMenu();
    void shortcutsListedFromActions();
    void replyCodesListed();
    void aboutNamesVersionAndLicences();
    void contrastRatio();
    void errorTextReadableOnDarkPalette();
    void errorTextReadableOnLightPalette();
    void everyLabelReadableOnDarkPalette();

private:
    void openWindow();
    /// The Help dialog that @p action opens, once it is up.
    QDialog *openFromHelp(const QString &actionName);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EmailConnector> m_connector;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestAccessibility::initTestCase()
{
    QAccessible::setActive(true);
    // No icon theme at all: what a plain desktop (or a kiosk session) offers.
    QIcon::setThemeSearchPaths({});
    QIcon::setThemeName(QString());
    QIcon::setFallbackSearchPaths({});
    QIcon::setFallbackThemeName(QString());
}

void TestAccessibility::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_connector = std::make_unique<EmailConnector>(unreachableConfig());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
}

void TestAccessibility::cleanup()
{
    if (m_window)
        QTRY_VERIFY_WITH_TIMEOUT(m_window->busyIndicator()->isHidden(), 20000);
    m_window.reset();
    m_connector.reset();
    m_settings.reset();
    m_dir.reset();
    QApplication::setPalette(QPalette());
}

void TestAccessibility::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_connector.get(), m_settings.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QDialog *TestAccessibility::openFromHelp(const QString &actionName)
{
    QAction *action = findMenuAction(m_window.get(), actionName);
    if (!action)
        return nullptr;
    action->trigger();
    QDialog *dialog = nullptr;
    (void)QTest::qWaitFor([&] {
        for (QDialog *candidate : m_window->findChildren<QDialog *>()) {
            if (candidate->isVisible())
                dialog = candidate;
        }
        return dialog != nullptr;
    }, 5000);
    return dialog;
}

void TestAccessibility::mainWindowNamed()
{
    openWindow();
    QSet<QAccessible::Role> roles;
    const QStringList nameless = namelessControls(m_window.get(), &roles);
    QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
    // The walk reached the menus and their items, the toolbar, the docks' tabs and the views.
    for (QAccessible::Role role : {QAccessible::MenuBar, QAccessible::PopupMenu, QAccessible::MenuItem, QAccessible::ToolBar,
                                   QAccessible::PushButton, QAccessible::PageTab, QAccessible::Table, QAccessible::List,
                                   QAccessible::EditableText, QAccessible::ComboBox})
        QVERIFY2(roles.contains(role), qPrintable(QString::number(int(role), 16)));
}

void TestAccessibility::docksNamed()
{
    openWindow();
    m_window->showWorkOrders();
    QStringList nameless = namelessControls(m_window->workOrderDock());
    m_window->showOutbox();
    nameless += namelessControls(m_window->outboxDock());
    QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
    // Standalone too: the views name their own parts.
    WorkOrderView workOrders;
    OutboxView outbox;
    workOrders.show();
    outbox.show();
    nameless = namelessControls(&workOrders) + namelessControls(&outbox);
    QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
}

void TestAccessibility::messageViewNamed()
{
    MessageView view;
    view.setMessage(sampleMessage());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QStringList nameless = namelessControls(&view);
    QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
}

void TestAccessibility::notifyDialogNamed()
{
    for (bool workOrderMode : {false, true}) {
        NotifyTechnicianDialog dialog({QStringLiteral("Jonas Keller <jonas@machina.test>")});
        dialog.setWorkOrderMode(workOrderMode);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList nameless = namelessControls(&dialog);
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
    }
}

void TestAccessibility::replyDialogNamed()
{
    ReplyDialog dialog(sampleMessage());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList nameless = namelessControls(&dialog);
    QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
}

void TestAccessibility::addressBookDialogNamed()
{
    AddressBookDialog dialog({QStringLiteral("Jonas Keller <jonas@machina.test>")});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList nameless = namelessControls(&dialog);
    QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
}

void TestAccessibility::settingsDialogNamed()
{
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList nameless = namelessControls(&dialog);
    QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
}

void TestAccessibility::helpDialogsNamed()
{
    openWindow();
    for (const QString &name : {QStringLiteral("helpShortcutsAction"), QStringLiteral("helpReplyCodesAction"),
                                QStringLiteral("helpAboutAction")}) {
        QDialog *dialog = openFromHelp(name);
        QVERIFY2(dialog, qPrintable(name));
        const QStringList nameless = namelessControls(dialog);
        QVERIFY2(nameless.isEmpty(), qPrintable(name + QLatin1Char('\n') + nameless.join(QLatin1Char('\n'))));
        dialog->close();
        delete dialog;
    }
}

void TestAccessibility::namelessControlFound()
{
    // The walk itself: a button with neither text nor name is reported, by its object name.
    QWidget form;
    auto *layout = new QVBoxLayout(&form);
    auto *named = new QPushButton(QStringLiteral("Send"));
    auto *nameless = new QToolButton;
    nameless->setObjectName(QStringLiteral("namelessButton"));
    layout->addWidget(named);
    layout->addWidget(nameless);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    const QStringList found = namelessControls(&form);
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().contains(QStringLiteral("namelessButton")), qPrintable(found.first()));
    nameless->setAccessibleName(QStringLiteral("Attach"));
    QVERIFY(namelessControls(&form).isEmpty());
}

void TestAccessibility::nameFromLabel()
{
    QCOMPARE(AccessibleNames::fromLabel(QStringLiteral("&From address:")), QStringLiteral("From address"));
    QCOMPARE(AccessibleNames::fromLabel(QStringLiteral("Then &escalate to:")), QStringLiteral("Then escalate to"));
    QCOMPARE(AccessibleNames::fromLabel(QStringLiteral("R&&D &team")), QStringLiteral("R&D team"));
    QCOMPARE(AccessibleNames::fromLabel(QStringLiteral("Name")), QStringLiteral("Name"));
    // A name already given is kept.
    QLineEdit edit;
    edit.setAccessibleName(QStringLiteral("Escalation list"));
    AccessibleNames::nameAfterLabel(&edit, QStringLiteral("Then &escalate to:"));
    QCOMPARE(edit.accessibleName(), QStringLiteral("Escalation list"));
}

void TestAccessibility::iconsWithoutTheme()
{
    QVERIFY(QIcon::themeName().isEmpty());
    openWindow();
    const QList<QAction *> actions = menuAndToolbarActions(m_window.get());
    QVERIFY(actions.size() >= 10);
    QStringList missing;
    for (QAction *action : actions) {
        // Deliberately text-only: separators. (Submenu titles are not collected above.)
        if (action->isSeparator())
            continue;
        const QPixmap pixmap = action->icon().pixmap(48, 48);
        if (action->icon().isNull() || pixmap.isNull() || pixmap.toImage().isNull()) {
            missing.append(action->text());
            continue;
        }
        // Not a blank square: some pixel is drawn.
        const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; ++y) {
            for (int x = 0; x < image.width() && !drawn; ++x)
                drawn = qAlpha(image.pixel(x, y)) > 0;
        }
        if (!drawn)
            missing.append(action->text() + QStringLiteral(" (blank)"));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

void TestAccessibility::helpMenu()
{
    openWindow();
    QMenu *help = nullptr;
    for (QAction *action : m_window->menuBar()->actions()) {
        if (action->menu() && action->menu()->objectName() == QStringLiteral("helpMenu"))
            help = action->menu();
    }
    QVERIFY(help);
    QVERIFY(m_window->menuBar()->actions().last()->menu() == help); // the last menu, as usual
    QStringList names;
    for (QAction *action : help->actions())
        names.append(action->objectName());
    QVERIFY(names.contains(QStringLiteral("helpShortcutsAction")));
    QVERIFY(names.contains(QStringLiteral("helpReplyCodesAction")));
    QVERIFY(names.contains(QStringLiteral("helpAboutAction")));
    QAction *shortcuts = findMenuAction(m_window.get(), QStringLiteral("helpShortcutsAction"));
    QCOMPARE(shortcuts->shortcut(), QKeySequence(QKeySequence::HelpContents));
}

void TestAccessibility::shortcutsListedFromActions()
{
    openWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // F1 opens it.
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        for (QDialog *candidate : m_window->findChildren<QDialog *>()) {
            if (candidate->isVisible() && candidate->objectName() == QStringLiteral("shortcutsDialog"))
                dialog = candidate;
        }
        return dialog != nullptr;
    }, 5000));
    auto *list = dialog->findChild<QTextBrowser *>();
    QVERIFY(list);
    const QString text = list->toPlainText();
    const QString notify = QKeySequence(Qt::CTRL | Qt::Key_N).toString(QKeySequence::NativeText);
    QVERIFY2(text.contains(notify), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Notify technician")), qPrintable(text));
    // On the same line.
    bool together = false;
    for (const QString &line : text.split(QLatin1Char('\n')))
        together = together || (line.contains(notify) && line.contains(QStringLiteral("Notify technician")));
    QVERIFY2(together, qPrintable(text));
    // From the actions themselves: a changed shortcut shows in the next listing.
    dialog->close();
    delete dialog;
    m_window->refreshAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J));
    dialog = openFromHelp(QStringLiteral("helpShortcutsAction"));
    QVERIFY(dialog);
    const QString changed = dialog->findChild<QTextBrowser *>()->toPlainText();
    QVERIFY2(changed.contains(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J).toString(QKeySequence::NativeText)),
             qPrintable(changed));
    dialog->close();
    delete dialog;
}

void TestAccessibility::replyCodesListed()
{
    openWindow();
    QDialog *dialog = openFromHelp(QStringLiteral("helpReplyCodesAction"));
    QVERIFY(dialog);
    auto *browser = dialog->findChild<QTextBrowser *>();
    QVERIFY(browser);
    const QString text = browser->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("ACK"), Qt::CaseInsensitive), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("ERLEDIGT"), Qt::CaseInsensitive), qPrintable(text));
    // Every word of the table in use.
    const ReplyCodeTable &codes = m_window->workOrderSettings().replyCodes;
    for (ReplyCode code : {ReplyCode::Acknowledge, ReplyCode::Start, ReplyCode::Done, ReplyCode::Reject}) {
        for (const QString &word : codes.words(code))
            QVERIFY2(text.contains(word, Qt::CaseInsensitive), qPrintable(word));
    }
    dialog->close();
    delete dialog;
}

void TestAccessibility::aboutNamesVersionAndLicences()
{
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    openWindow();
    QDialog *dialog = openFromHelp(QStringLiteral("helpAboutAction"));
    QVERIFY(dialog);
    auto *browser = dialog->findChild<QTextBrowser *>();
    QVERIFY(browser);
    const QString text = browser->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("9.8.7")), qPrintable(text));
    for (const QString &licence : {QStringLiteral("LGPLv3"), QStringLiteral("LGPL-2.1+"), QStringLiteral("BSD-3-Clause"),
                                   QStringLiteral("MIT")})
        QVERIFY2(text.contains(licence), qPrintable(licence));
    for (const QString &library : {QStringLiteral("Qt"), QStringLiteral("GMime"), QStringLiteral("QtKeychain"),
                                   QStringLiteral("yaml-cpp")})
        QVERIFY2(text.contains(library), qPrintable(library));
    dialog->close();
    delete dialog;
    QCoreApplication::setApplicationVersion(QString());
}

void TestAccessibility::contrastRatio()
{
    QCOMPARE(qRound(SeverityDisplay::contrastRatio(Qt::black, Qt::white)), 21);
    QCOMPARE(SeverityDisplay::contrastRatio(Qt::white, Qt::white), 1.0);
    // #767676 on white is the classic 4.5:1 grey.
    QVERIFY(qAbs(SeverityDisplay::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.02);
    const QColor dark(0x2b, 0x2b, 0x2b);
    QVERIFY(SeverityDisplay::contrastRatio(FeedbackLabel::ErrorColor, dark) < 4.5); // the light red alone is not enough
    QVERIFY(SeverityDisplay::contrastRatio(FeedbackLabel::errorColor(dark), dark) >= 4.5);
    QVERIFY(SeverityDisplay::contrastRatio(FeedbackLabel::errorColor(Qt::white), Qt::white) >= 4.5);
    QVERIFY(FeedbackLabel::errorColor(dark).red() > FeedbackLabel::errorColor(dark).green()); // still a red
}

void TestAccessibility::errorTextReadableOnDarkPalette()
{
    QApplication::setPalette(darkPalette());
    QWidget dialog;
    QLabel *label = FeedbackLabel::make(&dialog);
    FeedbackLabel::show(label, QStringLiteral("The address is not valid."));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QColor text = label->palette().color(QPalette::WindowText);
    const QColor background = label->palette().color(label->backgroundRole());
    QVERIFY2(SeverityDisplay::contrastRatio(text, background) >= 4.5,
             qPrintable(QStringLiteral("%1 on %2").arg(text.name(), background.name())));
    // After a failed send, too.
    FeedbackLabel::showSendStatus(label, false, QStringLiteral("refused"), QStringLiteral("Not sent: %1"));
    QVERIFY(SeverityDisplay::contrastRatio(label->palette().color(QPalette::WindowText), background) >= 4.5);
    // And in the message view's status line.
    MessageView view;
    view.show();
    for (QLabel *line : view.findChildren<QLabel *>()) {
        const QColor color = line->palette().color(QPalette::WindowText);
        QVERIFY2(SeverityDisplay::contrastRatio(color, line->palette().color(line->backgroundRole())) >= 4.5,
                 qPrintable(line->objectName()));
    }
}

void TestAccessibility::errorTextReadableOnLightPalette()
{
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    QApplication::setPalette(light);
    QWidget dialog;
    QLabel *label = FeedbackLabel::make(&dialog);
    FeedbackLabel::show(label, QStringLiteral("The address is not valid."));
    const QColor text = label->palette().color(QPalette::WindowText);
    QVERIFY(SeverityDisplay::contrastRatio(text, Qt::white) >= 4.5);
    QVERIFY(text.red() > text.green() + 60); // red, not black
}

void TestAccessibility::everyLabelReadableOnDarkPalette()
{
    // Every label of every dialog and of the main window, its inline errors included.
    QApplication::setPalette(darkPalette());
    openWindow();
    NotifyTechnicianDialog notify({QStringLiteral("Jonas Keller <jonas@machina.test>")});
    notify.setWorkOrderMode(true);
    ReplyDialog reply(sampleMessage());
    AddressBookDialog addressBook({});
    SettingsDialog settings;
    MessageView view;
    const QList<QWidget *> windows{m_window.get(), &notify, &reply, &addressBook, &settings, &view};
    QStringList unreadable;
    for (QWidget *window : windows) {
        window->show();
        for (QLabel *label : window->findChildren<QLabel *>()) {
            const QColor text = label->palette().color(QPalette::WindowText);
            const QColor background = label->palette().color(label->backgroundRole());
            const double ratio = SeverityDisplay::contrastRatio(text, background);
            if (ratio < SeverityDisplay::MinimumContrast) {
                unreadable.append(QStringLiteral("%1 in %2 \"%3\": %4 on %5 (%6:1)")
                                      .arg(label->objectName(), QString::fromLatin1(window->metaObject()->className()),
                                           label->text().left(30), text.name(), background.name())
                                      .arg(ratio, 0, 'f', 2));
            }
        }
    }
    QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
