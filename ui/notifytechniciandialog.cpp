#include "notifytechniciandialog.h"

#include "accessiblenames.h"
#include "addressbookdialog.h"
#include "feedbacklabel.h"
#include "inboxmodel.h"
#include "workorderdisplay.h"
#include "workorders/workorderid.h"

#include <QColor>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QShortcut>
#include <QVBoxLayout>

namespace machina {

namespace {

/// The form's rows, in order (QFormLayout::setRowVisible() shows those of the mode).
enum FormRow { TechnicianRow, EscalationRow, WorkOrderRow, AssetRow, SummaryRow, PriorityRow, AckWithinRow,
               DescriptionRow, AlarmRow, AttachmentRow };

constexpr qsizetype MaxSummaryChars = 60;
constexpr qsizetype MinCutChars = 30;
const QString Ellipsis = QStringLiteral("...");

/** The first non-blank line of @p description, white space collapsed, at most 60 characters. */
QString summaryLine(const QString &description)
{
    QString summary;
    const QStringList lines = description.split(u'\n');
    for (const QString &line : lines) {
        summary = line.simplified();
        if (!summary.isEmpty())
            break;
    }
    if (summary.size() <= MaxSummaryChars)
        return summary;

    QString cut = summary.left(MaxSummaryChars - Ellipsis.size());
    // Never split a surrogate pair.
    if (cut.back().isHighSurrogate())
        cut.chop(1);
    const qsizetype space = cut.lastIndexOf(u' ');
    if (space >= MinCutChars)
        cut.truncate(space);
    while (!cut.isEmpty() && (cut.back().isSpace() || QStringView(u",;:-.").contains(cut.back())))
        cut.chop(1);
    return cut + Ellipsis;
}

/** "Jane Doe" from "Jane Doe <jane@example.com>" (quotes dropped); empty without a name. */
QString nameOf(const QString &address)
{
    const QString trimmed = address.trimmed();
    const qsizetype open = trimmed.lastIndexOf(u'<');
    if (open <= 0 || !trimmed.endsWith(u'>'))
        return {};
    QString name = trimmed.left(open).trimmed();
    if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
        name = name.mid(1, name.size() - 2).trimmed();
    return name;
}

/** Replaces each {key} of @p values in @p text in one pass: values are not expanded again. */
QString expandTemplate(const QString &text, const QHash<QString, QString> &values)
{
    QString result;
    result.reserve(text.size() * 2);
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == u'{') {
            const qsizetype close = text.indexOf(u'}', i + 1);
            if (close > i) {
                const auto it = values.constFind(text.mid(i + 1, close - i - 1));
                if (it != values.constEnd()) {
                    result += *it;
                    i = close + 1;
                    continue;
                }
            }
        }
        result += text.at(i);
        ++i;
    }
    return result;
}

} // namespace

