// EmailConnector in Gmail mode, end to end in-process: FakeGoogle plays Google
// (OAuth and the Gmail API on loopback), the test plays the browser, and the
// tokens live in a real keyring (gnome-keyring on the private bus of
// tests/keychain/with-keyring.sh).
//
// One executable, two suites, chosen by MACHINA_KEYCHAIN_MODE:
//   MACHINA_KEYCHAIN_MODE=keyring  (under with-keyring.sh) sign-in, restart, refresh, rate limits,
//                                  paging, attachments, handler failures, revocation
//   MACHINA_KEYCHAIN_MODE=no-bus   no session bus: Gmail mode must refuse plainly (Config)

#include "emailconnector.h"
#include "fakegoogle.h"
#include "gmail/googleauth.h"
#include "mime/messageparser.h"
#include "secrets/credentialstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace machina;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int ReplyTimeoutMs = 10000;

/// Waits for @p reply (owned by the caller) to finish; false on timeout.
bool finishes(ConnectorReply *reply, int timeoutMs = ReplyTimeoutMs)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ConnectorReply::finished);
    return spy.wait(timeoutMs) || reply->isFinished();
}

QString describe(const ConnectorError &error)
{
    return error ? u"%1: %2"_s.arg(ConnectorError::kindName(error.kind()), error.message()) : u"no error"_s;
}

QByteArray textMessage(const QString &from, const QString &to, const QString &subject, const QString &messageId,
                       const QString &body)
{
    return u"From: %1\r\nTo: %2\r\nSubject: %3\r\nMessage-ID: <%4>\r\nDate: Tue, 24 Nov 2026 01:12:29 +0000\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n%5\r\n"_s
        .arg(from, to, subject, messageId, body)
        .toUtf8();
}

/// A small PDF with bytes of every value, so any transfer-encoding slip shows.
QByteArray pdfBytes()
{
    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog >> endobj\nstream\n";
    for (int i = 0; i < 256; ++i)
        pdf += char(i);
    pdf += "\r\n.\r\nendstream\n%%EOF\n";
    return pdf;
}

} // namespace

// ---------------------------------------------------------------------------

class TestGmailConnector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstSignInThroughBrowser();          // (a)
    void restartUsesStoredRefreshToken();      // (b)
    void expiredAccessTokenDuringSend();       // (c)
    void rateLimitedSendIsDegradedMeanwhile(); // (d)
    void successWithoutJsonIsProtocolError();
    void rateLimitedPollRecovers();            // (d) while listening
    void unreadAcrossPages();                  // (e)
    void sendWithPdfAttachment();              // (f)
    void failingHandlerLeavesThoseUnread();    // (g)
    void revokedRefreshToken();                // (h)
    void fetchAndMarkById();                   // what the console does on a click

private:
    ConnectorConfig config() const;
    QString tokenKey() const { return CredentialStore::googleTokenKey(m_fake->clientId()); }
    /// The keychain entry: its bytes, or no value when there is none (fails the test on a keychain error).
    std::optional<QByteArray> storedTokens(bool *ok);
    /// Tokens issued by the fake without the browser, written where GoogleAuth reads them.
    bool seedTokens();
    /// A connector with seeded tokens, connected.
    std::unique_ptr<EmailConnector> connectedConnector();

    std::unique_ptr<FakeGoogle> m_fake;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QNetworkAccessManager> m_browser;
    QString m_clientFile;
    CredentialStore m_store;
};

void TestGmailConnector::initTestCase()
{
    // Only ever against the private bus and keyring of with-keyring.sh.
    QVERIFY2(qEnvironmentVariable("MACHINA_TEST_KEYRING") == "1"_L1, "run through tests/keychain/with-keyring.sh");
    QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
}

