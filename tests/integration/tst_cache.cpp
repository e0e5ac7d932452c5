// The offline inbox cache against real Dovecot, on a stack of this test's own
// (it stops Dovecot): `inbox --offline` lists the cached rows with Dovecot
// stopped; a flag set and a message expunged by another client (doveadm) come
// in through QRESYNC, and a resync with nothing new fetches no headers; a new
// UIDVALIDITY rebuilds the cache; a kept session (the console's) follows
// changes and new mail, and a message opened once can be read offline.
// Every machina-mail run has a data directory (XDG_DATA_HOME) of its test.

#include "emailconnector.h"
#include "mailstack.h"
#include "store/messagecache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace machina;

namespace {

const QString kStackDir = QStringLiteral(MACHINA_BINARY_DIR "/tests/integration/cache-stack");

bool finishes(ConnectorReply *reply, int ms = 30000)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ConnectorReply::finished);
    return spy.wait(ms);
}

/// The client's lines of a --verbose transcript that hold @p text.
int clientLinesWith(const QString &transcript, const QString &text)
{
    int n = 0;
    for (const QString &line : transcript.split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1String("C: ")) && line.contains(text))
            ++n;
    }
    return n;
}

QList<quint32> uidsOf(const QJsonArray &rows)
{
    QList<quint32> out;
    for (const QJsonValue &v : rows)
        out.append(quint32(v.toObject().value(QStringLiteral("uid")).toInteger()));
    return out;
}

QJsonObject rowWithUid(const QJsonArray &rows, quint32 uid)
{
    for (const QJsonValue &v : rows) {
        if (quint32(v.toObject().value(QStringLiteral("uid")).toInteger()) == uid)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void offlineListsTheCacheWithDovecotStopped();
    void emptyCacheListsNothingOffline();
    void qresyncBringsFlagsAndExpungesOfAnotherClient();
    void newUidValidityRebuildsTheCache();
    void keptSessionFollowsChangesAndOpenedMessagesReadOffline();
    void condstoreOnlyAndPlainServersKeepTheCacheRight();

private:
    bool stack(const QString &action);
    /// Dovecot restarted announcing only @p capabilities after login (imap_capability); empty: its own again.
    bool announce(const QString &capabilities);
    /// doveadm (the stack's config) with @p args; false (and the output in a warning) when it failed.
    bool doveadm(const QStringList &args, const QByteArray &input = {});
    /// Saves @p count messages into @p user's INBOX with doveadm (UIDs in order).
    bool seed(const QString &user, int count, const QString &subjectPrefix);
    QString writeYaml(const QString &user);
    /// `machina-mail inbox --config ... ARGS` for @p user with @p dataHome as XDG_DATA_HOME.
    CliRun inbox(const QString &user, const QString &dataHome, const QStringList &args);
    /// inbox --json ARGS, parsed; fails the test (empty array, @p ok false) when it did not exit 0.
    QJsonArray inboxJson(const QString &user, const QString &dataHome, const QStringList &args, bool *ok,
                         CliRun *run = nullptr);

    PrivateMailStack m_private{kStackDir};
    MailStack m_stack;
    QStringList m_doveadm;
    QTemporaryDir m_dir;
    int m_seeded = 0;
    QByteArray m_dovecotConf;   ///< as mailstack.sh wrote it
};

bool TestCache::stack(const QString &action)
{
    return m_private.run(action);
}

void TestCache::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(!qEnvironmentVariableIsEmpty("MACHINA_MAIL"));
    QString error;
    QVERIFY2(m_private.start(QStringLiteral("offline resync renumber kept legacy"), &error), qPrintable(error));
    m_stack = m_private.stack();
    // MAILSTACK_DOVEADM="doveadm -c DIR/dovecot/dovecot.conf", written with printf %q.
    QFile env(kStackDir + QStringLiteral("/env"));
    QVERIFY(env.open(QIODevice::ReadOnly));
    while (!env.atEnd()) {
        const QString line = QString::fromUtf8(env.readLine()).trimmed();
        if (!line.startsWith(QLatin1String("MAILSTACK_DOVEADM=")))
            continue;
        QString value = line.mid(int(qstrlen("MAILSTACK_DOVEADM=")));
        if (value.size() >= 2 && (value.startsWith(QLatin1Char('\'')) || value.startsWith(QLatin1Char('"'))))
            value = value.mid(1, value.size() - 2);
        value.replace(QStringLiteral("\\ "), QStringLiteral("\x01"));
        for (QString word : value.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            m_doveadm.append(word.replace(QLatin1Char('\x01'), QLatin1Char(' ')));
    }
    QVERIFY2(m_doveadm.size() >= 3, "MAILSTACK_DOVEADM missing from the stack's env");
    QFile conf(kStackDir + QStringLiteral("/dovecot/dovecot.conf"));
    QVERIFY(conf.open(QIODevice::ReadOnly));
    m_dovecotConf = conf.readAll();
}

bool TestCache::announce(const QString &capabilities)
{
    QFile conf(kStackDir + QStringLiteral("/dovecot/dovecot.conf"));
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    conf.write(m_dovecotConf);
    if (!capabilities.isEmpty())
        conf.write("\nimap_capability = " + capabilities.toUtf8() + "\n");
    conf.close();
    return stack(QStringLiteral("stop-dovecot")) && stack(QStringLiteral("start-dovecot"));
}

void TestCache::cleanupTestCase()
{
    stack(QStringLiteral("stop"));
}

bool TestCache::doveadm(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_doveadm.first(), m_doveadm.mid(1) + args);
    if (!p.waitForStarted(10000))
        return false;
    p.write(input);
    p.closeWriteChannel();
    const bool ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok)
        qWarning().noquote() << "doveadm" << args.join(QLatin1Char(' ')) << "failed:" << p.readAll();
    return ok;
}

