#pragma once

#include "html/htmlsanitizer.h"   // sanitizeHtml(), which the view shows through
#include "incomingmessage.h"

#include <QList>
#include <QString>
#include <QTextBrowser>
#include <QUrl>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace machina {


/**
 * A QTextBrowser that never loads anything from outside the message:
 * loadResource() answers only cid: images (from the attachments given with
 * setInlineParts()) and data: images, and returns an empty QVariant for
 * everything else (http, https, ftp, file, relative names, stylesheets).
 * Its document is a guard document whose loadResource() asks only this
 * policy, so QTextDocument's own fallbacks (reading relative names from the
 * disk, decoding data: stylesheets) never run. Links are never followed:
 * anchorClicked() is all a click does. Every refused URL is recorded.
 *
 * One gap no override reaches: when an <img> gets nothing, Qt's image handler
 * itself tries QImage::load() on its src, so a file: URL or a path is read
 * from the local disk (never the network). Give this browser sanitizeHtml()
 * output, which keeps such sources out; MessageView does.
 */
class SafeTextBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    /// The parts cid: URLs may name (by ParsedAttachment::contentId).
    void setInlineParts(const QList<ParsedAttachment> &parts);

    QVariant loadResource(int type, const QUrl &name) override;

    /// Every URL refused since the last clearRefused(), in request order.
    const QList<QUrl> &refusedUrls() const { return m_refused; }
    /// How many cid:/data: images were answered.
    int resolvedCount() const { return m_resolved; }
    void clearRefused() { m_refused.clear(); m_resolved = 0; }

private:
    QList<ParsedAttachment> m_parts;
    QList<QUrl> m_refused;
    int m_resolved = 0;
};

/**
 * One received message: From, To, Date and Subject above the body, the
 * attachments below it with "Save as...".
 *
 * The body is the sanitised HTML in a SafeTextBrowser, or the plain text when
 * the message has no HTML or "Plain text" is checked. Header text is shown as
 * plain text, never interpreted. A click on a link emits linkActivated() for
 * http, https, mailto and ftp links only (the window asks before opening);
 * javascript:, file:, data: and anything else do nothing.
 *
 * Saving asks for a path through the save-file dialog (QFileDialog by
 * default; setSaveFileDialog() replaces it, for tests), writes the bytes with
 * QSaveFile, and reports success or failure in words in the view itself and
 * through attachmentSaved() / saveFailed().
 */
class MessageView : public QWidget
{
    Q_OBJECT
public:
    /// Asked for a path to save to, given a suggested path; empty means cancelled.
    using SaveFileDialog = std::function<QString(const QString &suggestedPath)>;

    explicit MessageView(QWidget *parent = nullptr);

    void setMessage(const IncomingMessage &message);
    void clear();
    const IncomingMessage &message() const { return m_message; }

    /// True when the body shows plain text (no HTML, or "Plain text" checked).
    bool showsPlainText() const;
    /// Checks or unchecks "Plain text" (ignored without HTML: plain text is all there is).
    void setPlainTextPreferred(bool plain);

    void setSaveFileDialog(SaveFileDialog dialog);
    /// Asks for a path and writes attachment @p index; false when cancelled or failed.
    bool saveAttachment(int index);
    /// Writes @p attachment to @p path; on failure false and a sentence in @p error.
    static bool writeAttachment(const ParsedAttachment &attachment, const QString &path, QString *error);
    /// "1.5 KB"-style size for the attachment list.
    static QString humanSize(qint64 bytes);

    /// The sanitised HTML last handed to the browser; empty while plain text shows.
    QString shownHtml() const { return m_shownHtml; }

    SafeTextBrowser *browser() const { return m_browser; }
    QCheckBox *plainTextToggle() const { return m_plainText; }
    QListWidget *attachmentList() const { return m_attachments; }
    QPushButton *saveButton() const { return m_saveButton; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *fromLabel() const { return m_from; }
    QLabel *toLabel() const { return m_to; }
    QLabel *dateLabel() const { return m_date; }
    QLabel *subjectLabel() const { return m_subject; }

Q_SIGNALS:
    /// A link the user clicked (http, https, mailto, ftp only); nothing was opened.
    void linkActivated(const QUrl &url);
    void attachmentSaved(const QString &path);
    void saveFailed(const QString &message);

private:
    void showBody();
    void onAnchorClicked(const QUrl &url);
    void saveSelected();
    void setStatus(const QString &text, bool error);

    IncomingMessage m_message;
    QString m_shownHtml;
    SaveFileDialog m_saveFileDialog;
    QLabel *m_from = nullptr;
    QLabel *m_to = nullptr;
    QLabel *m_date = nullptr;
    QLabel *m_subject = nullptr;
    QCheckBox *m_plainText = nullptr;
    SafeTextBrowser *m_browser = nullptr;
    QWidget *m_attachmentBox = nullptr;
    QListWidget *m_attachments = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace machina
