#include "oauthsettingspanel.h"

#include "accessiblenames.h"
#include "emailconnector.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace machina {

OAuthSettingsPanel::OAuthSettingsPanel(QWidget *parent) : QWidget(parent)
{
    m_provider = new QComboBox;
    m_provider->addItem(tr("Password"), QString());
    m_provider->addItem(tr("Microsoft 365 (OAuth)"), QStringLiteral("microsoft"));
    m_provider->addItem(tr("Google (OAuth, IMAP)"), QStringLiteral("google"));
    m_provider->addItem(tr("Other OAuth provider"), QStringLiteral("custom"));
    m_provider->setToolTip(tr("Microsoft 365 and Google Workspace refuse passwords for IMAP and SMTP more and more; "
                              "OAuth signs in through the browser once and keeps the tokens in the system keychain."));
    m_clientId = new QLineEdit;
    m_clientId->setPlaceholderText(tr("the application (client) id of a desktop app registration"));
    m_tenant = new QLineEdit;
    m_tenant->setPlaceholderText(QStringLiteral("organizations"));
    m_tenant->setToolTip(tr("organizations, common, consumers, your tenant id or your domain"));
    m_clientFile = new QLineEdit;
    m_clientFile->setPlaceholderText(tr("optional: client_secret_….json of a Desktop app client"));
    m_clientBrowse = new QPushButton(tr("Choose…"));
    m_clientBrowse->setAccessibleName(tr("Browse for the OAuth client file"));
    m_authorizeUrl = new QLineEdit;
    m_authorizeUrl->setPlaceholderText(QStringLiteral("https://login.example.com/authorize"));
    m_tokenUrl = new QLineEdit;
    m_tokenUrl->setPlaceholderText(QStringLiteral("https://login.example.com/token"));
    m_scopes = new QLineEdit;
    m_scopes->setPlaceholderText(tr("space-separated, e.g. offline_access mail"));
    m_signIn = new QPushButton(tr("Sign in with the pro&vider"));
    m_signIn->setToolTip(tr("Opens the provider's sign-in page in your browser; the tokens go to the system keychain."));
    m_cancel = new QPushButton(tr("Cancel sign-in"));
    m_cancel->hide();
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    const auto addRow = [this](const QString &text, QWidget *buddy, QWidget *field) {
        auto *label = new QLabel(text);
        label->setBuddy(buddy);
        if (buddy != field)
            AccessibleNames::nameAfterLabel(buddy, text);
        m_form->addRow(label, field);
    };
    auto *fileRow = new QWidget;
    auto *fileLayout = new QHBoxLayout(fileRow);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    fileLayout->addWidget(m_clientFile, 1);
    fileLayout->addWidget(m_clientBrowse);
    auto *buttons = new QWidget;
    auto *buttonLayout = new QHBoxLayout(buttons);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    buttonLayout->addWidget(m_signIn);
    buttonLayout->addWidget(m_cancel);
    buttonLayout->addStretch();

    addRow(tr("&Authentication:"), m_provider, m_provider);
    addRow(tr("Client I&D:"), m_clientId, m_clientId);
    addRow(tr("A&zure tenant:"), m_tenant, m_tenant);
    addRow(tr("Client secret fi&le:"), m_clientFile, fileRow);
    addRow(tr("Aut&horize URL:"), m_authorizeUrl, m_authorizeUrl);
    addRow(tr("To&ken URL:"), m_tokenUrl, m_tokenUrl);
    addRow(tr("Re&quested scopes:"), m_scopes, m_scopes);
    m_form->addRow(QString(), buttons);
    m_form->addRow(QString(), m_status);

    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        updateRows();
        Q_EMIT changed();
    });
    for (QLineEdit *edit : {m_clientId, m_tenant, m_clientFile, m_authorizeUrl, m_tokenUrl, m_scopes})
        connect(edit, &QLineEdit::textChanged, this, &OAuthSettingsPanel::changed);
    connect(m_clientBrowse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("OAuth client file"), m_clientFile->text(),
                                                          tr("JSON files (*.json);;All files (*)"));
        if (!path.isEmpty())
            m_clientFile->setText(path);
    });
    connect(m_signIn, &QPushButton::clicked, this, &OAuthSettingsPanel::startSignIn);
    connect(m_cancel, &QPushButton::clicked, this, &OAuthSettingsPanel::cancelSignIn);
    updateRows();
}

QString OAuthSettingsPanel::signInHint()
{
    return tr("“Sign in” in the account settings");
}

void OAuthSettingsPanel::setFrom(const ConnectorConfig &config)
{
    const int index = m_provider->findData(config.oauth2Provider);
    m_provider->setCurrentIndex(index < 0 ? 0 : index);
    m_clientId->setText(config.oauth2ClientId);
    m_tenant->setText(config.oauth2Tenant == ConnectorConfig().oauth2Tenant ? QString() : config.oauth2Tenant);
    m_clientFile->setText(config.oauth2ClientSecretFile);
    m_authorizeUrl->setText(config.oauth2AuthorizeUrl);
    m_tokenUrl->setText(config.oauth2TokenUrl);
    m_scopes->setText(config.oauth2Scopes);
    m_authority = config.oauth2Authority;
    updateRows();
}

