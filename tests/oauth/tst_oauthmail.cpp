// machina-mail on an OAuth 2.0 account, end to end: real Dovecot and Postfix
// on a private stack whose oauth2 passdb asks FakeIdentityPlatform (token
// introspection), the tokens in a real Secret Service (with-keyring.sh), the
// test playing the browser.
//
//   MACHINA_KEYCHAIN_MODE=keyring  sign-in, send and inbox over bearer logins, a new
//                                  process without a browser, an expired access token
//                                  refreshed (and the rotated refresh token kept), a
//                                  revoked grant (exit 3), no token in any output
//   MACHINA_KEYCHAIN_MODE=no-bus   no keychain: an error before any browser
//
// Each run names the functions it runs; one run in the wrong mode fails.

#include "clirun.h"
#include "fakeidentityplatform.h"
#include "mailstack.h"
#include "oauth/oauthtokens.h"
#include "secrets/credentialstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using clitest::CliTimeoutMs;
using clitest::describe;
using clitest::runCli;
using clitest::startCli;

namespace {

const QString Supervisor = QStringLiteral("supervisor");
const QString Technician = QStringLiteral("technician");
const QString ClientId = QStringLiteral("6731de76-14a6-49ae-97bc-6eba6914391e");

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString keychainMode()
{
    return qEnvironmentVariable("MACHINA_KEYCHAIN_MODE");
}

} // namespace

class TestOAuthMail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // keyring mode, in this order
    void signInWithTheBrowser();
    void sendAndInboxOverBearerLogins();
    void connectionTestShowsTokenAndMechanism();
    void expiredAccessTokenIsRefreshed();
    void revokedGrantIsAnAuthError();
    void noTokenInAnyOutput();

    // no-bus mode
    void noKeychainFailsBeforeTheBrowser();

private:
    QStringList withConfig(const QStringList &args) const { return QStringList{QStringLiteral("--config"), m_config} + args; }
    /// Runs the CLI and keeps what it printed, for noTokenInAnyOutput().
    clitest::CliRun run(const QStringList &args);
    /// Every access and refresh token the stand-in issued so far.
    QStringList issuedTokens() const;
    bool requireMode(const char *mode);

    std::unique_ptr<FakeIdentityPlatform> m_idp;
    std::unique_ptr<PrivateMailStack> m_stack;
    QTemporaryDir m_dir;
    QString m_config;
    QString m_outputs;
};

bool TestOAuthMail::requireMode(const char *mode)
{
    return keychainMode() == QLatin1String(mode);
}

void TestOAuthMail::initTestCase()
{
    const QString cli = qEnvironmentVariable("MACHINA_MAIL");
    QVERIFY2(!cli.isEmpty() && QFileInfo(cli).isExecutable(), "set MACHINA_MAIL to the machina-mail executable");
    QVERIFY2(keychainMode() == QLatin1String("keyring") || keychainMode() == QLatin1String("no-bus"),
             "MACHINA_KEYCHAIN_MODE must be keyring (under with-keyring.sh) or no-bus");
    if (keychainMode() == QLatin1String("keyring"))
        QVERIFY2(qEnvironmentVariable("MACHINA_TEST_KEYRING") == QLatin1String("1"), "run through tests/keychain/with-keyring.sh");
    QVERIFY(m_dir.isValid());

    m_idp = std::make_unique<FakeIdentityPlatform>();
    QVERIFY(m_idp->listen());
    m_idp->setClientId(ClientId);

    QString host = QStringLiteral("127.0.0.1");
    int smtps = 0;
    int imaps = 0;
    QString ca = m_dir.filePath(QStringLiteral("none.pem"));
    if (keychainMode() == QLatin1String("keyring")) {
        m_stack = std::make_unique<PrivateMailStack>(QStringLiteral(MACHINA_BINARY_DIR "/tests/oauth/oauth-stack"));
        QString error;
        QVERIFY2(m_stack->start(Supervisor + QLatin1Char(' ') + Technician, &error,
                                {QStringLiteral("--oauth2-introspection"), m_idp->introspectionUrl().toString()}),
                 qPrintable(error));
        smtps = m_stack->stack().smtpsPort;
        imaps = m_stack->stack().imapsPort;
        ca = m_stack->stack().caFile;
    } else {
        // No server is reached in this mode; ports that nothing listens on.
        smtps = 9;
        imaps = 9;
    }
    m_config = m_dir.filePath(QStringLiteral("config.yaml"));
    const QByteArray yaml = "connectors:\n"
                            "  email:\n"
                            "    type: email\n"
                            "    smtp_host: " + host.toUtf8() + "\n"
                            "    smtp_port: " + QByteArray::number(smtps) + "\n"
                            "    imap_host: " + host.toUtf8() + "\n"
                            "    imap_port: " + QByteArray::number(imaps) + "\n"
                            "    ca_file: " + ca.toUtf8() + "\n"
                            "    username: supervisor@machina.test\n"
                            "    oauth2_provider: microsoft\n"
                            "    oauth2_client_id: " + ClientId.toUtf8() + "\n"
                            "    oauth2_authority: " + m_idp->baseUrl().toEncoded() + "\n"
                            "    poll_interval: 2\n"
                            "    timeout: 15\n";
    QVERIFY(writeFile(m_config, yaml));
}

