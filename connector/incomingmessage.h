#pragma once

#include "mime/messageparser.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>

namespace machina {

/**
 * One received message, with the reference's fields (text, chat_id, user_id,
 * user_name, channel) and what a mail client needs besides.
 */
struct IncomingMessage
{
    // The reference's IncomingMessage.
    QString text;                      ///< the plain-text body (HTML converted when there is no text part)
    QString chatId;                    ///< the sender's address (chat_id)
    QString userId;                    ///< the sender's address (user_id)
    QString userName;                  ///< the sender's display name, else the address (user_name)
    QString channel = QStringLiteral("email");

    QString subject;
    MailAddress from;
    QList<MailAddress> replyTo;
    QList<MailAddress> to;
    QDateTime date;
    QString messageId;                 ///< without <>
    QStringList references;            ///< the thread so far, without <>
    QString html;
    QList<ParsedAttachment> attachments;
    QStringList problems;              ///< what the parser could not read

    // Where it came from.
    quint32 uid = 0;                   ///< IMAP UID
    quint32 uidValidity = 0;           ///< IMAP UIDVALIDITY the UID belongs to
    QString backendId;                 ///< "imap:<uidvalidity>:<uid>" or "gmail:<id>"
    QByteArray raw;                    ///< the message as received

    /// Where a reply goes: Reply-To when present, else From.
    QList<MailAddress> replyAddresses() const { return replyTo.isEmpty() ? QList<MailAddress>{from} : replyTo; }
    /// "Re: <subject>", without stacking "Re: Re:".
    QString replySubject() const;

    static IncomingMessage fromParsed(const ParsedMessage &parsed, const QByteArray &raw);
};

/** How a handler answered one message. */
struct HandlerResult
{
    bool handled = false;              ///< false: leave the message unseen, offer it again later
    QString replyText;                 ///< non-empty: send it as a reply
    QString failure;                   ///< why it was not handled, for the log

    static HandlerResult reply(const QString &text) { return {true, text, {}}; }
    static HandlerResult noReply() { return {true, {}, {}}; }
    static HandlerResult failed(const QString &why) { return {false, {}, why}; }
};

/**
 * listen()'s handler: called once per new message; answers, now or later,
 * through @p done (exactly once).
 */
using MessageHandler = std::function<void(const IncomingMessage &message,
                                          std::function<void(const HandlerResult &)> done)>;

} // namespace machina
