#include "fakegoogle.h"
#include "pkcecheck.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// Google's wording, from the Gmail "Resolve errors" guide and replies seen in the wild.
const QString InvalidCredentials = u"Request had invalid authentication credentials. Expected OAuth 2 access token, "
                                   u"login cookie or other valid authentication credential. See "
                                   u"https://developers.google.com/identity/sign-in/web/devconsole-project."_s;
const QString MissingCredentials = u"Request is missing required authentication credential. Expected OAuth 2 access "
                                   u"token, login cookie or other valid authentication credential. See "
                                   u"https://developers.google.com/identity/sign-in/web/devconsole-project."_s;

using standin::isValidVerifier;
using standin::pkceChallenge;
using standin::randomBase64Url;

/// proto3 JSON "bytes": standard or URL-safe base64, with or without padding.
std::optional<QByteArray> decodeBytes(const QString &text)
{
    for (auto options : {QByteArray::Base64UrlEncoding, QByteArray::Base64Encoding}) {
        auto result = QByteArray::fromBase64Encoding(text.toLatin1(), options | QByteArray::AbortOnBase64DecodingErrors);
        if (result)
            return *result;
    }
    return std::nullopt;
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

bool isLoopbackRedirect(const QUrl &url)
{
    if (!url.isValid() || url.scheme() != u"http"_s || url.port() <= 0 || url.hasFragment())
        return false;
    const QString host = url.host();
    return host == u"127.0.0.1"_s || host == u"::1"_s || host == u"localhost"_s;
}

// ---- a little RFC 5322 reading, for metadata, snippets and recipients ----

struct HeaderField
{
    QString name;
    QString value;
};

/// RFC 2047 encoded words (what Gmail decodes in payload.headers).
QString decodeEncodedWords(const QByteArray &value)
{
    static const QRegularExpression word(u"=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?="_s);
    const QString text = QString::fromUtf8(value);
    QString out;
    qsizetype last = 0;
    bool previousWasWord = false;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString between = text.mid(last, m.capturedStart() - last);
        if (!(previousWasWord && between.trimmed().isEmpty()))
            out += between;
        QByteArray bytes = m.captured(3).toLatin1();
        if (m.captured(2).compare(u"B"_s, Qt::CaseInsensitive) == 0) {
            bytes = QByteArray::fromBase64(bytes);
        } else {
            bytes.replace('_', ' ');
            bytes = QByteArray::fromPercentEncoding(bytes, '=');
        }
        QString charset = m.captured(1);
        if (const qsizetype star = charset.indexOf(u'*'); star >= 0)
            charset.truncate(star); // RFC 2231 language suffix
        QStringDecoder decoder(charset.toLatin1().constData());
        out += decoder.isValid() ? QString(decoder(bytes)) : QString::fromLatin1(bytes);
        last = m.capturedEnd();
        previousWasWord = true;
    }
    out += text.mid(last);
    return out;
}

/// The header fields (unfolded, encoded words decoded) and the offset of the body.
QList<HeaderField> readHeaders(const QByteArray &raw, qsizetype *bodyOffset)
{
    QList<HeaderField> fields;
    qsizetype pos = 0;
    QByteArray current;
    auto flush = [&] {
        const qsizetype colon = current.indexOf(':');
        if (colon > 0)
            fields.append({QString::fromLatin1(current.left(colon).trimmed()), decodeEncodedWords(current.mid(colon + 1).trimmed())});
        current.clear();
    };
    while (pos < raw.size()) {
        qsizetype eol = raw.indexOf('\n', pos);
        if (eol < 0)
            eol = raw.size();
        QByteArray line = raw.mid(pos, eol - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = eol + 1;
        if (line.isEmpty())
            break;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !current.isEmpty()) {
            current += ' ' + line.trimmed();
            continue;
        }
        flush();
        current = line;
    }
    flush();
    if (bodyOffset)
        *bodyOffset = std::min(pos, raw.size());
    return fields;
}

QString headerValue(const QList<HeaderField> &fields, const QString &name)
{
    for (const HeaderField &f : fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return f.value;
    }
    return {};
}

QStringList recipients(const QList<HeaderField> &fields)
{
    static const QRegularExpression address(u"[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+"_s);
    QStringList out;
    for (const HeaderField &f : fields) {
        if (f.name.compare(u"To"_s, Qt::CaseInsensitive) != 0 && f.name.compare(u"Cc"_s, Qt::CaseInsensitive) != 0
            && f.name.compare(u"Bcc"_s, Qt::CaseInsensitive) != 0)
            continue;
        for (auto it = address.globalMatch(f.value); it.hasNext();)
            out.append(it.next().captured());
    }
    return out;
}

/// Roughly what Gmail shows: the first text of the body, whitespace collapsed, HTML-escaped.
QString snippet(const QByteArray &raw)
{
    qsizetype bodyOffset = 0;
    readHeaders(raw, &bodyOffset);
    QStringList words;
    for (const QByteArray &line : raw.mid(bodyOffset).split('\n')) {
        const QByteArray t = line.trimmed();
        if (t.startsWith("--") || t.startsWith("Content-") || t.startsWith("content-"))
            continue;
        words += QString::fromUtf8(t).split(u' ', Qt::SkipEmptyParts);
        if (words.size() > 40)
            break;
    }
    QString text = words.join(u' ');
    if (text.size() > 200)
        text.truncate(200);
    return text.toHtmlEscaped().replace(u"'"_s, u"&#39;"_s);
}

