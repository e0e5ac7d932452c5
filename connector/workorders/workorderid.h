#pragma once

#include <QRegularExpression>
#include <QString>
#include <optional>

namespace machina {

/**
 * How work-order ids look: a pattern such as the default "WO-{year}-{seq:4}"
 * ({seq:N}: the sequence, zero-padded to at least N digits; {year}: four
 * digits). The sequence runs per year when the pattern has {year}.
 */
class WorkOrderIdPattern
{
public:
    static QString defaultPattern() { return QStringLiteral("WO-{year}-{seq:4}"); }

    WorkOrderIdPattern() : WorkOrderIdPattern(defaultPattern()) {}
    explicit WorkOrderIdPattern(const QString &pattern);

    /// Why the pattern cannot be used; empty when it can.
    QString problem() const { return m_problem; }
    QString pattern() const { return m_pattern; }

    QString format(int year, int sequence) const;
    /// The year and sequence of @p id if it has this shape (year 0 without {year}).
    std::optional<std::pair<int, int>> parse(const QString &id) const;
    /// The first id of this shape within @p text (a subject), or empty.
    QString find(const QString &text) const;

private:
    QString m_pattern;
    QString m_problem;
    QString m_prefix, m_middle, m_suffix;   ///< literal parts around {year} and {seq}
    bool m_hasYear = false;
    bool m_yearFirst = true;
    int m_width = 1;
    QRegularExpression m_exact;
    QRegularExpression m_search;
};

/// "90s", "10m", "2h", "1d", or plain seconds; 0 < seconds <= 30 days. Sets @p problem on failure.
std::optional<qint64> parseDuration(const QString &text, QString *problem = nullptr);
/// The shortest of those forms that is exact: 300 -> "5m".
QString formatDuration(qint64 seconds);

} // namespace machina
