// GMime (GLib) first: GLib headers use the identifier `signals`, which Qt
// would otherwise have turned into a macro (QT_NO_KEYWORDS is set anyway).
#include <gmime/gmime.h>

#include "gmimesupport.h"

#include "messageparser.h"

#include "html/htmltotext.h"

#include <QHash>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QStringDecoder>

#include <memory>
#include <vector>

namespace machina {

namespace {

/**
 * Deepest MIME nesting we walk. GMime stops at its own limit; ours keeps the
 * recursion (and boundary-guessing re-parses) bounded whatever GMime does.
 */
constexpr int MaxDepth = 40;

/** Longest charset name or header excerpt quoted in a problem sentence. */
constexpr qsizetype MaxQuoted = 60;

using gmime::GObjectPtr;
using gmime::ParserOptionsPtr;
inline void ensureGMime() { gmime::ensureInitialised(); }


struct ReferencesFree
{
    void operator()(GMimeReferences *p) const { g_mime_references_free(p); }
};
using ReferencesPtr = std::unique_ptr<GMimeReferences, ReferencesFree>;

QByteArray streamBytes(GMimeStream *stream)
{
    const GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    if (!bytes || bytes->len == 0)
        return {};
    return QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
}

// ---------------------------------------------------------------------------
// Charsets

/** windows-1252 at 0x80-0x9F; the five holes map to the C1 control, as WHATWG does. */
constexpr char16_t Windows1252C1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

QChar windows1252Char(uchar byte)
{
    return byte >= 0x80 && byte < 0xa0 ? QChar(Windows1252C1[byte - 0x80]) : QChar(char16_t(byte));
}

QString decodeWindows1252(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        out[i] = windows1252Char(uchar(bytes[i]));
    return out;
}

/** Length of the well-formed UTF-8 sequence at @p i (RFC 3629 section 4), or 0. */
int utf8SequenceLength(QByteArrayView s, qsizetype i)
{
    const uchar b0 = uchar(s[i]);
    if (b0 < 0x80)
        return 1;
    int length = 0;
    uchar low = 0x80;
    uchar high = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        length = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        length = 3;
        if (b0 == 0xe0)
            low = 0xa0;  // overlong
        else if (b0 == 0xed)
            high = 0x9f; // surrogates
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        length = 4;
        if (b0 == 0xf0)
            low = 0x90;  // overlong
        else if (b0 == 0xf4)
            high = 0x8f; // beyond U+10FFFF
    } else {
        return 0;
    }
    if (i + length > s.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        const uchar b = uchar(s[i + k]);
        if (k == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xbf))
            return 0;
    }
    return length;
}

/**
 * Unlabelled 8-bit text: UTF-8 where the bytes are well-formed UTF-8, and
 * windows-1252 (the usual label-less legacy charset, and a superset of the
 * printable ISO-8859-1) for each byte that is not. Sets @p usedFallback.
 */
QString decodeUtf8Or1252(QByteArrayView bytes, bool *usedFallback = nullptr)
{
    QString out;
    out.reserve(bytes.size());
    bool fallback = false;
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < bytes.size()) {
        const int length = utf8SequenceLength(bytes, i);
        if (length > 0) {
            i += length;
            continue;
        }
        out += QString::fromUtf8(bytes.sliced(runStart, i - runStart));
        out += windows1252Char(uchar(bytes[i]));
        fallback = true;
        runStart = ++i;
    }
    out += QString::fromUtf8(bytes.sliced(runStart));
    if (usedFallback)
        *usedFallback = fallback;
    return out;
}

/** An attacker-chosen string, made safe and short for a problem sentence. */
QString quoted(QByteArrayView bytes)
{
    QString s = decodeUtf8Or1252(bytes.first(std::min(bytes.size(), MaxQuoted)));
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    if (bytes.size() > MaxQuoted)
        s += u'…';
    return s;
}

