// The message view: the HTML sanitiser, a browser that loads nothing from
// outside the message, cid: images, links, the plain-text toggle, Save as.

#include "messageview.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

using namespace machina;

namespace {

QByteArray redPng(int side = 8)
{
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(QColor(255, 0, 0));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

ParsedAttachment attachment(const QString &name, const QString &type, const QByteArray &data,
                            const QString &contentId = {}, bool isInline = false)
{
    ParsedAttachment a;
    a.fileName = name;
    a.contentType = type;
    a.data = data;
    a.size = data.size();
    a.contentId = contentId;
    a.isInline = isInline;
    return a;
}

IncomingMessage message(const QString &html, const QString &text = {})
{
    IncomingMessage m;
    m.subject = QStringLiteral("[WO-2026-42] P-201 high vibration");
    m.from = MailAddress{QStringLiteral("Alarm Server"), QStringLiteral("alarms@plant.test")};
    m.to = {MailAddress{QStringLiteral("Supervisor"), QStringLiteral("supervisor@plant.test")},
            MailAddress{QString(), QStringLiteral("shift@plant.test")}};
    m.date = QDateTime(QDate(2026, 11, 24), QTime(1, 12, 29), Qt::UTC);
    m.html = html;
    m.text = text;
    return m;
}

/// A loopback server that only counts who knocks.
class KnockCounter : public QTcpServer
{
public:
    KnockCounter()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++connections;
                socket->deleteLater();
            }
        });
    }
    int connections = 0;
};

// What a remote-content mail looks like: every way HTML can ask for a URL.
QString remoteHtml(quint16 port)
{
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    return QStringLiteral(
               "<html><head>"
               "<link rel=\"stylesheet\" href=\"%1/untyped.css\">"
               "<link rel=\"stylesheet\" type=\"text/css\" href=\"%1/style.css\">"
               "<style>@import url(%1/import.css); div.bg { background-image: url(%1/class-bg.png); }</style>"
               "</head><body background=\"%1/body-bg.png\">"
               "<p>Alarm on P-201.</p>"
               "<img src=\"%1/pixel.png\" width=\"1\" height=\"1\">"
               "<div style=\"background-image: url(%1/inline-bg.png)\">styled</div>"
               "<div class=\"bg\">classed</div>"
               "<table background=\"%1/table-bg.png\"><tr><td background=\"%1/cell-bg.png\">cell</td></tr></table>"
               "</body></html>")
        .arg(base);
}

void showAndSettle(QWidget *widget)
{
    widget->resize(640, 480);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    widget->grab(); // lays out and paints everything, images included
    // Proving a negative: give any connection attempt time to arrive.
    QTest::qWait(300);
}

bool containsColour(const QImage &image, QRgb colour)
{
    const QImage argb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if ((line[x] & 0xffffff) == (colour & 0xffffff))
                return true;
        }
    }
    return false;
}

QPoint pointOf(QTextBrowser *browser, const QString &text)
{
    const QTextCursor found = browser->document()->find(text);
    if (found.isNull())
        return {};
    QTextCursor middle = found;
    middle.setPosition(found.selectionStart() + 1);
    return browser->cursorRect(middle).center();
}

} // namespace

class TestMessageView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sanitize_data();
    void sanitize();
    void rawHtmlTriggersNoConnection();
    void messageViewTriggersNoConnection();
    void localImagesNotShown();
    void cidImageFromInlineAttachment();
    void dataImagesOnly();
    void scriptAndHandlersRemoved();
    void javascriptLinkNotActivatable();
    void headersArePlainText();
    void plainTextToggle();
    void attachmentsListed();
    void saveAsWritesIdenticalBytes();
    void saveAsCancelled();
    void saveAsReportsErrors();
};

