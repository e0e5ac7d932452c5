#include "appendtask.h"

namespace machina {

void AppendTask::start()
{
    for (const QByteArray &flag : std::as_const(m_flags)) {
        if (!ImapWriter::isValidFlag(flag))
            return host().taskFinished({ConnectorError::Kind::Rejected,
                                        tr("\"%1\" is not an IMAP flag; nothing was appended to %2.")
                                            .arg(printable(flag), m_mailbox)});
    }
    const ImapLiteralMode mode = host().hasCapability("LITERAL+") ? ImapLiteralMode::LiteralPlus
                                 : host().hasCapability("LITERAL-") ? ImapLiteralMode::LiteralMinus
                                                                    : ImapLiteralMode::Synchronizing;
    const QList<QByteArrayView> messages(m_messages.cbegin(), m_messages.cend());
    host().sendCommand(ImapWriter::append(host().nextTag(), m_mailbox, m_flags, messages, mode));
}

void AppendTask::tagged(const ImapResponse &response)
{
    if (m_reply && response.code)
        m_reply->setResponseCode(response.code->name);
    if (response.isStatus(ImapCondition::Ok)) {
        if (m_reply && response.hasCode("APPENDUID")) {
            m_reply->setAppendUid(quint32(response.code->number), response.code->uids.first());
            // A set from a MULTIAPPEND names the messages in order; one that does not add up is left out.
            if (response.code->uids.count() == quint64(m_messages.size()))
                m_reply->setAppendUids(response.code->uids.toList());
        }
        return host().taskFinished();
    }
    if (response.condition != ImapCondition::No)
        return host().taskFinished(commandError(host().endpoint(), "APPEND", response));
    // A NO refuses this message (no such mailbox, over quota, too large): the session goes on.
    const QString why = response.hasCode("TRYCREATE")
        ? tr("%1 has no mailbox %2 to append to (TRYCREATE: create it first): %3")
        : tr("%1 refused to append to %2: %3");
    host().taskFinished({ConnectorError::Kind::Rejected, why.arg(host().endpoint(), m_mailbox, printable(response.text))});
}

} // namespace machina
