#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace machina {

/** How literals may be sent (RFC 7888). */
enum class ImapLiteralMode {
    Synchronizing,   ///< "{n}\r\n", then wait for "+" before the bytes (RFC 3501 section 7.5)
    LiteralPlus,     ///< "{n+}\r\n" and the bytes at once, any size (LITERAL+)
    LiteralMinus,    ///< "{n+}" up to 4096 bytes, synchronising above (LITERAL-)
};

/**
 * One command ready for the socket. Send parts[0]; before each further part,
 * wait for a "+" continuation (a synchronising literal, or a SASL response
 * without SASL-IR). A tagged NO/BAD instead of "+" ends the command.
 */
struct ImapCommand
{
    QByteArray tag;              ///< empty for DONE
    QList<QByteArray> parts;     ///< the last one ends with CRLF
    QByteArray logText;          ///< wire text for "C:" transcripts, secrets as "<redacted>", no final CRLF

    bool needsContinuation() const { return parts.size() > 1; }
    /// All parts joined: the wire bytes when needsContinuation() is false.
    QByteArray bytes() const { return parts.join(); }
};

/** Command tags "a1", "a2", ... (RFC 3501 section 2.2.1). */
class ImapTagGenerator
{
public:
    explicit ImapTagGenerator(QByteArray prefix = QByteArray("a")) : m_prefix(std::move(prefix)) {}
    QByteArray next() { return m_prefix + QByteArray::number(++m_counter); }
    void reset() { m_counter = 0; }

private:
    QByteArray m_prefix;
    quint64 m_counter = 0;
};

/**
 * Builds a command piece by piece, choosing atom / quoted / literal for
 * strings and splitting at synchronising literals. For commands ImapWriter
 * has no function for (EXAMINE, RENAME ...).
 */
class ImapCommandBuilder
{
public:
    enum class Secret { No, Yes };

    ImapCommandBuilder(QByteArray tag, ImapLiteralMode mode = ImapLiteralMode::Synchronizing);

    /// Protocol text as is ("UID FETCH", " ", "(FLAGS)"); never pass server or user data here.
    ImapCommandBuilder &raw(QByteArrayView text);
    /// An astring (RFC 3501 section 9) in the shortest safe form.
    ImapCommandBuilder &astring(QByteArrayView value, Secret secret = Secret::No);
    /// A mailbox name: modified UTF-7, always quoted ("INBOX").
    ImapCommandBuilder &mailbox(const QString &name);
    /**
     * A literal whatever the bytes are (APPEND's message must be one, RFC 3501
     * 6.3.11), in the builder's literal mode. The log shows its size, not its bytes.
     */
    ImapCommandBuilder &literal(QByteArrayView bytes);
    /// Starts a new part: what follows is sent after a "+" continuation.
    ImapCommandBuilder &waitForContinuation();
    /// Raw text that the log shows as "<redacted>" (SASL responses).
    ImapCommandBuilder &secret(QByteArrayView text);
    ImapCommand finish();

private:
    ImapCommand m_command;
    ImapLiteralMode m_mode;
};

