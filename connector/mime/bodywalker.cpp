// The MIME tree: GMime's parser options, the BodyWalker (bodies, attachments,
// content decoding, file names, boundaries) and the top-level headers.

// GMime (GLib) first: GLib headers use the identifier `signals`, which Qt
// would otherwise have turned into a macro (QT_NO_KEYWORDS is set anyway).
#include <gmime/gmime.h>

#include "gmimesupport.h"

#include "bodywalker.h"

#include "encodedwords.h"
#include "flowedtext.h"
#include "mimecharsets.h"

#include <QMimeDatabase>
#include <QRegularExpression>

#include <algorithm>
#include <cctype>

namespace machina::mime {

using gmime::GObjectPtr;
using gmime::ParserOptionsPtr;

namespace {

QByteArray streamBytes(GMimeStream *stream)
{
    const GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    if (!bytes || bytes->len == 0)
        return {};
    return QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
}

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

} // namespace

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

void BodyWalker::walk(GMimeObject *object, const QString &section, bool inAlternative, int depth)
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

QString BodyWalker::where(const QString &section)
{
    return section.isEmpty() ? QStringLiteral("message body") : QStringLiteral("part %1").arg(section);
}

void BodyWalker::problem(const QString &where, const QString &what)
{
    m_out->problems.append(where + QLatin1StringView(": ") + what);
}

void BodyWalker::walkMultipart(GMimeMultipart *multipart, const QString &section, bool inAlternative, int depth)
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

void BodyWalker::rescueMultipart(GMimeMultipart *multipart, const QString &type, const QString &section,
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

QByteArray BodyWalker::content(GMimePart *part, const QString &place)
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

void BodyWalker::leaf(GMimePart *part, const QString &section, bool inAlternative)
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

QString BodyWalker::fileName(const char *value, const QString &place)
{
    if (!value)
        return {};
    QString name = QByteArrayView(value).contains("=?")
            ? decodeHeaderText(value, place + QStringLiteral(" file name"), &m_out->problems)
            : decodeUtf8Or1252(value);
    return sanitisedFileName(name);
}

QString BodyWalker::plainText(GMimeObject *object, const QByteArray &data, const QString &place)
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

QString BodyWalker::htmlText(GMimeObject *object, const QByteArray &data, const QString &place)
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

void BodyWalker::messagePart(GMimeMessagePart *part, const QString &section)
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

} // namespace machina::mime