NotifyTechnicianDialog::NotifyTechnicianDialog(const QStringList &addressBook, QWidget *parent)
    : QDialog(parent), m_bodyTemplate(defaultBodyTemplate())
{
    setWindowTitle(tr("Notify technician"));

    m_technician = new QComboBox(this);
    m_technician->setEditable(true);
    m_technician->setInsertPolicy(QComboBox::NoInsert);
    m_technician->lineEdit()->setPlaceholderText(tr("Name <address> or address"));
    m_technician->setMinimumContentsLength(28);
    // The combo's own list is the completer's model: one copy of the address book.
    m_completer = new QCompleter(m_technician->model(), this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_technician->setCompleter(m_completer);
    m_technicianError = FeedbackLabel::make(this);

    m_workOrder = new QLineEdit(this);
    m_workOrder->setPlaceholderText(tr("WO-2026-42"));
    m_workOrderError = FeedbackLabel::make(this);

    m_asset = new QLineEdit(this);
    m_asset->setPlaceholderText(tr("P-201"));

    m_priority = new QComboBox(this);
    for (const Priority p : {Priority::Low, Priority::Medium, Priority::High, Priority::Emergency})
        m_priority->addItem(priorityName(p), QVariant::fromValue(int(p)));
    m_priority->setCurrentIndex(int(Priority::Medium));

    m_description = new QPlainTextEdit(this);
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What is wrong, what to check, safety notes"));

    // Work-order mode only (see setWorkOrderMode()).
    m_escalation = new QLineEdit(this);
    m_escalation->setPlaceholderText(tr("Name <address>; Name <address>"));
    m_escalation->setAccessibleName(tr("Escalation list"));
    m_escalation->setToolTip(tr("Notified in turn, separated by \";\", when nobody acknowledges in time"));
    m_escalationError = FeedbackLabel::make(this);
    m_summary = new QLineEdit(this);
    m_summary->setPlaceholderText(tr("vibration 9.2 mm/s (limit 8.4)"));
    m_summary->setAccessibleName(tr("Summary"));
    m_ackWithin = new QLineEdit(this);
    m_ackWithin->setPlaceholderText(tr("15m"));
    m_ackWithin->setAccessibleName(tr("Acknowledge within"));
    m_ackWithin->setToolTip(tr("How long the technician has to acknowledge before the next one is notified: "
                               "90s, 15m, 2h, 1d"));
    m_ackWithinError = FeedbackLabel::make(this);
    m_alarm = new QPlainTextEdit(this);
    m_alarm->setReadOnly(true);
    m_alarm->setTabChangesFocus(true);
    m_alarm->setAccessibleName(tr("Alarm text, as the notification quotes it"));
    m_alarm->setMaximumHeight(m_alarm->fontMetrics().height() * 5);
    m_workOrderNote = new QLabel(tr("The work order gets its id when it is created. A work order queued while "
                                    "offline becomes visible to other consoles once it is sent."), this);
    m_workOrderNote->setWordWrap(true);
    m_workOrderNote->setTextFormat(Qt::PlainText);
    if (QFont small = m_workOrderNote->font(); small.pointSizeF() > 0) {
        small.setPointSizeF(small.pointSizeF() * 0.9);
        m_workOrderNote->setFont(small);
    }

    m_attachmentName = new QLabel(tr("None"), this);
    m_attachmentName->setTextFormat(Qt::PlainText);
    m_attachButton = new QPushButton(tr("Attac&h PDF..."), this);
    m_attachButton->setAutoDefault(false);
    m_removeAttachmentButton = new QPushButton(tr("Re&move"), this);
    m_removeAttachmentButton->setAutoDefault(false);
    m_removeAttachmentButton->setEnabled(false);
    m_attachmentError = FeedbackLabel::make(this);

    m_preview = new QPlainTextEdit(this);
    m_preview->setReadOnly(true);
    m_preview->setTabChangesFocus(true);
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_preview->setMinimumWidth(360);

    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_status = FeedbackLabel::make(this);

    m_buttons = new QDialogButtonBox(this);
    m_sendButton = m_buttons->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    m_sendButton->setToolTip(tr("Send the notification (Return, Ctrl+Return)"));
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    // Send is the default: Return sends a valid draft (an invalid one leaves Send disabled,
    // and Return does nothing then). No other button takes the default when focused.
    m_sendButton->setAutoDefault(false);
    m_sendButton->setDefault(true);
    cancel->setAutoDefault(false);

    // Labels with mnemonics and buddies.
    auto *form = m_form = new QFormLayout;
    auto addField = [&](const QString &text, QWidget *buddy, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        if (buddy != field) // not the label's sibling: Qt does not name it after the label
            AccessibleNames::nameAfterLabel(buddy, text);
        form->addRow(label, field);
    };
    auto stacked = [&](QWidget *field, QWidget *below) {
        auto *box = new QWidget(this);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(field);
        layout->addWidget(below);
        return box;
    };
    addField(tr("&Technician:"), m_technician, stacked(m_technician, m_technicianError));
    addField(tr("Then &escalate to:"), m_escalation, stacked(m_escalation, m_escalationError));
    addField(tr("&Work order:"), m_workOrder, stacked(m_workOrder, m_workOrderError));
    addField(tr("&Asset:"), m_asset, m_asset);
    addField(tr("S&ummary:"), m_summary, m_summary);
    addField(tr("&Priority:"), m_priority, m_priority);
    addField(tr("Ac&knowledge within:"), m_ackWithin, stacked(m_ackWithin, m_ackWithinError));
    addField(tr("&Description:"), m_description, m_description);
    addField(tr("A&larm:"), m_alarm, m_alarm);
    auto *attachmentRow = new QWidget(this);
    auto *attachmentLayout = new QHBoxLayout(attachmentRow);
    attachmentLayout->setContentsMargins(0, 0, 0, 0);
    attachmentLayout->addWidget(m_attachmentName, 1);
    attachmentLayout->addWidget(m_attachButton);
    attachmentLayout->addWidget(m_removeAttachmentButton);
    addField(tr("Attachment:"), m_attachButton, stacked(attachmentRow, m_attachmentError));

    auto *previewLabel = new QLabel(tr("Pre&view:"), this);
    previewLabel->setBuddy(m_preview);
    auto *previewColumn = new QVBoxLayout;
    previewColumn->addWidget(previewLabel);
    previewColumn->addWidget(m_preview, 1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(form, 1);
    columns->addLayout(previewColumn, 1);

    auto *main = new QVBoxLayout(this);
    main->addLayout(columns, 1);
    main->addWidget(m_workOrderNote);
    main->addWidget(m_problems);
    main->addWidget(m_status);
    main->addWidget(m_buttons);

    // Hidden fields (the other mode's) are skipped.
    setTabOrder(m_technician, m_escalation);
    setTabOrder(m_escalation, m_workOrder);
    setTabOrder(m_workOrder, m_asset);
    setTabOrder(m_asset, m_summary);
    setTabOrder(m_summary, m_priority);
    setTabOrder(m_priority, m_ackWithin);
    setTabOrder(m_ackWithin, m_description);
    setTabOrder(m_description, m_alarm);
    setTabOrder(m_alarm, m_attachButton);
    setTabOrder(m_attachButton, m_removeAttachmentButton);
    setTabOrder(m_removeAttachmentButton, m_preview);
    setTabOrder(m_preview, m_sendButton);
    setTabOrder(m_sendButton, cancel);

    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return),
                                     QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &NotifyTechnicianDialog::requestSend);
    }
    connect(m_sendButton, &QPushButton::clicked, this, &NotifyTechnicianDialog::requestSend);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_attachButton, &QPushButton::clicked, this, &NotifyTechnicianDialog::chooseAttachment);
    connect(m_removeAttachmentButton, &QPushButton::clicked, this, &NotifyTechnicianDialog::clearAttachment);

    connect(m_technician, &QComboBox::editTextChanged, this, &NotifyTechnicianDialog::updateState);
    connect(m_workOrder, &QLineEdit::textChanged, this, &NotifyTechnicianDialog::updateState);
    connect(m_asset, &QLineEdit::textChanged, this, &NotifyTechnicianDialog::updateState);
    connect(m_priority, &QComboBox::currentIndexChanged, this, &NotifyTechnicianDialog::followPriority);
    connect(m_priority, &QComboBox::currentIndexChanged, this, &NotifyTechnicianDialog::updateState);
    connect(m_description, &QPlainTextEdit::textChanged, this, &NotifyTechnicianDialog::updateState);
    connect(m_escalation, &QLineEdit::textChanged, this, &NotifyTechnicianDialog::updateState);
    connect(m_summary, &QLineEdit::textChanged, this, &NotifyTechnicianDialog::updateState);
    connect(m_ackWithin, &QLineEdit::textChanged, this, &NotifyTechnicianDialog::updateState);
    // Typed by the user (not set by a priority change): the deadline stays as typed.
    connect(m_ackWithin, &QLineEdit::textEdited, this, [this] { m_ackWithinEdited = true; });

    followPriority();
    setWorkOrderMode(false);
    setAddressBook(addressBook);
    m_technician->setFocus();
    updateState();
}

