#include "workorderfolder.h"

#include "../imap/imapclient.h"
#include "workorderkeywords.h"
#include "workordermessages.h"

#include <algorithm>

namespace machina {

namespace {

/// The events that notified someone: the deadline counts from the last of them.
bool notifies(const WorkOrderEvent &event)
{
    return event.action == QLatin1String("created") || event.action == QLatin1String("escalated")
        || event.action == QLatin1String("handed_over");
}

} // namespace

WorkOrderFolder::WorkOrderFolder(const ImapSettings &settings, QObject *parent)
    : QObject(parent), m_client(new ImapClient(settings, this))
{
}

WorkOrderFolder::~WorkOrderFolder() = default;

bool WorkOrderFolder::conditional() const
{
    return m_client->modSeqsAvailable();
}

bool WorkOrderFolder::keepsKeywords() const
{
    if (m_client->acceptsNewKeywords())
        return true;
    // No \* (no new keywords), but ours may exist already in this folder.
    const QList<QByteArray> permanent = m_client->permanentFlags();
    const QList<QByteArray> ours = WorkOrderKeywords::all();
    return std::all_of(ours.cbegin(), ours.cend(), [&permanent](const QByteArray &keyword) {
        return std::any_of(permanent.cbegin(), permanent.cend(),
                           [&keyword](const QByteArray &p) { return p.compare(keyword, Qt::CaseInsensitive) == 0; });
    });
}

void WorkOrderFolder::close()
{
    ImapReply *reply = m_client->close();
    connect(reply, &ConnectorReply::finished, reply, &QObject::deleteLater);
}

void WorkOrderFolder::open(const Done &done)
{
    ImapReply *reply = m_client->open();
    connect(reply, &ConnectorReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        if (!reply->error()) {
            if (m_client->uidValidity() != m_uidValidity) {
                m_records.clear();
                m_events.clear();
                m_other.clear();
                m_seenModSeq = 0;
                m_flagsKnown = false;
                m_uidValidity = m_client->uidValidity();
            }
            return done({});
        }
        if (!reply->mailboxMissing() || m_created)
            return done(reply->error());
        // The first work order on this account: the folder is made, then opened again.
        m_created = true;
        ImapReply *create = m_client->createMailbox(m_client->settings().mailbox);
        connect(create, &ConnectorReply::finished, this, [this, create, done] {
            create->deleteLater();
            if (create->error())
                return done(create->error());
            open(done);
        });
    });
}

void WorkOrderFolder::load(const Done &done)
{
    open([this, done](const ConnectorError &error) {
        if (error)
            return done(error);
        // A NOOP first: a kept session hears of messages others appended since (RFC 3501 6.1.2).
        ImapReply *noop = m_client->noop();
        connect(noop, &ConnectorReply::finished, this, [this, noop, done] {
            noop->deleteLater();
            if (noop->error())
                return done(noop->error());
            ImapReply *search = m_client->searchAll();
            connect(search, &ConnectorReply::finished, this, [this, search, done] {
                search->deleteLater();
                if (search->error())
                    return done(search->error());
                const QList<quint32> all = search->uids();
                const QSet<quint32> present(all.cbegin(), all.cend());
                // Gone from the server (expunged by hand, or a losing claim): gone here too.
                for (auto it = m_records.begin(); it != m_records.end();)
                    it = present.contains(it.key()) ? std::next(it) : m_records.erase(it);
                for (auto it = m_events.begin(); it != m_events.end();)
                    it = present.contains(it.key()) ? std::next(it) : m_events.erase(it);
                QList<quint32> fresh;
                for (quint32 uid : all) {
                    if (!m_records.contains(uid) && !m_events.contains(uid) && !m_other.contains(uid))
                        fresh.append(uid);
                }
                readNew(fresh, [this, done](const ConnectorError &error) {
                    if (error)
                        return done(error);
                    readFlags(done);
                });
            });
        });
    });
}

void WorkOrderFolder::readNew(const QList<quint32> &uids, const Done &done)
{
    if (uids.isEmpty())
        return done({});
    ImapReply *fetch = m_client->fetchMessages(uids, ImapClient::FetchPart::Full);
    connect(fetch, &ConnectorReply::finished, this, [this, fetch, done] {
        fetch->deleteLater();
        if (fetch->error())
            return done(fetch->error());
        for (const ImapMessage &message : fetch->messages()) {
            const WorkOrderMessages::Parsed parsed = WorkOrderMessages::parse(message.raw);
            switch (parsed.kind) {
            case WorkOrderMessages::Parsed::Kind::Record:
                m_records.insert(message.uid, {message.uid, parsed.claimant, parsed.order, message.flags, message.modSeq});
                m_flagsKnown = m_flagsKnown && message.modSeq > 0;
                break;
            case WorkOrderMessages::Parsed::Kind::Event:
                m_events.insert(message.uid, {message.uid, parsed.workOrderId, parsed.event});
                break;
            case WorkOrderMessages::Parsed::Kind::None:
                m_other.insert(message.uid);
                break;
            }
        }
        done({});
    });
}

