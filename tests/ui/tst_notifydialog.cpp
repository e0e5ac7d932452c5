// The notify-technician dialog: validation, the subject and body it builds,
// completion, keyboard, and a failed send that keeps the draft; prefilled
// from an alarm and the roster, and the WorkOrderRequest of work-order mode.

#include "notifytechniciandialog.h"
#include "workorders/workorderid.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace machina;
using Priority = NotifyTechnicianDialog::Priority;

namespace {

const QStringList AddressBook{
    QStringLiteral("Jonas Keller <j.keller@service.example>"),
    QStringLiteral("Anna Berg <anna@plant.example>"),
    QStringLiteral("Piotr Nowak <p.nowak@service.example>"),
};

void fill(NotifyTechnicianDialog &dialog)
{
    dialog.setTechnician(AddressBook.at(0));
    dialog.setWorkOrderId(QStringLiteral("WO-2026-42"));
    dialog.setAsset(QStringLiteral("P-201"));
    dialog.setPriority(Priority::High);
    dialog.setDescription(QStringLiteral("high vibration\nBearing temperature 85 °C at the drive end."));
}

const QString AlarmSubject = QStringLiteral("ALARM P-201 vibration 9.2 mm/s (limit 8.4)");

Technician technician(const QString &name, const QString &address, const QStringList &areas, int order)
{
    Technician t;
    t.name = name;
    t.address = address;
    t.areas = areas;
    t.order = order;
    return t;
}

/** A roster where two cover pumps ("P-"): they come first for P-201, then the rest by order. */
WorkOrderSettings rosterSettings()
{
    WorkOrderSettings settings;
    settings.technicians = {
        technician(QStringLiteral("Jonas Keller"), QStringLiteral("j.keller@service.example"), {}, 1),
        technician(QStringLiteral("Anna Berg"), QStringLiteral("anna@plant.example"), {QStringLiteral("P-")}, 2),
        technician(QStringLiteral("Piotr Nowak"), QStringLiteral("p.nowak@service.example"), {QStringLiteral("HX-")}, 3),
        technician(QStringLiteral("Doe, Zoe"), QStringLiteral("zoe@plant.example"), {QStringLiteral("V-"), QStringLiteral("P-")}, 5),
    };
    return settings;
}

Alarm alarmFor(const QString &subject)
{
    const std::optional<Alarm> alarm = AlarmRecognizer::defaults().recognise(subject);
    return alarm ? *alarm : Alarm();
}

/** A dialog in work-order mode, prefilled from the P-201 alarm with its body. */
void prefill(NotifyTechnicianDialog &dialog, const QString &body = QStringLiteral("Pump P-201 drive end\nvibration 9.2 mm/s\nlimit 8.4 mm/s"))
{
    dialog.setWorkOrderSettings(rosterSettings());
    dialog.setWorkOrderMode(true);
    dialog.prefillFromAlarm(alarmFor(AlarmSubject), body, QStringLiteral("alarm-17@scada.example"));
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestNotifyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subject_data();
    void subject();
    void subjectFromFields();
    void validDraft();
    void badAddress_data();
    void badAddress();
    void missingAssetAndDescription();
    void badWorkOrder_data();
    void badWorkOrder();
    void pdfAttachment();
    void nonPdfRefused();
    void bodyAndPreview();
    void completionOffersAddressBook();
    void ctrlReturnSendsOnlyWhenValid();
    void escapeCancels();
    void labelsAndTabOrder();
    void sendErrorKeepsDraft();
    void prefillFromAlarm();
    void priorityFromSeverity_data();
    void priorityFromSeverity();
    void deadlineFollowsPriorityUntilEdited();
    void escalationEditable();
    void escalationRefused_data();
    void escalationRefused();
    void badDeadlineRefused();
    void workOrderRequest();
    void returnSendsPrefilledWorkOrder();
    void workOrderModeFields();
    void plainModePrefill();
    void quoted_data();
    void quoted();

private:
    QTemporaryDir m_dir;
};

void TestNotifyDialog::subject_data()
{
    QTest::addColumn<QString>("workOrder");
    QTest::addColumn<QString>("asset");
    QTest::addColumn<QString>("description");
    QTest::addColumn<Priority>("priority");
    QTest::addColumn<QString>("expected");

    QTest::addRow("the example") << QStringLiteral("WO-2026-42") << QStringLiteral("P-201")
                                 << QStringLiteral("high vibration") << Priority::High
                                 << QStringLiteral("[WO-2026-42] P-201 high vibration (priority High)");
    QTest::addRow("first non-blank line, spaces collapsed")
            << QStringLiteral("WO-7") << QStringLiteral("  P-201 ")
            << QStringLiteral("\n  \n   high \t vibration  \nsecond line") << Priority::Emergency
            << QStringLiteral("[WO-7] P-201 high vibration (priority Emergency)");
    QTest::addRow("long line cut at a word")
            << QStringLiteral("WO-2026-8") << QStringLiteral("K-7")
            << QStringLiteral("Bearing temperature on the drive end rose above the alarm limit twice during the night shift")
            << Priority::Medium
            << QStringLiteral("[WO-2026-8] K-7 Bearing temperature on the drive end rose above the... (priority Medium)");
    QTest::addRow("cut drops trailing punctuation")
            << QStringLiteral("WO-1") << QStringLiteral("B-2")
            << QStringLiteral("Seal leaking, oil on the floor around the base plate, please isolate; then check alignment")
            << Priority::Low
            << QStringLiteral("[WO-1] B-2 Seal leaking, oil on the floor around the base plate... (priority Low)");
    QTest::addRow("one long word cut hard at 57")
            << QStringLiteral("WO-1") << QStringLiteral("B-2") << QString(80, u'A') << Priority::Low
            << QStringLiteral("[WO-1] B-2 ") + QString(57, u'A') + QStringLiteral("... (priority Low)");
    QTest::addRow("exactly 60 kept")
            << QStringLiteral("WO-1") << QStringLiteral("B-2") << QString(60, u'x') << Priority::Low
            << QStringLiteral("[WO-1] B-2 ") + QString(60, u'x') + QStringLiteral(" (priority Low)");
    QTest::addRow("no description") << QStringLiteral("WO-3") << QStringLiteral("M-1") << QString() << Priority::Low
                                    << QStringLiteral("[WO-3] M-1 (priority Low)");
    QTest::addRow("non-ASCII") << QStringLiteral("WO-2026-5") << QStringLiteral("Kessel 2")
                               << QStringLiteral("Überdruck, Ventil prüfen") << Priority::High
                               << QStringLiteral("[WO-2026-5] Kessel 2 Überdruck, Ventil prüfen (priority High)");
}

void TestNotifyDialog::subject()
{
    QFETCH(QString, workOrder);
    QFETCH(QString, asset);
    QFETCH(QString, description);
    QFETCH(Priority, priority);
    QFETCH(QString, expected);

    QCOMPARE(NotifyTechnicianDialog::buildSubject(workOrder, asset, description, priority), expected);

    // The dialog's own subject follows the same rule.
    NotifyTechnicianDialog dialog(AddressBook);
    dialog.setWorkOrderId(workOrder);
    dialog.setAsset(asset);
    dialog.setDescription(description);
    dialog.setPriority(priority);
    QCOMPARE(dialog.subject(), expected);
    QCOMPARE(dialog.sendOptions().subject, expected);
}

void TestNotifyDialog::subjectFromFields()
{
    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    // Typed in lower case, sent in the canonical form.
    dialog.setWorkOrderId(QStringLiteral(" wo-2026-42 "));
    QVERIFY(dialog.isValid());
    QCOMPARE(dialog.workOrderId(), QStringLiteral("WO-2026-42"));
    QCOMPARE(dialog.subject(), QStringLiteral("[WO-2026-42] P-201 high vibration (priority High)"));
}

void TestNotifyDialog::validDraft()
{
    NotifyTechnicianDialog dialog(AddressBook);
    QVERIFY(!dialog.isValid());
    QVERIFY(!dialog.sendButton()->isEnabled());
    QCOMPARE(dialog.validationErrors().size(), 4);

    fill(dialog);
    QVERIFY2(dialog.isValid(), qPrintable(dialog.validationErrors().join(u'\n')));
    QVERIFY(dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.technicianErrorLabel()->isVisibleTo(&dialog));
    QVERIFY(!dialog.workOrderErrorLabel()->isVisibleTo(&dialog));
    QVERIFY(!dialog.problemsLabel()->isVisibleTo(&dialog));
    QCOMPARE(dialog.recipients(), QStringList{AddressBook.at(0)});
    QVERIFY(dialog.attachments().isEmpty());

    // A free address, not in the book, is fine too.
    dialog.setTechnician(QStringLiteral("night.shift@contractor.example"));
    QVERIFY(dialog.isValid());
    QCOMPARE(dialog.recipients(), QStringList{QStringLiteral("night.shift@contractor.example")});
}

void TestNotifyDialog::badAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("problem");

