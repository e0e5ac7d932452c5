// Self-test of FakeGoogle: a QNetworkAccessManager plays our Gmail client, and
// the browser for the consent screen (GET without following the redirect).

#include "fakegoogle.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Response
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QByteArray location;
    QByteArray retryAfter;
    QByteArray wwwAuthenticate;
};

struct Pkce
{
    QString verifier;
    QString challenge;
};

Pkce makePkce()
{
    static const char unreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    Pkce p;
    for (int i = 0; i < 64; ++i)
        p.verifier += QLatin1Char(unreserved[QRandomGenerator::global()->bounded(int(sizeof unreserved) - 1)]);
    p.challenge = QString::fromLatin1(QCryptographicHash::hash(p.verifier.toLatin1(), QCryptographicHash::Sha256)
                                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return p;
}

/// application/x-www-form-urlencoded, every reserved character encoded.
QByteArray form(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &f : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return out;
}

/// One query parameter of a Location header, as sent (still percent-encoded).
QByteArray rawParam(const QByteArray &location, const QByteArray &name)
{
    const QByteArray query = location.mid(location.indexOf('?') + 1);
    for (const QByteArray &pair : query.split('&')) {
        if (pair.startsWith(name + '='))
            return pair.mid(name.size() + 1);
    }
    return {};
}

QString param(const QByteArray &location, const QByteArray &name)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(rawParam(location, name)));
}

const QString Redirect = u"http://127.0.0.1:53682/oauth2callback"_s;

const QByteArray Mail1 = "From: Alice <alice@example.com>\r\n"
                         "To: machina.test@gmail.com\r\n"
                         "Subject: =?UTF-8?B?R3LDvMOfZQ==?= from =?UTF-8?Q?Z=C3=BCrich?=\r\n"
                         "Message-ID: <m1@example.com>\r\n"
                         "Content-Type: text/plain; charset=UTF-8\r\n"
                         "\r\n"
                         "It's a test, <b>not</b> HTML.\r\n";

} // namespace

class TestFakeGoogle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void clientSecretsJson();
    void authorizationCodeFlow();
    void pkceVerifier();
    void codeEncodedTwice();
    void redirectUriMustBeEqual();
    void consentScreenRefusals_data();
    void consentScreenRefusals();
    void consentDenied();
    void fewerScopesGranted();
    void bearerRequired();
    void refreshHasNoRefreshToken();
    void revokedRefreshToken();
    void pagination();
    void rateLimited();
    void serviceUnavailableAndDrop();
    void getRawAndMetadata();
    void sendToSelfAndModify();
    void sendErrors();
    void httpKeepAliveAndClose();

