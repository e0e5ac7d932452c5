// FakeIdentityPlatform over HTTP (authorize, token, refresh rotation, introspection),
// then its tokens in XOAUTH2 and OAUTHBEARER logins to real Dovecot (IMAPS) and
// Postfix (SMTPS) on a private stack whose oauth2 passdb asks the stand-in.
// The mail part is a raw-socket transcript (C:/S:), so it proves the stack and the
// stand-in, not our client.

#include "fakeidentityplatform.h"
#include "loopbackhttp.h"
#include "mailstack.h"

#include <QCryptographicHash>
#include <QDebug>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kStackDir = QStringLiteral(MACHINA_BINARY_DIR "/tests/oauth/oauth-stack");
constexpr int kWaitMs = 10000;

const QString kSupervisor = u"supervisor@machina.test"_s;
const QString kTechnician = u"technician@machina.test"_s;

QString randomVerifier()
{
    QByteArray bytes(48, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &f : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return out;
}

struct HttpResult
{
    bool answered = false;
    int status = 0;
    QByteArray body;
    QJsonObject json;
};

HttpResult postForm(QNetworkAccessManager *nam, const QUrl &url, const QList<QPair<QString, QString>> &fields,
                    const QByteArray &authorization = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    std::unique_ptr<QNetworkReply> reply(nam->post(request, formEncode(fields)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(kWaitMs))
        return {};
    HttpResult result;
    result.answered = true;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    return result;
}

/// The stand-in for the application's loopback redirect handler: answers 200, keeps the queries.
class RedirectCatcher
{
public:
    RedirectCatcher() : m_server("tst-redirect")
    {
        m_server.setHandler([this](HttpRequest &request) {
            m_hits.append(request.query);
            return HttpReply{200, {{"Content-Type", "text/html"}}, "<p>You can close this window.</p>", false};
        });
    }
    bool listen() { return m_server.listen(); }
    QString redirectUri() const { return m_server.baseUrl().toString() + u"/callback"_s; }
    QList<HttpParams> hits() const { return m_hits; }

private:
    LoopbackHttpServer m_server;
    QList<HttpParams> m_hits;
};

/**
 * One line-oriented TLS connection, read on the event loop (never a blocking wait:
 * Dovecot asks the stand-in, in this thread, while we wait for its answer).
 */
class Wire
{
public:
    bool open(quint16 port, const QString &caFile, QString *error)
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(caFile));
        m_socket.setSslConfiguration(ssl);
        m_socket.setPeerVerifyName(u"127.0.0.1"_s);
        m_socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
        const bool ok = QTest::qWaitFor([this] { return m_socket.isEncrypted() || m_socket.state() == QAbstractSocket::UnconnectedState; },
                                        kWaitMs);
        if (!ok || !m_socket.isEncrypted()) {
            *error = u"no TLS to port %1: %2"_s.arg(port).arg(m_socket.errorString());
            return false;
        }
        return true;
    }

    void send(const QByteArray &line)
    {
        m_transcript += "C: " + line + '\n';
        m_socket.write(line + "\r\n");
    }

    /// The next line without CRLF; a null QByteArray on timeout or when the server hung up.
    QByteArray readLine()
    {
        const bool ready = QTest::qWaitFor(
            [this] { return m_socket.canReadLine() || m_socket.state() != QAbstractSocket::ConnectedState; }, kWaitMs);
        if (!ready || !m_socket.canReadLine()) {
            m_transcript += "(no line)\n";
            return {};
        }
        QByteArray line = m_socket.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        m_transcript += "S: " + line + '\n';
        return line;
    }

    /// IMAP: lines up to the tagged one or a continuation ("+ ..."), which it returns.
    QByteArray readImapAnswer(const QByteArray &tag)
    {
        for (;;) {
            const QByteArray line = readLine();
            if (line.isNull() || line.startsWith(tag + ' ') || line.startsWith('+'))
                return line;
        }
    }

    /// SMTP: a whole (multi-line) reply, its lines.
    QList<QByteArray> readSmtpReply()
    {
        QList<QByteArray> lines;
        for (;;) {
            const QByteArray line = readLine();
            if (line.isNull())
                return lines;
            lines.append(line);
            if (line.size() < 4 || line.at(3) != '-')
                return lines;
        }
    }

    QString transcript() const { return QString::fromUtf8(m_transcript); }

private:
    QSslSocket m_socket;
    QByteArray m_transcript;
};

QByteArray xoauth2(const QString &user, const QString &token)
{
    return ("user=" + user.toUtf8() + "\x01" "auth=Bearer " + token.toUtf8() + "\x01\x01").toBase64();
}

