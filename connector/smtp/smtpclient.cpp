#include "smtpclient.h"

#include "../protocol/sasl.h"
#include "../transport/securelinetransport.h"
#include "../transport/tls.h"

#include <QHostAddress>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSmtp, "machina.smtp", QtWarningMsg)

namespace machina {

ConnectorError SmtpSettings::fromConfig(const ConnectorConfig &config, SmtpSettings *out)
{
    SmtpSettings settings;
    settings.host = config.smtpHost;
    settings.port = quint16(config.smtpPort);
    settings.implicitTls = config.useTls;
    settings.username = config.username;
    settings.password = config.password;
    settings.timeoutMs = config.timeout * 1000;
    if (const ConnectorError tlsError = Tls::makeClientConfiguration(config.caFile, &settings.tls))
        return tlsError;
    *out = settings;
    return {};
}

using Kind = ConnectorError::Kind;

SmtpClient::SmtpClient(const SmtpSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_line(new SecureLineTransport(&lcSmtp, this))
{
    connect(m_line, &SecureLineTransport::connected, this, &SmtpClient::onConnected);
    connect(m_line, &SecureLineTransport::encrypted, this, &SmtpClient::onEncrypted);
    connect(m_line, &SecureLineTransport::received, this, &SmtpClient::onReceived);
    connect(m_line, &SecureLineTransport::closedByPeer, this, &SmtpClient::onClosedByPeer);
    connect(m_line, &SecureLineTransport::failed, this, &SmtpClient::onLineFailed);
}

QString SmtpClient::tlsProtocol() const
{
    return m_line->tlsProtocol();
}

QSslCertificate SmtpClient::peerCertificate() const
{
    return m_line->peerCertificate();
}

SmtpClient::~SmtpClient()
{
    // Replies the caller still holds learn that the session is gone.
    if (m_current && m_current->reply)
        m_current->reply->finish({Kind::Aborted, tr("The SMTP session was closed.")});
    for (Job &job : m_queue) {
        if (job.reply)
            job.reply->finish({Kind::Aborted, tr("The SMTP session was closed.")});
    }
}

ConnectorReply *SmtpClient::open()
{
    auto *reply = new ConnectorReply;
    Job job;
    job.type = JobType::Open;
    job.reply = reply;
    enqueue(std::move(job));
    return reply;
}

SendReply *SmtpClient::send(const QString &from, const QStringList &recipients,
                            const QByteArray &message, bool smtpUtf8)
{
    auto *reply = new SendReply;
    if (recipients.isEmpty()) {
        reply->finish({Kind::Config, tr("No recipient given.")});
        return reply;
    }
    Job job;
    job.type = JobType::Send;
    job.reply = reply;
    job.from = from;
    job.recipients = recipients;
    job.message = message;
    job.smtpUtf8 = smtpUtf8;
    enqueue(std::move(job));
    return reply;
}

ConnectorReply *SmtpClient::noop()
{
    auto *reply = new ConnectorReply;
    Job job;
    job.type = JobType::Noop;
    job.reply = reply;
    enqueue(std::move(job));
    return reply;
}

ConnectorReply *SmtpClient::close()
{
    auto *reply = new ConnectorReply;
    for (Job &job : m_queue) {
        if (job.reply)
            job.reply->finish({Kind::Aborted, tr("The SMTP session was closed before this ran.")});
    }
    m_queue.clear();
    if (m_state == State::Disconnected && !m_current) {
        reply->finish();
        return reply;
    }
    Job job;
    job.type = JobType::Close;
    job.reply = reply;
    if (m_state == State::Ready && !m_current) {
        m_queue.enqueue(std::move(job));
        process();
    } else {
        // In the middle of something: drop the connection rather than wait.
        if (m_current && m_current->reply)
            m_current->reply->finish({Kind::Aborted, tr("The SMTP session was closed.")});
        m_current.reset();
        dropSocket();
        reply->finish();
    }
    return reply;
}

void SmtpClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SmtpClient::enqueue(Job job)
{
    m_queue.enqueue(std::move(job));
    // Start from the event loop so a reply's finished() is never emitted
    // before the caller could connect to it.
    QMetaObject::invokeMethod(this, &SmtpClient::process, Qt::QueuedConnection);
}

void SmtpClient::process()
{
    if (m_current)
        return;
    // Skip jobs whose caller gave up (aborted or deleted the reply).
    while (!m_queue.isEmpty() && (!m_queue.head().reply || m_queue.head().reply->isFinished()))
        m_queue.dequeue();
    if (m_queue.isEmpty())
        return;
    if (m_state == State::Disconnected) {
        if (m_queue.head().type == JobType::Close) {
            Job job = m_queue.dequeue();
            job.reply->finish();
            return;
        }
        m_current = m_queue.dequeue();
        m_sessionReused = false;
        startConnection();
    } else if (m_state == State::Ready) {
        m_current = m_queue.dequeue();
        startJob();
    }
    // Otherwise a connection is being set up; sessionReady() calls process() again.
}

void SmtpClient::startConnection()
{
    dropSocket();
    m_parser.reset();
    m_caps = {};
    m_greeting.clear();
    m_startTlsDone = false;
    m_authStep = AuthStep::None;
    m_authMechanism.clear();
    m_bearer.clear();
    m_bearerRetried = false;
    ++m_connection;

    // Connecting until TCP is up, then TlsHandshake (implicit TLS) or the greeting:
    // a refused port and a refused certificate are told apart by the state.
    setState(State::Connecting);
    m_line->open({QStringLiteral("SMTP"), m_settings.host, m_settings.port, m_settings.implicitTls,
                  m_settings.tls, m_settings.timeoutMs});
}

void SmtpClient::dropSocket()
{
    m_line->close();
    setState(State::Disconnected);
}

QString SmtpClient::endpoint() const
{
    return QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port);
}

QByteArray SmtpClient::heloName() const
{
    // An address literal is always a valid EHLO argument (RFC 5321 4.1.3).
    const QHostAddress local = m_line->localAddress();
    if (local.protocol() == QAbstractSocket::IPv6Protocol)
        return "[IPv6:" + local.toString().toLatin1() + ']';
    return '[' + local.toString().toLatin1() + ']';
}

void SmtpClient::write(const QByteArray &bytes, const QByteArray &logText)
{
    m_line->write(bytes, logText);
}

void SmtpClient::arm(const QString &waitingFor)
{
    m_line->arm(waitingFor);
}

void SmtpClient::onConnected()
{
    if (m_settings.implicitTls) {
        setState(State::TlsHandshake);
    } else {
        setState(State::WaitingForGreeting220);
        arm(tr("the greeting"));
    }
}

void SmtpClient::onEncrypted()
{
    if (!m_startTlsDone && m_settings.implicitTls) {
        setState(State::WaitingForGreeting220);
        arm(tr("the greeting"));
        return;
    }
    // After STARTTLS: forget what was learnt in clear and ask again (RFC 3207 section 4.2).
    m_caps = {};
    setState(State::WaitingForEhlo250);
    write("EHLO " + heloName() + "\r\n");
    arm(QStringLiteral("EHLO"));
}

void SmtpClient::onReceived(const QByteArray &bytes)
{
    m_parser.feed(bytes);
    while (m_line->isOpen()) {
        const std::optional<SmtpReply> reply = m_parser.takeReply();
        if (!reply)
            break;
        handleReply(*reply);
    }
    if (m_line->isOpen() && m_parser.hasError()) {
        const SmtpReplyParser::Error e = m_parser.error();
        failConnection({Kind::Protocol, tr("%1 sent a malformed reply (%2 at byte %3).")
                                             .arg(endpoint(), e.reason).arg(e.offset)});
    }
}

void SmtpClient::onClosedByPeer()
{
    if (m_state == State::WaitingForQuit221) {
        dropSocket();
        finishJob();
        return;
    }
    const State was = m_state;
    handleLostSession({Kind::Network, was == State::InTransaction && m_current && m_current->messageWritten
                                          ? tr("The connection to %1 was lost during DATA; the message was not accepted.").arg(endpoint())
                                          : tr("The connection to %1 was closed by the server while waiting for %2.").arg(endpoint(), m_line->waitingFor())});
}

void SmtpClient::onLineFailed(const ConnectorError &error)
{
    if (m_state == State::Ready && !m_current) {
        dropSocket();   // an idle session died; the next job re-opens it
        return;
    }
    if (error.kind() == Kind::Timeout)
        failConnection(error);
    else
        handleLostSession(error);
}

/// The session ended under a job. A send that had not reached DATA on a kept
/// session is retried once on a new session (the server's idle timeout is the
/// usual cause); everything else fails.
void SmtpClient::handleLostSession(const ConnectorError &error)
{
    if (m_state == State::Ready && !m_current) {
        qCDebug(lcSmtp) << "idle session closed by" << endpoint();
        dropSocket();
        return;
    }
    const bool retry = m_current && m_current->type != JobType::Close && m_sessionReused
                       && m_current->attempts == 0 && !m_current->messageWritten;
    if (retry) {
        qCDebug(lcSmtp) << "kept session lost; re-opening for the pending job";
        Job job = std::move(*m_current);
        m_current.reset();
        job.attempts++;
        job.step = TxStep::Mail;
        job.results.clear();
        job.pendingError = {};
        dropSocket();
        m_queue.prepend(std::move(job));
        process();
        return;
    }
    failConnection(error);
}

/// The session is unusable: the current job fails; when the session never
/// became ready, the jobs waiting for it fail with the same reason.
void SmtpClient::failConnection(const ConnectorError &error)
{
    const bool establishing = m_state != State::Ready && m_state != State::InTransaction
                              && m_state != State::WaitingForNoop250 && m_state != State::WaitingForQuit221;
    qCDebug(lcSmtp).noquote() << "session failed:" << error.message();
    if (error.kind() != Kind::Aborted && (establishing || error.kind() != Kind::Rejected))
        Q_EMIT sessionFailed(error);
    // Say goodbye after a refused login (the session itself is sound); anything
    // else closes at once. No flush elsewhere: on a failed handshake it would
    // restart the handshake from inside its own error handler.
    if (m_state == State::Authenticating && m_line->isEncrypted())
        m_line->closeAfter("QUIT\r\n");
    dropSocket();
    if (m_current) {
        if (m_current->reply)
            m_current->reply->finish(error);
        m_current.reset();
    }
    if (establishing) {
        while (!m_queue.isEmpty()) {
            Job job = m_queue.dequeue();
            if (job.reply)
                job.reply->finish(error);
        }
    }
    process();
}

void SmtpClient::finishJob(const ConnectorError &error)
{
    m_line->disarm();
    if (m_current) {
        if (m_current->reply)
            m_current->reply->finish(error);
        m_current.reset();
    }
    if (m_state == State::InTransaction || m_state == State::WaitingForNoop250)
        setState(State::Ready);
    m_sessionReused = true;
    QMetaObject::invokeMethod(this, &SmtpClient::process, Qt::QueuedConnection);
}

void SmtpClient::handleReply(const SmtpReply &reply)
{
    m_line->disarm();
    // 421: the server is closing the session (RFC 5321 3.8), in any state.
    if (reply.code == 421 && m_state != State::WaitingForQuit221) {
        handleLostSession({Kind::Network, tr("%1 closed the session: %2").arg(endpoint(), reply.toDisplayString())});
        return;
    }
    switch (m_state) {
    case State::WaitingForGreeting220: handleGreeting(reply); break;
    case State::WaitingForEhlo250: handleEhlo(reply, false); break;
    case State::WaitingForHelo250: handleEhlo(reply, true); break;
    case State::WaitingForStartTls220: handleStartTls(reply); break;
    case State::Authenticating: handleAuth(reply); break;
    case State::InTransaction: handleTransaction(reply); break;
    case State::WaitingForNoop250:
        if (reply.codeClass() == 2)
            finishJob();
        else
            failConnection({Kind::Protocol, tr("%1 answered NOOP with %2").arg(endpoint(), reply.toDisplayString())});
        break;
    case State::WaitingForQuit221:
        dropSocket();
        finishJob();
        break;
    case State::Ready:
    case State::Disconnected:
    case State::Connecting:
    case State::TlsHandshake:
        // Nothing was asked: a server talking out of turn cannot be trusted to stay in step.
        failConnection({Kind::Protocol, tr("%1 sent an unexpected reply: %2").arg(endpoint(), reply.toDisplayString())});
        break;
    }
}

void SmtpClient::handleGreeting(const SmtpReply &reply)
{
    if (reply.code != 220) {
        failConnection({reply.code == 554 ? Kind::Rejected : Kind::Protocol,
                        tr("%1 does not accept mail from us: %2").arg(endpoint(), reply.toDisplayString())});
        return;
    }
    m_greeting = QString::fromUtf8(reply.lines.value(0));
    setState(State::WaitingForEhlo250);
    write("EHLO " + heloName() + "\r\n");
    arm(QStringLiteral("EHLO"));
}

void SmtpClient::handleEhlo(const SmtpReply &reply, bool wasHelo)
{
    if (reply.codeClass() != 2) {
        if (!wasHelo && reply.codeClass() == 5) {
            // An old server without ESMTP (RFC 5321 4.1.4): fall back to HELO.
            setState(State::WaitingForHelo250);
            write("HELO " + heloName() + "\r\n");
            arm(QStringLiteral("HELO"));
            return;
        }
        failConnection({Kind::Protocol, tr("%1 refused %2: %3").arg(endpoint(), wasHelo ? QStringLiteral("HELO") : QStringLiteral("EHLO"),
                                                                     reply.toDisplayString())});
        return;
    }
    m_caps = wasHelo ? SmtpCapabilities{} : SmtpCapabilities::fromEhloReply(reply);
    const bool encrypted = m_line->isEncrypted();
    if (!encrypted) {
        if (!m_caps.has("STARTTLS")) {
            failConnection({Kind::Tls, tr("%1 does not offer STARTTLS; refusing to send credentials or mail "
                                          "unencrypted (use_tls: false means STARTTLS, never plain text).")
                                           .arg(endpoint())});
            return;
        }
        setState(State::WaitingForStartTls220);
        write("STARTTLS\r\n");
        arm(QStringLiteral("STARTTLS"));
        return;
    }
    startAuth();
}

void SmtpClient::handleStartTls(const SmtpReply &reply)
{
    if (reply.code != 220) {
        failConnection({Kind::Tls, tr("%1 refused STARTTLS: %2").arg(endpoint(), reply.toDisplayString())});
        return;
    }
    // Anything after the 220 arrived in clear and may have been injected by a
    // man in the middle (CVE-2011-0411): the line discards it (RFC 3207 section 4.2).
    m_line->startTls(m_parser.bufferedBytes());
    m_parser.reset();
    m_startTlsDone = true;
    setState(State::TlsHandshake);
}

void SmtpClient::startAuth()
{
    if (m_settings.username.isEmpty()) {
        sessionReady();
        return;
    }
    const QList<QByteArray> mechs = m_caps.authMechanisms();
    setState(State::Authenticating);
    if (m_settings.tokenSource) {
        fetchBearer();
        return;
    }
    if (!m_settings.accessToken.isEmpty()) {
        sendBearer(m_settings.accessToken);
        return;
    }
    if (mechs.contains("PLAIN")) {
        m_authMechanism = "PLAIN";
        m_authStep = AuthStep::PlainSent;
        write("AUTH PLAIN " + Sasl::plain(m_settings.username, m_settings.password) + "\r\n",
              "AUTH PLAIN <redacted>");
    } else if (mechs.contains("LOGIN")) {
        m_authMechanism = "LOGIN";
        m_authStep = AuthStep::LoginUser;
        write("AUTH LOGIN\r\n");
    } else {
        const QString offered = mechs.isEmpty() ? tr("none") : QString::fromLatin1(mechs.join(' '));
        failConnection({Kind::Auth, tr("%1 offers no authentication method we support (offered: %2; "
                                       "we support PLAIN, LOGIN, XOAUTH2).").arg(endpoint(), offered)});
        return;
    }
    arm(QStringLiteral("AUTH"));
}

void SmtpClient::fetchBearer()
{
    // The step timer is not armed meanwhile: the token endpoint has its own timeout.
    const quint64 connection = m_connection;
    m_settings.tokenSource->fetch(this, [this, connection](const ConnectorError &error, const QString &token) {
        if (connection != m_connection || m_state != State::Authenticating)
            return;   // this connection is gone already
        if (error)
            return failConnection(error);
        sendBearer(token);
    });
}

void SmtpClient::sendBearer(const QString &token)
{
    const QList<QByteArray> mechs = m_caps.authMechanisms();
    m_bearer = token;
    m_authStep = AuthStep::BearerSent;
    m_xoauthChallenge.clear();
    if (mechs.contains("OAUTHBEARER")) {
        m_authMechanism = "OAUTHBEARER";
        write("AUTH OAUTHBEARER " + Sasl::oauthBearer(m_settings.username, m_settings.host, m_settings.port, token) + "\r\n",
              "AUTH OAUTHBEARER <redacted>");
    } else if (mechs.contains("XOAUTH2")) {
        m_authMechanism = "XOAUTH2";
        write("AUTH XOAUTH2 " + Sasl::xoauth2(m_settings.username, token) + "\r\n", "AUTH XOAUTH2 <redacted>");
    } else {
        const QString offered = mechs.isEmpty() ? tr("none") : QString::fromLatin1(mechs.join(' '));
        failConnection({Kind::Auth, tr("%1 offers neither AUTH OAUTHBEARER nor XOAUTH2, needed for OAuth sign-in "
                                       "(offered: %2).").arg(endpoint(), offered)});
        return;
    }
    arm(QStringLiteral("AUTH"));
}

bool SmtpClient::retryBearer()
{
    if (!m_settings.tokenSource || m_bearerRetried)
        return false;
    m_bearerRetried = true;
    m_settings.tokenSource->refused(m_bearer);
    qCDebug(lcSmtp) << "the server refused the access token; asking for a fresh one";
    m_authStep = AuthStep::None;
    fetchBearer();
    return true;
}

void SmtpClient::handleAuth(const SmtpReply &reply)
{
    if (reply.code == 235) {
        m_authStep = AuthStep::None;
        sessionReady();
        return;
    }
    if (reply.code == 334) {
        switch (m_authStep) {
        case AuthStep::LoginUser:
            m_authStep = AuthStep::LoginPassword;
            write(m_settings.username.toUtf8().toBase64() + "\r\n", "<redacted>");
            arm(QStringLiteral("AUTH"));
            return;
        case AuthStep::LoginPassword:
            m_authStep = AuthStep::None;
            write(m_settings.password.toUtf8().toBase64() + "\r\n", "<redacted>");
            arm(QStringLiteral("AUTH"));
            return;
        case AuthStep::BearerSent:
            // A refused token comes as a base64 JSON challenge. The answer that gets the final
            // reply: an empty line for XOAUTH2 (Google's and Microsoft's protocol), a lone
            // %x01 for OAUTHBEARER (RFC 7628 3.2.3).
            m_xoauthChallenge = reply.lines.value(0);
            m_authStep = AuthStep::BearerError;
            write(m_authMechanism == "OAUTHBEARER" ? Sasl::oauthBearerErrorAck() + "\r\n" : QByteArray("\r\n"));
            arm(QStringLiteral("AUTH"));
            return;
        default:
            write("*\r\n"); // cancel (RFC 4954 section 4)
            arm(QStringLiteral("AUTH"));
            return;
        }
    }
    const bool bearer = m_authStep == AuthStep::BearerSent || m_authStep == AuthStep::BearerError;
    if (bearer && reply.codeClass() == 5 && retryBearer())
        return;
    QString detail = reply.toDisplayString();
    if (m_authStep == AuthStep::BearerError && !m_xoauthChallenge.isEmpty())
        detail += QStringLiteral(" (%1)").arg(Sasl::challengeText(m_xoauthChallenge));
    m_authStep = AuthStep::None;
    const QString message = reply.codeClass() == 4
        ? tr("%1 could not check the credentials of %2 right now, try again later: %3")
        : tr("%1 refused the credentials of %2: %3");
    failConnection({Kind::Auth, message.arg(endpoint(), m_settings.username, detail)});
}

void SmtpClient::sessionReady()
{
    setState(State::Ready);
    qCDebug(lcSmtp) << "session ready on" << endpoint();
    Q_EMIT sessionOpened();
    if (m_current && m_current->type != JobType::Open) {
        startJob();
        return;
    }
    finishJob();
}

void SmtpClient::startJob()
{
    switch (m_current->type) {
    case JobType::Open:
        finishJob();
        return;
    case JobType::Noop:
        setState(State::WaitingForNoop250);
        write("NOOP\r\n");
        arm(QStringLiteral("NOOP"));
        return;
    case JobType::Close:
        setState(State::WaitingForQuit221);
        write("QUIT\r\n");
        arm(QStringLiteral("QUIT"));
        return;
    case JobType::Send:
        startTransaction();
        return;
    }
}

void SmtpClient::startTransaction()
{
    Job &job = *m_current;
    const bool body8Bit = SmtpWriter::has8BitData(job.message);
    if (job.smtpUtf8 && !m_caps.has("SMTPUTF8")) {
        finishJob({Kind::Rejected, tr("%1 does not support SMTPUTF8, needed for the non-ASCII address.").arg(endpoint())});
        return;
    }
    if (body8Bit && !job.smtpUtf8 && !m_caps.has("8BITMIME")) {
        finishJob({Kind::Rejected, tr("%1 does not accept 8-bit data (no 8BITMIME).").arg(endpoint())});
        return;
    }
    const qint64 limit = m_caps.sizeLimit();
    if (limit > 0 && job.message.size() > limit) {
        finishJob({Kind::Rejected, tr("The message is %1 bytes; %2 accepts at most %3.")
                                       .arg(job.message.size()).arg(endpoint()).arg(limit)});
        return;
    }
    setState(State::InTransaction);
    job.step = TxStep::Mail;
    job.messageWritten = false;
    job.results.clear();
    job.pendingError = {};
    job.pipelined = m_caps.has("PIPELINING");

    QByteArray batch = SmtpWriter::mailFrom(job.from, body8Bit, job.smtpUtf8,
                                            m_caps.has("SIZE") ? job.message.size() : 0);
    if (job.pipelined) {
        // RFC 2920: MAIL and every RCPT in one write; DATA waits for their replies,
        // so a refused recipient never leaves us holding an open DATA.
        for (const QString &rcpt : job.recipients)
            batch += SmtpWriter::rcptTo(rcpt);
    }
    write(batch);
    arm(QStringLiteral("MAIL FROM"));
}

void SmtpClient::handleTransaction(const SmtpReply &reply)
{
    Job &job = *m_current;
    switch (job.step) {
    case TxStep::Mail:
        job.mailReply = reply;
        job.step = TxStep::Rcpt;
        if (!job.pipelined) {
            if (reply.codeClass() != 2) {
                job.pendingError = {Kind::Rejected, tr("%1 refused the sender %2: %3").arg(endpoint(), job.from, reply.toDisplayString())};
                job.step = TxStep::Rset250;
                write("RSET\r\n");
                arm(QStringLiteral("RSET"));
                return;
            }
            write(SmtpWriter::rcptTo(job.recipients.first()));
        }
        arm(QStringLiteral("RCPT TO"));
        return;

    case TxStep::Rcpt: {
        RecipientResult result;
        result.address = job.recipients.at(job.results.size());
        result.accepted = reply.codeClass() == 2;
        result.serverReply = reply.toDisplayString();
        job.results.append(result);
        if (job.results.size() < job.recipients.size()) {
            if (!job.pipelined)
                write(SmtpWriter::rcptTo(job.recipients.at(job.results.size())));
            arm(QStringLiteral("RCPT TO"));
            return;
        }
        if (auto *sendReply = qobject_cast<SendReply *>(job.reply.data()))
            sendReply->setRecipients(job.results);
        QStringList refused;
        for (const RecipientResult &r : job.results) {
            if (!r.accepted)
                refused.append(QStringLiteral("%1 (%2)").arg(r.address, r.serverReply));
        }
        if (job.mailReply.codeClass() != 2) {
            job.pendingError = {Kind::Rejected, tr("%1 refused the sender %2: %3").arg(endpoint(), job.from, job.mailReply.toDisplayString())};
        } else if (!refused.isEmpty()) {
            job.pendingError = {Kind::Rejected, tr("%1 refused %n recipient(s): %2. Nothing was sent.", nullptr, int(refused.size()))
                                                    .arg(endpoint(), refused.join(QStringLiteral(", ")))};
        }
        if (job.pendingError) {
            job.step = TxStep::Rset250;
            write("RSET\r\n");
            arm(QStringLiteral("RSET"));
            return;
        }
        job.step = TxStep::Data354;
        write("DATA\r\n");
        arm(QStringLiteral("DATA"));
        return;
    }

    case TxStep::Data354:
        if (reply.code != 354) {
            job.pendingError = {Kind::Rejected, tr("%1 refused DATA: %2").arg(endpoint(), reply.toDisplayString())};
            job.step = TxStep::Rset250;
            write("RSET\r\n");
            arm(QStringLiteral("RSET"));
            return;
        }
        job.step = TxStep::Message250;
        job.messageWritten = true;
        // The whole message with its terminating dot in one write (Nagle plus delayed ACK costs 40 ms a round trip).
        write(SmtpWriter::dotStuff(job.message));
        arm(tr("the reply to the message"));
        return;

    case TxStep::Message250:
        if (auto *sendReply = qobject_cast<SendReply *>(job.reply.data()))
            sendReply->setServerReply(reply.toDisplayString());
        if (reply.codeClass() == 2) {
            finishJob();
        } else {
            finishJob({Kind::Rejected, reply.codeClass() == 4
                                           ? tr("%1 did not accept the message for now (try again later): %2").arg(endpoint(), reply.toDisplayString())
                                           : tr("%1 refused the message: %2").arg(endpoint(), reply.toDisplayString())});
        }
        return;

    case TxStep::Rset250:
        if (reply.codeClass() != 2) {
            // The session is out of step; start afresh next time.
            const ConnectorError error = job.pendingError;
            dropSocket();
            finishJob(error);
            return;
        }
        finishJob(job.pendingError);
        return;
    }
}

} // namespace machina