QByteArray normalisedCharset(QByteArrayView label)
{
    QByteArray cs = label.trimmed().toByteArray().toLower();
    if (cs.size() >= 2 && (cs.startsWith('"') || cs.startsWith('\'')) && cs.endsWith(cs.at(0)))
        cs = cs.mid(1, cs.size() - 2).trimmed();
    // RFC 2231 section 5 language suffix, also seen in RFC 2047 words: "utf-8*en".
    const qsizetype star = cs.indexOf('*');
    if (star >= 0)
        cs.truncate(star);
    return cs;
}

bool isUtf8OrAsciiLabel(QByteArrayView cs)
{
    static const char *const labels[] = { "", "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968",
                                          "iso646-us", "us", "unicode-1-1-utf-8", "x-unknown" };
    for (const char *label : labels) {
        if (cs == label)
            return true;
    }
    return false;
}

/**
 * Labels read as windows-1252, as every mail reader and WHATWG do: mail
 * labelled ISO-8859-1 uses 0x80-0x9F for curly quotes and the euro far more
 * often than for C1 controls.
 */
bool isWindows1252Label(QByteArrayView cs)
{
    static const char *const labels[] = { "windows-1252", "cp1252", "x-cp1252", "iso-8859-1",
                                          "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819",
                                          "ibm819", "iso-ir-100", "csisolatin1" };
    for (const char *label : labels) {
        if (cs == label)
            return true;
    }
    return false;
}

/** Labels whose decoder should be a superset (WHATWG encoding standard). */
QByteArray decoderName(const QByteArray &cs)
{
    if (cs == "gb2312" || cs == "gbk" || cs == "x-gbk" || cs == "cp936" || cs == "euc-cn"
        || cs == "csgb2312" || cs == "chinese") {
        return QByteArrayLiteral("gb18030");
    }
    if (cs == "ks_c_5601-1987" || cs == "ks_c_5601" || cs == "euc-kr" || cs == "cp949")
        return QByteArrayLiteral("windows-949");
    return cs;
}

/** A byte order mark says which charset, not what the text is. */
QString withoutBom(QString text)
{
    if (text.startsWith(QChar(QChar::ByteOrderMark)))
        text.remove(0, 1);
    return text;
}

/**
 * @p bytes in the charset @p label, for the text at @p where; what had to be
 * guessed or replaced goes to @p problems.
 */
QString decodeCharset(QByteArrayView bytes, QByteArrayView label, const QString &where,
                      QStringList *problems)
{
    const QByteArray cs = normalisedCharset(label);
    if (isUtf8OrAsciiLabel(cs)) {
        bool fallback = false;
        QString text = withoutBom(decodeUtf8Or1252(bytes, &fallback));
        if (fallback) {
            if (cs.startsWith("utf") || cs.startsWith("unicode"))
                problems->append(QStringLiteral("%1: bytes that are not UTF-8, read as windows-1252").arg(where));
            else
                problems->append(QStringLiteral("%1: 8-bit text without a charset, read as windows-1252").arg(where));
        }
        return text;
    }
    if (isWindows1252Label(cs))
        return decodeWindows1252(bytes);

    const QByteArray name = decoderName(cs);
    // Stateless: the input is complete, so a trailing partial character is an error, not state.
    QStringDecoder decoder(name.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid()) {
        bool fallback = false;
        QString text = decodeUtf8Or1252(bytes, &fallback);
        problems->append(QStringLiteral("%1: unknown charset %2, read as %3")
                                 .arg(where, quoted(label.trimmed()),
                                      fallback ? QStringLiteral("windows-1252") : QStringLiteral("UTF-8")));
        return text;
    }
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        problems->append(QStringLiteral("%1: bytes that are not valid %2 replaced by U+FFFD")
                                 .arg(where, quoted(cs)));
    }
    return withoutBom(std::move(text));
}

QString withLfLineEnds(QString text)
{
    text.replace(QLatin1StringView("\r\n"), QLatin1StringView("\n"));
    text.replace(u'\r', u'\n');
    return text;
}

