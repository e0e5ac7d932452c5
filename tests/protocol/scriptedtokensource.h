#pragma once

// A BearerTokenSource for the scripted-session tests: hands out the tokens of
// a list in turn, the next one only after refused(), later (from the event
// loop) as the real one does, and records what it was told.

#include "oauth/bearertokensource.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace sessiontest {

class ScriptedTokenSource : public machina::BearerTokenSource
{
public:
    explicit ScriptedTokenSource(QStringList tokens) : m_tokens(std::move(tokens)) {}

    void fetch(QObject *context, const Handler &then) override
    {
        ++fetches;
        const QString token = m_tokens.value(m_next);
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(context, [guard, then, token] {
            if (!guard)
                return;
            if (token.isEmpty())
                return then({machina::ConnectorError::Kind::Auth, QStringLiteral("no token left: sign in again")}, QString());
            then({}, token);
        }, Qt::QueuedConnection);
    }

    void refused(const QString &accessToken) override
    {
        refusals.append(accessToken);
        ++m_next;
    }

    int fetches = 0;
    QStringList refusals;

private:
    QStringList m_tokens;
    int m_next = 0;
};

} // namespace sessiontest