void TestOAuthMail::cleanupTestCase()
{
    if (m_stack)
        m_stack->run(QStringLiteral("stop"));
}

clitest::CliRun TestOAuthMail::run(const QStringList &args)
{
    clitest::CliRun result = runCli(withConfig(args));
    m_outputs += result.out + result.err;
    return result;
}

QStringList TestOAuthMail::issuedTokens() const
{
    QStringList tokens;
    const QList<FakeIdentityPlatform::TokenRequest> requests = m_idp->tokenRequests();
    for (const FakeIdentityPlatform::TokenRequest &request : requests) {
        const QJsonObject reply = QJsonDocument::fromJson(request.reply).object();
        for (const char *key : {"access_token", "refresh_token"}) {
            const QString token = reply.value(QLatin1String(key)).toString();
            if (!token.isEmpty())
                tokens.append(token);
        }
    }
    return tokens;
}

void TestOAuthMail::signInWithTheBrowser()
{
    QVERIFY(requireMode("keyring"));
    // oauth-login --no-browser: one line "Open: <url>", then it waits for the redirect.
    QProcess login;
    QByteArray out;
    connect(&login, &QProcess::readyReadStandardOutput, this, [&] { out += login.readAllStandardOutput(); });
    QSignalSpy done(&login, &QProcess::finished);
    startCli(&login, withConfig({QStringLiteral("oauth-login"), QStringLiteral("--no-browser")}));
    QVERIFY2(login.waitForStarted(5000), qPrintable(login.errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains('\n') || login.state() != QProcess::Running, out.constData(), CliTimeoutMs);
    QVERIFY2(login.state() == QProcess::Running, login.readAllStandardError().constData());
    QVERIFY2(out.startsWith("Open: "), out.constData());
    const QUrl url = QUrl::fromEncoded(out.mid(6).trimmed(), QUrl::StrictMode);
    QCOMPARE(url.path(), QStringLiteral("/organizations/oauth2/v2.0/authorize"));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("client_id")), ClientId);
    QCOMPARE(query.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), QStringLiteral("supervisor@machina.test"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    const QStringList scopes = query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded).split(QLatin1Char(' '));
    for (const QString &scope : {FakeIdentityPlatform::scopeOfflineAccess(), FakeIdentityPlatform::scopeImap(),
                                 FakeIdentityPlatform::scopeSmtp()})
        QVERIFY2(scopes.contains(scope), qPrintable(scopes.join(QLatin1Char(' '))));

    QNetworkAccessManager browser;
    QString browserError;
    QVERIFY2(m_idp->playBrowser(&browser, url, &browserError), qPrintable(browserError));
    QVERIFY(done.size() == 1 || done.wait(CliTimeoutMs));
    out += login.readAllStandardOutput();
    const QByteArray err = login.readAllStandardError();
    m_outputs += QString::fromUtf8(out + err);
    QVERIFY2(login.exitStatus() == QProcess::NormalExit && login.exitCode() == 0, (out + "\n--- stderr\n" + err).constData());
    QVERIFY2(out.contains("Signed in to Microsoft as supervisor@machina.test"), out.constData());
    QCOMPARE(m_idp->authorizationCodeGrants(), 1);
    // A public client: no secret went to the token endpoint.
    for (const FakeIdentityPlatform::TokenRequest &request : m_idp->tokenRequests())
        QVERIFY(!request.clientSecretSent);
}