const QSet<QString> &systemLabels()
{
    static const QSet<QString> labels{u"INBOX"_s, u"SPAM"_s, u"TRASH"_s, u"UNREAD"_s, u"STARRED"_s,
                                      u"IMPORTANT"_s, u"SENT"_s, u"DRAFT"_s, u"CHAT"_s,
                                      u"CATEGORY_PERSONAL"_s, u"CATEGORY_SOCIAL"_s, u"CATEGORY_PROMOTIONS"_s,
                                      u"CATEGORY_UPDATES"_s, u"CATEGORY_FORUMS"_s};
    return labels;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringArray(const QJsonValue &value, bool *ok)
{
    QStringList out;
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isArray()) {
        *ok = false;
        return out;
    }
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isString())
            *ok = false;
        out.append(v.toString());
    }
    return out;
}

} // namespace

QString FakeGoogle::scopeSend() { return u"https://www.googleapis.com/auth/gmail.send"_s; }
QString FakeGoogle::scopeModify() { return u"https://www.googleapis.com/auth/gmail.modify"_s; }
QString FakeGoogle::scopeReadonly() { return u"https://www.googleapis.com/auth/gmail.readonly"_s; }
QString FakeGoogle::scopeFullMail() { return u"https://mail.google.com/"_s; }

FakeGoogle::FakeGoogle(QObject *parent)
    : QObject(parent),
      m_server(new LoopbackHttpServer("FakeGoogle", this)),
      m_clientId(u"123456789012-fakegoogle0machina0test.apps.googleusercontent.com"_s),
      m_clientSecret(u"GOCSPX-FakeGoogle-"_s + QString::fromLatin1(randomBase64Url(12)))
{
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

FakeGoogle::~FakeGoogle() = default;

bool FakeGoogle::listen()
{
    return m_server->listen();
}

quint16 FakeGoogle::port() const { return m_server->port(); }

int FakeGoogle::connectionCount() const { return m_server->connectionCount(); }

QUrl FakeGoogle::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

QUrl FakeGoogle::authUri() const
{
    QUrl url = baseUrl();
    url.setPath(u"/o/oauth2/auth"_s);
    return url;
}

QUrl FakeGoogle::tokenUri() const
{
    QUrl url = baseUrl();
    url.setPath(u"/token"_s);
    return url;
}

QUrl FakeGoogle::gmailApiUrl() const { return baseUrl(); }

QByteArray FakeGoogle::clientSecretsJson() const
{
    const QJsonObject installed{
        {u"client_id"_s, m_clientId},
        {u"project_id"_s, u"machina-fakegoogle"_s},
        {u"auth_uri"_s, authUri().toString()},
        {u"token_uri"_s, tokenUri().toString()},
        {u"auth_provider_x509_cert_url"_s, u"https://www.googleapis.com/oauth2/v1/certs"_s},
        {u"client_secret"_s, m_clientSecret},
        {u"redirect_uris"_s, QJsonArray{u"http://localhost"_s}},
    };
    return QJsonDocument(QJsonObject{{u"installed"_s, installed}}).toJson(QJsonDocument::Compact);
}

// ---- the browser ----

bool FakeGoogle::playBrowser(QNetworkAccessManager *browser, const QUrl &authorizationUrl, QString *error,
                             const std::function<QByteArray(const QByteArray &location)> &rewriteRedirect) const
{
    const QUrl consentScreen = authUri();
    LoopbackBrowser::SignIn signIn;
    signIn.isConsentScreen = [consentScreen](const QUrl &url) {
        return url.scheme() == consentScreen.scheme() && url.host() == consentScreen.host()
            && url.port() == consentScreen.port() && url.path() == consentScreen.path();
    };
    signIn.consentScreenName = u"this fake's consent screen "_s + consentScreen.toString();
    signIn.isCallback = [](const QUrl &callback) {
        return callback.scheme() == u"http"_s && callback.host() == u"127.0.0.1"_s
            && callback.path() == u"/oauth2callback"_s;
    };
    signIn.callbackName = u"a loopback /oauth2callback"_s;
    signIn.rewriteRedirect = rewriteRedirect;
    return LoopbackBrowser::play(browser, authorizationUrl, signIn, error);
}

// ---- controls ----

QString FakeGoogle::addMessage(const QByteArray &raw, const QStringList &labelIds)
{
    return newMessage(raw, labelIds, QString());
}

FakeGoogle::Grant FakeGoogle::grantTokens(const QStringList &scopes)
{
    const QStringList granted = scopes.isEmpty() ? QStringList{scopeSend(), scopeModify()} : scopes;
    return {issueAccessToken(granted), issueRefreshToken(granted), granted};
}

void FakeGoogle::expireAccessTokens()
{
    for (AccessToken &token : m_accessTokens)
        token.expired = true;
}

void FakeGoogle::revokeRefreshTokens()
{
    for (RefreshToken &token : m_refreshTokens)
        token.revoked = true;
}

void FakeGoogle::failNextGmailCalls(int count, int status, int retryAfterSeconds)
{
    m_failCount = count;
    m_failStatus = status;
    m_failRetryAfter = retryAfterSeconds;
}

QList<FakeGoogle::Request> FakeGoogle::requests(const QString &pathPrefix) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.path.startsWith(pathPrefix))
            out.append(r);
    }
    return out;
}

QList<FakeGoogle::Message> FakeGoogle::messages() const
{
    QList<Message> out;
    for (const StoredMessage &s : m_mailbox)
        out.append(s.message);
    return out;
}

