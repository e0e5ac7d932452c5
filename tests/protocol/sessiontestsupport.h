#pragma once

// What the scripted-session tests (SMTP, IMAP, watcher) share: the test
// account, the wait limit, and expected bytes computed here rather than with
// the writers under test.

#include <QByteArray>
#include <QString>

namespace sessiontest {

inline const QString kUser = QStringLiteral("user");
inline const QString kPassword = QStringLiteral("s3cr3t-Pa55");
inline constexpr int kWaitMs = 10000;

/// base64("\0user\0password") (RFC 4616).
inline QByteArray plainResponse()
{
    QByteArray raw;
    raw += '\0';
    raw += kUser.toUtf8();
    raw += '\0';
    raw += kPassword.toUtf8();
    return raw.toBase64();
}

/// Bytes for a ScriptedServer "raw:" step: the escapes the server undoes.
inline QByteArray escaped(const QByteArray &bytes)
{
    QByteArray out;
    for (char c : bytes) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

} // namespace sessiontest
