// CredentialStore against a real Secret Service (gnome-keyring-daemon on a
// private D-Bus session bus, started by with-keyring.sh), and without one.
//
// One executable, two suites, chosen by MACHINA_KEYCHAIN_MODE so that neither
// can pass in the other's environment:
//   keyring    run under with-keyring.sh: every operation must reach the keyring
//   no-bus     no session bus and no X11 display: every operation must fail
//              with a Config error that names the keychain / Secret Service
//   no-service a session bus that cannot start org.freedesktop.secrets: same

#include "secrets/credentialstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace machina;

namespace {

using ReplyPtr = std::unique_ptr<CredentialReply>;

/// Waits for the reply's single finished(); false on timeout.
[[nodiscard]] bool finishes(CredentialReply *reply)
{
    QSignalSpy spy(reply, &ConnectorReply::finished);
    return spy.wait(10000) && spy.count() == 1 && reply->isFinished();
}

QString errorText(const CredentialReply *reply)
{
    return ConnectorError::kindName(reply->error().kind()) + QStringLiteral(": ") + reply->error().message();
}

/// Runs secret-tool with the attributes QtKeychain's libsecret backend uses
/// (schema org.qt.keychain: user = our key, server = service name,
/// type = base64 for binary data). Returns the exit code and stdout.
struct ToolResult {
    int exitCode = -1;
    QByteArray out;
};

ToolResult secretTool(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral("secret-tool"), args);
    ToolResult result;
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    return result;
}

/// secret-tool search prints one "[<item path>]" line per item, then "name = value" lines.
int itemCount(const QByteArray &searchOutput)
{
    int count = 0;
    for (const QByteArray &line : searchOutput.split('\n')) {
        if (line.startsWith('['))
            ++count;
    }
    return count;
}

ToolResult lookupInSecretService(const QString &key)
{
    return secretTool({QStringLiteral("lookup"), QStringLiteral("user"), key, QStringLiteral("server"),
                       CredentialStore::serviceName(), QStringLiteral("type"), QStringLiteral("base64")});
}

} // namespace

/** The store against a real, unlocked gnome-keyring-daemon. */
class TestKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void finishedIsQueued();
    void probeSucceeds();
    void roundTrip_data();
    void roundTrip();
    void overwrite();
    void readMissingIsNotFound();
    void deleteThenRead();
    void deleteMissing();
    void keysAreIndependent();
    void replyDeletedBeforeFinish();
    void secretNotInPlainFiles();
    void lockedKeyring(); // last: nothing here can unlock the keyring again

private:
    /// Writes and checks the reply; use with QVERIFY.
    [[nodiscard]] bool write(const QString &key, const QByteArray &secret);
    CredentialStore m_store;
};

bool TestKeyring::write(const QString &key, const QByteArray &secret)
{
    ReplyPtr reply(m_store.writeSecret(key, secret));
    if (!finishes(reply.get()))
        return false;
    if (reply->error()) {
        qWarning("write of %s failed: %s", qPrintable(key), qPrintable(errorText(reply.get())));
        return false;
    }
    return !reply->notFound();
}

void TestKeyring::initTestCase()
{
    // Only ever against the private bus and keyring of with-keyring.sh, never
    // a developer's own keyring.
    QVERIFY2(qEnvironmentVariable("MACHINA_TEST_KEYRING") == QLatin1String("1"),
             "run through tests/keychain/with-keyring.sh");
    QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(),
             "secret-tool (libsecret-tools) is needed to check the Secret Service directly");
    // The keyring must really hold our service: a fresh keyring has no items.
    const ToolResult search = secretTool({QStringLiteral("search"), QStringLiteral("--all"),
                                          QStringLiteral("server"), CredentialStore::serviceName()});
    QCOMPARE(search.exitCode, 0);
    QCOMPARE(search.out, QByteArray()); // secret-tool search prints nothing and exits 0 when nothing matches
}

