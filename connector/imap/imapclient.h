#pragma once

#include "../config/connectorconfig.h"
#include "../connectorreply.h"
#include "../oauth/bearertokensource.h"
#include "imapreply.h"
#include "protocol/imapparser.h"
#include "protocol/imapwriter.h"
#include "tasks/imaptask.h"

#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <deque>
#include <memory>
#include <utility>
#include <vector>

namespace machina {

class SecureLineTransport;

/** Where and how to reach one IMAP server. */
struct ImapSettings
{
    QString host;
    quint16 port = 993;
    bool implicitTls = true;       ///< true: TLS from the first byte; false: STARTTLS, required
    QString username;
    QString password;
    QString accessToken;           ///< set: AUTHENTICATE OAUTHBEARER / XOAUTH2 instead of the password
    /// set: a fresh bearer token for every login (OAuth accounts); wins over accessToken
    std::shared_ptr<BearerTokenSource> tokenSource;
    QSslConfiguration tls;         ///< trust store; verification is always on
    int timeoutMs = 30000;         ///< for each step (connect, handshake, each command)
    QString mailbox = QStringLiteral("INBOX");
    qint64 maxLiteralSize = ImapParser::DefaultMaxLiteralSize; ///< a larger literal from the server is a protocol error
    /// A longer line (outside literals) is a protocol error. 1 MiB: a plain SEARCH
    /// (no ESEARCH) of ~150,000 UIDs fits; a hostile server still cannot grow one line without end.
    qsizetype maxLineLength = 1024 * 1024;