    QTest::addRow("no domain") << QStringLiteral("bob") << QStringLiteral("name@domain");
    QTest::addRow("empty domain") << QStringLiteral("bob@") << QStringLiteral("bob@");
    QTest::addRow("two addresses") << QStringLiteral("a@plant.example, b@plant.example")
                                   << QStringLiteral("exactly one address");
    QTest::addRow("unclosed bracket") << QStringLiteral("Bob <bob@plant.example") << QStringLiteral("Bob <bob@plant.example");
    QTest::addRow("stray bracket") << QStringLiteral("bob@plant.example>") << QStringLiteral("'>' without '<'");
}

void TestNotifyDialog::badAddress()
{
    QFETCH(QString, address);
    QFETCH(QString, problem);

    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    QVERIFY(dialog.sendButton()->isEnabled());
    dialog.setTechnician(address);

    QVERIFY(!dialog.isValid());
    QVERIFY(!dialog.sendButton()->isEnabled());
    QVERIFY(dialog.technicianErrorLabel()->isVisibleTo(&dialog));
    const QString error = dialog.technicianErrorLabel()->text();
    QVERIFY2(error.startsWith(QStringLiteral("Technician:")), qPrintable(error));
    QVERIFY2(error.contains(problem), qPrintable(error));
    QCOMPARE(dialog.validationErrors(), QStringList{error});
    QVERIFY(dialog.sendButton()->toolTip().contains(error));

    // Corrected, the error goes away.
    dialog.setTechnician(QStringLiteral("bob@plant.example"));
    QVERIFY(!dialog.technicianErrorLabel()->isVisibleTo(&dialog));
    QVERIFY(dialog.sendButton()->isEnabled());
}

void TestNotifyDialog::missingAssetAndDescription()
{
    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    dialog.setAsset(QStringLiteral("   "));
    dialog.setDescription(QStringLiteral(" \n\t\n"));

    QVERIFY(!dialog.sendButton()->isEnabled());
    const QStringList errors = dialog.validationErrors();
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.at(0).startsWith(QStringLiteral("Asset:")), qPrintable(errors.at(0)));
    QVERIFY2(errors.at(1).startsWith(QStringLiteral("Description:")), qPrintable(errors.at(1)));
    QVERIFY(dialog.problemsLabel()->isVisibleTo(&dialog));
    QCOMPARE(dialog.problemsLabel()->text(), QStringLiteral("To send, fill in: asset, description."));
    // Missing is not "wrong": no red inline errors for empty fields.
    QVERIFY(!dialog.technicianErrorLabel()->isVisibleTo(&dialog));
    QVERIFY(!dialog.workOrderErrorLabel()->isVisibleTo(&dialog));

    dialog.setAsset(QStringLiteral("P-201"));
    QCOMPARE(dialog.problemsLabel()->text(), QStringLiteral("To send, fill in: description."));
    dialog.setDescription(QStringLiteral("check it"));
    QVERIFY(dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.problemsLabel()->isVisibleTo(&dialog));
}

