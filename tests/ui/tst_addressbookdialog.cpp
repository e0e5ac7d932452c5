// The technicians' address book editor: the entry format it shares with the
// app, add / edit / remove by mouse and keyboard, and entries it refuses;
// the roster's areas and escalation order, kept by RosterSettings in
// QSettings, and the migration of the old "technicians" list.

#include "addressbookdialog.h"
#include "rostersettings.h"

#include "mime/messagebuilder.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace machina;

namespace {

const QStringList AddressBook{
    QStringLiteral("Jonas Keller <j.keller@service.example>"),
    QStringLiteral("\"Berg, Anna\" <anna@plant.example>"),
    QStringLiteral("night.shift@contractor.example"),
};

QString cell(const AddressBookDialog &dialog, int row, int column)
{
    const QTableWidgetItem *item = dialog.table()->item(row, column);
    return item ? item->text() : QString();
}

Technician technician(const QString &name, const QString &address, const QStringList &areas, int order)
{
    Technician t;
    t.name = name;
    t.address = address;
    t.areas = areas;
    t.order = order;
    return t;
}

/** The fields that matter of a roster, for QCOMPARE. */
QStringList describe(const QList<Technician> &roster)
{
    QStringList out;
    for (const Technician &t : roster)
        out.append(QStringLiteral("%1|%2|%3|%4").arg(t.name, t.address, t.areas.join(u','), QString::number(t.order)));
    return out;
}

/** Checks the table model through every change the test makes. */
void attachModelTester(AddressBookDialog &dialog)
{
    new QAbstractItemModelTester(dialog.table()->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, &dialog);
}

} // namespace

class TestAddressBookDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatEntry_data();
    void formatEntry();
    void parseEntry_data();
    void parseEntry();
    void loadsEntries();
    void addEntry();
    void addReusesBlankRow();
    void editEntry();
    void removeEntry();
    void keyboardDelete();
    void keyboardAdd_data();
    void keyboardAdd();
    void invalidRefused_data();
    void invalidRefused();
    void loadedInvalidEntries();
    void duplicateRefused_data();
    void duplicateRefused();
    void okOnlyWhenValid();
    void labelsAndMnemonics();
    void areasAndOrder();
    void newRowIsLastInOrder();
    void areasWithoutAddressRefused();
    void parseAreas_data();
    void parseAreas();
    void rosterSavedAndLoaded();
    void emptyRosterStaysEmpty();
    void migratesOldList();
    void mergeAndEntries();

private:
    QTemporaryDir m_dir;
};

void TestAddressBookDialog::formatEntry_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");

    const QString jane = QStringLiteral("jane@plant.example");
    QTest::addRow("plain name") << QStringLiteral("Jonas Keller") << QStringLiteral("j.keller@service.example")
                                << QStringLiteral("Jonas Keller <j.keller@service.example>");
    QTest::addRow("no name, bare address") << QString() << jane << jane;
    QTest::addRow("blank name, bare address") << QStringLiteral("   ") << jane << jane;
    QTest::addRow("white space around both trimmed")
            << QStringLiteral("  Jane Doe ") << u' ' + jane + u' ' << QStringLiteral("Jane Doe <jane@plant.example>");
    QTest::addRow("comma quoted") << QStringLiteral("Doe, Jane") << jane
                                  << QStringLiteral("\"Doe, Jane\" <jane@plant.example>");
    QTest::addRow("double quotes escaped") << QStringLiteral("Jane \"JD\" Doe") << jane
                                           << QStringLiteral("\"Jane \\\"JD\\\" Doe\" <jane@plant.example>");
    QTest::addRow("backslash escaped") << QStringLiteral("Ops\\Night") << jane
                                       << QStringLiteral("\"Ops\\\\Night\" <jane@plant.example>");
    QTest::addRow("period quoted") << QStringLiteral("Dr. Anna Berg") << jane
                                   << QStringLiteral("\"Dr. Anna Berg\" <jane@plant.example>");
    QTest::addRow("angle brackets quoted") << QStringLiteral("Ops <night>") << jane
                                           << QStringLiteral("\"Ops <night>\" <jane@plant.example>");
    QTest::addRow("at sign quoted") << QStringLiteral("jane@home") << jane
                                    << QStringLiteral("\"jane@home\" <jane@plant.example>");
    QTest::addRow("parentheses quoted") << QStringLiteral("Jane (nights)") << jane
                                        << QStringLiteral("\"Jane (nights)\" <jane@plant.example>");
    QTest::addRow("two spaces kept by quoting") << QStringLiteral("Jane  Doe") << jane
                                                << QStringLiteral("\"Jane  Doe\" <jane@plant.example>");
    QTest::addRow("apostrophe and hyphen are atext") << QStringLiteral("Pat O'Brien-Smith") << jane
                                                    << QStringLiteral("Pat O'Brien-Smith <jane@plant.example>");
    QTest::addRow("non-ASCII unquoted") << QStringLiteral("Zoë Ångström") << jane
                                        << QStringLiteral("Zoë Ångström <jane@plant.example>");
}

