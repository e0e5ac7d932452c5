#pragma once

#include "smtpreply.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace machina {

/**
 * The extensions a server announced in its EHLO reply (RFC 5321 section 4.1.1.1).
 * Keywords are stored upper-case; AUTH mechanisms likewise.
 */
class SmtpCapabilities
{
public:
    static SmtpCapabilities fromEhloReply(const SmtpReply &reply);

    bool has(const QByteArray &keyword) const { return m_params.contains(keyword.toUpper()); }
    QList<QByteArray> params(const QByteArray &keyword) const { return m_params.value(keyword.toUpper()); }
    QList<QByteArray> authMechanisms() const;
    /// The SIZE limit in octets, 0 when none was announced or it is unlimited.
    qint64 sizeLimit() const;
    bool isEmpty() const { return m_params.isEmpty(); }
    QList<QByteArray> keywords() const { return m_params.keys(); }

private:
    QHash<QByteArray, QList<QByteArray>> m_params;
};

/** Formats SMTP commands and payloads. Pure functions: bytes in, bytes out. */
namespace SmtpWriter {

/// "MAIL FROM:<a@b> BODY=8BITMIME SMTPUTF8 SIZE=n\r\n" (RFC 5321 4.1.1.2, RFC 6152, RFC 6531, RFC 1870)
QByteArray mailFrom(const QString &address, bool body8Bit, bool smtpUtf8, qint64 size);
/// "RCPT TO:<a@b>\r\n" (RFC 5321 4.1.1.3)
QByteArray rcptTo(const QString &address);

/**
 * The DATA payload (RFC 5321 4.5.2): every line ending made CRLF, a dot added
 * before any line that starts with one (the first line included), and the
 * final CRLF "." CRLF terminator appended.
 */
QByteArray dotStuff(const QByteArray &message);

/// True when the bytes contain any octet >= 0x80.
bool has8BitData(const QByteArray &bytes);

} // namespace SmtpWriter
} // namespace machina
