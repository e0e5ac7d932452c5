// The account settings dialog and AccountSettings: every field round-trips,
// validation names the key and blocks OK, QSettings never sees the password,
// and the password goes to the keychain (or the dialog says why it cannot).
//
// The keychain cases depend on the environment, chosen by MACHINA_KEYCHAIN_MODE
// as in tests/keychain: "keyring" (run under with-keyring.sh) stores and reads
// back through a real Secret Service; "no-bus" (no session bus) expects the
// Config error. Each is skipped in the other's environment.

#include "accountsettings.h"
#include "oauthsettingspanel.h"
#include "secrets/credentialstore.h"
#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace machina;

namespace {

ConnectorConfig fullConfig()
{
    ConnectorConfig config;
    config.smtpHost = QStringLiteral("smtp.plant.example");
    config.smtpPort = 587;
    config.imapHost = QStringLiteral("imap.plant.example");
    config.imapPort = 143;
    config.username = QStringLiteral("supervisor@plant.example");
    config.password = QStringLiteral("s3cret-Pässword");
    config.useTls = false;
    config.fromAddress = QStringLiteral("Maintenance <maint@plant.example>");
    config.pollInterval = 45;
    config.caFile = QStringLiteral("/etc/machina/ca.pem");
    config.gmailApiUrl = QStringLiteral("https://gmail.test.example");
    config.timeout = 12;
    config.canaryInterval = 7;
    return config;
}

void compareConfigs(const ConnectorConfig &actual, const ConnectorConfig &expected, bool withPassword)
{
    QCOMPARE(actual.smtpHost, expected.smtpHost);
    QCOMPARE(actual.smtpPort, expected.smtpPort);
    QCOMPARE(actual.imapHost, expected.imapHost);
    QCOMPARE(actual.imapPort, expected.imapPort);
    QCOMPARE(actual.username, expected.username);
    if (withPassword)
        QCOMPARE(actual.password, expected.password);
    QCOMPARE(actual.useTls, expected.useTls);
    QCOMPARE(actual.fromAddress, expected.fromAddress);
    QCOMPARE(actual.gmailCredentialsFile, expected.gmailCredentialsFile);
    QCOMPARE(actual.pollInterval, expected.pollInterval);
    QCOMPARE(actual.caFile, expected.caFile);
    QCOMPARE(actual.gmailApiUrl, expected.gmailApiUrl);
    QCOMPARE(actual.timeout, expected.timeout);
    QCOMPARE(actual.canaryInterval, expected.canaryInterval);
}

QPushButton *okButton(SettingsDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

/// The inline message the user sees: a visible label holding exactly @p text.
/// A label showing @p text (whole, or with @p whole false, at its start); @p visible: only shown ones.
bool showsLabel(SettingsDialog &dialog, const QString &text, bool visible = true, bool whole = true)
{
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel *label) {
        return (!visible || label->isVisible()) && (whole ? label->text() == text : label->text().startsWith(text));
    });
}

[[nodiscard]] bool finishes(CredentialReply *reply)
{
    QSignalSpy spy(reply, &ConnectorReply::finished);
    return spy.wait(10000) && spy.count() == 1 && reply->isFinished();
}

QString keychainMode()
{
    return qEnvironmentVariable("MACHINA_KEYCHAIN_MODE");
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripServer();
    void roundTripGoogle();
    void defaults();
    void invalid_data();
    void invalid();
    void passwordEcho();
    void buddiesAndMnemonics();
    void signalsAndTestResults();
    void oauthProviderChoice();
    void accountSettingsRoundTrip();
    void accountSettingsDefaults();
    void keychainErrorKeepsFields();
    void storePasswordInKeyring();
    void noKeychainShowsError();
};

void TestSettingsDialog::roundTripServer()
{
    SettingsDialog dialog;
    const ConnectorConfig config = fullConfig();
    dialog.setConfig(config);
    QCOMPARE(dialog.mode(), SettingsDialog::Mode::MailServer);
    compareConfigs(dialog.config(), config, true);
    QCOMPARE(dialog.password(), config.password);
    QVERIFY(dialog.validationError().isEmpty());
    QVERIFY(okButton(dialog)->isEnabled());
}

