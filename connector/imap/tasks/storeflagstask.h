#pragma once

#include "../imapreply.h"
#include "imaptask.h"

#include <QList>
#include <QPointer>

namespace machina {

/**
 * UID STORE <set> +FLAGS / -FLAGS / FLAGS (flags) (RFC 3501 6.4.6), not
 * .SILENT: the server answers each message it changed with an untagged FETCH
 * (UID, FLAGS and, with CONDSTORE, MODSEQ), which goes to the reply's
 * messages(). A message whose flags were already so gets no FETCH (Dovecot).
 *
 * With @p unchangedSince (not 0) the STORE is conditional (RFC 7162 3.1.3):
 * "UID STORE <set> (UNCHANGEDSINCE n) +FLAGS (...)" changes only the messages
 * whose mod-sequence is still at most n; the others are named by the tagged
 * OK's [MODIFIED set] and go to the reply's modifiedUids(). That is how two
 * consoles claim one message: both read its MODSEQ, both store a keyword
 * UNCHANGEDSINCE it, and only one of them gets no MODIFIED. It needs
 * CONDSTORE (or QRESYNC): without, nothing is sent and the task fails as a
 * Protocol error naming the extension.
 *
 * A flag that is not an IMAP flag (isValidFlag()) is refused as Rejected,
 * nothing sent. No UIDs: nothing to do, the task succeeds at once.
 */
class StoreFlagsTask : public ImapTask
{
    // tr() in the context lupdate files these texts under (ImapTask declares its own).
    Q_DECLARE_TR_FUNCTIONS(machina::StoreFlagsTask)

public:
    StoreFlagsTask(const QList<quint32> &uids, ImapStoreMode mode, const QList<QByteArray> &flags, quint64 unchangedSince,
                   ImapReply *reply);

    bool untagged(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    bool asked(quint32 uid) const;

    QList<quint32> m_uids;      ///< sorted, without duplicates and 0
    ImapStoreMode m_mode;
    QList<QByteArray> m_flags;
    quint64 m_unchangedSince = 0;
    QPointer<ImapReply> m_reply;
};

} // namespace machina
