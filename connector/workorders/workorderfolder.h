#pragma once

#include "../connectorerror.h"
#include "workorder.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <functional>

namespace machina {

class ImapClient;
class ImapReply;
struct ImapSettings;

/**
 * The work-order folder on the server, through an IMAP session of its own:
 * the records and events (WorkOrderMessages) read into WorkOrder values, and
 * the three writes the tracker makes: a record appended (the id claim), a
 * state stored on a record (conditionally, CONDSTORE UNCHANGEDSINCE), an event
 * appended. The folder is created the first time it is missing.
 *
 * load() reads what is new since the last load (the bodies of new messages
 * only; the flags and mod-sequences of all records, one FETCH).
 */
class WorkOrderFolder : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ConnectorError &)>;

    WorkOrderFolder(const ImapSettings &settings, QObject *parent = nullptr);
    ~WorkOrderFolder() override;

    void load(const Done &done);
    /// The orders as last loaded: for each id the winning record (lowest UID) with its keywords and events.
    QList<WorkOrder> orders() const;
    /// The highest sequence number of any record of @p year (all years: 0), for the next id.
    int highestSequence(int year, const std::function<std::optional<std::pair<int, int>>(const QString &)> &parse) const;

    /**
     * Appends the record of @p order; @p won says whether @p claimant owns the
     * id (its record has the lowest UID). A record with an empty chain only
     * reserves the id; the same claimant's later record fills it in.
     */
    void claim(const WorkOrder &order, const QString &account, const QString &claimant,
               const std::function<void(const ConnectorError &, bool won)> &done);
    /// Sets @p order's state keywords on its record if nobody changed the record since it was read.
    /// @p stored false: someone did (load() again and re-decide).
    void store(const WorkOrder &order, const std::function<void(const ConnectorError &, bool stored)> &done);
    void appendEvent(const QString &id, const WorkOrderEvent &event, const QString &account, const QString &claimant,
                     const Done &done);
    /// The server keeps mod-sequences here: store() is exactly-once among trackers.
    bool conditional() const;
    /// The server keeps our keywords here (PERMANENTFLAGS has \* or all of them); else store() refuses.
    bool keepsKeywords() const;
    /// Ends the session politely.
    void close();

private:
    struct Record
    {
        quint32 uid = 0;
        QString claimant;
        WorkOrder order;        ///< the body's fields
        QList<QByteArray> flags;
        quint64 modSeq = 0;
    };
    struct Event
    {
        quint32 uid = 0;
        QString id;
        WorkOrderEvent event;
    };

    void open(const Done &done);
    void readNew(const QList<quint32> &uids, const Done &done);
    void readFlags(const Done &done);
    /// The lowest UID's record of @p id: its claimant owns the id.
    const Record *winner(const QString &id) const;
    /// The record that holds @p id's order and state: the owner's newest one with a chain; null for a bare reservation.
    const Record *effective(const QString &id) const;

    ImapClient *m_client;
    bool m_created = false;
    QMap<quint32, Record> m_records;        ///< by UID
    QMap<quint32, Event> m_events;
    QSet<quint32> m_other;                  ///< UIDs of messages that are neither (read once, skipped after)
    quint32 m_uidValidity = 0;
    quint64 m_seenModSeq = 0;               ///< the highest MODSEQ of a record read: CHANGEDSINCE starts there
    bool m_flagsKnown = false;              ///< every record's flags and MODSEQ read once
};

} // namespace machina
