#pragma once

#include "imapuidset.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace machina {

/**
 * A generic IMAP value (RFC 3501 section 4): what BODYSTRUCTURE, unknown FETCH
 * items and unknown untagged responses are kept as.
 */
struct ImapValue
{
    enum class Type { Nil, Atom, Number, String, List };

    Type type = Type::Nil;
    QByteArray bytes;         ///< Atom text, String content (quoted or literal), Number digits
    quint64 number = 0;       ///< Number only
    QList<ImapValue> list;    ///< List only

    static ImapValue nil() { return {}; }
    static ImapValue atom(QByteArray text) { return {Type::Atom, std::move(text), 0, {}}; }
    static ImapValue string(QByteArray text) { return {Type::String, std::move(text), 0, {}}; }
    static ImapValue num(quint64 n) { return {Type::Number, QByteArray::number(n), n, {}}; }
    static ImapValue fromList(QList<ImapValue> items) { return {Type::List, {}, 0, std::move(items)}; }

    bool isNil() const { return type == Type::Nil; }
    bool isList() const { return type == Type::List; }
    bool isString() const { return type == Type::String; }
    /// Atom, Number and String as bytes; a null QByteArray for NIL and lists.
    QByteArray toBytes() const { return type == Type::Nil || type == Type::List ? QByteArray() : bytes; }
    /// The value written back in IMAP syntax (strings always quoted), for logs and tests.
    QByteArray serialized() const;

    bool operator==(const ImapValue &other) const = default;
};

/** One address of an ENVELOPE (RFC 3501 section 7.4.2). NIL fields are null QByteArrays. */
struct ImapAddress
{
    QByteArray name;       ///< raw: may be RFC 2047 encoded, decoding is the MIME layer's job
    QByteArray adl;        ///< source route, almost always NIL
    QByteArray mailbox;    ///< local part, or the group name at the start of a group
    QByteArray host;       ///< NIL marks group syntax (RFC 2822 section 3.4)

    bool isGroupStart() const { return host.isNull() && !mailbox.isNull(); }
    bool isGroupEnd() const { return host.isNull() && mailbox.isNull(); }
    /// "mailbox@host", or the bare mailbox when host is NIL.
    QByteArray address() const { return host.isNull() ? mailbox : mailbox + '@' + host; }

    bool operator==(const ImapAddress &other) const = default;
};

/** ENVELOPE (RFC 3501 section 7.4.2). Every nstring may be NIL (null QByteArray). */
struct ImapEnvelope
{
    QByteArray date;        ///< the Date: header as sent
    QByteArray subject;     ///< raw bytes: may be RFC 2047 encoded
    QList<ImapAddress> from, sender, replyTo, to, cc, bcc;
    QByteArray inReplyTo;
    QByteArray messageId;
};

/**
 * The items of one "* n FETCH (...)" response (RFC 3501 section 7.4.2).
 * Items the server did not send are empty optionals / absent map entries.
 */
struct ImapFetch
{
    quint32 sequenceNumber = 0;
    std::optional<quint32> uid;
    std::optional<QList<QByteArray>> flags;        ///< as sent: "\\Seen", "$Forwarded", ...
    std::optional<QDateTime> internalDate;
    std::optional<quint64> rfc822Size;
    std::optional<ImapEnvelope> envelope;
    std::optional<ImapValue> bodyStructure;        ///< BODYSTRUCTURE, or BODY without a section
    std::optional<quint64> modSeq;                 ///< MODSEQ (n), RFC 7162
    /**
     * BODY[section] answers keyed by the upper-cased section spec between the
     * brackets: "" for BODY[], "HEADER", "1.MIME", "HEADER.FIELDS (FROM TO)".
     * RFC822, RFC822.HEADER and RFC822.TEXT land under "", "HEADER" and "TEXT".
     * A NIL body is a null QByteArray.
     */
    QMap<QByteArray, QByteArray> sections;
    QMap<QByteArray, quint32> sectionOrigins;      ///< the <origin> of partial answers, by section key
    QMap<QByteArray, ImapValue> otherItems;        ///< unknown items by upper-cased name ("X-GM-MSGID", "BINARY[1]")

    bool hasFlag(QByteArrayView flag) const;       ///< case-insensitive, as flags are
    /// countImapAttachments(*bodyStructure), 0 without a body structure.
    int attachmentCount() const;
};

