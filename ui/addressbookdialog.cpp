#include "addressbookdialog.h"

#include "feedbacklabel.h"
#include "mime/messagebuilder.h"
#include "rostersettings.h"

#include <QColor>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace machina {

namespace {

/** RFC 5322 section 3.2.3 atext, with any non-ASCII character allowed as RFC 6532 does. */
bool isAtext(QChar c)
{
    if (c.unicode() >= 0x80)
        return true;
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
        return true;
    return QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(c);
}

/** True when @p name reads back the same unquoted: atoms separated by single spaces. */
bool isPlainPhrase(const QString &name)
{
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == u' ' && i > 0 && name.at(i - 1) != u' ')
            continue;
        if (!isAtext(c))
            return false;
    }
    return true;
}

bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

QTableWidgetItem *makeItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    // Edited in the fields below the table, never in the cell.
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

} // namespace

AddressBookDialog::AddressBookDialog(const QStringList &entries, QWidget *parent)
    : QDialog(parent)
{
    setUp();
    for (const QString &entry : entries) {
        if (entry.trimmed().isEmpty())
            continue;
        QString name;
        QString address;
        // Text that is neither shape is shown whole as the address, so the
        // check below names it and the user can mend it.
        if (!parseEntry(entry, &name, &address)) {
            name.clear();
            address = entry.trimmed();
        }
        appendRow(name, address, QString(), m_table->rowCount() + 1);
    }
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, NameColumn);
    loadCurrentRow();
    m_table->setFocus();
}

void AddressBookDialog::setTechnicians(const QList<Technician> &roster)
{
    m_table->setRowCount(0);
    QList<Technician> ordered = roster;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Technician &a, const Technician &b) { return a.order < b.order; });
    for (const Technician &technician : std::as_const(ordered)) {
        if (technician.name.trimmed().isEmpty() && technician.address.trimmed().isEmpty())
            continue;
        appendRow(technician.name, technician.address, RosterSettings::areasText(technician.areas), technician.order);
    }
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, NameColumn);
    loadCurrentRow();
}

