#include "imaplisting.h"

#include "../canaryprobe.h"
#include "../imap/imapclient.h"
#include "../messageid.h"
#include "../messagesummary.h"
#include "../mime/messageparser.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace machina::ImapListing {

using Kind = ConnectorError::Kind;

MessageSummary summaryOf(const ImapMessage &m, quint32 uidValidity)
{
    MessageSummary row;
    row.id = MessageId::imap(uidValidity, m.uid).toString();
    row.uid = m.uid;
    row.seen = m.isSeen();
    row.attachments = m.attachmentCount;
    row.size = qint64(m.size);
    const ImapEnvelope envelope = m.envelope.value_or(ImapEnvelope{});
    row.subject = MessageParser::decodeHeader(envelope.subject);
    if (!envelope.from.isEmpty()) {
        const ImapAddress &a = envelope.from.first();
        const QString name = MessageParser::decodeHeader(a.name);
        row.fromAddress = QString::fromUtf8(a.address());
        row.from = name.isEmpty() ? row.fromAddress : QStringLiteral("%1 <%2>").arg(name, row.fromAddress);
    }
    row.date = MessageParser::parseDate(envelope.date);
    if (!row.date.isValid())
        row.date = m.internalDate;
    row.messageId = QString::fromUtf8(envelope.messageId.trimmed());
    if (row.messageId.startsWith(QLatin1Char('<')) && row.messageId.endsWith(QLatin1Char('>')))
        row.messageId = row.messageId.mid(1, row.messageId.size() - 2);
    return row;
}

QList<QByteArray> canaryHeaderField()
{
    // Fetched with the headers rather than searched away (NOT HEADER X-Machina-Canary ""): a
    // search would read the header of every message in the INBOX at each listing, this reads
    // one line of only the rows fetched (from Dovecot's cache once seen), and a sync's flags fetch
    // never meets a probe, which is never a known row.
    return {QByteArray(CanaryProbe::HeaderName)};
}

bool isCanaryProbe(const ImapMessage &m)
{
    return !m.headerFields.isEmpty() && CanaryProbe::isProbe(m.headerFields);
}

ConnectorError validityChanged(const ImapClient *session, quint32 listedValidity)
{
    if (session->uidValidity() == listedValidity)
        return {};
    return {Kind::Protocol, QCoreApplication::translate("machina::ImapListing", "The INBOX was renumbered (UIDVALIDITY %1, was %2) during the listing; list it again.")
                                .arg(session->uidValidity()).arg(listedValidity)};
}

namespace {

void fetchSummaries(ImapClient *session, InboxListReply *reply, QList<quint32> newestFirst, QList<MessageSummary> rows,
                    quint32 validity)
{
    if (newestFirst.isEmpty()) {
        reply->setMessages(rows);
        return reply->finish();
    }
    // One batch at a time, newest first, each shown as it arrives.
    QList<quint32> batch = newestFirst.mid(0, ImapClient::HeaderFetchBatch);
    newestFirst.remove(0, batch.size());
    std::sort(batch.begin(), batch.end());
    ImapReply *fetch = session->fetchMessages(batch, ImapClient::FetchPart::Headers, canaryHeaderField());
    fetch->setParent(reply);
    QObject::connect(fetch, &ConnectorReply::finished, reply, [session, fetch, reply, newestFirst, rows, validity]() mutable {
        fetch->deleteLater();
        if (fetch->error())
            return reply->finish(fetch->error());
        if (const ConnectorError changed = validityChanged(session, validity))
            return reply->finish(changed);
        QList<MessageSummary> got;
        got.reserve(fetch->messages().size());
        for (const ImapMessage &m : fetch->messages()) {
            if (isCanaryProbe(m)) {
                reply->setTotal(std::max(0, reply->total() - 1));
                continue;
            }
            got.append(summaryOf(m, validity));
        }
        std::sort(got.begin(), got.end(), [](const MessageSummary &a, const MessageSummary &b) { return a.uid > b.uid; });
        Q_EMIT reply->rowsListed(got);
        rows.append(got);
        fetchSummaries(session, reply, newestFirst, rows, validity);
    });
}

/// A sync: whole rows of what @p known lacks, flags of the rest, the gone ids.
void sync(ImapClient *session, InboxListReply *reply, const QList<quint32> &newestFirst, const QSet<QString> &known,
          quint32 validity)
{
    QSet<quint32> knownUids;
    QStringList removed;
    for (const QString &text : known) {
        const MessageId id = MessageId::parse(text);
        if (id.backend() == MessageId::Backend::Imap && id.uidValidity() == validity)
            knownUids.insert(id.uid());
        else
            removed.append(text); // another UIDVALIDITY (or backend): every old id is void
    }
    const QSet<quint32> present(newestFirst.cbegin(), newestFirst.cend());
    for (quint32 uid : std::as_const(knownUids)) {
        if (!present.contains(uid))
            removed.append(MessageId::imap(validity, uid).toString());
    }
    QList<quint32> fresh;
    QList<quint32> kept;
    for (quint32 uid : newestFirst)
        (knownUids.contains(uid) ? kept : fresh).append(uid);
    reply->setRemovedIds(removed);
    reply->setTotal(int(fresh.size()));
    if (kept.isEmpty())
        return fetchSummaries(session, reply, fresh, {}, validity);
    std::sort(kept.begin(), kept.end());
    ImapReply *flags = session->fetchMessages(kept, ImapClient::FetchPart::Flags);
    flags->setParent(reply);
    QObject::connect(flags, &ConnectorReply::finished, reply, [session, flags, reply, fresh, validity] {
        flags->deleteLater();
        if (flags->error())
            return reply->finish(flags->error());
        if (const ConnectorError changed = validityChanged(session, validity))
            return reply->finish(changed);
        QHash<QString, bool> seen;
        for (const ImapMessage &m : flags->messages())
            seen.insert(MessageId::imap(validity, m.uid).toString(), m.isSeen());
        reply->setSeenStates(seen);
        fetchSummaries(session, reply, fresh, {}, validity);
    });
}

} // namespace

void start(ImapClient *session, InboxListReply *reply, bool unseenOnly, int limit, const std::optional<QSet<QString>> &known)
{
    if (session->isSelected()) {
        // A kept session learns of new mail at a NOOP: Dovecot does not add
        // messages that arrived since the last sync to a UID SEARCH (RFC 3501 6.4.4
        // leaves it to the server). A failure shows in the SEARCH queued behind it.
        ImapReply *noop = session->noop();
        QObject::connect(noop, &ConnectorReply::finished, noop, &QObject::deleteLater);
    }
    ImapReply *search = unseenOnly ? session->searchUnseen() : session->searchAll();
    search->setParent(reply);
    QObject::connect(search, &ConnectorReply::finished, reply, [session, search, reply, limit, known] {
        search->deleteLater();
        if (search->error())
            return reply->finish(search->error());
        QList<quint32> uids = search->uids();
        if (limit > 0 && uids.size() > limit)
            uids = uids.mid(uids.size() - limit);
        std::reverse(uids.begin(), uids.end()); // newest first
        const quint32 validity = session->uidValidity();
        if (!known) {
            reply->setTotal(int(uids.size()));
            return fetchSummaries(session, reply, uids, {}, validity);
        }
        sync(session, reply, uids, *known, validity);
    });
}

} // namespace machina::ImapListing
