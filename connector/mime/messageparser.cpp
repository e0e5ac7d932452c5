// GMime (GLib) first: GLib headers use the identifier `signals`, which Qt
// would otherwise have turned into a macro (QT_NO_KEYWORDS is set anyway).
#include <gmime/gmime.h>

#include "gmimesupport.h"

#include "messageparser.h"

#include "bodywalker.h"
#include "encodedwords.h"
#include "mimecharsets.h"

#include "html/htmltotext.h"

namespace machina {

namespace {

using gmime::GObjectPtr;
using gmime::ParserOptionsPtr;
inline void ensureGMime() { gmime::ensureInitialised(); }

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
    return mime::decodeHeaderText(raw.constData(), QString(), &ignored);
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
    const ParserOptionsPtr options = mime::newParserOptions(&out.problems);
    const GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    const GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
    if (!message) {
        out.problems.append(QStringLiteral("no message headers could be read; the whole input read as text"));
        out.text = mime::withLfLineEnds(mime::decodeCharset(raw, {}, QStringLiteral("message"), &out.problems));
    } else {
        mime::readHeaders(message.get(), options.get(), &out);
        mime::BodyWalker walker(&out, options.get());
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
