#include "mime/messagebuilder.h"
#include "mime/messageparser.h"

#include <QElapsedTimer>
#include <QTest>

using namespace machina;

namespace {

/** The message with CRLF line ends, as it arrives over SMTP or IMAP. */
QByteArray crlf(QByteArray lf)
{
    lf.replace("\n", "\r\n");
    return lf;
}

/** A message header block with @p subject as its raw Subject value. */
QByteArray withSubject(const QByteArray &subject)
{
    return "From: a@example.org\nDate: Mon, 6 May 2024 10:00:00 +0000\nSubject: " + subject
            + "\n\nbody\n";
}

/** True when some problem contains @p needle; prints the problems when not. */
bool hasProblem(const ParsedMessage &message, const QString &needle)
{
    for (const QString &problem : message.problems) {
        if (problem.contains(needle))
            return true;
    }
    qWarning() << "no problem contains" << needle << "in" << message.problems;
    return false;
}

QStringList displayStrings(const QList<MailAddress> &addresses)
{
    QStringList result;
    for (const MailAddress &address : addresses)
        result.append(address.toDisplayString());
    return result;
}

/** Bytes that are not text: every byte value, NUL and 0x80-0xFF included. */
QByteArray pdfBytes()
{
    QByteArray pdf("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    for (int i = 0; i < 256; ++i)
        pdf.append(char(i));
    pdf.append("\n%%EOF\n");
    return pdf;
}

/** Base64 in lines of 76 characters (RFC 2045 section 6.8). */
QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + '\n';
    return out;
}

const QByteArray ShiftJisBytes = QByteArray::fromHex("93fa967b8cea82cc836583588367"); // 日本語のテスト
const QByteArray Koi8rBytes = QByteArray::fromHex("f0d2c9d7c5d4");                  // Привет
const QByteArray Gb18030Bytes = QByteArray::fromHex("d6d0cec4d3cabcfe");            // 中文邮件

/** multipart/mixed > (alternative > plain, related > (html, cid image)), PDF. */
QByteArray nestedMessage()
{
    return "From: \"Plant Office\" <office@example.org>\n"
           "To: supervisor@example.org\n"
           "Subject: Pump report\n"
           "Date: Tue, 7 May 2024 08:30:00 +0200\n"
           "Message-ID: <nested-1@example.org>\n"
           "MIME-Version: 1.0\n"
           "Content-Type: multipart/mixed; boundary=\"outer\"\n"
           "\n"
           "This is a multi-part message in MIME format.\n"
           "--outer\n"
           "Content-Type: multipart/alternative; boundary=\"alt\"\n"
           "\n"
           "--alt\n"
           "Content-Type: text/plain; charset=utf-8\n"
           "Content-Transfer-Encoding: 8bit\n"
           "\n"
           "Pump 3 vibration is high.\n"
           "See the report.\n"
           "\n"
           "--alt\n"
           "Content-Type: multipart/related; boundary=\"rel\"\n"
           "\n"
           "--rel\n"
           "Content-Type: text/html; charset=utf-8\n"
           "\n"
           "<p>Pump 3 vibration is <b>high</b>.</p><img src=\"cid:chart@example.org\">\n"
           "--rel\n"
           "Content-Type: image/png\n"
           "Content-ID: <chart@example.org>\n"
           "Content-Transfer-Encoding: base64\n"
           "\n"
           "iVBORw0KGgo=\n"
           "--rel--\n"
           "\n"
           "--alt--\n"
           "\n"
           "--outer\n"
           "Content-Type: application/pdf; name=\"report.pdf\"\n"
           "Content-Disposition: attachment; filename=\"report.pdf\"\n"
           "Content-Transfer-Encoding: base64\n"
           "\n"
           + base64Lines(pdfBytes())
           + "--outer--\n";
}

} // namespace

class TestMessageParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainAscii_data();
    void plainAscii();
    void bodies_data();
    void bodies();
    void htmlToText_data();
    void htmlToText();
    void subjects_data();
    void subjects();
    void addresses_data();
    void addresses();
    void displayString_data();
    void displayString();
    void nestedMixedWithPdf_data();
    void nestedMixedWithPdf();
    void attachmentNames_data();
    void attachmentNames();
    void attachedMessage();
    void threadingHeaders();
    void broken_data();
    void broken();
    void truncatedAnywhere();
    void deepNesting();
    void linearTime_data();
    void linearTime();
    void builderRoundTrip_data();
    void builderRoundTrip();
};

void TestMessageParser::plainAscii_data()
{
    QTest::addColumn<QByteArray>("raw");
    const QByteArray lf = "Return-Path: <jane@example.org>\n"
                          "From: Jane Doe <jane@example.org>\n"
                          "To: Bob <bob@example.org>, carol@example.org\n"
                          "Cc: \"Dan D.\" <dan@example.org>\n"
                          "Subject: Weekly maintenance window\n"
                          "Date: Fri, 3 May 2024 17:45:12 -0400\n"
                          "Message-ID: <abc.123@mail.example.org>\n"
                          "\n"
                          "Hello Bob,\n"
                          "\n"
                          "the window is Saturday 06:00-08:00.\n"
                          "-- \n"
                          "Jane\n";
    QTest::addRow("LF") << lf;
    QTest::addRow("CRLF") << crlf(lf);
}