bool TestCache::seed(const QString &user, int count, const QString &subjectPrefix)
{
    for (int i = 0; i < count; ++i) {
        const int n = ++m_seeded;
        const QByteArray message =
            "From: Alarm system <alarm@" + m_stack.domain.toUtf8() + ">\r\n"
            "To: " + m_stack.address(user).toUtf8() + "\r\n"
            "Subject: " + subjectPrefix.toUtf8() + ' ' + QByteArray::number(i) + "\r\n"
            "Date: " + QDateTime::currentDateTimeUtc().addSecs(n).toString(Qt::RFC2822Date).toUtf8() + "\r\n"
            "Message-ID: <cache-" + QByteArray::number(n) + "@machina.test>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Seeded message " + QByteArray::number(n) + " of the cache test.\r\n";
        if (!doveadm({QStringLiteral("save"), QStringLiteral("-u"), m_stack.address(user), QStringLiteral("-m"),
                      QStringLiteral("INBOX")},
                     message))
            return false;
    }
    return true;
}

QString TestCache::writeYaml(const QString &user)
{
    const QString path = m_dir.filePath(user + QStringLiteral(".yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    QTextStream yaml(&file);
    yaml << "connectors:\n  email:\n    type: email\n"
         << "    smtp_host: " << m_stack.host << "\n"
         << "    smtp_port: " << m_stack.smtpsPort << "\n"
         << "    imap_host: " << m_stack.host << "\n"
         << "    imap_port: " << m_stack.imapsPort << "\n"
         << "    username: " << m_stack.address(user) << "\n"
         << "    password: ${MACHINA_TEST_PASSWORD}\n"
         << "    ca_file: " << m_stack.caFile << "\n"
         << "    timeout: 10\n";
    return path;
}

CliRun TestCache::inbox(const QString &user, const QString &dataHome, const QStringList &args)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), MailStack::password(user));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    return runMachinaMail(QStringList{QStringLiteral("inbox"), QStringLiteral("--config"), writeYaml(user)} + args, env);
}

QJsonArray TestCache::inboxJson(const QString &user, const QString &dataHome, const QStringList &args, bool *ok,
                                CliRun *runOut)
{
    const CliRun run = inbox(user, dataHome, QStringList{QStringLiteral("--json")} + args);
    if (runOut)
        *runOut = run;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &parseError);
    *ok = run.exitCode == 0 && doc.isArray();
    if (!*ok)
        qWarning().noquote() << "inbox" << args.join(QLatin1Char(' ')) << "exited" << run.exitCode << run.err.right(2000);
    return doc.array();
}

