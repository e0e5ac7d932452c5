#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace machina {

/** One mailbox of a From, To, Cc or Reply-To header, decoded. */
struct MailAddress
{
    QString name;     ///< display name, RFC 2047 decoded; may be empty
    QString address;  ///< the addr-spec, "user@host"

    /// "Name <user@host>", or the bare address when there is no name.
    QString toDisplayString() const;

    bool operator==(const MailAddress &) const = default;
};

/** A part of an incoming message that is not its text or HTML body. */
struct ParsedAttachment
{
    QString fileName;     ///< no directory; generated ("part-1.2.pdf") when the sender gave none
    QString contentType;  ///< lower case "type/subtype", no parameters
    qint64 size = 0;      ///< decoded size in bytes (data.size())
    QByteArray data;      ///< transfer encoding undone; no charset conversion
    QString contentId;    ///< Content-ID without <>, for cid: references from the HTML
    bool isInline = false;///< Content-Disposition inline, or none and a Content-ID
};

/** What could be read of an incoming RFC 5322 / MIME message. */
struct ParsedMessage
{
    QString subject;
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> replyTo;
    QDateTime date;               ///< invalid when absent or unreadable; keeps the sender's offset
    QString messageId;            ///< ids without <>
    QString inReplyTo;
    QStringList references;
    QString text;                 ///< text/plain preferred, else text/html converted; LF line ends
    QString html;                 ///< the text/html body as sent (charset decoded), for a sanitising viewer
    QList<ParsedAttachment> attachments;
    /// What could not be read, or was guessed, one sentence each:
    /// "part 3: unknown charset x-foo, read as windows-1252".
    QStringList problems;
};

/**
 * Reads incoming mail with GMime: headers (RFC 5322, RFC 2047 in any charset
 * QStringDecoder knows), the MIME tree (RFC 2045-2049, RFC 2231 names) and
 * charsets. Never throws and never refuses: broken mail yields what could be
 * read, with the rest described in ParsedMessage::problems.
 */
class MessageParser
{
public:
    static ParsedMessage parse(const QByteArray &raw);

    /// Plain text of an HTML document: no script, style or head, line breaks
    /// for <br> and block elements, entities decoded, whitespace collapsed.
    static QString htmlToText(const QString &html);

    /// An unstructured header value (a Subject, a display name) as text:
    /// RFC 2047 words decoded in any charset QStringDecoder knows, raw 8-bit
    /// read as UTF-8 (else windows-1252). For IMAP ENVELOPE fields.
    static QString decodeHeader(const QByteArray &raw);
    /// An RFC 5322 date ("Tue, 24 Nov 2026 01:12:29 +0000"); invalid when unreadable.
    static QDateTime parseDate(const QByteArray &raw);
};

} // namespace machina
