#pragma once

#include "imaptask.h"

#include <QList>

namespace machina {

/** UID STORE +FLAGS.SILENT (\Seen), or -FLAGS.SILENT to mark unread (RFC 3501 6.4.6). */
class StoreTask : public ImapTask
{
public:
    StoreTask(const QList<quint32> &uids, bool seen) : m_uids(uids), m_seen(seen) {}

    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    QList<quint32> m_uids;
    bool m_seen = true;
};

} // namespace machina