void TestKeyring::finishedIsQueued()
{
    ReplyPtr reply(m_store.readSecret(QStringLiteral("queued")));
    QSignalSpy spy(reply.get(), &ConnectorReply::finished);
    QCOMPARE(spy.count(), 0);
    QVERIFY(!reply->isFinished());
    QVERIFY(spy.wait(10000));
    QCOMPARE(spy.count(), 1);
}

void TestKeyring::probeSucceeds()
{
    ReplyPtr reply(m_store.probe());
    QVERIFY(finishes(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(errorText(reply.get())));
    QVERIFY(reply->notFound()); // nothing wrote the probe key: reached and unlocked
}

void TestKeyring::roundTrip_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("secret");

    QByteArray allBytes;
    for (int i = 0; i < 256; ++i)
        allBytes.append(char(i));

    QTest::addRow("ascii password") << CredentialStore::passwordKey(QStringLiteral("supervisor@plant.test"))
                                    << QByteArray("correct horse battery staple");
    QTest::addRow("nul bytes") << QStringLiteral("nul") << QByteArray("a\0b\0\0c\0", 8);
    QTest::addRow("non-ascii") << CredentialStore::passwordKey(QStringLiteral("técnico@planta.test"))
                               << QStringLiteral("pässwörd-密码-🔑").toUtf8();
    QTest::addRow("all byte values") << QStringLiteral("bytes") << allBytes;
    QTest::addRow("oauth json") << CredentialStore::googleTokenKey(QStringLiteral("1234.apps.googleusercontent.com"))
                                << QByteArray(R"({"access_token":"ya29.x","refresh_token":"1//y","expires_in":3599})");
}

void TestKeyring::roundTrip()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, secret);

    QVERIFY(write(key, secret));

    ReplyPtr read(m_store.readSecret(key));
    QVERIFY(finishes(read.get()));
    QVERIFY2(!read->error(), qPrintable(errorText(read.get())));
    QVERIFY(!read->notFound());
    QCOMPARE(read->secret(), secret);

    // The Secret Service itself holds the entry (not some file of ours).
    const ToolResult lookup = lookupInSecretService(key);
    QCOMPARE(lookup.exitCode, 0);
    QCOMPARE(QByteArray::fromBase64(lookup.out.trimmed()), secret);
}

void TestKeyring::overwrite()
{
    const auto key = CredentialStore::passwordKey(QStringLiteral("overwrite"));
    QVERIFY(write(key, "first"));
    QVERIFY(write(key, "second, longer than the first"));

    ReplyPtr read(m_store.readSecret(key));
    QVERIFY(finishes(read.get()));
    QVERIFY(!read->error());
    QCOMPARE(read->secret(), QByteArray("second, longer than the first"));

    // Replaced, not added: one item for the key.
    const ToolResult search = secretTool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("user"),
                                          key, QStringLiteral("server"), CredentialStore::serviceName()});
    QCOMPARE(search.exitCode, 0);
    QCOMPARE(itemCount(search.out), 1);
}

void TestKeyring::readMissingIsNotFound()
{
    ReplyPtr read(m_store.readSecret(CredentialStore::passwordKey(QStringLiteral("nobody"))));
    QVERIFY(finishes(read.get()));
    QVERIFY2(!read->error(), qPrintable(errorText(read.get())));
    QVERIFY(read->notFound());
    QVERIFY(read->secret().isEmpty());
}

void TestKeyring::deleteThenRead()
{
    const auto key = CredentialStore::passwordKey(QStringLiteral("deleted"));
    QVERIFY(write(key, "to be deleted"));
    QCOMPARE(lookupInSecretService(key).exitCode, 0);

    ReplyPtr removed(m_store.deleteSecret(key));
    QVERIFY(finishes(removed.get()));
    QVERIFY2(!removed->error(), qPrintable(errorText(removed.get())));
    QVERIFY(!removed->notFound());

    ReplyPtr read(m_store.readSecret(key));
    QVERIFY(finishes(read.get()));
    QVERIFY(!read->error());
    QVERIFY(read->notFound());
    QVERIFY(read->secret().isEmpty());
    QCOMPARE(lookupInSecretService(key).exitCode, 1); // gone from the Secret Service too
}