void TestCache::offlineListsTheCacheWithDovecotStopped()
{
    QVERIFY(seed(QStringLiteral("offline"), 4, QStringLiteral("Offline alarm")));
    QTemporaryDir data;
    bool ok = false;
    const QJsonArray online = inboxJson(QStringLiteral("offline"), data.path(), {QStringLiteral("--limit"), QStringLiteral("0")}, &ok);
    QVERIFY(ok);
    QCOMPARE(online.size(), 4);

    QVERIFY(stack(QStringLiteral("stop-dovecot")));
    auto restart = qScopeGuard([this] { stack(QStringLiteral("start-dovecot")); });

    const QJsonArray offline = inboxJson(QStringLiteral("offline"), data.path(),
                                         {QStringLiteral("--offline"), QStringLiteral("--limit"), QStringLiteral("0")}, &ok);
    QVERIFY(ok);
    QCOMPARE(offline, online); // the same rows, keys and values as the server's listing
    const QJsonArray newestTwo = inboxJson(QStringLiteral("offline"), data.path(),
                                           {QStringLiteral("--offline"), QStringLiteral("--unseen"), QStringLiteral("--limit"),
                                            QStringLiteral("2")}, &ok);
    QVERIFY(ok);
    QCOMPARE(uidsOf(newestTwo), uidsOf(online).mid(0, 2));

    const CliRun table = inbox(QStringLiteral("offline"), data.path(), {QStringLiteral("--offline")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(QLatin1String("Offline alarm 3")), qPrintable(table.out));
    QVERIFY2(table.err.isEmpty(), qPrintable(table.err));

    // Without --offline the server is needed: a network failure, as before the cache.
    const CliRun down = inbox(QStringLiteral("offline"), data.path(), {});
    QCOMPARE(down.exitCode, 4);
}

void TestCache::emptyCacheListsNothingOffline()
{
    QTemporaryDir data;
    CliRun run;
    bool ok = false;
    const QJsonArray rows = inboxJson(QStringLiteral("offline"), data.path(), {QStringLiteral("--offline")}, &ok, &run);
    QVERIFY(ok);
    QVERIFY(rows.isEmpty());
    QVERIFY2(run.err.contains(QLatin1String("nothing is cached yet")), qPrintable(run.err));
}

void TestCache::qresyncBringsFlagsAndExpungesOfAnotherClient()
{
    const QString user = QStringLiteral("resync");
    QVERIFY(seed(user, 5, QStringLiteral("Resync alarm")));
    QTemporaryDir data;
    const QStringList all = {QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--verbose")};
    bool ok = false;
    CliRun run;
    const QJsonArray first = inboxJson(user, data.path(), all, &ok, &run);
    QVERIFY(ok);
    QCOMPARE(first.size(), 5);
    QVERIFY(clientLinesWith(run.err, QStringLiteral("ENVELOPE")) >= 1); // the cold listing fetched the headers
    const QList<quint32> uids = uidsOf(first);                           // newest first
    const quint32 readElsewhere = uids.at(1);
    const quint32 expungedElsewhere = uids.at(3);

    QVERIFY(doveadm({QStringLiteral("flags"), QStringLiteral("add"), QStringLiteral("-u"), m_stack.address(user),
                     QStringLiteral("\\Seen"), QStringLiteral("mailbox"), QStringLiteral("INBOX"), QStringLiteral("uid"),
                     QString::number(readElsewhere)}));
    QVERIFY(doveadm({QStringLiteral("expunge"), QStringLiteral("-u"), m_stack.address(user), QStringLiteral("mailbox"),
                     QStringLiteral("INBOX"), QStringLiteral("uid"), QString::number(expungedElsewhere)}));

    const QJsonArray second = inboxJson(user, data.path(), all, &ok, &run);
    QVERIFY(ok);
    static const QRegularExpression qresyncSelect(QStringLiteral("C: \\S+ SELECT \"INBOX\" \\(QRESYNC \\(\\d+ \\d+\\)\\)"));
    QVERIFY2(qresyncSelect.match(run.err).hasMatch(), qPrintable(run.err.right(3000)));
    QVERIFY2(run.err.contains(QLatin1String("VANISHED (EARLIER)")), qPrintable(run.err.right(3000)));
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("ENVELOPE")), 0);
    QCOMPARE(second.size(), 4);
    QVERIFY(!uidsOf(second).contains(expungedElsewhere));
    QCOMPARE(rowWithUid(second, readElsewhere).value(QStringLiteral("seen")).toBool(), true);
    QCOMPARE(rowWithUid(second, uids.at(0)).value(QStringLiteral("seen")).toBool(), false);

    // Nothing changed: the SELECT alone resyncs; no FETCH, no SEARCH.
    const QJsonArray third = inboxJson(user, data.path(), all, &ok, &run);
    QVERIFY(ok);
    QCOMPARE(third, second);
    QVERIFY2(qresyncSelect.match(run.err).hasMatch(), qPrintable(run.err.right(3000)));
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("UID FETCH")), 0);
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("UID SEARCH")), 0);

    // One new message: its headers alone are fetched.
    QVERIFY(seed(user, 1, QStringLiteral("Resync new alarm")));
    const QJsonArray fourth = inboxJson(user, data.path(), all, &ok, &run);
    QVERIFY(ok);
    QCOMPARE(fourth.size(), 5);
    QCOMPARE(fourth.first().toObject().value(QStringLiteral("subject")).toString(), QStringLiteral("Resync new alarm 0"));
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("ENVELOPE")), 1);
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("UID SEARCH")), 0);
}

