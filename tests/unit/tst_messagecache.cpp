// MessageCache on a real SQLite store in a temporary directory: rows written
// in one transaction (20,000 of them well under a second) and read newest
// first with the unseen filter and a limit, read marks and removals, bodies,
// a new UIDVALIDITY dropping a mailbox's rows and bodies, and errors that
// name the file.
#include "store/localstore.h"
#include "store/messagecache.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace machina;

namespace {

const QString Inbox = QStringLiteral("INBOX");

// 20,000 rows "well under a second". Under AddressSanitizer every allocation (Qt's and
// SQLite's too) goes through its allocator, which makes the same work about eight times slower.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 InsertBudgetMs = 4000;
#else
constexpr qint64 InsertBudgetMs = 500;
#endif

MessageSummary row(quint32 uid, bool seen = false)
{
    MessageSummary m;
    m.uid = uid;
    m.date = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::OffsetFromUTC, 3600).addSecs(qint64(uid) * 60);
    m.from = QStringLiteral("Alarm system <alarm@machina.test>");
    m.fromAddress = QStringLiteral("alarm@machina.test");
    m.subject = QStringLiteral("[WO-2026-%1] P-101 vibration").arg(uid);
    m.seen = seen;
    m.attachments = int(uid % 3);
    m.size = 1000 + uid;
    m.messageId = QStringLiteral("alarm-%1@machina.test").arg(uid);
    return m;
}

QList<quint32> uidsOf(const QList<MessageSummary> &rows)
{
    QList<quint32> out;
    for (const MessageSummary &m : rows)
        out.append(m.uid);
    return out;
}

} // namespace

class TestMessageCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void unknownMailboxHasNoState();
    void rowsComeBackNewestFirstAsWritten();
    void twentyThousandRowsInWellUnderASecond();
    void unseenOnlyAndLimit();
    void newUidValidityDropsRowsAndBodies();
    void readMarksRemovalsAndUpserts();
    void bodiesAreKeptPerUid();
    void errorsNameTheFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<MessageCache> m_cache;
};

void TestMessageCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    LocalStore::OpenResult opened = LocalStore::open(m_dir->filePath(QStringLiteral("store.sqlite")));
    QVERIFY2(opened.store, qPrintable(opened.error.message()));
    m_store = std::move(opened.store);
    m_cache = std::make_unique<MessageCache>(m_store.get());
}

void TestMessageCache::cleanup()
{
    m_cache.reset();
    m_store.reset();
    m_dir.reset();
}

void TestMessageCache::unknownMailboxHasNoState()
{
    ConnectorError error;
    const MessageCache::MailboxState state = m_cache->mailboxState(Inbox, &error);
    QVERIFY(!error);
    QVERIFY(!state.known);
    QVERIFY(m_cache->messages(Inbox, false, 0).isEmpty());
    QCOMPARE(m_cache->count(Inbox), 0);
    QCOMPARE(m_cache->highestUid(Inbox), 0u);
}

