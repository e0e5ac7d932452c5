// GMime (GLib) before Qt: GLib headers use the identifier `signals`.
#include <gmime/gmime.h>

#include "mime/messagebuilder.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace machina;

namespace {

/** Owns a GObject handed out by GMime so that LeakSanitizer sees every one freed. */
struct GObjectUnref
{
    void operator()(gpointer p) const { g_object_unref(p); }
};
template<typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

/** Parses @p data back with GMime, as a receiving mail reader would. */
GObjectPtr<GMimeMessage> parse(const QByteArray &data)
{
    g_mime_init();
    const GObjectPtr<GMimeStream> stream(
            g_mime_stream_mem_new_with_buffer(data.constData(), size_t(data.size())));
    const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    return GObjectPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), nullptr));
}

/** The decoded content of a leaf part (transfer encoding undone). */
QByteArray decodedContent(GMimeObject *object)
{
    GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(object));
    if (!content)
        return {};
    const GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, out.get());
    const GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    return QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
}

QString mimeType(GMimeObject *object)
{
    char *type = g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object));
    const QString result = QString::fromUtf8(type);
    g_free(type);
    return result;
}

QString contentTransferEncoding(GMimeObject *object)
{
    return QString::fromLatin1(
            g_mime_content_encoding_to_string(g_mime_part_get_content_encoding(GMIME_PART(object))));
}

QByteArray headerBlock(const QByteArray &data)
{
    return data.left(data.indexOf("\r\n\r\n") + 2);
}

/** Unfolded top-level header field names, lower case, in order. */
QList<QByteArray> headerNames(const QByteArray &data)
{
    QList<QByteArray> names;
    for (const QByteArray &line : headerBlock(data).split('\n')) {
        if (line.isEmpty() || line.startsWith(' ') || line.startsWith('\t'))
            continue;
        names.append(line.left(line.indexOf(':')).trimmed().toLower());
    }
    return names;
}

/** The raw (still encoded, unfolded) value of top-level header @p name. */
QByteArray rawHeader(const QByteArray &data, const QByteArray &name)
{
    QByteArray value;
    bool inside = false;
    for (QByteArray line : headerBlock(data).split('\n')) {
        line.chop(1); // the CR
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (inside)
                value += line;
            continue;
        }
        if (inside)
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).compare(name, Qt::CaseInsensitive) == 0) {
            inside = true;
            value = line.mid(colon + 1).trimmed();
        }
    }
    return value;
}

/** Empty when every line ends in CRLF and no CR or LF stands alone; else where it failed. */
QString lineEndingProblem(const QByteArray &data)
{
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data.at(i) == '\r' && (i + 1 == data.size() || data.at(i + 1) != '\n'))
            return QStringLiteral("bare CR at offset %1").arg(i);
        if (data.at(i) == '\n' && (i == 0 || data.at(i - 1) != '\r'))
            return QStringLiteral("bare LF at offset %1").arg(i);
    }
    if (!data.endsWith("\r\n"))
        return QStringLiteral("data does not end with CRLF");
    return {};
}

qsizetype longestLine(const QByteArray &data)
{
    qsizetype longest = 0;
    for (const QByteArray &line : data.split('\n'))
        longest = std::max(longest, line.endsWith('\r') ? line.size() - 1 : line.size());
    return longest;
}

