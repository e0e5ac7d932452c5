#pragma once

#include "alarmseverity.h"
#include "messagesummary.h"
#include "workorders/alarmrules.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace machina {

/**
 * The first work-order id in @p text: "WO-" followed by digit groups joined by
 * single hyphens (WO-2026-42, WO-17, WO-1-2-3). The token stands alone: no
 * letter or digit right before "WO" or right after the last digit ("TWO-1",
 * "WO-12a" are not ids). "wo-" is accepted and returned as "WO-". Empty when
 * there is none.
 */
QString extractWorkOrderId(const QString &text);

/**
 * The inbox as a table: one row per MessageSummary (headers only; bodies are
 * fetched on selection). Rows keep the order they were given in; sorting and
 * filtering belong to InboxFilterModel.
 *
 * Alarm mails are read with an AlarmRecognizer (the default rules unless
 * setAlarmRecognizer() gives the account's): the Severity column shows the
 * class (SeverityDisplay: icon, word and a colour that reads on the palette's
 * base, never colour alone) and sorts by rank, critical > alarm > warning >
 * info > no alarm; the Asset column shows the asset tag ("P-201").
 *
 * What every row shows is computed once per row, so data() hands out stored
 * values and 20,000 rows load, scroll and sort without stalls: the work-order
 * id, sender name, sort key and search text when the row is set, the local
 * date text and the alarm when the row is first shown, sorted or filtered by
 * severity (conversion to local time and the alarm rules' regular expressions
 * are the costliest steps, and most rows of a large inbox are never shown). Message ids
 * are the keys for upsert(), setSeen() and setBodyText().
 */
class InboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        FromColumn,
        SubjectColumn,
        WorkOrderColumn,
        AttachmentColumn,
        SeverityColumn,   ///< the alarm's severity class (see AlarmSeverity); empty for other mail
        AssetColumn,      ///< the alarm's asset tag
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1, ///< QString: MessageSummary::id
        SortRole,                  ///< raw value per column: qint64 msecs since epoch (UTC) for the date, int for attachments, QString otherwise
        SeenRole,                  ///< bool
        WorkOrderRole,             ///< QString: the WO id, from the subject or else the body
        SearchTextRole,            ///< QString: sender (name and address), subject and WO id, what the filter searches
        SeverityRole,              ///< int: SeverityDisplay::rank() of the row's alarm, 0 for mail that is no alarm
        AssetRole,                 ///< QString: the alarm's asset tag, empty for mail that is no alarm
    };
    Q_ENUM(Role)

    explicit InboxModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Replaces every row (a model reset). A repeated id keeps its first row.
    void setMessages(const QList<MessageSummary> &messages);
    /// Updates the row with @p message's id, or appends it (new mail, live).
    void upsert(const MessageSummary &message);
    /// upsert() for many: the new ones are appended in one insertion (a listing's batch).
    void addMessages(const QList<MessageSummary> &messages);
    /// Removes the rows of @p ids (unknown ids are ignored); returns how many went.
    int removeMessages(const QStringList &ids);
    /// Every id, in row order.
    QStringList ids() const;
    /// Marks one message read or unread; false when the id is unknown.
    bool setSeen(const QString &id, bool seen);
    /**
     * The body of @p id is known now: when the subject names no work order,
     * the first one in the body becomes the row's. False when the id is unknown.
     */
    bool setBodyText(const QString &id, const QString &text);

    /// The summary shown in @p row; a default one when @p row is out of range.
    MessageSummary messageAt(int row) const;
    /// The row of @p id, or -1.
    int rowOf(const QString &id) const;
    int unreadCount() const { return m_unread; }

    /// Reads every row's subject again with @p recognizer (the account's alarm rules).
    void setAlarmRecognizer(const AlarmRecognizer &recognizer);
    AlarmRecognizer alarmRecognizer() const { return m_recognizer; }
    /// The alarm the subject of @p row names; nullopt for other mail or a row out of range.
    std::optional<Alarm> alarmAt(int row) const;

Q_SIGNALS:
    void unreadCountChanged(int unread);

private:
    struct Row
    {
        MessageSummary summary;
        QString senderText;       ///< the display name, else the address
        mutable QString dateText; ///< local time, "yyyy-MM-dd HH:mm"; made when first shown (see makeRow)
        qint64 dateKey = 0;       ///< msecs since epoch, the sort key
        QString subjectWorkOrder; ///< from the subject
        QString bodyWorkOrder;    ///< from the body, once setBodyText() was called
        QString searchText;
        mutable bool alarmRead = false;           ///< alarm and severity are set (see readAlarm)
        mutable std::optional<Alarm> alarm;
        mutable AlarmSeverity severity = AlarmSeverity::None;
        QString workOrder() const { return subjectWorkOrder.isEmpty() ? bodyWorkOrder : subjectWorkOrder; }
    };

    Row makeRow(const MessageSummary &message) const;
    /// Reads the row's subject with the alarm rules, once.
    const Row &readAlarm(const Row &row) const;
    QColor severityColor(AlarmSeverity severity) const;
    static void updateSearchText(Row &row);
    QVariant displayData(const Row &row, int column) const;
    QIcon attachmentIcon() const;
    void setUnread(int unread);

    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
    int m_unread = 0;
    mutable QIcon m_attachmentIcon; ///< made on first use: it needs the application's style
    AlarmRecognizer m_recognizer = AlarmRecognizer::defaults();
    mutable QColor m_colorBackground;                  ///< the palette base the colours below were made for
    mutable std::array<QColor, 5> m_severityColors;    ///< by AlarmSeverity
};

/**
 * Sorting and filtering for the inbox view. Sorting uses InboxModel::SortRole,
 * so dates sort as instants (across days and time zones), not as text.
 * The filter text is split at white space; a row passes when every term occurs
 * (case-insensitive) in its sender, subject or work-order id. Two more
 * filters narrow it: a minimum severity (only alarms of that class or worse;
 * AlarmSeverity::None lets all mail through) and an asset (the alarm's asset
 * starts with it, case-insensitive: "P-" for every pump, "P-201" for one).
 */
class InboxFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit InboxFilterModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    AlarmSeverity minimumSeverity() const { return m_minimumSeverity; }
    void setMinimumSeverity(AlarmSeverity severity);
    QString assetFilter() const { return m_asset; }
    void setAssetFilter(const QString &asset);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_filterText;
    QStringList m_terms;
    AlarmSeverity m_minimumSeverity = AlarmSeverity::None;
    QString m_asset;
};

} // namespace machina