void TestAddressBookDialog::formatEntry()
{
    QFETCH(QString, name);
    QFETCH(QString, address);
    QFETCH(QString, expected);

    const QString entry = AddressBookDialog::formatEntry(name, address);
    QCOMPARE(entry, expected);

    // It reads back to what went in.
    QString parsedName = QStringLiteral("unset");
    QString parsedAddress;
    QVERIFY(AddressBookDialog::parseEntry(entry, &parsedName, &parsedAddress));
    QCOMPARE(parsedName, name.trimmed());
    QCOMPARE(parsedAddress, address.trimmed());

    // And the message builder takes it as this one address.
    ConnectorError error;
    QCOMPARE(MessageBuilder::addressSpec(entry, &error), address.trimmed());
    QVERIFY2(!error, qPrintable(error.message()));
}

void TestAddressBookDialog::parseEntry_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address");

    const QString jane = QStringLiteral("jane@plant.example");
    QTest::addRow("name and address") << QStringLiteral("Jane Doe <jane@plant.example>") << true
                                      << QStringLiteral("Jane Doe") << jane;
    QTest::addRow("bare address") << jane << true << QString() << jane;
    QTest::addRow("angle address alone") << QStringLiteral("<jane@plant.example>") << true << QString() << jane;
    QTest::addRow("white space trimmed") << QStringLiteral("  Jane   Doe  <  jane@plant.example >  ") << true
                                         << QStringLiteral("Jane Doe") << jane;
    QTest::addRow("quoted with escapes") << QStringLiteral("\"Jane \\\"JD\\\" Doe\" <jane@plant.example>") << true
                                         << QStringLiteral("Jane \"JD\" Doe") << jane;
    QTest::addRow("quoted comma") << QStringLiteral("\"Doe, Jane\" <jane@plant.example>") << true
                                  << QStringLiteral("Doe, Jane") << jane;
    QTest::addRow("quoted and plain words") << QStringLiteral("\"Doe,\" Jane <jane@plant.example>") << true
                                            << QStringLiteral("Doe, Jane") << jane;
    QTest::addRow("brackets inside quotes are the name")
            << QStringLiteral("\"Ops <fake@evil.example>\" <jane@plant.example>") << true
            << QStringLiteral("Ops <fake@evil.example>") << jane;
    QTest::addRow("quoted local part, bare") << QStringLiteral("\"jane doe\"@plant.example") << true << QString()
                                             << QStringLiteral("\"jane doe\"@plant.example");

    QTest::addRow("empty") << QString() << false << QString() << QString();
    QTest::addRow("blank") << QStringLiteral(" \t ") << false << QString() << QString();
    QTest::addRow("unclosed angle") << QStringLiteral("Jane <jane@plant.example") << false << QString() << QString();
    QTest::addRow("text after the address") << QStringLiteral("Jane <jane@plant.example> ext. 12") << false
                                            << QString() << QString();
    QTest::addRow("stray closing angle") << QStringLiteral("jane@plant.example>") << false << QString() << QString();
    QTest::addRow("unclosed quote") << QStringLiteral("\"Jane <jane@plant.example>") << false << QString()
                                    << QString();
    QTest::addRow("escape at the very end") << QStringLiteral("\"Jane\\") << false << QString() << QString();
    QTest::addRow("empty angle address") << QStringLiteral("Jane <>") << false << QString() << QString();
    QTest::addRow("nested angles") << QStringLiteral("Jane <a<jane@plant.example>") << false << QString()
                                   << QString();
}

void TestAddressBookDialog::parseEntry()
{
    QFETCH(QString, entry);
    QFETCH(bool, ok);
    QFETCH(QString, name);
    QFETCH(QString, address);

    const QString untouched = QStringLiteral("untouched");
    QString parsedName = untouched;
    QString parsedAddress = untouched;
    QCOMPARE(AddressBookDialog::parseEntry(entry, &parsedName, &parsedAddress), ok);
    if (ok) {
        QCOMPARE(parsedName, name);
        QCOMPARE(parsedAddress, address);
    } else {
        // A refused entry leaves the outputs alone.
        QCOMPARE(parsedName, untouched);
        QCOMPARE(parsedAddress, untouched);
    }
    // Either output may be left out.
    QCOMPARE(AddressBookDialog::parseEntry(entry, nullptr, nullptr), ok);
}