void TestMessageCache::rowsComeBackNewestFirstAsWritten()
{
    QVERIFY(!m_cache->resetMailbox(Inbox, 7));
    MessageSummary noDate = row(5);
    noDate.date = QDateTime();
    noDate.from = QString(); // a null string is written as empty text
    const QList<MessageSummary> written = {row(3, true), row(9), noDate};
    QVERIFY(!m_cache->storeHeaders(Inbox, written));
    QVERIFY(!m_cache->setHighestModSeq(Inbox, 4242));

    const MessageCache::MailboxState state = m_cache->mailboxState(Inbox);
    QVERIFY(state.known);
    QCOMPARE(state.uidValidity, 7u);
    QCOMPARE(state.highestModSeq, quint64(4242));
    QVERIFY(state.syncedAt.isValid());

    const QList<MessageSummary> rows = m_cache->messages(Inbox, false, 0);
    QCOMPARE(uidsOf(rows), (QList<quint32>{9, 5, 3}));
    const MessageSummary &nine = rows.first();
    const MessageSummary expected = row(9);
    QCOMPARE(nine.id, QStringLiteral("imap:7:9"));
    QCOMPARE(nine.date, expected.date);
    // --json prints the date with its offset: the cache keeps it.
    QCOMPARE(nine.date.toString(Qt::ISODate), expected.date.toString(Qt::ISODate));
    QCOMPARE(nine.from, expected.from);
    QCOMPARE(nine.fromAddress, expected.fromAddress);
    QCOMPARE(nine.subject, expected.subject);
    QCOMPARE(nine.seen, false);
    QCOMPARE(nine.attachments, expected.attachments);
    QCOMPARE(nine.size, expected.size);
    QCOMPARE(nine.messageId, expected.messageId);
    QVERIFY(!rows.at(1).date.isValid());
    QVERIFY(rows.at(1).from.isEmpty());
    QCOMPARE(rows.at(2).seen, true);

    QCOMPARE(uidsOf(m_cache->messagesWithUids(Inbox, {3, 9, 77})), (QList<quint32>{9, 3}));
    QCOMPARE(m_cache->uids(Inbox), (QList<quint32>{3, 5, 9}));
    QCOMPARE(m_cache->highestUid(Inbox), 9u);
    const QList<MessageCache::SeenState> states = m_cache->seenStates(Inbox, false, 0);
    QCOMPARE(states, (QList<MessageCache::SeenState>{{9, false}, {5, false}, {3, true}}));
}

void TestMessageCache::twentyThousandRowsInWellUnderASecond()
{
    QVERIFY(!m_cache->resetMailbox(Inbox, 1));
    QList<MessageSummary> rows;
    rows.reserve(20000);
    for (quint32 uid = 1; uid <= 20000; ++uid)
        rows.append(row(uid, uid % 4 != 0));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!m_cache->storeHeaders(Inbox, rows));
    const qint64 insertMs = clock.elapsed();
    clock.restart();
    const QList<MessageSummary> read = m_cache->messages(Inbox, false, 0);
    const qint64 readMs = clock.elapsed();
    qInfo("20,000 rows: written in %lld ms (one transaction), read in %lld ms", insertMs, readMs);
    QCOMPARE(read.size(), 20000);
    QCOMPARE(read.first().uid, 20000u);
    QCOMPARE(read.last().uid, 1u);
    QCOMPARE(m_cache->count(Inbox, true), 5000);
    QVERIFY2(insertMs < InsertBudgetMs, qPrintable(QStringLiteral("%1 ms").arg(insertMs)));
}

void TestMessageCache::unseenOnlyAndLimit()
{
    QVERIFY(!m_cache->resetMailbox(Inbox, 3));
    QList<MessageSummary> rows;
    for (quint32 uid = 1; uid <= 10; ++uid)
        rows.append(row(uid, uid % 2 == 0)); // odd UIDs unseen
    QVERIFY(!m_cache->storeHeaders(Inbox, rows));
    QCOMPARE(uidsOf(m_cache->messages(Inbox, true, 0)), (QList<quint32>{9, 7, 5, 3, 1}));
    QCOMPARE(uidsOf(m_cache->messages(Inbox, false, 3)), (QList<quint32>{10, 9, 8}));
    QCOMPARE(uidsOf(m_cache->messages(Inbox, true, 2)), (QList<quint32>{9, 7}));
    QCOMPARE(m_cache->count(Inbox, true), 5);
    QCOMPARE(m_cache->seenStates(Inbox, true, 2), (QList<MessageCache::SeenState>{{9, false}, {7, false}}));
}

