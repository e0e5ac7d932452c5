#pragma once

#include "connectorerror.h"
#include "connectorhealth.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

namespace machina {

/**
 * The health of an account, from what its sessions last did: every session
 * (SMTP, the IMAP sessions for browsing, listen and the inbox watch, the
 * Gmail API) records its outcomes here, and health() turns them into the
 * reference's ConnectorHealth.
 *
 * - Unhealthy: the account cannot send or cannot receive, that is the latest
 *   outcome of a session was that it could not connect, secure the
 *   connection, authenticate or select INBOX; or nothing was ever tried for
 *   sending.
 * - Degraded: it works with a problem: retrying (rate-limited, a transient
 *   failure of one command), or a server certificate that expires within 14
 *   days.
 * - Healthy otherwise.
 *
 * The message names the part ("Cannot receive: IMAP 127.0.0.1:993: ...").
 * Receiving is judged by the newest outcome of any IMAP session: they share
 * one server, and a session that recovered speaks for all of them.
 */
class HealthTracker : public QObject
{
    Q_OBJECT
public:
    enum class Session { Smtp, ImapBrowse, ImapListen, ImapWatch, Gmail };
    Q_ENUM(Session)

    static constexpr int CertificateWarningDays = 14;

    explicit HealthTracker(QObject *parent = nullptr);

    /// What health() calls the session's server ("SMTP 127.0.0.1:465", "the Gmail API at gmail.googleapis.com").
    void setPeer(Session session, const QString &name);

    /// The session is up (connected, secured, signed in; INBOX selected for IMAP).
    void succeeded(Session session, const QString &tlsVersion = {}, const QDateTime &certificateExpiry = {});
    /// The session is down: it could not connect, secure, authenticate or select.
    void sessionFailed(Session session, const ConnectorError &error) { failed(session, error, true); }
    /// One operation failed on a session that is still up, or the session waits to retry (rate limit).
    void operationFailed(Session session, const ConnectorError &error) { failed(session, error, false); }
    /// The session was closed on purpose: it no longer counts.
    void forget(Session session);

    void recordSend();
    void recordPoll();
    void setTokenExpiry(const QDateTime &expiry) { m_tokenExpiry = expiry; }
    /**
     * The last OAuth token refresh failed for a reason that passes (the identity
     * provider unreachable, a timeout): Degraded, with the reason, while the
     * sessions still work on the token they have. None clears it.
     */
    void setTokenRefreshProblem(const ConnectorError &error);

    /// Whether the session's newest outcome is that it is up.
    bool isUp(Session session) const;
    /// Status and message from the records; details carries each session's record.
    ConnectorHealth health() const;

    static QString sessionName(Session session);   ///< "smtp", "imap", "imap_listen", "imap_watch", "gmail"

Q_SIGNALS:
    /// A record changed (the caller compares the health it published).
    void changed();

private:
    struct Record
    {
        QString peer;
        QDateTime lastSuccess;
        ConnectorError lastError;
        QDateTime lastErrorAt;
        bool down = false;            ///< the newest outcome: the session could not be opened, or was lost
        bool troubled = false;        ///< the newest outcome: an operation failed on a live session
        QString tlsVersion;
        QDateTime certificateExpiry;
        bool used = false;
    };
    struct Verdict
    {
        ConnectorHealth::Status status = ConnectorHealth::Status::Healthy;
        QString message;
    };
    Record &record(Session session);
    void failed(Session session, const ConnectorError &error, bool sessionDown);
    /// The newest of the given sessions' records that were used, or nullptr.
    const Record *newest(std::initializer_list<Session> sessions) const;
    static Verdict judge(const Record &r, const QString &part);

    QHash<int, Record> m_records;
    QDateTime m_lastSend;
    QDateTime m_lastPoll;
    int m_sent = 0;
    QDateTime m_tokenExpiry;
    ConnectorError m_tokenRefreshProblem;
};

} // namespace machina
