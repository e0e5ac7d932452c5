#include "fakeidentityplatform.h"
#include "pkcecheck.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int CodeLifetimeSeconds = 600; // Microsoft's codes last about ten minutes

const QByteArray JsonType = "application/json; charset=utf-8";

using standin::isValidVerifier;
using standin::pkceChallenge;
using standin::randomBase64Url;

QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

/// RFC 8252 section 7.3: a loopback IP literal with a port; Microsoft's desktop apps register
/// http://localhost too, but a client listening on 127.0.0.1 must say so.
bool isLoopbackRedirect(const QUrl &url)
{
    if (!url.isValid() || url.scheme() != u"http"_s || url.port() <= 0 || url.hasFragment())
        return false;
    return url.host() == u"127.0.0.1"_s || url.host() == u"::1"_s;
}

/// The scopes of OpenID Connect, which Microsoft grants beside the resource's.
bool isOpenIdScope(const QString &scope)
{
    return scope == u"openid"_s || scope == u"profile"_s || scope == u"email"_s || scope == u"offline_access"_s;
}

QString timestamp() { return QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd hh:mm:ss'Z'"_s); }

/// An error_description as Microsoft writes it: "AADSTSnnn: sentence" and the trace lines.
QString describe(int code, const QString &sentence, const QString &traceId, const QString &correlationId,
                 const QString &when)
{
    return u"AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\nTimestamp: %5"_s.arg(code).arg(sentence, traceId,
                                                                                            correlationId, when);
}

QByteArray toJson(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

QStringList withoutOfflineAccess(QStringList scopes)
{
    scopes.removeAll(FakeIdentityPlatform::scopeOfflineAccess());
    return scopes;
}

} // namespace

QString FakeIdentityPlatform::scopeImap() { return u"https://outlook.office.com/IMAP.AccessAsUser.All"_s; }
QString FakeIdentityPlatform::scopeSmtp() { return u"https://outlook.office.com/SMTP.Send"_s; }
QString FakeIdentityPlatform::scopeOfflineAccess() { return u"offline_access"_s; }

FakeIdentityPlatform::FakeIdentityPlatform(QObject *parent)
    : QObject(parent),
      m_server(new LoopbackHttpServer("FakeIdentityPlatform", this)),
      m_clientId(uuid())
{
    m_server->setLimits(64 * 1024, 1024 * 1024);
    m_server->setHandler([this](Request &request) {
        m_requests.append(request);
        const qsizetype index = m_requests.size() - 1;
        const Reply reply = route(request);
        m_requests[index].status = reply.drop ? 0 : reply.status;
        return reply;
    });
    connect(m_server, &LoopbackHttpServer::requestHandled, this,
            [this](const Request &request) { Q_EMIT requestHandled(request.path, request.status); });
}

FakeIdentityPlatform::~FakeIdentityPlatform() = default;

bool FakeIdentityPlatform::listen(quint16 port) { return m_server->listen(QHostAddress(QHostAddress::LocalHost), port); }

quint16 FakeIdentityPlatform::port() const { return m_server->port(); }

QUrl FakeIdentityPlatform::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

QUrl FakeIdentityPlatform::authorizeUrl(const QString &tenant) const
{
    QUrl url = baseUrl();
    url.setPath(u"/%1/oauth2/v2.0/authorize"_s.arg(tenant));
    return url;
}

QUrl FakeIdentityPlatform::tokenUrl(const QString &tenant) const
{
    QUrl url = baseUrl();
    url.setPath(u"/%1/oauth2/v2.0/token"_s.arg(tenant));
    return url;
}

QUrl FakeIdentityPlatform::introspectionUrl() const
{
    QUrl url = baseUrl();
    url.setPath(u"/introspect"_s);
    return url;
}

int FakeIdentityPlatform::connectionCount() const { return m_server->connectionCount(); }

bool FakeIdentityPlatform::playBrowser(QNetworkAccessManager *browser, const QUrl &authorizationUrl, QString *error,
                                       const std::function<QByteArray(const QByteArray &location)> &rewriteRedirect) const
{
    const QUrl base = baseUrl();
    LoopbackBrowser::SignIn signIn;
    signIn.isConsentScreen = [base](const QUrl &url) {
        static const QRegularExpression path(u"^/[^/]+/oauth2/v2\\.0/authorize$"_s);
        return url.scheme() == base.scheme() && url.host() == base.host() && url.port() == base.port()
            && path.match(url.path()).hasMatch();
    };
    signIn.consentScreenName = u"this stand-in's authorize endpoint %1/{tenant}/oauth2/v2.0/authorize"_s.arg(base.toString());
    signIn.isCallback = [](const QUrl &callback) { return isLoopbackRedirect(callback); };
    signIn.callbackName = u"a loopback http://127.0.0.1:PORT/ address"_s;
    signIn.rewriteRedirect = rewriteRedirect;
    return LoopbackBrowser::play(browser, authorizationUrl, signIn, error);
}

// ---- controls ----

void FakeIdentityPlatform::expireAccessTokens()
{
    for (AccessToken &token : m_accessTokens)
        token.expired = true;
}

void FakeIdentityPlatform::revokeGrants()
{
    for (RefreshToken &token : m_refreshTokens)
        token.revoked = true;
}

FakeIdentityPlatform::Grant FakeIdentityPlatform::grantTokens(const QString &user, const QStringList &scopes)
{
    const QStringList granted = scopes.isEmpty() ? QStringList{scopeImap(), scopeSmtp(), scopeOfflineAccess()} : scopes;
    const QString who = normalizedUser(user);
    Grant grant;
    grant.user = who;
    grant.scopes = withoutOfflineAccess(granted);
    grant.accessToken = issueAccessToken(who, m_clientId, granted);
    if (granted.contains(scopeOfflineAccess()))
        grant.refreshToken = issueRefreshToken(who, m_clientId, granted);
    return grant;
}

bool FakeIdentityPlatform::isAccessTokenActive(const QString &accessToken) const
{
    const auto it = m_accessTokens.constFind(accessToken);
    return it != m_accessTokens.cend() && !it->expired && QDateTime::currentDateTimeUtc() < it->expiresAt;
}

QList<FakeIdentityPlatform::Request> FakeIdentityPlatform::requests(const QString &pathPrefix) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.path.startsWith(pathPrefix))
            out.append(r);
    }
    return out;
}