void TestNotifyDialog::badWorkOrder_data()
{
    QTest::addColumn<QString>("text");

    QTest::addRow("digits only") << QStringLiteral("12345");
    QTest::addRow("prefix only") << QStringLiteral("WO-");
    QTest::addRow("letters") << QStringLiteral("WO-abc");
    QTest::addRow("words around it") << QStringLiteral("see WO-2026-42");
    QTest::addRow("text after it") << QStringLiteral("WO-2026-42 pump");
    QTest::addRow("no hyphen") << QStringLiteral("WO2026-42");
}

void TestNotifyDialog::badWorkOrder()
{
    QFETCH(QString, text);

    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    dialog.setWorkOrderId(text);
    QVERIFY(!dialog.sendButton()->isEnabled());
    QCOMPARE(dialog.workOrderId(), QString());
    QVERIFY(dialog.workOrderErrorLabel()->isVisibleTo(&dialog));
    const QString error = dialog.workOrderErrorLabel()->text();
    QVERIFY2(error.contains(u'"' + text.trimmed() + u'"'), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("WO-2026-42")), qPrintable(error));
    QCOMPARE(dialog.validationErrors(), QStringList{error});
}

void TestNotifyDialog::pdfAttachment()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("WO-2026-42.PDF"));
    QVERIFY(writeFile(path, QByteArrayLiteral("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")));

    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    QVERIFY(dialog.setAttachmentFile(path));
    QCOMPARE(dialog.attachments().size(), 1);
    QCOMPARE(dialog.attachments().at(0).fileName, QStringLiteral("WO-2026-42.PDF"));
    QCOMPARE(dialog.attachments().at(0).contentType, QStringLiteral("application/pdf"));
    QVERIFY(dialog.attachments().at(0).data.startsWith("%PDF-1.4"));
    QCOMPARE(dialog.sendOptions().attachments.size(), 1);
    QVERIFY(!dialog.attachmentErrorLabel()->isVisibleTo(&dialog));
    QVERIFY(dialog.body().contains(QStringLiteral("Attachment: WO-2026-42.PDF")));
    QVERIFY(dialog.isValid());

    dialog.clearAttachment();
    QVERIFY(dialog.attachments().isEmpty());
    QVERIFY(dialog.body().contains(QStringLiteral("Attachment: none")));
}

void TestNotifyDialog::nonPdfRefused()
{
    QVERIFY(m_dir.isValid());
    const QString pdf = m_dir.filePath(QStringLiteral("order.pdf"));
    QVERIFY(writeFile(pdf, QByteArrayLiteral("%PDF-1.7\n%%EOF\n")));
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QVERIFY(writeFile(text, QByteArrayLiteral("just notes\n")));
    const QString fake = m_dir.filePath(QStringLiteral("fake.pdf"));
    QVERIFY(writeFile(fake, QByteArrayLiteral("<html>not a pdf</html>\n")));

    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    QVERIFY(dialog.setAttachmentFile(pdf));

    struct Case { QString path; QString problem; };
    const QList<Case> cases{
        {text, QStringLiteral("Only PDF files can be attached: \"notes.txt\" is not a .pdf file.")},
        {fake, QStringLiteral("\"fake.pdf\" is not a PDF document")},
        {m_dir.filePath(QStringLiteral("missing.pdf")), QStringLiteral("no such file")},
        {m_dir.path() + QStringLiteral("/dir.pdf"), QStringLiteral("no such file")},
    };
    for (const Case &c : cases) {
        QVERIFY2(!dialog.setAttachmentFile(c.path), qPrintable(c.path));
        QVERIFY(dialog.attachmentErrorLabel()->isVisibleTo(&dialog));
        QVERIFY2(dialog.attachmentErrorLabel()->text().contains(c.problem),
                 qPrintable(dialog.attachmentErrorLabel()->text()));
        // What was attached before stays attached, and the draft stays sendable.
        QCOMPARE(dialog.attachments().size(), 1);
        QCOMPARE(dialog.attachments().at(0).fileName, QStringLiteral("order.pdf"));
        QVERIFY(dialog.sendButton()->isEnabled());
    }

    // A directory named like a PDF.
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder.pdf")));
    QVERIFY(!dialog.setAttachmentFile(m_dir.filePath(QStringLiteral("folder.pdf"))));
    QVERIFY(dialog.attachmentErrorLabel()->text().contains(QStringLiteral("directory")));

    QVERIFY(dialog.setAttachmentFile(pdf));
    QVERIFY(!dialog.attachmentErrorLabel()->isVisibleTo(&dialog));
}

void TestNotifyDialog::bodyAndPreview()
{
    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    const QString body = dialog.body();
    QCOMPARE(body,
             QStringLiteral("Hello Jonas Keller,\n"
                            "\n"
                            "a maintenance job needs you.\n"
                            "\n"
                            "Work order: WO-2026-42\n"
                            "Asset: P-201\n"
                            "Priority: High\n"
                            "Attachment: none\n"
                            "\n"
                            "Description:\n"
                            "high vibration\n"
                            "Bearing temperature 85 °C at the drive end.\n"
                            "\n"
                            "Please confirm by replying to this message.\n"));

    const QString preview = dialog.preview()->toPlainText();
    QVERIFY(dialog.preview()->isReadOnly());
    QVERIFY(preview.contains(QStringLiteral("Subject: [WO-2026-42] P-201 high vibration (priority High)")));
    QVERIFY(preview.contains(QStringLiteral("To: Jonas Keller <j.keller@service.example>")));
    QVERIFY(preview.endsWith(body));

    // The preview follows every edit.
    dialog.setPriority(Priority::Emergency);
    QVERIFY(dialog.preview()->toPlainText().contains(QStringLiteral("(priority Emergency)")));
    QVERIFY(dialog.preview()->toPlainText().contains(QStringLiteral("Priority: Emergency")));

    // A bare address is greeted by its address; a field's text is never expanded as a placeholder.
    dialog.setTechnician(QStringLiteral("night.shift@contractor.example"));
    dialog.setDescription(QStringLiteral("literal {asset} and {priority}"));
    QVERIFY(dialog.body().startsWith(QStringLiteral("Hello night.shift@contractor.example,\n")));
    QVERIFY(dialog.body().contains(QStringLiteral("literal {asset} and {priority}\n")));

    dialog.setBodyTemplate(QStringLiteral("{asset}/{work_order}/{unknown}"));
    QCOMPARE(dialog.body(), QStringLiteral("P-201/WO-2026-42/{unknown}"));
}

