// machina-console: the supervisor's desktop console over the connector.

#include "config/connectorconfig.h"
#include "emailconnector.h"
#include "i18n/translations.h"
#include "accountsettings.h"
#include "mainwindow.h"
#include "notifytechniciandialog.h"
#include "rostersettings.h"
#include "secrets/credentialstore.h"
#include "settingsdialog.h"
#include "trayhealth.h"
#include "workorders/workordertracker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace machina;

namespace {

/**
 * Opens @p connector's local store and drains its outbox in the background
 * (queued mail goes out with backoff). Returns what the user must be told,
 * empty when all went well: a damaged store moved aside (the console goes on
 * with the fresh one), or no store at all (it goes on without an outbox, and
 * sends directly as before).
 */
QString openAccountStore(EmailConnector *connector)
{
    const ConnectorError error = connector->openStore();
    if (connector->outbox())
        connector->setOutboxDraining(true);
    if (!error)
        return {};
    if (connector->outbox())
        return error.message();
    return QCoreApplication::translate("machina-console",
                                       "%1\n\nThe console goes on without an outbox: messages are sent directly, "
                                       "and one that cannot be sent now is not kept to be sent later.")
        .arg(error.message());
}

/// Tells the user what openAccountStore() said, in the log and in a warning that does not block the window.
void warnAboutStore(MainWindow &window, const QString &warning)
{
    if (warning.isEmpty())
        return;
    window.logActivity(warning, true);
    auto *box = new QMessageBox(QMessageBox::Warning,
                                QCoreApplication::translate("machina-console", "Machina Console: local store"),
                                warning, QMessageBox::Ok, &window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

/**
 * Starts tracking work orders for @p connector's account: its config's
 * work_orders settings with this console's roster (QSettings) merged in.
 * Only for IMAP accounts with their store open (the outbox carries the
 * notifications, the IMAP folder the shared state); null otherwise, and the
 * window keeps sending plain notifications. The tracker is the connector's
 * child.
 */
WorkOrderTracker *startWorkOrders(MainWindow &window, EmailConnector *connector, QSettings &settings)
{
    const ConnectorConfig &config = connector->config();
    window.setWorkOrderSettings(config.workOrders);
    if (config.isGmail())
        return nullptr;
    if (!connector->outbox()) {
        window.logActivity(QCoreApplication::translate("machina-console",
                                                       "Work orders are not tracked: they need the local store."),
                           true);
        return nullptr;
    }
    WorkOrderSettings workOrders = config.workOrders;
    workOrders.technicians = RosterSettings::merge(workOrders.technicians, RosterSettings::load(settings));
    auto *tracker = new WorkOrderTracker(connector, workOrders, connector);
    // Machine text in the shared history: not translated.
    tracker->setActor(QStringLiteral("machina-console on %1").arg(QSysInfo::machineHostName()));
    tracker->start();
    return tracker;
}

/// Stops @p tracker and lets it go (a switch of accounts); the window no longer uses it.
void stopWorkOrders(MainWindow &window, QPointer<WorkOrderTracker> &tracker)
{
    window.setWorkOrderTracker(nullptr);
    if (tracker) {
        tracker->stop();
        tracker->deleteLater();
    }
    tracker.clear();
}

/**
 * A hook for tests/integration/tst_console.cpp (killedConsoleSendsQueuedNotification),
 * which drives a real console process from outside; not for users. With
 * MACHINA_CONSOLE_TEST_NOTIFY="<technician address> <description>", the console,
 * once its window is up, opens Notify technician, fills it (work order
 * WO-2026-99, asset TEST-1, the description given) and sends it as a supervisor
 * would, through the same dialog and send path; and every line of its activity
 * log is printed to stderr ("activity: ..."), so the test can see when the
 * notification is sent or waiting in the outbox. On an account with work
 * orders the dialog is put back into plain mode first: the hook tests the
 * outbox, not the tracker.
 */
void startTestNotification(MainWindow &window, const QString &spec)
{
    QObject::connect(&window, &MainWindow::activityLogged, &window, [](const QString &text, bool isError) {
        QTextStream(stderr) << (isError ? "activity (error): " : "activity: ") << text << Qt::endl;
    });
    QTimer::singleShot(0, &window, [&window, spec] {
        const QString to = spec.section(u' ', 0, 0, QString::SectionSkipEmpty);
        const QString description = spec.section(u' ', 1, -1, QString::SectionSkipEmpty);
        window.notifyTechnician();
        auto *dialog = window.findChild<NotifyTechnicianDialog *>();
        if (!dialog) {
            QTextStream(stderr) << "MACHINA_CONSOLE_TEST_NOTIFY: no Notify technician dialog" << Qt::endl;
            QApplication::exit(3);
            return;
        }
        dialog->setWorkOrderMode(false);
        dialog->setTechnician(to);
        dialog->setWorkOrderId(QStringLiteral("WO-2026-99"));
        dialog->setAsset(QStringLiteral("TEST-1"));
        dialog->setDescription(description);
        if (!dialog->isValid()) {
            QTextStream(stderr) << "MACHINA_CONSOLE_TEST_NOTIFY: " << dialog->validationErrors().join(u' ') << Qt::endl;
            QApplication::exit(3);
            return;
        }
        dialog->requestSend();
    });
}

} // namespace

int main(int argc, char *argv[])
{
    // --version and --help answer without a display (scripts, packaging checks).
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--version" || arg == "-v") {
            std::printf("machina-console %s\n", MACHINA_VERSION);
            return 0;
        }
        if (arg == "--help" || arg == "-h") {
            // A QCoreApplication (no display needed) for the translations only.
            QCoreApplication core(argc, argv);
            installTranslations(&core, QStringLiteral("machina-console"));
            QTextStream(stdout)
                << QCoreApplication::translate("main", "Usage: %1").arg(QStringLiteral("machina-console [--config FILE]"))
                << '\n'
                << QCoreApplication::translate("main", "Maintenance supervisor's mail console.") << "\n\n"
                << "  --config FILE  " << QCoreApplication::translate("main", "Open the account in this connector config (YAML).")
                << "\n                 "
                << QCoreApplication::translate("main", "Default: $MACHINA_CONFIG, else %1")
                       .arg(QStringLiteral("~/.config/machina-console/config.yaml"))
                << "\n  -v, --version  " << QCoreApplication::translate("main", "Print the version.")
                << "\n  -h, --help     " << QCoreApplication::translate("main", "Print this help.") << '\n';
            return 0;
        }
    }
    QApplication app(argc, argv);
    installTranslations(&app, QStringLiteral("machina-console"));
    QApplication::setApplicationName(QStringLiteral("machina-console"));
    QApplication::setOrganizationName(QStringLiteral("machina"));
    QApplication::setApplicationDisplayName(QStringLiteral("Machina Console"));
    QApplication::setApplicationVersion(QStringLiteral(MACHINA_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.machina.Console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/machina-console.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Maintenance supervisor's mail console."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QCoreApplication::translate("main", "Open the account in this connector config (YAML)."),
                      QStringLiteral("FILE")});
    parser.process(app);

