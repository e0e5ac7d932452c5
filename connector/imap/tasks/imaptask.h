#pragma once

#include "../../connectorerror.h"
#include "../protocol/imapparser.h"
#include "../protocol/imapwriter.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QByteArrayView>
#include <QString>

namespace machina {

/**
 * What a running task may ask of the session that runs it. ImapClient is the
 * real one; task tests use a scripted one.
 */
class ImapTaskHost
{
public:
    virtual ~ImapTaskHost() = default;

    /// A fresh tag for the next command.
    virtual QByteArray nextTag() = 0;
    /// Sends @p command, its literals as the server asks for them, and arms the step timer.
    virtual void sendCommand(const ImapCommand &command) = 0;
    /// Writes a line that is not a command (an answer to "+", DONE); @p logText for the transcript.
    virtual void writeLine(const QByteArray &bytes, const QByteArray &logText, const QString &waitingFor) = 0;
    /// The task is over. @p error, if any, is the operation's: the session goes on.
    /// The task's last call: it is deleted afterwards.
    virtual void taskFinished(const ConnectorError &error = {}) = 0;
    /// The session cannot go on (a refused login, a server out of step); it ends with @p error.
    virtual void sessionFailed(const ConnectorError &error) = 0;
    /// The server accepted IDLE ("+ idling"): nothing more is due until DONE.
    virtual void idleStarted() = 0;

    virtual bool hasCapability(QByteArrayView name) const = 0;
    /// An extension the server turned on for this session with ENABLE (RFC 5161): "QRESYNC".
    virtual bool isEnabled(QByteArrayView extension) const = 0;
    /// EXISTS of the selected mailbox, as last announced.
    virtual quint32 exists() const = 0;
    /**
     * The selected mailbox has mod-sequences for this session (RFC 7162): the
     * SELECT asked for CONDSTORE (or QRESYNC) and got [HIGHESTMODSEQ n], not
     * [NOMODSEQ]. A FETCH may then ask for MODSEQ. False unless a host says so.
     */
    virtual bool modSeqsAvailable() const { return false; }
    /// "host:port", for sentences.
    virtual QString endpoint() const = 0;
};

/**
 * One IMAP command (or a short run of the same command, such as a fetch in
 * batches) with its own steps. The session starts it, hands it the untagged
 * responses and "+" continuations that arrive while it runs, and the tagged
 * completion of each command it sent; the task ends with taskFinished() or
 * sessionFailed(). Session-wide data (CAPABILITY, ENABLED, UIDVALIDITY, EXISTS,
 * HIGHESTMODSEQ, VANISHED without EARLIER, BYE, ALERT) is the session's: it
 * reads that before the task sees the response.
 */
class ImapTask
{
    Q_DECLARE_TR_FUNCTIONS(ImapTask)

public:
    virtual ~ImapTask() = default;

    /// Sends the first command.
    void begin(ImapTaskHost *host)
    {
        m_host = host;
        start();
    }

    /// An untagged response while the task runs; true when it was the task's own data.
    virtual bool untagged(const ImapResponse &response)
    {
        Q_UNUSED(response);
        return false;
    }
    /// A "+" beyond the literals of the command: by default the server is out of step.
    virtual void continuation(const ImapResponse &response);
    /// The tagged completion of the command the task sent last.
    virtual void tagged(const ImapResponse &response) = 0;
    /// Asked to end early (an IDLE told to stop); most commands just run to their end.
    virtual void interrupt() {}

    /// "host answered UID FETCH with NO: text", a Protocol error.
    static ConnectorError commandError(const QString &endpoint, const char *command, const ImapResponse &response);
    /// At most 300 printable characters of server text, for sentences.
    static QString printable(const QByteArray &bytes);

protected:
    virtual void start() = 0;
    ImapTaskHost &host() const { return *m_host; }

private:
    ImapTaskHost *m_host = nullptr;
};

} // namespace machina
