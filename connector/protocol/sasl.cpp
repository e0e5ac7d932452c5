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

QByteArray oauthBearer(const QString &username, const QString &host, quint16 port, const QString &accessToken)
{
    QByteArray name = username.toUtf8();
    name.replace("=", "=3D");
    name.replace(",", "=2C");
    const QByteArray raw = "n,a=" + name + ",\x01" "host=" + host.toUtf8() + "\x01" "port=" + QByteArray::number(port)
        + "\x01" "auth=Bearer " + accessToken.toUtf8() + "\x01\x01";
    return raw.toBase64();
}

QByteArray oauthBearerErrorAck()
{
    return QByteArray("\x01").toBase64();
}

QString challengeText(const QByteArray &base64Challenge)
{
    const QByteArray json = QByteArray::fromBase64(base64Challenge.trimmed());
    QString out;
    for (char c : json)
        out += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QLatin1Char('?');
    return out.left(200);
}

} // namespace machina::Sasl
