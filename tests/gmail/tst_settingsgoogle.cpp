// The settings dialog's "Sign in with Google", end to end in-process: the
// button is clicked, FakeGoogle plays Google (OAuth and the Gmail profile on
// loopback), the URL opener the dialog calls plays the browser, and the
// tokens land in a real keyring (gnome-keyring on the private bus of
// tests/keychain/with-keyring.sh).
//
// One executable, two runs, each naming the functions it runs (nothing is
// skipped; a function run in the wrong environment fails), chosen by
// MACHINA_KEYCHAIN_MODE:
//   keyring  (under with-keyring.sh)  signInStoresTokens, browserNeverComesBack, tokenEndpointRefuses
//   no-bus   (no session bus)         noKeychainShowsError

#include "fakegoogle.h"
#include "gmail/googleauth.h"
#include "secrets/credentialstore.h"
#include "settingsdialog.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace machina;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int SignInWaitMs = 20000;

/// Empty when this process runs where the functions of @p mode belong; otherwise why not.
QString wrongEnvironment(const QString &mode)
{
    if (qEnvironmentVariable("MACHINA_KEYCHAIN_MODE") != mode)
        return u"this function needs MACHINA_KEYCHAIN_MODE=%1 (see tests/gmail/CMakeLists.txt)"_s.arg(mode);
    if (mode == "keyring"_L1) {
        // Only ever against the private bus and keyring of with-keyring.sh.
        if (qEnvironmentVariable("MACHINA_TEST_KEYRING") != "1"_L1 || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            return u"run through tests/keychain/with-keyring.sh"_s;
    } else if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        return u"needs an environment without a session bus"_s;
    }
    return {};
}

QString describe(const ConnectorError &error)
{
    return error ? u"%1: %2"_s.arg(ConnectorError::kindName(error.kind()), error.message()) : u"no error"_s;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

/// The keychain entry the sign-in writes: CredentialStore::googleTokenKey(), spelled out, so a
/// change of the key (which would lose every stored sign-in) fails here.
QString tokenKey(const FakeGoogle &fake)
{
    return u"google-oauth:"_s + fake.clientId();
}

[[nodiscard]] bool finishes(ConnectorReply *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ConnectorReply::finished);
    return spy.wait(10000) || reply->isFinished();
}

/// The keychain entry under @p key: its bytes, or no value when there is none. @p error says why the read failed.
std::optional<QByteArray> readStored(const QString &key, QString *error)
{
    CredentialStore store;
    std::unique_ptr<CredentialReply> read(store.readSecret(key));
    if (!finishes(read.get())) {
        *error = u"reading the keychain timed out"_s;
        return std::nullopt;
    }
    if (read->error()) {
        *error = describe(read->error());
        return std::nullopt;
    }
    error->clear();
    if (read->notFound())
        return std::nullopt;
    return read->secret();
}

/// Forgets the tokens of an earlier case (every fake has the same client id) and checks they are gone.
QString clearStored(const QString &key)
{
    CredentialStore store;
    std::unique_ptr<CredentialReply> deletion(store.deleteSecret(key));
    if (!finishes(deletion.get()))
        return u"deleting from the keychain timed out"_s;
    if (deletion->error())
        return describe(deletion->error());
    QString error;
    if (readStored(key, &error))
        return u"the keychain still holds %1"_s.arg(key);
    return error;
}

QPushButton *signInButton(SettingsDialog &dialog)
{
    QPushButton *found = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text().remove(u'&') == "Sign in with Google"_L1) {
            if (found)
                return nullptr; // two would be ambiguous
            found = button;
        }
    }
    return found;
}

/// The text of the one visible label starting with @p prefix; empty when there is none or several.
QString labelStartingWith(SettingsDialog &dialog, const QString &prefix)
{
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().startsWith(prefix))
            texts.append(label->text());
    }
    return texts.size() == 1 ? texts.first() : QString();
}