/** The builder ends a non-empty body with a line break, like every mail reader expects. */
QString withFinalLineBreak(QString text)
{
    if (!text.isEmpty() && !text.endsWith(u'\n'))
        text.append(u'\n');
    return text;
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

bool hasByteAbove7F(const QByteArray &data)
{
    return std::any_of(data.cbegin(), data.cend(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

OutgoingMessage basicMessage()
{
    OutgoingMessage m;
    m.from = QStringLiteral("Ana Ruiz <ana@example.com>");
    m.to = { QStringLiteral("bo@example.org") };
    m.subject = QStringLiteral("Pump P-201");
    m.text = QStringLiteral("Hello,\nthe pump is fine.\n");
    return m;
}

BuiltMessage buildOrFail(const OutgoingMessage &message)
{
    const MessageBuilder::Result result = MessageBuilder::build(message);
    if (!result.message) {
        qWarning("build failed: %s", qPrintable(result.error.message()));
        return {};
    }
    return *result.message;
}

/** A PDF-looking file with the bytes that break careless encoders: NUL, 0xFF, lone CR and LF. */
QByteArray fakePdf()
{
    QByteArray pdf("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\r<< /Type /Catalog >>\rendobj\n");
    for (int i = 0; i < 256; ++i)
        pdf.append(char(i));
    pdf.append("\n%%EOF\n");
    return pdf;
}

const QString frenchSubject = QStringLiteral("Pompe P-201 : vibration élevée");

} // namespace

class TestMessageBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subjectRoundTrip_data();
    void subjectRoundTrip();
    void headersAppearOnce();
    void messageIdUnique();
    void extraHeadersAndOwnMessageId();
    void dateHeader_data();
    void dateHeader();
    void lineEndings_data();
    void lineEndings();
    void bodyEncoding_data();
    void bodyEncoding();
    void pdfAttachment();
    void attachmentContentType_data();
    void attachmentContentType();
    void attachmentFileName_data();
    void attachmentFileName();
    void attachmentFromFile_data();
    void attachmentFromFile();
    void refusedInput_data();
    void refusedInput();
    void addressSpec_data();
    void addressSpec();
    void addressesInHeaders();
    void replyHeaders_data();
    void replyHeaders();
    void flags_data();
    void envelopeAddress();
    void flags();
};

void TestMessageBuilder::subjectRoundTrip_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addRow("ascii") << QStringLiteral("Weekly report");
    QTest::addRow("empty") << QString();
    QTest::addRow("french") << frenchSubject;
    QTest::addRow("japanese") << QStringLiteral("ポンプの振動が高い");
    QTest::addRow("emoji") << QStringLiteral("Alarm \U0001F6A8 pump \U0001F527 fixed");
    QTest::addRow("long french") << frenchSubject.repeated(12);
    QTest::addRow("long ascii word") << QString(1500, u'x');
    QTest::addRow("looks encoded") << QStringLiteral("=?utf-8?q?not_really?= text");
    QTest::addRow("looks encoded, long, emoji")
            << QStringLiteral("=?utf-8?b?QQ==?= \U0001F6A8 vibration élevée ").repeated(8);
}

void TestMessageBuilder::subjectRoundTrip()
{
    QFETCH(QString, subject);
    OutgoingMessage message = basicMessage();
    message.subject = subject;
    const BuiltMessage built = buildOrFail(message);
    QVERIFY(!built.data.isEmpty());

    // Only ASCII on the wire: non-ASCII text travels RFC 2047-encoded.
    QVERIFY2(!hasByteAbove7F(headerBlock(built.data)), headerBlock(built.data).constData());
    if (!isAscii(subject))
        QVERIFY(rawHeader(built.data, "Subject").toLower().contains("=?utf-8?"));
    QVERIFY(longestLine(built.data) <= 998);

    const auto parsed = parse(built.data);
    QVERIFY(parsed);
    QCOMPARE(QString::fromUtf8(g_mime_message_get_subject(parsed.get())), subject);
}

void TestMessageBuilder::headersAppearOnce()
{
    OutgoingMessage message = basicMessage();
    message.subject = frenchSubject;
    message.to.append(QStringLiteral("Chloé <chloe@example.net>"));
    message.inReplyTo = QStringLiteral("orig@example.org");
    message.references = { QStringLiteral("first@example.org"), QStringLiteral("<orig@example.org>") };
    const BuiltMessage built = buildOrFail(message);

    const QList<QByteArray> names = headerNames(built.data);
    for (const char *name : { "from", "to", "subject", "date", "message-id", "mime-version",
                              "content-type", "content-transfer-encoding", "in-reply-to",
                              "references" }) {
        QVERIFY2(names.count(name) == 1,
                 qPrintable(QStringLiteral("%1 appears %2 times")
                                    .arg(QLatin1StringView(name))
                                    .arg(names.count(name))));
    }
    for (const char *absent : { "bcc", "cc", "reply-to", "sender" })
        QVERIFY2(!names.contains(absent), absent);
    QCOMPARE(rawHeader(built.data, "MIME-Version"), QByteArray("1.0"));
}

void TestMessageBuilder::messageIdUnique()
{
    const QRegularExpression shape(QStringLiteral("^[0-9a-f]{32}@example\\.com$"));
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const BuiltMessage built = buildOrFail(basicMessage());
        QVERIFY2(shape.match(built.messageId).hasMatch(), qPrintable(built.messageId));
        QVERIFY2(!seen.contains(built.messageId), qPrintable(built.messageId));
        seen.insert(built.messageId);
        if (i == 0) {
            QCOMPARE(rawHeader(built.data, "Message-ID"), '<' + built.messageId.toLatin1() + '>');
            const auto parsed = parse(built.data);
            QCOMPARE(QString::fromUtf8(g_mime_message_get_message_id(parsed.get())), built.messageId);
        }
    }
    QCOMPARE(seen.size(), 1000);

    // An internationalised sender domain still gives an ASCII Message-ID.
    OutgoingMessage idn = basicMessage();
    idn.from = QStringLiteral("ana@exämple.com");
    QVERIFY(buildOrFail(idn).messageId.endsWith(QLatin1StringView("@xn--exmple-cua.com")));
}

void TestMessageBuilder::dateHeader_data()
{
    QTest::addColumn<QDateTime>("date");
    QTest::addColumn<QByteArray>("expectedHeader");
    QTest::addRow("plus one hour")
            << QDateTime(QDate(2024, 3, 5), QTime(10, 0, 7), Qt::OffsetFromUTC, 3600)
            << QByteArray("Tue, 05 Mar 2024 10:00:07 +0100");
    QTest::addRow("utc") << QDateTime(QDate(2023, 12, 31), QTime(23, 59, 59), Qt::UTC)
                         << QByteArray("Sun, 31 Dec 2023 23:59:59 +0000");
    QTest::addRow("minus five thirty")
            << QDateTime(QDate(2024, 7, 1), QTime(8, 30, 0), Qt::OffsetFromUTC, -(5 * 3600 + 1800))
            << QByteArray("Mon, 01 Jul 2024 08:30:00 -0530");
    QTest::addRow("invalid means now") << QDateTime() << QByteArray();
}

void TestMessageBuilder::dateHeader()
{
    QFETCH(QDateTime, date);
    QFETCH(QByteArray, expectedHeader);
    OutgoingMessage message = basicMessage();
    message.date = date;
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const BuiltMessage built = buildOrFail(message);
    const qint64 after = QDateTime::currentSecsSinceEpoch();

    const QByteArray header = rawHeader(built.data, "Date");
    // RFC 5322 section 3.3 date-time, as GMime and most readers write it.
    static const QRegularExpression rfc5322(QStringLiteral(
            "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
            " \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}$"));
    QVERIFY2(rfc5322.match(QString::fromLatin1(header)).hasMatch(), header.constData());
    if (!expectedHeader.isEmpty())
        QCOMPARE(header, expectedHeader);

    const auto parsed = parse(built.data);
    GDateTime *parsedDate = g_mime_message_get_date(parsed.get());
    QVERIFY(parsedDate);
    const qint64 seconds = g_date_time_to_unix(parsedDate);
    if (date.isValid()) {
        QCOMPARE(seconds, date.toSecsSinceEpoch());
    } else {
        QVERIFY(seconds >= before);
        QVERIFY(seconds <= after);
    }
}

