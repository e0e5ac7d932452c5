#pragma once

#include "imaptask.h"

#include <QString>

namespace machina {

/**
 * SELECT (RFC 3501 6.3.1). UIDVALIDITY, UIDNEXT and EXISTS arrive as untagged
 * data, which the session keeps; a refusal ends the session.
 */
class SelectTask : public ImapTask
{
public:
    explicit SelectTask(const QString &mailbox) : m_mailbox(mailbox) {}

    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    QString m_mailbox;
};

} // namespace machina
