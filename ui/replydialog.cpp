#include "replydialog.h"

#include "accessiblenames.h"
#include "addressbookdialog.h"
#include "feedbacklabel.h"
#include "mime/messagebuilder.h"

#include <QColor>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QTextCursor>
#include <QVBoxLayout>

namespace machina {

namespace {

const QString Omitted = QStringLiteral("> [...]");

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

} // namespace

ReplyDialog::ReplyDialog(const IncomingMessage &original, QWidget *parent)
    : QDialog(parent), m_original(original), m_attribution(attribution(original))
{
    setWindowTitle(tr("Reply"));

    // Only addresses the builder accepts can go out; say which ones cannot,
    // rather than failing the whole send later.
    QStringList shown;
    QSet<QString> seen;
    for (const MailAddress &a : original.replyAddresses()) {
        if (a.address.trimmed().isEmpty())
            continue;
        shown.append(AddressBookDialog::formatEntry(a.name, a.address));
        ConnectorError error;
        const QString spec = MessageBuilder::addressSpec(a.address, &error);
        if (spec.isEmpty()) {
            m_refusedRecipients.append(error.message());
            continue;
        }
        if (seen.contains(spec.toCaseFolded()))
            continue;
        seen.insert(spec.toCaseFolded());
        m_recipients.append(spec);
    }

    m_to = new QLineEdit(shown.join(QStringLiteral(", ")), this);
    m_to->setReadOnly(true);
    m_to->setCursorPosition(0);
    m_recipientError = FeedbackLabel::make(this);

    m_subject = new QLineEdit(original.replySubject(), this);
    m_subject->setCursorPosition(0);

    m_body = new QPlainTextEdit(this);
    m_body->setTabChangesFocus(true);
    m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_body->setMinimumSize(480, 280);
    m_body->setPlainText(initialBody(original));
    // The answer goes on top, above the quote.
    m_body->moveCursor(QTextCursor::Start);

    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_status = FeedbackLabel::make(this);

    m_buttons = new QDialogButtonBox(this);
    m_sendButton = m_buttons->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    // Plain Return in the subject must not send: only Send or Ctrl+Return do.
    m_sendButton->setAutoDefault(false);
    cancel->setAutoDefault(false);

    auto *form = new QFormLayout;
    auto addField = [&](const QString &text, QWidget *buddy, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        if (buddy != field) // not the label's sibling: Qt does not name it after the label
            AccessibleNames::nameAfterLabel(buddy, text);
        form->addRow(label, field);
    };
    auto *toBox = new QWidget(this);
    auto *toLayout = new QVBoxLayout(toBox);
    toLayout->setContentsMargins(0, 0, 0, 0);
    toLayout->addWidget(m_to);
    toLayout->addWidget(m_recipientError);
    addField(tr("&To:"), m_to, toBox);
    // Alt+S is Send.
    addField(tr("Su&bject:"), m_subject, m_subject);
    addField(tr("&Message:"), m_body, m_body);

    auto *main = new QVBoxLayout(this);
    main->addLayout(form, 1);
    main->addWidget(m_problems);
    main->addWidget(m_status);
    main->addWidget(m_buttons);

    setTabOrder(m_to, m_subject);
    setTabOrder(m_subject, m_body);
    setTabOrder(m_body, m_sendButton);
    setTabOrder(m_sendButton, cancel);

    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return),
                                     QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &ReplyDialog::requestSend);
    }
    connect(m_sendButton, &QPushButton::clicked, this, &ReplyDialog::requestSend);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_subject, &QLineEdit::textChanged, this, &ReplyDialog::updateState);
    connect(m_body, &QPlainTextEdit::textChanged, this, &ReplyDialog::updateState);

    m_body->setFocus();
    updateState();
}

QString ReplyDialog::quote(const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(u'\r', u'\n');
    QStringList lines = normalized.split(u'\n');
    while (!lines.isEmpty() && isBlank(lines.constFirst()))
        lines.removeFirst();
    while (!lines.isEmpty() && isBlank(lines.constLast()))
        lines.removeLast();

    const bool cut = lines.size() > MaxQuotedLines;
    if (cut)
        lines.resize(MaxQuotedLines);
    QStringList quoted;
    quoted.reserve(lines.size() + 1);
    for (const QString &line : std::as_const(lines)) {
        // Trailing white space would only make "> " lines ragged.
        qsizetype end = line.size();
        while (end > 0 && line.at(end - 1).isSpace())
            --end;
        const QStringView kept = QStringView(line).left(end);
        if (kept.isEmpty())
            quoted.append(QStringLiteral(">"));
        else if (kept.startsWith(u'>'))
            quoted.append(u'>' + kept.toString());
        else
            quoted.append(QStringLiteral("> ") + kept.toString());
    }
    if (cut)
        quoted.append(Omitted);
    return quoted.join(u'\n');
}