/// Every visible label, for a failure message.
QString visibleLabels(SettingsDialog &dialog)
{
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible() && !label->text().isEmpty())
            texts.append(u'"' + label->text() + u'"');
    }
    return texts.join(u", "_s);
}

bool isListening(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    return socket.waitForConnected(2000);
}

/// Replaces the code in the consent screen's redirect with one the fake never issued.
QByteArray withUnknownCode(const QByteArray &location)
{
    static const QRegularExpression code(u"([?&])code=[^&]*"_s);
    QString rewritten = QString::fromUtf8(location);
    rewritten.replace(code, u"\\1code=4%2F0Anever-issued-by-this-fake"_s);
    return rewritten.toUtf8();
}

} // namespace

// ---------------------------------------------------------------------------

class TestSettingsGoogle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // keyring
    void signInStoresTokens();
    void browserNeverComesBack();
    void testConnectionBeforeSignIn();
    void cancelEndsSignIn();
    void tokenEndpointRefuses_data();
    void tokenEndpointRefuses();
    // no-bus
    void noKeychainShowsError();

private:
    /// The values a person enters for a Google account: the client file, and the fake as the Gmail API.
    ConnectorConfig googleConfig() const;
    /// A dialog with googleConfig(), shown, on its Google page (the test has failed when not).
    void setUpDialog(SettingsDialog *dialog);

    std::unique_ptr<FakeGoogle> m_fake;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_clientFile;
};