QByteArray oauthbearer(const QString &user, const QString &token, quint16 port)
{
    return ("n,a=" + user.toUtf8() + ",\x01" "host=127.0.0.1\x01" "port=" + QByteArray::number(port)
            + "\x01" "auth=Bearer " + token.toUtf8() + "\x01\x01")
        .toBase64();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestFakeIdentityPlatform : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // The stand-in over HTTP.
    void authorizeRefuses_data();
    void authorizeRefuses();
    void codeFlowWithPkce();
    void wrongVerifierLeavesCodeUsable();
    void unknownClientAndSecret();
    void refreshTokensRotate();
    void revokeGrantsAndExpireAccessTokens();
    void consentDeniedAndFewerScopes();

    // Its tokens at Dovecot and Postfix.
    void imapXoauth2();
    void imapOauthbearer();
    void imapBadTokens_data();
    void imapBadTokens();
    void imapPasswordsUntouched();
    void smtpOffersBearerMechanisms();
    void smtpXoauth2AndOauthbearer();
    void smtpBadToken();

private:
    struct SignIn
    {
        QString code;
        QString verifier;
        QString redirectUri;
    };
    /// Authorize with PKCE as a desktop app would, the test playing the browser.
    SignIn signIn(const QString &scope, const QString &loginHint = {});
    HttpResult redeem(const SignIn &s);
    HttpResult refresh(const QString &refreshToken);
    bool introspectActive(const QString &token, QString *username = nullptr);
    QUrl authorizeUrl(const QList<QPair<QString, QString>> &params) const;
    /// IMAPS AUTHENTICATE with @p mechanism and @p initialResponse; the tagged answer (after
    /// answering a failure continuation with @p failureReply).
    QByteArray imapAuthenticate(const QByteArray &mechanism, const QByteArray &initialResponse,
                                const QByteArray &failureReply, QByteArray *continuation = nullptr);

    FakeIdentityPlatform m_fake;
    QNetworkAccessManager m_nam;
    RedirectCatcher m_app;
    PrivateMailStack m_private{kStackDir};
    bool m_stackStarted = false;
    QString m_scope;
};

void TestFakeIdentityPlatform::initTestCase()
{
    QVERIFY(m_fake.listen());
    QVERIFY(m_app.listen());
    m_scope = QStringList{FakeIdentityPlatform::scopeImap(), FakeIdentityPlatform::scopeSmtp(),
                          FakeIdentityPlatform::scopeOfflineAccess(), u"openid"_s, u"email"_s}
                  .join(u' ');
    QString error;
    QVERIFY2(m_private.start(u"supervisor technician"_s, &error,
                             {u"--oauth2-introspection"_s, m_fake.introspectionUrl().toString()}),
             qPrintable(error));
    m_stackStarted = true;
    const QByteArray env = readFile(kStackDir + u"/env"_s);
    QVERIFY2(env.contains("MAILSTACK_OAUTH2_INTROSPECTION=" + m_fake.introspectionUrl().toEncoded()), env.constData());
}

void TestFakeIdentityPlatform::cleanupTestCase()
{
    if (m_stackStarted)
        m_private.run(u"stop"_s);
}

QUrl TestFakeIdentityPlatform::authorizeUrl(const QList<QPair<QString, QString>> &params) const
{
    QUrl url = m_fake.authorizeUrl();
    url.setQuery(QString::fromLatin1(formEncode(params)));
    return url;
}

TestFakeIdentityPlatform::SignIn TestFakeIdentityPlatform::signIn(const QString &scope, const QString &loginHint)
{
    SignIn s;
    s.verifier = randomVerifier();
    s.redirectUri = m_app.redirectUri();
    const QString state = randomVerifier().left(16);
    QList<QPair<QString, QString>> params{{u"client_id"_s, m_fake.clientId()},
                                          {u"response_type"_s, u"code"_s},
                                          {u"redirect_uri"_s, s.redirectUri},
                                          {u"scope"_s, scope},
                                          {u"state"_s, state},
                                          {u"code_challenge"_s, s256(s.verifier)},
                                          {u"code_challenge_method"_s, u"S256"_s},
                                          {u"prompt"_s, u"select_account"_s}};
    if (!loginHint.isEmpty())
        params.append({u"login_hint"_s, loginHint});
    const qsizetype before = m_app.hits().size();
    QString error;
    if (!m_fake.playBrowser(&m_nam, authorizeUrl(params), &error)) {
        qWarning().noquote() << "sign-in failed:" << error;
        return {};
    }
    if (m_app.hits().size() != before + 1 || m_app.hits().constLast().value(u"state"_s) != state)
        return {};
    s.code = m_app.hits().constLast().value(u"code"_s);
    return s;
}

