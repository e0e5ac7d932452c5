// The reply dialog: the quote and attribution it starts with, subject and
// threading headers, who it replies to, when Send is allowed, keyboard, and a
// failed send that keeps the draft.

#include "replydialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextCursor>

using namespace machina;

namespace {

const QDateTime SentAt(QDate(2026, 3, 2), QTime(9, 15), Qt::OffsetFromUTC, 3600);
const QString Attribution = QStringLiteral("On 2026-03-02 09:15, Anna Berg <anna@plant.example> wrote:");

IncomingMessage alarmMessage()
{
    IncomingMessage m;
    m.subject = QStringLiteral("Pump P-201 vibration");
    m.from = {QStringLiteral("Anna Berg"), QStringLiteral("anna@plant.example")};
    m.date = SentAt;
    m.messageId = QStringLiteral("alarm-17@plant.example");
    m.references = {QStringLiteral("wo-2026-42@plant.example")};
    m.text = QStringLiteral("Vibration on P-201 is 7.1 mm/s.\r\nPlease check the bearing.\r\n");
    return m;
}

const QString Quote = QStringLiteral("> Vibration on P-201 is 7.1 mm/s.\n> Please check the bearing.");
const QString InitialBody = QStringLiteral("\n\n") + Attribution + u'\n' + Quote;

QString numberedLines(int count)
{
    QStringList lines;
    for (int i = 1; i <= count; ++i)
        lines.append(QStringLiteral("line %1").arg(i));
    return lines.join(u'\n');
}

QString quotedNumberedLines(int count)
{
    QStringList lines;
    for (int i = 1; i <= count; ++i)
        lines.append(QStringLiteral("> line %1").arg(i));
    return lines.join(u'\n');
}

QList<MailAddress> bareAddresses(const QStringList &addresses)
{
    QList<MailAddress> result;
    for (const QString &a : addresses)
        result.append({QString(), a});
    return result;
}

} // namespace

class TestReplyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quote_data();
    void quote();
    void attribution_data();
    void attribution();
    void initialBodyAndCursor();
    void noOriginalText();
    void subject();
    void options_data();
    void options();
    void recipients_data();
    void recipients();
    void sendEnablement_data();
    void sendEnablement();
    void typingEnablesSend();
    void ctrlReturnSendsOnlyWhenValid();
    void escapeCancels();
    void labelsAndTabOrder();
    void sendingDisablesEditing();
    void sendErrorKeepsDraft();
};

void TestReplyDialog::quote_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::addRow("one line") << QStringLiteral("hello") << QStringLiteral("> hello");
    QTest::addRow("CRLF and CR line ends") << QStringLiteral("a\r\nb\rc\r\n") << QStringLiteral("> a\n> b\n> c");
    QTest::addRow("blank lines kept inside, dropped at the ends")
            << QStringLiteral("\n \nfirst\n\n  \nsecond\n\n\n")
            << QStringLiteral("> first\n>\n>\n> second");
    QTest::addRow("quoted lines nest without a space")
            << QStringLiteral("new\n> earlier\n>> older") << QStringLiteral("> new\n>> earlier\n>>> older");
    QTest::addRow("trailing white space dropped") << QStringLiteral("a  \t\n  b ")
                                                  << QStringLiteral("> a\n>   b");
    QTest::addRow("non-ASCII") << QStringLiteral("Überdruck 85 °C") << QStringLiteral("> Überdruck 85 °C");
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("only blank lines") << QStringLiteral(" \n\t\n\n") << QString();
    const int max = int(ReplyDialog::MaxQuotedLines);
    QTest::addRow("exactly the limit, not cut") << numberedLines(max) << quotedNumberedLines(max);
    QTest::addRow("one past the limit, cut")
            << numberedLines(max + 1) << quotedNumberedLines(max) + QStringLiteral("\n> [...]");
    QTest::addRow("far past the limit, cut")
            << numberedLines(5000) << quotedNumberedLines(max) + QStringLiteral("\n> [...]");
}

void TestReplyDialog::quote()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QCOMPARE(ReplyDialog::quote(text), expected);

    // The dialog quotes the same way, below the attribution.
    IncomingMessage message = alarmMessage();
    message.text = text;
    ReplyDialog dialog(message);
    if (expected.isEmpty())
        QCOMPARE(dialog.body(), QString());
    else
        QCOMPARE(dialog.body(), QStringLiteral("\n\n") + Attribution + u'\n' + expected);
}

