#pragma once

#include "imaptask.h"

#include <QString>

namespace machina {

/**
 * Authentication, by what the server offers: AUTHENTICATE XOAUTH2 when a
 * token is given, else AUTHENTICATE PLAIN (RFC 4616, with SASL-IR when
 * offered, RFC 4959), else LOGIN (RFC 3501 6.2.3) with the literal form the
 * server supports. Refused credentials end the session with an Auth error.
 *
 *     start --> Sent --"+" (XOAUTH2 error challenge): empty line--> Sent --tagged--> done
 */
class LoginTask : public ImapTask
{
public:
    LoginTask(const QString &username, const QString &password, const QString &accessToken);

    void continuation(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    enum class Mechanism { XOAuth2, Plain, Login };
    QString m_username;
    QString m_password;
    QString m_accessToken;
    Mechanism m_mechanism = Mechanism::Plain;
};

} // namespace machina
