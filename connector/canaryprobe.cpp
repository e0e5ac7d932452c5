#include "canaryprobe.h"

#include "backends/mailbackend.h"
#include "sendreply.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcCanary, "machina.canary", QtWarningMsg)

namespace machina {

using Kind = ConnectorError::Kind;

namespace {

/// 128 random bits as 32 hex digits: no two runs, in this process or another, share one.
QByteArray newToken()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes.toHex();
}

} // namespace

CanaryProbe::CanaryProbe(QObject *parent) : QObject(parent)
{
    m_pollTimer.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &CanaryProbe::poll);
    connect(&m_deadline, &QTimer::timeout, this, &CanaryProbe::timedOut);
}

CanaryProbe::~CanaryProbe() = default;

bool CanaryProbe::isProbe(QByteArrayView message)
{
    const QByteArrayView name(HeaderName);
    qsizetype pos = 0;
    while (pos < message.size()) {
        qsizetype end = message.indexOf('\n', pos);
        if (end < 0)
            end = message.size();
        QByteArrayView line = message.sliced(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            return false;   // the header ends at the first empty line
        // field-name, then optional blanks (obsolete syntax, RFC 5322 4.5.8), then ':'
        if (line.size() > name.size() && line.first(name.size()).compare(name, Qt::CaseInsensitive) == 0) {
            QByteArrayView rest = line.sliced(name.size());
            while (!rest.isEmpty() && (rest.at(0) == ' ' || rest.at(0) == '\t'))
                rest = rest.sliced(1);
            if (rest.startsWith(':'))
                return true;
        }
        pos = end + 1;
    }
    return false;
}

void CanaryProbe::fail(const ConnectorError &error)
{
    if (m_started)
        return;
    m_started = true;
    failLater(error);
}

void CanaryProbe::failLater(const ConnectorError &error)
{
    QMetaObject::invokeMethod(this, [this, error] {
        end(error);
        settle();
    }, Qt::QueuedConnection);
}

void CanaryProbe::startOn(MailBackend *backend, const QString &address)
{
    if (backend->idKind() == MessageId::Backend::Gmail) {
        return fail({Kind::Config, tr("The canary needs IMAP: this account uses the Gmail API "
                                      "(gmail_credentials_file), so there is no IMAP INBOX to wait for the probe in.")});
    }
    if (backend->config().imapHost.isEmpty())
        return fail({Kind::Config, tr("imap_host: not set; the canary waits for its probe over IMAP.")});
    QPointer<MailBackend> owner(backend);
    backend->prepareReceiving(this, [this, owner, address](const ConnectorError &error) {
        if (error)
            return fail(error);
        if (!owner)
            return fail({Kind::Aborted, tr("The account was closed before the canary ran.")});
        Setup setup;
        if (const ConnectorError invalid = ImapSettings::fromConfig(owner->config(), &setup.imap))
            return fail(invalid);
        setup.address = address;
        setup.timeoutMs = std::max(1, owner->config().timeout) * 1000;
        setup.send = [owner](const BuiltMessage &message) -> SendReply * {
            if (!owner) {
                auto *reply = new SendReply;
                reply->finish({Kind::Aborted, tr("The account was closed before the canary was sent.")});
                return reply;
            }
            return owner->send(message);
        };
        start(setup);
    });
}

void CanaryProbe::start(const Setup &setup)
{
    if (m_started)
        return;
    m_started = true;
    m_setup = setup;
    m_setup.imap.mailbox = QStringLiteral("INBOX");
    if (m_setup.lateWindowMs < 0)
        m_setup.lateWindowMs = m_setup.timeoutMs;
    m_token = newToken();

    OutgoingMessage probe;
    probe.from = m_setup.address;
    probe.to = {m_setup.address};
    probe.subject = tr("Machina canary %1").arg(QString::fromLatin1(m_token.left(8)));
    probe.text = tr("This message checks that mail reaches this mailbox (machina-mail check --canary, or the "
                    "console's periodic check). It is deleted as soon as it arrives; if you see it, it came late "
                    "and you may delete it.");
    probe.extraHeaders.append({QByteArray(HeaderName), QString::fromLatin1(m_token)});
    const MessageBuilder::Result built = MessageBuilder::build(probe);
    if (!built.message)
        return failLater(built.error);
    m_message = *built.message;

    m_imap = new ImapClient(m_setup.imap, this);
    // Opened before the send: what the latency measures is the mail's way, not our login.
    await(m_imap->open(), [this](ImapReply *open) {
        if (open->error()) {
            end(open->error());
            return settle();
        }
        opened();
    });
}

template <typename Then>
void CanaryProbe::await(ImapReply *reply, Then then)
{
    reply->setParent(this);
    connect(reply, &ConnectorReply::finished, this, [reply, then] {
        reply->deleteLater();
        then(reply);
    });
}

void CanaryProbe::opened()
{
    // UIDs below UIDNEXT were there before the probe was sent (RFC 3501 2.3.1.1).
    m_firstUid = std::max<quint32>(1, m_imap->uidNext());
    qCDebug(lcCanary) << "sending probe" << m_token << "to" << m_setup.address << "- UIDs from" << m_firstUid;
    m_sinceSend.start();
    m_deadline.start(m_setup.timeoutMs);
    SendReply *reply = m_setup.send(m_message);
    reply->setParent(this);
    connect(reply, &ConnectorReply::finished, this, [this, reply] { sent(reply); });
}

void CanaryProbe::sent(SendReply *reply)
{
    reply->deleteLater();
    if (const ConnectorError error = reply->error()) {
        // A send that broke off after DATA may still have been taken: look for it in the late window.
        m_sent = error.kind() == Kind::Network || error.kind() == Kind::Timeout;
        end({error.kind(), tr("The canary could not be sent: %1").arg(error.message())});
        if (!m_sent)
            return settle();
        return poll();
    }
    m_sent = true;
    poll();
}

bool CanaryProbe::watchingLate() const
{
    return m_sinceSend.isValid() && m_sinceSend.elapsed() < qint64(m_setup.timeoutMs) + m_setup.lateWindowMs;
}

void CanaryProbe::poll()
{
    if (m_searching || m_removed || m_settling)
        return;
    if (m_finished && !watchingLate())
        return settle();
    m_searching = true;
    // Dovecot adds what arrived since the last command to a SEARCH only after a NOOP (see ImapListing).
    ImapReply *noop = m_imap->noop();
    connect(noop, &ConnectorReply::finished, noop, &QObject::deleteLater);
    const QByteArray criteria = "UID " + QByteArray::number(m_firstUid) + ":* HEADER " + QByteArray(HeaderName) + ' '
        + *ImapWriter::quotedString(m_token);   // hex digits: always quotable
    await(m_imap->search(criteria), [this](ImapReply *search) { searched(search); });
}

void CanaryProbe::searched(ImapReply *search)
{
    m_searching = false;
    if (m_settling)
        return;
    if (search->error()) {
        // The session is gone (or the server refuses the search): nothing more can be learnt.
        end({search->error().kind(), tr("The canary could not be looked for: %1").arg(search->error().message())});
        return settle();
    }
    if (!search->uids().isEmpty())
        return remove(search->uids());
    if (m_finished && !watchingLate())
        return settle();
    m_pollTimer.start(m_setup.pollIntervalMs);
}

void CanaryProbe::remove(const QList<quint32> &uids)
{
    m_removed = true;
    m_pollTimer.stop();
    if (!m_finished) {
        m_latencyMs = std::max<qint64>(1, m_sinceSend.elapsed());
        m_deadline.stop();
    } else {
        qCInfo(lcCanary) << "probe" << m_token << "arrived late, after" << m_sinceSend.elapsed() << "ms: removing it";
    }
    ImapReply *deleted = m_imap->storeFlags(uids, ImapStoreMode::Add, {"\\Deleted"});
    deleted->setParent(this);
    // Queued behind the STORE: a UID EXPUNGE of a message the STORE did not flag removes nothing.
    await(m_imap->expunge(uids), [this, deleted](ImapReply *expunged) {
        const ConnectorError error = deleted->error() ? deleted->error() : expunged->error();
        deleted->deleteLater();
        if (error) {
            end({error.kind(), tr("The canary arrived (%1 ms) but could not be removed from INBOX: %2")
                                   .arg(m_latencyMs).arg(error.message())});
        } else {
            end({});
        }
        settle();
    });
}

void CanaryProbe::timedOut()
{
    if (m_finished)
        return;
    end({Kind::Timeout, tr("The canary sent to %1 did not arrive in INBOX within %2 s.")
                            .arg(m_setup.address).arg(m_setup.timeoutMs / 1000.0, 0, 'f', 1)});
    // Still looked for until the late window ends (or, while the send still runs, from its end on):
    // poll() and searched() settle then.
}

void CanaryProbe::end(const ConnectorError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (error)
        qCInfo(lcCanary).noquote() << "canary failed:" << error.message();
    else
        qCDebug(lcCanary) << "canary arrived after" << m_latencyMs << "ms";
    Q_EMIT finished(m_latencyMs, m_error);
}

void CanaryProbe::settle()
{
    if (m_settling)
        return;
    m_settling = true;
    m_pollTimer.stop();
    m_deadline.stop();
    const auto done = [this] {
        m_settled = true;
        Q_EMIT settled();
    };
    if (!m_imap) {
        QMetaObject::invokeMethod(this, done, Qt::QueuedConnection);
        return;
    }
    await(m_imap->close(), [done](ImapReply *) { done(); });
}

} // namespace machina