QString NotifyTechnicianDialog::priorityName(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return tr("Low");
    case Priority::Medium:
        return tr("Medium");
    case Priority::High:
        return tr("High");
    case Priority::Emergency:
        return tr("Emergency");
    }
    return {};
}

QString NotifyTechnicianDialog::quoted(const QString &text)
{
    QStringList lines = text.trimmed().split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        line = line.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + line;
    }
    return lines.join(u'\n');
}

void NotifyTechnicianDialog::setWorkOrderMode(bool on)
{
    m_workOrderMode = on;
    m_form->setRowVisible(EscalationRow, on);
    m_form->setRowVisible(WorkOrderRow, !on);
    m_form->setRowVisible(SummaryRow, on);
    m_form->setRowVisible(AckWithinRow, on);
    m_form->setRowVisible(AlarmRow, on && !m_alarmText.isEmpty());
    m_workOrderNote->setVisible(on);
    setWindowTitle(on ? tr("New work order") : tr("Notify technician"));
    m_description->setPlaceholderText(on ? tr("Your words for the technician, above the quoted alarm (optional)")
                                         : tr("What is wrong, what to check, safety notes"));
    updatePriorityTexts();
    updateState();
}

void NotifyTechnicianDialog::updatePriorityTexts()
{
    for (int i = 0; i < m_priority->count(); ++i) {
        const auto p = Priority(m_priority->itemData(i).toInt());
        m_priority->setItemText(i, m_workOrderMode ? WorkOrderDisplay::priorityText(workOrderPriorityOf(p))
                                                   : priorityName(p));
    }
}

