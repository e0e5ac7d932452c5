// The work orders in the console, without a tracker: WorkOrderModel (columns,
// state display, time to acknowledge or overdue, sort keys, rows kept in place),
// WorkOrderTimelineModel, and WorkOrderView (sorting, the timeline of the
// current order, Cancel work order asking first and calling back).

#include "workorderdisplay.h"
#include "workordermodel.h"
#include "workordertimelinemodel.h"
#include "workorderview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

using namespace machina;
using Kind = WorkOrderModel::AckTiming::Kind;

Q_DECLARE_METATYPE(machina::WorkOrderState)

namespace {

const QDateTime T0(QDate(2026, 12, 2), QTime(9, 0), QTimeZone::utc());
const QString Anna = QStringLiteral("Anna Berg <anna@plant.example>");
const QString Piotr = QStringLiteral("Piotr Nowak <p.nowak@service.example>");
const QString Console = QStringLiteral("machina-console on desk-1");

WorkOrderEvent historyEvent(const QDateTime &at, const QString &action, const QString &actor, WorkOrderState from,
                     WorkOrderState to, const QString &assignee, const QString &comment = {})
{
    WorkOrderEvent e;
    e.at = at;
    e.action = action;
    e.actor = actor;
    e.from = from;
    e.to = to;
    e.assignee = assignee;
    e.comment = comment;
    return e;
}

/** Created at @p minutes after T0 and notified to Anna at once; 15 minutes to acknowledge. */
WorkOrder notifiedOrder(const QString &id, int minutes, const QString &asset = QStringLiteral("P-201"),
                        WorkOrderPriority priority = WorkOrderPriority::High)
{
    WorkOrder o;
    o.id = id;
    o.asset = asset;
    o.summary = QStringLiteral("vibration 9.2 mm/s (limit 8.4)");
    o.priority = priority;
    o.alarmText = QStringLiteral("ALARM %1 vibration 9.2 mm/s (limit 8.4)").arg(asset);
    o.chain = {Anna, Piotr};
    o.ackWithinSeconds = 15 * 60;
    o.created = T0.addSecs(minutes * 60);
    o.createdBy = Console;
    o.state = WorkOrderState::Notified;
    o.assignee = 0;
    o.notified = 1;
    o.notifiedAt = o.created;
    o.history = {historyEvent(o.created, QStringLiteral("created"), Console, WorkOrderState::Open, WorkOrderState::Notified, Anna)};
    return o;
}

/** @p order, acknowledged by Anna @p minutes after its creation. */
WorkOrder acknowledged(WorkOrder o, int minutes, const QString &comment = QStringLiteral("on my way"))
{
    const QDateTime at = o.created.addSecs(minutes * 60);
    o.history.append(historyEvent(at, QStringLiteral("acknowledged"), QStringLiteral("anna@plant.example"),
                           WorkOrderState::Notified, WorkOrderState::Acknowledged, Anna, comment));
    o.state = WorkOrderState::Acknowledged;
    return o;
}

/** @p order, escalated to Piotr @p minutes after its creation. */
WorkOrder escalated(WorkOrder o, int minutes)
{
    const QDateTime at = o.created.addSecs(minutes * 60);
    o.history.append(historyEvent(at, QStringLiteral("escalated"), Console, WorkOrderState::Notified, WorkOrderState::Notified, Piotr));
    o.assignee = 1;
    o.notified = 2;
    o.notifiedAt = at;
    return o;
}

WorkOrder withState(WorkOrder o, WorkOrderState state, const QString &action, int minutes)
{
    const QDateTime at = o.created.addSecs(minutes * 60);
    o.history.append(historyEvent(at, action, QStringLiteral("anna@plant.example"), o.state, state, o.assigneeEntry()));
    o.state = state;
    return o;
}

QStringList idsInView(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(WorkOrderModel::IdRole).toString());
    return ids;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestWorkOrderView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columns();
    void stateDisplay_data();
    void stateDisplay();
    void stateIconsDiffer();
    void timeToAcknowledge();
    void ageAndTick();
    void assigneeAndTooltips();
    void sortKeys();
    void sortingInTheView();
    void rowsChangeInPlace();
    void reorderKeepsSelection();
    void timeline();
    void timelineFollowsSelectionAndChanges();
    void cancelAsksAndCallsBack();
    void cancelOnlyForOpenOrders();
    void summaryLineAndUnavailable();
    void keyboardAndAccessibility();
    void durationText_data();
    void durationText();
};