void TestOAuthMail::sendAndInboxOverBearerLogins()
{
    QVERIFY(requireMode("keyring"));
    const int authorizeVisits = int(m_idp->authRequests().size());
    // New processes, no browser: the stored grant serves both servers.
    const QByteArray token = "oauth-send-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const clitest::CliRun sent = run({QStringLiteral("send"), QStringLiteral("--to"), m_stack->stack().address(Technician),
                             QStringLiteral("--subject"), QStringLiteral("Pump P-201"), QStringLiteral("--text"),
                             QString::fromLatin1(token)});
    QVERIFY2(sent.finished && sent.exitCode == 0, describe(sent).constData());
    QVERIFY2(sent.out.startsWith(QStringLiteral("Sent <")), describe(sent).constData());
    QTRY_VERIFY_WITH_TIMEOUT(!m_stack->stack().findMessage(Technician, token).isEmpty(), 20000);

    QVERIFY(m_stack->stack().send(Technician, Supervisor,
                                  QStringLiteral("ALARM P-201 pressure"), QStringLiteral("from the plant")));
    clitest::CliRun inbox;
    QTRY_VERIFY_WITH_TIMEOUT((inbox = run({QStringLiteral("inbox"), QStringLiteral("--json")})).out.contains(
                                 QStringLiteral("ALARM P-201 pressure")),
                             20000);
    QVERIFY2(inbox.exitCode == 0, describe(inbox).constData());
    QCOMPARE(int(m_idp->authRequests().size()), authorizeVisits);   // the browser was not needed again

    // The servers say which mechanism signed in: OAUTHBEARER, offered by both.
    const QByteArray dovecotLog = readFile(m_stack->dir() + QStringLiteral("/dovecot/dovecot.log"));
    QVERIFY2(dovecotLog.contains("method=OAUTHBEARER"), dovecotLog.right(2000).constData());
    const QByteArray maillog = readFile(m_stack->dir() + QStringLiteral("/postfix/maillog"));
    QVERIFY2(maillog.contains("sasl_method=OAUTHBEARER"), maillog.right(2000).constData());
    QVERIFY(m_idp->introspections().size() >= 2);
}

void TestOAuthMail::connectionTestShowsTokenAndMechanism()
{
    QVERIFY(requireMode("keyring"));
    const clitest::CliRun test = run({QStringLiteral("test"), QStringLiteral("--json")});
    QVERIFY2(test.exitCode == 0, describe(test).constData());
    const QJsonArray steps = QJsonDocument::fromJson(test.out.toUtf8()).array();
    QVERIFY2(!steps.isEmpty(), describe(test).constData());
    const QJsonObject first = steps.first().toObject();
    QCOMPARE(first.value(QStringLiteral("step")).toString(), QStringLiteral("OAuth token"));
    QCOMPARE(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("passed"));
    QVERIFY2(test.out.contains(QStringLiteral("valid until")), describe(test).constData());
    QVERIFY2(test.out.contains(QStringLiteral("IMAP: authentication")) && test.out.contains(QStringLiteral("with OAUTHBEARER")),
             describe(test).constData());
    QVERIFY2(test.out.count(QStringLiteral("with OAUTHBEARER")) == 2, describe(test).constData());   // IMAP and SMTP
}