void FakeIdentityPlatform::clearRecords()
{
    m_requests.clear();
    m_authRequests.clear();
    m_tokenRequests.clear();
    m_introspections.clear();
    m_introspectionCounts.clear();
    m_codeGrants = 0;
    m_refreshGrants = 0;
}

// ---- routing ----

FakeIdentityPlatform::Reply FakeIdentityPlatform::route(Request &request)
{
    if (request.path == u"/introspect"_s)
        return handleIntrospect(request);
    // /{tenant}/oauth2/v2.0/{authorize|token}
    const QStringList segments = request.path.split(u'/');
    if (segments.size() == 5 && segments[0].isEmpty() && segments[2] == u"oauth2"_s && segments[3] == u"v2.0"_s) {
        if (segments[4] == u"authorize"_s)
            return handleAuthorize(request, segments[1]);
        if (segments[4] == u"token"_s)
            return handleToken(request, segments[1]);
    }
    return {404, {{"Content-Type", "text/html; charset=utf-8"}},
            "<!DOCTYPE html>\n<html><body><h1>404 Not Found</h1></body></html>\n", false};
}

// ---- the authorize endpoint ----

FakeIdentityPlatform::Reply FakeIdentityPlatform::handleAuthorize(const Request &request, const QString &tenant)
{
    AuthRequest auth;
    auth.query = request.query;
    auth.tenant = tenant;
    auth.clientId = request.query.value(u"client_id"_s);
    auth.redirectUri = request.query.value(u"redirect_uri"_s);
    auth.responseType = request.query.value(u"response_type"_s);
    auth.scope = request.query.value(u"scope"_s);
    auth.state = request.query.value(u"state"_s);
    auth.codeChallenge = request.query.value(u"code_challenge"_s);
    auth.codeChallengeMethod = request.query.value(u"code_challenge_method"_s);
    auth.loginHint = request.query.value(u"login_hint"_s);
    auth.prompt = request.query.value(u"prompt"_s);
    auth.responseMode = request.query.value(u"response_mode"_s);

    // An error page in the browser, no redirect: the request cannot be trusted with one.
    auto refuse = [&](const QString &error, int code, const QString &sentence) {
        const QString traceId = uuid(), correlationId = uuid(), when = timestamp();
        auth.error = error;
        auth.errorDescription = u"AADSTS%1: %2"_s.arg(code).arg(sentence);
        auth.status = 400;
        m_authRequests.append(auth);
        const QByteArray page = "<!DOCTYPE html>\n<html><head><title>Sign in to your account</title></head><body>\n"
                                "<h1>Sorry, but we\xe2\x80\x99re having trouble signing you in.</h1>\n<p>"
            + auth.errorDescription.toHtmlEscaped().toUtf8() + "</p>\n<p>Request Id: " + traceId.toUtf8()
            + "<br>Correlation Id: " + correlationId.toUtf8() + "<br>Timestamp: " + when.toUtf8()
            + "</p>\n</body></html>\n";
        return Reply{400, {{"Content-Type", "text/html; charset=utf-8"}}, page, false};
    };

    if (request.method != "GET")
        return refuse(u"invalid_request"_s, 900561, u"The endpoint only accepts GET requests here."_s);
    static const QRegularExpression tenantSyntax(u"^[A-Za-z0-9._-]+$"_s);
    if (!tenantSyntax.match(tenant).hasMatch())
        return refuse(u"invalid_tenant"_s, 90002, u"Tenant '%1' not found."_s.arg(tenant));
    if (auth.clientId.isEmpty())
        return refuse(u"invalid_request"_s, 900144, u"The request body must contain the following parameter: 'client_id'."_s);
    if (auth.clientId != m_clientId) {
        return refuse(u"unauthorized_client"_s, 700016,
                      u"Application with identifier '%1' was not found in the directory '%2'."_s.arg(auth.clientId, tenant));
    }
    if (auth.redirectUri.isEmpty())
        return refuse(u"invalid_request"_s, 900144, u"The request body must contain the following parameter: 'redirect_uri'."_s);
    if (!isLoopbackRedirect(QUrl(auth.redirectUri, QUrl::StrictMode))) {
        return refuse(u"invalid_request"_s, 50011,
                      u"The redirect URI '%1' specified in the request does not match the redirect URIs configured "
                      u"for the application '%2' (this stand-in accepts http://127.0.0.1:PORT/ and http://[::1]:PORT/)."_s
                          .arg(auth.redirectUri, m_clientId));
    }
    if (auth.responseType.isEmpty())
        return refuse(u"invalid_request"_s, 900144, u"The request body must contain the following parameter: 'response_type'."_s);
    if (auth.responseType != u"code"_s)
        return refuse(u"unsupported_response_type"_s, 70005, u"The response_type '%1' is not enabled for the application."_s.arg(auth.responseType));
    if (!auth.responseMode.isEmpty() && auth.responseMode != u"query"_s)
        return refuse(u"invalid_request"_s, 90014, u"A loopback client reads the code from the query, not response_mode=%1."_s.arg(auth.responseMode));
    const QStringList asked = auth.scope.split(u' ', Qt::SkipEmptyParts);
    if (asked.isEmpty())
        return refuse(u"invalid_request"_s, 900144, u"The request body must contain the following parameter: 'scope'."_s);
    // Stricter than Microsoft, which lets a desktop client skip PKCE and state.
    if (auth.codeChallenge.isEmpty())
        return refuse(u"invalid_request"_s, 900144, u"The request body must contain the following parameter: 'code_challenge'."_s);
    if (auth.codeChallengeMethod != u"S256"_s) {
        return refuse(u"invalid_request"_s, 900144,
                      u"This stand-in requires code_challenge_method=S256, not '%1'."_s.arg(auth.codeChallengeMethod));
    }
    static const QRegularExpression challengeSyntax(u"^[A-Za-z0-9_-]{43}$"_s);
    if (!challengeSyntax.match(auth.codeChallenge).hasMatch())
        return refuse(u"invalid_request"_s, 900144, u"The code_challenge must be 43 base64url characters (S256)."_s);
    if (auth.state.isEmpty())
        return refuse(u"invalid_request"_s, 900144, u"This stand-in requires a state parameter."_s);

    QByteArray location = auth.redirectUri.toUtf8();
    location += location.contains('?') ? '&' : '?';
    const QByteArray state = QUrl::toPercentEncoding(auth.state);
    if (m_consent == Consent::Deny) {
        const QString description = describe(65004, u"User declined to consent to access the app."_s, uuid(), uuid(), timestamp());
        auth.error = u"access_denied"_s;
        auth.errorDescription = u"AADSTS65004: User declined to consent to access the app."_s;
        location += "error=access_denied&error_description=" + QUrl::toPercentEncoding(description) + "&state=" + state;
    } else {
        auth.user = normalizedUser(auth.loginHint.isEmpty() ? m_username : auth.loginHint);
        if (m_consent == Consent::GrantFewerScopes) {
            bool resourceKept = false;
            for (const QString &scope : asked) {
                if (isOpenIdScope(scope) || !std::exchange(resourceKept, true))
                    auth.grantedScopes.append(scope);
            }
        } else {
            auth.grantedScopes = asked;
        }
        auth.code = u"0.AXkA"_s + QString::fromLatin1(randomBase64Url(96));
        m_codes.insert(auth.code, {auth.clientId, auth.redirectUri, auth.codeChallenge, auth.user, auth.grantedScopes,
                                   QDateTime::currentDateTimeUtc().addSecs(CodeLifetimeSeconds), false});
        location += "code=" + QUrl::toPercentEncoding(auth.code) + "&state=" + state
            + "&session_state=" + QUrl::toPercentEncoding(uuid());
    }
    auth.status = 302;
    auth.location = location;
    m_authRequests.append(auth);
    return {302, {{"Location", location}, {"Content-Type", "text/html; charset=utf-8"}},
            "<html><head><title>Object moved</title></head><body><h2>Object moved to <a href=\"" + location
                + "\">here</a>.</h2></body></html>\n",
            false};
}