void TestReplyDialog::attribution_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QDateTime>("date");
    QTest::addColumn<QString>("expected");

    QTest::addRow("name and address") << QStringLiteral("Anna Berg") << QStringLiteral("anna@plant.example")
                                      << SentAt << Attribution;
    QTest::addRow("the sender's own time, not ours")
            << QStringLiteral("Anna Berg") << QStringLiteral("anna@plant.example")
            << QDateTime(QDate(2026, 3, 2), QTime(23, 40), Qt::OffsetFromUTC, -5 * 3600)
            << QStringLiteral("On 2026-03-02 23:40, Anna Berg <anna@plant.example> wrote:");
    QTest::addRow("address only") << QString() << QStringLiteral("anna@plant.example") << SentAt
                                  << QStringLiteral("On 2026-03-02 09:15, anna@plant.example wrote:");
    QTest::addRow("name with a comma is quoted")
            << QStringLiteral("Berg, Anna") << QStringLiteral("anna@plant.example") << SentAt
            << QStringLiteral("On 2026-03-02 09:15, \"Berg, Anna\" <anna@plant.example> wrote:");
    QTest::addRow("no date") << QStringLiteral("Anna Berg") << QStringLiteral("anna@plant.example") << QDateTime()
                             << QStringLiteral("Anna Berg <anna@plant.example> wrote:");
    QTest::addRow("no sender") << QString() << QString() << SentAt
                               << QStringLiteral("On 2026-03-02 09:15, the sender wrote:");
}

void TestReplyDialog::attribution()
{
    QFETCH(QString, name);
    QFETCH(QString, address);
    QFETCH(QDateTime, date);
    QFETCH(QString, expected);

    IncomingMessage message = alarmMessage();
    message.from = {name, address};
    message.date = date;
    QCOMPARE(ReplyDialog::attribution(message), expected);
    QVERIFY(ReplyDialog::initialBody(message).contains(u'\n' + expected + u'\n'));
}

void TestReplyDialog::initialBodyAndCursor()
{
    ReplyDialog dialog(alarmMessage());
    QCOMPARE(dialog.body(), InitialBody);
    QCOMPARE(dialog.toField()->text(), QStringLiteral("Anna Berg <anna@plant.example>"));
    QVERIFY(dialog.toField()->isReadOnly());
    QCOMPARE(dialog.recipients(), QStringList{QStringLiteral("anna@plant.example")});

    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTRY_COMPARE(QApplication::focusWidget(), dialog.bodyField());
    QCOMPARE(dialog.bodyField()->textCursor().position(), 0);

    // What is typed lands on top, above the attribution.
    QTest::keyClicks(dialog.bodyField(), QStringLiteral("Bearing replaced."));
    QCOMPARE(dialog.body(), QStringLiteral("Bearing replaced.") + InitialBody);
}

void TestReplyDialog::noOriginalText()
{
    IncomingMessage message = alarmMessage();
    message.text = QStringLiteral("\r\n  \r\n");
    ReplyDialog dialog(message);
    // Nothing to quote: no attribution either, and the hint does not mention a quote.
    QCOMPARE(dialog.body(), QString());
    QVERIFY(!dialog.sendButton()->isEnabled());
    QCOMPARE(dialog.validationErrors(), QStringList{QStringLiteral("Message: write your reply.")});
    dialog.setBody(QStringLiteral("Done."));
    QVERIFY(dialog.sendButton()->isEnabled());
    QCOMPARE(dialog.body(), QStringLiteral("Done."));
}

void TestReplyDialog::subject()
{
    IncomingMessage message = alarmMessage();
    message.subject = QStringLiteral("RE: Aw: Pump P-201 vibration");
    ReplyDialog dialog(message);
    QCOMPARE(dialog.subjectField()->text(), QStringLiteral("Re: Pump P-201 vibration"));
    QCOMPARE(dialog.subject(), QStringLiteral("Re: Pump P-201 vibration"));
    QCOMPARE(dialog.sendOptions().subject, QStringLiteral("Re: Pump P-201 vibration"));

    // Editable, and what is sent is what is shown, trimmed.
    QVERIFY(!dialog.subjectField()->isReadOnly());
    dialog.subjectField()->setText(QStringLiteral("  Re: P-201 fixed "));
    QCOMPARE(dialog.subject(), QStringLiteral("Re: P-201 fixed"));
    QCOMPARE(dialog.sendOptions().subject, QStringLiteral("Re: P-201 fixed"));
}

