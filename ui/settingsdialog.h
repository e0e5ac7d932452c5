#pragma once

#include "config/connectorconfig.h"
#include "connectiontester.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>
#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace machina {

class ConnectorReply;
class CredentialReply;
class CredentialStore;
class EmailConnector;
class OAuthSettingsPanel;

/**
 * The account settings: either a mail server (every reference parameter of
 * SMTP/IMAP, signing in with a password or with OAuth 2.0, see
 * OAuthSettingsPanel) or a Google account for the Gmail API (the OAuth client
 * file and a sign-in button).
 * Values are checked with ConnectorConfig::validate(); the problem, naming the
 * key, is shown inline and OK stays disabled while there is one. On accept the
 * caller saves config() with AccountSettings and the password with
 * storePassword(); the dialog itself stores only what Google's sign-in
 * returns (tokens, to the keychain, through the connector).
 *
 * "Test connection" runs ConnectionTester on the values as typed and lists
 * each step as it ends. "Sign in with Google" runs the interactive sign-in:
 * the page opens in the system browser (QDesktopServices) and its address is
 * shown, to be opened by hand when no browser came up.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { MailServer, Google };

    explicit SettingsDialog(QWidget *parent = nullptr);

    void setConfig(const ConnectorConfig &config);
    /// The values as entered; in MailServer mode gmailCredentialsFile is empty.
    ConnectorConfig config() const;
    QString password() const;

    Mode mode() const;
    void setMode(Mode mode);

    /// The first problem of config() (validate() plus the mode's required fields); empty when none.
    QString validationError() const;

    /// The outcome of a Google sign-in the caller ran after signInRequested().
    void setGoogleStatus(const QString &status);
    /// Shows why the password could not be stored; the fields stay as entered.
    void setKeychainError(const QString &message);
    QString keychainError() const;

    /// Connection test rows: "✓ step" or "✗ step: server words".
    void addTestResult(bool ok, const QString &step, const QString &detail = {});
    void clearTestResults();
    QListWidget *testResults() const { return m_testResults; }

    /// One step of a connection test: "✓ step: detail", "✗ step: detail" or "• step: detail".
    void addTestStep(const ConnectionTestStep &step);
    /// Runs the connection test on the values as typed (Test connection does this).
    void startConnectionTest();
    bool isTesting() const { return m_test != nullptr; }
    /// Runs Google's sign-in with the client file as typed (Sign in with Google does this).
    void startGoogleSignIn();
    bool isSigningIn() const { return m_signInReply != nullptr; }
    /// Stops a running sign-in (its loopback listener closes); signInFinished() with an Aborted error.
    void cancelGoogleSignIn();
    /// How the sign-in page is opened; the default is QDesktopServices::openUrl.
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_urlOpener = std::move(opener); }
    /// How long the sign-in waits for the browser to come back, in ms; 0 (the default): the
    /// connector's 5 minutes. Tests shorten it; nothing in the dialog offers it.
    void setSignInTimeout(int ms);
    /// How a mail-server account signs in: a password or OAuth 2.0 (Microsoft 365, Google, other).
    OAuthSettingsPanel *oauthPanel() const { return m_oauth; }

    /// Writes @p password under CredentialStore::passwordKey(config.username).
    static CredentialReply *storePassword(CredentialStore &store, const ConnectorConfig &config,
                                          const QString &password);

Q_SIGNALS:
    void signInRequested();
    void testRequested();
    /// The connection test ended; @p error is the first failed step's (none: all passed).
    void testFinished(const machina::ConnectorError &error);
    /// Google's sign-in ended (tokens stored in the keychain when there is no error).
    void signInFinished(const machina::ConnectorError &error);

private:
    void updateValidation();
    void browse(QLineEdit *edit, const QString &title, const QString &filter);

    QRadioButton *m_serverMode = nullptr;
    QRadioButton *m_googleMode = nullptr;
    QStackedWidget *m_pages = nullptr;

    QLineEdit *m_smtpHost = nullptr;
    QSpinBox *m_smtpPort = nullptr;
    QLineEdit *m_imapHost = nullptr;
    QSpinBox *m_imapPort = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    OAuthSettingsPanel *m_oauth = nullptr;
    QLineEdit *m_fromAddress = nullptr;
    QCheckBox *m_useTls = nullptr;
    QSpinBox *m_pollInterval = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_caBrowse = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_canaryInterval = nullptr;

    QLineEdit *m_clientFile = nullptr;
    QPushButton *m_clientBrowse = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_cancelSignIn = nullptr;
    QLabel *m_googleStatus = nullptr;

    QPushButton *m_testButton = nullptr;
    QCheckBox *m_sendToSelf = nullptr;
    QPointer<ConnectionTestReply> m_test;
    EmailConnector *m_signInConnector = nullptr;
    QPointer<ConnectorReply> m_signInReply;
    std::function<void(const QUrl &)> m_urlOpener;
    int m_signInTimeoutMs = 0;
    QListWidget *m_testResults = nullptr;
    QLabel *m_validation = nullptr;
    QLabel *m_keychainError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    QString m_gmailApiUrl;
};

} // namespace machina
