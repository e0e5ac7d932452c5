#pragma once

#include "../imapreply.h"
#include "imaptask.h"

#include <QString>

namespace machina {

/**
 * SELECT (RFC 3501 6.3.1). UIDVALIDITY, UIDNEXT, EXISTS and HIGHESTMODSEQ
 * arrive as untagged data, which the session keeps; a refusal ends the session.
 *
 * The form depends on the session (RFC 7162): with QRESYNC enabled and a known
 * state (UIDVALIDITY and HIGHESTMODSEQ both non-zero) "SELECT "INBOX" (QRESYNC
 * (v m))", whose VANISHED (EARLIER) and FETCH answers go to @p changes; else
 * "(CONDSTORE)" when the server offers CONDSTORE or QRESYNC; else plain.
 *
 * A mailbox that does not exist (NO [NONEXISTENT], RFC 5530, or a NO without
 * a response code, as Dovecot answers) is a Protocol error saying so, and sets
 * @p missing; a NO with another code ([NOPERM], [INUSE] ...) is not "missing".
 */
class SelectTask : public ImapTask
{
    // tr() in the context lupdate files these texts under (ImapTask declares its own).
    Q_DECLARE_TR_FUNCTIONS(machina::SelectTask)

public:
    explicit SelectTask(const QString &mailbox, quint32 knownUidValidity = 0, quint64 knownModSeq = 0,
                        ImapSelectChanges *changes = nullptr, bool *missing = nullptr)
        : m_mailbox(mailbox), m_knownUidValidity(knownUidValidity), m_knownModSeq(knownModSeq), m_changes(changes),
          m_missing(missing) {}

    bool untagged(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    QString m_mailbox;
    quint32 m_knownUidValidity = 0;
    quint64 m_knownModSeq = 0;
    ImapSelectChanges *m_changes = nullptr;
    bool *m_missing = nullptr;
    bool m_qresync = false;
};

} // namespace machina