void TestWorkOrderView::columns()
{
    WorkOrderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOrders({notifiedOrder(QStringLiteral("WO-2026-0007"), 0)});
    QCOMPARE(model.columnCount(), 8);
    const QStringList headers{QStringLiteral("Work order"), QStringLiteral("State"), QStringLiteral("Asset"),
                              QStringLiteral("Summary"), QStringLiteral("Assignee"), QStringLiteral("Priority"),
                              QStringLiteral("Age"), QStringLiteral("To acknowledge")};
    for (int column = 0; column < headers.size(); ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), headers.at(column));
    QVERIFY(!model.headerData(WorkOrderModel::AckColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

    model.setClock([] { return T0.addSecs(5 * 60); });
    QCOMPARE(cell(model, 0, WorkOrderModel::IdColumn), QStringLiteral("WO-2026-0007"));
    QCOMPARE(cell(model, 0, WorkOrderModel::StateColumn), QStringLiteral("Notified"));
    QCOMPARE(cell(model, 0, WorkOrderModel::AssetColumn), QStringLiteral("P-201"));
    QCOMPARE(cell(model, 0, WorkOrderModel::SummaryColumn), QStringLiteral("vibration 9.2 mm/s (limit 8.4)"));
    QCOMPARE(cell(model, 0, WorkOrderModel::AssigneeColumn), QStringLiteral("Anna Berg"));
    QCOMPARE(cell(model, 0, WorkOrderModel::PriorityColumn), QStringLiteral("High"));
    QCOMPARE(cell(model, 0, WorkOrderModel::AgeColumn), QStringLiteral("5m"));
    QCOMPARE(cell(model, 0, WorkOrderModel::AckColumn), QStringLiteral("10m left"));
    QCOMPARE(cell(model, 0, 0, WorkOrderModel::IdRole), QStringLiteral("WO-2026-0007"));
    QCOMPARE(model.index(0, 3).data(WorkOrderModel::StateRole).toInt(), int(WorkOrderState::Notified));
    QCOMPARE(model.rowOf(QStringLiteral("WO-2026-0007")), 0);
    QCOMPARE(model.rowOf(QStringLiteral("WO-1")), -1);
}

void TestWorkOrderView::stateDisplay_data()
{
    QTest::addColumn<WorkOrderState>("state");
    QTest::addColumn<QString>("text");
    QTest::addRow("open") << WorkOrderState::Open << QStringLiteral("Open");
    QTest::addRow("notified") << WorkOrderState::Notified << QStringLiteral("Notified");
    QTest::addRow("acknowledged") << WorkOrderState::Acknowledged << QStringLiteral("Acknowledged");
    QTest::addRow("in_progress") << WorkOrderState::InProgress << QStringLiteral("In progress");
    QTest::addRow("done") << WorkOrderState::Done << QStringLiteral("Done");
    QTest::addRow("rejected") << WorkOrderState::Rejected << QStringLiteral("Rejected");
    QTest::addRow("cancelled") << WorkOrderState::Cancelled << QStringLiteral("Cancelled");
}

void TestWorkOrderView::stateDisplay()
{
    QFETCH(WorkOrderState, state);
    QFETCH(QString, text);
    WorkOrder order = notifiedOrder(QStringLiteral("WO-2026-0001"), 0);
    order.state = state;
    WorkOrderModel model;
    model.setOrders({order});
    // Display text, not the machine name ("in_progress"), and an icon beside it.
    QCOMPARE(cell(model, 0, WorkOrderModel::StateColumn), text);
    QCOMPARE(cell(model, 0, WorkOrderModel::StateColumn, Qt::ToolTipRole).section(u':', 0, 0), text);
    const QIcon icon = model.index(0, WorkOrderModel::StateColumn).data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!icon.isNull());
    QVERIFY(!icon.pixmap(16, 16).toImage().isNull());
    // The machine name itself is untouched.
    QCOMPARE(workOrderStateFromName(workOrderStateName(state)), std::optional<WorkOrderState>(state));
}

