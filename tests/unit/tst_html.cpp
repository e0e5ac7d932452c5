// The HTML module: the character-reference decoder with the full HTML5
// table, the one tokenizer, and both of its uses (HTML to text, the
// sanitiser) on the same entity-laden input.

#include "html/htmlcharref.h"
#include "html/htmlsanitizer.h"
#include "html/htmltokenizer.h"
#include "html/htmltotext.h"

#include <QTest>

using namespace machina;

namespace {
QStringList L(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}
} // namespace

class TestHtml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namedTableIsTheStandards();
    void decodeText_data();
    void decodeText();
    void attributeRuleForLegacyNames();
    void tokens_data();
    void tokens();
    void rawTextEndsAtItsOwnEndTag();
    void bothUsesSeeTheSameEntities_data();
    void bothUsesSeeTheSameEntities();
    void sanitizedOutputPassesItsOwnCheck_data();
    void sanitizedOutputPassesItsOwnCheck();
    void checkFindsWhatMustNotBeThere_data();
    void checkFindsWhatMustNotBeThere();
};

void TestHtml::namedTableIsTheStandards()
{
    QCOMPARE(HtmlCharRef::namedCount(), 2231);
}

void TestHtml::decodeText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("HTML 4 name") << QStringLiteral("caf&eacute;") << QStringLiteral("café");
    QTest::addRow("HTML5-only name") << QStringLiteral("a&rightarrow;b&NotEqualTilde;") << QStringLiteral("a→b≂̸");
    QTest::addRow("astral name") << QStringLiteral("&Afr;") << QStringLiteral("\U0001D504");
    QTest::addRow("longest name wins") << QStringLiteral("&notin; &not; &notit;") << QStringLiteral("∉ ¬ ¬it;");
    QTest::addRow("legacy without ;") << QStringLiteral("&copy 2026 &amp co &lt;x&gt") << QStringLiteral("© 2026 & co <x>");
    QTest::addRow("non-legacy needs ;") << QStringLiteral("&hellip &hellip;") << QStringLiteral("&hellip …");
    QTest::addRow("case matters") << QStringLiteral("&EACUTE; &Eacute;") << QStringLiteral("&EACUTE; É");
    QTest::addRow("unknown stays") << QStringLiteral("&nosuch; AT&T &") << QStringLiteral("&nosuch; AT&T &");
    QTest::addRow("decimal and hex") << QStringLiteral("&#233;&#xE9;&#XE9") << QStringLiteral("ééé");
    QTest::addRow("C1 as windows-1252") << QStringLiteral("&#128;&#150;&#129;") << QStringLiteral("€–\u0081");
    QTest::addRow("no character") << QStringLiteral("&#0;&#xD800;&#x110000;&#99999999999;")
                                  << QStringLiteral("\uFFFD\uFFFD\uFFFD\uFFFD");
    QTest::addRow("no digits") << QStringLiteral("&#;&#x;") << QStringLiteral("&#;&#x;");
}

void TestHtml::decodeText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(HtmlCharRef::decodeText(input), expected);
}

void TestHtml::attributeRuleForLegacyNames()
{
    // In an attribute a legacy name followed by '=' or a letter is a query string.
    QCOMPARE(HtmlCharRef::decodeAttribute(u"?a=1&copy=2&not3"), QStringLiteral("?a=1&copy=2&not3"));
    QCOMPARE(HtmlCharRef::decodeText(u"?a=1&copy=2&not3"), QStringLiteral("?a=1©=2¬3"));
    QCOMPARE(HtmlCharRef::decodeAttribute(u"&copy; &copy"), QStringLiteral("© ©"));
}

