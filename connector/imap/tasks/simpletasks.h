#pragma once

// The commands with one step and no data of their own (CAPABILITY, STARTTLS,
// NOOP, LOGOUT): each is a few lines, so they share a file.

#include "imaptask.h"

namespace machina {

/** CAPABILITY (RFC 3501 6.1.1); the session reads the untagged answer. A refusal ends the session. */
class CapabilityTask : public ImapTask
{
public:
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;
};

/** STARTTLS (RFC 3501 6.2.1): finishes on the go-ahead; the session then starts TLS. A refusal ends the session. */
class StartTlsTask : public ImapTask
{
    // tr() in the context lupdate files these texts under (ImapTask declares its own).
    Q_DECLARE_TR_FUNCTIONS(machina::StartTlsTask)

public:
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;
};

/** NOOP (RFC 3501 6.1.2): lets the server tell what changed meanwhile. */
class NoopTask : public ImapTask
{
public:
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;
};

/** LOGOUT (RFC 3501 6.1.3): any answer ends it; the session closes the line. */
class LogoutTask : public ImapTask
{
public:
    void tagged(const ImapResponse &response) override;

protected:
    void start() override;
};

} // namespace machina
