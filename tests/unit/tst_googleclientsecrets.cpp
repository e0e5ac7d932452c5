// Unit tests of GoogleClientSecrets: Google's "Desktop app" client file
// (client_secret_*.json) and the URL rule every Google endpoint must pass.

#include "gmail/googleclientsecrets.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using machina::ConnectorError;
using machina::GoogleClientSecrets;

namespace {

// Every client_secret in these tests; no error message may contain it.
const QString Canary = QStringLiteral("GOCSPX-canary-secret-4711");

/// The file Google's console hands out for a Desktop app client.
QJsonObject desktopClient()
{
    return QJsonObject{
        {QStringLiteral("client_id"), QStringLiteral("123456789012-abcdefghijklmnop.apps.googleusercontent.com")},
        {QStringLiteral("project_id"), QStringLiteral("machina-test")},
        {QStringLiteral("auth_uri"), QStringLiteral("https://accounts.google.com/o/oauth2/auth")},
        {QStringLiteral("token_uri"), QStringLiteral("https://oauth2.googleapis.com/token")},
        {QStringLiteral("auth_provider_x509_cert_url"), QStringLiteral("https://www.googleapis.com/oauth2/v1/certs")},
        {QStringLiteral("client_secret"), Canary},
        {QStringLiteral("redirect_uris"), QJsonArray{QStringLiteral("http://localhost")}},
    };
}

QByteArray wrap(const char *kind, const QJsonObject &client)
{
    return QJsonDocument(QJsonObject{{QLatin1String(kind), client}}).toJson(QJsonDocument::Compact);
}

QByteArray installedWith(const char *key, const QJsonValue &value)
{
    QJsonObject client = desktopClient();
    if (value.isUndefined())
        client.remove(QLatin1String(key));
    else
        client.insert(QLatin1String(key), value);
    return wrap("installed", client);
}

const QString Source = QStringLiteral("client_secret_test.json");

} // namespace

class TestGoogleClientSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromJson_data();
    void fromJson();
    void isAcceptableUrl_data();
    void isAcceptableUrl();
    void loadFile();
    void loadFileErrors();
};

