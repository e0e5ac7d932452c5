#include "smtpreply.h"

namespace machina {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Splits "5.7.8 text" into the enhanced code and the rest when the line starts with one.
std::pair<QByteArray, QByteArray> splitEnhancedCode(const QByteArray &text, int replyClass)
{
    // class "." subject "." detail, class in 2/4/5 matching the reply (RFC 3463 section 2)
    qsizetype i = 0;
    auto digits = [&](int min, int max) {
        qsizetype start = i;
        while (i < text.size() && isDigit(text.at(i)))
            ++i;
        return i - start >= min && i - start <= max;
    };
    if (text.isEmpty() || text.at(0) - '0' != replyClass)
        return {{}, text};
    if (!digits(1, 1) || i >= text.size() || text.at(i++) != '.')
        return {{}, text};
    if (!digits(1, 3) || i >= text.size() || text.at(i++) != '.')
        return {{}, text};
    if (!digits(1, 3))
        return {{}, text};
    if (i < text.size() && text.at(i) != ' ')
        return {{}, text};
    const QByteArray code = text.left(i);
    return {code, text.mid(i).trimmed()};
}

} // namespace

QString SmtpReply::toDisplayString() const
{
    QByteArray out = QByteArray::number(code);
    if (!enhancedCode.isEmpty())
        out += ' ' + enhancedCode;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        out += n == 0 ? " " : " / ";
        for (char c : lines.at(n))
            out += (c >= 0x20 && c < 0x7f) ? c : '?';
    }
    return QString::fromLatin1(out);
}

void SmtpReplyParser::feed(QByteArrayView bytes)
{
    if (m_error)
        return;
    // Drop consumed bytes now and then so the buffer does not grow without bound.
    if (m_pos > 4096 && m_pos * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_consumed += m_pos;
        m_pos = 0;
    }
    m_buffer.append(bytes.data(), bytes.size());
}

std::optional<SmtpReply> SmtpReplyParser::takeReply()
{
    if (m_error)
        return std::nullopt;

    SmtpReply reply;
    qsizetype pos = m_pos;
    while (true) {
        const qsizetype eol = m_buffer.indexOf('\n', pos);
        if (eol < 0) {
            if (m_buffer.size() - pos > MaxLineLength)
                fail(pos, QStringLiteral("reply line longer than %1 bytes").arg(MaxLineLength));
            return std::nullopt;   // wait for more
        }
        if (eol - pos > MaxLineLength) {
            fail(pos, QStringLiteral("reply line longer than %1 bytes").arg(MaxLineLength));
            return std::nullopt;
        }
        // Servers should end lines with CRLF; a bare LF is accepted (robustness principle).
        qsizetype end = eol;
        if (end > pos && m_buffer.at(end - 1) == '\r')
            --end;
        const QByteArray line = m_buffer.mid(pos, end - pos);

        if (line.size() < 3 || !isDigit(line.at(0)) || !isDigit(line.at(1)) || !isDigit(line.at(2))) {
            fail(pos, QStringLiteral("reply line does not start with a three-digit code"));
            return std::nullopt;
        }
        const int code = line.left(3).toInt();
        if (code < 200 || code > 599) {
            fail(pos, QStringLiteral("reply code %1 is outside 200-599").arg(code));
            return std::nullopt;
        }
        char separator = line.size() > 3 ? line.at(3) : ' ';
        if (separator != ' ' && separator != '-') {
            fail(pos + 3, QStringLiteral("reply code is followed by neither space nor hyphen"));
            return std::nullopt;
        }
        if (reply.code != 0 && reply.code != code) {
            fail(pos, QStringLiteral("multi-line reply changes its code from %1 to %2").arg(reply.code).arg(code));
            return std::nullopt;
        }
        reply.code = code;
        if (reply.lines.size() >= MaxLinesPerReply) {
            fail(pos, QStringLiteral("reply has more than %1 lines").arg(MaxLinesPerReply));
            return std::nullopt;
        }

        QByteArray text = line.mid(4);
        auto [enhanced, rest] = splitEnhancedCode(text, code / 100);
        if (!enhanced.isEmpty() && reply.enhancedCode.isEmpty())
            reply.enhancedCode = enhanced;
        reply.lines.append(enhanced.isEmpty() ? text : rest);

        pos = eol + 1;
        if (separator == ' ') {
            m_pos = pos;
            return reply;
        }
    }
}

void SmtpReplyParser::reset()
{
    m_buffer.clear();
    m_pos = 0;
    m_consumed = 0;
    m_error.reset();
}

void SmtpReplyParser::fail(qsizetype offset, QString reason)
{
    m_error = Error{m_consumed + offset, std::move(reason)};
}

} // namespace machina
