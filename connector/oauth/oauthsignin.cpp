#include "oauthsignin.h"

#include "../gmail/googleclientsecrets.h"
#include "../secrets/credentialstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QProcess>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace machina {

namespace {

// Messages here never carry a token, a code, the verifier or the client secret.
Q_LOGGING_CATEGORY(lcOAuth, "machina.oauth", QtWarningMsg)

constexpr int DefaultSignInTimeoutMs = 5 * 60 * 1000;
constexpr int TokenRequestTimeoutMs = 30 * 1000;
constexpr int VerifierLength = 64;    // RFC 7636 section 4.1: 43-128 unreserved characters
constexpr int StateLength = 43;

QString callbackPath() { return QStringLiteral("/oauth2callback"); }

/// RFC 3986 unreserved characters from the system CSPRNG (Qt 6.4 has no PKCE, and its state is time-seeded).
QString randomUnreserved(int length)
{
    static constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    constexpr quint32 AlphabetSize = sizeof(Alphabet) - 1;
    QString out;
    out.reserve(length);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(Alphabet[rng->bounded(AlphabetSize)]);
    return out;
}

/// RFC 7636 section 4.2: BASE64URL(SHA256(ASCII(code_verifier))), no padding.
QString pkceChallenge(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// A scope list as providers write it: space-separated, or '+'/%20 in a redirect query.
QStringList parseScopes(const QString &text)
{
    QString decoded = text;
    decoded.replace(QLatin1Char('+'), QLatin1Char(' '));
    decoded = QUrl::fromPercentEncoding(decoded.toUtf8());
    return decoded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

/// "gmail.modify (https://www.googleapis.com/auth/gmail.modify)" for each scope.
QString describeScopes(const QStringList &scopes)
{
    QStringList parts;
    for (const QString &scope : scopes)
        parts.append(QStringLiteral("%1 (%2)").arg(scope.section(QLatin1Char('/'), -1), scope));
    return parts.join(QStringLiteral(", "));
}

QString secondsText(int ms)
{
    return QString::number(ms / 1000.0, 'g', 6);
}

/// What the token endpoint answered (RFC 6749 sections 5.1 and 5.2).
struct TokenResponse
{
    ConnectorError error;
    QString oauthError;          ///< "invalid_grant", ...; empty on success or transport failure
    QString accessToken;
    QString refreshToken;        ///< empty when the answer had none (a refresh, usually)
    QDateTime expiresAt;         ///< UTC; invalid when the answer had no expires_in
    std::optional<QStringList> scopes;
};

TokenResponse readTokenResponse(QNetworkReply *reply, const QString &what, const OAuthClientSpec &client)
{
    TokenResponse result;
    const QByteArray body = reply->readAll();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QString host = reply->url().host();

    if (!status.isValid()) {
        result.error = ConnectorError(ConnectorError::Kind::Network,
                                      QCoreApplication::translate("machina::OAuthSignIn", "%1: could not reach %2's token endpoint at %3: %4")
                                          .arg(what, client.providerName, host, reply->errorString()));
        return result;
    }

    const int httpStatus = status.toInt();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject json = document.object();

    // RFC 6749 5.2, as Google and Microsoft send it: {"error": "invalid_grant", "error_description": "..."}.
    QString oauthError;
    QString description;
    if (json.value(QStringLiteral("error")).isString()) {
        oauthError = json.value(QStringLiteral("error")).toString();
        description = json.value(QStringLiteral("error_description")).toString();
    } else if (json.value(QStringLiteral("error")).isObject()) {
        const QJsonObject error = json.value(QStringLiteral("error")).toObject();
        oauthError = error.value(QStringLiteral("status")).toString();
        description = error.value(QStringLiteral("message")).toString();
    }

    if (httpStatus != 200 || !oauthError.isEmpty()) {
        result.oauthError = oauthError;
        QString said = oauthError.isEmpty() ? QCoreApplication::translate("machina::OAuthSignIn", "no error code") : oauthError;
        if (!description.isEmpty())
            said += QStringLiteral(" (%1)").arg(description);
        ConnectorError::Kind kind = ConnectorError::Kind::Protocol;
        if (httpStatus >= 500 || httpStatus == 429)
            kind = ConnectorError::Kind::Network;
        else if (oauthError == QLatin1String("invalid_client") || oauthError == QLatin1String("unauthorized_client"))
            kind = ConnectorError::Kind::Config;
        QString message = QCoreApplication::translate("machina::OAuthSignIn", "%1: %2's token endpoint answered HTTP %3: %4")
                              .arg(what, client.providerName).arg(httpStatus).arg(said);
        if (kind == ConnectorError::Kind::Config && !client.clientHint.isEmpty())
            message += QStringLiteral("; ") + client.clientHint;
        result.error = ConnectorError(kind, message);
        return result;
    }

    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        result.error = ConnectorError(ConnectorError::Kind::Protocol,
                                      QCoreApplication::translate("machina::OAuthSignIn", "%1: %2's token endpoint sent something that is not a JSON object (%3)")
                                          .arg(what, client.providerName, parseError.errorString()));
        return result;
    }
    result.accessToken = json.value(QStringLiteral("access_token")).toString();
    if (result.accessToken.isEmpty()) {
        result.error = ConnectorError(ConnectorError::Kind::Protocol,
                                      QCoreApplication::translate("machina::OAuthSignIn", "%1: %2's token endpoint answered without an access_token").arg(what, client.providerName));
        return result;
    }
    result.refreshToken = json.value(QStringLiteral("refresh_token")).toString();
    const int expiresIn = json.value(QStringLiteral("expires_in")).toInt(-1);
    if (expiresIn > 0)
        result.expiresAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + expiresIn, Qt::UTC);   // whole seconds, as stored
    if (json.value(QStringLiteral("scope")).isString())
        result.scopes = parseScopes(json.value(QStringLiteral("scope")).toString());
    return result;
}

} // namespace