private:
    Response get(const QString &path, const QString &token = {}, const QUrlQuery &query = {});
    Response post(const QUrl &url, const QByteArray &body, const QByteArray &contentType, const QString &token = {});
    Response finish(QNetworkReply *reply);
    /// The browser: GET the consent screen, do not follow the redirect.
    Response visitConsent(const Pkce &pkce, const QString &redirectUri = Redirect,
                          const QStringList &scopes = {FakeGoogle::scopeSend(), FakeGoogle::scopeModify()});
    Response exchange(const QString &code, const QString &verifier, const QString &redirectUri = Redirect);
    /// Signs in through the browser and the token endpoint; the access token.
    QString signIn();

    std::unique_ptr<FakeGoogle> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestFakeGoogle::init()
{
    m_fake = std::make_unique<FakeGoogle>();
    QVERIFY(m_fake->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestFakeGoogle::cleanup()
{
    m_nam.reset();
    m_fake.reset();
}

Response TestFakeGoogle::finish(QNetworkReply *reply)
{
    Response r;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(5000)) {
        reply->abort();
        delete reply;
        qWarning("request timed out");
        return r;
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.location = reply->rawHeader("Location");
    r.retryAfter = reply->rawHeader("Retry-After");
    r.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
    delete reply;
    return r;
}

Response TestFakeGoogle::get(const QString &path, const QString &token, const QUrlQuery &query)
{
    QUrl url = m_fake->gmailApiUrl();
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return finish(m_nam->get(request));
}

Response TestFakeGoogle::post(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                              const QString &token)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return finish(m_nam->post(request, body));
}

Response TestFakeGoogle::visitConsent(const Pkce &pkce, const QString &redirectUri, const QStringList &scopes)
{
    QUrlQuery query;
    query.addQueryItem(u"response_type"_s, u"code"_s);
    query.addQueryItem(u"client_id"_s, m_fake->clientId());
    query.addQueryItem(u"redirect_uri"_s, redirectUri);
    query.addQueryItem(u"scope"_s, scopes.join(u' '));
    query.addQueryItem(u"state"_s, u"st4te-Abc_123~"_s);
    query.addQueryItem(u"code_challenge"_s, pkce.challenge);
    query.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    query.addQueryItem(u"access_type"_s, u"offline"_s);
    QUrl url = m_fake->authUri();
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return finish(m_nam->get(request));
}

Response TestFakeGoogle::exchange(const QString &code, const QString &verifier, const QString &redirectUri)
{
    QList<QPair<QString, QString>> fields{{u"grant_type"_s, u"authorization_code"_s},
                                          {u"code"_s, code},
                                          {u"client_id"_s, m_fake->clientId()},
                                          {u"client_secret"_s, m_fake->clientSecret()},
                                          {u"redirect_uri"_s, redirectUri}};
    if (!verifier.isNull())
        fields.append({u"code_verifier"_s, verifier});
    return post(m_fake->tokenUri(), form(fields), "application/x-www-form-urlencoded");
}

QString TestFakeGoogle::signIn()
{
    const Pkce pkce = makePkce();
    const Response consent = visitConsent(pkce);
    const Response token = exchange(param(consent.location, "code"), pkce.verifier);
    return token.json.value(u"access_token"_s).toString();
}

void TestFakeGoogle::clientSecretsJson()
{
    const QJsonObject installed = QJsonDocument::fromJson(m_fake->clientSecretsJson()).object().value(u"installed"_s).toObject();
    QCOMPARE(installed.value(u"client_id"_s).toString(), m_fake->clientId());
    QCOMPARE(installed.value(u"client_secret"_s).toString(), m_fake->clientSecret());
    QCOMPARE(QUrl(installed.value(u"auth_uri"_s).toString()), m_fake->authUri());
    QCOMPARE(QUrl(installed.value(u"token_uri"_s).toString()), m_fake->tokenUri());
    QCOMPARE(m_fake->authUri().toString(), u"http://127.0.0.1:%1/o/oauth2/auth"_s.arg(m_fake->port()));
    QCOMPARE(installed.value(u"redirect_uris"_s).toArray(), QJsonArray{u"http://localhost"_s});
}

void TestFakeGoogle::authorizationCodeFlow()
{
    const Pkce pkce = makePkce();
    const Response consent = visitConsent(pkce);
    QCOMPARE(consent.status, 302);
    QVERIFY2(consent.location.startsWith(Redirect.toUtf8() + '?'), consent.location.constData());
    // Google sends the code already percent-encoded: "4%2F0A...".
    QVERIFY2(rawParam(consent.location, "code").startsWith("4%2F0A"), consent.location.constData());
    const QString code = param(consent.location, "code");
    QVERIFY(code.startsWith(u"4/0A"_s));
    QCOMPARE(param(consent.location, "state"), u"st4te-Abc_123~"_s);
    QCOMPARE(param(consent.location, "scope"), FakeGoogle::scopeSend() + u' ' + FakeGoogle::scopeModify());

    QCOMPARE(m_fake->authRequests().size(), 1);
    const FakeGoogle::AuthRequest auth = m_fake->authRequests().constFirst();
    QCOMPARE(auth.redirectUri, Redirect);
    QCOMPARE(auth.codeChallenge, pkce.challenge);
    QCOMPARE(auth.codeChallengeMethod, u"S256"_s);
    QCOMPARE(auth.accessType, u"offline"_s);
    QCOMPARE(auth.state, u"st4te-Abc_123~"_s);
    QCOMPARE(auth.code, code);
    QVERIFY(auth.error.isEmpty());

    const Response token = exchange(code, pkce.verifier);
    QCOMPARE(token.status, 200);
    QVERIFY(token.json.value(u"access_token"_s).toString().startsWith(u"ya29."_s));
    QCOMPARE(token.json.value(u"expires_in"_s).toInt(), 3599);
    QVERIFY(!token.json.value(u"refresh_token"_s).toString().isEmpty());
    QCOMPARE(token.json.value(u"scope"_s).toString(), FakeGoogle::scopeSend() + u' ' + FakeGoogle::scopeModify());
    QCOMPARE(token.json.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(m_fake->authorizationCodeGrants(), 1);

    // Codes are single-use.
    const Response again = exchange(code, pkce.verifier);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.json.value(u"error"_s).toString(), u"invalid_grant"_s);
    QCOMPARE(again.json.value(u"error_description"_s).toString(), u"Bad Request"_s);
    QCOMPARE(m_fake->authorizationCodeGrants(), 1);

    QCOMPARE(m_fake->tokenRequests().size(), 2);
    QCOMPARE(m_fake->tokenRequests().constFirst().form.value(u"code"_s), code);
    QCOMPARE(m_fake->tokenRequests().constLast().error, u"invalid_grant"_s);
    // Qt sends a Content-Length (never chunked) with a form body.
    const FakeGoogle::Request posted = m_fake->requests(u"/token"_s).constFirst();
    QCOMPARE(posted.header("content-length").toInt(), int(posted.body.size()));
    QVERIFY(posted.header("Transfer-Encoding").isEmpty());

    const Response profile = get(u"/gmail/v1/users/me/profile"_s, token.json.value(u"access_token"_s).toString());
    QCOMPARE(profile.status, 200);
    QCOMPARE(profile.json.value(u"emailAddress"_s).toString(), m_fake->emailAddress());
    QVERIFY(profile.json.value(u"historyId"_s).isString());
}

void TestFakeGoogle::pkceVerifier()
{
    const Pkce pkce = makePkce();
    const QString code = param(visitConsent(pkce).location, "code");

    Response r = exchange(code, makePkce().verifier);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"error"_s).toString(), u"invalid_grant"_s);
    QCOMPARE(r.json.value(u"error_description"_s).toString(), u"Invalid code verifier."_s);

    r = exchange(code, QString());
    QCOMPARE(r.json.value(u"error_description"_s).toString(), u"Missing code verifier."_s);

    // The challenge itself is not the verifier.
    r = exchange(code, pkce.challenge);
    QCOMPARE(r.json.value(u"error_description"_s).toString(), u"Invalid code verifier."_s);

    // Failed attempts leave the code usable.
    r = exchange(code, pkce.verifier);
    QCOMPARE(r.status, 200);
    QCOMPARE(m_fake->authorizationCodeGrants(), 1);
}