void TestMessageParser::plainAscii()
{
    QFETCH(QByteArray, raw);
    const ParsedMessage m = MessageParser::parse(raw);
    QCOMPARE(m.subject, QStringLiteral("Weekly maintenance window"));
    QCOMPARE(m.from.name, QStringLiteral("Jane Doe"));
    QCOMPARE(m.from.address, QStringLiteral("jane@example.org"));
    QCOMPARE(displayStrings(m.to),
             QStringList({ QStringLiteral("Bob <bob@example.org>"), QStringLiteral("carol@example.org") }));
    QCOMPARE(displayStrings(m.cc), QStringList({ QStringLiteral("Dan D. <dan@example.org>") }));
    QVERIFY(m.replyTo.isEmpty());
    QVERIFY(m.date.isValid());
    QCOMPARE(m.date.toSecsSinceEpoch(), QDateTime(QDate(2024, 5, 3), QTime(21, 45, 12), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(m.date.offsetFromUtc(), -4 * 3600);
    QCOMPARE(m.messageId, QStringLiteral("abc.123@mail.example.org"));
    QCOMPARE(m.text, QStringLiteral("Hello Bob,\n\nthe window is Saturday 06:00-08:00.\n-- \nJane\n"));
    QVERIFY(m.html.isEmpty());
    QVERIFY(m.attachments.isEmpty());
    QCOMPARE(m.problems, QStringList());
}

void TestMessageParser::bodies_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("attachmentNames");

    const QByteArray head = "From: a@example.org\nDate: Mon, 6 May 2024 10:00:00 +0000\nMIME-Version: 1.0\n";
    struct Row
    {
        const char *name;
        QByteArray raw;
        QString text;
        QString html;
        QStringList attachments;
    };
    const QList<Row> rows = {
        { "alternative",
          head + "Content-Type: multipart/alternative; boundary=b\n\n"
                 "--b\nContent-Type: text/plain; charset=us-ascii\n\nHello plain\n\n"
                 "--b\nContent-Type: text/html; charset=us-ascii\n\n<p>Hello <i>html</i></p>\n"
                 "--b--\n",
          QStringLiteral("Hello plain\n"), QStringLiteral("<p>Hello <i>html</i></p>"), {} },
        { "alternative, html first",
          head + "Content-Type: multipart/alternative; boundary=b\n\n"
                 "--b\nContent-Type: text/html\n\n<p>Rich</p>\n"
                 "--b\nContent-Type: text/plain\n\nPlain\n"
                 "--b--\n",
          QStringLiteral("Plain"), QStringLiteral("<p>Rich</p>"), {} },
        { "html only",
          head + "Content-Type: text/html; charset=utf-8\n\n"
                 "<html><head><title>Ignored</title><style>p { color: red }</style></head>"
                 "<body><p>Hello&nbsp;&amp; welcome</p><p>Line<br>two</p>"
                 "<ul><li>one</li><li>two</li></ul><script>alert('x')</script></body></html>\n",
          QStringLiteral("Hello & welcome\n\nLine\ntwo\n\n- one\n- two"),
          QStringLiteral("<html><head><title>Ignored</title><style>p { color: red }</style></head>"
                         "<body><p>Hello&nbsp;&amp; welcome</p><p>Line<br>two</p>"
                         "<ul><li>one</li><li>two</li></ul><script>alert('x')</script></body></html>\n"),
          {} },
        { "empty plain beside html",
          head + "Content-Type: multipart/alternative; boundary=b\n\n"
                 "--b\nContent-Type: text/plain\n\n\n"
                 "--b\nContent-Type: text/html\n\n<div>From html</div>\n"
                 "--b--\n",
          QStringLiteral("From html"), QStringLiteral("<div>From html</div>"), {} },
        { "html charset from meta",
          head + "Content-Type: text/html\n\n<meta charset=\"koi8-r\"><p>" + Koi8rBytes + "</p>\n",
          QStringLiteral("Привет"), QStringLiteral("<meta charset=\"koi8-r\"><p>Привет</p>\n"), {} },
        { "iso-8859-1 quoted-printable",
          head + "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                 "Caf=E9 cr=E8me, na=EFve =\nsoft break\n",
          QStringLiteral("Café crème, naïve soft break\n"), QString(), {} },
        { "iso-8859-1 label, windows-1252 bytes",
          head + "Content-Type: text/plain; charset=iso-8859-1\n\nPrice: \x80"
                 "5\n",
          QStringLiteral("Price: €5\n"), QString(), {} },
        { "windows-1252 8bit",
          head + "Content-Type: text/plain; charset=\"windows-1252\"\nContent-Transfer-Encoding: 8bit\n\n"
                 "\x80 12, \x93quoted\x94 it\x92s\n",
          QStringLiteral("€ 12, “quoted” it’s\n"), QString(), {} },
        { "shift_jis 8bit",
          head + "Content-Type: text/plain; charset=Shift_JIS\nContent-Transfer-Encoding: 8bit\n\n"
                  + ShiftJisBytes + "\n",
          QStringLiteral("日本語のテスト\n"), QString(), {} },
        { "shift_jis base64",
          head + "Content-Type: text/plain; charset=shift_jis\nContent-Transfer-Encoding: base64\n\n"
                  + ShiftJisBytes.toBase64() + "\n",
          QStringLiteral("日本語のテスト"), QString(), {} },
        { "koi8-r",
          head + "Content-Type: text/plain; charset=koi8-r\n\n" + Koi8rBytes + "\n",
          QStringLiteral("Привет\n"), QString(), {} },
        { "gb2312 label read as gb18030",
          head + "Content-Type: text/plain; charset=gb2312\n\n" + Gb18030Bytes + "\n",
          QStringLiteral("中文邮件\n"), QString(), {} },
        { "utf-8 base64",
          head + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                 "R3LDvMOfZQ==\n",
          QStringLiteral("Grüße"), QString(), {} },
        { "no Content-Type, utf-8 bytes",
          head + "\nM\xc3\xbcnchen\n",
          QStringLiteral("München\n"), QString(), {} },
        { "format=flowed",
          head + "Content-Type: text/plain; charset=utf-8; format=flowed\n\n"
                 "This is a \nflowed paragraph.\n> quoted \n> text\n Stuffed\n-- \nSig\n",
          QStringLiteral("This is a flowed paragraph.\n> quoted text\nStuffed\n-- \nSig\n"), QString(), {} },
        { "format=flowed delsp=yes",
          head + "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n\n"
                 "A lo \nng word\n",
          QStringLiteral("A long word\n"), QString(), {} },
        { "second inline text becomes an attachment",
          head + "Content-Type: multipart/mixed; boundary=b\n\n"
                 "--b\nContent-Type: text/plain\n\nfirst\n"
                 "--b\nContent-Type: text/plain\nContent-Disposition: inline\n\nsecond\n"
                 "--b--\n",
          QStringLiteral("first"), QString(), { QStringLiteral("part-2.txt") } },
        { "enriched alternative dropped, calendar kept",
          head + "Content-Type: multipart/alternative; boundary=b\n\n"
                 "--b\nContent-Type: text/plain\n\nplain\n"
                 "--b\nContent-Type: text/enriched\n\n<bold>rich</bold>\n"
                 "--b\nContent-Type: text/calendar; method=REQUEST\n\nBEGIN:VCALENDAR\n"
                 "--b--\n",
          QStringLiteral("plain"), QString(), { QStringLiteral("part-3.ics") } },
        { "text/plain attachment is not the body",
          head + "Content-Type: multipart/mixed; boundary=b\n\n"
                 "--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename=log.txt\n\nlog\n"
                 "--b\nContent-Type: text/plain\n\nbody\n"
                 "--b--\n",
          QStringLiteral("body"), QString(), { QStringLiteral("log.txt") } },
    };
    for (const Row &row : rows) {
        QTest::addRow("%s (LF)", row.name) << row.raw << row.text << row.html << row.attachments;
        // Text and HTML have LF line ends whatever the message used.
        QTest::addRow("%s (CRLF)", row.name) << crlf(row.raw) << row.text << row.html << row.attachments;
    }
}

void TestMessageParser::bodies()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, text);
    QFETCH(QString, html);
    QFETCH(QStringList, attachmentNames);

    const ParsedMessage m = MessageParser::parse(raw);
    QCOMPARE(m.text, text);
    QCOMPARE(m.html, html);
    QStringList names;
    for (const ParsedAttachment &attachment : m.attachments)
        names.append(attachment.fileName);
    QCOMPARE(names, attachmentNames);
    QCOMPARE(m.problems, QStringList());
}

