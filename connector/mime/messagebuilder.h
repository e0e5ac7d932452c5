#pragma once

#include "../connectorerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace machina {

/** A file to attach to an outgoing message. */
struct Attachment
{
    QString fileName;     ///< the name the recipient sees (no directory)
    QString contentType;  ///< e.g. "application/pdf"; empty: guessed from the name and content
    QByteArray data;

    /// Reads @p path; on failure returns no value and sets @p error (kind Config) naming the file.
    static std::optional<Attachment> fromFile(const QString &path, ConnectorError *error);
};

/** What the caller wants to send. Addresses are "addr@host" or "Display Name <addr@host>". */
struct OutgoingMessage
{
    QString from;
    QStringList to;
    QString subject;
    QString text;                 ///< the plain-text body (UTF-8 on the wire)
    QString inReplyTo;            ///< a Message-ID with or without <>, optional
    QStringList references;       ///< Message-IDs, optional
    QList<Attachment> attachments;
    QDateTime date;               ///< invalid: now
    /// Extra headers, name and value: only "X-" names of letters, digits and '-', printable
    /// ASCII values without line breaks (X-Machina-Work-Order, X-Machina-Canary...).
    QList<std::pair<QByteArray, QString>> extraHeaders;
    /// The Message-ID to use (without <>), e.g. one the caller must know before building; empty: a new one.
    QString messageId;
};

/** RFC 5322 bytes ready for SMTP DATA or Gmail's raw field, and what they need. */
struct BuiltMessage
{
    QByteArray data;              ///< CRLF line endings, not dot-stuffed
    QString messageId;            ///< without the angle brackets
    QString envelopeFrom;         ///< bare address of From, for MAIL FROM
    QStringList envelopeTo;       ///< bare addresses of To, for RCPT TO
    bool needsSmtpUtf8 = false;   ///< an address (envelope or header) is not ASCII
    bool has8BitData = false;     ///< some byte of data is >= 0x80
};

/**
 * Builds outgoing mail with GMime. Headers are built, never concatenated:
 * a CR or LF in an address or the subject is refused, non-ASCII subjects and
 * names are RFC 2047 encoded, the body is UTF-8 in 7bit, quoted-printable or
 * base64 (whichever fits), and Date and a unique Message-ID are always present.
 */
class MessageBuilder
{
public:
    struct Result
    {
        std::optional<BuiltMessage> message;
        ConnectorError error;     ///< kind Config for bad input (names the field)
    };

    static Result build(const OutgoingMessage &message);

    /// The bare address in "Name <addr>" or "addr"; empty and @p error set when it is not one.
    static QString addressSpec(const QString &address, ConnectorError *error = nullptr);
    /// @p addrSpec with its domain in ASCII (IDNA A-label), as the SMTP envelope wants it,
    /// so only a non-ASCII local part needs SMTPUTF8.
    static QString envelopeAddress(const QString &addrSpec);
};

} // namespace machina