void TestFakeGoogle::codeEncodedTwice()
{
    const Pkce pkce = makePkce();
    const Response consent = visitConsent(pkce);
    // What QOAuth2AuthorizationCodeFlow 6.4 does: the code as received ("4%2F..."), encoded again.
    const QString stillEncoded = QString::fromLatin1(rawParam(consent.location, "code"));
    const Response r = exchange(stillEncoded, pkce.verifier);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"error"_s).toString(), u"invalid_grant"_s);
    QCOMPARE(r.json.value(u"error_description"_s).toString(), u"Malformed auth code."_s);
    QCOMPARE(exchange(param(consent.location, "code"), pkce.verifier).status, 200);
}

void TestFakeGoogle::redirectUriMustBeEqual()
{
    const Pkce pkce = makePkce();
    const QString code = param(visitConsent(pkce).location, "code");
    for (const QString &other : {u"http://127.0.0.1:53683/oauth2callback"_s, u"http://127.0.0.1:53682/oauth2callback/"_s,
                                 u"http://localhost:53682/oauth2callback"_s}) {
        const Response r = exchange(code, pkce.verifier, other);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value(u"error"_s).toString(), u"redirect_uri_mismatch"_s);
    }
    QCOMPARE(exchange(code, pkce.verifier, QString()).json.value(u"error"_s).toString(), u"invalid_request"_s);
    QCOMPARE(exchange(code, pkce.verifier).status, 200);
}

void TestFakeGoogle::consentScreenRefusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");   // null: leave the parameter out
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    QTest::addRow("no client_id") << u"client_id"_s << QString() << 400 << u"invalid_request"_s;
    QTest::addRow("unknown client_id") << u"client_id"_s << u"999-other.apps.googleusercontent.com"_s << 401
                                       << u"invalid_client"_s;
    QTest::addRow("no redirect_uri") << u"redirect_uri"_s << QString() << 400 << u"invalid_request"_s;
    QTest::addRow("redirect to the internet") << u"redirect_uri"_s << u"https://example.com/cb"_s << 400
                                              << u"redirect_uri_mismatch"_s;
    QTest::addRow("redirect without a port") << u"redirect_uri"_s << u"http://127.0.0.1/cb"_s << 400
                                             << u"redirect_uri_mismatch"_s;
    QTest::addRow("out-of-band is gone") << u"redirect_uri"_s << u"urn:ietf:wg:oauth:2.0:oob"_s << 400
                                         << u"redirect_uri_mismatch"_s;
    QTest::addRow("implicit flow") << u"response_type"_s << u"token"_s << 400 << u"unsupported_response_type"_s;
    QTest::addRow("no scope") << u"scope"_s << QString() << 400 << u"invalid_request"_s;
    QTest::addRow("no PKCE") << u"code_challenge"_s << QString() << 400 << u"invalid_request"_s;
    QTest::addRow("plain PKCE") << u"code_challenge_method"_s << u"plain"_s << 400 << u"invalid_request"_s;
    QTest::addRow("short challenge") << u"code_challenge"_s << u"abc"_s << 400 << u"invalid_request"_s;
    QTest::addRow("no state") << u"state"_s << QString() << 400 << u"invalid_request"_s;
}

