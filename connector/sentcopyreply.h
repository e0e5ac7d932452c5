#pragma once

#include "connectorreply.h"

#include <QString>

namespace machina {

/** The reply to a Sent copy: where it went, and its UID when the server has UIDPLUS. */
class SentCopyReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;

    QString mailbox() const { return m_mailbox; }
    /// "uidvalidity:uid" from APPENDUID, empty without UIDPLUS.
    QString uid() const { return m_uid; }

    void setMailbox(const QString &mailbox) { m_mailbox = mailbox; }
    void setUid(const QString &uid) { m_uid = uid; }

private:
    QString m_mailbox;
    QString m_uid;
};

} // namespace machina