void TestMessageBuilder::lineEndings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("withAttachment");
    QTest::addRow("LF") << QStringLiteral("one\ntwo\n\nthree") << false;
    QTest::addRow("CRLF") << QStringLiteral("one\r\ntwo\r\n\r\nthree\r\n") << false;
    QTest::addRow("lone CR") << QStringLiteral("one\rtwo\r") << false;
    QTest::addRow("mixed, quoted-printable")
            << QStringLiteral("vibration élevée \r\ntwo\rthree\n trailing space \n") << false;
    QTest::addRow("mixed, base64") << QStringLiteral("振動\r\n振動\n振動\r") << false;
    QTest::addRow("with attachment") << QStringLiteral("see attached\n") << true;
}

void TestMessageBuilder::lineEndings()
{
    QFETCH(QString, text);
    QFETCH(bool, withAttachment);
    OutgoingMessage message = basicMessage();
    message.text = text;
    message.subject = frenchSubject.repeated(5); // folded across lines
    if (withAttachment)
        message.attachments.append({ QStringLiteral("r.pdf"), QString(), fakePdf() });
    const BuiltMessage built = buildOrFail(message);
    const QString problem = lineEndingProblem(built.data);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(longestLine(built.data) <= 998);

    // The text reads back with every kind of line end turned into one.
    QString expected = text;
    expected.replace(QLatin1StringView("\r\n"), QLatin1StringView("\n"));
    expected.replace(u'\r', u'\n');
    expected = withFinalLineBreak(expected);
    const auto parsed = parse(built.data);
    GMimeObject *body = g_mime_message_get_mime_part(parsed.get());
    if (withAttachment)
        body = g_mime_multipart_get_part(GMIME_MULTIPART(body), 0);
    QCOMPARE(QString::fromUtf8(decodedContent(body)).replace(QLatin1StringView("\r\n"),
                                                            QLatin1StringView("\n")),
             expected);
}

void TestMessageBuilder::bodyEncoding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedEncoding");
    QTest::addRow("ascii") << QStringLiteral("Pump P-201 is fine.\nRegards\n") << QStringLiteral("7bit");
    QTest::addRow("empty") << QString() << QStringLiteral("7bit");
    QTest::addRow("ascii line of 998") << QString(998, u'a') << QStringLiteral("7bit");
    QTest::addRow("ascii line of 999") << QString(999, u'a') << QStringLiteral("quoted-printable");
    QTest::addRow("ascii 5000 one line") << QString(5000, u'a') << QStringLiteral("quoted-printable");
    QTest::addRow("french, mostly ascii")
            << QStringLiteral("Bonjour,\nla pompe P-201 présente une vibration élevée depuis ce matin.\n")
            << QStringLiteral("quoted-printable");
    QTest::addRow("french 5000 one line")
            << QStringLiteral("la pompe a une vibration élevée ").repeated(160)
            << QStringLiteral("quoted-printable");
    QTest::addRow("japanese") << QStringLiteral("ポンプP-201の振動が高いです。\n確認してください。\n")
                              << QStringLiteral("base64");
    QTest::addRow("emoji") << QStringLiteral("\U0001F6A8\U0001F527\U0001F6A8\n") << QStringLiteral("base64");
    QTest::addRow("NUL") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << QStringLiteral("base64");
}

