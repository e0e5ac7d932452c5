#pragma once

#include <QMetaType>
#include <QString>

namespace machina {

/**
 * The id of one message of one account, as the inbox, the message view and
 * scripts hold it: "imap:<uidvalidity>:<uid>" or "gmail:<id>". Made and read
 * here only. An IMAP id names a message only under its UIDVALIDITY (RFC 3501
 * 2.3.1.1): a mailbox renumbered since makes the id stale, never another
 * message's. UIDVALIDITY 0 stands for a server that never announced one.
 */
class MessageId
{
public:
    enum class Backend { None, Imap, Gmail };

    MessageId() = default;
    static MessageId imap(quint32 uidValidity, quint32 uid);
    static MessageId gmail(const QString &id);
    /// An invalid id (isValid() false) when @p text is neither form.
    static MessageId parse(const QString &text);

    bool isValid() const { return m_backend != Backend::None; }
    Backend backend() const { return m_backend; }
    quint32 uidValidity() const { return m_uidValidity; }
    quint32 uid() const { return m_uid; }
    QString gmailId() const { return m_gmailId; }

    QString toString() const;

    friend bool operator==(const MessageId &a, const MessageId &b)
    {
        return a.m_backend == b.m_backend && a.m_uidValidity == b.m_uidValidity && a.m_uid == b.m_uid
               && a.m_gmailId == b.m_gmailId;
    }
    friend bool operator!=(const MessageId &a, const MessageId &b) { return !(a == b); }

private:
    Backend m_backend = Backend::None;
    quint32 m_uidValidity = 0;
    quint32 m_uid = 0;
    QString m_gmailId;
};

} // namespace machina

Q_DECLARE_METATYPE(machina::MessageId)