// ---------------------------------------------------------------------------
// Headers (RFC 5322 unfolding, RFC 2047 encoded words)

/** RFC 5322 section 2.2.3: unfolding removes the CRLF, the whitespace after it stays. */
QByteArray unfolded(const char *raw)
{
    QByteArray value(raw ? raw : "");
    value.replace("\r", "");
    value.replace("\n", "");
    return value.trimmed();
}

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

/** An unstructured header (Subject) as display text. */
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

// ---------------------------------------------------------------------------
// RFC 3676 format=flowed

/**
 * Joins soft-broken lines (a trailing space) within one quote depth, undoes
 * space-stuffing, and with DelSp=yes drops the space that marked the break.
 */
QString unflowed(const QString &text, bool delSp)
{
    const QStringList lines = text.split(u'\n');
    QString out;
    QString paragraph;
    int paragraphDepth = -1;  // -1: no paragraph open
    auto closeParagraph = [&] {
        if (paragraphDepth < 0)
            return;
        out += paragraph;
        out += u'\n';
        paragraph.clear();
        paragraphDepth = -1;
    };
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString &line = lines.at(n);
        if (n == lines.size() - 1 && line.isEmpty())
            break;  // the text ended with a line break
        int depth = 0;
        while (depth < line.size() && line.at(depth) == u'>')
            ++depth;
        QString content = line.mid(depth);
        if (content.startsWith(u' '))
            content.remove(0, 1);
        const bool signature = content == QLatin1StringView("-- ");
        const bool flowed = content.endsWith(u' ') && !signature;
        if (paragraphDepth >= 0 && paragraphDepth != depth)
            closeParagraph();
        if (paragraphDepth < 0) {
            paragraphDepth = depth;
            if (depth > 0)
                paragraph = QString(depth, u'>') + u' ';
        }
        if (flowed && delSp)
            content.chop(1);
        paragraph += content;
        if (!flowed)
            closeParagraph();
    }
    closeParagraph();
    if (!text.endsWith(u'\n') && out.endsWith(u'\n'))
        out.chop(1);
    return out;
}

// ---------------------------------------------------------------------------
// The MIME tree

/** GMime's warnings that say something a reader of the message should know. */
void onParserWarning(gint64 offset, GMimeParserWarning code, const gchar *item, gpointer data)
{
    auto *problems = static_cast<QStringList *>(data);
    const QString what = quoted(item ? item : "");
    switch (code) {
    case GMIME_CRIT_INVALID_HEADER_NAME:
        problems->append(QStringLiteral("invalid header line at byte %1: \"%2\"").arg(offset).arg(what));
        break;
    case GMIME_WARN_INVALID_CONTENT_TYPE:
        problems->append(QStringLiteral("unreadable Content-Type \"%1\"").arg(what));
        break;
    case GMIME_WARN_MALFORMED_MESSAGE:
        problems->append(QStringLiteral("malformed message near byte %1").arg(offset));
        break;
    case GMIME_CRIT_NESTING_OVERFLOW:
        problems->append(QStringLiteral("MIME parts nested too deeply near byte %1; the deepest were not read")
                                 .arg(offset));
        break;
    default:
        // Missing boundaries and 8-bit or malformed encoded words are reported
        // where we meet them, with the part they concern.
        break;
    }
}

ParserOptionsPtr newParserOptions(QStringList *problems)
{
    ParserOptionsPtr options(g_mime_parser_options_new());
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    // What GMime uses for raw 8-bit parameter values (file names); the same rule as ours.
    const char *fallback[] = { "utf-8", "windows-1252", nullptr };
    g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
    g_mime_parser_options_set_warning_callback(options.get(), onParserWarning, problems);
    return options;
}

QString mimeTypeOf(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (!type)
        return QStringLiteral("application/octet-stream");
    const char *media = g_mime_content_type_get_media_type(type);
    const char *sub = g_mime_content_type_get_media_subtype(type);
    return (decodeUtf8Or1252(media ? media : "application") + u'/'
            + decodeUtf8Or1252(sub ? sub : "octet-stream"))
            .toLower();
}