void TestMessageParser::htmlToText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");

    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("whitespace collapses") << QStringLiteral("  a \n\t b  ") << QStringLiteral("a b");
    QTest::addRow("entities") << QStringLiteral("&#233;&#xE9;&eacute;&unknown; &lt;tag&gt; &amp;amp;")
                              << QStringLiteral("ééé&unknown; <tag> &amp;");
    QTest::addRow("legacy entities without ;") << QStringLiteral("&copy 2024 AT&T &amp co")
                                               << QStringLiteral("© 2024 AT&T & co");
    QTest::addRow("C1 numeric reference") << QStringLiteral("a&#150;b&#128;") << QStringLiteral("a–b€");
    QTest::addRow("astral and invalid references")
            << QStringLiteral("&#x1F600;|&#xD800;|&#0;|&#99999999999;|&#;")
            << QStringLiteral("\U0001F600|\uFFFD|\uFFFD|\uFFFD|&#;");
    QTest::addRow("nbsp does not collapse") << QStringLiteral("a&nbsp;&nbsp;b") << QStringLiteral("a  b");
    QTest::addRow("comments") << QStringLiteral("a<!-- hidden <p> -->b<!--[if mso]>x<![endif]-->c<!DOCTYPE html>d")
                              << QStringLiteral("abcd");
    QTest::addRow("head without </head>") << QStringLiteral("<head><title>t</title><meta x><body>text")
                                          << QStringLiteral("text");
    QTest::addRow("script and style, any case")
            << QStringLiteral("<STYLE>p{}</STYLE>x<Script type=a>if (a<b) {}</sCrIpT>y")
            << QStringLiteral("xy");
    QTest::addRow("unclosed script") << QStringLiteral("shown<script>hidden") << QStringLiteral("shown");
    QTest::addRow("> in attribute values")
            << QStringLiteral("<a title=\"a>b\" href='x>y'>link</a>") << QStringLiteral("link");
    QTest::addRow("literal <") << QStringLiteral("a < b and c<3") << QStringLiteral("a < b and c<3");
    QTest::addRow("unterminated tag") << QStringLiteral("text<b") << QStringLiteral("text");
    QTest::addRow("div and br") << QStringLiteral("<div>one</div><div>two<br><br/>three</div>")
                                << QStringLiteral("one\ntwo\n\nthree");
    QTest::addRow("paragraphs") << QStringLiteral("<p>a</p><p></p><p> </p><P>b</P>")
                                << QStringLiteral("a\n\nb");
    QTest::addRow("heading") << QStringLiteral("<h1>Title</h1>body") << QStringLiteral("Title\n\nbody");
    QTest::addRow("list") << QStringLiteral("<ul>\n<li>one\n<li> two </li></ul>after")
                          << QStringLiteral("- one\n- two\nafter");
    QTest::addRow("table") << QStringLiteral("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")
                           << QStringLiteral("a b\nc");
    QTest::addRow("pre keeps whitespace") << QStringLiteral("before<pre>\n  x  y\n z</pre>after")
                                          << QStringLiteral("before\n  x  y\n z\nafter");
    QTest::addRow("many breaks collapse") << QStringLiteral("a<br><br><br><br>b") << QStringLiteral("a\n\nb");
    QTest::addRow("inline tags join") << QStringLiteral("<b>bold</b><i>it</i> <span>s</span>")
                                      << QStringLiteral("boldit s");
}

