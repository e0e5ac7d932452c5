// Headers: RFC 5322 unfolding, RFC 2047 encoded words, and the address and
// message-id headers read through GMime.

// GMime (GLib) first: GLib headers use the identifier `signals`, which Qt
// would otherwise have turned into a macro (QT_NO_KEYWORDS is set anyway).
#include <gmime/gmime.h>

#include "gmimesupport.h"

#include "encodedwords.h"

#include "bodywalker.h" // MaxDepth
#include "mimecharsets.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

namespace machina::mime {

using gmime::GObjectPtr;

namespace {

struct ReferencesFree
{
    void operator()(GMimeReferences *p) const { g_mime_references_free(p); }
};
using ReferencesPtr = std::unique_ptr<GMimeReferences, ReferencesFree>;

QByteArray decodeQ(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < text.size() && isxdigit(uchar(text[i + 1]))
                   && isxdigit(uchar(text[i + 2]))) {
            out += char(QByteArray::fromHex(text.sliced(i + 1, 2).toByteArray()).at(0));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

/** A stretch of a header value: raw text, or the payload of one encoded word. */
struct HeaderSegment
{
    bool encoded = false;
    QByteArray charset;   ///< normalised; encoded words only
    QByteArray bytes;     ///< raw text, or the decoded payload
};

bool isCharsetToken(QByteArrayView cs)
{
    if (cs.isEmpty() || cs.size() > 64)
        return false;
    for (const char c : cs) {
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f || c == '?' || c == '=' || c == '"')
            return false;
    }
    return true;
}

/**
 * Splits an unfolded header value into raw text and RFC 2047 encoded words.
 * Lenient like every mail reader: an encoded word need not stand alone
 * between whitespace ("Re:=?utf-8?q?x?="), and the 75-character limit is
 * ignored; whitespace inside the encoded text is not accepted.
 */
std::vector<HeaderSegment> headerSegments(QByteArrayView value)
{
    std::vector<HeaderSegment> segments;
    qsizetype textStart = 0;
    qsizetype i = 0;
    while ((i = value.indexOf("=?", i)) >= 0) {
        // The charset ends within 65 characters; looking further would make "=?=?=?..." quadratic.
        const qsizetype charsetEnd = value.sliced(i + 2, std::min<qsizetype>(65, value.size() - i - 2)).indexOf('?');
        if (charsetEnd < 0) {
            i += 2;
            continue;
        }
        const qsizetype q1 = i + 2 + charsetEnd;
        if (q1 + 2 >= value.size() || value[q1 + 2] != '?') {
            i += 2;
            continue;
        }
        const QByteArrayView charset = value.sliced(i + 2, q1 - i - 2);
        const char encoding = char(toupper(uchar(value[q1 + 1])));
        if (!isCharsetToken(charset) || (encoding != 'B' && encoding != 'Q')) {
            i += 2;
            continue;
        }
        // The encoded text runs to "?=" and holds no whitespace. When whitespace
        // comes first, no "=?" before it can end before it either: go on from there.
        const qsizetype textBegin = q1 + 3;
        qsizetype end = textBegin;
        while (end < value.size() && value[end] != ' ' && value[end] != '\t'
               && !(value[end] == '?' && end + 1 < value.size() && value[end + 1] == '=')) {
            ++end;
        }
        if (end >= value.size())
            break;
        if (value[end] != '?') {
            i = end;
            continue;
        }
        const QByteArrayView encodedText = value.sliced(textBegin, end - textBegin);
        if (i > textStart)
            segments.push_back({ false, {}, value.sliced(textStart, i - textStart).toByteArray() });
        HeaderSegment word;
        word.encoded = true;
        word.charset = normalisedCharset(charset);
        word.bytes = encoding == 'B' ? QByteArray::fromBase64(encodedText.toByteArray())
                                     : decodeQ(encodedText);
        segments.push_back(std::move(word));
        textStart = i = end + 2;
    }
    if (textStart < value.size())
        segments.push_back({ false, {}, value.sliced(textStart).toByteArray() });
    return segments;
}

bool isWhitespace(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

/** A decoded piece of a header value; fromEncodedWords tells the address normaliser what to re-encode. */
struct HeaderPiece
{
    QString text;
    bool fromEncodedWords = false;
};

/**
 * Decodes a raw header value into pieces. Whitespace between adjacent encoded
 * words is dropped (RFC 2047 section 6.2), and adjacent words in the same
 * charset are decoded together, so a character split across two words (a
 * common encoder bug with UTF-8 and base64) survives.
 */
std::vector<HeaderPiece> decodeHeaderPieces(const char *raw, const QString &where, QStringList *problems)
{
    const QByteArray value = unfolded(raw);
    const std::vector<HeaderSegment> segments = headerSegments(value);
    std::vector<HeaderPiece> pieces;
    QByteArray pendingCharset;
    QByteArray pendingBytes;
    bool pending = false;
    auto flush = [&] {
        if (!pending)
            return;
        pieces.push_back({ decodeCharset(pendingBytes, pendingCharset, where, problems), true });
        pendingBytes.clear();
        pending = false;
    };
    for (size_t k = 0; k < segments.size(); ++k) {
        const HeaderSegment &segment = segments[k];
        if (!segment.encoded) {
            const bool betweenWords = k > 0 && k + 1 < segments.size() && segments[k - 1].encoded
                    && segments[k + 1].encoded;
            if (betweenWords && isWhitespace(segment.bytes))
                continue;
            flush();
            bool fallback = false;
            pieces.push_back({ decodeUtf8Or1252(segment.bytes, &fallback), false });
            if (fallback) {
                problems->append(QStringLiteral("%1: 8-bit text without a charset, read as windows-1252")
                                         .arg(where));
            }
            continue;
        }
        if (pending && segment.charset != pendingCharset)
            flush();
        pendingCharset = segment.charset;
        pendingBytes += segment.bytes;
        pending = true;
    }
    flush();
    return pieces;
}

/**
 * A raw address header rewritten for GMime's address parser: raw 8-bit text
 * as UTF-8, and each run of encoded words as one UTF-8 encoded word. GMime
 * then parses the structure (groups, quoting, comments) while the charsets
 * are ours: QStringDecoder knows more of them than iconv and reports problems.
 */
QByteArray addressHeaderForGMime(const char *raw, const QString &where, QStringList *problems)
{
    QByteArray out;
    for (const HeaderPiece &piece : decodeHeaderPieces(raw, where, problems)) {
        if (piece.fromEncodedWords) {
            if (!piece.text.isEmpty())
                out += "=?utf-8?b?" + piece.text.toUtf8().toBase64() + "?=";
        } else {
            out += piece.text.toUtf8();
        }
    }
    return out;
}

void appendMailboxes(InternetAddressList *list, QList<MailAddress> *out, int depth = 0)
{
    if (!list || depth > MaxDepth)
        return;
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            // RFC 5322 section 3.4: a group is a name for the mailboxes it lists.
            appendMailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out,
                            depth + 1);
        } else if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            MailAddress mailbox;
            const char *name = internet_address_get_name(address);
            mailbox.name = decodeUtf8Or1252(name ? name : "").trimmed();
            const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
            mailbox.address = decodeUtf8Or1252(addr ? addr : "").trimmed();
            if (!mailbox.address.isEmpty() || !mailbox.name.isEmpty())
                out->append(mailbox);
        }
    }
}

} // namespace