void TestFakeGoogle::consentScreenRefusals()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(int, status);
    QFETCH(QString, error);

    const Pkce pkce = makePkce();
    QUrlQuery query;
    const QList<QPair<QString, QString>> good{{u"response_type"_s, u"code"_s},
                                              {u"client_id"_s, m_fake->clientId()},
                                              {u"redirect_uri"_s, Redirect},
                                              {u"scope"_s, FakeGoogle::scopeSend()},
                                              {u"state"_s, u"s"_s},
                                              {u"code_challenge"_s, pkce.challenge},
                                              {u"code_challenge_method"_s, u"S256"_s}};
    for (const auto &item : good) {
        if (item.first != name)
            query.addQueryItem(item.first, item.second);
        else if (!value.isNull())
            query.addQueryItem(item.first, value);
    }
    const Response r = get(u"/o/oauth2/auth"_s, QString(), query);
    QCOMPARE(r.status, status);
    QVERIFY(r.location.isEmpty());
    QVERIFY2(r.body.contains("Error " + QByteArray::number(status) + ": " + error.toUtf8()), r.body.constData());
    QCOMPARE(m_fake->authRequests().size(), 1);
    QCOMPARE(m_fake->authRequests().constFirst().error, error);
    QVERIFY(m_fake->authRequests().constFirst().code.isEmpty());
}

void TestFakeGoogle::consentDenied()
{
    m_fake->setConsent(FakeGoogle::Consent::Deny);
    const Response r = visitConsent(makePkce());
    QCOMPARE(r.status, 302);
    QCOMPARE(r.location, Redirect.toUtf8() + "?error=access_denied&state=st4te-Abc_123~");
    QCOMPARE(m_fake->authRequests().constFirst().error, u"access_denied"_s);
}

void TestFakeGoogle::fewerScopesGranted()
{
    m_fake->setConsent(FakeGoogle::Consent::GrantFewerScopes);
    const Pkce pkce = makePkce();
    const Response consent = visitConsent(pkce);
    QCOMPARE(param(consent.location, "scope"), FakeGoogle::scopeSend());
    const Response token = exchange(param(consent.location, "code"), pkce.verifier);
    QCOMPARE(token.json.value(u"scope"_s).toString(), FakeGoogle::scopeSend());
    const QString access = token.json.value(u"access_token"_s).toString();

    // Listing needs gmail.modify (or readonly); sending works with gmail.send.
    const Response list = get(u"/gmail/v1/users/me/messages"_s, access);
    QCOMPARE(list.status, 403);
    const QJsonObject error = list.json.value(u"error"_s).toObject();
    QCOMPARE(error.value(u"status"_s).toString(), u"PERMISSION_DENIED"_s);
    QCOMPARE(error.value(u"message"_s).toString(), u"Request had insufficient authentication scopes."_s);
    QCOMPARE(error.value(u"errors"_s).toArray().first().toObject().value(u"reason"_s).toString(),
             u"insufficientPermissions"_s);

    const QByteArray raw = "To: bob@example.com\r\nSubject: hi\r\n\r\nhello\r\n";
    QUrl send = m_fake->gmailApiUrl();
    send.setPath(u"/gmail/v1/users/me/messages/send"_s);
    const QJsonObject body{{u"raw"_s, QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding))}};
    QCOMPARE(post(send, QJsonDocument(body).toJson(), "application/json", access).status, 200);
}

void TestFakeGoogle::bearerRequired()
{
    const QString access = signIn();
    QVERIFY(!access.isEmpty());

    Response r = get(u"/gmail/v1/users/me/profile"_s);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.error, QNetworkReply::AuthenticationRequiredError);
    QJsonObject error = r.json.value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toInt(), 401);
    QCOMPARE(error.value(u"status"_s).toString(), u"UNAUTHENTICATED"_s);
    QCOMPARE(error.value(u"errors"_s).toArray().first().toObject().value(u"reason"_s).toString(), u"required"_s);
    QVERIFY(r.wwwAuthenticate.startsWith("Bearer "));

    r = get(u"/gmail/v1/users/me/profile"_s, u"ya29.not-a-token"_s);
    QCOMPARE(r.status, 401);
    error = r.json.value(u"error"_s).toObject();
    QVERIFY(error.value(u"message"_s).toString().startsWith(u"Request had invalid authentication credentials."_s));
    QCOMPARE(error.value(u"errors"_s).toArray().first().toObject().value(u"reason"_s).toString(), u"authError"_s);
    QVERIFY(r.wwwAuthenticate.contains("error=\"invalid_token\""));

    QCOMPARE(get(u"/gmail/v1/users/me/profile"_s, access).status, 200);
    m_fake->expireAccessTokens();
    QCOMPARE(get(u"/gmail/v1/users/me/profile"_s, access).status, 401);

    // Someone else's mailbox.
    const FakeGoogle::Grant grant = m_fake->grantTokens();
    r = get(u"/gmail/v1/users/other@example.com/profile"_s, grant.accessToken);
    QCOMPARE(r.status, 403);
    QCOMPARE(get(u"/gmail/v1/users/"_s + m_fake->emailAddress() + u"/profile"_s, grant.accessToken).status, 200);

    // A token that really runs out.
    m_fake->setAccessTokenLifetime(1);
    const FakeGoogle::Grant shortLived = m_fake->grantTokens();
    QCOMPARE(get(u"/gmail/v1/users/me/profile"_s, shortLived.accessToken).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(get(u"/gmail/v1/users/me/profile"_s, shortLived.accessToken).status, 401, 3000);
}

