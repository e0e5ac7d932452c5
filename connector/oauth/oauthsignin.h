#pragma once

#include "../connectorreply.h"
#include "oauthclientspec.h"
#include "oauthtokens.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuth2AuthorizationCodeFlow;

namespace machina {

class CredentialStore;

/**
 * OAuth 2.0 sign-in for a desktop app (RFC 6749 4.1 for a native app, RFC
 * 8252): the authorization-code flow with the system browser and a loopback
 * redirect (http://127.0.0.1:<port>/oauth2callback), PKCE S256 (RFC 7636), a
 * CSPRNG state checked here; the tokens kept in the CredentialStore under the
 * spec's key, never in a file. One provider per object, described by an
 * OAuthClientSpec (Google for the Gmail API, Microsoft or Google for IMAP and
 * SMTP, or a custom one). The Qt 6.4 workarounds are commented where they are made.
 */
class OAuthSignIn : public QObject
{
    Q_OBJECT
public:
    OAuthSignIn(const OAuthClientSpec &spec, CredentialStore *store, QObject *parent = nullptr);
    ~OAuthSignIn() override;

    const OAuthClientSpec &spec() const { return m_client; }

    /// How long the interactive sign-in may wait for the browser (default 5 minutes).
    void setSignInTimeout(int ms);
    /// true: do not open a browser, only emit authorizationUrlReady (the CLI prints it).
    void setNoBrowser(bool noBrowser);
    /// How a person starts the sign-in, for error sentences ("run %1 again"); the spec's by default.
    void setSignInHint(const QString &hint) { m_signInHint = hint; }
    /// Seconds before the expiry at which an access token counts as expired (default 60).
    void setExpiryMargin(int seconds) { m_expiryMarginSeconds = seconds; }

    /**
     * Makes valid tokens available: the stored ones (refreshed when they
     * expire within the margin) or, when there are none (or the refresh token
     * was revoked), the interactive sign-in. Errors: Auth (denied, cancelled,
     * timed out, revoked and interactive not allowed), Network, Config (keychain missing).
     */
    ConnectorReply *ensureSignedIn(bool allowInteractive);
    /// Runs the interactive sign-in even when tokens are stored.
    ConnectorReply *signIn();
    /// Refreshes the access token now (after a refusal); our own POST, so errors reach the caller.
    ConnectorReply *refresh();
    /// Forgets the stored tokens (keychain entry deleted).
    ConnectorReply *signOut();

    OAuthTokens tokens() const { return m_tokens; }

    /// How the last successful ensureSignedIn()/signIn()/refresh() got its tokens, for the connection test.
    enum class Outcome { None, Stored, Refreshed, SignedIn };
    Outcome lastOutcome() const { return m_outcome; }

Q_SIGNALS:
    /// The URL to open in a browser; emitted for every interactive sign-in.
    void authorizationUrlReady(const QUrl &url);
    void tokensChanged();

private:
    // Public calls become jobs run one at a time, so each one sees what the
    // previous one did (a second ensureSignedIn() after a refresh needs no network).
    struct Job
    {
        enum class Kind { Ensure, SignIn, Refresh, SignOut };
        Kind kind = Kind::Ensure;
        bool allowInteractive = false;
        QList<QPointer<ConnectorReply>> replies;   ///< refresh() calls made meanwhile join
    };
    using Done = std::function<void(const ConnectorError &error)>;

    ConnectorReply *enqueue(Job::Kind kind, bool allowInteractive);
    void startNext();
    void finishCurrent(const ConnectorError &error);
    /// Checks the keychain, then starts the browser part (interactive sign-ins only).
    void probeThenInteractive();

    void runEnsure(bool allowInteractive);
    void runRefresh();
    void runSignOut();

    bool hasUsableTokens() const;
    QStringList missingScopes(const QStringList &granted) const;
    void loadStored(const Done &done);
    void storeTokens(const OAuthTokens &tokens, const Done &done);
    void setTokens(const OAuthTokens &tokens);
    /// Our own POST grant_type=refresh_token (Qt 6.4's own refresh only logs its errors); @p revoked set on invalid_grant.
    void postRefresh(const std::function<void(const ConnectorError &error, bool revoked)> &done);

    void startInteractive();
    void onAuthorizationCallback(const QVariantMap &data);
    void onCodeExchangeFinished(QNetworkReply *reply);
    void openBrowser(const QUrl &url);
    void endInteractive();
    ConnectorError checkUrl(const QUrl &url, const QString &field) const;

    OAuthClientSpec m_client;
    CredentialStore *m_store;
    OAuthTokens m_tokens;
    bool m_storeLoaded = false;       ///< m_tokens mirrors the keychain (we write every change)
    QNetworkAccessManager *m_nam;     ///< refresh requests
    int m_signInTimeoutMs;
    int m_expiryMarginSeconds = 60;
    Outcome m_outcome = Outcome::None;
    bool m_noBrowser = false;
    QString m_signInHint;

    std::deque<Job> m_queue;
    std::optional<Job> m_current;

    // The interactive sign-in in progress (one at a time).
    QPointer<QOAuth2AuthorizationCodeFlow> m_flow;
    QPointer<QObject> m_flowHandler;  ///< the loopback reply handler
    QPointer<QNetworkAccessManager> m_flowNam;
    QTimer m_signInTimer;
    QString m_state;
    QString m_verifier;
    QStringList m_redirectScopes;
};

} // namespace machina