/** A "[CODE args]" response code (RFC 3501 section 7.1). */
struct ImapResponseCode
{
    QByteArray name;                 ///< upper-cased: "UIDVALIDITY", "ALERT", "READ-WRITE", "TRYCREATE", ...
    QByteArray arguments;            ///< raw text after the name up to "]", empty when none
    quint64 number = 0;              ///< UIDVALIDITY, UIDNEXT, UNSEEN (32 bit), HIGHESTMODSEQ (64 bit);
                                     ///< APPENDUID's UIDVALIDITY (RFC 4315)
    QList<QByteArray> list;          ///< CAPABILITY (upper-cased), PERMANENTFLAGS (as sent, "\\*" included)
    ImapUidSet uids;                 ///< APPENDUID: the new message's UID (a set after MULTIAPPEND);
                                     ///< MODIFIED (RFC 7162 3.1.3): the messages a conditional STORE did not change
};

enum class ImapCondition { Ok, No, Bad, PreAuth, Bye };

/** LIST / LSUB (RFC 3501 sections 7.2.2, 7.2.3). */
struct ImapListEntry
{
    QList<QByteArray> attributes;    ///< "\\HasNoChildren", "\\Noselect", ...
    QByteArray delimiter;            ///< null when the server sent NIL (flat namespace)
    QByteArray name;                 ///< raw: modified UTF-7 (RFC 3501 section 5.1.3)
};

/** "* STATUS mailbox (MESSAGES n UIDNEXT n ...)" (RFC 3501 section 7.2.4). */
struct ImapMailboxStatus
{
    QByteArray mailbox;              ///< raw, modified UTF-7
    QMap<QByteArray, quint64> items; ///< upper-cased item name -> value
};

/**
 * One server response. Which members are meaningful depends on kind; the
 * others keep their defaults.
 */
struct ImapResponse
{
    enum class Kind {
        Status,          ///< tagged or untagged OK/NO/BAD/PREAUTH/BYE: tag, condition, code, text
        Continuation,    ///< "+ text": text (a base64 SASL challenge, or human text)
        Capability,      ///< atoms (upper-cased)
        Exists,          ///< number
        Expunge,         ///< number (a sequence number)
        Recent,          ///< number
        Flags,           ///< atoms
        Search,          ///< ids, searchModSeq
        ESearch,         ///< esearchTag, esearchUid, searchRanges (ALL), esearchCount, searchModSeq (RFC 4731)
        List,            ///< listEntry
        Lsub,            ///< listEntry
        MailboxStatus,   ///< mailboxStatus
        Enabled,         ///< atoms (upper-cased)
        Vanished,        ///< uidSet, vanishedEarlier (RFC 7162 3.2.10)
        Fetch,           ///< fetch
        Other,           ///< an untagged response we do not know: name, number, values
    };

    Kind kind = Kind::Other;
    QByteArray tag;                         ///< Status: the command's tag, empty for "*"
    ImapCondition condition = ImapCondition::Ok;
    std::optional<ImapResponseCode> code;
    QByteArray text;
    quint32 number = 0;                     ///< Exists/Expunge/Recent; Other's leading number, if any
    QList<QByteArray> atoms;
    QList<quint32> ids;                     ///< Search: UIDs or sequence numbers, in server order
    std::optional<quint64> searchModSeq;    ///< Search: "(MODSEQ n)" (RFC 7162); ESearch: MODSEQ n
    QByteArray esearchTag;                  ///< ESearch: the command's tag from "(TAG "a1")"
    bool esearchUid = false;                ///< ESearch: the results are UIDs
    QList<std::pair<quint32, quint32>> searchRanges; ///< ESearch: ALL as ranges, each first <= last, as sent
    std::optional<quint64> esearchCount;    ///< ESearch: COUNT n
    ImapListEntry listEntry;
    ImapMailboxStatus mailboxStatus;
    ImapUidSet uidSet;                      ///< Vanished: the expunged UIDs, at most ImapParser::MaxVanishedUids
    bool vanishedEarlier = false;           ///< Vanished: "(EARLIER)", an answer about the past rather than news
    ImapFetch fetch;
    QByteArray name;                        ///< Other: the upper-cased keyword
    QList<ImapValue> values;                ///< Other: everything after the keyword