void TestFakeGoogle::refreshHasNoRefreshToken()
{
    const Pkce pkce = makePkce();
    const Response token = exchange(param(visitConsent(pkce).location, "code"), pkce.verifier);
    const QString refreshToken = token.json.value(u"refresh_token"_s).toString();
    m_fake->expireAccessTokens();

    const Response refreshed = post(m_fake->tokenUri(),
                                    form({{u"grant_type"_s, u"refresh_token"_s},
                                          {u"refresh_token"_s, refreshToken},
                                          {u"client_id"_s, m_fake->clientId()},
                                          {u"client_secret"_s, m_fake->clientSecret()}}),
                                    "application/x-www-form-urlencoded");
    QCOMPARE(refreshed.status, 200);
    QVERIFY(!refreshed.json.contains(u"refresh_token"_s));
    QCOMPARE(refreshed.json.value(u"expires_in"_s).toInt(), 3599);
    QCOMPARE(refreshed.json.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(refreshed.json.value(u"scope"_s).toString(), token.json.value(u"scope"_s).toString());
    const QString access = refreshed.json.value(u"access_token"_s).toString();
    QVERIFY(access != token.json.value(u"access_token"_s).toString());
    QCOMPARE(get(u"/gmail/v1/users/me/profile"_s, access).status, 200);
    QCOMPARE(m_fake->refreshGrants(), 1);

    // A wrong client secret.
    const Response wrongSecret = post(m_fake->tokenUri(),
                                      form({{u"grant_type"_s, u"refresh_token"_s},
                                            {u"refresh_token"_s, refreshToken},
                                            {u"client_id"_s, m_fake->clientId()},
                                            {u"client_secret"_s, u"nope"_s}}),
                                      "application/x-www-form-urlencoded");
    QCOMPARE(wrongSecret.status, 401);
    QCOMPARE(wrongSecret.json.value(u"error"_s).toString(), u"invalid_client"_s);
}

void TestFakeGoogle::revokedRefreshToken()
{
    const FakeGoogle::Grant grant = m_fake->grantTokens();
    m_fake->revokeRefreshTokens();
    const Response r = post(m_fake->tokenUri(),
                            form({{u"grant_type"_s, u"refresh_token"_s},
                                  {u"refresh_token"_s, grant.refreshToken},
                                  {u"client_id"_s, m_fake->clientId()},
                                  {u"client_secret"_s, m_fake->clientSecret()}}),
                            "application/x-www-form-urlencoded");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json, (QJsonObject{{u"error"_s, u"invalid_grant"_s},
                                  {u"error_description"_s, u"Token has been expired or revoked."_s}}));
    QCOMPARE(m_fake->refreshGrants(), 0);
    QCOMPARE(m_fake->tokenRequests().constFirst().errorDescription, u"Token has been expired or revoked."_s);
}

