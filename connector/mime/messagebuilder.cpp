// GMime (GLib) first: GLib headers use the identifier `signals`, which Qt
// would otherwise have turned into a macro (QT_NO_KEYWORDS is set anyway).
#include <gmime/gmime.h>

#include "gmimesupport.h"

#include "messagebuilder.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace machina {

namespace {

/** Largest file Attachment::fromFile() accepts: what common providers take per message. */
constexpr qint64 MaxAttachmentBytes = qint64(25) * 1024 * 1024;

/** RFC 5322 section 2.1.1: a line holds at most 998 octets before its CRLF. */
constexpr qsizetype MaxLineOctets = 998;

using gmime::GObjectPtr;
using gmime::ParserOptionsPtr;
inline void ensureGMime() { gmime::ensureInitialised(); }

struct FormatOptionsFree
{
    void operator()(GMimeFormatOptions *p) const { g_mime_format_options_free(p); }
};
struct DateTimeUnref
{
    void operator()(GDateTime *p) const { g_date_time_unref(p); }
};
struct TimeZoneUnref
{
    void operator()(GTimeZone *p) const { g_time_zone_unref(p); }
};

/** A parsed "Name <addr>" or "addr". */
struct Mailbox
{
    QString name;
    QString addr;
};

QString refusal(const QString &field, const QString &problem)
{
    return QStringLiteral("%1 %2; refusing to build the message").arg(field, problem);
}

/**
 * Header injection guard: a CR or LF would end the header and let the value
 * add headers (Bcc:) or start the body; NUL ends strings in C and in SMTP
 * servers. Other C0 controls (tab aside) have no place in a header either.
 */
bool checkHeaderValue(const QString &value, const QString &field, ConnectorError *error)
{
    QString problem;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u == u'\r' || u == u'\n') {
            problem = QStringLiteral("contains a line break");
            break;
        }
        if (u == 0) {
            problem = QStringLiteral("contains a NUL character");
            break;
        }
        if ((u < 0x20 && u != u'\t') || u == 0x7f) {
            problem = QStringLiteral("contains a control character");
            // keep looking: a line break later is the more useful report
        }
    }
    if (problem.isEmpty())
        return true;
    if (error)
        *error = ConnectorError(ConnectorError::Kind::Config, refusal(field, problem));
    return false;
}

bool isAscii(QStringView s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

/**
 * Parses one mailbox with GMime's address parser, then insists that the
 * addr-spec GMime found is exactly what the caller wrote: GMime's parser is
 * forgiving ("a@b@c" becomes "a@b", "Jo <a@b" is repaired) and a recipient
 * we silently rewrote is worse than an error.
 */
std::optional<Mailbox> parseMailbox(const QString &text, const QString &field,
                                    ConnectorError *error)
{
    auto fail = [&](const QString &why) {
        if (error) {
            *error = ConnectorError(ConnectorError::Kind::Config,
                                    QStringLiteral("%1 \"%2\" %3").arg(field, text, why));
        }
        return std::nullopt;
    };

    if (!checkHeaderValue(text, field, error))
        return std::nullopt;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        if (error) {
            *error = ConnectorError(ConnectorError::Kind::Config,
                                    QStringLiteral("%1 is empty").arg(field));
        }
        return std::nullopt;
    }

    // What the caller means as the addr-spec: inside the last <...>, or everything.
    QString written = trimmed;
    if (trimmed.endsWith(u'>')) {
        const qsizetype open = trimmed.lastIndexOf(u'<');
        if (open < 0)
            return fail(QStringLiteral("has a '>' without '<'"));
        written = trimmed.mid(open + 1, trimmed.size() - open - 2).trimmed();
    }

    ensureGMime();
    const ParserOptionsPtr options(g_mime_parser_options_new());
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_STRICT);
    const QByteArray utf8 = trimmed.toUtf8();
    const GObjectPtr<InternetAddressList> list(
            internet_address_list_parse(options.get(), utf8.constData()));
    if (!list || internet_address_list_length(list.get()) != 1)
        return fail(QStringLiteral("is not exactly one address"));
    InternetAddress *address = internet_address_list_get_address(list.get(), 0);
    if (!INTERNET_ADDRESS_IS_MAILBOX(address))
        return fail(QStringLiteral("is a group, not one address"));

    Mailbox mailbox;
    const char *name = internet_address_get_name(address);
    mailbox.name = name ? QString::fromUtf8(name) : QString();
    mailbox.addr = QString::fromUtf8(
            internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));

    const qsizetype at = mailbox.addr.lastIndexOf(u'@');
    if (at <= 0 || at == mailbox.addr.size() - 1)
        return fail(QStringLiteral("is not an address of the form name@domain"));
    if (mailbox.addr != written)
        return fail(QStringLiteral("is not a single well-formed address"));
    // An RFC 2047 encoded name decodes to text that may hold a line break.
    if (!checkHeaderValue(mailbox.name, QStringLiteral("%1 display name").arg(field), error))
        return std::nullopt;
    return mailbox;
}