void TestGoogleClientSecrets::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");      // the whole message after "<source>: "; empty for success
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QUrl>("authUri");
    QTest::addColumn<QUrl>("tokenUri");

    const QString id = desktopClient().value(QLatin1String("client_id")).toString();
    const QUrl googleAuth(QStringLiteral("https://accounts.google.com/o/oauth2/auth"));
    const QUrl googleToken(QStringLiteral("https://oauth2.googleapis.com/token"));
    const QString create = QStringLiteral(
        "create a Desktop app client in the Google Cloud console (APIs & Services > Credentials > "
        "Create credentials > OAuth client ID > Desktop app) and download its JSON");

    QTest::addRow("desktop app client") << wrap("installed", desktopClient()) << QString() << id << googleAuth
                                        << googleToken;
    QTest::addRow("pretty-printed as downloaded")
        << QJsonDocument(QJsonObject{{QStringLiteral("installed"), desktopClient()}}).toJson(QJsonDocument::Indented)
        << QString() << id << googleAuth << googleToken;
    QTest::addRow("only the four fields we need")
        << QByteArray(R"({"installed":{"client_id":"c","client_secret":"GOCSPX-canary-secret-4711",)"
                      R"("auth_uri":"https://a.example/auth","token_uri":"https://a.example/token"}})")
        << QString() << QStringLiteral("c") << QUrl(QStringLiteral("https://a.example/auth"))
        << QUrl(QStringLiteral("https://a.example/token"));
    QJsonObject loopback = desktopClient();
    loopback[QStringLiteral("auth_uri")] = QStringLiteral("http://127.0.0.1:4711/o/oauth2/auth");
    loopback[QStringLiteral("token_uri")] = QStringLiteral("http://[::1]:4711/token");
    QTest::addRow("loopback fake server over http")
        << wrap("installed", loopback) << QString() << id << QUrl(QStringLiteral("http://127.0.0.1:4711/o/oauth2/auth"))
        << QUrl(QStringLiteral("http://[::1]:4711/token"));
    QTest::addRow("installed wins over an extra web section")
        << QJsonDocument(QJsonObject{{QStringLiteral("web"), desktopClient()}, {QStringLiteral("installed"), desktopClient()}})
               .toJson()
        << QString() << id << googleAuth << googleToken;

    // Not a client file at all.
    QTest::addRow("empty file") << QByteArray() << QStringLiteral("not valid JSON at offset 0: illegal value")
                                << QString() << QUrl() << QUrl();
    QTest::addRow("truncated JSON") << QByteArray(R"({"installed": {"client_id": "x",)")
                                    << QStringLiteral("not valid JSON at offset 32: unterminated object") << QString()
                                    << QUrl() << QUrl();
    QTest::addRow("garbage after the object") << QByteArray(R"({"installed": {}} x)")
                                              << QStringLiteral("not valid JSON at offset 18: garbage at the end of the document")
                                              << QString() << QUrl() << QUrl();
    QTest::addRow("top-level array") << QByteArray(R"([{"installed": {}}])")
                                     << QStringLiteral("expected a JSON object {\"installed\": {...}}, found an array")
                                     << QString() << QUrl() << QUrl();
    QTest::addRow("web application client") << wrap("web", desktopClient())
                                            << QStringLiteral("this is a Web application client; ") + create << QString()
                                            << QUrl() << QUrl();
    QTest::addRow("service account key")
        << QByteArray(R"({"type":"service_account","project_id":"p","private_key_id":"k","client_email":"x@p.iam.gserviceaccount.com"})")
        << QStringLiteral("this is a service account key, not an OAuth client; ") + create << QString() << QUrl()
        << QUrl();
    QTest::addRow("neither installed nor web") << QByteArray(R"({"client_id": "x", "client_secret": "y"})")
                                               << QStringLiteral("no \"installed\" client in this file (expected Google's "
                                                                 "Desktop app client file, {\"installed\": "
                                                                 "{\"client_id\": ...}}); ")
            + create << QString() << QUrl() << QUrl();
    QTest::addRow("installed is a string") << QByteArray(R"({"installed": "GOCSPX-canary-secret-4711"})")
                                           << QStringLiteral("installed: must be an object, found a string") << QString()
                                           << QUrl() << QUrl();

    // Required fields.
    QTest::addRow("client_id missing") << installedWith("client_id", QJsonValue::Undefined)
                                       << QStringLiteral("installed.client_id: missing") << QString() << QUrl() << QUrl();
    QTest::addRow("client_id empty") << installedWith("client_id", QString())
                                     << QStringLiteral("installed.client_id: empty") << QString() << QUrl() << QUrl();
    QTest::addRow("client_id blank") << installedWith("client_id", QStringLiteral("  "))
                                     << QStringLiteral("installed.client_id: empty") << QString() << QUrl() << QUrl();
    QTest::addRow("client_id a number") << installedWith("client_id", 42)
                                        << QStringLiteral("installed.client_id: must be a string, found a number")
                                        << QString() << QUrl() << QUrl();
    QTest::addRow("client_secret missing") << installedWith("client_secret", QJsonValue::Undefined)
                                           << QStringLiteral("installed.client_secret: missing") << QString() << QUrl()
                                           << QUrl();
    QTest::addRow("client_secret empty") << installedWith("client_secret", QString())
                                         << QStringLiteral("installed.client_secret: empty") << QString() << QUrl()
                                         << QUrl();
    QTest::addRow("client_secret null") << installedWith("client_secret", QJsonValue::Null)
                                        << QStringLiteral("installed.client_secret: must be a string, found null")
                                        << QString() << QUrl() << QUrl();
    QTest::addRow("auth_uri missing") << installedWith("auth_uri", QJsonValue::Undefined)
                                      << QStringLiteral("installed.auth_uri: missing") << QString() << QUrl() << QUrl();
    QTest::addRow("token_uri missing") << installedWith("token_uri", QJsonValue::Undefined)
                                       << QStringLiteral("installed.token_uri: missing") << QString() << QUrl() << QUrl();
    QTest::addRow("token_uri empty") << installedWith("token_uri", QString())
                                     << QStringLiteral("installed.token_uri: empty") << QString() << QUrl() << QUrl();

    // URLs.
    const QString httpsOnly = QStringLiteral("must be an https URL (plain http only for 127.0.0.1, ::1 or localhost), found ");
    QTest::addRow("token_uri plain http")
        << installedWith("token_uri", QStringLiteral("http://oauth2.googleapis.com/token"))
        << QStringLiteral("installed.token_uri: ") + httpsOnly + QStringLiteral("http://oauth2.googleapis.com/token")
        << QString() << QUrl() << QUrl();
    QTest::addRow("auth_uri plain http to a LAN address")
        << installedWith("auth_uri", QStringLiteral("http://192.168.1.10/o/oauth2/auth"))
        << QStringLiteral("installed.auth_uri: ") + httpsOnly + QStringLiteral("http://192.168.1.10/o/oauth2/auth")
        << QString() << QUrl() << QUrl();
    QTest::addRow("auth_uri ftp") << installedWith("auth_uri", QStringLiteral("ftp://accounts.google.com/auth"))
                                  << QStringLiteral("installed.auth_uri: ") + httpsOnly
            + QStringLiteral("ftp://accounts.google.com/auth") << QString() << QUrl() << QUrl();
    QTest::addRow("token_uri relative") << installedWith("token_uri", QStringLiteral("/token"))
                                        << QStringLiteral("installed.token_uri: not an absolute URL: /token") << QString()
                                        << QUrl() << QUrl();
    QTest::addRow("token_uri unparsable") << installedWith("token_uri", QStringLiteral("https://exa mple.com/token"))
                                          << QStringLiteral("installed.token_uri: not an absolute URL: (unparsable)")
                                          << QString() << QUrl() << QUrl();
    QTest::addRow("user info is not shown")
        << installedWith("token_uri", QStringLiteral("http://me:GOCSPX-canary-secret-4711@example.com/token"))
        << QStringLiteral("installed.token_uri: ") + httpsOnly + QStringLiteral("http://example.com/token") << QString()
        << QUrl() << QUrl();
}

