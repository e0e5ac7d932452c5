#pragma once

#include "../imapreply.h"
#include "imaptask.h"

#include <QPointer>

namespace machina {

/**
 * UID FETCH (RFC 3501 6.4.5) of many messages, in batches of batchSize(part)
 * one after another. Bodies are read with BODY.PEEK[], so nothing is marked
 * \Seen by reading. A FETCH is the task's when it carries a UID and what was
 * asked for (an unsolicited FETCH of someone else's flag change has no UID,
 * RFC 3501 7.4.2, or with CONDSTORE a UID outside the batch); other FETCHes
 * are left to the session.
 *
 * Full and Headers ask for MODSEQ too when the mailbox has mod-sequences
 * (ImapTaskHost::modSeqsAvailable(), RFC 7162 3.1.4), so ImapMessage::modSeq is
 * filled; a server that answered [NOMODSEQ] would refuse it, so then it is not asked.
 */
class FetchTask : public ImapTask
{
    // tr() in the context lupdate files these texts under (ImapTask declares its own).
    Q_DECLARE_TR_FUNCTIONS(machina::FetchTask)

public:
    /**
     * @p headerFields (Full and Headers only): header names also fetched as
     * BODY.PEEK[HEADER.FIELDS (...)], into ImapMessage::headerFields; each must be
     * an atom ("X-Machina-Canary"), else nothing is sent and the task fails as Rejected.
     */
    FetchTask(const QList<quint32> &uids, ImapFetchPart part, ImapReply *reply, const QList<QByteArray> &headerFields = {})
        : m_remaining(uids), m_part(part), m_reply(reply), m_headerFields(headerFields) {}

    static constexpr int FullBatch = 25;
    static constexpr int HeadersBatch = 500;
    static constexpr int FlagsBatch = 2000;    ///< keeps a sparse UID set well inside Dovecot's 64 KiB line
    static int batchSize(ImapFetchPart part);

    bool untagged(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    void nextBatch();

    QList<quint32> m_remaining;
    QList<quint32> m_batch;     ///< the UIDs asked for last, sorted
    ImapFetchPart m_part;
    QPointer<ImapReply> m_reply;
    QList<QByteArray> m_headerFields;
    QList<QByteArray> m_items;  ///< what each batch asks for, made at the start
};

} // namespace machina
