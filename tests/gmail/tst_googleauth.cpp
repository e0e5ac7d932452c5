// GoogleAuth against FakeGoogle (Google's OAuth endpoints on loopback), with
// the tokens in a real Secret Service. The test plays the browser: it takes
// the URL from authorizationUrlReady, GETs it on the fake without following
// the redirect, then GETs the Location on GoogleAuth's loopback listener.
//
// One executable, two suites, chosen by MACHINA_KEYCHAIN_MODE (as in
// tests/keychain):
//   keyring   under with-keyring.sh: sign-in, refresh, revocation, failures
//   no-bus    no session bus: the keychain's Config error comes back as is

#include "fakegoogle.h"
#include "gmail/googleauth.h"
#include "secrets/credentialstore.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace machina;

namespace {

// ---- log capture (every message, whatever the category) ----

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "default") + QStringLiteral(": ") + message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString capturedLog()
{
    QMutexLocker lock(&g_logMutex);
    return g_log.join(QLatin1Char('\n'));
}

void clearLog()
{
    QMutexLocker lock(&g_logMutex);
    g_log.clear();
}

// ---- helpers ----

QString describe(const ConnectorReply *reply)
{
    return ConnectorError::kindName(reply->error().kind()) + QStringLiteral(": ") + reply->error().message();
}

/// Waits for the reply's single finished(); false on timeout.
[[nodiscard]] bool finishes(ConnectorReply *reply, int timeoutMs = 15000)
{
    QSignalSpy spy(reply, &ConnectorReply::finished);
    if (!spy.wait(timeoutMs))
        return false;
    QTest::qWait(0);   // a second finished() would be queued by now
    return spy.count() == 1 && reply->isFinished();
}

/// Is anything listening on 127.0.0.1:port?
bool isListening(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    return socket.waitForConnected(2000);
}

QString queryValue(const QUrl &url, const QString &name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

struct HttpResult
{
    int status = 0;
    QByteArray location;   ///< as sent
    QByteArray body;
};

HttpResult httpGet(QNetworkAccessManager *nam, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(nam->get(request));
    QSignalSpy spy(reply.get(), &QNetworkReply::finished);
    HttpResult result;
    if (!reply->isFinished() && !spy.wait(10000))
        return result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.location = reply->rawHeader("Location");
    result.body = reply->readAll();
    return result;
}

/// The test as the person at the browser.
struct Browser
{
    QNetworkAccessManager nam;
    HttpResult consent;    ///< the fake's consent screen (a 302 to our loopback)
    HttpResult callback;   ///< our loopback listener's page

    /// Visits @p authorizationUrl; @p tamper may rewrite the redirect before it is followed.
    bool play(const QUrl &authorizationUrl, const std::function<QByteArray(QByteArray)> &tamper = {})
    {
        consent = httpGet(&nam, authorizationUrl);
        if (consent.status != 302 || consent.location.isEmpty()) {
            qWarning() << "consent screen answered" << consent.status << consent.body.left(300);
            return false;
        }
        const QByteArray location = tamper ? tamper(consent.location) : consent.location;
        callback = httpGet(&nam, QUrl::fromEncoded(location, QUrl::StrictMode));
        return callback.status == 200;
    }
};

GoogleClientSecrets clientFor(const FakeGoogle &fake)
{
    const GoogleClientSecrets::Result result = GoogleClientSecrets::fromJson(fake.clientSecretsJson(), QStringLiteral("fake"));
    return result.secrets.value_or(GoogleClientSecrets{});
}

} // namespace

// ============================================================================

/** GoogleAuth with a real, unlocked gnome-keyring-daemon. */
class TestGoogleAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstSignInStoresTokens();
    void tamperedStateIsRefused();
    void restartWithoutBrowserRefreshes();
    void validStoredTokensNeedNoNetwork();
    void refreshKeepsStoredRefreshToken();
    void concurrentRefreshesShareOnePost();
    void revokedRefreshTokenIsDeleted();
    void revokedOnRestartWithoutBrowser();
    void notSignedInWithoutBrowser();
    void deniedConsent();
    void fewerScopesGranted();
    void signInTimesOut();
    void destroyedDuringSignIn();
    void signInAgainWhenSignedIn();
    void signOutDeletesTokens();
    void unacceptableUrlIsConfigError();
    void logsCarryNoSecrets();

