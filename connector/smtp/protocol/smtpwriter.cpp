#include "smtpwriter.h"

namespace machina {

SmtpCapabilities SmtpCapabilities::fromEhloReply(const SmtpReply &reply)
{
    SmtpCapabilities caps;
    // The first line is the greeting ("mail.example.com Hello"); extensions follow.
    for (qsizetype n = 1; n < reply.lines.size(); ++n) {
        const QList<QByteArray> words = reply.lines.at(n).simplified().split(' ');
        if (words.isEmpty() || words.first().isEmpty())
            continue;
        QByteArray keyword = words.first().toUpper();
        QList<QByteArray> params = words.mid(1);
        // Some old servers write "AUTH=LOGIN PLAIN"; treat it as AUTH.
        if (keyword.startsWith("AUTH=")) {
            params.prepend(keyword.mid(5));
            keyword = "AUTH";
        }
        QList<QByteArray> &stored = caps.m_params[keyword];
        for (const QByteArray &p : params) {
            if (keyword == "AUTH") {
                const QByteArray mech = p.toUpper();
                if (!stored.contains(mech))
                    stored.append(mech);
            } else {
                stored.append(p);
            }
        }
    }
    return caps;
}

QList<QByteArray> SmtpCapabilities::authMechanisms() const
{
    return params("AUTH");
}

qint64 SmtpCapabilities::sizeLimit() const
{
    const QList<QByteArray> p = params("SIZE");
    if (p.isEmpty())
        return 0;
    bool ok = false;
    const qint64 value = p.first().toLongLong(&ok);
    return ok && value > 0 ? value : 0;
}

namespace SmtpWriter {

QByteArray mailFrom(const QString &address, bool body8Bit, bool smtpUtf8, qint64 size)
{
    QByteArray cmd = "MAIL FROM:<" + address.toUtf8() + '>';
    if (body8Bit)
        cmd += " BODY=8BITMIME";
    if (smtpUtf8)
        cmd += " SMTPUTF8";
    if (size > 0)
        cmd += " SIZE=" + QByteArray::number(size);
    return cmd + "\r\n";
}

QByteArray rcptTo(const QString &address)
{
    return "RCPT TO:<" + address.toUtf8() + ">\r\n";
}

QByteArray dotStuff(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 64 + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char c = message.at(i);
        if (lineStart && c == '.')
            out += '.';
        lineStart = false;
        if (c == '\r') {
            out += "\r\n";
            if (i + 1 < message.size() && message.at(i + 1) == '\n')
                ++i;
            lineStart = true;
        } else if (c == '\n') {
            out += "\r\n";
            lineStart = true;
        } else {
            out += c;
        }
    }
    if (!out.isEmpty() && !out.endsWith("\r\n"))
        out += "\r\n";
    out += ".\r\n";
    return out;
}

bool has8BitData(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    }
    return false;
}

} // namespace SmtpWriter
} // namespace machina