void TestMessageParser::htmlToText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(MessageParser::htmlToText(html), text);
}

void TestMessageParser::subjects_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("problem");  // empty: none expected

    QTest::addRow("plain") << QByteArray("Hello  world") << QStringLiteral("Hello  world") << QString();
    QTest::addRow("B utf-8") << QByteArray("=?UTF-8?B?R3LDvMOfZQ==?=") << QStringLiteral("Grüße") << QString();
    QTest::addRow("Q iso-8859-1") << QByteArray("=?iso-8859-1?q?caf=E9_cr=E8me?=")
                                  << QStringLiteral("café crème") << QString();
    QTest::addRow("adjacent words joined") << QByteArray("=?utf-8?q?a?= =?utf-8?q?b?=\t=?utf-8?Q?c?=")
                                           << QStringLiteral("abc") << QString();
    QTest::addRow("folded words") << QByteArray("=?utf-8?q?Pump_?=\n =?utf-8?q?report?=")
                                  << QStringLiteral("Pump report") << QString();
    QTest::addRow("words and text") << QByteArray("Re: =?utf-8?q?caf=C3=A9?= ok =?utf-8?q?d?=")
                                    << QStringLiteral("Re: café ok d") << QString();
    QTest::addRow("word glued to text") << QByteArray("Re:=?utf-8?q?x?=") << QStringLiteral("Re:x")
                                        << QString();
    QTest::addRow("mixed charsets")
            << QByteArray("=?iso-8859-1?q?=E9?= =?koi8-r?b?" + Koi8rBytes.toBase64() + "?= =?shift_jis?b?"
                          + ShiftJisBytes.toBase64() + "?=")
            << QStringLiteral("éПривет日本語のテスト") << QString();
    QTest::addRow("character split across words") << QByteArray("=?utf-8?b?4oI=?= =?utf-8?b?rA==?=")
                                                   << QStringLiteral("€") << QString();
    QTest::addRow("gb2312") << QByteArray("=?gb2312?B?" + Gb18030Bytes.toBase64() + "?=")
                            << QStringLiteral("中文邮件") << QString();
    QTest::addRow("iso-2022-jp") << QByteArray("=?ISO-2022-JP?B?GyRCRnxLXDhsJE4lRiU5JUgbKEI=?=")
                                 << QStringLiteral("日本語のテスト") << QString();
    QTest::addRow("language suffix") << QByteArray("=?utf-8*en?b?R3LDvMOfZQ==?=") << QStringLiteral("Grüße")
                                     << QString();
    QTest::addRow("windows-1252 Q") << QByteArray("=?windows-1252?Q?=80_=93quoted=94?=")
                                    << QStringLiteral("€ “quoted”") << QString();
    QTest::addRow("unterminated word kept") << QByteArray("=?utf-8?q?unterminated")
                                            << QStringLiteral("=?utf-8?q?unterminated") << QString();
    QTest::addRow("space inside word kept") << QByteArray("=?utf-8?q?a b?=") << QStringLiteral("=?utf-8?q?a b?=")
                                            << QString();
    QTest::addRow("decoded line break") << QByteArray("=?utf-8?q?a=0D=0Ab?=") << QStringLiteral("a  b") << QString();
    QTest::addRow("raw utf-8") << QByteArray("M\xc3\xbcnchen") << QStringLiteral("München") << QString();
    QTest::addRow("raw latin-1") << QByteArray("M\xfcnchen \x80")
                                 << QStringLiteral("München €")
                                 << QStringLiteral("Subject: 8-bit text without a charset, read as windows-1252");
    QTest::addRow("unknown charset") << QByteArray("=?x-foo?q?J=F6rg?=") << QStringLiteral("Jörg")
                                     << QStringLiteral("Subject: unknown charset x-foo, read as windows-1252");
    QTest::addRow("unknown charset, ascii") << QByteArray("=?x-bar?q?plain?=") << QStringLiteral("plain")
                                            << QStringLiteral("Subject: unknown charset x-bar, read as UTF-8");
}

void TestMessageParser::subjects()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, subject);
    QFETCH(QString, problem);

    for (const QByteArray &message : { withSubject(raw), crlf(withSubject(raw)) }) {
        const ParsedMessage m = MessageParser::parse(message);
        QCOMPARE(m.subject, subject);
        QCOMPARE(m.text, QStringLiteral("body\n"));
        if (problem.isEmpty())
            QCOMPARE(m.problems, QStringList());
        else
            QCOMPARE(m.problems, QStringList({ problem }));
    }
}