void TestGmailConnector::init()
{
    m_fake = std::make_unique<FakeGoogle>();
    QVERIFY(m_fake->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clientFile = m_dir->filePath(u"client_secret_fake.apps.googleusercontent.com.json"_s);
    QFile file(m_clientFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(m_fake->clientSecretsJson()) > 0);
    file.close();
    m_browser = std::make_unique<QNetworkAccessManager>();

    // Every case starts signed out: the client id is the same for every fake.
    std::unique_ptr<CredentialReply> deletion(m_store.deleteSecret(tokenKey()));
    QVERIFY(finishes(deletion.get()));
    QVERIFY2(!deletion->error(), qPrintable(describe(deletion->error())));
}

void TestGmailConnector::cleanup()
{
    m_browser.reset();
    m_fake.reset();
    m_dir.reset();
}

ConnectorConfig TestGmailConnector::config() const
{
    ConnectorConfig config;
    config.gmailCredentialsFile = m_clientFile;
    config.gmailApiUrl = m_fake->gmailApiUrl().toString();
    config.pollInterval = 1;
    config.timeout = 10;
    return config;
}

std::optional<QByteArray> TestGmailConnector::storedTokens(bool *ok)
{
    *ok = false;
    std::unique_ptr<CredentialReply> read(m_store.readSecret(tokenKey()));
    if (!finishes(read.get())) {
        qWarning("reading the keychain timed out");
        return std::nullopt;
    }
    if (read->error()) {
        qWarning("%s", qPrintable(describe(read->error())));
        return std::nullopt;
    }
    *ok = true;
    if (read->notFound())
        return std::nullopt;
    return read->secret();
}

bool TestGmailConnector::seedTokens()
{
    const FakeGoogle::Grant grant = m_fake->grantTokens();
    GoogleTokens tokens;
    tokens.accessToken = grant.accessToken;
    tokens.refreshToken = grant.refreshToken;
    tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3500);
    tokens.grantedScopes = grant.scopes;
    std::unique_ptr<CredentialReply> write(m_store.writeSecret(tokenKey(), tokens.toJson()));
    if (!finishes(write.get()) || write->error()) {
        qWarning("seeding the keychain failed: %s", qPrintable(describe(write->error())));
        return false;
    }
    return true;
}

std::unique_ptr<EmailConnector> TestGmailConnector::connectedConnector()
{
    if (!seedTokens())
        return nullptr;
    auto connector = std::make_unique<EmailConnector>(config());
    std::unique_ptr<ConnectorReply> connect(connector->connectToServers());
    if (!finishes(connect.get()) || connect->error()) {
        qWarning("connectToServers: %s", qPrintable(describe(connect->error())));
        return nullptr;
    }
    return connector;
}

// (a) The first sign-in: the URL comes out of authorizationUrlReady, the test
// is the browser, the tokens land in the keychain.
void TestGmailConnector::firstSignInThroughBrowser()
{
    EmailConnector connector(config());
    QList<QUrl> urls;
    connect(&connector, &EmailConnector::authorizationUrlReady, this, [&urls](const QUrl &url) { urls.append(url); });

    std::unique_ptr<ConnectorReply> signIn(connector.signInToGoogle(true));
    QTRY_COMPARE_WITH_TIMEOUT(urls.size(), 1, ReplyTimeoutMs);
    QVERIFY(!signIn->isFinished());
    QString browserError;
    QVERIFY2(m_fake->playBrowser(m_browser.get(), urls.first(), &browserError), qPrintable(browserError));
    QVERIFY(finishes(signIn.get()));
    QVERIFY2(!signIn->error(), qPrintable(describe(signIn->error())));
    QCOMPARE(urls.size(), 1);
    QCOMPARE(m_fake->authorizationCodeGrants(), 1);

    const QList<FakeGoogle::AuthRequest> auth = m_fake->authRequests();
    QCOMPARE(auth.size(), 1);
    QCOMPARE(auth.first().accessType, u"offline"_s);
    QCOMPARE(auth.first().codeChallengeMethod, u"S256"_s);

    bool ok = false;
    const std::optional<QByteArray> stored = storedTokens(&ok);
    QVERIFY(ok);
    QVERIFY2(stored, "no tokens in the keychain after the sign-in");
    const std::optional<GoogleTokens> tokens = GoogleTokens::fromJson(*stored);
    QVERIFY(tokens);
    QVERIFY(!tokens->accessToken.isEmpty());
    QVERIFY(!tokens->refreshToken.isEmpty());
    QVERIFY(tokens->expiresAt > QDateTime::currentDateTimeUtc());
    QVERIFY(tokens->grantedScopes.contains(FakeGoogle::scopeSend()));
    QVERIFY(tokens->grantedScopes.contains(FakeGoogle::scopeModify()));

    // Signed in: connecting needs no browser and finds the account.
    std::unique_ptr<ConnectorReply> connected(connector.connectToServers());
    QVERIFY(finishes(connected.get()));
    QVERIFY2(!connected->error(), qPrintable(describe(connected->error())));
    QVERIFY(connector.isConnected());
    const ConnectorHealth health = connector.healthCheck();
    QCOMPARE(health.status, ConnectorHealth::Status::Healthy);
    QVERIFY2(health.message.contains("Gmail API"_L1), qPrintable(health.message));
    QCOMPARE(health.details.value(u"backend"_s).toString(), u"gmail"_s);
    QCOMPARE(health.details.value(u"account"_s).toString(), m_fake->emailAddress());
    QCOMPARE(urls.size(), 1);
}