void TestSettingsDialog::roundTripGoogle()
{
    SettingsDialog dialog;
    ConnectorConfig config = fullConfig();
    config.gmailCredentialsFile = QStringLiteral("/home/me/client_secret.json");
    dialog.setConfig(config);
    QCOMPARE(dialog.mode(), SettingsDialog::Mode::Google);
    compareConfigs(dialog.config(), config, true);
    QVERIFY(okButton(dialog)->isEnabled());

    // Back to the mail server: the client file no longer selects Gmail API mode.
    dialog.setMode(SettingsDialog::Mode::MailServer);
    QVERIFY(dialog.config().gmailCredentialsFile.isEmpty());
    QVERIFY(!dialog.config().isGmail());
}

void TestSettingsDialog::defaults()
{
    SettingsDialog dialog;
    const ConnectorConfig config = dialog.config();
    QCOMPARE(config.smtpPort, 465);
    QCOMPARE(config.imapPort, 993);
    QCOMPARE(config.pollInterval, 30);
    QVERIFY(config.useTls);
    // Nothing entered yet: OK stays disabled and the message names the key.
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY2(dialog.validationError().startsWith(QStringLiteral("smtp_host:")), qPrintable(dialog.validationError()));
}

void TestSettingsDialog::invalid_data()
{
    QTest::addColumn<bool>("google");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("key");

    QTest::addRow("smtp port 0") << false << QStringLiteral("smtpPort") << QStringLiteral("0") << QStringLiteral("smtp_port");
    QTest::addRow("imap port 0") << false << QStringLiteral("imapPort") << QStringLiteral("0") << QStringLiteral("imap_port");
    QTest::addRow("empty smtp host") << false << QStringLiteral("smtpHost") << QString() << QStringLiteral("smtp_host");
    QTest::addRow("blank smtp host") << false << QStringLiteral("smtpHost") << QStringLiteral("   ") << QStringLiteral("smtp_host");
    QTest::addRow("empty imap host") << false << QStringLiteral("imapHost") << QString() << QStringLiteral("imap_host");
    QTest::addRow("poll interval 0") << false << QStringLiteral("pollInterval") << QStringLiteral("0") << QStringLiteral("poll_interval");
    QTest::addRow("timeout 0") << false << QStringLiteral("timeout") << QStringLiteral("0") << QStringLiteral("timeout");
    QTest::addRow("google, empty client file") << true << QStringLiteral("gmailCredentialsFile") << QString()
                                               << QStringLiteral("gmail_credentials_file");
    QTest::addRow("google, timeout 0") << true << QStringLiteral("timeout") << QStringLiteral("0") << QStringLiteral("timeout");
}

void TestSettingsDialog::invalid()
{
    QFETCH(bool, google);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, key);

    ConnectorConfig config = fullConfig();
    if (google)
        config.gmailCredentialsFile = QStringLiteral("/home/me/client_secret.json");
    SettingsDialog dialog;
    dialog.setConfig(config);
    dialog.show();
    QVERIFY(okButton(dialog)->isEnabled());

    if (field == QLatin1String("smtpPort"))
        config.smtpPort = value.toInt();
    else if (field == QLatin1String("imapPort"))
        config.imapPort = value.toInt();
    else if (field == QLatin1String("smtpHost"))
        config.smtpHost = value;
    else if (field == QLatin1String("imapHost"))
        config.imapHost = value;
    else if (field == QLatin1String("pollInterval"))
        config.pollInterval = value.toInt();
    else if (field == QLatin1String("timeout"))
        config.timeout = value.toInt();
    else if (field == QLatin1String("gmailCredentialsFile"))
        config.gmailCredentialsFile = value;
    dialog.setConfig(config);
    if (google)
        dialog.setMode(SettingsDialog::Mode::Google); // an empty file would otherwise switch modes

    const QString problem = dialog.validationError();
    QVERIFY2(problem.startsWith(key + QStringLiteral(":")), qPrintable(problem));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY2(showsLabel(dialog, problem), qPrintable(problem));
}

