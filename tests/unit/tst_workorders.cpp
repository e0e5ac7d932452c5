// The rules of work orders without any server: alarm rules, reply codes in
// three languages, the state flow, ids, the keyword and message forms, and
// the config's work_orders section.
#include "config/connectorconfig.h"
#include "workorders/alarmrules.h"
#include "workorders/replycodes.h"
#include "workorders/workorderflow.h"
#include "workorders/workorderid.h"
#include "workorders/workorderjson.h"
#include "workorders/workorderkeywords.h"
#include "workorders/workordermessages.h"

#include <QTest>

using namespace machina;

Q_DECLARE_METATYPE(machina::ReplyCode)
Q_DECLARE_METATYPE(machina::WorkOrderState)

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 12, 2), QTime(8, 0), Qt::UTC);

WorkOrder notifiedOrder(int chainLength = 3)
{
    WorkOrder order;
    order.id = QStringLiteral("WO-2026-0001");
    order.asset = QStringLiteral("P-201");
    order.summary = QStringLiteral("vibration 9.2 mm/s");
    order.priority = WorkOrderPriority::High;
    order.ackWithinSeconds = 900;
    const QStringList all{QStringLiteral("Anna <anna@plant.test>"), QStringLiteral("ben@plant.test"),
                          QStringLiteral("Carla <carla@plant.test>")};
    order.chain = all.mid(0, chainLength);
    return WorkOrderFlow::notifyFirst(order, T0, QStringLiteral("test")).next;
}

QByteArray yaml(const QByteArray &workOrders)
{
    return "connectors:\n  email:\n    type: email\n    smtp_host: 127.0.0.1\n    imap_host: 127.0.0.1\n"
           "    username: sup@plant.test\n    password: x\n    work_orders:\n"
        + workOrders;
}

} // namespace

class TestWorkOrders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void alarmRule_data();
    void alarmRule();
    void customRuleFromConfig();
    void replyCodes_data();
    void replyCodes();
    void replyCommentAndQuote();
    void flow_data();
    void flow();
    void rejectionHandsOn();
    void escalation();
    void idPattern();
    void durations();
    void keywordsRoundTrip();
    void messagesRoundTrip();
    void configErrors_data();
    void configErrors();
    void roster();
};

void TestWorkOrders::alarmRule_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("asset");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("priority");
    QTest::newRow("alarm") << "ALARM P-201 vibration 9.2 mm/s (limit 8.4)" << "alarm" << "P-201"
                           << "vibration 9.2 mm/s (limit 8.4)" << int(WorkOrderPriority::High);
    QTest::newRow("critical") << "CRITICAL V-509 pressure high" << "critical" << "V-509" << "pressure high"
                              << int(WorkOrderPriority::Critical);
    QTest::newRow("warning") << "WARNING HX-7 fouling" << "warning" << "HX-7" << "fouling" << int(WorkOrderPriority::Normal);
    QTest::newRow("site tag, colon") << "[Plant 2] ALARM: P-17 seal leak" << "alarm" << "P-17" << "seal leak"
                                     << int(WorkOrderPriority::High);
    QTest::newRow("forwarded, lower case") << "Fwd: alarm p-3 dry run" << "alarm" << "P-3" << "dry run"
                                           << int(WorkOrderPriority::High);
    QTest::newRow("german") << "STÖRUNG K-12 Lager heiß" << "störung" << "K-12" << "Lager heiß" << int(WorkOrderPriority::High);
    QTest::newRow("italian") << "ALLARME PM-4 temperatura" << "allarme" << "PM-4" << "temperatura"
                             << int(WorkOrderPriority::High);
    QTest::newRow("no text") << "CRITICAL V-1" << "critical" << "V-1" << "" << int(WorkOrderPriority::Critical);
    QTest::newRow("not an alarm") << "Lunch on Friday" << "" << "" << "" << -1;
    QTest::newRow("no asset") << "ALARM pump is loud" << "" << "" << "" << -1;
    QTest::newRow("severity later") << "Re: the ALARM P-201 yesterday" << "" << "" << "" << -1;
}

