#include "settingsdialog.h"

#include "accessiblenames.h"
#include "alarmseverity.h"
#include "connectiontester.h"
#include "emailconnector.h"
#include "oauthsettingspanel.h"
#include "secrets/credentialstore.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace machina {

namespace {

QSpinBox *makeSpinBox(int minimum, int maximum, const QString &suffix = {})
{
    auto *box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    return box;
}

/// A line edit with a "Browse…" button beside it.
QWidget *withBrowse(QLineEdit *edit, QPushButton *button)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

QLabel *errorLabel()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Bold, in the highlight hue made readable on the window: a dark palette's
    // highlight is often too dark for text on its window (WCAG 4.5:1).
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, SeverityDisplay::readableOn(palette.color(QPalette::Highlight),
                                                                       palette.color(QPalette::Window)));
    label->setPalette(palette);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->hide();
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_gmailApiUrl(ConnectorConfig().gmailApiUrl)
{
    setWindowTitle(tr("Account Settings"));

    m_serverMode = new QRadioButton(tr("&Mail server (SMTP/IMAP)"));
    m_googleMode = new QRadioButton(tr("&Google account"));
    auto *modeGroup = new QButtonGroup(this);
    modeGroup->addButton(m_serverMode);
    modeGroup->addButton(m_googleMode);
    m_serverMode->setChecked(true);

    // Mail server page.
    m_smtpHost = new QLineEdit;
    m_smtpHost->setPlaceholderText(QStringLiteral("smtp.example.com"));
    m_smtpPort = makeSpinBox(0, 65535);
    m_imapHost = new QLineEdit;
    m_imapHost->setPlaceholderText(QStringLiteral("imap.example.com"));
    m_imapPort = makeSpinBox(0, 65535);
    m_username = new QLineEdit;
    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Stored in the system keychain, never in a settings file."));
    m_fromAddress = new QLineEdit;
    m_fromAddress->setPlaceholderText(tr("the user name"));
    m_useTls = new QCheckBox(tr("Use TLS from the first &byte (ports 465/993)"));
    m_useTls->setToolTip(tr("Unchecked: the connection starts plain and is upgraded with STARTTLS before "
                            "anything else is sent. Mail is never sent or read in plain text."));
    auto *tlsHint = new QLabel(tr("Unchecked means STARTTLS (ports 587/143); never plain text."));
    tlsHint->setWordWrap(true);
    m_pollInterval = makeSpinBox(0, 7 * 24 * 3600, tr(" s"));
    m_caFile = new QLineEdit;
    m_caFile->setPlaceholderText(tr("optional: extra trusted CA certificates (PEM)"));
    m_caBrowse = new QPushButton(tr("Bro&wse…"));
    m_timeout = makeSpinBox(0, 7 * 24 * 3600, tr(" s"));
    m_canaryInterval = makeSpinBox(0, 1440, tr(" min"));
    m_canaryInterval->setSpecialValueText(tr("never"));
    m_canaryInterval->setToolTip(tr("Sends a probe mail to this account and waits for it over IMAP, to show the "
                                    "round trip in the health; the probe is deleted at once."));
    m_canaryInterval->setAccessibleName(tr("End-to-end check interval"));

    auto *serverPage = new QWidget;
    auto *serverForm = new QFormLayout(serverPage);
    const auto addRow = [serverForm](const QString &text, QWidget *buddy, QWidget *field) {
        auto *label = new QLabel(text);
        label->setBuddy(buddy);
        if (buddy != field) // not the label's sibling: Qt does not name it after the label
            AccessibleNames::nameAfterLabel(buddy, text);
        serverForm->addRow(label, field);
    };
    addRow(tr("SM&TP host:"), m_smtpHost, m_smtpHost);
    addRow(tr("SMTP p&ort:"), m_smtpPort, m_smtpPort);
    addRow(tr("&IMAP host:"), m_imapHost, m_imapHost);
    addRow(tr("IMAP po&rt:"), m_imapPort, m_imapPort);
    addRow(tr("&User name:"), m_username, m_username);
    addRow(tr("&Password:"), m_password, m_password);
    m_oauth = new OAuthSettingsPanel;
    serverForm->addRow(m_oauth);
    addRow(tr("&From address:"), m_fromAddress, m_fromAddress);
    serverForm->addRow(QString(), m_useTls);
    serverForm->addRow(QString(), tlsHint);
    addRow(tr("Poll i&nterval:"), m_pollInterval, m_pollInterval);
    addRow(tr("&CA file:"), m_caFile, withBrowse(m_caFile, m_caBrowse));
    addRow(tr("&Step timeout:"), m_timeout, m_timeout);
    addRow(tr("&End-to-end check every:"), m_canaryInterval, m_canaryInterval);

    // Google page.
    m_clientFile = new QLineEdit;
    m_clientFile->setPlaceholderText(tr("client_secret_….json from the Google Cloud console"));
    m_clientBrowse = new QPushButton(tr("Bro&wse…"));
    m_signIn = new QPushButton(tr("Sign &in with Google"));
    m_cancelSignIn = new QPushButton(tr("Cancel sign-in"));
    m_cancelSignIn->hide();
    m_googleStatus = new QLabel;
    m_googleStatus->setWordWrap(true);
    m_googleStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *googlePage = new QWidget;
    auto *googleForm = new QFormLayout(googlePage);
    auto *clientLabel = new QLabel(tr("OAuth &client file:"));
    clientLabel->setBuddy(m_clientFile);
    AccessibleNames::nameAfterLabel(m_clientFile, clientLabel->text());
    googleForm->addRow(clientLabel, withBrowse(m_clientFile, m_clientBrowse));
    auto *signInRow = new QHBoxLayout;
    signInRow->addWidget(m_signIn);
    signInRow->addWidget(m_cancelSignIn);
    signInRow->addStretch();
    googleForm->addRow(QString(), signInRow);
    googleForm->addRow(QString(), m_googleStatus);

    m_pages = new QStackedWidget;
    m_pages->addWidget(serverPage);
    m_pages->addWidget(googlePage);

    m_testButton = new QPushButton(tr("T&est connection"));
    m_testButton->setToolTip(tr("Walks the connection step by step with the values as typed: name lookup, "
                                "TCP, TLS and certificate, capabilities, sign-in, INBOX, IDLE."));
    m_sendToSelf = new QCheckBox(tr("Also send a test message to m&yself"));
    m_testResults = new QListWidget;
    m_testResults->setAccessibleName(tr("Connection test results"));
    m_testResults->setMinimumHeight(80);

    m_validation = errorLabel();
    m_keychainError = errorLabel();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);

    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_serverMode);
    modeRow->addWidget(m_googleMode);
    modeRow->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modeRow);
    layout->addWidget(m_pages);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_sendToSelf);
    testRow->addStretch();
    layout->addLayout(testRow);
    layout->addWidget(m_testResults);
    layout->addWidget(m_validation);
    layout->addWidget(m_keychainError);
    layout->addWidget(m_buttons);

    // Tab order follows the reading order of the form.
    QList<QWidget *> order = {m_serverMode, m_googleMode, m_smtpHost, m_smtpPort, m_imapHost, m_imapPort,
                              m_username, m_password};
    order += m_oauth->focusChain();
    order += {m_fromAddress, m_useTls, m_pollInterval, m_caFile, m_caBrowse, m_timeout, m_canaryInterval, m_clientFile,
              m_clientBrowse, m_signIn, m_cancelSignIn, m_testButton, m_sendToSelf, m_testResults, m_buttons};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);
    m_oauth->setConfigSource([this] { return config(); });
    m_oauth->setUrlOpener([this](const QUrl &url) { m_urlOpener(url); });
    connect(m_oauth, &OAuthSettingsPanel::changed, this, [this] {
        m_password->setEnabled(!m_oauth->usesOAuth());
        updateValidation();
    });

    connect(m_serverMode, &QRadioButton::toggled, this, [this](bool server) {
        m_pages->setCurrentIndex(server ? 0 : 1);
        updateValidation();
    });
    for (QLineEdit *edit : {m_smtpHost, m_imapHost, m_username, m_fromAddress, m_caFile, m_clientFile})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::updateValidation);
    for (QSpinBox *box : {m_smtpPort, m_imapPort, m_pollInterval, m_timeout})
        connect(box, &QSpinBox::valueChanged, this, &SettingsDialog::updateValidation);
    connect(m_caBrowse, &QPushButton::clicked, this, [this] {
        browse(m_caFile, tr("CA certificates"), tr("PEM certificates (*.pem *.crt);;All files (*)"));
    });
    connect(m_clientBrowse, &QPushButton::clicked, this, [this] {
        browse(m_clientFile, tr("Google OAuth client file"), tr("JSON files (*.json);;All files (*)"));
    });
    connect(m_signIn, &QPushButton::clicked, this, [this] {
        Q_EMIT signInRequested();
        startGoogleSignIn();
    });
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        Q_EMIT testRequested();
        startConnectionTest();
    });
    connect(m_cancelSignIn, &QPushButton::clicked, this, &SettingsDialog::cancelGoogleSignIn);
    m_urlOpener = [](const QUrl &url) { QDesktopServices::openUrl(url); };
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setConfig(ConnectorConfig());
}

