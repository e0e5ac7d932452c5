#include "googleclientsecrets.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>

namespace machina {

namespace {

// A real client file is well under 1 KiB; anything this big is the wrong file.
constexpr qint64 MaxFileSize = 64 * 1024;

using Result = GoogleClientSecrets::Result;

Result fail(const QString &source, const QString &what)
{
    return {std::nullopt, ConnectorError(ConnectorError::Kind::Config, QStringLiteral("%1: %2").arg(source, what))};
}

const QString CreateDesktopClient = QStringLiteral(
    "create a Desktop app client in the Google Cloud console (APIs & Services > Credentials > "
    "Create credentials > OAuth client ID > Desktop app) and download its JSON");

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

/**
 * Reads installed.<key> as a non-empty string into @p out. The message names
 * the key and what is wrong with it, never the value (client_secret is one of them).
 */
QString readString(const QJsonObject &installed, const char *key, QString *out)
{
    const QString name = QStringLiteral("installed.") + QLatin1String(key);
    const QJsonValue value = installed.value(QLatin1String(key));
    if (value.isUndefined())
        return QStringLiteral("%1: missing").arg(name);
    if (!value.isString())
        return QStringLiteral("%1: must be a string, found %2").arg(name, describe(value));
    if (value.toString().trimmed().isEmpty())
        return QStringLiteral("%1: empty").arg(name);
    *out = value.toString();
    return {};
}

QString readUrl(const QJsonObject &installed, const char *key, QUrl *out)
{
    QString text;
    if (QString problem = readString(installed, key, &text); !problem.isEmpty())
        return problem;
    const QString name = QStringLiteral("installed.") + QLatin1String(key);
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString shown = url.isValid() ? url.toDisplayString(QUrl::RemoveUserInfo) : QStringLiteral("(unparsable)");
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QStringLiteral("%1: not an absolute URL: %2").arg(name, shown);
    if (!GoogleClientSecrets::isAcceptableUrl(url)) {
        return QStringLiteral("%1: must be an https URL (plain http only for 127.0.0.1, ::1 or localhost), found %2")
            .arg(name, shown);
    }
    *out = url;
    return {};
}

} // namespace

GoogleClientSecrets::Result GoogleClientSecrets::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return fail(path, QStringLiteral("no such file; %1 (gmail_credentials_file names where you saved it)")
                              .arg(CreateDesktopClient));
    }
    if (QFileInfo(path).isDir())
        return fail(path, QStringLiteral("is a directory, not a client secrets file"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    if (file.size() > MaxFileSize) {
        return fail(path, QStringLiteral("%1 bytes is far too large for an OAuth client file").arg(file.size()));
    }
    const QByteArray json = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    return fromJson(json, path);
}

GoogleClientSecrets::Result GoogleClientSecrets::fromJson(const QByteArray &json, const QString &sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(sourceName, QStringLiteral("not valid JSON at offset %1: %2")
                                    .arg(QString::number(parseError.offset), parseError.errorString()));
    }
    if (!document.isObject()) {
        return fail(sourceName, QStringLiteral("expected a JSON object {\"installed\": {...}}, found %1")
                                    .arg(document.isArray() ? QStringLiteral("an array") : QStringLiteral("something else")));
    }
    const QJsonObject root = document.object();
    const QJsonValue installedValue = root.value(QLatin1String("installed"));
    if (installedValue.isUndefined()) {
        if (root.contains(QLatin1String("web")))
            return fail(sourceName, QStringLiteral("this is a Web application client; %1").arg(CreateDesktopClient));
        if (root.value(QLatin1String("type")).toString() == QLatin1String("service_account")) {
            return fail(sourceName, QStringLiteral("this is a service account key, not an OAuth client; %1")
                                        .arg(CreateDesktopClient));
        }
        return fail(sourceName, QStringLiteral("no \"installed\" client in this file (expected Google's Desktop app "
                                               "client file, {\"installed\": {\"client_id\": ...}}); %1")
                                    .arg(CreateDesktopClient));
    }
    if (!installedValue.isObject())
        return fail(sourceName, QStringLiteral("installed: must be an object, found %1").arg(describe(installedValue)));

    const QJsonObject installed = installedValue.toObject();
    GoogleClientSecrets secrets;
    for (const QString &problem : {readString(installed, "client_id", &secrets.clientId),
                                   readString(installed, "client_secret", &secrets.clientSecret),
                                   readUrl(installed, "auth_uri", &secrets.authUri),
                                   readUrl(installed, "token_uri", &secrets.tokenUri)}) {
        if (!problem.isEmpty())
            return fail(sourceName, problem);
    }
    return {secrets, {}};
}

bool GoogleClientSecrets::isAcceptableUrl(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme != QLatin1String("http"))
        return false;
    // Plain http only where nothing leaves the machine (the tests' fake server).
    // Qt Core only here (no QHostAddress): QUrl has already normalized IP literals.
    const QString host = url.host(QUrl::FullyDecoded);
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || host == QLatin1String("::1"))
        return true;
    const QStringList octets = host.split(QLatin1Char('.'));
    if (octets.size() != 4)
        return false;
    for (const QString &octet : octets) {
        bool ok = false;
        const int value = octet.toInt(&ok, 10);
        if (!ok || octet.isEmpty() || octet.size() > 3 || !octet.front().isDigit() || value > 255)
            return false;
    }
    return octets.front() == QLatin1String("127");
}

} // namespace machina
