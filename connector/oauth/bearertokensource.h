#pragma once

#include "../connectorerror.h"

#include <QString>

#include <functional>

class QObject;

namespace machina {

/**
 * Where an IMAP or SMTP session gets the bearer token for AUTHENTICATE
 * XOAUTH2 / OAUTHBEARER, fresh for every login (a session that reconnects
 * an hour later must not present the token it had then). Shared by every
 * session of an account through ImapSettings / SmtpSettings.
 */
class BearerTokenSource
{
public:
    using Handler = std::function<void(const ConnectorError &error, const QString &accessToken)>;
    virtual ~BearerTokenSource() = default;

    /// Calls @p then once with a token to present (or the error), unless @p context is gone first.
    virtual void fetch(QObject *context, const Handler &then) = 0;
    /// A server refused @p accessToken: the next fetch() refreshes instead of handing it out again.
    virtual void refused(const QString &accessToken) = 0;
};

} // namespace machina