std::optional<FakeGoogle::Message> FakeGoogle::message(const QString &id) const
{
    for (const StoredMessage &s : m_mailbox) {
        if (s.message.id == id)
            return s.message;
    }
    return std::nullopt;
}

void FakeGoogle::clearRecords()
{
    m_requests.clear();
    m_authRequests.clear();
    m_tokenRequests.clear();
    m_sentRaws.clear();
    m_modifyCalls.clear();
    m_codeGrants = 0;
    m_refreshGrants = 0;
}

// ---- routing ----

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QByteArray JsonType = "application/json; charset=UTF-8";

/// Google's API error: {"error": {"code", "message", "errors": [{message, domain, reason, ...}], "status"}}.
QJsonObject apiError(int code, const QString &status, const QString &message, QJsonObject item)
{
    if (!item.contains(u"message"_s))
        item.insert(u"message"_s, message);
    if (!item.contains(u"domain"_s))
        item.insert(u"domain"_s, u"global"_s);
    return QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, code},
                                                 {u"message"_s, message},
                                                 {u"errors"_s, QJsonArray{item}},
                                                 {u"status"_s, status}}}};
}

QJsonObject reason(const QString &reason) { return QJsonObject{{u"reason"_s, reason}}; }

QJsonObject invalidArgument(const QString &message)
{
    return apiError(400, u"INVALID_ARGUMENT"_s, message, reason(u"invalidArgument"_s));
}

} // namespace

FakeGoogle::Reply FakeGoogle::route(Request &request)
{
    const QString &path = request.path;
    if (path == u"/o/oauth2/auth"_s || path == u"/o/oauth2/v2/auth"_s) {
        if (request.method != "GET")
            return {405, {}, "GET only\n", false};
        return handleAuth(request);
    }
    if (path == u"/token"_s) {
        if (request.method != "POST") {
            return {405, {{"Content-Type", JsonType}},
                    toJson({{u"error"_s, u"invalid_request"_s}, {u"error_description"_s, u"Invalid HTTP method"_s}}),
                    false};
        }
        return handleToken(request);
    }
    const bool upload = path.startsWith(u"/upload/gmail/v1/users/"_s);
    if (upload || path.startsWith(u"/gmail/v1/users/"_s)) {
        QStringList segments = path.mid(upload ? 23 : 16).split(u'/');
        const QString user = segments.takeFirst();
        return handleGmail(request, user, segments, upload);
    }
    return {404, {{"Content-Type", "text/html; charset=UTF-8"}},
            "<!DOCTYPE html>\n<title>Error 404 (Not Found)!!1</title>\n<p><b>404.</b> That\xe2\x80\x99s an error.\n", false};
}

// ---- OAuth: the consent screen ----

FakeGoogle::Reply FakeGoogle::handleAuth(const Request &request)
{
    AuthRequest auth;
    auth.query = request.query;
    auth.clientId = request.query.value(u"client_id"_s);
    auth.redirectUri = request.query.value(u"redirect_uri"_s);
    auth.responseType = request.query.value(u"response_type"_s);
    auth.scope = request.query.value(u"scope"_s);
    auth.state = request.query.value(u"state"_s);
    auth.codeChallenge = request.query.value(u"code_challenge"_s);
    auth.codeChallengeMethod = request.query.value(u"code_challenge_method"_s);
    auth.accessType = request.query.value(u"access_type"_s);

    // Google shows an error page (no redirect) for a request it cannot trust.
    auto refuse = [&](int status, const QString &error, const QString &description) {
        auth.error = error;
        m_authRequests.append(auth);
        const QByteArray page = "<!DOCTYPE html>\n<html><head><title>Error " + QByteArray::number(status)
            + " (OAuth2 Error)</title></head><body>\n<h1>Access blocked: Authorization Error</h1>\n<p>"
            + description.toHtmlEscaped().toUtf8() + "</p>\n<p>Error " + QByteArray::number(status) + ": "
            + error.toUtf8() + "</p>\n</body></html>\n";
        return Reply{status, {{"Content-Type", "text/html; charset=utf-8"}}, page, false};
    };

    if (auth.clientId.isEmpty())
        return refuse(400, u"invalid_request"_s, u"Missing required parameter: client_id"_s);
    if (auth.clientId != m_clientId)
        return refuse(401, u"invalid_client"_s, u"The OAuth client was not found."_s);
    if (auth.redirectUri.isEmpty())
        return refuse(400, u"invalid_request"_s, u"Missing required parameter: redirect_uri"_s);
    if (!isLoopbackRedirect(QUrl(auth.redirectUri, QUrl::StrictMode))) {
        return refuse(400, u"redirect_uri_mismatch"_s,
                      u"A Desktop app client must redirect to http://127.0.0.1:<port>/..., not %1"_s.arg(auth.redirectUri));
    }
    if (auth.responseType.isEmpty())
        return refuse(400, u"invalid_request"_s, u"Required parameter is missing: response_type"_s);
    if (auth.responseType != u"code"_s)
        return refuse(400, u"unsupported_response_type"_s, u"Invalid response_type: %1"_s.arg(auth.responseType));
    if (auth.scope.trimmed().isEmpty())
        return refuse(400, u"invalid_request"_s, u"Missing required parameter: scope"_s);
    // Stricter than Google, which lets a Desktop client skip PKCE and state.
    if (auth.codeChallenge.isEmpty())
        return refuse(400, u"invalid_request"_s, u"FakeGoogle requires PKCE: code_challenge is missing"_s);
    if (auth.codeChallengeMethod != u"S256"_s) {
        return refuse(400, u"invalid_request"_s,
                      u"FakeGoogle requires code_challenge_method=S256, got '%1'"_s.arg(auth.codeChallengeMethod));
    }
    static const QRegularExpression challengeSyntax(u"^[A-Za-z0-9_-]{43}$"_s);
    if (!challengeSyntax.match(auth.codeChallenge).hasMatch())
        return refuse(400, u"invalid_request"_s, u"Invalid code_challenge (expected 43 base64url characters)"_s);
    if (auth.state.isEmpty())
        return refuse(400, u"invalid_request"_s, u"FakeGoogle requires a state parameter"_s);

    QByteArray location = auth.redirectUri.toUtf8();
    location += location.contains('?') ? '&' : '?';
    const QByteArray state = QUrl::toPercentEncoding(auth.state);
    if (m_consent == Consent::Deny) {
        auth.error = u"access_denied"_s;
        location += "error=access_denied&state=" + state;
    } else {
        const QStringList asked = auth.scope.split(u' ', Qt::SkipEmptyParts);
        auth.grantedScopes = m_consent == Consent::GrantFewerScopes ? QStringList{scopeSend()} : asked;
        auth.code = u"4/0A"_s + QString::fromLatin1(randomBase64Url(48));
        m_codes.insert(auth.code, {auth.clientId, auth.redirectUri, auth.codeChallenge, auth.grantedScopes, false});
        // As Google does: the code percent-encoded ("4%2F0A..."), the scope URLs left readable.
        location += "state=" + state + "&code=" + QUrl::toPercentEncoding(auth.code)
            + "&scope=" + QUrl::toPercentEncoding(auth.grantedScopes.join(u' '), ":/")
            + "&authuser=0&prompt=consent";
    }
    auth.location = location;
    m_authRequests.append(auth);
    return {302, {{"Location", location}, {"Content-Type", "text/html; charset=UTF-8"}},
            "<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY>Moved Temporarily</BODY></HTML>\n", false};
}