void TestFakeGoogle::pagination()
{
    const FakeGoogle::Grant grant = m_fake->grantTokens();
    QStringList unread;
    for (int i = 0; i < 8; ++i) {
        const QByteArray raw = "To: machina.test@gmail.com\r\nSubject: n" + QByteArray::number(i) + "\r\n\r\nbody\r\n";
        unread.prepend(m_fake->addMessage(raw)); // newest first
        if (i % 4 == 0)
            m_fake->addMessage("Subject: read\r\n\r\nx\r\n", {u"INBOX"_s});
    }
    m_fake->addMessage("Subject: spam\r\n\r\nx\r\n", {u"UNREAD"_s, u"INBOX"_s, u"SPAM"_s});
    QCOMPARE(m_fake->messages().size(), 11);

    QStringList seen;
    QString pageToken;
    QList<int> pageSizes;
    for (int page = 0; page < 5; ++page) {
        QUrlQuery query;
        query.addQueryItem(u"q"_s, u"is:unread in:inbox"_s);
        if (!pageToken.isEmpty())
            query.addQueryItem(u"pageToken"_s, pageToken);
        const Response r = get(u"/gmail/v1/users/me/messages"_s, grant.accessToken, query);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"resultSizeEstimate"_s).toInt(), 8 - int(seen.size())); // the rest were marked read
        const QJsonArray messages = r.json.value(u"messages"_s).toArray();
        pageSizes.append(int(messages.size()));
        for (const QJsonValue &m : messages) {
            seen.append(m.toObject().value(u"id"_s).toString());
            QCOMPARE(m.toObject().value(u"threadId"_s).toString(), seen.constLast());
            // Mark read as a client would, between pages: the next page must not skip any.
            QUrl modify = m_fake->gmailApiUrl();
            modify.setPath(u"/gmail/v1/users/me/messages/"_s + seen.constLast() + u"/modify"_s);
            QCOMPARE(post(modify, R"({"removeLabelIds": ["UNREAD"]})", "application/json", grant.accessToken).status, 200);
        }
        pageToken = r.json.value(u"nextPageToken"_s).toString();
        if (pageToken.isEmpty())
            break;
    }
    QCOMPARE(pageSizes, (QList<int>{3, 3, 2}));
    QCOMPARE(seen, unread);

    // Nothing left: Gmail leaves "messages" out.
    QUrlQuery query;
    query.addQueryItem(u"q"_s, u"is:unread in:inbox"_s);
    Response r = get(u"/gmail/v1/users/me/messages"_s, grant.accessToken, query);
    QCOMPARE(r.json, (QJsonObject{{u"resultSizeEstimate"_s, 0}}));

    // in:inbox without spam; maxResults overrides the page size.
    query.clear();
    query.addQueryItem(u"q"_s, u"in:inbox"_s);
    query.addQueryItem(u"maxResults"_s, u"100"_s);
    r = get(u"/gmail/v1/users/me/messages"_s, grant.accessToken, query);
    QCOMPARE(r.json.value(u"messages"_s).toArray().size(), 10);
    QVERIFY(!r.json.contains(u"nextPageToken"_s));

    query.clear();
    query.addQueryItem(u"pageToken"_s, u"12345"_s);
    QCOMPARE(get(u"/gmail/v1/users/me/messages"_s, grant.accessToken, query).status, 400);
    query.clear();
    query.addQueryItem(u"q"_s, u"from:alice"_s);
    QCOMPARE(get(u"/gmail/v1/users/me/messages"_s, grant.accessToken, query).status, 400);
}

void TestFakeGoogle::rateLimited()
{
    const FakeGoogle::Grant grant = m_fake->grantTokens();
    m_fake->failNextGmailCalls(2);
    for (int i = 0; i < 2; ++i) {
        const Response r = get(u"/gmail/v1/users/me/profile"_s, grant.accessToken);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.retryAfter, QByteArray("1"));
        const QJsonObject error = r.json.value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toInt(), 429);
        QCOMPARE(error.value(u"status"_s).toString(), u"RESOURCE_EXHAUSTED"_s);
        QCOMPARE(error.value(u"errors"_s).toArray().first().toObject().value(u"reason"_s).toString(),
                 u"rateLimitExceeded"_s);
    }
    QCOMPARE(get(u"/gmail/v1/users/me/profile"_s, grant.accessToken).status, 200);
}

void TestFakeGoogle::serviceUnavailableAndDrop()
{
    const FakeGoogle::Grant grant = m_fake->grantTokens();
    m_fake->failNextGmailCalls(1, 503, -1);
    Response r = get(u"/gmail/v1/users/me/profile"_s, grant.accessToken);
    QCOMPARE(r.status, 503);
    QVERIFY(r.retryAfter.isEmpty());
    QCOMPARE(r.json.value(u"error"_s).toObject().value(u"status"_s).toString(), u"UNAVAILABLE"_s);

    // QNetworkAccessManager resends a request once, silently, when a reused connection
    // closes before any reply: one drop is invisible to it, two are an error.
    m_fake->failNextGmailCalls(1, 0);
    QCOMPARE(get(u"/gmail/v1/users/me/profile"_s, grant.accessToken).status, 200);
    qsizetype before = m_fake->requests().size();
    m_fake->failNextGmailCalls(2, 0);
    r = get(u"/gmail/v1/users/me/profile"_s, grant.accessToken);
    QCOMPARE(r.status, 0);
    QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(m_fake->requests().size(), before + 2);
    QCOMPARE(m_fake->requests().constLast().status, 0);
    QCOMPARE(get(u"/gmail/v1/users/me/profile"_s, grant.accessToken).status, 200);
}