void TestCache::newUidValidityRebuildsTheCache()
{
    const QString user = QStringLiteral("renumber");
    QVERIFY(seed(user, 3, QStringLiteral("Renumber alarm")));
    QTemporaryDir data;
    const QStringList all = {QStringLiteral("--limit"), QStringLiteral("0")};
    bool ok = false;
    const QJsonArray before = inboxJson(user, data.path(), all, &ok);
    QVERIFY(ok);
    QCOMPARE(before.size(), 3);
    const QString oldValidity = before.first().toObject().value(QStringLiteral("id")).toString().section(QLatin1Char(':'), 1, 1);
    const QString newValidity = QString::number(oldValidity.toULongLong() + 1000);

    QVERIFY(doveadm({QStringLiteral("mailbox"), QStringLiteral("update"), QStringLiteral("--uid-validity"), newValidity,
                     QStringLiteral("-u"), m_stack.address(user), QStringLiteral("INBOX")}));

    CliRun run;
    const QJsonArray after = inboxJson(user, data.path(), all + QStringList{QStringLiteral("--verbose")}, &ok, &run);
    QVERIFY(ok);
    QCOMPARE(after.size(), 3);
    for (const QJsonValue &v : after)
        QCOMPARE(v.toObject().value(QStringLiteral("id")).toString().section(QLatin1Char(':'), 1, 1), newValidity);
    QVERIFY2(run.err.contains(QLatin1String("the cache is dropped")) || run.err.contains(QLatin1String("the cache is rebuilt")),
             qPrintable(run.err.right(3000)));
    QVERIFY(clientLinesWith(run.err, QStringLiteral("ENVELOPE")) >= 1); // every header again

    const QJsonArray offline = inboxJson(user, data.path(), all + QStringList{QStringLiteral("--offline")}, &ok);
    QVERIFY(ok);
    QCOMPARE(offline, after);
}