HttpResult TestFakeIdentityPlatform::redeem(const SignIn &s)
{
    return postForm(&m_nam, m_fake.tokenUrl(), {{u"client_id"_s, m_fake.clientId()},
                                               {u"grant_type"_s, u"authorization_code"_s},
                                               {u"code"_s, s.code},
                                               {u"redirect_uri"_s, s.redirectUri},
                                               {u"code_verifier"_s, s.verifier}});
}

HttpResult TestFakeIdentityPlatform::refresh(const QString &refreshToken)
{
    return postForm(&m_nam, m_fake.tokenUrl(), {{u"client_id"_s, m_fake.clientId()},
                                               {u"grant_type"_s, u"refresh_token"_s},
                                               {u"refresh_token"_s, refreshToken}});
}

bool TestFakeIdentityPlatform::introspectActive(const QString &token, QString *username)
{
    const HttpResult r = postForm(&m_nam, m_fake.introspectionUrl(), {{u"token"_s, token}});
    if (username)
        *username = r.json.value(u"username"_s).toString();
    return r.status == 200 && r.json.value(u"active"_s).toBool();
}

/// The Microsoft error shape: 400, error, "AADSTSnnn: ...\r\nTrace ID: ..." and the ids.
#define VERIFY_MS_ERROR(result, errorName, code)                                                                       \
    do {                                                                                                               \
        const HttpResult &r_ = (result);                                                                               \
        QVERIFY2(r_.answered, "no answer");                                                                            \
        QCOMPARE(r_.json.value(u"error"_s).toString(), QString(errorName));                                            \
        const QString d_ = r_.json.value(u"error_description"_s).toString();                                           \
        QVERIFY2(d_.startsWith(u"AADSTS%1: "_s.arg(code)), qPrintable(d_));                                            \
        QVERIFY2(d_.contains(u"\r\nTrace ID: "_s) && d_.contains(u"\r\nCorrelation ID: "_s), qPrintable(d_));          \
        QCOMPARE(r_.json.value(u"error_codes"_s).toArray(), QJsonArray{code});                                         \
        QVERIFY(!r_.json.value(u"trace_id"_s).toString().isEmpty());                                                   \
        QVERIFY(!r_.json.value(u"correlation_id"_s).toString().isEmpty());                                             \
        QVERIFY(!r_.json.value(u"timestamp"_s).toString().isEmpty());                                                  \
    } while (false)

// ---- the stand-in over HTTP ----

void TestFakeIdentityPlatform::authorizeRefuses_data()
{
    QTest::addColumn<QString>("drop");    // parameter left out
    QTest::addColumn<QString>("name");    // parameter replaced
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("aadsts");
    QTest::addRow("no state") << u"state"_s << QString() << QString() << u"invalid_request"_s << u"AADSTS900144"_s;
    QTest::addRow("no PKCE") << u"code_challenge"_s << QString() << QString() << u"invalid_request"_s << u"AADSTS900144"_s;
    QTest::addRow("plain PKCE") << QString() << u"code_challenge_method"_s << u"plain"_s << u"invalid_request"_s << u"AADSTS900144"_s;
    QTest::addRow("remote redirect") << QString() << u"redirect_uri"_s << u"https://example.com/cb"_s << u"invalid_request"_s << u"AADSTS50011"_s;
    QTest::addRow("redirect without port") << QString() << u"redirect_uri"_s << u"http://127.0.0.1/cb"_s << u"invalid_request"_s << u"AADSTS50011"_s;
    QTest::addRow("unknown client") << QString() << u"client_id"_s << u"00000000-0000-0000-0000-000000000000"_s << u"unauthorized_client"_s << u"AADSTS700016"_s;
    QTest::addRow("implicit flow") << QString() << u"response_type"_s << u"token"_s << u"unsupported_response_type"_s << u"AADSTS70005"_s;
    QTest::addRow("no scope") << u"scope"_s << QString() << QString() << u"invalid_request"_s << u"AADSTS900144"_s;
}

void TestFakeIdentityPlatform::authorizeRefuses()
{
    QFETCH(QString, drop);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, error);
    QFETCH(QString, aadsts);
    QList<QPair<QString, QString>> params{{u"client_id"_s, m_fake.clientId()},
                                          {u"response_type"_s, u"code"_s},
                                          {u"redirect_uri"_s, m_app.redirectUri()},
                                          {u"scope"_s, m_scope},
                                          {u"state"_s, u"s1"_s},
                                          {u"code_challenge"_s, s256(randomVerifier())},
                                          {u"code_challenge_method"_s, u"S256"_s}};
    params.removeIf([&](const auto &p) { return p.first == drop; });
    for (auto &p : params) {
        if (p.first == name)
            p.second = value;
    }
    const qsizetype hits = m_app.hits().size();
    const LoopbackBrowser::Hop hop = LoopbackBrowser::get(&m_nam, authorizeUrl(params));
    QVERIFY(hop.answered);
    QCOMPARE(hop.status, 400);
    QVERIFY(hop.location.isEmpty());
    QVERIFY2(hop.body.contains(aadsts.toUtf8()), hop.body.constData());
    QCOMPARE(m_fake.authRequests().constLast().error, error);
    QVERIFY(m_fake.authRequests().constLast().code.isEmpty());
    QCOMPARE(m_app.hits().size(), hits);
}