// ---- OAuth: the token endpoint ----

QString FakeGoogle::issueAccessToken(const QStringList &scopes)
{
    const QString token = u"ya29.a0Fake%1-"_s.arg(++m_tokenCounter) + QString::fromLatin1(randomBase64Url(36));
    m_accessTokens.insert(token, {scopes, QDateTime::currentDateTimeUtc().addSecs(m_accessTokenLifetime), false});
    return token;
}

QString FakeGoogle::issueRefreshToken(const QStringList &scopes)
{
    const QString token = u"1//0gFake%1-"_s.arg(++m_tokenCounter) + QString::fromLatin1(randomBase64Url(36));
    m_refreshTokens.insert(token, {scopes, false});
    return token;
}

FakeGoogle::Reply FakeGoogle::handleToken(const Request &request)
{
    TokenRequest record;
    record.form = Params::parse(request.body);
    record.grantType = record.form.value(u"grant_type"_s);

    auto answer = [&](int status, const QJsonObject &body) {
        record.status = status;
        record.reply = toJson(body);
        if (status != 200) {
            record.error = body.value(u"error"_s).toString();
            record.errorDescription = body.value(u"error_description"_s).toString();
        }
        m_tokenRequests.append(record);
        return Reply{status,
                     {{"Content-Type", "application/json; charset=utf-8"},
                      {"Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"},
                      {"Pragma", "no-cache"}},
                     record.reply,
                     false};
    };
    auto oauthError = [&](int status, const QString &error, const QString &description) {
        return answer(status, {{u"error"_s, error}, {u"error_description"_s, description}});
    };

    if (!request.header("Content-Type").toLower().startsWith("application/x-www-form-urlencoded"))
        return oauthError(400, u"invalid_request"_s, u"Invalid Content-Type: expected application/x-www-form-urlencoded"_s);

    // Client authentication: in the body, or HTTP Basic (RFC 6749 section 2.3.1).
    QString clientId = record.form.value(u"client_id"_s);
    QString clientSecret = record.form.value(u"client_secret"_s);
    if (const QByteArray authorization = request.header("Authorization"); authorization.startsWith("Basic ")) {
        record.basicAuth = true;
        const QByteArray pair = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = pair.indexOf(':');
        clientId = QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(colon)));
        clientSecret = QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(colon + 1)));
    }
    if (clientId.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"Could not determine client ID from request."_s);
    if (clientId != m_clientId)
        return oauthError(401, u"invalid_client"_s, u"The OAuth client was not found."_s);
    if (clientSecret != m_clientSecret)
        return oauthError(401, u"invalid_client"_s, u"Unauthorized"_s);

    if (record.grantType == u"authorization_code"_s) {
        const QString code = record.form.value(u"code"_s);
        if (code.isEmpty())
            return oauthError(400, u"invalid_request"_s, u"Missing required parameter: code"_s);
        const auto it = m_codes.find(code);
        if (it == m_codes.end()) {
            // A code encoded twice ("4%2F0A...") is "malformed" to Google.
            const bool malformed = !code.startsWith(u"4/"_s) || code.contains(u'%');
            return oauthError(400, u"invalid_grant"_s, malformed ? u"Malformed auth code."_s : u"Bad Request"_s);
        }
        if (it->used)
            return oauthError(400, u"invalid_grant"_s, u"Bad Request"_s);
        const QString redirectUri = record.form.value(u"redirect_uri"_s);
        if (redirectUri.isEmpty())
            return oauthError(400, u"invalid_request"_s, u"Missing parameter: redirect_uri"_s);
        if (redirectUri != it->redirectUri)
            return oauthError(400, u"redirect_uri_mismatch"_s, u"Bad Request"_s);
        if (!record.form.contains(u"code_verifier"_s))
            return oauthError(400, u"invalid_grant"_s, u"Missing code verifier."_s);
        const QString verifier = record.form.value(u"code_verifier"_s);
        if (!isValidVerifier(verifier) || pkceChallenge(verifier) != it->codeChallenge)
            return oauthError(400, u"invalid_grant"_s, u"Invalid code verifier."_s);
        // A failed attempt above leaves the code usable; a successful one uses it up.
        it->used = true;
        const QStringList scopes = it->scopes;
        ++m_codeGrants;
        return answer(200, {{u"access_token"_s, issueAccessToken(scopes)},
                            {u"expires_in"_s, m_accessTokenLifetime},
                            {u"refresh_token"_s, issueRefreshToken(scopes)},
                            {u"scope"_s, scopes.join(u' ')},
                            {u"token_type"_s, u"Bearer"_s}});
    }
    if (record.grantType == u"refresh_token"_s) {
        const QString refreshToken = record.form.value(u"refresh_token"_s);
        if (refreshToken.isEmpty())
            return oauthError(400, u"invalid_request"_s, u"Missing required parameter: refresh_token"_s);
        const auto it = m_refreshTokens.constFind(refreshToken);
        if (it == m_refreshTokens.cend() || it->revoked)
            return oauthError(400, u"invalid_grant"_s, u"Token has been expired or revoked."_s);
        ++m_refreshGrants;
        // No refresh_token in a refresh reply: the client keeps the one it has.
        return answer(200, {{u"access_token"_s, issueAccessToken(it->scopes)},
                            {u"expires_in"_s, m_accessTokenLifetime},
                            {u"scope"_s, it->scopes.join(u' ')},
                            {u"token_type"_s, u"Bearer"_s}});
    }
    if (record.grantType.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"Missing required parameter: grant_type"_s);
    return oauthError(400, u"unsupported_grant_type"_s, u"Invalid grant_type: %1"_s.arg(record.grantType));
}

