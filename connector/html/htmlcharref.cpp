#include "htmlcharref.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace machina::HtmlCharRef {

namespace {

struct Named
{
    const char *name;
    char32_t first;
    char32_t second;
};

const Named kNamed[] = {
#include "htmlentities.inc"
};

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

/// The row named exactly @p name (ASCII), or nullptr.
const Named *lookup(const QByteArray &name)
{
    const auto less = [](const Named &row, const char *key) { return std::strcmp(row.name, key) < 0; };
    const Named *it = std::lower_bound(std::begin(kNamed), std::end(kNamed), name.constData(), less);
    return it != std::end(kNamed) && std::strcmp(it->name, name.constData()) == 0 ? it : nullptr;
}

/// What a numeric reference means (HTML standard 13.2.5.80): C1 values as windows-1252 reads them,
/// no character at all as U+FFFD.
char32_t numericValue(char32_t value, bool overflow)
{
    static const char16_t c1[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    };
    if (overflow || value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return QChar::ReplacementCharacter;
    if (value >= 0x80 && value <= 0x9F)
        return c1[value - 0x80];
    return value;
}

qsizetype decodeNumeric(QStringView text, qsizetype ampersand, QString *decoded)
{
    const qsizetype n = text.size();
    qsizetype j = ampersand + 2;
    const bool hex = j < n && (text[j] == u'x' || text[j] == u'X');
    if (hex)
        ++j;
    const qsizetype digitsStart = j;
    char32_t value = 0;
    bool overflow = false;
    for (; j < n; ++j) {
        const QChar c = text[j];
        int digit = -1;
        if (c >= u'0' && c <= u'9')
            digit = c.unicode() - u'0';
        else if (hex && c >= u'a' && c <= u'f')
            digit = c.unicode() - u'a' + 10;
        else if (hex && c >= u'A' && c <= u'F')
            digit = c.unicode() - u'A' + 10;
        if (digit < 0)
            break;
        if (!overflow) {
            value = value * (hex ? 16 : 10) + char32_t(digit);
            overflow = value > 0x10FFFF;
        }
    }
    if (j == digitsStart)
        return -1;
    if (j < n && text[j] == u';')
        ++j;
    const char32_t point = numericValue(value, overflow);
    *decoded = QString::fromUcs4(&point, 1);
    return j;
}

} // namespace

int namedCount()
{
    return int(std::size(kNamed));
}

qsizetype decodeAt(QStringView text, qsizetype ampersand, bool inAttribute, QString *decoded)
{
    const qsizetype n = text.size();
    if (ampersand + 1 >= n)
        return -1;
    if (text[ampersand + 1] == u'#')
        return decodeNumeric(text, ampersand, decoded);

    // The longest name in the table that the text starts with (the longest is 32 characters).
    qsizetype end = ampersand + 1;
    while (end < n && end - ampersand <= 32 && isAsciiAlnum(text[end]))
        ++end;
    if (end == ampersand + 1)
        return -1;
    const QByteArray letters = text.sliced(ampersand + 1, end - ampersand - 1).toLatin1();
    const bool semicolon = end < n && text[end] == u';';
    for (qsizetype length = letters.size(); length > 0; --length) {
        const bool whole = length == letters.size();
        const Named *row = nullptr;
        if (whole && semicolon)
            row = lookup(letters + ';');
        if (!row)
            row = lookup(letters.left(length));   // the legacy names, valid without ';'
        if (!row)
            continue;
        const bool withSemicolon = std::strchr(row->name, ';') != nullptr;
        const qsizetype after = ampersand + 1 + length + (withSemicolon ? 1 : 0);
        if (!withSemicolon && inAttribute && after < n && (text[after] == u'=' || isAsciiAlnum(text[after])))
            return -1;   // "?a=1&copy=2" is a query string, not a copyright sign
        const char32_t points[2] = {row->first, row->second};
        *decoded = QString::fromUcs4(points, row->second ? 2 : 1);
        return after;
    }
    return -1;
}

namespace {

QString decodeAll(QStringView text, bool inAttribute)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (text[i] == u'&') {
            QString decoded;
            const qsizetype next = decodeAt(text, i, inAttribute, &decoded);
            if (next > 0) {
                out += decoded;
                i = next;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

} // namespace

QString decodeText(QStringView text)
{
    return decodeAll(text, false);
}

QString decodeAttribute(QStringView value)
{
    return decodeAll(value, true);
}

} // namespace machina::HtmlCharRef