void TestWorkOrders::alarmRule()
{
    QFETCH(QString, subject);
    QFETCH(QString, severity);
    QFETCH(QString, asset);
    QFETCH(QString, text);
    QFETCH(int, priority);
    const std::optional<Alarm> alarm = AlarmRecognizer::defaults().recognise(subject);
    if (priority < 0) {
        QVERIFY2(!alarm, qPrintable(subject));
        return;
    }
    QVERIFY2(alarm, qPrintable(subject));
    QCOMPARE(alarm->severity, severity);
    QCOMPARE(alarm->asset, asset);
    QCOMPARE(alarm->text, text);
    QCOMPARE(int(alarm->priority), priority);
}

void TestWorkOrders::customRuleFromConfig()
{
    const auto result = ConfigLoader::loadString(yaml(
        "      alarm_rules:\n"
        "        - name: scada\n"
        "          subject: '^(?<severity>TRIP|HIGH) (?<asset>[A-Z]+[0-9]+) (?<text>.*)$'\n"
        "          severities: {trip: critical, high: normal}\n"), QStringLiteral("c.yaml"));
    QVERIFY2(result.config, qPrintable(result.error.message()));
    const AlarmRecognizer recognizer = result.config->workOrders.recognizer();
    const auto alarm = recognizer.recognise(QStringLiteral("TRIP FAN7 motor overload"));
    QVERIFY(alarm);
    QCOMPARE(alarm->asset, QStringLiteral("FAN7"));
    QCOMPARE(alarm->priority, WorkOrderPriority::Critical);
    QCOMPARE(alarm->rule, QStringLiteral("scada"));
    // The configured rules replace the default one.
    QVERIFY(!recognizer.recognise(QStringLiteral("ALARM P-201 vibration")));
}

void TestWorkOrders::replyCodes_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("code");   // -1: none
    QTest::addColumn<QString>("word");
    const int ack = int(ReplyCode::Acknowledge), start = int(ReplyCode::Start), done = int(ReplyCode::Done),
              reject = int(ReplyCode::Reject);
    QTest::newRow("ACK") << "ACK" << ack << "ACK";
    QTest::newRow("ack. lower") << "ack. on my way" << ack << "ack";
    QTest::newRow("Accepted!") << "Accepted!\n" << ack << "Accepted";
    QTest::newRow("quittiert") << "Quittiert, bin unterwegs" << ack << "Quittiert";
    QTest::newRow("angenommen") << "ANGENOMMEN" << ack << "ANGENOMMEN";
    QTest::newRow("ricevuto") << "ricevuto" << ack << "ricevuto";
    QTest::newRow("accettato") << "Accettato." << ack << "Accettato";
    QTest::newRow("preso") << "PRESO" << ack << "PRESO";
    QTest::newRow("start") << "START" << start << "START";
    QTest::newRow("started") << "started at 9:10" << start << "started";
    QTest::newRow("begonnen") << "begonnen" << start << "begonnen";
    QTest::newRow("iniziato") << "Iniziato" << start << "Iniziato";
    QTest::newRow("done") << "DONE" << done << "DONE";
    QTest::newRow("cmp") << "CMP - bearing replaced" << done << "CMP";
    QTest::newRow("closed") << "closed" << done << "closed";
    QTest::newRow("fixed") << "Fixed." << done << "Fixed";
    QTest::newRow("erledigt") << "Erledigt!" << done << "Erledigt";
    QTest::newRow("fertig") << "fertig" << done << "fertig";
    QTest::newRow("fatto") << "FATTO" << done << "FATTO";
    QTest::newRow("completato") << "completato" << done << "completato";
    QTest::newRow("chiuso") << "Chiuso" << done << "Chiuso";
    QTest::newRow("reject") << "REJECT" << reject << "REJECT";
    QTest::newRow("decline") << "decline, I am off today" << reject << "decline";
    QTest::newRow("abgelehnt") << "Abgelehnt" << reject << "Abgelehnt";
    QTest::newRow("rifiutato") << "rifiutato" << reject << "rifiutato";
    QTest::newRow("blank lines first") << "\n\n  DONE\n" << done << "DONE";
    QTest::newRow("CRLF") << "\r\nACK\r\n" << ack << "ACK";
    QTest::newRow("ok is not a code") << "OK" << -1 << "";
    QTest::newRow("no is not a code") << "No problem, on my way" << -1 << "";
    QTest::newRow("code later in the line") << "I will ACK soon" << -1 << "";
    QTest::newRow("quoted code only") << "> ACK\n" << -1 << "";
    QTest::newRow("own text above quote") << "Thanks\n> DONE" << -1 << "";
    QTest::newRow("empty") << "" << -1 << "";
    QTest::newRow("prefix only") << "ACKNOWLEDGE" << -1 << "";
}

