// The inbox model and its sort/filter proxy, under QAbstractItemModelTester;
// the alarm columns (severity and asset), their sort order and filters.

#include "inboxmodel.h"

#include <QLocale>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QColor>
#include <QElapsedTimer>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <limits>

using namespace machina;

Q_DECLARE_METATYPE(machina::AlarmSeverity)

namespace {

MessageSummary message(const QString &id, const QDateTime &date, const QString &from,
                       const QString &subject, bool seen = false, int attachments = 0)
{
    MessageSummary m;
    m.id = id;
    m.date = date;
    m.from = from;
    const qsizetype open = from.lastIndexOf(u'<');
    m.fromAddress = open >= 0 ? from.mid(open + 1).chopped(1) : from;
    m.subject = subject;
    m.seen = seen;
    m.attachments = attachments;
    return m;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

QDateTime withOffset(int y, int mo, int d, int h, int mi, int offsetHours)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone(offsetHours * 3600));
}

/** The ids in the proxy's current order. */
QStringList proxyIds(const QAbstractItemModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.index(row, 0).data(InboxModel::IdRole).toString());
    return ids;
}

QList<MessageSummary> plantInbox()
{
    return {
        message(QStringLiteral("imap:1:1"), utc(2026, 3, 2, 8, 0), QStringLiteral("Anna Berg <anna@plant.example>"),
                QStringLiteral("Pump P-201 vibration alarm"), false, 0),
        message(QStringLiteral("imap:1:2"), utc(2026, 3, 2, 9, 30), QStringLiteral("alarms@scada.example"),
                QStringLiteral("[WO-2026-42] Compressor C-3 overheating"), true, 1),
        message(QStringLiteral("imap:1:3"), utc(2026, 3, 1, 17, 5), QStringLiteral("Jonas Keller <j.keller@service.example>"),
                QStringLiteral("Re: WO-2026-7 done"), true, 2),
        message(QStringLiteral("imap:1:4"), utc(2026, 2, 27, 12, 0), QStringLiteral("\"Ämter, Zoë\" <zoe@plant.example>"),
                QStringLiteral("Valve leak"), false, 0),
    };
}

/** Alarm mails of every class, and two that are no alarm. */
QList<MessageSummary> alarmInbox()
{
    const QString scada = QStringLiteral("SCADA <alarms@scada.example>");
    return {
        message(QStringLiteral("a1"), utc(2026, 3, 2, 8, 0), scada, QStringLiteral("ALARM P-201 vibration 9.2 mm/s (limit 8.4)")),
        message(QStringLiteral("a2"), utc(2026, 3, 2, 8, 1), scada, QStringLiteral("WARNING HX-7 fouling factor rising")),
        message(QStringLiteral("a3"), utc(2026, 3, 2, 8, 2), QStringLiteral("Anna Berg <anna@plant.example>"),
                QStringLiteral("Re: WO-2026-7 done")),
        message(QStringLiteral("a4"), utc(2026, 3, 2, 8, 3), scada, QStringLiteral("CRITICAL V-509 pressure 12 bar (limit 10)")),
        message(QStringLiteral("a5"), utc(2026, 3, 2, 8, 4), scada, QStringLiteral("INFO P-202 maintenance due")),
        message(QStringLiteral("a6"), utc(2026, 3, 2, 8, 5), scada, QStringLiteral("[Werk 2] Störung k-3 Motor blockiert")),
        message(QStringLiteral("a7"), utc(2026, 3, 2, 8, 6), QStringLiteral("zoe@plant.example"), QStringLiteral("Valve leak")),
    };
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Window, QColor(0x25, 0x25, 0x25));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    return dark;
}

QPalette lightPalette()
{
    QPalette light;
    light.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    light.setColor(QPalette::Text, QColor(0x10, 0x10, 0x10));
    return light;
}

} // namespace

class TestInboxModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// Dates in the C locale's forms, whatever the desktop's language (LocalDates keeps ISO there).
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void extractWorkOrderId_data();
    void extractWorkOrderId();
    void modelTesterThroughChanges();
    void columnsAndRoles();
    void boldForUnread();
    void upsertInsertsAndUpdates();
    void addMessagesInsertsOnceAndUpdates();
    void removeMessagesInRuns_data();
    void removeMessagesInRuns();
    void bodyTextAddsWorkOrder();
    void filter_data();
    void filter();
    void sortByDateAcrossDaysAndZones();
    void sortBySenderIgnoresCase();
    void liveUpsertIntoSortedFilteredProxy();
    void severityAndAssetColumns();
    void severityIconsDifferByShape();
    void severityColoursReadOnLightAndDark();
    void contrastRatio();
    void sortBySeverityRank();
    void sortByAsset();
    void filterBySeverity_data();
    void filterBySeverity();
    void filterByAsset_data();
    void filterByAsset();
    void accountAlarmRules();
    void twentyThousandRows();
};

