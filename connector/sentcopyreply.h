#pragma once

#include "connectorreply.h"

#include <QString>
#include <QStringList>

namespace machina {

/** The reply to Sent copies: where they went, and their UIDs when the server has UIDPLUS. */
class SentCopyReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;

    QString mailbox() const { return m_mailbox; }
    /// "uidvalidity:uid" of each copy from APPENDUID, in the order given; empty without UIDPLUS.
    QStringList uids() const { return m_uids; }

    void setMailbox(const QString &mailbox) { m_mailbox = mailbox; }
    void setUids(const QStringList &uids) { m_uids = uids; }

private:
    QString m_mailbox;
    QStringList m_uids;
};

} // namespace machina