    // The account: --config FILE, else $MACHINA_CONFIG, else the one saved by the
    // settings dialog, else the default YAML path; on a first start, the dialog.
    QSettings settings;
    QString path = parser.value(QStringLiteral("config"));
    if (path.isEmpty())
        path = qEnvironmentVariable("MACHINA_CONFIG");
    const QString defaultPath = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                                + QStringLiteral("/machina-console/config.yaml");
    if (path.isEmpty() && !AccountSettings::hasAccount(settings) && QFile::exists(defaultPath))
        path = defaultPath;

    ConnectorConfig config;
    if (!path.isEmpty()) {
        const ConfigLoader::Result loaded = ConfigLoader::loadFile(path);
        if (!loaded.config) {
            QMessageBox::critical(nullptr, QStringLiteral("Machina Console"),
                                  QCoreApplication::translate("main", "The account in %1 could not be opened:\n\n%2")
                                      .arg(path, loaded.error.message()));
            return 2;
        }
        config = *loaded.config;
    } else if (AccountSettings::hasAccount(settings)) {
        config = AccountSettings::load(settings); // the password is in the keychain
        //: Completes "Opening %1" in the activity log.
        path = QCoreApplication::translate("main", "the saved account");
    } else {
        SettingsDialog dialog;
        dialog.setWindowTitle(QCoreApplication::translate("main", "Machina Console: set up your account"));
        if (dialog.exec() != QDialog::Accepted)
            return 0;
        config = dialog.config();
        AccountSettings::save(settings, config);
        if (!dialog.password().isEmpty()) {
            CredentialStore store;
            CredentialReply *stored = SettingsDialog::storePassword(store, config, dialog.password());
            QEventLoop loop;
            QObject::connect(stored, &ConnectorReply::finished, &loop, &QEventLoop::quit);
            if (!stored->isFinished())
                loop.exec();
            if (stored->error()) {
                QMessageBox::warning(nullptr, QStringLiteral("Machina Console"),
                                     QCoreApplication::translate("main",
                                                                 "The password could not be kept in the system keychain:\n\n%1\n\n"
                                                                 "It is used for this session only.")
                                         .arg(stored->error().message()));
            }
            delete stored;
        }
        //: Completes "Opening %1" in the activity log.
        path = QCoreApplication::translate("main", "the new account");
    }