void TestWorkOrders::replyCodes()
{
    QFETCH(QString, body);
    QFETCH(int, code);
    QFETCH(QString, word);
    const ReplyCodeTable::Reading reading = ReplyCodeTable::defaults().read(body);
    if (code < 0) {
        QVERIFY2(!reading.code, qPrintable(body));
        return;
    }
    QVERIFY2(reading.code, qPrintable(body));
    QCOMPARE(int(*reading.code), code);
    QCOMPARE(reading.word, word);
}

void TestWorkOrders::replyCommentAndQuote()
{
    const auto reading = ReplyCodeTable::defaults().read(
        QStringLiteral("DONE: bearing replaced,\nvibration now 2.1 mm/s\n\nOn Tue, 1 Dec 2026, Supervisor wrote:\n"
                       "> [WO-2026-0001] P-201 vibration\n> ACK\n"));
    QCOMPARE(reading.code, std::optional(ReplyCode::Done));
    QCOMPARE(reading.comment, QStringLiteral("bearing replaced,\nvibration now 2.1 mm/s"));

    ReplyCodeTable custom = ReplyCodeTable::defaults();
    custom.setWords(ReplyCode::Acknowledge, {QStringLiteral("ROGER")});
    QCOMPARE(custom.read(QStringLiteral("roger that")).code, std::optional(ReplyCode::Acknowledge));
    QVERIFY(!custom.read(QStringLiteral("ACK")).code);
    custom.setWords(ReplyCode::Done, {QStringLiteral("roger")});
    QVERIFY(custom.conflict().contains(QStringLiteral("roger")));
}

void TestWorkOrders::flow_data()
{
    QTest::addColumn<WorkOrderState>("before");
    QTest::addColumn<QString>("from");
    QTest::addColumn<ReplyCode>("code");
    QTest::addColumn<WorkOrderState>("after");
    QTest::addColumn<int>("result");   // WorkOrderStep::Result
    const int changed = int(WorkOrderStep::Result::Changed), unchanged = int(WorkOrderStep::Result::Unchanged),
              refused = int(WorkOrderStep::Result::Refused);
    using S = WorkOrderState;
    using C = ReplyCode;
    const QString anna = QStringLiteral("anna@plant.test"), stranger = QStringLiteral("mallory@else.test");
    QTest::newRow("notified ACK") << S::Notified << anna << C::Acknowledge << S::Acknowledged << changed;
    QTest::newRow("notified START") << S::Notified << anna << C::Start << S::InProgress << changed;
    QTest::newRow("notified DONE") << S::Notified << anna << C::Done << S::Done << changed;
    QTest::newRow("acknowledged START") << S::Acknowledged << anna << C::Start << S::InProgress << changed;
    QTest::newRow("acknowledged DONE") << S::Acknowledged << anna << C::Done << S::Done << changed;
    QTest::newRow("in_progress DONE") << S::InProgress << anna << C::Done << S::Done << changed;
    QTest::newRow("acknowledged ACK again") << S::Acknowledged << anna << C::Acknowledge << S::Acknowledged << unchanged;
    QTest::newRow("in_progress ACK late") << S::InProgress << anna << C::Acknowledge << S::InProgress << unchanged;
    QTest::newRow("in_progress START again") << S::InProgress << anna << C::Start << S::InProgress << unchanged;
    QTest::newRow("done DONE again") << S::Done << anna << C::Done << S::Done << refused;
    QTest::newRow("done ACK") << S::Done << anna << C::Acknowledge << S::Done << refused;
    QTest::newRow("cancelled DONE") << S::Cancelled << anna << C::Done << S::Cancelled << refused;
    QTest::newRow("stranger DONE") << S::Notified << stranger << C::Done << S::Notified << refused;
    QTest::newRow("stranger ACK") << S::Acknowledged << stranger << C::Acknowledge << S::Acknowledged << refused;
    QTest::newRow("not yet notified ACK") << S::Notified << QStringLiteral("ben@plant.test") << C::Acknowledge
                                          << S::Notified << refused;
    QTest::newRow("address case") << S::Notified << QStringLiteral("Anna <ANNA@Plant.Test>") << C::Acknowledge
                                  << S::Acknowledged << changed;
}

