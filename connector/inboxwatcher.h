#pragma once

#include "connectorerror.h"
#include "connectorreply.h"
#include "incomingmessage.h"

#include <QDateTime>
#include <QObject>

namespace machina {

/**
 * What listen() needs of a backend's inbox: hand out each unseen message
 * once, mark it read when told it was handled, offer it again when told it
 * was not, and recover from failures on its own. MailboxWatcher does it over
 * IMAP, GmailWatcher over the Gmail API.
 */
class InboxWatcher : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start() = 0;
    /// Stops watching; finished() of the reply when the backend session is closed.
    virtual ConnectorReply *stop() = 0;
    virtual bool isRunning() const = 0;
    /// Runs a round now.
    virtual void checkNow() = 0;
    /// The handler and its reply succeeded: mark the message read (\Seen / remove UNREAD).
    virtual void markHandled(const IncomingMessage &message) = 0;
    /// The handler failed: offer the message again at the next round.
    virtual void release(const IncomingMessage &message) = 0;
    /// Handled messages whose read mark is not stored yet.
    virtual int pendingSeenCount() const = 0;
    /// Whether new mail is pushed (IMAP IDLE) rather than polled.
    virtual bool usesIdle() const { return false; }
    virtual bool isIdling() const { return false; }
    virtual QDateTime lastSuccessfulPoll() const = 0;
    virtual ConnectorError lastError() const = 0;
    virtual int failedAttempts() const = 0;

Q_SIGNALS:
    void messageArrived(const machina::IncomingMessage &message);
    /// One round ended: @p newMessages were handed out.
    void roundFinished(int newMessages);
    /// A round failed; the next try is in @p retryInMs.
    void errorOccurred(const machina::ConnectorError &error, int retryInMs);
    /// Working again after a failure.
    void recovered();
    /// Read marks were stored for handled messages.
    void seenStored();
};

} // namespace machina
