#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace machina {

/**
 * One SMTP reply (RFC 5321 section 4.2): a three-digit code, an optional
 * enhanced status code (RFC 3463, "5.7.8"), and the text of each line.
 */
struct SmtpReply
{
    int code = 0;
    QByteArray enhancedCode;     ///< "class.subject.detail", empty when the server sent none
    QList<QByteArray> lines;     ///< text after "NNN-" / "NNN " with the enhanced code removed

    int codeClass() const { return code / 100; }
    bool isPositive() const { return code >= 200 && code < 400; }
    bool isTransientFailure() const { return codeClass() == 4; }
    bool isPermanentFailure() const { return codeClass() == 5; }

    /// "550 5.1.1 No such user" for messages: printable ASCII only, lines joined by " / ".
    QString toDisplayString() const;
};

/**
 * Push parser for SMTP replies. feed() bytes as they arrive, then takeReply()
 * until it returns nothing. Malformed input puts the parser in an error state
 * with the offset and a reason; it never asserts or throws on server data.
 */
class SmtpReplyParser
{
public:
    static constexpr qsizetype MaxLineLength = 4096;    ///< RFC 5321 says 512; servers exceed it
    static constexpr qsizetype MaxLinesPerReply = 1000;

    struct Error
    {
        qsizetype offset = 0;    ///< byte offset in the stream since the last reset()
        QString reason;
    };

    void feed(QByteArrayView bytes);
    std::optional<SmtpReply> takeReply();

    bool hasError() const { return m_error.has_value(); }
    Error error() const { return m_error.value_or(Error{}); }

    /// Bytes received but not yet part of a complete reply (e.g. before a TLS handshake).
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }
    /// Forgets everything buffered and any error; the stream offset starts at 0 again.
    void reset();

private:
    void fail(qsizetype offset, QString reason);

    QByteArray m_buffer;
    qsizetype m_pos = 0;          ///< start of the first unconsumed line in m_buffer
    qsizetype m_consumed = 0;     ///< bytes dropped from the front of m_buffer
    std::optional<Error> m_error;
};

} // namespace machina
