#pragma once

#include "imaptask.h"

#include <QString>

namespace machina {

/**
 * Authentication, by what the server offers: with a bearer token
 * AUTHENTICATE OAUTHBEARER (RFC 7628) when offered, else XOAUTH2; with a
 * password AUTHENTICATE PLAIN (RFC 4616, with SASL-IR when offered, RFC
 * 4959), else LOGIN (RFC 3501 6.2.3) with the literal form the server
 * supports. Refused credentials are an Auth error: a refused password ends
 * the session; a refused token ends the task with the error, so the session
 * can try once more with a fresh token on the same connection.
 *
 *     start --> Sent --"+" (bearer error challenge): empty line (XOAUTH2)
 *                                   or base64 %x01 (OAUTHBEARER)--> Sent --tagged--> done
 */
class LoginTask : public ImapTask
{
    // tr() in the context lupdate files these texts under (ImapTask declares its own).
    Q_DECLARE_TR_FUNCTIONS(machina::LoginTask)

public:
    struct Credentials
    {
        QString username;
        QString password;
        QString accessToken;   ///< set: a bearer login
        QString host;          ///< for OAUTHBEARER's host= and port=
        quint16 port = 0;
    };

    explicit LoginTask(const Credentials &credentials);

    void continuation(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;
    /// What was tried: "OAUTHBEARER", "XOAUTH2", "PLAIN" or "LOGIN".
    QByteArray mechanism() const;

protected:
    void start() override;

private:
    enum class Mechanism { OAuthBearer, XOAuth2, Plain, Login };
    Credentials m_credentials;
    Mechanism m_mechanism = Mechanism::Plain;
    QByteArray m_challenge;   ///< a bearer error challenge, for the message
};

} // namespace machina
