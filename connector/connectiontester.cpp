#include "connectiontester.h"

#include "emailconnector.h"
#include "gmail/googleclientsecrets.h"
#include "imap/imapclient.h"
#include "mime/messagebuilder.h"
#include "oauth/mailoauthspec.h"
#include "oauth/oauthsignin.h"
#include "oauth/signintokensource.h"
#include "secrets/credentialstore.h"
#include "smtp/smtpclient.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QLocale>

namespace machina {

using Kind = ConnectorError::Kind;

namespace {

// "TLSv1.3; certificate for localhost from Machina Test CA, valid until 2027-11-24"
QString describeTls(const QString &protocol, const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return protocol;
    const QString subject = certificate.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    const QString issuer = certificate.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    return ConnectionTester::tr("%1; certificate for %2 from %3, valid until %4")
        .arg(protocol, subject.isEmpty() ? ConnectionTester::tr("(no name)") : subject,
             issuer.isEmpty() ? ConnectionTester::tr("(no issuer name)") : issuer,
             certificate.expiryDate().toUTC().date().toString(Qt::ISODate));
}

QString joinBytes(const QList<QByteArray> &words, int max)
{
    QStringList out;
    for (const QByteArray &word : words) {
        if (out.size() == max) {
            out.append(QStringLiteral("..."));
            break;
        }
        out.append(QString::fromLatin1(word));
    }
    return out.join(QLatin1Char(' '));
}

// The EHLO keywords a supervisor's admin cares about, with their parameters.
QString describeSmtpCapabilities(const SmtpCapabilities &caps)
{
    QList<QByteArray> keywords = caps.keywords();
    std::sort(keywords.begin(), keywords.end());
    QStringList parts;
    for (const QByteArray &keyword : keywords) {
        const QList<QByteArray> params = caps.params(keyword);
        parts.append(params.isEmpty() ? QString::fromLatin1(keyword)
                                      : QStringLiteral("%1 %2").arg(QString::fromLatin1(keyword), joinBytes(params, 6)));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

ConnectionTestReply *ConnectionTester::start(const ConnectorConfig &config, bool sendToSelf,
                                             const QString &googleSignInHint)
{
    auto *reply = new ConnectionTestReply;
    auto *tester = new ConnectionTester(config, sendToSelf, googleSignInHint, reply);
    // Queued, so every stepFinished() reaches slots connected after start() returns.
    QMetaObject::invokeMethod(tester, &ConnectionTester::run, Qt::QueuedConnection);
    return reply;
}

QString ConnectionTester::selfTestSubject()
{
    return QStringLiteral("Machina Console connection test");
}

ConnectionTester::ConnectionTester(const ConnectorConfig &config, bool sendToSelf, const QString &googleSignInHint,
                                   ConnectionTestReply *reply)
    : QObject(reply), m_config(config), m_sendToSelf(sendToSelf), m_googleSignInHint(googleSignInHint), m_reply(reply)
{
}

void ConnectionTester::run()
{
    if (const ConnectorError invalid = m_config.validate()) {
        fail(tr("Settings"), invalid);
        return finish();
    }
    if (m_config.isGmail())
        return testGoogle();
    if (m_config.usesOAuth2())
        return resolveToken();
    resolvePassword();
}

void ConnectionTester::resolveToken()
{
    const QString step = tr("OAuth token");
    OAuthClientSpec spec;
    if (const ConnectorError error = mailOAuthSpec(m_config, &spec)) {
        fail(step, error);
        return finish();
    }
    m_oauth = new OAuthSignIn(spec, new CredentialStore(this), this);
    m_oauth->setExpiryMargin(300);
    if (!m_googleSignInHint.isEmpty())
        m_oauth->setSignInHint(m_googleSignInHint);
    m_tokenSource = std::make_shared<SignInTokenSource>(m_oauth);
    ConnectorReply *ensured = m_oauth->ensureSignedIn(false);
    ensured->setParent(this); // dies with the test, finished or not
    connect(ensured, &ConnectorReply::finished, this, [this, ensured, step, provider = spec.providerName] {
        ensured->deleteLater();
        if (ensured->error()) {
            fail(step, ensured->error());
            return finish();
        }
        const QDateTime expiry = m_oauth->tokens().expiresAt.toLocalTime();
        const QString until = QLocale().toString(expiry, QLocale::ShortFormat);
        pass(step, m_oauth->lastOutcome() == OAuthSignIn::Outcome::Refreshed
                       ? tr("refreshed at %1; valid until %2").arg(provider, until)
                       : tr("stored sign-in of %1; valid until %2").arg(provider, until));
        testServer(m_config.imapHost.isEmpty() ? Server::Smtp : Server::Imap);
    });
}

void ConnectionTester::resolvePassword()
{
    if (m_config.username.isEmpty() || !m_config.password.isEmpty())
        return testServer(m_config.imapHost.isEmpty() ? Server::Smtp : Server::Imap);
    auto *store = new CredentialStore(this);
    CredentialReply *read = store->readSecret(CredentialStore::passwordKey(m_config.username));
    read->setParent(this); // dies with the test, finished or not
    connect(read, &ConnectorReply::finished, this, [this, read] {
        read->deleteLater();
        const QString step = tr("Password");
        if (read->error()) {
            fail(step, read->error());
            return finish();
        }
        if (read->notFound() || read->secret().isEmpty()) {
            fail(step, {Kind::Config, tr("none typed and none in the keychain for %1").arg(m_config.username)});
            return finish();
        }
        m_config.password = QString::fromUtf8(read->secret());
        pass(step, tr("from the system keychain"));
        testServer(m_config.imapHost.isEmpty() ? Server::Smtp : Server::Imap);
    });
}

QString ConnectionTester::stepName(Server server, const QString &step) const
{
    return QStringLiteral("%1: %2").arg(server == Server::Imap ? QStringLiteral("IMAP") : QStringLiteral("SMTP"), step);
}

void ConnectionTester::testServer(Server server)
{
    const QString host = server == Server::Imap ? m_config.imapHost : m_config.smtpHost;
    QHostInfo::lookupHost(host, this, [this, server, host](const QHostInfo &info) {
        QStringList addresses;
        for (const QHostAddress &address : info.addresses())
            addresses.append(address.toString());
        lookedUp(server, host, addresses, info.error() == QHostInfo::NoError ? QString() : info.errorString());
    });
}

void ConnectionTester::lookedUp(Server server, const QString &host, const QStringList &addresses, const QString &error)
{
    const QString step = stepName(server, tr("name lookup"));
    if (addresses.isEmpty()) {
        fail(step, {Kind::Network, tr("no address for %1: %2").arg(host, error.isEmpty() ? tr("the name has none") : error)});
        return serverDone(server);
    }
    pass(step, tr("%1 is %2").arg(host, addresses.join(QStringLiteral(", "))));
    if (server == Server::Imap)
        openImap();
    else
        openSmtp();
}

void ConnectionTester::openImap()
{
    ImapSettings settings;
    if (const ConnectorError tlsError = ImapSettings::fromConfig(m_config, &settings)) {
        fail(stepName(Server::Imap, tr("TLS and certificate")), tlsError);
        return serverDone(Server::Imap);
    }
    settings.tokenSource = m_tokenSource;
    m_imap = new ImapClient(settings, this);
    const QString endpoint = QStringLiteral("%1:%2").arg(settings.host).arg(settings.port);

    // The session's states tell how far it got; the steps before a failure passed.
    const QStringList steps = {tr("TCP connect"), tr("TLS and certificate"), tr("capabilities"), tr("authentication"),
                               tr("INBOX selection")};
    auto passed = std::make_shared<int>(0);
    auto handshaking = std::make_shared<bool>(false);
    auto passUpTo = [this, steps, passed](int index, const QString &detail) {
        while (*passed <= index) {
            pass(stepName(Server::Imap, steps[*passed]), *passed == index ? detail : QString());
            ++*passed;
        }
    };
    connect(m_imap, &ImapClient::stateChanged, this, [this, passUpTo, passed, handshaking, endpoint](ImapClient::State state) {
        using State = ImapClient::State;
        if (*passed == 0 && state != State::Connecting && state != State::Disconnected)
            passUpTo(0, tr("connected to %1").arg(endpoint));
        if (state == State::TlsHandshake) {
            *handshaking = true;
        } else if (*handshaking && (state == State::WaitingForGreeting || state == State::NotAuthenticated)) {
            *handshaking = false;
            passUpTo(1, describeTls(m_imap->tlsProtocol(), m_imap->peerCertificate()));
        } else if (state == State::Authenticated && *passed < 4) {
            passUpTo(2, joinBytes(m_imap->capabilities(), 24));
            passUpTo(3, m_config.username.isEmpty() ? tr("no sign-in needed (PREAUTH)")
                                                    : tr("signed in as %1 with %2")
                                                          .arg(m_config.username, QString::fromLatin1(m_imap->authMechanism())));
        }
    });
    ImapReply *open = m_imap->open();
    open->setParent(this); // dies with the test, finished or not
    connect(open, &ConnectorReply::finished, this, [this, open, steps, passed, passUpTo] {
        open->deleteLater();
        disconnect(m_imap, &ImapClient::stateChanged, this, nullptr);
        if (const ConnectorError error = open->error()) {
            // Authentication only starts once the capabilities are known.
            if (error.kind() == Kind::Auth && *passed < 3)
                passUpTo(2, joinBytes(m_imap->capabilities(), 24));
            fail(stepName(Server::Imap, steps[std::min<int>(*passed, steps.size() - 1)]), error);
            return serverDone(Server::Imap);
        }
        passUpTo(4, tr("%n message(s) in %1", nullptr, int(m_imap->exists())).arg(m_imap->settings().mailbox));
        const QString idle = stepName(Server::Imap, tr("IDLE support"));
        if (m_imap->hasCapability("IDLE"))
            pass(idle, tr("offered: new mail shows within seconds"));
        else
            notice(idle, tr("not offered: new mail is found by polling every %n second(s)", nullptr, m_config.pollInterval));
        ImapReply *bye = m_imap->close();
        bye->setParent(this); // dies with the test, finished or not
        connect(bye, &ConnectorReply::finished, bye, &QObject::deleteLater);
        serverDone(Server::Imap);
    });
}

void ConnectionTester::openSmtp()
{
    SmtpSettings settings;
    if (const ConnectorError tlsError = SmtpSettings::fromConfig(m_config, &settings)) {
        fail(stepName(Server::Smtp, tr("TLS and certificate")), tlsError);
        return serverDone(Server::Smtp);
    }
    settings.tokenSource = m_tokenSource;
    m_smtp = new SmtpClient(settings, this);
    const QString endpoint = QStringLiteral("%1:%2").arg(settings.host).arg(settings.port);

    const QStringList steps = {tr("TCP connect"), tr("TLS and certificate"), tr("capabilities"), tr("authentication")};
    auto passed = std::make_shared<int>(0);
    auto handshaking = std::make_shared<bool>(false);
    auto passUpTo = [this, steps, passed](int index, const QString &detail) {
        while (*passed <= index) {
            pass(stepName(Server::Smtp, steps[*passed]), *passed == index ? detail : QString());
            ++*passed;
        }
    };
    connect(m_smtp, &SmtpClient::stateChanged, this, [this, passUpTo, passed, handshaking, endpoint](SmtpClient::State state) {
        using State = SmtpClient::State;
        if (*passed == 0 && state != State::Connecting && state != State::Disconnected)
            passUpTo(0, tr("connected to %1").arg(endpoint));
        if (state == State::TlsHandshake) {
            *handshaking = true;
        } else if (*handshaking && (state == State::WaitingForGreeting220 || state == State::WaitingForEhlo250)) {
            *handshaking = false;
            passUpTo(1, describeTls(m_smtp->tlsProtocol(), m_smtp->peerCertificate()));
        } else if ((state == State::Authenticating || state == State::Ready) && *passed < 3) {
            passUpTo(2, describeSmtpCapabilities(m_smtp->capabilities()));
        }
    });
    ConnectorReply *open = m_smtp->open();
    open->setParent(this); // dies with the test, finished or not
    connect(open, &ConnectorReply::finished, this, [this, open, steps, passed, passUpTo] {
        open->deleteLater();
        disconnect(m_smtp, &SmtpClient::stateChanged, this, nullptr);
        if (const ConnectorError error = open->error()) {
            fail(stepName(Server::Smtp, steps[std::min<int>(*passed, steps.size() - 1)]), error);
            return serverDone(Server::Smtp);
        }
        if (m_config.username.isEmpty())
            notice(stepName(Server::Smtp, steps[3]), tr("no username: mail is sent without signing in"));
        else
            passUpTo(3, tr("signed in as %1 with %2").arg(m_config.username, QString::fromLatin1(m_smtp->authMechanism())));
        m_smtpReady = true;
        serverDone(Server::Smtp);
    });
}

void ConnectionTester::serverDone(Server server)
{
    if (server == Server::Imap)
        return testServer(Server::Smtp);
    if (m_sendToSelf && m_smtpReady)
        return sendToSelf();
    finish();
}

void ConnectionTester::sendToSelf()
{
    const QString step = tr("Send to %1").arg(m_config.effectiveFromAddress());
    OutgoingMessage message;
    message.from = m_config.effectiveFromAddress();
    message.to = {message.from};
    message.subject = selfTestSubject();
    message.text = tr("This message was sent by the connection test of Machina Console's settings. "
                      "It can be deleted.");
    const MessageBuilder::Result built = MessageBuilder::build(message);
    if (!built.message) {
        fail(step, built.error);
        return finish();
    }
    SendReply *sent = m_smtp->send(built.message->envelopeFrom, built.message->envelopeTo, built.message->data,
                                   built.message->needsSmtpUtf8);
    sent->setParent(this);
    connect(sent, &ConnectorReply::finished, this, [this, sent, step, id = built.message->messageId] {
        sent->deleteLater();
        if (sent->error())
            fail(step, sent->error());
        else
            pass(step, tr("accepted as <%1>; it should reach the inbox shortly").arg(id));
        finish();
    });
}

void ConnectionTester::testGoogle()
{
    const GoogleClientSecrets::Result client = GoogleClientSecrets::loadFile(m_config.gmailCredentialsFile);
    const QString fileStep = tr("Google client file");
    if (!client.secrets) {
        fail(fileStep, client.error);
        return finish();
    }
    pass(fileStep, tr("Desktop client in %1").arg(m_config.gmailCredentialsFile));

    // The stored sign-in (never the browser from a test) and the Gmail profile behind it.
    m_google = new EmailConnector(m_config, this);
    m_google->setGoogleSignInHint(m_googleSignInHint);
    ConnectorReply *connected = m_google->connectToServers();
    connected->setParent(this);
    connect(connected, &ConnectorReply::finished, this, [this, connected] {
        connected->deleteLater();
        const QString step = tr("Google sign-in and Gmail API");
        if (connected->error()) {
            fail(step, connected->error());
            return finish();
        }
        const QString address = m_google->accountAddress();
        pass(step, tr("signed in as %1").arg(address));
        if (!m_sendToSelf)
            return finish();
        const QString sendStep = tr("Send to %1").arg(address);
        SendOptions options;
        options.subject = selfTestSubject();
        SendReply *sent = m_google->sendMessage(address, tr("This message was sent by the connection test of "
                                                            "Machina Console's settings. It can be deleted."),
                                                options);
        sent->setParent(this);
        connect(sent, &ConnectorReply::finished, this, [this, sent, sendStep] {
            sent->deleteLater();
            if (sent->error())
                fail(sendStep, sent->error());
            else
                pass(sendStep, tr("accepted as <%1>").arg(sent->messageId()));
            finish();
        });
    });
}

void ConnectionTester::pass(const QString &name, const QString &detail)
{
    if (m_reply)
        m_reply->addStep({name, ConnectionTestStep::Outcome::Passed, detail});
}

void ConnectionTester::notice(const QString &name, const QString &detail)
{
    if (m_reply)
        m_reply->addStep({name, ConnectionTestStep::Outcome::Notice, detail});
}

void ConnectionTester::fail(const QString &name, const ConnectorError &error)
{
    if (!m_firstError)
        m_firstError = error;
    if (m_reply)
        m_reply->addStep({name, ConnectionTestStep::Outcome::Failed, error.message()});
}

void ConnectionTester::finish()
{
    if (m_smtp && m_smtp->state() != SmtpClient::State::Disconnected) {
        ConnectorReply *bye = m_smtp->close();
        bye->setParent(this); // dies with the test, finished or not
        connect(bye, &ConnectorReply::finished, bye, &QObject::deleteLater);
    }
    if (m_reply)
        m_reply->finish(m_firstError);
}

} // namespace machina