void TestWorkOrderView::stateIconsDiffer()
{
    QList<QImage> images;
    for (WorkOrderState state : {WorkOrderState::Open, WorkOrderState::Notified, WorkOrderState::Acknowledged,
                                 WorkOrderState::InProgress, WorkOrderState::Done, WorkOrderState::Rejected,
                                 WorkOrderState::Cancelled}) {
        WorkOrder order = notifiedOrder(QStringLiteral("WO-1"), 0);
        order.state = state;
        WorkOrderModel model;
        model.setOrders({order});
        const QImage image = model.index(0, WorkOrderModel::StateColumn).data(Qt::DecorationRole).value<QIcon>()
                                 .pixmap(16, 16).toImage();
        QVERIFY(!image.isNull());
        for (const QImage &other : std::as_const(images))
            QVERIFY2(image != other, qPrintable(workOrderStateName(state)));
        images.append(image);
    }
}

void TestWorkOrderView::timeToAcknowledge()
{
    WorkOrderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QDateTime now = T0.addSecs(20 * 60);
    model.setClock([&now] { return now; });

    const WorkOrder taken = acknowledged(notifiedOrder(QStringLiteral("WO-A"), 0), 7);
    // Escalated after 15 minutes, taken by Piotr at 19: counted from the creation, not the escalation.
    WorkOrder escalatedThenTaken = escalated(notifiedOrder(QStringLiteral("WO-B"), 0), 15);
    escalatedThenTaken = withState(escalatedThenTaken, WorkOrderState::Acknowledged, QStringLiteral("acknowledged"), 19);
    // Started at once, without an ACK first: that is taking it too.
    const WorkOrder startedAtOnce = withState(notifiedOrder(QStringLiteral("WO-C"), 0), WorkOrderState::InProgress,
                                              QStringLiteral("started"), 3);
    // Done later: still shows how long the acknowledgement took.
    const WorkOrder done = withState(acknowledged(notifiedOrder(QStringLiteral("WO-D"), 0), 2), WorkOrderState::Done,
                                     QStringLiteral("done"), 40);
    const WorkOrder waiting = notifiedOrder(QStringLiteral("WO-E"), 10);          // due at 9:25
    const WorkOrder overdue = notifiedOrder(QStringLiteral("WO-F"), 0);           // due at 9:15
    WorkOrder open = notifiedOrder(QStringLiteral("WO-G"), 0);
    open.state = WorkOrderState::Open;
    open.notified = 0;
    open.notifiedAt = {};
    open.history.clear();
    WorkOrder cancelledWaiting = withState(notifiedOrder(QStringLiteral("WO-H"), 0), WorkOrderState::Cancelled,
                                           QStringLiteral("cancelled"), 4);
    model.setOrders({taken, escalatedThenTaken, startedAtOnce, done, waiting, overdue, open, cancelledWaiting});

    const auto ack = [&](int row) { return cell(model, row, WorkOrderModel::AckColumn); };
    QCOMPARE(ack(0), QStringLiteral("7m"));
    QCOMPARE(ack(1), QStringLiteral("19m"));
    QCOMPARE(ack(2), QStringLiteral("3m"));
    QCOMPARE(ack(3), QStringLiteral("2m"));
    QCOMPARE(ack(4), QStringLiteral("5m left"));
    QCOMPARE(ack(5), QStringLiteral("overdue"));
    QCOMPARE(ack(6), QString());
    QCOMPARE(ack(7), QString());

    // Overdue is told by an icon too, not by colour; the others have none.
    QVERIFY(!model.index(5, WorkOrderModel::AckColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!model.index(4, WorkOrderModel::AckColumn).data(Qt::DecorationRole).isValid());
    QVERIFY(cell(model, 5, WorkOrderModel::AckColumn, Qt::ToolTipRole).startsWith(QStringLiteral("Overdue by 5m")));
    QVERIFY(cell(model, 0, WorkOrderModel::AckColumn, Qt::ToolTipRole).startsWith(QStringLiteral("Acknowledged 7m after")));

    QCOMPARE(WorkOrderModel::acknowledgedAt(taken), T0.addSecs(7 * 60));
    QVERIFY(!WorkOrderModel::acknowledgedAt(waiting).isValid());
    const WorkOrderModel::AckTiming timing = WorkOrderModel::ackTiming(overdue, now);
    QCOMPARE(timing.kind, Kind::Overdue);
    QCOMPARE(timing.seconds, 5 * 60);
    QCOMPARE(timing.at, T0.addSecs(15 * 60));

    // Time moves on: the waiting one becomes overdue too.
    now = T0.addSecs(26 * 60);
    model.tick();
    QCOMPARE(ack(4), QStringLiteral("overdue"));
    // The deadline counts from the last notification: after an escalation, from then.
    const WorkOrder escalatedWaiting = escalated(notifiedOrder(QStringLiteral("WO-I"), 0), 16);
    QCOMPARE(WorkOrderModel::ackText(WorkOrderModel::ackTiming(escalatedWaiting, now)), QStringLiteral("5m left"));
}

void TestWorkOrderView::ageAndTick()
{
    WorkOrderModel model;
    QDateTime now = T0.addSecs(5 * 60 + 30);
    model.setClock([&now] { return now; });
    model.setOrders({notifiedOrder(QStringLiteral("WO-1"), 0), notifiedOrder(QStringLiteral("WO-2"), -3 * 60 - 10)});
    QCOMPARE(cell(model, 0, WorkOrderModel::AgeColumn), QStringLiteral("5m"));
    QCOMPARE(cell(model, 1, WorkOrderModel::AgeColumn), QStringLiteral("3h 15m"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    now = now.addSecs(60);
    model.tick();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, WorkOrderModel::AgeColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(1, WorkOrderModel::AckColumn));
    QCOMPARE(cell(model, 0, WorkOrderModel::AgeColumn), QStringLiteral("6m"));
}

void TestWorkOrderView::assigneeAndTooltips()
{
    WorkOrderModel model;
    const WorkOrder order = escalated(notifiedOrder(QStringLiteral("WO-1"), 0), 15);
    model.setOrders({order});
    QCOMPARE(cell(model, 0, WorkOrderModel::AssigneeColumn), QStringLiteral("Piotr Nowak"));
    const QString chain = cell(model, 0, WorkOrderModel::AssigneeColumn, Qt::ToolTipRole);
    QCOMPARE(chain, QStringLiteral("1. %1 (notified)\n2. %2 (responsible now)").arg(Anna, Piotr));
    QCOMPARE(cell(model, 0, WorkOrderModel::StateColumn, Qt::ToolTipRole),
             QStringLiteral("Notified: waiting for %1 to acknowledge").arg(Piotr));
    QVERIFY(cell(model, 0, WorkOrderModel::SummaryColumn, Qt::ToolTipRole).contains(order.alarmText));
    QVERIFY(cell(model, 0, WorkOrderModel::IdColumn, Qt::ToolTipRole).contains(Console));

    // Before anyone is notified nobody is responsible.
    WorkOrder open = order;
    open.state = WorkOrderState::Open;
    open.notified = 0;
    model.setOrders({open});
    QCOMPARE(cell(model, 0, WorkOrderModel::AssigneeColumn), QString());
}

void TestWorkOrderView::sortKeys()
{
    WorkOrderModel model;
    model.setClock([] { return T0.addSecs(20 * 60); });
    model.setOrders({notifiedOrder(QStringLiteral("WO-1"), 0, QStringLiteral("P-1"), WorkOrderPriority::Critical),
                     acknowledged(notifiedOrder(QStringLiteral("WO-2"), 1, QStringLiteral("P-2"), WorkOrderPriority::Low), 4)});
    QCOMPARE(model.index(0, WorkOrderModel::PriorityColumn).data(WorkOrderModel::SortRole).toInt(),
             int(WorkOrderPriority::Critical));
    QCOMPARE(model.index(1, WorkOrderModel::StateColumn).data(WorkOrderModel::SortRole).toInt(),
             int(WorkOrderState::Acknowledged));
    // Overdue below zero, taken above every waiting one.
    QCOMPARE(model.index(0, WorkOrderModel::AckColumn).data(WorkOrderModel::SortRole).toLongLong(), -5 * 60);
    QVERIFY(model.index(1, WorkOrderModel::AckColumn).data(WorkOrderModel::SortRole).toLongLong() > 30 * 24 * 3600);
    // The younger one has the smaller age key.
    QVERIFY(model.index(1, WorkOrderModel::AgeColumn).data(WorkOrderModel::SortRole).toLongLong()
            < model.index(0, WorkOrderModel::AgeColumn).data(WorkOrderModel::SortRole).toLongLong());
}

void TestWorkOrderView::sortingInTheView()
{
    WorkOrderView view;
    view.model()->setClock([] { return T0.addSecs(20 * 60); });
    QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const WorkOrder critical = notifiedOrder(QStringLiteral("WO-2026-0004"), 19, QStringLiteral("V-509"), WorkOrderPriority::Critical);
    const WorkOrder low = acknowledged(notifiedOrder(QStringLiteral("WO-2026-0003"), 10, QStringLiteral("P-202"), WorkOrderPriority::Low), 2);
    const WorkOrder overdue = notifiedOrder(QStringLiteral("WO-2026-0002"), 0, QStringLiteral("HX-7"), WorkOrderPriority::Normal);
    WorkOrder done = withState(acknowledged(notifiedOrder(QStringLiteral("WO-2026-0001"), -30, QStringLiteral("K-3")), 9),
                               WorkOrderState::Done, QStringLiteral("done"), 40);
    // Newest first, as the tracker lists them; no sort until a header is clicked.
    view.setOrders({critical, low, overdue, done});
    QCOMPARE(idsInView(*view.proxy()),
             (QStringList{QStringLiteral("WO-2026-0004"), QStringLiteral("WO-2026-0003"), QStringLiteral("WO-2026-0002"),
                          QStringLiteral("WO-2026-0001")}));

    view.table()->sortByColumn(WorkOrderModel::PriorityColumn, Qt::DescendingOrder);
    QCOMPARE(idsInView(*view.proxy()).constFirst(), QStringLiteral("WO-2026-0004"));
    QCOMPARE(idsInView(*view.proxy()).constLast(), QStringLiteral("WO-2026-0003"));

    // Most urgent first: overdue, then least time left, then the times taken (shortest first).
    view.table()->sortByColumn(WorkOrderModel::AckColumn, Qt::AscendingOrder);
    QCOMPARE(idsInView(*view.proxy()),
             (QStringList{QStringLiteral("WO-2026-0002"), QStringLiteral("WO-2026-0004"), QStringLiteral("WO-2026-0003"),
                          QStringLiteral("WO-2026-0001")}));

    view.table()->sortByColumn(WorkOrderModel::StateColumn, Qt::AscendingOrder);
    QCOMPARE(idsInView(*view.proxy()).constLast(), QStringLiteral("WO-2026-0001"));
    QCOMPARE(idsInView(*view.proxy()).at(2), QStringLiteral("WO-2026-0003"));

    view.table()->sortByColumn(WorkOrderModel::AgeColumn, Qt::AscendingOrder);
    QCOMPARE(idsInView(*view.proxy()),
             (QStringList{QStringLiteral("WO-2026-0004"), QStringLiteral("WO-2026-0003"), QStringLiteral("WO-2026-0002"),
                          QStringLiteral("WO-2026-0001")}));

    view.table()->sortByColumn(WorkOrderModel::AssetColumn, Qt::AscendingOrder);
    QCOMPARE(idsInView(*view.proxy()),
             (QStringList{QStringLiteral("WO-2026-0002"), QStringLiteral("WO-2026-0001"), QStringLiteral("WO-2026-0003"),
                          QStringLiteral("WO-2026-0004")}));
}

void TestWorkOrderView::rowsChangeInPlace()
{
    WorkOrderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const WorkOrder a = notifiedOrder(QStringLiteral("WO-3"), 2);
    const WorkOrder b = notifiedOrder(QStringLiteral("WO-2"), 1);
    const WorkOrder c = notifiedOrder(QStringLiteral("WO-1"), 0);
    model.setOrders({a, b, c});

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QPersistentModelIndex bIndex = model.index(1, 0);

    // A new one on top, b acknowledged, c gone.
    const WorkOrder d = notifiedOrder(QStringLiteral("WO-4"), 3);
    model.setOrders({d, a, acknowledged(b, 3)});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(idsInView(model), (QStringList{QStringLiteral("WO-4"), QStringLiteral("WO-3"), QStringLiteral("WO-2")}));
    QCOMPARE(bIndex.row(), 2);
    QCOMPARE(cell(model, 2, WorkOrderModel::StateColumn), QStringLiteral("Acknowledged"));
    QCOMPARE(model.unacknowledgedCount(), 2);

    model.setOrders({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.unacknowledgedCount(), 0);
}

void TestWorkOrderView::reorderKeepsSelection()
{
    WorkOrderView view;
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const WorkOrder a = notifiedOrder(QStringLiteral("WO-1"), 0);
    const WorkOrder b = notifiedOrder(QStringLiteral("WO-2"), 1);
    const WorkOrder c = notifiedOrder(QStringLiteral("WO-3"), 2);
    view.setOrders({a, b, c});
    QVERIFY(view.selectOrder(QStringLiteral("WO-2")));
    QVERIFY(!view.selectOrder(QStringLiteral("WO-9")));
    // Another console's change arrives in another order, with a new one.
    view.setOrders({c, notifiedOrder(QStringLiteral("WO-4"), 3), b, a});
    QCOMPARE(idsInView(*view.model()),
             (QStringList{QStringLiteral("WO-3"), QStringLiteral("WO-4"), QStringLiteral("WO-2"), QStringLiteral("WO-1")}));
    QCOMPARE(view.currentId(), QStringLiteral("WO-2"));
    QCOMPARE(view.timelineModel()->orderId(), QStringLiteral("WO-2"));
}

void TestWorkOrderView::timeline()
{
    WorkOrder order = escalated(notifiedOrder(QStringLiteral("WO-2026-0007"), 0), 15);
    order = withState(order, WorkOrderState::Acknowledged, QStringLiteral("acknowledged"), 18);
    order.history.last().actor = QStringLiteral("p.nowak@service.example");
    order.history.last().comment = QStringLiteral("there in 10 minutes");

    WorkOrderTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOrder(order);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(WorkOrderTimelineModel::TimeColumn, Qt::Horizontal).toString(), QStringLiteral("Time"));
    QCOMPARE(model.headerData(WorkOrderTimelineModel::ActionColumn, Qt::Horizontal).toString(), QStringLiteral("Action"));
    QCOMPARE(model.headerData(WorkOrderTimelineModel::ActorColumn, Qt::Horizontal).toString(), QStringLiteral("By"));
    QCOMPARE(model.headerData(WorkOrderTimelineModel::CommentColumn, Qt::Horizontal).toString(), QStringLiteral("Comment"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.orderId(), QStringLiteral("WO-2026-0007"));
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(cell(model, row, WorkOrderTimelineModel::TimeColumn),
                 QLocale().toString(order.history.at(row).at.toLocalTime(), QLocale::ShortFormat));
    }
    QCOMPARE(cell(model, 0, WorkOrderTimelineModel::ActionColumn), QStringLiteral("Created, notified Anna Berg"));
    QCOMPARE(cell(model, 1, WorkOrderTimelineModel::ActionColumn), QStringLiteral("Escalated to Piotr Nowak"));
    QCOMPARE(cell(model, 2, WorkOrderTimelineModel::ActionColumn), QStringLiteral("Acknowledged"));
    QCOMPARE(cell(model, 0, WorkOrderTimelineModel::ActorColumn), Console);
    QCOMPARE(cell(model, 2, WorkOrderTimelineModel::ActorColumn), QStringLiteral("p.nowak@service.example"));
    QCOMPARE(cell(model, 2, WorkOrderTimelineModel::CommentColumn), QStringLiteral("there in 10 minutes"));
    QCOMPARE(cell(model, 2, WorkOrderTimelineModel::ActionColumn, Qt::ToolTipRole).section(u'\n', 0, 0),
             QStringLiteral("Notified → Acknowledged"));
    QVERIFY(!model.index(2, WorkOrderTimelineModel::ActionColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    // Handed on by a rejection: who has it now; the last one rejecting: nobody.
    QCOMPARE(WorkOrderTimelineModel::actionText(historyEvent(T0, QStringLiteral("rejected"), QStringLiteral("anna@plant.example"),
                                                      WorkOrderState::Notified, WorkOrderState::Notified, Piotr)),
             QStringLiteral("Rejected, now with Piotr Nowak"));
    QCOMPARE(WorkOrderTimelineModel::actionText(historyEvent(T0, QStringLiteral("rejected"), QStringLiteral("p.nowak@service.example"),
                                                      WorkOrderState::Notified, WorkOrderState::Rejected, Piotr)),
             QStringLiteral("Rejected"));
    QCOMPARE(WorkOrderTimelineModel::actionText(historyEvent(T0, QStringLiteral("reopened"), Console,
                                                      WorkOrderState::Done, WorkOrderState::Done, QString())),
             QStringLiteral("reopened"));   // an action this console does not know: as written

    // The same order moving on appends; another order replaces.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setOrder(withState(order, WorkOrderState::InProgress, QStringLiteral("started"), 30));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(cell(model, 3, WorkOrderTimelineModel::ActionColumn), QStringLiteral("Started"));
    model.setOrder(notifiedOrder(QStringLiteral("WO-2026-0008"), 0));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.orderId(), QString());
}

void TestWorkOrderView::timelineFollowsSelectionAndChanges()
{
    WorkOrderView view;
    const WorkOrder a = notifiedOrder(QStringLiteral("WO-1"), 0);
    const WorkOrder b = escalated(notifiedOrder(QStringLiteral("WO-2"), 1), 16);
    view.setOrders({b, a});
    QCOMPARE(view.timelineModel()->rowCount(), 0);
    QVERIFY(view.timelineLabel()->text().contains(QStringLiteral("select a work order")));

    QVERIFY(view.selectOrder(QStringLiteral("WO-2")));
    QCOMPARE(view.timelineModel()->orderId(), QStringLiteral("WO-2"));
    QCOMPARE(view.timelineModel()->rowCount(), 2);
    QCOMPARE(view.timelineLabel()->text(), QStringLiteral("T&imeline of WO-2"));
    view.table()->selectRow(1);
    QCOMPARE(view.timelineModel()->orderId(), QStringLiteral("WO-1"));
    QCOMPARE(view.timelineModel()->rowCount(), 1);

    // The tracker reports an acknowledgement: the timeline of the current order grows.
    view.setOrders({b, acknowledged(a, 5)});
    QCOMPARE(view.timelineModel()->rowCount(), 2);
    QCOMPARE(view.timeline()->model()->index(1, WorkOrderTimelineModel::CommentColumn).data().toString(),
             QStringLiteral("on my way"));
    // It goes away: the current row moves to its neighbour, and the timeline with it.
    view.setOrders({b});
    QCOMPARE(view.currentId(), QStringLiteral("WO-2"));
    QCOMPARE(view.timelineModel()->orderId(), QStringLiteral("WO-2"));
    // Nothing left: the timeline is emptied.
    view.setOrders({});
    QCOMPARE(view.timelineModel()->rowCount(), 0);
    QCOMPARE(view.timelineModel()->orderId(), QString());
}

void TestWorkOrderView::cancelAsksAndCallsBack()
{
    WorkOrderView view;
    view.setOrders({notifiedOrder(QStringLiteral("WO-2026-0007"), 0), notifiedOrder(QStringLiteral("WO-2026-0006"), 0)});
    QStringList asked;
    bool answer = false;
    view.setConfirmation([&](QWidget *parent, const QString &title, const QString &question) {
        asked << question;
        return parent == &view && title == QStringLiteral("Cancel work order") && answer;
    });
    QSignalSpy requested(&view, &WorkOrderView::cancelRequested);

    // Nothing selected: nothing to cancel.
    QVERIFY(!view.cancelAction()->isEnabled());
    view.cancelSelected();
    QCOMPARE(asked.size(), 0);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QVERIFY(view.selectOrder(QStringLiteral("WO-2026-0007")));
    QVERIFY(view.cancelAction()->isEnabled());
    // No: nothing happens.
    view.cancelAction()->trigger();
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.constFirst().startsWith(QStringLiteral("Cancel WO-2026-0007 (P-201 vibration 9.2 mm/s (limit 8.4))?")),
             qPrintable(asked.constFirst()));
    QVERIFY(asked.constFirst().contains(QStringLiteral("No mail goes out")));
    QCOMPARE(requested.size(), 0);

    // Yes, by the keyboard (Delete on the table).
    answer = true;
    view.table()->setFocus();
    QTRY_VERIFY(view.table()->hasFocus());
    QTest::keyClick(view.table(), Qt::Key_Delete);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("WO-2026-0007"));

    // And by the button.
    QVERIFY(view.selectOrder(QStringLiteral("WO-2026-0006")));
    QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(0).toString(), QStringLiteral("WO-2026-0006"));
}