void TestMessageBuilder::bodyEncoding()
{
    QFETCH(QString, text);
    QFETCH(QString, expectedEncoding);
    OutgoingMessage message = basicMessage();
    message.text = text;
    const BuiltMessage built = buildOrFail(message);
    QVERIFY(longestLine(built.data) <= 998);
    QVERIFY(lineEndingProblem(built.data).isEmpty());

    const auto parsed = parse(built.data);
    GMimeObject *body = g_mime_message_get_mime_part(parsed.get());
    QCOMPARE(mimeType(body), QStringLiteral("text/plain"));
    QCOMPARE(QString::fromUtf8(g_mime_object_get_content_type_parameter(body, "charset")),
             QStringLiteral("utf-8"));
    QCOMPARE(contentTransferEncoding(body), expectedEncoding);
    QByteArray decoded = decodedContent(body);
    if (expectedEncoding == QLatin1StringView("base64")) {
        // Base64 text is in canonical form: CRLF inside the encoding too.
        const QString problem = lineEndingProblem(decoded + "\r\n");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    decoded.replace("\r\n", "\n");
    QCOMPARE(QString::fromUtf8(decoded), withFinalLineBreak(text));
}

void TestMessageBuilder::pdfAttachment()
{
    OutgoingMessage message = basicMessage();
    message.attachments.append({ QStringLiteral("report.pdf"), QString(), fakePdf() });
    message.attachments.append({ QStringLiteral("data.csv"), QStringLiteral("text/csv"),
                                 QByteArray("a,b\n1,2\n") });
    const BuiltMessage built = buildOrFail(message);
    QVERIFY(!hasByteAbove7F(built.data));

    const auto parsed = parse(built.data);
    GMimeObject *top = g_mime_message_get_mime_part(parsed.get());
    QCOMPARE(mimeType(top), QStringLiteral("multipart/mixed"));
    QVERIFY(GMIME_IS_MULTIPART(top));
    GMimeMultipart *mixed = GMIME_MULTIPART(top);
    QCOMPARE(g_mime_multipart_get_count(mixed), 3);

    GMimeObject *text = g_mime_multipart_get_part(mixed, 0);
    QCOMPARE(mimeType(text), QStringLiteral("text/plain"));
    QVERIFY(!g_mime_part_is_attachment(GMIME_PART(text)));
    QCOMPARE(decodedContent(text).replace("\r\n", "\n"), message.text.toUtf8());

    GMimeObject *pdf = g_mime_multipart_get_part(mixed, 1);
    QCOMPARE(mimeType(pdf), QStringLiteral("application/pdf"));
    QCOMPARE(QString::fromUtf8(g_mime_object_get_disposition(pdf)), QStringLiteral("attachment"));
    QCOMPARE(QString::fromUtf8(g_mime_part_get_filename(GMIME_PART(pdf))), QStringLiteral("report.pdf"));
    QCOMPARE(contentTransferEncoding(pdf), QStringLiteral("base64"));
    QCOMPARE(decodedContent(pdf), fakePdf());

    GMimeObject *csv = g_mime_multipart_get_part(mixed, 2);
    QCOMPARE(mimeType(csv), QStringLiteral("text/csv"));
    QCOMPARE(contentTransferEncoding(csv), QStringLiteral("base64"));
    QCOMPARE(decodedContent(csv), QByteArray("a,b\n1,2\n")); // attachments are not re-lined
}

void TestMessageBuilder::attachmentContentType_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("givenType");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expectedType");
    const QByteArray binary("\x00\x01\x02\xff\xfe", 5);
    QTest::addRow("pdf") << QStringLiteral("a.pdf") << QString() << binary << QStringLiteral("application/pdf");
    QTest::addRow("PDF upper case") << QStringLiteral("A.PDF") << QString() << binary
                                    << QStringLiteral("application/pdf");
    QTest::addRow("txt") << QStringLiteral("notes.txt") << QString() << QByteArray("hi")
                         << QStringLiteral("text/plain");
    QTest::addRow("png") << QStringLiteral("photo.png") << QString() << binary << QStringLiteral("image/png");
    QTest::addRow("jpg") << QStringLiteral("photo.jpg") << QString() << binary << QStringLiteral("image/jpeg");
    QTest::addRow("jpeg") << QStringLiteral("photo.jpeg") << QString() << binary << QStringLiteral("image/jpeg");
    QTest::addRow("csv") << QStringLiteral("t.csv") << QString() << QByteArray("a,b") << QStringLiteral("text/csv");
    QTest::addRow("zip") << QStringLiteral("t.zip") << QString() << binary << QStringLiteral("application/zip");
    QTest::addRow("json") << QStringLiteral("t.json") << QString() << QByteArray("{}")
                          << QStringLiteral("application/json");
    QTest::addRow("unknown binary") << QStringLiteral("blob") << QString() << binary
                                    << QStringLiteral("application/octet-stream");
    QTest::addRow("unknown empty") << QStringLiteral("blob") << QString() << QByteArray()
                                   << QStringLiteral("application/octet-stream");
    QTest::addRow("eml guessed as opaque bytes") << QStringLiteral("forwarded.eml") << QString()
                                                 << QByteArray("From: a@b\r\n\r\nhi\r\n")
                                                 << QStringLiteral("application/octet-stream");
    QTest::addRow("given wins") << QStringLiteral("a.pdf") << QStringLiteral("text/x-log") << binary
                                << QStringLiteral("text/x-log");
}

void TestMessageBuilder::attachmentContentType()
{
    QFETCH(QString, fileName);
    QFETCH(QString, givenType);
    QFETCH(QByteArray, data);
    QFETCH(QString, expectedType);
    OutgoingMessage message = basicMessage();
    message.attachments.append({ fileName, givenType, data });
    const BuiltMessage built = buildOrFail(message);
    const auto parsed = parse(built.data);
    GMimeObject *part = g_mime_multipart_get_part(
            GMIME_MULTIPART(g_mime_message_get_mime_part(parsed.get())), 1);
    QCOMPARE(mimeType(part), expectedType);
    QCOMPARE(decodedContent(part), data);
}

void TestMessageBuilder::attachmentFileName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addRow("ascii with spaces") << QStringLiteral("Pump report (final).pdf");
    QTest::addRow("french") << QStringLiteral("Relevé pompe P-201 — février.pdf");
    QTest::addRow("japanese") << QStringLiteral("点検報告書.pdf");
    QTest::addRow("long non-ascii") << QStringLiteral("élevée-").repeated(40) + QStringLiteral(".pdf");
}

void TestMessageBuilder::attachmentFileName()
{
    QFETCH(QString, fileName);
    OutgoingMessage message = basicMessage();
    message.attachments.append({ fileName, QString(), fakePdf() });
    const BuiltMessage built = buildOrFail(message);
    QVERIFY(!hasByteAbove7F(built.data));
    QVERIFY(longestLine(built.data) <= 998);
    if (!isAscii(fileName)) // RFC 2231 parameter encoding, in UTF-8
        QVERIFY(built.data.toLower().contains("filename*0*=utf-8''")
                || built.data.toLower().contains("filename*=utf-8''"));

    const auto parsed = parse(built.data);
    GMimeObject *part = g_mime_multipart_get_part(
            GMIME_MULTIPART(g_mime_message_get_mime_part(parsed.get())), 1);
    QCOMPARE(QString::fromUtf8(g_mime_part_get_filename(GMIME_PART(part))), fileName);
    QCOMPARE(QString::fromUtf8(g_mime_object_get_content_type_parameter(part, "name")), fileName);
    QCOMPARE(mimeType(part), QStringLiteral("application/pdf"));
}