/**
 * The loopback redirect endpoint. It hands the code-exchange reply to
 * OAuthSignIn instead of QOAuthOobReplyHandler, which in 6.4 only logs a failed
 * token request and leaves the flow waiting forever.
 */
class LoopbackReplyHandler : public QOAuthHttpServerReplyHandler
{
public:
    using QOAuthHttpServerReplyHandler::QOAuthHttpServerReplyHandler;

    std::function<void(QNetworkReply *)> onTokenReply;

protected:
    void networkReplyFinished(QNetworkReply *reply) override
    {
        if (onTokenReply)
            onTokenReply(reply);
    }
};

// ---- OAuthSignIn ----

OAuthSignIn::OAuthSignIn(const OAuthClientSpec &spec, CredentialStore *store, QObject *parent)
    : QObject(parent),
      m_client(spec),
      m_store(store),
      m_nam(new QNetworkAccessManager(this)),
      m_signInTimeoutMs(DefaultSignInTimeoutMs),
      m_signInHint(spec.signInHint)
{
    m_nam->setTransferTimeout(TokenRequestTimeoutMs);
    m_signInTimer.setSingleShot(true);
    connect(&m_signInTimer, &QTimer::timeout, this, [this] {
        endInteractive();
        finishCurrent(ConnectorError(
            ConnectorError::Kind::Auth,
            tr("%1 sign-in was not completed within %2 s: finish it in the browser in time, or run %3 again")
                .arg(m_client.providerName, secondsText(m_signInTimeoutMs), m_signInHint)));
    });
}

OAuthSignIn::~OAuthSignIn()
{
    endInteractive();
    const ConnectorError gone(ConnectorError::Kind::Aborted, tr("%1 sign-in was abandoned (the application is closing)").arg(m_client.providerName));
    finishCurrent(gone);
    for (Job &job : m_queue) {
        for (const QPointer<ConnectorReply> &reply : job.replies) {
            if (reply)
                reply->finish(gone);
        }
    }
}

void OAuthSignIn::setSignInTimeout(int ms)
{
    m_signInTimeoutMs = ms;
}

void OAuthSignIn::setNoBrowser(bool noBrowser)
{
    m_noBrowser = noBrowser;
}

ConnectorReply *OAuthSignIn::ensureSignedIn(bool allowInteractive)
{
    return enqueue(Job::Kind::Ensure, allowInteractive);
}

ConnectorReply *OAuthSignIn::signIn()
{
    return enqueue(Job::Kind::SignIn, true);
}

ConnectorReply *OAuthSignIn::refresh()
{
    return enqueue(Job::Kind::Refresh, false);
}