void TestAddressBookDialog::loadsEntries()
{
    QStringList given = AddressBook;
    given.insert(1, QStringLiteral("   "));   // blank entries are dropped
    AddressBookDialog dialog(given);
    attachModelTester(dialog);

    QCOMPARE(dialog.table()->rowCount(), 3);
    QCOMPARE(dialog.table()->columnCount(), 4);
    QCOMPARE(dialog.table()->horizontalHeaderItem(AddressBookDialog::NameColumn)->text(), QStringLiteral("Name"));
    QCOMPARE(dialog.table()->horizontalHeaderItem(AddressBookDialog::AddressColumn)->text(),
             QStringLiteral("Address"));
    QCOMPARE(dialog.table()->horizontalHeaderItem(AddressBookDialog::AreasColumn)->text(), QStringLiteral("Areas"));
    QCOMPARE(dialog.table()->horizontalHeaderItem(AddressBookDialog::OrderColumn)->text(), QStringLiteral("Order"));
    // A plain list: no areas, escalated to in its order.
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(cell(dialog, row, AddressBookDialog::AreasColumn), QString());
        QCOMPARE(cell(dialog, row, AddressBookDialog::OrderColumn), QString::number(row + 1));
    }
    QCOMPARE(cell(dialog, 0, AddressBookDialog::NameColumn), QStringLiteral("Jonas Keller"));
    QCOMPARE(cell(dialog, 0, AddressBookDialog::AddressColumn), QStringLiteral("j.keller@service.example"));
    QCOMPARE(cell(dialog, 1, AddressBookDialog::NameColumn), QStringLiteral("Berg, Anna"));
    QCOMPARE(cell(dialog, 1, AddressBookDialog::AddressColumn), QStringLiteral("anna@plant.example"));
    QCOMPARE(cell(dialog, 2, AddressBookDialog::NameColumn), QString());
    QCOMPARE(cell(dialog, 2, AddressBookDialog::AddressColumn), QStringLiteral("night.shift@contractor.example"));

    // Untouched, the same book comes back, and OK is allowed.
    QCOMPARE(dialog.entries(), AddressBook);
    QVERIFY(dialog.isValid());
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(!dialog.errorLabel()->isVisibleTo(&dialog));

    // The first row is current and shown in the fields.
    QCOMPARE(dialog.table()->currentRow(), 0);
    QCOMPARE(dialog.nameField()->text(), QStringLiteral("Jonas Keller"));
    QCOMPARE(dialog.addressField()->text(), QStringLiteral("j.keller@service.example"));
    dialog.table()->setCurrentCell(1, AddressBookDialog::AddressColumn);
    QCOMPARE(dialog.nameField()->text(), QStringLiteral("Berg, Anna"));

    // An empty book: nothing to edit or remove.
    AddressBookDialog empty({});
    QCOMPARE(empty.table()->rowCount(), 0);
    QCOMPARE(empty.entries(), QStringList());
    QVERIFY(!empty.editButton()->isEnabled());
    QVERIFY(!empty.removeButton()->isEnabled());
    QVERIFY(!empty.nameField()->isEnabled());
    QVERIFY(empty.okButton()->isEnabled());
}

void TestAddressBookDialog::addEntry()
{
    AddressBookDialog dialog(AddressBook);
    attachModelTester(dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    QTest::mouseClick(dialog.addButton(), Qt::LeftButton);
    QCOMPARE(dialog.table()->rowCount(), 4);
    QCOMPARE(dialog.table()->currentRow(), 3);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.nameField());
    QCOMPARE(dialog.nameField()->text(), QString());
    // A blank row is no entry yet, and no error either.
    QCOMPARE(dialog.entries(), AddressBook);
    QVERIFY(dialog.okButton()->isEnabled());

    QTest::keyClicks(dialog.nameField(), QStringLiteral("Piotr Nowak"));
    // A name without an address is not an entry.
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("enter an address")));

    QTest::keyClick(dialog.nameField(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.addressField());
    QTest::keyClicks(dialog.addressField(), QStringLiteral("p.nowak@service.example"));
    QCOMPARE(cell(dialog, 3, AddressBookDialog::NameColumn), QStringLiteral("Piotr Nowak"));
    QCOMPARE(cell(dialog, 3, AddressBookDialog::AddressColumn), QStringLiteral("p.nowak@service.example"));
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.entries(), AddressBook + QStringList{QStringLiteral("Piotr Nowak <p.nowak@service.example>")});
}

void TestAddressBookDialog::addReusesBlankRow()
{
    AddressBookDialog dialog(AddressBook);
    attachModelTester(dialog);
    dialog.addEntry();
    dialog.table()->setCurrentCell(0, AddressBookDialog::NameColumn);
    dialog.addEntry();
    // Still one blank row, and it is current again.
    QCOMPARE(dialog.table()->rowCount(), 4);
    QCOMPARE(dialog.table()->currentRow(), 3);
    QCOMPARE(dialog.entries(), AddressBook);
}

void TestAddressBookDialog::editEntry()
{
    AddressBookDialog dialog(AddressBook);
    attachModelTester(dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    dialog.table()->setCurrentCell(1, AddressBookDialog::NameColumn);
    QTest::mouseClick(dialog.editButton(), Qt::LeftButton);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.nameField());
    // The whole name is selected: typing replaces it.
    QCOMPARE(dialog.nameField()->selectedText(), QStringLiteral("Berg, Anna"));
    QTest::keyClicks(dialog.nameField(), QStringLiteral("Anna Berg-Lund"));
    QCOMPARE(cell(dialog, 1, AddressBookDialog::NameColumn), QStringLiteral("Anna Berg-Lund"));

    dialog.addressField()->selectAll();
    QTest::keyClicks(dialog.addressField(), QStringLiteral("a.berg@plant.example"));
    QCOMPARE(dialog.entries(),
             (QStringList{AddressBook.at(0), QStringLiteral("Anna Berg-Lund <a.berg@plant.example>"), AddressBook.at(2)}));

    // Clearing the name leaves a bare address.
    dialog.nameField()->clear();
    QCOMPARE(dialog.entries().at(1), QStringLiteral("a.berg@plant.example"));

    // F2 on the table goes to the fields too.
    dialog.table()->setCurrentCell(2, AddressBookDialog::NameColumn);
    dialog.table()->setFocus();
    QTRY_VERIFY(dialog.table()->hasFocus());
    QTest::keyClick(dialog.table(), Qt::Key_F2);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.nameField());
    QCOMPARE(dialog.addressField()->text(), QStringLiteral("night.shift@contractor.example"));
}