// ---- Gmail ----

FakeGoogle::Reply FakeGoogle::handleGmail(const Request &request, const QString &user, const QStringList &rest,
                                          bool upload)
{
    auto error = [](int status, const QJsonObject &body, Headers extra = {}) {
        extra.append({"Content-Type", JsonType});
        extra.append({QByteArray("Vary"), QByteArray("Origin, X-Origin, Referer")});
        return Reply{status, extra, toJson(body), false};
    };

    // Authentication first, as Google does.
    const QByteArray authorization = request.header("Authorization");
    if (authorization.isEmpty()) {
        return error(401,
                     apiError(401, u"UNAUTHENTICATED"_s, MissingCredentials,
                              {{u"message"_s, u"Login Required."_s}, {u"reason"_s, u"required"_s},
                               {u"location"_s, u"Authorization"_s}, {u"locationType"_s, u"header"_s}}),
                     {{"WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\""}});
    }
    const QString token = authorization.left(7).toLower() == "bearer " ? QString::fromLatin1(authorization.mid(7).trimmed())
                                                                       : QString();
    const auto tokenIt = m_accessTokens.constFind(token);
    if (tokenIt == m_accessTokens.cend() || tokenIt->expired || QDateTime::currentDateTimeUtc() >= tokenIt->expiresAt) {
        return error(401,
                     apiError(401, u"UNAUTHENTICATED"_s, InvalidCredentials,
                              {{u"message"_s, u"Invalid Credentials"_s}, {u"reason"_s, u"authError"_s},
                               {u"location"_s, u"Authorization"_s}, {u"locationType"_s, u"header"_s}}),
                     {{"WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\""}});
    }
    if (user != u"me"_s && user.compare(m_emailAddress, Qt::CaseInsensitive) != 0) {
        const QString message = u"Delegation denied for "_s + m_emailAddress;
        return error(403, apiError(403, u"PERMISSION_DENIED"_s, message, reason(u"forbidden"_s)));
    }

    if (m_failCount > 0) {
        --m_failCount;
        if (m_failStatus == 0)
            return {0, {}, {}, true};
        if (m_failStatus == 200)
            return {200, {{"Content-Type", "text/html"}}, "<html><body>Sign in to the guest network</body></html>", false};
        Headers extra;
        if (m_failRetryAfter >= 0)
            extra.append({"Retry-After", QByteArray::number(m_failRetryAfter)});
        switch (m_failStatus) {
        case 429: {
            const QString message = u"Resource has been exhausted (e.g. check quota)."_s;
            return error(429, apiError(429, u"RESOURCE_EXHAUSTED"_s, message, reason(u"rateLimitExceeded"_s)), extra);
        }
        case 503:
            return error(503, apiError(503, u"UNAVAILABLE"_s, u"The service is currently unavailable."_s,
                                       reason(u"backendError"_s)),
                         extra);
        case 500:
            return error(500, apiError(500, u"INTERNAL"_s, u"Internal error encountered."_s, reason(u"backendError"_s)),
                         extra);
        default:
            return error(m_failStatus, apiError(m_failStatus, u"UNKNOWN"_s, u"Injected failure."_s,
                                                reason(u"backendError"_s)),
                         extra);
        }
    }

    // Which method, and which scopes allow it (the Gmail API reference, "Authorization scopes").
    enum class Method { None, Profile, List, Get, Send, Modify } method = Method::None;
    const QByteArray verb = request.method;
    if (upload) {
        if (verb == "POST" && rest == QStringList{u"messages"_s, u"send"_s})
            method = Method::Send;
    } else if (verb == "GET" && rest == QStringList{u"profile"_s}) {
        method = Method::Profile;
    } else if (verb == "GET" && rest == QStringList{u"messages"_s}) {
        method = Method::List;
    } else if (verb == "POST" && rest == QStringList{u"messages"_s, u"send"_s}) {
        method = Method::Send;
    } else if (verb == "GET" && rest.size() == 2 && rest[0] == u"messages"_s) {
        method = Method::Get;
    } else if (verb == "POST" && rest.size() == 3 && rest[0] == u"messages"_s && rest[2] == u"modify"_s) {
        method = Method::Modify;
    }
    if (method == Method::None) {
        return {404, {{"Content-Type", "text/html; charset=UTF-8"}},
                "<!DOCTYPE html>\n<title>Error 404 (Not Found)!!1</title>\n<p><b>404.</b> That\xe2\x80\x99s an error.\n",
                false};
    }

    const QString metadata = u"https://www.googleapis.com/auth/gmail.metadata"_s;
    const QString compose = u"https://www.googleapis.com/auth/gmail.compose"_s;
    QStringList allowed{scopeFullMail(), scopeModify()};
    switch (method) {
    case Method::Profile: allowed << scopeReadonly() << compose << metadata; break;
    case Method::List: allowed << scopeReadonly() << metadata; break;
    case Method::Get: {
        allowed << scopeReadonly();
        const QString format = request.query.value(u"format"_s).toLower();
        if (format == u"metadata"_s || format == u"minimal"_s)
            allowed << metadata;
        break;
    }
    case Method::Send: allowed << compose << scopeSend(); break;
    case Method::Modify:
    case Method::None: break;
    }
    const QStringList &granted = tokenIt->scopes;
    if (std::none_of(allowed.begin(), allowed.end(), [&](const QString &s) { return granted.contains(s); })) {
        return error(403, apiError(403, u"PERMISSION_DENIED"_s, u"Request had insufficient authentication scopes."_s,
                                   {{u"message"_s, u"Insufficient Permission"_s},
                                    {u"reason"_s, u"insufficientPermissions"_s}}));
    }

    switch (method) {
    case Method::Profile: return gmailProfile();
    case Method::List: return gmailList(request);
    case Method::Get: return gmailGet(request, rest[1]);
    case Method::Send: return gmailSend(request, upload);
    case Method::Modify: return gmailModify(request, rest[1]);
    case Method::None: break;
    }
    return {500, {}, {}, false};
}

