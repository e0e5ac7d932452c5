#include "inboxmodel.h"
#include "localdates.h"

#include <QLocale>
#include <QSet>

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QRegularExpression>
#include <QStyle>

#include <limits>

namespace machina {

QString extractWorkOrderId(const QString &text)
{
    // Most subjects name no work order: skip the regular expression for them.
    if (!text.contains(u"WO-", Qt::CaseInsensitive))
        return {};
    // The possessive group keeps "WO-12-3a" from falling back to "WO-12".
    static const QRegularExpression pattern(
            QStringLiteral("(?<![A-Za-z0-9])WO-[0-9]+(?:-[0-9]+)*+(?![A-Za-z0-9])"),
            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    return QStringLiteral("WO-") + match.capturedView(0).mid(3).toString();
}

namespace {

/** "Jane Doe" from "Jane Doe <jane@example.com>" or "\"Doe, Jane\" <...>"; empty when there is no name. */
QString displayName(const QString &from)
{
    const QString trimmed = from.trimmed();
    const qsizetype open = trimmed.lastIndexOf(u'<');
    if (open <= 0 || !trimmed.endsWith(u'>'))
        return {};
    QString name = trimmed.left(open).trimmed();
    if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
        name = name.mid(1, name.size() - 2).trimmed();
    return name;
}

QString attachmentText(int count)
{
    if (count <= 0)
        return {};
    return count == 1 ? InboxModel::tr("1 attachment") : InboxModel::tr("%1 attachments").arg(count);
}

} // namespace

InboxModel::InboxModel(QObject *parent) : QAbstractTableModel(parent) { }

InboxModel::Row InboxModel::makeRow(const MessageSummary &message) const
{
    Row row;
    row.summary = message;
    const QString name = displayName(message.from);
    if (!name.isEmpty())
        row.senderText = name;
    else if (!message.from.trimmed().isEmpty())
        row.senderText = message.from.trimmed();
    else
        row.senderText = message.fromAddress;
    if (message.date.isValid()) {
        row.dateKey = message.date.toMSecsSinceEpoch();
        // dateText waits for the first display: toLocalTime() and formatting cost
        // about 3 us a row, most of setMessages() for 20,000 rows of which few are shown.
    } else {
        // Undated mail sorts as the oldest.
        row.dateKey = std::numeric_limits<qint64>::min();
    }
    row.subjectWorkOrder = extractWorkOrderId(message.subject);
    updateSearchText(row);
    return row;
}

const InboxModel::Row &InboxModel::readAlarm(const Row &row) const
{
    if (!row.alarmRead) {
        row.alarm = m_recognizer.recognise(row.summary.subject);
        row.severity = row.alarm ? SeverityDisplay::of(*row.alarm) : AlarmSeverity::None;
        row.alarmRead = true;
    }
    return row;
}

QColor InboxModel::severityColor(AlarmSeverity severity) const
{
    // Made for the palette the views draw on; again when it changes (a dark theme).
    const QColor background = QGuiApplication::palette().color(QPalette::Base);
    if (background != m_colorBackground) {
        m_colorBackground = background;
        for (size_t i = 0; i < m_severityColors.size(); ++i)
            m_severityColors[i] = SeverityDisplay::color(AlarmSeverity(i), background);
    }
    return m_severityColors[size_t(severity)];
}

void InboxModel::setAlarmRecognizer(const AlarmRecognizer &recognizer)
{
    m_recognizer = recognizer;
    for (Row &row : m_rows)
        row.alarmRead = false; // read again when next needed
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, SeverityColumn), index(int(m_rows.size()) - 1, AssetColumn),
                           {Qt::DisplayRole, Qt::DecorationRole, Qt::ForegroundRole, Qt::ToolTipRole,
                            Qt::AccessibleTextRole, SortRole, SeverityRole, AssetRole});
    }
}

std::optional<Alarm> InboxModel::alarmAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return readAlarm(m_rows.at(row)).alarm;
}

