#include "messageview.h"

#include "accessiblenames.h"
#include "feedbacklabel.h"

#include <QCheckBox>
#include <QColor>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QPalette>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace machina {

Q_LOGGING_CATEGORY(lcMessageView, "machina.ui", QtWarningMsg)

// ---------------------------------------------------------------------------
// SafeTextBrowser

namespace {

bool isAllowedImageType(const QString &contentType)
{
    const QString type = contentType.trimmed().toLower();
    // SVG can name further files; raster images cannot.
    return (type.startsWith(u"image/") && !type.startsWith(u"image/svg"))
        || type == u"application/octet-stream";
}

struct DataUrl
{
    QString contentType;
    QByteArray payload;
};

// RFC 2397: data:[<mediatype>][;base64],<data>
std::optional<DataUrl> decodeDataUrl(const QUrl &url)
{
    const QByteArray encoded = url.toEncoded();
    if (!encoded.startsWith("data:"))
        return std::nullopt;
    const QByteArray rest = encoded.mid(5);
    const qsizetype comma = rest.indexOf(',');
    if (comma < 0)
        return std::nullopt;
    QByteArray header = QByteArray::fromPercentEncoding(rest.left(comma)).trimmed().toLower();
    QByteArray payload = QByteArray::fromPercentEncoding(rest.mid(comma + 1));
    const bool base64 = header.endsWith(";base64");
    if (base64)
        header.chop(7);
    DataUrl result;
    result.contentType = QString::fromLatin1(header.split(';').constFirst().trimmed());
    if (result.contentType.isEmpty())
        result.contentType = QStringLiteral("text/plain");
    if (base64) {
        payload = payload.simplified().replace(' ', QByteArray());
        auto decoded = QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        payload = *std::move(decoded);
    }
    result.payload = payload;
    return result;
}

/**
 * The browser's document. QTextDocument::loadResource() falls back on its own
 * loaders (relative names read from the disk, data: URLs of any type) when
 * the browser answers nothing; this one asks the browser and nothing else.
 */
class GuardDocument : public QTextDocument
{
public:
    explicit GuardDocument(SafeTextBrowser *browser)
        : QTextDocument(browser)
        , m_browser(browser)
    {
    }

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        QVariant result = m_browser->loadResource(type, name);
        if (result.isValid())
            addResource(type, name, result);
        return result;
    }

private:
    SafeTextBrowser *m_browser;
};

} // namespace

SafeTextBrowser::SafeTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setDocument(new GuardDocument(this));
    setOpenExternalLinks(false);
    setOpenLinks(false);
    setReadOnly(true);
    setUndoRedoEnabled(false);
}

void SafeTextBrowser::setInlineParts(const QList<ParsedAttachment> &parts)
{
    m_parts = parts;
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    const QString scheme = name.scheme().toLower();
    if (type == QTextDocument::ImageResource && scheme == u"cid") {
        QString id = name.path(QUrl::FullyDecoded).trimmed();
        if (id.startsWith(u'<') && id.endsWith(u'>'))
            id = id.mid(1, id.size() - 2);
        const ParsedAttachment *match = nullptr;
        for (const ParsedAttachment &part : std::as_const(m_parts)) {
            if (!id.isEmpty() && part.contentId == id) {
                match = &part;
                break;
            }
            if (!match && !id.isEmpty() && part.contentId.compare(id, Qt::CaseInsensitive) == 0)
                match = &part;
        }
        if (match && isAllowedImageType(match->contentType)) {
            ++m_resolved;
            return match->data;
        }
    } else if (type == QTextDocument::ImageResource && scheme == u"data") {
        const std::optional<DataUrl> data = decodeDataUrl(name);
        if (data && isAllowedImageType(data->contentType)) {
            ++m_resolved;
            return data->payload;
        }
    }
    qCDebug(lcMessageView) << "refused resource" << type << name.toDisplayString().left(200);
    m_refused.append(name);
    return QVariant();
}

// ---------------------------------------------------------------------------
// MessageView

namespace {

QLabel *makeHeaderLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // a subject is not markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

// A name safe to offer in a save dialog: no directories, no control characters.
QString safeFileName(const QString &name)
{
    QString out;
    for (QChar c : name) {
        if (c == u'/' || c == u'\\' || c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += u'_';
        else
            out += c;
    }
    out = out.trimmed();
    while (out.startsWith(u'.'))
        out.remove(0, 1);
    return out.isEmpty() ? QStringLiteral("attachment") : out;
}

bool isOpenableLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid()
        && (scheme == u"http" || scheme == u"https" || scheme == u"mailto" || scheme == u"ftp");
}

} // namespace

