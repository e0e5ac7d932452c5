#pragma once

#include "bearertokensource.h"

#include <QPointer>

namespace machina {

class OAuthSignIn;

/**
 * Bearer tokens from an OAuthSignIn: the stored token while it is good for
 * more than the sign-in's margin, else a refresh; after a refusal, a refresh
 * even when the token looks unexpired (revoked early, or the server's clock
 * differs). Never interactive: a session never opens a browser.
 */
class SignInTokenSource : public BearerTokenSource
{
public:
    explicit SignInTokenSource(OAuthSignIn *signIn) : m_signIn(signIn) {}

    void fetch(QObject *context, const Handler &then) override;
    void refused(const QString &accessToken) override;
    /// Told the outcome of every fetch (none: a token was handed out), for health.
    void setObserver(std::function<void(const ConnectorError &error)> observer) { m_observer = std::move(observer); }

private:
    QPointer<OAuthSignIn> m_signIn;
    QString m_refused;
    std::function<void(const ConnectorError &error)> m_observer;
};

} // namespace machina
