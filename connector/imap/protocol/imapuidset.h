#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <optional>
#include <utility>

namespace machina {

/**
 * A set of UIDs as the server writes one (RFC 4315 section 4 uid-set, RFC
 * 7162 known-uids, RFC 4731 ESEARCH ALL): "1:5,7,9:12". Kept as ranges, so a
 * hostile "1:4294967295" costs one pair; count() says what expanding it would
 * cost before anyone does.
 */
struct ImapUidSet
{
    using Range = std::pair<quint32, quint32>;

    QList<Range> ranges;   ///< in the server's order, each first <= last ("4:2" is 2..4)

    /**
     * Parses "nz-number" and "nz-number:nz-number" items separated by commas:
     * no "*", no 0, no leading zeros, nothing else. Nothing for anything malformed.
     */
    static std::optional<ImapUidSet> parse(QByteArrayView text);

    bool isEmpty() const { return ranges.isEmpty(); }
    /// How many UIDs the ranges cover (a UID in two ranges counts twice).
    quint64 count() const;
    /// Every UID, range by range in the server's order. Check count() first.
    QList<quint32> toList() const;
    /// The first UID of the first range; 0 when empty.
    quint32 first() const { return ranges.isEmpty() ? 0 : ranges.first().first; }

    bool operator==(const ImapUidSet &other) const = default;
};

} // namespace machina