void TestNotifyDialog::completionOffersAddressBook()
{
    NotifyTechnicianDialog dialog(AddressBook);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    // The drop-down holds the whole book.
    QCOMPARE(dialog.technicianField()->count(), AddressBook.size());
    QCOMPARE(dialog.technicianField()->currentText(), QString());

    QLineEdit *edit = dialog.technicianField()->lineEdit();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("SERV"));
    QCompleter *completer = dialog.technicianCompleter();
    QCOMPARE(completer->completionCount(), 2);
    QStringList offered;
    for (int row = 0; row < completer->completionCount(); ++row) {
        completer->setCurrentRow(row);
        offered.append(completer->currentCompletion());
    }
    QCOMPARE(offered, (QStringList{AddressBook.at(0), AddressBook.at(2)}));
    QTRY_VERIFY(completer->popup()->isVisible());

    // Down, Return: the first offer becomes the technician.
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QTRY_COMPARE(dialog.technician(), AddressBook.at(0));
    QVERIFY(!dialog.technicianErrorLabel()->isVisibleTo(&dialog));

    // A name matches too, in any case.
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("berg"));
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), AddressBook.at(1));
}

void TestNotifyDialog::ctrlReturnSendsOnlyWhenValid()
{
    NotifyTechnicianDialog dialog(AddressBook);
    QSignalSpy requested(&dialog, &NotifyTechnicianDialog::sendRequested);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    dialog.descriptionField()->setFocus();
    QTest::keyClick(dialog.descriptionField(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(requested.size(), 0);

    fill(dialog);
    const QString description = dialog.descriptionField()->toPlainText();
    QTest::keyClick(dialog.descriptionField(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(requested.size(), 1);
    // The shortcut did not also type a line break.
    QCOMPARE(dialog.descriptionField()->toPlainText(), description);

    dialog.assetField()->setFocus();
    QTest::keyClick(dialog.assetField(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(requested.size(), 2);

    // Send is the default button: plain Return in a line field sends a valid draft too.
    QVERIFY(dialog.sendButton()->isDefault());
    QTest::keyClick(dialog.assetField(), Qt::Key_Return);
    QCOMPARE(requested.size(), 3);
    QTest::keyClick(dialog.assetField(), Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(requested.size(), 4);
    // In the description Return is a line break, not a send.
    dialog.descriptionField()->setFocus();
    QTest::keyClick(dialog.descriptionField(), Qt::Key_Return);
    QCOMPARE(requested.size(), 4);
    QCOMPARE(dialog.descriptionField()->toPlainText().count(u'\n'), description.count(u'\n') + 1);

    // Invalid again: nothing, with or without Ctrl.
    dialog.setTechnician(QStringLiteral("bob@"));
    QTest::keyClick(dialog.assetField(), Qt::Key_Return, Qt::ControlModifier);
    QTest::keyClick(dialog.assetField(), Qt::Key_Return);
    QCOMPARE(requested.size(), 4);
    QVERIFY(dialog.isVisible());

    // While a send runs: nothing either.
    dialog.setTechnician(AddressBook.at(1));
    dialog.setSending(true);
    QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(requested.size(), 4);
    dialog.setSending(false);

    // The Send button does the same.
    QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 5);
}

void TestNotifyDialog::escapeCancels()
{
    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    QSignalSpy requested(&dialog, &NotifyTechnicianDialog::sendRequested);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.assetField()->setFocus();
    QTest::keyClick(dialog.assetField(), Qt::Key_Escape);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(requested.size(), 0);
}

void TestNotifyDialog::labelsAndTabOrder()
{
    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    // Every field has a label with a mnemonic pointing at it.
    const QList<QWidget *> fields{dialog.technicianField(), dialog.workOrderField(), dialog.assetField(),
                                  dialog.priorityField(), dialog.descriptionField(), dialog.preview()};
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (QWidget *field : fields) {
        const auto it = std::find_if(labels.begin(), labels.end(), [&](QLabel *l) { return l->buddy() == field; });
        QVERIFY2(it != labels.end(), field->metaObject()->className());
        QVERIFY2((*it)->text().contains(u'&'), qPrintable((*it)->text()));
    }

    // Alt+mnemonic jumps to the field.
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.assetField());
    QTest::keyClick(&dialog, Qt::Key_D, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.descriptionField());

    // Tab walks the form top to bottom, then the preview and the buttons.
    dialog.technicianField()->setFocus();
    QTRY_VERIFY(dialog.technicianField()->hasFocus());
    const QList<QWidget *> order{dialog.workOrderField(), dialog.assetField(), dialog.priorityField(),
                                 dialog.descriptionField()};
    for (QWidget *next : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), next);
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    auto *attach = qobject_cast<QPushButton *>(QApplication::focusWidget());
    QVERIFY(attach);
    QVERIFY(attach->text().contains(QStringLiteral("PDF")));
    // "Remove" is disabled without an attachment, so the preview comes next.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.preview());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.sendButton());
}

void TestNotifyDialog::sendErrorKeepsDraft()
{
    QVERIFY(m_dir.isValid());
    const QString pdf = m_dir.filePath(QStringLiteral("job.pdf"));
    QVERIFY(writeFile(pdf, QByteArrayLiteral("%PDF-1.5\n%%EOF\n")));

    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    QVERIFY(dialog.setAttachmentFile(pdf));
    QSignalSpy requested(&dialog, &NotifyTechnicianDialog::sendRequested);

    const QString subject = dialog.subject();
    const QString body = dialog.body();
    const QStringList recipients = dialog.recipients();

    dialog.requestSend();
    QCOMPARE(requested.size(), 1);
    dialog.setSending(true);
    QVERIFY(dialog.isSending());
    QVERIFY(!dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.technicianField()->isEnabled());
    QVERIFY(!dialog.descriptionField()->isEnabled());
    QCOMPARE(dialog.statusLabel()->text(), QStringLiteral("Sending..."));
    dialog.requestSend();
    QCOMPARE(requested.size(), 1);

    const QString serverSaid = QStringLiteral("the server refused j.keller@service.example: 550 5.1.1 User unknown");
    dialog.setSendError(serverSaid);
    QVERIFY(!dialog.isSending());
    QCOMPARE(dialog.sendError(), serverSaid);
    QVERIFY(dialog.statusLabel()->isVisibleTo(&dialog));
    QVERIFY(dialog.statusLabel()->text().contains(serverSaid));
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("draft is kept")));

    // Everything is still there and editable.
    QCOMPARE(dialog.technician(), AddressBook.at(0));
    QCOMPARE(dialog.workOrderId(), QStringLiteral("WO-2026-42"));
    QCOMPARE(dialog.asset(), QStringLiteral("P-201"));
    QCOMPARE(dialog.priority(), Priority::High);
    QCOMPARE(dialog.description(), QStringLiteral("high vibration\nBearing temperature 85 °C at the drive end."));
    QCOMPARE(dialog.attachments().size(), 1);
    QCOMPARE(dialog.attachments().at(0).fileName, QStringLiteral("job.pdf"));
    QCOMPARE(dialog.subject(), subject);
    QCOMPARE(dialog.body(), body);
    QCOMPARE(dialog.recipients(), recipients);
    QVERIFY(dialog.technicianField()->isEnabled());
    QVERIFY(dialog.descriptionField()->isEnabled());
    QVERIFY(dialog.sendButton()->isEnabled());

    // Fix and send again: the old error goes away.
    dialog.setTechnician(AddressBook.at(2));
    dialog.requestSend();
    QCOMPARE(requested.size(), 2);
    QCOMPARE(dialog.sendError(), QString());
    QVERIFY(!dialog.statusLabel()->isVisibleTo(&dialog));
    dialog.setSending(true);
    dialog.setSending(false);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestNotifyDialog::prefillFromAlarm()
{
    NotifyTechnicianDialog dialog(AddressBook);
    prefill(dialog);

    QCOMPARE(dialog.asset(), QStringLiteral("P-201"));
    QCOMPARE(dialog.summary(), QStringLiteral("vibration 9.2 mm/s (limit 8.4)"));
    QCOMPARE(dialog.priority(), Priority::High);
    QCOMPARE(dialog.workOrderPriority(), WorkOrderPriority::High);
    QCOMPARE(dialog.priorityField()->currentText(), QStringLiteral("High"));
    // The body, quoted as the notification will quote it.
    QCOMPARE(dialog.alarmText(), QStringLiteral("Pump P-201 drive end\nvibration 9.2 mm/s\nlimit 8.4 mm/s"));
    QCOMPARE(dialog.alarmField()->toPlainText(),
             QStringLiteral("> Pump P-201 drive end\n> vibration 9.2 mm/s\n> limit 8.4 mm/s"));
    QCOMPARE(dialog.alarmMessageId(), QStringLiteral("alarm-17@scada.example"));
    // From the roster: those covering pumps first (by order), then the rest by order.
    QCOMPARE(dialog.technician(), QStringLiteral("Anna Berg <anna@plant.example>"));
    QCOMPARE(dialog.escalation(), (QStringList{QStringLiteral("\"Doe, Zoe\" <zoe@plant.example>"),
                                               QStringLiteral("Jonas Keller <j.keller@service.example>"),
                                               QStringLiteral("Piotr Nowak <p.nowak@service.example>")}));
    QCOMPARE(dialog.escalationField()->text(),
             QStringLiteral("\"Doe, Zoe\" <zoe@plant.example>; Jonas Keller <j.keller@service.example>; "
                            "Piotr Nowak <p.nowak@service.example>"));
    // The deadline for a high priority, shown short.
    QCOMPARE(dialog.ackWithinField()->text(), QStringLiteral("15m"));
    QCOMPARE(dialog.ackWithinSeconds(), 15 * 60);
    QVERIFY2(dialog.isValid(), qPrintable(dialog.validationErrors().join(u'\n')));
    QVERIFY(dialog.sendButton()->isEnabled());

    // Another asset, another suggestion: the heat exchanger's technician first.
    NotifyTechnicianDialog other(AddressBook);
    other.setWorkOrderSettings(rosterSettings());
    other.setWorkOrderMode(true);
    other.prefillFromAlarm(alarmFor(QStringLiteral("WARNING HX-7 fouling")), QStringLiteral("WARNING HX-7 fouling"));
    QCOMPARE(other.technician(), QStringLiteral("Piotr Nowak <p.nowak@service.example>"));
    QCOMPARE(other.escalation().constFirst(), QStringLiteral("Jonas Keller <j.keller@service.example>"));

    // No roster: nobody is suggested, the draft waits for a technician.
    NotifyTechnicianDialog empty(AddressBook);
    empty.setWorkOrderMode(true);
    empty.prefillFromAlarm(alarmFor(AlarmSubject), AlarmSubject);
    QCOMPARE(empty.technician(), QString());
    QCOMPARE(empty.escalation(), QStringList());
    QCOMPARE(empty.alarmText(), AlarmSubject);
    QVERIFY(!empty.sendButton()->isEnabled());
}

void TestNotifyDialog::priorityFromSeverity_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<Priority>("priority");
    QTest::addColumn<QString>("priorityText");
    QTest::addColumn<QString>("deadline");
    QTest::addRow("critical -> critical") << QStringLiteral("CRITICAL V-509 pressure 12 bar") << Priority::Emergency
                                          << QStringLiteral("Critical") << QStringLiteral("5m");
    QTest::addRow("alarm -> high") << AlarmSubject << Priority::High << QStringLiteral("High") << QStringLiteral("15m");
    QTest::addRow("warning -> normal") << QStringLiteral("WARNING HX-7 fouling") << Priority::Medium
                                       << QStringLiteral("Normal") << QStringLiteral("1h");
    QTest::addRow("info -> low") << QStringLiteral("INFO P-202 maintenance due") << Priority::Low << QStringLiteral("Low")
                                 << QStringLiteral("4h");
    QTest::addRow("German alarm word") << QStringLiteral("Störung K-3 Motor") << Priority::High << QStringLiteral("High")
                                       << QStringLiteral("15m");
}

void TestNotifyDialog::priorityFromSeverity()
{
    QFETCH(QString, subject);
    QFETCH(Priority, priority);
    QFETCH(QString, priorityText);
    QFETCH(QString, deadline);

    NotifyTechnicianDialog dialog(AddressBook);
    dialog.setWorkOrderSettings(rosterSettings());
    dialog.setWorkOrderMode(true);
    dialog.prefillFromAlarm(alarmFor(subject), subject);
    QCOMPARE(dialog.priority(), priority);
    QCOMPARE(dialog.priorityField()->currentText(), priorityText);
    QCOMPARE(dialog.ackWithinField()->text(), deadline);
    QCOMPARE(dialog.request().priority, NotifyTechnicianDialog::workOrderPriorityOf(priority));
}

void TestNotifyDialog::deadlineFollowsPriorityUntilEdited()
{
    NotifyTechnicianDialog dialog(AddressBook);
    WorkOrderSettings settings = rosterSettings();
    settings.ackWithin = {2 * 3600, 30 * 60, 10 * 60, 90};   // the account's own deadlines
    dialog.setWorkOrderSettings(settings);
    dialog.setWorkOrderMode(true);
    dialog.prefillFromAlarm(alarmFor(AlarmSubject), AlarmSubject);
    QCOMPARE(dialog.ackWithinField()->text(), QStringLiteral("10m"));
    dialog.setPriority(Priority::Emergency);
    QCOMPARE(dialog.ackWithinField()->text(), QStringLiteral("90s"));
    QCOMPARE(dialog.ackWithinSeconds(), 90);

    // Typed by the supervisor: it stays, whatever the priority.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.ackWithinField()->setFocus();
    dialog.ackWithinField()->selectAll();
    QTest::keyClicks(dialog.ackWithinField(), QStringLiteral("45m"));
    dialog.setPriority(Priority::Low);
    QCOMPARE(dialog.ackWithinField()->text(), QStringLiteral("45m"));
    QCOMPARE(dialog.request().ackWithinSeconds, 45 * 60);

    // setAckWithin(0) gives it back to the priority.
    dialog.setAckWithin(0);
    QCOMPARE(dialog.ackWithinField()->text(), QStringLiteral("2h"));
    dialog.setAckWithin(20 * 60);
    QCOMPARE(dialog.ackWithinField()->text(), QStringLiteral("20m"));
    dialog.setPriority(Priority::High);
    QCOMPARE(dialog.ackWithinField()->text(), QStringLiteral("20m"));
}

void TestNotifyDialog::escalationEditable()
{
    NotifyTechnicianDialog dialog(AddressBook);
    prefill(dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    // The supervisor drops all but one and types another in.
    dialog.escalationField()->setFocus();
    dialog.escalationField()->selectAll();
    QTest::keyClicks(dialog.escalationField(), QStringLiteral("Jonas Keller <j.keller@service.example> ;night@contractor.example;"));
    QCOMPARE(dialog.escalation(), (QStringList{QStringLiteral("Jonas Keller <j.keller@service.example>"),
                                               QStringLiteral("night@contractor.example")}));
    QVERIFY2(dialog.isValid(), qPrintable(dialog.validationErrors().join(u'\n')));
    QCOMPARE(dialog.chain(), (QStringList{QStringLiteral("Anna Berg <anna@plant.example>"),
                                          QStringLiteral("Jonas Keller <j.keller@service.example>"),
                                          QStringLiteral("night@contractor.example")}));
    QVERIFY(dialog.preview()->toPlainText().contains(
        QStringLiteral("Not acknowledged within 15m: Jonas Keller <j.keller@service.example>; night@contractor.example")));

    // Nobody to escalate to is fine: the supervisor is told.
    dialog.setEscalation({});
    QVERIFY(dialog.isValid());
    QCOMPARE(dialog.chain(), QStringList{QStringLiteral("Anna Berg <anna@plant.example>")});
}

void TestNotifyDialog::escalationRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problem");
    QTest::addRow("bad address") << QStringLiteral("Jonas Keller <j.keller@service.example>; bob@") << QStringLiteral("\"bob@\"");
    QTest::addRow("commas instead of semicolons")
        << QStringLiteral("a@plant.example, b@plant.example") << QStringLiteral("Separate technicians with \";\"");
    QTest::addRow("the technician again, other case") << QStringLiteral("ANNA@plant.example") << QStringLiteral("twice");
    QTest::addRow("twice in the list") << QStringLiteral("x@plant.example; Ex <X@plant.example>") << QStringLiteral("twice");
    QString many;
    for (int i = 0; i < WorkOrderSettings::MaxChain; ++i)
        many += QStringLiteral("t%1@plant.example;").arg(i);
    QTest::addRow("too many") << many << QStringLiteral("at most 8");
}

void TestNotifyDialog::escalationRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, problem);
    NotifyTechnicianDialog dialog(AddressBook);
    prefill(dialog);
    QVERIFY(dialog.sendButton()->isEnabled());
    dialog.escalationField()->setText(text);
    QVERIFY(!dialog.sendButton()->isEnabled());
    QVERIFY(dialog.escalationErrorLabel()->isVisibleTo(&dialog));
    const QString error = dialog.escalationErrorLabel()->text();
    QVERIFY2(error.startsWith(QStringLiteral("Escalation:")), qPrintable(error));
    QVERIFY2(error.contains(problem), qPrintable(error));
    QCOMPARE(dialog.validationErrors(), QStringList{error});
    dialog.setEscalation({QStringLiteral("ok@plant.example")});
    QVERIFY(dialog.sendButton()->isEnabled());
    QVERIFY(!dialog.escalationErrorLabel()->isVisibleTo(&dialog));
}