void TestMessageView::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMessageView::sanitize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const char *input, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(input) << QString::fromUtf8(expected);
    };
    row("plain text", "1 < 2 & 3 > 2", "1 < 2 & 3 > 2");
    row("doctype kept", "<!DOCTYPE html><p>t</p>", "<!DOCTYPE html><p>t</p>");
    row("script dropped", "<p>a</p><script>alert(1)</script><p>b</p>", "<p>a</p><p>b</p>");
    row("script upper case", "<SCRIPT type=\"text/javascript\">x()</SCRIPT >ok", "ok");
    row("script ends at its first end tag", "<script>a=\"</script>\";b()</script>ok", "\";b()ok");
    row("script unterminated", "ok<script>alert(1)", "ok");
    row("on attributes", "<p onclick=\"x()\" class=a ONMOUSEOVER='y'>t</p>", "<p class=\"a\">t</p>");
    row("onerror on img", "<img src=\"cid:a\" onerror=\"alert(1)\">", "<img src=\"cid:a\">");
    row("javascript href", "<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>");
    row("javascript entity-encoded", "<a href=\"java&#115;cript&colon;alert(1)\">x</a>", "<a>x</a>");
    row("javascript hex entity", "<a href=\"&#x6A;avascript:alert(1)\">x</a>", "<a>x</a>");
    row("javascript with white space", "<a href=\" JaVa\tScRipt:alert(1)\">x</a>", "<a>x</a>");
    row("vbscript href", "<a href='vbscript:msgbox'>x</a>", "<a>x</a>");
    row("https link kept", "<a href=\"https://example.com/wo?id=1&amp;x=2\">x</a>",
        "<a href=\"https://example.com/wo?id=1&amp;x=2\">x</a>");
    row("mailto link kept", "<a href=mailto:tech@plant.test>mail</a>", "<a href=\"mailto:tech@plant.test\">mail</a>");
    row("iframe with content", "a<iframe src=\"http://x/\">fallback</iframe>b", "ab");
    row("object embed param", "<object data=\"x.swf\"><param name=a value=b><embed src=\"x.swf\">alt</object>", "alt");
    row("form and input", "<form action=\"http://x/\"><input name=q><p>t</p></form>", "<p>t</p>");
    row("link stylesheet", "<link rel=stylesheet href=\"http://x/a.css\"><p>t</p>", "<p>t</p>");
    row("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=http://x/\">t", "t");
    row("base", "<base href=\"http://x/\">t", "t");
    row("style with url", "<style>p{background:url(http://x/a.png)}</style><p>t</p>", "<p>t</p>");
    row("style with import", "<style>@import \"http://x/a.css\";</style>t", "t");
    row("style with escape", "<style>p{background:u\\72l(http://x/a.png)}</style>t", "t");
    row("style plain kept", "<style type=\"text/css\">p { color: red }</style>", "<style>p { color: red }</style>");
    row("style attribute with url", "<td style=\"background-image: url('http://x/a.png')\">t</td>", "<td>t</td>");
    row("style attribute entity url", "<td style=\"background: u&#114;l(http://x/a.png)\">t</td>", "<td>t</td>");
    row("style attribute plain kept", "<span style=\"color:red\">t</span>", "<span style=\"color:red\">t</span>");
    row("remote img source dropped", "<img src=\"http://x/p.png\" alt=\"p\">", "<img alt=\"p\">");
    row("file img source dropped", "<img src=\"file:///etc/x.png\">", "<img>");
    row("relative img source dropped", "<img src=\"x.png\">", "<img>");
    row("srcset dropped", "<img srcset=\"http://x/a.png 2x\" src=\"cid:a\">", "<img src=\"cid:a\">");
    row("cid img kept", "<img src=\"cid:logo@x\">", "<img src=\"cid:logo@x\">");
    row("data png kept", "<img src=\"data:image/png;base64,AAAA\">", "<img src=\"data:image/png;base64,AAAA\">");
    row("data svg dropped", "<img src=\"data:image/svg+xml;base64,AAAA\">", "<img>");
    row("body background dropped", "<body background=\"http://x/bg.png\" bgcolor=white>t</body>",
        "<body bgcolor=\"white\">t</body>");
    row("comment dropped", "a<!-- <img src=http://x> -->b", "ab");
    row("conditional comment dropped", "a<!--[if mso]><v:image src=\"http://x\"/><![endif]-->b", "ab");
    row("self-closing", "a<br/>b<br>c", "a<br />b<br>c");
    row("quote in single-quoted value", "<a title='say \"hi\"'>x</a>", "<a title=\"say &quot;hi&quot;\">x</a>");
    row("attribute without value", "<td nowrap>t</td>", "<td nowrap>t</td>");
    row("unterminated tag dropped", "ok<a href=\"x", "ok");
    row("end tags of dropped elements", "a</form></object>b", "ab");
    row("non-ASCII text", "<p>Überdruck – Pumpe P-201 ✓</p>", "<p>Überdruck – Pumpe P-201 ✓</p>");
}