void InboxModel::updateSearchText(Row &row)
{
    const MessageSummary &m = row.summary;
    row.searchText = m.from + u'\n' + m.fromAddress + u'\n' + m.subject + u'\n' + row.workOrder();
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size()
        || index.column() >= ColumnCount) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (column == SeverityColumn || column == AssetColumn || role == SeverityRole || role == AssetRole)
        readAlarm(row);

    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        switch (column) {
        case DateColumn:
            return row.summary.date.isValid()
                    ? QLocale().toString(row.summary.date.toLocalTime(), QLocale::LongFormat)
                    : tr("No date");
        case FromColumn: {
            const MessageSummary &m = row.summary;
            if (!m.fromAddress.isEmpty() && !m.from.contains(m.fromAddress))
                return m.from.isEmpty() ? m.fromAddress : m.from + QStringLiteral(" <") + m.fromAddress + u'>';
            return m.from;
        }
        case SubjectColumn:
            return row.summary.subject;
        case WorkOrderColumn:
            return row.workOrder();
        case AttachmentColumn:
            return attachmentText(row.summary.attachments);
        case SeverityColumn:
            if (!row.alarm)
                return role == Qt::ToolTipRole ? QVariant() : QVariant(tr("No alarm"));
            // The word as the mail wrote it, for words of other languages or rules.
            return tr("%1 (\"%2\" in the subject)").arg(SeverityDisplay::text(row.severity), row.alarm->severity);
        case AssetColumn:
            return row.alarm ? row.alarm->asset : QString();
        }
        return {};
    case Qt::DecorationRole:
        if (column == AttachmentColumn && row.summary.attachments > 0)
            return attachmentIcon();
        if (column == SeverityColumn && row.alarm)
            return SeverityDisplay::icon(row.severity);
        return {};
    case Qt::ForegroundRole:
        if (column == SeverityColumn && row.alarm)
            return severityColor(row.severity);
        return {};
    case Qt::TextAlignmentRole:
        if (column == AttachmentColumn)
            return int(Qt::AlignCenter);
        return {};
    case Qt::FontRole:
        if (!row.summary.seen) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case IdRole:
        return row.summary.id;
    case SeenRole:
        return row.summary.seen;
    case WorkOrderRole:
        return row.workOrder();
    case SearchTextRole:
        return row.searchText;
    case SeverityRole:
        return SeverityDisplay::rank(row.severity);
    case AssetRole:
        return row.alarm ? row.alarm->asset : QString();
    case SortRole:
        switch (column) {
        case DateColumn:
            return row.dateKey;
        case AttachmentColumn:
            return row.summary.attachments;
        case SeverityColumn:
            return SeverityDisplay::rank(row.severity);
        default:
            return displayData(row, column);
        }
    }
    return {};
}

QVariant InboxModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case DateColumn:
        if (row.dateText.isNull() && row.summary.date.isValid())
            row.dateText = LocalDates::shortDateTime(row.summary.date.toLocalTime());
        return row.dateText;
    case FromColumn:
        return row.senderText;
    case SubjectColumn:
        return row.summary.subject;
    case WorkOrderColumn:
        return row.workOrder();
    case AttachmentColumn:
        return QString();
    case SeverityColumn:
        return SeverityDisplay::text(row.severity);
    case AssetColumn:
        return row.alarm ? row.alarm->asset : QString();
    }
    return {};
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
        switch (section) {
        case DateColumn:
            return tr("Date");
        case FromColumn:
            return tr("From");
        case SubjectColumn:
            return tr("Subject");
        case WorkOrderColumn:
            return tr("Work order");
        case AttachmentColumn:
            return QString();
        case SeverityColumn:
            return tr("Severity");
        case AssetColumn:
            return tr("Asset");
        }
        break;
    case Qt::DecorationRole:
        if (section == AttachmentColumn)
            return attachmentIcon();
        break;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        if (section == AttachmentColumn)
            return tr("Attachments");
        break;
    }
    return {};
}

QHash<int, QByteArray> InboxModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "messageId");
    names.insert(SortRole, "sortKey");
    names.insert(SeenRole, "seen");
    names.insert(WorkOrderRole, "workOrder");
    names.insert(SearchTextRole, "searchText");
    names.insert(SeverityRole, "severity");
    names.insert(AssetRole, "asset");
    return names;
}

QIcon InboxModel::attachmentIcon() const
{
    if (m_attachmentIcon.isNull()) {
        m_attachmentIcon = QIcon::fromTheme(QStringLiteral("mail-attachment"));
        if (m_attachmentIcon.isNull() && qobject_cast<QApplication *>(QCoreApplication::instance()))
            m_attachmentIcon = QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    }
    return m_attachmentIcon;
}

void InboxModel::setMessages(const QList<MessageSummary> &messages)
{
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_rows.reserve(messages.size());
    m_rowById.reserve(messages.size());
    int unread = 0;
    for (const MessageSummary &message : messages) {
        if (m_rowById.contains(message.id))
            continue;
        m_rowById.insert(message.id, int(m_rows.size()));
        m_rows.append(makeRow(message));
        if (!message.seen)
            ++unread;
    }
    endResetModel();
    setUnread(unread);
}