void NotifyTechnicianDialog::setWorkOrderSettings(const WorkOrderSettings &settings)
{
    m_settings = settings;
    followPriority();
}

void NotifyTechnicianDialog::followPriority()
{
    if (m_ackWithinEdited || !m_ackWithin)
        return;
    m_ackWithin->setText(formatDuration(m_settings.ackWithinFor(workOrderPriority())));
}

void NotifyTechnicianDialog::prefillFromAlarm(const Alarm &alarm, const QString &alarmText, const QString &alarmMessageId)
{
    const QString summary = alarm.text.trimmed().isEmpty() ? summaryLine(alarmText) : alarm.text.trimmed();
    setAsset(alarm.asset);
    setSummary(summary);
    m_ackWithinEdited = false;
    setPriority(priorityOf(alarm.priority));
    followPriority();
    m_alarmMessageId = alarmMessageId;
    setAlarmText(alarmText);
    // The roster's suggestion: those covering the asset first, then by escalation order.
    QStringList entries;
    for (const Technician &technician : m_settings.suggestedChain(alarm.asset)) {
        if (entries.size() == WorkOrderSettings::MaxChain)
            break;
        entries.append(AddressBookDialog::formatEntry(technician.name, technician.address));
    }
    if (!entries.isEmpty()) {
        setTechnician(entries.constFirst());
        setEscalation(entries.mid(1));
    }
    if (!m_workOrderMode && description().isEmpty())
        setDescription(summary + QStringLiteral("\n\n") + quoted(alarmText));
}

QString NotifyTechnicianDialog::summary() const
{
    return m_summary->text().simplified();
}

void NotifyTechnicianDialog::setSummary(const QString &summary)
{
    m_summary->setText(summary);
}

QStringList NotifyTechnicianDialog::escalation() const
{
    static const QRegularExpression separators(QStringLiteral("[;\\n]"));
    QStringList entries;
    for (const QString &part : m_escalation->text().split(separators, Qt::SkipEmptyParts)) {
        const QString entry = part.trimmed();
        if (!entry.isEmpty())
            entries.append(entry);
    }
    return entries;
}

void NotifyTechnicianDialog::setEscalation(const QStringList &entries)
{
    m_escalation->setText(entries.join(QStringLiteral("; ")));
}

QStringList NotifyTechnicianDialog::chain() const
{
    QStringList entries;
    if (!technician().isEmpty())
        entries.append(technician());
    return entries + escalation();
}

qint64 NotifyTechnicianDialog::ackWithinSeconds() const
{
    return parseDuration(m_ackWithin->text().trimmed()).value_or(0);
}

void NotifyTechnicianDialog::setAckWithin(qint64 seconds)
{
    if (seconds <= 0) {
        m_ackWithinEdited = false;
        followPriority();
        return;
    }
    m_ackWithinEdited = true;
    m_ackWithin->setText(formatDuration(seconds));
}

void NotifyTechnicianDialog::setAlarmText(const QString &text)
{
    m_alarmText = text.trimmed();
    m_alarm->setPlainText(quoted(m_alarmText));
    m_form->setRowVisible(AlarmRow, m_workOrderMode && !m_alarmText.isEmpty());
    updateState();
}

WorkOrderRequest NotifyTechnicianDialog::request() const
{
    WorkOrderRequest request;
    request.asset = asset();
    request.summary = summary();
    request.priority = workOrderPriority();
    request.chain = chain();
    request.ackWithinSeconds = ackWithinSeconds();
    request.alarmMessageId = m_alarmMessageId;
    request.alarmText = m_alarmText;
    request.note = description();
    request.attachments = m_attachments;
    return request;
}

