#include "imapparser.h"

#include <QTime>

#include <limits>

namespace machina {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// ATOM-CHAR (RFC 3501 section 9) made lenient: "\", "%", "*", "[" and 8-bit
/// bytes are accepted so flags ("\Seen", "\*") and odd server atoms parse; "]"
/// ends an atom only inside a response code.
bool isAtomChar(char c, bool stopAtBracket)
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

std::optional<ImapCondition> conditionFromWord(QByteArrayView upper)
{
    if (upper == "OK")
        return ImapCondition::Ok;
    if (upper == "NO")
        return ImapCondition::No;
    if (upper == "BAD")
        return ImapCondition::Bad;
    if (upper == "PREAUTH")
        return ImapCondition::PreAuth;
    if (upper == "BYE")
        return ImapCondition::Bye;
    return std::nullopt;
}

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

/// INTERNALDATE: "17-Jul-1996 02:44:25 -0700" (RFC 3501 section 9, date-time); the
/// day may be space-padded or a single digit.
std::optional<QDateTime> parseInternalDate(QByteArrayView text)
{
    QByteArrayView s = text.trimmed();
    qsizetype i = 0;
    auto number = [&](int minDigits, int maxDigits, int &out) {
        const qsizetype start = i;
        out = 0;
        while (i < s.size() && isDigit(s.at(i)) && i - start < maxDigits)
            out = out * 10 + (s.at(i++) - '0');
        return i - start >= minDigits;
    };
    auto expect = [&](char c) {
        if (i >= s.size() || s.at(i) != c)
            return false;
        ++i;
        return true;
    };
    static constexpr const char *months[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                             "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    int day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0, zone = 0;
    if (!number(1, 2, day) || !expect('-') || i + 3 > s.size())
        return std::nullopt;
    const QByteArray monthName = s.sliced(i, 3).toByteArray().toUpper();
    for (int m = 0; m < 12; ++m) {
        if (monthName == months[m])
            month = m + 1;
    }
    i += 3;
    if (month == 0 || !expect('-') || !number(4, 4, year) || !expect(' ') || !number(2, 2, hour) || !expect(':')
        || !number(2, 2, minute) || !expect(':') || !number(2, 2, second) || !expect(' ') || i >= s.size())
        return std::nullopt;
    const char sign = s.at(i++);
    if ((sign != '+' && sign != '-') || !number(4, 4, zone) || i != s.size())
        return std::nullopt;
    if (zone % 100 >= 60 || zone / 100 > 23)
        return std::nullopt;
    const int offset = (sign == '-' ? -1 : 1) * ((zone / 100) * 3600 + (zone % 100) * 60);
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::OffsetFromUTC, offset);
}

/// An nstring-like field: String, Atom and Number as bytes, NIL as a null array.
bool scalarBytes(const ImapValue &value, QByteArray &out)
{
    if (value.isList())
        return false;
    out = value.toBytes();
    return true;
}

bool toAddressList(const ImapValue &value, QList<ImapAddress> &out)
{
    if (value.isNil())
        return true;
    if (!value.isList())
        return false;
    for (const ImapValue &item : value.list) {
        if (!item.isList() || item.list.size() != 4)
            return false;
        ImapAddress address;
        if (!scalarBytes(item.list.at(0), address.name) || !scalarBytes(item.list.at(1), address.adl)
            || !scalarBytes(item.list.at(2), address.mailbox) || !scalarBytes(item.list.at(3), address.host))
            return false;
        out.append(address);
    }
    return true;
}

bool toEnvelope(const ImapValue &value, ImapEnvelope &e)
{
    if (!value.isList() || value.list.size() < 10)
        return false;
    const QList<ImapValue> &f = value.list;
    return scalarBytes(f.at(0), e.date) && scalarBytes(f.at(1), e.subject) && toAddressList(f.at(2), e.from)
        && toAddressList(f.at(3), e.sender) && toAddressList(f.at(4), e.replyTo) && toAddressList(f.at(5), e.to)
        && toAddressList(f.at(6), e.cc) && toAddressList(f.at(7), e.bcc) && scalarBytes(f.at(8), e.inReplyTo)
        && scalarBytes(f.at(9), e.messageId);
}

/**
 * Reads one complete response (all its lines and literals are in data).
 * Every function returns false after recording the first error.
 */
class Reader
{
public:
    Reader(QByteArrayView data, qsizetype base) : m_data(data), m_base(base) {}

