#include "outboxmodel.h"

#include "emailconnector.h"
#include "mime/messageparser.h"
#include "store/outbox.h"

#include <QApplication>
#include <QLocale>
#include <QSet>
#include <QStyle>

#include <algorithm>

namespace machina {

using State = OutboxEntry::State;

OutboxModel::OutboxModel(QObject *parent) : QAbstractTableModel(parent) {}

void OutboxModel::setConnector(EmailConnector *connector)
{
    if (m_connector)
        disconnect(m_connector, nullptr, this, nullptr);
    m_connector = connector;
    // Another account's outbox: nothing of the old one stays, not even a selection.
    beginResetModel();
    m_rows.clear();
    endResetModel();
    if (m_connector)
        connect(m_connector, &EmailConnector::outboxChanged, this, &OutboxModel::refresh);
    refresh();
}

bool OutboxModel::hasOutbox() const
{
    return m_connector && m_connector->outbox();
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxModel::stateText(State state)
{
    switch (state) {
    case State::Queued: return tr("Queued");
    case State::Sending: return tr("Sending");
    case State::Sent: return tr("Sent");
    case State::Failed: return tr("Failed");
    case State::Cancelled: return tr("Cancelled");
    }
    return tr("Queued");
}

bool OutboxModel::canRetry(State state)
{
    return state == State::Queued || state == State::Failed || state == State::Cancelled;
}

bool OutboxModel::canCancel(State state)
{
    return state == State::Queued || state == State::Failed;
}

OutboxModel::Row OutboxModel::rowFor(const OutboxEntry &entry)
{
    Row row;
    row.entry = entry;
    // The subject as its header has it: encoded words are decoded for reading.
    row.subject = entry.subject.contains(QLatin1StringView("=?")) ? MessageParser::decodeHeader(entry.subject.toUtf8())
                                                                   : entry.subject;
    row.created = entry.created.isValid() ? QLocale().toString(entry.created.toLocalTime(), QLocale::ShortFormat) : QString();
    const QString error = entry.lastError.trimmed();
    const QString reply = entry.serverReply.trimmed();
    row.result = (error.isEmpty() ? reply : error).section(u'\n', 0, 0).simplified();
    QStringList details;
    if (!error.isEmpty())
        details << error;
    if (!reply.isEmpty() && reply != error)
        details << tr("Server reply: %1").arg(reply);
    row.details = details.join(u'\n');
    return row;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const OutboxEntry &e = row.entry;
    switch (role) {
    case IdRole:
        return e.id;
    case StateRole:
        return int(e.state);
    case MessageIdRole:
        return e.messageId;
    case Qt::DisplayRole:
        switch (index.column()) {
        case StateColumn: return stateText(e.state);
        case AttemptsColumn: return e.attempts;
        case CreatedColumn: return row.created;
        case ToColumn: return e.recipients.join(QStringLiteral(", "));
        case SubjectColumn: return row.subject;
        case ResultColumn: return row.result;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StateColumn: {
            QStringList lines{stateText(e.state)};
            if (e.state == State::Queued && e.nextAttempt.isValid() && e.nextAttempt > QDateTime::currentDateTimeUtc())
                lines << tr("Next attempt: %1").arg(QLocale().toString(e.nextAttempt.toLocalTime(), QLocale::ShortFormat));
            if (e.state == State::Sent && e.sentAt.isValid())
                lines << tr("Sent: %1").arg(QLocale().toString(e.sentAt.toLocalTime(), QLocale::ShortFormat));
            if (e.possiblyDuplicate)
                lines << tr("Sent again after the console stopped while sending it: the recipient may get it twice.");
            lines << tr("Message-ID: <%1>").arg(e.messageId);
            return lines.join(u'\n');
        }
        case ToColumn: return e.recipients.join(u'\n');
        case SubjectColumn: return row.subject;
        case ResultColumn: return row.details;
        }
        return {};
    case Qt::DecorationRole:
        // Failed is told by an icon as well as by its word, not by colour.
        if (index.column() == StateColumn && e.state == State::Failed)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == ResultColumn)
            return row.details;
        return {};
    }
    return {};
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StateColumn: return tr("State");
    case AttemptsColumn: return tr("Attempts");
    case CreatedColumn: return tr("Created");
    case ToColumn: return tr("To");
    case SubjectColumn: return tr("Subject");
    case ResultColumn: return tr("Last error / server reply");
    }
    return {};
}

int OutboxModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).entry.id == id)
            return i;
    }
    return -1;
}

int OutboxModel::pendingCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) {
        return row.entry.state == State::Queued || row.entry.state == State::Sending;
    }));
}

void OutboxModel::refresh()
{
    QList<OutboxEntry> fresh;
    if (hasOutbox()) {
        ConnectorError error;
        fresh = m_connector->outbox()->entries(&error);
        if (error) { // a busy or broken store: keep what is shown, say why
            m_readError = error.message();
            Q_EMIT refreshed();
            return;
        }
    }
    m_readError.clear();

    // Rows change in place, so that views keep their selection on the same
    // entries: both lists are newest first (ids only grow), so once the gone
    // rows are removed the rest of the old list is an ordered part of the new.
    QSet<qint64> freshIds;
    freshIds.reserve(fresh.size());
    for (const OutboxEntry &e : std::as_const(fresh))
        freshIds.insert(e.id);
    for (int last = int(m_rows.size()) - 1; last >= 0;) {
        if (freshIds.contains(m_rows.at(last).entry.id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !freshIds.contains(m_rows.at(first - 1).entry.id))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    int row = 0;
    for (qsizetype i = 0; i < fresh.size();) {
        if (row < m_rows.size() && m_rows.at(row).entry.id == fresh.at(i).id) {
            m_rows[row] = rowFor(fresh.at(i));
            ++row;
            ++i;
            continue;
        }
        // fresh[i, j) are new: they come before the next row already listed.
        qsizetype j = i;
        while (j < fresh.size() && (row >= m_rows.size() || fresh.at(j).id != m_rows.at(row).entry.id))
            ++j;
        beginInsertRows({}, row, int(row + (j - i) - 1));
        for (qsizetype k = i; k < j; ++k)
            m_rows.insert(row + (k - i), rowFor(fresh.at(k)));
        endInsertRows();
        row += int(j - i);
        i = j;
    }
    if (m_rows.size() != fresh.size()) { // not in id order after all: list them anew
        beginResetModel();
        m_rows.clear();
        for (const OutboxEntry &e : std::as_const(fresh))
            m_rows.append(rowFor(e));
        endResetModel();
    } else if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    }
    Q_EMIT refreshed();
}

} // namespace machina