void TestCache::keptSessionFollowsChangesAndOpenedMessagesReadOffline()
{
    const QString user = QStringLiteral("kept");
    QVERIFY(seed(user, 3, QStringLiteral("Kept alarm")));
    QTemporaryDir data;
    ConnectorConfig config = m_stack.config(user);
    config.timeout = 10;
    EmailConnector connector(config);
    QVERIFY(!connector.openStore(data.filePath(QStringLiteral("store.sqlite"))));

    std::unique_ptr<InboxListReply> listed(connector.listMessages(false, 0));
    QVERIFY(finishes(listed.get()));
    QVERIFY2(!listed->error(), qPrintable(listed->error().message()));
    const QList<MessageSummary> rows = listed->messages();
    QCOMPARE(rows.size(), 3);
    QStringList ids;
    for (const MessageSummary &m : rows)
        ids.append(m.id);

    // Another client reads one and expunges one; a message arrives.
    QVERIFY(doveadm({QStringLiteral("flags"), QStringLiteral("add"), QStringLiteral("-u"), m_stack.address(user),
                     QStringLiteral("\\Seen"), QStringLiteral("mailbox"), QStringLiteral("INBOX"), QStringLiteral("uid"),
                     QString::number(rows.at(2).uid)}));
    QVERIFY(doveadm({QStringLiteral("expunge"), QStringLiteral("-u"), m_stack.address(user), QStringLiteral("mailbox"),
                     QStringLiteral("INBOX"), QStringLiteral("uid"), QString::number(rows.at(1).uid)}));
    QVERIFY(seed(user, 1, QStringLiteral("Kept new alarm")));

    // As the console's: ids of a UID that no longer exists and of another UIDVALIDITY are gone too.
    const QString validity = ids.first().section(QLatin1Char(':'), 1, 1);
    const QString gone = QStringLiteral("imap:%1:4000000000").arg(validity);
    const QString otherValidity = QStringLiteral("imap:1:1");
    std::unique_ptr<InboxListReply> synced(connector.syncInbox(ids + QStringList{gone, otherValidity}, 0));
    QVERIFY(finishes(synced.get()));
    QVERIFY2(!synced->error(), qPrintable(synced->error().message()));
    QCOMPARE(synced->messages().size(), 1);
    const MessageSummary fresh = synced->messages().first();
    QCOMPARE(fresh.subject, QStringLiteral("Kept new alarm 0"));
    QStringList removed = synced->removedIds();
    removed.sort();
    QStringList expectedRemoved{rows.at(1).id, gone, otherValidity};
    expectedRemoved.sort();
    QCOMPARE(removed, expectedRemoved);
    const QHash<QString, bool> seen = synced->seenStates();
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen.value(rows.at(2).id), true);
    QCOMPARE(seen.value(rows.at(0).id), false);

    // The cache alone says the same.
    std::unique_ptr<InboxListReply> cached(connector.listCachedMessages(false, 0));
    QVERIFY(finishes(cached.get()));
    QVERIFY(!cached->error());
    QStringList cachedIds;
    for (const MessageSummary &m : cached->messages())
        cachedIds.append(m.id);
    QCOMPARE(cachedIds, (QStringList{fresh.id, rows.at(0).id, rows.at(2).id}));
    const MessageCache::MailboxState state = connector.messageCache()->mailboxState(QStringLiteral("INBOX"));
    QVERIFY(state.highestModSeq > 0);

    // A read mark made here shows in the cache at once.
    std::unique_ptr<ConnectorReply> marked(connector.setSeen({rows.at(0).id}, true));
    QVERIFY(finishes(marked.get()));
    QVERIFY(!marked->error());
    QCOMPARE(connector.messageCache()->seenStates(QStringLiteral("INBOX"), true, 0),
             (QList<MessageCache::SeenState>{{fresh.uid, false}}));

    // Opened once, readable offline; one never opened is not.
    std::unique_ptr<MessageReply> opened(connector.fetchMessage(fresh.id));
    QVERIFY(finishes(opened.get()));
    QVERIFY2(!opened->error(), qPrintable(opened->error().message()));
    QVERIFY(stack(QStringLiteral("stop-dovecot")));
    auto restart = qScopeGuard([this] { stack(QStringLiteral("start-dovecot")); });
    std::unique_ptr<MessageReply> again(connector.fetchMessage(fresh.id));
    QVERIFY(finishes(again.get()));
    QVERIFY2(!again->error(), qPrintable(again->error().message()));
    QCOMPARE(again->message().subject, QStringLiteral("Kept new alarm 0"));
    QVERIFY(again->message().text.contains(QLatin1String("of the cache test")));
    std::unique_ptr<MessageReply> never(connector.fetchMessage(rows.at(0).id));
    QVERIFY(finishes(never.get()));
    QCOMPARE(never->error().kind(), ConnectorError::Kind::Network);

    // Back online, the same connector lists again (a new session, QRESYNC SELECT).
    restart.dismiss();
    QVERIFY(stack(QStringLiteral("start-dovecot")));
    std::unique_ptr<InboxListReply> relisted(connector.listMessages(false, 0));
    QVERIFY(finishes(relisted.get()));
    QVERIFY2(!relisted->error(), qPrintable(relisted->error().message()));
    QCOMPARE(relisted->messages().size(), 3);
}