void OAuthSettingsPanel::applyTo(ConnectorConfig *config) const
{
    const ConnectorConfig defaults;
    const QString provider = m_provider->currentData().toString();
    config->oauth2Provider = provider;
    config->oauth2ClientId.clear();
    config->oauth2Tenant = defaults.oauth2Tenant;
    config->oauth2ClientSecretFile.clear();
    config->oauth2Authority.clear();
    config->oauth2AuthorizeUrl.clear();
    config->oauth2TokenUrl.clear();
    config->oauth2Scopes.clear();
    if (provider.isEmpty())
        return;
    config->oauth2ClientId = m_clientId->text().trimmed();
    if (provider == QLatin1String("microsoft")) {
        if (!m_tenant->text().trimmed().isEmpty())
            config->oauth2Tenant = m_tenant->text().trimmed();
        config->oauth2Authority = m_authority;
    } else if (provider == QLatin1String("google")) {
        config->oauth2ClientSecretFile = m_clientFile->text().trimmed();
        config->oauth2Authority = m_authority;
    } else {
        config->oauth2AuthorizeUrl = m_authorizeUrl->text().trimmed();
        config->oauth2TokenUrl = m_tokenUrl->text().trimmed();
        config->oauth2Scopes = m_scopes->text().simplified();
    }
}

bool OAuthSettingsPanel::usesOAuth() const
{
    return !m_provider->currentData().toString().isEmpty();
}

QString OAuthSettingsPanel::status() const
{
    return m_status->text();
}

QList<QWidget *> OAuthSettingsPanel::focusChain() const
{
    return {m_provider, m_clientId, m_tenant, m_clientFile, m_clientBrowse, m_authorizeUrl, m_tokenUrl, m_scopes,
            m_signIn, m_cancel};
}

void OAuthSettingsPanel::updateRows()
{
    const QString provider = m_provider->currentData().toString();
    const bool oauth = !provider.isEmpty();
    const bool custom = provider == QLatin1String("custom");
    m_form->setRowVisible(m_clientId, oauth);
    m_form->setRowVisible(m_tenant, provider == QLatin1String("microsoft"));
    m_form->setRowVisible(m_clientFile->parentWidget(), provider == QLatin1String("google"));
    m_form->setRowVisible(m_authorizeUrl, custom);
    m_form->setRowVisible(m_tokenUrl, custom);
    m_form->setRowVisible(m_scopes, custom);
    m_form->setRowVisible(m_signIn->parentWidget(), oauth);
    m_form->setRowVisible(m_status, oauth);
}

void OAuthSettingsPanel::setStatus(const QString &status)
{
    m_status->setText(status);
}

void OAuthSettingsPanel::startSignIn()
{
    if (m_signInReply || !m_configSource)
        return;
    const ConnectorConfig config = m_configSource();
    if (const ConnectorError invalid = config.validate(); invalid || !config.usesOAuth2()) {
        const QString why = invalid ? invalid.message() : tr("choose how to sign in first");
        setStatus(tr("Cannot sign in yet: %1").arg(why));
        Q_EMIT signInFinished({ConnectorError::Kind::Config, why});
        return;
    }
    delete m_connector;
    m_connector = new EmailConnector(config, this);
    m_connector->setSignInTimeout(m_signInTimeoutMs);
    m_connector->setSignInHint(signInHint());
    connect(m_connector, &EmailConnector::authorizationUrlReady, this, [this](const QUrl &url) {
        setStatus(tr("Sign in on the page that opened in your browser. If none opened, open this address:\n%1")
                      .arg(url.toString(QUrl::FullyEncoded)));
        if (m_urlOpener)
            m_urlOpener(url);
    });
    setStatus(tr("Starting the sign-in…"));
    m_signIn->setEnabled(false);
    m_cancel->show();
    m_signInReply = m_connector->signIn(true);
    m_signInReply->setParent(this);
    connect(m_signInReply, &ConnectorReply::finished, this, [this, reply = m_signInReply.data()] {
        reply->deleteLater();
        m_signInReply = nullptr;
        m_signIn->setEnabled(true);
        m_cancel->hide();
        const ConnectorError error = reply->error();
        setStatus(error ? tr("Not signed in: %1").arg(error.message())
                        : tr("Signed in as %1. The tokens are kept in the system keychain.")
                              .arg(m_connector->accountAddress()));
        Q_EMIT signInFinished(error);
    });
}

void OAuthSettingsPanel::cancelSignIn()
{
    if (!m_signInReply)
        return;
    // The connector owns the sign-in and its listener on 127.0.0.1: ending it ends both.
    delete m_signInReply;
    m_signInReply = nullptr;
    delete m_connector;
    m_connector = nullptr;
    m_signIn->setEnabled(true);
    m_cancel->hide();
    setStatus(tr("Sign-in cancelled."));
    Q_EMIT signInFinished({ConnectorError::Kind::Aborted, tr("Sign-in cancelled.")});
}

} // namespace machina
