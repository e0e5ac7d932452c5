// Charsets: windows-1252, UTF-8 with a windows-1252 fallback, charset labels,
// byte order marks and line ends.

#include "mimecharsets.h"

#include <QStringDecoder>

#include <algorithm>

namespace machina::mime {

namespace {

/** Longest charset name or header excerpt quoted in a problem sentence. */
constexpr qsizetype MaxQuoted = 60;

/** windows-1252 at 0x80-0x9F; the five holes map to the C1 control, as WHATWG does. */
constexpr char16_t Windows1252C1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

QChar windows1252Char(uchar byte)
{
    return byte >= 0x80 && byte < 0xa0 ? QChar(Windows1252C1[byte - 0x80]) : QChar(char16_t(byte));
}

QString decodeWindows1252(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        out[i] = windows1252Char(uchar(bytes[i]));
    return out;
}

/** Length of the well-formed UTF-8 sequence at @p i (RFC 3629 section 4), or 0. */
int utf8SequenceLength(QByteArrayView s, qsizetype i)
{
    const uchar b0 = uchar(s[i]);
    if (b0 < 0x80)
        return 1;
    int length = 0;
    uchar low = 0x80;
    uchar high = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        length = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        length = 3;
        if (b0 == 0xe0)
            low = 0xa0;  // overlong
        else if (b0 == 0xed)
            high = 0x9f; // surrogates
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        length = 4;
        if (b0 == 0xf0)
            low = 0x90;  // overlong
        else if (b0 == 0xf4)
            high = 0x8f; // beyond U+10FFFF
    } else {
        return 0;
    }
    if (i + length > s.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        const uchar b = uchar(s[i + k]);
        if (k == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xbf))
            return 0;
    }
    return length;
}

bool isUtf8OrAsciiLabel(QByteArrayView cs)
{
    static const char *const labels[] = { "", "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968",
                                          "iso646-us", "us", "unicode-1-1-utf-8", "x-unknown" };
    for (const char *label : labels) {
        if (cs == label)
            return true;
    }
    return false;
}

/**
 * Labels read as windows-1252, as every mail reader and WHATWG do: mail
 * labelled ISO-8859-1 uses 0x80-0x9F for curly quotes and the euro far more
 * often than for C1 controls.
 */
bool isWindows1252Label(QByteArrayView cs)
{
    static const char *const labels[] = { "windows-1252", "cp1252", "x-cp1252", "iso-8859-1",
                                          "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819",
                                          "ibm819", "iso-ir-100", "csisolatin1" };
    for (const char *label : labels) {
        if (cs == label)
            return true;
    }
    return false;
}

/** Labels whose decoder should be a superset (WHATWG encoding standard). */
QByteArray decoderName(const QByteArray &cs)
{
    if (cs == "gb2312" || cs == "gbk" || cs == "x-gbk" || cs == "cp936" || cs == "euc-cn"
        || cs == "csgb2312" || cs == "chinese") {
        return QByteArrayLiteral("gb18030");
    }
    if (cs == "ks_c_5601-1987" || cs == "ks_c_5601" || cs == "euc-kr" || cs == "cp949")
        return QByteArrayLiteral("windows-949");
    return cs;
}

/** A byte order mark says which charset, not what the text is. */
QString withoutBom(QString text)
{
    if (text.startsWith(QChar(QChar::ByteOrderMark)))
        text.remove(0, 1);
    return text;
}

} // namespace

QString decodeUtf8Or1252(QByteArrayView bytes, bool *usedFallback)
{
    QString out;
    out.reserve(bytes.size());
    bool fallback = false;
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < bytes.size()) {
        const int length = utf8SequenceLength(bytes, i);
        if (length > 0) {
            i += length;
            continue;
        }
        out += QString::fromUtf8(bytes.sliced(runStart, i - runStart));
        out += windows1252Char(uchar(bytes[i]));
        fallback = true;
        runStart = ++i;
    }
    out += QString::fromUtf8(bytes.sliced(runStart));
    if (usedFallback)
        *usedFallback = fallback;
    return out;
}

QString quoted(QByteArrayView bytes)
{
    QString s = decodeUtf8Or1252(bytes.first(std::min(bytes.size(), MaxQuoted)));
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    if (bytes.size() > MaxQuoted)
        s += u'…';
    return s;
}

QByteArray normalisedCharset(QByteArrayView label)
{
    QByteArray cs = label.trimmed().toByteArray().toLower();
    if (cs.size() >= 2 && (cs.startsWith('"') || cs.startsWith('\'')) && cs.endsWith(cs.at(0)))
        cs = cs.mid(1, cs.size() - 2).trimmed();
    // RFC 2231 section 5 language suffix, also seen in RFC 2047 words: "utf-8*en".
    const qsizetype star = cs.indexOf('*');
    if (star >= 0)
        cs.truncate(star);
    return cs;
}

QString decodeCharset(QByteArrayView bytes, QByteArrayView label, const QString &where,
                      QStringList *problems)
{
    const QByteArray cs = normalisedCharset(label);
    if (isUtf8OrAsciiLabel(cs)) {
        bool fallback = false;
        QString text = withoutBom(decodeUtf8Or1252(bytes, &fallback));
        if (fallback) {
            if (cs.startsWith("utf") || cs.startsWith("unicode"))
                problems->append(QStringLiteral("%1: bytes that are not UTF-8, read as windows-1252").arg(where));
            else
                problems->append(QStringLiteral("%1: 8-bit text without a charset, read as windows-1252").arg(where));
        }
        return text;
    }
    if (isWindows1252Label(cs))
        return decodeWindows1252(bytes);

    const QByteArray name = decoderName(cs);
    // Stateless: the input is complete, so a trailing partial character is an error, not state.
    QStringDecoder decoder(name.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid()) {
        bool fallback = false;
        QString text = decodeUtf8Or1252(bytes, &fallback);
        problems->append(QStringLiteral("%1: unknown charset %2, read as %3")
                                 .arg(where, quoted(label.trimmed()),
                                      fallback ? QStringLiteral("windows-1252") : QStringLiteral("UTF-8")));
        return text;
    }
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        problems->append(QStringLiteral("%1: bytes that are not valid %2 replaced by U+FFFD")
                                 .arg(where, quoted(cs)));
    }
    return withoutBom(std::move(text));
}

QString withLfLineEnds(QString text)
{
    text.replace(QLatin1StringView("\r\n"), QLatin1StringView("\n"));
    text.replace(u'\r', u'\n');
    return text;
}

} // namespace machina::mime
