#include "logintask.h"

#include "../../protocol/sasl.h"

namespace machina {

LoginTask::LoginTask(const Credentials &credentials) : m_credentials(credentials)
{
}

QByteArray LoginTask::mechanism() const
{
    switch (m_mechanism) {
    case Mechanism::OAuthBearer: return "OAUTHBEARER";
    case Mechanism::XOAuth2: return "XOAUTH2";
    case Mechanism::Plain: return "PLAIN";
    case Mechanism::Login: return "LOGIN";
    }
    return {};
}

void LoginTask::start()
{
    using Kind = ConnectorError::Kind;
    const bool saslIr = host().hasCapability("SASL-IR");
    const Credentials &c = m_credentials;
    if (!c.accessToken.isEmpty()) {
        if (host().hasCapability("AUTH=OAUTHBEARER")) {
            m_mechanism = Mechanism::OAuthBearer;
            host().sendCommand(ImapWriter::authenticateOAuthBearer(host().nextTag(), c.username, c.host, c.port,
                                                                   c.accessToken, saslIr));
            return;
        }
        if (!host().hasCapability("AUTH=XOAUTH2")) {
            return host().sessionFailed({Kind::Auth, tr("%1 offers neither AUTHENTICATE OAUTHBEARER nor XOAUTH2, "
                                                        "needed for OAuth sign-in.").arg(host().endpoint())});
        }
        m_mechanism = Mechanism::XOAuth2;
        host().sendCommand(ImapWriter::authenticateXOAuth2(host().nextTag(), c.username, c.accessToken, saslIr));
        return;
    }
    if (host().hasCapability("AUTH=PLAIN")) {
        m_mechanism = Mechanism::Plain;
        host().sendCommand(ImapWriter::authenticatePlain(host().nextTag(), c.username, c.password, saslIr));
        return;
    }
    if (host().hasCapability("LOGINDISABLED"))
        return host().sessionFailed({Kind::Auth, tr("%1 allows neither LOGIN nor AUTHENTICATE PLAIN.").arg(host().endpoint())});
    const ImapLiteralMode mode = host().hasCapability("LITERAL+") ? ImapLiteralMode::LiteralPlus
                                 : host().hasCapability("LITERAL-") ? ImapLiteralMode::LiteralMinus
                                                                    : ImapLiteralMode::Synchronizing;
    m_mechanism = Mechanism::Login;
    host().sendCommand(ImapWriter::login(host().nextTag(), c.username, c.password, mode));
}

void LoginTask::continuation(const ImapResponse &response)
{
    if (m_mechanism == Mechanism::XOAuth2) {
        // A refused token comes as a base64 JSON challenge; an empty line gets the tagged NO.
        m_challenge = response.text;
        return host().writeLine("\r\n", {}, QStringLiteral("AUTHENTICATE"));
    }
    if (m_mechanism == Mechanism::OAuthBearer) {
        // RFC 7628 3.2.3: the client answers the error challenge with a lone %x01.
        m_challenge = response.text;
        return host().writeLine(Sasl::oauthBearerErrorAck() + "\r\n", {}, QStringLiteral("AUTHENTICATE"));
    }
    ImapTask::continuation(response);
}

void LoginTask::tagged(const ImapResponse &response)
{
    if (response.isStatus(ImapCondition::Ok))
        return host().taskFinished();
    QString said = printable(response.text);
    if (!m_challenge.isEmpty())
        said += QStringLiteral(" (%1)").arg(Sasl::challengeText(m_challenge));
    const ConnectorError refused(ConnectorError::Kind::Auth, tr("%1 refused the credentials of %2: %3")
                                                                 .arg(host().endpoint(), m_credentials.username, said));
    if (!m_credentials.accessToken.isEmpty())
        return host().taskFinished(refused);   // the session may try a fresh token
    host().sessionFailed(refused);
}

} // namespace machina