private:
    std::unique_ptr<GoogleAuth> newAuth();
    /// Runs @p reply's interactive sign-in through the browser; the reply is finished after.
    bool signInThroughBrowser(GoogleAuth *auth, ConnectorReply *reply, Browser *browser,
                              const std::function<QByteArray(QByteArray)> &tamper = {});
    std::optional<QByteArray> storedSecret();   ///< nullopt when the keychain has no entry
    void writeStored(const GoogleTokens &tokens);
    /// Signs in once and returns the tokens; the fake and the keychain then hold them.
    GoogleTokens signedIn();

    std::unique_ptr<FakeGoogle> m_fake;
    std::unique_ptr<CredentialStore> m_store;
};

void TestGoogleAuth::initTestCase()
{
    QVERIFY2(qEnvironmentVariable("MACHINA_TEST_KEYRING") == QLatin1String("1"),
             "run under tests/keychain/with-keyring.sh (ctest does)");
    g_previousHandler = qInstallMessageHandler(captureMessage);
}

void TestGoogleAuth::init()
{
    m_fake = std::make_unique<FakeGoogle>();
    QVERIFY(m_fake->listen());
    m_store = std::make_unique<CredentialStore>();
    // Each test starts without stored tokens (one client id for all of them).
    std::unique_ptr<CredentialReply> deletion(m_store->deleteSecret(CredentialStore::googleTokenKey(m_fake->clientId())));
    QVERIFY(finishes(deletion.get()));
    QVERIFY2(!deletion->error(), qPrintable(describe(deletion.get())));
    clearLog();
}

void TestGoogleAuth::cleanup()
{
    QLoggingCategory::setFilterRules(QString());
    m_store.reset();
    m_fake.reset();
}

std::unique_ptr<GoogleAuth> TestGoogleAuth::newAuth()
{
    auto auth = std::make_unique<GoogleAuth>(clientFor(*m_fake), m_store.get());
    auth->setNoBrowser(true);   // never start xdg-open from a test
    return auth;
}

bool TestGoogleAuth::signInThroughBrowser(GoogleAuth *auth, ConnectorReply *reply, Browser *browser,
                                          const std::function<QByteArray(QByteArray)> &tamper)
{
    QSignalSpy urlSpy(auth, &GoogleAuth::authorizationUrlReady);
    QSignalSpy finishedSpy(reply, &ConnectorReply::finished);
    if (!urlSpy.wait(10000)) {
        qWarning("no authorizationUrlReady");
        return false;
    }
    if (urlSpy.count() != 1)
        return false;
    const QUrl url = urlSpy.at(0).at(0).toUrl();
    browser->play(url, tamper);   // the page may legitimately refuse (denied, tampered)
    if (finishedSpy.isEmpty() && !finishedSpy.wait(15000)) {
        qWarning("the sign-in did not finish");
        return false;
    }
    return reply->isFinished() && finishedSpy.count() == 1;
}

std::optional<QByteArray> TestGoogleAuth::storedSecret()
{
    std::unique_ptr<CredentialReply> read(m_store->readSecret(CredentialStore::googleTokenKey(m_fake->clientId())));
    if (!finishes(read.get()) || read->error()) {
        qWarning() << "keychain read failed:" << describe(read.get());
        return QByteArray("<keychain read failed>");
    }
    if (read->notFound())
        return std::nullopt;
    return read->secret();
}

void TestGoogleAuth::writeStored(const GoogleTokens &tokens)
{
    std::unique_ptr<CredentialReply> write(m_store->writeSecret(CredentialStore::googleTokenKey(m_fake->clientId()),
                                                                tokens.toJson()));
    QVERIFY(finishes(write.get()));
    QVERIFY2(!write->error(), qPrintable(describe(write.get())));
}

GoogleTokens TestGoogleAuth::signedIn()
{
    auto auth = newAuth();
    Browser browser;
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(true));
    if (!signInThroughBrowser(auth.get(), reply.get(), &browser) || reply->error()) {
        qWarning() << "sign-in failed:" << describe(reply.get());
        return {};
    }
    return auth->tokens();
}

// ---- the first sign-in ----