void AddressBookDialog::setUp()
{
    setWindowTitle(tr("Technicians' address book"));

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Address"), tr("Areas"), tr("Order")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(AddressColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->resizeSection(NameColumn, 180);
    m_table->horizontalHeader()->resizeSection(AreasColumn, 110);
    m_table->horizontalHeader()->resizeSection(OrderColumn, 60);
    m_table->setMinimumSize(560, 220);
    m_table->setAccessibleName(tr("Technicians"));

    m_addButton = new QPushButton(tr("&Add"), this);
    m_addButton->setToolTip(tr("Add a technician (Insert, Ctrl+N)"));
    m_editButton = new QPushButton(tr("&Edit"), this);
    m_editButton->setToolTip(tr("Edit the selected technician (F2)"));
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_removeButton->setToolTip(tr("Remove the selected technician (Delete)"));
    for (QPushButton *button : {m_addButton, m_editButton, m_removeButton})
        button->setAutoDefault(false);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("Jane Doe"));
    m_address = new QLineEdit(this);
    m_address->setPlaceholderText(tr("jane.doe@plant.example"));
    m_areas = new QLineEdit(this);
    m_areas->setPlaceholderText(tr("P-, HX- (empty: every asset)"));
    m_areas->setAccessibleName(tr("Areas"));
    m_areas->setToolTip(tr("The asset prefixes this technician covers, separated by commas. "
                           "They are suggested first for alarms on those assets."));
    m_order = new QSpinBox(this);
    m_order->setRange(0, 999);
    m_order->setAccessibleName(tr("Escalation order"));
    m_order->setToolTip(tr("The default escalation order: lower numbers are notified first."));

    m_errors = FeedbackLabel::make(this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = m_buttons->button(QDialogButtonBox::Ok);

    auto *tableLabel = new QLabel(tr("&Technicians:"), this);
    tableLabel->setBuddy(m_table);
    auto *side = new QVBoxLayout;
    side->addWidget(m_addButton);
    side->addWidget(m_editButton);
    side->addWidget(m_removeButton);
    side->addStretch(1);
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_table, 1);
    listRow->addLayout(side);

    auto *form = new QFormLayout;
    auto addField = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addField(tr("&Name:"), m_name);
    addField(tr("A&ddress:"), m_address);
    addField(tr("Area&s:"), m_areas);
    addField(tr("Escalat&ion order:"), m_order);

    auto *main = new QVBoxLayout(this);
    main->addWidget(tableLabel);
    main->addLayout(listRow, 1);
    main->addLayout(form);
    main->addWidget(m_errors);
    main->addWidget(m_buttons);

    setTabOrder(m_table, m_addButton);
    setTabOrder(m_addButton, m_editButton);
    setTabOrder(m_editButton, m_removeButton);
    setTabOrder(m_removeButton, m_name);
    setTabOrder(m_name, m_address);
    setTabOrder(m_address, m_areas);
    setTabOrder(m_areas, m_order);
    setTabOrder(m_order, m_okButton);

    for (const QKeySequence &keys : {QKeySequence(Qt::Key_Insert), QKeySequence(QKeySequence::New)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &AddressBookDialog::addEntry);
    }
    // On the table only: in the fields Delete and F2 keep their usual meaning.
    auto *removeKey = new QShortcut(QKeySequence(QKeySequence::Delete), m_table);
    removeKey->setContext(Qt::WidgetShortcut);
    connect(removeKey, &QShortcut::activated, this, &AddressBookDialog::removeEntry);
    auto *editKey = new QShortcut(QKeySequence(Qt::Key_F2), m_table);
    editKey->setContext(Qt::WidgetShortcut);
    connect(editKey, &QShortcut::activated, this, &AddressBookDialog::editEntry);

    connect(m_addButton, &QPushButton::clicked, this, &AddressBookDialog::addEntry);
    connect(m_editButton, &QPushButton::clicked, this, &AddressBookDialog::editEntry);
    connect(m_removeButton, &QPushButton::clicked, this, &AddressBookDialog::removeEntry);
    connect(m_table, &QTableWidget::doubleClicked, this, &AddressBookDialog::editEntry);
    connect(m_table, &QTableWidget::currentCellChanged, this, &AddressBookDialog::loadCurrentRow);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) { storeField(NameColumn, text); });
    connect(m_address, &QLineEdit::textChanged, this,
            [this](const QString &text) { storeField(AddressColumn, text); });
    connect(m_areas, &QLineEdit::textChanged, this, [this](const QString &text) { storeField(AreasColumn, text); });
    connect(m_order, &QSpinBox::valueChanged, this,
            [this](int value) { storeField(OrderColumn, QString::number(value)); });
    // OK is disabled while an entry is wrong, so accepted() only comes from a valid book.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString AddressBookDialog::formatEntry(const QString &name, const QString &address)
{
    const QString phrase = name.trimmed();
    const QString addr = address.trimmed();
    if (phrase.isEmpty())
        return addr;
    QString written;
    if (isPlainPhrase(phrase)) {
        written = phrase;
    } else {
        // RFC 5322 section 3.2.4 quoted-string: only '"' and '\' need a backslash.
        written.reserve(phrase.size() + 4);
        written += u'"';
        for (const QChar c : phrase) {
            if (c == u'"' || c == u'\\')
                written += u'\\';
            written += c;
        }
        written += u'"';
    }
    if (addr.isEmpty())
        return written;
    return written + QStringLiteral(" <") + addr + u'>';
}