void TestSettingsGoogle::init()
{
    m_fake = std::make_unique<FakeGoogle>();
    // Not the default address: the status can only name it if the dialog asked the fake's profile.
    m_fake->setEmailAddress(u"shift.supervisor@gmail.com"_s);
    QVERIFY(m_fake->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clientFile = m_dir->filePath(u"client_secret_fake.apps.googleusercontent.com.json"_s);
    QVERIFY(writeFile(m_clientFile, m_fake->clientSecretsJson()));
}

void TestSettingsGoogle::cleanup()
{
    m_fake.reset();
    m_dir.reset();
}

ConnectorConfig TestSettingsGoogle::googleConfig() const
{
    ConnectorConfig config;
    config.gmailCredentialsFile = m_clientFile;
    config.gmailApiUrl = m_fake->gmailApiUrl().toString();
    config.timeout = 10;
    return config;
}

void TestSettingsGoogle::setUpDialog(SettingsDialog *dialog)
{
    dialog->setConfig(googleConfig());
    dialog->show();
    QCOMPARE(dialog->mode(), SettingsDialog::Mode::Google);
    // What startGoogleSignIn() hands the connector: the client file and the fake as the API.
    QCOMPARE(dialog->config().gmailCredentialsFile, m_clientFile);
    QCOMPARE(dialog->config().gmailApiUrl, m_fake->gmailApiUrl().toString());
}

// Click, the browser comes back, the tokens are in the keychain, the account is named.
void TestSettingsGoogle::signInStoresTokens()
{
    const QString wrong = wrongEnvironment(u"keyring"_s);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    const QString cleared = clearStored(tokenKey(*m_fake));
    QVERIFY2(cleared.isEmpty(), qPrintable(cleared));

    QNetworkAccessManager browser;
    QList<QUrl> opened;
    QString statusWhenOpened;
    bool buttonEnabledWhenOpened = true;
    bool played = false;
    QString browserError = u"the browser never ran"_s;

    SettingsDialog dialog;
    setUpDialog(&dialog);
    if (QTest::currentTestFailed())
        return;
    QPushButton *button = signInButton(dialog);
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    dialog.setUrlOpener([&](const QUrl &url) {
        opened.append(url);
        statusWhenOpened = labelStartingWith(dialog, u"Sign in on the page"_s);
        buttonEnabledWhenOpened = button->isEnabled();
        // A browser opens later, not inside the call.
        QTimer::singleShot(0, &dialog, [&, url] { played = m_fake->playBrowser(&browser, url, &browserError); });
    });
    QSignalSpy finished(&dialog, &SettingsDialog::signInFinished);

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(dialog.isSigningIn());
    QVERIFY(!button->isEnabled()); // one sign-in at a time
    QVERIFY(finished.wait(SignInWaitMs));
    QVERIFY2(played, qPrintable(browserError));
    QCOMPARE(finished.size(), 1);
    const auto error = finished.first().first().value<ConnectorError>();
    QVERIFY2(!error, qPrintable(describe(error)));

    // What the dialog opened: Google's (here the fake's) consent screen, once,
    // redirecting to a loopback listener, and the same address shown to open by hand.
    QCOMPARE(opened.size(), 1);
    const QUrl url = opened.first();
    QVERIFY2(url.scheme() == "https"_L1 || (url.scheme() == "http"_L1 && QHostAddress(url.host()).isLoopback()),
             qPrintable(url.toString()));
    QCOMPARE(url.adjusted(QUrl::RemoveQuery).toString(), m_fake->authUri().toString());
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(u"client_id"_s, QUrl::FullyDecoded), m_fake->clientId());
    const QString redirectUri = query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded);
    const QRegularExpressionMatch redirect =
        QRegularExpression(u"^http://127\\.0\\.0\\.1:(\\d+)/oauth2callback$"_s).match(redirectUri);
    QVERIFY2(redirect.hasMatch(), qPrintable(redirectUri));
    QVERIFY(redirect.captured(1).toUInt() > 0);
    QVERIFY2(statusWhenOpened.contains(url.toString(QUrl::FullyEncoded)), qPrintable(statusWhenOpened));
    QVERIFY(!buttonEnabledWhenOpened);

    // The account, from the fake's profile, in the status.
    const QString status = labelStartingWith(dialog, u"Signed in as "_s);
    QVERIFY2(status.startsWith(u"Signed in as %1."_s.arg(m_fake->emailAddress())), qPrintable(visibleLabels(dialog)));
    QCOMPARE(m_fake->authorizationCodeGrants(), 1);
    QCOMPARE(m_fake->requests(u"/gmail/v1/users/me/profile"_s).size(), 1);

    // The keychain holds exactly what the token endpoint issued.
    const QList<FakeGoogle::TokenRequest> exchanges = m_fake->tokenRequests();
    QCOMPARE(exchanges.size(), 1);
    QCOMPARE(exchanges.first().grantType, u"authorization_code"_s);
    QCOMPARE(exchanges.first().status, 200);
    const QJsonObject issued = QJsonDocument::fromJson(exchanges.first().reply).object();
    QString readError;
    const std::optional<QByteArray> stored = readStored(tokenKey(*m_fake), &readError);
    QVERIFY2(readError.isEmpty(), qPrintable(readError));
    QVERIFY2(stored, "no tokens in the keychain after the sign-in");
    const std::optional<GoogleTokens> tokens = GoogleTokens::fromJson(*stored);
    QVERIFY(tokens);
    QCOMPARE(tokens->accessToken, issued.value(u"access_token"_s).toString());
    QCOMPARE(tokens->refreshToken, issued.value(u"refresh_token"_s).toString());
    QVERIFY(!tokens->refreshToken.isEmpty());
    QVERIFY(tokens->grantedScopes.contains(FakeGoogle::scopeSend()));
    QVERIFY(tokens->grantedScopes.contains(FakeGoogle::scopeModify()));

    QVERIFY(button->isEnabled());
    QVERIFY(!dialog.isSigningIn());
    QVERIFY(!isListening(quint16(redirect.captured(1).toUInt())));
}

