#include "imapclient.h"

#include "../transport/securelinetransport.h"
#include "../transport/tls.h"

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
    QString out;
    for (char c : bytes)
        out += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QLatin1Char('?');
    return out.left(300);
}

} // namespace

bool ImapMessage::isSeen() const
{
    return std::any_of(flags.cbegin(), flags.cend(),
                       [](const QByteArray &f) { return f.compare("\\Seen", Qt::CaseInsensitive) == 0; });
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

QString ImapClient::tlsProtocol() const
{
    return m_line->tlsProtocol();
}

QSslCertificate ImapClient::peerCertificate() const
{
    return m_line->peerCertificate();
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

bool ImapClient::hasCapability(QByteArrayView name) const
{
    return std::any_of(m_capabilities.cbegin(), m_capabilities.cend(),
                       [name](const QByteArray &c) { return c.compare(name, Qt::CaseInsensitive) == 0; });
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
// Operations

ImapReply *ImapClient::enqueue(std::function<void()> run, bool isClose)
{
    auto *reply = new ImapReply;
    m_queue.enqueue(Job{reply, std::move(run), isClose});
    // Queued, so finished() can never fire before the caller connected to it.
    QMetaObject::invokeMethod(this, &ImapClient::process, Qt::QueuedConnection);
    return reply;
}

ImapReply *ImapClient::open()
{
    return enqueue([this] { finishJob(); });
}

ImapReply *ImapClient::searchUnseen()
{
    return uidSearch("UNSEEN");
}

ImapReply *ImapClient::searchAll()
{
    return uidSearch("ALL");
}

ImapReply *ImapClient::uidSearch(const QByteArray &criteria)
{
    return enqueue([this, criteria] {
        m_searchResult.clear();
        // ESEARCH (RFC 4731) answers "1:20000" where SEARCH lists every UID on one
        // line: 20,000 UIDs are ~110 KB, beyond the parser's line limit.
        const QByteArray query = hasCapability("ESEARCH") ? "RETURN (ALL) " + criteria : criteria;
        send(ImapWriter::uidSearch(m_tags.next(), query), [this](const ImapResponse &r) {
            if (!r.isStatus(ImapCondition::Ok))
                return finishJob(commandError("UID SEARCH", r));
            QList<quint32> uids = m_searchResult;
            std::sort(uids.begin(), uids.end());
            currentReply()->setUids(uids);
            finishJob();
        });
    });
}

ImapReply *ImapClient::fetchMessages(const QList<quint32> &uids, FetchPart part)
{
    return enqueue([this, uids, part] { fetchBatch(uids, part); });
}

void ImapClient::fetchBatch(QList<quint32> remaining, FetchPart part)
{
    if (remaining.isEmpty())
        return finishJob();
    m_fetchingFlags = part == FetchPart::Flags;
    const int batch = part == FetchPart::Full ? FullFetchBatch
                      : part == FetchPart::Headers ? HeaderFetchBatch
                                                   : FlagsFetchBatch;
    const QList<quint32> now = remaining.mid(0, batch);
    remaining.remove(0, std::min<qsizetype>(batch, remaining.size()));
    const QList<QByteArray> items = part == FetchPart::Full
        ? QList<QByteArray>{"UID", "FLAGS", "INTERNALDATE", "RFC822.SIZE", "BODY.PEEK[]"}
        : part == FetchPart::Headers
        ? QList<QByteArray>{"UID", "FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODYSTRUCTURE"}
        : QList<QByteArray>{"UID", "FLAGS"};
    send(ImapWriter::uidFetch(m_tags.next(), ImapWriter::formatUidSet(now), items),
         [this, remaining, part](const ImapResponse &r) {
             if (!r.isStatus(ImapCondition::Ok))
                 return finishJob(commandError("UID FETCH", r));
             fetchBatch(remaining, part);
         });
}

ImapReply *ImapClient::markSeen(const QList<quint32> &uids, bool seen)
{
    return enqueue([this, uids, seen] {
        if (uids.isEmpty())
            return finishJob();
        send(ImapWriter::uidStore(m_tags.next(), ImapWriter::formatUidSet(uids),
                                  seen ? ImapWriter::StoreMode::Add : ImapWriter::StoreMode::Remove, true,
                                  {"\\Seen"}),
             [this](const ImapResponse &r) {
                 finishJob(r.isStatus(ImapCondition::Ok) ? ConnectorError() : commandError("UID STORE", r));
             });
    });
}

ImapReply *ImapClient::noop()
{
    return enqueue([this] {
        send(ImapWriter::noop(m_tags.next()), [this](const ImapResponse &r) {
            finishJob(r.isStatus(ImapCondition::Ok) ? ConnectorError() : commandError("NOOP", r));
        });
    });
}

ImapReply *ImapClient::idle()
{
    return enqueue([this] {
        if (!hasCapability("IDLE"))
            return finishJob({Kind::Protocol, tr("%1 does not support IDLE.").arg(endpoint())});
        m_idleDoneSent = false;
        send(ImapWriter::idle(m_tags.next()),
             [this](const ImapResponse &r) {
                 setState(State::Selected);
                 finishJob(r.isStatus(ImapCondition::Ok) ? ConnectorError() : commandError("IDLE", r));
             },
             [this](const ImapResponse &) {
                 // "+ idling": no reply is due until we send DONE, so no step timeout.
                 m_line->disarm();
                 setState(State::Idling);
                 process(); // an operation queued meanwhile ends the idle at once
             });
    });
}

void ImapClient::stopIdle()
{
    if (m_state != State::Idling || m_idleDoneSent)
        return;
    m_idleDoneSent = true;
    const ImapCommand done = ImapWriter::done();
    writePart(done.bytes(), done.logText);
    arm(QStringLiteral("the end of IDLE"));
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
    return enqueue(
        [this] {
            if (m_state == State::Disconnected)
                return finishJob();
            setState(State::LoggingOut);
            send(ImapWriter::logout(m_tags.next()), [this](const ImapResponse &) {
                dropSocket();
                finishJob();
            });
        },
        true);
}

void ImapClient::process()
{
    while (!m_queue.isEmpty() && (!m_queue.head().reply || m_queue.head().reply->isFinished()))
        m_queue.dequeue();
    if (m_queue.isEmpty())
        return;
    if (m_state == State::Idling) {
        // The idle job is the current one: end it, and process() runs again when it finished.
        stopIdle();
        return;
    }
    if (m_current || m_opening)
        return;
    m_current = m_queue.dequeue();
    if (m_state == State::Selected || m_current->isClose) {
        m_current->run();
    } else if (m_state == State::Disconnected) {
        startConnection();
    }
}

void ImapClient::finishJob(const ConnectorError &error)
{
    m_line->disarm();
    m_fetchingFlags = false;
    if (m_current) {
        if (m_current->reply)
            m_current->reply->finish(error);
        m_current.reset();
    }
    QMetaObject::invokeMethod(this, &ImapClient::process, Qt::QueuedConnection);
}

ConnectorError ImapClient::commandError(const char *command, const ImapResponse &response) const
{
    const QString condition = response.condition == ImapCondition::No ? QStringLiteral("NO") : QStringLiteral("BAD");
    return {Kind::Protocol, tr("%1 answered %2 with %3: %4")
                                .arg(endpoint(), QString::fromLatin1(command), condition, printable(response.text))};
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
    m_startTlsDone = false;
    m_byeReceived = false;
    m_byeText.clear();
    m_pending.reset();
    m_tags.reset();
    m_exists = 0;
    m_fetchingFlags = false;
    m_opening = true;

    // Connecting until TCP is up, then TlsHandshake (implicit TLS) or the greeting:
    // a refused port and a refused certificate are told apart by the state.
    setState(State::Connecting);
    m_line->open({QStringLiteral("IMAP"), m_settings.host, m_settings.port, m_settings.implicitTls,
                  m_settings.tls, m_settings.timeoutMs});
}

void ImapClient::dropSocket()
{
    m_pending.reset();
    m_line->close();
    setState(State::Disconnected);
}

/// The session is gone: the running operation and every queued one end with @p error.
void ImapClient::failSession(const ConnectorError &error)
{
    qCDebug(lcImap).noquote() << "session failed:" << error.message();
    const bool wasOpen = !m_opening && m_state != State::LoggingOut;
    dropSocket();
    m_opening = false;
    if (m_current && m_current->reply)
        m_current->reply->finish(error);
    m_current.reset();
    while (!m_queue.isEmpty()) {
        Job job = m_queue.dequeue();
        if (job.reply)
            job.reply->finish(error);
    }
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

void ImapClient::send(const ImapCommand &command, TaggedHandler onTagged, TaggedHandler onContinuation)
{
    m_pending = Pending{command, 1, std::move(onTagged), std::move(onContinuation)};
    // One write for the whole command unless a synchronising literal splits it.
    writePart(command.parts.first(), command.logText);
    arm(QString::fromUtf8(command.logText.mid(command.tag.size() + 1).left(60)));
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
    requestCapabilities([this] { authenticate(); });
}

void ImapClient::onReceived(const QByteArray &bytes)
{
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
        dropSocket();
        finishJob();
        return;
    }
    const QString why = m_byeReceived
        ? tr("%1 closed the session: %2").arg(endpoint(), printable(m_byeText))
        : tr("The connection to %1 was closed by the server.").arg(endpoint());
    failSession({Kind::Network, why});
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
        if (!m_pending) {
            failSession({Kind::Protocol, tr("%1 sent a continuation nobody asked for.").arg(endpoint())});
            return;
        }
        if (m_pending->nextPart < m_pending->command.parts.size()) {
            // The server is ready for the literal (or the SASL response) that follows.
            const QByteArray part = m_pending->command.parts.at(m_pending->nextPart++);
            writePart(part, QByteArrayLiteral("<literal or SASL data, ") + QByteArray::number(part.size()) + " bytes>");
            arm(m_line->waitingFor());
            return;
        }
        if (m_pending->onContinuation) {
            m_pending->onContinuation(response);
            return;
        }
        failSession({Kind::Protocol, tr("%1 asked for more data than the command has.").arg(endpoint())});
        return;
    }
    if (response.isTagged()) {
        if (!m_pending || response.tag != m_pending->command.tag) {
            failSession({Kind::Protocol, tr("%1 answered a command we did not send (tag %2).")
                                             .arg(endpoint(), QString::fromLatin1(response.tag))});
            return;
        }
        if (response.code && response.code->name == "CAPABILITY")
            m_capabilities = response.code->list;
        TaggedHandler handler = std::move(m_pending->onTagged);
        m_pending.reset();
        m_line->disarm();
        handler(response);
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
    case ImapResponse::Kind::Search:
        m_searchResult.append(response.ids);
        break;
    case ImapResponse::Kind::ESearch: {
        // The TAG correlator is optional (RFC 4731 3.1); one command runs at a time, so an
        // untagged ESEARCH while our UID SEARCH runs is its answer.
        if (!m_pending || !response.esearchUid
            || (!response.esearchTag.isEmpty() && response.esearchTag != m_pending->command.tag))
            break; // not the answer to our UID SEARCH
        // The ranges may claim more UIDs than the mailbox holds (a hostile "1:4294967295"):
        // never more than EXISTS, plus what may have arrived meanwhile.
        const quint64 cap = quint64(m_exists) + 100000;
        quint64 total = m_searchResult.size();
        for (const auto &[first, last] : response.searchRanges) {
            total += quint64(last) - first + 1;
            if (total > cap) {
                failSession({Kind::Protocol, tr("%1 answered a search with more UIDs (over %2) than the mailbox holds (%3).")
                                                 .arg(endpoint()).arg(cap).arg(m_exists)});
                return;
            }
            for (quint64 uid = first; uid <= last; ++uid)
                m_searchResult.append(quint32(uid));
        }
        break;
    }
    case ImapResponse::Kind::Fetch: {
        const ImapFetch &f = response.fetch;
        ImapReply *reply = currentReply();
        // Ours: the body or envelope we asked for, or the flags of a FetchPart::Flags job
        // (an unsolicited FETCH carries no UID unless asked, RFC 3501 7.4.2).
        const bool answersUs = f.uid && reply
                               && (f.sections.contains(QByteArray("")) || f.envelope || (m_fetchingFlags && f.flags));
        if (answersUs) {
            ImapMessage m;
            m.uid = *f.uid;
            m.flags = f.flags.value_or(QList<QByteArray>{});
            m.internalDate = f.internalDate.value_or(QDateTime());
            m.size = f.rfc822Size.value_or(0);
            m.raw = f.sections.value(QByteArray(""));
            m.envelope = f.envelope;
            m.attachmentCount = f.attachmentCount();
            reply->addMessage(m);
        } else if (f.flags && isSelected()) {
            Q_EMIT mailboxChanged(); // someone else changed flags
        }
        break;
    }
    default:
        break;
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
        afterGreeting();
        return;
    case ImapCondition::PreAuth:
        // Already authenticated: only acceptable over TLS (STARTTLS is not allowed any more).
        if (!m_line->isEncrypted()) {
            failSession({Kind::Tls, tr("%1 pre-authenticated the session in clear, so STARTTLS is impossible; "
                                       "refusing to read mail unencrypted.").arg(endpoint())});
            return;
        }
        setState(State::Authenticated);
        requestCapabilities([this] { selectMailbox(); });
        return;
    case ImapCondition::Bye:
        failSession({Kind::Network, tr("%1 refused the session: %2").arg(endpoint(), printable(response.text))});
        return;
    default:
        failSession({Kind::Protocol, tr("%1 sent an unexpected greeting: %2").arg(endpoint(), printable(response.text))});
        return;
    }
}

void ImapClient::requestCapabilities(std::function<void()> then)
{
    if (!m_capabilities.isEmpty())
        return then();
    send(ImapWriter::capability(m_tags.next()), [this, then](const ImapResponse &r) {
        if (!r.isStatus(ImapCondition::Ok))
            return failSession(commandError("CAPABILITY", r));
        then();
    });
}

void ImapClient::afterGreeting()
{
    requestCapabilities([this] {
        if (!m_line->isEncrypted())
            startTls();
        else
            authenticate();
    });
}

void ImapClient::startTls()
{
    if (!hasCapability("STARTTLS")) {
        failSession({Kind::Tls, tr("%1 does not offer STARTTLS; refusing to send credentials unencrypted "
                                   "(use_tls: false means STARTTLS, never plain text).").arg(endpoint())});
        return;
    }
    send(ImapWriter::startTls(m_tags.next()), [this](const ImapResponse &r) {
        if (!r.isStatus(ImapCondition::Ok))
            return failSession({Kind::Tls, tr("%1 refused STARTTLS: %2").arg(endpoint(), printable(r.text))});
        // Bytes after the OK came in clear and may be a man in the middle's (RFC 3501 6.2.1 / 11.1):
        // the line discards them.
        m_line->startTls(m_parser.bufferedBytes());
        m_parser.reset();
        m_startTlsDone = true;
        setState(State::TlsHandshake);
    });
}

void ImapClient::authenticate()
{
    const bool saslIr = hasCapability("SASL-IR");
    auto onResult = [this](const ImapResponse &r) {
        if (r.isStatus(ImapCondition::Ok)) {
            setState(State::Authenticated);
            // Servers may announce more after login (RFC 3501 6.2.3): ask unless the OK said.
            if (!(r.code && r.code->name == "CAPABILITY"))
                m_capabilities.clear();
            requestCapabilities([this] { selectMailbox(); });
            return;
        }
        failSession({Kind::Auth, tr("%1 refused the credentials of %2: %3")
                                     .arg(endpoint(), m_settings.username, printable(r.text))});
    };
    if (!m_settings.accessToken.isEmpty()) {
        if (!hasCapability("AUTH=XOAUTH2"))
            return failSession({Kind::Auth, tr("%1 does not offer AUTHENTICATE XOAUTH2.").arg(endpoint())});
        send(ImapWriter::authenticateXOAuth2(m_tags.next(), m_settings.username, m_settings.accessToken, saslIr),
             onResult, [this](const ImapResponse &) {
                 // A failure comes as a base64 JSON challenge; an empty line gets the tagged NO.
                 writePart("\r\n", "");
             });
        return;
    }
    if (hasCapability("AUTH=PLAIN")) {
        send(ImapWriter::authenticatePlain(m_tags.next(), m_settings.username, m_settings.password, saslIr),
             onResult);
        return;
    }
    if (hasCapability("LOGINDISABLED")) {
        failSession({Kind::Auth, tr("%1 allows neither LOGIN nor AUTHENTICATE PLAIN.").arg(endpoint())});
        return;
    }
    const ImapLiteralMode mode = hasCapability("LITERAL+") ? ImapLiteralMode::LiteralPlus
                                 : hasCapability("LITERAL-") ? ImapLiteralMode::LiteralMinus
                                                             : ImapLiteralMode::Synchronizing;
    send(ImapWriter::login(m_tags.next(), m_settings.username, m_settings.password, mode), onResult);
}

void ImapClient::selectMailbox()
{
    // UIDVALIDITY and EXISTS arrive as untagged data; handleUntagged() compares
    // UIDVALIDITY with the previous session's.
    send(ImapWriter::select(m_tags.next(), m_settings.mailbox), [this](const ImapResponse &r) {
        if (!r.isStatus(ImapCondition::Ok))
            return failSession(commandError("SELECT", r));
        sessionOpened();
    });
}

void ImapClient::sessionOpened()
{
    m_opening = false;
    setState(State::Selected);
    qCDebug(lcImap) << "selected" << m_settings.mailbox << "uidvalidity" << m_uidValidity << "exists" << m_exists;
    if (m_current)
        m_current->run();
    else
        process();
}

} // namespace machina