void TestMessageBuilder::attachmentFromFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedError"); // empty: success
    QTest::addRow("small file") << QStringLiteral("file") << QString();
    QTest::addRow("empty file") << QStringLiteral("empty") << QString();
    QTest::addRow("exactly 25 MiB") << QStringLiteral("limit") << QString();
    QTest::addRow("missing") << QStringLiteral("missing") << QStringLiteral("no such file");
    QTest::addRow("directory") << QStringLiteral("directory") << QStringLiteral("is a directory");
    QTest::addRow("over 25 MiB") << QStringLiteral("huge")
                                 << QStringLiteral("it is 26214401 bytes; the limit is 25 MiB");
    QTest::addRow("device") << QStringLiteral("device") << QStringLiteral("not a regular file");
}

void TestMessageBuilder::attachmentFromFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedError);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = kind == QLatin1StringView("device")
            ? QStringLiteral("/dev/zero") // endless: reading it would not stop at the limit by itself
            : dir.filePath(QStringLiteral("Relevé %1.pdf").arg(kind));
    QByteArray content;
    if (kind == QLatin1StringView("file")) {
        content = fakePdf();
    } else if (kind == QLatin1StringView("directory")) {
        QVERIFY(QDir().mkpath(path));
    }
    if (kind == QLatin1StringView("file") || kind == QLatin1StringView("empty")
        || kind == QLatin1StringView("limit") || kind == QLatin1StringView("huge")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
        if (kind == QLatin1StringView("limit"))
            QVERIFY(file.resize(25 * 1024 * 1024)); // sparse: cheap on disk
        else if (kind == QLatin1StringView("huge"))
            QVERIFY(file.resize(25 * 1024 * 1024 + 1));
    }

    ConnectorError error;
    const std::optional<Attachment> attachment = Attachment::fromFile(path, &error);
    if (expectedError.isEmpty()) {
        QVERIFY2(attachment, qPrintable(error.message()));
        QVERIFY(!error.isError());
        QCOMPARE(attachment->fileName, QFileInfo(path).fileName());
        QVERIFY(attachment->contentType.isEmpty()); // left to the builder's guess
        if (kind == QLatin1StringView("limit"))
            QCOMPARE(attachment->data.size(), 25 * 1024 * 1024);
        else
            QCOMPARE(attachment->data, content);
    } else {
        QVERIFY(!attachment);
        QCOMPARE(error.kind(), ConnectorError::Kind::Config);
        QVERIFY2(error.message().contains(path), qPrintable(error.message()));
        QVERIFY2(error.message().contains(expectedError), qPrintable(error.message()));
    }
}

void TestMessageBuilder::refusedInput_data()
{
    // Which field of basicMessage() to set (to2 adds a second recipient,
    // attachmentName/Type an attachment), the value, and the error expected.
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expectedError"); // empty: the message is built

    const QString refusing = QStringLiteral("; refusing to build the message");
    QTest::addRow("CRLF in subject") << QStringLiteral("subject") << QStringLiteral("Hi\r\nBcc: x@y")
                                     << QStringLiteral("subject contains a line break") + refusing;
    QTest::addRow("LF in subject") << QStringLiteral("subject") << QStringLiteral("Hi\nthere")
                                   << QStringLiteral("subject contains a line break") + refusing;
    QTest::addRow("CR in subject") << QStringLiteral("subject") << QStringLiteral("Hi\rthere")
                                   << QStringLiteral("subject contains a line break") + refusing;
    QTest::addRow("NUL in subject") << QStringLiteral("subject") << QStringLiteral("Hi") + QChar(0)
                                    << QStringLiteral("subject contains a NUL character") + refusing;
    QTest::addRow("ESC in subject") << QStringLiteral("subject") << QStringLiteral("Hi\x1b[2J")
                                    << QStringLiteral("subject contains a control character") + refusing;
    QTest::addRow("tab in subject") << QStringLiteral("subject") << QStringLiteral("Hi\tthere") << QString();
    QTest::addRow("Bcc injection in to") << QStringLiteral("to") << QStringLiteral("\r\nBcc: x@y")
                                         << QStringLiteral("to contains a line break") + refusing;
    QTest::addRow("Bcc injection after address in to")
            << QStringLiteral("to") << QStringLiteral("bo@example.org\r\nBcc: x@y")
            << QStringLiteral("to contains a line break") + refusing;
    QTest::addRow("LF in second to") << QStringLiteral("to2") << QStringLiteral("Cy\n <cy@example.org>")
                                     << QStringLiteral("to (recipient 2) contains a line break") + refusing;
    QTest::addRow("LF in from display name") << QStringLiteral("from")
                                             << QStringLiteral("Ana\nBcc: x@y <ana@example.com>")
                                             << QStringLiteral("from contains a line break") + refusing;
    QTest::addRow("NUL in from") << QStringLiteral("from") << QStringLiteral("ana@exa") + QChar(0)
                    + QStringLiteral("mple.com")
                                 << QStringLiteral("from contains a NUL character") + refusing;
    QTest::addRow("encoded CRLF in display name")
            << QStringLiteral("from") << QStringLiteral("=?utf-8?q?Ana=0D=0AX-Evil=3A_1?= <ana@example.com>")
            << QStringLiteral("from display name contains a line break") + refusing;
    QTest::addRow("CRLF in in-reply-to") << QStringLiteral("inReplyTo") << QStringLiteral("<a@b>\r\nBcc: x@y")
                                         << QStringLiteral("in-reply-to contains a line break") + refusing;
    QTest::addRow("LF in references") << QStringLiteral("references") << QStringLiteral("<a@b>\n<c@d>")
                                      << QStringLiteral("references contains a line break") + refusing;
    QTest::addRow("CRLF in attachment name")
            << QStringLiteral("attachmentName") << QStringLiteral("a.pdf\r\nContent-Type: text/html")
            << QStringLiteral("attachment 1 file name contains a line break") + refusing;
    QTest::addRow("NUL in attachment name") << QStringLiteral("attachmentName") << QStringLiteral("a") + QChar(0)
                                            << QStringLiteral("attachment 1 file name contains a NUL character");
    QTest::addRow("CRLF in attachment type")
            << QStringLiteral("attachmentType") << QStringLiteral("text/plain\r\nX: y")
            << QStringLiteral("attachment 1 content type contains a line break") + refusing;

    QTest::addRow("empty from") << QStringLiteral("from") << QStringLiteral("  ") << QStringLiteral("from is empty");
    QTest::addRow("no recipients") << QStringLiteral("toList") << QString() << QStringLiteral("to is empty");
    QTest::addRow("empty recipient") << QStringLiteral("to") << QString() << QStringLiteral("to is empty");
    QTest::addRow("to without @") << QStringLiteral("to") << QStringLiteral("bo")
                                  << QStringLiteral("to \"bo\" is not an address");
    QTest::addRow("two addresses in one to") << QStringLiteral("to") << QStringLiteral("a@b.c, d@e.f")
                                             << QStringLiteral("to \"a@b.c, d@e.f\" is not exactly one address");
    QTest::addRow("trailing junk") << QStringLiteral("to") << QStringLiteral("Bo <bo@example.org> junk")
                                   << QStringLiteral("is not exactly one address");
    QTest::addRow("double @") << QStringLiteral("to") << QStringLiteral("bo@example.org@evil.test")
                              << QStringLiteral("is not a single well-formed address");
    QTest::addRow("unclosed <") << QStringLiteral("from") << QStringLiteral("Ana <ana@example.com")
                                << QStringLiteral("from \"Ana <ana@example.com\"");
    QTest::addRow("group") << QStringLiteral("to") << QStringLiteral("team: a@b.c;")
                           << QStringLiteral("is a group");
    QTest::addRow("in-reply-to with space") << QStringLiteral("inReplyTo") << QStringLiteral("a b@c")
                                            << QStringLiteral("in-reply-to \"a b@c\" is not a message id");
    QTest::addRow("empty <> reference") << QStringLiteral("references") << QStringLiteral("<>")
                                        << QStringLiteral("references \"<>\" is not a message id");
    QTest::addRow("bad attachment type") << QStringLiteral("attachmentType") << QStringLiteral("pdf")
                                         << QStringLiteral("attachment 1 content type \"pdf\" is not of the form type/subtype");
    QTest::addRow("composite attachment type") << QStringLiteral("attachmentType")
                                               << QStringLiteral("message/rfc822")
                                               << QStringLiteral("attachment 1 content type \"message/rfc822\" is a composite type");
    QTest::addRow("empty attachment name") << QStringLiteral("attachmentName") << QString()
                                           << QStringLiteral("attachment 1 file name is empty");
    QTest::addRow("attachment type with parameter") << QStringLiteral("attachmentType")
                                                    << QStringLiteral("text/plain; charset=utf-8") << QString();
}