QByteArray unfolded(const char *raw)
{
    QByteArray value(raw ? raw : "");
    value.replace("\r", "");
    value.replace("\n", "");
    return value.trimmed();
}

QString decodeHeaderText(const char *raw, const QString &where, QStringList *problems)
{
    QString text;
    for (const HeaderPiece &piece : decodeHeaderPieces(raw, where, problems))
        text += piece.text;
    // A decoded word may carry a line break or other control; a subject is one line.
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    return text.trimmed();
}

QList<MailAddress> addressHeader(GMimeHeaderList *headers, const char *name,
                                 GMimeParserOptions *options, QStringList *problems)
{
    QList<MailAddress> result;
    const QString where = QString::fromLatin1(name);
    // Every header of the name: broken mail sometimes splits To over two.
    const int count = g_mime_header_list_get_count(headers);
    for (int i = 0; i < count; ++i) {
        GMimeHeader *header = g_mime_header_list_get_header_at(headers, i);
        if (g_ascii_strcasecmp(g_mime_header_get_name(header), name) != 0)
            continue;
        const QByteArray value = addressHeaderForGMime(g_mime_header_get_raw_value(header), where, problems);
        if (value.trimmed().isEmpty())
            continue;
        const GObjectPtr<InternetAddressList> list(internet_address_list_parse(options, value.constData()));
        const qsizetype before = result.size();
        appendMailboxes(list.get(), &result);
        if (result.size() == before)
            problems->append(QStringLiteral("%1: no address could be read in \"%2\"").arg(where, quoted(value)));
    }
    return result;
}

QStringList messageIds(GMimeHeaderList *headers, const char *name, GMimeParserOptions *options)
{
    GMimeHeader *header = g_mime_header_list_get_header(headers, name);
    if (!header)
        return {};
    const QByteArray value = unfolded(g_mime_header_get_raw_value(header));
    const ReferencesPtr references(g_mime_references_parse(options, value.constData()));
    QStringList ids;
    const int count = references ? g_mime_references_length(references.get()) : 0;
    for (int i = 0; i < count; ++i) {
        const QString id = decodeUtf8Or1252(g_mime_references_get_message_id(references.get(), i)).trimmed();
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

} // namespace machina::mime