FakeGoogle::Reply FakeGoogle::gmailProfile()
{
    QSet<QString> threads;
    for (const StoredMessage &s : m_mailbox)
        threads.insert(s.message.threadId);
    return {200, {{"Content-Type", JsonType}},
            toJson({{u"emailAddress"_s, m_emailAddress},
                    {u"messagesTotal"_s, int(m_mailbox.size())},
                    {u"threadsTotal"_s, int(threads.size())},
                    {u"historyId"_s, QString::number(m_historyId)}}),
            false};
}

FakeGoogle::Reply FakeGoogle::gmailList(const Request &request)
{
    auto bad = [](const QString &message) {
        return Reply{400, {{"Content-Type", JsonType}}, toJson(invalidArgument(message)), false};
    };

    int pageSize = m_pageSize;
    if (const QString max = request.query.value(u"maxResults"_s); !max.isNull()) {
        bool ok = false;
        pageSize = max.toInt(&ok);
        if (!ok || pageSize < 0)
            return bad(u"Invalid value at 'max_results' (TYPE_UINT32), \"%1\""_s.arg(max));
        pageSize = std::clamp(pageSize, 1, 500);
    }

    // The q terms our client uses (Gmail's search operators); anything else is refused
    // loudly rather than silently matching everything.
    QStringList mustHave = request.query.values(u"labelIds"_s);
    QStringList mustNotHave;
    bool anywhere = request.query.value(u"includeSpamTrash"_s) == u"true"_s;
    for (const QString &term : request.query.value(u"q"_s).split(u' ', Qt::SkipEmptyParts)) {
        const QString t = term.toLower();
        if (t == u"is:unread"_s)
            mustHave << u"UNREAD"_s;
        else if (t == u"is:read"_s)
            mustNotHave << u"UNREAD"_s;
        else if (t == u"is:starred"_s)
            mustHave << u"STARRED"_s;
        else if (t == u"in:anywhere"_s)
            anywhere = true;
        else if (t.startsWith(u"in:"_s) || t.startsWith(u"label:"_s))
            mustHave << term.mid(term.indexOf(u':') + 1).toUpper();
        else
            return bad(u"FakeGoogle does not understand the search term '%1'"_s.arg(term));
    }
    if (!anywhere && !mustHave.contains(u"SPAM"_s) && !mustHave.contains(u"TRASH"_s))
        mustNotHave << u"SPAM"_s << u"TRASH"_s;

    // Newest first, as Gmail lists.
    QList<const StoredMessage *> matches;
    for (const StoredMessage &s : m_mailbox) {
        const QStringList &labels = s.message.labelIds;
        if (std::all_of(mustHave.begin(), mustHave.end(), [&](const QString &l) { return labels.contains(l, Qt::CaseInsensitive); })
            && std::none_of(mustNotHave.begin(), mustNotHave.end(), [&](const QString &l) { return labels.contains(l); }))
            matches.append(&s);
    }
    auto newer = [](const StoredMessage *a, const StoredMessage *b) {
        return a->message.internalDate != b->message.internalDate ? a->message.internalDate > b->message.internalDate
                                                                  : a->sequence > b->sequence;
    };
    std::sort(matches.begin(), matches.end(), newer);

    // A page token is a cursor (the last message shown), so a page stays right even
    // when the client changes labels between pages.
    qsizetype start = 0;
    if (const QString pageToken = request.query.value(u"pageToken"_s); !pageToken.isEmpty()) {
        const auto it = m_pageTokens.constFind(pageToken);
        if (it == m_pageTokens.cend())
            return bad(u"Invalid pageToken"_s);
        StoredMessage cursor;
        cursor.message.internalDate = it->internalDate;
        cursor.sequence = it->sequence;
        while (start < matches.size() && !newer(&cursor, matches[start]))
            ++start;
    }

    QJsonArray page;
    qsizetype i = start;
    for (; i < matches.size() && page.size() < pageSize; ++i)
        page.append(QJsonObject{{u"id"_s, matches[i]->message.id}, {u"threadId"_s, matches[i]->message.threadId}});
    QJsonObject reply;
    if (!page.isEmpty()) // Gmail leaves "messages" out of an empty result
        reply.insert(u"messages"_s, page);
    if (i < matches.size()) {
        QString token;
        for (int d = 0; d < 20; ++d)
            token += QChar(u'0' + QRandomGenerator::global()->bounded(10));
        m_pageTokens.insert(token, {matches[i - 1]->message.internalDate, matches[i - 1]->sequence});
        reply.insert(u"nextPageToken"_s, token);
    }
    reply.insert(u"resultSizeEstimate"_s, int(matches.size()));
    return {200, {{"Content-Type", JsonType}}, toJson(reply), false};
}

