// The tokenizer over one framed response: atoms, quoted strings, literals,
// lists, NIL and numbers, and the ImapValue they make.
#include "imapreader.h"

#include <limits>

namespace machina {

using namespace ImapSyntax;

namespace ImapSyntax {

/// Untrusted bytes for an error reason: printable ASCII only, shortened.
QString printable(QByteArrayView bytes)
{
    constexpr qsizetype max = 32;
    QString out;
    for (qsizetype i = 0; i < bytes.size() && i < max; ++i) {
        const char c = bytes.at(i);
        out += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QLatin1Char('?');
    }
    if (bytes.size() > max)
        out += QStringLiteral("...");
    return out;
}

/// Digits to an unsigned number no larger than max; false on overflow or a non-digit.
bool toUnsigned(QByteArrayView digits, quint64 max, quint64 &out)
{
    if (digits.isEmpty())
        return false;
    quint64 value = 0;
    for (char c : digits) {
        if (!isDigit(c))
            return false;
        const quint64 d = quint64(c - '0');
        if (value > (max - d) / 10)
            return false;
        value = value * 10 + d;
    }
    out = value;
    return true;
}

} // namespace ImapSyntax

bool ImapReader::finish()
{
    skipSpaces();
    if (!atLineEnd()) {
        qsizetype end = m_pos;
        while (end < m_data.size() && m_data.at(end) != '\r' && m_data.at(end) != '\n')
            ++end;
        return fail(m_pos, QStringLiteral("unexpected data \"%1\" before the end of the line")
                               .arg(printable(m_data.sliced(m_pos, end - m_pos))));
    }
    m_pos += peek() == '\r' ? 2 : 1;
    if (m_pos < m_data.size())
        return fail(m_pos, QStringLiteral("unexpected data after the response"));
    return true;
}

bool ImapReader::atom(QByteArray &out, bool stopAtBracket, const char *what)
{
    const qsizetype start = m_pos;
    while (!atEnd() && isAtomChar(peek(), stopAtBracket))
        ++m_pos;
    if (m_pos == start)
        return fail(start, QStringLiteral("expected %1").arg(QLatin1String(what)));
    out = m_data.sliced(start, m_pos - start).toByteArray();
    return true;
}

bool ImapReader::number(quint64 &out, quint64 max)
{
    const qsizetype start = m_pos;
    while (isDigit(peek()))
        ++m_pos;
    if (m_pos == start)
        return fail(start, QStringLiteral("expected a number"));
    if (!toUnsigned(m_data.sliced(start, m_pos - start), max, out))
        return fail(start, QStringLiteral("number %1 is larger than %2").arg(printable(m_data.sliced(start, m_pos - start))).arg(max));
    return true;
}

bool ImapReader::quoted(QByteArray &out)
{
    const qsizetype start = m_pos++;
    out = QByteArray("", 0);   // "" is empty, not NIL: keep it non-null
    while (true) {
        if (atLineEnd())
            return fail(start, QStringLiteral("unterminated quoted string"));
        const char c = m_data.at(m_pos++);
        if (c == '"')
            return true;
        if (c == '\\' && (peek() == '"' || peek() == '\\')) {
            out += m_data.at(m_pos++);
            continue;
        }
        // Any other backslash is kept as sent: servers that forget to escape a
        // backslash in a mailbox name then still give us the name.
        out += c;
    }
}

bool ImapReader::literal(QByteArray &out)
{
    const qsizetype start = m_pos;
    if (peek() == '~')   // literal8, RFC 3516
        ++m_pos;
    ++m_pos;   // "{"
    const qsizetype digits = m_pos;
    while (isDigit(peek()))
        ++m_pos;
    quint64 size = 0;
    if (!toUnsigned(m_data.sliced(digits, m_pos - digits), std::numeric_limits<quint64>::max(), size))
        return fail(start, QStringLiteral("malformed literal length"));
    if (peek() == '+')
        ++m_pos;
    if (peek() != '}')
        return fail(start, QStringLiteral("malformed literal length"));
    ++m_pos;
    if (peek() == '\r' && peek(1) == '\n')
        m_pos += 2;
    else if (peek() == '\n')
        ++m_pos;
    else
        return fail(start, QStringLiteral("a literal's length must end the line"));
    if (size > quint64(m_data.size() - m_pos))
        return fail(start, QStringLiteral("literal is truncated"));
    out = size == 0 ? QByteArray("", 0) : m_data.sliced(m_pos, qsizetype(size)).toByteArray();
    m_pos += qsizetype(size);
    return true;
}

bool ImapReader::value(ImapValue &out, int depth)
{
    const char c = peek();
    if (c == '(') {
        out = ImapValue::fromList({});
        return list(out.list, depth + 1);
    }
    if (c == '"') {
        out.type = ImapValue::Type::String;
        return quoted(out.bytes);
    }
    if (c == '{' || (c == '~' && peek(1) == '{')) {
        out.type = ImapValue::Type::String;
        return literal(out.bytes);
    }
    if (atEnd() || !isAtomChar(c, false))
        return fail(m_pos, atLineEnd() ? QStringLiteral("unexpected end of line")
                                       : QStringLiteral("unexpected character '%1'").arg(printable(QByteArrayView(&c, 1))));
    QByteArray text;
    atom(text, false, "a value");
    quint64 n = 0;
    if (toUnsigned(text, std::numeric_limits<quint64>::max(), n)) {
        out = ImapValue{ImapValue::Type::Number, text, n, {}};
    } else if (text.size() == 3 && text.toUpper() == "NIL") {
        out = ImapValue::nil();
    } else {
        out = ImapValue::atom(text);
    }
    return true;
}

bool ImapReader::list(QList<ImapValue> &out, int depth)
{
    const qsizetype open = m_pos;
    if (depth > ImapParser::MaxNestingDepth)
        return fail(open, QStringLiteral("lists nested deeper than %1 levels").arg(ImapParser::MaxNestingDepth));
    if (!expect('('))
        return false;
    skipSpaces();
    while (true) {
        if (peek() == ')') {
            ++m_pos;
            return true;
        }
        if (atLineEnd())
            return fail(open, QStringLiteral("unterminated list"));
        ImapValue item;
        if (!value(item, depth))
            return false;
        out.append(std::move(item));
        // body-type-mpart ("1*body") and address lists put lists side by side: ")("
        if (peek() == ' ')
            skipSpaces();
        else if (peek() == '(' && out.last().isList())
            continue;
        else if (atLineEnd())
            return fail(open, QStringLiteral("unterminated list"));
        else if (peek() != ')')
            return fail(m_pos, QStringLiteral("expected a space or ')' in a list"));
    }
}

bool ImapReader::astring(QByteArray &out)
{
    const qsizetype start = m_pos;
    ImapValue v;
    if (!value(v, 0))
        return false;
    if (v.isList())
        return fail(start, QStringLiteral("expected a string, got a list"));
    out = v.isNil() ? QByteArray("NIL") : v.bytes;   // an astring "NIL" is the name NIL
    return true;
}

bool ImapReader::nstring(QByteArray &out)
{
    const qsizetype start = m_pos;
    ImapValue v;
    if (!value(v, 0))
        return false;
    if (!v.isString() && !v.isNil())
        return fail(start, QStringLiteral("expected a string or NIL"));
    out = v.toBytes();
    return true;
}

bool ImapReader::atomList(QList<QByteArray> &out)
{
    const qsizetype start = m_pos;
    QList<ImapValue> items;
    if (!list(items, 1))
        return false;
    for (const ImapValue &item : items) {
        if (item.type != ImapValue::Type::Atom)
            return fail(start, QStringLiteral("expected a list of flags or atoms"));
        out.append(item.bytes);
    }
    return true;
}

/// Moves past "]" of a "[...]" that started at open, skipping quoted strings.
bool ImapReader::skipBracketed(qsizetype open, const QString &what)
{
    while (!atLineEnd() && peek() != ']') {
        if (peek() == '"') {
            ++m_pos;
            while (!atLineEnd() && peek() != '"')
                m_pos += peek() == '\\' && (peek(1) == '"' || peek(1) == '\\') ? 2 : 1;
            if (atLineEnd())
                break;
        }
        ++m_pos;
    }
    if (peek() != ']')
        return fail(open, QStringLiteral("unterminated %1").arg(what));
    return true;
}

QByteArray ImapValue::serialized() const
{
    switch (type) {
    case Type::Nil:
        return "NIL";
    case Type::Atom:
    case Type::Number:
        return bytes;
    case Type::String: {
        QByteArray out = "\"";
        for (char c : bytes) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        return out + '"';
    }
    case Type::List: {
        QByteArray out = "(";
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (i > 0)
                out += ' ';
            out += list.at(i).serialized();
        }
        return out + ')';
    }
    }
    return {};
}

} // namespace machina
