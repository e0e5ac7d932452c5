// The two claims that make work orders exactly-once, on real Dovecot: two
// claimants appending a record for the same id (the lower UID wins, the loser
// learns it and its record goes), and two claimants storing a step on the
// same record read at the same mod-sequence (CONDSTORE UNCHANGEDSINCE: one
// STORE changes it, the other gets [MODIFIED] and changes nothing). In one
// process and in a fixed order, so the race is the same every run.

#include "imap/imapclient.h"
#include "mailstack.h"
#include "workorders/workorderfolder.h"
#include "workorders/workorderflow.h"

#include <QSignalSpy>
#include <QTest>

using namespace machina;

namespace {

const QString Folder = QStringLiteral("Work Orders Claims");

/// Runs the loop until @p done is true (20 s at most).
bool waitFor(const bool &done)
{
    return QTest::qWaitFor([&done] { return done; }, 20000);
}

WorkOrder draft(const QString &id)
{
    WorkOrder order;
    order.id = id;
    order.asset = QStringLiteral("P-201");
    order.summary = QStringLiteral("vibration");
    order.chain = {QStringLiteral("anna@machina.test"), QStringLiteral("ben@machina.test")};
    order.ackWithinSeconds = 60;
    order.created = QDateTime::currentDateTimeUtc();
    return WorkOrderFlow::notifyFirst(order, order.created, QStringLiteral("test")).next;
}

} // namespace

class TestWorkOrderClaims : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameIdTwiceLowerUidWins();
    void sameStepTwiceOnlyOneStoreChangesIt();

private:
    WorkOrderFolder *folder();
    bool load(WorkOrderFolder *f);

    MailStack m_stack;
    ImapSettings m_settings;
};

void TestWorkOrderClaims::initTestCase()
{
    QString error;
    const std::optional<MailStack> stack = MailStack::fromEnvironment(&error);
    QVERIFY2(stack, qPrintable(error));
    m_stack = *stack;
    const ConnectorError e = ImapSettings::fromConfig(m_stack.config(QStringLiteral("supervisor")), &m_settings);
    QVERIFY2(!e, qPrintable(e.message()));
    m_settings.mailbox = Folder;
}

WorkOrderFolder *TestWorkOrderClaims::folder()
{
    return new WorkOrderFolder(m_settings, this);
}

bool TestWorkOrderClaims::load(WorkOrderFolder *f)
{
    bool done = false;
    ConnectorError result;
    f->load([&](const ConnectorError &error) {
        result = error;
        done = true;
    });
    if (!waitFor(done) || result) {
        qWarning().noquote() << "load:" << result.message();
        return false;
    }
    return true;
}

void TestWorkOrderClaims::sameIdTwiceLowerUidWins()
{
    WorkOrderFolder *a = folder();
    WorkOrderFolder *b = folder();
    QVERIFY(load(a));   // creates the folder the first time
    QVERIFY(load(b));
    const QString id = QStringLiteral("WO-2026-%1").arg(QDateTime::currentMSecsSinceEpoch() % 10000, 4, 10, QLatin1Char('0'));
    // Both chose the same id from what they read; A's append reaches the server first.
    bool aDone = false, aWon = false, bDone = false, bWon = true;
    a->claim(draft(id), m_stack.address(QStringLiteral("supervisor")), QStringLiteral("claimant-a"),
             [&](const ConnectorError &error, bool won) {
                 QVERIFY2(!error, qPrintable(error.message()));
                 aWon = won;
                 aDone = true;
             });
    QVERIFY(waitFor(aDone));
    b->claim(draft(id), m_stack.address(QStringLiteral("supervisor")), QStringLiteral("claimant-b"),
             [&](const ConnectorError &error, bool won) {
                 QVERIFY2(!error, qPrintable(error.message()));
                 bWon = won;
                 bDone = true;
             });
    QVERIFY(waitFor(bDone));
    QVERIFY(aWon);
    QVERIFY(!bWon);
    // B's record is gone from the server: a third reader finds one record for the id.
    WorkOrderFolder *c = folder();
    QVERIFY(load(c));
    int records = 0;
    for (const WorkOrder &order : c->orders())
        records += order.id == id;
    QCOMPARE(records, 1);
    ImapClient check(m_settings);
    const std::unique_ptr<ImapReply> search(check.search("HEADER X-Machina-Work-Order \"" + id.toLatin1() + "\" UNDELETED"));
    QSignalSpy finished(search.get(), &ConnectorReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(search->uids().size(), 1);
}

void TestWorkOrderClaims::sameStepTwiceOnlyOneStoreChangesIt()
{
    WorkOrderFolder *a = folder();
    QVERIFY(load(a));
    const QString id = QStringLiteral("WO-1999-%1").arg(QDateTime::currentMSecsSinceEpoch() % 10000, 4, 10, QLatin1Char('0'));
    bool claimed = false;
    a->claim(draft(id), m_stack.address(QStringLiteral("supervisor")), QStringLiteral("claimant-a"),
             [&](const ConnectorError &error, bool won) {
                 QVERIFY(!error && won);
                 claimed = true;
             });
    QVERIFY(waitFor(claimed));
    QVERIFY2(a->conditional(), "Dovecot should offer CONDSTORE here");

    // Two dispatchers read the record at the same mod-sequence and both find the deadline passed.
    WorkOrderFolder *one = folder();
    WorkOrderFolder *two = folder();
    QVERIFY(load(one));
    QVERIFY(load(two));
    const auto find = [&id](WorkOrderFolder *f) {
        for (WorkOrder order : f->orders()) {
            if (order.id == id) {
                // No "created" event was appended here: the deadline counts from creation, as the tracker's would.
                if (!order.notifiedAt.isValid())
                    order.notifiedAt = order.created;
                return order;
            }
        }
        return WorkOrder();
    };
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(120);
    const WorkOrderStep stepOne = WorkOrderFlow::escalate(find(one), later, QStringLiteral("one"));
    const WorkOrderStep stepTwo = WorkOrderFlow::escalate(find(two), later, QStringLiteral("two"));
    QVERIFY(stepOne.changed() && stepTwo.changed());

    bool oneDone = false, oneStored = false, twoDone = false, twoStored = true;
    one->store(stepOne.next, [&](const ConnectorError &error, bool stored) {
        QVERIFY2(!error, qPrintable(error.message()));
        oneStored = stored;
        oneDone = true;
    });
    QVERIFY(waitFor(oneDone));
    two->store(stepTwo.next, [&](const ConnectorError &error, bool stored) {
        QVERIFY2(!error, qPrintable(error.message()));
        twoStored = stored;
        twoDone = true;
    });
    QVERIFY(waitFor(twoDone));
    QVERIFY(oneStored);
    QVERIFY(!twoStored);   // [MODIFIED]: the loser sends no escalation

    // Reading again, the loser sees the step made, and no second escalation is due.
    QVERIFY(load(two));
    const WorkOrder now = find(two);
    QCOMPARE(now.notified, 2);
    QCOMPARE(now.assignee, 1);
    QCOMPARE(now.state, WorkOrderState::Notified);
}

QTEST_GUILESS_MAIN(TestWorkOrderClaims)
#include "tst_workorderclaims.moc"