void TestMessageParser::addresses_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QStringList>("to");

    QTest::addRow("name and address") << QByteArray("Jane Doe <jane@example.org>")
                                      << QStringList({ QStringLiteral("Jane Doe <jane@example.org>") });
    QTest::addRow("quoted comma") << QByteArray("\"Doe, Jane\" <jane@example.org>,\n bob@example.org")
                                  << QStringList({ QStringLiteral("Doe, Jane <jane@example.org>"),
                                                   QStringLiteral("bob@example.org") });
    QTest::addRow("RFC 2047 name") << QByteArray("=?utf-8?q?J=C3=B6rg_M=C3=BCller?= <j@example.de>")
                                   << QStringList({ QStringLiteral("Jörg Müller <j@example.de>") });
    QTest::addRow("RFC 2047 inside quotes") << QByteArray("\"=?iso-8859-1?q?J=F6rg?=\" <j@example.de>")
                                            << QStringList({ QStringLiteral("Jörg <j@example.de>") });
    QTest::addRow("shift_jis name") << QByteArray("=?shift_jis?b?" + ShiftJisBytes.toBase64() + "?= <t@example.jp>")
                                    << QStringList({ QStringLiteral("日本語のテスト <t@example.jp>") });
    QTest::addRow("encoded comma stays in the name")
            << QByteArray("=?utf-8?q?Doe=2C_Jane?= <jane@example.org>")
            << QStringList({ QStringLiteral("Doe, Jane <jane@example.org>") });
    QTest::addRow("raw latin-1 name") << QByteArray("J\xf6rg <j@example.de>")
                                      << QStringList({ QStringLiteral("Jörg <j@example.de>") });
    QTest::addRow("raw utf-8 name") << QByteArray("J\xc3\xb6rg <j@example.de>")
                                    << QStringList({ QStringLiteral("Jörg <j@example.de>") });
    QTest::addRow("group flattened")
            << QByteArray("Team: a@example.org, \"B\" <b@example.org>;, c@example.org")
            << QStringList({ QStringLiteral("a@example.org"), QStringLiteral("B <b@example.org>"),
                             QStringLiteral("c@example.org") });
    QTest::addRow("empty group") << QByteArray("undisclosed-recipients:;") << QStringList();
}

void TestMessageParser::addresses()
{
    QFETCH(QByteArray, raw);
    QFETCH(QStringList, to);
    const QByteArray message = "From: a@example.org\nTo: " + raw + "\nSubject: s\n\nbody\n";
    QCOMPARE(displayStrings(MessageParser::parse(message).to), to);
    QCOMPARE(displayStrings(MessageParser::parse(crlf(message)).to), to);
}

void TestMessageParser::displayString_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("display");
    QTest::addRow("both") << QStringLiteral("Jane") << QStringLiteral("j@x.org") << QStringLiteral("Jane <j@x.org>");
    QTest::addRow("address only") << QString() << QStringLiteral("j@x.org") << QStringLiteral("j@x.org");
    QTest::addRow("name is the address") << QStringLiteral("j@x.org") << QStringLiteral("j@x.org")
                                         << QStringLiteral("j@x.org");
    QTest::addRow("name only") << QStringLiteral("Jane") << QString() << QStringLiteral("Jane");
}

void TestMessageParser::displayString()
{
    QFETCH(QString, name);
    QFETCH(QString, address);
    QFETCH(QString, display);
    QCOMPARE((MailAddress { name, address }).toDisplayString(), display);
}

void TestMessageParser::nestedMixedWithPdf_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addRow("LF") << nestedMessage();
    QTest::addRow("CRLF") << crlf(nestedMessage());
}

void TestMessageParser::nestedMixedWithPdf()
{
    QFETCH(QByteArray, raw);
    const ParsedMessage m = MessageParser::parse(raw);
    QCOMPARE(m.subject, QStringLiteral("Pump report"));
    QCOMPARE(m.from.toDisplayString(), QStringLiteral("Plant Office <office@example.org>"));
    QCOMPARE(m.date.offsetFromUtc(), 2 * 3600);
    QCOMPARE(m.text, QStringLiteral("Pump 3 vibration is high.\nSee the report.\n"));
    QCOMPARE(m.html, QStringLiteral("<p>Pump 3 vibration is <b>high</b>.</p><img src=\"cid:chart@example.org\">"));
    QCOMPARE(m.problems, QStringList());

    QCOMPARE(m.attachments.size(), 2);
    const ParsedAttachment &image = m.attachments.at(0);
    QCOMPARE(image.contentType, QStringLiteral("image/png"));
    QCOMPARE(image.contentId, QStringLiteral("chart@example.org"));
    QVERIFY(image.isInline);
    QCOMPARE(image.fileName, QStringLiteral("part-1.2.2.png"));
    QCOMPARE(image.data, QByteArray::fromBase64("iVBORw0KGgo="));

    const ParsedAttachment &pdf = m.attachments.at(1);
    QCOMPARE(pdf.fileName, QStringLiteral("report.pdf"));
    QCOMPARE(pdf.contentType, QStringLiteral("application/pdf"));
    QVERIFY(!pdf.isInline);
    QVERIFY(pdf.contentId.isEmpty());
    QCOMPARE(pdf.data, pdfBytes());
    QCOMPARE(pdf.size, qint64(pdfBytes().size()));
}

