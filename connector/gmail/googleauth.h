#pragma once

#include "../connectorreply.h"
#include "googleclientsecrets.h"

#include <QDateTime>
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

/** What GoogleAuth keeps in the keychain (as JSON) and hands to the Gmail client. */
struct GoogleTokens
{
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt;          ///< UTC
    QStringList grantedScopes;

    bool isValid() const { return !accessToken.isEmpty(); }
    bool isExpired(int marginSeconds = 60) const
    {
        return !expiresAt.isValid() || QDateTime::currentDateTimeUtc().addSecs(marginSeconds) >= expiresAt;
    }
    QByteArray toJson() const;
    static std::optional<GoogleTokens> fromJson(const QByteArray &json);
};

/**
 * Google sign-in for a desktop app: the authorization-code flow with the
 * system browser and a loopback redirect (http://127.0.0.1:<port>/oauth2callback),
 * PKCE S256, a CSPRNG state, access_type=offline; tokens kept in the
 * CredentialStore under googleTokenKey(client_id). The Qt 6.4 workarounds are commented where they are made.
 */
class GoogleAuth : public QObject
{
    Q_OBJECT
public:
    /// gmail.send + gmail.modify (modify covers reading and marking read).
    static QStringList requiredScopes();

    GoogleAuth(const GoogleClientSecrets &client, CredentialStore *store, QObject *parent = nullptr);
    ~GoogleAuth() override;

    /// How long the interactive sign-in may wait for the browser (default 5 minutes).
    void setSignInTimeout(int ms);
    /// true: do not open a browser, only emit authorizationUrlReady (the CLI prints it).
    void setNoBrowser(bool noBrowser);
    /// How a person starts the sign-in, for error sentences ("run %1 again"); the CLI's command by default.
    void setSignInHint(const QString &hint) { m_signInHint = hint; }

    /**
     * Makes valid tokens available: the stored ones (refreshed when expired)
     * or, when there are none (or the refresh token was revoked), the
     * interactive sign-in. Errors: Auth (denied, cancelled, timed out, revoked
     * and interactive not allowed), Network, Config (keychain missing).
     */
    ConnectorReply *ensureSignedIn(bool allowInteractive);
    /// Runs the interactive sign-in even when tokens are stored.
    ConnectorReply *signIn();
    /// Refreshes the access token now (after a 401); our own POST, so errors reach the caller.
    ConnectorReply *refresh();
    /// Forgets the stored tokens (keychain entry deleted).
    ConnectorReply *signOut();

    GoogleTokens tokens() const { return m_tokens; }

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

    void runEnsure(bool allowInteractive);
    void runRefresh();
    void runSignOut();

    bool hasUsableTokens() const;
    void loadStored(const Done &done);
    void storeTokens(const GoogleTokens &tokens, const Done &done);
    void setTokens(const GoogleTokens &tokens);
    /// Our own POST grant_type=refresh_token (Qt 6.4's own refresh only logs its errors); @p revoked set on invalid_grant.
    void postRefresh(const std::function<void(const ConnectorError &error, bool revoked)> &done);

    void startInteractive();
    void onAuthorizationCallback(const QVariantMap &data);
    void onCodeExchangeFinished(QNetworkReply *reply);
    void openBrowser(const QUrl &url);
    void endInteractive();
    ConnectorError checkUrl(const QUrl &url, const char *field) const;

    GoogleClientSecrets m_client;
    CredentialStore *m_store;
    GoogleTokens m_tokens;
    bool m_storeLoaded = false;       ///< m_tokens mirrors the keychain (we write every change)
    QNetworkAccessManager *m_nam;     ///< refresh requests
    int m_signInTimeoutMs;
    bool m_noBrowser = false;
    QString m_signInHint = QStringLiteral("`machina-mail gmail-login`");

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
