#pragma once

#include <QList>
#include <algorithm>
#include <QString>
#include <QStringView>

namespace machina {

/** One attribute of a start tag, as written. */
struct HtmlAttribute
{
    QString name;          ///< lower case
    QStringView rawValue;  ///< as in the source, character references not decoded
    bool hasValue = false;

    /// The value with its character references decoded (attribute rules).
    QString value() const;
};

/** What HtmlTokenizer::next() found. */
struct HtmlToken
{
    enum class Kind { Text, StartTag, EndTag, Comment, Doctype, End };

    Kind kind = Kind::End;
    QStringView raw;                    ///< the token's source text
    QString name;                       ///< lower-case tag name (StartTag, EndTag)
    QList<HtmlAttribute> attributes;    ///< StartTag
    bool selfClosing = false;           ///< StartTag written "<br/>"
};

/**
 * The one HTML tokenizer: the HTML-to-text conversion and the sanitiser both
 * read mail HTML through it, so both see the same tags. It follows the HTML
 * standard's tokenizer where mail needs it:
 *
 * - a tag starts with '<' and an ASCII letter ("</" and a letter for an end
 *   tag); any other '<' is text ("a < b");
 * - the name runs to white space, '/' or '>'; attribute values may be quoted,
 *   and a '>' inside quotes does not end the tag;
 * - comments run to "-->", "<!...>" and "<?...>" to the next '>', DOCTYPE
 *   kept apart;
 * - a tag that never ends (an unclosed quote, no '>') swallows the rest of
 *   the input, as a browser does.
 *
 * Text is handed out as written; HtmlCharRef decodes it. The content of
 * elements whose content is raw text (script, style...) is not tokenized:
 * the caller takes it with rawText() after their start tag.
 */
class HtmlTokenizer
{
public:
    explicit HtmlTokenizer(QStringView html) : m_html(html) {}

    HtmlToken next();
    /**
     * Right after the start tag of @p name: its content up to "</name" (not
     * followed by a name character), and moves past that end tag; the rest of
     * the input when the element is never closed.
     */
    QStringView rawText(QStringView name);

    qsizetype position() const { return m_pos; }
    void setPosition(qsizetype pos) { m_pos = std::clamp<qsizetype>(pos, 0, m_html.size()); }
    QStringView input() const { return m_html; }

private:
    /// Reads attributes from m_pos up to and past '>'; false when the tag never ends.
    bool readAttributes(HtmlToken *token);

    QStringView m_html;
    qsizetype m_pos = 0;
};

} // namespace machina