void TestOAuthMail::expiredAccessTokenIsRefreshed()
{
    QVERIFY(requireMode("keyring"));
    // Twice: the stand-in takes each refresh token once (as Microsoft rotates them), so
    // the second round works only if the first stored the new refresh token.
    for (int round = 1; round <= 2; ++round) {
        const int refreshes = m_idp->refreshGrants();
        m_idp->expireAccessTokens();   // refused by Dovecot and Postfix from now on, though not yet expired by the clock
        const clitest::CliRun check = run({QStringLiteral("check")});
        QVERIFY2(check.exitCode == 0, (QByteArray("round ") + QByteArray::number(round) + '\n' + describe(check)).constData());
        QVERIFY2(m_idp->refreshGrants() == refreshes + 1,
                 qPrintable(QStringLiteral("round %1: %2 refreshes, expected one").arg(round).arg(m_idp->refreshGrants() - refreshes)));
    }
    QCOMPARE(m_idp->authorizationCodeGrants(), 1);

    // The keychain holds the refresh token issued last (rotated), and the access token with its expiry.
    QString lastRefresh;
    for (const FakeIdentityPlatform::TokenRequest &request : m_idp->tokenRequests()) {
        if (!request.issuedRefreshToken.isEmpty())
            lastRefresh = request.issuedRefreshToken;
    }
    machina::CredentialStore store;
    machina::CredentialReply *read = store.readSecret(
        machina::CredentialStore::oauthTokenKey(QStringLiteral("microsoft"), ClientId, QStringLiteral("supervisor@machina.test")));
    QSignalSpy readDone(read, &machina::ConnectorReply::finished);
    QVERIFY(readDone.wait(10000));
    QVERIFY2(!read->error(), qPrintable(read->error().message()));
    const std::optional<machina::OAuthTokens> stored = machina::OAuthTokens::fromJson(read->secret());
    delete read;
    QVERIFY(stored.has_value());
    QCOMPARE(stored->refreshToken, lastRefresh);
    QVERIFY(m_idp->isAccessTokenActive(stored->accessToken));
    QVERIFY(stored->expiresAt > QDateTime::currentDateTimeUtc());
    QVERIFY(stored->grantedScopes.contains(FakeIdentityPlatform::scopeImap()));
}

void TestOAuthMail::revokedGrantIsAnAuthError()
{
    QVERIFY(requireMode("keyring"));
    m_idp->revokeGrants();
    m_idp->expireAccessTokens();
    const clitest::CliRun inbox = run({QStringLiteral("inbox")});
    QCOMPARE(inbox.exitCode, 3);
    QVERIFY2(inbox.err.contains(QStringLiteral("machina-mail oauth-login")), describe(inbox).constData());
    QVERIFY2(inbox.err.contains(QStringLiteral("Microsoft no longer accepts the stored sign-in")), describe(inbox).constData());
    // The revoked grant was deleted: the next run does not even ask the token endpoint.
    const int tokenRequests = int(m_idp->tokenRequests().size());
    const clitest::CliRun again = run({QStringLiteral("inbox")});
    QCOMPARE(again.exitCode, 3);
    QVERIFY2(again.err.contains(QStringLiteral("not signed in to Microsoft")), describe(again).constData());
    QCOMPARE(int(m_idp->tokenRequests().size()), tokenRequests);
}

void TestOAuthMail::noTokenInAnyOutput()
{
    QVERIFY(requireMode("keyring"));
    // One more run with the protocol transcript on: tokens are redacted there too.
    m_idp->setConsent(FakeIdentityPlatform::Consent::Approve);
    const FakeIdentityPlatform::Grant grant = m_idp->grantTokens(QStringLiteral("supervisor@machina.test"));
    QVERIFY(!grant.accessToken.isEmpty());
    const clitest::CliRun verbose = run({QStringLiteral("--verbose"), QStringLiteral("check")});
    QVERIFY(verbose.finished);
    QStringList tokens = issuedTokens();
    QVERIFY2(tokens.size() >= 4, qPrintable(tokens.join(QLatin1Char(','))));   // the sign-in and two refreshes
    QVERIFY(!m_outputs.isEmpty());
    for (const QString &token : std::as_const(tokens)) {
        QVERIFY(token.size() > 16);
        QVERIFY2(!m_outputs.contains(token), "a token reached the output");
        QVERIFY2(!m_outputs.contains(token.left(16)), "part of a token reached the output");
    }
}

void TestOAuthMail::noKeychainFailsBeforeTheBrowser()
{
    QVERIFY(requireMode("no-bus"));
    const clitest::CliRun login = runCli(withConfig({QStringLiteral("oauth-login"), QStringLiteral("--no-browser")}));
    QVERIFY2(login.finished, describe(login).constData());
    QCOMPARE(login.exitCode, 2);   // a Config error: what is missing and what to do
    QVERIFY2(!login.out.contains(QStringLiteral("Open:")), describe(login).constData());
    QVERIFY2(login.err.contains(QStringLiteral("keychain"), Qt::CaseInsensitive), describe(login).constData());
    QVERIFY(m_idp->authRequests().isEmpty());
    QVERIFY(m_idp->tokenRequests().isEmpty());
}

QTEST_GUILESS_MAIN(TestOAuthMail)
#include "tst_oauthmail.moc"