QString ReplyDialog::attribution(const IncomingMessage &original)
{
    QString sender = AddressBookDialog::formatEntry(original.from.name, original.from.address);
    if (sender.isEmpty())
        sender = tr("the sender");
    if (!original.date.isValid())
        return tr("%1 wrote:").arg(sender);
    // ISO order reads the same in every locale; the time is the sender's own.
    return tr("On %1, %2 wrote:").arg(original.date.toString(QStringLiteral("yyyy-MM-dd HH:mm")), sender);
}

QString ReplyDialog::initialBody(const IncomingMessage &original)
{
    const QString quoted = quote(original.text);
    if (quoted.isEmpty())
        return {};
    // A line to write on, a blank one to keep the answer off the attribution.
    return QStringLiteral("\n\n") + attribution(original) + u'\n' + quoted;
}

QString ReplyDialog::ownText(const QString &body, const QString &attribution)
{
    const QString heading = attribution.trimmed();
    QStringList own;
    const QStringList lines = body.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u'>') || (!heading.isEmpty() && trimmed == heading))
            continue;
        own.append(line);
    }
    return own.join(u'\n').trimmed();
}

QString ReplyDialog::subject() const
{
    return m_subject->text().trimmed();
}

void ReplyDialog::setSubject(const QString &subject)
{
    m_subject->setText(subject);
}

QString ReplyDialog::body() const
{
    return m_body->toPlainText();
}

void ReplyDialog::setBody(const QString &body)
{
    m_body->setPlainText(body);
}

SendOptions ReplyDialog::sendOptions() const
{
    SendOptions options;
    options.subject = subject();
    const QString id = m_original.messageId.trimmed();
    options.inReplyTo = id;
    // RFC 5322 section 3.6.4: the parent's References, then the parent's own
    // id last. A thread that already repeats an id gains nothing from it twice.
    QSet<QString> seen;
    for (const QString &reference : m_original.references) {
        const QString ref = reference.trimmed();
        if (ref.isEmpty() || ref == id || seen.contains(ref))
            continue;
        seen.insert(ref);
        options.references.append(ref);
    }
    if (!id.isEmpty())
        options.references.append(id);
    return options;
}

QStringList ReplyDialog::validationErrors() const
{
    QStringList errors;
    if (m_recipients.isEmpty())
        errors.append(tr("To: the message has no address a reply can go to."));
    if (ownText(body(), m_attribution).isEmpty()) {
        errors.append(m_attribution.isEmpty() || !body().contains(m_attribution)
                              ? tr("Message: write your reply.")
                              : tr("Message: write your reply above the quote."));
    }
    return errors;
}

void ReplyDialog::updateState()
{
    QStringList refused;
    for (const QString &why : std::as_const(m_refusedRecipients))
        refused.append(tr("To: %1, so it is left out.").arg(why));
    FeedbackLabel::show(m_recipientError, refused.join(u'\n'));

    const QStringList errors = validationErrors();
    m_problems->setText(errors.join(u'\n'));
    m_problems->setVisible(!errors.isEmpty());
    m_sendButton->setEnabled(!m_sending && errors.isEmpty());
    m_sendButton->setToolTip(errors.isEmpty() ? tr("Send the reply (Ctrl+Return)") : errors.join(u'\n'));
}

void ReplyDialog::requestSend()
{
    if (m_sending || !isValid()) {
        updateState();
        return;
    }
    m_sendError.clear();
    updateStatus();
    Q_EMIT sendRequested();
}

void ReplyDialog::setSending(bool sending)
{
    m_sending = sending;
    if (sending)
        m_sendError.clear();
    // Read-only rather than disabled: the draft stays readable and selectable.
    m_subject->setEnabled(!sending);
    m_body->setReadOnly(sending);
    updateStatus();
    updateState();
}

void ReplyDialog::setSendError(const QString &message)
{
    setSending(false);
    m_sendError = message;
    updateStatus();
}

void ReplyDialog::updateStatus()
{
    FeedbackLabel::showSendStatus(m_status, m_sending, m_sendError, tr("The reply was not sent: %1"));
}

} // namespace machina