void TestGoogleClientSecrets::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QFETCH(QString, clientId);
    QFETCH(QUrl, authUri);
    QFETCH(QUrl, tokenUri);

    const GoogleClientSecrets::Result result = GoogleClientSecrets::fromJson(json, Source);
    QVERIFY(!result.error.message().contains(Canary));
    if (!error.isEmpty()) {
        QCOMPARE(result.error.kind(), ConnectorError::Kind::Config);
        QCOMPARE(result.error.message(), Source + QStringLiteral(": ") + error);
        QVERIFY(!result.secrets);
        return;
    }
    QVERIFY2(!result.error, qPrintable(result.error.message()));
    QVERIFY(result.secrets);
    QCOMPARE(result.secrets->clientId, clientId);
    QCOMPARE(result.secrets->clientSecret, Canary);
    QCOMPARE(result.secrets->authUri, authUri);
    QCOMPARE(result.secrets->tokenUri, tokenUri);
}

void TestGoogleClientSecrets::isAcceptableUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("acceptable");

    QTest::addRow("google auth") << QStringLiteral("https://accounts.google.com/o/oauth2/auth") << true;
    QTest::addRow("google token") << QStringLiteral("https://oauth2.googleapis.com/token") << true;
    QTest::addRow("gmail api") << QStringLiteral("https://gmail.googleapis.com") << true;
    QTest::addRow("https upper case") << QStringLiteral("HTTPS://gmail.googleapis.com/") << true;
    QTest::addRow("https loopback") << QStringLiteral("https://127.0.0.1:8443/token") << true;
    QTest::addRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:4711/token") << true;
    QTest::addRow("http 127.1.2.3") << QStringLiteral("http://127.1.2.3/token") << true;
    QTest::addRow("http ::1") << QStringLiteral("http://[::1]:4711/token") << true;
    QTest::addRow("http ::1 spelt out") << QStringLiteral("http://[0:0:0:0:0:0:0:1]/token") << true;
    QTest::addRow("http localhost") << QStringLiteral("http://localhost:4711/token") << true;
    QTest::addRow("http LOCALHOST") << QStringLiteral("http://LOCALHOST/token") << true;
    QTest::addRow("http google") << QStringLiteral("http://oauth2.googleapis.com/token") << false;
    QTest::addRow("http 128.0.0.1") << QStringLiteral("http://128.0.0.1/token") << false;
    QTest::addRow("http 0.0.0.0") << QStringLiteral("http://0.0.0.0/token") << false;
    QTest::addRow("http 10.0.0.1") << QStringLiteral("http://10.0.0.1/token") << false;
    QTest::addRow("http ::2") << QStringLiteral("http://[::2]/token") << false;
    QTest::addRow("http localhost.evil.com") << QStringLiteral("http://localhost.evil.com/token") << false;
    QTest::addRow("http 127.0.0.1.nip.io") << QStringLiteral("http://127.0.0.1.nip.io/token") << false;
    QTest::addRow("http octal-looking 0127.0.0.1") << QStringLiteral("http://0127.0.0.1/token") << false;
    QTest::addRow("http 127.1 (QUrl makes it 127.0.0.1)") << QStringLiteral("http://127.1/token") << true;
    QTest::addRow("http v4-mapped") << QStringLiteral("http://[::ffff:127.0.0.1]/token") << false;
    QTest::addRow("ftp") << QStringLiteral("ftp://127.0.0.1/token") << false;
    QTest::addRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::addRow("relative") << QStringLiteral("/token") << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("no host") << QStringLiteral("https:///token") << false;
}