void TestFakeIdentityPlatform::codeFlowWithPkce()
{
    const int grants = m_fake.authorizationCodeGrants();
    const SignIn s = signIn(m_scope, u"Supervisor@Machina.test"_s);
    QVERIFY(!s.code.isEmpty());
    const FakeIdentityPlatform::AuthRequest auth = m_fake.authRequests().constLast();
    QCOMPARE(auth.tenant, u"common"_s);
    QCOMPARE(auth.loginHint, u"Supervisor@Machina.test"_s);
    QCOMPARE(auth.prompt, u"select_account"_s);
    QCOMPARE(auth.user, kSupervisor);
    QCOMPARE(auth.status, 302);

    const HttpResult r = redeem(s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"token_type"_s).toString(), u"Bearer"_s);
    // Microsoft leaves offline_access out of the scope it reports.
    QCOMPARE(r.json.value(u"scope"_s).toString(),
             QStringList({FakeIdentityPlatform::scopeImap(), FakeIdentityPlatform::scopeSmtp(), u"openid"_s, u"email"_s}).join(u' '));
    QVERIFY(r.json.value(u"expires_in"_s).toInt() > 0);
    QCOMPARE(r.json.value(u"ext_expires_in"_s).toInt(), r.json.value(u"expires_in"_s).toInt());
    const QString access = r.json.value(u"access_token"_s).toString();
    QVERIFY(!access.isEmpty());
    QVERIFY(!r.json.value(u"refresh_token"_s).toString().isEmpty());
    QVERIFY(!r.json.value(u"id_token"_s).toString().isEmpty());
    QCOMPARE(m_fake.authorizationCodeGrants(), grants + 1);
    QCOMPARE(m_fake.tokenRequests().constLast().clientSecretSent, false);
    QCOMPARE(m_fake.tokenRequests().constLast().grantType, u"authorization_code"_s);

    QString user;
    QVERIFY(introspectActive(access, &user));
    QCOMPARE(user, kSupervisor);
    QCOMPARE(m_fake.introspectionCount(access), 1);

    // A code is good once.
    VERIFY_MS_ERROR(redeem(s), u"invalid_grant"_s, 54005);
    QCOMPARE(m_fake.authorizationCodeGrants(), grants + 1);
    // Without offline_access there is no refresh token.
    const SignIn noOffline = signIn(FakeIdentityPlatform::scopeImap());
    QVERIFY(!noOffline.code.isEmpty());
    const HttpResult r2 = redeem(noOffline);
    QCOMPARE(r2.status, 200);
    QVERIFY(!r2.json.contains(u"refresh_token"_s));
    QCOMPARE(m_fake.authRequests().constLast().user, m_fake.username()); // no login_hint: the default user
}

void TestFakeIdentityPlatform::wrongVerifierLeavesCodeUsable()
{
    SignIn s = signIn(m_scope);
    QVERIFY(!s.code.isEmpty());
    SignIn wrong = s;
    wrong.verifier = randomVerifier();
    VERIFY_MS_ERROR(redeem(wrong), u"invalid_grant"_s, 501481);
    SignIn otherRedirect = s;
    otherRedirect.redirectUri = s.redirectUri + u"/elsewhere"_s;
    VERIFY_MS_ERROR(redeem(otherRedirect), u"invalid_grant"_s, 50011);
    QCOMPARE(redeem(s).status, 200);
    VERIFY_MS_ERROR(postForm(&m_nam, m_fake.tokenUrl(), {{u"client_id"_s, m_fake.clientId()},
                                                         {u"grant_type"_s, u"authorization_code"_s},
                                                         {u"code"_s, u"0.AXkAnot-a-code"_s},
                                                         {u"redirect_uri"_s, s.redirectUri},
                                                         {u"code_verifier"_s, s.verifier}}),
                    u"invalid_grant"_s, 70008);
}