void TestInboxModel::extractWorkOrderId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::addRow("year and number") << QStringLiteral("Pump alarm WO-2026-42") << QStringLiteral("WO-2026-42");
    QTest::addRow("in brackets") << QStringLiteral("[WO-2026-42] P-201 high vibration") << QStringLiteral("WO-2026-42");
    QTest::addRow("in parentheses") << QStringLiteral("see (WO-5)") << QStringLiteral("WO-5");
    QTest::addRow("digits only") << QStringLiteral("WO-17") << QStringLiteral("WO-17");
    QTest::addRow("many groups") << QStringLiteral("WO-1-2-3 x") << QStringLiteral("WO-1-2-3");
    QTest::addRow("lower case") << QStringLiteral("Re: wo-2026-7 done") << QStringLiteral("WO-2026-7");
    QTest::addRow("first of two") << QStringLiteral("first WO-1 then WO-2") << QStringLiteral("WO-1");
    QTest::addRow("full stop after") << QStringLiteral("Done with WO-2026-42.") << QStringLiteral("WO-2026-42");
    QTest::addRow("trailing hyphen") << QStringLiteral("WO-2026- pending") << QStringLiteral("WO-2026");
    QTest::addRow("double hyphen") << QStringLiteral("WO-2026--3") << QStringLiteral("WO-2026");
    QTest::addRow("after line break") << QStringLiteral("Hello,\nthis is about WO-9-1\nthanks") << QStringLiteral("WO-9-1");
    QTest::addRow("glued letter skipped, next taken") << QStringLiteral("WO-12a and WO-13") << QStringLiteral("WO-13");
    QTest::addRow("none") << QStringLiteral("Valve leak") << QString();
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("prefix only") << QStringLiteral("WO-") << QString();
    QTest::addRow("letters") << QStringLiteral("WO-abc") << QString();
    QTest::addRow("space instead of hyphen") << QStringLiteral("WO 2026 42") << QString();
    QTest::addRow("inside a word") << QStringLiteral("TWO-2026-1") << QString();
    QTest::addRow("letter glued after") << QStringLiteral("WO-12a") << QString();
    QTest::addRow("non-ASCII digits") << QStringLiteral("WO-\u0662\u0660\u0662\u0666") << QString();
}

void TestInboxModel::extractWorkOrderId()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(machina::extractWorkOrderId(text), expected);
}

void TestInboxModel::modelTesterThroughChanges()
{
    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(InboxModel::DateColumn, Qt::DescendingOrder);

    QList<MessageSummary> messages;
    for (int i = 0; i < 50; ++i) {
        messages.append(message(QStringLiteral("imap:7:%1").arg(i), utc(2026, 1, 1, 0, 0).addSecs(i * 3571),
                                QStringLiteral("Sender %1 <s%1@plant.example>").arg(i % 7),
                                i % 3 ? QStringLiteral("Pump check %1").arg(i) : QStringLiteral("WO-2026-%1 update").arg(i),
                                i % 2, i % 4));
    }
    model.setMessages(messages);
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(proxy.rowCount(), 50);

    proxy.setFilterText(QStringLiteral("pump"));
    QCOMPARE(proxy.rowCount(), 33);
    model.upsert(message(QStringLiteral("imap:7:100"), utc(2027, 1, 1, 0, 0), QStringLiteral("x@y.example"),
                         QStringLiteral("Pump new")));
    model.upsert(message(QStringLiteral("imap:7:101"), utc(2027, 1, 1, 0, 0), QStringLiteral("x@y.example"),
                         QStringLiteral("Other")));
    model.upsert(message(QStringLiteral("imap:7:3"), utc(2020, 1, 1, 0, 0), QStringLiteral("x@y.example"),
                         QStringLiteral("now a pump too"), true));
    QVERIFY(model.setSeen(QStringLiteral("imap:7:4"), true));
    QVERIFY(model.setSeen(QStringLiteral("imap:7:4"), false));
    QVERIFY(model.setBodyText(QStringLiteral("imap:7:101"), QStringLiteral("pump WO-1")));
    QVERIFY(!model.setSeen(QStringLiteral("nope"), true));

    proxy.setFilterText(QString());
    proxy.sort(InboxModel::FromColumn, Qt::AscendingOrder);
    proxy.sort(InboxModel::AttachmentColumn, Qt::DescendingOrder);
    proxy.sort(InboxModel::WorkOrderColumn, Qt::AscendingOrder);
    model.setMessages({});
    QCOMPARE(proxy.rowCount(), 0);
    model.setMessages(messages.mid(0, 10));
    QCOMPARE(proxy.rowCount(), 10);
}