void TestAddressBookDialog::removeEntry()
{
    AddressBookDialog dialog(AddressBook);
    attachModelTester(dialog);

    dialog.table()->setCurrentCell(1, AddressBookDialog::NameColumn);
    QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
    QCOMPARE(dialog.entries(), (QStringList{AddressBook.at(0), AddressBook.at(2)}));
    // The row that took its place is current and shown.
    QCOMPARE(dialog.table()->currentRow(), 1);
    QCOMPARE(dialog.addressField()->text(), QStringLiteral("night.shift@contractor.example"));

    // Removing the last row selects the one before it.
    QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
    QCOMPARE(dialog.entries(), QStringList{AddressBook.at(0)});
    QCOMPARE(dialog.table()->currentRow(), 0);
    QCOMPARE(dialog.nameField()->text(), QStringLiteral("Jonas Keller"));

    QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
    QCOMPARE(dialog.entries(), QStringList());
    QCOMPARE(dialog.table()->currentRow(), -1);
    QVERIFY(!dialog.removeButton()->isEnabled());
    QVERIFY(!dialog.editButton()->isEnabled());
    QVERIFY(!dialog.nameField()->isEnabled());
    QCOMPARE(dialog.nameField()->text(), QString());
    // Nothing left: the slot does nothing.
    dialog.removeEntry();
    QCOMPARE(dialog.table()->rowCount(), 0);
}

void TestAddressBookDialog::keyboardDelete()
{
    AddressBookDialog dialog(AddressBook);
    attachModelTester(dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    dialog.table()->setCurrentCell(0, AddressBookDialog::NameColumn);
    dialog.table()->setFocus();
    QTRY_VERIFY(dialog.table()->hasFocus());
    QTest::keyClick(dialog.table(), Qt::Key_Delete);
    QCOMPARE(dialog.entries(), (QStringList{AddressBook.at(1), AddressBook.at(2)}));

    // Delete in a field edits the text, it does not remove the row.
    dialog.nameField()->setFocus();
    QTRY_VERIFY(dialog.nameField()->hasFocus());
    dialog.nameField()->setCursorPosition(0);
    QTest::keyClick(dialog.nameField(), Qt::Key_Delete);
    QCOMPARE(dialog.table()->rowCount(), 2);
    QCOMPARE(dialog.nameField()->text(), QStringLiteral("erg, Anna"));
    QCOMPARE(cell(dialog, 0, AddressBookDialog::NameColumn), QStringLiteral("erg, Anna"));

    // Nor anywhere else but the table: on a button it does nothing.
    dialog.addButton()->setFocus();
    QTRY_VERIFY(dialog.addButton()->hasFocus());
    QTest::keyClick(dialog.addButton(), Qt::Key_Delete);
    QCOMPARE(dialog.table()->rowCount(), 2);
}

void TestAddressBookDialog::keyboardAdd_data()
{
    QTest::addColumn<Qt::Key>("key");
    QTest::addColumn<Qt::KeyboardModifiers>("modifiers");

    QTest::addRow("Insert") << Qt::Key_Insert << Qt::KeyboardModifiers();
    QTest::addRow("Ctrl+N") << Qt::Key_N << Qt::KeyboardModifiers(Qt::ControlModifier);
}

void TestAddressBookDialog::keyboardAdd()
{
    QFETCH(Qt::Key, key);
    QFETCH(Qt::KeyboardModifiers, modifiers);

    AddressBookDialog dialog(AddressBook);
    attachModelTester(dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.table()->setFocus();
    QTRY_VERIFY(dialog.table()->hasFocus());

    QTest::keyClick(dialog.table(), key, modifiers);
    QCOMPARE(dialog.table()->rowCount(), 4);
    QCOMPARE(dialog.table()->currentRow(), 3);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.nameField());
    QTest::keyClicks(dialog.nameField(), QStringLiteral("Piotr Nowak"));
    QTest::keyClick(dialog.nameField(), Qt::Key_Tab);
    QTest::keyClicks(dialog.addressField(), QStringLiteral("p.nowak@service.example"));
    QCOMPARE(dialog.entries().size(), 4);
    QCOMPARE(dialog.entries().last(), QStringLiteral("Piotr Nowak <p.nowak@service.example>"));
}

void TestAddressBookDialog::invalidRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("problem");

    QTest::addRow("no domain") << QStringLiteral("Anna Berg") << QStringLiteral("anna")
                               << QStringLiteral("name@domain");
    QTest::addRow("empty domain") << QStringLiteral("Anna Berg") << QStringLiteral("anna@")
                                  << QStringLiteral("\"anna@\"");
    QTest::addRow("two addresses") << QString() << QStringLiteral("a@plant.example, b@plant.example")
                                   << QStringLiteral("exactly one address");
    QTest::addRow("name typed into the address")
            << QString() << QStringLiteral("Anna Berg <anna@plant.example>") << QStringLiteral("address alone");
    QTest::addRow("name without address") << QStringLiteral("Anna Berg") << QString()
                                          << QStringLiteral("enter an address");
    QTest::addRow("control character in the name") << QStringLiteral("Anna\x01 Berg") << QStringLiteral("anna@plant.example")
                                                    << QStringLiteral("control character");
}