// The person never finishes in the browser: the (shortened) wait ends, the
// dialog says so, and the button works again.
void TestSettingsGoogle::browserNeverComesBack()
{
    const QString wrong = wrongEnvironment(u"keyring"_s);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    const QString cleared = clearStored(tokenKey(*m_fake));
    QVERIFY2(cleared.isEmpty(), qPrintable(cleared));

    QList<QUrl> opened;
    SettingsDialog dialog;
    setUpDialog(&dialog);
    if (QTest::currentTestFailed())
        return;
    dialog.setSignInTimeout(500);
    dialog.setUrlOpener([&opened](const QUrl &url) { opened.append(url); }); // no browser comes up
    QPushButton *button = signInButton(dialog);
    QVERIFY(button);
    QSignalSpy finished(&dialog, &SettingsDialog::signInFinished);

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled());
    QVERIFY(finished.wait(SignInWaitMs));
    QCOMPARE(finished.size(), 1);
    const auto error = finished.first().first().value<ConnectorError>();
    QCOMPARE(error.kind(), ConnectorError::Kind::Auth);
    QVERIFY2(error.message().contains("not completed within 0.5 s"_L1), qPrintable(describe(error)));
    // The way out named in the dialog's words, not the CLI's.
    QVERIFY2(error.message().contains(u"“Sign in with Google”"_s), qPrintable(describe(error)));
    QVERIFY2(!error.message().contains("machina-mail"_L1), qPrintable(describe(error)));
    const QString status = labelStartingWith(dialog, u"Not signed in:"_s);
    QVERIFY2(!status.isEmpty(), qPrintable(visibleLabels(dialog)));
    QCOMPARE(status, u"Not signed in: "_s + error.message());
    QCOMPARE(opened.size(), 1);
    QVERIFY(m_fake->authRequests().isEmpty());
    QVERIFY(m_fake->tokenRequests().isEmpty());
    const QUrl redirect(QUrlQuery(opened.first()).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    QVERIFY(redirect.port() > 0);
    QVERIFY(!isListening(quint16(redirect.port())));
    QString readError;
    QVERIFY(!readStored(tokenKey(*m_fake), &readError));
    QVERIFY2(readError.isEmpty(), qPrintable(readError));

    // Enabled, and it works: a second click starts a new sign-in.
    QVERIFY(button->isEnabled());
    QVERIFY(!dialog.isSigningIn());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(dialog.isSigningIn());
    QVERIFY(finished.wait(SignInWaitMs));
    QCOMPARE(finished.size(), 2);
    QCOMPARE(opened.size(), 2);
    QVERIFY(button->isEnabled());
}

// Test connection in Google mode before any sign-in: the client file passes, the
// stored sign-in fails, and the way out is named in the dialog's words.
void TestSettingsGoogle::testConnectionBeforeSignIn()
{
    const QString wrong = wrongEnvironment(u"keyring"_s);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    const QString cleared = clearStored(tokenKey(*m_fake));
    QVERIFY2(cleared.isEmpty(), qPrintable(cleared));

    SettingsDialog dialog;
    setUpDialog(&dialog);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy finished(&dialog, &SettingsDialog::testFinished);
    dialog.startConnectionTest();
    QVERIFY(finished.wait(SignInWaitMs));
    QCOMPARE(finished.first().first().value<ConnectorError>().kind(), ConnectorError::Kind::Auth);
    QStringList rows;
    for (int i = 0; i < dialog.testResults()->count(); ++i)
        rows.append(dialog.testResults()->item(i)->text());
    QCOMPARE(rows.size(), 3);
    QVERIFY2(rows[0].startsWith(u"✓ Google client file: "_s), qPrintable(rows.join(u'\n')));
    QVERIFY2(rows[1].startsWith(u"✗ Google sign-in and Gmail API: "_s), qPrintable(rows.join(u'\n')));
    QVERIFY2(rows[1].contains(u"“Sign in with Google”"_s), qPrintable(rows[1]));
    QVERIFY2(!rows[1].contains("machina-mail"_L1), qPrintable(rows[1]));
    QVERIFY(m_fake->tokenRequests().isEmpty()); // nothing was tried without a sign-in
}