void TestInboxModel::columnsAndRoles()
{
    InboxModel model;
    model.setMessages(plantInbox());

    QCOMPARE(model.columnCount(), 7);
    QCOMPARE(model.headerData(InboxModel::SeverityColumn, Qt::Horizontal).toString(), QStringLiteral("Severity"));
    QCOMPARE(model.headerData(InboxModel::AssetColumn, Qt::Horizontal).toString(), QStringLiteral("Asset"));
    QCOMPARE(model.headerData(InboxModel::DateColumn, Qt::Horizontal).toString(), QStringLiteral("Date"));
    QCOMPARE(model.headerData(InboxModel::FromColumn, Qt::Horizontal).toString(), QStringLiteral("From"));
    QCOMPARE(model.headerData(InboxModel::SubjectColumn, Qt::Horizontal).toString(), QStringLiteral("Subject"));
    QCOMPARE(model.headerData(InboxModel::WorkOrderColumn, Qt::Horizontal).toString(), QStringLiteral("Work order"));
    QCOMPARE(model.headerData(InboxModel::AttachmentColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("Attachments"));

    const MessageSummary first = plantInbox().at(0);
    QCOMPARE(model.index(0, InboxModel::DateColumn).data().toString(),
             first.date.toLocalTime().toString(u"yyyy-MM-dd HH:mm"));   // the C locale's ISO form (initTestCase)
    QCOMPARE(model.index(0, InboxModel::DateColumn).data(InboxModel::SortRole).toLongLong(),
             first.date.toMSecsSinceEpoch());
    // The column shows the name; the tooltip the whole sender.
    QCOMPARE(model.index(0, InboxModel::FromColumn).data().toString(), QStringLiteral("Anna Berg"));
    QCOMPARE(model.index(0, InboxModel::FromColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Anna Berg <anna@plant.example>"));
    QCOMPARE(model.index(3, InboxModel::FromColumn).data().toString(), QStringLiteral("Ämter, Zoë"));
    QCOMPARE(model.index(1, InboxModel::FromColumn).data().toString(), QStringLiteral("alarms@scada.example"));
    QCOMPARE(model.index(1, InboxModel::SubjectColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("[WO-2026-42] Compressor C-3 overheating"));
    QCOMPARE(model.index(1, InboxModel::WorkOrderColumn).data().toString(), QStringLiteral("WO-2026-42"));
    QCOMPARE(model.index(1, InboxModel::SubjectColumn).data(InboxModel::WorkOrderRole).toString(),
             QStringLiteral("WO-2026-42"));
    QCOMPARE(model.index(0, InboxModel::WorkOrderColumn).data().toString(), QString());
    QCOMPARE(model.index(2, InboxModel::SubjectColumn).data(InboxModel::IdRole).toString(), QStringLiteral("imap:1:3"));
    QCOMPARE(model.index(2, InboxModel::SubjectColumn).data(InboxModel::SeenRole).toBool(), true);

    // Attachment mark: an icon and words, nothing for none.
    const QVariant clip = model.index(2, InboxModel::AttachmentColumn).data(Qt::DecorationRole);
    QVERIFY(clip.canConvert<QIcon>());
    QVERIFY(!clip.value<QIcon>().isNull());
    QCOMPARE(model.index(2, InboxModel::AttachmentColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("2 attachments"));
    QCOMPARE(model.index(1, InboxModel::AttachmentColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("1 attachment"));
    QVERIFY(!model.index(0, InboxModel::AttachmentColumn).data(Qt::DecorationRole).isValid());
    QCOMPARE(model.index(2, InboxModel::AttachmentColumn).data(InboxModel::SortRole).toInt(), 2);

    QCOMPARE(model.messageAt(2).subject, QStringLiteral("Re: WO-2026-7 done"));
    QCOMPARE(model.messageAt(99).id, QString());
    QCOMPARE(model.rowOf(QStringLiteral("imap:1:4")), 3);
    QCOMPARE(model.rowOf(QStringLiteral("imap:9:9")), -1);
    QCOMPARE(model.unreadCount(), 2);

    // A repeated id keeps its first row.
    QList<MessageSummary> twice = plantInbox();
    twice.append(message(QStringLiteral("imap:1:1"), utc(2020, 1, 1, 0, 0), QStringLiteral("x@y.example"), QStringLiteral("dup")));
    model.setMessages(twice);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.messageAt(0).subject, QStringLiteral("Pump P-201 vibration alarm"));
}

void TestInboxModel::boldForUnread()
{
    InboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(plantInbox());
    for (int column = 0; column < model.columnCount(); ++column) {
        QVERIFY(model.index(0, column).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(1, column).data(Qt::FontRole).value<QFont>().bold());
    }

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy unread(&model, &InboxModel::unreadCountChanged);
    QVERIFY(model.setSeen(QStringLiteral("imap:1:1"), true));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(0, InboxModel::ColumnCount - 1));
    QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(Qt::FontRole));
    QCOMPARE(unread.size(), 1);
    QCOMPARE(unread.at(0).at(0).toInt(), 1);
    QVERIFY(!model.index(0, InboxModel::SubjectColumn).data(Qt::FontRole).value<QFont>().bold());

    // Setting what is already set changes nothing.
    QVERIFY(model.setSeen(QStringLiteral("imap:1:1"), true));
    QCOMPARE(changed.size(), 1);

    QVERIFY(model.setSeen(QStringLiteral("imap:1:2"), false));
    QVERIFY(model.index(1, InboxModel::DateColumn).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(model.unreadCount(), 2);
}

// A listing's batch: new rows in one insertion, known ones updated in place.
void TestInboxModel::addMessagesInsertsOnceAndUpdates()
{
    InboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<MessageSummary> inbox = plantInbox();
    model.addMessages(inbox.mid(0, 2));
    QCOMPARE(model.ids(), (QStringList{QStringLiteral("imap:1:1"), QStringLiteral("imap:1:2")}));
    QCOMPARE(model.unreadCount(), 1);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    MessageSummary readNow = inbox[0];
    readNow.seen = true;
    // A known row (updated), two new ones, and a repeat of a new one (kept once).
    model.addMessages({readNow, inbox[2], inbox[3], inbox[3]});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.ids(), (QStringList{QStringLiteral("imap:1:1"), QStringLiteral("imap:1:2"),
                                       QStringLiteral("imap:1:3"), QStringLiteral("imap:1:4")}));
    QCOMPARE(model.unreadCount(), 1); // 1:1 read now, 1:4 unread
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.ids().at(row)), row);

    model.addMessages({});
    QCOMPARE(inserted.size(), 1);
}

void TestInboxModel::removeMessagesInRuns_data()
{
    QTest::addColumn<QStringList>("remove");
    QTest::addColumn<QStringList>("left");
    QTest::addColumn<int>("unread");
    QTest::addRow("first") << QStringList{QStringLiteral("imap:1:1")}
                           << QStringList{QStringLiteral("imap:1:2"), QStringLiteral("imap:1:3"), QStringLiteral("imap:1:4")} << 1;
    QTest::addRow("last") << QStringList{QStringLiteral("imap:1:4")}
                          << QStringList{QStringLiteral("imap:1:1"), QStringLiteral("imap:1:2"), QStringLiteral("imap:1:3")} << 1;
    QTest::addRow("two runs, unordered, unknown and repeated ids")
        << QStringList{QStringLiteral("imap:1:4"), QStringLiteral("imap:9:9"), QStringLiteral("imap:1:1"), QStringLiteral("imap:1:4")}
        << QStringList{QStringLiteral("imap:1:2"), QStringLiteral("imap:1:3")} << 0;
    QTest::addRow("a run of two") << QStringList{QStringLiteral("imap:1:2"), QStringLiteral("imap:1:3")}
                                  << QStringList{QStringLiteral("imap:1:1"), QStringLiteral("imap:1:4")} << 2;
    QTest::addRow("all") << QStringList{QStringLiteral("imap:1:1"), QStringLiteral("imap:1:2"), QStringLiteral("imap:1:3"), QStringLiteral("imap:1:4")}
                         << QStringList{} << 0;
    QTest::addRow("none known") << QStringList{QStringLiteral("gmail:x")}
                                << QStringList{QStringLiteral("imap:1:1"), QStringLiteral("imap:1:2"), QStringLiteral("imap:1:3"), QStringLiteral("imap:1:4")} << 2;
}

void TestInboxModel::removeMessagesInRuns()
{
    QFETCH(QStringList, remove);
    QFETCH(QStringList, left);
    QFETCH(int, unread);
    InboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(InboxModel::DateColumn, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(plantInbox());
    const int removedCount = 4 - int(left.size());
    QCOMPARE(model.removeMessages(remove), removedCount);
    QCOMPARE(model.ids(), left);
    QCOMPARE(model.unreadCount(), unread);
    QCOMPARE(proxy.rowCount(), int(left.size()));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(left.at(row)), row);
    for (const QString &id : remove) {
        if (!left.contains(id))
            QCOMPARE(model.rowOf(id), -1);
    }
}

void TestInboxModel::upsertInsertsAndUpdates()
{
    InboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(plantInbox());

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy unread(&model, &InboxModel::unreadCountChanged);

    model.upsert(message(QStringLiteral("imap:1:5"), utc(2026, 3, 2, 10, 0), QStringLiteral("Anna Berg <anna@plant.example>"),
                         QStringLiteral("WO-2026-50 Pump P-202 seal")));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 4);
    QCOMPARE(inserted.at(0).at(2).toInt(), 4);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(4, InboxModel::WorkOrderColumn).data().toString(), QStringLiteral("WO-2026-50"));
    QCOMPARE(model.unreadCount(), 3);
    QCOMPARE(unread.size(), 1);

    // The same id again updates its row in place.
    model.upsert(message(QStringLiteral("imap:1:2"), utc(2026, 3, 2, 9, 30), QStringLiteral("alarms@scada.example"),
                         QStringLiteral("[WO-2026-43] Compressor C-3 overheating"), false, 1));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(1, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(1, InboxModel::ColumnCount - 1));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(1, InboxModel::WorkOrderColumn).data().toString(), QStringLiteral("WO-2026-43"));
    QCOMPARE(model.unreadCount(), 4);
    QCOMPARE(reset.size(), 0);
}

