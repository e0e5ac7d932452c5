#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QTableView;
class QToolButton;

namespace machina {

class EmailConnector;
class OutboxModel;

/**
 * The outbox, for the supervisor: a table of every queued, sent, failed and
 * cancelled message (OutboxModel) with the actions
 *
 *  - Retry now (Ctrl+Shift+R): the selected failed, cancelled or waiting
 *    entries are queued again, due now (Outbox::retry()), and the sender is
 *    kicked to try at once (OutboxSender::kick());
 *  - Cancel (Delete): the selected queued or failed entries are never sent
 *    (Outbox::cancel()), after a confirmation.
 *
 * Each action is enabled only while the selection holds an entry whose state
 * allows it; both are on the buttons below the table and in its context menu
 * (the Menu key), and their shortcuts work while the view has the focus.
 * Above the table a line says how many messages wait. What the actions did
 * (or why they could not) is reported through activity(), for the main
 * window's activity log.
 */
class OutboxView : public QWidget
{
    Q_OBJECT
public:
    /// Asks @p question (Yes/No) on behalf of @p parent; true for Yes.
    using Confirmation = std::function<bool(QWidget *parent, const QString &title, const QString &question)>;

    explicit OutboxView(QWidget *parent = nullptr);
    ~OutboxView() override;

    /// Shows @p connector's outbox from now on (null: none).
    void setConnector(EmailConnector *connector);

    OutboxModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QAction *retryAction() const { return m_retryAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QToolButton *retryButton() const { return m_retryButton; }
    QToolButton *cancelButton() const { return m_cancelButton; }
    /// "3 messages waiting in the outbox", or why there is no outbox.
    QLabel *summaryLabel() const { return m_summary; }

    /// The ids of the selected entries, in table order.
    QList<qint64> selectedIds() const;
    /// Selects entry @p id alone and makes it current; false when it is not listed.
    bool selectEntry(qint64 id);

    /// Replaces the Cancel confirmation (a QMessageBox by default), e.g. for tests.
    void setConfirmation(Confirmation confirm);

public Q_SLOTS:
    void retrySelected();
    void cancelSelected();

Q_SIGNALS:
    /// What an action did, in words, for the activity log.
    void activity(const QString &text, bool isError);

private:
    void updateActions();
    void updateSummary();

    QPointer<EmailConnector> m_connector;
    OutboxModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QAction *m_retryAction;
    QAction *m_cancelAction;
    QToolButton *m_retryButton;
    QToolButton *m_cancelButton;
    Confirmation m_confirm;
};

} // namespace machina
