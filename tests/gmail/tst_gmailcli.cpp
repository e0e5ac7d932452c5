// machina-mail in Gmail mode: the CLI ($MACHINA_MAIL) as a child process,
// FakeGoogle in this process (its event loop keeps running while we wait for
// the child), the test as the browser. The whole binary runs under
// tests/keychain/with-keyring.sh, so the CLI shares the test's private keyring.
//
//   MACHINA_KEYCHAIN_MODE=keyring  (under with-keyring.sh) gmail-login, check, send, inbox, listen; a "web" client file
//   MACHINA_KEYCHAIN_MODE=no-bus   no session bus: check refuses with a keychain message

#include "clirun.h"
#include "fakegoogle.h"
#include "mime/messageparser.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace clitest;
using namespace machina;
using namespace Qt::Literals::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray configYaml(const QString &clientFile, const QUrl &api)
{
    return "connectors:\n"
           "  email:\n"
           "    type: email\n"
           "    gmail_credentials_file: " + clientFile.toUtf8() + "\n"
           "    gmail_api_url: " + api.toEncoded() + "\n"
           "    poll_interval: 1\n"
           "    timeout: 10\n";
}

QByteArray pdfBytes()
{
    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog >> endobj\nstream\n";
    for (int i = 0; i < 256; ++i)
        pdf += char(i);
    pdf += "\r\n.\r\nendstream\n%%EOF\n";
    return pdf;
}

bool checkMachinaMail()
{
    const QString cli = qEnvironmentVariable("MACHINA_MAIL");
    return !cli.isEmpty() && QFileInfo(cli).isExecutable();
}

} // namespace

// ---------------------------------------------------------------------------

class TestGmailCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void loginThenCheckSendInboxListen();
    void webClientFileIsRefused();

private:
    QStringList withConfig(const QStringList &args) const
    {
        return QStringList{u"--config"_s, m_configFile} + args;
    }

    std::unique_ptr<FakeGoogle> m_fake;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_configFile;
};

void TestGmailCli::initTestCase()
{
    QVERIFY2(checkMachinaMail(), "set MACHINA_MAIL to the machina-mail executable");
    // Only ever against the private bus and keyring of with-keyring.sh.
    QVERIFY2(qEnvironmentVariable("MACHINA_TEST_KEYRING") == "1"_L1, "run through tests/keychain/with-keyring.sh");
    QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
}

