// The settings dialog's OAuth sign-in for a mail-server account (Microsoft 365
// shaped, against FakeIdentityPlatform), the test playing the browser the
// dialog opens. Runs named per mode (see tests/oauth/CMakeLists.txt):
//
//   MACHINA_KEYCHAIN_MODE=keyring  signInStoresTokens cancelEndsSignIn
//   MACHINA_KEYCHAIN_MODE=no-bus   noKeychainNoBrowser

#include "config/connectorconfig.h"
#include "fakeidentityplatform.h"
#include "oauth/oauthtokens.h"
#include "oauthsettingspanel.h"
#include "secrets/credentialstore.h"
#include "settingsdialog.h"

#include <QComboBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace machina;

namespace {

constexpr int SignInWaitMs = 20000;

QString wrongEnvironment(const QString &mode)
{
    if (qEnvironmentVariable("MACHINA_KEYCHAIN_MODE") != mode)
        return QStringLiteral("this function needs MACHINA_KEYCHAIN_MODE=%1 (see tests/oauth/CMakeLists.txt)").arg(mode);
    if (mode == QLatin1String("keyring")
        && (qEnvironmentVariable("MACHINA_TEST_KEYRING") != QLatin1String("1") || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")))
        return QStringLiteral("run through tests/keychain/with-keyring.sh");
    if (mode == QLatin1String("no-bus") && !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral("needs an environment without a session bus");
    return {};
}

QPushButton *button(QWidget &parent, const QString &text)
{
    const QList<QPushButton *> buttons = parent.findChildren<QPushButton *>();
    for (QPushButton *b : buttons) {
        if (b->text().remove(QLatin1Char('&')) == text)
            return b;
    }
    return nullptr;
}

} // namespace

class TestSettingsOAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signInStoresTokens();
    void cancelEndsSignIn();
    void missingScopeIsNamed();
    void noKeychainNoBrowser();

private:
    /// A Microsoft account pointed at the stand-in, in a shown dialog.
    void setUpDialog();

    std::unique_ptr<FakeIdentityPlatform> m_idp;
    std::unique_ptr<SettingsDialog> m_dialog;
    QList<QUrl> m_opened;
};

void TestSettingsOAuth::init()
{
    m_idp = std::make_unique<FakeIdentityPlatform>();
    QVERIFY(m_idp->listen());
    m_opened.clear();
}

void TestSettingsOAuth::cleanup()
{
    m_dialog.reset();
    m_idp.reset();
}

void TestSettingsOAuth::setUpDialog()
{
    ConnectorConfig config;
    config.smtpHost = QStringLiteral("127.0.0.1");
    config.imapHost = QStringLiteral("127.0.0.1");
    config.username = m_idp->username();
    config.oauth2Provider = QStringLiteral("microsoft");
    config.oauth2ClientId = m_idp->clientId();
    config.oauth2Authority = m_idp->baseUrl().toString();
    m_dialog = std::make_unique<SettingsDialog>();
    m_dialog->setConfig(config);
    m_dialog->setUrlOpener([this](const QUrl &url) { m_opened.append(url); });
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QCOMPARE(m_dialog->oauthPanel()->findChild<QComboBox *>()->currentData().toString(), QStringLiteral("microsoft"));
    QVERIFY2(m_dialog->validationError().isEmpty(), qPrintable(m_dialog->validationError()));
}

void TestSettingsOAuth::signInStoresTokens()
{
    if (const QString wrong = wrongEnvironment(QStringLiteral("keyring")); !wrong.isEmpty())
        QFAIL(qPrintable(wrong));
    setUpDialog();
    OAuthSettingsPanel *panel = m_dialog->oauthPanel();
    QSignalSpy finished(panel, &OAuthSettingsPanel::signInFinished);
    QPushButton *signIn = button(*panel, QStringLiteral("Sign in with the provider"));
    QVERIFY(signIn && signIn->isVisible());
    QTest::mouseClick(signIn, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, SignInWaitMs);
    QVERIFY(panel->status().contains(m_opened.first().toString(QUrl::FullyEncoded)));   // to open by hand
    QCOMPARE(QUrlQuery(m_opened.first()).queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), m_idp->username());

    QNetworkAccessManager browser;
    QString error;
    QVERIFY2(m_idp->playBrowser(&browser, m_opened.first(), &error), qPrintable(error));
    QVERIFY(finished.size() == 1 || finished.wait(SignInWaitMs));
    const ConnectorError result = finished.first().first().value<ConnectorError>();
    QVERIFY2(!result, qPrintable(result.message()));
    QVERIFY2(panel->status().startsWith(QStringLiteral("Signed in as ") + m_idp->username()), qPrintable(panel->status()));

    // The tokens are in the keychain, under the account's key.
    CredentialStore store;
    CredentialReply *read = store.readSecret(
        CredentialStore::oauthTokenKey(QStringLiteral("microsoft"), m_idp->clientId(), m_idp->username()));
    QSignalSpy readDone(read, &ConnectorReply::finished);
    QVERIFY(readDone.wait(10000));
    const std::optional<OAuthTokens> tokens = OAuthTokens::fromJson(read->secret());
    delete read;
    QVERIFY(tokens.has_value());
    QVERIFY(m_idp->isAccessTokenActive(tokens->accessToken));
    QVERIFY(!tokens->refreshToken.isEmpty());
}

void TestSettingsOAuth::cancelEndsSignIn()
{
    if (const QString wrong = wrongEnvironment(QStringLiteral("keyring")); !wrong.isEmpty())
        QFAIL(qPrintable(wrong));
    setUpDialog();
    OAuthSettingsPanel *panel = m_dialog->oauthPanel();
    QSignalSpy finished(panel, &OAuthSettingsPanel::signInFinished);
    panel->startSignIn();
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, SignInWaitMs);
    QPushButton *cancel = button(*panel, QStringLiteral("Cancel sign-in"));
    QVERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<ConnectorError>().kind(), ConnectorError::Kind::Aborted);
    QCOMPARE(panel->status(), QStringLiteral("Sign-in cancelled."));
    QVERIFY(!panel->isSigningIn());
    // The loopback listener is gone: the browser coming back now reaches nobody.
    QNetworkAccessManager browser;
    QString error;
    QVERIFY(!m_idp->playBrowser(&browser, m_opened.first(), &error));
    QCOMPARE(m_idp->authorizationCodeGrants(), 0);
}

