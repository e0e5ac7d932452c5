#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "loopbackhttp.h"

#include <functional>
#include <optional>

class QNetworkAccessManager;

/**
 * A local stand-in for Google's OAuth 2.0 endpoints and the Gmail REST API,
 * for tests: plain HTTP/1.1 on 127.0.0.1, a port the system picks, on the
 * test's event loop (no threads, no blocking waits).
 *
 * Paths under baseUrl(), the shapes of Google's documented requests, replies
 * and error JSON:
 *
 *   GET  /o/oauth2/auth           the consent screen: 302 to the loopback redirect_uri
 *                                 with ?state=&code=4%2F0A...&scope= (the code already
 *                                 percent-encoded, as Google sends it) or ?error=access_denied;
 *                                 a request it cannot accept gets a 400/401 error page, no redirect
 *   POST /token                   grant_type=authorization_code (PKCE S256, single-use codes,
 *                                 redirect_uri equal to the one given at /auth) and
 *                                 grant_type=refresh_token (the reply has no refresh_token)
 *   GET  /gmail/v1/users/me/profile
 *   GET  /gmail/v1/users/me/messages?q=&labelIds=&maxResults=&pageToken=
 *   GET  /gmail/v1/users/me/messages/{id}?format=raw|metadata|minimal[&metadataHeaders=Subject...]
 *   POST /gmail/v1/users/me/messages/send            {"raw": base64url}
 *   POST /upload/gmail/v1/users/me/messages/send     message/rfc822 body (uploadType=media)
 *   POST /gmail/v1/users/me/messages/{id}/modify     {"addLabelIds": [], "removeLabelIds": []}
 *
 * Every Gmail call needs "Authorization: Bearer <access token>" with the
 * scope the method needs (gmail.send for send, gmail.modify or
 * https://mail.google.com/ for the rest); otherwise 401 UNAUTHENTICATED or
 * 403 PERMISSION_DENIED in Google's error JSON. Stricter than Google where
 * our client must be strict: the fake requires PKCE S256 and a state.
 */
class FakeGoogle : public QObject
{
    Q_OBJECT
public:
    /// What the "user" does on the consent screen.
    enum class Consent {
        Approve,          ///< grants every scope asked for
        Deny,             ///< redirects with error=access_denied
        GrantFewerScopes, ///< unticks all but gmail.send (granular consent)
    };

    /// Decoded name=value pairs of a query string or form body, in order ('+' is a space).
    using Params = HttpParams;
    /// One HTTP request as it arrived, and the status it got.
    using Request = HttpRequest;

    /// One visit of the consent screen.
    struct AuthRequest
    {
        Params query;
        QString clientId, redirectUri, responseType, scope, state, codeChallenge, codeChallengeMethod, accessType;
        QStringList grantedScopes;  ///< empty when denied or refused
        QString code;               ///< the issued code, decoded ("4/0A..."); empty when none
        QString error;              ///< why the page refused the request, or "access_denied"; empty on approval
        QByteArray location;        ///< the Location we redirected to (empty for an error page)
    };

    /// One POST to /token.
    struct TokenRequest
    {
        QString grantType;
        Params form;                ///< client_secret included, as posted
        bool basicAuth = false;     ///< client credentials came in an Authorization: Basic header
        int status = 0;
        QString error;              ///< "invalid_grant", "redirect_uri_mismatch", ...; empty on success
        QString errorDescription;   ///< "Malformed auth code.", "Token has been expired or revoked.", ...
        QByteArray reply;           ///< the JSON we answered
    };

    struct ModifyCall
    {
        QString id;
        QStringList addLabelIds;
        QStringList removeLabelIds;
        int status = 0;
    };

    struct Message
    {
        QString id;
        QString threadId;
        QByteArray raw;             ///< RFC 5322 bytes
        QStringList labelIds;
        qint64 internalDate = 0;    ///< epoch ms
        quint64 historyId = 0;
    };

    /// Tokens issued without the browser (see grantTokens()).
    struct Grant
    {
        QString accessToken;
        QString refreshToken;
        QStringList scopes;
    };

    static QString scopeSend();     ///< https://www.googleapis.com/auth/gmail.send
    static QString scopeModify();   ///< https://www.googleapis.com/auth/gmail.modify
    static QString scopeReadonly(); ///< https://www.googleapis.com/auth/gmail.readonly
    static QString scopeFullMail(); ///< https://mail.google.com/

    explicit FakeGoogle(QObject *parent = nullptr);
    ~FakeGoogle() override;

    /// Listens on 127.0.0.1, port 0; false (and a warning) on failure.
    bool listen();
    quint16 port() const;
    QUrl baseUrl() const;           ///< http://127.0.0.1:P
    QUrl authUri() const;           ///< http://127.0.0.1:P/o/oauth2/auth
    QUrl tokenUri() const;          ///< http://127.0.0.1:P/token
    QUrl gmailApiUrl() const;       ///< http://127.0.0.1:P (Gmail paths start with /gmail/v1/)
    QString clientId() const { return m_clientId; }
    QString clientSecret() const { return m_clientSecret; }
    /// A Desktop app client file ({"installed": {...}}) pointing at this server.
    QByteArray clientSecretsJson() const;

    QString emailAddress() const { return m_emailAddress; }
    void setEmailAddress(const QString &address) { m_emailAddress = address; }

