#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace machina {

/** One message in the outbox, with what became of it. */
struct OutboxEntry
{
    enum class State { Queued, Sending, Sent, Failed, Cancelled };
    /// A step after the send: the Sent copy, or the \Seen of the message a reply answers.
    enum class Step { None, Pending, Done, Failed };

    qint64 id = 0;
    QString messageId;               ///< without angle brackets; final before the first send
    QString envelopeFrom;
    QStringList recipients;
    QString subject;
    QByteArray data;                 ///< the whole message, CRLF line ends (empty when listed without data)
    bool smtpUtf8 = false;
    QString origin;                  ///< "send", "notify", "reply", "listen"
    State state = State::Queued;
    int attempts = 0;
    QString lastError;
    QString serverReply;             ///< the server's final answer ("250 2.0.0 Ok: queued as ...")
    QDateTime created;
    QDateTime sentAt;
    QDateTime nextAttempt;           ///< invalid: at once
    QString claimedBy;               ///< ProcessIdentity of the sender while Sending
    bool possiblyDuplicate = false;  ///< resent after a sender died mid-send: the server may have it twice
    QString replyToId;               ///< a listen() reply: the MessageId of the message it answers
    Step seenStep = Step::None;      ///< \Seen on replyToId once sent
    Step copyStep = Step::None;      ///< the copy to the Sent mailbox
    QString copyMailbox;
    QString copyUid;                 ///< "uidvalidity:uid" from APPENDUID, when the server has UIDPLUS

    /// The words of the machine output: "queued", "sending", "sent", "failed", "cancelled".
    static QString stateName(State state);
    static State stateFromName(const QString &name);
    static QString stepName(Step step);
    static Step stepFromName(const QString &name);
};

} // namespace machina