void TestWorkOrders::flow()
{
    QFETCH(WorkOrderState, before);
    QFETCH(QString, from);
    QFETCH(ReplyCode, code);
    QFETCH(WorkOrderState, after);
    QFETCH(int, result);
    WorkOrder order = notifiedOrder();
    order.state = before;
    const WorkOrderStep step = WorkOrderFlow::reply(order, from, code, T0.addSecs(60), QStringLiteral("r1@x"));
    QCOMPARE(int(step.result), result);
    QCOMPARE(step.next.state, after);
    QVERIFY(!step.notify);
    if (step.changed()) {
        QCOMPARE(step.next.history.size(), order.history.size() + 1);
        QCOMPARE(step.event.from, before);
        QCOMPARE(step.event.to, after);
        QCOMPARE(step.event.messageId, QStringLiteral("r1@x"));
        QCOMPARE(step.event.actor, bareAddress(from));
    } else {
        QVERIFY(!step.reason.isEmpty());
        QCOMPARE(step.next.history, order.history);
    }
}

void TestWorkOrders::rejectionHandsOn()
{
    const WorkOrder order = notifiedOrder(2);
    const WorkOrderStep first = WorkOrderFlow::reply(order, QStringLiteral("anna@plant.test"), ReplyCode::Reject,
                                                     T0.addSecs(30));
    QVERIFY(first.changed());
    QCOMPARE(first.next.state, WorkOrderState::Notified);
    QCOMPARE(first.next.assigneeAddress(), QStringLiteral("ben@plant.test"));
    QCOMPARE(first.next.notified, 2);
    QCOMPARE(first.notify, std::optional(1));
    QCOMPARE(first.next.notifiedAt, T0.addSecs(30));
    QCOMPARE(first.next.history.constLast().action, QStringLiteral("rejected"));

    // The same rejection seen again (another console, a re-read) changes nothing.
    const WorkOrderStep again = WorkOrderFlow::reply(first.next, QStringLiteral("anna@plant.test"), ReplyCode::Reject,
                                                     T0.addSecs(30));
    QCOMPARE(again.result, WorkOrderStep::Result::Unchanged);
    QCOMPARE(again.next.assigneeAddress(), QStringLiteral("ben@plant.test"));

    // Nobody left after Ben: rejected, and no mail.
    const WorkOrderStep last = WorkOrderFlow::reply(first.next, QStringLiteral("ben@plant.test"), ReplyCode::Reject,
                                                    T0.addSecs(40));
    QVERIFY(last.changed());
    QCOMPARE(last.next.state, WorkOrderState::Rejected);
    QVERIFY(!last.notify);

    // Anna, notified earlier, may still take it after handing it on.
    const WorkOrderStep late = WorkOrderFlow::reply(first.next, QStringLiteral("anna@plant.test"), ReplyCode::Acknowledge,
                                                    T0.addSecs(50));
    QVERIFY(late.changed());
    QCOMPARE(late.next.assigneeAddress(), QStringLiteral("anna@plant.test"));
}