/** A file name safe to show and to save: no directory, no control characters. */
QString sanitisedFileName(const QString &name)
{
    QString base = name.mid(std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\')) + 1);
    base.removeIf([](QChar c) { return c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() < 0xa0); });
    base = base.trimmed();
    if (base == QLatin1StringView(".") || base == QLatin1StringView(".."))
        return {};
    return base;
}

QString suffixFor(const QString &mimeType)
{
    static const struct
    {
        QLatin1StringView type;
        QLatin1StringView suffix;
    } known[] = {
        { QLatin1StringView("text/plain"), QLatin1StringView("txt") },
        { QLatin1StringView("text/html"), QLatin1StringView("html") },
        { QLatin1StringView("text/calendar"), QLatin1StringView("ics") },
        { QLatin1StringView("application/pdf"), QLatin1StringView("pdf") },
        { QLatin1StringView("image/png"), QLatin1StringView("png") },
        { QLatin1StringView("image/jpeg"), QLatin1StringView("jpg") },
        { QLatin1StringView("image/gif"), QLatin1StringView("gif") },
        { QLatin1StringView("message/rfc822"), QLatin1StringView("eml") },
        { QLatin1StringView("application/pgp-signature"), QLatin1StringView("asc") },
    };
    for (const auto &k : known) {
        if (mimeType == k.type)
            return k.suffix;
    }
    const QString suffix = QMimeDatabase().mimeTypeForName(mimeType).preferredSuffix();
    return suffix.isEmpty() ? QStringLiteral("bin") : suffix;
}

/** The content of a leaf with its transfer encoding undone. */
QByteArray decodedContent(GMimeDataWrapper *content)
{
    const GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, out.get());
    return streamBytes(out.get());
}

/** The content as it was on the wire. */
QByteArray encodedContent(GMimeDataWrapper *content)
{
    GMimeStream *source = g_mime_data_wrapper_get_stream(content);
    if (!source)
        return {};
    const GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
    g_mime_stream_reset(source);
    g_mime_stream_write_to_stream(source, out.get());
    g_mime_stream_reset(source);
    return streamBytes(out.get());
}

/**
 * Base64 comes in groups of four characters; a final group that is short and
 * unpadded means the sender or a relay cut the data off. (A cut at a group
 * boundary cannot be seen.)
 */
bool base64LooksTruncated(QByteArrayView encoded)
{
    qsizetype characters = 0;
    qsizetype padding = 0;
    for (const char c : encoded) {
        if (c == '=') {
            ++padding;
        } else if (padding == 0 && (isalnum(uchar(c)) || c == '+' || c == '/')) {
            ++characters;
        }
    }
    const qsizetype rest = characters % 4;
    return rest == 1 || (rest != 0 && padding == 0);
}

/** The boundary a multipart really uses, when its first delimiter line is followed by part headers. */
QByteArray guessBoundary(QByteArrayView body, QByteArrayView declared)
{
    const QList<QByteArray> lines = body.toByteArray().split('\n');
    for (qsizetype i = 0; i + 1 < lines.size() && i < 200; ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (!line.startsWith("--") || line.size() < 3 || line.size() > 72)
            continue;
        const QByteArray candidate = line.mid(2);
        const QByteArray next = lines.at(i + 1).trimmed();
        const bool partFollows = next.toLower().startsWith("content-") || next.isEmpty();
        if (partFollows && candidate != declared && !candidate.contains('"') && !candidate.contains('\\'))
            return candidate;
    }
    return {};
}

/** Walks the MIME tree, choosing the bodies and collecting the attachments. */
class BodyWalker
{
public:
    BodyWalker(ParsedMessage *out, GMimeParserOptions *options) : m_out(out), m_options(options) { }