void TestReplyDialog::options_data()
{
    QTest::addColumn<QString>("messageId");
    QTest::addColumn<QStringList>("references");
    QTest::addColumn<QString>("inReplyTo");
    QTest::addColumn<QStringList>("expectedReferences");

    const QString id = QStringLiteral("alarm-17@plant.example");
    const QString r1 = QStringLiteral("wo-2026-42@plant.example");
    const QString r2 = QStringLiteral("ack-3@service.example");

    QTest::addRow("first reply") << id << QStringList() << id << QStringList{id};
    QTest::addRow("a thread, the parent last") << id << QStringList{r1, r2} << id << QStringList{r1, r2, id};
    QTest::addRow("a repeated reference once")
            << id << QStringList{r1, r2, r1} << id << QStringList{r1, r2, id};
    QTest::addRow("the parent already listed moves to the end")
            << id << QStringList{id, r1} << id << QStringList{r1, id};
    QTest::addRow("blank references dropped, white space trimmed")
            << id << QStringList{QStringLiteral(" "), r1 + u' '} << id << QStringList{r1, id};
    QTest::addRow("parent without a Message-ID") << QString() << QStringList{r1, r1} << QString()
                                                << QStringList{r1};
    QTest::addRow("no thread at all") << QString() << QStringList() << QString() << QStringList();
}

void TestReplyDialog::options()
{
    QFETCH(QString, messageId);
    QFETCH(QStringList, references);
    QFETCH(QString, inReplyTo);
    QFETCH(QStringList, expectedReferences);

    IncomingMessage message = alarmMessage();
    message.messageId = messageId;
    message.references = references;
    ReplyDialog dialog(message);
    const SendOptions options = dialog.sendOptions();
    QCOMPARE(options.inReplyTo, inReplyTo);
    QCOMPARE(options.references, expectedReferences);
    QVERIFY(options.attachments.isEmpty());
}

void TestReplyDialog::recipients_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("replyTo");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("refused");   // a part of the inline error; empty: none shown

    const QString anna = QStringLiteral("anna@plant.example");
    const QString desk = QStringLiteral("desk@plant.example");

    QTest::addRow("From when there is no Reply-To") << anna << QStringList() << QStringList{anna} << QString();
    QTest::addRow("Reply-To wins over From") << anna << QStringList{desk} << QStringList{desk} << QString();
    QTest::addRow("every Reply-To address") << anna << QStringList{desk, anna} << QStringList{desk, anna}
                                           << QString();
    QTest::addRow("the same address once, whatever its case")
            << anna << QStringList{desk, QStringLiteral("DESK@Plant.Example")} << QStringList{desk} << QString();
    QTest::addRow("a bad address left out, and said so")
            << anna << QStringList{QStringLiteral("bob@"), desk} << QStringList{desk} << QStringLiteral("\"bob@\"");
    QTest::addRow("no usable address") << QStringLiteral("operator") << QStringList() << QStringList()
                                       << QStringLiteral("\"operator\"");
    QTest::addRow("no sender at all") << QString() << QStringList() << QStringList() << QString();
}

void TestReplyDialog::recipients()
{
    QFETCH(QString, from);
    QFETCH(QStringList, replyTo);
    QFETCH(QStringList, expected);
    QFETCH(QString, refused);

    IncomingMessage message = alarmMessage();
    message.from = {QString(), from};
    message.replyTo = bareAddresses(replyTo);
    ReplyDialog dialog(message);
    dialog.setBody(QStringLiteral("On my way.\n\n") + dialog.body());

    QCOMPARE(dialog.recipients(), expected);
    QCOMPARE(dialog.recipientErrorLabel()->isVisibleTo(&dialog), !refused.isEmpty());
    if (!refused.isEmpty()) {
        const QString error = dialog.recipientErrorLabel()->text();
        QVERIFY2(error.startsWith(QStringLiteral("To: ")), qPrintable(error));
        QVERIFY2(error.contains(refused), qPrintable(error));
    }
    QCOMPARE(dialog.sendButton()->isEnabled(), !expected.isEmpty());
    if (expected.isEmpty()) {
        QCOMPARE(dialog.validationErrors(),
                 QStringList{QStringLiteral("To: the message has no address a reply can go to.")});
    } else {
        QCOMPARE(dialog.validationErrors(), QStringList());
    }
}