void TestNotifyDialog::badDeadlineRefused()
{
    NotifyTechnicianDialog dialog(AddressBook);
    prefill(dialog);
    for (const QString &text : {QStringLiteral("soon"), QString(), QStringLiteral("0m"), QStringLiteral("40d")}) {
        dialog.ackWithinField()->setText(text);
        QVERIFY2(!dialog.sendButton()->isEnabled(), qPrintable(text));
        QVERIFY(dialog.ackWithinErrorLabel()->isVisibleTo(&dialog));
        QVERIFY(dialog.ackWithinErrorLabel()->text().startsWith(QStringLiteral("Acknowledge within:")));
        QCOMPARE(dialog.ackWithinSeconds(), 0);
    }
    dialog.ackWithinField()->setText(QStringLiteral("2h"));
    QVERIFY(dialog.sendButton()->isEnabled());
    QCOMPARE(dialog.ackWithinSeconds(), 7200);
}

void TestNotifyDialog::workOrderRequest()
{
    QVERIFY(m_dir.isValid());
    const QString pdf = m_dir.filePath(QStringLiteral("pump.pdf"));
    QVERIFY(writeFile(pdf, QByteArrayLiteral("%PDF-1.5\n%%EOF\n")));

    NotifyTechnicianDialog dialog(AddressBook);
    prefill(dialog);
    dialog.setDescription(QStringLiteral("  Isolate before opening the coupling guard.  "));
    QVERIFY(dialog.setAttachmentFile(pdf));
    const WorkOrderRequest request = dialog.request();
    QCOMPARE(request.asset, QStringLiteral("P-201"));
    QCOMPARE(request.summary, QStringLiteral("vibration 9.2 mm/s (limit 8.4)"));
    QCOMPARE(request.priority, WorkOrderPriority::High);
    QCOMPARE(request.chain, (QStringList{QStringLiteral("Anna Berg <anna@plant.example>"),
                                         QStringLiteral("\"Doe, Zoe\" <zoe@plant.example>"),
                                         QStringLiteral("Jonas Keller <j.keller@service.example>"),
                                         QStringLiteral("Piotr Nowak <p.nowak@service.example>")}));
    QCOMPARE(request.ackWithinSeconds, 900);
    QCOMPARE(request.alarmMessageId, QStringLiteral("alarm-17@scada.example"));
    QCOMPARE(request.alarmText, QStringLiteral("Pump P-201 drive end\nvibration 9.2 mm/s\nlimit 8.4 mm/s"));
    QCOMPARE(request.note, QStringLiteral("Isolate before opening the coupling guard."));
    QCOMPARE(request.attachments.size(), 1);
    QCOMPARE(request.attachments.at(0).fileName, QStringLiteral("pump.pdf"));
    QVERIFY(!request.queueOnly);

    // Edits show in the request.
    dialog.setSummary(QStringLiteral("  bearing   noise "));
    dialog.setPriority(Priority::Emergency);
    QCOMPARE(dialog.request().summary, QStringLiteral("bearing noise"));
    QCOMPARE(dialog.request().priority, WorkOrderPriority::Critical);
    QCOMPARE(dialog.request().ackWithinSeconds, 300);
}

