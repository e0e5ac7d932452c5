#pragma once

#include "loopbackhttp.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

/**
 * A local stand-in for the Microsoft identity platform (v2.0 endpoints) for tests:
 * plain HTTP/1.1 on 127.0.0.1, on the test's event loop (no threads, no blocking waits).
 *
 * Paths under baseUrl(), in the shapes Microsoft documents for a public client
 * (a desktop app with a loopback redirect, PKCE, no client secret):
 *
 *   GET  /{tenant}/oauth2/v2.0/authorize   the sign-in and consent pages: 302 to the loopback
 *                                          redirect_uri with ?code=&state= (or ?error=access_denied
 *                                          &error_description=AADSTS65004...&state=); a request it
 *                                          cannot accept gets a 400 error page, no redirect
 *   POST /{tenant}/oauth2/v2.0/token       grant_type=authorization_code (PKCE S256, single-use codes,
 *                                          redirect_uri and client_id equal to those at authorize) and
 *                                          grant_type=refresh_token; errors as Microsoft's JSON
 *                                          {"error", "error_description": "AADSTSnnn: ...\r\nTrace ID: ...",
 *                                          "error_codes": [nnn], "timestamp", "trace_id", "correlation_id"}
 *   POST /introspect                       RFC 7662 for Dovecot's oauth2 passdb (introspection_mode = post):
 *                                          form token=...; {"active": true, "username": ..., "scope", "exp"}
 *                                          or {"active": false}. Not a Microsoft endpoint: Microsoft's
 *                                          tokens are checked by Exchange Online, which a test has not.
 *
 * Stricter than Microsoft where our client must be strict: PKCE S256 and a state are required,
 * the redirect must go to http://127.0.0.1:PORT (or [::1]), and refresh tokens are single-use:
 * Microsoft returns a new refresh token on every refresh (and may retire the old one), so a refresh
 * token that was used once answers invalid_grant here, and a client that does not store the new
 * one fails on its next refresh. A refresh token is issued only when offline_access was granted,
 * and the scope in token replies leaves offline_access out, as Microsoft's does.
 */
class FakeIdentityPlatform : public QObject
{
    Q_OBJECT
public:
    /// What the person does on the consent page.
    enum class Consent {
        Approve,          ///< grants every scope asked for
        Deny,             ///< redirects with error=access_denied (AADSTS65004)
        GrantFewerScopes, ///< grants the first resource scope asked for (and the OpenID ones), not the rest
    };

    using Params = HttpParams;
    using Request = HttpRequest;

    /// One visit of the authorize endpoint.
    struct AuthRequest
    {
        Params query;
        QString tenant;             ///< the path's {tenant}: "common", "organizations", a GUID...
        QString clientId, redirectUri, responseType, scope, state, codeChallenge, codeChallengeMethod;
        QString loginHint, prompt, responseMode;
        QString user;               ///< who signed in (login_hint or username()); empty when refused
        QStringList grantedScopes;  ///< empty when denied or refused
        QString code;               ///< the issued code; empty when none
        QString error;              ///< why it refused ("invalid_request"...) or "access_denied"; empty on approval
        QString errorDescription;   ///< "AADSTS50011: ..." without the trace lines
        int status = 0;             ///< 302, or the error page's status
        QByteArray location;        ///< the Location we redirected to (empty for an error page)
    };

    /// One POST to the token endpoint.
    struct TokenRequest
    {
        QString tenant;
        QString grantType;
        Params form;                ///< as posted, client_secret included
        bool clientSecretSent = false; ///< a client_secret in the form or an Authorization: Basic header
        int status = 0;
        QString error;              ///< "invalid_grant", "invalid_client", ...; empty on success
        QString errorDescription;   ///< the whole error_description, "AADSTS700082: ...\r\nTrace ID: ..."
        int errorCode = 0;          ///< error_codes[0]: 700082, 54005, 501481, ...
        QString issuedRefreshToken; ///< the refresh_token of a successful reply, if any
        QByteArray reply;           ///< the JSON we answered
    };

    /// One POST to /introspect.
    struct Introspection
    {
        QString token;
        bool active = false;
        QString username;           ///< what we answered; empty when inactive
        int status = 0;
    };

    /// Tokens issued without the browser (see grantTokens()).
    struct Grant
    {
        QString accessToken;
        QString refreshToken;       ///< empty unless offline_access was granted
        QStringList scopes;         ///< as in the token reply: without offline_access
        QString user;
    };

    static QString scopeImap();     ///< https://outlook.office.com/IMAP.AccessAsUser.All
    static QString scopeSmtp();     ///< https://outlook.office.com/SMTP.Send
    static QString scopeOfflineAccess(); ///< offline_access

    explicit FakeIdentityPlatform(QObject *parent = nullptr);
    ~FakeIdentityPlatform() override;