void TestWorkOrderView::cancelOnlyForOpenOrders()
{
    WorkOrderView view;
    int asked = 0;
    view.setConfirmation([&asked](QWidget *, const QString &, const QString &) {
        ++asked;
        return true;
    });
    QSignalSpy requested(&view, &WorkOrderView::cancelRequested);
    const WorkOrder done = withState(notifiedOrder(QStringLiteral("WO-1"), 0), WorkOrderState::Done, QStringLiteral("done"), 5);
    const WorkOrder inProgress = withState(notifiedOrder(QStringLiteral("WO-2"), 0), WorkOrderState::InProgress,
                                           QStringLiteral("started"), 5);
    view.setOrders({done, inProgress});
    QVERIFY(view.selectOrder(QStringLiteral("WO-1")));
    QVERIFY(!view.cancelAction()->isEnabled());
    view.cancelSelected();
    QCOMPARE(asked, 0);
    QCOMPARE(requested.size(), 0);
    // In progress is still open: it may be called off.
    QVERIFY(view.selectOrder(QStringLiteral("WO-2")));
    QVERIFY(view.cancelAction()->isEnabled());
    // It closes meanwhile (another console): the action follows.
    view.setOrders({done, withState(inProgress, WorkOrderState::Done, QStringLiteral("done"), 9)});
    QVERIFY(!view.cancelAction()->isEnabled());
}