ConnectorReply *OAuthSignIn::signOut()
{
    return enqueue(Job::Kind::SignOut, false);
}

// ---- the job queue ----

ConnectorReply *OAuthSignIn::enqueue(Job::Kind kind, bool allowInteractive)
{
    auto *reply = new ConnectorReply;
    // Several 401s at once need one refresh, not one each.
    if (kind == Job::Kind::Refresh) {
        if (m_current && m_current->kind == Job::Kind::Refresh) {
            m_current->replies.append(reply);
            return reply;
        }
        for (Job &job : m_queue) {
            if (job.kind == Job::Kind::Refresh) {
                job.replies.append(reply);
                return reply;
            }
        }
    }
    m_queue.push_back(Job{kind, allowInteractive, {reply}});
    // Started from the event loop: nothing is emitted from inside the call.
    QMetaObject::invokeMethod(this, [this] { startNext(); }, Qt::QueuedConnection);
    return reply;
}

void OAuthSignIn::startNext()
{
    if (m_current || m_queue.empty())
        return;
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    switch (m_current->kind) {
    case Job::Kind::Ensure:
        runEnsure(m_current->allowInteractive);
        break;
    case Job::Kind::SignIn: {
        // The tokens can only be kept in the keychain: find out it is missing (or
        // locked) before the user goes through the consent screen for nothing.
        CredentialReply *probe = m_store->probe();
        connect(probe, &ConnectorReply::finished, this, [this, probe] {
            probe->deleteLater();
            if (probe->error())
                return finishCurrent(probe->error());
            startInteractive();
        });
        break;
    }
    case Job::Kind::Refresh:
        runRefresh();
        break;
    case Job::Kind::SignOut:
        runSignOut();
        break;
    }
}

void OAuthSignIn::finishCurrent(const ConnectorError &error)
{
    if (!m_current)
        return;
    if (error)
        qCWarning(lcOAuth).noquote() << error.message();
    const Job job = std::move(*m_current);
    m_current.reset();
    for (const QPointer<ConnectorReply> &reply : job.replies) {
        if (reply)
            reply->finish(error);
    }
    if (!m_queue.empty())
        QMetaObject::invokeMethod(this, [this] { startNext(); }, Qt::QueuedConnection);
}

// ---- stored tokens ----

QStringList OAuthSignIn::missingScopes(const QStringList &granted) const
{
    // Compared without case: Microsoft may answer with its own spelling of a scope.
    QStringList missing;
    for (const QString &scope : m_client.requiredScopes) {
        if (!granted.contains(scope, Qt::CaseInsensitive))
            missing.append(scope);
    }
    return missing;
}

bool OAuthSignIn::hasUsableTokens() const
{
    return m_tokens.isValid() && !m_tokens.isExpired(m_expiryMarginSeconds)
        && (m_tokens.grantedScopes.isEmpty() || missingScopes(m_tokens.grantedScopes).isEmpty());
}

void OAuthSignIn::loadStored(const Done &done)
{
    if (m_storeLoaded) {
        done({});
        return;
    }
    CredentialReply *reply = m_store->readSecret(m_client.tokenKey);
    connect(reply, &ConnectorReply::finished, reply, &QObject::deleteLater);
    connect(reply, &ConnectorReply::finished, this, [this, reply, done] {
        if (reply->error()) {
            done(reply->error());   // a missing keychain (Config) as the store says it
            return;
        }
        m_storeLoaded = true;
        OAuthTokens loaded;
        if (!reply->notFound()) {
            if (const std::optional<OAuthTokens> parsed = OAuthTokens::fromJson(reply->secret()))
                loaded = *parsed;
            else
                qCWarning(lcOAuth) << "the stored" << m_client.providerName << "tokens are unreadable; a new sign-in is needed";
        }
        qCDebug(lcOAuth) << "stored" << m_client.providerName << "tokens:" << (loaded.isValid() ? "access token" : "no access token")
                              << (loaded.refreshToken.isEmpty() ? "no refresh token" : "refresh token")
                              << "expires" << loaded.expiresAt << "scopes" << loaded.grantedScopes;
        setTokens(loaded);
        done({});
    });
}