void TestHtml::tokens_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("expected");   // kind:name or kind:raw

    QTest::addRow("text and tags") << QStringLiteral("a<b>c</B>d")
                                   << L({"text:a", "start:b", "text:c", "end:b", "text:d"});
    QTest::addRow("< that starts nothing") << QStringLiteral("1 < 2 <3 <é> </ x")
                                           << L({"text:1 < 2 <3 <é> </ x"});
    QTest::addRow("comment, doctype, declaration")
        << QStringLiteral("<!DOCTYPE html><!-- c <p> --><?xml x?><p>")
        << L({"doctype:<!DOCTYPE html>", "comment:<!-- c <p> -->", "comment:<?xml x?>", "start:p"});
    QTest::addRow("> in a quoted value") << QStringLiteral("<a title=\"x>y\" href='p>q'>t")
                                         << L({"start:a[title=x>y][href=p>q]", "text:t"});
    QTest::addRow("unquoted, bare and self-closing") << QStringLiteral("<td nowrap width=10><br/>")
                                                     << L({"start:td[nowrap][width=10]", "start:br/"});
    QTest::addRow("names end at / and white space") << QStringLiteral("<img/src=x><P\tclass=a>")
                                                    << L({"start:img[src=x]", "start:p[class=a]"});
    QTest::addRow("unterminated tag swallows the rest") << QStringLiteral("ok<a href=\"x>more")
                                                        << L({"text:ok"});
    QTest::addRow("unterminated comment swallows the rest") << QStringLiteral("ok<!-- never")
                                                            << L({"text:ok", "comment:<!-- never"});
}

void TestHtml::tokens()
{
    QFETCH(QString, html);
    QFETCH(QStringList, expected);
    HtmlTokenizer tokenizer(html);
    QStringList got;
    for (HtmlToken t = tokenizer.next(); t.kind != HtmlToken::Kind::End; t = tokenizer.next()) {
        switch (t.kind) {
        case HtmlToken::Kind::Text: got << QStringLiteral("text:") + t.raw.toString(); break;
        case HtmlToken::Kind::Comment: got << QStringLiteral("comment:") + t.raw.toString(); break;
        case HtmlToken::Kind::Doctype: got << QStringLiteral("doctype:") + t.raw.toString(); break;
        case HtmlToken::Kind::EndTag: got << QStringLiteral("end:") + t.name; break;
        case HtmlToken::Kind::StartTag: {
            QString s = QStringLiteral("start:") + t.name;
            for (const HtmlAttribute &a : t.attributes)
                s += QStringLiteral("[%1%2]").arg(a.name, a.hasValue ? u'=' + a.value() : QString());
            got << s + (t.selfClosing ? QStringLiteral("/") : QString());
            break;
        }
        case HtmlToken::Kind::End: break;
        }
    }
    QCOMPARE(got, expected);
}

void TestHtml::rawTextEndsAtItsOwnEndTag()
{
    HtmlTokenizer t(u"<script>a='</scripts>';b()</SCRIPT >after");
    QCOMPARE(t.next().name, QStringLiteral("script"));
    QCOMPARE(t.rawText(u"script").toString(), QStringLiteral("a='</scripts>';b()"));
    QCOMPARE(t.next().raw.toString(), QStringLiteral("after"));
}

void TestHtml::bothUsesSeeTheSameEntities_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("sanitized");
    QTest::addRow("HTML5 entities in text")
        << QStringLiteral("<p>Druck &ge; 8&nbsp;bar &rarr; P&ndash;201 &check;</p>")
        << QStringLiteral("Druck ≥ 8 bar → P–201 ✓")
        << QStringLiteral("<p>Druck &ge; 8&nbsp;bar &rarr; P&ndash;201 &check;</p>");
    QTest::addRow("a scheme spelled with HTML5 entities")
        << QStringLiteral("<a href=\"javascript&colon;alert&lpar;1&rpar;\">x</a>")
        << QStringLiteral("x") << QStringLiteral("<a>x</a>");
    QTest::addRow("tab and newline entities in a scheme")
        << QStringLiteral("<a href=\"jav&Tab;ascr&NewLine;ipt:x()\">x</a>") << QStringLiteral("x") << QStringLiteral("<a>x</a>");
    QTest::addRow("data: link") << QStringLiteral("<a href=\"data:text/html,<b>x</b>\">x</a>")
                                << QStringLiteral("x") << QStringLiteral("<a>x</a>");
    QTest::addRow("query string kept as written")
        << QStringLiteral("<a href=\"https://cmms.test/wo?id=42&copy=1\">WO-42</a>")
        << QStringLiteral("WO-42") << QStringLiteral("<a href=\"https://cmms.test/wo?id=42&copy=1\">WO-42</a>");
    QTest::addRow("soft hyphen shows nothing in text")
        << QStringLiteral("Vibrations&shy;messung") << QStringLiteral("Vibrationsmessung")
        << QStringLiteral("Vibrations&shy;messung");
}

void TestHtml::bothUsesSeeTheSameEntities()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QFETCH(QString, sanitized);
    QCOMPARE(HtmlToText::convert(html), text);
    QCOMPARE(sanitizeHtml(html), sanitized);
}