FakeGoogle::StoredMessage *FakeGoogle::find(const QString &id)
{
    for (StoredMessage &s : m_mailbox) {
        if (s.message.id == id)
            return &s;
    }
    return nullptr;
}

FakeGoogle::Reply FakeGoogle::notFoundReply()
{
    const QString message = u"Requested entity was not found."_s;
    return {404, {{"Content-Type", JsonType}}, toJson(apiError(404, u"NOT_FOUND"_s, message, reason(u"notFound"_s))), false};
}

static bool isMessageId(const QString &id)
{
    static const QRegularExpression hex(u"^[0-9a-f]{1,32}$"_s);
    return hex.match(id).hasMatch();
}

QByteArray FakeGoogle::messageJson(const StoredMessage &stored, const QString &format,
                                   const QStringList &metadataHeaders) const
{
    const Message &m = stored.message;
    QJsonObject object{{u"id"_s, m.id},
                       {u"threadId"_s, m.threadId},
                       {u"labelIds"_s, toArray(m.labelIds)},
                       {u"snippet"_s, snippet(m.raw)},
                       {u"sizeEstimate"_s, int(m.raw.size())},
                       // int64/uint64 fields are JSON strings in Google's APIs
                       {u"historyId"_s, QString::number(m.historyId)},
                       {u"internalDate"_s, QString::number(m.internalDate)}};
    if (format == u"raw"_s) {
        // Padded base64url, as Gmail sends it.
        object.insert(u"raw"_s, QString::fromLatin1(m.raw.toBase64(QByteArray::Base64UrlEncoding)));
    } else if (format == u"metadata"_s) {
        const QList<HeaderField> fields = readHeaders(m.raw, nullptr);
        QJsonArray headers;
        for (const HeaderField &f : fields) {
            const bool wanted = metadataHeaders.isEmpty()
                || std::any_of(metadataHeaders.begin(), metadataHeaders.end(),
                               [&](const QString &h) { return h.compare(f.name, Qt::CaseInsensitive) == 0; });
            if (wanted)
                headers.append(QJsonValue(QJsonObject{{u"name"_s, f.name}, {u"value"_s, f.value}}));
        }
        QString mimeType = headerValue(fields, u"Content-Type"_s).section(u';', 0, 0).trimmed().toLower();
        if (mimeType.isEmpty())
            mimeType = u"text/plain"_s;
        object.insert(u"payload"_s, QJsonObject{{u"partId"_s, QString()},
                                                {u"mimeType"_s, mimeType},
                                                {u"filename"_s, QString()},
                                                {u"headers"_s, headers},
                                                {u"body"_s, QJsonObject{{u"size"_s, 0}}}});
    }
    return toJson(object);
}

FakeGoogle::Reply FakeGoogle::gmailGet(const Request &request, const QString &id)
{
    if (!isMessageId(id))
        return {400, {{"Content-Type", JsonType}}, toJson(invalidArgument(u"Invalid id value"_s)), false};
    const QString format = request.query.contains(u"format"_s) ? request.query.value(u"format"_s).toLower() : u"full"_s;
    if (format != u"raw"_s && format != u"metadata"_s && format != u"minimal"_s) {
        return {400, {{"Content-Type", JsonType}},
                toJson(invalidArgument(u"FakeGoogle serves format=raw, metadata and minimal, not '%1'"_s.arg(format))),
                false};
    }
    const StoredMessage *stored = find(id);
    if (!stored)
        return notFoundReply();
    return {200, {{"Content-Type", JsonType}}, messageJson(*stored, format, request.query.values(u"metadataHeaders"_s)),
            false};
}