void TestSettingsOAuth::missingScopeIsNamed()
{
    if (const QString wrong = wrongEnvironment(QStringLiteral("keyring")); !wrong.isEmpty())
        QFAIL(qPrintable(wrong));
    // The person unticks SMTP.Send on the consent screen: the sign-in fails naming it.
    m_idp->setConsent(FakeIdentityPlatform::Consent::GrantFewerScopes);
    setUpDialog();
    OAuthSettingsPanel *panel = m_dialog->oauthPanel();
    QSignalSpy finished(panel, &OAuthSettingsPanel::signInFinished);
    panel->startSignIn();
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, SignInWaitMs);
    QNetworkAccessManager browser;
    QString error;
    QVERIFY2(m_idp->playBrowser(&browser, m_opened.first(), &error), qPrintable(error));
    QVERIFY(finished.size() == 1 || finished.wait(SignInWaitMs));
    const ConnectorError result = finished.first().first().value<ConnectorError>();
    QCOMPARE(result.kind(), ConnectorError::Kind::Auth);
    QVERIFY2(result.message().contains(FakeIdentityPlatform::scopeSmtp()), qPrintable(result.message()));
    QVERIFY2(!result.message().contains(FakeIdentityPlatform::scopeImap()), qPrintable(result.message()));
    QVERIFY2(panel->status().startsWith(QStringLiteral("Not signed in: ")), qPrintable(panel->status()));
}

void TestSettingsOAuth::noKeychainNoBrowser()
{
    if (const QString wrong = wrongEnvironment(QStringLiteral("no-bus")); !wrong.isEmpty())
        QFAIL(qPrintable(wrong));
    setUpDialog();
    OAuthSettingsPanel *panel = m_dialog->oauthPanel();
    QSignalSpy finished(panel, &OAuthSettingsPanel::signInFinished);
    panel->startSignIn();
    QVERIFY(finished.size() == 1 || finished.wait(SignInWaitMs));
    const ConnectorError result = finished.first().first().value<ConnectorError>();
    QCOMPARE(result.kind(), ConnectorError::Kind::Config);
    QVERIFY2(panel->status().contains(QStringLiteral("keychain"), Qt::CaseInsensitive), qPrintable(panel->status()));
    QVERIFY(m_opened.isEmpty());
    QVERIFY(m_idp->authRequests().isEmpty());
}

QTEST_MAIN(TestSettingsOAuth)
#include "tst_settingsoauth.moc"