    /**
     * The person at the browser, for tests that sign in. GETs @p authorizationUrl, which must be
     * this fake's consent screen (so a test never reaches the real Google), without following the
     * redirect, as a browser's first hop; checks that the redirect goes to a loopback
     * /oauth2callback and GETs that, the second hop, which the application's loopback handler
     * answers. @p rewriteRedirect, when set, gets the redirect's Location as sent and returns the
     * one to follow (a test tampering with the code or the state). Waits on the caller's event loop
     * (the fake answers meanwhile), at most 10 s a hop. True when the handler answered 200; else
     * false with the reason in @p error.
     */
    bool playBrowser(QNetworkAccessManager *browser, const QUrl &authorizationUrl, QString *error,
                     const std::function<QByteArray(const QByteArray &location)> &rewriteRedirect = {}) const;

    // ---- controls ----
    void setConsent(Consent consent) { m_consent = consent; }
    /// messages.list page size when the request has no maxResults (default 3).
    void setPageSize(int size) { m_pageSize = size; }
    /// expires_in of new access tokens, in seconds (default 3599); they really stop working then.
    void setAccessTokenLifetime(int seconds) { m_accessTokenLifetime = seconds; }
    /// Puts a message in the mailbox (newest so far); returns its id.
    QString addMessage(const QByteArray &raw, const QStringList &labelIds = {QStringLiteral("UNREAD"), QStringLiteral("INBOX")});
    /// Issues an access and a refresh token as a code exchange would, without the browser
    /// (not counted in authorizationCodeGrants()). Empty @p scopes: gmail.send + gmail.modify.
    Grant grantTokens(const QStringList &scopes = {});
    /// Every access token issued so far answers 401 from now on (new ones work).
    void expireAccessTokens();
    /// Every refresh token issued so far answers invalid_grant from now on (access tokens keep working).
    void revokeRefreshTokens();
    /**
     * The next @p count authenticated Gmail calls fail with @p status: 429 (RESOURCE_EXHAUSTED,
     * rateLimitExceeded), 500 (INTERNAL), 503 (UNAVAILABLE), 0 to drop the connection
     * without a reply, or 200 with an HTML page instead of JSON (a captive portal).
     * @p retryAfterSeconds >= 0 adds a Retry-After header.
     */
    void failNextGmailCalls(int count, int status = 429, int retryAfterSeconds = 1);

    // ---- recorders ----
    QList<Request> requests() const { return m_requests; }
    /// Requests whose path starts with @p pathPrefix ("/token", "/gmail/v1/users/me/messages").
    QList<Request> requests(const QString &pathPrefix) const;
    QList<AuthRequest> authRequests() const { return m_authRequests; }
    QList<TokenRequest> tokenRequests() const { return m_tokenRequests; }
    int authorizationCodeGrants() const { return m_codeGrants; }   ///< successful code exchanges
    int refreshGrants() const { return m_refreshGrants; }          ///< successful refreshes
    QList<QByteArray> sentRaws() const { return m_sentRaws; }      ///< decoded RFC 5322 bytes, in order
    QList<ModifyCall> modifyCalls() const { return m_modifyCalls; }
    QList<Message> messages() const;                               ///< the mailbox, oldest first
    std::optional<Message> message(const QString &id) const;
    int connectionCount() const;
    /// Forgets the recorded requests and calls (not the mailbox or the tokens).
    void clearRecords();

Q_SIGNALS:
    /// After every answered (or dropped) request.
    void requestHandled(const QString &path, int status);

private:
    using Reply = HttpReply;
    struct Code
    {
        QString clientId, redirectUri, codeChallenge;
        QStringList scopes;
        bool used = false;
    };
    struct AccessToken
    {
        QStringList scopes;
        QDateTime expiresAt;
        bool expired = false;
    };
    struct RefreshToken
    {
        QStringList scopes;
        bool revoked = false;
    };
    struct PageCursor
    {
        qint64 internalDate = 0;
        quint64 sequence = 0;
    };
    struct StoredMessage
    {
        Message message;
        quint64 sequence = 0;
    };

    Reply route(Request &request);
    Reply handleAuth(const Request &request);
    Reply handleToken(const Request &request);
    Reply handleGmail(const Request &request, const QString &user, const QStringList &rest, bool upload);
    Reply gmailProfile();
    Reply gmailList(const Request &request);
    Reply gmailGet(const Request &request, const QString &id);
    Reply gmailSend(const Request &request, bool upload);
    Reply gmailModify(const Request &request, const QString &id);
    static Reply notFoundReply();

    QString issueAccessToken(const QStringList &scopes);
    QString issueRefreshToken(const QStringList &scopes);
    QString newMessage(const QByteArray &raw, const QStringList &labelIds, const QString &threadId);
    StoredMessage *find(const QString &id);
    QByteArray messageJson(const StoredMessage &stored, const QString &format, const QStringList &metadataHeaders) const;

    LoopbackHttpServer *m_server = nullptr;

    QString m_clientId;
    QString m_clientSecret;
    QString m_emailAddress = QStringLiteral("machina.test@gmail.com");
    Consent m_consent = Consent::Approve;
    int m_pageSize = 3;
    int m_accessTokenLifetime = 3599;
    int m_failCount = 0;
    int m_failStatus = 429;
    int m_failRetryAfter = 1;

    QHash<QString, Code> m_codes;
    QHash<QString, AccessToken> m_accessTokens;
    QHash<QString, RefreshToken> m_refreshTokens;
    QHash<QString, PageCursor> m_pageTokens;
    QList<StoredMessage> m_mailbox;
    quint64 m_sequence = 0;
    quint64 m_historyId = 1000;
    qint64 m_lastInternalDate = 0;
    int m_tokenCounter = 0;

    QList<Request> m_requests;
    QList<AuthRequest> m_authRequests;
    QList<TokenRequest> m_tokenRequests;
    QList<QByteArray> m_sentRaws;
    QList<ModifyCall> m_modifyCalls;
    int m_codeGrants = 0;
    int m_refreshGrants = 0;
};
