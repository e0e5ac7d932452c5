#include "fetchtask.h"

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
    nextBatch();
}

void FetchTask::nextBatch()
{
    if (m_remaining.isEmpty())
        return host().taskFinished();
    const qsizetype n = std::min<qsizetype>(batchSize(m_part), m_remaining.size());
    const QList<quint32> now = m_remaining.mid(0, n);
    m_remaining.remove(0, n);
    const QList<QByteArray> items = m_part == ImapFetchPart::Full
        ? QList<QByteArray>{"UID", "FLAGS", "INTERNALDATE", "RFC822.SIZE", "BODY.PEEK[]"}
        : m_part == ImapFetchPart::Headers
        ? QList<QByteArray>{"UID", "FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODYSTRUCTURE"}
        : QList<QByteArray>{"UID", "FLAGS"};
    host().sendCommand(ImapWriter::uidFetch(host().nextTag(), ImapWriter::formatUidSet(now), items));
}

bool FetchTask::untagged(const ImapResponse &response)
{
    if (response.kind != ImapResponse::Kind::Fetch)
        return false;
    const ImapFetch &f = response.fetch;
    const bool ours = f.uid && (f.sections.contains(QByteArray("")) || f.envelope
                                || (m_part == ImapFetchPart::Flags && f.flags));
    if (!ours)
        return false;
    if (m_reply) {
        ImapMessage m;
        m.uid = *f.uid;
        m.flags = f.flags.value_or(QList<QByteArray>{});
        m.internalDate = f.internalDate.value_or(QDateTime());
        m.size = f.rfc822Size.value_or(0);
        m.raw = f.sections.value(QByteArray(""));
        m.envelope = f.envelope;
        m.attachmentCount = f.attachmentCount();
        m_reply->addMessage(m);
    }
    return true;
}

void FetchTask::tagged(const ImapResponse &response)
{
    if (!response.isStatus(ImapCondition::Ok))
        return host().taskFinished(commandError(host().endpoint(), "UID FETCH", response));
    nextBatch();
}

} // namespace machina
