#include "htmlsanitizer.h"

#include "htmlcharref.h"
#include "htmltokenizer.h"

#include <QLoggingCategory>

#include <algorithm>

namespace machina {

Q_LOGGING_CATEGORY(lcSanitizer, "machina.html", QtWarningMsg)

namespace {

bool isOneOf(QStringView name, std::initializer_list<QStringView> names)
{
    return std::any_of(names.begin(), names.end(), [name](QStringView n) { return name == n; });
}

// Dropped with everything up to their end tag.
bool dropsContent(QStringView tag)
{
    return isOneOf(tag, {u"script", u"iframe", u"noscript", u"template"});
}

// Tag dropped, content kept.
bool dropsTag(QStringView tag)
{
    return isOneOf(tag, {u"object", u"embed", u"applet", u"param", u"form", u"input", u"button", u"select",
                         u"textarea", u"link", u"meta", u"base", u"frame", u"frameset", u"svg", u"math"});
}

bool isUrlAttribute(QStringView name)
{
    return isOneOf(name, {u"href", u"src", u"background", u"action", u"formaction", u"lowsrc", u"dynsrc",
                          u"poster", u"cite", u"longdesc", u"data", u"codebase", u"xlink:href", u"srcset",
                          u"usemap", u"profile"});
}

bool isImageSourceAttribute(QStringView name)
{
    return isOneOf(name, {u"src", u"background", u"lowsrc", u"dynsrc", u"poster", u"srcset"});
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u':' || c == u'_';
}

// Lower case, without white space or control characters, references decoded:
// what a browser would take the scheme from.
QString squeezed(QStringView raw)
{
    QString out;
    for (QChar c : HtmlCharRef::decodeAttribute(raw)) {
        if (c.unicode() <= 0x20 || c.isSpace() || (c.unicode() >= 0x7f && c.unicode() <= 0x9f))
            continue;
        out += c.toLower();
    }
    return out;
}

bool isScriptUrl(QStringView raw)
{
    const QString s = squeezed(raw);
    return s.startsWith(u"javascript:") || s.startsWith(u"vbscript:") || s.startsWith(u"livescript:")
        || s.startsWith(u"data:");
}

bool isEmbeddedImageUrl(QStringView raw)
{
    const QString s = squeezed(raw);
    return s.startsWith(u"cid:") || (s.startsWith(u"data:image/") && !s.startsWith(u"data:image/svg"));
}

// CSS that would fetch something, or could hide that behind an escape.
bool cssLoads(QStringView css)
{
    const QString s = squeezed(css);
    return s.contains(u"url(") || s.contains(u"@import") || s.contains(u"expression(") || s.contains(u'\\')
        || s.contains(u"image-set(");
}

/// Every candidate of a srcset ("a.png 1x, b.png 2x") must be embedded, not just the first.
bool isEmbeddedImageSet(QStringView raw)
{
    const QString decoded = HtmlCharRef::decodeAttribute(raw);
    const QStringList candidates = decoded.split(u',', Qt::SkipEmptyParts);
    return !candidates.isEmpty() && std::all_of(candidates.cbegin(), candidates.cend(), [](const QString &c) {
        return isEmbeddedImageUrl(c.trimmed().section(u' ', 0, 0));
    });
}

/// Why @p a must go, or empty when it may stay.
QString attributeProblem(QStringView tag, const HtmlAttribute &a)
{
    Q_UNUSED(tag);
    if (a.name.isEmpty() || !std::all_of(a.name.cbegin(), a.name.cend(), isNameChar))
        return QStringLiteral("an attribute name that is not one");
    if (a.name.startsWith(u"on"))
        return QStringLiteral("the handler %1").arg(a.name);
    if (isOneOf(a.name, {u"srcdoc", u"formaction", u"http-equiv"}))
        return QStringLiteral("the attribute %1").arg(a.name);
    if (a.name == u"style" && cssLoads(a.rawValue))
        return QStringLiteral("a style that loads something");
    if (a.name == u"srcset") {
        if (!isEmbeddedImageSet(a.rawValue))
            return QStringLiteral("a remote or local image source in srcset");
    } else if (isImageSourceAttribute(a.name)) {
        if (!isEmbeddedImageUrl(a.rawValue))
            return QStringLiteral("a remote or local image source in %1").arg(a.name);
    } else if (isUrlAttribute(a.name) && isScriptUrl(a.rawValue)) {
        return QStringLiteral("a script or data: URL in %1").arg(a.name);
    }
    return {};
}

QString serialised(const HtmlAttribute &a)
{
    QString out = u' ' + a.name;
    if (a.hasValue) {
        QString value = a.rawValue.toString();
        // Written as it came, but no quote, '<' or '>' that a lax reader could take for markup.
        value.replace(u'"', QStringLiteral("&quot;"));
        value.replace(u'<', QStringLiteral("&lt;"));
        value.replace(u'>', QStringLiteral("&gt;"));
        out += QStringLiteral("=\"") + value + u'"';
    }
    return out;
}

/// Text as written, but every '<' that could begin a tag is escaped: one before
/// a letter, '/', '!', '?' or '&' (Qt's rich-text parser skips white space after
/// '<' and decodes references in names), and one at the end of the text, which
/// what comes after a dropped element could complete. "1 < 2" stays as it is.
void appendText(QString *out, QStringView raw)
{
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c != u'<') {
            *out += c;
            continue;
        }
        qsizetype j = i + 1;
        while (j < raw.size() && raw[j].isSpace())
            ++j;
        const QChar next = j < raw.size() ? raw[j] : QChar();
        const bool harmless = !next.isNull() && next.unicode() < 0x80 && !next.isLetter() && next != u'/'
                              && next != u'!' && next != u'?' && next != u'&' && next != u'<';
        *out += harmless ? QStringLiteral("<") : QStringLiteral("&lt;");
    }
}


} // namespace

