// FETCH responses: the msg-att items (UID, FLAGS, INTERNALDATE, RFC822.SIZE,
// ENVELOPE, BODY[section], BODYSTRUCTURE, MODSEQ, unknown items).
#include "imapresponses.h"

#include <QTime>

#include <limits>

namespace machina {

using namespace ImapSyntax;

namespace {

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

} // namespace

bool ImapResponseReader::fetch(ImapFetch &f)
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

bool ImapResponseReader::fetchItem(ImapFetch &f)
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

} // namespace machina