// ---- the token endpoint ----

QString FakeIdentityPlatform::issueAccessToken(const QString &user, const QString &clientId, const QStringList &scopes)
{
    const QString token = u"EwBoA8l6BAAUfake%1."_s.arg(++m_tokenCounter) + QString::fromLatin1(randomBase64Url(48));
    m_accessTokens.insert(token, {user, clientId, scopes, QDateTime::currentDateTimeUtc().addSecs(m_accessTokenLifetime), false});
    return token;
}

QString FakeIdentityPlatform::issueRefreshToken(const QString &user, const QString &clientId, const QStringList &scopes)
{
    const QString token = u"M.C507_fake%1.0.U.-"_s.arg(++m_tokenCounter) + QString::fromLatin1(randomBase64Url(96));
    m_refreshTokens.insert(token, {user, clientId, scopes, false, false});
    return token;
}

FakeIdentityPlatform::Reply FakeIdentityPlatform::tokenReply(const QString &user, const QString &clientId,
                                                             const QStringList &scopes, QString *refreshToken)
{
    QJsonObject body{{u"token_type"_s, u"Bearer"_s},
                     {u"scope"_s, withoutOfflineAccess(scopes).join(u' ')},
                     {u"expires_in"_s, m_accessTokenLifetime},
                     {u"ext_expires_in"_s, m_accessTokenLifetime},
                     {u"access_token"_s, issueAccessToken(user, clientId, scopes)}};
    if (scopes.contains(scopeOfflineAccess())) {
        *refreshToken = issueRefreshToken(user, clientId, scopes);
        body.insert(u"refresh_token"_s, *refreshToken);
    }
    if (scopes.contains(u"openid"_s)) {
        // An unsigned ID token ("alg": "none"): its claims for a client that reads who signed in.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QString tenantId = u"9188040d-6c67-4c5b-b112-36a304b66dad"_s;
        QJsonObject claims{{u"ver"_s, u"2.0"_s},
                           {u"iss"_s, baseUrl().toString() + u"/"_s + tenantId + u"/v2.0"_s},
                           {u"aud"_s, clientId},
                           {u"iat"_s, now},
                           {u"nbf"_s, now},
                           {u"exp"_s, now + 3600},
                           {u"tid"_s, tenantId},
                           {u"oid"_s, QUuid::createUuidV5(QUuid(), user).toString(QUuid::WithoutBraces)},
                           {u"sub"_s, QString::fromLatin1(QCryptographicHash::hash(user.toUtf8(), QCryptographicHash::Sha256)
                                                              .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))},
                           {u"preferred_username"_s, user}};
        if (scopes.contains(u"email"_s))
            claims.insert(u"email"_s, user);
        if (scopes.contains(u"profile"_s))
            claims.insert(u"name"_s, user.section(u'@', 0, 0));
        const QByteArray header = R"({"typ":"JWT","alg":"none"})";
        body.insert(u"id_token"_s,
                    QString::fromLatin1(header.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + '.'
                                        + toJson(claims).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                                        + '.'));
    }
    return {200,
            {{"Content-Type", JsonType}, {"Cache-Control", "no-store, no-cache"}, {"Pragma", "no-cache"}},
            toJson(body),
            false};
}