void TestFakeGoogle::getRawAndMetadata()
{
    const FakeGoogle::Grant grant = m_fake->grantTokens();
    const QString id = m_fake->addMessage(Mail1);

    QUrlQuery query;
    query.addQueryItem(u"format"_s, u"raw"_s);
    Response r = get(u"/gmail/v1/users/me/messages/"_s + id, grant.accessToken, query);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"id"_s).toString(), id);
    QCOMPARE(r.json.value(u"threadId"_s).toString(), id);
    QCOMPARE(r.json.value(u"labelIds"_s).toArray(), (QJsonArray{u"UNREAD"_s, u"INBOX"_s}));
    QCOMPARE(r.json.value(u"sizeEstimate"_s).toInt(), int(Mail1.size()));
    QVERIFY(r.json.value(u"historyId"_s).isString());
    QVERIFY(r.json.value(u"internalDate"_s).isString());
    QCOMPARE(r.json.value(u"snippet"_s).toString(), u"It&#39;s a test, &lt;b&gt;not&lt;/b&gt; HTML."_s);
    const QByteArray raw = r.json.value(u"raw"_s).toString().toLatin1();
    QVERIFY(!raw.contains('+') && !raw.contains('/'));
    QVERIFY(raw.endsWith('=')); // Gmail pads (Mail1's size is not a multiple of 3)
    QCOMPARE(QByteArray::fromBase64(raw, QByteArray::Base64UrlEncoding), Mail1);

    query.clear();
    query.addQueryItem(u"format"_s, u"metadata"_s);
    query.addQueryItem(u"metadataHeaders"_s, u"Subject"_s);
    query.addQueryItem(u"metadataHeaders"_s, u"from"_s);
    r = get(u"/gmail/v1/users/me/messages/"_s + id, grant.accessToken, query);
    QCOMPARE(r.status, 200);
    QVERIFY(!r.json.contains(u"raw"_s));
    const QJsonObject payload = r.json.value(u"payload"_s).toObject();
    QCOMPARE(payload.value(u"mimeType"_s).toString(), u"text/plain"_s);
    QCOMPARE(payload.value(u"headers"_s).toArray(),
             (QJsonArray{QJsonObject{{u"name"_s, u"From"_s}, {u"value"_s, u"Alice <alice@example.com>"_s}},
                         QJsonObject{{u"name"_s, u"Subject"_s}, {u"value"_s, u"Grüße from Zürich"_s}}}));

    QCOMPARE(get(u"/gmail/v1/users/me/messages/ffffffffffffffff"_s, grant.accessToken, query).status, 404);
    QCOMPARE(get(u"/gmail/v1/users/me/messages/not-an-id"_s, grant.accessToken, query).status, 400);
    QCOMPARE(get(u"/gmail/v1/users/me/messages/"_s + id, grant.accessToken).status, 400); // format=full
    QCOMPARE(get(u"/gmail/v1/users/me/labels"_s, grant.accessToken).status, 404);
}

