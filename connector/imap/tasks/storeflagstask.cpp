#include "storeflagstask.h"

#include <algorithm>

namespace machina {

StoreFlagsTask::StoreFlagsTask(const QList<quint32> &uids, ImapStoreMode mode, const QList<QByteArray> &flags,
                               quint64 unchangedSince, ImapReply *reply)
    : m_uids(uids), m_mode(mode), m_flags(flags), m_unchangedSince(unchangedSince), m_reply(reply)
{
    std::sort(m_uids.begin(), m_uids.end());
    m_uids.erase(std::unique(m_uids.begin(), m_uids.end()), m_uids.end());
    m_uids.removeAll(0u);
}

bool StoreFlagsTask::asked(quint32 uid) const
{
    return std::binary_search(m_uids.cbegin(), m_uids.cend(), uid);
}

void StoreFlagsTask::start()
{
    for (const QByteArray &flag : std::as_const(m_flags)) {
        if (!ImapWriter::isValidFlag(flag))
            return host().taskFinished({ConnectorError::Kind::Rejected,
                                        tr("\"%1\" is not an IMAP flag; no flags were stored.").arg(printable(flag))});
    }
    if (m_unchangedSince != 0 && !host().hasCapability("CONDSTORE") && !host().hasCapability("QRESYNC"))
        return host().taskFinished({ConnectorError::Kind::Protocol,
                                    tr("%1 does not support CONDSTORE (RFC 7162): a conditional STORE (UNCHANGEDSINCE) "
                                       "needs it; no flags were stored.").arg(host().endpoint())});
    if (m_uids.isEmpty())
        return host().taskFinished();
    const ImapWriter::StoreMode mode = m_mode == ImapStoreMode::Add      ? ImapWriter::StoreMode::Add
                                       : m_mode == ImapStoreMode::Remove ? ImapWriter::StoreMode::Remove
                                                                         : ImapWriter::StoreMode::Replace;
    host().sendCommand(ImapWriter::uidStore(host().nextTag(), ImapWriter::formatUidSet(m_uids), mode, false, m_flags,
                                            m_unchangedSince));
}

bool StoreFlagsTask::untagged(const ImapResponse &response)
{
    // The answer to a UID command carries the UID (RFC 3501 6.4.8); one of ours is our data.
    if (response.kind != ImapResponse::Kind::Fetch || !response.fetch.uid || !asked(*response.fetch.uid)
        || (!response.fetch.flags && !response.fetch.modSeq))
        return false;
    if (m_reply)
        m_reply->addMessage(ImapMessage::fromFetch(response.fetch));
    return true;
}

void StoreFlagsTask::tagged(const ImapResponse &response)
{
    if (m_reply && response.code)
        m_reply->setResponseCode(response.code->name);
    if (m_reply && response.hasCode("MODIFIED")) {
        // Only UIDs we asked for, found range by range: a hostile "1:4294967295" costs no more than our own set.
        QList<quint32> modified;
        for (const auto &[first, last] : response.code->uids.ranges) {
            for (auto it = std::lower_bound(m_uids.cbegin(), m_uids.cend(), first); it != m_uids.cend() && *it <= last; ++it)
                modified.append(*it);
        }
        std::sort(modified.begin(), modified.end());
        modified.erase(std::unique(modified.begin(), modified.end()), modified.end());
        m_reply->setModifiedUids(modified);
    }
    host().taskFinished(response.isStatus(ImapCondition::Ok) ? ConnectorError()
                                                             : commandError(host().endpoint(), "UID STORE", response));
}

} // namespace machina