void SettingsDialog::setConfig(const ConnectorConfig &config)
{
    m_smtpHost->setText(config.smtpHost);
    m_smtpPort->setValue(config.smtpPort);
    m_imapHost->setText(config.imapHost);
    m_imapPort->setValue(config.imapPort);
    m_username->setText(config.username);
    m_password->setText(config.password);
    m_fromAddress->setText(config.fromAddress);
    m_useTls->setChecked(config.useTls);
    m_pollInterval->setValue(config.pollInterval);
    m_caFile->setText(config.caFile);
    m_timeout->setValue(config.timeout);
    m_canaryInterval->setValue(config.canaryInterval);
    m_clientFile->setText(config.gmailCredentialsFile);
    m_oauth->setFrom(config);
    m_password->setEnabled(!m_oauth->usesOAuth());
    m_gmailApiUrl = config.gmailApiUrl;
    setMode(config.isGmail() ? Mode::Google : Mode::MailServer);
    updateValidation();
}

ConnectorConfig SettingsDialog::config() const
{
    ConnectorConfig config;
    config.smtpHost = m_smtpHost->text().trimmed();
    config.smtpPort = m_smtpPort->value();
    config.imapHost = m_imapHost->text().trimmed();
    config.imapPort = m_imapPort->value();
    config.username = m_username->text().trimmed();
    config.password = m_password->text();
    config.fromAddress = m_fromAddress->text().trimmed();
    config.useTls = m_useTls->isChecked();
    config.pollInterval = m_pollInterval->value();
    config.caFile = m_caFile->text().trimmed();
    config.timeout = m_timeout->value();
    config.canaryInterval = m_canaryInterval->value();
    // The client file is what selects Gmail API mode, so it only counts in Google mode.
    config.gmailCredentialsFile = mode() == Mode::Google ? m_clientFile->text().trimmed() : QString();
    config.gmailApiUrl = m_gmailApiUrl;
    if (mode() == Mode::MailServer)
        m_oauth->applyTo(&config);
    if (config.usesOAuth2())
        config.password.clear();   // not used with OAuth: never stored either
    return config;
}