void TestReplyDialog::sendEnablement_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("sendable");

    const QString rest = QStringLiteral("\n\n") + Attribution + u'\n' + Quote;
    QTest::addRow("untouched") << InitialBody << false;
    QTest::addRow("only white space on top") << QStringLiteral("  \t\n \n") + rest << false;
    QTest::addRow("typed on top") << QStringLiteral("Bearing replaced.") + rest << true;
    QTest::addRow("typed below the quote") << rest + QStringLiteral("\n\nBearing replaced.") << true;
    QTest::addRow("typed between quoted lines")
            << QStringLiteral("\n\n") + Attribution
                       + QStringLiteral("\n> Vibration on P-201 is 7.1 mm/s.\nNow 2.3 mm/s.\n> Please check the bearing.")
            << true;
    QTest::addRow("only the quote edited")
            << QStringLiteral("\n\n") + Attribution
                       + QStringLiteral("\n> Vibration on P-201 is 9.9 mm/s.\n> Please check the bearing.")
            << false;
    QTest::addRow("only the attribution left") << Attribution << false;
    QTest::addRow("attribution and quote dropped, text typed") << QStringLiteral("Done.") << true;
    QTest::addRow("everything deleted") << QString() << false;
}

void TestReplyDialog::sendEnablement()
{
    QFETCH(QString, body);
    QFETCH(bool, sendable);

    ReplyDialog dialog(alarmMessage());
    dialog.setBody(body);
    QCOMPARE(dialog.body(), body);
    QCOMPARE(dialog.sendButton()->isEnabled(), sendable);
    QCOMPARE(dialog.isValid(), sendable);
    QCOMPARE(dialog.problemsLabel()->isVisibleTo(&dialog), !sendable);
    if (!sendable) {
        QVERIFY2(dialog.problemsLabel()->text().startsWith(QStringLiteral("Message: write your reply")),
                 qPrintable(dialog.problemsLabel()->text()));
        QVERIFY(dialog.sendButton()->toolTip().contains(dialog.problemsLabel()->text()));
    }
}

void TestReplyDialog::typingEnablesSend()
{
    ReplyDialog dialog(alarmMessage());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(!dialog.sendButton()->isEnabled());
    QCOMPARE(dialog.problemsLabel()->text(), QStringLiteral("Message: write your reply above the quote."));

    QTest::keyClicks(dialog.bodyField(), QStringLiteral("   "));
    QVERIFY(!dialog.sendButton()->isEnabled());
    QTest::keyClicks(dialog.bodyField(), QStringLiteral("ok"));
    QVERIFY(dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.problemsLabel()->isVisibleTo(&dialog));

    // Taken back again: disabled again.
    QTest::keyClick(dialog.bodyField(), Qt::Key_Backspace);
    QTest::keyClick(dialog.bodyField(), Qt::Key_Backspace);
    QVERIFY(!dialog.sendButton()->isEnabled());
}