void TestWorkOrders::escalation()
{
    const WorkOrder order = notifiedOrder(2);
    QCOMPARE(order.ackDeadline(), T0.addSecs(900));
    QVERIFY(!WorkOrderFlow::escalationDue(order, T0.addSecs(899)));
    QCOMPARE(WorkOrderFlow::escalate(order, T0.addSecs(899), QStringLiteral("d")).result, WorkOrderStep::Result::Unchanged);
    QVERIFY(WorkOrderFlow::escalationDue(order, T0.addSecs(900)));
    const WorkOrderStep step = WorkOrderFlow::escalate(order, T0.addSecs(901), QStringLiteral("dispatcher"));
    QVERIFY(step.changed());
    QCOMPARE(step.notify, std::optional(1));
    QCOMPARE(step.next.notified, 2);
    QCOMPARE(step.next.state, WorkOrderState::Notified);
    QCOMPARE(step.next.ackDeadline(), T0.addSecs(901 + 900));
    QCOMPARE(step.event.action, QStringLiteral("escalated"));
    // End of the list: nothing more to send, and the supervisor is told.
    QVERIFY(!WorkOrderFlow::escalationDue(step.next, T0.addSecs(5000)));
    QVERIFY(WorkOrderFlow::escalationExhausted(step.next, T0.addSecs(5000)));
    // An acknowledgement stops it.
    const WorkOrderStep ack = WorkOrderFlow::reply(order, QStringLiteral("anna@plant.test"), ReplyCode::Acknowledge, T0);
    QVERIFY(!ack.next.ackDeadline().isValid());
    QVERIFY(!WorkOrderFlow::escalationDue(ack.next, T0.addSecs(100000)));
    // Cancel ends it; a second cancel is refused.
    const WorkOrderStep cancelled = WorkOrderFlow::cancel(order, T0, QStringLiteral("sup"));
    QCOMPARE(cancelled.next.state, WorkOrderState::Cancelled);
    QCOMPARE(WorkOrderFlow::cancel(cancelled.next, T0, QStringLiteral("sup")).result, WorkOrderStep::Result::Refused);
}

void TestWorkOrders::idPattern()
{
    const WorkOrderIdPattern pattern;
    QVERIFY(pattern.problem().isEmpty());
    QCOMPARE(pattern.format(2026, 7), QStringLiteral("WO-2026-0007"));
    QCOMPARE(pattern.format(2026, 12345), QStringLiteral("WO-2026-12345"));
    QCOMPARE(pattern.parse(QStringLiteral("WO-2026-0007")), std::optional(std::pair(2026, 7)));
    QVERIFY(!pattern.parse(QStringLiteral("WO-26-0007")));
    QCOMPARE(pattern.find(QStringLiteral("Re: [WO-2026-0042] P-201 vibration")), QStringLiteral("WO-2026-0042"));
    QCOMPARE(pattern.find(QStringLiteral("re: wo-2026-0042 done")), QStringLiteral("WO-2026-0042"));
    QVERIFY(pattern.find(QStringLiteral("XWO-2026-0042")).isEmpty());
    QVERIFY(pattern.find(QStringLiteral("nothing here")).isEmpty());

    const WorkOrderIdPattern plain(QStringLiteral("JOB{seq:5}"));
    QVERIFY(plain.problem().isEmpty());
    QCOMPARE(plain.format(2026, 3), QStringLiteral("JOB00003"));
    QCOMPARE(plain.parse(QStringLiteral("JOB00003")), std::optional(std::pair(0, 3)));
    QVERIFY(!WorkOrderIdPattern(QStringLiteral("WO-{year}")).problem().isEmpty());
    QVERIFY(!WorkOrderIdPattern(QStringLiteral("{seq}")).problem().isEmpty());
    QVERIFY(!WorkOrderIdPattern(QStringLiteral("WO {seq}")).problem().isEmpty());
}

void TestWorkOrders::durations()
{
    QCOMPARE(parseDuration(QStringLiteral("90s")), std::optional<qint64>(90));
    QCOMPARE(parseDuration(QStringLiteral("10m")), std::optional<qint64>(600));
    QCOMPARE(parseDuration(QStringLiteral("2h")), std::optional<qint64>(7200));
    QCOMPARE(parseDuration(QStringLiteral("45")), std::optional<qint64>(45));
    QString problem;
    QVERIFY(!parseDuration(QStringLiteral("ten minutes"), &problem));
    QVERIFY(problem.contains(QStringLiteral("ten minutes")));
    QVERIFY(!parseDuration(QStringLiteral("0s")));
    QVERIFY(!parseDuration(QStringLiteral("99d")));
    QCOMPARE(formatDuration(300), QStringLiteral("5m"));
    QCOMPARE(formatDuration(14400), QStringLiteral("4h"));
    QCOMPARE(formatDuration(61), QStringLiteral("61s"));
}