void TestNotifyDialog::returnSendsPrefilledWorkOrder()
{
    // Select an alarm, Ctrl+N (the main window opens this dialog prefilled), Return.
    NotifyTechnicianDialog dialog(AddressBook);
    prefill(dialog);
    QSignalSpy requested(&dialog, &NotifyTechnicianDialog::sendRequested);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTRY_VERIFY(QApplication::focusWidget());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QTest::keyClick(dialog.summaryField(), Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(requested.size(), 2);
    // Return that picks a completion only picks it: the supervisor looks before sending.
    QLineEdit *edit = dialog.technicianField()->lineEdit();
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("keller"));
    QTRY_VERIFY(dialog.technicianCompleter()->popup()->isVisible());
    QTest::keyClick(dialog.technicianCompleter()->popup(), Qt::Key_Down);
    QTest::keyClick(dialog.technicianCompleter()->popup(), Qt::Key_Return);
    QTRY_COMPARE(dialog.technician(), AddressBook.at(0));
    QCOMPARE(requested.size(), 2);
    // Missing summary: Return does nothing.
    dialog.setSummary(QString());
    QTest::keyClick(dialog.summaryField(), Qt::Key_Return);
    QCOMPARE(requested.size(), 2);
    QVERIFY(dialog.problemsLabel()->text().contains(QStringLiteral("summary")));
}