void WorkOrderFolder::readFlags(const Done &done)
{
    const QList<quint32> uids = m_records.keys();
    if (uids.isEmpty())
        return done({});
    const auto take = [this](const QList<ImapMessage> &messages) {
        for (const ImapMessage &message : messages) {
            auto it = m_records.find(message.uid);
            if (it == m_records.end())
                continue;
            it->flags = message.flags;
            it->modSeq = message.modSeq;
            m_seenModSeq = std::max(m_seenModSeq, message.modSeq);
        }
    };
    if (conditional() && m_seenModSeq > 0 && m_flagsKnown) {
        // Only what changed since the last read (RFC 7162 CHANGEDSINCE): one short answer when nothing did.
        ImapReply *changed = m_client->fetchChangedSince(m_seenModSeq);
        connect(changed, &ConnectorReply::finished, this, [changed, take, done] {
            changed->deleteLater();
            if (changed->error())
                return done(changed->error());
            take(changed->messages());
            done({});
        });
        return;
    }
    // Headers, not Flags: those answers carry MODSEQ, which store() needs.
    ImapReply *fetch = m_client->fetchMessages(uids, ImapClient::FetchPart::Headers);
    connect(fetch, &ConnectorReply::finished, this, [this, fetch, take, done] {
        fetch->deleteLater();
        if (fetch->error())
            return done(fetch->error());
        take(fetch->messages());
        m_flagsKnown = true;
        done({});
    });
}

const WorkOrderFolder::Record *WorkOrderFolder::winner(const QString &id) const
{
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {   // ascending UID: the first is the lowest
        if (it->order.id == id)
            return &*it;
    }
    return nullptr;
}

const WorkOrderFolder::Record *WorkOrderFolder::effective(const QString &id) const
{
    const Record *first = winner(id);
    if (!first)
        return nullptr;
    // The winner's newest record with a chain: a reservation filled in later is a second record of the same claimant.
    const Record *found = nullptr;
    for (const Record &record : m_records) {
        if (record.order.id == id && record.claimant == first->claimant && !record.order.chain.isEmpty())
            found = &record;
    }
    return found;
}

QList<WorkOrder> WorkOrderFolder::orders() const
{
    QHash<QString, QList<WorkOrderEvent>> history;
    for (const Event &event : m_events)
        history[event.id].append(event.event);
    QList<WorkOrder> orders;
    QSet<QString> seen;
    for (const Record &first : m_records) {
        if (seen.contains(first.order.id))
            continue;   // a losing claim not yet removed, or a later record of the same order
        seen.insert(first.order.id);
        const Record *effectiveRecord = effective(first.order.id);
        if (!effectiveRecord)
            continue;   // a reserved id, not used yet
        const Record &record = *effectiveRecord;
        WorkOrder order = record.order;
        WorkOrder fromKeywords = order;
        if (WorkOrderKeywords::decode(record.flags, &fromKeywords) && fromKeywords.notified <= order.chain.size()
            && fromKeywords.assignee < std::max<qsizetype>(1, order.chain.size())) {
            order.state = fromKeywords.state;
            order.notified = fromKeywords.notified;
            order.assignee = fromKeywords.assignee;
        }
        QList<WorkOrderEvent> events = history.value(order.id);
        std::stable_sort(events.begin(), events.end(),
                         [](const WorkOrderEvent &a, const WorkOrderEvent &b) { return a.at < b.at; });
        order.history = events;
        int notifying = 0;
        QStringList ids;
        QDateTime last;
        for (const WorkOrderEvent &event : std::as_const(events)) {
            if (!notifies(event))
                continue;
            ++notifying;
            last = event.at;
            if (!event.messageId.isEmpty() && !ids.contains(event.messageId))
                ids.append(event.messageId);
        }
        for (const QString &id : std::as_const(order.notificationIds)) {
            if (!ids.contains(id))
                ids.prepend(id);
        }
        order.notificationIds = ids;
        // The deadline counts from the last notification; when its event is not here (yet), the
        // tracker puts in when it first saw that many notified (WorkOrderTracker::adopt()).
        order.notifiedAt = notifying >= order.notified ? last : QDateTime();
        orders.append(order);
    }
    return orders;
}

