#include "searchtask.h"

#include <algorithm>

namespace machina {

void SearchTask::start()
{
    // The criteria are protocol text of one line: a line break would end the command and start another.
    const bool oneLine = std::none_of(m_criteria.cbegin(), m_criteria.cend(),
                                      [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
    if (m_criteria.trimmed().isEmpty() || !oneLine)
        return host().taskFinished({ConnectorError::Kind::Rejected,
                                    tr("The search criteria \"%1\" are empty or hold a line break; nothing was sent.")
                                        .arg(printable(m_criteria))});
    m_tag = host().nextTag();
    const QByteArray query = host().hasCapability("ESEARCH") ? "RETURN (ALL) " + m_criteria : m_criteria;
    host().sendCommand(ImapWriter::uidSearch(m_tag, query));
}

bool SearchTask::untagged(const ImapResponse &response)
{
    if (response.kind == ImapResponse::Kind::Search) {
        m_uids.append(response.ids);
        return true;
    }
    if (response.kind != ImapResponse::Kind::ESearch)
        return false;
    // The TAG correlator is optional (RFC 4731 3.1); one command runs at a time, so an
    // untagged UID ESEARCH while ours runs is its answer.
    if (!response.esearchUid || (!response.esearchTag.isEmpty() && response.esearchTag != m_tag))
        return false;
    const quint64 cap = quint64(host().exists()) + 100000;
    quint64 total = m_uids.size();
    for (const auto &[first, last] : response.searchRanges) {
        total += quint64(last) - first + 1;
        if (total > cap) {
            host().sessionFailed({ConnectorError::Kind::Protocol,
                                  tr("%1 answered a search with more UIDs (over %2) than the mailbox holds (%3).")
                                      .arg(host().endpoint()).arg(cap).arg(host().exists())});
            return true;
        }
        for (quint64 uid = first; uid <= last; ++uid)
            m_uids.append(quint32(uid));
    }
    return true;
}

void SearchTask::tagged(const ImapResponse &response)
{
    if (!response.isStatus(ImapCondition::Ok))
        return host().taskFinished(commandError(host().endpoint(), "UID SEARCH", response));
    std::sort(m_uids.begin(), m_uids.end());
    if (m_reply)
        m_reply->setUids(m_uids);
    host().taskFinished();
}

} // namespace machina