QString FakeGoogle::newMessage(const QByteArray &raw, const QStringList &labelIds, const QString &threadId)
{
    StoredMessage stored;
    stored.sequence = ++m_sequence;
    stored.message.id = QString::asprintf("%016llx", 0x18f0000000000000ULL + stored.sequence * 0x1011ULL);
    stored.message.threadId = threadId.isEmpty() ? stored.message.id : threadId;
    stored.message.raw = raw;
    stored.message.labelIds = labelIds;
    // Strictly increasing, so "newest first" is the order messages were added.
    m_lastInternalDate = std::max(m_lastInternalDate + 1000, QDateTime::currentMSecsSinceEpoch());
    stored.message.internalDate = m_lastInternalDate;
    stored.message.historyId = ++m_historyId;
    m_mailbox.append(stored);
    return stored.message.id;
}

FakeGoogle::Reply FakeGoogle::gmailSend(const Request &request, bool upload)
{
    auto bad = [](const QString &message) {
        return Reply{400, {{"Content-Type", JsonType}}, toJson(invalidArgument(message)), false};
    };

    QByteArray raw;
    QString threadId;
    if (upload) {
        if (request.query.value(u"uploadType"_s) != u"media"_s)
            return bad(u"FakeGoogle accepts uploadType=media only"_s);
        raw = request.body;
    } else {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            return bad(u"Invalid JSON payload received. %1 at offset %2"_s.arg(parseError.errorString())
                           .arg(parseError.offset));
        }
        const QString encoded = document.object().value(u"raw"_s).toString();
        if (encoded.isEmpty())
            return bad(u"'raw' RFC822 payload message string or uploading message via /upload/* URL required"_s);
        const std::optional<QByteArray> decoded = decodeBytes(encoded);
        if (!decoded)
            return bad(u"Invalid value at 'message.raw' (TYPE_BYTES), Base64 decoding failed"_s);
        raw = *decoded;
        threadId = document.object().value(u"threadId"_s).toString();
    }

    const QList<HeaderField> fields = readHeaders(raw, nullptr);
    const QStringList to = recipients(fields);
    if (to.isEmpty())
        return bad(u"Recipient address required"_s);
    if (!threadId.isEmpty() && !std::any_of(m_mailbox.cbegin(), m_mailbox.cend(),
                                            [&](const StoredMessage &s) { return s.message.threadId == threadId; }))
        return notFoundReply();

    m_sentRaws.append(raw);
    QStringList labels{u"SENT"_s};
    // Mail to oneself is one message, in Sent and in the inbox.
    if (std::any_of(to.begin(), to.end(), [&](const QString &a) { return a.compare(m_emailAddress, Qt::CaseInsensitive) == 0; }))
        labels = QStringList{u"UNREAD"_s, u"SENT"_s, u"INBOX"_s};
    const QString id = newMessage(raw, labels, threadId);
    const Message &m = m_mailbox.constLast().message;
    return {200, {{"Content-Type", JsonType}},
            toJson({{u"id"_s, id}, {u"threadId"_s, m.threadId}, {u"labelIds"_s, toArray(m.labelIds)}}), false};
}

FakeGoogle::Reply FakeGoogle::gmailModify(const Request &request, const QString &id)
{
    ModifyCall call;
    call.id = id;
    auto finish = [&](const Reply &reply) {
        call.status = reply.status;
        m_modifyCalls.append(call);
        return reply;
    };
    auto bad = [&](const QString &message) {
        return finish({400, {{"Content-Type", JsonType}}, toJson(invalidArgument(message)), false});
    };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return bad(u"Invalid JSON payload received. %1"_s.arg(parseError.errorString()));
    bool ok = true;
    call.addLabelIds = stringArray(document.object().value(u"addLabelIds"_s), &ok);
    call.removeLabelIds = stringArray(document.object().value(u"removeLabelIds"_s), &ok);
    if (!ok)
        return bad(u"Invalid JSON payload received. addLabelIds and removeLabelIds must be arrays of strings"_s);
    if (!isMessageId(id))
        return bad(u"Invalid id value"_s);
    StoredMessage *stored = find(id);
    if (!stored)
        return finish(notFoundReply());

    QSet<QString> known = systemLabels();
    for (const StoredMessage &s : m_mailbox)
        known.unite(QSet<QString>(s.message.labelIds.begin(), s.message.labelIds.end()));
    for (const QString &label : call.addLabelIds + call.removeLabelIds) {
        if (!known.contains(label))
            return bad(u"Invalid label: %1"_s.arg(label));
    }
    QStringList &labels = stored->message.labelIds;
    for (const QString &label : call.removeLabelIds)
        labels.removeAll(label);
    for (const QString &label : call.addLabelIds) {
        if (!labels.contains(label))
            labels.append(label);
    }
    stored->message.historyId = ++m_historyId;
    return finish({200, {{"Content-Type", JsonType}},
                   toJson({{u"id"_s, stored->message.id},
                           {u"threadId"_s, stored->message.threadId},
                           {u"labelIds"_s, toArray(labels)}}),
                   false});
}
