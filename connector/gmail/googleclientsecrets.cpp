#include "googleclientsecrets.h"

#include <QCoreApplication>
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

// A function, not a constant: the translation must be looked up after the translators are installed.
QString createDesktopClient()
{
    return QCoreApplication::translate("machina::GoogleClientSecrets", 
        "create a Desktop app client in the Google Cloud console (APIs & Services > Credentials > "
        "Create credentials > OAuth client ID > Desktop app) and download its JSON");
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QCoreApplication::translate("machina::GoogleClientSecrets", "a boolean");
    case QJsonValue::Double: return QCoreApplication::translate("machina::GoogleClientSecrets", "a number");
    case QJsonValue::String: return QCoreApplication::translate("machina::GoogleClientSecrets", "a string");
    case QJsonValue::Array: return QCoreApplication::translate("machina::GoogleClientSecrets", "an array");
    case QJsonValue::Object: return QCoreApplication::translate("machina::GoogleClientSecrets", "an object");
    case QJsonValue::Undefined: break;
    }
    return QCoreApplication::translate("machina::GoogleClientSecrets", "nothing");
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
        //: After a JSON key, as in "installed.client_id: missing".
        return QStringLiteral("%1: %2").arg(name, QCoreApplication::translate("machina::GoogleClientSecrets", "missing"));
    if (!value.isString())
        return QStringLiteral("%1: %2").arg(name, QCoreApplication::translate("machina::GoogleClientSecrets", "must be a string, found %1").arg(describe(value)));
    if (value.toString().trimmed().isEmpty())
        //: After a JSON key, as in "installed.client_id: empty".
        return QStringLiteral("%1: %2").arg(name, QCoreApplication::translate("machina::GoogleClientSecrets", "empty"));
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
    const QString shown = url.isValid() ? url.toDisplayString(QUrl::RemoveUserInfo) : QCoreApplication::translate("machina::GoogleClientSecrets", "(unparsable)");
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QStringLiteral("%1: %2").arg(name, QCoreApplication::translate("machina::GoogleClientSecrets", "not an absolute URL: %1").arg(shown));
    if (!GoogleClientSecrets::isAcceptableUrl(url)) {
        return QStringLiteral("%1: %2").arg(
            name, QCoreApplication::translate("machina::GoogleClientSecrets", "must be an https URL (plain http only for 127.0.0.1, ::1 or localhost), found %1")
                      .arg(shown));
    }
    *out = url;
    return {};
}

} // namespace

GoogleClientSecrets::Result GoogleClientSecrets::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return fail(path, QCoreApplication::translate("machina::GoogleClientSecrets", "no such file; %1 (gmail_credentials_file names where you saved it)")
                              .arg(createDesktopClient()));
    }
    if (QFileInfo(path).isDir())
        return fail(path, QCoreApplication::translate("machina::GoogleClientSecrets", "is a directory, not a client secrets file"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(path, QCoreApplication::translate("machina::GoogleClientSecrets", "cannot read: %1").arg(file.errorString()));
    if (file.size() > MaxFileSize) {
        return fail(path, QCoreApplication::translate("machina::GoogleClientSecrets", "%1 bytes is far too large for an OAuth client file").arg(file.size()));
    }
    const QByteArray json = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(path, QCoreApplication::translate("machina::GoogleClientSecrets", "cannot read: %1").arg(file.errorString()));
    return fromJson(json, path);
}

GoogleClientSecrets::Result GoogleClientSecrets::fromJson(const QByteArray &json, const QString &sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(sourceName, QCoreApplication::translate("machina::GoogleClientSecrets", "not valid JSON at offset %1: %2")
                                    .arg(QString::number(parseError.offset), parseError.errorString()));
    }
    if (!document.isObject()) {
        return fail(sourceName, QCoreApplication::translate("machina::GoogleClientSecrets", "expected a JSON object {\"installed\": {...}}, found %1")
                                    .arg(document.isArray() ? QCoreApplication::translate("machina::GoogleClientSecrets", "an array") : QCoreApplication::translate("machina::GoogleClientSecrets", "something else")));
    }
    const QJsonObject root = document.object();
    const QJsonValue installedValue = root.value(QLatin1String("installed"));
    if (installedValue.isUndefined()) {
        if (root.contains(QLatin1String("web")))
            return fail(sourceName, QCoreApplication::translate("machina::GoogleClientSecrets", "this is a Web application client; %1").arg(createDesktopClient()));
        if (root.value(QLatin1String("type")).toString() == QLatin1String("service_account")) {
            return fail(sourceName, QCoreApplication::translate("machina::GoogleClientSecrets", "this is a service account key, not an OAuth client; %1")
                                        .arg(createDesktopClient()));
        }
        return fail(sourceName, QCoreApplication::translate("machina::GoogleClientSecrets", "no \"installed\" client in this file (expected Google's Desktop app "
                                                                                            "client file, {\"installed\": {\"client_id\": ...}}); %1")
                                    .arg(createDesktopClient()));
    }
    if (!installedValue.isObject())
        return fail(sourceName, QStringLiteral("installed: %1").arg(QCoreApplication::translate("machina::GoogleClientSecrets", "must be an object, found %1").arg(describe(installedValue))));

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