    /// Listens on 127.0.0.1, @p port 0 for one the system picks; false (and a warning) on failure.
    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const;                                   ///< http://127.0.0.1:P
    QUrl authorizeUrl(const QString &tenant = QStringLiteral("common")) const; ///< .../{tenant}/oauth2/v2.0/authorize
    QUrl tokenUrl(const QString &tenant = QStringLiteral("common")) const;     ///< .../{tenant}/oauth2/v2.0/token
    QUrl introspectionUrl() const;                          ///< .../introspect
    /// The registered application (client) ID, a GUID; any other one gets AADSTS700016.
    QString clientId() const { return m_clientId; }
    void setClientId(const QString &clientId) { m_clientId = clientId; }
    /// Who signs in at authorize when the request has no login_hint.
    QString username() const { return m_username; }
    void setUsername(const QString &user) { m_username = user; }
    /// A user name as the stand-in writes it: lower case (Dovecot compares case-sensitively).
    static QString normalizedUser(const QString &user) { return user.trimmed().toLower(); }

    /**
     * The person at the browser. GETs @p authorizationUrl, which must be this stand-in's authorize
     * endpoint (so a test never reaches the real Microsoft), without following the redirect; checks
     * that the redirect goes to http://127.0.0.1 (or [::1]) with a port and GETs that, the hop the
     * application's loopback handler answers. @p rewriteRedirect, when set, gets the Location as sent
     * and returns the one to follow. Waits on the caller's event loop, at most 10 s a hop. True when
     * the handler answered 200; else false with the reason in @p error.
     */
    bool playBrowser(QNetworkAccessManager *browser, const QUrl &authorizationUrl, QString *error,
                     const std::function<QByteArray(const QByteArray &location)> &rewriteRedirect = {}) const;

    // ---- controls ----
    void setConsent(Consent consent) { m_consent = consent; }
    /// expires_in of new access tokens, in seconds (default 3599); they really stop being active then.
    void setAccessTokenLifetime(int seconds) { m_accessTokenLifetime = seconds; }
    /// A client_secret from this public client gets invalid_client AADSTS700025, as Microsoft answers
    /// (default: recorded in TokenRequest::clientSecretSent and accepted).
    void setRejectClientSecret(bool reject) { m_rejectClientSecret = reject; }
    /// Every access token issued so far is inactive from now on (new ones work).
    void expireAccessTokens();
    /// Every refresh token issued so far answers invalid_grant AADSTS700082 from now on
    /// (access tokens keep working until they expire).
    void revokeGrants();
    /// Issues tokens for @p user as a code exchange would, without the browser (not counted in
    /// authorizationCodeGrants()). Empty @p scopes: IMAP, SMTP and offline_access.
    Grant grantTokens(const QString &user, const QStringList &scopes = {});
    /// What /introspect would answer for @p accessToken now.
    bool isAccessTokenActive(const QString &accessToken) const;

    // ---- recorders ----
    QList<Request> requests() const { return m_requests; }
    /// Requests whose path starts with @p pathPrefix ("/common/oauth2/v2.0/token", "/introspect").
    QList<Request> requests(const QString &pathPrefix) const;
    QList<AuthRequest> authRequests() const { return m_authRequests; }
    QList<TokenRequest> tokenRequests() const { return m_tokenRequests; }
    QList<Introspection> introspections() const { return m_introspections; }
    int introspectionCount(const QString &accessToken) const { return m_introspectionCounts.value(accessToken); }
    int authorizationCodeGrants() const { return m_codeGrants; }   ///< successful code exchanges
    int refreshGrants() const { return m_refreshGrants; }          ///< successful refreshes
    int connectionCount() const;
    /// Forgets the recorded requests (not the tokens).
    void clearRecords();

Q_SIGNALS:
    /// After every answered (or dropped) request.
    void requestHandled(const QString &path, int status);

private:
    using Reply = HttpReply;
    struct Code
    {
        QString clientId, redirectUri, codeChallenge, user;
        QStringList scopes;         ///< as granted, offline_access included
        QDateTime expiresAt;
        bool used = false;
    };
    struct AccessToken
    {
        QString user, clientId;
        QStringList scopes;
        QDateTime expiresAt;
        bool expired = false;
    };
    struct RefreshToken
    {
        QString user, clientId;
        QStringList scopes;
        bool used = false;          ///< rotated: the reply to its use carried its successor
        bool revoked = false;
    };

    Reply route(Request &request);
    Reply handleAuthorize(const Request &request, const QString &tenant);
    Reply handleToken(const Request &request, const QString &tenant);
    Reply handleIntrospect(const Request &request);
    Reply tokenReply(const QString &user, const QString &clientId, const QStringList &scopes, QString *refreshToken);

    QString issueAccessToken(const QString &user, const QString &clientId, const QStringList &scopes);
    QString issueRefreshToken(const QString &user, const QString &clientId, const QStringList &scopes);

    LoopbackHttpServer *m_server = nullptr;
    QString m_clientId;
    QString m_username = QStringLiteral("supervisor@machina.test");
    Consent m_consent = Consent::Approve;
    int m_accessTokenLifetime = 3599;
    bool m_rejectClientSecret = false;
    int m_tokenCounter = 0;

    QHash<QString, Code> m_codes;
    QHash<QString, AccessToken> m_accessTokens;
    QHash<QString, RefreshToken> m_refreshTokens;

    QList<Request> m_requests;
    QList<AuthRequest> m_authRequests;
    QList<TokenRequest> m_tokenRequests;
    QList<Introspection> m_introspections;
    QHash<QString, int> m_introspectionCounts;
    int m_codeGrants = 0;
    int m_refreshGrants = 0;
};
