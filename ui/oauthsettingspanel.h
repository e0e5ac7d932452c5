#pragma once

#include "config/connectorconfig.h"
#include "connectorerror.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace machina {

class ConnectorReply;
class EmailConnector;

/**
 * How a mail-server account signs in, in the settings dialog: a password,
 * or OAuth 2.0 with Microsoft 365, Google (IMAP) or another provider
 * (oauth2_provider and its keys), with "Sign in" and "Cancel sign-in". The
 * sign-in runs on a connector of its own made from the values as typed; the
 * tokens go to the system keychain, never to a file.
 */
class OAuthSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OAuthSettingsPanel(QWidget *parent = nullptr);

    void setFrom(const ConnectorConfig &config);
    /// Writes the oauth2_* keys of what is chosen into @p config (all empty for a password).
    void applyTo(ConnectorConfig *config) const;
    bool usesOAuth() const;

    /// The whole config as typed, for the sign-in (the dialog's fields).
    void setConfigSource(std::function<ConnectorConfig()> source) { m_configSource = std::move(source); }
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_urlOpener = std::move(opener); }
    void setSignInTimeout(int ms) { m_signInTimeoutMs = ms; }

    void startSignIn();
    void cancelSignIn();
    bool isSigningIn() const { return m_signInReply != nullptr; }
    QString status() const;
    /// The fields in reading order, for the dialog's tab order.
    QList<QWidget *> focusChain() const;
    /// What a person does to sign in again, for error sentences.
    static QString signInHint();

Q_SIGNALS:
    /// A value changed (the dialog validates again).
    void changed();
    void signInFinished(const machina::ConnectorError &error);

private:
    void updateRows();
    void setStatus(const QString &status);

    QComboBox *m_provider = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_tenant = nullptr;
    QLineEdit *m_clientFile = nullptr;
    QPushButton *m_clientBrowse = nullptr;
    QLineEdit *m_authorizeUrl = nullptr;
    QLineEdit *m_tokenUrl = nullptr;
    QLineEdit *m_scopes = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QFormLayout *m_form = nullptr;
    QString m_authority;   ///< oauth2_authority, kept as configured (not edited here)

    std::function<ConnectorConfig()> m_configSource;
    std::function<void(const QUrl &)> m_urlOpener;
    int m_signInTimeoutMs = 0;
    EmailConnector *m_connector = nullptr;
    QPointer<ConnectorReply> m_signInReply;
};

} // namespace machina
