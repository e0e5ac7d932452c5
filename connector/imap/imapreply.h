#pragma once

#include "../connectorreply.h"
#include "protocol/imapparser.h"

#include <QByteArray>
#include <QChar>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace machina {

/// How much of each message a UID FETCH asks for.
enum class ImapFetchPart {
    Full,     ///< UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[] (+ MODSEQ with mod-sequences)
    Headers,  ///< UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE (+ MODSEQ with mod-sequences)
    Flags,    ///< UID FLAGS (what changed on messages already listed)
};

/// How storeFlags() changes the flags (RFC 3501 6.4.6).
enum class ImapStoreMode {
    Add,      ///< +FLAGS: these are set, the others stay
    Remove,   ///< -FLAGS: these are cleared, the others stay
    Replace,  ///< FLAGS: exactly these (\Recent aside)
};

/** One message as FETCH returned it. */
struct ImapMessage
{
    quint32 uid = 0;
    QList<QByteArray> flags;
    QDateTime internalDate;
    quint64 size = 0;
    QByteArray raw;                     ///< BODY[] when fetched in full
    std::optional<ImapEnvelope> envelope;
    int attachmentCount = 0;            ///< from BODYSTRUCTURE, when fetched
    quint64 modSeq = 0;                 ///< MODSEQ (RFC 7162), 0 when the server sent none
    /**
     * BODY[HEADER.FIELDS (...)] when fetchMessages() asked for header fields:
     * those header lines as the server sent them, then an empty line (just
     * CRLF when the message has none of them); null when not asked for.
     */
    QByteArray headerFields;

    bool isSeen() const;
    /// What one FETCH response carried; a missing item keeps its default.
    static ImapMessage fromFetch(const ImapFetch &fetch);
};

/** One mailbox as LIST returned it (RFC 3501 7.2.2, RFC 6154 special-use attributes). */
struct ImapMailboxInfo
{
    QString name;                       ///< the full name, decoded from modified UTF-7
    QList<QByteArray> attributes;       ///< as sent: "\\HasNoChildren", "\\Noselect", "\\Sent", ...
    QChar delimiter;                    ///< the hierarchy delimiter; null when the server sent NIL

    /// Case-insensitive, as attributes are: hasAttribute("\\Sent").
    bool hasAttribute(QByteArrayView attribute) const;
};

/**
 * What a QRESYNC SELECT (RFC 7162 3.2.5) told about the time since the known
 * state: the UIDs expunged meanwhile (VANISHED (EARLIER)) and the messages
 * whose flags changed (uid, flags and modSeq of each).
 */
struct ImapSelectChanges
{
    QList<quint32> vanished;
    QList<ImapMessage> changed;

    bool isEmpty() const { return vanished.isEmpty() && changed.isEmpty(); }
};

/**
 * The result of an IMAP operation: UIDs for a search, messages for a fetch,
 * mailboxes for a LIST, the new message's UID for an APPEND.
 */
class ImapReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;

    QList<quint32> uids() const { return m_uids; }
    QList<ImapMessage> messages() const { return m_messages; }
    /**
     * UIDs a CHANGEDSINCE fetch reported expunged (VANISHED (EARLIER), RFC 7162
     * 3.2.6); for expunge() with QRESYNC enabled, the UIDs its VANISHED named.
     */
    QList<quint32> vanished() const { return m_vanished; }
    /**
     * For a conditional storeFlags() (UNCHANGEDSINCE): the UIDs the server did
     * NOT change because their mod-sequence was above UNCHANGEDSINCE, from the
     * tagged OK's [MODIFIED set] (RFC 7162 3.1.3), ascending: someone else
     * changed them first (the loser of a claim sees its UID here). Only UIDs
     * that were asked for; empty when every message was changed.
     */
    QList<quint32> modifiedUids() const { return m_modifiedUids; }
    /**
     * The operation failed because the session could not select its mailbox
     * (ImapSettings::mailbox) as it does not exist: SELECT answered NO
     * [NONEXISTENT] (RFC 5530) or a NO without a response code, which is what
     * Dovecot answers ("NO Mailbox doesn't exist: Work Orders"). A NO with another code
     * ([NOPERM], [INUSE], [UNAVAILABLE] ...) is not this. The error is a Protocol one
     * naming the mailbox; the session is closed, and the next operation tries again.
     */
    bool mailboxMissing() const { return m_mailboxMissing; }
    QList<ImapMailboxInfo> mailboxes() const { return m_mailboxes; }
    /// APPENDUID (RFC 4315): the UIDVALIDITY of the mailbox appended to; 0 without UIDPLUS.
    quint32 appendUidValidity() const { return m_appendUidValidity; }
    /// APPENDUID: the appended message's UID; 0 without UIDPLUS.
    quint32 appendUid() const { return m_appendUid; }
    /**
     * The response code of the tagged answer that ended an APPEND or CREATE,
     * upper-cased ("TRYCREATE", "ALREADYEXISTS", "OVERQUOTA"); empty when none.
     */
    QByteArray responseCode() const { return m_responseCode; }
    /// APPEND was refused with NO [TRYCREATE]: the mailbox does not exist, CREATE it and try again.
    bool tryCreate() const { return m_responseCode == "TRYCREATE"; }

    void setUids(const QList<quint32> &uids) { m_uids = uids; }
    void addMessage(const ImapMessage &message) { m_messages.append(message); }
    void addVanished(const QList<quint32> &uids) { m_vanished.append(uids); }
    void addMailbox(const ImapMailboxInfo &mailbox) { m_mailboxes.append(mailbox); }
    /// APPENDUID of a MULTIAPPEND: the UIDs of the messages, in the order sent; empty without UIDPLUS.
    QList<quint32> appendUids() const { return m_appendUids; }
    void setAppendUids(const QList<quint32> &uids) { m_appendUids = uids; }
    void setAppendUid(quint32 uidValidity, quint32 uid)
    {
        m_appendUidValidity = uidValidity;
        m_appendUid = uid;
    }
    void setResponseCode(const QByteArray &code) { m_responseCode = code; }
    void setModifiedUids(const QList<quint32> &uids) { m_modifiedUids = uids; }
    void setMailboxMissing(bool missing) { m_mailboxMissing = missing; }

private:
    QList<quint32> m_uids;
    QList<ImapMessage> m_messages;
    QList<quint32> m_vanished;
    QList<ImapMailboxInfo> m_mailboxes;
    quint32 m_appendUidValidity = 0;
    quint32 m_appendUid = 0;
    QList<quint32> m_appendUids;
    QByteArray m_responseCode;
    QList<quint32> m_modifiedUids;
    bool m_mailboxMissing = false;
};

} // namespace machina