void TestMessageParser::attachmentNames_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QString>("fileName");

    QTest::addRow("RFC 2231 utf-8")
            << QByteArray("Content-Type: application/pdf\n"
                          "Content-Disposition: attachment; filename*=UTF-8''%C3%A9t%C3%A9.pdf\n")
            << QStringLiteral("été.pdf");
    QTest::addRow("RFC 2231 continuations")
            << QByteArray("Content-Type: application/pdf\n"
                          "Content-Disposition: attachment;\n"
                          " filename*0*=UTF-8''Rapport%20annuel%20;\n"
                          " filename*1*=%C3%A9t%C3%A9;\n"
                          " filename*2=\".pdf\"\n")
            << QStringLiteral("Rapport annuel été.pdf");
    QTest::addRow("RFC 2231 iso-8859-1 with language")
            << QByteArray("Content-Type: text/plain\n"
                          "Content-Disposition: attachment; filename*=iso-8859-1'fr'caf%E9.txt\n")
            << QStringLiteral("café.txt");
    QTest::addRow("RFC 2047 in name=")
            << QByteArray("Content-Type: application/pdf; name=\"=?utf-8?b?R3LDvMOfZQ==?=.pdf\"\n")
            << QStringLiteral("Grüße.pdf");
    QTest::addRow("RFC 2047 koi8-r in filename=")
            << QByteArray("Content-Type: application/octet-stream\n"
                          "Content-Disposition: attachment; filename=\"=?koi8-r?b?" + Koi8rBytes.toBase64()
                          + "?=.txt\"\n")
            << QStringLiteral("Привет.txt");
    QTest::addRow("raw utf-8 filename")
            << QByteArray("Content-Type: application/pdf\n"
                          "Content-Disposition: attachment; filename=\"r\xc3\xa9sum\xc3\xa9.pdf\"\n")
            << QStringLiteral("résumé.pdf");
    QTest::addRow("windows path stripped")
            << QByteArray("Content-Type: application/pdf\n"
                          "Content-Disposition: attachment; filename=\"C:\\\\Users\\\\me\\\\report.pdf\"\n")
            << QStringLiteral("report.pdf");
    QTest::addRow("unix path stripped")
            << QByteArray("Content-Type: application/octet-stream\n"
                          "Content-Disposition: attachment; filename=\"../../etc/passwd\"\n")
            << QStringLiteral("passwd");
    QTest::addRow("no name: generated")
            << QByteArray("Content-Type: application/pdf\n") << QStringLiteral("part-2.pdf");
    QTest::addRow("name is only a dot-dot: generated")
            << QByteArray("Content-Type: application/pdf; name=\"..\"\n") << QStringLiteral("part-2.pdf");
}

void TestMessageParser::attachmentNames()
{
    QFETCH(QByteArray, headers);
    QFETCH(QString, fileName);
    const QByteArray raw = "From: a@example.org\nDate: Mon, 6 May 2024 10:00:00 +0000\nMIME-Version: 1.0\n"
                           "Content-Type: multipart/mixed; boundary=b\n\n"
                           "--b\nContent-Type: text/plain\n\nSee attached.\n"
                           "--b\n" + headers + "Content-Transfer-Encoding: base64\n\nAAEC/w==\n"
                           "--b--\n";
    for (const QByteArray &message : { raw, crlf(raw) }) {
        const ParsedMessage m = MessageParser::parse(message);
        QCOMPARE(m.text, QStringLiteral("See attached."));
        QCOMPARE(m.attachments.size(), 1);
        QCOMPARE(m.attachments.at(0).fileName, fileName);
        QCOMPARE(m.attachments.at(0).data, QByteArray::fromHex("000102ff"));
        QCOMPARE(m.attachments.at(0).size, 4);
        QCOMPARE(m.problems, QStringList());
    }
}

void TestMessageParser::attachedMessage()
{
    const QByteArray raw = "From: a@example.org\nDate: Mon, 6 May 2024 10:00:00 +0000\nSubject: Fwd\n"
                           "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                           "--b\nContent-Type: text/plain\n\nForwarding the report.\n"
                           "--b\nContent-Type: message/rfc822\n\n"
                           "From: b@example.org\nDate: Sun, 5 May 2024 09:00:00 +0000\n"
                           "Subject: =?utf-8?q?Quarterly_r=C3=A9port_1/2?=\n\n"
                           "Inner body.\n"
                           "--b--\n";
    for (const QByteArray &message : { raw, crlf(raw) }) {
        const ParsedMessage m = MessageParser::parse(message);
        QCOMPARE(m.text, QStringLiteral("Forwarding the report."));
        QCOMPARE(m.attachments.size(), 1);
        const ParsedAttachment &eml = m.attachments.at(0);
        QCOMPARE(eml.fileName, QStringLiteral("Quarterly réport 1_2.eml"));
        QCOMPARE(eml.contentType, QStringLiteral("message/rfc822"));
        QCOMPARE(eml.size, eml.data.size());
        QVERIFY(!eml.isInline);
        const ParsedMessage inner = MessageParser::parse(eml.data);
        QCOMPARE(inner.subject, QStringLiteral("Quarterly réport 1/2"));
        QCOMPARE(inner.from.address, QStringLiteral("b@example.org"));
        QCOMPARE(inner.text, QStringLiteral("Inner body."));
        QCOMPARE(m.problems, QStringList());
    }
}

void TestMessageParser::threadingHeaders()
{
    const QByteArray raw = "From: a@example.org\nDate: Mon, 6 May 2024 10:00:00 +0000\n"
                           "Reply-To: Help Desk <help@example.org>, ops@example.org\n"
                           "Message-ID:\n <reply.3@example.org>\n"
                           "In-Reply-To: <orig.2@example.org> (Jane's message of Friday)\n"
                           "References: <root.1@example.org>\n <orig.2@example.org>\n"
                           "Subject: Re: pump\n\nok\n";
    const ParsedMessage m = MessageParser::parse(crlf(raw));
    QCOMPARE(displayStrings(m.replyTo),
             QStringList({ QStringLiteral("Help Desk <help@example.org>"), QStringLiteral("ops@example.org") }));
    QCOMPARE(m.messageId, QStringLiteral("reply.3@example.org"));
    QCOMPARE(m.inReplyTo, QStringLiteral("orig.2@example.org"));
    QCOMPARE(m.references,
             QStringList({ QStringLiteral("root.1@example.org"), QStringLiteral("orig.2@example.org") }));
    QCOMPARE(m.problems, QStringList());
}