void TestAddressBookDialog::invalidRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, address);
    QFETCH(QString, problem);

    AddressBookDialog dialog(AddressBook);
    attachModelTester(dialog);
    dialog.table()->setCurrentCell(1, AddressBookDialog::NameColumn);
    dialog.nameField()->setText(name);
    dialog.addressField()->setText(address);

    QVERIFY(!dialog.isValid());
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.errorLabel()->isVisibleTo(&dialog));
    const QString error = dialog.errorLabel()->text();
    const QString label = name.isEmpty() ? address : AddressBookDialog::formatEntry(name, address);
    // The message names the entry by its number and its text, and says what is wrong.
    QVERIFY2(error.startsWith(QStringLiteral("Entry 2 (%1): ").arg(label)), qPrintable(error));
    QVERIFY2(error.contains(problem), qPrintable(error));
    QCOMPARE(dialog.validationErrors(), QStringList{error});
    QVERIFY(dialog.okButton()->toolTip().contains(error));
    // The row is marked with an icon (not colour alone) and says why.
    const QTableWidgetItem *marked = dialog.table()->item(1, AddressBookDialog::AddressColumn);
    QVERIFY(!marked->icon().isNull());
    QCOMPARE(marked->toolTip(), error);
    QVERIFY(dialog.table()->item(0, AddressBookDialog::AddressColumn)->icon().isNull());

    // Corrected, everything clears.
    dialog.nameField()->setText(QStringLiteral("Anna Berg"));
    dialog.addressField()->setText(QStringLiteral("anna@plant.example"));
    QVERIFY(dialog.isValid());
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(!dialog.errorLabel()->isVisibleTo(&dialog));
    QVERIFY(marked->icon().isNull());
    QCOMPARE(marked->toolTip(), QString());
}

void TestAddressBookDialog::loadedInvalidEntries()
{
    // What the settings hold may have been written by hand.
    const QStringList stored{
        AddressBook.at(0),
        QStringLiteral("Anna Berg <anna@plant.example"),
        QStringLiteral("\"Anna\r\nBcc: all@plant.example\" <anna@plant.example>"),
        QStringLiteral("helpdesk"),
    };
    AddressBookDialog dialog(stored);
    attachModelTester(dialog);
    QCOMPARE(dialog.table()->rowCount(), 4);
    QVERIFY(!dialog.okButton()->isEnabled());

    const QStringList errors = dialog.validationErrors();
    QCOMPARE(errors.size(), 3);
    // Unreadable text is shown whole in the address column and named as it was written.
    QCOMPARE(cell(dialog, 1, AddressBookDialog::AddressColumn), QStringLiteral("Anna Berg <anna@plant.example"));
    QVERIFY2(errors.at(0).startsWith(QStringLiteral("Entry 2 (Anna Berg <anna@plant.example): ")),
             qPrintable(errors.at(0)));
    // A line break in a name could add a header: refused, and named on one line.
    QVERIFY2(errors.at(1).startsWith(QStringLiteral("Entry 3 (\"Anna Bcc: all@plant.example\" <anna@plant.example>): "
                                                    "the name must be a single line")),
             qPrintable(errors.at(1)));
    QVERIFY2(errors.at(2).startsWith(QStringLiteral("Entry 4 (helpdesk): ")), qPrintable(errors.at(2)));
    QCOMPARE(dialog.errorLabel()->text(), errors.join(u'\n'));

    // Removing the bad rows makes the book acceptable.
    for (int i = 0; i < 3; ++i) {
        dialog.table()->setCurrentCell(1, AddressBookDialog::NameColumn);
        dialog.removeEntry();
    }
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.entries(), QStringList{AddressBook.at(0)});
}

void TestAddressBookDialog::duplicateRefused_data()
{
    QTest::addColumn<QString>("address");

    QTest::addRow("same address") << QStringLiteral("j.keller@service.example");
    QTest::addRow("different case") << QStringLiteral("J.Keller@Service.Example");
    QTest::addRow("white space around") << QStringLiteral("  j.keller@service.example ");
}