QString NotifyTechnicianDialog::buildSubject(const QString &workOrderId, const QString &asset,
                                             const QString &description, Priority priority)
{
    QStringList parts;
    const QString id = workOrderId.simplified();
    if (!id.isEmpty())
        parts.append(u'[' + id + u']');
    const QString assetText = asset.simplified();
    if (!assetText.isEmpty())
        parts.append(assetText);
    const QString summary = summaryLine(description);
    if (!summary.isEmpty())
        parts.append(summary);
    parts.append(tr("(priority %1)").arg(priorityName(priority)));
    return parts.join(u' ');
}

QString NotifyTechnicianDialog::defaultBodyTemplate()
{
    return tr("Hello {technician},\n"
              "\n"
              "a maintenance job needs you.\n"
              "\n"
              "Work order: {work_order}\n"
              "Asset: {asset}\n"
              "Priority: {priority}\n"
              "Attachment: {attachment}\n"
              "\n"
              "Description:\n"
              "{description}\n"
              "\n"
              "Please confirm by replying to this message.\n");
}

void NotifyTechnicianDialog::setBodyTemplate(const QString &bodyTemplate)
{
    m_bodyTemplate = bodyTemplate;
    updateState();
}

void NotifyTechnicianDialog::setAddressBook(const QStringList &addressBook)
{
    m_addressBook = addressBook;
    const QString text = m_technician->currentText();
    {
        const QSignalBlocker blocker(m_technician);
        m_technician->clear();
        m_technician->addItems(addressBook);
        m_technician->setCurrentIndex(-1);
        m_technician->setEditText(text);
    }
    updateState();
}

QString NotifyTechnicianDialog::technician() const
{
    return m_technician->currentText().trimmed();
}

void NotifyTechnicianDialog::setTechnician(const QString &technician)
{
    m_technician->setEditText(technician);
}

QString NotifyTechnicianDialog::workOrderText() const
{
    return m_workOrder->text().trimmed();
}

QString NotifyTechnicianDialog::workOrderId() const
{
    const QString text = workOrderText();
    const QString id = extractWorkOrderId(text);
    // The field must hold one id and nothing else.
    return id.compare(text, Qt::CaseInsensitive) == 0 ? id : QString();
}

void NotifyTechnicianDialog::setWorkOrderId(const QString &id)
{
    m_workOrder->setText(id);
}

QString NotifyTechnicianDialog::asset() const
{
    return m_asset->text().trimmed();
}

void NotifyTechnicianDialog::setAsset(const QString &asset)
{
    m_asset->setText(asset);
}

NotifyTechnicianDialog::Priority NotifyTechnicianDialog::priority() const
{
    return Priority(m_priority->currentData().toInt());
}

void NotifyTechnicianDialog::setPriority(Priority priority)
{
    m_priority->setCurrentIndex(m_priority->findData(QVariant::fromValue(int(priority))));
}

QString NotifyTechnicianDialog::description() const
{
    return m_description->toPlainText().trimmed();
}

void NotifyTechnicianDialog::setDescription(const QString &description)
{
    m_description->setPlainText(description);
}

bool NotifyTechnicianDialog::setAttachmentFile(const QString &path)
{
    const QString fileName = QFileInfo(path).fileName();
    auto refuse = [&](const QString &why) {
        FeedbackLabel::show(m_attachmentError, why);
        updateState();
        return false;
    };
    if (!fileName.endsWith(u".pdf", Qt::CaseInsensitive))
        return refuse(tr("Only PDF files can be attached: \"%1\" is not a .pdf file.").arg(fileName));
    ConnectorError error;
    std::optional<Attachment> attachment = Attachment::fromFile(path, &error);
    if (!attachment)
        return refuse(error.message());
    // PDF readers accept the header anywhere in the first KiB.
    if (!attachment->data.left(1024).contains("%PDF-"))
        return refuse(tr("\"%1\" is not a PDF document: it has no %PDF- header.").arg(fileName));
    attachment->contentType = QStringLiteral("application/pdf");
    m_attachments = {*attachment};
    FeedbackLabel::show(m_attachmentError, QString());
    updateState();
    return true;
}

void NotifyTechnicianDialog::clearAttachment()
{
    m_attachments.clear();
    FeedbackLabel::show(m_attachmentError, QString());
    updateState();
}

void NotifyTechnicianDialog::chooseAttachment()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Attach a PDF work order"), QString(),
                                                      tr("PDF documents (*.pdf *.PDF)"));
    if (!path.isEmpty())
        setAttachmentFile(path);
}

