#pragma once

#include "imaptask.h"

#include <QList>

namespace machina {

/**
 * ENABLE (RFC 5161), in the authenticated state before SELECT: the session
 * reads the "* ENABLED" answer and remembers what was turned on. A refusal is
 * no reason to end the session: the task finishes without an error and the
 * session goes on without the extensions.
 */
class EnableTask : public ImapTask
{
public:
    explicit EnableTask(const QList<QByteArray> &extensions) : m_extensions(extensions) {}

    bool untagged(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;

private:
    QList<QByteArray> m_extensions;
};

} // namespace machina