    void walk(GMimeObject *object, const QString &section, bool inAlternative, int depth)
    {
        if (!object)
            return;
        if (depth > MaxDepth) {
            problem(where(section), QStringLiteral("nested too deeply; not read"));
            return;
        }
        if (GMIME_IS_MULTIPART(object))
            walkMultipart(GMIME_MULTIPART(object), section, inAlternative, depth);
        else if (GMIME_IS_MESSAGE_PART(object))
            messagePart(GMIME_MESSAGE_PART(object), section.isEmpty() ? QStringLiteral("1") : section);
        else if (GMIME_IS_PART(object))
            leaf(GMIME_PART(object), section.isEmpty() ? QStringLiteral("1") : section, inAlternative);
    }

private:
    static QString where(const QString &section)
    {
        return section.isEmpty() ? QStringLiteral("message body") : QStringLiteral("part %1").arg(section);
    }

    void problem(const QString &where, const QString &what)
    {
        m_out->problems.append(where + QLatin1StringView(": ") + what);
    }

    void walkMultipart(GMimeMultipart *multipart, const QString &section, bool inAlternative, int depth)
    {
        const QString type = mimeTypeOf(GMIME_OBJECT(multipart));
        const QString place = where(section);
        const int count = g_mime_multipart_get_count(multipart);
        if (count == 0) {
            rescueMultipart(multipart, type, section, inAlternative, depth);
            return;
        }
        if (!multipart->write_end_boundary) {
            problem(place, QStringLiteral("%1 has no closing boundary; the message may be truncated").arg(type));
        }
        const bool alternative = type == QLatin1StringView("multipart/alternative");
        const bool related = type == QLatin1StringView("multipart/related");
        for (int i = 0; i < count; ++i) {
            const QString child = section.isEmpty() ? QString::number(i + 1)
                                                    : section + u'.' + QString::number(i + 1);
            walk(g_mime_multipart_get_part(multipart, i), child,
                 alternative || (related && inAlternative), depth + 1);
        }
    }

    /**
     * A multipart in which GMime found no part: its boundary never appears
     * or it has none. Everything is in the prologue; read it with the
     * boundary the body really uses, or else as text.
     */
    void rescueMultipart(GMimeMultipart *multipart, const QString &type, const QString &section,
                         bool inAlternative, int depth)
    {
        // Not g_mime_multipart_get_boundary(): it makes up a boundary when there is none.
        const char *boundaryParam = g_mime_object_get_content_type_parameter(GMIME_OBJECT(multipart), "boundary");
        const QByteArray declared(boundaryParam ? boundaryParam : "");
        const char *prologue = g_mime_multipart_get_prologue(multipart);
        const QByteArray body(prologue ? prologue : "");
        QString what = declared.isEmpty()
                ? QStringLiteral("%1 without a boundary parameter").arg(type)
                : QStringLiteral("%1 boundary \"%2\" never appears").arg(type, quoted(declared));

        const QByteArray guess = guessBoundary(body, declared);
        if (!guess.isEmpty()) {
            const QByteArray rebuilt = "Content-Type: " + type.toLatin1() + "; boundary=\"" + guess
                    + "\"\n\n" + body;
            const GObjectPtr<GMimeStream> stream(
                    g_mime_stream_mem_new_with_buffer(rebuilt.constData(), size_t(rebuilt.size())));
            const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
            const GObjectPtr<GMimeObject> reparsed(g_mime_parser_construct_part(parser.get(), m_options));
            if (reparsed && GMIME_IS_MULTIPART(reparsed.get())
                && g_mime_multipart_get_count(GMIME_MULTIPART(reparsed.get())) > 0) {
                problem(where(section),
                        what + QStringLiteral("; read with the boundary \"%1\" found in it").arg(quoted(guess)));
                walk(reparsed.get(), section, inAlternative, depth + 1);
                return;
            }
        }
        if (body.trimmed().isEmpty()) {
            problem(where(section), what + QStringLiteral("; no content"));
            return;
        }
        problem(where(section), what + QStringLiteral("; its content read as text"));
        if (!m_hasText) {
            m_out->text = withLfLineEnds(decodeCharset(body, {}, where(section), &m_out->problems));
            m_hasText = true;
        }
    }