void TestInboxModel::bodyTextAddsWorkOrder()
{
    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(plantInbox());
    proxy.setFilterText(QStringLiteral("WO-2026-99"));
    QCOMPARE(proxy.rowCount(), 0);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setBodyText(QStringLiteral("imap:1:4"), QStringLiteral("Hello,\nplease open WO-2026-99 for it.\n")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(3, InboxModel::WorkOrderColumn).data().toString(), QStringLiteral("WO-2026-99"));
    QCOMPARE(proxy.rowCount(), 1);

    // An update of the headers keeps what the body said.
    model.upsert(message(QStringLiteral("imap:1:4"), utc(2026, 2, 27, 12, 0), QStringLiteral("zoe@plant.example"),
                         QStringLiteral("Valve leak"), true));
    QCOMPARE(model.index(3, InboxModel::WorkOrderColumn).data().toString(), QStringLiteral("WO-2026-99"));

    // The subject's id wins over the body's.
    QVERIFY(model.setBodyText(QStringLiteral("imap:1:2"), QStringLiteral("about WO-1")));
    QCOMPARE(model.index(1, InboxModel::WorkOrderColumn).data().toString(), QStringLiteral("WO-2026-42"));
    QVERIFY(!model.setBodyText(QStringLiteral("imap:0:0"), QStringLiteral("WO-1")));
}

void TestInboxModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    const QStringList all{QStringLiteral("imap:1:1"), QStringLiteral("imap:1:2"), QStringLiteral("imap:1:3"),
                          QStringLiteral("imap:1:4")};
    QTest::addRow("empty") << QString() << all;
    QTest::addRow("blank") << QStringLiteral("   ") << all;
    QTest::addRow("sender name") << QStringLiteral("anna") << QStringList{QStringLiteral("imap:1:1")};
    QTest::addRow("sender address, any case") << QStringLiteral("PLANT.example")
                                              << QStringList{QStringLiteral("imap:1:1"), QStringLiteral("imap:1:4")};
    QTest::addRow("non-ASCII sender, upper case") << QStringLiteral("ZOË") << QStringList{QStringLiteral("imap:1:4")};
    QTest::addRow("subject") << QStringLiteral("pump") << QStringList{QStringLiteral("imap:1:1")};
    QTest::addRow("work order") << QStringLiteral("wo-2026-42") << QStringList{QStringLiteral("imap:1:2")};
    QTest::addRow("work order from the body") << QStringLiteral("WO-2026-99") << QStringList{QStringLiteral("imap:1:4")};
    QTest::addRow("work order prefix") << QStringLiteral("WO-2026")
                                       << QStringList{QStringLiteral("imap:1:2"), QStringLiteral("imap:1:3"),
                                                      QStringLiteral("imap:1:4")};
    QTest::addRow("two terms, both match") << QStringLiteral("keller  done") << QStringList{QStringLiteral("imap:1:3")};
    QTest::addRow("two terms, one matches") << QStringLiteral("keller pump") << QStringList();
    QTest::addRow("nothing") << QStringLiteral("turbine") << QStringList();
}

void TestInboxModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(plantInbox());
    QVERIFY(model.setBodyText(QStringLiteral("imap:1:4"), QStringLiteral("Opened WO-2026-99.")));
    proxy.sort(-1);

    proxy.setFilterText(text);
    QCOMPARE(proxy.filterText(), text);
    QCOMPARE(proxyIds(proxy), expected);

    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 4);
}

void TestInboxModel::sortByDateAcrossDaysAndZones()
{
    // Listed so that neither list order nor the local wall-clock text gives the instant order.
    const QList<MessageSummary> messages{
        // 2026-03-01 23:30 UTC
        message(QStringLiteral("a"), utc(2026, 3, 1, 23, 30), QStringLiteral("a@x.example"), QStringLiteral("a")),
        // 2026-03-02 00:15 +02:00 = 2026-03-01 22:15 UTC: the next day's date, yet earlier than a
        message(QStringLiteral("b"), withOffset(2026, 3, 2, 0, 15, 2), QStringLiteral("b@x.example"), QStringLiteral("b")),
        // 2026-03-01 20:00 -05:00 = 2026-03-02 01:00 UTC: the latest
        message(QStringLiteral("c"), withOffset(2026, 3, 1, 20, 0, -5), QStringLiteral("c@x.example"), QStringLiteral("c")),
        // the last second of February, then the first of March
        message(QStringLiteral("d"), utc(2026, 2, 28, 23, 59, 59), QStringLiteral("d@x.example"), QStringLiteral("d")),
        message(QStringLiteral("e"), utc(2026, 3, 1, 0, 0, 0), QStringLiteral("e@x.example"), QStringLiteral("e")),
        // 2026-03-01 09:00 +14:00 = 2026-02-28 19:00 UTC
        message(QStringLiteral("f"), withOffset(2026, 3, 1, 9, 0, 14), QStringLiteral("f@x.example"), QStringLiteral("f")),
        // a year boundary: 2025-12-31 23:00 -03:00 = 2026-01-01 02:00 UTC
        message(QStringLiteral("g"), withOffset(2025, 12, 31, 23, 0, -3), QStringLiteral("g@x.example"), QStringLiteral("g")),
        // undated: the oldest
        message(QStringLiteral("h"), QDateTime(), QStringLiteral("h@x.example"), QStringLiteral("h")),
    };
    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(messages);

    proxy.sort(InboxModel::DateColumn, Qt::AscendingOrder);
    const QStringList ascending{QStringLiteral("h"), QStringLiteral("g"), QStringLiteral("f"), QStringLiteral("d"),
                                QStringLiteral("e"), QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")};
    QCOMPARE(proxyIds(proxy), ascending);

    proxy.sort(InboxModel::DateColumn, Qt::DescendingOrder);
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());
    QCOMPARE(proxyIds(proxy), descending);

    // New mail lands in its place while sorted.
    model.upsert(message(QStringLiteral("i"), utc(2026, 3, 1, 23, 0), QStringLiteral("i@x.example"), QStringLiteral("i")));
    QCOMPARE(proxyIds(proxy).indexOf(QStringLiteral("i")), descending.indexOf(QStringLiteral("a")) + 1);
}

