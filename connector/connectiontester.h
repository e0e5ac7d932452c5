#pragma once

#include "config/connectorconfig.h"
#include "connectorreply.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace machina {

class BearerTokenSource;
class EmailConnector;
class ImapClient;
class OAuthSignIn;
class SmtpClient;

/** One step of a connection test, as the settings dialog lists it. */
struct ConnectionTestStep
{
    enum class Outcome {
        Passed,
        Failed,
        Notice, ///< not a failure, but worth knowing (no IDLE: new mail is found by polling)
    };
    QString name;   ///< "IMAP: TLS and certificate"
    Outcome outcome = Outcome::Passed;
    QString detail; ///< what we saw, or the server's words when it failed
};

/**
 * The reply to ConnectionTester::start(): stepFinished() for each step as it
 * ends, then finished(); error() is the first failed step's error (Notice
 * steps are not errors).
 */
class ConnectionTestReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;
    QList<ConnectionTestStep> steps() const { return m_steps; }
    void addStep(const ConnectionTestStep &step)
    {
        m_steps.append(step);
        Q_EMIT stepFinished(step);
    }

Q_SIGNALS:
    void stepFinished(const machina::ConnectionTestStep &step);

private:
    QList<ConnectionTestStep> m_steps;
};

/**
 * Walks an account's connection one step at a time, so a supervisor sees
 * where it breaks, with the server's words: for IMAP and then SMTP, name
 * lookup, TCP connect, TLS and certificate, capabilities, authentication;
 * for IMAP also INBOX selection and IDLE support; optionally a message to
 * the account's own address. Within a server a failed step ends that
 * server's steps; SMTP is tested even when IMAP failed. In Google mode: the
 * client file, the stored sign-in with the Gmail profile, the optional send.
 *
 * The test runs on its own sessions (the caller's connector is not touched)
 * and logs out politely at the end. A config without a password takes it from
 * the keychain, as the connector does; with oauth2_provider the first step is
 * the token (stored, or refreshed, and until when), and the authentication
 * steps name the SASL mechanism. Nothing secret appears in a step.
 */
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    /**
     * Starts the test; the reply owns the tester (deleting the reply stops it).
     * @p googleSignInHint: how the user signs in to Google in this program, for
     * the Google steps' errors (see EmailConnector::setGoogleSignInHint()).
     */
    static ConnectionTestReply *start(const ConnectorConfig &config, bool sendToSelf,
                                      const QString &googleSignInHint = {});

    /// The subject of the optional message to the account itself.
    static QString selfTestSubject();

private:
    ConnectionTester(const ConnectorConfig &config, bool sendToSelf, const QString &googleSignInHint,
                     ConnectionTestReply *reply);

    enum class Server { Imap, Smtp };
    void run();
    void resolvePassword();
    /// oauth2_provider: the stored sign-in, refreshed when due (never the browser), as the step "OAuth token".
    void resolveToken();
    void testServer(Server server);
    void lookedUp(Server server, const QString &host, const QStringList &addresses, const QString &error);
    void openImap();
    void openSmtp();
    void sendToSelf();
    void testGoogle();
    void serverDone(Server server);
    void finish();

    void pass(const QString &name, const QString &detail);
    void notice(const QString &name, const QString &detail);
    void fail(const QString &name, const ConnectorError &error);
    QString stepName(Server server, const QString &step) const;

    ConnectorConfig m_config;
    bool m_sendToSelf = false;
    QString m_googleSignInHint;
    QPointer<ConnectionTestReply> m_reply;
    ConnectorError m_firstError;
    bool m_smtpReady = false;
    ImapClient *m_imap = nullptr;
    SmtpClient *m_smtp = nullptr;
    EmailConnector *m_google = nullptr;
    OAuthSignIn *m_oauth = nullptr;
    std::shared_ptr<BearerTokenSource> m_tokenSource;
};

} // namespace machina

Q_DECLARE_METATYPE(machina::ConnectionTestStep)