void OAuthSignIn::setTokens(const OAuthTokens &tokens)
{
    const bool changed = tokens.accessToken != m_tokens.accessToken || tokens.refreshToken != m_tokens.refreshToken
        || tokens.expiresAt != m_tokens.expiresAt || tokens.grantedScopes != m_tokens.grantedScopes;
    m_tokens = tokens;
    if (changed)
        Q_EMIT tokensChanged();
}

void OAuthSignIn::storeTokens(const OAuthTokens &tokens, const Done &done)
{
    setTokens(tokens);
    m_storeLoaded = true;
    CredentialReply *reply = m_store->writeSecret(m_client.tokenKey, tokens.toJson());
    connect(reply, &ConnectorReply::finished, reply, &QObject::deleteLater);
    connect(reply, &ConnectorReply::finished, this, [reply, done] {
        if (!reply->error())
            qCDebug(lcOAuth) << "OAuth tokens saved in the keychain";
        done(reply->error());
    });
}

ConnectorError OAuthSignIn::checkUrl(const QUrl &url, const QString &field) const
{
    if (GoogleClientSecrets::isAcceptableUrl(url))
        return {};
    return ConnectorError(ConnectorError::Kind::Config,
                          tr("the %1 OAuth client's %2 must be an https URL (plain http only on loopback), found '%3'")
                              .arg(m_client.providerName, field, url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
}

// ---- ensureSignedIn / refresh / signOut ----

void OAuthSignIn::runEnsure(bool allowInteractive)
{
    if (hasUsableTokens()) {
        m_outcome = Outcome::Stored;
        finishCurrent({});
        return;
    }
    loadStored([this, allowInteractive](const ConnectorError &error) {
        if (error) {
            finishCurrent(error);
            return;
        }
        if (hasUsableTokens()) {
            m_outcome = Outcome::Stored;
            finishCurrent({});
            return;
        }
        const QStringList missing = m_tokens.grantedScopes.isEmpty() ? QStringList() : missingScopes(m_tokens.grantedScopes);
        if (!m_tokens.refreshToken.isEmpty() && missing.isEmpty()) {
            postRefresh([this, allowInteractive](const ConnectorError &error, bool revoked) {
                if (revoked && allowInteractive)
                    startInteractive();
                else
                    finishCurrent(error);
            });
            return;
        }
        if (allowInteractive) {
            startInteractive();
            return;
        }
        if (!missing.isEmpty()) {
            finishCurrent(ConnectorError(ConnectorError::Kind::Auth,
                                         tr("the stored %1 sign-in lacks %2: run %3 and tick it on the consent screen")
                                             .arg(m_client.providerName, describeScopes(missing), m_signInHint)));
            return;
        }
        finishCurrent(ConnectorError(ConnectorError::Kind::Auth,
                                     tr("not signed in to %1: run %2").arg(m_client.providerName, m_signInHint)));
    });
}

void OAuthSignIn::runRefresh()
{
    loadStored([this](const ConnectorError &error) {
        if (error) {
            finishCurrent(error);
            return;
        }
        if (m_tokens.refreshToken.isEmpty()) {
            finishCurrent(ConnectorError(ConnectorError::Kind::Auth,
                                         tr("not signed in to %1: run %2").arg(m_client.providerName, m_signInHint)));
            return;
        }
        postRefresh([this](const ConnectorError &error, bool) { finishCurrent(error); });
    });
}

void OAuthSignIn::runSignOut()
{
    setTokens({});
    m_storeLoaded = true;
    CredentialReply *reply = m_store->deleteSecret(m_client.tokenKey);
    connect(reply, &ConnectorReply::finished, reply, &QObject::deleteLater);
    connect(reply, &ConnectorReply::finished, this, [this, reply] { finishCurrent(reply->error()); });
}

// RFC 6749 section 6. Our own request rather than the flow's refreshAccessToken(),
// which in 6.4 only logs a failure and stays in RefreshingToken.
void OAuthSignIn::postRefresh(const std::function<void(const ConnectorError &error, bool revoked)> &done)
{
    if (const ConnectorError error = checkUrl(m_client.tokenUrl, m_client.tokenUrlName)) {
        done(error, false);
        return;
    }
    QByteArray body = "grant_type=refresh_token";
    body += "&refresh_token=" + QUrl::toPercentEncoding(m_tokens.refreshToken);
    body += "&client_id=" + QUrl::toPercentEncoding(m_client.clientId);
    if (!m_client.clientSecret.isEmpty())   // a public client (Microsoft's desktop apps) sends none
        body += "&client_secret=" + QUrl::toPercentEncoding(m_client.clientSecret);

    QNetworkRequest request(m_client.tokenUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    qCDebug(lcOAuth).noquote() << "refreshing the" << m_client.providerName << "access token at" << m_client.tokenUrl.host();
    QNetworkReply *reply = m_nam->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        //: What was being done, the start of "%1: could not reach ..."; %1 is the provider (Google, Microsoft).
        const TokenResponse response = readTokenResponse(reply, tr("refreshing the %1 access token").arg(m_client.providerName), m_client);
        if (response.oauthError == QLatin1String("invalid_grant")) {
            // Revoked, or expired (7 days while the consent screen is in "Testing").
            const ConnectorError revoked(ConnectorError::Kind::Auth,
                                         tr("%1 no longer accepts the stored sign-in (revoked or expired): "
                                            "sign in again with %2")
                                             .arg(m_client.providerName, m_signInHint));
            setTokens({});
            m_storeLoaded = true;
            CredentialReply *deletion = m_store->deleteSecret(m_client.tokenKey);
            connect(deletion, &ConnectorReply::finished, deletion, &QObject::deleteLater);
            connect(deletion, &ConnectorReply::finished, this, [deletion, revoked, done] {
                if (deletion->error())
                    qCWarning(lcOAuth).noquote() << "could not delete the revoked tokens:" << deletion->error().message();
                done(revoked, true);
            });
            return;
        }
        if (response.error) {
            done(response.error, false);
            return;
        }
        OAuthTokens tokens = m_tokens;
        tokens.accessToken = response.accessToken;
        tokens.expiresAt = response.expiresAt;
        if (!response.refreshToken.isEmpty())   // usually absent: keep ours
            tokens.refreshToken = response.refreshToken;
        if (response.scopes)
            tokens.grantedScopes = *response.scopes;
        qCDebug(lcOAuth) << "access token refreshed; expires" << tokens.expiresAt;
        m_outcome = Outcome::Refreshed;
        storeTokens(tokens, [done](const ConnectorError &error) { done(error, false); });
    });
}

// ---- the interactive sign-in ----

/*
 * RFC 6749 section 4.1 for a native app (RFC 8252): the system browser, a
 * loopback redirect on a port the system picks, PKCE S256 (RFC 7636).
 *
 *   startInteractive        listen on 127.0.0.1:0, grant() -> authorizeWithBrowser -> authorizationUrlReady
 *   onAuthorizationCallback the browser came back: error, state and code checked; the flow posts the code
 *   onCodeExchangeFinished  the token endpoint's answer: scopes checked, tokens stored
 *   m_signInTimer           nobody came back in time
 * Every end goes through endInteractive(), which stops the listener.
 */
void OAuthSignIn::startInteractive()
{
    for (const auto &[url, field] : {std::pair{m_client.authorizeUrl, m_client.authorizeUrlName}, std::pair{m_client.tokenUrl, m_client.tokenUrlName}}) {
        if (const ConnectorError error = checkUrl(url, field)) {
            finishCurrent(error);
            return;
        }
    }

    // QHostAddress spelled out: with the bare enum, (QHostAddress::LocalHost, 0)
    // picks the (quint16 port, QObject *parent) overload and listens on port 2
    // of every interface.
    auto *handler = new LoopbackReplyHandler(QHostAddress(QHostAddress::LocalHost), 0, this);
    if (!handler->isListening()) {
        delete handler;
        finishCurrent(ConnectorError(ConnectorError::Kind::Network,
                                     tr("%1 sign-in: could not listen on 127.0.0.1 for the browser's redirect").arg(m_client.providerName)));
        return;
    }
    handler->setCallbackPath(callbackPath());    // only this path counts, not /favicon.ico
    handler->setCallbackText(tr(
        "Machina Console received the answer of %1. You can close this tab and return to the application.").arg(m_client.providerName));
    handler->onTokenReply = [this](QNetworkReply *reply) { onCodeExchangeFinished(reply); };
    // Before setReplyHandler()/grant() connect the flow: this runs first and can stop it.
    connect(handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            [this](const QVariantMap &data) { onAuthorizationCallback(data); });

    auto *nam = new QNetworkAccessManager(this);
    nam->setTransferTimeout(TokenRequestTimeoutMs);
    auto *flow = new QOAuth2AuthorizationCodeFlow(nam, this);
    flow->setAuthorizationUrl(m_client.authorizeUrl);
    flow->setAccessTokenUrl(m_client.tokenUrl);
    flow->setClientIdentifier(m_client.clientId);
    flow->setClientIdentifierSharedKey(m_client.clientSecret);
    flow->setScope(m_client.requestedScopes.join(QLatin1Char(' ')));
    flow->setReplyHandler(handler);

    m_flow = flow;
    m_flowHandler = handler;
    m_flowNam = nam;
    m_redirectScopes.clear();
    // 6.4's own state is 8 characters from a time-seeded mt19937.
    m_state = randomUnreserved(StateLength);
    m_verifier = randomUnreserved(VerifierLength);
    flow->setState(m_state);

    const QString challenge = pkceChallenge(m_verifier);
    const QString verifier = m_verifier;
    const QString secret = m_client.clientSecret;
    const QList<QPair<QString, QString>> extra = m_client.authorizeParameters;
    flow->setModifyParametersFunction([challenge, verifier, secret, extra](QAbstractOAuth::Stage stage,
                                                                           QMultiMap<QString, QVariant> *parameters) {
        switch (stage) {
        case QAbstractOAuth::Stage::RequestingAuthorization:
            parameters->replace(QStringLiteral("code_challenge"), challenge);
            parameters->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
            for (const auto &[name, value] : extra)
                parameters->replace(name, value);
            break;
        case QAbstractOAuth::Stage::RequestingAccessToken: {
            // The values here are read as already percent-encoded. 6.4 hands on
            // the code as it came in the redirect ("4%2F0A...", Google encodes
            // it) and encodes it again: decode to the real code, encode once.
            // Same for the secret, which 6.4 passes raw ('+' would become a space).
            const QString received = QUrl::fromPercentEncoding(parameters->value(QStringLiteral("code")).toByteArray());
            const QString code = QUrl::fromPercentEncoding(received.toUtf8());
            parameters->replace(QStringLiteral("code"), QString::fromLatin1(QUrl::toPercentEncoding(code)));
            parameters->replace(QStringLiteral("code_verifier"), verifier);
            if (secret.isEmpty())   // a public client: sending even an empty secret is an error at Microsoft
                parameters->remove(QStringLiteral("client_secret"));
            else
                parameters->replace(QStringLiteral("client_secret"), QString::fromLatin1(QUrl::toPercentEncoding(secret)));
            break;
        }
        default:
            break;
        }
    });
    connect(flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) { openBrowser(url); });

    qCDebug(lcOAuth) << "sign-in: waiting for the browser on 127.0.0.1 port" << handler->port()
                          << "for" << m_signInTimeoutMs / 1000.0 << "s";
    m_signInTimer.start(m_signInTimeoutMs);
    flow->grant();
}

