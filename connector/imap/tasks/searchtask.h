#pragma once

#include "../imapreply.h"
#include "imaptask.h"

#include <QPointer>

namespace machina {

/**
 * UID SEARCH (RFC 3501 6.4.4), as ESEARCH "RETURN (ALL)" (RFC 4731) when the
 * server offers it: 20,000 UIDs are then "1:20000", not a 110 KB line. The
 * UIDs go to the reply in ascending order. A hostile range ("1:4294967295")
 * is capped at EXISTS plus what may have arrived meanwhile, and ends the
 * session as a Protocol error.
 *
 * The criteria are protocol text ("UNSEEN", "HEADER X-Machina-Work-Order
 * \"WO-2026-0001\""; quote strings with ImapWriter::quotedString()). Empty
 * criteria, or criteria with a CR, LF or NUL, are refused as Rejected without
 * sending anything.
 */
class SearchTask : public ImapTask
{
    // tr() in the context lupdate files these texts under (ImapTask declares its own).
    Q_DECLARE_TR_FUNCTIONS(machina::SearchTask)

public:
    SearchTask(const QByteArray &criteria, ImapReply *reply) : m_criteria(criteria), m_reply(reply) {}

    bool untagged(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    QByteArray m_criteria;
    QPointer<ImapReply> m_reply;
    QByteArray m_tag;
    QList<quint32> m_uids;
};

} // namespace machina