void TestAddressBookDialog::duplicateRefused()
{
    QFETCH(QString, address);

    AddressBookDialog dialog(AddressBook);
    attachModelTester(dialog);
    dialog.addEntry();
    dialog.nameField()->setText(QStringLiteral("Jonas K."));
    dialog.addressField()->setText(address);

    QVERIFY(!dialog.okButton()->isEnabled());
    QCOMPARE(dialog.validationErrors(),
             QStringList{QStringLiteral("Entry 4: %1 is already in the book as entry 1.").arg(address.trimmed())});
    QVERIFY(dialog.errorLabel()->isVisibleTo(&dialog));
    // The later one is marked, the first is not.
    QVERIFY(!dialog.table()->item(3, AddressBookDialog::AddressColumn)->icon().isNull());
    QVERIFY(dialog.table()->item(0, AddressBookDialog::AddressColumn)->icon().isNull());

    // A different address is fine.
    dialog.addressField()->setText(QStringLiteral("jonas.k@service.example"));
    QVERIFY(dialog.okButton()->isEnabled());
    dialog.addressField()->setText(address);
    QVERIFY(!dialog.okButton()->isEnabled());
    // So is removing the first one.
    dialog.table()->setCurrentCell(0, AddressBookDialog::NameColumn);
    dialog.removeEntry();
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.entries().last(), QStringLiteral("\"Jonas K.\" <%1>").arg(address.trimmed()));
}

void TestAddressBookDialog::okOnlyWhenValid()
{
    AddressBookDialog dialog(AddressBook);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    dialog.table()->setCurrentCell(2, AddressBookDialog::NameColumn);
    dialog.addressField()->setFocus();
    QTRY_VERIFY(dialog.addressField()->hasFocus());
    dialog.addressField()->selectAll();
    QTest::keyClicks(dialog.addressField(), QStringLiteral("night.shift@"));
    // Return with a bad entry does not close the dialog.
    QTest::keyClick(dialog.addressField(), Qt::Key_Return);
    QCOMPARE(accepted.size(), 0);
    QVERIFY(dialog.isVisible());

    QTest::keyClicks(dialog.addressField(), QStringLiteral("contractor.example"));
    QTest::keyClick(dialog.addressField(), Qt::Key_Return);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.entries(), AddressBook);
}