void TestWorkOrders::keywordsRoundTrip()
{
    QVERIFY(WorkOrderKeywords::all().size() <= 26);   // Dovecot Maildir's limit per folder
    for (WorkOrderState state : {WorkOrderState::Open, WorkOrderState::Notified, WorkOrderState::Acknowledged,
                                 WorkOrderState::InProgress, WorkOrderState::Done, WorkOrderState::Rejected,
                                 WorkOrderState::Cancelled}) {
        for (int notified = 0; notified <= WorkOrderSettings::MaxChain; ++notified) {
            WorkOrder order;
            order.state = state;
            order.notified = notified;
            order.assignee = std::max(0, notified - 1);
            const QList<QByteArray> flags = WorkOrderKeywords::replaced({QByteArrayLiteral("\\Seen"),
                                                                         QByteArrayLiteral("$WoDone"),
                                                                         QByteArrayLiteral("$Other")}, order);
            QVERIFY(flags.contains("\\Seen"));
            QVERIFY(flags.contains("$Other"));
            WorkOrder back;
            QVERIFY(WorkOrderKeywords::decode(flags, &back));
            QCOMPARE(back.state, state);
            QCOMPARE(back.notified, notified);
            QCOMPARE(back.assignee, order.assignee);
        }
    }
    WorkOrder none;
    QVERIFY(!WorkOrderKeywords::decode({QByteArrayLiteral("\\Seen")}, &none));
    QVERIFY(!WorkOrderKeywords::decode({QByteArrayLiteral("$MachinaWO"), QByteArrayLiteral("$WoDone"),
                                        QByteArrayLiteral("$WoOpen")}, &none));
}

void TestWorkOrders::messagesRoundTrip()
{
    WorkOrder order = notifiedOrder();
    order.summary = QStringLiteral("Lager heiß, 95 °C");
    order.alarmText = QStringLiteral("ALARM P-201\nline two");
    order.notificationIds = {QStringLiteral("n1@plant.test")};
    order.created = T0;
    const QByteArray raw = WorkOrderMessages::record(order, QStringLiteral("sup@plant.test"), QStringLiteral("c1"));
    QVERIFY(raw.contains("X-Machina-Work-Order: WO-2026-0001\r\n"));
    for (char c : raw)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);
    const WorkOrderMessages::Parsed parsed = WorkOrderMessages::parse(raw);
    QCOMPARE(parsed.kind, WorkOrderMessages::Parsed::Kind::Record);
    QCOMPARE(parsed.claimant, QStringLiteral("c1"));
    QCOMPARE(parsed.order.summary, order.summary);
    QCOMPARE(parsed.order.alarmText, order.alarmText);
    QCOMPARE(parsed.order.chain, order.chain);
    QCOMPARE(parsed.order.ackWithinSeconds, qint64(900));
    QCOMPARE(parsed.order.created, T0);
    QCOMPARE(parsed.order.notificationIds, order.notificationIds);

    const WorkOrderEvent event = order.history.constFirst();
    const WorkOrderMessages::Parsed e = WorkOrderMessages::parse(
        WorkOrderMessages::event(order.id, event, QStringLiteral("sup@plant.test"), QStringLiteral("c2")));
    QCOMPARE(e.kind, WorkOrderMessages::Parsed::Kind::Event);
    QCOMPARE(e.workOrderId, order.id);
    QCOMPARE(e.event, event);

    QCOMPARE(WorkOrderMessages::parse("Subject: hello\r\n\r\nbody").kind, WorkOrderMessages::Parsed::Kind::None);
    const auto damaged = WorkOrderMessages::parse("X-Machina-Record: work-order\r\nX-Machina-Work-Order: WO-1\r\n\r\n!!!");
    QCOMPARE(damaged.kind, WorkOrderMessages::Parsed::Kind::None);
    QVERIFY(damaged.problem.contains(QStringLiteral("WO-1")));

    const QJsonObject json = WorkOrderJson::toJson(order);
    for (const char *key : {"id", "state", "asset", "summary", "priority", "assignee", "notified", "message_id",
                            "created", "history"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("notified"));
    QCOMPARE(json.value(QStringLiteral("message_id")).toString(), QStringLiteral("n1@plant.test"));
}