void TestReplyDialog::ctrlReturnSendsOnlyWhenValid()
{
    ReplyDialog dialog(alarmMessage());
    QSignalSpy requested(&dialog, &ReplyDialog::sendRequested);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    // Only the quote: nothing is sent, and nothing is typed either.
    QTest::keyClick(dialog.bodyField(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(requested.size(), 0);
    QCOMPARE(dialog.body(), InitialBody);

    QTest::keyClicks(dialog.bodyField(), QStringLiteral("Bearing replaced."));
    const QString typed = dialog.body();
    QTest::keyClick(dialog.bodyField(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(requested.size(), 1);
    // The shortcut did not also type a line break.
    QCOMPARE(dialog.body(), typed);

    dialog.subjectField()->setFocus();
    QTest::keyClick(dialog.subjectField(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(requested.size(), 2);

    // Plain Return in the subject neither sends nor closes.
    QTest::keyClick(dialog.subjectField(), Qt::Key_Return);
    QCOMPARE(requested.size(), 2);
    QVERIFY(dialog.isVisible());

    // While a send runs: nothing.
    dialog.setSending(true);
    QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(requested.size(), 2);
    dialog.setSending(false);

    // The Send button does the same.
    QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 3);
}

void TestReplyDialog::escapeCancels()
{
    ReplyDialog dialog(alarmMessage());
    QSignalSpy requested(&dialog, &ReplyDialog::sendRequested);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClicks(dialog.bodyField(), QStringLiteral("Never mind."));
    QTest::keyClick(dialog.bodyField(), Qt::Key_Escape);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(requested.size(), 0);
}

void TestReplyDialog::labelsAndTabOrder()
{
    ReplyDialog dialog(alarmMessage());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    const QList<QWidget *> fields{dialog.toField(), dialog.subjectField(), dialog.bodyField()};
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (QWidget *field : fields) {
        const auto it = std::find_if(labels.begin(), labels.end(), [&](QLabel *l) { return l->buddy() == field; });
        QVERIFY2(it != labels.end(), field->metaObject()->className());
        QVERIFY2((*it)->text().contains(u'&'), qPrintable((*it)->text()));
    }

    QTest::keyClick(&dialog, Qt::Key_B, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.subjectField());
    QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.bodyField());
    QTest::keyClick(&dialog, Qt::Key_T, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.toField());

    // To, Subject, Message, then Send once there is something to send.
    dialog.setBody(QStringLiteral("Done."));
    for (QWidget *next : {static_cast<QWidget *>(dialog.subjectField()), static_cast<QWidget *>(dialog.bodyField()),
                          static_cast<QWidget *>(dialog.sendButton())}) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), next);
    }
}

void TestReplyDialog::sendingDisablesEditing()
{
    ReplyDialog dialog(alarmMessage());
    dialog.setBody(QStringLiteral("Bearing replaced."));
    QVERIFY(dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.statusLabel()->isVisibleTo(&dialog));

    dialog.setSending(true);
    QVERIFY(dialog.isSending());
    QVERIFY(!dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.subjectField()->isEnabled());
    QVERIFY(dialog.bodyField()->isReadOnly());
    QVERIFY(dialog.statusLabel()->isVisibleTo(&dialog));
    QCOMPARE(dialog.statusLabel()->text(), QStringLiteral("Sending..."));

    // Typing into the read-only body changes nothing.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.bodyField()->setFocus();
    QTest::keyClicks(dialog.bodyField(), QStringLiteral("xyz"));
    QCOMPARE(dialog.body(), QStringLiteral("Bearing replaced."));

    dialog.setSending(false);
    QVERIFY(dialog.sendButton()->isEnabled());
    QVERIFY(dialog.subjectField()->isEnabled());
    QVERIFY(!dialog.bodyField()->isReadOnly());
    QVERIFY(!dialog.statusLabel()->isVisibleTo(&dialog));
}

void TestReplyDialog::sendErrorKeepsDraft()
{
    ReplyDialog dialog(alarmMessage());
    QSignalSpy requested(&dialog, &ReplyDialog::sendRequested);
    dialog.setBody(QStringLiteral("Bearing replaced, vibration now 2.3 mm/s.\n\n") + dialog.body());
    dialog.setSubject(QStringLiteral("Re: P-201 fixed"));
    const QString body = dialog.body();
    const QStringList recipients = dialog.recipients();

    dialog.requestSend();
    QCOMPARE(requested.size(), 1);
    dialog.setSending(true);
    dialog.requestSend();
    QCOMPARE(requested.size(), 1);

    const QString serverSaid = QStringLiteral("the server refused anna@plant.example: 550 5.1.1 User unknown");
    dialog.setSendError(serverSaid);
    QVERIFY(!dialog.isSending());
    QCOMPARE(dialog.sendError(), serverSaid);
    QVERIFY(dialog.statusLabel()->isVisibleTo(&dialog));
    QVERIFY(dialog.statusLabel()->text().contains(serverSaid));
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("draft is kept")));

    // Everything is still there and editable.
    QCOMPARE(dialog.body(), body);
    QCOMPARE(dialog.subject(), QStringLiteral("Re: P-201 fixed"));
    QCOMPARE(dialog.recipients(), recipients);
    QCOMPARE(dialog.sendOptions().inReplyTo, QStringLiteral("alarm-17@plant.example"));
    QVERIFY(dialog.subjectField()->isEnabled());
    QVERIFY(!dialog.bodyField()->isReadOnly());
    QVERIFY(dialog.sendButton()->isEnabled());

    // Send again: the old error goes away.
    dialog.requestSend();
    QCOMPARE(requested.size(), 2);
    QCOMPARE(dialog.sendError(), QString());
    QVERIFY(!dialog.statusLabel()->isVisibleTo(&dialog));
    dialog.setSending(true);
    dialog.setSending(false);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

QTEST_MAIN(TestReplyDialog)
#include "tst_replydialog.moc"