    // The connector is replaced when the settings change (applied without a restart).
    const auto signInHint = [](const ConnectorConfig &account) {
        return account.usesOAuth2() ? QCoreApplication::translate("main", "“Sign in” in File > Settings")
                                    : QCoreApplication::translate("main", "“Sign in with Google” in File > Settings");
    };
    auto *connector = new EmailConnector(config, &app);
    connector->setSignInHint(signInHint(config));
    // Before the window: it starts its activity log from the store's.
    const QString storeWarning = openAccountStore(connector);
    MainWindow window(connector, &settings);
    // Work orders (IMAP accounts): the tracker starts once the store is open.
    QPointer<WorkOrderTracker> tracker = startWorkOrders(window, connector, settings);
    window.setWorkOrderTracker(tracker);
    TrayHealth tray;
    window.setHideOnClose(tray.hasTray());
    const auto bindTray = [&tray](EmailConnector *c) {
        QObject::connect(c, &EmailConnector::healthChanged, &tray, &TrayHealth::setHealth);
        tray.setHealth(c->healthCheck());
    };
    // The window counts the outbox (on outboxChanged), for its status bar and the tooltip.
    QObject::connect(&window, &MainWindow::outboxPendingChanged, &tray, &TrayHealth::setOutboxPending);
    tray.setOutboxPending(window.outboxPending());
    // And the work orders nobody has acknowledged, beside it; escalations as notifications.
    QObject::connect(&window, &MainWindow::unacknowledgedWorkOrdersChanged, &tray,
                     &TrayHealth::setUnacknowledgedWorkOrders);
    tray.setUnacknowledgedWorkOrders(window.unacknowledgedWorkOrders());
    QObject::connect(&window, &MainWindow::workOrderEscalated, &tray, &TrayHealth::notifyEscalated);
    QObject::connect(&window, &MainWindow::workOrderEscalationExhausted, &tray, &TrayHealth::notifyEscalationExhausted);
    bindTray(connector);
    const auto connectForSending = [&window](EmailConnector *c) {
        // What the sessions record is shown at once; a probe every minute (or
        // poll_interval, if longer) also notices a server that went away while idle.
        c->setProbeInterval(std::max(60, c->config().pollInterval));
        c->setCanaryInterval(c->config().canaryInterval * 60);   // mail end to end, every N minutes
        ConnectorReply *connected = c->connectToServers();
        QObject::connect(connected, &ConnectorReply::progressed, &window,
                         [&window](const QString &step) { window.logActivity(step); });
        QObject::connect(connected, &ConnectorReply::finished, &window, [&window, connected] {
            connected->deleteLater();
            if (connected->error())
                window.logActivity(
                    QCoreApplication::translate("main", "Sending is not available: %1").arg(connected->error().message()), true);
            else
                window.logActivity(QCoreApplication::translate("main", "Connected for sending."));
        });
    };
    QObject::connect(&tray, &TrayHealth::showRequested, &window, [&window] {
        window.show();
        window.raise();
        window.activateWindow();
    });
    QObject::connect(&tray, &TrayHealth::notifyRequested, &window, &MainWindow::notifyTechnician);
    QObject::connect(&tray, &TrayHealth::checkRequested, &window, &MainWindow::refresh);
    QObject::connect(&tray, &TrayHealth::quitRequested, &app, &QApplication::quit);
    QObject::connect(&window, &MainWindow::quitRequested, &app, &QApplication::quit);
    QObject::connect(&window, &MainWindow::newMailArrived, &tray, &TrayHealth::notifyNewMail);
    // Settings are applied at once: a new connector for the new account, the old
    // one logs out. The password, when there is one, goes to the keychain first
    // (asynchronously: a keyring prompt must not freeze or re-enter the window).
    const auto applySettings = [&](ConnectorConfig changed) {
        QPointer<EmailConnector> old = window.connector();
        auto *next = new EmailConnector(changed, &app);
        next->setSignInHint(signInHint(changed));
        stopWorkOrders(window, tracker);
        if (old) {
            QObject::disconnect(old, nullptr, &tray, nullptr);
            old->setOutboxDraining(false); // lets the new one drain, when it is the same account's store
        }
        const QString warning = openAccountStore(next);
        window.setConnector(next);
        tracker = startWorkOrders(window, next, settings);
        window.setWorkOrderTracker(tracker);
        bindTray(next);
        warnAboutStore(window, warning);
        if (old) {
            ConnectorReply *bye = old->disconnectFromServers();
            QObject::connect(bye, &ConnectorReply::finished, old, [old, bye] {
                bye->deleteLater();
                old->deleteLater();
            });
        }
        window.logActivity(QCoreApplication::translate("main", "Settings applied: %1")
                               .arg(changed.effectiveFromAddress().isEmpty()
                                        ? QCoreApplication::translate("main", "Google account")
                                        : changed.effectiveFromAddress()));
        if (!parser.value(QStringLiteral("config")).isEmpty() || !qEnvironmentVariableIsEmpty("MACHINA_CONFIG"))
            window.logActivity(QCoreApplication::translate("main", "Saved as the console's account; this run was started "
                                                                   "with a config file, which takes precedence at the next start."));
        connectForSending(next);
    };
    auto *keychain = new CredentialStore(&app);
    QObject::connect(&window, &MainWindow::settingsRequested, &window, [&, keychain] {
        SettingsDialog dialog(&window);
        dialog.setConfig(window.connector()->config());
        if (dialog.exec() != QDialog::Accepted)
            return;
        ConnectorConfig changed = dialog.config();
        AccountSettings::save(settings, changed);
        changed.password = dialog.password(); // in memory for this run; empty: the keychain's
        if (changed.password.isEmpty() || changed.username.isEmpty())
            return applySettings(changed);
        // The saved account finds its password in the keychain at the next start,
        // whether it was typed now or came from the config file this run used.
        window.settingsAction()->setEnabled(false);
        CredentialReply *stored = SettingsDialog::storePassword(*keychain, changed, changed.password);
        QObject::connect(stored, &ConnectorReply::finished, &window, [&, stored, changed] {
            stored->deleteLater();
            window.settingsAction()->setEnabled(true);
            if (stored->error())
                window.logActivity(QCoreApplication::translate("main", "The password was not kept in the keychain (it is "
                                                                       "used for this session only): %1")
                                       .arg(stored->error().message()),
                                   true);
            applySettings(changed);
        });
    });

    window.show();
    window.logActivity(QCoreApplication::translate("main", "Opening %1").arg(path));
    warnAboutStore(window, storeWarning);
    connectForSending(connector);
    window.refresh();
    if (const QString spec = qEnvironmentVariable("MACHINA_CONSOLE_TEST_NOTIFY"); !spec.isEmpty())
        startTestNotification(window, spec);

    // For the README's screenshot script: grab the window once it has settled, then quit.
    const QString screenshot = qEnvironmentVariable("MACHINA_CONSOLE_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        QTimer::singleShot(5000, &window, [&window, screenshot] {
            if (window.table()->model()->rowCount() > 0)
                window.table()->selectRow(0);
            QTimer::singleShot(1500, &window, [&window, screenshot] {
                const bool saved = window.grab().save(screenshot);
                QTextStream(stderr) << (saved ? "saved " : "could not save ") << screenshot << Qt::endl;
                QApplication::exit(saved ? 0 : 1);
            });
        });
    }
    const int code = app.exec();
    return code;
}