void TestSettingsDialog::passwordEcho()
{
    SettingsDialog dialog;
    const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
    const auto passwords = std::count_if(edits.cbegin(), edits.cend(), [](const QLineEdit *edit) {
        return edit->echoMode() == QLineEdit::Password;
    });
    QCOMPARE(passwords, 1);
    // The TLS checkbox says what unchecked means.
    const QList<QCheckBox *> boxes = dialog.findChildren<QCheckBox *>();
    QCOMPARE(boxes.size(), 2); // use TLS, and the connection test's send to self
    const auto tls = std::find_if(boxes.cbegin(), boxes.cend(), [](const QCheckBox *box) {
        return box->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Use TLS"));
    });
    QVERIFY(tls != boxes.cend());
    QVERIFY((*tls)->toolTip().contains(QStringLiteral("STARTTLS")));
}

void TestSettingsDialog::buddiesAndMnemonics()
{
    SettingsDialog dialog;
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    int withBuddy = 0;
    for (const QLabel *label : labels) {
        if (!label->text().endsWith(QLatin1Char(':')))
            continue;
        QVERIFY2(label->buddy(), qPrintable(label->text()));
        QVERIFY2(label->text().contains(QLatin1Char('&')), qPrintable(label->text()));
        ++withBuddy;
    }
    // 11 server fields (use_tls is a checkbox), 7 of the OAuth sign-in, the client file
    QCOMPARE(withBuddy, 19);

    // Keyboard: Alt+G switches to the Google page, Alt+M back.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_G, Qt::AltModifier);
    QTRY_COMPARE(dialog.mode(), SettingsDialog::Mode::Google);
    QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier);
    QTRY_COMPARE(dialog.mode(), SettingsDialog::Mode::MailServer);
}

void TestSettingsDialog::oauthProviderChoice()
{
    SettingsDialog dialog;
    ConnectorConfig config = fullConfig();
    dialog.setConfig(config);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *provider = dialog.oauthPanel()->findChild<QComboBox *>();
    QVERIFY(provider);
    const auto field = [&dialog](const QString &name) -> QLineEdit * {
        const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
        for (QLineEdit *edit : edits) {
            if (edit->accessibleName() == name)
                return edit;
        }
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        for (QLabel *label : labels) {
            if (label->text().remove(QLatin1Char('&')) == name + QLatin1Char(':'))
                return qobject_cast<QLineEdit *>(label->buddy());
        }
        return nullptr;
    };
    QLineEdit *clientId = field(QStringLiteral("Client ID"));
    QLineEdit *tenant = field(QStringLiteral("Azure tenant"));
    QVERIFY(clientId && tenant);
    QVERIFY(!clientId->isVisible());   // a password account shows no OAuth fields

    // Keyboard: Alt+A to the choice, Down to Microsoft 365.
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
    QTRY_VERIFY(provider->hasFocus());
    QTest::keyClick(provider, Qt::Key_Down);
    QCOMPARE(provider->currentData().toString(), QStringLiteral("microsoft"));
    QVERIFY(clientId->isVisible() && tenant->isVisible());
    QVERIFY(!field(QStringLiteral("Token URL"))->isVisible());
    // No client id yet: OK is off and the message names the key.
    QVERIFY2(dialog.validationError().startsWith(QStringLiteral("oauth2_client_id:")), qPrintable(dialog.validationError()));
    QVERIFY(!okButton(dialog)->isEnabled());

    QTest::keyClick(&dialog, Qt::Key_D, Qt::AltModifier);
    QTRY_VERIFY(clientId->hasFocus());
    QTest::keyClicks(clientId, QStringLiteral("11111111-2222-3333-4444-555555555555"));
    tenant->setText(QStringLiteral("plant.example"));
    QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
    QVERIFY(okButton(dialog)->isEnabled());
    const ConnectorConfig chosen = dialog.config();
    QCOMPARE(chosen.oauth2Provider, QStringLiteral("microsoft"));
    QCOMPARE(chosen.oauth2ClientId, QStringLiteral("11111111-2222-3333-4444-555555555555"));
    QCOMPARE(chosen.oauth2Tenant, QStringLiteral("plant.example"));
    // With OAuth the password is neither used nor handed on to be stored.
    QVERIFY(chosen.password.isEmpty());
    QVERIFY(dialog.password().isEmpty());
    const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
    QVERIFY(std::any_of(edits.cbegin(), edits.cend(), [](const QLineEdit *edit) {
        return edit->echoMode() == QLineEdit::Password && !edit->isEnabled();
    }));

    // The settings file keeps where to sign in, and gives it back.
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    AccountSettings::save(settings, chosen);
    const ConnectorConfig loaded = AccountSettings::load(settings);
    QCOMPARE(loaded.oauth2Provider, chosen.oauth2Provider);
    QCOMPARE(loaded.oauth2ClientId, chosen.oauth2ClientId);
    QCOMPARE(loaded.oauth2Tenant, chosen.oauth2Tenant);
    SettingsDialog again;
    again.setConfig(loaded);
    QCOMPARE(again.config().oauth2Provider, QStringLiteral("microsoft"));
    QCOMPARE(again.config().oauth2Tenant, QStringLiteral("plant.example"));

    // Back to a password: no OAuth key is left behind.
    provider->setCurrentIndex(0);
    QVERIFY(!dialog.config().usesOAuth2());
    QVERIFY(dialog.config().oauth2ClientId.isEmpty());
    QCOMPARE(dialog.password(), config.password);
}