void TestMessageCache::newUidValidityDropsRowsAndBodies()
{
    const QString other = QStringLiteral("Archive");
    QVERIFY(!m_cache->resetMailbox(Inbox, 100));
    QVERIFY(!m_cache->resetMailbox(other, 5));
    QVERIFY(!m_cache->storeHeaders(Inbox, {row(1), row(2)}));
    QVERIFY(!m_cache->storeHeaders(other, {row(1)}));
    QVERIFY(!m_cache->storeBody(Inbox, 2, "Subject: two\r\n\r\nbody\r\n"));
    QVERIFY(!m_cache->storeBody(other, 1, "Subject: kept\r\n\r\nbody\r\n"));
    QVERIFY(!m_cache->setHighestModSeq(Inbox, 77));

    QVERIFY(!m_cache->resetMailbox(Inbox, 101));
    const MessageCache::MailboxState state = m_cache->mailboxState(Inbox);
    QCOMPARE(state.uidValidity, 101u);
    QCOMPARE(state.highestModSeq, quint64(0));
    QCOMPARE(m_cache->count(Inbox), 0);
    QVERIFY(!m_cache->body(Inbox, 2));
    // Another mailbox is left alone.
    QCOMPARE(m_cache->count(other), 1);
    QCOMPARE(m_cache->body(other, 1).value_or(QByteArray()), QByteArray("Subject: kept\r\n\r\nbody\r\n"));

    QVERIFY(!m_cache->storeHeaders(Inbox, {row(1)}));
    QCOMPARE(m_cache->messages(Inbox, false, 0).first().id, QStringLiteral("imap:101:1"));
}

void TestMessageCache::readMarksRemovalsAndUpserts()
{
    QVERIFY(!m_cache->resetMailbox(Inbox, 9));
    QVERIFY(!m_cache->storeHeaders(Inbox, {row(1), row(2), row(3)}));
    QVERIFY(!m_cache->storeBody(Inbox, 2, "raw"));
    QVERIFY(!m_cache->updateSeen(Inbox, {{1, true}, {3, false}, {99, true}}));
    QCOMPARE(m_cache->seenStates(Inbox, false, 0),
             (QList<MessageCache::SeenState>{{3, false}, {2, false}, {1, true}}));

    QVERIFY(!m_cache->removeMessages(Inbox, {2, 50}));
    QCOMPARE(m_cache->uids(Inbox), (QList<quint32>{1, 3}));
    QVERIFY(!m_cache->body(Inbox, 2));

    // A newer version of a row replaces it but keeps its work-order id.
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("UPDATE headers SET work_order = 'WO-7' WHERE uid = 3")));
    MessageSummary changed = row(3, true);
    changed.subject = QStringLiteral("changed");
    QVERIFY(!m_cache->storeHeaders(Inbox, {changed}));
    const QList<MessageSummary> rows = m_cache->messagesWithUids(Inbox, {3});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().subject, QStringLiteral("changed"));
    QCOMPARE(rows.first().seen, true);
    QVERIFY(query.exec(QStringLiteral("SELECT work_order FROM headers WHERE uid = 3")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("WO-7"));
}

void TestMessageCache::bodiesAreKeptPerUid()
{
    QVERIFY(!m_cache->resetMailbox(Inbox, 4));
    QVERIFY(!m_cache->body(Inbox, 1));
    QByteArray raw("Subject: binary\r\n\r\n");
    raw.append('\0');
    raw.append("\xff\xfe end\r\n");
    QVERIFY(!m_cache->storeBody(Inbox, 1, raw));
    QCOMPARE(m_cache->body(Inbox, 1).value_or(QByteArray()), raw);
    QVERIFY(!m_cache->storeBody(Inbox, 1, "again"));
    QCOMPARE(m_cache->body(Inbox, 1).value_or(QByteArray()), QByteArray("again"));
}

void TestMessageCache::errorsNameTheFile()
{
    QVERIFY(!m_cache->resetMailbox(Inbox, 4));
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("DROP TABLE headers")));
    const ConnectorError error = m_cache->storeHeaders(Inbox, {row(1)});
    QCOMPARE(error.kind(), ConnectorError::Kind::Store);
    QVERIFY2(error.message().contains(m_store->path()), qPrintable(error.message()));
    ConnectorError readError;
    QVERIFY(m_cache->messages(Inbox, false, 0, &readError).isEmpty());
    QCOMPARE(readError.kind(), ConnectorError::Kind::Store);
    // The failed batch left nothing behind: a transaction, rolled back.
    QVERIFY(m_store->database().transaction());
    QVERIFY(m_store->database().rollback());
}

QTEST_GUILESS_MAIN(TestMessageCache)
#include "tst_messagecache.moc"
