// machina-console: the supervisor's desktop console over the connector.

#include "config/connectorconfig.h"
#include "emailconnector.h"
#include "mainwindow.h"
#include "trayhealth.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace machina;

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
            std::printf("Usage: machina-console [--config FILE]\n"
                        "Maintenance supervisor's mail console.\n\n"
                        "  --config FILE  Open the account in this connector config (YAML).\n"
                        "                 Default: $MACHINA_CONFIG, else ~/.config/machina-console/config.yaml\n"
                        "  -v, --version  Print the version.\n"
                        "  -h, --help     Print this help.\n");
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("machina-console"));
    QApplication::setOrganizationName(QStringLiteral("machina"));
    QApplication::setApplicationDisplayName(QStringLiteral("Machina Console"));
    QApplication::setApplicationVersion(QStringLiteral(MACHINA_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.machina.Console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/machina-console.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Maintenance supervisor's mail console."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("Open the account in this connector config (YAML)."),
                      QStringLiteral("FILE")});
    parser.process(app);

    QString path = parser.value(QStringLiteral("config"));
    if (path.isEmpty())
        path = qEnvironmentVariable("MACHINA_CONFIG");
    if (path.isEmpty())
        path = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
               + QStringLiteral("/machina-console/config.yaml");
    const ConfigLoader::Result loaded = ConfigLoader::loadFile(path);
    if (!loaded.config) {
        // The settings dialog (first start) arrives with its piece of the console issue.
        QMessageBox::critical(nullptr, QStringLiteral("Machina Console"),
                              QStringLiteral("No account could be opened.\n\n%1\n\nStart with --config FILE, "
                                             "a config in the reference's YAML shape (see README.md).")
                                  .arg(loaded.error.message()));
        return 2;
    }

    QSettings settings;
    EmailConnector connector(*loaded.config);
    MainWindow window(&connector, &settings);
    TrayHealth tray;
    window.setHideOnClose(tray.hasTray());
    QObject::connect(&connector, &EmailConnector::healthChanged, &tray, &TrayHealth::setHealth);
    tray.setHealth(connector.healthCheck());
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

    window.show();
    window.logActivity(QStringLiteral("Opening %1").arg(path));
    ConnectorReply *connected = connector.connectToServers();
    QObject::connect(connected, &ConnectorReply::progressed, &window, [&window](const QString &step) {
        window.logActivity(step);
    });
    QObject::connect(connected, &ConnectorReply::finished, &window, [&window, connected] {
        connected->deleteLater();
        if (connected->error())
            window.logActivity(QStringLiteral("Sending is not available: %1").arg(connected->error().message()), true);
        else
            window.logActivity(QStringLiteral("Connected for sending."));
    });
    window.refresh();

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