    /// The IMAP side of @p config (host, port, TLS mode, account, timeout, ca_file); fails on an unusable ca_file.
    static ConnectorError fromConfig(const ConnectorConfig &config, ImapSettings *out);
};

/**
 * An IMAP4rev1 session (RFC 3501) on a SecureLineTransport, kept logged in with its
 * mailbox selected between operations. Operations queue up and run one at a
 * time; the session is opened (connect, TLS, CAPABILITY, authentication,
 * SELECT) by the first operation that needs it. UIDs are used throughout,
 * bodies are fetched with BODY.PEEK[] so nothing is marked \Seen by reading.
 *
 * Each command is a small task (tasks/): the session runs one at a time, routes
 * the untagged responses and continuations to it, and keeps only what is
 * session-wide (capabilities, enabled extensions, UIDVALIDITY, EXISTS,
 * HIGHESTMODSEQ). Opening runs tasks too, chosen by continueOpening() from the state:
 *
 *     Disconnected --> Connecting --> (TlsHandshake) --> WaitingForGreeting
 *     WaitingForGreeting --OK--> NotAuthenticated: CAPABILITY, STARTTLS (+ handshake, CAPABILITY again)
 *     NotAuthenticated --LOGIN/AUTHENTICATE OK--> Authenticated (ENABLE QRESYNC when offered)
 *     Authenticated --SELECT OK--> Selected
 *     Selected --IDLE +--> Idling --DONE, OK--> Selected
 *     any --LOGOUT--> LoggingOut --> Disconnected
 *
 * APPEND, CREATE and LIST need no mailbox: a session opened for them stays
 * Authenticated, and the next operation that needs the mailbox selects it.
 *
 * The mailbox is ImapSettings::mailbox ("INBOX" by default; any other, such
 * as "Work Orders" or a non-ASCII name, goes as modified UTF-7, RFC 3501
 * 5.1.3). One that does not exist ends the session: the replies then say
 * ImapReply::mailboxMissing().
 *
 * CONDSTORE / QRESYNC (RFC 7162): when the server offers QRESYNC, ENABLE
 * QRESYNC goes before the SELECT; the SELECT asks for "(QRESYNC (v m))" when
 * setResyncState() gave a known state, else "(CONDSTORE)" when the server has
 * either. With QRESYNC the server reports expunges as VANISHED instead of
 * EXPUNGE: vanished() and mailboxChanged() tell, and EXISTS goes down as it
 * would have with EXPUNGE.
 *
 * When the connection is lost, the running operation and the queued ones end
 * with the error; the next operation opens a new session. Reconnecting on a
 * schedule is the MailboxWatcher's job.
 */
class ImapClient : public QObject, private ImapTaskHost
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        Connecting,
        TlsHandshake,
        WaitingForGreeting,
        NotAuthenticated,
        Authenticated,
        Selected,
        Idling,
        LoggingOut,
    };
    Q_ENUM(State)

    /// How much of each message fetchMessages() asks for.
    using FetchPart = ImapFetchPart;
    /// How storeFlags() changes the flags.
    using StoreMode = ImapStoreMode;
    /// What a QRESYNC SELECT reported: VANISHED (EARLIER) UIDs and changed messages.
    using SelectChanges = ImapSelectChanges;

    static constexpr int HeaderFetchBatch = 500;   ///< FetchTask's batch for FetchPart::Headers

    explicit ImapClient(const ImapSettings &settings, QObject *parent = nullptr);
    ~ImapClient() override;

    ImapSettings settings() const { return m_settings; }
    void setSettings(const ImapSettings &settings) { m_settings = settings; }

    /// Opens the session: connect, TLS, authenticate, SELECT the mailbox.
    ImapReply *open();
    /// UID SEARCH UNSEEN; uids() in ascending order.
    ImapReply *searchUnseen();
    /// UID SEARCH ALL; uids() in ascending order.
    ImapReply *searchAll();
    /**
     * UID SEARCH @p criteria (RFC 3501 6.4.4; ESEARCH when offered); uids() in
     * ascending order. The criteria are protocol text: build strings in them with
     * ImapWriter::quotedString() and dates with ImapWriter::searchDate(), e.g.
     * "HEADER X-Machina-Work-Order \"WO-2026-0001\"", "SINCE 1-Dec-2026",
     * "UNKEYWORD $Claimed". Empty criteria, or any with a CR, LF or NUL, are
     * refused (Rejected) without sending anything.
     */
    ImapReply *search(const QByteArray &criteria);
    /**
     * UID FETCH in batches; messages() in the order the server answered. With
     * @p headerFields (Full and Headers; atoms such as "X-Machina-Canary") those
     * header lines too, in ImapMessage::headerFields. Full and Headers ask for
     * MODSEQ as well when the mailbox has mod-sequences (CONDSTORE, not NOMODSEQ).
     */
    ImapReply *fetchMessages(const QList<quint32> &uids, FetchPart part = FetchPart::Full,
                             const QList<QByteArray> &headerFields = {});
    /// UID STORE +FLAGS.SILENT (\Seen), or -FLAGS when @p seen is false.
    ImapReply *markSeen(const QList<quint32> &uids, bool seen = true);
    /**
     * UID STORE of @p flags ("\Deleted", "$Claimed") on @p uids, added,
     * removed or as the whole set (@p mode); not .SILENT, so messages() has
     * the uid, flags and modSeq the server answered for each message it changed
     * (none for one whose flags were so already).
     *
     * With @p unchangedSince (not 0) the STORE is conditional (RFC 7162 3.1.3):
     * only messages whose mod-sequence is still at most that change, and
     * modifiedUids() names the others (the tagged OK's [MODIFIED set]): the
     * loser of a claim. Dovecot sends the loser the message's current flags and
     * MODSEQ too (the winner's), so such a UID may be in messages() as well. It
     * needs CONDSTORE (condstoreAvailable()): without, nothing is sent and the
     * reply fails as Protocol. A flag that is not an IMAP flag is refused (Rejected).
     */
    ImapReply *storeFlags(const QList<quint32> &uids, StoreMode mode, const QList<QByteArray> &flags,
                          quint64 unchangedSince = 0);
    /**
     * UID EXPUNGE @p uids (RFC 4315): removes those of them flagged \Deleted
     * (storeFlags() first), no other message. Without UIDPLUS the reply fails
     * as Protocol and nothing is sent. The expunges reach exists(), vanished()
     * and mailboxChanged() as any other; with QRESYNC the reply's vanished() has them too.
     */
    ImapReply *expunge(const QList<quint32> &uids);
    ImapReply *noop();
    /**
     * IDLE (RFC 2177): finishes when the idle ends, after stopIdle() or when
     * the server ends it. mailboxChanged() tells of new mail meanwhile.
     */
    ImapReply *idle();
    /// Ends a running IDLE (DONE); harmless when not idling.
    void stopIdle();
    /**
     * APPEND (RFC 3501 6.3.11) of @p message (the raw RFC 5322 bytes, CRLF line
     * ends) to @p mailbox with @p flags ("\\Seen"). appendUid() and
     * appendUidValidity() are set with UIDPLUS; NO [TRYCREATE] is tryCreate().
     * Needs no selected mailbox and leaves the selected one as it is.
     */
    ImapReply *append(const QString &mailbox, const QByteArray &message, const QList<QByteArray> &flags = {});
    /// MULTIAPPEND (RFC 3502) of @p messages in one command; only when hasCapability("MULTIAPPEND").
    ImapReply *append(const QString &mailbox, const QList<QByteArray> &messages, const QList<QByteArray> &flags);
    /// LIST "" "*" (RETURN (SPECIAL-USE) with SPECIAL-USE): mailboxes() with attributes and delimiter.
    ImapReply *listMailboxes();
    /// CREATE @p name; a mailbox that exists already (NO [ALREADYEXISTS], RFC 5530) is a success.
    ImapReply *createMailbox(const QString &name);
    /**
     * The flags changed since mod-sequence @p modseq (RFC 7162 CHANGEDSINCE):
     * messages() with uid, flags and modSeq; with QRESYNC enabled also the
     * UIDs expunged since then in vanished(). A Protocol error without CONDSTORE.
     */
    ImapReply *fetchChangedSince(quint64 modseq);
    /**
     * The mailbox state the caller already knows, for the next SELECT: with
     * QRESYNC enabled it asks for what changed since (RFC 7162 3.2.5), which
     * takeSelectChanges() then gives. (0, 0): none, the default. The caller
     * compares uidValidity() afterwards: a different one voids the known state,
     * and the server then sends no changes.
     */
    void setResyncState(quint32 uidValidity, quint64 highestModSeq);
    /// What the last QRESYNC SELECT reported; empty afterwards and until the next select.
    SelectChanges takeSelectChanges() { return std::exchange(m_selectChanges, {}); }
    /// LOGOUT and close; queued operations end with an Aborted error.
    ImapReply *close();

    State state() const { return m_state; }
    bool isSelected() const { return m_state == State::Selected || m_state == State::Idling; }
    QList<QByteArray> capabilities() const { return m_capabilities; }
    bool hasCapability(QByteArrayView name) const override;
    quint32 uidValidity() const { return m_uidValidity; }
    quint32 uidNext() const { return m_uidNext; }
    quint32 exists() const override { return m_exists; }
    /**
     * The flags the selected mailbox keeps (RFC 3501 7.1 PERMANENTFLAGS): from
     * the SELECT's [PERMANENTFLAGS (...)], updated when the server announces
     * more (Dovecot does when a STORE makes a keyword), "\\*" included when sent.
     * Without PERMANENTFLAGS, the FLAGS list (all of them are then permanent).
     * Empty before a select, and for a read-only mailbox ("PERMANENTFLAGS ()").
     */
    QList<QByteArray> permanentFlags() const;
    /// permanentFlags() holds "\\*": storeFlags() may make new keywords ("$Claimed") in this mailbox.
    bool acceptsNewKeywords() const;
    /// CONDSTORE in the selected mailbox: condstoreAvailable() and the SELECT reported a HIGHESTMODSEQ.
    bool modSeqsAvailable() const override { return condstoreAvailable() && m_highestModSeq != 0; }
    bool isEnabled(QByteArrayView extension) const override;
    /// ENABLE QRESYNC succeeded in this session.
    bool qresyncEnabled() const { return isEnabled("QRESYNC"); }
    /// The server offers CONDSTORE or QRESYNC (RFC 7162).
    bool condstoreAvailable() const { return hasCapability("CONDSTORE") || hasCapability("QRESYNC"); }
    /**
     * The selected mailbox's HIGHESTMODSEQ: from the SELECT's [HIGHESTMODSEQ n],
     * set again by a later untagged [HIGHESTMODSEQ n], and raised by every larger
     * MODSEQ in a FETCH. 0 with [NOMODSEQ] or without CONDSTORE.
     */
    quint64 highestModSeq() const { return m_highestModSeq; }
    QString tlsProtocol() const;
    /// The server's certificate from the last handshake (null before one).
    QSslCertificate peerCertificate() const;
    /// The SASL mechanism of the last successful login ("OAUTHBEARER", "PLAIN", ...); empty before one.
    QByteArray authMechanism() const { return m_authMechanism; }