void TestInboxModel::sortBySenderIgnoresCase()
{
    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    model.setMessages({
            message(QStringLiteral("1"), utc(2026, 1, 1, 0, 0), QStringLiteral("zeta@x.example"), QStringLiteral("s")),
            message(QStringLiteral("2"), utc(2026, 1, 2, 0, 0), QStringLiteral("Bob <bob@x.example>"), QStringLiteral("s")),
            message(QStringLiteral("3"), utc(2026, 1, 3, 0, 0), QStringLiteral("alice@x.example"), QStringLiteral("s")),
    });
    proxy.sort(InboxModel::FromColumn, Qt::AscendingOrder);
    QCOMPARE(proxyIds(proxy), (QStringList{QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1")}));
}

void TestInboxModel::liveUpsertIntoSortedFilteredProxy()
{
    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(plantInbox());
    proxy.sort(InboxModel::DateColumn, Qt::DescendingOrder);
    proxy.setFilterText(QStringLiteral("plant.example"));
    QCOMPARE(proxyIds(proxy), (QStringList{QStringLiteral("imap:1:1"), QStringLiteral("imap:1:4")}));

    model.upsert(message(QStringLiteral("imap:1:9"), utc(2026, 3, 3, 6, 0), QStringLiteral("Anna Berg <anna@plant.example>"),
                         QStringLiteral("Pump P-201 back to normal")));
    QCOMPARE(proxyIds(proxy).value(0), QStringLiteral("imap:1:9"));

    model.upsert(message(QStringLiteral("imap:1:10"), utc(2026, 3, 3, 7, 0), QStringLiteral("other@elsewhere.example"),
                         QStringLiteral("Unrelated")));
    QCOMPARE(proxy.rowCount(), 3);

    // An update that now matches the filter brings the row in.
    model.upsert(message(QStringLiteral("imap:1:10"), utc(2026, 3, 3, 7, 0), QStringLiteral("ops@plant.example"),
                         QStringLiteral("Unrelated")));
    QCOMPARE(proxyIds(proxy).value(0), QStringLiteral("imap:1:10"));
    QCOMPARE(proxy.rowCount(), 4);
}

void TestInboxModel::severityAndAssetColumns()
{
    InboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(alarmInbox());

    struct Expected { QString severity; QString asset; int rank; };
    const QList<Expected> expected{
        {QStringLiteral("Alarm"), QStringLiteral("P-201"), 3},
        {QStringLiteral("Warning"), QStringLiteral("HX-7"), 2},
        {QString(), QString(), 0},
        {QStringLiteral("Critical"), QStringLiteral("V-509"), 4},
        {QStringLiteral("Info"), QStringLiteral("P-202"), 1},
        {QStringLiteral("Alarm"), QStringLiteral("K-3"), 3},   // German, lower-case asset: read the same
        {QString(), QString(), 0},
    };
    for (int row = 0; row < expected.size(); ++row) {
        const QModelIndex severity = model.index(row, InboxModel::SeverityColumn);
        const QModelIndex asset = model.index(row, InboxModel::AssetColumn);
        QCOMPARE(severity.data().toString(), expected.at(row).severity);
        QCOMPARE(severity.data(InboxModel::SeverityRole).toInt(), expected.at(row).rank);
        QCOMPARE(severity.data(InboxModel::SortRole).toInt(), expected.at(row).rank);
        QCOMPARE(asset.data().toString(), expected.at(row).asset);
        QCOMPARE(model.index(row, 0).data(InboxModel::AssetRole).toString(), expected.at(row).asset);
        // Never colour alone: every alarm has its word and an icon; other mail has neither.
        const bool alarm = !expected.at(row).severity.isEmpty();
        QCOMPARE(!severity.data(Qt::DecorationRole).value<QIcon>().isNull(), alarm);
        QCOMPARE(severity.data(Qt::ForegroundRole).isValid(), alarm);
        QCOMPARE(model.alarmAt(row).has_value(), alarm);
    }
    // The tooltip says which word the subject used; a screen reader hears "No alarm" for other mail.
    QVERIFY(model.index(5, InboxModel::SeverityColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("störung")));
    QCOMPARE(model.index(2, InboxModel::SeverityColumn).data(Qt::AccessibleTextRole).toString(), QStringLiteral("No alarm"));
    QCOMPARE(model.alarmAt(0)->text, QStringLiteral("vibration 9.2 mm/s (limit 8.4)"));
    QCOMPARE(model.alarmAt(0)->priority, WorkOrderPriority::High);
    QVERIFY(!model.alarmAt(99));

    // A changed subject is read again.
    MessageSummary changed = alarmInbox().at(6);
    changed.subject = QStringLiteral("CRITICAL P-9 fire");
    model.upsert(changed);
    QCOMPARE(model.index(6, InboxModel::SeverityColumn).data().toString(), QStringLiteral("Critical"));
    QCOMPARE(model.index(6, InboxModel::AssetColumn).data().toString(), QStringLiteral("P-9"));
}

void TestInboxModel::severityIconsDifferByShape()
{
    // Each class has its own icon (octagon, triangle, diamond, circle), drawn from the resources.
    QList<QImage> images;
    for (AlarmSeverity severity : {AlarmSeverity::Critical, AlarmSeverity::Alarm, AlarmSeverity::Warning, AlarmSeverity::Info}) {
        const QIcon icon = SeverityDisplay::icon(severity);
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(16, 16).toImage();
        QVERIFY(!image.isNull());
        for (const QImage &other : std::as_const(images))
            QVERIFY(image != other);
        images.append(image);
        // And a word of its own.
        QVERIFY(!SeverityDisplay::text(severity).isEmpty());
    }
    QVERIFY(SeverityDisplay::icon(AlarmSeverity::None).isNull());
    QCOMPARE(SeverityDisplay::text(AlarmSeverity::None), QString());
}

void TestInboxModel::severityColoursReadOnLightAndDark()
{
    const QPalette original = QGuiApplication::palette();
    InboxModel model;
    model.setMessages(alarmInbox());
    for (const QPalette &palette : {lightPalette(), darkPalette()}) {
        QApplication::setPalette(palette);
        const QColor base = palette.color(QPalette::Base);
        for (int row : {0, 1, 3, 4}) {
            const QColor color = model.index(row, InboxModel::SeverityColumn).data(Qt::ForegroundRole).value<QColor>();
            QVERIFY(color.isValid());
            const double ratio = SeverityDisplay::contrastRatio(color, base);
            QVERIFY2(ratio >= SeverityDisplay::MinimumContrast,
                     qPrintable(QStringLiteral("row %1: %2 on %3 is %4:1").arg(row).arg(color.name(), base.name()).arg(ratio)));
        }
    }
    // The warning's yellow is too light for white and is darkened there; on dark it stays itself.
    QApplication::setPalette(darkPalette());
    QCOMPARE(model.index(1, InboxModel::SeverityColumn).data(Qt::ForegroundRole).value<QColor>(),
             SeverityDisplay::baseColor(AlarmSeverity::Warning));
    QApplication::setPalette(lightPalette());
    QVERIFY(model.index(1, InboxModel::SeverityColumn).data(Qt::ForegroundRole).value<QColor>()
            != SeverityDisplay::baseColor(AlarmSeverity::Warning));
    QApplication::setPalette(original);
}

void TestInboxModel::contrastRatio()
{
    QCOMPARE(qRound(SeverityDisplay::contrastRatio(Qt::black, Qt::white)), 21);
    QCOMPARE(SeverityDisplay::contrastRatio(Qt::red, Qt::red), 1.0);
    // Dark red on near-black is lightened, keeping its hue; yellow on white darkened.
    const QColor dark(0x20, 0x20, 0x20);
    const QColor lifted = SeverityDisplay::readableOn(QColor(0x80, 0x00, 0x00), dark);
    QVERIFY(SeverityDisplay::contrastRatio(lifted, dark) >= 4.5);
    QVERIFY(lifted.lightness() > QColor(0x80, 0x00, 0x00).lightness());
    QCOMPARE(lifted.hslHue(), 0);
    const QColor deepened = SeverityDisplay::readableOn(QColor(0xff, 0xee, 0x00), Qt::white);
    QVERIFY(SeverityDisplay::contrastRatio(deepened, Qt::white) >= 4.5);
    QVERIFY(deepened.lightness() < QColor(0xff, 0xee, 0x00).lightness());
    // Already readable: unchanged.
    QCOMPARE(SeverityDisplay::readableOn(Qt::black, Qt::white), QColor(Qt::black));
}

void TestInboxModel::sortBySeverityRank()
{
    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(alarmInbox());

    // Worst first: critical > alarm > warning > info > no alarm; ties keep their order.
    proxy.sort(InboxModel::SeverityColumn, Qt::DescendingOrder);
    QCOMPARE(proxyIds(proxy), (QStringList{QStringLiteral("a4"), QStringLiteral("a1"), QStringLiteral("a6"),
                                           QStringLiteral("a2"), QStringLiteral("a5"), QStringLiteral("a3"),
                                           QStringLiteral("a7")}));
    proxy.sort(InboxModel::SeverityColumn, Qt::AscendingOrder);
    const QStringList ascending = proxyIds(proxy);
    QCOMPARE(ascending.mid(0, 2), (QStringList{QStringLiteral("a3"), QStringLiteral("a7")}));
    QCOMPARE(ascending.mid(2), (QStringList{QStringLiteral("a5"), QStringLiteral("a2"), QStringLiteral("a1"),
                                            QStringLiteral("a6"), QStringLiteral("a4")}));
    // Not by the word: "Warning" < "Info" alphabetically would be wrong.
    QVERIFY(ascending.indexOf(QStringLiteral("a5")) < ascending.indexOf(QStringLiteral("a2")));
}

void TestInboxModel::sortByAsset()
{
    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    model.setMessages(alarmInbox());
    proxy.sort(InboxModel::AssetColumn, Qt::AscendingOrder);
    QCOMPARE(proxyIds(proxy).mid(2), (QStringList{QStringLiteral("a2"), QStringLiteral("a6"), QStringLiteral("a1"),
                                                  QStringLiteral("a5"), QStringLiteral("a4")}));
}

void TestInboxModel::filterBySeverity_data()
{
    QTest::addColumn<AlarmSeverity>("minimum");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("all mail") << AlarmSeverity::None
                              << QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"), QStringLiteral("a4"),
                                             QStringLiteral("a5"), QStringLiteral("a6"), QStringLiteral("a7")};
    QTest::addRow("any alarm") << AlarmSeverity::Info
                               << QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a4"),
                                              QStringLiteral("a5"), QStringLiteral("a6")};
    QTest::addRow("warning or worse") << AlarmSeverity::Warning
                                      << QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a4"), QStringLiteral("a6")};
    QTest::addRow("alarm or worse") << AlarmSeverity::Alarm
                                    << QStringList{QStringLiteral("a1"), QStringLiteral("a4"), QStringLiteral("a6")};
    QTest::addRow("critical only") << AlarmSeverity::Critical << QStringList{QStringLiteral("a4")};
}

void TestInboxModel::filterBySeverity()
{
    QFETCH(AlarmSeverity, minimum);
    QFETCH(QStringList, expected);
    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(alarmInbox());
    proxy.sort(-1);
    proxy.setMinimumSeverity(minimum);
    QCOMPARE(proxy.minimumSeverity(), minimum);
    QCOMPARE(proxyIds(proxy), expected);
    // Together with the text filter: both must pass.
    proxy.setFilterText(QStringLiteral("P-201"));
    QCOMPARE(proxyIds(proxy), expected.contains(QStringLiteral("a1")) ? QStringList{QStringLiteral("a1")} : QStringList());
    proxy.setFilterText(QString());
    proxy.setMinimumSeverity(AlarmSeverity::None);
    QCOMPARE(proxy.rowCount(), 7);
}

void TestInboxModel::filterByAsset_data()
{
    QTest::addColumn<QString>("asset");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("none") << QString()
                          << QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"), QStringLiteral("a4"),
                                         QStringLiteral("a5"), QStringLiteral("a6"), QStringLiteral("a7")};
    QTest::addRow("prefix: every pump") << QStringLiteral("P-") << QStringList{QStringLiteral("a1"), QStringLiteral("a5")};
    QTest::addRow("one asset, any case, spaces") << QStringLiteral(" p-201 ") << QStringList{QStringLiteral("a1")};
    QTest::addRow("lower-case in the subject") << QStringLiteral("K-3") << QStringList{QStringLiteral("a6")};
    QTest::addRow("not a prefix") << QStringLiteral("201") << QStringList();
}