void TestMessageBuilder::refusedInput()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expectedError);

    OutgoingMessage message = basicMessage();
    if (field == QLatin1StringView("from"))
        message.from = value;
    else if (field == QLatin1StringView("to"))
        message.to = { value };
    else if (field == QLatin1StringView("to2"))
        message.to.append(value);
    else if (field == QLatin1StringView("toList"))
        message.to.clear();
    else if (field == QLatin1StringView("subject"))
        message.subject = value;
    else if (field == QLatin1StringView("inReplyTo"))
        message.inReplyTo = value;
    else if (field == QLatin1StringView("references"))
        message.references = { QStringLiteral("ok@example.org"), value };
    else if (field == QLatin1StringView("attachmentName"))
        message.attachments.append({ value, QString(), fakePdf() });
    else if (field == QLatin1StringView("attachmentType"))
        message.attachments.append({ QStringLiteral("a.pdf"), value, fakePdf() });
    else
        QFAIL("unknown field in test data");

    const MessageBuilder::Result result = MessageBuilder::build(message);
    if (expectedError.isEmpty()) {
        QVERIFY2(result.message, qPrintable(result.error.message()));
        QVERIFY(!result.error.isError());
        return;
    }
    QVERIFY(!result.message);
    QCOMPARE(result.error.kind(), ConnectorError::Kind::Config);
    QVERIFY2(result.error.message().contains(expectedError), qPrintable(result.error.message()));
}

void TestMessageBuilder::addressSpec_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expectedSpec");
    QTest::addColumn<QString>("expectedError"); // empty: no error
    QTest::addRow("bare") << QStringLiteral("ana@example.com") << QStringLiteral("ana@example.com") << QString();
    QTest::addRow("spaces around") << QStringLiteral("  ana@example.com ") << QStringLiteral("ana@example.com")
                                   << QString();
    QTest::addRow("angle brackets only") << QStringLiteral("<ana@example.com>")
                                         << QStringLiteral("ana@example.com") << QString();
    QTest::addRow("display name") << QStringLiteral("Ana Ruiz <ana@example.com>")
                                  << QStringLiteral("ana@example.com") << QString();
    QTest::addRow("quoted name with comma") << QStringLiteral("\"Ruiz, Ana\" <ana@example.com>")
                                            << QStringLiteral("ana@example.com") << QString();
    QTest::addRow("non-ascii name") << QStringLiteral("José Müller <jose@example.com>")
                                    << QStringLiteral("jose@example.com") << QString();
    QTest::addRow("non-ascii address") << QStringLiteral("josé@exämple.com")
                                       << QStringLiteral("josé@exämple.com") << QString();
    QTest::addRow("plus and dots") << QStringLiteral("a.b+tag@sub.example.com")
                                   << QStringLiteral("a.b+tag@sub.example.com") << QString();
    QTest::addRow("empty") << QString() << QString() << QStringLiteral("address is empty");
    QTest::addRow("no @") << QStringLiteral("Ana") << QString() << QStringLiteral("is not an address");
    QTest::addRow("two") << QStringLiteral("a@b.c, d@e.f") << QString()
                         << QStringLiteral("is not exactly one address");
    QTest::addRow("CRLF") << QStringLiteral("a@b.c\r\n") << QString()
                          << QStringLiteral("address contains a line break");
    QTest::addRow("comment") << QStringLiteral("a@b.c (Ana)") << QString()
                             << QStringLiteral("is not a single well-formed address");
}