void TestAddressBookDialog::labelsAndMnemonics()
{
    AddressBookDialog dialog(AddressBook);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    const QList<QWidget *> fields{dialog.table(), dialog.nameField(), dialog.addressField()};
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (QWidget *field : fields) {
        const auto it = std::find_if(labels.begin(), labels.end(), [&](QLabel *l) { return l->buddy() == field; });
        QVERIFY2(it != labels.end(), field->metaObject()->className());
        QVERIFY2((*it)->text().contains(u'&'), qPrintable((*it)->text()));
    }
    for (QPushButton *button : {dialog.addButton(), dialog.editButton(), dialog.removeButton()})
        QVERIFY2(button->text().contains(u'&'), qPrintable(button->text()));

    QTest::keyClick(&dialog, Qt::Key_D, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.addressField());
    QTest::keyClick(&dialog, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.nameField());
    QTest::keyClick(&dialog, Qt::Key_T, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.table());

    // Alt+R removes the current row, Alt+A adds one.
    dialog.table()->setCurrentCell(0, AddressBookDialog::NameColumn);
    QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(dialog.table()->rowCount(), 2);
    QCOMPARE(dialog.entries(), (QStringList{AddressBook.at(1), AddressBook.at(2)}));
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
    QTRY_COMPARE(dialog.table()->rowCount(), 3);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.nameField());

    // The roster's fields have labels with mnemonics and accessible names too.
    for (QWidget *field : std::initializer_list<QWidget *>{dialog.areasField(), dialog.orderField()}) {
        const auto it = std::find_if(labels.begin(), labels.end(), [&](QLabel *l) { return l->buddy() == field; });
        QVERIFY2(it != labels.end(), field->metaObject()->className());
        QVERIFY2((*it)->text().contains(u'&'), qPrintable((*it)->text()));
        QVERIFY(!field->accessibleName().isEmpty());
    }
    QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.areasField());
    QTest::keyClick(&dialog, Qt::Key_I, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.orderField());
    // Tab goes from the address to the areas and the order, then OK.
    dialog.addressField()->setFocus();
    QTRY_VERIFY(dialog.addressField()->hasFocus());
    QTest::keyClick(dialog.addressField(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.areasField());
    QTest::keyClick(dialog.areasField(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.orderField());
}

void TestAddressBookDialog::areasAndOrder()
{
    const QList<Technician> roster{
        technician(QStringLiteral("Piotr Nowak"), QStringLiteral("p.nowak@service.example"), {}, 30),
        technician(QStringLiteral("Anna Berg"), QStringLiteral("anna@plant.example"),
                   {QStringLiteral("P-"), QStringLiteral("HX-")}, 10),
        technician(QStringLiteral("Doe, Jane"), QStringLiteral("jane@plant.example"), {QStringLiteral("V-")}, 20),
    };
    AddressBookDialog dialog(QStringList{});
    attachModelTester(dialog);
    dialog.setTechnicians(roster);

    // Shown by escalation order.
    QCOMPARE(dialog.table()->rowCount(), 3);
    QCOMPARE(cell(dialog, 0, AddressBookDialog::NameColumn), QStringLiteral("Anna Berg"));
    QCOMPARE(cell(dialog, 0, AddressBookDialog::AreasColumn), QStringLiteral("P-, HX-"));
    QCOMPARE(cell(dialog, 0, AddressBookDialog::OrderColumn), QStringLiteral("10"));
    QCOMPARE(cell(dialog, 1, AddressBookDialog::NameColumn), QStringLiteral("Doe, Jane"));
    QCOMPARE(cell(dialog, 2, AddressBookDialog::NameColumn), QStringLiteral("Piotr Nowak"));
    QCOMPARE(cell(dialog, 2, AddressBookDialog::AreasColumn), QString());
    QCOMPARE(dialog.areasField()->text(), QStringLiteral("P-, HX-"));
    QCOMPARE(dialog.orderField()->value(), 10);
    QCOMPARE(describe(dialog.technicians()),
             (QStringList{QStringLiteral("Anna Berg|anna@plant.example|P-,HX-|10"),
                          QStringLiteral("Doe, Jane|jane@plant.example|V-|20"),
                          QStringLiteral("Piotr Nowak|p.nowak@service.example||30")}));
    // The entries keep the old shape, quoting where needed.
    QCOMPARE(dialog.entries().at(1), QStringLiteral("\"Doe, Jane\" <jane@plant.example>"));

    // Edited in the fields: the table and the roster follow.
    dialog.table()->setCurrentCell(2, AddressBookDialog::NameColumn);
    QCOMPARE(dialog.orderField()->value(), 30);
    dialog.areasField()->setText(QStringLiteral(" K-;  P-201 ,k- "));
    dialog.orderField()->setValue(5);
    QCOMPARE(cell(dialog, 2, AddressBookDialog::OrderColumn), QStringLiteral("5"));
    const Technician piotr = dialog.technicians().at(2);
    QCOMPARE(piotr.areas, (QStringList{QStringLiteral("K-"), QStringLiteral("P-201")}));
    QCOMPARE(piotr.order, 5);
    QVERIFY(dialog.isValid());

    // Moving to another row shows its values, not the last ones typed.
    dialog.table()->setCurrentCell(1, AddressBookDialog::NameColumn);
    QCOMPARE(dialog.areasField()->text(), QStringLiteral("V-"));
    QCOMPARE(dialog.orderField()->value(), 20);
}

void TestAddressBookDialog::newRowIsLastInOrder()
{
    AddressBookDialog dialog(QStringList{});
    dialog.setTechnicians({technician(QStringLiteral("Anna Berg"), QStringLiteral("anna@plant.example"), {}, 7),
                           technician(QStringLiteral("Jonas Keller"), QStringLiteral("jonas@plant.example"), {}, 3)});
    dialog.addEntry();
    QCOMPARE(dialog.table()->currentRow(), 2);
    QCOMPARE(dialog.orderField()->value(), 8);
    dialog.nameField()->setText(QStringLiteral("Piotr Nowak"));
    dialog.addressField()->setText(QStringLiteral("p.nowak@service.example"));
    QCOMPARE(dialog.technicians().last().order, 8);

    // An empty book starts at 1.
    AddressBookDialog empty(QStringList{});
    empty.addEntry();
    QCOMPARE(empty.orderField()->value(), 1);
}

void TestAddressBookDialog::areasWithoutAddressRefused()
{
    AddressBookDialog dialog(AddressBook);
    dialog.addEntry();
    dialog.areasField()->setText(QStringLiteral("P-"));
    // Not a blank row any more: it needs an address.
    QVERIFY(!dialog.okButton()->isEnabled());
    QCOMPARE(dialog.validationErrors().size(), 1);
    QVERIFY2(dialog.validationErrors().constFirst().contains(QStringLiteral("enter an address")),
             qPrintable(dialog.validationErrors().constFirst()));
    dialog.areasField()->clear();
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.technicians().size(), 3);
}

void TestAddressBookDialog::parseAreas_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("areas");
    QTest::addRow("commas") << QStringLiteral("P-, HX-") << QStringList{QStringLiteral("P-"), QStringLiteral("HX-")};
    QTest::addRow("spaces and semicolons") << QStringLiteral("  P- ;HX-  V-1 ")
                                           << QStringList{QStringLiteral("P-"), QStringLiteral("HX-"), QStringLiteral("V-1")};
    QTest::addRow("repeats in any case dropped") << QStringLiteral("p-, P-, hx-") << QStringList{QStringLiteral("p-"), QStringLiteral("hx-")};
    QTest::addRow("empty") << QStringLiteral(" , ; ") << QStringList();
}

void TestAddressBookDialog::parseAreas()
{
    QFETCH(QString, text);
    QFETCH(QStringList, areas);
    QCOMPARE(RosterSettings::parseAreas(text), areas);
    QCOMPARE(RosterSettings::parseAreas(RosterSettings::areasText(areas)), areas);
}

