#include "outboxview.h"

#include "actionicon.h"

#include "emailconnector.h"
#include "outboxmodel.h"
#include "outboxsender.h"
#include "store/outbox.h"
#include "trayhealth.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace machina {

namespace {

bool askWithMessageBox(QWidget *parent, const QString &title, const QString &question)
{
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
           == QMessageBox::Yes;
}

} // namespace

OutboxView::OutboxView(QWidget *parent)
    : QWidget(parent),
      m_model(new OutboxModel(this)),
      m_table(new QTableView(this)),
      m_summary(new QLabel(this)),
      m_retryAction(new QAction(actionIcon(QStringLiteral("view-refresh")), tr("Re&try now"), this)),
      m_cancelAction(new QAction(actionIcon(QStringLiteral("process-stop")), tr("&Cancel"), this)),
      m_retryButton(new QToolButton(this)),
      m_cancelButton(new QToolButton(this)),
      m_confirm(askWithMessageBox)
{
    setObjectName(QStringLiteral("outboxView"));

    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("outboxTable"));
    m_table->setAccessibleName(tr("Outbox"));
    m_table->setAccessibleDescription(tr("Messages waiting to be sent, sent, failed and cancelled, newest first"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the buttons
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(OutboxModel::SubjectColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(OutboxModel::StateColumn, 100);
    m_table->setColumnWidth(OutboxModel::AttemptsColumn, 70);
    m_table->setColumnWidth(OutboxModel::CreatedColumn, 130);
    m_table->setColumnWidth(OutboxModel::ToColumn, 200);
    m_table->setColumnWidth(OutboxModel::ResultColumn, 260);
    m_summary->setBuddy(m_table);

    // The shortcuts work anywhere in the view (table or buttons), not in the rest of the window.
    const auto setUp = [this](QAction *action, const QKeySequence &shortcut, const QString &tip) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        addAction(action);
    };
    setUp(m_retryAction, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
          tr("Queue the selected messages again and try to send them now"));
    setUp(m_cancelAction, QKeySequence(Qt::Key_Delete), tr("Never send the selected messages"));
    connect(m_retryAction, &QAction::triggered, this, &OutboxView::retrySelected);
    connect(m_cancelAction, &QAction::triggered, this, &OutboxView::cancelSelected);

    for (const auto &[button, action, name] : {std::tuple{m_retryButton, m_retryAction, tr("Retry now")},
                                               std::tuple{m_cancelButton, m_cancelAction, tr("Cancel sending")}}) {
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setAccessibleName(name);
    }

    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(m_retryAction);
        menu.addAction(m_cancelAction);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setTabOrder(m_table, m_retryButton);
    setTabOrder(m_retryButton, m_cancelButton);
    setFocusProxy(m_table);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OutboxView::updateActions);
    connect(m_model, &OutboxModel::refreshed, this, [this] {
        updateActions();
        updateSummary();
    });
    updateActions();
    updateSummary();
}

OutboxView::~OutboxView() = default;

void OutboxView::setConnector(EmailConnector *connector)
{
    m_connector = connector;
    m_model->setConnector(connector);
    m_table->setEnabled(m_model->hasOutbox());
    updateActions();
    updateSummary();
}

void OutboxView::setConfirmation(Confirmation confirm)
{
    m_confirm = confirm ? std::move(confirm) : Confirmation(askWithMessageBox);
}

QList<qint64> OutboxView::selectedIds() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (int row : std::as_const(rows))
        ids.append(m_model->entryAt(row).id);
    return ids;
}

bool OutboxView::selectEntry(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(m_model->index(row, 0));
    return true;
}

void OutboxView::updateActions()
{
    bool retry = false;
    bool cancel = false;
    if (m_model->hasOutbox()) {
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
            const OutboxEntry::State state = m_model->entryAt(index.row()).state;
            retry = retry || OutboxModel::canRetry(state);
            cancel = cancel || OutboxModel::canCancel(state);
        }
    }
    m_retryAction->setEnabled(retry);
    m_cancelAction->setEnabled(cancel);
}

void OutboxView::updateSummary()
{
    if (!m_model->hasOutbox()) {
        m_summary->setText(tr("No outbox: the local store is not open, so messages are sent directly "
                              "and none is kept while the server cannot be reached."));
        return;
    }
    const int pending = m_model->pendingCount();
    QString text = pending > 0 ? TrayHealth::outboxText(pending) : tr("No messages waiting in the outbox.");
    if (!m_model->readError().isEmpty())
        text += u'\n' + tr("The outbox could not be read: %1").arg(m_model->readError());
    m_summary->setText(text);
}

void OutboxView::retrySelected()
{
    Outbox *outbox = m_connector ? m_connector->outbox() : nullptr;
    if (!outbox)
        return;
    int queued = 0;
    QString subject;
    for (qint64 id : selectedIds()) {
        const int row = m_model->rowOf(id);
        if (row < 0 || !OutboxModel::canRetry(m_model->entryAt(row).state))
            continue;
        const QString what = m_model->index(row, OutboxModel::SubjectColumn).data().toString();
        if (const ConnectorError error = outbox->retry(id)) {
            Q_EMIT activity(tr("\"%1\" could not be queued again: %2").arg(what, error.message()), true);
            continue;
        }
        if (queued++ == 0)
            subject = what;
    }
    if (queued == 0)
        return;
    if (OutboxSender *sender = m_connector->outboxSender())
        sender->kick(); // at once, whatever the backoff said
    Q_EMIT activity(queued == 1 ? tr("\"%1\" is queued again and sent as soon as the server answers.").arg(subject)
                                : tr("%n messages are queued again and sent as soon as the server answers.", nullptr, queued),
                    false);
}

void OutboxView::cancelSelected()
{
    Outbox *outbox = m_connector ? m_connector->outbox() : nullptr;
    if (!outbox)
        return;
    QList<qint64> ids;
    QStringList subjects;
    for (qint64 id : selectedIds()) {
        const int row = m_model->rowOf(id);
        if (row >= 0 && OutboxModel::canCancel(m_model->entryAt(row).state)) {
            ids.append(id);
            subjects.append(m_model->index(row, OutboxModel::SubjectColumn).data().toString());
        }
    }
    if (ids.isEmpty())
        return;
    const QString question = ids.size() == 1
        ? tr("Cancel \"%1\"? It will never be sent.").arg(subjects.constFirst())
        : tr("Cancel %n messages? They will never be sent.", nullptr, int(ids.size()));
    if (!m_confirm(this, tr("Cancel sending"), question))
        return;
    int cancelled = 0;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        // The sender may have taken it meanwhile: the outbox refuses then, and says so.
        if (const ConnectorError error = outbox->cancel(ids.at(i))) {
            Q_EMIT activity(tr("\"%1\" could not be cancelled: %2").arg(subjects.at(i), error.message()), true);
            continue;
        }
        ++cancelled;
    }
    if (cancelled == 1 && ids.size() == 1)
        Q_EMIT activity(tr("\"%1\" is cancelled: it will not be sent.").arg(subjects.constFirst()), false);
    else if (cancelled > 0)
        Q_EMIT activity(tr("%n messages are cancelled: they will not be sent.", nullptr, cancelled), false);
}

} // namespace machina