void TestGmailCli::init()
{
    m_fake = std::make_unique<FakeGoogle>();
    QVERIFY(m_fake->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // The CLI's local store (its outbox) starts empty for each test; the keychain is on the bus, not here.
    qputenv("XDG_DATA_HOME", m_dir->filePath(u"data"_s).toUtf8());
    const QString clientFile = m_dir->filePath(u"client_secret.json"_s);
    QVERIFY(writeFile(clientFile, m_fake->clientSecretsJson()));
    m_configFile = m_dir->filePath(u"config.yaml"_s);
    QVERIFY(writeFile(m_configFile, configYaml(clientFile, m_fake->gmailApiUrl())));
}

void TestGmailCli::cleanup()
{
    m_fake.reset();
    m_dir.reset();
}

void TestGmailCli::loginThenCheckSendInboxListen()
{
    // gmail-login --no-browser: one line "Open: <url>", then it waits for the browser.
    QProcess login;
    QByteArray out;
    connect(&login, &QProcess::readyReadStandardOutput, this, [&] { out += login.readAllStandardOutput(); });
    QSignalSpy loginDone(&login, &QProcess::finished);
    startCli(&login, withConfig({u"gmail-login"_s, u"--no-browser"_s}));
    QVERIFY2(login.waitForStarted(5000), qPrintable(login.errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains('\n') || login.state() != QProcess::Running, out.constData(), CliTimeoutMs);
    QVERIFY2(login.state() == QProcess::Running, login.readAllStandardError().constData());
    const QList<QByteArray> lines = out.split('\n');
    QCOMPARE(lines.size(), 2); // one line and its newline
    QVERIFY2(lines.first().startsWith("Open: "), out.constData());
    const QUrl url = QUrl::fromEncoded(lines.first().mid(6).trimmed(), QUrl::StrictMode);
    QVERIFY2(url.isValid(), lines.first().constData());
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QCOMPARE(url.port(), int(m_fake->port()));
    QCOMPARE(url.path(), u"/o/oauth2/auth"_s);

    // The browser: the consent screen redirects to the CLI's loopback handler,
    // which answers only while the CLI still waits.
    QNetworkAccessManager browser;
    QString browserError;
    QVERIFY2(m_fake->playBrowser(&browser, url, &browserError), qPrintable(browserError));

    QVERIFY(loginDone.size() == 1 || loginDone.wait(CliTimeoutMs));
    const QByteArray err = login.readAllStandardError();
    out += login.readAllStandardOutput();
    QCOMPARE(login.exitStatus(), QProcess::NormalExit);
    QVERIFY2(login.exitCode() == 0, (out + "\n--- stderr\n" + err).constData());
    QVERIFY2(out.contains("Signed in"), out.constData());
    QVERIFY2(out.contains(m_fake->emailAddress().toUtf8()), out.constData());
    QCOMPARE(m_fake->authorizationCodeGrants(), 1);

    // check: healthy, in Gmail mode, with no browser needed.
    const CliRun check = runCli(withConfig({u"check"_s}));
    QVERIFY2(check.finished && check.exitCode == 0, describe(check).constData());
    const QJsonObject health = QJsonDocument::fromJson(check.out.toUtf8()).object();
    QCOMPARE(health.value(u"status"_s).toString(), u"healthy"_s);
    QVERIFY2(health.value(u"message"_s).toString().contains("Gmail API"_L1), describe(check).constData());
    QCOMPARE(health.value(u"details"_s).toObject().value(u"backend"_s).toString(), u"gmail"_s);
    QCOMPARE(health.value(u"details"_s).toObject().value(u"account"_s).toString(), m_fake->emailAddress());
    QCOMPARE(m_fake->authRequests().size(), 1);

    // send, to oneself, with a PDF.
    const QString pdfPath = m_dir->filePath(u"report.pdf"_s);
    const QByteArray pdf = pdfBytes();
    QVERIFY(writeFile(pdfPath, pdf));
    const CliRun send = runCli(withConfig({u"send"_s, u"--to"_s, m_fake->emailAddress(), u"--subject"_s,
                                           u"CLI report"_s, u"--text"_s, u"See the attachment."_s, u"--attach"_s,
                                           pdfPath}));
    QVERIFY2(send.finished && send.exitCode == 0, describe(send).constData());
    QVERIFY2(send.out.startsWith("Sent <"_L1), describe(send).constData());
    QCOMPARE(m_fake->sentRaws().size(), 1);
    const ParsedMessage sent = MessageParser::parse(m_fake->sentRaws().first());
    QCOMPARE(sent.subject, u"CLI report"_s);
    QCOMPARE(sent.to.size(), 1);
    QCOMPARE(sent.to.first().address, m_fake->emailAddress());
    QCOMPARE(sent.attachments.size(), 1);
    QCOMPARE(sent.attachments.first().fileName, u"report.pdf"_s);
    QCOMPARE(sent.attachments.first().data, pdf);

    // inbox --json lists it, unread, with its attachment.
    const CliRun inbox = runCli(withConfig({u"inbox"_s, u"--json"_s}));
    QVERIFY2(inbox.finished && inbox.exitCode == 0, describe(inbox).constData());
    const QJsonArray rows = QJsonDocument::fromJson(inbox.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    QCOMPARE(row.value(u"subject"_s).toString(), u"CLI report"_s);
    QCOMPARE(row.value(u"seen"_s).toBool(), false);
    QCOMPARE(row.value(u"message_id"_s).toString(), sent.messageId);
    QVERIFY2(row.value(u"from"_s).toString().contains(m_fake->emailAddress()), describe(inbox).constData());

    // listen --once --reply-text ok: answered, marked read.
    const CliRun listen = runCli(withConfig({u"listen"_s, u"--once"_s, u"--reply-text"_s, u"ok"_s}));
    QVERIFY2(listen.finished && listen.exitCode == 0, describe(listen).constData());
    QVERIFY2(listen.err.contains("1 received, 1 handled, 0 left unseen"_L1), describe(listen).constData());
    QCOMPARE(m_fake->sentRaws().size(), 2);
    const ParsedMessage reply = MessageParser::parse(m_fake->sentRaws().last());
    QCOMPARE(reply.subject, u"Re: CLI report"_s);
    QCOMPARE(reply.inReplyTo, sent.messageId);
    QCOMPARE(reply.text.trimmed(), u"ok"_s);
    const QList<FakeGoogle::ModifyCall> modified = m_fake->modifyCalls();
    QCOMPARE(modified.size(), 1);
    QCOMPARE(modified.first().removeLabelIds, QStringList{u"UNREAD"_s});
    const std::optional<FakeGoogle::Message> original = m_fake->message(modified.first().id);
    QVERIFY(original);
    QVERIFY(!original->labelIds.contains(u"UNREAD"_s));
    QCOMPARE(MessageParser::parse(original->raw).messageId, sent.messageId);

    // Through the outbox in Gmail mode too: --queue needs the sender, which without from_address
    // only the network knows; outbox flush sends it through the API, with no Sent copy of our own.
    const CliRun refused = runCli(withConfig({u"send"_s, u"--queue"_s, u"--to"_s, m_fake->emailAddress(), u"--text"_s, u"x"_s}));
    QVERIFY2(refused.finished && refused.exitCode == 2 && refused.err.contains("from_address"_L1), describe(refused).constData());
    const CliRun down = runCli(withConfig({u"outbox"_s, u"--json"_s}));
    QVERIFY2(down.finished && down.exitCode == 0, describe(down).constData());
    const QJsonArray entries = QJsonDocument::fromJson(down.out.toUtf8()).array();
    QCOMPARE(entries.size(), 2);   // the send and listen's reply, newest first
    QCOMPARE(entries.at(0).toObject().value(u"origin"_s).toString(), u"listen"_s);
    for (const QJsonValue &v : entries) {
        QCOMPARE(v.toObject().value(u"state"_s).toString(), u"sent"_s);
        QCOMPARE(v.toObject().value(u"sent_copy"_s).toString(), u"none"_s);
    }

    // Never a second browser visit, never a second code exchange.
    QCOMPARE(m_fake->authRequests().size(), 1);
    QCOMPARE(m_fake->authorizationCodeGrants(), 1);
}

void TestGmailCli::webClientFileIsRefused()
{
    QJsonObject web = QJsonDocument::fromJson(m_fake->clientSecretsJson()).object().value(u"installed"_s).toObject();
    web.insert(u"redirect_uris"_s, QJsonArray{u"https://example.com/oauth2callback"_s});
    const QString clientFile = m_dir->filePath(u"client_secret_web.json"_s);
    QVERIFY(writeFile(clientFile, QJsonDocument(QJsonObject{{u"web"_s, web}}).toJson()));
    QVERIFY(writeFile(m_configFile, configYaml(clientFile, m_fake->gmailApiUrl())));

    const CliRun login = runCli(withConfig({u"gmail-login"_s, u"--no-browser"_s}));
    QVERIFY2(login.finished && login.exitCode == 2, describe(login).constData());
    QVERIFY2(!login.out.contains("Open:"_L1), describe(login).constData());
    QVERIFY2(login.err.contains(clientFile), describe(login).constData());
    QVERIFY2(login.err.contains("Web application"_L1), describe(login).constData());
    QVERIFY2(login.err.contains("Desktop"_L1), describe(login).constData());
    QVERIFY(m_fake->requests().isEmpty());
}

// ---------------------------------------------------------------------------

class TestGmailCliNoKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkSaysTheKeychainIsMissing();
};

void TestGmailCliNoKeychain::checkSaysTheKeychainIsMissing()
{
    QVERIFY2(checkMachinaMail(), "set MACHINA_MAIL to the machina-mail executable");
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    FakeGoogle fake;
    QVERIFY(fake.listen());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString clientFile = dir.filePath(u"client_secret.json"_s);
    QVERIFY(writeFile(clientFile, fake.clientSecretsJson()));
    const QString configFile = dir.filePath(u"config.yaml"_s);
    QVERIFY(writeFile(configFile, configYaml(clientFile, fake.gmailApiUrl())));

    const CliRun check = runCli({u"--config"_s, configFile, u"check"_s});
    QVERIFY2(check.finished && check.exitCode == 2, describe(check).constData());
    QVERIFY2(check.out.contains("keychain"_L1, Qt::CaseInsensitive), describe(check).constData());
    QVERIFY(fake.requests().isEmpty());
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariable("MACHINA_KEYCHAIN_MODE") == "keyring"_L1) {
        TestGmailCli test;
        return QTest::qExec(&test, argc, argv);
    }
    if (qEnvironmentVariable("MACHINA_KEYCHAIN_MODE") == "no-bus"_L1) {
        TestGmailCliNoKeychain test;
        return QTest::qExec(&test, argc, argv);
    }
    qCritical("set MACHINA_KEYCHAIN_MODE to keyring (under tests/keychain/with-keyring.sh) or no-bus (no session bus)");
    return 2;
}

#include "tst_gmailcli.moc"