void TestSettingsDialog::signalsAndTestResults()
{
    SettingsDialog dialog;
    QSignalSpy signIn(&dialog, &SettingsDialog::signInRequested);
    QSignalSpy test(&dialog, &SettingsDialog::testRequested);
    const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        const QString text = button->text().remove(QLatin1Char('&'));
        if (text == QStringLiteral("Sign in with Google") || text == QStringLiteral("Test connection"))
            button->click();
    }
    QCOMPARE(signIn.count(), 1);
    QCOMPARE(test.count(), 1);
    // Both ran on the (empty) values as typed and said what is missing.
    QVERIFY(showsLabel(dialog, QStringLiteral("Choose the OAuth client file first"), false, false));
    QTRY_VERIFY(!dialog.isTesting());
    QCOMPARE(dialog.testResults()->count(), 2);
    QVERIFY2(dialog.testResults()->item(0)->text().startsWith(QStringLiteral("✗ Settings: ")),
             qPrintable(dialog.testResults()->item(0)->text()));
    QVERIFY(dialog.testResults()->item(0)->text().contains(QStringLiteral("smtp_host")));
    QCOMPARE(dialog.testResults()->item(1)->text(), QStringLiteral("The test failed: see the first ✗ above."));
    dialog.clearTestResults();

    dialog.setGoogleStatus(QStringLiteral("Signed in as supervisor@gmail.example"));
    dialog.setMode(SettingsDialog::Mode::Google);
    dialog.show();
    QVERIFY(showsLabel(dialog, QStringLiteral("Signed in as supervisor@gmail.example")));

    dialog.addTestResult(true, QStringLiteral("Name lookup"));
    dialog.addTestResult(false, QStringLiteral("Authentication"), QStringLiteral("535 5.7.8 Authentication failed"));
    QCOMPARE(dialog.testResults()->count(), 2);
    QCOMPARE(dialog.testResults()->item(0)->text(), QStringLiteral("✓ Name lookup"));
    QCOMPARE(dialog.testResults()->item(1)->text(),
             QStringLiteral("✗ Authentication: 535 5.7.8 Authentication failed"));
    dialog.clearTestResults();
    QCOMPARE(dialog.testResults()->count(), 0);
}