void TestHtml::sanitizedOutputPassesItsOwnCheck_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<bool>("dirty");      // what the check finds in the input itself
    QTest::addColumn<QString>("expected");  // the sanitised output, where it matters
    QTest::addRow("handlers") << QStringLiteral("<p onclick=x() ONload='y'>t<img src=cid:a onerror=z>") << true
                              << QStringLiteral("<p>t<img src=\"cid:a\">");
    QTest::addRow("scripts") << QStringLiteral("<script>x</script><iframe src=//x></iframe><svg><script>y</script></svg>")
                             << true << QString();
    QTest::addRow("remote images") << QStringLiteral("<img src=http://x/a.png><body background=//x/b>") << true
                                   << QStringLiteral("<img><body>");
    QTest::addRow("css") << QStringLiteral("<style>@import 'x'</style><b style=\"background:url(//x)\">t</b>") << true
                         << QStringLiteral("<b>t</b>");
    // Text to this tokenizer, perhaps a tag to a laxer reader: escaped.
    QTest::addRow("a tag behind a non-ASCII letter") << QStringLiteral("<é onclick=x>t") << false
                                                      << QStringLiteral("&lt;é onclick=x>t");
    QTest::addRow("a tag after white space, as Qt reads it") << QStringLiteral("< img src=\"http://t/p.png\">t") << false
                                                            << QStringLiteral("&lt; img src=\"http://t/p.png\">t");
    QTest::addRow("a tag name spelled with a reference") << QStringLiteral("<&#105;mg src=http://t/p.png>") << false
                                                         << QStringLiteral("&lt;&#105;mg src=http://t/p.png>");
    QTest::addRow("markup inside a style element") << QStringLiteral("<style>p{}</p><img src=http://t/p.png></style>t")
                                                   << true << QStringLiteral("t");
    QTest::addRow("a remote candidate later in srcset") << QStringLiteral("<img srcset=\"cid:a 1x, https://t/x 2x\">")
                                                        << true << QStringLiteral("<img>");
    // Found by fuzz_htmlsanitizer: a '<' left as text, then a dropped tag, then a letter.
    QTest::addRow("a '<' that a dropped tag would complete") << QStringLiteral("a<<y#<M\ry\r<>y") << true
                                                             << QStringLiteral("a&lt;y");
    QTest::addRow("'<' before a dropped element") << QStringLiteral("<<script>x</script>img src=http://x>") << true
                                                  << QStringLiteral("&lt;img src=http://x>");
    QTest::addRow("markup inside a quoted value") << QStringLiteral("<a title='\"><img src=http://x>'>t</a>") << false
                                                  << QStringLiteral("<a title=\"&quot;&gt;&lt;img src=http://x&gt;\">t</a>");
}

void TestHtml::sanitizedOutputPassesItsOwnCheck()
{
    QFETCH(QString, html);
    QFETCH(bool, dirty);
    QFETCH(QString, expected);
    QCOMPARE(!findUnsafeHtml(html).isEmpty(), dirty);
    const QString out = sanitizeHtml(html);
    QVERIFY2(findUnsafeHtml(out).isEmpty(), qPrintable(out + QStringLiteral(": ") + findUnsafeHtml(out)));
    if (!expected.isEmpty())
        QCOMPARE(out, expected);
}

void TestHtml::checkFindsWhatMustNotBeThere_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("problem");
    QTest::addRow("handler") << QStringLiteral("<b onmouseover=x>") << QStringLiteral("the handler onmouseover on <b>");
    QTest::addRow("script url") << QStringLiteral("<a href=' javascript:x'>") << QStringLiteral("a script or data: URL in href on <a>");
    QTest::addRow("remote image") << QStringLiteral("<img src=https://x/p.png>") << QStringLiteral("a remote or local image source in src on <img>");
    QTest::addRow("script element") << QStringLiteral("<script></script>") << QStringLiteral("the element script");
    QTest::addRow("clean") << QStringLiteral("<p class=a>t <img src=cid:x></p>") << QString();
}

void TestHtml::checkFindsWhatMustNotBeThere()
{
    QFETCH(QString, html);
    QFETCH(QString, problem);
    QCOMPARE(findUnsafeHtml(html), problem);
}

QTEST_APPLESS_MAIN(TestHtml)
#include "tst_html.moc"