    bool response(ImapResponse &r);
    ImapParser::Error error() const { return m_error.value_or(ImapParser::Error{}); }

private:
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
    bool finish()
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

    bool untagged(ImapResponse &r);
    bool respText(ImapResponse &r);
    bool responseCode(ImapResponseCode &code);
    bool fetch(ImapFetch &f);
    bool fetchItem(ImapFetch &f);

    QByteArrayView m_data;
    qsizetype m_base;
    qsizetype m_pos = 0;
    std::optional<ImapParser::Error> m_error;
};

bool Reader::atom(QByteArray &out, bool stopAtBracket, const char *what)
{
    const qsizetype start = m_pos;
    while (!atEnd() && isAtomChar(peek(), stopAtBracket))
        ++m_pos;
    if (m_pos == start)
        return fail(start, QStringLiteral("expected %1").arg(QLatin1String(what)));
    out = m_data.sliced(start, m_pos - start).toByteArray();
    return true;
}

bool Reader::number(quint64 &out, quint64 max)
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

bool Reader::quoted(QByteArray &out)
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

bool Reader::literal(QByteArray &out)
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

bool Reader::value(ImapValue &out, int depth)
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

bool Reader::list(QList<ImapValue> &out, int depth)
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

bool Reader::astring(QByteArray &out)
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

bool Reader::nstring(QByteArray &out)
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

bool Reader::atomList(QList<QByteArray> &out)
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
bool Reader::skipBracketed(qsizetype open, const QString &what)
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

bool Reader::response(ImapResponse &r)
{
    const char first = peek();
    if (first == '+') {
        ++m_pos;
        if (peek() == ' ')
            ++m_pos;
        r.kind = ImapResponse::Kind::Continuation;
        r.text = restOfLine();
        return finish();
    }
    if (first == '*') {
        ++m_pos;
        return space() && untagged(r);
    }

    // response-tagged = tag SP resp-cond-state CRLF
    QByteArray tag;
    if (!atEnd() && !isAtomChar(first, true))
        return fail(m_pos, QStringLiteral("malformed tag"));
    if (!atom(tag, true, "a tag") || !space())
        return false;
    const qsizetype condPos = m_pos;
    QByteArray word;
    if (!atom(word, true, "OK, NO or BAD"))
        return false;
    const std::optional<ImapCondition> condition = conditionFromWord(word.toUpper());
    if (!condition || *condition == ImapCondition::PreAuth || *condition == ImapCondition::Bye)
        return fail(condPos, QStringLiteral("unknown tagged status \"%1\"").arg(printable(word)));
    r.kind = ImapResponse::Kind::Status;
    r.tag = tag;
    r.condition = *condition;
    return respText(r) && finish();
}

bool Reader::untagged(ImapResponse &r)
{
    if (isDigit(peek())) {
        quint64 n = 0;
        if (!number(n, std::numeric_limits<quint32>::max()) || !space())
            return false;
        r.number = quint32(n);
        QByteArray keyword;
        if (!atom(keyword, false, "a response keyword"))
            return false;
        keyword = keyword.toUpper();
        if (keyword == "EXISTS")
            r.kind = ImapResponse::Kind::Exists;
        else if (keyword == "EXPUNGE")
            r.kind = ImapResponse::Kind::Expunge;
        else if (keyword == "RECENT")
            r.kind = ImapResponse::Kind::Recent;
        if (r.kind != ImapResponse::Kind::Other)
            return finish();
        if (keyword == "FETCH") {
            r.kind = ImapResponse::Kind::Fetch;
            r.fetch.sequenceNumber = r.number;
            return space() && fetch(r.fetch) && finish();
        }
        r.name = keyword;
    } else {
        QByteArray keyword;
        if (!atom(keyword, false, "a response keyword"))
            return false;
        keyword = keyword.toUpper();
        if (const std::optional<ImapCondition> condition = conditionFromWord(keyword)) {
            r.kind = ImapResponse::Kind::Status;
            r.condition = *condition;
            return respText(r) && finish();
        }
        if (keyword == "CAPABILITY" || keyword == "ENABLED") {
            r.kind = keyword == "ENABLED" ? ImapResponse::Kind::Enabled : ImapResponse::Kind::Capability;
            while (!atLineEnd()) {
                if (!space())
                    return false;
                if (atLineEnd())
                    break;
                QByteArray word;
                if (!atom(word, false, "a capability"))
                    return false;
                r.atoms.append(word.toUpper());
            }
            return finish();
        }
        if (keyword == "FLAGS") {
            r.kind = ImapResponse::Kind::Flags;
            return space() && atomList(r.atoms) && finish();
        }
        if (keyword == "SEARCH") {
            // RFC 3501 7.2.5; RFC 7162 3.1.5 adds "(MODSEQ n)" at the end
            r.kind = ImapResponse::Kind::Search;
            while (!atLineEnd()) {
                if (!space())
                    return false;
                if (atLineEnd())
                    break;
                if (peek() == '(') {
                    const qsizetype at = m_pos;
                    QList<ImapValue> items;
                    if (!list(items, 1))
                        return false;
                    if (items.size() != 2 || items.at(0).bytes.toUpper() != "MODSEQ"
                        || items.at(1).type != ImapValue::Type::Number)
                        return fail(at, QStringLiteral("expected (MODSEQ n) after the search results"));
                    r.searchModSeq = items.at(1).number;
                    return finish();
                }
                quint64 id = 0;
                if (!number(id, std::numeric_limits<quint32>::max()))
                    return false;
                r.ids.append(quint32(id));
            }
            return finish();
        }
        if (keyword == "ESEARCH") {
            // RFC 4731 3.1: "ESEARCH" [SP "(" "TAG" SP tag-string ")"] [SP "UID"] *(SP search-return-data)
            r.kind = ImapResponse::Kind::ESearch;
            while (!atLineEnd()) {
                if (!space())
                    return false;
                if (atLineEnd())
                    break;
                const qsizetype at = m_pos;
                if (peek() == '(') {
                    QList<ImapValue> items;
                    if (!list(items, 1))
                        return false;
                    if (items.size() != 2 || items.at(0).bytes.toUpper() != "TAG" || items.at(1).type != ImapValue::Type::String)
                        return fail(at, QStringLiteral("expected (TAG \"tag\") in ESEARCH"));
                    r.esearchTag = items.at(1).bytes;
                    continue;
                }
                QByteArray word;
                if (!atom(word, false, "an ESEARCH item"))
                    return false;
                word = word.toUpper();
                if (word == "UID") {
                    r.esearchUid = true;
                    continue;
                }
                if (!space())
                    return false;
                if (word == "ALL") {
                    QByteArray set;
                    const qsizetype setAt = m_pos;
                    if (!atom(set, false, "a sequence set"))
                        return false;
                    // nz-number 1*(":" / ",") ... : digits only, no "*" in results (RFC 4731 3.1)
                    const auto nzNumber = [](const QByteArray &digits, quint32 *out) {
                        if (digits.isEmpty() || digits.size() > 10 || digits.front() == '0')
                            return false;
                        quint64 n = 0;
                        for (char c : digits) {
                            if (c < '0' || c > '9')
                                return false;
                            n = n * 10 + quint64(c - '0');
                        }
                        *out = quint32(n);
                        return n <= std::numeric_limits<quint32>::max();
                    };
                    for (const QByteArray &part : set.split(',')) {
                        const QList<QByteArray> ends = part.split(':');
                        quint32 a = 0, b = 0;
                        if (ends.size() > 2 || !nzNumber(ends.at(0), &a) || !nzNumber(ends.value(ends.size() - 1), &b))
                            return fail(setAt, QStringLiteral("a bad sequence set in ESEARCH ALL"));
                        r.searchRanges.append({std::min(a, b), std::max(a, b)});
                    }
                } else if (word == "COUNT" || word == "MIN" || word == "MAX" || word == "MODSEQ") {
                    quint64 n = 0;
                    if (!number(n, word == "MODSEQ" ? std::numeric_limits<quint64>::max() : std::numeric_limits<quint32>::max()))
                        return false;
                    if (word == "COUNT")
                        r.esearchCount = n;
                    else if (word == "MODSEQ")
                        r.searchModSeq = n;
                } else {
                    ImapValue ignored; // an extension's return data (RFC 4466 2.6.2)
                    if (!value(ignored, 1))
                        return false;
                }
            }
            return finish();
        }
        if (keyword == "LIST" || keyword == "LSUB") {
            // mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
            r.kind = keyword == "LIST" ? ImapResponse::Kind::List : ImapResponse::Kind::Lsub;
            if (!space() || !atomList(r.listEntry.attributes) || !space())
                return false;
            const qsizetype at = m_pos;
            ImapValue delimiter;
            if (!value(delimiter, 0))
                return false;
            if (!delimiter.isNil() && !delimiter.isString())
                return fail(at, QStringLiteral("expected a quoted hierarchy delimiter or NIL"));
            r.listEntry.delimiter = delimiter.toBytes();
            if (!space() || !astring(r.listEntry.name))
                return false;
            // LIST-EXTENDED data (RFC 5258) may follow; it is read and dropped.
            while (!atLineEnd()) {
                ImapValue extension;
                if (!space())
                    return false;
                if (!atLineEnd() && !value(extension, 0))
                    return false;
            }
            return finish();
        }
        if (keyword == "STATUS") {
            r.kind = ImapResponse::Kind::MailboxStatus;
            if (!space() || !astring(r.mailboxStatus.mailbox) || !space())
                return false;
            const qsizetype at = m_pos;
            QList<ImapValue> items;
            if (!list(items, 1))
                return false;
            if (items.size() % 2 != 0)
                return fail(at, QStringLiteral("STATUS items must come in name-value pairs"));
            for (qsizetype i = 0; i < items.size(); i += 2) {
                if (items.at(i).type != ImapValue::Type::Atom || items.at(i + 1).type != ImapValue::Type::Number)
                    return fail(at, QStringLiteral("STATUS items must be an atom and a number"));
                r.mailboxStatus.items.insert(items.at(i).bytes.toUpper(), items.at(i + 1).number);
            }
            return finish();
        }
        r.name = keyword;
    }

    // Anything else is kept generically: an unknown response is not an error.
    r.kind = ImapResponse::Kind::Other;
    while (!atLineEnd()) {
        if (!space())
            return false;
        if (atLineEnd())
            break;
        ImapValue v;
        if (!value(v, 0))
            return false;
        r.values.append(std::move(v));
    }
    return finish();
}

bool Reader::respText(ImapResponse &r)
{
    // resp-text = ["[" resp-text-code "]" SP] text; servers omit the text at times
    if (atLineEnd())
        return true;
    if (!space())
        return false;
    if (peek() == '[') {
        ImapResponseCode code;
        if (!responseCode(code))
            return false;
        r.code = std::move(code);
        skipSpaces();
    }
    r.text = restOfLine();
    return true;
}

bool Reader::responseCode(ImapResponseCode &code)
{
    const qsizetype open = m_pos++;
    if (!atom(code.name, true, "a response code"))
        return false;
    code.name = code.name.toUpper();
    skipSpaces();
    const qsizetype argsPos = m_pos;
    if (!skipBracketed(open, QStringLiteral("response code")))
        return false;
    code.arguments = m_data.sliced(argsPos, m_pos - argsPos).trimmed().toByteArray();
    ++m_pos;   // "]"

    const QByteArray &name = code.name;
    if (name == "UIDVALIDITY" || name == "UIDNEXT" || name == "UNSEEN" || name == "HIGHESTMODSEQ") {
        const quint64 max = name == "HIGHESTMODSEQ" ? std::numeric_limits<quint64>::max()
                                                    : std::numeric_limits<quint32>::max();
        if (!toUnsigned(code.arguments, max, code.number))
            return fail(argsPos, QStringLiteral("response code %1 needs a number up to %2, got \"%3\"")
                                     .arg(QString::fromLatin1(name))
                                     .arg(max)
                                     .arg(printable(code.arguments)));
    } else if (name == "CAPABILITY") {
        const QList<QByteArray> words = code.arguments.split(' ');
        for (const QByteArray &word : words) {
            if (!word.isEmpty())
                code.list.append(word.toUpper());
        }
    } else if (name == "PERMANENTFLAGS") {
        Reader flags(code.arguments, m_base + argsPos);
        if (!flags.atomList(code.list) || !flags.atEnd()) {
            m_error = flags.m_error;
            return fail(argsPos, QStringLiteral("PERMANENTFLAGS needs a list of flags"));
        }
    }
    return true;
}

bool Reader::fetch(ImapFetch &f)
{
    const qsizetype open = m_pos;
    if (!expect('('))
        return false;
    skipSpaces();
    while (true) {
        if (peek() == ')') {
            ++m_pos;
            return true;
        }
        if (atLineEnd())
            return fail(open, QStringLiteral("unterminated FETCH list"));
        if (!fetchItem(f))
            return false;
        if (peek() == ' ')
            skipSpaces();
        else if (atLineEnd())
            return fail(open, QStringLiteral("unterminated FETCH list"));
        else if (peek() != ')')
            return fail(m_pos, QStringLiteral("expected a space or ')' after a FETCH item"));
    }
}

bool Reader::fetchItem(ImapFetch &f)
{
    // msg-att (RFC 3501 section 9): NAME["[" section "]"]["<" origin ">"] SP value
    const qsizetype itemPos = m_pos;
    while (!atEnd() && isAtomChar(peek(), true) && peek() != '[' && peek() != '<')
        ++m_pos;
    if (m_pos == itemPos)
        return fail(itemPos, QStringLiteral("expected a FETCH item name"));
    const QByteArray name = m_data.sliced(itemPos, m_pos - itemPos).toByteArray().toUpper();
    std::optional<QByteArray> section;
    std::optional<quint32> origin;
    if (peek() == '[') {
        const qsizetype open = m_pos++;
        const qsizetype start = m_pos;
        if (!skipBracketed(open, QStringLiteral("section")))
            return false;
        section = m_data.sliced(start, m_pos - start).toByteArray().toUpper();
        ++m_pos;
        if (peek() == '<') {
            ++m_pos;
            quint64 n = 0;
            if (!number(n, std::numeric_limits<quint32>::max()) || !expect('>'))
                return false;
            origin = quint32(n);
        }
    }
    if (!space())
        return false;

    const qsizetype valuePos = m_pos;
    auto storeSection = [&](const QByteArray &key) {
        QByteArray body;
        if (!nstring(body))
            return false;
        f.sections.insert(key, body);
        if (origin)
            f.sectionOrigins.insert(key, *origin);
        else
            f.sectionOrigins.remove(key);
        return true;
    };

    if (section) {
        if (name == "BODY" || name == "BODY.PEEK")
            return storeSection(*section);
        ImapValue v;
        if (!value(v, 0))
            return false;
        QByteArray key = name + '[' + *section + ']';
        if (origin)
            key += '<' + QByteArray::number(*origin) + '>';
        f.otherItems.insert(key, std::move(v));
        return true;
    }
    if (name == "UID") {
        quint64 n = 0;
        if (!number(n, std::numeric_limits<quint32>::max()))
            return false;
        f.uid = quint32(n);
        return true;
    }
    if (name == "RFC822.SIZE") {
        quint64 n = 0;
        if (!number(n, std::numeric_limits<quint64>::max()))
            return false;
        f.rfc822Size = n;
        return true;
    }
    if (name == "FLAGS") {
        QList<QByteArray> flags;
        if (!atomList(flags))
            return false;
        f.flags = flags;
        return true;
    }
    if (name == "INTERNALDATE") {
        QByteArray text;
        if (!nstring(text))
            return false;
        f.internalDate = parseInternalDate(text);
        if (!f.internalDate)
            return fail(valuePos, QStringLiteral("malformed INTERNALDATE \"%1\"").arg(printable(text)));
        return true;
    }
    if (name == "RFC822")
        return storeSection(QByteArray(""));
    if (name == "RFC822.HEADER")
        return storeSection(QByteArray("HEADER"));
    if (name == "RFC822.TEXT")
        return storeSection(QByteArray("TEXT"));

    ImapValue v;
    if (!value(v, 0))
        return false;
    if (name == "ENVELOPE") {
        ImapEnvelope envelope;
        if (!toEnvelope(v, envelope))
            return fail(valuePos, QStringLiteral("malformed ENVELOPE"));
        f.envelope = std::move(envelope);
    } else if (name == "BODYSTRUCTURE" || name == "BODY") {
        if (!v.isList())
            return fail(valuePos, QStringLiteral("%1 needs a list").arg(QString::fromLatin1(name)));
        f.bodyStructure = std::move(v);
    } else if (name == "MODSEQ") {
        if (!v.isList() || v.list.size() != 1 || v.list.at(0).type != ImapValue::Type::Number)
            return fail(valuePos, QStringLiteral("MODSEQ needs a parenthesised number"));
        f.modSeq = v.list.at(0).number;
    } else {
        f.otherItems.insert(name, std::move(v));
    }
    return true;
}

bool hasFileNameParameter(const ImapValue &params, bool contentType)
{
    if (!params.isList())
        return false;
    for (qsizetype i = 0; i + 1 < params.list.size(); i += 2) {
        const QByteArray key = params.list.at(i).toBytes().toUpper();
        // RFC 2231 splits long names into "filename*0*", "filename*1" ...
        if (key == "FILENAME" || key.startsWith("FILENAME*"))
            return true;
        if (contentType && (key == "NAME" || key.startsWith("NAME*")))
            return true;
    }
    return false;
}

int countAttachments(const ImapValue &part, int depth)
{
    if (!part.isList() || part.list.isEmpty() || depth > ImapParser::MaxNestingDepth)
        return 0;
    const QList<ImapValue> &f = part.list;
    if (f.at(0).isList()) {
        // body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
        int count = 0;
        for (const ImapValue &child : f) {
            if (!child.isList())
                break;
            count += countAttachments(child, depth + 1);
        }
        return count;
    }
    // body-type-1part: type subtype params id description encoding size, then
    // "lines" for text/*, "envelope body lines" for message/rfc822, then md5 dsp ...
    if (f.size() < 7)
        return 0;
    const QByteArray type = f.at(0).toBytes().toUpper();
    const QByteArray subtype = f.at(1).toBytes().toUpper();
    const bool isMessage = type == "MESSAGE" && (subtype == "RFC822" || subtype == "GLOBAL");
    const qsizetype md5Index = type == "TEXT" ? 8 : isMessage ? 10 : 7;
    bool attachment = hasFileNameParameter(f.at(2), true);
    if (md5Index + 1 < f.size()) {
        const ImapValue &dsp = f.at(md5Index + 1);
        if (dsp.isList() && !dsp.list.isEmpty()) {
            attachment = attachment || dsp.list.at(0).toBytes().toUpper() == "ATTACHMENT";
            attachment = attachment || (dsp.list.size() > 1 && hasFileNameParameter(dsp.list.at(1), false));
        }
    }
    if (attachment)
        return 1;
    if (isMessage && f.size() > 8)
        return countAttachments(f.at(8), depth + 1);
    return 0;
}

} // namespace

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

bool ImapFetch::hasFlag(QByteArrayView flag) const
{
    if (!flags)
        return false;
    for (const QByteArray &f : *flags) {
        if (f.compare(flag, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

int ImapFetch::attachmentCount() const
{
    return bodyStructure ? countImapAttachments(*bodyStructure) : 0;
}

int countImapAttachments(const ImapValue &bodyStructure)
{
    return countAttachments(bodyStructure, 0);
}

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
 * byte at a time costs linear time. Once the final line is in, Reader parses
 * the whole response from m_pos.
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
        Reader reader(data, m_consumed + m_pos);
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