void TestWorkOrders::configErrors_data()
{
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << QByteArray("      colour: red\n") << "c.yaml:9: work_orders.colour: unknown key";
    QTest::newRow("bad pattern") << QByteArray("      id_pattern: WO-{year}\n") << "c.yaml:9: work_orders.id_pattern: WO-{year} has no {seq}";
    QTest::newRow("bad duration") << QByteArray("      ack_within:\n        high: soon\n")
                                  << "c.yaml:10: work_orders.ack_within.high: \"soon\" is not a duration";
    QTest::newRow("bad priority") << QByteArray("      ack_within: {urgent: 5m}\n")
                                  << "work_orders.ack_within.urgent: is not a priority";
    QTest::newRow("bad code name") << QByteArray("      reply_codes: {ok: [OK]}\n")
                                   << "work_orders.reply_codes.ok: is not one of";
    QTest::newRow("code twice") << QByteArray("      reply_codes: {done: [ACK]}\n") << "ACK is given for both";
    QTest::newRow("rule without groups") << QByteArray("      alarm_rules:\n        - subject: 'ALARM (.*)'\n          severities: {alarm: high}\n")
                                         << "needs the named groups";
    QTest::newRow("technician without address") << QByteArray("      technicians:\n        - name: Anna\n")
                                                << "technician Anna needs an address";
    QTest::newRow("folder INBOX") << QByteArray("      folder: INBOX\n") << "work_orders.folder: needs a folder name of its own";
}

void TestWorkOrders::configErrors()
{
    QFETCH(QByteArray, section);
    QFETCH(QString, expected);
    const auto result = ConfigLoader::loadString(yaml(section), QStringLiteral("c.yaml"));
    QVERIFY(!result.config);
    QVERIFY2(result.error.message().contains(expected), qPrintable(result.error.message()));
}

void TestWorkOrders::roster()
{
    const auto result = ConfigLoader::loadString(yaml(
        "      ack_within: {critical: 2m}\n"
        "      technicians:\n"
        "        - {name: Anna Rossi, address: anna@plant.test, areas: [V-], order: 2}\n"
        "        - {name: Ben, address: ben@plant.test, order: 3}\n"
        "        - {name: Carla, address: carla@plant.test, areas: [P-], order: 1}\n"), QStringLiteral("c.yaml"));
    QVERIFY2(result.config, qPrintable(result.error.message()));
    const WorkOrderSettings &settings = result.config->workOrders;
    QCOMPARE(settings.ackWithinFor(WorkOrderPriority::Critical), qint64(120));
    QCOMPARE(settings.ackWithinFor(WorkOrderPriority::High), qint64(900));
    QCOMPARE(settings.ackWithinFor(WorkOrderPriority::Low), qint64(4 * 3600));
    QCOMPARE(settings.resolve(QStringLiteral("anna rossi")), QStringLiteral("Anna Rossi <anna@plant.test>"));
    QCOMPARE(settings.resolve(QStringLiteral("x@y.test")), QStringLiteral("x@y.test"));
    const QList<Technician> forPump = settings.suggestedChain(QStringLiteral("P-201"));
    QCOMPARE(forPump.at(0).name, QStringLiteral("Carla"));
    QCOMPARE(forPump.at(1).name, QStringLiteral("Anna Rossi"));
    const QList<Technician> forValve = settings.suggestedChain(QStringLiteral("V-9"));
    QCOMPARE(forValve.at(0).name, QStringLiteral("Anna Rossi"));
}

QTEST_GUILESS_MAIN(TestWorkOrders)
#include "tst_workorders.moc"