QString NotifyTechnicianDialog::subject() const
{
    const QString id = workOrderId();
    return buildSubject(id.isEmpty() ? workOrderText() : id, asset(), description(), priority());
}

QString NotifyTechnicianDialog::technicianName() const
{
    const QString name = nameOf(technician());
    if (!name.isEmpty())
        return name;
    const QString address = MessageBuilder::addressSpec(technician());
    return address.isEmpty() ? technician() : address;
}

QString NotifyTechnicianDialog::body() const
{
    const QString id = workOrderId();
    const QHash<QString, QString> values{
        {QStringLiteral("technician"), technicianName()},
        {QStringLiteral("work_order"), id.isEmpty() ? workOrderText() : id},
        {QStringLiteral("asset"), asset()},
        {QStringLiteral("priority"), priorityName(priority())},
        {QStringLiteral("description"), description()},
        {QStringLiteral("attachment"),
         m_attachments.isEmpty() ? tr("none") : m_attachments.constFirst().fileName},
    };
    return expandTemplate(m_bodyTemplate, values);
}

QStringList NotifyTechnicianDialog::recipients() const
{
    const QString to = technician();
    return to.isEmpty() ? QStringList() : QStringList{to};
}

QList<Attachment> NotifyTechnicianDialog::attachments() const
{
    return m_attachments;
}

SendOptions NotifyTechnicianDialog::sendOptions() const
{
    SendOptions options;
    options.subject = subject();
    options.attachments = m_attachments;
    return options;
}

QString NotifyTechnicianDialog::technicianError() const
{
    const QString text = technician();
    if (text.isEmpty())
        return {};
    ConnectorError error;
    if (MessageBuilder::addressSpec(text, &error).isEmpty())
        return tr("Technician: %1.").arg(error.message());
    return {};
}

QString NotifyTechnicianDialog::escalationError() const
{
    if (!m_workOrderMode)
        return {};
    const QStringList entries = escalation();
    QSet<QString> seen;
    if (const QString first = MessageBuilder::addressSpec(technician()); !first.isEmpty())
        seen.insert(first.toCaseFolded());
    for (const QString &entry : entries) {
        ConnectorError error;
        const QString address = MessageBuilder::addressSpec(entry, &error);
        if (address.isEmpty())
            return tr("Escalation: \"%1\": %2. Separate technicians with \";\".").arg(entry, error.message());
        if (seen.contains(address.toCaseFolded()))
            return tr("Escalation: %1 is in the chain twice.").arg(entry);
        seen.insert(address.toCaseFolded());
    }
    if (entries.size() + 1 > WorkOrderSettings::MaxChain)
        return tr("Escalation: at most %1 technicians take part in one work order (the first and %2 more).")
            .arg(WorkOrderSettings::MaxChain)
            .arg(WorkOrderSettings::MaxChain - 1);
    return {};
}

QString NotifyTechnicianDialog::ackWithinError() const
{
    if (!m_workOrderMode)
        return {};
    QString problem;
    if (!parseDuration(m_ackWithin->text().trimmed(), &problem))
        return tr("Acknowledge within: %1 (like 15m, 2h or 90s).").arg(problem);
    return {};
}

QString NotifyTechnicianDialog::workOrderError() const
{
    const QString text = workOrderText();
    if (m_workOrderMode || text.isEmpty() || !workOrderId().isEmpty())
        return {};
    return tr("Work order: \"%1\" is not a work-order id like WO-2026-42.").arg(text);
}

QStringList NotifyTechnicianDialog::validationErrors() const
{
    QStringList errors;
    if (technician().isEmpty())
        errors.append(tr("Technician: choose one from the address book or type an address."));
    else if (const QString error = technicianError(); !error.isEmpty())
        errors.append(error);
    if (m_workOrderMode) {
        // The tracker gives the id; the description is an optional note.
        if (const QString error = escalationError(); !error.isEmpty())
            errors.append(error);
        if (asset().isEmpty())
            errors.append(tr("Asset: enter the asset tag, like P-201."));
        if (summary().isEmpty())
            errors.append(tr("Summary: say in a few words what is wrong."));
        if (const QString error = ackWithinError(); !error.isEmpty())
            errors.append(error);
        return errors;
    }
    if (workOrderText().isEmpty())
        errors.append(tr("Work order: enter its id, like WO-2026-42."));
    else if (const QString error = workOrderError(); !error.isEmpty())
        errors.append(error);
    if (asset().isEmpty())
        errors.append(tr("Asset: enter the asset tag, like P-201."));
    if (description().isEmpty())
        errors.append(tr("Description: say what the technician should do."));
    return errors;
}