void TestFakeIdentityPlatform::unknownClientAndSecret()
{
    const SignIn s = signIn(m_scope);
    QVERIFY(!s.code.isEmpty());
    VERIFY_MS_ERROR(postForm(&m_nam, m_fake.tokenUrl(), {{u"client_id"_s, u"11111111-2222-3333-4444-555555555555"_s},
                                                         {u"grant_type"_s, u"authorization_code"_s},
                                                         {u"code"_s, s.code},
                                                         {u"redirect_uri"_s, s.redirectUri},
                                                         {u"code_verifier"_s, s.verifier}}),
                    u"invalid_client"_s, 700016);
    // A public client needs no secret; one that sends one anyway is recorded.
    const HttpResult r = postForm(&m_nam, m_fake.tokenUrl(), {{u"client_id"_s, m_fake.clientId()},
                                                             {u"client_secret"_s, u"not-needed"_s},
                                                             {u"grant_type"_s, u"authorization_code"_s},
                                                             {u"code"_s, s.code},
                                                             {u"redirect_uri"_s, s.redirectUri},
                                                             {u"code_verifier"_s, s.verifier}});
    QCOMPARE(r.status, 200);
    QVERIFY(m_fake.tokenRequests().constLast().clientSecretSent);
    // ... and refused where the stand-in is told to, as Microsoft does.
    m_fake.setRejectClientSecret(true);
    const FakeIdentityPlatform::Grant g = m_fake.grantTokens(kSupervisor);
    VERIFY_MS_ERROR(postForm(&m_nam, m_fake.tokenUrl(), {{u"client_id"_s, m_fake.clientId()},
                                                         {u"grant_type"_s, u"refresh_token"_s},
                                                         {u"refresh_token"_s, g.refreshToken}},
                             "Basic " + (m_fake.clientId().toUtf8() + ":secret").toBase64()),
                    u"invalid_client"_s, 700025);
    m_fake.setRejectClientSecret(false);
    QCOMPARE(refresh(g.refreshToken).status, 200); // a refused attempt does not use the token up
}

void TestFakeIdentityPlatform::refreshTokensRotate()
{
    const SignIn s = signIn(m_scope);
    const HttpResult first = redeem(s);
    QCOMPARE(first.status, 200);
    const QString r1 = first.json.value(u"refresh_token"_s).toString();
    const int refreshes = m_fake.refreshGrants();

    const HttpResult second = refresh(r1);
    QCOMPARE(second.status, 200);
    const QString r2 = second.json.value(u"refresh_token"_s).toString();
    QVERIFY(!r2.isEmpty());
    QVERIFY(r2 != r1);
    QVERIFY(second.json.value(u"access_token"_s).toString() != first.json.value(u"access_token"_s).toString());
    QCOMPARE(second.json.value(u"scope"_s).toString(), first.json.value(u"scope"_s).toString());
    QCOMPARE(m_fake.tokenRequests().constLast().issuedRefreshToken, r2);

    // The old one is spent: a client that kept it fails here.
    VERIFY_MS_ERROR(refresh(r1), u"invalid_grant"_s, 700082);
    const HttpResult third = refresh(r2);
    QCOMPARE(third.status, 200);
    QCOMPARE(m_fake.refreshGrants(), refreshes + 2);
    VERIFY_MS_ERROR(refresh(u"M.C507_never-issued"_s), u"invalid_grant"_s, 9002313);
    VERIFY_MS_ERROR(postForm(&m_nam, m_fake.tokenUrl(), {{u"client_id"_s, m_fake.clientId()},
                                                         {u"grant_type"_s, u"password"_s}}),
                    u"unsupported_grant_type"_s, 70003);
    // The user on the access tokens stays the one who signed in.
    QString user;
    QVERIFY(introspectActive(third.json.value(u"access_token"_s).toString(), &user));
    QCOMPARE(user, m_fake.username());
}

void TestFakeIdentityPlatform::revokeGrantsAndExpireAccessTokens()
{
    const FakeIdentityPlatform::Grant g = m_fake.grantTokens(kTechnician);
    QVERIFY(!g.refreshToken.isEmpty());
    QVERIFY(!g.scopes.contains(FakeIdentityPlatform::scopeOfflineAccess()));
    m_fake.revokeGrants();
    VERIFY_MS_ERROR(refresh(g.refreshToken), u"invalid_grant"_s, 700082);
    QString user;
    QVERIFY(introspectActive(g.accessToken, &user)); // access tokens live on until they expire
    QCOMPARE(user, kTechnician);

    m_fake.expireAccessTokens();
    QVERIFY(!introspectActive(g.accessToken));
    const FakeIdentityPlatform::Grant fresh = m_fake.grantTokens(kTechnician);
    QVERIFY(introspectActive(fresh.accessToken));

    // A lifetime is real: the token stops being active when it ends.
    m_fake.setAccessTokenLifetime(1);
    const FakeIdentityPlatform::Grant shortLived = m_fake.grantTokens(kTechnician);
    m_fake.setAccessTokenLifetime(3599);
    QVERIFY(m_fake.isAccessTokenActive(shortLived.accessToken));
    QTRY_VERIFY_WITH_TIMEOUT(!m_fake.isAccessTokenActive(shortLived.accessToken), 3000);
    QVERIFY(!introspectActive(shortLived.accessToken));
}