    QByteArray content(GMimePart *part, const QString &place)
    {
        GMimeObject *object = GMIME_OBJECT(part);
        const char *cte = g_mime_object_get_header(object, "Content-Transfer-Encoding");
        if (cte && g_mime_content_encoding_from_string(cte) == GMIME_CONTENT_ENCODING_DEFAULT) {
            problem(place, QStringLiteral("unknown Content-Transfer-Encoding \"%1\", content read as it is")
                                   .arg(quoted(QByteArrayView(cte).trimmed())));
        }
        GMimeDataWrapper *wrapper = g_mime_part_get_content(part);
        if (!wrapper)
            return {};
        QByteArray data = decodedContent(wrapper);
        if (g_mime_data_wrapper_get_encoding(wrapper) == GMIME_CONTENT_ENCODING_BASE64
            && base64LooksTruncated(encodedContent(wrapper))) {
            problem(place, QStringLiteral("base64 data is cut off; read %1 bytes").arg(data.size()));
        }
        return data;
    }

    void leaf(GMimePart *part, const QString &section, bool inAlternative)
    {
        GMimeObject *object = GMIME_OBJECT(part);
        const QString place = where(section);
        const QString type = mimeTypeOf(object);
        GMimeContentDisposition *cd = g_mime_object_get_content_disposition(object);
        const char *dispositionValue = cd ? g_mime_content_disposition_get_disposition(cd) : nullptr;
        const QString disposition = decodeUtf8Or1252(dispositionValue ? dispositionValue : "").trimmed().toLower();
        const QString name = fileName(g_mime_part_get_filename(part), place);
        const QByteArray data = content(part, place);

        const bool isPlain = type == QLatin1StringView("text/plain");
        const bool isHtml = type == QLatin1StringView("text/html");
        const bool bodyCandidate = (isPlain || isHtml) && name.isEmpty()
                && disposition != QLatin1StringView("attachment");
        if (bodyCandidate && isPlain && !m_hasText) {
            m_out->text = plainText(object, data, place);
            m_hasText = true;
            return;
        }
        if (bodyCandidate && isHtml && !m_hasHtml) {
            m_out->html = htmlText(object, data, place);
            m_hasHtml = true;
            return;
        }
        // Another rendering of a body already chosen (RFC 2046 section 5.1.4).
        const bool otherRendering = isPlain || isHtml || type == QLatin1StringView("text/enriched")
                || type == QLatin1StringView("text/richtext");
        if (inAlternative && otherRendering && name.isEmpty())
            return;

        const char *cid = g_mime_object_get_content_id(object);
        ParsedAttachment attachment;
        attachment.fileName = name.isEmpty() ? QStringLiteral("part-%1.%2").arg(section, suffixFor(type)) : name;
        attachment.contentType = type;
        attachment.data = data;
        attachment.size = data.size();
        attachment.contentId = decodeUtf8Or1252(cid ? cid : "").trimmed();
        attachment.isInline = disposition == QLatin1StringView("inline")
                || (disposition.isEmpty() && !attachment.contentId.isEmpty());
        m_out->attachments.append(attachment);
    }

    /** GMime's decoded filename*= (RFC 2231) or name=; RFC 2047 words left in it decoded by us. */
    QString fileName(const char *value, const QString &place)
    {
        if (!value)
            return {};
        QString name = QByteArrayView(value).contains("=?")
                ? decodeHeaderText(value, place + QStringLiteral(" file name"), &m_out->problems)
                : decodeUtf8Or1252(value);
        return sanitisedFileName(name);
    }