void TestFakeGoogle::sendToSelfAndModify()
{
    const FakeGoogle::Grant grant = m_fake->grantTokens();
    const QByteArray mail = "From: machina.test@gmail.com\r\nTo: Me <Machina.Test@gmail.com>\r\nSubject: loop\r\n\r\nhi\r\n";
    QUrl send = m_fake->gmailApiUrl();
    send.setPath(u"/gmail/v1/users/me/messages/send"_s);
    // Unpadded base64url is accepted too.
    const QJsonObject body{{u"raw"_s, QString::fromLatin1(mail.toBase64(QByteArray::Base64UrlEncoding
                                                                        | QByteArray::OmitTrailingEquals))}};
    Response r = post(send, QJsonDocument(body).toJson(), "application/json", grant.accessToken);
    QCOMPARE(r.status, 200);
    const QString id = r.json.value(u"id"_s).toString();
    QCOMPARE(r.json.value(u"threadId"_s).toString(), id);
    QCOMPARE(r.json.value(u"labelIds"_s).toArray(), (QJsonArray{u"UNREAD"_s, u"SENT"_s, u"INBOX"_s}));
    QCOMPARE(m_fake->sentRaws(), QList<QByteArray>{mail});

    // To someone else: Sent only.
    const QByteArray other = "To: bob@example.com\r\nBcc: carol@example.com\r\nSubject: x\r\n\r\nx\r\n";
    r = post(send, QJsonDocument(QJsonObject{{u"raw"_s, QString::fromLatin1(other.toBase64(QByteArray::Base64UrlEncoding))}}).toJson(),
             "application/json", grant.accessToken);
    QCOMPARE(r.json.value(u"labelIds"_s).toArray(), QJsonArray{u"SENT"_s});
    QCOMPARE(m_fake->sentRaws().size(), 2);

    // The media upload variant.
    QUrl upload = m_fake->gmailApiUrl();
    upload.setPath(u"/upload/gmail/v1/users/me/messages/send"_s);
    upload.setQuery(u"uploadType=media"_s);
    QCOMPARE(post(upload, other, "message/rfc822", grant.accessToken).status, 200);
    QCOMPARE(m_fake->sentRaws().constLast(), other);

    QUrlQuery query;
    query.addQueryItem(u"q"_s, u"is:unread in:inbox"_s);
    r = get(u"/gmail/v1/users/me/messages"_s, grant.accessToken, query);
    QCOMPARE(r.json.value(u"messages"_s).toArray().size(), 1);
    QCOMPARE(r.json.value(u"messages"_s).toArray().first().toObject().value(u"id"_s).toString(), id);

    QUrl modify = m_fake->gmailApiUrl();
    modify.setPath(u"/gmail/v1/users/me/messages/"_s + id + u"/modify"_s);
    r = post(modify, R"({"removeLabelIds": ["UNREAD"]})", "application/json", grant.accessToken);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"labelIds"_s).toArray(), (QJsonArray{u"SENT"_s, u"INBOX"_s}));
    QCOMPARE(m_fake->message(id)->labelIds, (QStringList{u"SENT"_s, u"INBOX"_s}));
    QCOMPARE(m_fake->modifyCalls().size(), 1);
    QCOMPARE(m_fake->modifyCalls().constFirst().removeLabelIds, QStringList{u"UNREAD"_s});
    QCOMPARE(m_fake->modifyCalls().constFirst().status, 200);

    modify.setPath(u"/gmail/v1/users/me/messages/ffffffffffffffff/modify"_s);
    r = post(modify, R"({"removeLabelIds": ["UNREAD"]})", "application/json", grant.accessToken);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json.value(u"error"_s).toObject().value(u"status"_s).toString(), u"NOT_FOUND"_s);
    modify.setPath(u"/gmail/v1/users/me/messages/"_s + id + u"/modify"_s);
    QCOMPARE(post(modify, R"({"addLabelIds": ["NO_SUCH_LABEL"]})", "application/json", grant.accessToken).status, 400);

    // gmail.send alone may not modify.
    const FakeGoogle::Grant sendOnly = m_fake->grantTokens({FakeGoogle::scopeSend()});
    QCOMPARE(post(modify, R"({"removeLabelIds": ["UNREAD"]})", "application/json", sendOnly.accessToken).status, 403);
}

void TestFakeGoogle::sendErrors()
{
    const FakeGoogle::Grant grant = m_fake->grantTokens();
    QUrl send = m_fake->gmailApiUrl();
    send.setPath(u"/gmail/v1/users/me/messages/send"_s);

    Response r = post(send, "{}", "application/json", grant.accessToken);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"error"_s).toObject().value(u"message"_s).toString(),
             u"'raw' RFC822 payload message string or uploading message via /upload/* URL required"_s);
    QCOMPARE(r.json.value(u"error"_s).toObject().value(u"status"_s).toString(), u"INVALID_ARGUMENT"_s);

    r = post(send, R"({"raw": "U3ViamVjdDogbm8gcmVjaXBpZW50DQoNCng"})", "application/json", grant.accessToken);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"error"_s).toObject().value(u"message"_s).toString(), u"Recipient address required"_s);

    r = post(send, R"({"raw": "!!!"})", "application/json", grant.accessToken);
    QCOMPARE(r.status, 400);
    QCOMPARE(post(send, "not json", "application/json", grant.accessToken).status, 400);
    QVERIFY(m_fake->sentRaws().isEmpty());
}

void TestFakeGoogle::httpKeepAliveAndClose()
{
    const FakeGoogle::Grant grant = m_fake->grantTokens();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(get(u"/gmail/v1/users/me/profile"_s, grant.accessToken).status, 200);
    QCOMPARE(m_fake->connectionCount(), 1); // QNetworkAccessManager kept the connection

    // Two pipelined requests in one write, the second asking to close.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_fake->port());
    QVERIFY(socket.waitForConnected(3000));
    const QByteArray auth = "Authorization: Bearer " + grant.accessToken.toLatin1() + "\r\n";
    socket.write("GET /gmail/v1/users/me/profile HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n"
                 "GET /gmail/v1/users/me/profile HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n");
    QByteArray received;
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll(), closed.size() == 1), 3000);
    received += socket.readAll();
    QCOMPARE(received.count("HTTP/1.1 200 OK\r\n"), 2);
    QVERIFY(received.contains("Connection: close\r\n"));
    QCOMPARE(m_fake->connectionCount(), 2);
}

QTEST_GUILESS_MAIN(TestFakeGoogle)
#include "tst_fakegoogle.moc"
