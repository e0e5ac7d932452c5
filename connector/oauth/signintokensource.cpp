#include "signintokensource.h"

#include "oauthsignin.h"

#include <QCoreApplication>

namespace machina {

void SignInTokenSource::fetch(QObject *context, const Handler &then)
{
    if (!m_signIn) {
        then({ConnectorError::Kind::Aborted,
              QCoreApplication::translate("machina::SignInTokenSource", "The account was closed before this ran.")},
             QString());
        return;
    }
    const QString current = m_signIn->tokens().accessToken;
    const bool refresh = !m_refused.isEmpty() && m_refused == current;
    ConnectorReply *reply = refresh ? m_signIn->refresh() : m_signIn->ensureSignedIn(false);
    QPointer<OAuthSignIn> signIn = m_signIn;
    const auto observer = m_observer;
    QObject::connect(reply, &ConnectorReply::finished, reply, &QObject::deleteLater);
    // The observer hears even when the session that asked is gone.
    QObject::connect(reply, &ConnectorReply::finished, signIn, [reply, observer] {
        if (observer)
            observer(reply->error());
    });
    QObject::connect(reply, &ConnectorReply::finished, context, [reply, signIn, then] {
        if (reply->error())
            return then(reply->error(), QString());
        if (!signIn)
            return then({ConnectorError::Kind::Aborted,
                         QCoreApplication::translate("machina::SignInTokenSource", "The account was closed before this ran.")},
                        QString());
        then({}, signIn->tokens().accessToken);
    });
}

void SignInTokenSource::refused(const QString &accessToken)
{
    m_refused = accessToken;
}

} // namespace machina
