#pragma once

#include "emailconnector.h"
#include "mime/messagebuilder.h"

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QComboBox;
class QCompleter;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace machina {

/**
 * Fills a work-order notification for a technician from a template and shows
 * it before it goes out. The dialog never sends: the caller connects
 * sendRequested() to EmailConnector::buildMessage(recipients(), body(),
 * sendOptions()) and sendBuiltMessage(message, SendMode::QueueWhenUnreachable),
 * calls setSending(true) while the reply runs, then accept() on success or
 * when the message waits in the outbox (SendReply::isQueued()), and
 * setSendError() on a failure (every field is kept, so the draft survives a
 * failed send).
 *
 * Send (button or Ctrl+Return) is enabled only when the draft is valid: a
 * technician address MessageBuilder accepts (picked from the address book or
 * typed), a work-order id that extractWorkOrderId() recognises as a whole, an
 * asset and a description. Esc cancels.
 */
class NotifyTechnicianDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Priority { Low, Medium, High, Emergency };
    Q_ENUM(Priority)

    /// @p addressBook: "Name <addr>" entries offered in the list and by completion.
    explicit NotifyTechnicianDialog(const QStringList &addressBook = {}, QWidget *parent = nullptr);

    static QString priorityName(Priority priority);

    /**
     * The subject for these fields: "[<WO>] <asset> <summary> (priority <P>)",
     * e.g. "[WO-2026-42] P-201 high vibration (priority High)". The summary is
     * the description's first non-blank line with runs of white space made one
     * space; longer than 60 characters, it is cut at the last space within
     * the first 57 (or at 57 when that space would leave less than 30) and
     * "..." is appended, so it never exceeds 60. Empty parts are left out.
     */
    static QString buildSubject(const QString &workOrderId, const QString &asset,
                                const QString &description, Priority priority);

    /**
     * The body template. Placeholders, replaced in one pass (a field's own
     * text is never expanded again): {technician} (display name, else the
     * address), {work_order}, {asset}, {priority}, {description},
     * {attachment} (file name or "none").
     */
    static QString defaultBodyTemplate();
    void setBodyTemplate(const QString &bodyTemplate);
    QString bodyTemplate() const { return m_bodyTemplate; }

    void setAddressBook(const QStringList &addressBook);
    QStringList addressBook() const { return m_addressBook; }

    // Fields, for pre-filling (a reply to an alarm, a saved draft) and for reading.
    QString technician() const;
    void setTechnician(const QString &technician);
    /// The id as typed, trimmed; workOrderId() is its canonical form ("WO-..."), empty when invalid.
    QString workOrderText() const;
    QString workOrderId() const;
    void setWorkOrderId(const QString &id);
    QString asset() const;
    void setAsset(const QString &asset);
    Priority priority() const;
    void setPriority(Priority priority);
    QString description() const;
    void setDescription(const QString &description);

    /**
     * Attaches @p path when it is a readable PDF (".pdf" name and a "%PDF-"
     * header) within Attachment::fromFile()'s limits; otherwise keeps what was
     * attached before, shows why beside the attachment and returns false.
     */
    bool setAttachmentFile(const QString &path);
    void clearAttachment();

    QString subject() const;
    QString body() const;
    QStringList recipients() const;
    QList<Attachment> attachments() const;
    /// subject() and attachments() as EmailConnector::sendMessage() takes them.
    SendOptions sendOptions() const;

    /// Every reason the draft cannot be sent now, in words; empty when it can.
    QStringList validationErrors() const;
    bool isValid() const { return validationErrors().isEmpty(); }

    /// While true the fields and Send are disabled and "Sending..." is shown.
    void setSending(bool sending);
    bool isSending() const { return m_sending; }
    /// Shows why the send failed and enables the dialog again; every field is kept.
    void setSendError(const QString &message);
    QString sendError() const { return m_sendError; }

    // The widgets, for tests and for callers that want to tweak them.
    QComboBox *technicianField() const { return m_technician; }
    QLineEdit *workOrderField() const { return m_workOrder; }
    QLineEdit *assetField() const { return m_asset; }
    QComboBox *priorityField() const { return m_priority; }
    QPlainTextEdit *descriptionField() const { return m_description; }
    QPlainTextEdit *preview() const { return m_preview; }
    QPushButton *sendButton() const { return m_sendButton; }
    QCompleter *technicianCompleter() const { return m_completer; }
    QLabel *technicianErrorLabel() const { return m_technicianError; }
    QLabel *workOrderErrorLabel() const { return m_workOrderError; }
    QLabel *attachmentErrorLabel() const { return m_attachmentError; }
    QLabel *problemsLabel() const { return m_problems; }
    QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    /// Emits sendRequested() when the draft is valid and no send is running.
    void requestSend();
    /// Opens a file dialog for a PDF.
    void chooseAttachment();

Q_SIGNALS:
    void sendRequested();

private:
    void updateState();
    void updateStatus();
    QString technicianError() const;
    QString workOrderError() const;
    QString technicianName() const;

    QStringList m_addressBook;
    QString m_bodyTemplate;
    QList<Attachment> m_attachments;
    bool m_sending = false;
    QString m_sendError;

    QComboBox *m_technician = nullptr;
    QCompleter *m_completer = nullptr;
    QLabel *m_technicianError = nullptr;
    QLineEdit *m_workOrder = nullptr;
    QLabel *m_workOrderError = nullptr;
    QLineEdit *m_asset = nullptr;
    QComboBox *m_priority = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLabel *m_attachmentName = nullptr;
    QPushButton *m_attachButton = nullptr;
    QPushButton *m_removeAttachmentButton = nullptr;
    QLabel *m_attachmentError = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_sendButton = nullptr;
};

} // namespace machina