FakeIdentityPlatform::Reply FakeIdentityPlatform::handleToken(const Request &request, const QString &tenant)
{
    TokenRequest record;
    record.tenant = tenant;
    record.form = Params::parse(request.body);
    record.grantType = record.form.value(u"grant_type"_s);
    record.clientSecretSent = record.form.contains(u"client_secret"_s)
        || request.header("Authorization").trimmed().toLower().startsWith("basic ");

    auto finish = [&](Reply reply) {
        record.status = reply.status;
        record.reply = reply.body;
        m_tokenRequests.append(record);
        return reply;
    };
    // Microsoft's error shape: HTTP 400 (401 for a failed client authentication).
    auto fail = [&](const QString &error, int code, const QString &sentence, int status = 400) {
        const QString traceId = uuid(), correlationId = uuid(), when = timestamp();
        record.error = error;
        record.errorCode = code;
        record.errorDescription = describe(code, sentence, traceId, correlationId, when);
        const QJsonObject body{{u"error"_s, error},
                               {u"error_description"_s, record.errorDescription},
                               {u"error_codes"_s, QJsonArray{code}},
                               {u"timestamp"_s, when},
                               {u"trace_id"_s, traceId},
                               {u"correlation_id"_s, correlationId},
                               {u"error_uri"_s, baseUrl().toString() + u"/error?code=%1"_s.arg(code)}};
        return finish({status, {{"Content-Type", JsonType}, {"Cache-Control", "no-store, no-cache"}}, toJson(body), false});
    };
    auto missing = [&](const QString &name) {
        return fail(u"invalid_request"_s, 900144, u"The request body must contain the following parameter: '%1'."_s.arg(name));
    };

    if (request.method != "POST")
        return fail(u"invalid_request"_s, 900561, u"The endpoint only accepts POST, OPTIONS requests. Received a %1 request."_s
                                                       .arg(QString::fromLatin1(request.method)));
    if (!request.header("Content-Type").toLower().startsWith("application/x-www-form-urlencoded"))
        return missing(u"grant_type"_s); // Microsoft reads no other body
    if (record.grantType.isEmpty())
        return missing(u"grant_type"_s);
    const QString clientId = record.form.value(u"client_id"_s);
    if (clientId.isEmpty())
        return missing(u"client_id"_s);
    if (clientId != m_clientId) {
        return fail(u"invalid_client"_s, 700016,
                    u"Application with identifier '%1' was not found in the directory '%2'. This can happen if the "
                    u"application has not been installed by the administrator of the tenant or consented to by any "
                    u"user in the tenant."_s.arg(clientId, tenant));
    }
    if (record.clientSecretSent && m_rejectClientSecret) {
        return fail(u"invalid_client"_s, 700025,
                    u"Client is public so neither 'client_assertion' nor 'client_secret' should be presented."_s, 401);
    }

    if (record.grantType == u"authorization_code"_s) {
        const QString code = record.form.value(u"code"_s);
        if (code.isEmpty())
            return missing(u"code"_s);
        const auto it = m_codes.find(code);
        if (it == m_codes.end() || QDateTime::currentDateTimeUtc() >= it->expiresAt) {
            return fail(u"invalid_grant"_s, 70008,
                        u"The provided authorization code or refresh token has expired due to inactivity. Send a new "
                        u"interactive authorization request for this user and resource."_s);
        }
        if (it->used) {
            return fail(u"invalid_grant"_s, 54005,
                        u"OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an "
                        u"existing refresh token."_s);
        }
        if (it->clientId != clientId)
            return fail(u"invalid_grant"_s, 70000, u"Provided grant is invalid or malformed."_s);
        const QString redirectUri = record.form.value(u"redirect_uri"_s);
        if (redirectUri.isEmpty())
            return missing(u"redirect_uri"_s);
        if (redirectUri != it->redirectUri) {
            return fail(u"invalid_grant"_s, 50011,
                        u"The redirect URI '%1' specified in the request does not match the one the authorization "
                        u"code was issued for."_s.arg(redirectUri));
        }
        if (!record.form.contains(u"code_verifier"_s))
            return missing(u"code_verifier"_s);
        const QString verifier = record.form.value(u"code_verifier"_s);
        if (!isValidVerifier(verifier) || pkceChallenge(verifier) != it->codeChallenge) {
            return fail(u"invalid_grant"_s, 501481,
                        u"The Code_Verifier does not match the code_challenge supplied in the authorization request."_s);
        }
        // A failed attempt above leaves the code usable; a successful one uses it up.
        it->used = true;
        ++m_codeGrants;
        return finish(tokenReply(it->user, clientId, it->scopes, &record.issuedRefreshToken));
    }

    if (record.grantType == u"refresh_token"_s) {
        const QString refreshToken = record.form.value(u"refresh_token"_s);
        if (refreshToken.isEmpty())
            return missing(u"refresh_token"_s);
        const auto it = m_refreshTokens.find(refreshToken);
        if (it == m_refreshTokens.end())
            return fail(u"invalid_grant"_s, 9002313, u"Invalid request. Request is malformed or invalid."_s);
        if (it->clientId != clientId)
            return fail(u"invalid_grant"_s, 70000, u"Provided grant is invalid or malformed."_s);
        if (it->revoked || it->used) {
            // Revoked (revokeGrants()) or rotated away: the client should have kept the new one.
            return fail(u"invalid_grant"_s, 700082,
                        it->revoked ? u"The refresh token has expired due to inactivity or was revoked."_s
                                    : u"The refresh token has expired due to inactivity; it was already used and "
                                      u"replaced by the refresh token of that reply."_s);
        }
        QStringList scopes = it->scopes;
        if (const QString asked = record.form.value(u"scope"_s); !asked.trimmed().isEmpty()) {
            const QStringList wanted = asked.split(u' ', Qt::SkipEmptyParts);
            for (const QString &scope : wanted) {
                if (!scopes.contains(scope)) {
                    return fail(u"invalid_grant"_s, 65001,
                                u"The user or administrator has not consented to use the application with ID '%1' "
                                u"for the scope '%2'."_s.arg(clientId, scope));
                }
            }
            scopes = wanted;
            if (!scopes.contains(scopeOfflineAccess()))
                scopes.append(scopeOfflineAccess()); // the grant keeps going
        }
        it->used = true;
        const QString user = it->user; // tokenReply() inserts into m_refreshTokens: no iterator after it
        ++m_refreshGrants;
        return finish(tokenReply(user, clientId, scopes, &record.issuedRefreshToken));
    }

    return fail(u"unsupported_grant_type"_s, 70003, u"The app requested an unsupported grant type '%1'."_s.arg(record.grantType));
}