void TestMessageView::sanitize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(sanitizeHtml(input), expected);
}

void TestMessageView::rawHtmlTriggersNoConnection()
{
    // The browser's own barrier, without the sanitiser in front of it.
    KnockCounter server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort());

    SafeTextBrowser browser;
    browser.setHtml(remoteHtml(server.serverPort()));
    showAndSettle(&browser);

    QCOMPARE(server.connections, 0);
    QStringList refused;
    for (const QUrl &url : browser.refusedUrls())
        refused << url.toString();
    // Every one of these reached loadResource() and got nothing.
    for (const char *path : {"/pixel.png", "/style.css", "/import.css", "/body-bg.png", "/inline-bg.png",
                             "/class-bg.png", "/table-bg.png", "/cell-bg.png"}) {
        const QString url = base + QLatin1String(path);
        QVERIFY2(refused.contains(url), qPrintable(url + QStringLiteral(" not refused; refused: ") + refused.join(u' ')));
    }
    QCOMPARE(browser.resolvedCount(), 0);
    // Nothing refused was ever stored in the document.
    for (const QUrl &url : browser.refusedUrls()) {
        QVERIFY(!browser.document()->resource(QTextDocument::ImageResource, url).isValid());
    }
}

void TestMessageView::messageViewTriggersNoConnection()
{
    KnockCounter server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    MessageView view;
    view.setMessage(message(remoteHtml(server.serverPort()), QStringLiteral("Alarm on P-201.")));
    QVERIFY(!view.showsPlainText());
    showAndSettle(&view);

    QCOMPARE(server.connections, 0);
    QVERIFY(!view.shownHtml().contains(QStringLiteral("127.0.0.1")));
    QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("Alarm on P-201.")));
    for (const QUrl &url : view.browser()->refusedUrls())
        QVERIFY2(url.scheme() != u"http", qPrintable(url.toString()));
}

void TestMessageView::localImagesNotShown()
{
    // QTextDocument's image handler reads a file itself when loadResource()
    // gives nothing: the sanitiser must keep file: and path sources away from it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("red.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(redPng(24));
    file.close();
    const QString html = QStringLiteral("<p>x</p><img src=\"%1\"><img src=\"%2\">")
                             .arg(QUrl::fromLocalFile(path).toString(), path);

    SafeTextBrowser raw;
    raw.setHtml(html);
    raw.resize(300, 200);
    const bool qtReadsFiles = containsColour(raw.viewport()->grab().toImage(), qRgb(255, 0, 0));
    qDebug() << "QTextDocument alone shows a file: image despite loadResource():" << qtReadsFiles;

    MessageView view;
    view.setMessage(message(html));
    view.resize(300, 200);
    QVERIFY(!view.shownHtml().contains(path));
    QVERIFY(!containsColour(view.browser()->viewport()->grab().toImage(), qRgb(255, 0, 0)));
}

void TestMessageView::cidImageFromInlineAttachment()
{
    const QByteArray png = redPng(24);
    IncomingMessage m = message(QStringLiteral("<p>Vibration plot:</p><img src=\"cid:plot.1@plant.test\">"));
    m.attachments = {attachment(QStringLiteral("plot.png"), QStringLiteral("image/png"), png,
                                QStringLiteral("plot.1@plant.test"), true)};
    MessageView view;
    view.setMessage(m);
    showAndSettle(&view);

    QVERIFY(view.browser()->resolvedCount() >= 1);
    QVERIFY(view.browser()->refusedUrls().isEmpty());
    const QVariant resource = view.browser()->document()->resource(QTextDocument::ImageResource,
                                                                   QUrl(QStringLiteral("cid:plot.1@plant.test")));
    QCOMPARE(resource.toByteArray(), png);
    QVERIFY(containsColour(view.browser()->viewport()->grab().toImage(), qRgb(255, 0, 0)));

    // An unknown cid: is refused, not guessed.
    QVERIFY(!view.browser()->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("cid:other@plant.test"))).isValid());
    // And a known one is an image only: never a stylesheet.
    QVERIFY(!view.browser()->loadResource(QTextDocument::StyleSheetResource, QUrl(QStringLiteral("cid:plot.1@plant.test"))).isValid());
}

