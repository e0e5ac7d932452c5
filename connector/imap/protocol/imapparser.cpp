// ImapParser is the framer: it splits the byte stream into whole responses
// (lines and the literals they announce), enforces the line, literal and
// response size limits, and hands each complete response to
// ImapResponseReader (imapresponses.cpp, imapfetch.cpp) over the tokenizer in
// imapreader.cpp. BODYSTRUCTURE attachment counting is in imapbodystructure.cpp.
#include "imapparser.h"

#include "imapresponses.h"

#include <limits>

namespace machina {

using namespace ImapSyntax;

namespace {

/// True for responses that end with their first line whatever it ends with:
/// continuations and status responses carry free text (RFC 3501 section 7.1),
/// which never holds a literal, so a text ending in "{5}" cannot desynchronise us.
bool isTextOnlyResponse(QByteArrayView line)
{
    if (line.isEmpty() || line.at(0) != '*')
        return true;   // "+ ...", a tagged status, or garbage the reader will reject
    qsizetype i = 1;
    while (i < line.size() && line.at(i) == ' ')
        ++i;
    const qsizetype start = i;
    while (i < line.size() && isAtomChar(line.at(i), false))
        ++i;
    return conditionFromWord(line.sliced(start, i - start).toByteArray().toUpper()).has_value();
}

struct TrailingLiteral
{
    enum class State { None, Valid, Malformed, TooLarge } state = State::None;
    quint64 size = 0;
    qsizetype bracePos = 0;    ///< of "{" in the line
};

/// Looks for "{n}", "{n+}" or "~{n}" at the very end of a line (without its CRLF).
TrailingLiteral trailingLiteral(QByteArrayView line)
{
    TrailingLiteral result;
    if (!line.endsWith('}'))
        return result;
    const qsizetype close = line.size() - 1;
    qsizetype i = close;
    while (i > 0 && (isDigit(line.at(i - 1)) || line.at(i - 1) == '+'))
        --i;
    if (i == 0 || line.at(i - 1) != '{')
        return result;   // an atom that happens to end in "}" ("foo}" is a valid mailbox name)
    result.bracePos = i - 1;
    QByteArrayView digits = line.sliced(i, close - i);
    if (digits.endsWith('+'))
        digits.chop(1);
    if (digits.isEmpty() || digits.contains('+')) {
        result.state = TrailingLiteral::State::Malformed;
        return result;
    }
    result.state = toUnsigned(digits, std::numeric_limits<quint64>::max(), result.size)
        ? TrailingLiteral::State::Valid : TrailingLiteral::State::TooLarge;
    return result;
}

} // namespace

ImapParser::ImapParser(qsizetype maxLineLength, qint64 maxLiteralSize)
    : m_maxLineLength(maxLineLength)
    , m_maxLiteralSize(maxLiteralSize)
{
}

void ImapParser::feed(QByteArrayView bytes)
{
    if (m_error)
        return;
    compact();
    m_buffer.append(bytes.data(), bytes.size());
}

/*
 * Framing, before any parsing: a response is one line, unless that line ends
 * with a literal's "{n}", in which case n bytes and another line follow, and
 * so on. Only the line being received is scanned (m_scan remembers how far),
 * and a literal is waited for by its length alone, so a response arriving a
 * byte at a time costs linear time. Once the final line is in,
 * ImapResponseReader parses the whole response from m_pos.
 */
std::optional<ImapResponse> ImapParser::takeResponse()
{
    while (!m_error) {
        if (m_literalEnd >= 0) {
            if (m_buffer.size() < m_literalEnd)
                return std::nullopt;   // wait for the rest of the literal
            m_lineStart = m_scan = m_literalEnd;
            m_literalEnd = -1;
        }
        const qsizetype eol = m_buffer.indexOf('\n', m_scan);
        if (eol < 0) {
            m_scan = m_buffer.size();
            // One byte of slack: it may be the CR of a CRLF still in flight.
            if (m_scan - m_lineStart > m_maxLineLength + 1)
                fail(m_lineStart, QStringLiteral("line longer than the maximum line length of %1 bytes").arg(m_maxLineLength));
            return std::nullopt;
        }
        qsizetype end = eol;
        if (end > m_lineStart && m_buffer.at(end - 1) == '\r')
            --end;
        if (end - m_lineStart > m_maxLineLength) {
            fail(m_lineStart, QStringLiteral("line longer than the maximum line length of %1 bytes").arg(m_maxLineLength));
            return std::nullopt;
        }
        const QByteArrayView line(m_buffer.constData() + m_lineStart, end - m_lineStart);
        if (m_lineStart != m_pos || !isTextOnlyResponse(line)) {
            const TrailingLiteral literal = trailingLiteral(line);
            switch (literal.state) {
            case TrailingLiteral::State::None:
                break;
            case TrailingLiteral::State::Malformed:
                fail(m_lineStart + literal.bracePos, QStringLiteral("malformed literal length"));
                return std::nullopt;
            case TrailingLiteral::State::TooLarge:
            case TrailingLiteral::State::Valid:
                if (literal.state == TrailingLiteral::State::TooLarge || literal.size > quint64(m_maxLiteralSize)) {
                    fail(m_lineStart + literal.bracePos,
                         QStringLiteral("literal of %1 bytes exceeds the maximum literal size of %2 bytes")
                             .arg(printable(line.sliced(literal.bracePos + 1, line.size() - literal.bracePos - 2)))
                             .arg(m_maxLiteralSize));
                    return std::nullopt;
                }
                m_literalEnd = eol + 1 + qsizetype(literal.size);
                if (m_literalEnd - m_pos > maxResponseSize()) {
                    fail(m_lineStart + literal.bracePos,
                         QStringLiteral("response of at least %1 bytes exceeds the maximum response size of %2 bytes")
                             .arg(m_literalEnd - m_pos)
                             .arg(maxResponseSize()));
                    return std::nullopt;
                }
                continue;
            }
        }

        const QByteArrayView data(m_buffer.constData() + m_pos, eol + 1 - m_pos);
        ImapResponseReader reader(data, m_consumed + m_pos);
        ImapResponse response;
        const bool ok = reader.response(response);
        m_pos = m_lineStart = m_scan = eol + 1;
        if (!ok) {
            m_error = reader.error();
            return std::nullopt;
        }
        return response;
    }
    return std::nullopt;
}

void ImapParser::reset()
{
    m_buffer.clear();
    m_pos = m_lineStart = m_scan = 0;
    m_literalEnd = -1;
    m_consumed = 0;
    m_error.reset();
}

void ImapParser::fail(qsizetype bufferPos, QString reason)
{
    m_error = Error{m_consumed + bufferPos, std::move(reason)};
}

void ImapParser::compact()
{
    // Drop parsed responses now and then so the buffer does not grow without bound.
    if (m_pos == 0 || (m_pos < m_buffer.size() && (m_pos <= 4096 || m_pos * 2 <= m_buffer.size())))
        return;
    if (m_pos == m_buffer.size())
        m_buffer.clear();
    else
        m_buffer.remove(0, m_pos);
    m_consumed += m_pos;
    m_lineStart -= m_pos;
    m_scan -= m_pos;
    if (m_literalEnd >= 0)
        m_literalEnd -= m_pos;
    m_pos = 0;
}

} // namespace machina