void TestGoogleAuth::firstSignInStoresTokens()
{
    auto auth = newAuth();
    QSignalSpy changed(auth.get(), &GoogleAuth::tokensChanged);
    Browser browser;
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(true));
    QVERIFY(!reply->isFinished());
    QVERIFY(signInThroughBrowser(auth.get(), reply.get(), &browser));
    QVERIFY2(!reply->error(), qPrintable(describe(reply.get())));

    // C: GET /o/oauth2/auth?... : what we asked for
    QCOMPARE(m_fake->authRequests().size(), 1);
    const FakeGoogle::AuthRequest consent = m_fake->authRequests().constFirst();
    QVERIFY2(consent.error.isEmpty(), qPrintable(consent.error));
    QCOMPARE(consent.clientId, m_fake->clientId());
    QCOMPARE(consent.responseType, QStringLiteral("code"));
    QCOMPARE(consent.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts), GoogleAuth::requiredScopes());
    QCOMPARE(consent.codeChallengeMethod, QStringLiteral("S256"));
    QCOMPARE(consent.codeChallenge.size(), 43);
    QCOMPARE(consent.accessType, QStringLiteral("offline"));
    QCOMPARE(consent.query.value(QStringLiteral("prompt")), QStringLiteral("consent"));
    // Our own state: 43 unreserved characters, not 6.4's 8.
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9._~-]{43}$")).match(consent.state).hasMatch(),
             qPrintable(consent.state));
    // Loopback redirect on a port the system picked, our callback path.
    const QRegularExpressionMatch redirect =
        QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:(\\d+)/oauth2callback$")).match(consent.redirectUri);
    QVERIFY2(redirect.hasMatch(), qPrintable(consent.redirectUri));
    const quint16 port = quint16(redirect.captured(1).toUInt());
    QVERIFY(port > 1024);
    // Google's redirect carries the code percent-encoded (4%2F0A...).
    QVERIFY2(browser.consent.location.contains("code=4%2F0A"), browser.consent.location.constData());
    QVERIFY(consent.code.startsWith(QStringLiteral("4/0A")));
    // The page the person sees sends them back to the app.
    QVERIFY2(browser.callback.body.contains("return to the application"), browser.callback.body.constData());

    // C: POST /token grant_type=authorization_code
    QCOMPARE(m_fake->tokenRequests().size(), 1);
    const FakeGoogle::TokenRequest exchange = m_fake->tokenRequests().constFirst();
    QCOMPARE(exchange.grantType, QStringLiteral("authorization_code"));
    QVERIFY2(exchange.status == 200, qPrintable(exchange.error + QStringLiteral(": ") + exchange.errorDescription));
    QCOMPARE(exchange.form.value(QStringLiteral("code")), consent.code);   // encoded once, not twice
    QCOMPARE(exchange.form.value(QStringLiteral("redirect_uri")), consent.redirectUri);
    const QString verifier = exchange.form.value(QStringLiteral("code_verifier"));
    QCOMPARE(verifier.size(), 64);   // and the fake checked it against the challenge
    QCOMPARE(exchange.form.value(QStringLiteral("client_secret")), m_fake->clientSecret());
    QCOMPARE(m_fake->authorizationCodeGrants(), 1);

    // What GoogleAuth holds now
    const GoogleTokens tokens = auth->tokens();
    QVERIFY(tokens.accessToken.startsWith(QStringLiteral("ya29.")));
    QVERIFY(tokens.refreshToken.startsWith(QStringLiteral("1//")));
    QCOMPARE(tokens.expiresAt.timeSpec(), Qt::UTC);
    QVERIFY(!tokens.isExpired());
    QVERIFY(tokens.expiresAt <= QDateTime::currentDateTimeUtc().addSecs(3600));
    QCOMPARE(tokens.grantedScopes, GoogleAuth::requiredScopes());
    QVERIFY(changed.count() >= 1);

    // ... and the keychain
    const std::optional<QByteArray> stored = storedSecret();
    QVERIFY(stored);
    const std::optional<GoogleTokens> parsed = GoogleTokens::fromJson(*stored);
    QVERIFY(parsed);
    QCOMPARE(parsed->accessToken, tokens.accessToken);
    QCOMPARE(parsed->refreshToken, tokens.refreshToken);
    QCOMPARE(parsed->expiresAt, tokens.expiresAt);
    QCOMPARE(parsed->grantedScopes, tokens.grantedScopes);

    // The listener is gone.
    QVERIFY(!isListening(port));
}