    QString plainText(GMimeObject *object, const QByteArray &data, const QString &place)
    {
        const char *charset = g_mime_object_get_content_type_parameter(object, "charset");
        QString text = withLfLineEnds(decodeCharset(data, charset ? charset : "", place, &m_out->problems));
        const char *format = g_mime_object_get_content_type_parameter(object, "format");
        if (format && QByteArrayView(format).trimmed().compare("flowed", Qt::CaseInsensitive) == 0) {
            const char *delsp = g_mime_object_get_content_type_parameter(object, "delsp");
            text = unflowed(text, delsp && QByteArrayView(delsp).trimmed().compare("yes", Qt::CaseInsensitive) == 0);
        }
        return text;
    }

    QString htmlText(GMimeObject *object, const QByteArray &data, const QString &place)
    {
        const char *charsetParam = g_mime_object_get_content_type_parameter(object, "charset");
        QByteArray charset(charsetParam ? charsetParam : "");
        if (charset.trimmed().isEmpty()) {
            // No MIME label: the document's own <meta charset> (HTML5 section 13.2.3.2, simplified).
            static const QRegularExpression meta(
                    QStringLiteral("<meta[^>]*charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)"),
                    QRegularExpression::CaseInsensitiveOption);
            const auto match = meta.match(QString::fromLatin1(data.left(2048)));
            if (match.hasMatch())
                charset = match.captured(1).toLatin1();
        }
        return withLfLineEnds(decodeCharset(data, charset, place, &m_out->problems));
    }

    /** message/rfc822: an attachment named after its subject (RFC 2046 section 5.2.1). */
    void messagePart(GMimeMessagePart *part, const QString &section)
    {
        GMimeObject *object = GMIME_OBJECT(part);
        const QString place = where(section);
        GMimeMessage *inner = g_mime_message_part_get_message(part);
        ParsedAttachment attachment;
        attachment.contentType = mimeTypeOf(object);
        attachment.fileName = fileName(g_mime_object_get_content_disposition_parameter(object, "filename"), place);
        if (attachment.fileName.isEmpty())
            attachment.fileName = fileName(g_mime_object_get_content_type_parameter(object, "name"), place);
        if (inner) {
            const GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
            g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, out.get());
            attachment.data = streamBytes(out.get());
            if (attachment.fileName.isEmpty()) {
                GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(inner));
                GMimeHeader *subject = g_mime_header_list_get_header(headers, "Subject");
                QString title = subject ? decodeHeaderText(g_mime_header_get_raw_value(subject),
                                                           place + QStringLiteral(" Subject"), &m_out->problems)
                                        : QString();
                title.replace(u'/', u'_');
                title.replace(u'\\', u'_');
                title = sanitisedFileName(title.left(120));
                if (!title.isEmpty())
                    attachment.fileName = title + QStringLiteral(".eml");
            }
        }
        if (attachment.fileName.isEmpty())
            attachment.fileName = QStringLiteral("message-%1.eml").arg(section);
        attachment.size = attachment.data.size();
        GMimeContentDisposition *cd = g_mime_object_get_content_disposition(object);
        const char *disposition = cd ? g_mime_content_disposition_get_disposition(cd) : nullptr;
        attachment.isInline = disposition
                && QByteArrayView(disposition).trimmed().compare("inline", Qt::CaseInsensitive) == 0;
        const char *cid = g_mime_object_get_content_id(object);
        attachment.contentId = decodeUtf8Or1252(cid ? cid : "").trimmed();
        m_out->attachments.append(attachment);
    }

    ParsedMessage *m_out;
    GMimeParserOptions *m_options;
    bool m_hasText = false;
    bool m_hasHtml = false;
};

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