void TestMessageParser::broken_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("textStart");  // what the text begins with
    QTest::addColumn<QString>("problem");    // a problem containing this

    const QByteArray head = "From: a@example.org\nDate: Mon, 6 May 2024 10:00:00 +0000\nMIME-Version: 1.0\n";
    struct Row
    {
        const char *name;
        QByteArray raw;
        QString textStart;
        QString problem;
    };
    const QList<Row> rows = {
        { "unknown charset",
          head + "Content-Type: text/plain; charset=x-foo\n\nJ\xf6rg\n",
          QStringLiteral("Jörg\n"), QStringLiteral("part 1: unknown charset x-foo, read as windows-1252") },
        { "us-ascii label, 8-bit bytes",
          head + "Content-Type: text/plain; charset=us-ascii\n\nJ\xf6rg\n",
          QStringLiteral("Jörg\n"), QStringLiteral("part 1: 8-bit text without a charset, read as windows-1252") },
        { "utf-8 label, latin-1 bytes",
          head + "Content-Type: text/plain; charset=utf-8\n\nJ\xf6rg\n",
          QStringLiteral("Jörg\n"), QStringLiteral("part 1: bytes that are not UTF-8, read as windows-1252") },
        { "invalid shift_jis",
          head + "Content-Type: text/plain; charset=shift_jis\n\n" + ShiftJisBytes.left(3),
          QStringLiteral("日"), QStringLiteral("part 1: bytes that are not valid shift_jis replaced by U+FFFD") },
        { "truncated base64",
          head + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                 "SGVsbG8gV29ybGQh\nSGVsbG8gV2",
          QStringLiteral("Hello World!Hello"), QStringLiteral("part 1: base64 data is cut off") },
        { "truncated base64 attachment, no closing boundary",
          head + "Content-Type: multipart/mixed; boundary=b\n\n"
                 "--b\nContent-Type: text/plain\n\nsee pdf\n"
                 "--b\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\n"
                 "JVBERi0xLjQK\nJVBER",
          QStringLiteral("see pdf"), QStringLiteral("part 2: base64 data is cut off") },
        { "boundary never appears",
          head + "Content-Type: multipart/mixed; boundary=\"zz\"\n\nJust text, no parts.\n",
          QStringLiteral("Just text, no parts.\n"),
          QStringLiteral("message body: multipart/mixed boundary \"zz\" never appears; its content read as text") },
        { "wrong boundary declared",
          head + "Content-Type: multipart/alternative; boundary=\"declared\"\n\n"
                 "--real\nContent-Type: text/plain\n\nrescued\n--real\nContent-Type: text/html\n\n<p>r</p>\n--real--\n",
          QStringLiteral("rescued"),
          QStringLiteral("multipart/alternative boundary \"declared\" never appears; read with the boundary \"real\"") },
        { "no boundary parameter",
          head + "Content-Type: multipart/mixed\n\n--zz\nContent-Type: text/plain\n\nfirst\n--zz--\n",
          QStringLiteral("first"),
          QStringLiteral("multipart/mixed without a boundary parameter; read with the boundary \"zz\"") },
        { "missing closing boundary",
          head + "Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain\n\nfirst\n"
                 "--zz\nContent-Type: text/html\n\n<p>second\n",
          QStringLiteral("first"), QStringLiteral("message body: multipart/mixed has no closing boundary") },
        { "no headers at all",
          QByteArray("just some text\nwithout headers\n"),
          QStringLiteral("just some text\nwithout headers\n"), QStringLiteral("no message headers could be read") },
        { "garbage bytes",
          QByteArray("\x01\x02\xff\xfe garbage \x80\n\x7f\n", 15),
          QStringLiteral("\x01\x02ÿþ garbage €"), QStringLiteral("no message headers could be read") },
        { "no MIME-Version",
          "From: a@example.org\nDate: Mon, 6 May 2024 10:00:00 +0000\n"
          "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\ncaf=E9\n",
          QStringLiteral("café\n"), QStringLiteral("no MIME-Version header") },
        { "no From, no Date",
          QByteArray("Subject: anonymous\n\nhello\n"), QStringLiteral("hello\n"), QStringLiteral("no From header") },
        { "unreadable date",
          "From: a@example.org\nDate: the day after tomorrow\n\nhello\n", QStringLiteral("hello\n"),
          QStringLiteral("Date: cannot read \"the day after tomorrow\"") },
        { "unknown transfer encoding",
          head + "Content-Type: text/plain\nContent-Transfer-Encoding: x-magic\n\nas is\n",
          QStringLiteral("as is\n"), QStringLiteral("part 1: unknown Content-Transfer-Encoding \"x-magic\"") },
        { "header lines after garbage",
          QByteArray("From: a@example.org\n\x01\x02 not a header\nSubject: lost\n\nbody\n"),
          QString(), QStringLiteral("invalid header line") },
    };
    for (const Row &row : rows) {
        QTest::addRow("%s (LF)", row.name) << row.raw << row.textStart << row.problem;
        QTest::addRow("%s (CRLF)", row.name) << crlf(row.raw) << row.textStart << row.problem;
    }
    QTest::addRow("empty input") << QByteArray() << QString() << QStringLiteral("empty input");
}

void TestMessageParser::broken()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, textStart);
    QFETCH(QString, problem);

    const ParsedMessage m = MessageParser::parse(raw);
    QCOMPARE(m.text.left(textStart.size()), textStart);
    QVERIFY(hasProblem(m, problem));
}

void TestMessageParser::truncatedAnywhere()
{
    // Cut the nested message at every offset: never a crash, and once the
    // header block is complete the headers are always read.
    const QByteArray full = crlf(nestedMessage());
    const qsizetype headerEnd = full.indexOf("\r\n\r\n") + 4;
    for (qsizetype length = 0; length <= full.size(); ++length) {
        const ParsedMessage m = MessageParser::parse(full.left(length));
        if (length >= headerEnd) {
            QCOMPARE(m.subject, QStringLiteral("Pump report"));
            QCOMPARE(m.messageId, QStringLiteral("nested-1@example.org"));
        }
        if (length >= headerEnd && length < full.size() - 2) {
            // The body is cut short: something must say so (the closing boundary at least).
            QVERIFY2(!m.problems.isEmpty(), qPrintable(QString::number(length)));
        }
    }
}