void TestKeyring::deleteMissing()
{
    ReplyPtr removed(m_store.deleteSecret(CredentialStore::passwordKey(QStringLiteral("never-written"))));
    QVERIFY(finishes(removed.get()));
    QVERIFY2(!removed->error(), qPrintable(errorText(removed.get())));
    QVERIFY(removed->notFound());
}

void TestKeyring::keysAreIndependent()
{
    const auto first = CredentialStore::passwordKey(QStringLiteral("first@plant.test"));
    const auto second = CredentialStore::passwordKey(QStringLiteral("second@plant.test"));
    QVERIFY(write(first, "one"));
    QVERIFY(write(second, "two"));

    ReplyPtr readFirst(m_store.readSecret(first));
    QVERIFY(finishes(readFirst.get()));
    ReplyPtr readSecond(m_store.readSecret(second));
    QVERIFY(finishes(readSecond.get()));
    QCOMPARE(readFirst->secret(), QByteArray("one"));
    QCOMPARE(readSecond->secret(), QByteArray("two"));

    ReplyPtr removed(m_store.deleteSecret(first));
    QVERIFY(finishes(removed.get()));
    QVERIFY(!removed->error());

    ReplyPtr again(m_store.readSecret(second));
    QVERIFY(finishes(again.get()));
    QVERIFY(!again->error());
    QCOMPARE(again->secret(), QByteArray("two"));
    QCOMPARE(lookupInSecretService(first).exitCode, 1);
    QCOMPARE(lookupInSecretService(second).exitCode, 0);
}

void TestKeyring::replyDeletedBeforeFinish()
{
    // The caller may drop a reply at once; the job must finish unharmed (ASan
    // watches) and its result must go nowhere.
    const auto key = CredentialStore::passwordKey(QStringLiteral("dropped"));
    delete m_store.writeSecret(key, "written anyway");
    delete m_store.readSecret(key);

    // Requests on one D-Bus connection are answered in order, so once this
    // read finishes the dropped jobs have finished too.
    ReplyPtr read(m_store.readSecret(key));
    QVERIFY(finishes(read.get()));
    QVERIFY(!read->error());
    QCOMPARE(read->secret(), QByteArray("written anyway"));
}

void TestKeyring::secretNotInPlainFiles()
{
    // gnome-keyring encrypts login.keyring with the unlock password; neither
    // the secret nor QtKeychain's base64 of it may appear in any file.
    const QByteArray secret = "plaintext-canary-7f3a9c";
    QVERIFY(write(QStringLiteral("canary"), secret));

    const QString home = QDir::homePath();
    QVERIFY2(QFile::exists(home + QStringLiteral("/.local/share/keyrings/login.keyring")),
             "the keyring file should be in the private HOME of with-keyring.sh");
    int files = 0;
    for (const QString &root : {home, qEnvironmentVariable("XDG_RUNTIME_DIR")}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++files;
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(secret), qPrintable(file.fileName()));
            QVERIFY2(!content.contains(secret.toBase64()), qPrintable(file.fileName()));
        }
    }
    QVERIFY(files > 0);
}