void OAuthSignIn::openBrowser(const QUrl &url)
{
    Q_EMIT authorizationUrlReady(url);
    if (m_noBrowser)
        return;
    // QDesktopServices is Qt GUI, which the connector does not link.
#if defined(Q_OS_MACOS)
    const QString opener = QStringLiteral("open");
#else
    const QString opener = QStringLiteral("xdg-open");
#endif
    if (!QProcess::startDetached(opener, {url.toString(QUrl::FullyEncoded)})) {
        qCWarning(lcOAuth).noquote() << "could not start" << opener
                                          << "to open the browser: open the sign-in link the application shows";
    }
}

void OAuthSignIn::onAuthorizationCallback(const QVariantMap &data)
{
    if (!m_flow)
        return;
    auto fail = [this](ConnectorError::Kind kind, const QString &message) {
        endInteractive();
        finishCurrent(ConnectorError(kind, message));
    };

    const QString error = data.value(QStringLiteral("error")).toString();
    if (!error.isEmpty()) {
        if (error == QLatin1String("access_denied")) {
            fail(ConnectorError::Kind::Auth,
                 tr("%1 sign-in was denied: access was not allowed on the consent screen; run %2 again and allow it")
                     .arg(m_client.providerName, m_signInHint));
        } else {
            const QString description = QUrl::fromPercentEncoding(data.value(QStringLiteral("error_description")).toByteArray());
            fail(ConnectorError::Kind::Auth,
                 tr("%1 sign-in failed: %2%3")
                     .arg(m_client.providerName, QUrl::fromPercentEncoding(error.toUtf8()),
                          description.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(description)));
        }
        return;
    }
    // 6.4 compares the state too, but then only logs and waits: fail here.
    const QString state = QUrl::fromPercentEncoding(data.value(QStringLiteral("state")).toByteArray());
    if (state != m_state) {
        fail(ConnectorError::Kind::Auth,
             tr("%1 sign-in refused: the browser came back with a state this sign-in did not send "
                "(a stale or forged link); run %2 again")
                 .arg(m_client.providerName, m_signInHint));
        return;
    }
    if (data.value(QStringLiteral("code")).toString().isEmpty()) {
        fail(ConnectorError::Kind::Protocol, tr("%1 sign-in: the redirect carried no authorization code").arg(m_client.providerName));
        return;
    }
    m_redirectScopes = parseScopes(data.value(QStringLiteral("scope")).toString());
    qCDebug(lcOAuth) << "sign-in: authorization code received; exchanging it";
    // The flow now posts the code (with our modifications) to token_uri.
}

