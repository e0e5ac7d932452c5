#pragma once

#include "emailconnector.h"
#include "mime/messagebuilder.h"
#include "workorders/alarmrules.h"
#include "workorders/workordersettings.h"
#include "workorders/workordertracker.h"

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QComboBox;
class QCompleter;
class QDialogButtonBox;
class QFormLayout;
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
 * Send is the default button: Return (in a line field; Ctrl+Return anywhere,
 * the description too) sends, and only when the draft is valid: a
 * technician address MessageBuilder accepts (picked from the address book or
 * typed), a work-order id that extractWorkOrderId() recognises as a whole, an
 * asset and a description. Esc cancels.
 *
 * In work-order mode (setWorkOrderMode(true): the account has a
 * WorkOrderTracker) the dialog composes a WorkOrderRequest instead (request()):
 * the tracker gives the id and builds the notification, so there is no
 * work-order field. It asks for the technician notified first, the escalation
 * list (entries separated by ";": notified in turn when nobody acknowledges
 * in time), asset, summary, priority and the acknowledgement deadline ("15m",
 * by default WorkOrderSettings::ackWithinFor() of the priority, following the
 * priority until it is edited); the description becomes the request's note,
 * and the alarm's text is shown quoted as the notification will quote it. A
 * note says that the id comes with the creation and that a work order queued
 * while offline reaches other consoles once it is sent.
 *
 * prefillFromAlarm() fills the dialog from a recognised alarm mail, so that
 * selecting an alarm, Ctrl+N and Return make a work order: asset, summary
 * (the alarm's text), priority (critical -> critical, alarm -> high, warning
 * -> normal, info -> low, as the alarm rule says), the alarm text, and the
 * roster's suggestion (WorkOrderSettings::suggestedChain(): the first is the
 * technician, the rest the escalation list).
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
    /// The work-order priority of the same rank (Medium is Normal, Emergency is Critical).
    static WorkOrderPriority workOrderPriorityOf(Priority priority) { return WorkOrderPriority(int(priority)); }
    static Priority priorityOf(WorkOrderPriority priority) { return Priority(int(priority)); }
    /// @p text with "> " before every line, as a mail quotes it.
    static QString quoted(const QString &text);

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

    /// Work-order mode (see the class comment); off by default: a plain notification.
    void setWorkOrderMode(bool on);
    bool isWorkOrderMode() const { return m_workOrderMode; }
    /// The deadlines by priority and the roster prefillFromAlarm() suggests from.
    void setWorkOrderSettings(const WorkOrderSettings &settings);
    const WorkOrderSettings &workOrderSettings() const { return m_settings; }
    /**
     * Fills the dialog from @p alarm (see the class comment). @p alarmText is
     * what the technician should read of the alarm mail: its body when it is
     * loaded, else its subject; @p alarmMessageId its Message-ID (without <>).
     * In plain mode the description gets the summary and the quoted alarm.
     */
    void prefillFromAlarm(const Alarm &alarm, const QString &alarmText, const QString &alarmMessageId = {});

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
    /// Work-order mode: the one-line summary ("vibration 9.2 mm/s (limit 8.4)").
    QString summary() const;
    void setSummary(const QString &summary);
    /// Work-order mode: who is notified in turn after the technician, in order.
    QStringList escalation() const;
    void setEscalation(const QStringList &entries);
    /// The technician, then the escalation list.
    QStringList chain() const;
    /// Work-order mode: the acknowledgement deadline in seconds; 0 while the field cannot be read.
    qint64 ackWithinSeconds() const;
    /// Sets the deadline ("15m" in the field); 0 puts back the priority's.
    void setAckWithin(qint64 seconds);
    /// The alarm as the notification quotes it (unquoted here).
    QString alarmText() const { return m_alarmText; }
    void setAlarmText(const QString &text);
    QString alarmMessageId() const { return m_alarmMessageId; }
    WorkOrderPriority workOrderPriority() const { return workOrderPriorityOf(priority()); }

    /// What WorkOrderTracker::create() takes: every field of work-order mode, the note and the attachments.
    WorkOrderRequest request() const;

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
    QLineEdit *escalationField() const { return m_escalation; }
    QLineEdit *summaryField() const { return m_summary; }
    QLineEdit *ackWithinField() const { return m_ackWithin; }
    QPlainTextEdit *alarmField() const { return m_alarm; }
    /// Work-order mode: the note on ids and on work orders queued while offline.
    QLabel *workOrderNote() const { return m_workOrderNote; }
    QLabel *escalationErrorLabel() const { return m_escalationError; }
    QLabel *ackWithinErrorLabel() const { return m_ackWithinError; }
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
    void updatePriorityTexts();
    void followPriority();
    QString technicianError() const;
    QString workOrderError() const;
    QString escalationError() const;
    QString ackWithinError() const;
    QString technicianName() const;
    QString workOrderPreview() const;

    QStringList m_addressBook;
    WorkOrderSettings m_settings;
    bool m_workOrderMode = false;
    bool m_ackWithinEdited = false;   ///< typed by the user: no longer follows the priority
    QString m_alarmText;
    QString m_alarmMessageId;
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
    QLineEdit *m_escalation = nullptr;
    QLabel *m_escalationError = nullptr;
    QLineEdit *m_summary = nullptr;
    QLineEdit *m_ackWithin = nullptr;
    QLabel *m_ackWithinError = nullptr;
    QPlainTextEdit *m_alarm = nullptr;
    QLabel *m_workOrderNote = nullptr;
    QFormLayout *m_form = nullptr;
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