void TestFakeIdentityPlatform::consentDeniedAndFewerScopes()
{
    m_fake.setConsent(FakeIdentityPlatform::Consent::Deny);
    const SignIn denied = signIn(m_scope);
    m_fake.setConsent(FakeIdentityPlatform::Consent::Approve);
    QVERIFY(denied.code.isEmpty());
    const HttpParams redirect = m_app.hits().constLast();
    QCOMPARE(redirect.value(u"error"_s), u"access_denied"_s);
    QVERIFY2(redirect.value(u"error_description"_s).startsWith(u"AADSTS65004: "_s), qPrintable(redirect.value(u"error_description"_s)));
    QVERIFY(!redirect.value(u"state"_s).isEmpty());
    QCOMPARE(m_fake.authRequests().constLast().error, u"access_denied"_s);

    m_fake.setConsent(FakeIdentityPlatform::Consent::GrantFewerScopes);
    const SignIn fewer = signIn(m_scope);
    m_fake.setConsent(FakeIdentityPlatform::Consent::Approve);
    const HttpResult r = redeem(fewer);
    QCOMPARE(r.status, 200);
    const QStringList scopes = r.json.value(u"scope"_s).toString().split(u' ');
    QVERIFY(scopes.contains(FakeIdentityPlatform::scopeImap()));
    QVERIFY(!scopes.contains(FakeIdentityPlatform::scopeSmtp()));
    QVERIFY(r.json.contains(u"refresh_token"_s)); // offline_access is kept
}

// ---- its tokens at Dovecot and Postfix ----

QByteArray TestFakeIdentityPlatform::imapAuthenticate(const QByteArray &mechanism, const QByteArray &initialResponse,
                                                      const QByteArray &failureReply, QByteArray *continuation)
{
    Wire wire;
    QString error;
    if (!wire.open(quint16(m_private.stack().imapsPort), m_private.stack().caFile, &error)) {
        qWarning().noquote() << error;
        return {};
    }
    if (!wire.readLine().startsWith("* OK"))
        return {};
    // RFC 4959 SASL-IR: the initial response on the command line.
    wire.send("a AUTHENTICATE " + mechanism + ' ' + initialResponse);
    QByteArray answer = wire.readImapAnswer("a");
    if (answer.startsWith('+')) {
        // RFC 7628 section 3.2.3: the server's error JSON; the client ends the exchange.
        if (continuation)
            *continuation = QByteArray::fromBase64(answer.mid(2));
        wire.send(failureReply);
        answer = wire.readImapAnswer("a");
    }
    qDebug().noquote() << wire.transcript().replace(QString::fromLatin1(initialResponse), u"<redacted>"_s);
    if (answer.startsWith("a OK")) {
        wire.send("b LOGOUT");
        wire.readImapAnswer("b");
    }
    return answer;
}

void TestFakeIdentityPlatform::imapXoauth2()
{
    const FakeIdentityPlatform::Grant g = m_fake.grantTokens(kSupervisor);
    const QByteArray answer = imapAuthenticate("XOAUTH2", xoauth2(kSupervisor, g.accessToken), "");
    QVERIFY2(answer.startsWith("a OK"), answer.constData());
    QCOMPARE(m_fake.introspectionCount(g.accessToken), 1); // Dovecot asked the stand-in
    const QString dovecotLog = m_private.stack().dir + u"/dovecot/dovecot.log"_s;
    QTRY_VERIFY_WITH_TIMEOUT(readFile(dovecotLog).contains("Login: user=<supervisor@machina.test>, method=XOAUTH2"), 5000);
}

void TestFakeIdentityPlatform::imapOauthbearer()
{
    const FakeIdentityPlatform::Grant g = m_fake.grantTokens(kTechnician);
    const quint16 port = quint16(m_private.stack().imapsPort);
    const QByteArray answer = imapAuthenticate("OAUTHBEARER", oauthbearer(kTechnician, g.accessToken, port), "AQ==");
    QVERIFY2(answer.startsWith("a OK"), answer.constData());
    QCOMPARE(m_fake.introspectionCount(g.accessToken), 1);
    const QString dovecotLog = m_private.stack().dir + u"/dovecot/dovecot.log"_s;
    QTRY_VERIFY_WITH_TIMEOUT(readFile(dovecotLog).contains("Login: user=<technician@machina.test>, method=OAUTHBEARER"), 5000);
}