void TestMessageView::dataImagesOnly()
{
    SafeTextBrowser browser;
    const QByteArray png = redPng();
    const QUrl pngUrl(QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64()));
    QCOMPARE(browser.loadResource(QTextDocument::ImageResource, pngUrl).toByteArray(), png);
    QCOMPARE(browser.resolvedCount(), 1);

    const QUrl css(QStringLiteral("data:text/css,p%7Bbackground:url(http://127.0.0.1:1/x.png)%7D"));
    QVERIFY(!browser.loadResource(QTextDocument::StyleSheetResource, css).isValid());
    QVERIFY(!browser.loadResource(QTextDocument::ImageResource, css).isValid());
    const QUrl svg(QStringLiteral("data:image/svg+xml;base64,PHN2Zy8+"));
    QVERIFY(!browser.loadResource(QTextDocument::ImageResource, svg).isValid());
    const QUrl broken(QStringLiteral("data:image/png;base64,!!!"));
    QVERIFY(!browser.loadResource(QTextDocument::ImageResource, broken).isValid());
    for (const char *url : {"http://127.0.0.1:1/a.png", "https://example.com/a.png", "ftp://example.com/a.png",
                            "file:///etc/hostname", "a.png", "/etc/hostname"}) {
        QVERIFY2(!browser.loadResource(QTextDocument::ImageResource, QUrl(QString::fromLatin1(url))).isValid(), url);
    }
    QCOMPARE(browser.refusedUrls().size(), 10);
    browser.clearRefused();
    QVERIFY(browser.refusedUrls().isEmpty());
    QCOMPARE(browser.resolvedCount(), 0);
}

void TestMessageView::scriptAndHandlersRemoved()
{
    MessageView view;
    view.setMessage(message(QStringLiteral(
        "<p onclick=\"steal()\" onmouseover='steal()'>Pump P-7 alarm</p>"
        "<script>var secret = 'SCRIPT-BODY'; steal();</script>"
        "<img src=\"cid:none\" onerror=\"steal()\">")));
    QVERIFY(!view.shownHtml().contains(QStringLiteral("script"), Qt::CaseInsensitive));
    QVERIFY(!view.shownHtml().contains(QStringLiteral("SCRIPT-BODY")));
    QVERIFY(!view.shownHtml().contains(QStringLiteral("steal")));
    QVERIFY(!view.shownHtml().contains(QStringLiteral("onclick"), Qt::CaseInsensitive));
    QVERIFY(!view.browser()->toPlainText().contains(QStringLiteral("SCRIPT-BODY")));
    QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("Pump P-7 alarm")));
}

void TestMessageView::javascriptLinkNotActivatable()
{
    MessageView view;
    view.setMessage(message(QStringLiteral(
        "<p><a href=\"javascript:alert(1)\">evil</a> and <a href=\"https://plant.test/wo/42\">work order</a></p>")));
    QVERIFY(!view.shownHtml().contains(QStringLiteral("javascript"), Qt::CaseInsensitive));
    QVERIFY(!view.browser()->openExternalLinks());
    QVERIFY(!view.browser()->openLinks());
    showAndSettle(&view);

    QSignalSpy activated(&view, &MessageView::linkActivated);
    const QPoint evil = pointOf(view.browser(), QStringLiteral("evil"));
    QVERIFY(!evil.isNull());
    QTest::mouseClick(view.browser()->viewport(), Qt::LeftButton, {}, evil);
    QCOMPARE(activated.size(), 0);

    const QPoint good = pointOf(view.browser(), QStringLiteral("work order"));
    QVERIFY(!good.isNull());
    QTest::mouseClick(view.browser()->viewport(), Qt::LeftButton, {}, good);
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://plant.test/wo/42")));
    QVERIFY(view.browser()->source().isEmpty()); // nothing was followed

    // Even if such a link reached the browser, a click would not be passed on.
    Q_EMIT view.browser()->anchorClicked(QUrl(QStringLiteral("javascript:alert(1)")));
    Q_EMIT view.browser()->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    Q_EMIT view.browser()->anchorClicked(QUrl(QStringLiteral("data:text/html,<b>x</b>")));
    QCOMPARE(activated.size(), 1);
    Q_EMIT view.browser()->anchorClicked(QUrl(QStringLiteral("mailto:tech@plant.test")));
    QCOMPARE(activated.size(), 2);
}