void TestMessageBuilder::addressSpec()
{
    QFETCH(QString, address);
    QFETCH(QString, expectedSpec);
    QFETCH(QString, expectedError);
    ConnectorError error;
    QCOMPARE(MessageBuilder::addressSpec(address, &error), expectedSpec);
    if (expectedError.isEmpty()) {
        QVERIFY2(!error.isError(), qPrintable(error.message()));
    } else {
        QCOMPARE(error.kind(), ConnectorError::Kind::Config);
        QVERIFY2(error.message().contains(expectedError), qPrintable(error.message()));
    }
    // The error pointer is optional.
    QCOMPARE(MessageBuilder::addressSpec(address), expectedSpec);
}

void TestMessageBuilder::addressesInHeaders()
{
    OutgoingMessage message = basicMessage();
    message.from = QStringLiteral("Chloé Dupré <chloe@example.com>");
    message.to = { QStringLiteral("\"Ruiz, Ana\" <ana@example.org>"), QStringLiteral("bo@example.net"),
                   QStringLiteral("山田 太郎 <taro@example.jp>") };
    const BuiltMessage built = buildOrFail(message);
    QCOMPARE(built.envelopeFrom, QStringLiteral("chloe@example.com"));
    QCOMPARE(built.envelopeTo, QStringList({ QStringLiteral("ana@example.org"),
                                             QStringLiteral("bo@example.net"),
                                             QStringLiteral("taro@example.jp") }));
    QVERIFY(!hasByteAbove7F(headerBlock(built.data)));
    QVERIFY(rawHeader(built.data, "From").toLower().contains("=?utf-8?"));

    const auto parsed = parse(built.data);
    InternetAddressList *from = g_mime_message_get_from(parsed.get());
    QCOMPARE(internet_address_list_length(from), 1);
    InternetAddress *sender = internet_address_list_get_address(from, 0);
    QCOMPARE(QString::fromUtf8(internet_address_get_name(sender)), QStringLiteral("Chloé Dupré"));

    InternetAddressList *to = g_mime_message_get_to(parsed.get());
    QCOMPARE(internet_address_list_length(to), 3);
    const QStringList names = { QStringLiteral("Ruiz, Ana"), QString(), QStringLiteral("山田 太郎") };
    for (int i = 0; i < 3; ++i) {
        InternetAddress *address = internet_address_list_get_address(to, i);
        QVERIFY(INTERNET_ADDRESS_IS_MAILBOX(address));
        QCOMPARE(QString::fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address))),
                 built.envelopeTo.at(i));
        QCOMPARE(QString::fromUtf8(internet_address_get_name(address)), names.at(i));
    }
}

void TestMessageBuilder::replyHeaders_data()
{
    QTest::addColumn<QString>("inReplyTo");
    QTest::addColumn<QStringList>("references");
    QTest::addColumn<QByteArray>("expectedInReplyTo"); // empty: header absent
    QTest::addColumn<QStringList>("expectedReferences"); // ids without <>
    QTest::addRow("none") << QString() << QStringList() << QByteArray() << QStringList();
    QTest::addRow("bare id") << QStringLiteral("abc@example.org") << QStringList()
                             << QByteArray("<abc@example.org>") << QStringList();
    QTest::addRow("bracketed id") << QStringLiteral(" <abc@example.org> ")
                                  << QStringList({ QStringLiteral("<abc@example.org>") })
                                  << QByteArray("<abc@example.org>")
                                  << QStringList({ QStringLiteral("abc@example.org") });
    QTest::addRow("mixed references")
            << QStringLiteral("c@x.org")
            << QStringList({ QStringLiteral("a@x.org"), QStringLiteral("<b@x.org>"), QString(),
                             QStringLiteral("c@x.org") })
            << QByteArray("<c@x.org>")
            << QStringList({ QStringLiteral("a@x.org"), QStringLiteral("b@x.org"), QStringLiteral("c@x.org") });
    QStringList many;
    for (int i = 0; i < 60; ++i)
        many.append(QStringLiteral("%1.0123456789abcdef0123456789@mail.example.org").arg(i));
    QTest::addRow("sixty references, folded") << QString() << many << QByteArray() << many;
}

void TestMessageBuilder::replyHeaders()
{
    QFETCH(QString, inReplyTo);
    QFETCH(QStringList, references);
    QFETCH(QByteArray, expectedInReplyTo);
    QFETCH(QStringList, expectedReferences);
    OutgoingMessage message = basicMessage();
    message.inReplyTo = inReplyTo;
    message.references = references;
    const BuiltMessage built = buildOrFail(message);
    QVERIFY(longestLine(built.data) <= 998);

    const QList<QByteArray> names = headerNames(built.data);
    QCOMPARE(names.count("in-reply-to"), expectedInReplyTo.isEmpty() ? 0 : 1);
    QCOMPARE(names.count("references"), expectedReferences.isEmpty() ? 0 : 1);
    QCOMPARE(rawHeader(built.data, "In-Reply-To"), expectedInReplyTo);

    // Every id in angle brackets, in order, separated by white space.
    QByteArray expectedRaw;
    for (const QString &id : std::as_const(expectedReferences))
        expectedRaw += '<' + id.toLatin1() + '>';
    QByteArray raw = rawHeader(built.data, "References");
    raw.replace(' ', "").replace('\t', "");
    QCOMPARE(raw, expectedRaw);

    const auto parsed = parse(built.data);
    const char *value = g_mime_object_get_header(GMIME_OBJECT(parsed.get()), "References");
    QStringList parsedIds;
    if (value) {
        GMimeReferences *refs = g_mime_references_parse(nullptr, value);
        for (int i = 0; i < g_mime_references_length(refs); ++i)
            parsedIds.append(QString::fromUtf8(g_mime_references_get_message_id(refs, i)));
        g_mime_references_free(refs);
    }
    QCOMPARE(parsedIds, expectedReferences);
}