void TestCache::condstoreOnlyAndPlainServersKeepTheCacheRight()
{
    const QString user = QStringLiteral("legacy");
    QVERIFY(seed(user, 5, QStringLiteral("Legacy alarm")));
    const QString common = QStringLiteral("IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ UIDPLUS NAMESPACE UNSELECT ESEARCH");
    QVERIFY(announce(common + QStringLiteral(" CONDSTORE")));
    auto restore = qScopeGuard([this] { announce({}); });
    QTemporaryDir data;
    const QStringList all = {QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--verbose")};
    bool ok = false;
    CliRun run;
    const QJsonArray first = inboxJson(user, data.path(), all, &ok, &run);
    QVERIFY(ok);
    QCOMPARE(first.size(), 5);
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("ENABLE QRESYNC")), 0);
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("SELECT \"INBOX\" (CONDSTORE)")), 1);
    const QList<quint32> uids = uidsOf(first); // newest first
    const auto markSeen = [this, user](quint32 uid) {
        return doveadm({QStringLiteral("flags"), QStringLiteral("add"), QStringLiteral("-u"), m_stack.address(user),
                        QStringLiteral("\\Seen"), QStringLiteral("mailbox"), QStringLiteral("INBOX"), QStringLiteral("uid"),
                        QString::number(uid)});
    };
    const auto expunge = [this, user](quint32 uid) {
        return doveadm({QStringLiteral("expunge"), QStringLiteral("-u"), m_stack.address(user), QStringLiteral("mailbox"),
                        QStringLiteral("INBOX"), QStringLiteral("uid"), QString::number(uid)});
    };

    // CONDSTORE alone: CHANGEDSINCE for the flags, UID SEARCH ALL for the expunges; no headers.
    QVERIFY(markSeen(uids.at(0)));
    QVERIFY(expunge(uids.at(1)));
    const QJsonArray second = inboxJson(user, data.path(), all, &ok, &run);
    QVERIFY(ok);
    QVERIFY2(clientLinesWith(run.err, QStringLiteral("CHANGEDSINCE")) == 1, qPrintable(run.err.right(3000)));
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("UID SEARCH")), 1);
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("ENVELOPE")), 0);
    QCOMPARE(uidsOf(second), (QList<quint32>{uids.at(0), uids.at(2), uids.at(3), uids.at(4)}));
    QCOMPARE(rowWithUid(second, uids.at(0)).value(QStringLiteral("seen")).toBool(), true);

    // Neither: UID SEARCH ALL, the FLAGS of the cached rows, the headers of the new one only.
    QVERIFY(announce(common));
    QVERIFY(markSeen(uids.at(2)));
    QVERIFY(expunge(uids.at(3)));
    QVERIFY(seed(user, 1, QStringLiteral("Legacy new alarm")));
    const QJsonArray third = inboxJson(user, data.path(), all, &ok, &run);
    QVERIFY(ok);
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("CONDSTORE")), 0);
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("CHANGEDSINCE")), 0);
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("(UID FLAGS)")), 1);
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("ENVELOPE")), 1);
    QCOMPARE(third.size(), 4);
    QCOMPARE(third.first().toObject().value(QStringLiteral("subject")).toString(), QStringLiteral("Legacy new alarm 0"));
    QVERIFY(!uidsOf(third).contains(uids.at(3)));
    QCOMPARE(rowWithUid(third, uids.at(2)).value(QStringLiteral("seen")).toBool(), true);
    QCOMPARE(rowWithUid(third, uids.at(0)).value(QStringLiteral("seen")).toBool(), true);

    // Back to QRESYNC: the cache (no HIGHESTMODSEQ from the plain server) is resynced whole once, then by SELECT.
    restore.dismiss();
    QVERIFY(announce({}));
    const QJsonArray fourth = inboxJson(user, data.path(), all, &ok, &run);
    QVERIFY(ok);
    QCOMPARE(fourth, third);
    const QJsonArray fifth = inboxJson(user, data.path(), all, &ok, &run);
    QVERIFY(ok);
    QCOMPARE(fifth, third);
    static const QRegularExpression qresyncSelect(QStringLiteral("C: \\S+ SELECT \"INBOX\" \\(QRESYNC \\(\\d+ \\d+\\)\\)"));
    QVERIFY2(qresyncSelect.match(run.err).hasMatch(), qPrintable(run.err.right(3000)));
    QCOMPARE(clientLinesWith(run.err, QStringLiteral("UID FETCH")), 0);
}

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