bool AddressBookDialog::parseEntry(const QString &entry, QString *name, QString *address)
{
    const QString text = entry.trimmed();
    if (text.isEmpty())
        return false;

    // The display name: words and quoted strings up to the first '<' outside
    // quotes. Runs of white space between words become one space; inside
    // quotes everything is kept, with backslash escapes undone.
    QString phrase;
    bool inQuote = false;
    bool pendingSpace = false;
    qsizetype open = -1;
    for (qsizetype i = 0; i < text.size() && open < 0; ++i) {
        const QChar c = text.at(i);
        if (inQuote) {
            if (c == u'\\') {
                if (++i == text.size())
                    return false;
                phrase += text.at(i);
            } else if (c == u'"') {
                inQuote = false;
            } else {
                phrase += c;
            }
            continue;
        }
        if (c == u'<') {
            open = i;
        } else if (c == u'>') {
            return false;
        } else if (c.isSpace()) {
            pendingSpace = !phrase.isEmpty();
        } else {
            if (pendingSpace)
                phrase += u' ';
            pendingSpace = false;
            if (c == u'"')
                inQuote = true;
            else
                phrase += c;
        }
    }
    if (inQuote)
        return false;

    QString n;
    QString a;
    if (open < 0) {
        // A bare address; it may quote its local part, so it is taken as written.
        a = text;
    } else {
        if (!text.endsWith(u'>'))
            return false;
        a = text.mid(open + 1, text.size() - open - 2).trimmed();
        if (a.isEmpty() || a.contains(u'<') || a.contains(u'>'))
            return false;
        n = phrase.trimmed();
    }
    if (name)
        *name = n;
    if (address)
        *address = a;
    return true;
}

QString AddressBookDialog::entryError(const QString &name, const QString &address)
{
    const QString addr = address.trimmed();
    if (addr.isEmpty())
        return tr("enter an address");
    if (name.contains(u'\r') || name.contains(u'\n'))
        return tr("the name must be a single line");
    if (hasControlCharacter(name))
        return tr("the name holds a control character");
    ConnectorError error;
    const QString spec = MessageBuilder::addressSpec(addr, &error);
    if (spec.isEmpty())
        return error.message();
    if (spec != addr)
        return tr("the address field takes the address alone, like jane.doe@plant.example");
    // What will be stored must read back as this one address.
    if (MessageBuilder::addressSpec(formatEntry(name, addr), &error) != spec)
        return tr("the name cannot be written before the address (%1)").arg(error.message());
    return {};
}

QStringList AddressBookDialog::entries() const
{
    QStringList result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (!isBlankRow(row))
            result.append(formatEntry(cellText(row, NameColumn), cellText(row, AddressColumn)));
    }
    return result;
}

QList<Technician> AddressBookDialog::technicians() const
{
    QList<Technician> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (isBlankRow(row))
            continue;
        Technician technician;
        technician.name = cellText(row, NameColumn).trimmed();
        technician.address = cellText(row, AddressColumn).trimmed();
        technician.areas = RosterSettings::parseAreas(cellText(row, AreasColumn));
        technician.order = cellText(row, OrderColumn).toInt();
        result.append(technician);
    }
    return result;
}

QStringList AddressBookDialog::validationErrors() const
{
    QStringList errors = rowErrors();
    errors.removeAll(QString());
    return errors;
}

void AddressBookDialog::addEntry()
{
    // One blank row is enough: Add again returns to it.
    int row = 0;
    while (row < m_table->rowCount() && !isBlankRow(row))
        ++row;
    if (row == m_table->rowCount())
        appendRow(QString(), QString(), QString(), nextOrder());
    m_table->setCurrentCell(row, NameColumn);
    m_name->setFocus();
    updateState();
}

void AddressBookDialog::editEntry()
{
    if (m_table->currentRow() < 0) {
        if (m_table->rowCount() == 0)
            return;
        m_table->setCurrentCell(0, NameColumn);
    }
    m_name->setFocus();
    m_name->selectAll();
}

void AddressBookDialog::removeEntry()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(qMin(row, m_table->rowCount() - 1), NameColumn);
    loadCurrentRow();
}