void TestFakeIdentityPlatform::imapBadTokens_data()
{
    QTest::addColumn<QByteArray>("mechanism");
    QTest::addColumn<QString>("kind");          // expired | unknown | otheruser | lifetime
    QTest::addColumn<QByteArray>("errorStatus"); // the "status" of the server's error JSON
    QTest::addColumn<QString>("schemes");        // its "schemes" (Dovecot 2.3 sends none for OAUTHBEARER)
    for (const char *kind : {"expired", "unknown", "otheruser", "lifetime"}) {
        // XOAUTH2 as Google's: {"status":"401","schemes":"bearer","scope":"mail"};
        // OAUTHBEARER (RFC 7628 section 3.2.2): {"status":"invalid_token"}.
        QTest::addRow("XOAUTH2 %s", kind) << QByteArray("XOAUTH2") << QString::fromLatin1(kind) << QByteArray("401")
                                          << u"bearer"_s;
        QTest::addRow("OAUTHBEARER %s", kind) << QByteArray("OAUTHBEARER") << QString::fromLatin1(kind)
                                              << QByteArray("invalid_token") << QString();
    }
}

void TestFakeIdentityPlatform::imapBadTokens()
{
    QFETCH(QByteArray, mechanism);
    QFETCH(QString, kind);
    QFETCH(QByteArray, errorStatus);
    QFETCH(QString, schemes);
    QString token;
    QString user = kSupervisor;
    if (kind == u"expired"_s) {
        token = m_fake.grantTokens(kSupervisor).accessToken;
        m_fake.expireAccessTokens();
    } else if (kind == u"unknown"_s) {
        token = u"EwBoA8l6BAAUnever-issued"_s;
    } else if (kind == u"otheruser"_s) {
        token = m_fake.grantTokens(kTechnician).accessToken; // a live token, but not supervisor's
    } else {
        m_fake.setAccessTokenLifetime(1);
        token = m_fake.grantTokens(kSupervisor).accessToken;
        m_fake.setAccessTokenLifetime(3599);
        QTRY_VERIFY_WITH_TIMEOUT(!m_fake.isAccessTokenActive(token), 3000);
    }
    const QByteArray initial = mechanism == "XOAUTH2" ? xoauth2(user, token)
                                                      : oauthbearer(user, token, quint16(m_private.stack().imapsPort));
    const QByteArray failureReply = mechanism == "XOAUTH2" ? QByteArray("") : QByteArray("AQ==");
    QByteArray continuation;
    const QByteArray answer = imapAuthenticate(mechanism, initial, failureReply, &continuation);
    QVERIFY2(answer.startsWith("a NO"), answer.constData());
    const QJsonObject json = QJsonDocument::fromJson(continuation).object();
    QVERIFY2(!json.isEmpty(), continuation.constData());
    QCOMPARE(json.value(u"status"_s).toString().toUtf8(), errorStatus);
    QCOMPARE(json.value(u"schemes"_s).toString(), schemes);
    QVERIFY(m_fake.introspectionCount(token) >= 1);
}

void TestFakeIdentityPlatform::imapPasswordsUntouched()
{
    Wire wire;
    QString error;
    QVERIFY2(wire.open(quint16(m_private.stack().imapsPort), m_private.stack().caFile, &error), qPrintable(error));
    QVERIFY(wire.readLine().startsWith("* OK"));
    const int introspections = m_fake.introspections().size();
    wire.send("a LOGIN supervisor@machina.test supervisor-pass");
    QVERIFY2(wire.readImapAnswer("a").startsWith("a OK"), qPrintable(wire.transcript()));
    // A bearer token as a password goes to the password file, never to the introspection URL.
    const FakeIdentityPlatform::Grant g = m_fake.grantTokens(kTechnician);
    Wire second;
    QVERIFY2(second.open(quint16(m_private.stack().imapsPort), m_private.stack().caFile, &error), qPrintable(error));
    QVERIFY(second.readLine().startsWith("* OK"));
    second.send("a LOGIN technician@machina.test " + g.accessToken.toUtf8());
    QVERIFY2(second.readImapAnswer("a").startsWith("a NO"), qPrintable(second.transcript()));
    QCOMPARE(m_fake.introspections().size(), introspections);
}