void TestGoogleAuth::tamperedStateIsRefused()
{
    auto auth = newAuth();
    Browser browser;
    std::unique_ptr<ConnectorReply> reply(auth->signIn());
    QString redirectUri;
    QVERIFY(signInThroughBrowser(auth.get(), reply.get(), &browser, [&](QByteArray location) {
        const QUrl url = QUrl::fromEncoded(location);
        redirectUri = url.toString(QUrl::RemoveQuery);
        return location.replace("state=", "state=forged");
    }));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Auth);
    QVERIFY2(reply->error().message().contains(QStringLiteral("state")), qPrintable(describe(reply.get())));
    QVERIFY(m_fake->tokenRequests().isEmpty());   // the code was never exchanged
    QVERIFY(!auth->tokens().isValid());
    QVERIFY(!storedSecret());
    QVERIFY(!isListening(QUrl(redirectUri).port()));
}

// ---- later starts ----

void TestGoogleAuth::restartWithoutBrowserRefreshes()
{
    const GoogleTokens first = signedIn();
    QVERIFY(first.isValid());

    // The access token expired while the app was not running.
    GoogleTokens expired = first;
    expired.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    writeStored(expired);
    m_fake->expireAccessTokens();
    m_fake->clearRecords();

    auto auth = newAuth();
    QSignalSpy urlSpy(auth.get(), &GoogleAuth::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(false));
    QVERIFY(finishes(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(describe(reply.get())));
    QCOMPARE(urlSpy.count(), 0);
    QVERIFY(m_fake->authRequests().isEmpty());

    // C: POST /token grant_type=refresh_token
    QCOMPARE(m_fake->tokenRequests().size(), 1);
    const FakeGoogle::TokenRequest refresh = m_fake->tokenRequests().constFirst();
    QCOMPARE(refresh.grantType, QStringLiteral("refresh_token"));
    QCOMPARE(refresh.status, 200);
    QCOMPARE(refresh.form.value(QStringLiteral("refresh_token")), first.refreshToken);
    QCOMPARE(refresh.form.value(QStringLiteral("client_id")), m_fake->clientId());
    QCOMPARE(refresh.form.value(QStringLiteral("client_secret")), m_fake->clientSecret());

    const GoogleTokens tokens = auth->tokens();
    QVERIFY(tokens.accessToken != first.accessToken);
    QVERIFY(!tokens.isExpired());
    QCOMPARE(tokens.refreshToken, first.refreshToken);   // the reply had none: kept
    const std::optional<GoogleTokens> stored = GoogleTokens::fromJson(storedSecret().value_or(QByteArray()));
    QVERIFY(stored);
    QCOMPARE(stored->accessToken, tokens.accessToken);
    QCOMPARE(stored->refreshToken, first.refreshToken);

    // Valid now: no network for the next caller.
    std::unique_ptr<ConnectorReply> again(auth->ensureSignedIn(false));
    QVERIFY(finishes(again.get()));
    QVERIFY2(!again->error(), qPrintable(describe(again.get())));
    QCOMPARE(m_fake->tokenRequests().size(), 1);
}

void TestGoogleAuth::validStoredTokensNeedNoNetwork()
{
    const GoogleTokens first = signedIn();
    QVERIFY(first.isValid());
    m_fake->clearRecords();
    const int connections = m_fake->connectionCount();

    auto auth = newAuth();
    QSignalSpy urlSpy(auth.get(), &GoogleAuth::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(false));
    QVERIFY(finishes(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(describe(reply.get())));
    QCOMPARE(auth->tokens().accessToken, first.accessToken);
    QCOMPARE(urlSpy.count(), 0);
    QCOMPARE(m_fake->connectionCount(), connections);
    QVERIFY(m_fake->requests().isEmpty());
}

void TestGoogleAuth::refreshKeepsStoredRefreshToken()
{
    const GoogleTokens first = signedIn();
    QVERIFY(first.isValid());
    m_fake->clearRecords();

    auto auth = newAuth();
    std::unique_ptr<ConnectorReply> reply(auth->refresh());   // after a 401, say
    QVERIFY(finishes(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(describe(reply.get())));
    QCOMPARE(m_fake->refreshGrants(), 1);
    QVERIFY(!m_fake->tokenRequests().constFirst().reply.contains("refresh_token"));
    QVERIFY(auth->tokens().accessToken != first.accessToken);
    QCOMPARE(auth->tokens().refreshToken, first.refreshToken);
    QCOMPARE(auth->tokens().grantedScopes, GoogleAuth::requiredScopes());
    const std::optional<GoogleTokens> stored = GoogleTokens::fromJson(storedSecret().value_or(QByteArray()));
    QVERIFY(stored);
    QCOMPARE(stored->refreshToken, first.refreshToken);
    QCOMPARE(stored->accessToken, auth->tokens().accessToken);
}

void TestGoogleAuth::concurrentRefreshesShareOnePost()
{
    QVERIFY(signedIn().isValid());
    m_fake->clearRecords();

    auto auth = newAuth();
    std::unique_ptr<ConnectorReply> a(auth->refresh());
    std::unique_ptr<ConnectorReply> b(auth->refresh());
    std::unique_ptr<ConnectorReply> c(auth->refresh());
    QVERIFY(finishes(a.get()));
    QTRY_VERIFY(b->isFinished() && c->isFinished());
    QVERIFY2(!a->error() && !b->error() && !c->error(), qPrintable(describe(b.get())));
    QCOMPARE(m_fake->refreshGrants(), 1);
}

void TestGoogleAuth::revokedRefreshTokenIsDeleted()
{
    QVERIFY(signedIn().isValid());
    m_fake->revokeRefreshTokens();

    auto auth = newAuth();
    QSignalSpy urlSpy(auth.get(), &GoogleAuth::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> reply(auth->refresh());
    QVERIFY(finishes(reply.get()));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Auth);
    QVERIFY2(reply->error().message().contains(QStringLiteral("sign in again")), qPrintable(describe(reply.get())));
    QCOMPARE(m_fake->tokenRequests().constLast().error, QStringLiteral("invalid_grant"));
    QVERIFY(!auth->tokens().isValid());
    QVERIFY(auth->tokens().refreshToken.isEmpty());
    QVERIFY(!storedSecret());
    QCOMPARE(urlSpy.count(), 0);

    // Nothing left to use without the browser.
    std::unique_ptr<ConnectorReply> ensure(auth->ensureSignedIn(false));
    QVERIFY(finishes(ensure.get()));
    QCOMPARE(ensure->error().kind(), ConnectorError::Kind::Auth);
    QVERIFY2(ensure->error().message().contains(QStringLiteral("not signed in to Google")), qPrintable(describe(ensure.get())));
}

void TestGoogleAuth::revokedOnRestartWithoutBrowser()
{
    GoogleTokens expired = signedIn();
    QVERIFY(expired.isValid());
    expired.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    writeStored(expired);
    m_fake->revokeRefreshTokens();

    auto auth = newAuth();
    QSignalSpy urlSpy(auth.get(), &GoogleAuth::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(false));
    QVERIFY(finishes(reply.get()));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Auth);
    QVERIFY2(reply->error().message().contains(QStringLiteral("machina-mail gmail-login")), qPrintable(describe(reply.get())));
    QCOMPARE(urlSpy.count(), 0);
    QVERIFY(!storedSecret());
}

void TestGoogleAuth::notSignedInWithoutBrowser()
{
    auto auth = newAuth();
    QSignalSpy urlSpy(auth.get(), &GoogleAuth::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(false));
    QVERIFY(finishes(reply.get()));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Auth);
    QCOMPARE(reply->error().message(), QStringLiteral("not signed in to Google: run `machina-mail gmail-login`"));
    QCOMPARE(urlSpy.count(), 0);
    QVERIFY(m_fake->requests().isEmpty());
}

// ---- the person at the browser says no, or not everything ----

void TestGoogleAuth::deniedConsent()
{
    m_fake->setConsent(FakeGoogle::Consent::Deny);
    auto auth = newAuth();
    Browser browser;
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(true));
    QVERIFY(signInThroughBrowser(auth.get(), reply.get(), &browser));
    QVERIFY(browser.consent.location.contains("error=access_denied"));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Auth);
    QVERIFY2(reply->error().message().startsWith(QStringLiteral("Google sign-in was denied")), qPrintable(describe(reply.get())));
    QVERIFY(m_fake->tokenRequests().isEmpty());
    QVERIFY(!storedSecret());
}