void TestWorkOrderView::summaryLineAndUnavailable()
{
    WorkOrderView view;
    QCOMPARE(view.summaryLabel()->text(), QStringLiteral("No work order is waiting for an acknowledgement."));
    view.setOrders({notifiedOrder(QStringLiteral("WO-1"), 0), acknowledged(notifiedOrder(QStringLiteral("WO-2"), 0), 3),
                    notifiedOrder(QStringLiteral("WO-3"), 0)});
    QCOMPARE(view.summaryLabel()->text(), QStringLiteral("2 work orders not yet acknowledged"));
    view.setOrders({notifiedOrder(QStringLiteral("WO-1"), 0)});
    QCOMPARE(view.summaryLabel()->text(), QStringLiteral("1 work order not yet acknowledged"));

    // An account without work orders.
    QVERIFY(view.selectOrder(QStringLiteral("WO-1")));
    view.setAvailable(false, QStringLiteral("Work orders are tracked for IMAP accounts."));
    QCOMPARE(view.summaryLabel()->text(), QStringLiteral("Work orders are tracked for IMAP accounts."));
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY(!view.table()->isEnabled());
    QVERIFY(!view.cancelAction()->isEnabled());
    view.setAvailable(true);
    QVERIFY(view.table()->isEnabled());
}