void TestInboxModel::filterByAsset()
{
    QFETCH(QString, asset);
    QFETCH(QStringList, expected);
    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMessages(alarmInbox());
    proxy.sort(-1);
    proxy.setAssetFilter(asset);
    QCOMPARE(proxyIds(proxy), expected);
}

void TestInboxModel::accountAlarmRules()
{
    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<MessageSummary> inbox = alarmInbox();
    inbox.append(message(QStringLiteral("b1"), utc(2026, 3, 2, 9, 0), QStringLiteral("plc@line3.example"),
                         QStringLiteral("Line 3 / TK-12 / level HIGH-HIGH")));
    model.setMessages(inbox);
    QCOMPARE(model.index(7, InboxModel::SeverityColumn).data().toString(), QString());

    // The account's own rule: its words and its priorities.
    AlarmRule rule;
    rule.name = QStringLiteral("line3");
    rule.subject = QRegularExpression(QStringLiteral("^Line \\d+ / (?<asset>[A-Z]+-\\d+) / (?<text>level (?<severity>HIGH-HIGH|HIGH|LOW))$"));
    rule.severities = {{QStringLiteral("HIGH-HIGH"), WorkOrderPriority::Critical}, {QStringLiteral("HIGH"), WorkOrderPriority::Normal},
                       {QStringLiteral("LOW"), WorkOrderPriority::Low}};
    QVERIFY2(rule.problem().isEmpty(), qPrintable(rule.problem()));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setAlarmRecognizer(AlarmRecognizer({rule}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(7, InboxModel::SeverityColumn).data().toString(), QStringLiteral("Critical"));
    QCOMPARE(model.index(7, InboxModel::AssetColumn).data().toString(), QStringLiteral("TK-12"));
    // The default rule is not used any more.
    QCOMPARE(model.index(0, InboxModel::SeverityColumn).data().toString(), QString());
    proxy.setMinimumSeverity(AlarmSeverity::Info);
    QCOMPARE(proxyIds(proxy), QStringList{QStringLiteral("b1")});
}

void TestInboxModel::twentyThousandRows()
{
    constexpr int Count = 20000;
    QList<MessageSummary> messages;
    messages.reserve(Count);
    QRandomGenerator random(20260302);
    const QDateTime start = utc(2024, 1, 1, 0, 0);
    int withWorkOrder = 0;
    for (int i = 0; i < Count; ++i) {
        const bool wo = i % 10 == 0;
        withWorkOrder += wo ? 1 : 0;
        messages.append(message(
                QStringLiteral("imap:1:%1").arg(i + 1),
                start.addSecs(qint64(random.bounded(2 * 365 * 24 * 3600))).toOffsetFromUtc(3600 * (random.bounded(25) - 12)),
                QStringLiteral("Technician %1 <tech%1@service.example>").arg(i % 97),
                wo ? QStringLiteral("Re: [WO-2025-%1] pump inspection").arg(i) : QStringLiteral("Alarm %1 on line %2").arg(i).arg(i % 13),
                random.bounded(2) == 0, random.bounded(3)));
    }

    InboxModel model;
    InboxFilterModel proxy;
    proxy.setSourceModel(&model);

    QElapsedTimer timer;
    timer.start();
    model.setMessages(messages);
    const qint64 loaded = timer.elapsed();
    proxy.sort(InboxModel::DateColumn, Qt::DescendingOrder);
    const qint64 sorted = timer.elapsed();
    proxy.setFilterText(QStringLiteral("wo-2025"));
    const qint64 filtered = timer.elapsed();
    qInfo("20,000 rows: setMessages %lld ms, + sort by date %lld ms (total %lld ms), + filter %lld ms",
          loaded, sorted - loaded, sorted, filtered - sorted);

    QCOMPARE(model.rowCount(), Count);
    QCOMPARE(proxy.rowCount(), withWorkOrder);

    // A view on top scrolls to the end and shows dates there.
    QTableView view;
    view.setModel(&proxy);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.scrollToBottom();
    const QModelIndex last = proxy.index(proxy.rowCount() - 1, InboxModel::DateColumn);
    QTRY_VERIFY(view.visualRect(last).isValid() && view.viewport()->rect().intersects(view.visualRect(last)));
    QVERIFY(!last.data().toString().isEmpty());
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), Count);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const qint64 key = proxy.index(row, InboxModel::DateColumn).data(InboxModel::SortRole).toLongLong();
        QVERIFY2(key <= previous, qPrintable(QStringLiteral("row %1 out of order").arg(row)));
        previous = key;
    }
}

QTEST_MAIN(TestInboxModel)
#include "tst_inboxmodel.moc"