/** Accepts "id@host" or "<id@host>"; returns the id without brackets. */
std::optional<QString> parseMessageId(const QString &text, const QString &field,
                                      ConnectorError *error)
{
    if (!checkHeaderValue(text, field, error))
        return std::nullopt;
    QString id = text.trimmed();
    if (id.startsWith(u'<') && id.endsWith(u'>'))
        id = id.mid(1, id.size() - 2).trimmed();
    bool ok = !id.isEmpty();
    for (const QChar c : std::as_const(id)) {
        if (c.isSpace() || c == u'<' || c == u'>')
            ok = false;
    }
    if (!ok) {
        if (error) {
            *error = ConnectorError(ConnectorError::Kind::Config,
                                    QStringLiteral("%1 \"%2\" is not a message id").arg(field, text));
        }
        return std::nullopt;
    }
    return id;
}

/** A 128-bit random id at the sender's domain (RFC 5322 section 3.6.4). */
/// An "X-" header name of letters, digits and dashes (RFC 5322 ftext, narrowed).
bool isExtraHeaderName(QByteArrayView name)
{
    if (name.size() < 3 || name.size() > 76 || !(name.startsWith("X-") || name.startsWith("x-")))
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

QString newMessageId(const QString &fromAddr)
{
    std::array<quint32, 4> random;
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    const QByteArray bytes(reinterpret_cast<const char *>(random.data()),
                           qsizetype(random.size() * sizeof(quint32)));
    // Message-IDs must be ASCII: an internationalised domain goes in as its A-label.
    QString domain = QString::fromLatin1(QUrl::toAce(fromAddr.mid(fromAddr.lastIndexOf(u'@') + 1)));
    if (domain.isEmpty())
        domain = QStringLiteral("machina.invalid");
    return QString::fromLatin1(bytes.toHex()) + u'@' + domain;
}

/**
 * Caller text in any line-ending convention, as LF-only UTF-8 ending in a
 * line break: GMime's CRLF filter adds a missing last one to 7bit and
 * quoted-printable text, so doing it here makes every encoding decode alike.
 */
QByteArray bodyWithLf(const QString &text)
{
    QByteArray body = text.toUtf8();
    body.replace("\r\n", "\n");
    body.replace('\r', '\n');
    if (!body.isEmpty() && !body.endsWith('\n'))
        body.append('\n');
    return body;
}

/**
 * 7bit when the text may travel as it is; otherwise whichever of
 * quoted-printable (3 octets per non-ASCII octet) and base64 (4 per 3 octets)
 * is shorter, the same rule as GMime's best-encoding filter.
 */
GMimeContentEncoding bodyEncoding(const QByteArray &lfBody)
{
    qsizetype eightBit = 0;
    qsizetype nul = 0;
    qsizetype longestLine = 0;
    qsizetype line = 0;
    for (const char c : lfBody) {
        if (c == '\n') {
            longestLine = std::max(longestLine, line);
            line = 0;
            continue;
        }
        ++line;
        if (static_cast<unsigned char>(c) >= 0x80)
            ++eightBit;
        else if (c == '\0')
            ++nul;
    }
    longestLine = std::max(longestLine, line);

    if (nul > 0)
        return GMIME_CONTENT_ENCODING_BASE64;
    if (eightBit > 0)
        return 6 * eightBit > lfBody.size() ? GMIME_CONTENT_ENCODING_BASE64
                                            : GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE;
    if (longestLine > MaxLineOctets)
        return GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE;
    return GMIME_CONTENT_ENCODING_7BIT;
}

/**
 * The raw Subject value (GMime's form: leading space, folded with "\n ",
 * final "\n") as UTF-8 B encoded words of at most 75 characters.
 */
QByteArray encodedWordsRawValue(const QString &text)
{
    // 45 octets of UTF-8 make 60 base64 characters: 72 with "=?utf-8?b?" and "?=".
    constexpr qsizetype MaxChunk = 45;
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size()
                        && text.at(i + 1).isLowSurrogate()
                ? 2
                : 1;
        const QByteArray codePoint = QStringView(text).mid(i, length).toUtf8();
        i += length;
        if (chunk.size() + codePoint.size() > MaxChunk) {
            words.append(chunk);
            chunk.clear();
        }
        chunk += codePoint;
    }
    if (!chunk.isEmpty())
        words.append(chunk);
    for (QByteArray &word : words)
        word = "=?utf-8?b?" + word.toBase64() + "?=";
    return ' ' + words.join("\n ") + '\n';
}