void TestMessageView::headersArePlainText()
{
    IncomingMessage m = message(QString(), QStringLiteral("body"));
    m.subject = QStringLiteral("<b>not bold</b> <img src=\"http://x/\">");
    MessageView view;
    view.setMessage(m);
    QCOMPARE(view.fromLabel()->text(), QStringLiteral("Alarm Server <alarms@plant.test>"));
    QCOMPARE(view.toLabel()->text(), QStringLiteral("Supervisor <supervisor@plant.test>, shift@plant.test"));
    QVERIFY(view.dateLabel()->text().contains(QStringLiteral("2026")));
    QCOMPARE(view.subjectLabel()->text(), m.subject);
    for (QLabel *label : {view.fromLabel(), view.toLabel(), view.dateLabel(), view.subjectLabel()})
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

void TestMessageView::plainTextToggle()
{
    MessageView view;
    view.setMessage(message(QStringLiteral("<p><b>Rich</b> body</p>"), QStringLiteral("Plain body WO-1")));
    QVERIFY(view.plainTextToggle()->isEnabled());
    QVERIFY(!view.showsPlainText());
    QCOMPARE(view.browser()->toPlainText(), QStringLiteral("Rich body"));

    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::mouseClick(view.plainTextToggle(), Qt::LeftButton);
    QVERIFY(view.plainTextToggle()->isChecked());
    QVERIFY(view.showsPlainText());
    QCOMPARE(view.browser()->toPlainText(), QStringLiteral("Plain body WO-1"));
    QVERIFY(view.shownHtml().isEmpty());

    view.setPlainTextPreferred(false);
    QCOMPARE(view.browser()->toPlainText(), QStringLiteral("Rich body"));

    // The choice survives the next message.
    view.setPlainTextPreferred(true);
    view.setMessage(message(QStringLiteral("<p>Other</p>"), QStringLiteral("Other text")));
    QCOMPARE(view.browser()->toPlainText(), QStringLiteral("Other text"));

    // HTML only: plain text is made from it.
    view.setMessage(message(QStringLiteral("<p>Only <i>HTML</i></p>")));
    QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("Only HTML")));

    // No HTML: plain text is all there is; the toggle cannot say otherwise.
    view.setPlainTextPreferred(false);
    view.setMessage(message(QString(), QStringLiteral("<b>literal</b> text")));
    QVERIFY(!view.plainTextToggle()->isEnabled());
    QVERIFY(view.showsPlainText());
    QCOMPARE(view.browser()->toPlainText(), QStringLiteral("<b>literal</b> text"));
}

void TestMessageView::attachmentsListed()
{
    IncomingMessage m = message(QString(), QStringLiteral("see attached"));
    m.attachments = {attachment(QStringLiteral("WO-2026-42.pdf"), QStringLiteral("application/pdf"), QByteArray(1536, 'x')),
                     attachment(QStringLiteral("log.txt"), QStringLiteral("text/plain"), QByteArray(12, 'y'))};
    MessageView view;
    view.show();
    view.setMessage(m);
    QCOMPARE(view.attachmentList()->count(), 2);
    QCOMPARE(view.attachmentList()->item(0)->text(), QStringLiteral("WO-2026-42.pdf (application/pdf, 1.5 kB)"));
    QCOMPARE(view.attachmentList()->item(1)->text(), QStringLiteral("log.txt (text/plain, 12 bytes)"));
    QVERIFY(!view.saveButton()->isEnabled());
    view.attachmentList()->setCurrentRow(1);
    QVERIFY(view.saveButton()->isEnabled());

    view.setMessage(message(QString(), QStringLiteral("nothing attached")));
    QCOMPARE(view.attachmentList()->count(), 0);
    QVERIFY(!view.saveButton()->isEnabled());
    QVERIFY(!view.attachmentList()->isVisibleTo(&view));
}

void TestMessageView::saveAsWritesIdenticalBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray bytes;
    for (int i = 0; i < 4096; ++i)
        bytes.append(char(i % 256));
    IncomingMessage m = message(QString(), QStringLiteral("see attached"));
    m.attachments = {attachment(QStringLiteral("readme.txt"), QStringLiteral("text/plain"), "hello"),
                     attachment(QStringLiteral("WO-2026-42.pdf"), QStringLiteral("application/pdf"), bytes)};

    MessageView view;
    QString suggested;
    const QString target = dir.filePath(QStringLiteral("saved.pdf"));
    view.setSaveFileDialog([&](const QString &s) {
        suggested = s;
        return target;
    });
    view.setMessage(m);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy saved(&view, &MessageView::attachmentSaved);
    QSignalSpy failed(&view, &MessageView::saveFailed);

    view.attachmentList()->setCurrentRow(1);
    QTest::mouseClick(view.saveButton(), Qt::LeftButton);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(saved.at(0).at(0).toString(), target);
    QCOMPARE(QFileInfo(suggested).fileName(), QStringLiteral("WO-2026-42.pdf"));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("Saved")));

    // A sender's name with directories in it is offered as a plain name, in the same folder.
    m.attachments = {attachment(QStringLiteral("../../.config/autostart/x.desktop"), QStringLiteral("text/plain"), "x")};
    view.setMessage(m);
    const QString folder = QFileInfo(suggested).absolutePath();
    QVERIFY(view.saveAttachment(0));
    QCOMPARE(QFileInfo(suggested).absolutePath(), folder);
    QVERIFY(!QFileInfo(suggested).fileName().contains(u'/'));
    QVERIFY(!QFileInfo(suggested).fileName().startsWith(u'.'));
}

void TestMessageView::saveAsCancelled()
{
    QTemporaryDir dir;
    IncomingMessage m = message(QString(), QStringLiteral("x"));
    m.attachments = {attachment(QStringLiteral("a.bin"), QStringLiteral("application/octet-stream"), "abc")};
    MessageView view;
    view.setSaveFileDialog([](const QString &) { return QString(); });
    view.setMessage(m);
    QSignalSpy saved(&view, &MessageView::attachmentSaved);
    QSignalSpy failed(&view, &MessageView::saveFailed);
    QVERIFY(!view.saveAttachment(0));
    QCOMPARE(saved.size(), 0);
    QCOMPARE(failed.size(), 0);
    QVERIFY(view.statusLabel()->text().isEmpty());
    QVERIFY(QDir(dir.path()).isEmpty());
    QVERIFY(!view.saveAttachment(5)); // no such attachment
}

void TestMessageView::saveAsReportsErrors()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("missing-folder/a.bin"));
    IncomingMessage m = message(QString(), QStringLiteral("x"));
    m.attachments = {attachment(QStringLiteral("a.bin"), QStringLiteral("application/octet-stream"), "abc")};
    MessageView view;
    view.setSaveFileDialog([&](const QString &) { return target; });
    view.setMessage(m);
    QSignalSpy failed(&view, &MessageView::saveFailed);
    QVERIFY(!view.saveAttachment(0));
    QCOMPARE(failed.size(), 1);
    const QString error = failed.at(0).at(0).toString();
    QVERIFY2(error.startsWith(QStringLiteral("Could not save the attachment to ") + target), qPrintable(error));
    QVERIFY2(error.endsWith(QStringLiteral("Choose another folder.")), qPrintable(error));
    QCOMPARE(view.statusLabel()->text(), error);
    QVERIFY(!QFile::exists(target));

    QString direct;
    QVERIFY(!MessageView::writeAttachment(m.attachments.at(0), target, &direct));
    QCOMPARE(direct, error);
}

QTEST_MAIN(TestMessageView)
#include "tst_messageview.moc"
