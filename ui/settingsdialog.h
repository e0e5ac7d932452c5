#pragma once

#include "config/connectorconfig.h"

#include <QDialog>

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

class CredentialReply;
class CredentialStore;

/**
 * The account settings: either a mail server (every reference parameter of
 * SMTP/IMAP) or a Google account (the OAuth client file and a sign-in button).
 * Values are checked with ConnectorConfig::validate(); the problem, naming the
 * key, is shown inline and OK stays disabled while there is one. The dialog
 * never stores anything itself: on accept the caller saves config() with
 * AccountSettings and the password with storePassword().
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

    /// Writes @p password under CredentialStore::passwordKey(config.username).
    static CredentialReply *storePassword(CredentialStore &store, const ConnectorConfig &config,
                                          const QString &password);

Q_SIGNALS:
    void signInRequested();
    void testRequested();

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
    QLineEdit *m_fromAddress = nullptr;
    QCheckBox *m_useTls = nullptr;
    QSpinBox *m_pollInterval = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_caBrowse = nullptr;
    QSpinBox *m_timeout = nullptr;

    QLineEdit *m_clientFile = nullptr;
    QPushButton *m_clientBrowse = nullptr;
    QPushButton *m_signIn = nullptr;
    QLabel *m_googleStatus = nullptr;

    QPushButton *m_testButton = nullptr;
    QListWidget *m_testResults = nullptr;
    QLabel *m_validation = nullptr;
    QLabel *m_keychainError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    QString m_gmailApiUrl;
};

} // namespace machina