void TestGoogleClientSecrets::isAcceptableUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, acceptable);
    QCOMPARE(GoogleClientSecrets::isAcceptableUrl(QUrl(url)), acceptable);
}

void TestGoogleClientSecrets::loadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("client_secret_1234.apps.googleusercontent.com.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(wrap("installed", desktopClient()));
    file.close();

    const GoogleClientSecrets::Result result = GoogleClientSecrets::loadFile(path);
    QVERIFY2(!result.error, qPrintable(result.error.message()));
    QVERIFY(result.secrets);
    QCOMPARE(result.secrets->clientSecret, Canary);
    QCOMPARE(result.secrets->tokenUri, QUrl(QStringLiteral("https://oauth2.googleapis.com/token")));
}

void TestGoogleClientSecrets::loadFileErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // Missing: names the file and says where a client file comes from.
    const QString missing = dir.filePath(QStringLiteral("nope.json"));
    GoogleClientSecrets::Result result = GoogleClientSecrets::loadFile(missing);
    QCOMPARE(result.error.kind(), ConnectorError::Kind::Config);
    QVERIFY2(result.error.message().startsWith(missing + QStringLiteral(": no such file; create a Desktop app client")),
             qPrintable(result.error.message()));

    // A directory cannot be read as a file.
    result = GoogleClientSecrets::loadFile(dir.path());
    QCOMPARE(result.error.kind(), ConnectorError::Kind::Config);
    QCOMPARE(result.error.message(), dir.path() + QStringLiteral(": is a directory, not a client secrets file"));

    // Bad JSON: the path is the source name in the message.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"installed\": ");
    file.close();
    result = GoogleClientSecrets::loadFile(broken);
    QCOMPARE(result.error.kind(), ConnectorError::Kind::Config);
    QCOMPARE(result.error.message(), broken + QStringLiteral(": not valid JSON at offset 14: unterminated object"));

    // Web client from a file.
    const QString web = dir.filePath(QStringLiteral("web.json"));
    QFile webFile(web);
    QVERIFY(webFile.open(QIODevice::WriteOnly));
    webFile.write(wrap("web", desktopClient()));
    webFile.close();
    result = GoogleClientSecrets::loadFile(web);
    QVERIFY(result.error.message().startsWith(web + QStringLiteral(": this is a Web application client;")));
    QVERIFY(!result.error.message().contains(Canary));

    // Far too large (someone pointed us at a mailbox).
    const QString big = dir.filePath(QStringLiteral("big.json"));
    QFile bigFile(big);
    QVERIFY(bigFile.open(QIODevice::WriteOnly));
    bigFile.write(QByteArray(100 * 1024, ' '));
    bigFile.close();
    result = GoogleClientSecrets::loadFile(big);
    QCOMPARE(result.error.message(), big + QStringLiteral(": 102400 bytes is far too large for an OAuth client file"));
}

QTEST_GUILESS_MAIN(TestGoogleClientSecrets)
#include "tst_googleclientsecrets.moc"