void TestAddressBookDialog::rosterSavedAndLoaded()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("roster.ini"));
    const QList<Technician> roster{
        technician(QStringLiteral("Anna Berg"), QStringLiteral("anna@plant.example"), {QStringLiteral("P-"), QStringLiteral("HX-")}, 1),
        technician(QString(), QStringLiteral("night.shift@contractor.example"), {}, 2),
        technician(QStringLiteral("Doe, Jane"), QStringLiteral("jane@plant.example"), {QStringLiteral("V-")}, 3),
    };
    {
        QSettings settings(path, QSettings::IniFormat);
        // What the dialog edited is what is saved.
        AddressBookDialog dialog(QStringList{});
        dialog.setTechnicians(roster);
        RosterSettings::save(settings, dialog.technicians());
    }
    QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("roster/size")).toInt(), 3);
    QCOMPARE(settings.value(QStringLiteral("roster/1/name")).toString(), QStringLiteral("Anna Berg"));
    QCOMPARE(settings.value(QStringLiteral("roster/1/areas")).toStringList(),
             (QStringList{QStringLiteral("P-"), QStringLiteral("HX-")}));
    QCOMPARE(settings.value(QStringLiteral("roster/3/order")).toInt(), 3);
    QCOMPARE(describe(RosterSettings::load(settings)), describe(roster));

    // Saving a shorter roster leaves nothing of the longer one behind.
    RosterSettings::save(settings, roster.mid(0, 1));
    QCOMPARE(describe(RosterSettings::load(settings)), describe(roster.mid(0, 1)));
    QVERIFY(!settings.contains(QStringLiteral("roster/2/address")));

    // A hand-edited file may write the areas as one string.
    settings.setValue(QStringLiteral("roster/1/areas"), QStringLiteral("K-; B-"));
    QCOMPARE(RosterSettings::load(settings).constFirst().areas, (QStringList{QStringLiteral("K-"), QStringLiteral("B-")}));
}

void TestAddressBookDialog::emptyRosterStaysEmpty()
{
    QVERIFY(m_dir.isValid());
    QSettings settings(m_dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
    QCOMPARE(RosterSettings::load(settings).size(), 0);
    settings.setValue(QStringLiteral("technicians"), AddressBook);
    QCOMPARE(RosterSettings::load(settings).size(), 3);
    // The supervisor removes everyone: the old list must not come back.
    RosterSettings::save(settings, {});
    QCOMPARE(RosterSettings::load(settings).size(), 0);
    settings.setValue(QStringLiteral("technicians"), AddressBook); // written again by an old version
    QCOMPARE(RosterSettings::load(settings).size(), 0);
}

void TestAddressBookDialog::migratesOldList()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("old.ini"));
    {
        QSettings old(path, QSettings::IniFormat);
        old.setValue(QStringLiteral("technicians"),
                     QStringList{AddressBook.at(0), AddressBook.at(1), QStringLiteral("Anna <broken"), AddressBook.at(2)});
    }
    QSettings settings(path, QSettings::IniFormat);
    const QList<Technician> roster = RosterSettings::load(settings);
    QCOMPARE(describe(roster),
             (QStringList{QStringLiteral("Jonas Keller|j.keller@service.example||1"),
                          QStringLiteral("Berg, Anna|anna@plant.example||2"),
                          QStringLiteral("|Anna <broken||3"), // kept as written: the dialog names it for mending
                          QStringLiteral("|night.shift@contractor.example||4")}));
    // Read once: the roster replaces the old key.
    QVERIFY(!settings.contains(QStringLiteral("technicians")));
    QCOMPARE(settings.value(QStringLiteral("roster/size")).toInt(), 4);
    QCOMPARE(describe(RosterSettings::load(settings)), describe(roster));

    // The dialog shows the migrated roster as the old list looked, and flags the broken entry.
    AddressBookDialog dialog(QStringList{});
    dialog.setTechnicians(roster);
    QCOMPARE(dialog.entries(), (QStringList{AddressBook.at(0), AddressBook.at(1), QStringLiteral("Anna <broken"),
                                            AddressBook.at(2)}));
    QCOMPARE(dialog.validationErrors().size(), 1);
}

void TestAddressBookDialog::mergeAndEntries()
{
    const QList<Technician> config{
        technician(QStringLiteral("Anna Berg"), QStringLiteral("anna@plant.example"), {QStringLiteral("P-")}, 2),
        technician(QStringLiteral("Jonas Keller"), QStringLiteral("j.keller@service.example"), {}, 1),
    };
    const QList<Technician> local{
        technician(QStringLiteral("Anna Berg-Lund"), QStringLiteral("ANNA@plant.example"), {QStringLiteral("HX-")}, 5),
        technician(QStringLiteral("Ops, Night"), QStringLiteral("night@plant.example"), {}, 3),
    };
    const QList<Technician> merged = RosterSettings::merge(config, local);
    QCOMPARE(describe(merged),
             (QStringList{QStringLiteral("Anna Berg-Lund|ANNA@plant.example|HX-|5"),
                          QStringLiteral("Jonas Keller|j.keller@service.example||1"),
                          QStringLiteral("Ops, Night|night@plant.example||3")}));
    // Offered by escalation order, quoted where the name needs it.
    QCOMPARE(RosterSettings::entries(merged),
             (QStringList{QStringLiteral("Jonas Keller <j.keller@service.example>"),
                          QStringLiteral("\"Ops, Night\" <night@plant.example>"),
                          QStringLiteral("Anna Berg-Lund <ANNA@plant.example>")}));
}

QTEST_MAIN(TestAddressBookDialog)
#include "tst_addressbookdialog.moc"
