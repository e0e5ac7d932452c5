#include "fetchtask.h"

#include <algorithm>

namespace machina {

int FetchTask::batchSize(ImapFetchPart part)
{
    switch (part) {
    case ImapFetchPart::Full: return FullBatch;
    case ImapFetchPart::Headers: return HeadersBatch;
    case ImapFetchPart::Flags: return FlagsBatch;
    }
    return FullBatch;
}

void FetchTask::start()
{
    switch (m_part) {
    case ImapFetchPart::Full:
        m_items = {"UID", "FLAGS", "INTERNALDATE", "RFC822.SIZE", "BODY.PEEK[]"};
        break;
    case ImapFetchPart::Headers:
        m_items = {"UID", "FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODYSTRUCTURE"};
        break;
    case ImapFetchPart::Flags:
        m_items = {"UID", "FLAGS"};
        return nextBatch();
    }
    if (host().modSeqsAvailable())
        m_items.insert(4, "MODSEQ");   // after RFC822.SIZE: "UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ ..."
    if (!m_headerFields.isEmpty()) {
        for (const QByteArray &field : std::as_const(m_headerFields)) {
            if (ImapWriter::astringForm(field) != ImapWriter::StringForm::Atom)
                return host().taskFinished({ConnectorError::Kind::Rejected,
                                            tr("\"%1\" is not a header field name; nothing was fetched.")
                                                .arg(printable(field))});
        }
        m_items.append("BODY.PEEK[HEADER.FIELDS (" + m_headerFields.join(' ') + ")]");
    }
    nextBatch();
}

void FetchTask::nextBatch()
{
    if (m_remaining.isEmpty())
        return host().taskFinished();
    const qsizetype n = std::min<qsizetype>(batchSize(m_part), m_remaining.size());
    QList<quint32> now = m_remaining.mid(0, n);
    m_remaining.remove(0, n);
    std::sort(now.begin(), now.end());
    m_batch = now;
    host().sendCommand(ImapWriter::uidFetch(host().nextTag(), ImapWriter::formatUidSet(now), m_items));
}

bool FetchTask::untagged(const ImapResponse &response)
{
    if (response.kind != ImapResponse::Kind::Fetch)
        return false;
    const ImapFetch &f = response.fetch;
    // With CONDSTORE the server may put a UID in someone else's flag change too (RFC 7162):
    // a flags-only answer is ours only for a UID of the batch.
    const bool ours = f.uid && (f.sections.contains(QByteArray("")) || f.envelope
                                || (m_part == ImapFetchPart::Flags && f.flags
                                    && std::binary_search(m_batch.cbegin(), m_batch.cend(), *f.uid)));
    if (!ours)
        return false;
    if (m_reply)
        m_reply->addMessage(ImapMessage::fromFetch(f));
    return true;
}

void FetchTask::tagged(const ImapResponse &response)
{
    if (!response.isStatus(ImapCondition::Ok))
        return host().taskFinished(commandError(host().endpoint(), "UID FETCH", response));
    nextBatch();
}

} // namespace machina