void TestFakeIdentityPlatform::smtpOffersBearerMechanisms()
{
    Wire wire;
    QString error;
    QVERIFY2(wire.open(quint16(m_private.stack().smtpsPort), m_private.stack().caFile, &error), qPrintable(error));
    QVERIFY(wire.readSmtpReply().value(0).startsWith("220"));
    wire.send("EHLO tst.machina.test");
    const QList<QByteArray> ehlo = wire.readSmtpReply();
    QByteArray auth;
    for (const QByteArray &line : ehlo) {
        if (line.mid(4).startsWith("AUTH "))
            auth = line.mid(4);
    }
    const QList<QByteArray> mechanisms = auth.split(' ');
    QVERIFY2(mechanisms.contains("XOAUTH2") && mechanisms.contains("OAUTHBEARER"), qPrintable(wire.transcript()));
    QVERIFY(mechanisms.contains("PLAIN"));
}

void TestFakeIdentityPlatform::smtpXoauth2AndOauthbearer()
{
    const FakeIdentityPlatform::Grant g = m_fake.grantTokens(kSupervisor);
    const quint16 port = quint16(m_private.stack().smtpsPort);
    for (const QByteArray &mechanism : {QByteArray("XOAUTH2"), QByteArray("OAUTHBEARER")}) {
        Wire wire;
        QString error;
        QVERIFY2(wire.open(port, m_private.stack().caFile, &error), qPrintable(error));
        QVERIFY(wire.readSmtpReply().value(0).startsWith("220"));
        wire.send("EHLO tst.machina.test");
        QVERIFY(wire.readSmtpReply().constLast().startsWith("250 "));
        const QByteArray initial = mechanism == "XOAUTH2" ? xoauth2(kSupervisor, g.accessToken)
                                                          : oauthbearer(kSupervisor, g.accessToken, port);
        wire.send("AUTH " + mechanism + ' ' + initial);
        const QList<QByteArray> reply = wire.readSmtpReply();
        QVERIFY2(reply.value(0).startsWith("235"), qPrintable(wire.transcript().replace(QString::fromLatin1(initial), u"<redacted>"_s)));
        // Authenticated by token, supervisor may send (Postfix logs the SASL method with the queued message).
        wire.send("MAIL FROM:<supervisor@machina.test>");
        QVERIFY2(wire.readSmtpReply().value(0).startsWith("250"), qPrintable(wire.transcript()));
        wire.send("RCPT TO:<technician@machina.test>");
        QVERIFY2(wire.readSmtpReply().value(0).startsWith("250"), qPrintable(wire.transcript()));
        wire.send("DATA");
        QVERIFY2(wire.readSmtpReply().value(0).startsWith("354"), qPrintable(wire.transcript()));
        wire.send("From: <supervisor@machina.test>\r\nTo: <technician@machina.test>\r\nSubject: sent with "
                  + mechanism + "\r\n\r\nbearer token login\r\n.");
        QVERIFY2(wire.readSmtpReply().value(0).startsWith("250"), qPrintable(wire.transcript()));
        wire.send("QUIT");
        wire.readSmtpReply();
    }
    QCOMPARE(m_fake.introspectionCount(g.accessToken), 2);
    const QString maillog = m_private.stack().dir + u"/postfix/maillog"_s;
    QTRY_VERIFY_WITH_TIMEOUT(readFile(maillog).contains("sasl_method=XOAUTH2, sasl_username=supervisor@machina.test"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(readFile(maillog).contains("sasl_method=OAUTHBEARER, sasl_username=supervisor@machina.test"), 5000);
}

void TestFakeIdentityPlatform::smtpBadToken()
{
    const QString token = m_fake.grantTokens(kSupervisor).accessToken;
    m_fake.expireAccessTokens();
    Wire wire;
    QString error;
    QVERIFY2(wire.open(quint16(m_private.stack().smtpsPort), m_private.stack().caFile, &error), qPrintable(error));
    QVERIFY(wire.readSmtpReply().value(0).startsWith("220"));
    wire.send("EHLO tst.machina.test");
    QVERIFY(wire.readSmtpReply().constLast().startsWith("250 "));
    wire.send("AUTH XOAUTH2 " + xoauth2(kSupervisor, token));
    const QList<QByteArray> challenge = wire.readSmtpReply();
    QVERIFY2(challenge.value(0).startsWith("334 "), qPrintable(wire.transcript()));
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromBase64(challenge.value(0).mid(4))).object();
    QCOMPARE(json.value(u"status"_s).toString(), u"401"_s);
    wire.send("");
    const QList<QByteArray> refused = wire.readSmtpReply();
    QVERIFY2(refused.value(0).startsWith("535"), qPrintable(wire.transcript()));
    QCOMPARE(m_fake.introspectionCount(token), 1);
    const QString maillog = m_private.stack().dir + u"/postfix/maillog"_s;
    QTRY_VERIFY_WITH_TIMEOUT(readFile(maillog).contains("SASL XOAUTH2 authentication failed"), 5000);
}

QTEST_GUILESS_MAIN(TestFakeIdentityPlatform)
#include "tst_fakeidentityplatform.moc"
