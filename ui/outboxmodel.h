#pragma once

#include "store/outboxentry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QString>

namespace machina {

class EmailConnector;

/**
 * The connector's outbox as a table, newest first: one row per OutboxEntry
 * (Outbox::entries(), without the message data), with the columns State,
 * Attempts, Created (local time, QLocale's short format), To, Subject (RFC
 * 2047 words decoded) and Last error / server reply (its first line; the
 * tooltip holds all of it).
 *
 * It follows EmailConnector::outboxChanged(), which covers changes made in
 * this process and, while the outbox is drained, in others. A refresh
 * changes rows in place: entries that are gone are removed, new ones are
 * inserted where they belong and the rest change their data, so a view's
 * selection and current row stay on the same entries (by entry id). Without
 * a connector or a store (outbox() null) the model is empty.
 */
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StateColumn,
        AttemptsColumn,
        CreatedColumn,
        ToColumn,
        SubjectColumn,
        ResultColumn,   ///< the last error, else the server's final reply
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64: OutboxEntry::id
        StateRole,                 ///< int: OutboxEntry::State
        MessageIdRole,             ///< QString: the Message-ID, without angle brackets
    };
    Q_ENUM(Role)

    explicit OutboxModel(QObject *parent = nullptr);

    /// Lists @p connector's outbox from now on (null: none); the old connector is no longer followed.
    void setConnector(EmailConnector *connector);
    EmailConnector *connector() const { return m_connector; }
    /// Whether there is an outbox to list (a connector with its store open).
    bool hasOutbox() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The entry of @p row (0 <= row < rowCount()).
    const OutboxEntry &entryAt(int row) const { return m_rows.at(row).entry; }
    /// The row of entry @p id; -1 when it is not listed.
    int rowOf(qint64 id) const;
    /// Entries queued or sending (what Outbox::pendingCount() counts), as last listed.
    int pendingCount() const;
    /// Why the last refresh could not read the outbox; empty when it could.
    QString readError() const { return m_readError; }

    /// "Queued", "Sending", "Sent", "Failed", "Cancelled" (translated).
    static QString stateText(OutboxEntry::State state);
    /// Outbox::retry() takes entries in these states (queued ones are made due now).
    static bool canRetry(OutboxEntry::State state);
    /// Outbox::cancel() takes entries in these states.
    static bool canCancel(OutboxEntry::State state);

public Q_SLOTS:
    /// Reads the outbox again (EmailConnector::outboxChanged() calls it).
    void refresh();

Q_SIGNALS:
    /// A refresh ended (rows may or may not have changed).
    void refreshed();

private:
    /// An entry with what its row shows, computed once per refresh.
    struct Row
    {
        OutboxEntry entry;
        QString subject;   ///< decoded
        QString created;   ///< local time, short format
        QString result;    ///< the first line of the last error, else the server reply
        QString details;   ///< the whole error and server reply, for the tooltip
    };
    static Row rowFor(const OutboxEntry &entry);

    QPointer<EmailConnector> m_connector;
    QList<Row> m_rows;
    QString m_readError;
};

} // namespace machina