MessageView::MessageView(QWidget *parent)
    : QWidget(parent)
{
    m_from = makeHeaderLabel(this);
    m_to = makeHeaderLabel(this);
    m_date = makeHeaderLabel(this);
    m_subject = makeHeaderLabel(this);
    QFont subjectFont = m_subject->font();
    subjectFont.setBold(true);
    m_subject->setFont(subjectFont);

    auto *header = new QFormLayout;
    header->addRow(tr("From:"), m_from);
    header->addRow(tr("To:"), m_to);
    header->addRow(tr("Date:"), m_date);
    header->addRow(tr("Subject:"), m_subject);

    m_plainText = new QCheckBox(tr("&Plain text"), this);
    m_plainText->setToolTip(tr("Show the message's plain text instead of its formatted version"));
    connect(m_plainText, &QCheckBox::toggled, this, &MessageView::showBody);
    auto *options = new QHBoxLayout;
    options->addStretch();
    options->addWidget(m_plainText);

    m_browser = new SafeTextBrowser(this);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &MessageView::onAnchorClicked);

    m_attachmentBox = new QWidget(this);
    m_attachments = new QListWidget(m_attachmentBox);
    m_attachments->setSelectionMode(QAbstractItemView::SingleSelection);
    m_attachments->setAccessibleName(tr("Attachments"));
    m_attachments->setMaximumHeight(m_attachments->fontMetrics().height() * 6);
    m_saveButton = new QPushButton(tr("&Save as..."), m_attachmentBox);
    m_saveButton->setEnabled(false);
    m_status = new QLabel(m_attachmentBox);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    connect(m_attachments, &QListWidget::currentRowChanged, this, [this](int row) {
        m_saveButton->setEnabled(row >= 0);
    });
    connect(m_attachments, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        saveAttachment(m_attachments->row(item));
    });
    connect(m_saveButton, &QPushButton::clicked, this, &MessageView::saveSelected);

    auto *attachmentLayout = new QVBoxLayout(m_attachmentBox);
    attachmentLayout->setContentsMargins(0, 0, 0, 0);
    attachmentLayout->addWidget(new QLabel(tr("Attachments:"), m_attachmentBox));
    attachmentLayout->addWidget(m_attachments);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveButton);
    saveRow->addWidget(m_status, 1);
    attachmentLayout->addLayout(saveRow);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(options);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_attachmentBox);

    m_saveFileDialog = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(this, tr("Save attachment"), suggested);
    };
    clear();
}

void MessageView::setMessage(const IncomingMessage &message)
{
    m_message = message;
    m_from->setText(message.from.toDisplayString());
    QStringList to;
    for (const MailAddress &address : message.to)
        to << address.toDisplayString();
    m_to->setText(to.join(QStringLiteral(", ")));
    m_date->setText(message.date.isValid()
                        ? QLocale().toString(message.date.toLocalTime(), QLocale::LongFormat)
                        : QString());
    m_subject->setText(message.subject.isEmpty() ? tr("(no subject)") : message.subject);

    m_browser->setInlineParts(message.attachments);
    m_attachments->clear();
    for (const ParsedAttachment &a : message.attachments) {
        const qint64 size = a.size > 0 ? a.size : a.data.size();
        const QString type = a.contentType.isEmpty() ? tr("unknown type") : a.contentType;
        auto *item = new QListWidgetItem(tr("%1 (%2, %3)").arg(a.fileName, type, humanSize(size)));
        item->setToolTip(a.fileName);
        m_attachments->addItem(item);
    }
    m_attachmentBox->setVisible(!message.attachments.isEmpty());
    m_saveButton->setEnabled(false);
    setStatus(QString(), false);
    showBody();
}

void MessageView::clear()
{
    setMessage(IncomingMessage{});
    m_subject->clear();
}

bool MessageView::showsPlainText() const
{
    return m_message.html.trimmed().isEmpty() || m_plainText->isChecked();
}

void MessageView::setPlainTextPreferred(bool plain)
{
    m_plainText->setChecked(plain);
}

void MessageView::showBody()
{
    const bool hasHtml = !m_message.html.trimmed().isEmpty();
    m_plainText->setEnabled(hasHtml);
    // Drops cached cid: images of the previous message with the old content.
    m_browser->document()->clear();
    if (showsPlainText()) {
        QString text = m_message.text;
        if (text.trimmed().isEmpty() && hasHtml)
            text = MessageParser::htmlToText(m_message.html);
        m_shownHtml.clear();
        m_browser->setPlainText(text);
    } else {
        m_shownHtml = sanitizeHtml(m_message.html);
        m_browser->setHtml(m_shownHtml);
    }
}

void MessageView::onAnchorClicked(const QUrl &url)
{
    if (!isOpenableLink(url)) {
        qCDebug(lcMessageView) << "ignored a click on a" << url.scheme() << "link";
        return;
    }
    Q_EMIT linkActivated(url);
}

void MessageView::setSaveFileDialog(SaveFileDialog dialog)
{
    m_saveFileDialog = std::move(dialog);
}

void MessageView::saveSelected()
{
    saveAttachment(m_attachments->currentRow());
}

bool MessageView::saveAttachment(int index)
{
    if (index < 0 || index >= m_message.attachments.size())
        return false;
    const ParsedAttachment &attachment = m_message.attachments.at(index);
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString suggested = QDir(folder).filePath(safeFileName(attachment.fileName));
    const QString path = m_saveFileDialog ? m_saveFileDialog(suggested) : QString();
    if (path.isEmpty())
        return false; // cancelled
    QString error;
    if (!writeAttachment(attachment, path, &error)) {
        setStatus(error, true);
        Q_EMIT saveFailed(error);
        return false;
    }
    setStatus(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), false);
    Q_EMIT attachmentSaved(path);
    return true;
}

bool MessageView::writeAttachment(const ParsedAttachment &attachment, const QString &path, QString *error)
{
    QSaveFile file(path);
    const QString shownPath = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not save the attachment to %1: %2. Choose another folder.")
                         .arg(shownPath, file.errorString());
        return false;
    }
    if (file.write(attachment.data) != attachment.data.size() || !file.commit()) {
        if (error)
            *error = tr("Could not write the attachment to %1: %2. Check the free space and try again.")
                         .arg(shownPath, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

QString MessageView::humanSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

void MessageView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, error ? FeedbackLabel::errorColor(this->palette().color(m_status->backgroundRole()))
                                                    : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

} // namespace machina