// (b) A restart: a new connector, the same config, an expired access token:
// the stored refresh token gets a new one, no browser.
void TestGmailConnector::restartUsesStoredRefreshToken()
{
    {
        EmailConnector first(config());
        QList<QUrl> urls;
        connect(&first, &EmailConnector::authorizationUrlReady, this, [&urls](const QUrl &url) { urls.append(url); });
        std::unique_ptr<ConnectorReply> signIn(first.signInToGoogle(true));
        QTRY_COMPARE_WITH_TIMEOUT(urls.size(), 1, ReplyTimeoutMs);
        QString browserError;
        QVERIFY2(m_fake->playBrowser(m_browser.get(), urls.first(), &browserError), qPrintable(browserError));
        QVERIFY(finishes(signIn.get()));
        QVERIFY2(!signIn->error(), qPrintable(describe(signIn->error())));
    }
    bool ok = false;
    const std::optional<QByteArray> before = storedTokens(&ok);
    QVERIFY(ok && before);
    m_fake->expireAccessTokens();
    const int refreshes = m_fake->refreshGrants();

    EmailConnector second(config());
    QSignalSpy urlSpy(&second, &EmailConnector::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> connected(second.connectToServers());
    QVERIFY(finishes(connected.get()));
    QVERIFY2(!connected->error(), qPrintable(describe(connected->error())));
    QCOMPARE(urlSpy.size(), 0);
    QCOMPARE(m_fake->authRequests().size(), 1);
    QCOMPARE(m_fake->authorizationCodeGrants(), 1);
    QCOMPARE(m_fake->refreshGrants(), refreshes + 1);
    QCOMPARE(second.healthCheck().details.value(u"account"_s).toString(), m_fake->emailAddress());

    // The new access token was stored; the refresh token kept (the refresh reply has none).
    const std::optional<QByteArray> after = storedTokens(&ok);
    QVERIFY(ok && after);
    const std::optional<GoogleTokens> old = GoogleTokens::fromJson(*before);
    const std::optional<GoogleTokens> now = GoogleTokens::fromJson(*after);
    QVERIFY(old && now);
    QVERIFY(now->accessToken != old->accessToken);
    QCOMPARE(now->refreshToken, old->refreshToken);

    // And it works: a send goes through with the new token.
    std::unique_ptr<SendReply> sent(second.sendMessage(u"someone@example.com"_s, u"after a restart"_s));
    QVERIFY(finishes(sent.get()));
    QVERIFY2(!sent->error(), qPrintable(describe(sent->error())));
    QCOMPARE(urlSpy.size(), 0);
}

// (c) The access token dies between connecting and sending: one 401, one
// refresh, the send retried once and accepted.
void TestGmailConnector::expiredAccessTokenDuringSend()
{
    std::unique_ptr<EmailConnector> connector = connectedConnector();
    QVERIFY(connector);
    const int refreshes = m_fake->refreshGrants();
    m_fake->expireAccessTokens();
    m_fake->clearRecords();

    std::unique_ptr<SendReply> sent(connector->sendMessage(u"someone@example.com"_s, u"token expired meanwhile"_s));
    QVERIFY(finishes(sent.get()));
    QVERIFY2(!sent->error(), qPrintable(describe(sent->error())));
    QCOMPARE(m_fake->refreshGrants(), refreshes + 1);
    QCOMPARE(m_fake->sentRaws().size(), 1);

    QList<int> statuses;
    for (const FakeGoogle::Request &r : m_fake->requests(u"/gmail/v1/users/me/messages/send"_s))
        statuses.append(r.status);
    QCOMPARE(statuses, (QList<int>{401, 200}));
    QCOMPARE(m_fake->requests(u"/token"_s).size(), 1);
    QCOMPARE(connector->healthCheck().status, ConnectorHealth::Status::Healthy);
}

// (d) 429 twice with Retry-After: 1: the send waits, succeeds on the third
// attempt, and health says Degraded while it waits.
void TestGmailConnector::rateLimitedSendIsDegradedMeanwhile()
{
    std::unique_ptr<EmailConnector> connector = connectedConnector();
    QVERIFY(connector);
    QCOMPARE(connector->healthCheck().status, ConnectorHealth::Status::Healthy);
    QList<ConnectorHealth::Status> seen;
    connect(connector.get(), &EmailConnector::healthChanged, this,
            [&seen](const ConnectorHealth &health) { seen.append(health.status); });
    m_fake->clearRecords();
    m_fake->failNextGmailCalls(2, 429, 1);

    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<SendReply> sent(connector->sendMessage(u"someone@example.com"_s, u"slow down"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!seen.isEmpty(), ReplyTimeoutMs);
    QCOMPARE(seen.first(), ConnectorHealth::Status::Degraded);
    const ConnectorHealth meanwhile = connector->healthCheck();
    QCOMPARE(meanwhile.status, ConnectorHealth::Status::Degraded);
    QVERIFY2(meanwhile.message.contains("rate limit"_L1), qPrintable(meanwhile.message));
    QVERIFY2(meanwhile.message.contains("Gmail API"_L1), qPrintable(meanwhile.message));
    QVERIFY(!sent->isFinished());
    QVERIFY(finishes(sent.get()));
    QVERIFY2(!sent->error(), qPrintable(describe(sent->error())));
    QVERIFY2(clock.elapsed() >= 1900, "Retry-After: 1 was not waited out twice");

    QList<int> statuses;
    for (const FakeGoogle::Request &r : m_fake->requests(u"/gmail/v1/users/me/messages/send"_s))
        statuses.append(r.status);
    QCOMPARE(statuses, (QList<int>{429, 429, 200}));
    QCOMPARE(m_fake->sentRaws().size(), 1);
    QCOMPARE(seen.last(), ConnectorHealth::Status::Healthy);
    QCOMPARE(connector->healthCheck().status, ConnectorHealth::Status::Healthy);
}

// A 200 whose body is not the API's JSON (a captive portal's page) is a
// Protocol error naming what came, never an empty success.
void TestGmailConnector::successWithoutJsonIsProtocolError()
{
    std::unique_ptr<EmailConnector> connector = connectedConnector();
    QVERIFY(connector);
    m_fake->failNextGmailCalls(1, 200);
    std::unique_ptr<InboxListReply> listed(connector->listMessages(false, 10));
    QVERIFY(finishes(listed.get()));
    QCOMPARE(listed->error().kind(), ConnectorError::Kind::Protocol);
    QVERIFY2(listed->error().message().contains("not the JSON"_L1), qPrintable(listed->error().message()));
    QVERIFY2(listed->error().message().contains("text/html"_L1), qPrintable(listed->error().message()));
    QVERIFY(listed->messages().isEmpty());
    // The next call is answered properly again, and works.
    std::unique_ptr<InboxListReply> again(connector->listMessages(false, 10));
    QVERIFY(finishes(again.get()));
    QVERIFY2(!again->error(), qPrintable(describe(again->error())));
}

// (d) The same while listening: the poll waits out the 429s, hands the
// message over, and health is back to Healthy once Gmail answers again.
void TestGmailConnector::rateLimitedPollRecovers()
{
    std::unique_ptr<EmailConnector> connector = connectedConnector();
    QVERIFY(connector);
    const QString id = m_fake->addMessage(textMessage(u"alarm@plant.example"_s, m_fake->emailAddress(), u"Busy"_s,
                                                      u"busy@plant.example"_s, u"hello"_s));
    QList<ConnectorHealth::Status> seen;
    connect(connector.get(), &EmailConnector::healthChanged, this,
            [&seen](const ConnectorHealth &health) { seen.append(health.status); });
    m_fake->failNextGmailCalls(2, 429, 1);

    int handled = 0;
    auto handler = [&handled](const IncomingMessage &, std::function<void(const HandlerResult &)> done) {
        ++handled;
        done(HandlerResult::noReply());
    };
    ListenOptions once;
    once.once = true;
    std::unique_ptr<ListenReply> listening(connector->listen(handler, once));
    QVERIFY(finishes(listening.get()));
    QVERIFY2(!listening->error(), qPrintable(describe(listening->error())));
    QCOMPARE(handled, 1);
    QVERIFY(!m_fake->message(id)->labelIds.contains(u"UNREAD"_s));
    QVERIFY(seen.contains(ConnectorHealth::Status::Degraded));
    const ConnectorHealth after = connector->healthCheck();
    QVERIFY2(after.status == ConnectorHealth::Status::Healthy, qPrintable(after.message));
    QCOMPARE(seen.last(), ConnectorHealth::Status::Healthy);
}

// (e) Five unread messages, two per page: listing and listen() both follow
// nextPageToken to the end.
void TestGmailConnector::fetchAndMarkById()
{
    std::unique_ptr<EmailConnector> connector = connectedConnector();
    QVERIFY(connector);
    const QString id = m_fake->addMessage(textMessage(u"Tech <tech@example.com>"_s, m_fake->emailAddress(),
                                                      u"WO-2026-42 done"_s, u"done@example.com"_s, u"Bearing replaced."_s));
    std::unique_ptr<MessageReply> fetched(connector->fetchMessage(u"gmail:"_s + id));
    QVERIFY(finishes(fetched.get()));
    QVERIFY2(!fetched->error(), qPrintable(describe(fetched->error())));
    QCOMPARE(fetched->message().subject, u"WO-2026-42 done"_s);
    QVERIFY(fetched->message().text.startsWith(u"Bearing replaced."_s));
    QVERIFY(m_fake->message(id)->labelIds.contains(u"UNREAD"_s)); // reading is not marking

    std::unique_ptr<ConnectorReply> read(connector->setSeen({u"gmail:"_s + id}, true));
    QVERIFY(finishes(read.get()));
    QVERIFY2(!read->error(), qPrintable(describe(read->error())));
    QVERIFY(!m_fake->message(id)->labelIds.contains(u"UNREAD"_s));
    std::unique_ptr<ConnectorReply> unread(connector->setSeen({u"gmail:"_s + id}, false));
    QVERIFY(finishes(unread.get()));
    QVERIFY2(!unread->error(), qPrintable(describe(unread->error())));
    QVERIFY(m_fake->message(id)->labelIds.contains(u"UNREAD"_s));

    std::unique_ptr<MessageReply> foreign(connector->fetchMessage(u"imap:1:2"_s));
    QVERIFY(finishes(foreign.get()));
    QCOMPARE(foreign->error().kind(), ConnectorError::Kind::Config);
}

void TestGmailConnector::unreadAcrossPages()
{
    std::unique_ptr<EmailConnector> connector = connectedConnector();
    QVERIFY(connector);
    m_fake->setPageSize(2);
    QStringList ids;
    for (int i = 1; i <= 5; ++i) {
        ids.append(m_fake->addMessage(textMessage(u"Sender %1 <sender%1@example.com>"_s.arg(i), m_fake->emailAddress(),
                                                  u"Unread %1"_s.arg(i), u"unread%1@example.com"_s.arg(i),
                                                  u"body %1"_s.arg(i))));
    }
    // Something read in the inbox too: listen() must not hand it out.
    m_fake->addMessage(textMessage(u"old@example.com"_s, m_fake->emailAddress(), u"Already read"_s,
                                   u"read@example.com"_s, u"old"_s),
                       {u"INBOX"_s});
    m_fake->clearRecords();

    std::unique_ptr<InboxListReply> listed(connector->listMessages(false, 0));
    QVERIFY(finishes(listed.get()));
    QVERIFY2(!listed->error(), qPrintable(describe(listed->error())));
    QCOMPARE(listed->messages().size(), 6);
    QStringList unseenSubjects;
    for (const MessageSummary &m : listed->messages()) {
        if (!m.seen)
            unseenSubjects.append(m.subject);
    }
    unseenSubjects.sort();
    QCOMPARE(unseenSubjects, (QStringList{u"Unread 1"_s, u"Unread 2"_s, u"Unread 3"_s, u"Unread 4"_s, u"Unread 5"_s}));
    int listPages = 0;
    for (const FakeGoogle::Request &r : m_fake->requests(u"/gmail/v1/users/me/messages"_s))
        listPages += r.path == "/gmail/v1/users/me/messages"_L1 ? 1 : 0;
    QCOMPARE(listPages, 3); // six messages, two per page

    m_fake->clearRecords();
    QStringList handed;
    auto handler = [&handed](const IncomingMessage &m, std::function<void(const HandlerResult &)> done) {
        handed.append(m.subject);
        done(HandlerResult::noReply());
    };
    ListenOptions once;
    once.once = true;
    std::unique_ptr<ListenReply> listening(connector->listen(handler, once));
    QVERIFY(finishes(listening.get()));
    QVERIFY2(!listening->error(), qPrintable(describe(listening->error())));
    QCOMPARE(listening->received(), 5);
    QCOMPARE(listening->handled(), 5);
    QCOMPARE(listening->failed(), 0);
    handed.sort();
    QCOMPARE(handed, (QStringList{u"Unread 1"_s, u"Unread 2"_s, u"Unread 3"_s, u"Unread 4"_s, u"Unread 5"_s}));

    int pages = 0;
    for (const FakeGoogle::Request &r : m_fake->requests(u"/gmail/v1/users/me/messages"_s)) {
        if (r.path == "/gmail/v1/users/me/messages"_L1) {
            ++pages;
            QCOMPARE(r.query.value(u"q"_s), u"is:unread in:inbox"_s);
        }
    }
    QCOMPARE(pages, 3);
    for (const QString &id : std::as_const(ids)) {
        const std::optional<FakeGoogle::Message> m = m_fake->message(id);
        QVERIFY(m);
        QVERIFY2(!m->labelIds.contains(u"UNREAD"_s), qPrintable(id));
    }
    QCOMPARE(m_fake->modifyCalls().size(), 5);
    QVERIFY(!connector->isListening());
}

// (f) A PDF attachment survives the trip byte for byte.
void TestGmailConnector::sendWithPdfAttachment()
{
    std::unique_ptr<EmailConnector> connector = connectedConnector();
    QVERIFY(connector);
    const QByteArray pdf = pdfBytes();
    SendOptions options;
    options.subject = u"Monthly report"_s;
    options.attachments.append(Attachment{u"report.pdf"_s, u"application/pdf"_s, pdf});
    QSignalSpy sentSpy(connector.get(), &EmailConnector::messageSent);

    std::unique_ptr<SendReply> sent(connector->sendMessage(u"boss@example.com"_s, u"Attached."_s, options));
    QVERIFY(finishes(sent.get()));
    QVERIFY2(!sent->error(), qPrintable(describe(sent->error())));
    QCOMPARE(sentSpy.size(), 1);

    QVERIFY(!m_fake->sentRaws().isEmpty());
    const ParsedMessage parsed = MessageParser::parse(m_fake->sentRaws().last());
    QCOMPARE(parsed.subject, u"Monthly report"_s);
    QCOMPARE(parsed.to.size(), 1);
    QCOMPARE(parsed.to.first().address, u"boss@example.com"_s);
    // No from_address in the config: the account's own address.
    QCOMPARE(parsed.from.address, m_fake->emailAddress());
    QCOMPARE(parsed.text.trimmed(), u"Attached."_s);
    QCOMPARE(parsed.attachments.size(), 1);
    QCOMPARE(parsed.attachments.first().fileName, u"report.pdf"_s);
    QCOMPARE(parsed.attachments.first().contentType, u"application/pdf"_s);
    QCOMPARE(parsed.attachments.first().data, pdf);
    QCOMPARE(parsed.messageId, sent->messageId());
}

// (g) Handlers that fail leave their messages UNREAD (offered again later);
// the others are answered ("Re: <subject>", In-Reply-To) and marked read.
void TestGmailConnector::failingHandlerLeavesThoseUnread()
{
    std::unique_ptr<EmailConnector> connector = connectedConnector();
    QVERIFY(connector);
    struct Seeded
    {
        QString id, subject, messageId, from;
        bool fails;
    };
    QList<Seeded> seeded{
        {{}, u"Pump 1 pressure"_s, u"p1@plant.example"_s, u"alarm@plant.example"_s, false},
        {{}, u"Pump 2 FAIL me"_s, u"p2@plant.example"_s, u"alarm@plant.example"_s, true},
        {{}, u"Re: Valve 3"_s, u"v3@plant.example"_s, u"tech@plant.example"_s, false},
        {{}, u"Valve 4 FAIL me"_s, u"v4@plant.example"_s, u"tech@plant.example"_s, true},
    };
    for (Seeded &s : seeded)
        s.id = m_fake->addMessage(textMessage(s.from, m_fake->emailAddress(), s.subject, s.messageId, u"status?"_s));
    m_fake->clearRecords();

    int calls = 0;
    auto handler = [&calls](const IncomingMessage &m, std::function<void(const HandlerResult &)> done) {
        ++calls;
        if (m.subject.contains("FAIL"_L1)) {
            done(HandlerResult::failed(u"the handler refused"_s));
            return;
        }
        // One answers at once, the other later: both must end the same way.
        if (m.subject.startsWith("Re:"_L1))
            QTimer::singleShot(50, [done] { done(HandlerResult::reply(u"Noted."_s)); });
        else
            done(HandlerResult::reply(u"Noted."_s));
    };
    ListenOptions once;
    once.once = true;
    std::unique_ptr<ListenReply> listening(connector->listen(handler, once));
    QVERIFY(finishes(listening.get()));
    QVERIFY2(!listening->error(), qPrintable(describe(listening->error())));
    QCOMPARE(calls, 4);
    QCOMPARE(listening->received(), 4);
    QCOMPARE(listening->handled(), 2);
    QCOMPARE(listening->failed(), 2);

    QStringList modified;
    for (const FakeGoogle::ModifyCall &call : m_fake->modifyCalls()) {
        QCOMPARE(call.removeLabelIds, QStringList{u"UNREAD"_s});
        QVERIFY(call.addLabelIds.isEmpty());
        QCOMPARE(call.status, 200);
        modified.append(call.id);
    }
    modified.sort();
    QStringList expectedModified;
    for (const Seeded &s : std::as_const(seeded)) {
        if (!s.fails)
            expectedModified.append(s.id);
        const std::optional<FakeGoogle::Message> m = m_fake->message(s.id);
        QVERIFY(m);
        QCOMPARE(m->labelIds.contains(u"UNREAD"_s), s.fails);
    }
    expectedModified.sort();
    QCOMPARE(modified, expectedModified);

    // One reply per handled message, threaded to it.
    const QList<QByteArray> raws = m_fake->sentRaws();
    QCOMPARE(raws.size(), 2);
    QHash<QString, ParsedMessage> replies;
    for (const QByteArray &raw : raws) {
        const ParsedMessage p = MessageParser::parse(raw);
        replies.insert(p.inReplyTo, p);
    }
    for (const Seeded &s : std::as_const(seeded)) {
        if (s.fails) {
            QVERIFY(!replies.contains(s.messageId));
            continue;
        }
        QVERIFY2(replies.contains(s.messageId), qPrintable(s.messageId));
        const ParsedMessage &p = replies[s.messageId];
        QCOMPARE(p.subject, s.subject.startsWith("Re:"_L1) ? s.subject : u"Re: "_s + s.subject);
        QVERIFY(p.references.contains(s.messageId));
        QCOMPARE(p.to.size(), 1);
        QCOMPARE(p.to.first().address, s.from);
        QCOMPARE(p.text.trimmed(), u"Noted."_s);
    }
}

// (h) Google revoked the refresh token: connecting fails with Auth, and the
// dead tokens are gone from the keychain.
void TestGmailConnector::revokedRefreshToken()
{
    QVERIFY(seedTokens());
    m_fake->revokeRefreshTokens();
    m_fake->expireAccessTokens();

    EmailConnector connector(config());
    QSignalSpy urlSpy(&connector, &EmailConnector::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> connected(connector.connectToServers());
    QVERIFY(finishes(connected.get()));
    QCOMPARE(connected->error().kind(), ConnectorError::Kind::Auth);
    QVERIFY2(connected->error().message().contains("gmail-login"_L1), qPrintable(connected->error().message()));
    QCOMPARE(urlSpy.size(), 0);
    QVERIFY(!connector.isConnected());
    QCOMPARE(connector.healthCheck().status, ConnectorHealth::Status::Unhealthy);

    QList<FakeGoogle::TokenRequest> tokenRequests = m_fake->tokenRequests();
    QCOMPARE(tokenRequests.size(), 1);
    QCOMPARE(tokenRequests.first().grantType, u"refresh_token"_s);
    QCOMPARE(tokenRequests.first().error, u"invalid_grant"_s);

    bool ok = false;
    const std::optional<QByteArray> stored = storedTokens(&ok);
    QVERIFY(ok);
    QVERIFY2(!stored, "the revoked tokens are still in the keychain");

    // Nothing left to try with: a second attempt does not even ask Google for a refresh.
    std::unique_ptr<ConnectorReply> again(connector.connectToServers());
    QVERIFY(finishes(again.get()));
    QCOMPARE(again->error().kind(), ConnectorError::Kind::Auth);
    QCOMPARE(m_fake->tokenRequests().size(), 1);
    QCOMPARE(urlSpy.size(), 0);
}

// ---------------------------------------------------------------------------

class TestGmailConnectorNoKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void connectSaysTheKeychainIsMissing();
};

void TestGmailConnectorNoKeychain::initTestCase()
{
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    QVERIFY(qEnvironmentVariableIsEmpty("DISPLAY"));
}

void TestGmailConnectorNoKeychain::connectSaysTheKeychainIsMissing()
{
    FakeGoogle fake;
    QVERIFY(fake.listen());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString clientFile = dir.filePath(u"client.json"_s);
    QFile file(clientFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(fake.clientSecretsJson()) > 0);
    file.close();

    ConnectorConfig config;
    config.gmailCredentialsFile = clientFile;
    config.gmailApiUrl = fake.gmailApiUrl().toString();
    EmailConnector connector(config);
    QSignalSpy urlSpy(&connector, &EmailConnector::authorizationUrlReady);
    std::unique_ptr<ConnectorReply> connected(connector.connectToServers());
    QVERIFY(finishes(connected.get()));
    QCOMPARE(connected->error().kind(), ConnectorError::Kind::Config);
    QVERIFY2(connected->error().message().contains("keychain"_L1, Qt::CaseInsensitive),
             qPrintable(connected->error().message()));
    QCOMPARE(urlSpy.size(), 0);
    QVERIFY(fake.requests().isEmpty());
    QCOMPARE(connector.healthCheck().status, ConnectorHealth::Status::Unhealthy);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariable("MACHINA_KEYCHAIN_MODE") == "keyring"_L1) {
        TestGmailConnector test;
        return QTest::qExec(&test, argc, argv);
    }
    if (qEnvironmentVariable("MACHINA_KEYCHAIN_MODE") == "no-bus"_L1) {
        TestGmailConnectorNoKeychain test;
        return QTest::qExec(&test, argc, argv);
    }
    qCritical("set MACHINA_KEYCHAIN_MODE to keyring (under tests/keychain/with-keyring.sh) or no-bus (no session bus)");
    return 2;
}

#include "tst_gmailconnector.moc"