// Cancel sign-in ends the flow at once: the loopback listener closes, nothing is stored.
void TestSettingsGoogle::cancelEndsSignIn()
{
    const QString wrong = wrongEnvironment(u"keyring"_s);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    const QString cleared = clearStored(tokenKey(*m_fake));
    QVERIFY2(cleared.isEmpty(), qPrintable(cleared));

    QList<QUrl> opened;
    SettingsDialog dialog;
    setUpDialog(&dialog);
    if (QTest::currentTestFailed())
        return;
    dialog.setUrlOpener([&opened](const QUrl &url) { opened.append(url); });
    QPushButton *button = signInButton(dialog);
    QVERIFY(button);
    QPushButton *cancel = nullptr;
    for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
        if (b->text() == u"Cancel sign-in"_s)
            cancel = b;
    }
    QVERIFY(cancel);
    QVERIFY(!cancel->isVisible());
    QSignalSpy finished(&dialog, &SettingsDialog::signInFinished);

    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(cancel->isVisible());
    const QUrl redirect(QUrlQuery(opened.first()).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    QVERIFY(redirect.port() > 0);
    QVERIFY(isListening(quint16(redirect.port())));

    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<ConnectorError>().kind(), ConnectorError::Kind::Aborted);
    QVERIFY(!dialog.isSigningIn());
    QVERIFY(button->isEnabled());
    QVERIFY(!cancel->isVisible());
    QVERIFY(!labelStartingWith(dialog, u"Sign-in cancelled."_s).isEmpty());
    QTRY_VERIFY(!isListening(quint16(redirect.port())));
    QTest::qWait(200); // nothing finishes late
    QCOMPARE(finished.size(), 1);
    QString readError;
    QVERIFY(!readStored(tokenKey(*m_fake), &readError));
    QVERIFY2(readError.isEmpty(), qPrintable(readError));
}

void TestSettingsGoogle::tokenEndpointRefuses_data()
{
    QTest::addColumn<bool>("unknownCode");        // the redirect carries a code the fake never issued
    QTest::addColumn<QString>("clientSecret");    // in the client file; empty: the fake's own
    QTest::addColumn<QString>("oauthError");      // what /token answers
    QTest::addColumn<QString>("kind");            // ConnectorError::kindName() of the dialog's error

    QTest::addRow("unknown code") << true << QString() << u"invalid_grant"_s << u"auth"_s;
    QTest::addRow("wrong client secret") << false << u"GOCSPX-not-this-clients-secret"_s << u"invalid_client"_s
                                         << u"config"_s;
}