void TestGoogleAuth::fewerScopesGranted()
{
    m_fake->setConsent(FakeGoogle::Consent::GrantFewerScopes);
    auto auth = newAuth();
    Browser browser;
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(true));
    QVERIFY(signInThroughBrowser(auth.get(), reply.get(), &browser));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Auth);
    const QString message = reply->error().message();
    QVERIFY2(message.contains(QStringLiteral("gmail.modify")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("gmail.send")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("tick")), qPrintable(message));
    QCOMPARE(m_fake->authorizationCodeGrants(), 1);
    QVERIFY(!auth->tokens().isValid());
    QVERIFY(!storedSecret());
}

void TestGoogleAuth::signInTimesOut()
{
    auto auth = newAuth();
    auth->setSignInTimeout(300);
    QSignalSpy urlSpy(auth.get(), &GoogleAuth::authorizationUrlReady);
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(true));
    QVERIFY(finishes(reply.get(), 5000));   // nobody plays the browser
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Auth);
    QVERIFY2(reply->error().message().contains(QStringLiteral("not completed within 0.3 s")), qPrintable(describe(reply.get())));
    QCOMPARE(urlSpy.count(), 1);
    const QUrl redirect(queryValue(urlSpy.at(0).at(0).toUrl(), QStringLiteral("redirect_uri")));
    QVERIFY(redirect.port() > 0);
    QVERIFY(!isListening(quint16(redirect.port())));
}