QString SettingsDialog::password() const
{
    return config().usesOAuth2() ? QString() : m_password->text();
}

SettingsDialog::Mode SettingsDialog::mode() const
{
    return m_googleMode->isChecked() ? Mode::Google : Mode::MailServer;
}

void SettingsDialog::setMode(Mode mode)
{
    (mode == Mode::Google ? m_googleMode : m_serverMode)->setChecked(true);
    m_pages->setCurrentIndex(mode == Mode::Google ? 1 : 0);
    updateValidation();
}

QString SettingsDialog::validationError() const
{
    const ConnectorConfig current = config();
    // validate() accepts an empty client file (it means "not Gmail"); here Google mode needs one.
    if (mode() == Mode::Google && current.gmailCredentialsFile.isEmpty())
        return QStringLiteral("gmail_credentials_file: is empty (choose the OAuth client file)");
    if (const ConnectorError error = current.validate())
        return error.message();
    if (mode() == Mode::MailServer && current.imapHost.isEmpty())
        return QStringLiteral("imap_host: is missing or empty");
    if (mode() == Mode::MailServer && current.username.isEmpty())
        return QStringLiteral("username: is missing or empty");
    return {};
}

void SettingsDialog::updateValidation()
{
    if (!m_buttons)
        return; // still building the widgets
    const QString problem = validationError();
    m_validation->setText(problem);
    m_validation->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void SettingsDialog::setGoogleStatus(const QString &status)
{
    m_googleStatus->setText(status);
}

void SettingsDialog::setKeychainError(const QString &message)
{
    m_keychainError->setText(message.isEmpty()
                                 ? QString()
                                 : tr("The password could not be saved in the system keychain: %1").arg(message));
    m_keychainError->setVisible(!message.isEmpty());
}

QString SettingsDialog::keychainError() const
{
    return m_keychainError->text();
}

void SettingsDialog::addTestResult(bool ok, const QString &step, const QString &detail)
{
    QString text = (ok ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + step;
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    auto *item = new QListWidgetItem(text, m_testResults);
    item->setData(Qt::UserRole, ok);
    m_testResults->scrollToItem(item);
}

void SettingsDialog::addTestStep(const ConnectionTestStep &step)
{
    using Outcome = ConnectionTestStep::Outcome;
    const QString mark = step.outcome == Outcome::Passed   ? QStringLiteral("✓ ")
                         : step.outcome == Outcome::Failed ? QStringLiteral("✗ ")
                                                           : QStringLiteral("• ");
    QString text = mark + step.name;
    if (!step.detail.isEmpty())
        text += QStringLiteral(": ") + step.detail;
    auto *item = new QListWidgetItem(text, m_testResults);
    item->setData(Qt::UserRole, step.outcome != Outcome::Failed);
    item->setToolTip(step.detail);
    m_testResults->scrollToItem(item);
}

void SettingsDialog::startConnectionTest()
{
    if (m_test)
        return;
    clearTestResults();
    ConnectorConfig config = this->config();
    if (!config.usesOAuth2())
        config.password = password();
    m_test = ConnectionTester::start(config, m_sendToSelf->isChecked(),
                                     config.usesOAuth2() ? OAuthSettingsPanel::signInHint() : tr("“Sign in with Google”"));
    m_test->setParent(this); // closing the dialog ends the test
    m_testButton->setEnabled(false);
    m_testButton->setText(tr("Testing…"));
    connect(m_test, &ConnectionTestReply::stepFinished, this, &SettingsDialog::addTestStep);
    connect(m_test, &ConnectorReply::finished, this, [this, reply = m_test.data()] {
        reply->deleteLater();
        m_test = nullptr; // a new test may start before the deferred delete runs
        m_testButton->setEnabled(true);
        m_testButton->setText(tr("T&est connection"));
        const ConnectorError error = reply->error();
        auto *summary = new QListWidgetItem(error ? tr("The test failed: see the first ✗ above.")
                                                  : tr("Every step passed."),
                                            m_testResults);
        summary->setData(Qt::UserRole, !error);
        m_testResults->scrollToItem(summary);
        Q_EMIT testFinished(error);
    });
}

void SettingsDialog::startGoogleSignIn()
{
    if (m_signInReply)
        return;
    ConnectorConfig config = this->config();
    if (config.gmailCredentialsFile.isEmpty()) {
        setGoogleStatus(tr("Choose the OAuth client file first (a \"Desktop app\" client from the Google Cloud console)."));
        Q_EMIT signInFinished({ConnectorError::Kind::Config, tr("gmail_credentials_file: not set")});
        return;
    }
    delete m_signInConnector;
    m_signInConnector = new EmailConnector(config, this);
    m_signInConnector->setGoogleSignInTimeout(m_signInTimeoutMs);
    m_signInConnector->setGoogleSignInHint(tr("“Sign in with Google”"));
    connect(m_signInConnector, &EmailConnector::authorizationUrlReady, this, [this](const QUrl &url) {
        const QString address = url.toString(QUrl::FullyEncoded);
        setGoogleStatus(tr("Sign in on the page that opened in your browser. If none opened, open this "
                           "address:\n%1").arg(address));
        m_urlOpener(url);
    });
    setGoogleStatus(tr("Starting Google sign-in…"));
    m_signIn->setEnabled(false);
    m_cancelSignIn->show();
    m_signInReply = m_signInConnector->signInToGoogle(true);
    m_signInReply->setParent(this);
    connect(m_signInReply, &ConnectorReply::finished, this, [this, reply = m_signInReply.data()] {
        reply->deleteLater();
        m_signInReply = nullptr;
        m_signIn->setEnabled(true);
        m_cancelSignIn->hide();
        const ConnectorError error = reply->error();
        if (error)
            setGoogleStatus(tr("Not signed in: %1").arg(error.message()));
        else
            setGoogleStatus(tr("Signed in as %1. The tokens are kept in the system keychain.")
                                .arg(m_signInConnector->accountAddress()));
        Q_EMIT signInFinished(error);
    });
}

void SettingsDialog::cancelGoogleSignIn()
{
    if (!m_signInReply)
        return;
    // The connector owns the sign-in (and its listener on 127.0.0.1): ending it ends both.
    delete m_signInReply;
    m_signInReply = nullptr;
    delete m_signInConnector;
    m_signInConnector = nullptr;
    m_signIn->setEnabled(true);
    m_cancelSignIn->hide();
    setGoogleStatus(tr("Sign-in cancelled."));
    Q_EMIT signInFinished({ConnectorError::Kind::Aborted, tr("Sign-in cancelled.")});
}

void SettingsDialog::clearTestResults()
{
    m_testResults->clear();
}

void SettingsDialog::setSignInTimeout(int ms)
{
    m_signInTimeoutMs = ms;
    m_oauth->setSignInTimeout(ms);
}

CredentialReply *SettingsDialog::storePassword(CredentialStore &store, const ConnectorConfig &config,
                                               const QString &password)
{
    return store.writeSecret(CredentialStore::passwordKey(config.username), password.toUtf8());
}

void SettingsDialog::browse(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString path = QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!path.isEmpty())
        edit->setText(path);
}

} // namespace machina