void readHeaders(GMimeMessage *message, GMimeParserOptions *options, ParsedMessage *out)
{
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    QStringList *problems = &out->problems;

    if (GMimeHeader *subject = g_mime_header_list_get_header(headers, "Subject"))
        out->subject = decodeHeaderText(g_mime_header_get_raw_value(subject), QStringLiteral("Subject"), problems);

    const QList<MailAddress> from = addressHeader(headers, "From", options, problems);
    if (!from.isEmpty())
        out->from = from.first();
    else if (!g_mime_header_list_contains(headers, "From"))
        problems->append(QStringLiteral("no From header"));
    out->to = addressHeader(headers, "To", options, problems);
    out->cc = addressHeader(headers, "Cc", options, problems);
    out->replyTo = addressHeader(headers, "Reply-To", options, problems);

    if (GMimeHeader *dateHeader = g_mime_header_list_get_header(headers, "Date")) {
        if (GDateTime *date = g_mime_message_get_date(message)) {
            const int offset = int(g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND);
            out->date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::OffsetFromUTC, offset);
        } else {
            problems->append(QStringLiteral("Date: cannot read \"%1\"")
                                     .arg(quoted(unfolded(g_mime_header_get_raw_value(dateHeader)))));
        }
    } else {
        problems->append(QStringLiteral("no Date header"));
    }

    const QStringList ids = messageIds(headers, "Message-ID", options);
    if (!ids.isEmpty())
        out->messageId = ids.first();
    const QStringList inReplyTo = messageIds(headers, "In-Reply-To", options);
    if (!inReplyTo.isEmpty())
        out->inReplyTo = inReplyTo.first();
    out->references = messageIds(headers, "References", options);

    // GMime adds a MIME-Version of its own when it builds the message; that one has no offset.
    GMimeHeader *mimeVersion = g_mime_header_list_get_header(headers, "MIME-Version");
    // GMime moves the Content-* headers to the top-level part.
    GMimeObject *body = g_mime_message_get_mime_part(message);
    GMimeHeader *contentType = body ? g_mime_header_list_get_header(g_mime_object_get_header_list(body),
                                                                   "Content-Type")
                                    : nullptr;
    if ((!mimeVersion || g_mime_header_get_offset(mimeVersion) < 0) && contentType
        && g_mime_header_get_offset(contentType) >= 0) {
        problems->append(QStringLiteral("no MIME-Version header; its MIME headers read anyway"));
    }
}

} // namespace

QString MailAddress::toDisplayString() const
{
    if (name.isEmpty() || name == address)
        return address;
    if (address.isEmpty())
        return name;
    return QStringLiteral("%1 <%2>").arg(name, address);
}

QString MessageParser::decodeHeader(const QByteArray &raw)
{
    QStringList ignored;
    return decodeHeaderText(raw.constData(), QString(), &ignored);
}

QDateTime MessageParser::parseDate(const QByteArray &raw)
{
    if (raw.isEmpty())
        return {};
    ensureGMime();
    GDateTime *date = g_mime_utils_header_decode_date(raw.constData());
    if (!date)
        return {};
    const int offset = int(g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND);
    const QDateTime out = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::OffsetFromUTC, offset);
    g_date_time_unref(date);
    return out;
}

QString MessageParser::htmlToText(const QString &html)
{
    return HtmlToText::convert(html);
}

ParsedMessage MessageParser::parse(const QByteArray &raw)
{
    ParsedMessage out;
    if (raw.isEmpty()) {
        out.problems.append(QStringLiteral("empty input: no message"));
        return out;
    }
    ensureGMime();

    // The options outlive the message: GMime's headers keep a pointer to them.
    const ParserOptionsPtr options = newParserOptions(&out.problems);
    const GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    const GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
    if (!message) {
        out.problems.append(QStringLiteral("no message headers could be read; the whole input read as text"));
        out.text = withLfLineEnds(decodeCharset(raw, {}, QStringLiteral("message"), &out.problems));
    } else {
        readHeaders(message.get(), options.get(), &out);
        BodyWalker walker(&out, options.get());
        walker.walk(g_mime_message_get_mime_part(message.get()), QString(), false, 0);
    }

    // An empty text/plain next to the HTML is common ("This is an HTML message").
    if (out.text.trimmed().isEmpty() && !out.html.isEmpty())
        out.text = htmlToText(out.html);
    // No more warnings can arrive: the callback's target is about to be moved.
    g_mime_parser_options_set_warning_callback(options.get(), nullptr, nullptr);
    out.problems.removeDuplicates();
    return out;
}

} // namespace machina