// The consent screen approves, but Google's token endpoint refuses the exchange:
// nothing is stored and the status says what Google said.
void TestSettingsGoogle::tokenEndpointRefuses()
{
    QFETCH(bool, unknownCode);
    QFETCH(QString, clientSecret);
    QFETCH(QString, oauthError);
    QFETCH(QString, kind);
    const QString wrong = wrongEnvironment(u"keyring"_s);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    const QString cleared = clearStored(tokenKey(*m_fake));
    QVERIFY2(cleared.isEmpty(), qPrintable(cleared));

    if (!clientSecret.isEmpty()) {
        QJsonObject client = QJsonDocument::fromJson(m_fake->clientSecretsJson()).object();
        QJsonObject installed = client.value(u"installed"_s).toObject();
        installed.insert(u"client_secret"_s, clientSecret);
        client.insert(u"installed"_s, installed);
        QVERIFY(writeFile(m_clientFile, QJsonDocument(client).toJson()));
    }

    std::function<QByteArray(const QByteArray &)> rewriteRedirect;
    if (unknownCode)
        rewriteRedirect = withUnknownCode;
    QNetworkAccessManager browser;
    QList<QUrl> opened;
    bool played = false;
    QString browserError = u"the browser never ran"_s;
    SettingsDialog dialog;
    setUpDialog(&dialog);
    if (QTest::currentTestFailed())
        return;
    dialog.setUrlOpener([&](const QUrl &url) {
        opened.append(url);
        QTimer::singleShot(0, &dialog, [&, url] {
            played = m_fake->playBrowser(&browser, url, &browserError, rewriteRedirect);
        });
    });
    QPushButton *button = signInButton(dialog);
    QVERIFY(button);
    QSignalSpy finished(&dialog, &SettingsDialog::signInFinished);

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(finished.wait(SignInWaitMs));
    QVERIFY2(played, qPrintable(browserError)); // the loopback page answered; the refusal came after
    QCOMPARE(finished.size(), 1);
    const auto error = finished.first().first().value<ConnectorError>();
    QVERIFY2(error, "the sign-in succeeded");
    QCOMPARE(ConnectorError::kindName(error.kind()), kind);
    QVERIFY2(error.message().contains(oauthError), qPrintable(describe(error)));
    const QString status = labelStartingWith(dialog, u"Not signed in:"_s);
    QVERIFY2(!status.isEmpty(), qPrintable(visibleLabels(dialog)));
    QCOMPARE(status, u"Not signed in: "_s + error.message());

    // The consent screen approved; /token refused the exchange, once.
    QCOMPARE(m_fake->authRequests().size(), 1);
    QVERIFY(m_fake->authRequests().first().error.isEmpty());
    const QList<FakeGoogle::TokenRequest> exchanges = m_fake->tokenRequests();
    QCOMPARE(exchanges.size(), 1);
    QCOMPARE(exchanges.first().grantType, u"authorization_code"_s);
    QCOMPARE(exchanges.first().error, oauthError);
    QCOMPARE(m_fake->authorizationCodeGrants(), 0);
    QVERIFY(m_fake->requests(u"/gmail/v1/"_s).isEmpty());

    QString readError;
    QVERIFY2(!readStored(tokenKey(*m_fake), &readError), "tokens were stored after a refused exchange");
    QVERIFY2(readError.isEmpty(), qPrintable(readError));
    QCOMPARE(opened.size(), 1);
    QVERIFY(button->isEnabled());
    QVERIFY(!dialog.isSigningIn());
}

// No session bus: the sign-in ends with the keychain's own sentence in the
// status, not a wait. Today the keychain is first touched when the tokens are
// stored, so the browser step runs first (and the tokens Google issued are dropped).
void TestSettingsGoogle::noKeychainShowsError()
{
    const QString wrong = wrongEnvironment(u"no-bus"_s);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));

    // Without a keychain the tokens could not be kept: the sign-in ends before
    // the browser is opened, so nobody goes through Google's consent for nothing.
    QList<QUrl> opened;
    SettingsDialog dialog;
    setUpDialog(&dialog);
    if (QTest::currentTestFailed())
        return;
    dialog.setUrlOpener([&opened](const QUrl &url) { opened.append(url); });
    QPushButton *button = signInButton(dialog);
    QVERIFY(button);
    QSignalSpy finished(&dialog, &SettingsDialog::signInFinished);

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(finished.wait(SignInWaitMs));
    QCOMPARE(finished.size(), 1);
    const auto error = finished.first().first().value<ConnectorError>();
    QCOMPARE(error.kind(), ConnectorError::Kind::Config);
    QVERIFY2(error.message().contains("keychain"_L1, Qt::CaseInsensitive), qPrintable(describe(error)));
    const QString status = labelStartingWith(dialog, u"Not signed in:"_s);
    QVERIFY2(!status.isEmpty(), qPrintable(visibleLabels(dialog)));
    QCOMPARE(status, u"Not signed in: "_s + error.message());
    QVERIFY(!status.contains("Signed in as"_L1));
    QVERIFY(button->isEnabled());
    QVERIFY(!dialog.isSigningIn());
    QCOMPARE(opened.size(), 0);
}

QTEST_MAIN(TestSettingsGoogle)
#include "tst_settingsgoogle.moc"