void TestGoogleAuth::destroyedDuringSignIn()
{
    auto auth = newAuth();
    QSignalSpy urlSpy(auth.get(), &GoogleAuth::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(true));
    std::unique_ptr<ConnectorReply> queued(auth->refresh());
    QVERIFY(urlSpy.wait(5000));
    const QUrl redirect(queryValue(urlSpy.at(0).at(0).toUrl(), QStringLiteral("redirect_uri")));
    QVERIFY(isListening(quint16(redirect.port())));
    auth.reset();   // the application quits with the browser still open
    QVERIFY(finishes(reply.get()));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Aborted);
    QVERIFY(queued->isFinished());   // its finished() came with the first one's
    QCOMPARE(queued->error().kind(), ConnectorError::Kind::Aborted);
    QVERIFY(!isListening(quint16(redirect.port())));
}

void TestGoogleAuth::signInAgainWhenSignedIn()
{
    const GoogleTokens first = signedIn();
    QVERIFY(first.isValid());

    auto auth = newAuth();
    Browser browser;
    std::unique_ptr<ConnectorReply> reply(auth->signIn());   // tokens stored, browser anyway
    QVERIFY(signInThroughBrowser(auth.get(), reply.get(), &browser));
    QVERIFY2(!reply->error(), qPrintable(describe(reply.get())));
    QVERIFY(auth->tokens().refreshToken != first.refreshToken);
    const std::optional<GoogleTokens> stored = GoogleTokens::fromJson(storedSecret().value_or(QByteArray()));
    QVERIFY(stored);
    QCOMPARE(stored->refreshToken, auth->tokens().refreshToken);
}

