#pragma once

#include "emailconnector.h"
#include "incomingmessage.h"

#include <QDialog>
#include <QString>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace machina {

/**
 * Composes a reply to one received message. To lists the message's reply
 * addresses (Reply-To, else From) and is read-only; the subject is
 * "Re: <subject>" and editable; the body starts with an empty line for the
 * answer, then "On <date>, <sender> wrote:" and the original text quoted.
 *
 * The dialog never sends: the caller connects sendRequested() to
 * EmailConnector::buildMessage(recipients(), body(), sendOptions()) and
 * sendBuiltMessage(message, SendMode::QueueWhenUnreachable), calls
 * setSending(true) while the reply runs, then accept() on success or when the
 * message waits in the outbox (SendReply::isQueued()), and setSendError() on
 * a failure (every field is kept, so the draft survives a failed send).
 *
 * Send (button or Ctrl+Return) is enabled only when there is an address
 * MessageBuilder accepts to reply to and the body holds text the user wrote,
 * not only the quote. Esc cancels.
 */
class ReplyDialog : public QDialog
{
    Q_OBJECT
public:
    /// Longer originals are cut to this many quoted lines, followed by "> [...]".
    static constexpr qsizetype MaxQuotedLines = 200;

    explicit ReplyDialog(const IncomingMessage &original, QWidget *parent = nullptr);

    /**
     * @p text with each line prefixed by "> " (">" before an already quoted
     * line or an empty one, so quotes nest as ">>" and carry no trailing
     * space). Trailing blank lines are dropped; past MaxQuotedLines the
     * quote ends with "> [...]".
     */
    static QString quote(const QString &text);
    /// "On 2026-03-02 09:15, Anna Berg <anna@plant.example> wrote:", in the sender's time.
    static QString attribution(const IncomingMessage &original);
    /// What the body starts with: an empty line, a blank one, the attribution and the quote.
    static QString initialBody(const IncomingMessage &original);
    /**
     * What the user wrote in @p body: every line except quoted ones (starting
     * with '>') and the attribution, trimmed. Empty when only the quote is there.
     */
    static QString ownText(const QString &body, const QString &attribution);

    const IncomingMessage &original() const { return m_original; }

    /// The bare addresses the reply goes to, without duplicates.
    QStringList recipients() const { return m_recipients; }
    QString subject() const;
    void setSubject(const QString &subject);
    QString body() const;
    void setBody(const QString &body);
    /// subject(), In-Reply-To and References as EmailConnector::sendMessage() takes them.
    SendOptions sendOptions() const;

    /// Every reason the reply cannot be sent now, in words; empty when it can.
    QStringList validationErrors() const;
    bool isValid() const { return validationErrors().isEmpty(); }

    /// While true the fields and Send are disabled and "Sending..." is shown.
    void setSending(bool sending);
    bool isSending() const { return m_sending; }
    /// Shows why the send failed and enables the dialog again; every field is kept.
    void setSendError(const QString &message);
    QString sendError() const { return m_sendError; }

    // The widgets, for tests and for callers that want to tweak them.
    QLineEdit *toField() const { return m_to; }
    QLineEdit *subjectField() const { return m_subject; }
    QPlainTextEdit *bodyField() const { return m_body; }
    QPushButton *sendButton() const { return m_sendButton; }
    QLabel *recipientErrorLabel() const { return m_recipientError; }
    QLabel *problemsLabel() const { return m_problems; }
    QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    /// Emits sendRequested() when the reply is valid and no send is running.
    void requestSend();

Q_SIGNALS:
    void sendRequested();

private:
    void updateState();
    void updateStatus();

    IncomingMessage m_original;
    QString m_attribution;
    QStringList m_recipients;
    QStringList m_refusedRecipients;   ///< "address: why", for the inline error
    bool m_sending = false;
    QString m_sendError;

    QLineEdit *m_to = nullptr;
    QLabel *m_recipientError = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_sendButton = nullptr;
};

} // namespace machina
