#include "imapclient.h"

#include "../transport/securelinetransport.h"
#include "../transport/tls.h"
#include "tasks/appendtask.h"
#include "tasks/changedsincetask.h"
#include "tasks/createtask.h"
#include "tasks/enabletask.h"
#include "tasks/expungetask.h"
#include "tasks/fetchtask.h"
#include "tasks/idletask.h"
#include "tasks/listtask.h"
#include "tasks/logintask.h"
#include "tasks/searchtask.h"
#include "tasks/selecttask.h"
#include "tasks/simpletasks.h"
#include "tasks/storeflagstask.h"
#include "tasks/storetask.h"

#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcImap, "machina.imap", QtWarningMsg)

namespace machina {

ConnectorError ImapSettings::fromConfig(const ConnectorConfig &config, ImapSettings *out)
{
    ImapSettings settings;
    settings.host = config.imapHost;
    settings.port = quint16(config.imapPort);
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

namespace {

QString printable(const QByteArray &bytes)
{
    return ImapTask::printable(bytes);
}

static_assert(ImapClient::HeaderFetchBatch == FetchTask::HeadersBatch);

} // namespace

bool ImapMessage::isSeen() const
{
    return std::any_of(flags.cbegin(), flags.cend(),
                       [](const QByteArray &f) { return f.compare("\\Seen", Qt::CaseInsensitive) == 0; });
}

ImapMessage ImapMessage::fromFetch(const ImapFetch &f)
{
    ImapMessage m;
    m.uid = f.uid.value_or(0);
    m.flags = f.flags.value_or(QList<QByteArray>{});
    m.internalDate = f.internalDate.value_or(QDateTime());
    m.size = f.rfc822Size.value_or(0);
    m.raw = f.sections.value(QByteArray(""));
    m.envelope = f.envelope;
    m.attachmentCount = f.attachmentCount();
    m.modSeq = f.modSeq.value_or(0);
    for (auto it = f.sections.cbegin(); it != f.sections.cend(); ++it) {
        if (it.key().startsWith("HEADER.FIELDS (")) {
            m.headerFields = it.value().isNull() ? QByteArray("") : it.value();
            break;
        }
    }
    return m;
}

bool ImapMailboxInfo::hasAttribute(QByteArrayView attribute) const
{
    return std::any_of(attributes.cbegin(), attributes.cend(),
                       [attribute](const QByteArray &a) { return a.compare(attribute, Qt::CaseInsensitive) == 0; });
}

ImapClient::ImapClient(const ImapSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_line(new SecureLineTransport(&lcImap, this))
{
    connect(m_line, &SecureLineTransport::connected, this, &ImapClient::onConnected);
    connect(m_line, &SecureLineTransport::encrypted, this, &ImapClient::onEncrypted);
    connect(m_line, &SecureLineTransport::received, this, &ImapClient::onReceived);
    connect(m_line, &SecureLineTransport::closedByPeer, this, &ImapClient::onClosedByPeer);
    connect(m_line, &SecureLineTransport::failed, this, &ImapClient::failSession);
}

ImapClient::~ImapClient()
{
    const ConnectorError closed(Kind::Aborted, tr("The IMAP session was closed."));
    if (m_current && m_current->reply)
        m_current->reply->finish(closed);
    for (Job &job : m_queue) {
        if (job.reply)
            job.reply->finish(closed);
    }
}

QString ImapClient::tlsProtocol() const
{
    return m_line->tlsProtocol();
}

QSslCertificate ImapClient::peerCertificate() const
{
    return m_line->peerCertificate();
}

bool ImapClient::hasCapability(QByteArrayView name) const
{
    return std::any_of(m_capabilities.cbegin(), m_capabilities.cend(),
                       [name](const QByteArray &c) { return c.compare(name, Qt::CaseInsensitive) == 0; });
}

bool ImapClient::isEnabled(QByteArrayView extension) const
{
    return std::any_of(m_enabled.cbegin(), m_enabled.cend(),
                       [extension](const QByteArray &e) { return e.compare(extension, Qt::CaseInsensitive) == 0; });
}

QString ImapClient::endpoint() const
{
    return QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port);
}

void ImapClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

// ---------------------------------------------------------------------------
// Operations: each one a task in the queue

ImapReply *ImapClient::enqueue(ImapReply *reply, std::unique_ptr<ImapTask> task, JobKind kind)
{
    m_queue.push_back(Job{reply, std::move(task), kind});
    // Queued, so finished() can never fire before the caller connected to it.
    QMetaObject::invokeMethod(this, &ImapClient::process, Qt::QueuedConnection);
    return reply;
}

ImapReply *ImapClient::open()
{
    return enqueue(new ImapReply, nullptr);
}

ImapReply *ImapClient::searchUnseen()
{
    auto *reply = new ImapReply;
    return enqueue(reply, std::make_unique<SearchTask>("UNSEEN", reply));
}

ImapReply *ImapClient::searchAll()
{
    auto *reply = new ImapReply;
    return enqueue(reply, std::make_unique<SearchTask>("ALL", reply));
}

ImapReply *ImapClient::search(const QByteArray &criteria)
{
    auto *reply = new ImapReply;
    return enqueue(reply, std::make_unique<SearchTask>(criteria, reply));
}

ImapReply *ImapClient::fetchMessages(const QList<quint32> &uids, FetchPart part, const QList<QByteArray> &headerFields)
{
    auto *reply = new ImapReply;
    return enqueue(reply, std::make_unique<FetchTask>(uids, part, reply, headerFields));
}

ImapReply *ImapClient::markSeen(const QList<quint32> &uids, bool seen)
{
    return enqueue(new ImapReply, std::make_unique<StoreTask>(uids, seen));
}

ImapReply *ImapClient::storeFlags(const QList<quint32> &uids, StoreMode mode, const QList<QByteArray> &flags,
                                  quint64 unchangedSince)
{
    auto *reply = new ImapReply;
    return enqueue(reply, std::make_unique<StoreFlagsTask>(uids, mode, flags, unchangedSince, reply));
}

ImapReply *ImapClient::expunge(const QList<quint32> &uids)
{
    auto *reply = new ImapReply;
    return enqueue(reply, std::make_unique<ExpungeTask>(uids, reply));
}

QList<QByteArray> ImapClient::permanentFlags() const
{
    return m_permanentFlags.value_or(m_mailboxFlags);
}

bool ImapClient::acceptsNewKeywords() const
{
    return m_permanentFlags && m_permanentFlags->contains(QByteArrayLiteral("\\*"));
}

ImapReply *ImapClient::noop()
{
    return enqueue(new ImapReply, std::make_unique<NoopTask>());
}

ImapReply *ImapClient::idle()
{
    return enqueue(new ImapReply, std::make_unique<IdleTask>());
}

ImapReply *ImapClient::append(const QString &mailbox, const QByteArray &message, const QList<QByteArray> &flags)
{
    return append(mailbox, QList<QByteArray>{message}, flags);
}

ImapReply *ImapClient::append(const QString &mailbox, const QList<QByteArray> &messages, const QList<QByteArray> &flags)
{
    auto *reply = new ImapReply;
    return enqueue(reply, std::make_unique<AppendTask>(mailbox, messages, flags, reply), JobKind::Authenticated);
}

ImapReply *ImapClient::listMailboxes()
{
    auto *reply = new ImapReply;
    return enqueue(reply, std::make_unique<ListTask>(reply), JobKind::Authenticated);
}

ImapReply *ImapClient::createMailbox(const QString &name)
{
    auto *reply = new ImapReply;
    return enqueue(reply, std::make_unique<CreateTask>(name, reply), JobKind::Authenticated);
}

ImapReply *ImapClient::fetchChangedSince(quint64 modseq)
{
    auto *reply = new ImapReply;
    return enqueue(reply, std::make_unique<ChangedSinceTask>(modseq, reply));
}

void ImapClient::setResyncState(quint32 uidValidity, quint64 highestModSeq)
{
    m_resyncUidValidity = uidValidity;
    m_resyncModSeq = highestModSeq;
}

void ImapClient::stopIdle()
{
    if (m_state != State::Idling)
        return;
    if (ImapTask *task = runningTask())
        task->interrupt();
}

ImapReply *ImapClient::close()
{
    const ConnectorError aborted(Kind::Aborted, tr("The IMAP session was closed before this ran."));
    for (Job &job : m_queue) {
        if (job.reply)
            job.reply->finish(aborted);
    }
    m_queue.clear();
    stopIdle();
    return enqueue(new ImapReply, std::make_unique<LogoutTask>(), JobKind::Close);
}

void ImapClient::process()
{
    while (!m_queue.empty() && (!m_queue.front().reply || m_queue.front().reply->isFinished()))
        m_queue.pop_front();
    if (m_queue.empty())
        return;
    if (m_state == State::Idling) {
        // The idle job is the current one: end it, and process() runs again when it finished.
        stopIdle();
        return;
    }
    if (m_current || m_opening)
        return;
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    if (m_current->isClose() && m_state == State::Disconnected) {
        finishJob();
    } else if (m_state == State::Selected || m_current->isClose()
               || (m_state == State::Authenticated && m_current->kind == JobKind::Authenticated)) {
        startJob();
    } else if (m_state == State::Authenticated) {
        // Opened for an operation that needed no mailbox: select it now.
        m_opening = true;
        continueOpening();
    } else if (m_state == State::Disconnected) {
        startConnection();
    }
}

void ImapClient::startJob()
{
    if (m_current->isClose())
        setState(State::LoggingOut);
    if (!m_current->task)
        return finishJob();
    m_current->task->begin(this);
}

void ImapClient::finishJob(const ConnectorError &error)
{
    m_line->disarm();
    if (m_current) {
        const bool wasClose = m_current->isClose();
        retire(std::move(m_current->task));
        QPointer<ImapReply> reply = m_current->reply;
        m_current.reset();
        if (wasClose)
            dropSocket();
        if (reply)
            reply->finish(error);
    }
    QMetaObject::invokeMethod(this, &ImapClient::process, Qt::QueuedConnection);
}

ImapTask *ImapClient::runningTask() const
{
    if (m_openTask)
        return m_openTask.get();
    return m_current ? m_current->task.get() : nullptr;
}

/// A task that ended may still be on the call stack: it is deleted when the
/// next bytes arrive (onReceived() is entered from the event loop only).
void ImapClient::retire(std::unique_ptr<ImapTask> task)
{
    if (task)
        m_retired.push_back(std::move(task));
}

// ---------------------------------------------------------------------------
// ImapTaskHost

QByteArray ImapClient::nextTag()
{
    return m_tags.next();
}

void ImapClient::sendCommand(const ImapCommand &command)
{
    m_outstanding = Outstanding{command, 1};
    // One write for the whole command unless a synchronising literal splits it.
    writePart(command.parts.first(), command.logText);
    QByteArray firstLine = command.logText.mid(command.tag.size() + 1);
    if (const qsizetype end = firstLine.indexOf('\r'); end >= 0)
        firstLine.truncate(end);   // an APPEND's literal is no name for what we wait for
    arm(QString::fromUtf8(firstLine.left(60)));
}

void ImapClient::writeLine(const QByteArray &bytes, const QByteArray &logText, const QString &waitingFor)
{
    writePart(bytes, logText);
    arm(waitingFor);
}

void ImapClient::taskFinished(const ConnectorError &error)
{
    if (m_openTask)
        return openStepFinished(error);
    finishJob(error);
}

void ImapClient::sessionFailed(const ConnectorError &error)
{
    failSession(error);
}

void ImapClient::idleStarted()
{
    // No reply is due until we send DONE, so no step timeout.
    m_line->disarm();
    setState(State::Idling);
    process(); // an operation queued meanwhile ends the idle at once
}

// ---------------------------------------------------------------------------
// Connection

void ImapClient::startConnection()
{
    dropSocket();
    m_parser.reset();
    m_parser.setMaxLiteralSize(m_settings.maxLiteralSize);
    m_parser.setMaxLineLength(m_settings.maxLineLength);
    m_capabilities.clear();
    m_enabled.clear();
    m_enableSent = false;
    m_highestModSeq = 0;
    m_startTlsDone = false;
    m_bearer.clear();
    m_fetchingToken = false;
    m_bearerRetried = false;
    ++m_connection;
    m_byeReceived = false;
    m_byeText.clear();
    m_tags.reset();
    m_exists = 0;
    m_opening = true;

    // Connecting until TCP is up, then TlsHandshake (implicit TLS) or the greeting:
    // a refused port and a refused certificate are told apart by the state.
    setState(State::Connecting);
    m_line->open({QStringLiteral("IMAP"), m_settings.host, m_settings.port, m_settings.implicitTls,
                  m_settings.tls, m_settings.timeoutMs});
}

void ImapClient::dropSocket()
{
    m_outstanding.reset();
    m_openStep = OpenStep::None;
    retire(std::move(m_openTask));
    m_line->close();
    setState(State::Disconnected);
}

/// The session is gone: the running operation and every queued one end with @p error.
void ImapClient::failSession(const ConnectorError &error)
{
    qCDebug(lcImap).noquote() << "session failed:" << error.message();
    const bool missing = std::exchange(m_selectMissing, false);
    const auto finish = [&error, missing](ImapReply *reply) {
        reply->setMailboxMissing(missing);
        reply->finish(error);
    };
    const bool wasOpen = !m_opening && m_state != State::LoggingOut;
    // A kept session that the server closed while nothing ran (an idle timeout) is no failure:
    // the next operation opens a new one.
    const bool busy = m_opening || m_current.has_value() || !m_queue.empty();
    dropSocket();
    m_opening = false;
    if (m_current) {
        retire(std::move(m_current->task));
        if (m_current->reply)
            finish(m_current->reply);
    }
    m_current.reset();
    std::deque<Job> waiting;
    waiting.swap(m_queue);
    for (Job &job : waiting) {
        if (job.reply)
            finish(job.reply);
    }
    if (busy && error.kind() != Kind::Aborted)
        Q_EMIT failed(error);
    if (wasOpen)
        Q_EMIT sessionLost(error);
}

void ImapClient::arm(const QString &waitingFor)
{
    m_line->arm(waitingFor);
}

void ImapClient::writePart(const QByteArray &bytes, const QByteArray &logText)
{
    m_line->write(bytes, logText);
}

void ImapClient::onConnected()
{
    if (m_settings.implicitTls) {
        setState(State::TlsHandshake);
    } else {
        setState(State::WaitingForGreeting);
        arm(tr("the greeting"));
    }
}

void ImapClient::onEncrypted()
{
    if (m_settings.implicitTls && !m_startTlsDone) {
        setState(State::WaitingForGreeting);
        arm(tr("the greeting"));
        return;
    }
    // After STARTTLS, what was learnt in clear is forgotten (RFC 3501 6.2.1).
    setState(State::NotAuthenticated);
    m_capabilities.clear();
    continueOpening();
}

void ImapClient::onReceived(const QByteArray &bytes)
{
    m_retired.clear();
    m_parser.feed(bytes);
    while (m_line->isOpen()) {
        const std::optional<ImapResponse> response = m_parser.takeResponse();
        if (!response)
            break;
        handleResponse(*response);
    }
    if (m_line->isOpen() && m_parser.hasError()) {
        const ImapParser::Error e = m_parser.error();
        failSession({Kind::Protocol, tr("%1 sent a response we cannot read (%2 at byte %3).")
                                         .arg(endpoint(), e.reason).arg(e.offset)});
    }
}

void ImapClient::onClosedByPeer()
{
    if (m_state == State::LoggingOut) {
        finishJob();
        return;
    }
    const QString why = m_byeReceived
        ? tr("%1 closed the session: %2").arg(endpoint(), printable(m_byeText))
        : tr("The connection to %1 was closed by the server.").arg(endpoint());
    failSession({Kind::Network, why});
}

// ---------------------------------------------------------------------------
// Opening: one task per step, chosen from the state

/**
 *     no capabilities yet            --> CAPABILITY
 *     NotAuthenticated, in clear     --> STARTTLS (required), then TLS, CAPABILITY again
 *     NotAuthenticated, encrypted    --> AUTHENTICATE / LOGIN --> Authenticated
 *     Authenticated, QRESYNC offered --> ENABLE QRESYNC (once a session)
 *     Authenticated, job needs none  --> the waiting job runs (APPEND, CREATE, LIST)
 *     Authenticated                  --> SELECT --> Selected: the waiting job runs
 */
void ImapClient::continueOpening()
{
    if (m_capabilities.isEmpty())
        return runOpenStep(OpenStep::Capabilities, std::make_unique<CapabilityTask>());
    switch (m_state) {
    case State::NotAuthenticated:
        if (!m_line->isEncrypted()) {
            if (!hasCapability("STARTTLS")) {
                return failSession({Kind::Tls, tr("%1 does not offer STARTTLS; refusing to send credentials unencrypted "
                                                  "(use_tls: false means STARTTLS, never plain text).").arg(endpoint())});
            }
            return runOpenStep(OpenStep::StartTls, std::make_unique<StartTlsTask>());
        }
        return startLogin();
    case State::Authenticated:
        // Only after authentication (RFC 5161 3.1), before SELECT: QRESYNC changes what SELECT may ask.
        if (!m_enableSent && hasCapability("QRESYNC")) {
            m_enableSent = true;
            return runOpenStep(OpenStep::Enable, std::make_unique<EnableTask>(QList<QByteArray>{"QRESYNC"}));
        }
        if (m_current && m_current->kind == JobKind::Authenticated) {
            m_opening = false;
            return startJob();
        }
        // UIDVALIDITY, EXISTS and HIGHESTMODSEQ arrive as untagged data; handleUntagged()
        // compares UIDVALIDITY with the previous session's.
        m_highestModSeq = 0;
        m_selectChanges = {};
        m_mailboxFlags.clear();
        m_permanentFlags.reset();
        m_selectMissing = false;
        return runOpenStep(OpenStep::Select, std::make_unique<SelectTask>(m_settings.mailbox, m_resyncUidValidity,
                                                                          m_resyncModSeq, &m_selectChanges,
                                                                          &m_selectMissing));
    default:
        return failSession({Kind::Protocol, tr("%1: the session is out of step while opening.").arg(endpoint())});
    }
}

void ImapClient::startLogin()
{
    if (m_settings.tokenSource && m_bearer.isEmpty()) {
        if (m_fetchingToken)
            return;
        // No step timer meanwhile: the token endpoint has its own timeout.
        m_fetchingToken = true;
        const quint64 connection = m_connection;
        m_settings.tokenSource->fetch(this, [this, connection](const ConnectorError &error, const QString &token) {
            if (connection != m_connection || m_state != State::NotAuthenticated)
                return;   // that connection is gone already
            m_fetchingToken = false;
            if (error)
                return failSession(error);
            if (token.isEmpty())
                return failSession({Kind::Auth, tr("No access token to sign in to %1 with.").arg(endpoint())});
            m_bearer = token;
            startLogin();
        });
        return;
    }
    LoginTask::Credentials credentials;
    credentials.username = m_settings.username;
    credentials.password = m_settings.password;
    credentials.accessToken = m_settings.tokenSource ? m_bearer : m_settings.accessToken;
    credentials.host = m_settings.host;
    credentials.port = m_settings.port;
    auto task = std::make_unique<LoginTask>(credentials);
    LoginTask *login = task.get();
    runOpenStep(OpenStep::Login, std::move(task));
    // begin() has chosen; a refusal keeps the name for the message, a success for health.
    if (m_openStep == OpenStep::Login && m_openTask.get() == login)
        m_authMechanism = login->mechanism();
}

void ImapClient::runOpenStep(OpenStep step, std::unique_ptr<ImapTask> task)
{
    retire(std::move(m_openTask));
    m_openStep = step;
    m_openTask = std::move(task);
    m_openTask->begin(this);
}

void ImapClient::openStepFinished(const ConnectorError &error)
{
    const OpenStep step = std::exchange(m_openStep, OpenStep::None);
    retire(std::move(m_openTask));
    if (error && step == OpenStep::Login && error.kind() == Kind::Auth && m_settings.tokenSource && !m_bearerRetried) {
        // A refused token: revoked early, or expired by the server's clock. One fresh one, same connection.
        m_bearerRetried = true;
        m_settings.tokenSource->refused(m_bearer);
        m_bearer.clear();
        qCDebug(lcImap) << "the server refused the access token; asking for a fresh one";
        return startLogin();
    }
    if (error)
        return failSession(error);
    switch (step) {
    case OpenStep::StartTls:
        // Bytes after the OK came in clear and may be a man in the middle's (RFC 3501 6.2.1 / 11.1):
        // the line discards them; onEncrypted() goes on.
        m_line->startTls(m_parser.bufferedBytes());
        m_parser.reset();
        m_startTlsDone = true;
        setState(State::TlsHandshake);
        return;
    case OpenStep::Login:
        setState(State::Authenticated);
        // Servers may announce more after login (RFC 3501 6.2.3): ask unless the OK said.
        if (!m_taggedHadCapabilities)
            m_capabilities.clear();
        break;
    case OpenStep::Select:
        return sessionOpened();
    case OpenStep::Enable:
    case OpenStep::Capabilities:
    case OpenStep::None:
        break;
    }
    continueOpening();
}

void ImapClient::sessionOpened()
{
    m_opening = false;
    setState(State::Selected);
    qCDebug(lcImap) << "selected" << m_settings.mailbox << "uidvalidity" << m_uidValidity << "exists" << m_exists;
    Q_EMIT opened();
    if (m_current)
        startJob();
    else
        process();
}

// ---------------------------------------------------------------------------
// Responses

void ImapClient::handleResponse(const ImapResponse &response)
{
    if (m_state == State::WaitingForGreeting) {
        handleGreeting(response);
        return;
    }
    if (response.kind == ImapResponse::Kind::Continuation) {
        if (!m_outstanding) {
            failSession({Kind::Protocol, tr("%1 sent a continuation nobody asked for.").arg(endpoint())});
            return;
        }
        if (m_outstanding->nextPart < m_outstanding->command.parts.size()) {
            // The server is ready for the literal (or the SASL response) that follows.
            const QByteArray part = m_outstanding->command.parts.at(m_outstanding->nextPart++);
            writePart(part, QByteArrayLiteral("<literal or SASL data, ") + QByteArray::number(part.size()) + " bytes>");
            arm(m_line->waitingFor());
            return;
        }
        if (ImapTask *task = runningTask())
            task->continuation(response);
        else
            failSession({Kind::Protocol, tr("%1 asked for more data than the command has.").arg(endpoint())});
        return;
    }
    if (response.isTagged()) {
        ImapTask *task = runningTask();
        if (!m_outstanding || response.tag != m_outstanding->command.tag || !task) {
            failSession({Kind::Protocol, tr("%1 answered a command we did not send (tag %2).")
                                             .arg(endpoint(), QString::fromLatin1(response.tag))});
            return;
        }
        m_taggedHadCapabilities = response.code && response.code->name == "CAPABILITY";
        if (m_taggedHadCapabilities)
            m_capabilities = response.code->list;
        m_outstanding.reset();
        m_line->disarm();
        if (m_state == State::Idling)
            setState(State::Selected);   // any completion ends an IDLE
        task->tagged(response);
        return;
    }
    handleUntagged(response);
}

void ImapClient::handleUntagged(const ImapResponse &response)
{
    if (response.code) {
        const ImapResponseCode &code = *response.code;
        if (code.name == "CAPABILITY") {
            m_capabilities = code.list;
        } else if (code.name == "UIDVALIDITY") {
            const quint32 value = quint32(code.number);
            if (m_uidValidity != 0 && value != m_uidValidity) {
                const quint32 previous = m_uidValidity;
                m_uidValidity = value;
                Q_EMIT uidValidityChanged(previous, value);
            }
            m_uidValidity = value;
        } else if (code.name == "UIDNEXT") {
            m_uidNext = quint32(code.number);
        } else if (code.name == "HIGHESTMODSEQ") {
            // Set, not raised: a server delaying expunges reports a lower one (RFC 7162 3.2).
            m_highestModSeq = code.number;
        } else if (code.name == "NOMODSEQ") {
            m_highestModSeq = 0;
        } else if (code.name == "PERMANENTFLAGS") {
            m_permanentFlags = code.list;
        } else if (code.name == "ALERT") {
            Q_EMIT alertReceived(printable(response.text));
        }
    }
    switch (response.kind) {
    case ImapResponse::Kind::Status:
        if (response.condition == ImapCondition::Bye) {
            m_byeReceived = true;
            m_byeText = response.text;
        }
        break;
    case ImapResponse::Kind::Capability:
        m_capabilities = response.atoms;
        break;
    case ImapResponse::Kind::Flags:
        m_mailboxFlags = response.atoms;
        break;
    case ImapResponse::Kind::Exists: {
        const bool grew = response.number > m_exists;
        m_exists = response.number;
        if (grew && isSelected())
            Q_EMIT mailboxChanged();
        break;
    }
    case ImapResponse::Kind::Expunge:
        if (m_exists > 0)
            --m_exists;
        if (isSelected())
            Q_EMIT mailboxChanged();
        break;
    case ImapResponse::Kind::Enabled:
        for (const QByteArray &extension : response.atoms) {
            if (!isEnabled(extension))
                m_enabled.append(extension);
        }
        break;
    case ImapResponse::Kind::Fetch:
        if (response.fetch.modSeq && *response.fetch.modSeq > m_highestModSeq)
            m_highestModSeq = *response.fetch.modSeq;
        break;
    case ImapResponse::Kind::Vanished:
        handleVanished(response);
        break;
    default:
        break;
    }
    ImapTask *task = runningTask();
    const bool taken = task && task->untagged(response);
    // A FETCH nobody asked for: someone else changed flags.
    if (!taken && response.kind == ImapResponse::Kind::Fetch && response.fetch.flags && isSelected())
        Q_EMIT mailboxChanged();
}

/// VANISHED without EARLIER is QRESYNC's EXPUNGE (RFC 7162 3.2.10): the messages are gone now,
/// and EXISTS goes down by as many. VANISHED (EARLIER) is history, a task's answer, and changes nothing.
void ImapClient::handleVanished(const ImapResponse &response)
{
    if (response.vanishedEarlier)
        return;
    const QList<quint32> uids = response.uidSet.toList();   // the parser caps the count
    m_exists -= quint32(std::min<quint64>(quint64(uids.size()), m_exists));
    if (isSelected()) {
        Q_EMIT vanished(uids);
        Q_EMIT mailboxChanged();
    }
}

void ImapClient::handleGreeting(const ImapResponse &response)
{
    if (response.kind != ImapResponse::Kind::Status || response.isTagged()) {
        failSession({Kind::Protocol, tr("%1 did not greet as an IMAP server does.").arg(endpoint())});
        return;
    }
    if (response.code && response.code->name == "CAPABILITY")
        m_capabilities = response.code->list;
    switch (response.condition) {
    case ImapCondition::Ok:
        setState(State::NotAuthenticated);
        continueOpening();
        return;
    case ImapCondition::PreAuth:
        // Already authenticated: only acceptable over TLS (STARTTLS is not allowed any more).
        if (!m_line->isEncrypted()) {
            failSession({Kind::Tls, tr("%1 pre-authenticated the session in clear, so STARTTLS is impossible; "
                                       "refusing to read mail unencrypted.").arg(endpoint())});
            return;
        }
        setState(State::Authenticated);
        continueOpening();
        return;
    case ImapCondition::Bye:
        failSession({Kind::Network, tr("%1 refused the session: %2").arg(endpoint(), printable(response.text))});
        return;
    default:
        failSession({Kind::Protocol, tr("%1 sent an unexpected greeting: %2").arg(endpoint(), printable(response.text))});
        return;
    }
}

} // namespace machina