    bool isTagged() const { return kind == Kind::Status && !tag.isEmpty(); }
    bool isStatus(ImapCondition c) const { return kind == Kind::Status && condition == c; }
    bool hasCode(QByteArrayView codeName) const { return code && code->name == codeName; }
};

/**
 * Counts the attachments of a BODYSTRUCTURE as the message view lists them
 * (MessageParser): every leaf part but the message's text. The first
 * text/plain and the first text/html part with neither a file name
 * (disposition "filename" or Content-Type "name", RFC 2231 "filename*"
 * included) nor an "attachment" disposition are the bodies; within a
 * multipart/alternative (or a multipart/related inside one) further nameless
 * text/plain, text/html, text/enriched and text/richtext parts are other
 * renderings of them. Every other part counts, with or without a name or a
 * disposition: inline images included, and an attached message once, without
 * looking inside it.
 */
int countImapAttachments(const ImapValue &bodyStructure);

/**
 * Incremental IMAP4rev1 response parser (RFC 3501 section 7, with the
 * CONDSTORE/QRESYNC, ENABLE, UIDPLUS and LITERAL+ additions). feed() bytes as they arrive, in
 * any pieces, then takeResponse() until it returns nothing. A response is
 * parsed once all of it (every line and literal) has arrived, so literals may
 * be split anywhere.
 *
 * Limits: a line outside literals longer than maxLineLength(), a literal
 * announcing more than maxLiteralSize() bytes, or a response whose literals
 * (announced so far) take it past maxResponseSize(), is an error: memory grows
 * only with the bytes actually received, never with what a server claims, and
 * many literals within the limit cannot add up to an unbounded response.
 * Malformed input puts the parser in a sticky error state (until reset()) with
 * the stream offset and a reason; it never asserts or throws on server data.
 */
class ImapParser
{
public:
    static constexpr qsizetype DefaultMaxLineLength = 64 * 1024;
    static constexpr qint64 DefaultMaxLiteralSize = 64 * 1024 * 1024;
    static constexpr int MaxNestingDepth = 64;   ///< parenthesised lists; BODYSTRUCTURE needs a handful
    /// A VANISHED covering more UIDs is an error: the session expands the set, and
    /// "1:4294967295" would be 16 GiB of UIDs.
    static constexpr quint64 MaxVanishedUids = 10'000'000;

    struct Error
    {
        qsizetype offset = 0; ///< byte offset in the stream since the last reset()
        QString reason;
    };

    explicit ImapParser(qsizetype maxLineLength = DefaultMaxLineLength, qint64 maxLiteralSize = DefaultMaxLiteralSize);

    qsizetype maxLineLength() const { return m_maxLineLength; }
    void setMaxLineLength(qsizetype bytes) { m_maxLineLength = bytes; }
    qint64 maxLiteralSize() const { return m_maxLiteralSize; }
    void setMaxLiteralSize(qint64 bytes) { m_maxLiteralSize = bytes; }
    /// One response, lines and literals together; unless set: maxLiteralSize() + 4 * maxLineLength().
    qint64 maxResponseSize() const { return m_maxResponseSize.value_or(m_maxLiteralSize + 4 * qint64(m_maxLineLength)); }
    void setMaxResponseSize(qint64 bytes) { m_maxResponseSize = bytes; }

    void feed(QByteArrayView bytes);
    std::optional<ImapResponse> takeResponse();

    bool hasError() const { return m_error.has_value(); }
    Error error() const { return m_error.value_or(Error{}); }

    /// Bytes received but not yet part of a complete response (e.g. before a TLS handshake).
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }
    /// Forgets everything buffered and any error; the stream offset starts at 0 again.
    void reset();

private:
    void fail(qsizetype bufferPos, QString reason);
    void compact();

    qsizetype m_maxLineLength;
    qint64 m_maxLiteralSize;
    std::optional<qint64> m_maxResponseSize;

    QByteArray m_buffer;
    qsizetype m_pos = 0;           ///< start of the response being framed
    qsizetype m_lineStart = 0;     ///< start of the current line (after the last literal)
    qsizetype m_scan = 0;          ///< where the search for the line's LF resumes
    qsizetype m_literalEnd = -1;   ///< end of the literal being received, -1 outside literals
    qsizetype m_consumed = 0;      ///< bytes dropped from the front of m_buffer
    std::optional<Error> m_error;
};

} // namespace machina