void TestWorkOrderView::keyboardAndAccessibility()
{
    WorkOrderView view;
    view.setOrders({notifiedOrder(QStringLiteral("WO-1"), 0)});
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QCOMPARE(view.cancelAction()->shortcut(), QKeySequence(QKeySequence::Delete));
    QCOMPARE(view.cancelAction()->shortcutContext(), Qt::WidgetWithChildrenShortcut);
    QVERIFY(!view.table()->accessibleName().isEmpty());
    QVERIFY(!view.timeline()->accessibleName().isEmpty());
    QVERIFY(!view.cancelButton()->accessibleName().isEmpty());
    QCOMPARE(view.timelineLabel()->buddy(), view.timeline());
    QVERIFY(view.table()->isSortingEnabled());
    // Tab: the table, the Cancel button, the timeline.
    view.table()->setFocus();
    QTRY_VERIFY(view.table()->hasFocus());
    QVERIFY(view.selectOrder(QStringLiteral("WO-1")));
    QTest::keyClick(view.table(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(view.cancelButton()));
    QTest::keyClick(view.cancelButton(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(view.timeline()));
}

void TestWorkOrderView::durationText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::addRow("seconds") << qint64(45) << QStringLiteral("45s");
    QTest::addRow("minutes, rounded down") << qint64(12 * 60 + 59) << QStringLiteral("12m");
    QTest::addRow("hours and minutes") << qint64(2 * 3600 + 5 * 60) << QStringLiteral("2h 05m");
    QTest::addRow("days and hours") << qint64(3 * 86400 + 4 * 3600 + 59) << QStringLiteral("3d 4h");
    QTest::addRow("negative as its size") << qint64(-90) << QStringLiteral("1m");
}

void TestWorkOrderView::durationText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(WorkOrderDisplay::durationText(seconds), text);
    // The time-to-acknowledge column says the same for a time taken, and "left" for a time to go.
    WorkOrderModel::AckTiming timing;
    timing.kind = Kind::Taken;
    timing.seconds = seconds;
    QCOMPARE(WorkOrderModel::ackText(timing), text);
    timing.kind = Kind::Left;
    QCOMPARE(WorkOrderModel::ackText(timing), text + QStringLiteral(" left"));
}

QTEST_MAIN(TestWorkOrderView)
#include "tst_workorderview.moc"