void InboxModel::upsert(const MessageSummary &message)
{
    const auto it = m_rowById.constFind(message.id);
    if (it == m_rowById.constEnd()) {
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(makeRow(message));
        m_rowById.insert(message.id, row);
        endInsertRows();
        if (!message.seen)
            setUnread(m_unread + 1);
        return;
    }

    const int row = *it;
    Row &current = m_rows[row];
    const bool wasSeen = current.summary.seen;
    Row updated = makeRow(message);
    updated.bodyWorkOrder = current.bodyWorkOrder;
    updateSearchText(updated);
    current = std::move(updated);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (wasSeen != message.seen)
        setUnread(m_unread + (message.seen ? -1 : 1));
}

void InboxModel::addMessages(const QList<MessageSummary> &messages)
{
    QList<Row> fresh;
    QSet<QString> freshIds;
    int unread = 0;
    for (const MessageSummary &message : messages) {
        if (m_rowById.contains(message.id)) {
            upsert(message);
        } else if (!freshIds.contains(message.id)) {
            freshIds.insert(message.id);
            fresh.append(makeRow(message));
            unread += message.seen ? 0 : 1;
        }
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (Row &row : fresh) {
        m_rowById.insert(row.summary.id, int(m_rows.size()));
        m_rows.append(std::move(row));
    }
    endInsertRows();
    setUnread(m_unread + unread);
}

int InboxModel::removeMessages(const QStringList &ids)
{
    QList<int> rows;
    for (const QString &id : ids) {
        const int row = rowOf(id);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return 0;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // From the bottom, in runs of adjacent rows, so indexes above stay valid.
    int unread = 0;
    for (qsizetype end = rows.size(); end > 0;) {
        qsizetype begin = end - 1;
        while (begin > 0 && rows[begin - 1] == rows[begin] - 1)
            --begin;
        const int firstRow = rows[begin];
        const int lastRow = rows[end - 1];
        beginRemoveRows({}, firstRow, lastRow);
        for (int r = firstRow; r <= lastRow; ++r)
            unread += m_rows[r].summary.seen ? 0 : 1;
        m_rows.remove(firstRow, lastRow - firstRow + 1);
        endRemoveRows();
        end = begin;
    }
    m_rowById.clear();
    for (int r = 0; r < m_rows.size(); ++r)
        m_rowById.insert(m_rows[r].summary.id, r);
    setUnread(m_unread - unread);
    return int(rows.size());
}

QStringList InboxModel::ids() const
{
    QStringList out;
    out.reserve(m_rows.size());
    for (const Row &row : m_rows)
        out.append(row.summary.id);
    return out;
}

bool InboxModel::setSeen(const QString &id, bool seen)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    Row &current = m_rows[row];
    if (current.summary.seen == seen)
        return true;
    current.summary.seen = seen;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::FontRole, SeenRole});
    setUnread(m_unread + (seen ? -1 : 1));
    return true;
}

bool InboxModel::setBodyText(const QString &id, const QString &text)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    Row &current = m_rows[row];
    const QString workOrder = extractWorkOrderId(text);
    if (workOrder == current.bodyWorkOrder)
        return true;
    current.bodyWorkOrder = workOrder;
    // The subject's id wins; the body's only fills a gap.
    if (!current.subjectWorkOrder.isEmpty())
        return true;
    updateSearchText(current);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                       {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, SortRole,
                        WorkOrderRole, SearchTextRole});
    return true;
}

MessageSummary InboxModel::messageAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return m_rows.at(row).summary;
}

int InboxModel::rowOf(const QString &id) const
{
    return m_rowById.value(id, -1);
}

void InboxModel::setUnread(int unread)
{
    if (unread == m_unread)
        return;
    m_unread = unread;
    Q_EMIT unreadCountChanged(unread);
}

InboxFilterModel::InboxFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(InboxModel::SortRole);
    setFilterRole(InboxModel::SearchTextRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void InboxFilterModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    const QStringList terms = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (terms == m_terms)
        return;
    m_terms = terms;
    invalidateFilter();
}

void InboxFilterModel::setMinimumSeverity(AlarmSeverity severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    invalidateFilter();
}

void InboxFilterModel::setAssetFilter(const QString &asset)
{
    const QString trimmed = asset.trimmed();
    if (trimmed == m_asset)
        return;
    m_asset = trimmed;
    invalidateFilter();
}

bool InboxFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_minimumSeverity != AlarmSeverity::None
        && index.data(InboxModel::SeverityRole).toInt() < SeverityDisplay::rank(m_minimumSeverity)) {
        return false;
    }
    if (!m_asset.isEmpty() && !index.data(InboxModel::AssetRole).toString().startsWith(m_asset, Qt::CaseInsensitive))
        return false;
    if (m_terms.isEmpty())
        return true;
    const QString text = index.data(filterRole()).toString();
    for (const QString &term : m_terms) {
        if (!text.contains(term, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace machina