/** Formats IMAP4rev1 commands. Pure functions: values in, bytes out. */
namespace ImapWriter {

enum class StringForm { Atom, Quoted, Literal };
enum class StoreMode { Add, Remove, Replace };   ///< +FLAGS, -FLAGS, FLAGS

/// Atom when every byte is an ASTRING-CHAR (and it is not "NIL"), quoted for
/// other 7-bit text without CR/LF/NUL up to 1024 bytes, literal otherwise.
StringForm astringForm(QByteArrayView value);
/**
 * The astring's wire pieces: one piece for an atom, a quoted string or a
 * non-synchronising literal ("{n+}\r\nbytes"); two for a synchronising literal
 * ("{n}\r\n", then the bytes after the server's "+").
 */
QList<QByteArray> encodeAstring(QByteArrayView value, ImapLiteralMode mode);
/// A literal's wire pieces, as encodeAstring() makes them for text that needs one.
QList<QByteArray> encodeLiteral(QByteArrayView value, ImapLiteralMode mode);
/// "\"...\"" with \" and \\ escaped; only for text astringForm() allows quoted (it checks nothing).
QByteArray quoted(QByteArrayView value);
/**
 * A caller's string made safe for protocol text, as search keys need one
 * (HEADER X-Machina-Work-Order "WO-2026-0001"): quoted(), or nothing when
 * @p value cannot be a quoted string (RFC 3501 section 9: a CR, LF or NUL, or
 * a byte of 0x80 or more) or is longer than the 1024 bytes astringForm() ever
 * quotes (servers cap their line length). Such a value would have to
 * go as a literal (8-bit text with a CHARSET too), which one line of protocol
 * text cannot carry: it is refused, never sent, so a value can never end the
 * line and smuggle in a command of its own. "" is a valid result.
 */
std::optional<QByteArray> quotedString(QByteArrayView value);
/// A search date (RFC 3501 section 9 date-text, SINCE / BEFORE / ON): "1-Dec-2026", English months whatever the locale.
QByteArray searchDate(QDate date);

/// Mailbox names on the wire: modified UTF-7 (RFC 3501 section 5.1.3).
QByteArray encodeMailboxName(const QString &name);
/// The inverse; malformed input is returned as Latin-1 rather than dropped.
QString decodeMailboxName(QByteArrayView encoded);

/// "1:5,8,10:12": sorted, duplicates and 0 (not a valid UID) dropped, runs compressed.
QByteArray formatUidSet(QList<quint32> uids);
/// A flag for STORE or APPEND (RFC 3501 section 9): "\\Seen", "$Label1", an atom after at most one "\\".
bool isValidFlag(QByteArrayView flag);

ImapCommand capability(const QByteArray &tag);                       ///< RFC 3501 6.1.1
ImapCommand noop(const QByteArray &tag);                             ///< RFC 3501 6.1.2
ImapCommand logout(const QByteArray &tag);                           ///< RFC 3501 6.1.3
ImapCommand startTls(const QByteArray &tag);                         ///< RFC 3501 6.2.1
/// RFC 3501 6.2.3: "a1 LOGIN user pass", each an atom, quoted string or literal.
ImapCommand login(const QByteArray &tag, const QString &user, const QString &password,
                  ImapLiteralMode mode = ImapLiteralMode::Synchronizing);
/// RFC 4616 PLAIN; with SASL-IR (RFC 4959) in one line, else after the "+".
ImapCommand authenticatePlain(const QByteArray &tag, const QString &user, const QString &password,
                              bool saslIr);
/// RFC 7628 OAUTHBEARER. On failure the server sends "+ <base64 JSON>": answer with base64 %x01.
ImapCommand authenticateOAuthBearer(const QByteArray &tag, const QString &user, const QString &host, quint16 port,
                                    const QString &accessToken, bool saslIr);
/// Google's and Microsoft's XOAUTH2. On failure the server sends "+ <base64 JSON>": answer with "\r\n".
ImapCommand authenticateXOAuth2(const QByteArray &tag, const QString &user, const QString &accessToken,
                                bool saslIr);
/// RFC 3501 6.3.1, with "(CONDSTORE)" (RFC 7162 3.1.8) when asked.
ImapCommand select(const QByteArray &tag, const QString &mailbox, bool condStore = false);
/// RFC 7162 3.2.5: "a1 SELECT "INBOX" (QRESYNC (uidvalidity modseq))", after ENABLE QRESYNC only.
ImapCommand selectQresync(const QByteArray &tag, const QString &mailbox, quint32 uidValidity, quint64 modSeq);
/// RFC 5161: "a1 ENABLE QRESYNC"; extensions are protocol atoms.
ImapCommand enable(const QByteArray &tag, const QList<QByteArray> &extensions);
/// RFC 3501 6.3.3: "a1 CREATE "name"".
ImapCommand create(const QByteArray &tag, const QString &mailbox);
/// RFC 3501 6.3.8: every mailbox, "a1 LIST "" "*"", with "RETURN (SPECIAL-USE)" (RFC 6154) when asked.
ImapCommand list(const QByteArray &tag, bool specialUse);
/**
 * RFC 3501 6.3.11: "a1 APPEND "Sent" (\\Seen) {n}" and the message as a literal
 * in @p mode (synchronising: two parts). @p flags must pass isValidFlag(); none: no flag list.
 */
ImapCommand append(const QByteArray &tag, const QString &mailbox, const QList<QByteArray> &flags,
                   QByteArrayView message, ImapLiteralMode mode);
/// MULTIAPPEND (RFC 3502): several messages to one mailbox in one command, each with @p flags.
ImapCommand append(const QByteArray &tag, const QString &mailbox, const QList<QByteArray> &flags,
                   const QList<QByteArrayView> &messages, ImapLiteralMode mode);
/// RFC 3501 6.4.8: "a1 UID SEARCH <criteria>"; criteria is protocol text ("UNSEEN").
ImapCommand uidSearch(const QByteArray &tag, QByteArrayView criteria);
/// "a1 UID FETCH <set> (item item)"; items are protocol text ("BODY.PEEK[]").
ImapCommand uidFetch(const QByteArray &tag, QByteArrayView uidSet, const QList<QByteArray> &items);
/// RFC 7162 3.1.4.1 / 3.2.6: "a1 UID FETCH <set> (items) (CHANGEDSINCE m)", " VANISHED" inside when asked.
ImapCommand uidFetchChangedSince(const QByteArray &tag, QByteArrayView uidSet, const QList<QByteArray> &items,
                                 quint64 modSeq, bool vanished);
/**
 * "a1 UID STORE <set> +FLAGS.SILENT (\Seen)"; with @p unchangedSince (RFC 7162
 * 3.1.3, not 0) "a1 UID STORE <set> (UNCHANGEDSINCE n) +FLAGS (...)". Flags are protocol atoms.
 */
ImapCommand uidStore(const QByteArray &tag, QByteArrayView uidSet, StoreMode mode, bool silent,
                     const QList<QByteArray> &flags, quint64 unchangedSince = 0);
/// RFC 4315 2.1: "a1 UID EXPUNGE <set>", only with UIDPLUS.
ImapCommand uidExpunge(const QByteArray &tag, QByteArrayView uidSet);
ImapCommand idle(const QByteArray &tag);                             ///< RFC 2177
ImapCommand done();                                                  ///< ends IDLE: "DONE\r\n"

/**
 * A raw client line made safe for a log: LOGIN keeps the user name (when an
 * atom or quoted string) and AUTHENTICATE its mechanism, the rest becomes
 * "<redacted>". Other lines come back unchanged, CRLF removed. A SASL response
 * sent after "+" cannot be told from data by itself: log ImapCommand::logText.
 */
QByteArray redactedLine(QByteArrayView line);

} // namespace ImapWriter
} // namespace machina