QString sanitizeHtml(const QString &input)
{
    HtmlTokenizer tokens(input);
    QString out;
    out.reserve(input.size());
    for (HtmlToken token = tokens.next(); token.kind != HtmlToken::Kind::End; token = tokens.next()) {
        switch (token.kind) {
        case HtmlToken::Kind::Text:
            appendText(&out, token.raw);
            break;
        case HtmlToken::Kind::Doctype:
            out += token.raw;
            break;
        case HtmlToken::Kind::Comment:
        case HtmlToken::Kind::End:
            break;
        case HtmlToken::Kind::EndTag:
            if (!dropsTag(token.name) && !dropsContent(token.name) && std::all_of(token.name.cbegin(), token.name.cend(), isNameChar))
                out += QStringLiteral("</") + token.name + u'>';
            break;
        case HtmlToken::Kind::StartTag: {
            if (!std::all_of(token.name.cbegin(), token.name.cend(), isNameChar))
                break;   // "<a.b>" is no element a reader would know
            if (dropsContent(token.name)) {
                tokens.rawText(token.name);
                qCDebug(lcSanitizer) << "sanitizer dropped a" << token.name << "element";
                break;
            }
            if (token.name == u"style") {
                const QStringView css = tokens.rawText(token.name);
                // No '<' either: another reader may end the style element earlier than we did.
                if (!cssLoads(css) && !css.contains(u'<'))
                    out += QStringLiteral("<style>") + css.toString() + QStringLiteral("</style>");
                break;
            }
            if (dropsTag(token.name))
                break;
            out += u'<' + token.name;
            for (const HtmlAttribute &a : std::as_const(token.attributes)) {
                if (attributeProblem(token.name, a).isEmpty())
                    out += serialised(a);
            }
            out += token.selfClosing ? QStringLiteral(" />") : QStringLiteral(">");
            break;
        }
        }
    }
    return out;
}

QString findUnsafeHtml(const QString &sanitized)
{
    HtmlTokenizer tokens(sanitized);
    for (HtmlToken token = tokens.next(); token.kind != HtmlToken::Kind::End; token = tokens.next()) {
        if (token.kind != HtmlToken::Kind::StartTag)
            continue;
        if (dropsContent(token.name) || dropsTag(token.name))
            return QStringLiteral("the element %1").arg(token.name);
        if (token.name == u"style") {
            const QStringView css = tokens.rawText(token.name);
            if (cssLoads(css) || css.contains(u'<'))
                return QStringLiteral("a style element that loads something or holds markup");
            continue;
        }
        for (const HtmlAttribute &a : std::as_const(token.attributes)) {
            const QString problem = attributeProblem(token.name, a);
            if (!problem.isEmpty())
                return problem + QStringLiteral(" on <%1>").arg(token.name);
        }
    }
    return {};
}

} // namespace machina
