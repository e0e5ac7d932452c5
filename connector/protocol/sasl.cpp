#include "sasl.h"

namespace machina::Sasl {

QByteArray plain(const QString &username, const QString &password)
{
    QByteArray raw;
    raw += '\0';
    raw += username.toUtf8();
    raw += '\0';
    raw += password.toUtf8();
    return raw.toBase64();
}

QByteArray xoauth2(const QString &username, const QString &accessToken)
{
    const QByteArray raw = "user=" + username.toUtf8() + "\x01" "auth=Bearer " + accessToken.toUtf8() + "\x01\x01";
    return raw.toBase64();
}

} // namespace machina::Sasl