void TestSettingsDialog::accountSettingsRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("machina.ini"));
    ConnectorConfig config = fullConfig();
    config.gmailCredentialsFile = QStringLiteral("/home/me/client_secret.json");
    {
        QSettings settings(path, QSettings::IniFormat);
        QVERIFY(!AccountSettings::hasAccount(settings));
        AccountSettings::save(settings, config);
        QVERIFY(AccountSettings::hasAccount(settings));
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    {
        QSettings settings(path, QSettings::IniFormat);
        QVERIFY(AccountSettings::hasAccount(settings));
        const ConnectorConfig loaded = AccountSettings::load(settings);
        compareConfigs(loaded, config, false);
        QVERIFY(loaded.password.isEmpty());
        QCOMPARE(settings.value(QStringLiteral("account/smtp_host")).toString(), config.smtpHost);
        QCOMPARE(settings.value(QStringLiteral("account/use_tls")).toBool(), false);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("smtp_host"));
    QVERIFY(!content.contains(config.password.toUtf8()));
    QVERIFY(!content.contains("s3cret"));
    QVERIFY(!content.toLower().contains("password"));
}

void TestSettingsDialog::accountSettingsDefaults()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
    compareConfigs(AccountSettings::load(settings), ConnectorConfig(), true);
}

void TestSettingsDialog::keychainErrorKeepsFields()
{
    SettingsDialog dialog;
    const ConnectorConfig config = fullConfig();
    dialog.setConfig(config);
    dialog.show();
    dialog.setKeychainError(QStringLiteral("no Secret Service is running"));
    QVERIFY(dialog.keychainError().contains(QStringLiteral("no Secret Service is running")));
    QVERIFY(dialog.keychainError().contains(QStringLiteral("keychain")));
    QVERIFY(showsLabel(dialog, dialog.keychainError()));
    compareConfigs(dialog.config(), config, true);
    dialog.setKeychainError(QString());
    QVERIFY(dialog.keychainError().isEmpty());
}

void TestSettingsDialog::storePasswordInKeyring()
{
    if (keychainMode() != QLatin1String("keyring"))
        QFAIL("needs a private keyring: run through with-keyring.sh with MACHINA_KEYCHAIN_MODE=keyring");

    SettingsDialog dialog;
    dialog.setConfig(fullConfig());
    CredentialStore store;
    std::unique_ptr<CredentialReply> write(SettingsDialog::storePassword(store, dialog.config(), dialog.password()));
    QVERIFY(finishes(write.get()));
    QVERIFY2(!write->error().isError(), qPrintable(write->error().message()));

    std::unique_ptr<CredentialReply> read(store.readSecret(CredentialStore::passwordKey(fullConfig().username)));
    QVERIFY(finishes(read.get()));
    QVERIFY2(!read->error().isError(), qPrintable(read->error().message()));
    QVERIFY(!read->notFound());
    QCOMPARE(QString::fromUtf8(read->secret()), fullConfig().password);
}

void TestSettingsDialog::noKeychainShowsError()
{
    if (keychainMode() != QLatin1String("no-bus"))
        QFAIL("needs an environment without a session bus (MACHINA_KEYCHAIN_MODE=no-bus)");

    SettingsDialog dialog;
    const ConnectorConfig config = fullConfig();
    dialog.setConfig(config);
    dialog.show();
    CredentialStore store;
    std::unique_ptr<CredentialReply> write(SettingsDialog::storePassword(store, dialog.config(), dialog.password()));
    QVERIFY(finishes(write.get()));
    QCOMPARE(write->error().kind(), ConnectorError::Kind::Config);
    dialog.setKeychainError(write->error().message());
    QVERIFY(showsLabel(dialog, dialog.keychainError()));
    QVERIFY(dialog.keychainError().contains(write->error().message()));
    compareConfigs(dialog.config(), config, true);
    QVERIFY(dialog.isVisible());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
