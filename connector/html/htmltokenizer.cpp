#include "htmltokenizer.h"

#include "htmlcharref.h"

namespace machina {

namespace {

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

bool endsName(QChar c)
{
    return isHtmlSpace(c) || c == u'/' || c == u'>';
}

} // namespace

QString HtmlAttribute::value() const
{
    return HtmlCharRef::decodeAttribute(rawValue);
}

HtmlToken HtmlTokenizer::next()
{
    HtmlToken token;
    const qsizetype n = m_html.size();
    const qsizetype start = m_pos;
    if (m_pos >= n)
        return token;

    // Text, up to the next '<' that starts something.
    qsizetype i = m_pos;
    while (i < n) {
        if (m_html[i] == u'<' && i + 1 < n) {
            const QChar c = m_html[i + 1];
            if (isAsciiLetter(c) || c == u'!' || c == u'?' || (c == u'/' && i + 2 < n && isAsciiLetter(m_html[i + 2])))
                break;
        }
        ++i;
    }
    if (i > m_pos) {
        token.kind = HtmlToken::Kind::Text;
        token.raw = m_html.sliced(m_pos, i - m_pos);
        m_pos = i;
        return token;
    }

    // At a '<' that starts a tag, a comment or a declaration.
    const QChar c = m_html[m_pos + 1];
    if (c == u'!' || c == u'?') {
        if (m_html.sliced(m_pos).startsWith(u"<!--")) {
            const qsizetype end = m_html.indexOf(u"-->", m_pos + 4);
            m_pos = end < 0 ? n : end + 3;
            token.kind = HtmlToken::Kind::Comment;
        } else {
            const qsizetype end = m_html.indexOf(u'>', m_pos);
            m_pos = end < 0 ? n : end + 1;
            token.kind = m_html.sliced(start).startsWith(u"<!doctype", Qt::CaseInsensitive) ? HtmlToken::Kind::Doctype
                                                                                             : HtmlToken::Kind::Comment;
        }
        token.raw = m_html.sliced(start, m_pos - start);
        return token;
    }

    const bool closing = c == u'/';
    qsizetype nameStart = m_pos + (closing ? 2 : 1);
    qsizetype nameEnd = nameStart;
    while (nameEnd < n && !endsName(m_html[nameEnd]))
        ++nameEnd;
    token.kind = closing ? HtmlToken::Kind::EndTag : HtmlToken::Kind::StartTag;
    token.name = m_html.sliced(nameStart, nameEnd - nameStart).toString().toLower();
    m_pos = nameEnd;
    if (!readAttributes(&token)) {
        // Never ends: the rest is the tag's, and nothing of it is content.
        m_pos = n;
        return HtmlToken{};
    }
    if (closing) {
        token.attributes.clear();   // an end tag's attributes mean nothing
        token.selfClosing = false;
    }
    token.raw = m_html.sliced(start, m_pos - start);
    return token;
}

bool HtmlTokenizer::readAttributes(HtmlToken *token)
{
    const qsizetype n = m_html.size();
    while (m_pos < n) {
        const QChar c = m_html[m_pos];
        if (c == u'>') {
            ++m_pos;
            return true;
        }
        if (isHtmlSpace(c)) {
            ++m_pos;
            continue;
        }
        if (c == u'/') {
            token->selfClosing = m_pos + 1 < n && m_html[m_pos + 1] == u'>';
            ++m_pos;
            continue;
        }
        HtmlAttribute a;
        const qsizetype nameStart = m_pos;
        ++m_pos;   // a first '=' is part of the name (HTML standard 13.2.5.32)
        while (m_pos < n && !endsName(m_html[m_pos]) && m_html[m_pos] != u'=')
            ++m_pos;
        a.name = m_html.sliced(nameStart, m_pos - nameStart).toString().toLower();
        qsizetype look = m_pos;
        while (look < n && isHtmlSpace(m_html[look]))
            ++look;
        if (look < n && m_html[look] == u'=') {
            m_pos = look + 1;
            while (m_pos < n && isHtmlSpace(m_html[m_pos]))
                ++m_pos;
            a.hasValue = true;
            if (m_pos < n && (m_html[m_pos] == u'"' || m_html[m_pos] == u'\'')) {
                const QChar quote = m_html[m_pos];
                const qsizetype end = m_html.indexOf(quote, m_pos + 1);
                if (end < 0)
                    return false;
                a.rawValue = m_html.sliced(m_pos + 1, end - m_pos - 1);
                m_pos = end + 1;
            } else {
                const qsizetype valueStart = m_pos;
                while (m_pos < n && !isHtmlSpace(m_html[m_pos]) && m_html[m_pos] != u'>')
                    ++m_pos;
                a.rawValue = m_html.sliced(valueStart, m_pos - valueStart);
            }
        }
        token->attributes.append(a);
    }
    return false;
}

QStringView HtmlTokenizer::rawText(QStringView name)
{
    const qsizetype n = m_html.size();
    const QString closing = QStringLiteral("</") + name.toString();
    qsizetype at = m_pos;
    while (true) {
        at = m_html.indexOf(closing, at, Qt::CaseInsensitive);
        if (at < 0) {
            const QStringView content = m_html.sliced(m_pos);
            m_pos = n;
            return content;
        }
        const qsizetype after = at + closing.size();
        if (after >= n || endsName(m_html[after]))
            break;
        at = after;   // "</scripts" is not "</script"
    }
    const QStringView content = m_html.sliced(m_pos, at - m_pos);
    const qsizetype gt = m_html.indexOf(u'>', at);
    m_pos = gt < 0 ? n : gt + 1;
    return content;
}

} // namespace machina
