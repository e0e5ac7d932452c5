#include "incomingmessage.h"

#include <QRegularExpression>

namespace machina {

QString IncomingMessage::replySubject() const
{
    // "Re:", "RE :", "Re[2]:", "AW:", "SV:" ... are all one prefix; keep one "Re: ".
    static const QRegularExpression prefixes(
        QStringLiteral("^(\\s*(re|aw|sv|antw|ref|tr)\\s*(\\[\\d+\\])?\\s*:\\s*)+"),
        QRegularExpression::CaseInsensitiveOption);
    QString rest = subject;
    rest.remove(prefixes);
    return QStringLiteral("Re: ") + rest.trimmed();
}

IncomingMessage IncomingMessage::fromParsed(const ParsedMessage &parsed, const QByteArray &raw)
{
    IncomingMessage m;
    m.text = parsed.text;
    m.from = parsed.from;
    m.chatId = parsed.from.address;
    m.userId = parsed.from.address;
    m.userName = parsed.from.name.isEmpty() ? parsed.from.address : parsed.from.name;
    m.subject = parsed.subject;
    m.replyTo = parsed.replyTo;
    m.to = parsed.to;
    m.date = parsed.date;
    m.messageId = parsed.messageId;
    m.references = parsed.references;
    if (m.references.isEmpty() && !parsed.inReplyTo.isEmpty())
        m.references.append(parsed.inReplyTo);
    m.html = parsed.html;
    m.attachments = parsed.attachments;
    m.problems = parsed.problems;
    m.raw = raw;
    return m;
}

} // namespace machina