void TestNotifyDialog::workOrderModeFields()
{
    NotifyTechnicianDialog dialog(AddressBook);
    fill(dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(!dialog.isWorkOrderMode());
    QVERIFY(dialog.workOrderField()->isVisible());
    QVERIFY(!dialog.escalationField()->isVisible());
    QVERIFY(!dialog.summaryField()->isVisible());
    QVERIFY(!dialog.ackWithinField()->isVisible());
    QVERIFY(!dialog.workOrderNote()->isVisible());
    QCOMPARE(dialog.priorityField()->itemText(int(Priority::Emergency)), QStringLiteral("Emergency"));

    prefill(dialog);
    QVERIFY(dialog.isWorkOrderMode());
    // The tracker gives the id: no field for it, and no need for one.
    QVERIFY(!dialog.workOrderField()->isVisible());
    dialog.setWorkOrderId(QString());
    QVERIFY(dialog.isValid());
    for (QWidget *field : std::initializer_list<QWidget *>{dialog.escalationField(), dialog.summaryField(),
                                                           dialog.ackWithinField(), dialog.alarmField()}) {
        QVERIFY(field->isVisible());
        QVERIFY(!field->accessibleName().isEmpty());
    }
    QVERIFY(dialog.alarmField()->isReadOnly());
    QCOMPARE(dialog.priorityField()->itemText(int(Priority::Emergency)), QStringLiteral("Critical"));
    QCOMPARE(dialog.priorityField()->itemText(int(Priority::Medium)), QStringLiteral("Normal"));
    // The note on offline work orders.
    QVERIFY(dialog.workOrderNote()->isVisible());
    QVERIFY2(dialog.workOrderNote()->text().contains(QStringLiteral("queued while offline becomes visible to other consoles once it is sent")),
             qPrintable(dialog.workOrderNote()->text()));
    // The description is optional here (it becomes the note above the quote).
    dialog.setDescription(QString());
    QVERIFY(dialog.isValid());
    const QString preview = dialog.preview()->toPlainText();
    QVERIFY(preview.startsWith(QStringLiteral("To: Anna Berg <anna@plant.example>")));
    QVERIFY(preview.contains(QStringLiteral("Priority: High")));
    QVERIFY(preview.endsWith(QStringLiteral("> limit 8.4 mm/s")));

    // Mnemonics and tab order of the work-order fields.
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (QWidget *field : std::initializer_list<QWidget *>{dialog.escalationField(), dialog.summaryField(),
                                                           dialog.ackWithinField(), dialog.alarmField()}) {
        const auto it = std::find_if(labels.begin(), labels.end(), [&](QLabel *l) { return l->buddy() == field; });
        QVERIFY2(it != labels.end(), field->metaObject()->className());
        QVERIFY2((*it)->text().contains(u'&'), qPrintable((*it)->text()));
    }
    dialog.technicianField()->setFocus();
    QTRY_VERIFY(dialog.technicianField()->hasFocus());
    const QList<QWidget *> order{dialog.escalationField(), dialog.assetField(), dialog.summaryField(),
                                 dialog.priorityField(), dialog.ackWithinField(), dialog.descriptionField(),
                                 dialog.alarmField()};
    for (QWidget *next : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), next);
    }
    QTest::keyClick(&dialog, Qt::Key_K, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.ackWithinField());
    QTest::keyClick(&dialog, Qt::Key_E, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.escalationField());

    // Back to plain mode: the work-order field is needed again.
    dialog.setWorkOrderMode(false);
    QVERIFY(dialog.workOrderField()->isVisible());
    QVERIFY(!dialog.escalationField()->isVisible());
    QVERIFY(!dialog.isValid());
}