int WorkOrderFolder::highestSequence(int year,
                                     const std::function<std::optional<std::pair<int, int>>(const QString &)> &parse) const
{
    int highest = 0;
    for (const Record &record : m_records) {
        const auto parsed = parse(record.order.id);
        if (parsed && (year == 0 || parsed->first == year || parsed->first == 0))
            highest = std::max(highest, parsed->second);
    }
    return highest;
}

void WorkOrderFolder::claim(const WorkOrder &order, const QString &account, const QString &claimant,
                            const std::function<void(const ConnectorError &, bool won)> &done)
{
    const QByteArray raw = WorkOrderMessages::record(order, account, claimant);
    ImapReply *append = m_client->append(m_client->settings().mailbox, raw, WorkOrderKeywords::encode(order));
    connect(append, &ConnectorReply::finished, this, [this, append, done, id = order.id, claimant] {
        append->deleteLater();
        if (append->error())
            return done(append->error(), false);
        // Everyone who appended a record for this id sees the same lowest UID once their own append is done.
        load([this, done, id, claimant](const ConnectorError &error) {
            if (error)
                return done(error, false);
            const Record *first = winner(id);
            if (first && first->claimant == claimant)
                return done({}, true);
            // Lost: our record goes (flagged \Deleted and expunged where UIDPLUS allows; others skip it anyway).
            QList<quint32> ours;
            for (const Record &record : std::as_const(m_records)) {
                if (record.order.id == id && record.claimant == claimant)
                    ours.append(record.uid);
            }
            if (ours.isEmpty())
                return done({}, false);
            ImapReply *flag = m_client->storeFlags(ours, ImapClient::StoreMode::Add, {QByteArrayLiteral("\\Deleted")});
            connect(flag, &ConnectorReply::finished, this, [this, flag, ours, done] {
                flag->deleteLater();
                for (quint32 uid : ours)
                    m_records.remove(uid);
                if (flag->error() || !m_client->hasCapability("UIDPLUS"))
                    return done({}, false);
                ImapReply *expunge = m_client->expunge(ours);
                connect(expunge, &ConnectorReply::finished, expunge, &QObject::deleteLater);
                done({}, false);
            });
        });
    });
}

void WorkOrderFolder::store(const WorkOrder &order, const std::function<void(const ConnectorError &, bool stored)> &done)
{
    const Record *record = effective(order.id);
    if (!record) {
        return done({ConnectorError::Kind::Protocol,
                     tr("work order %1 has no record in the folder %2").arg(order.id, m_client->settings().mailbox)},
                    false);
    }
    if (!keepsKeywords()) {
        // Exchange and some others drop client keywords: a step would seem made and never stick.
        return done({ConnectorError::Kind::Protocol,
                     tr("the server does not keep keywords in the folder %1, so work-order states cannot be shared "
                        "there (its PERMANENTFLAGS lack \\*)").arg(m_client->settings().mailbox)},
                    false);
    }
    const quint32 uid = record->uid;
    const QList<QByteArray> flags = WorkOrderKeywords::replaced(record->flags, order);
    ImapReply *reply = m_client->storeFlags({uid}, ImapClient::StoreMode::Replace, flags,
                                            conditional() ? std::max<quint64>(record->modSeq, 1) : 0);
    connect(reply, &ConnectorReply::finished, this, [this, reply, uid, done] {
        reply->deleteLater();
        if (reply->error())
            return done(reply->error(), false);
        if (reply->modifiedUids().contains(uid))
            return done({}, false);
        auto it = m_records.find(uid);
        for (const ImapMessage &message : reply->messages()) {
            if (message.uid == uid && it != m_records.end()) {
                it->flags = message.flags;
                it->modSeq = message.modSeq;
            }
        }
        done({}, true);
    });
}

void WorkOrderFolder::appendEvent(const QString &id, const WorkOrderEvent &event, const QString &account,
                                  const QString &claimant, const Done &done)
{
    const QByteArray raw = WorkOrderMessages::event(id, event, account, claimant);
    ImapReply *append = m_client->append(m_client->settings().mailbox, raw, {QByteArrayLiteral("\\Seen")});
    connect(append, &ConnectorReply::finished, this, [this, append, id, event, done] {
        append->deleteLater();
        if (append->error())
            return done(append->error());
        if (append->appendUid() != 0)
            m_events.insert(append->appendUid(), {append->appendUid(), id, event});
        done({});
    });
}

} // namespace machina
