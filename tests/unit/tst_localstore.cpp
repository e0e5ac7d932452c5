// LocalStore and Outbox on real SQLite files in a temporary directory: the
// schema and its migrations, the outbox's state transitions, claims of dead
// processes, a damaged file moved aside with its queued mail carried over,
// a locked store, and the owner-only permissions.
#include "store/localstore.h"
#include "store/outbox.h"
#include "store/processidentity.h"
#include "store/storeschema.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace machina;
using State = OutboxEntry::State;
using Step = OutboxEntry::Step;

namespace {

OutboxEntry message(const QString &id, const QString &replyTo = {})
{
    OutboxEntry e;
    e.messageId = id;
    e.envelopeFrom = QStringLiteral("supervisor@example.test");
    e.recipients = {QStringLiteral("tech1@example.test"), QStringLiteral("tech2@example.test")};
    e.subject = QStringLiteral("Pump P-101: pressure alarm");
    e.data = "Message-ID: <" + id.toUtf8() + ">\r\nSubject: x\r\n\r\nbody\r\n";
    e.origin = QStringLiteral("notify");
    e.replyToId = replyTo;
    return e;
}

int fileMode(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
    }

    void freshStoreIsCurrentAndOwnerOnly();
    void oldSchemaIsMigratedKeepingItsRows();
    void newerSchemaIsRefusedUntouched();
    void outboxStateTransitions();
    void retryAndCancelRules();
    void deadClaimIsRecoveredAsPossibleDuplicate();
    void liveClaimIsLeftAlone();
    void findsByMessageIdOrNumber();
    void damagedFileIsMovedAsideAndQueuedMailCarriedOver();
    void garbageFileIsMovedAsideAndSaysWhatIsLost();
    void lockedStoreIsAClearErrorAndLosesNothing();
    void foreignCommitIsNoticed();

private:
    QString path(const QString &name = QStringLiteral("account.sqlite")) const { return dir(QStringLiteral("stores/") + name); }
    QString dir(const QString &name) const { return m_tmp->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestLocalStore::freshStoreIsCurrentAndOwnerOnly()
{
    ::umask(022);   // a usual umask: the store must not depend on it
    LocalStore::OpenResult opened = LocalStore::open(path());
    QVERIFY2(opened.store, qPrintable(opened.error.message()));
    QVERIFY(!opened.error);
    QSqlQuery query(opened.store->database());
    QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
    QCOMPARE(query.value(0).toInt(), StoreSchema::CurrentVersion);
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    // A write creates the -wal and -shm files: they must be 0600 from the start.
    Outbox outbox(opened.store.get());
    qint64 id = 0;
    QVERIFY(!outbox.enqueue(message(QStringLiteral("a@x")), false, &id));
    QCOMPARE(fileMode(path()), 0600);
    QCOMPARE(fileMode(path() + QStringLiteral("-wal")), 0600);
    QCOMPARE(fileMode(path() + QStringLiteral("-shm")), 0600);
    QCOMPARE(fileMode(dir(QStringLiteral("stores"))), 0700);
}

void TestLocalStore::oldSchemaIsMigratedKeepingItsRows()
{
    // A store as the first schema wrote it, with a queued message.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        QDir().mkpath(dir(QStringLiteral("stores")));
        db.setDatabaseName(path(QStringLiteral("old.sqlite")));
        QVERIFY(db.open());
        QString error;
        QVERIFY2(StoreSchema::migrateTo(db, 1, &error), qPrintable(error));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO outbox (message_id, envelope_from, recipients, subject, data, origin,"
                                          " state, created) VALUES ('old@x', 'a@x', '[\"b@x\"]', 'S', X'41', 'send',"
                                          " 'queued', '2026-11-01T10:00:00.000Z')")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    LocalStore::OpenResult opened = LocalStore::open(path(QStringLiteral("old.sqlite")));
    QVERIFY2(opened.store && !opened.error, qPrintable(opened.error.message()));
    QSqlDatabase db = opened.store->database();
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
    QCOMPARE(query.value(0).toInt(), StoreSchema::CurrentVersion);
    for (const QString &table : {QStringLiteral("mailboxes"), QStringLiteral("headers"), QStringLiteral("bodies"),
                                 QStringLiteral("activity")})
        QVERIFY2(db.tables().contains(table), qPrintable(table));
    Outbox outbox(opened.store.get());
    const std::optional<OutboxEntry> kept = outbox.find(QStringLiteral("<old@x>"));
    QVERIFY(kept);
    QCOMPARE(kept->state, State::Queued);
    QCOMPARE(kept->recipients, QStringList{QStringLiteral("b@x")});
    QCOMPARE(kept->copyStep, Step::None);   // the column migration 2 added, with its default
    QCOMPARE(kept->data, QByteArray("A"));
}

void TestLocalStore::newerSchemaIsRefusedUntouched()
{
    {
        LocalStore::OpenResult opened = LocalStore::open(path());
        QVERIFY(opened.store);
        QSqlQuery query(opened.store->database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    LocalStore::OpenResult again = LocalStore::open(path());
    QVERIFY(!again.store);
    QCOMPARE(again.error.kind(), ConnectorError::Kind::Store);
    QVERIFY2(again.error.message().contains(path()) && again.error.message().contains(QLatin1String("newer")),
             qPrintable(again.error.message()));
    QVERIFY(QFile::exists(path()));   // not moved: it is not damaged, only newer
}

void TestLocalStore::outboxStateTransitions()
{
    LocalStore::OpenResult opened = LocalStore::open(path());
    QVERIFY(opened.store);
    Outbox outbox(opened.store.get());
    QSignalSpy changed(&outbox, &Outbox::changed);
    qint64 first = 0, second = 0;
    QVERIFY(!outbox.enqueue(message(QStringLiteral("1@x")), false, &first));
    QVERIFY(!outbox.enqueue(message(QStringLiteral("2@x"), QStringLiteral("imap:7:42")), false, &second));
    QCOMPARE(outbox.pendingCount(), 2);
    QVERIFY(changed.count() >= 2);
    // The same Message-ID twice is refused: it is the key of a message.
    qint64 dup = 0;
    QCOMPARE(outbox.enqueue(message(QStringLiteral("1@x")), false, &dup).kind(), ConnectorError::Kind::Store);

    ConnectorError error;
    std::optional<OutboxEntry> claimed = outbox.claimNext(false, &error);
    QVERIFY(claimed && !error);
    QCOMPARE(claimed->id, first);   // oldest first
    QCOMPARE(claimed->state, State::Sending);
    QCOMPARE(claimed->attempts, 1);
    QCOMPARE(claimed->claimedBy, ProcessIdentity::current());
    QVERIFY(!claimed->data.isEmpty());

    // A transient failure: queued again, due later; not claimable before then, unless backoff is ignored.
    const ConnectorError retried = outbox.markRetry(first, QStringLiteral("connection refused"), {}, QDateTime::currentDateTimeUtc().addSecs(60));
    QVERIFY2(!retried, qPrintable(retried.message()));
    claimed = outbox.claimNext(false, &error);
    QVERIFY(claimed);
    QCOMPARE(claimed->id, second);
    QVERIFY(!outbox.claimNext(false, &error));
    claimed = outbox.claimNext(true, &error);
    QVERIFY(claimed);
    QCOMPARE(claimed->id, first);
    QCOMPARE(claimed->attempts, 2);
    QCOMPARE(claimed->lastError, QStringLiteral("connection refused"));

    QVERIFY(!outbox.markSent(first, QStringLiteral("250 2.0.0 Ok: queued as 4F3A"), true));
    QVERIFY(!outbox.markFailed(second, QStringLiteral("recipient refused"), QStringLiteral("550 5.1.1 unknown")));
    const OutboxEntry sent = *outbox.entry(first);
    QCOMPARE(sent.state, State::Sent);
    QCOMPARE(sent.serverReply, QStringLiteral("250 2.0.0 Ok: queued as 4F3A"));
    QVERIFY(sent.sentAt.isValid());
    QVERIFY(sent.claimedBy.isEmpty());
    QCOMPARE(sent.copyStep, Step::Pending);
    QCOMPARE(sent.seenStep, Step::None);   // not a reply
    const OutboxEntry failed = *outbox.entry(second);
    QCOMPARE(failed.state, State::Failed);
    QCOMPARE(failed.serverReply, QStringLiteral("550 5.1.1 unknown"));
    QCOMPARE(outbox.pendingCount(), 0);
    QCOMPARE(outbox.pendingSteps().size(), 1);
    QVERIFY(!outbox.setCopyStep(first, Step::Done, QStringLiteral("Sent"), QStringLiteral("9:1")));
    QVERIFY(outbox.pendingSteps().isEmpty());
    QCOMPARE(outbox.entry(first)->copyUid, QStringLiteral("9:1"));

    // A reply that was sent has its \Seen to do; replyFor() finds it, not failed ones.
    QVERIFY(!outbox.retry(second));
    claimed = outbox.claimNext(false, &error);
    QCOMPARE(claimed->id, second);
    QVERIFY(!outbox.markSent(second, QStringLiteral("250 ok"), false));
    QCOMPARE(outbox.entry(second)->seenStep, Step::Pending);
    QCOMPARE(outbox.replyFor(QStringLiteral("imap:7:42"))->id, second);
    QVERIFY(!outbox.replyFor(QStringLiteral("imap:7:43")));
    QCOMPARE(outbox.entries().size(), 2);
    QCOMPARE(outbox.entries().first().id, second);   // newest first
    QVERIFY(outbox.entries().first().data.isEmpty()); // the list leaves the data out
}

void TestLocalStore::retryAndCancelRules()
{
    LocalStore::OpenResult opened = LocalStore::open(path());
    QVERIFY(opened.store);
    Outbox outbox(opened.store.get());
    qint64 id = 0;
    QVERIFY(!outbox.enqueue(message(QStringLiteral("c@x")), false, &id));
    QVERIFY(!outbox.cancel(id));
    QCOMPARE(outbox.entry(id)->state, State::Cancelled);
    ConnectorError error;
    QVERIFY(!outbox.claimNext(true, &error));   // a cancelled entry is never sent
    QVERIFY(!outbox.retry(id));
    QCOMPARE(outbox.entry(id)->state, State::Queued);
    std::optional<OutboxEntry> claimed = outbox.claimNext(true, &error);
    QVERIFY(claimed);
    // Sending and sent entries can be neither cancelled nor retried.
    QCOMPARE(outbox.cancel(id).kind(), ConnectorError::Kind::Config);
    QVERIFY(!outbox.markSent(id, QStringLiteral("250 ok"), false));
    QCOMPARE(outbox.cancel(id).kind(), ConnectorError::Kind::Config);
    QCOMPARE(outbox.retry(id).kind(), ConnectorError::Kind::Config);
    QCOMPARE(outbox.entry(id)->state, State::Sent);
}

void TestLocalStore::deadClaimIsRecoveredAsPossibleDuplicate()
{
    LocalStore::OpenResult opened = LocalStore::open(path());
    QVERIFY(opened.store);
    Outbox outbox(opened.store.get());
    qint64 id = 0;
    QVERIFY(!outbox.enqueue(message(QStringLiteral("d@x")), true, &id));
    QCOMPARE(outbox.entry(id)->state, State::Sending);
    // The claim of a process that has exited.
    QProcess gone;
    gone.start(QStringLiteral("true"));
    QVERIFY(gone.waitForFinished());
    const QString dead = QStringLiteral("%1:%2:1").arg(QSysInfo::machineHostName()).arg(gone.processId() ? gone.processId() : 999999);
    QSqlQuery query(opened.store->database());
    query.prepare(QStringLiteral("UPDATE outbox SET claimed_by = ? WHERE id = ?"));
    query.addBindValue(dead);
    query.addBindValue(id);
    QVERIFY(query.exec());
    QVERIFY(!ProcessIdentity::isAlive(dead));
    QCOMPARE(outbox.recoverInDoubt(), 1);
    const OutboxEntry back = *outbox.entry(id);
    QCOMPARE(back.state, State::Queued);
    QVERIFY(back.possiblyDuplicate);
    QCOMPARE(back.messageId, QStringLiteral("d@x"));   // resent with the same Message-ID
    QCOMPARE(outbox.recoverInDoubt(), 0);
}

void TestLocalStore::liveClaimIsLeftAlone()
{
    LocalStore::OpenResult opened = LocalStore::open(path());
    QVERIFY(opened.store);
    Outbox outbox(opened.store.get());
    qint64 id = 0;
    QVERIFY(!outbox.enqueue(message(QStringLiteral("e@x")), true, &id));
    QVERIFY(ProcessIdentity::isAlive(ProcessIdentity::current()));
    QCOMPARE(outbox.recoverInDoubt(), 0);
    QCOMPARE(outbox.entry(id)->state, State::Sending);
    // Our own PID with another start time is a process that used to have this PID.
    const QStringList parts = ProcessIdentity::current().split(u':');
    QVERIFY(!ProcessIdentity::isAlive(QStringList{parts[0], parts[1], QStringLiteral("12345")}.join(u':')));
    QVERIFY(!ProcessIdentity::isAlive(QStringLiteral("nonsense")));
}

void TestLocalStore::findsByMessageIdOrNumber()
{
    LocalStore::OpenResult opened = LocalStore::open(path());
    QVERIFY(opened.store);
    Outbox outbox(opened.store.get());
    qint64 id = 0;
    QVERIFY(!outbox.enqueue(message(QStringLiteral("f@x")), false, &id));
    QCOMPARE(outbox.find(QStringLiteral("f@x"))->id, id);
    QCOMPARE(outbox.find(QStringLiteral("<f@x>"))->id, id);
    QCOMPARE(outbox.find(QString::number(id))->messageId, QStringLiteral("f@x"));
    QVERIFY(!outbox.find(QStringLiteral("nope@x")));
}

void TestLocalStore::damagedFileIsMovedAsideAndQueuedMailCarriedOver()
{
    qint64 pageSize = 0;
    qint64 bodiesPage = 0;
    {
        LocalStore::OpenResult opened = LocalStore::open(path());
        QVERIFY(opened.store);
        Outbox outbox(opened.store.get());
        qint64 id = 0;
        for (int i = 0; i < 3; ++i)
            QVERIFY(!outbox.enqueue(message(QStringLiteral("q%1@x").arg(i)), false, &id));
        QVERIFY(!outbox.markFailed(id, QStringLiteral("x"), {}));   // not waiting: not carried over
        QSqlQuery query(opened.store->database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_size")) && query.next());
        pageSize = query.value(0).toLongLong();
        QVERIFY(query.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'bodies'")) && query.next());
        bodiesPage = query.value(0).toLongLong();
    }
    // Garbage over the root page of another table: the outbox's own pages stay readable.
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(bodiesPage > 1);
    file.seek((bodiesPage - 1) * pageSize);
    file.write(QByteArray(int(pageSize), '\x5a'));
    file.close();

    LocalStore::OpenResult opened = LocalStore::open(path());
    QVERIFY2(opened.store, qPrintable(opened.error.message()));
    QCOMPARE(opened.error.kind(), ConnectorError::Kind::Store);
    const QString text = opened.error.message();
    QVERIFY2(text.contains(path()) && text.contains(QLatin1String("moved aside")), qPrintable(text));
    QDir stores(dir(QStringLiteral("stores")));
    QCOMPARE(stores.entryList({QStringLiteral("account.sqlite.damaged-*[0-9]")}, QDir::Files).size(), 1);
    Outbox outbox(opened.store.get());
    // The fresh store holds the two that were waiting; the failed one stays in the damaged file.
    QVERIFY2(text.contains(QLatin1String("2 message(s) waiting in its outbox were carried over")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("lost")), qPrintable(text));
    QCOMPARE(outbox.pendingCount(), 2);
    QVERIFY(outbox.find(QStringLiteral("q0@x")));
    QVERIFY(outbox.find(QStringLiteral("q1@x")));
    QVERIFY(!outbox.find(QStringLiteral("q2@x")));
}

void TestLocalStore::garbageFileIsMovedAsideAndSaysWhatIsLost()
{
    QDir().mkpath(dir(QStringLiteral("stores")));
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'Z'));
    file.close();
    LocalStore::OpenResult opened = LocalStore::open(path());
    QVERIFY2(opened.store, qPrintable(opened.error.message()));
    const QString text = opened.error.message();
    QCOMPARE(opened.error.kind(), ConnectorError::Kind::Store);
    QVERIFY2(text.contains(path()) && text.contains(QLatin1String("not a database")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("could not be read")) && text.contains(QLatin1String("lost")), qPrintable(text));
    QDir stores(dir(QStringLiteral("stores")));
    const QStringList aside = stores.entryList({QStringLiteral("account.sqlite.damaged-*[0-9]")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QFile moved(stores.filePath(aside.first()));
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), QByteArray(8192, 'Z'));   // kept as it was, never deleted
    // The next open finds the fresh store and says nothing.
    opened = {};
    LocalStore::OpenResult next = LocalStore::open(path());
    QVERIFY(next.store && !next.error);
}

void TestLocalStore::lockedStoreIsAClearErrorAndLosesNothing()
{
    LocalStore::OpenResult mine = LocalStore::open(path(), 200);
    QVERIFY(mine.store);
    Outbox outbox(mine.store.get());
    qint64 id = 0;
    QVERIFY(!outbox.enqueue(message(QStringLiteral("kept@x")), false, &id));
    // Another process holds the write lock (a writer that does not let go).
    QProcess holder;
    holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    holder.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral(
        "import sqlite3,sys,time\n"
        "c=sqlite3.connect(sys.argv[1],isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute(\"UPDATE outbox SET subject=subject\")\n"
        "print('locked',flush=True)\n"
        "time.sleep(30)\n"), path()});
    QVERIFY(holder.waitForReadyRead(10000));
    QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));
    qint64 other = 0;
    QElapsedTimer waited;
    waited.start();
    const ConnectorError error = outbox.enqueue(message(QStringLiteral("new@x")), false, &other);
    QCOMPARE(error.kind(), ConnectorError::Kind::Store);
    QVERIFY2(error.message().contains(path()) && error.message().contains(QLatin1String("locked")), qPrintable(error.message()));
    QVERIFY(waited.elapsed() >= 150);   // the busy timeout was honoured, not an instant failure
    holder.kill();
    holder.waitForFinished();
    // Reading still works meanwhile in WAL mode, and nothing accepted is lost.
    QVERIFY(outbox.find(QStringLiteral("kept@x")));
    QVERIFY(!outbox.enqueue(message(QStringLiteral("new@x")), false, &other));
    QCOMPARE(outbox.pendingCount(), 2);
}

void TestLocalStore::foreignCommitIsNoticed()
{
    LocalStore::OpenResult mine = LocalStore::open(path());
    LocalStore::OpenResult theirs = LocalStore::open(path());
    QVERIFY(mine.store && theirs.store);
    Outbox watching(mine.store.get());
    Outbox writing(theirs.store.get());
    QSignalSpy changed(&watching, &Outbox::changed);
    watching.watchForeignChanges(20);
    qint64 id = 0;
    QVERIFY(!writing.enqueue(message(QStringLiteral("g@x")), false, &id));
    QTRY_VERIFY(changed.count() >= 1);
    QCOMPARE(watching.pendingCount(), 1);
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
