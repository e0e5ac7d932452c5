#pragma once

#include "connectorerror.h"
#include "imap/imapclient.h"
#include "mime/messagebuilder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <functional>

namespace machina {

class MailBackend;
class SendReply;

/**
 * The canary: an end-to-end check that mail gets through. One run sends a
 * probe from the account to itself, waits for it over IMAP, and reports the
 * latency from the send to its arrival in INBOX.
 *
 * - The probe goes out directly (MailBackend::send(): the backend's SMTP
 *   session, no outbox, no Sent copy) and is recognised by the header
 *   "X-Machina-Canary: <token>", a random token of this run.
 * - It is waited for on an IMAP session of the probe's own, on INBOX, opened
 *   before the send (so neither the login nor a refusal of it counts as
 *   latency): after a NOOP (Dovecot shows new mail to SEARCH only then),
 *   "UID SEARCH UID n:* HEADER X-Machina-Canary "<token>"" every 250 ms, n
 *   being the UIDNEXT the SELECT reported, so the search reads only the
 *   headers of what arrived since, whatever the size of the INBOX.
 * - Once found it is flagged \Deleted and removed with UID EXPUNGE (RFC
 *   4315, only that message), then finished() reports the latency; a removal
 *   that failed is the run's error, with the latency still known.
 * - Not there within the timeout (from the send on): finished() reports a
 *   Timeout error. The search goes on for the late window (by default as
 *   long again) and removes a probe that shows up late, then the run settles.
 *
 * No handler ever sees a probe, and no listing shows one: Listener and the
 * inbox listings skip every message carrying the header (isProbe()).
 *
 * finished() comes once, always from the event loop, then settled() once the
 * session is logged out. The caller owns the probe: delete it after settled()
 * (deleting it before cuts the run short: the session is closed at once).
 */
class CanaryProbe : public QObject
{
    Q_OBJECT
public:
    /// The header that marks a probe; its value is the run's token.
    static constexpr char HeaderName[] = "X-Machina-Canary";
    static constexpr int DefaultPollIntervalMs = 250;

    /// Sends the probe on the direct path: no outbox, no Sent copy.
    using SendFunction = std::function<SendReply *(const BuiltMessage &message)>;

    /** What one run needs. */
    struct Setup
    {
        ImapSettings imap;             ///< the account's IMAP server; INBOX is selected whatever mailbox says
        QString address;               ///< the account's own address: the probe's From and To
        int timeoutMs = 30000;         ///< how long the probe may take to arrive, from the send on
        int pollIntervalMs = DefaultPollIntervalMs;
        int lateWindowMs = -1;         ///< after a timeout, how much longer a late probe is looked for; -1: timeoutMs
        SendFunction send;
    };

    explicit CanaryProbe(QObject *parent = nullptr);
    ~CanaryProbe() override;

    /// Starts a run with @p setup; finished() follows from the event loop.
    void start(const Setup &setup);
    /**
     * Starts a run for the account of @p backend: its credentials (the keychain
     * asked when needed), its IMAP settings and its SMTP session. A Gmail API
     * account has no IMAP to wait on: the run fails as Config, nothing sent.
     */
    void startOn(MailBackend *backend, const QString &address);
    /// Ends a run that cannot start with @p error (finished() and settled() from the event loop).
    void fail(const ConnectorError &error);

    bool isFinished() const { return m_finished; }
    bool isSettled() const { return m_settled; }
    /// From the send to the probe's arrival in INBOX; -1 unless it arrived within the timeout.
    qint64 latencyMs() const { return m_latencyMs; }
    ConnectorError error() const { return m_error; }
    /// This run's X-Machina-Canary value; empty before start().
    QByteArray token() const { return m_token; }

    /**
     * Whether @p message (a whole RFC 5322 message, or only its header lines,
     * such as a BODY[HEADER.FIELDS (X-Machina-Canary)] answer) has an
     * X-Machina-Canary field, whatever its value: it is a probe, the
     * connector's own, never a message for a handler or a viewer.
     */
    static bool isProbe(QByteArrayView message);

Q_SIGNALS:
    /// The run is over: @p latencyMs is latencyMs(), @p error error() (none: the probe came and was removed).
    void finished(qint64 latencyMs, const machina::ConnectorError &error);
    /// Nothing is left to do: a late probe was looked for (and removed), the session logged out.
    void settled();

private:
    void failLater(const ConnectorError &error);
    void opened();
    void sent(SendReply *reply);
    void poll();
    void searched(ImapReply *search);
    void remove(const QList<quint32> &uids);
    void timedOut();
    void end(const ConnectorError &error);
    void settle();
    bool watchingLate() const;
    template <typename Then>
    void await(ImapReply *reply, Then then);

    Setup m_setup;
    QByteArray m_token;
    BuiltMessage m_message;
    ImapClient *m_imap = nullptr;
    QElapsedTimer m_sinceSend;
    QTimer m_pollTimer;
    QTimer m_deadline;
    quint32 m_firstUid = 1;
    qint64 m_latencyMs = -1;
    ConnectorError m_error;
    bool m_started = false;
    bool m_sent = false;        ///< the server took the probe, or may have (a send that failed in doubt)
    bool m_searching = false;
    bool m_removed = false;
    bool m_finished = false;
    bool m_settling = false;
    bool m_settled = false;
};

} // namespace machina
