#pragma once

#include "workorders/workordersettings.h"

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace machina {

/**
 * Edits the technicians' roster: who (a name and an address, offered by
 * NotifyTechnicianDialog as "Name <address>" or a bare "address"), the areas
 * each covers (asset prefixes such as "P-, HX-": they are suggested first for
 * an alarm on a matching asset) and the default escalation order (lower
 * first). The app keeps it with RosterSettings in QSettings ("roster").
 *
 * A table lists the entries (Name, Address, Areas, Order); the current row is
 * edited in the fields below it. Add (Insert, Ctrl+N) appends an empty
 * row and moves to its name, Edit (F2 on the table, or a double click)
 * moves to the fields, Remove (Delete on the table) drops the current row;
 * Return keeps its dialog meaning (OK). Every entry is
 * checked as it is typed: an address MessageBuilder refuses, a name holding a
 * line break or an address already listed (case-insensitive) is named in an
 * inline message and marked in the table, and OK stays disabled until it is
 * fixed. Rows left entirely blank (no name, address or areas) are dropped.
 */
class AddressBookDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { NameColumn, AddressColumn, AreasColumn, OrderColumn, ColumnCount };

    /// @p entries: "Name <address>" or addresses; they get no areas and the order of their position (1, 2, ...).
    explicit AddressBookDialog(const QStringList &entries, QWidget *parent = nullptr);

    /**
     * "Name <address>", or the bare address without a name. A name that is
     * not only words (letters, digits, RFC 5322 atext) and spaces is written
     * as a quoted string, with '"' and '\' escaped: "\"Doe, Jane\" <jane@x>".
     */
    static QString formatEntry(const QString &name, const QString &address);
    /**
     * Splits an entry formatEntry() wrote (or a person typed) into the display
     * name, quotes and escapes undone, and the address; both trimmed. False for
     * text that is not one of the two shapes (an unclosed quote or '<', text
     * after '>'); the address itself is not checked here.
     */
    static bool parseEntry(const QString &entry, QString *name, QString *address);
    /// Why @p name and @p address cannot be an entry, in words; empty when they can.
    static QString entryError(const QString &name, const QString &address);

    /// The edited book, in table order, as formatEntry() writes each entry.
    QStringList entries() const;
    /// The edited roster, in table order: name, address, areas (RosterSettings::parseAreas()) and order.
    QList<Technician> technicians() const;
    /// Replaces every row with @p roster, by escalation order (ties keep their order in the list).
    void setTechnicians(const QList<Technician> &roster);

    /// Every problem in the book, each naming its entry; empty when OK is allowed.
    QStringList validationErrors() const;
    bool isValid() const { return validationErrors().isEmpty(); }

    // The widgets, for tests and for callers that want to tweak them.
    QTableWidget *table() const { return m_table; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *addressField() const { return m_address; }
    /// The areas of the current row, comma-separated ("P-, HX-").
    QLineEdit *areasField() const { return m_areas; }
    /// The default escalation order of the current row.
    QSpinBox *orderField() const { return m_order; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *editButton() const { return m_editButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    QPushButton *okButton() const { return m_okButton; }
    QLabel *errorLabel() const { return m_errors; }

public Q_SLOTS:
    /// Selects a blank row (appending one when there is none) and focuses its name.
    void addEntry();
    /// Focuses the current row's name field.
    void editEntry();
    /// Drops the current row and selects its neighbour.
    void removeEntry();

private:
    void setUp();
    void appendRow(const QString &name, const QString &address, const QString &areas = {}, int order = 0);
    int nextOrder() const;
    QString cellText(int row, Column column) const;
    bool isBlankRow(int row) const;
    QString rowLabel(int row) const;
    /// One message per bad row (index = row), empty for good and blank rows.
    QStringList rowErrors() const;
    void loadCurrentRow();
    void storeField(Column column, const QString &text);
    void updateState();

    bool m_loading = false;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_areas = nullptr;
    QSpinBox *m_order = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QLabel *m_errors = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_okButton = nullptr;
};

} // namespace machina