void TestNotifyDialog::plainModePrefill()
{
    // Without a tracker (a Gmail API account) the plain notification is prefilled the same way.
    NotifyTechnicianDialog dialog(AddressBook);
    dialog.setWorkOrderSettings(rosterSettings());
    dialog.prefillFromAlarm(alarmFor(AlarmSubject), AlarmSubject, QStringLiteral("alarm-17@scada.example"));
    QVERIFY(!dialog.isWorkOrderMode());
    QCOMPARE(dialog.asset(), QStringLiteral("P-201"));
    QCOMPARE(dialog.priority(), Priority::High);
    QCOMPARE(dialog.technician(), QStringLiteral("Anna Berg <anna@plant.example>"));
    QCOMPARE(dialog.description(), QStringLiteral("vibration 9.2 mm/s (limit 8.4)\n\n> ") + AlarmSubject);
    QCOMPARE(dialog.recipients(), QStringList{QStringLiteral("Anna Berg <anna@plant.example>")});
    // Only the work-order id is left to type.
    QCOMPARE(dialog.validationErrors().size(), 1);
    dialog.setWorkOrderId(QStringLiteral("WO-2026-42"));
    QVERIFY(dialog.isValid());
    QCOMPARE(dialog.subject(), QStringLiteral("[WO-2026-42] P-201 vibration 9.2 mm/s (limit 8.4) (priority High)"));
    QVERIFY(dialog.body().contains(QStringLiteral("> ALARM P-201 vibration 9.2 mm/s (limit 8.4)")));
    // A description already written is kept.
    NotifyTechnicianDialog written(AddressBook);
    written.setDescription(QStringLiteral("mine"));
    written.prefillFromAlarm(alarmFor(AlarmSubject), AlarmSubject);
    QCOMPARE(written.description(), QStringLiteral("mine"));
}

void TestNotifyDialog::quoted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("one line") << AlarmSubject << QStringLiteral("> ") + AlarmSubject;
    QTest::addRow("lines, CRLF, blank line") << QStringLiteral("a\r\n\r\nb\n") << QStringLiteral("> a\n>\n> b");
}

void TestNotifyDialog::quoted()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(NotifyTechnicianDialog::quoted(text), expected);
}

QTEST_MAIN(TestNotifyDialog)
#include "tst_notifydialog.moc"
