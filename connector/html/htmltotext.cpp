#include "htmltotext.h"

#include "htmlcharref.h"
#include "htmltokenizer.h"

#include <QHash>
#include <QRegularExpression>

namespace machina::HtmlToText {

namespace {

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

/** Collects text, collapsing whitespace the way a browser lays out inline content. */
class TextSink
{
public:
    void character(QChar c)
    {
        if (m_pendingSpace && !atLineStart() && !m_out.endsWith(u' '))
            m_out += u' ';
        m_pendingSpace = false;
        m_out += c;
    }
    void characters(QStringView s)
    {
        for (const QChar c : s)
            character(c);
    }
    void whitespace() { m_pendingSpace = true; }
    void preformatted(QChar c)
    {
        if (c == u'\r')
            return;
        if (c == u'\n')
            lineBreak();
        else
            character(c);
    }
    void lineBreak()
    {
        m_pendingSpace = false;
        m_out += u'\n';
    }
    void blockBoundary()
    {
        m_pendingSpace = false;
        if (!atLineStart())
            m_out += u'\n';
    }
    void paragraphBoundary()
    {
        blockBoundary();
        if (!m_out.isEmpty() && !m_out.endsWith(QLatin1StringView("\n\n")))
            m_out += u'\n';
    }
    QString finish()
    {
        // No trailing spaces on a line, at most one empty line in a row.
        static const QRegularExpression trailingSpaces(QStringLiteral("[ \\t]+\\n"));
        static const QRegularExpression manyBreaks(QStringLiteral("\\n{3,}"));
        QString text = m_out;
        text.replace(trailingSpaces, QStringLiteral("\n"));
        text.replace(manyBreaks, QStringLiteral("\n\n"));
        return text.trimmed();
    }

private:
    bool atLineStart() const { return m_out.isEmpty() || m_out.endsWith(u'\n'); }

    QString m_out;
    bool m_pendingSpace = false;
};

enum class TagRole { Inline, Block, Paragraph, LineBreak, ListItem, Cell, Pre, SkipContent, Head };

TagRole tagRole(const QString &name)
{
    static const QHash<QString, TagRole> roles = [] {
        QHash<QString, TagRole> r;
        for (const char *block : { "address", "article", "aside", "blockquote", "body", "center",
                                   "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
                                   "figcaption", "figure", "footer", "form", "header", "hgroup",
                                   "hr", "html", "main", "menu", "nav", "ol", "section", "summary",
                                   "table", "tbody", "thead", "tfoot", "tr", "ul", "caption" }) {
            r.insert(QString::fromLatin1(block), TagRole::Block);
        }
        for (const char *paragraph : { "p", "h1", "h2", "h3", "h4", "h5", "h6" })
            r.insert(QString::fromLatin1(paragraph), TagRole::Paragraph);
        for (const char *skip : { "script", "style", "title", "template", "noembed", "noframes" })
            r.insert(QString::fromLatin1(skip), TagRole::SkipContent);
        r.insert(QStringLiteral("br"), TagRole::LineBreak);
        r.insert(QStringLiteral("li"), TagRole::ListItem);
        r.insert(QStringLiteral("td"), TagRole::Cell);
        r.insert(QStringLiteral("th"), TagRole::Cell);
        r.insert(QStringLiteral("pre"), TagRole::Pre);
        r.insert(QStringLiteral("xmp"), TagRole::Pre);
        r.insert(QStringLiteral("listing"), TagRole::Pre);
        r.insert(QStringLiteral("head"), TagRole::Head);
        return r;
    }();
    return roles.value(name, TagRole::Inline);
}

/// Text content: references decoded, white space collapsed unless in <pre>.
void addText(TextSink &sink, QStringView raw, bool preformatted)
{
    const QString text = HtmlCharRef::decodeText(raw);
    for (const QChar c : text) {
        if (c == QChar(0xAD))
            continue;                                 // a soft hyphen shows nothing
        if (c == QChar(QChar::Nbsp))
            sink.character(u' ');                     // a space that does not collapse
        else if (preformatted)
            sink.preformatted(c);
        else if (isHtmlSpace(c))
            sink.whitespace();
        else
            sink.character(c);
    }
}

} // namespace

QString convert(const QString &html)
{
    TextSink sink;
    HtmlTokenizer tokens(html);
    const QStringView in(html);
    int preDepth = 0;
    // Where the next "</head" and "<body" are (-1: none left), so that a page
    // of a thousand <head> tags is not searched a thousand times.
    qsizetype headClose = -2;
    qsizetype bodyOpen = -2;
    auto nextFrom = [&](qsizetype *cached, QLatin1StringView needle) {
        if (*cached != -1 && *cached < tokens.position())
            *cached = in.indexOf(needle, tokens.position(), Qt::CaseInsensitive);
        return *cached;
    };
    for (HtmlToken token = tokens.next(); token.kind != HtmlToken::Kind::End; token = tokens.next()) {
        if (token.kind == HtmlToken::Kind::Text) {
            addText(sink, token.raw, preDepth > 0);
            continue;
        }
        if (token.kind != HtmlToken::Kind::StartTag && token.kind != HtmlToken::Kind::EndTag)
            continue;   // comments and declarations are not content
        const bool closing = token.kind == HtmlToken::Kind::EndTag;
        switch (tagRole(token.name)) {
        case TagRole::Inline:
            break;
        case TagRole::SkipContent:
            if (!closing)
                tokens.rawText(token.name);
            break;
        case TagRole::Head:
            if (!closing) {
                // Skip to </head> or, when that is missing, to <body>; keep the text if neither comes.
                const qsizetype close = nextFrom(&headClose, QLatin1StringView("</head"));
                const qsizetype body = nextFrom(&bodyOpen, QLatin1StringView("<body"));
                if (close >= 0 && (body < 0 || close < body)) {
                    const qsizetype gt = in.indexOf(u'>', close);
                    tokens.setPosition(gt < 0 ? in.size() : gt + 1);
                } else if (body >= 0) {
                    tokens.setPosition(body);
                }
            }
            break;
        case TagRole::LineBreak:
            sink.lineBreak();
            break;
        case TagRole::Block:
            sink.blockBoundary();
            break;
        case TagRole::Paragraph:
            sink.paragraphBoundary();
            break;
        case TagRole::ListItem:
            sink.blockBoundary();
            if (!closing)
                sink.characters(u"- ");
            break;
        case TagRole::Cell:
            if (!closing)
                sink.whitespace();
            break;
        case TagRole::Pre:
            sink.blockBoundary();
            if (closing) {
                preDepth = std::max(0, preDepth - 1);
            } else {
                ++preDepth;
                // A line break right after <pre> is not content (HTML standard 13.2.6.4.7).
                qsizetype at = tokens.position();
                if (at < in.size() && in[at] == u'\r')
                    ++at;
                if (at < in.size() && in[at] == u'\n')
                    ++at;
                tokens.setPosition(at);
            }
            break;
        }
    }
    return sink.finish();
}

} // namespace machina::HtmlToText