void TestKeyring::lockedKeyring()
{
    // Locked with no prompter (no display), libsecret reports a locked item as
    // missing and "deletes" it without effect: the store must say "locked".
    const auto key = CredentialStore::passwordKey(QStringLiteral("locked@plant.test"));
    QVERIFY(write(key, "kept under lock"));

    QProcess lock;
    lock.start(QStringLiteral("dbus-send"),
               {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                QStringLiteral("--dest=org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                QStringLiteral("array:objpath:/org/freedesktop/secrets/aliases/default")});
    QVERIFY(lock.waitForFinished(10000));
    QCOMPARE(lock.exitCode(), 0);

    const auto expectLocked = [](CredentialReply *raw) {
        ReplyPtr reply(raw);
        QVERIFY(finishes(reply.get()));
        QCOMPARE(reply->error().kind(), ConnectorError::Kind::Auth);
        QVERIFY2(reply->error().message().contains(QLatin1String("locked")), qPrintable(errorText(reply.get())));
        QVERIFY(!reply->notFound());
        QVERIFY(reply->secret().isEmpty());
    };
    expectLocked(m_store.readSecret(key));
    if (QTest::currentTestFailed())
        return;
    expectLocked(m_store.deleteSecret(key));
    if (QTest::currentTestFailed())
        return;
    expectLocked(m_store.writeSecret(key, "new value"));
    if (QTest::currentTestFailed())
        return;
    expectLocked(m_store.probe());
    if (QTest::currentTestFailed())
        return;

    // Still there, unchanged, behind the lock.
    const ToolResult search = secretTool({QStringLiteral("search"), QStringLiteral("user"), key,
                                          QStringLiteral("server"), CredentialStore::serviceName()});
    QCOMPARE(itemCount(search.out), 1);

    // A key that really is missing needs no unlocking: still just "not found".
    ReplyPtr missing(m_store.readSecret(CredentialStore::passwordKey(QStringLiteral("nobody"))));
    QVERIFY(finishes(missing.get()));
    QVERIFY2(!missing->error(), qPrintable(errorText(missing.get())));
    QVERIFY(missing->notFound());
}

/** Without a reachable Secret Service every operation fails with Config. */
class TestNoKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fails_data();
    void fails();

private:
    CredentialStore m_store;
};

void TestNoKeychain::initTestCase()
{
    const QString mode = qEnvironmentVariable("MACHINA_KEYCHAIN_MODE");
    if (mode == QLatin1String("no-bus")) {
        // Neither a bus nor a way for GDBus to autolaunch one.
        QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
        QVERIFY(qEnvironmentVariableIsEmpty("DISPLAY"));
    } else {
        QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    }
}

void TestNoKeychain::fails_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addRow("probe") << QStringLiteral("probe");
    QTest::addRow("read") << QStringLiteral("read");
    QTest::addRow("write") << QStringLiteral("write");
    QTest::addRow("delete") << QStringLiteral("delete");
}

void TestNoKeychain::fails()
{
    QFETCH(QString, operation);
    const auto key = CredentialStore::passwordKey(QStringLiteral("supervisor@plant.test"));
    const QByteArray secret = "never-shown-secret";

    ReplyPtr reply;
    if (operation == QLatin1String("probe"))
        reply.reset(m_store.probe());
    else if (operation == QLatin1String("read"))
        reply.reset(m_store.readSecret(key));
    else if (operation == QLatin1String("write"))
        reply.reset(m_store.writeSecret(key, secret));
    else
        reply.reset(m_store.deleteSecret(key));

    QVERIFY(finishes(reply.get()));
    qInfo("%s: %s", qPrintable(operation), qPrintable(errorText(reply.get())));
    QCOMPARE(reply->error().kind(), ConnectorError::Kind::Config);
    const QString message = reply->error().message();
    QVERIFY(message.startsWith(QLatin1String("No keychain available:")));
    QVERIFY(message.contains(QLatin1String("Secret Service")));
    QVERIFY(message.contains(QLatin1String("GNOME Keyring or KWallet")));
    QVERIFY(!message.contains(QLatin1String(secret)));
    QVERIFY(!reply->notFound());
    QVERIFY(reply->secret().isEmpty());
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString mode = qEnvironmentVariable("MACHINA_KEYCHAIN_MODE");
    if (mode == QLatin1String("keyring")) {
        TestKeyring test;
        return QTest::qExec(&test, argc, argv);
    }
    if (mode == QLatin1String("no-bus") || mode == QLatin1String("no-service")) {
        TestNoKeychain test;
        return QTest::qExec(&test, argc, argv);
    }
    qCritical("set MACHINA_KEYCHAIN_MODE to keyring (under with-keyring.sh), no-bus or no-service");
    return 2;
}

#include "tst_credentialstore.moc"
