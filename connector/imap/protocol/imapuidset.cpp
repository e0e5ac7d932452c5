#include "imapuidset.h"

#include <algorithm>
#include <limits>

namespace machina {

namespace {

/// nz-number (RFC 3501 section 9) up to 2^32 - 1.
bool nzNumber(QByteArrayView digits, quint32 *out)
{
    if (digits.isEmpty() || digits.size() > 10 || digits.front() == '0')
        return false;
    quint64 n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + quint64(c - '0');
    }
    if (n > std::numeric_limits<quint32>::max())
        return false;
    *out = quint32(n);
    return true;
}

} // namespace

std::optional<ImapUidSet> ImapUidSet::parse(QByteArrayView text)
{
    if (text.isEmpty())
        return std::nullopt;
    ImapUidSet set;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(',', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView item = text.sliced(start, end - start);
        const qsizetype colon = item.indexOf(':');
        quint32 a = 0, b = 0;
        if (colon < 0) {
            if (!nzNumber(item, &a))
                return std::nullopt;
            b = a;
        } else if (!nzNumber(item.first(colon), &a) || !nzNumber(item.sliced(colon + 1), &b)) {
            return std::nullopt;   // also "1:2:3": the second end is not a number
        }
        set.ranges.append({std::min(a, b), std::max(a, b)});
        start = end + 1;
    }
    return set;
}

quint64 ImapUidSet::count() const
{
    quint64 n = 0;
    for (const Range &r : ranges)
        n += quint64(r.second) - r.first + 1;
    return n;
}

QList<quint32> ImapUidSet::toList() const
{
    QList<quint32> out;
    out.reserve(qsizetype(count()));
    for (const Range &r : ranges) {
        for (quint64 uid = r.first; uid <= r.second; ++uid)
            out.append(quint32(uid));
    }
    return out;
}

} // namespace machina
