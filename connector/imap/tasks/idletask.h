#pragma once

#include "imaptask.h"

namespace machina {

/**
 * IDLE (RFC 2177): the server's "+" starts the idle, during which no answer
 * is due (the session disarms its step timer); interrupt() sends DONE once,
 * and the tagged OK ends the task.
 *
 *     start --IDLE--> Requested --"+"--> Idling --interrupt(): DONE--> Ending --tagged--> done
 */
class IdleTask : public ImapTask
{
    // tr() in the context lupdate files these texts under (ImapTask declares its own).
    Q_DECLARE_TR_FUNCTIONS(machina::IdleTask)

public:
    void continuation(const ImapResponse &response) override;
    void tagged(const ImapResponse &response) override;
    void interrupt() override;

protected:
    void start() override;

private:
    enum class Step { Requested, Idling, Ending };
    Step m_step = Step::Requested;
};

} // namespace machina