void TestGoogleAuth::signOutDeletesTokens()
{
    QVERIFY(signedIn().isValid());
    auto auth = newAuth();
    std::unique_ptr<ConnectorReply> ensure(auth->ensureSignedIn(false));
    QVERIFY(finishes(ensure.get()));
    QVERIFY(auth->tokens().isValid());

    std::unique_ptr<ConnectorReply> reply(auth->signOut());
    QVERIFY(finishes(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(describe(reply.get())));
    QVERIFY(!auth->tokens().isValid());
    QVERIFY(!storedSecret());
}

void TestGoogleAuth::unacceptableUrlIsConfigError()
{
    GoogleClientSecrets client = clientFor(*m_fake);
    client.authUri = QUrl(QStringLiteral("http://accounts.example.com/o/oauth2/auth"));   // plain http, not loopback
    GoogleAuth auth(client, m_store.get());
    auth.setNoBrowser(true);
    QSignalSpy urlSpy(&auth, &GoogleAuth::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> reply(auth.ensureSignedIn(true));
    QVERIFY(finishes(reply.get()));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Config);
    QVERIFY2(reply->error().message().contains(QStringLiteral("auth_uri")), qPrintable(describe(reply.get())));
    QCOMPARE(urlSpy.count(), 0);
}

void TestGoogleAuth::logsCarryNoSecrets()
{
    QLoggingCategory::setFilterRules(QStringLiteral("machina.oauth.debug=true"));
    clearLog();

    // Sign in, refresh, get revoked: everything that handles a secret.
    auto auth = newAuth();
    Browser browser;
    std::unique_ptr<ConnectorReply> reply(auth->ensureSignedIn(true));
    QVERIFY(signInThroughBrowser(auth.get(), reply.get(), &browser));
    QVERIFY2(!reply->error(), qPrintable(describe(reply.get())));
    const GoogleTokens first = auth->tokens();
    std::unique_ptr<ConnectorReply> refresh(auth->refresh());
    QVERIFY(finishes(refresh.get()));
    QVERIFY2(!refresh->error(), qPrintable(describe(refresh.get())));
    const GoogleTokens second = auth->tokens();
    m_fake->revokeRefreshTokens();
    std::unique_ptr<ConnectorReply> revoked(auth->refresh());
    QVERIFY(finishes(revoked.get()));
    QCOMPARE(revoked->error().kind(), ConnectorError::Kind::Auth);

    const FakeGoogle::TokenRequest exchange = m_fake->tokenRequests().constFirst();
    QStringList secrets = {first.accessToken, first.refreshToken, second.accessToken, m_fake->clientSecret(),
                           exchange.form.value(QStringLiteral("code")), exchange.form.value(QStringLiteral("code_verifier"))};
    // The code as it travelled too, and the tails of the tokens (no partial leaks either).
    secrets.append(QString::fromLatin1(QUrl::toPercentEncoding(exchange.form.value(QStringLiteral("code")))));
    secrets.append(first.refreshToken.right(20));
    secrets.append(first.accessToken.right(20));

    const QString log = capturedLog();
    QVERIFY2(log.contains(QStringLiteral("machina.oauth")), "machina.oauth debug output was expected");
    for (const QString &secret : std::as_const(secrets)) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!log.contains(secret), qPrintable(QStringLiteral("a secret reached the log:\n") + log));
    }
    for (const ConnectorReply *r : {reply.get(), refresh.get(), revoked.get()}) {
        for (const QString &secret : std::as_const(secrets))
            QVERIFY(!r->error().message().contains(secret));
    }
}

// ============================================================================

/** No keychain at all: GoogleAuth reports the store's Config error as it is. */
class TestGoogleAuthNoKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keychainErrorPropagates_data();
    void keychainErrorPropagates();
};

void TestGoogleAuthNoKeychain::initTestCase()
{
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
}

void TestGoogleAuthNoKeychain::keychainErrorPropagates_data()
{
    QTest::addColumn<int>("call");
    QTest::addRow("ensureSignedIn(false)") << 0;
    QTest::addRow("ensureSignedIn(true)") << 1;
    QTest::addRow("refresh()") << 2;
}

void TestGoogleAuthNoKeychain::keychainErrorPropagates()
{
    QFETCH(int, call);
    FakeGoogle fake;
    QVERIFY(fake.listen());
    CredentialStore store;
    GoogleAuth auth(clientFor(fake), &store);
    auth.setNoBrowser(true);
    QSignalSpy urlSpy(&auth, &GoogleAuth::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> reply(call == 0 ? auth.ensureSignedIn(false)
                                          : call == 1 ? auth.ensureSignedIn(true)
                                                      : auth.refresh());
    QVERIFY(finishes(reply.get(), 30000));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Config);
    // The keychain's own sentence, not one of ours.
    QVERIFY2(!reply->error().message().contains(QStringLiteral("Google")), qPrintable(describe(reply.get())));
    QCOMPARE(urlSpy.count(), 0);   // no browser for a broken keychain
    QVERIFY(fake.requests().isEmpty());
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString mode = qEnvironmentVariable("MACHINA_KEYCHAIN_MODE");
    if (mode == QLatin1String("keyring")) {
        TestGoogleAuth test;
        return QTest::qExec(&test, argc, argv);
    }
    if (mode == QLatin1String("no-bus")) {
        TestGoogleAuthNoKeychain test;
        return QTest::qExec(&test, argc, argv);
    }
    qCritical("set MACHINA_KEYCHAIN_MODE to keyring (under with-keyring.sh) or no-bus");
    return 2;
}

#include "tst_googleauth.moc"