void TestMessageParser::deepNesting()
{
    QByteArray raw = "From: a@example.org\nDate: Mon, 6 May 2024 10:00:00 +0000\nMIME-Version: 1.0\n";
    const int depth = 200;
    for (int i = 0; i < depth; ++i) {
        const QByteArray boundary = "b" + QByteArray::number(i);
        raw += "Content-Type: multipart/mixed; boundary=" + boundary + "\n\n--" + boundary + "\n";
    }
    raw += "Content-Type: text/plain\n\ndeep\n";
    for (int i = depth - 1; i >= 0; --i)
        raw += "--b" + QByteArray::number(i) + "--\n";
    const ParsedMessage m = MessageParser::parse(raw);
    QCOMPARE(m.from.address, QStringLiteral("a@example.org"));
    QVERIFY(hasProblem(m, QStringLiteral("nested too deeply")));
}

void TestMessageParser::linearTime_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("asHtml");
    const int n = 60000;
    QTest::addRow("many <head> tags") << QByteArray("<head>").repeated(n) << true;
    QTest::addRow("many unclosed comments and tags") << QByteArray("<!-- <a x='").repeated(n) << true;
    QTest::addRow("many word starts in a subject")
            << QByteArray("From: a@example.org\nSubject: " + QByteArray("=?a?q?").repeated(n) + " x\n\nbody\n")
            << false;
    QTest::addRow("many word starts, no charset end")
            << QByteArray("From: a@example.org\nSubject: " + QByteArray("=?").repeated(n) + "?\n\nbody\n")
            << false;
}

void TestMessageParser::linearTime()
{
    // Hostile input must not make the parser quadratic: these take well
    // under a second when linear and minutes when not.
    QFETCH(QByteArray, raw);
    QFETCH(bool, asHtml);
    QElapsedTimer timer;
    timer.start();
    if (asHtml) {
        QCOMPARE(MessageParser::htmlToText(QString::fromLatin1(raw)), QString());
    } else {
        const ParsedMessage m = MessageParser::parse(raw);
        QVERIFY(m.subject.endsWith(QLatin1StringView(" x")) || m.subject.endsWith(u'?'));
    }
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestMessageParser::builderRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("ascii, 7bit") << QStringLiteral("Line one\nLine two\n");
    QTest::addRow("some accents, quoted-printable") << QStringLiteral("Pumpe 3: Schwingung zu hoch — prüfen.\n");
    QTest::addRow("mostly non-ascii, base64") << QStringLiteral("ポンプの振動が高い\n日本語のテスト\n");
    QTest::addRow("long line") << (QString(1200, u'x') + u'\n');
}

void TestMessageParser::builderRoundTrip()
{
    QFETCH(QString, text);
    OutgoingMessage out;
    out.from = QStringLiteral("Zoë Example <zoe@example.org>");
    out.to = { QStringLiteral("Bob <bob@example.org>"), QStringLiteral("carol@example.org") };
    out.subject = QStringLiteral("Ünïcödé =?utf-8?q?not_a_word?= report");
    out.text = text;
    out.inReplyTo = QStringLiteral("orig@example.org");
    out.references = { QStringLiteral("root@example.org"), QStringLiteral("orig@example.org") };
    out.date = QDateTime(QDate(2024, 5, 6), QTime(12, 34, 56), Qt::OffsetFromUTC, 2 * 3600);
    out.attachments = { Attachment { QStringLiteral("report é.pdf"), QStringLiteral("application/pdf"), pdfBytes() },
                        Attachment { QStringLiteral("notes.txt"), QString(), QByteArray("a,b\r\n1,2\r\n") } };
    const MessageBuilder::Result built = MessageBuilder::build(out);
    QVERIFY2(built.message, qPrintable(built.error.message()));

    const ParsedMessage m = MessageParser::parse(built.message->data);
    QCOMPARE(m.subject, out.subject);
    QCOMPARE(m.from, (MailAddress { QStringLiteral("Zoë Example"), QStringLiteral("zoe@example.org") }));
    QCOMPARE(displayStrings(m.to),
             QStringList({ QStringLiteral("Bob <bob@example.org>"), QStringLiteral("carol@example.org") }));
    QCOMPARE(m.text, text);
    QCOMPARE(m.messageId, built.message->messageId);
    QCOMPARE(m.inReplyTo, out.inReplyTo);
    QCOMPARE(m.references, out.references);
    QCOMPARE(m.date, out.date);
    QCOMPARE(m.date.offsetFromUtc(), 2 * 3600);
    QCOMPARE(m.attachments.size(), 2);
    QCOMPARE(m.attachments.at(0).fileName, QStringLiteral("report é.pdf"));
    QCOMPARE(m.attachments.at(0).contentType, QStringLiteral("application/pdf"));
    QCOMPARE(m.attachments.at(0).data, pdfBytes());
    QCOMPARE(m.attachments.at(1).fileName, QStringLiteral("notes.txt"));
    QCOMPARE(m.attachments.at(1).contentType, QStringLiteral("text/plain"));
    QCOMPARE(m.attachments.at(1).data, QByteArray("a,b\r\n1,2\r\n"));
    QCOMPARE(m.problems, QStringList());
}

QTEST_GUILESS_MAIN(TestMessageParser)
#include "tst_messageparser.moc"