void OAuthSignIn::onCodeExchangeFinished(QNetworkReply *reply)
{
    if (!m_flow)
        return;
    //: What was being done, the start of "%1: could not reach ..."; %1 is the provider (Google, Microsoft).
    const TokenResponse response = readTokenResponse(reply, tr("%1 sign-in").arg(m_client.providerName), m_client);
    if (response.error) {
        endInteractive();
        ConnectorError error = response.error;
        if (response.oauthError == QLatin1String("invalid_grant"))
            //: %1 is an error sentence from the token endpoint, %2 the command that signs in.
            error = ConnectorError(ConnectorError::Kind::Auth, tr("%1; run %2 again").arg(error.message(), m_signInHint));
        finishCurrent(error);
        return;
    }

    OAuthTokens tokens;
    tokens.accessToken = response.accessToken;
    tokens.expiresAt = response.expiresAt;
    // Without prompt=consent Google may leave the refresh token out; the old one still works then.
    tokens.refreshToken = response.refreshToken.isEmpty() ? m_tokens.refreshToken : response.refreshToken;
    tokens.grantedScopes = response.scopes ? *response.scopes : m_redirectScopes;
    endInteractive();

    // Users can untick scopes on the consent screen.
    const QStringList missing = missingScopes(tokens.grantedScopes);
    if (!missing.isEmpty()) {
        finishCurrent(ConnectorError(ConnectorError::Kind::Auth,
                                     tr("%1 sign-in did not grant %2: run %3 again and tick that permission on the consent screen")
                                         .arg(m_client.providerName, describeScopes(missing), m_signInHint)));
        return;
    }
    if (tokens.refreshToken.isEmpty())
        qCWarning(lcOAuth) << "no refresh token came: the browser will be needed again when the access token expires";
    m_outcome = Outcome::SignedIn;
    qCDebug(lcOAuth) << "sign-in complete; scopes" << tokens.grantedScopes << "expires" << tokens.expiresAt;
    storeTokens(tokens, [this](const ConnectorError &error) { finishCurrent(error); });
}

void OAuthSignIn::endInteractive()
{
    m_signInTimer.stop();
    m_state.clear();
    m_verifier.clear();
    QOAuth2AuthorizationCodeFlow *flow = m_flow.data();
    auto *handler = static_cast<LoopbackReplyHandler *>(m_flowHandler.data());
    QNetworkAccessManager *nam = m_flowNam.data();
    m_flow = nullptr;
    m_flowHandler = nullptr;
    m_flowNam = nullptr;

    if (handler) {
        handler->onTokenReply = nullptr;
        handler->disconnect(this);
        if (flow)
            handler->disconnect(flow);   // a callback being delivered stops here
        handler->close();                // stop listening
    }
    if (flow) {
        flow->disconnect(this);
        flow->deleteLater();
    }
    if (nam) {
        // The flow's reply lambda calls the handler without a guard: end an
        // unfinished code exchange while the handler is still there.
        const QList<QNetworkReply *> replies = nam->findChildren<QNetworkReply *>();
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished())
                reply->abort();
        }
        nam->deleteLater();
    }
    if (handler)
        handler->deleteLater();
}

} // namespace machina