void NotifyTechnicianDialog::updateState()
{
    // Inline errors only for what was typed wrong; missing fields are listed once below.
    FeedbackLabel::show(m_technicianError, technicianError());
    FeedbackLabel::show(m_workOrderError, workOrderError());
    FeedbackLabel::show(m_escalationError, escalationError());
    FeedbackLabel::show(m_ackWithinError, ackWithinError());

    QStringList missing;
    if (technician().isEmpty())
        missing.append(tr("technician"));
    if (!m_workOrderMode && workOrderText().isEmpty())
        missing.append(tr("work order"));
    if (asset().isEmpty())
        missing.append(tr("asset"));
    if (m_workOrderMode && summary().isEmpty())
        missing.append(tr("summary"));
    if (!m_workOrderMode && description().isEmpty())
        missing.append(tr("description"));
    m_problems->setText(missing.isEmpty() ? QString()
                                          : tr("To send, fill in: %1.").arg(missing.join(tr(", "))));
    m_problems->setVisible(!missing.isEmpty());

    if (m_attachments.isEmpty()) {
        m_attachmentName->setText(tr("None"));
    } else {
        const Attachment &a = m_attachments.constFirst();
        m_attachmentName->setText(tr("%1 (%2)").arg(a.fileName, QLocale().formattedDataSize(a.data.size())));
    }
    m_removeAttachmentButton->setEnabled(!m_sending && !m_attachments.isEmpty());

    const QStringList errors = validationErrors();
    m_sendButton->setEnabled(!m_sending && errors.isEmpty());
    const QString ready = m_workOrderMode ? tr("Create the work order and notify the technician (Return, Ctrl+Return)")
                                          : tr("Send the notification (Return, Ctrl+Return)");
    m_sendButton->setToolTip(errors.isEmpty() ? ready : errors.join(u'\n'));

    if (m_workOrderMode) {
        m_preview->setPlainText(workOrderPreview());
        return;
    }
    const QString to = technician();
    m_preview->setPlainText(tr("To: %1\nSubject: %2\n\n%3").arg(to, subject(), body()));
}

QString NotifyTechnicianDialog::workOrderPreview() const
{
    QStringList lines;
    lines << tr("To: %1").arg(technician());
    const QString within = m_ackWithin->text().trimmed();
    const QStringList then = escalation();
    lines << (then.isEmpty() ? tr("Not acknowledged within %1: you are told; nobody else is notified.").arg(within)
                             : tr("Not acknowledged within %1: %2, in this order.").arg(within, then.join(QStringLiteral("; "))));
    lines << tr("Work order: its id is given when it is created");
    lines << tr("Asset: %1").arg(asset());
    lines << tr("Priority: %1").arg(WorkOrderDisplay::priorityText(workOrderPriority()));
    lines << tr("Summary: %1").arg(summary());
    if (!m_attachments.isEmpty())
        lines << tr("Attachment: %1").arg(m_attachments.constFirst().fileName);
    QString text = lines.join(u'\n');
    if (!description().isEmpty())
        text += QStringLiteral("\n\n") + description();
    if (!m_alarmText.isEmpty())
        text += QStringLiteral("\n\n") + quoted(m_alarmText);
    return text;
}

void NotifyTechnicianDialog::requestSend()
{
    if (m_sending || !isValid()) {
        updateState();
        return;
    }
    m_sendError.clear();
    updateStatus();
    Q_EMIT sendRequested();
}

void NotifyTechnicianDialog::setSending(bool sending)
{
    m_sending = sending;
    if (sending)
        m_sendError.clear();
    for (QWidget *w : std::initializer_list<QWidget *>{m_technician, m_escalation, m_workOrder, m_asset, m_summary,
                                                       m_priority, m_ackWithin, m_description, m_attachButton})
        w->setEnabled(!sending);
    updateStatus();
    updateState();
}

void NotifyTechnicianDialog::setSendError(const QString &message)
{
    setSending(false);
    m_sendError = message;
    updateStatus();
}

void NotifyTechnicianDialog::updateStatus()
{
    FeedbackLabel::showSendStatus(m_status, m_sending, m_sendError, tr("The notification was not sent: %1"));
}

} // namespace machina