// ---- introspection (RFC 7662) ----

FakeIdentityPlatform::Reply FakeIdentityPlatform::handleIntrospect(const Request &request)
{
    if (request.method != "POST")
        return {405, {{"Allow", "POST"}}, "POST a form with token=...\n", false};
    const Params form = Params::parse(request.body);
    Introspection record;
    record.token = form.value(u"token"_s);
    if (record.token.isEmpty()) {
        record.status = 400;
        m_introspections.append(record);
        return {400, {{"Content-Type", JsonType}}, toJson({{u"error"_s, u"invalid_request"_s}}), false};
    }
    ++m_introspectionCounts[record.token];
    QJsonObject body{{u"active"_s, false}};
    if (isAccessTokenActive(record.token)) {
        const AccessToken &token = m_accessTokens[record.token];
        record.active = true;
        record.username = token.user;
        body = QJsonObject{{u"active"_s, true},
                           {u"username"_s, token.user},
                           {u"scope"_s, withoutOfflineAccess(token.scopes).join(u' ')},
                           {u"client_id"_s, token.clientId},
                           {u"token_type"_s, u"Bearer"_s},
                           {u"exp"_s, token.expiresAt.toSecsSinceEpoch()}};
    }
    record.status = 200;
    m_introspections.append(record);
    return {200, {{"Content-Type", JsonType}}, toJson(body), false};
}