GObjectPtr<GMimeDataWrapper> wrapBytes(const QByteArray &bytes)
{
    const GObjectPtr<GMimeStream> stream(
            g_mime_stream_mem_new_with_buffer(bytes.constData(), size_t(bytes.size())));
    return GObjectPtr<GMimeDataWrapper>(
            g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
}

GObjectPtr<GMimeObject> textPart(const QString &text)
{
    QByteArray body = bodyWithLf(text);
    const GMimeContentEncoding encoding = bodyEncoding(body);
    // 7bit and quoted-printable lines get CRLF from the newline filter when
    // written; base64 hides the line ends from it, so the text goes in already
    // in canonical CRLF form (RFC 2046 section 4.1.1).
    if (encoding == GMIME_CONTENT_ENCODING_BASE64)
        body.replace("\n", "\r\n");

    GObjectPtr<GMimeObject> part(GMIME_OBJECT(g_mime_text_part_new_with_subtype("plain")));
    g_mime_object_set_content_type_parameter(part.get(), "charset", "utf-8");
    g_mime_part_set_content(GMIME_PART(part.get()), wrapBytes(body).get());
    g_mime_part_set_content_encoding(GMIME_PART(part.get()), encoding);
    return part;
}

/** The names our users attach most, so the result does not depend on the MIME database. */
QString contentTypeFor(const QString &fileName, const QByteArray &data)
{
    static const struct
    {
        QLatin1StringView suffix;
        QLatin1StringView type;
    } known[] = {
        { QLatin1StringView("pdf"), QLatin1StringView("application/pdf") },
        { QLatin1StringView("txt"), QLatin1StringView("text/plain") },
        { QLatin1StringView("png"), QLatin1StringView("image/png") },
        { QLatin1StringView("jpg"), QLatin1StringView("image/jpeg") },
        { QLatin1StringView("jpeg"), QLatin1StringView("image/jpeg") },
        { QLatin1StringView("csv"), QLatin1StringView("text/csv") },
        { QLatin1StringView("zip"), QLatin1StringView("application/zip") },
        { QLatin1StringView("json"), QLatin1StringView("application/json") },
    };
    const QString suffix = QFileInfo(fileName).suffix();
    for (const auto &k : known) {
        if (suffix.compare(k.suffix, Qt::CaseInsensitive) == 0)
            return k.type;
    }

    const QMimeDatabase db;
    const QList<QMimeType> byName = db.mimeTypesForFileName(fileName);
    if (!byName.isEmpty())
        return byName.first().name();
    const QMimeType byData = db.mimeTypeForData(data);
    // An empty file sniffs as the non-standard application/x-zerosize.
    if (byData.isValid() && !byData.isDefault() && !data.isEmpty())
        return byData.name();
    return QStringLiteral("application/octet-stream");
}

/** Sets @p name on a parameter list, asking for UTF-8 if GMime has to RFC 2231-encode it. */
void setUtf8Parameter(GMimeParamList *list, const char *name, const QByteArray &value)
{
    g_mime_param_list_set_parameter(list, name, value.constData());
    if (GMimeParam *param = g_mime_param_list_get_parameter(list, name))
        g_mime_param_set_charset(param, "utf-8");
}

GObjectPtr<GMimeObject> attachmentPart(const Attachment &attachment, int index,
                                       GMimeParserOptions *options, ConnectorError *error)
{
    const QString nameField = QStringLiteral("attachment %1 file name").arg(index);
    const QString typeField = QStringLiteral("attachment %1 content type").arg(index);
    if (!checkHeaderValue(attachment.fileName, nameField, error)
        || !checkHeaderValue(attachment.contentType, typeField, error)) {
        return {};
    }
    if (attachment.fileName.trimmed().isEmpty()) {
        *error = ConnectorError(ConnectorError::Kind::Config,
                                QStringLiteral("%1 is empty").arg(nameField));
        return {};
    }

    // Base64 is not allowed for composite types (RFC 2045 section 6.4), and
    // we send every attachment as base64 bytes.
    auto isComposite = [](const QString &type) {
        return type.startsWith(QLatin1StringView("multipart/"), Qt::CaseInsensitive)
                || type.startsWith(QLatin1StringView("message/"), Qt::CaseInsensitive);
    };
    QString contentType = attachment.contentType.trimmed();
    if (contentType.isEmpty()) {
        contentType = contentTypeFor(attachment.fileName, attachment.data);
        if (isComposite(contentType))
            contentType = QStringLiteral("application/octet-stream");
    } else if (isComposite(contentType)) {
        *error = ConnectorError(ConnectorError::Kind::Config,
                                QStringLiteral("%1 \"%2\" is a composite type, which cannot be "
                                               "sent as an attachment; use application/octet-stream")
                                        .arg(typeField, contentType));
        return {};
    } else {
        // GMime would quietly turn a malformed type into application/octet-stream.
        static const QRegularExpression mediaType(QStringLiteral(
                "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\\s*(;.*)?$"));
        if (!mediaType.match(contentType).hasMatch()) {
            *error = ConnectorError(
                    ConnectorError::Kind::Config,
                    QStringLiteral("%1 \"%2\" is not of the form type/subtype").arg(typeField, contentType));
            return {};
        }
    }

    const QByteArray fileName = attachment.fileName.toUtf8();
    const GObjectPtr<GMimeContentType> type(
            g_mime_content_type_parse(options, contentType.toUtf8().constData()));
    // Some mail readers look only at the older Content-Type name parameter.
    setUtf8Parameter(g_mime_content_type_get_parameters(type.get()), "name", fileName);

    const GObjectPtr<GMimeContentDisposition> disposition(g_mime_content_disposition_new());
    g_mime_content_disposition_set_disposition(disposition.get(), GMIME_DISPOSITION_ATTACHMENT);
    setUtf8Parameter(g_mime_content_disposition_get_parameters(disposition.get()), "filename",
                     fileName);

    GObjectPtr<GMimeObject> part(GMIME_OBJECT(g_mime_part_new()));
    g_mime_object_set_content_type(part.get(), type.get());
    g_mime_object_set_content_disposition(part.get(), disposition.get());
    g_mime_part_set_content(GMIME_PART(part.get()), wrapBytes(attachment.data).get());
    // Always base64: the bytes must arrive unchanged, whatever they look like.
    g_mime_part_set_content_encoding(GMIME_PART(part.get()), GMIME_CONTENT_ENCODING_BASE64);
    return part;
}

void addMailbox(GMimeMessage *message, GMimeAddressType type, const Mailbox &mailbox)
{
    const QByteArray name = mailbox.name.toUtf8();
    const QByteArray addr = mailbox.addr.toUtf8();
    const GObjectPtr<InternetAddress> address(
            internet_address_mailbox_new(name.isEmpty() ? nullptr : name.constData(), addr.constData()));
    // Encode a non-ASCII display name as UTF-8, not GMime's smallest charset guess.
    internet_address_set_charset(address.get(), "utf-8");
    internet_address_list_add(g_mime_message_get_addresses(message, type), address.get());
}

/** GMime writes CRLF with GMIME_NEWLINE_FORMAT_DOS; this guarantees it for any bare CR or LF. */
QByteArray withCrlf(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size() + in.size() / 50);
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '\r') {
            out.append("\r\n");
            if (i + 1 < in.size() && in.at(i + 1) == '\n')
                ++i;
        } else if (c == '\n') {
            out.append("\r\n");
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace

std::optional<Attachment> Attachment::fromFile(const QString &path, ConnectorError *error)
{
    auto fail = [&](const QString &why) {
        if (error) {
            *error = ConnectorError(ConnectorError::Kind::Config,
                                    QStringLiteral("cannot attach %1: %2").arg(path, why));
        }
        return std::nullopt;
    };

    const QFileInfo info(path);
    if (!info.exists())
        return fail(QStringLiteral("no such file"));
    if (info.isDir())
        return fail(QStringLiteral("it is a directory, not a file"));
    // A FIFO or device would block or never end.
    if (!info.isFile())
        return fail(QStringLiteral("it is not a regular file"));
    if (info.size() > MaxAttachmentBytes) {
        return fail(QStringLiteral("it is %1 bytes; the limit is 25 MiB (%2 bytes)")
                            .arg(info.size())
                            .arg(MaxAttachmentBytes));
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    // Read one byte past the limit: the file may have grown since stat().
    QByteArray data = file.read(MaxAttachmentBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(file.errorString());
    if (data.size() > MaxAttachmentBytes)
        return fail(QStringLiteral("it grew past the limit of 25 MiB while being read"));

    Attachment attachment;
    attachment.fileName = info.fileName();
    attachment.data = std::move(data);
    return attachment;
}

QString MessageBuilder::addressSpec(const QString &address, ConnectorError *error)
{
    const auto mailbox = parseMailbox(address, QStringLiteral("address"), error);
    return mailbox ? mailbox->addr : QString();
}

MessageBuilder::Result MessageBuilder::build(const OutgoingMessage &message)
{
    ensureGMime();
    Result result;
    ConnectorError *error = &result.error;
    BuiltMessage built;

    // Check everything the caller gave before building anything.
    if (message.from.trimmed().isEmpty()) {
        *error = ConnectorError(ConnectorError::Kind::Config,
                                QStringLiteral("from is empty; a message needs a sender"));
        return result;
    }
    const auto from = parseMailbox(message.from, QStringLiteral("from"), error);
    if (!from)
        return result;
    if (message.to.isEmpty()) {
        *error = ConnectorError(ConnectorError::Kind::Config,
                                QStringLiteral("to is empty; a message needs a recipient"));
        return result;
    }
    QList<Mailbox> to;
    for (qsizetype i = 0; i < message.to.size(); ++i) {
        const QString field = message.to.size() == 1
                ? QStringLiteral("to")
                : QStringLiteral("to (recipient %1)").arg(i + 1);
        const auto mailbox = parseMailbox(message.to.at(i), field, error);
        if (!mailbox)
            return result;
        to.append(*mailbox);
    }
    if (!checkHeaderValue(message.subject, QStringLiteral("subject"), error))
        return result;
    std::optional<QString> inReplyTo;
    if (!checkHeaderValue(message.inReplyTo, QStringLiteral("in-reply-to"), error))
        return result;
    if (!message.inReplyTo.trimmed().isEmpty()) {
        inReplyTo = parseMessageId(message.inReplyTo, QStringLiteral("in-reply-to"), error);
        if (!inReplyTo)
            return result;
    }
    QStringList references;
    for (const QString &reference : message.references) {
        if (!checkHeaderValue(reference, QStringLiteral("references"), error))
            return result;
        if (reference.trimmed().isEmpty())
            continue;
        const auto id = parseMessageId(reference, QStringLiteral("references"), error);
        if (!id)
            return result;
        references.append(u'<' + *id + u'>');
    }
    for (const auto &[name, value] : message.extraHeaders) {
        if (!isExtraHeaderName(name)) {
            *error = ConnectorError(ConnectorError::Kind::Config,
                                    QStringLiteral("header name %1 is not an X- name of letters, digits and dashes")
                                        .arg(QString::fromLatin1(name)));
            return result;
        }
        const QString field = QString::fromLatin1(name).toLower();
        if (!checkHeaderValue(value, field, error))
            return result;
        if (!isAscii(value)) {
            *error = ConnectorError(ConnectorError::Kind::Config, QStringLiteral("%1 is not ASCII").arg(field));
            return result;
        }
    }
    std::optional<QString> ownMessageId;
    if (!message.messageId.isEmpty()) {
        if (!checkHeaderValue(message.messageId, QStringLiteral("message-id"), error))
            return result;
        ownMessageId = parseMessageId(message.messageId, QStringLiteral("message-id"), error);
        if (!ownMessageId)
            return result;
    }

    const ParserOptionsPtr parserOptions(g_mime_parser_options_new());
    std::vector<GObjectPtr<GMimeObject>> attachments;
    for (qsizetype i = 0; i < message.attachments.size(); ++i) {
        auto part = attachmentPart(message.attachments.at(i), int(i + 1), parserOptions.get(), error);
        if (!part)
            return result;
        attachments.push_back(std::move(part));
    }

    // Headers: GMime encodes non-ASCII text (RFC 2047) and folds long lines.
    const GObjectPtr<GMimeMessage> mime(g_mime_message_new(TRUE));
    addMailbox(mime.get(), GMIME_ADDRESS_TYPE_FROM, *from);
    for (const Mailbox &mailbox : std::as_const(to))
        addMailbox(mime.get(), GMIME_ADDRESS_TYPE_TO, mailbox);
    g_mime_message_set_subject(mime.get(), message.subject.toUtf8().constData(), "utf-8");
    if (message.subject.contains(QLatin1StringView("=?"))) {
        // RFC 2047 section 5: text that looks like an encoded word must itself
        // be encoded, or readers decode it. GMime leaves it as it is.
        GMimeHeader *subject = g_mime_header_list_get_header(
                g_mime_object_get_header_list(GMIME_OBJECT(mime.get())), "Subject");
        if (subject)
            g_mime_header_set_raw_value(subject, encodedWordsRawValue(message.subject).constData());
    }

    const QDateTime date = message.date.isValid() ? message.date : QDateTime::currentDateTime();
    {
        const std::unique_ptr<GTimeZone, TimeZoneUnref> zone(
                g_time_zone_new_offset(date.offsetFromUtc()));
        const std::unique_ptr<GDateTime, DateTimeUnref> utc(
                g_date_time_new_from_unix_utc(date.toSecsSinceEpoch()));
        const std::unique_ptr<GDateTime, DateTimeUnref> local(
                g_date_time_to_timezone(utc.get(), zone.get()));
        g_mime_message_set_date(mime.get(), local.get());
    }

    built.messageId = ownMessageId ? *ownMessageId : newMessageId(from->addr);
    g_mime_message_set_message_id(mime.get(), built.messageId.toUtf8().constData());
    if (inReplyTo) {
        g_mime_object_set_header(GMIME_OBJECT(mime.get()), "In-Reply-To",
                                 (u'<' + *inReplyTo + u'>').toUtf8().constData(), nullptr);
    }
    if (!references.isEmpty()) {
        g_mime_object_set_header(GMIME_OBJECT(mime.get()), "References",
                                 references.join(u' ').toUtf8().constData(), nullptr);
    }
    for (const auto &[name, value] : message.extraHeaders)
        g_mime_object_append_header(GMIME_OBJECT(mime.get()), name.constData(), value.toLatin1().constData(), nullptr);

    // Body: the text alone, or multipart/mixed with the text first (RFC 2046 section 5.1.3).
    const GObjectPtr<GMimeObject> text = textPart(message.text);
    if (attachments.empty()) {
        g_mime_message_set_mime_part(mime.get(), text.get());
    } else {
        const GObjectPtr<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
        g_mime_multipart_add(mixed.get(), text.get());
        for (const auto &part : std::as_const(attachments))
            g_mime_multipart_add(mixed.get(), part.get());
        g_mime_message_set_mime_part(mime.get(), GMIME_OBJECT(mixed.get()));
    }

    const std::unique_ptr<GMimeFormatOptions, FormatOptionsFree> format(g_mime_format_options_new());
    g_mime_format_options_set_newline_format(format.get(), GMIME_NEWLINE_FORMAT_DOS);
    const GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
    g_mime_object_write_to_stream(GMIME_OBJECT(mime.get()), format.get(), out.get());
    const GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    built.data = withCrlf(QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len)));

    built.envelopeFrom = envelopeAddress(from->addr);
    built.needsSmtpUtf8 = !isAscii(built.envelopeFrom);
    for (const Mailbox &mailbox : std::as_const(to)) {
        built.envelopeTo.append(envelopeAddress(mailbox.addr));
        built.needsSmtpUtf8 = built.needsSmtpUtf8 || !isAscii(built.envelopeTo.constLast());
    }
    built.has8BitData = std::any_of(built.data.cbegin(), built.data.cend(),
                                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    result.message = std::move(built);
    return result;
}

QString MessageBuilder::envelopeAddress(const QString &addrSpec)
{
    const qsizetype at = addrSpec.lastIndexOf(u'@');
    if (at < 0)
        return addrSpec;
    const QByteArray ace = QUrl::toAce(addrSpec.mid(at + 1));
    // toAce() gives nothing for a domain IDNA cannot encode; keep it (SMTPUTF8 then).
    return ace.isEmpty() ? addrSpec : addrSpec.left(at + 1) + QString::fromLatin1(ace);
}

} // namespace machina
