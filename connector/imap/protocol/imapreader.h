#pragma once

// Internal to the IMAP parser; users include imapparser.h.

#include "imapparser.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace machina {

/** Lexical helpers shared by the framer, the reader and the response grammar. */
namespace ImapSyntax {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// ATOM-CHAR (RFC 3501 section 9) made lenient: "\", "%", "*", "[" and 8-bit
/// bytes are accepted so flags ("\Seen", "\*") and odd server atoms parse; "]"
/// ends an atom only inside a response code.
inline bool isAtomChar(char c, bool stopAtBracket)
{
    const uchar u = uchar(c);
    if (u <= 0x20 || u == 0x7f)
        return false;
    switch (c) {
    case '(':
    case ')':
    case '{':
    case '"':
        return false;
    case ']':
        return !stopAtBracket;
    default:
        return true;
    }
}

/// Untrusted bytes for an error reason: printable ASCII only, shortened.
QString printable(QByteArrayView bytes);

/// Digits to an unsigned number no larger than max; false on overflow or a non-digit.
bool toUnsigned(QByteArrayView digits, quint64 max, quint64 &out);

} // namespace ImapSyntax

/**
 * The tokenizer over one complete, framed response (all its lines and
 * literals are in data): atoms, quoted strings, literals, lists, NIL and
 * numbers. ImapResponseReader adds the response grammar on top of it.
 * Every function returns false after recording the first error.
 */
class ImapReader
{
public:
    /// base: the stream offset of data[0], so errors report stream offsets.
    ImapReader(QByteArrayView data, qsizetype base) : m_data(data), m_base(base) {}

    ImapParser::Error error() const { return m_error.value_or(ImapParser::Error{}); }

protected:
    bool fail(qsizetype at, QString reason)
    {
        if (!m_error)
            m_error = ImapParser::Error{m_base + at, std::move(reason)};
        return false;
    }
    char peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_data.size() ? m_data.at(m_pos + ahead) : '\0';
    }
    bool atEnd() const { return m_pos >= m_data.size(); }
    bool atLineEnd() const { return atEnd() || peek() == '\n' || (peek() == '\r' && peek(1) == '\n'); }
    void skipSpaces()
    {
        while (peek() == ' ')
            ++m_pos;
    }
    bool space()
    {
        if (peek() != ' ')
            return fail(m_pos, QStringLiteral("expected a space"));
        skipSpaces();
        return true;
    }
    bool expect(char c)
    {
        if (peek() != c)
            return fail(m_pos, QStringLiteral("expected '%1'").arg(QLatin1Char(c)));
        ++m_pos;
        return true;
    }
    /// Trailing spaces, the line end, and nothing after it.
    bool finish();
    QByteArray restOfLine()
    {
        const qsizetype start = m_pos;
        while (!atLineEnd())
            ++m_pos;
        return m_data.sliced(start, m_pos - start).toByteArray();
    }

    bool atom(QByteArray &out, bool stopAtBracket, const char *what);
    bool number(quint64 &out, quint64 max);
    bool quoted(QByteArray &out);
    bool literal(QByteArray &out);
    bool value(ImapValue &out, int depth);
    bool list(QList<ImapValue> &out, int depth);
    bool astring(QByteArray &out);
    bool nstring(QByteArray &out);
    bool atomList(QList<QByteArray> &out);
    bool skipBracketed(qsizetype open, const QString &what);

    QByteArrayView m_data;
    qsizetype m_base;
    qsizetype m_pos = 0;
    std::optional<ImapParser::Error> m_error;
};

} // namespace machina