Q_SIGNALS:
    void stateChanged(machina::ImapClient::State state);
    /// New mail, an expunge, or flags changed by someone else.
    void mailboxChanged();
    /// With QRESYNC: the server reported these UIDs expunged (VANISHED, RFC 7162 3.2.10). mailboxChanged() follows.
    void vanished(const QList<quint32> &uids);
    /// The mailbox's UIDVALIDITY changed: every UID known so far is void (RFC 3501 2.3.1.1).
    void uidValidityChanged(quint32 previous, quint32 current);
    /// The session is open with the mailbox selected (for health).
    void opened();
    /// The session could not be opened, or ended under a running operation (for health; replies
    /// carry the error too). A kept session the server closed while idle is not a failure.
    void failed(const machina::ConnectorError &error);
    /// The session ended without being asked to (server BYE, network, timeout).
    void sessionLost(const machina::ConnectorError &error);
    /// A [ALERT] text the server wants the user to see.
    void alertReceived(const QString &text);

private:
    /// What a job needs of the session before its task runs.
    enum class JobKind {
        Mailbox,         ///< the mailbox selected (most operations)
        Authenticated,   ///< a logged-in session, mailbox selected or not (APPEND, CREATE, LIST)
        Close,           ///< nothing: LOGOUT, or done already when disconnected
    };
    struct Job
    {
        QPointer<ImapReply> reply;
        std::unique_ptr<ImapTask> task;   ///< null for open(): opening is all it asks
        JobKind kind = JobKind::Mailbox;

        bool isClose() const { return kind == JobKind::Close; }
    };
    /// Which opening task runs (none once the session is ready for the job).
    enum class OpenStep { None, Capabilities, StartTls, Login, Enable, Select };

    void setState(State state);
    ImapReply *enqueue(ImapReply *reply, std::unique_ptr<ImapTask> task, JobKind kind = JobKind::Mailbox);
    void process();
    void startJob();
    void finishJob(const ConnectorError &error = {});
    ImapTask *runningTask() const;
    void retire(std::unique_ptr<ImapTask> task);

    void startConnection();
    void dropSocket();
    void failSession(const ConnectorError &error);
    void writePart(const QByteArray &bytes, const QByteArray &logText);
    void arm(const QString &waitingFor);

    void onConnected();
    void onEncrypted();
    void onReceived(const QByteArray &bytes);
    void onClosedByPeer();

    void handleResponse(const ImapResponse &response);
    void handleUntagged(const ImapResponse &response);
    void handleGreeting(const ImapResponse &response);
    void continueOpening();
    void runOpenStep(OpenStep step, std::unique_ptr<ImapTask> task);
    /// The Login step: with a token source, the token is fetched first (a fresh one after a refusal).
    void startLogin();
    void openStepFinished(const ConnectorError &error);
    void sessionOpened();
    void handleVanished(const ImapResponse &response);

    // ImapTaskHost: what the running task may ask.
    QByteArray nextTag() override;
    void sendCommand(const ImapCommand &command) override;
    void writeLine(const QByteArray &bytes, const QByteArray &logText, const QString &waitingFor) override;
    void taskFinished(const ConnectorError &error) override;
    void sessionFailed(const ConnectorError &error) override;
    void idleStarted() override;
    QString endpoint() const override;

    ImapSettings m_settings;
    State m_state = State::Disconnected;
    SecureLineTransport *m_line = nullptr;
    ImapParser m_parser;
    ImapTagGenerator m_tags;

    std::deque<Job> m_queue;   ///< move-only jobs: a QQueue would copy them
    std::optional<Job> m_current;
    bool m_opening = false;
    OpenStep m_openStep = OpenStep::None;
    std::unique_ptr<ImapTask> m_openTask;
    std::vector<std::unique_ptr<ImapTask>> m_retired;   ///< tasks that ended, deleted at the next read

    /// The command on the wire: its literals go out as the server asks for them.
    struct Outstanding
    {
        ImapCommand command;
        int nextPart = 1;
    };
    std::optional<Outstanding> m_outstanding;
    bool m_taggedHadCapabilities = false;

    QList<QByteArray> m_capabilities;
    QList<QByteArray> m_enabled;      ///< ENABLED in this session, upper-cased
    bool m_enableSent = false;
    quint32 m_resyncUidValidity = 0;  ///< setResyncState()
    quint64 m_resyncModSeq = 0;
    quint64 m_highestModSeq = 0;
    SelectChanges m_selectChanges;
    quint32 m_uidValidity = 0;
    quint32 m_uidNext = 0;
    quint32 m_exists = 0;
    QList<QByteArray> m_mailboxFlags;      ///< FLAGS of the selected mailbox
    std::optional<QList<QByteArray>> m_permanentFlags;   ///< PERMANENTFLAGS, when sent
    bool m_selectMissing = false;          ///< the SELECT found no such mailbox (SelectTask)
    bool m_startTlsDone = false;
    QByteArray m_authMechanism;            ///< of the running or last successful login
    QString m_bearer;                      ///< the token presented on this connection
    bool m_fetchingToken = false;
    bool m_bearerRetried = false;          ///< one more token after a refusal, once a connection
    quint64 m_connection = 0;              ///< counts connections: a token fetched for an older one is dropped
    bool m_byeReceived = false;
    QByteArray m_byeText;
};

} // namespace machina
