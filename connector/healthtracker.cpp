#include "healthtracker.h"

#include <QVariantMap>

namespace machina {

using Status = ConnectorHealth::Status;
using Kind = ConnectorError::Kind;

HealthTracker::HealthTracker(QObject *parent) : QObject(parent) {}

QString HealthTracker::sessionName(Session session)
{
    switch (session) {
    case Session::Smtp: return QStringLiteral("smtp");
    case Session::ImapBrowse: return QStringLiteral("imap");
    case Session::ImapListen: return QStringLiteral("imap_listen");
    case Session::ImapWatch: return QStringLiteral("imap_watch");
    case Session::Gmail: return QStringLiteral("gmail");
    }
    return {};
}

HealthTracker::Record &HealthTracker::record(Session session)
{
    return m_records[int(session)];
}

void HealthTracker::setPeer(Session session, const QString &name)
{
    record(session).peer = name;
}

void HealthTracker::succeeded(Session session, const QString &tlsVersion, const QDateTime &certificateExpiry)
{
    Record &r = record(session);
    r.used = true;
    r.lastSuccess = QDateTime::currentDateTimeUtc();
    r.down = false;
    r.troubled = false;
    if (!tlsVersion.isEmpty())
        r.tlsVersion = tlsVersion;
    if (certificateExpiry.isValid())
        r.certificateExpiry = certificateExpiry;
    Q_EMIT changed();
}

void HealthTracker::failed(Session session, const ConnectorError &error, bool sessionDown)
{
    if (!error || error.kind() == Kind::Aborted)
        return;   // asked for: nothing wrong
    Record &r = record(session);
    r.used = true;
    r.lastError = error;
    r.lastErrorAt = QDateTime::currentDateTimeUtc();
    if (sessionDown) {
        r.down = true;
        r.troubled = false;
    } else if (error.kind() != Kind::Rejected) {
        // A refused recipient or message says nothing about the session; the rest is a problem that may pass.
        r.troubled = !r.down;
    }
    Q_EMIT changed();
}

void HealthTracker::forget(Session session)
{
    Record &r = record(session);
    const QString peer = r.peer;
    r = Record{};
    r.peer = peer;
    Q_EMIT changed();
}

void HealthTracker::recordSend()
{
    m_lastSend = QDateTime::currentDateTimeUtc();
    ++m_sent;
    Q_EMIT changed();
}

void HealthTracker::recordPoll()
{
    m_lastPoll = QDateTime::currentDateTimeUtc();
    Q_EMIT changed();
}

bool HealthTracker::isUp(Session session) const
{
    const auto it = m_records.constFind(int(session));
    return it != m_records.cend() && it->used && !it->down && it->lastSuccess.isValid();
}

const HealthTracker::Record *HealthTracker::newest(std::initializer_list<Session> sessions) const
{
    const Record *best = nullptr;
    for (Session s : sessions) {
        const auto it = m_records.constFind(int(s));
        if (it == m_records.cend() || !it->used)
            continue;
        const QDateTime at = std::max(it->lastSuccess, it->lastErrorAt);
        if (!best || at > std::max(best->lastSuccess, best->lastErrorAt))
            best = &*it;
    }
    return best;
}

HealthTracker::Verdict HealthTracker::judge(const Record &r, const QString &part)
{
    if (r.down)
        return {Status::Unhealthy, tr("%1: %2: %3").arg(part, r.peer, r.lastError.message())};
    if (r.troubled)
        return {Status::Degraded, tr("%1, but the last attempt failed: %2").arg(r.peer, r.lastError.message())};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (r.certificateExpiry.isValid() && r.certificateExpiry < now.addDays(CertificateWarningDays)) {
        return {Status::Degraded, r.certificateExpiry < now
                                      ? tr("The certificate of %1 expired on %2.").arg(r.peer, r.certificateExpiry.toString(Qt::ISODate))
                                      : tr("The certificate of %1 expires on %2.").arg(r.peer, r.certificateExpiry.toString(Qt::ISODate))};
    }
    return {};
}

void HealthTracker::setTokenRefreshProblem(const ConnectorError &error)
{
    const bool changedNow = error.kind() != m_tokenRefreshProblem.kind() || error.message() != m_tokenRefreshProblem.message();
    m_tokenRefreshProblem = error;
    if (changedNow)
        Q_EMIT changed();
}

ConnectorHealth HealthTracker::health() const
{
    ConnectorHealth health;
    QVariantMap &d = health.details;

    const bool gmail = m_records.contains(int(Session::Gmail)) && !m_records.value(int(Session::Gmail)).peer.isEmpty();
    const Session sending = gmail ? Session::Gmail : Session::Smtp;
    const Record sendRecord = m_records.value(int(sending));

    QList<Verdict> verdicts;
    if (!sendRecord.used) {
        verdicts.append({Status::Unhealthy, tr("Not connected to %1.").arg(sendRecord.peer)});
    } else {
        verdicts.append(judge(sendRecord, gmail ? tr("Cannot reach") : tr("Cannot send")));
    }
    const Record *receiving = gmail ? nullptr : newest({Session::ImapBrowse, Session::ImapListen, Session::ImapWatch});
    if (receiving)
        verdicts.append(judge(*receiving, tr("Cannot receive")));

    health.status = Status::Healthy;
    QStringList problems;
    for (const Verdict &v : std::as_const(verdicts)) {
        if (v.status == Status::Healthy)
            continue;
        health.status = std::max(health.status, v.status);
        problems.append(v.message);
    }
    if (m_tokenRefreshProblem) {
        health.status = std::max(health.status, Status::Degraded);
        problems.append(tr("The sign-in token could not be refreshed: %1").arg(m_tokenRefreshProblem.message()));
    }
    if (health.status != Status::Healthy) {
        health.message = problems.join(QLatin1Char(' '));
    } else {
        const auto connected = [](const Record &r) {
            return r.tlsVersion.isEmpty() ? r.peer : QStringLiteral("%1 (%2)").arg(r.peer, r.tlsVersion);
        };
        health.message = receiving && !receiving->down
            ? tr("Connected to %1; receiving from %2.").arg(connected(sendRecord), connected(*receiving))
            : tr("Connected to %1.").arg(connected(sendRecord));
    }

    // Each session's record, then the figures of the whole account.
    QVariantMap sessions;
    const Record *lastFailure = nullptr;
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
        const Record &r = *it;
        if (!r.used)
            continue;
        QVariantMap s;
        s.insert(QStringLiteral("server"), r.peer);
        s.insert(QStringLiteral("state"), r.down ? QStringLiteral("down") : r.troubled ? QStringLiteral("retrying") : QStringLiteral("up"));
        if (!r.tlsVersion.isEmpty())
            s.insert(QStringLiteral("tls_version"), r.tlsVersion);
        if (r.certificateExpiry.isValid())
            s.insert(QStringLiteral("certificate_expiry"), r.certificateExpiry.toString(Qt::ISODate));
        if (r.lastSuccess.isValid())
            s.insert(QStringLiteral("last_success"), r.lastSuccess.toString(Qt::ISODate));
        if (r.lastError) {
            s.insert(QStringLiteral("last_error"), r.lastError.message());
            s.insert(QStringLiteral("last_error_kind"), ConnectorError::kindName(r.lastError.kind()));
            s.insert(QStringLiteral("last_error_at"), r.lastErrorAt.toString(Qt::ISODate));
            if (!lastFailure || r.lastErrorAt > lastFailure->lastErrorAt)
                lastFailure = &r;
        }
        sessions.insert(sessionName(Session(it.key())), s);
    }
    d.insert(QStringLiteral("sessions"), sessions);
    d.insert(QStringLiteral("connected"), isUp(sending));
    if (!sendRecord.tlsVersion.isEmpty())
        d.insert(QStringLiteral("tls_version"), sendRecord.tlsVersion);
    d.insert(QStringLiteral("messages_sent"), m_sent);
    if (m_lastSend.isValid())
        d.insert(QStringLiteral("last_successful_send"), m_lastSend.toString(Qt::ISODate));
    if (m_lastPoll.isValid())
        d.insert(QStringLiteral("last_successful_poll"), m_lastPoll.toString(Qt::ISODate));
    if (m_tokenExpiry.isValid())
        d.insert(QStringLiteral("token_expiry"), m_tokenExpiry.toString(Qt::ISODate));
    if (m_tokenRefreshProblem)
        d.insert(QStringLiteral("token_refresh_error"), m_tokenRefreshProblem.message());
    if (lastFailure) {
        d.insert(QStringLiteral("last_error"), lastFailure->lastError.message());
        d.insert(QStringLiteral("last_error_kind"), ConnectorError::kindName(lastFailure->lastError.kind()));
        d.insert(QStringLiteral("last_error_at"), lastFailure->lastErrorAt.toString(Qt::ISODate));
    }
    return health;
}

} // namespace machina
