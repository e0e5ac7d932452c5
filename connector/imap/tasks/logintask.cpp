#include "logintask.h"

namespace machina {

LoginTask::LoginTask(const QString &username, const QString &password, const QString &accessToken)
    : m_username(username), m_password(password), m_accessToken(accessToken)
{
}

void LoginTask::start()
{
    using Kind = ConnectorError::Kind;
    const bool saslIr = host().hasCapability("SASL-IR");
    if (!m_accessToken.isEmpty()) {
        if (!host().hasCapability("AUTH=XOAUTH2"))
            return host().sessionFailed({Kind::Auth, tr("%1 does not offer AUTHENTICATE XOAUTH2.").arg(host().endpoint())});
        m_mechanism = Mechanism::XOAuth2;
        host().sendCommand(ImapWriter::authenticateXOAuth2(host().nextTag(), m_username, m_accessToken, saslIr));
        return;
    }
    if (host().hasCapability("AUTH=PLAIN")) {
        m_mechanism = Mechanism::Plain;
        host().sendCommand(ImapWriter::authenticatePlain(host().nextTag(), m_username, m_password, saslIr));
        return;
    }
    if (host().hasCapability("LOGINDISABLED"))
        return host().sessionFailed({Kind::Auth, tr("%1 allows neither LOGIN nor AUTHENTICATE PLAIN.").arg(host().endpoint())});
    const ImapLiteralMode mode = host().hasCapability("LITERAL+") ? ImapLiteralMode::LiteralPlus
                                 : host().hasCapability("LITERAL-") ? ImapLiteralMode::LiteralMinus
                                                                    : ImapLiteralMode::Synchronizing;
    m_mechanism = Mechanism::Login;
    host().sendCommand(ImapWriter::login(host().nextTag(), m_username, m_password, mode));
}

void LoginTask::continuation(const ImapResponse &response)
{
    if (m_mechanism != Mechanism::XOAuth2)
        return ImapTask::continuation(response);
    // A refused token comes as a base64 JSON challenge; an empty line gets the tagged NO.
    host().writeLine("\r\n", {}, QStringLiteral("AUTHENTICATE"));
}

void LoginTask::tagged(const ImapResponse &response)
{
    if (response.isStatus(ImapCondition::Ok))
        return host().taskFinished();
    host().sessionFailed({ConnectorError::Kind::Auth, tr("%1 refused the credentials of %2: %3")
                                                          .arg(host().endpoint(), m_username, printable(response.text))});
}

} // namespace machina