void AddressBookDialog::appendRow(const QString &name, const QString &address, const QString &areas, int order)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, NameColumn, makeItem(name));
    m_table->setItem(row, AddressColumn, makeItem(address));
    m_table->setItem(row, AreasColumn, makeItem(areas));
    QTableWidgetItem *orderItem = makeItem(QString::number(order));
    orderItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, OrderColumn, orderItem);
}

int AddressBookDialog::nextOrder() const
{
    // After everyone listed: a new technician is the last to be escalated to.
    int highest = 0;
    for (int row = 0; row < m_table->rowCount(); ++row)
        highest = std::max(highest, cellText(row, OrderColumn).toInt());
    return std::min(highest + 1, m_order->maximum());
}

QString AddressBookDialog::cellText(int row, Column column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text() : QString();
}

bool AddressBookDialog::isBlankRow(int row) const
{
    return cellText(row, NameColumn).trimmed().isEmpty() && cellText(row, AddressColumn).trimmed().isEmpty()
           && cellText(row, AreasColumn).trimmed().isEmpty();
}

QString AddressBookDialog::rowLabel(int row) const
{
    // simplified(): a name with a line break is named on one line.
    return formatEntry(cellText(row, NameColumn).simplified(), cellText(row, AddressColumn));
}

QStringList AddressBookDialog::rowErrors() const
{
    QStringList errors;
    QHash<QString, int> firstRow;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (isBlankRow(row)) {
            errors.append(QString());
            continue;
        }
        const QString address = cellText(row, AddressColumn).trimmed();
        const QString error = entryError(cellText(row, NameColumn), address);
        if (!error.isEmpty()) {
            errors.append(tr("Entry %1 (%2): %3.").arg(row + 1).arg(rowLabel(row), error));
            continue;
        }
        // Addresses are compared case-insensitively: mail systems treat them so in practice.
        const QString key = address.toCaseFolded();
        const auto first = firstRow.constFind(key);
        if (first != firstRow.constEnd()) {
            errors.append(tr("Entry %1: %2 is already in the book as entry %3.")
                                  .arg(row + 1)
                                  .arg(address)
                                  .arg(*first + 1));
            continue;
        }
        firstRow.insert(key, row);
        errors.append(QString());
    }
    return errors;
}

void AddressBookDialog::loadCurrentRow()
{
    const int row = m_table->currentRow();
    m_loading = true;
    m_name->setText(row < 0 ? QString() : cellText(row, NameColumn));
    m_address->setText(row < 0 ? QString() : cellText(row, AddressColumn));
    m_areas->setText(row < 0 ? QString() : cellText(row, AreasColumn));
    m_order->setValue(row < 0 ? 0 : cellText(row, OrderColumn).toInt());
    m_loading = false;
    for (QWidget *field : std::initializer_list<QWidget *>{m_name, m_address, m_areas, m_order})
        field->setEnabled(row >= 0);
    updateState();
}

void AddressBookDialog::storeField(Column column, const QString &text)
{
    const int row = m_table->currentRow();
    if (m_loading || row < 0)
        return;
    m_table->item(row, column)->setText(text);
    updateState();
}

void AddressBookDialog::updateState()
{
    const QStringList errors = rowErrors();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    // An icon and a tool tip mark the bad rows, not colour alone.
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *item = m_table->item(row, AddressColumn);
        const QString error = errors.value(row);
        if (item->toolTip() == error)
            continue;
        item->setIcon(error.isEmpty() ? QIcon() : warning);
        item->setToolTip(error);
    }

    QStringList shown = errors;
    shown.removeAll(QString());
    FeedbackLabel::show(m_errors, shown.join(u'\n'));
    m_okButton->setEnabled(shown.isEmpty());
    m_okButton->setToolTip(shown.join(u'\n'));

    const bool hasCurrent = m_table->currentRow() >= 0;
    m_editButton->setEnabled(hasCurrent);
    m_removeButton->setEnabled(hasCurrent);
}

} // namespace machina