void TestMessageBuilder::flags_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("needsSmtpUtf8");
    QTest::addColumn<bool>("has8BitData");
    const QString ana = QStringLiteral("ana@example.com");
    const QString bo = QStringLiteral("bo@example.org");
    QTest::addRow("all ascii") << ana << bo << QStringLiteral("Hi") << QStringLiteral("Hello") << false << false;
    QTest::addRow("non-ascii subject and body are encoded")
            << ana << bo << frenchSubject << QStringLiteral("振動 élevée") << false << false;
    QTest::addRow("non-ascii display name is encoded")
            << QStringLiteral("Chloé <chloe@example.com>") << QStringLiteral("山田 <taro@example.jp>")
            << QStringLiteral("Hi") << QStringLiteral("Hello") << false << false;
    QTest::addRow("non-ascii local part in to")
            << ana << QStringLiteral("josé@example.org") << QStringLiteral("Hi") << QStringLiteral("Hello")
            << true << true;
    QTest::addRow("non-ascii local part in from")
            << QStringLiteral("Chloé <chloé@example.com>") << bo << QStringLiteral("Hi")
            << QStringLiteral("Hello") << true << true;
    // An internationalised domain goes out as its A-label, in the header (GMime) and
    // in the envelope (ours), so no SMTPUTF8 is needed.
    QTest::addRow("non-ascii domain only") << ana << QStringLiteral("bo@exämple.org") << QStringLiteral("Hi")
                                           << QStringLiteral("Hello") << false << false;
}

void TestMessageBuilder::envelopeAddress()
{
    QCOMPARE(MessageBuilder::envelopeAddress(QStringLiteral("bo@exämple.org")), QStringLiteral("bo@xn--exmple-cua.org"));
    QCOMPARE(MessageBuilder::envelopeAddress(QStringLiteral("josé@example.org")), QStringLiteral("josé@example.org"));
    QCOMPARE(MessageBuilder::envelopeAddress(QStringLiteral("a@b.test")), QStringLiteral("a@b.test"));
}

void TestMessageBuilder::flags()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, subject);
    QFETCH(QString, text);
    QFETCH(bool, needsSmtpUtf8);
    QFETCH(bool, has8BitData);
    OutgoingMessage message = basicMessage();
    message.from = from;
    message.to = { to };
    message.subject = subject;
    message.text = text;
    const BuiltMessage built = buildOrFail(message);
    QVERIFY(!built.data.isEmpty());
    QCOMPARE(built.needsSmtpUtf8, needsSmtpUtf8);
    QCOMPARE(built.has8BitData, has8BitData);
    QCOMPARE(built.has8BitData, hasByteAbove7F(built.data));
    QCOMPARE(built.envelopeFrom, MessageBuilder::envelopeAddress(MessageBuilder::addressSpec(from)));
    QCOMPARE(built.envelopeTo, QStringList({ MessageBuilder::envelopeAddress(MessageBuilder::addressSpec(to)) }));
    QVERIFY(lineEndingProblem(built.data).isEmpty());

    const auto parsed = parse(built.data);
    QCOMPARE(QString::fromUtf8(g_mime_message_get_subject(parsed.get())), subject);
}

void TestMessageBuilder::extraHeadersAndOwnMessageId()
{
    OutgoingMessage message = basicMessage();
    message.extraHeaders = {{QByteArrayLiteral("X-Machina-Work-Order"), QStringLiteral("WO-2026-0007")}};
    message.messageId = QStringLiteral("<wo-2026-0007.abc@plant.test>");
    const MessageBuilder::Result built = MessageBuilder::build(message);
    QVERIFY2(built.message, qPrintable(built.error.message()));
    QCOMPARE(built.message->messageId, QStringLiteral("wo-2026-0007.abc@plant.test"));
    QVERIFY(built.message->data.contains("\r\nX-Machina-Work-Order: WO-2026-0007\r\n"));
    QVERIFY(built.message->data.contains("\r\nMessage-Id: <wo-2026-0007.abc@plant.test>\r\n")
            || built.message->data.contains("\r\nMessage-ID: <wo-2026-0007.abc@plant.test>\r\n"));

    const auto refused = [](const QByteArray &name, const QString &value) {
        OutgoingMessage m = basicMessage();
        m.extraHeaders = {{name, value}};
        return MessageBuilder::build(m).error;
    };
    QVERIFY(refused("Subject", QStringLiteral("x")).message().contains(QStringLiteral("not an X- name")));
    QVERIFY(refused("X-Bad Name", QStringLiteral("x")).message().contains(QStringLiteral("not an X- name")));
    QVERIFY(refused("X-Ok", QStringLiteral("a\r\nBcc: victim@x")).message().contains(QStringLiteral("line break")));
    QVERIFY(refused("X-Ok", QStringLiteral("caf\u00e9")).message().contains(QStringLiteral("not ASCII")));
    OutgoingMessage badId = basicMessage();
    badId.messageId = QStringLiteral("<>");
    QVERIFY(MessageBuilder::build(badId).error);
}

QTEST_GUILESS_MAIN(TestMessageBuilder)

#include "tst_messagebuilder.moc"
