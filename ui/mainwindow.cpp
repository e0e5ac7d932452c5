#include "mainwindow.h"
#include "localdates.h"

#include "accessiblenames.h"
#include "actionicon.h"
#include "addressbookdialog.h"
#include "emailconnector.h"
#include "helpdialogs.h"
#include "inboxmodel.h"
#include "messageview.h"
#include "notifytechniciandialog.h"
#include "outboxmodel.h"
#include "outboxsender.h"
#include "outboxview.h"
#include "replydialog.h"
#include "rostersettings.h"
#include "store/activitylog.h"
#include "store/outbox.h"
#include "trayhealth.h"
#include "workorderdisplay.h"
#include "workordermodel.h"
#include "workorderview.h"

#include <QLocale>
#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace machina {

MainWindow::MainWindow(EmailConnector *connector, QSettings *settings, QWidget *parent)
    : QMainWindow(parent),
      m_connector(connector),
      m_settings(settings),
      m_model(new InboxModel(this)),
      m_filter(new InboxFilterModel(this)),
      m_table(new QTableView),
      m_filterEdit(new QLineEdit),
      m_severityFilter(new QComboBox),
      m_assetFilter(new QLineEdit),
      m_view(new MessageView),
      m_splitter(new QSplitter(Qt::Vertical)),
      m_log(new QListWidget),
      m_outboxView(new OutboxView),
      m_outboxLabel(new QLabel),
      m_workOrderView(new WorkOrderView),
      m_workOrdersLabel(new QLabel),
      m_healthLabel(new QLabel),
      m_pollLabel(new QLabel),
      m_unreadLabel(new QLabel),
      m_watchLabel(new QLabel),
      m_busy(new QProgressBar)
{
    setWindowTitle(tr("Machina Console"));
    setObjectName(QStringLiteral("MainWindow"));
    m_filter->setSourceModel(m_model);

    m_filterEdit->setPlaceholderText(tr("Filter by sender, subject or work order (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &InboxFilterModel::setFilterText);
    m_filterEdit->setAccessibleName(tr("Filter the inbox"));
    AccessibleNames::nameClearButton(m_filterEdit);
    // Alarms by severity and asset, beside the text filter.
    const QList<std::pair<QString, AlarmSeverity>> severities{
        {tr("All mail"), AlarmSeverity::None},
        {tr("Alarms of any severity"), AlarmSeverity::Info},
        {tr("Warning or worse"), AlarmSeverity::Warning},
        {tr("Alarm or worse"), AlarmSeverity::Alarm},
        {tr("Critical only"), AlarmSeverity::Critical},
    };
    for (const auto &[text, severity] : severities)
        m_severityFilter->addItem(text, int(severity));
    m_severityFilter->setAccessibleName(tr("Minimum severity shown"));
    m_severityFilter->setToolTip(tr("Show only alarm mails of this severity or worse (Alt+E)"));
    connect(m_severityFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setMinimumSeverity(AlarmSeverity(m_severityFilter->itemData(index).toInt()));
    });
    m_assetFilter->setPlaceholderText(tr("P-201 or P-"));
    m_assetFilter->setClearButtonEnabled(true);
    m_assetFilter->setAccessibleName(tr("Asset shown"));
    AccessibleNames::nameClearButton(m_assetFilter);
    m_assetFilter->setToolTip(tr("Show only alarms on assets that start with this (Alt+S)"));
    m_assetFilter->setMaximumWidth(180);
    connect(m_assetFilter, &QLineEdit::textChanged, m_filter, &InboxFilterModel::setAssetFilter);

    m_table->setModel(m_filter);
    m_table->setAccessibleName(tr("Inbox"));
    m_table->setAccessibleDescription(tr("The messages, newest first; the selected one is shown below"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSelected);

    auto *inboxPane = new QWidget;
    auto *inboxLayout = new QVBoxLayout(inboxPane);
    inboxLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    auto *severityLabel = new QLabel(tr("S&everity:"));
    severityLabel->setBuddy(m_severityFilter);
    filterRow->addWidget(severityLabel);
    filterRow->addWidget(m_severityFilter);
    auto *assetLabel = new QLabel(tr("A&sset:"));
    assetLabel->setBuddy(m_assetFilter);
    filterRow->addWidget(assetLabel);
    filterRow->addWidget(m_assetFilter);
    inboxLayout->addLayout(filterRow);
    inboxLayout->addWidget(m_table);
    setTabOrder(m_filterEdit, m_severityFilter);
    setTabOrder(m_severityFilter, m_assetFilter);
    setTabOrder(m_assetFilter, m_table);
    m_splitter->setObjectName(QStringLiteral("inboxSplitter"));
    m_splitter->addWidget(inboxPane);
    m_splitter->addWidget(m_view);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    setCentralWidget(m_splitter);

    auto *dock = new QDockWidget(tr("Activity"), this);
    dock->setObjectName(QStringLiteral("activityDock"));
    m_log->setAccessibleName(tr("Activity log"));
    dock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    // The outbox shares the activity log's place, as a tab behind it.
    m_outboxDock = new QDockWidget(tr("Outbox"), this);
    m_outboxDock->setObjectName(QStringLiteral("outboxDock"));
    m_outboxDock->setWidget(m_outboxView);
    addDockWidget(Qt::BottomDockWidgetArea, m_outboxDock);
    tabifyDockWidget(dock, m_outboxDock);
    // The work orders too: the supervisor brings them up with Ctrl+Shift+W.
    m_workOrderDock = new QDockWidget(tr("Work orders"), this);
    m_workOrderDock->setObjectName(QStringLiteral("workOrderDock"));
    m_workOrderDock->setWidget(m_workOrderView);
    addDockWidget(Qt::BottomDockWidgetArea, m_workOrderDock);
    tabifyDockWidget(m_outboxDock, m_workOrderDock);
    dock->raise();
    connect(m_outboxView, &OutboxView::activity, this, &MainWindow::logActivity);
    connect(m_workOrderView, &WorkOrderView::cancelRequested, this, &MainWindow::cancelWorkOrder);
    // Earlier runs' log first, then what this one does.
    restoreActivity();

    statusBar()->addWidget(m_healthLabel, 1);
    m_busy->setRange(0, 0); // busy, no percentage: listing and sending report no sizes up front
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_watchLabel);
    statusBar()->addPermanentWidget(m_pollLabel);
    statusBar()->addPermanentWidget(m_outboxLabel);
    statusBar()->addPermanentWidget(m_workOrdersLabel);
    statusBar()->addPermanentWidget(m_unreadLabel);
    connect(m_model, &InboxModel::unreadCountChanged, this, &MainWindow::updateStatus);

    createActions();
    connect(m_view, &MessageView::saveFailed, this, [this](const QString &why) { logActivity(why, true); });
    connect(m_view, &MessageView::attachmentSaved, this,
            [this](const QString &path) { logActivity(tr("Saved %1").arg(path)); });

    bindConnector();
    setWorkOrderSettings(WorkOrderSettings());
    setWorkOrderService(nullptr);
    restoreLayout();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::bindConnector()
{
    connect(m_connector, &EmailConnector::healthChanged, this, &MainWindow::setHealth);
    connect(m_connector, &EmailConnector::messageSent, this, [this](const QString &id, const QStringList &to) {
        logActivity(tr("Sent <%1> to %2").arg(id, to.join(QStringLiteral(", "))));
    });
    // The outbox: its view, the count in the status bar and the tray, what the
    // drainer could not send (a dialog's own send reports its outcome itself).
    m_outboxView->setConnector(m_connector);
    connect(m_connector, &EmailConnector::outboxChanged, this, &MainWindow::updateOutboxStatus);
    if (OutboxSender *sender = m_connector->outboxSender()) {
        connect(sender, &OutboxSender::entryFailed, this, [this](qint64, const QString &id, const QString &error) {
            if (!m_dialogSends.contains(id))
                logActivity(tr("<%1> could not be sent; it stays in the outbox as failed: %2").arg(id, error), true);
        });
    }
    updateOutboxStatus();
    // New mail shows up on its own: the connector watches the INBOX (IDLE, else
    // a poll every poll_interval) and the window lists the headers again.
    connect(m_connector, &EmailConnector::inboxChanged, this, &MainWindow::refresh);
    connect(m_connector, &EmailConnector::inboxWatchStatusChanged, this, [this](const QString &status) {
        const bool problem = status.startsWith(QStringLiteral("cannot"));
        m_watchLabel->setText(problem ? tr("Inbox not watched") : tr("Live"));
        m_watchLabel->setToolTip(status);
        logActivity(tr("Inbox: %1").arg(status), problem);
    });
    setHealth(m_connector->healthCheck());
    m_connector->watchInbox(true);
}

void MainWindow::setConnector(EmailConnector *connector)
{
    if (connector == m_connector)
        return;
    disconnect(m_connector, nullptr, this, nullptr);
    if (OutboxSender *sender = m_connector->outboxSender())
        disconnect(sender, nullptr, this, nullptr);
    m_connector->watchInbox(false);
    m_connector = connector;
    m_shownId.clear();
    m_view->clear();
    m_model->setMessages({});
    m_firstLoad = true;
    m_cacheTried = false;
    m_refreshing = false; // a listing still running for the old account is ignored when it ends
    m_busyWork.clear();    // and what the old connector was doing no longer shows
    m_busy->hide();
    m_busy->setRange(0, 0);
    bindConnector();
    updateStatus();
    refresh();
}

int MainWindow::beginBusy(const QString &what)
{
    const int token = ++m_busySeq;
    m_busyWork.insert(token, what);
    m_busy->setToolTip(m_busyWork.values().join(QLatin1Char('\n')));
    m_busy->show();
    return token;
}

void MainWindow::endBusy(int token)
{
    m_busyWork.remove(token);
    m_busy->setToolTip(m_busyWork.values().join(QLatin1Char('\n')));
    m_busy->setVisible(!m_busyWork.isEmpty());
    if (m_busyWork.isEmpty())
        m_busy->setRange(0, 0); // back to "busy" for the next operation
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QKeySequence &shortcut, const QString &themeIcon) {
        auto *action = new QAction(actionIcon(themeIcon), text, this);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setToolTip(shortcut.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText)));
        return action;
    };
    m_notifyAction = make(tr("&Notify technician..."), QKeySequence(Qt::CTRL | Qt::Key_N), QStringLiteral("mail-message-new"));
    m_replyAction = make(tr("&Reply..."), QKeySequence(Qt::CTRL | Qt::Key_R), QStringLiteral("mail-reply-sender"));
    m_refreshAction = make(tr("Re&fresh"), QKeySequence(Qt::Key_F5), QStringLiteral("view-refresh"));
    m_markReadAction = make(tr("Mark &read"), QKeySequence(Qt::CTRL | Qt::Key_M), QStringLiteral("mail-mark-read"));
    m_markUnreadAction = make(tr("Mark &unread"), QKeySequence(Qt::CTRL | Qt::Key_U), QStringLiteral("mail-mark-unread"));
    m_settingsAction = make(tr("&Settings..."), QKeySequence(Qt::CTRL | Qt::Key_Comma), QStringLiteral("preferences-system"));
    m_addressBookAction = make(tr("&Technicians..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), QStringLiteral("x-office-address-book"));
    m_quitAction = make(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), QStringLiteral("application-exit"));
    auto *findAction = make(tr("&Find"), QKeySequence::Find, QStringLiteral("edit-find"));
    m_outboxAction = make(tr("&Outbox"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), QStringLiteral("mail-queue"));
    m_workOrdersAction = make(tr("&Work orders"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                              QStringLiteral("view-list-details"));

    connect(m_notifyAction, &QAction::triggered, this, &MainWindow::notifyTechnician);
    connect(m_replyAction, &QAction::triggered, this, &MainWindow::replyToSelected);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_markReadAction, &QAction::triggered, this, [this] { markSelected(true); });
    connect(m_markUnreadAction, &QAction::triggered, this, [this] { markSelected(false); });
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(m_addressBookAction, &QAction::triggered, this, &MainWindow::editAddressBook);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quitRequested);
    connect(m_outboxAction, &QAction::triggered, this, &MainWindow::showOutbox);
    connect(m_workOrdersAction, &QAction::triggered, this, &MainWindow::showWorkOrders);
    connect(findAction, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_settingsAction);
    file->addAction(m_addressBookAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *message = menuBar()->addMenu(tr("&Message"));
    message->addAction(m_notifyAction);
    message->addAction(m_replyAction);
    message->addSeparator();
    message->addAction(m_markReadAction);
    message->addAction(m_markUnreadAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(findAction);
    view->addSeparator();
    view->addAction(m_outboxAction);
    view->addAction(m_workOrdersAction);

    // Help: the shortcuts (F1), the technicians' reply codes, About.
    auto *shortcutsAction = make(tr("&Keyboard shortcuts"), QKeySequence(QKeySequence::HelpContents),
                                 QStringLiteral("preferences-desktop-keyboard-shortcuts"));
    shortcutsAction->setObjectName(QStringLiteral("helpShortcutsAction"));
    auto *replyCodesAction = make(tr("&Reply codes"), QKeySequence(), QStringLiteral("help-faq"));
    replyCodesAction->setObjectName(QStringLiteral("helpReplyCodesAction"));
    auto *aboutAction = make(tr("&About Machina Console"), QKeySequence(), QStringLiteral("help-about"));
    aboutAction->setObjectName(QStringLiteral("helpAboutAction"));
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(shortcutsAction, &QAction::triggered, this, [this] {
        // Read from the actions now: every action of the window and its docks with a shortcut.
        HelpDialogs::shortcuts(findChildren<QAction *>(), this)->open();
    });
    connect(replyCodesAction, &QAction::triggered, this,
            [this] { HelpDialogs::replyCodes(m_workOrderSettings.replyCodes, this)->open(); });
    connect(aboutAction, &QAction::triggered, this, [this] { HelpDialogs::about(this)->open(); });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(shortcutsAction);
    help->addAction(replyCodesAction);
    help->addSeparator();
    help->addAction(aboutAction);

    QToolBar *toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(QStringLiteral("actionsToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    AccessibleNames::nameExtensionButton(toolbar);
    toolbar->addAction(m_notifyAction);
    toolbar->addAction(m_replyAction);
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_markReadAction);
    toolbar->addAction(m_markUnreadAction);
    toolbar->addAction(m_outboxAction);
    toolbar->addAction(m_workOrdersAction);
    toolbar->addAction(m_settingsAction);
    addAction(findAction);
}

QStringList MainWindow::addressBook() const
{
    return RosterSettings::entries(m_workOrderSettings.technicians);
}

void MainWindow::setWorkOrderSettings(const WorkOrderSettings &settings)
{
    m_accountWorkOrders = settings;
    m_workOrderSettings = settings;
    m_workOrderSettings.technicians = RosterSettings::merge(settings.technicians, RosterSettings::load(*m_settings));
    m_model->setAlarmRecognizer(m_workOrderSettings.recognizer());
}

void MainWindow::setWorkOrderService(WorkOrderService *service)
{
    if (m_workOrders && service == m_workOrders)
        return;
    if (m_workOrders) {
        disconnect(m_workOrders, nullptr, this, nullptr);
        if (m_workOrders->parent() == this)
            m_workOrders->deleteLater();
    }
    m_workOrders = service;
    m_workOrderView->setAvailable(service != nullptr,
                                  tr("Work orders are tracked for IMAP accounts. This account sends plain "
                                     "notifications: Notify technician (Ctrl+N) still works."));
    if (service) {
        connect(service, &WorkOrderService::changed, this, &MainWindow::refreshWorkOrders);
        connect(service, &WorkOrderService::escalated, this, [this](const WorkOrder &order) {
            logActivity(tr("%1 escalated to %2: nobody acknowledged in time")
                            .arg(order.id, WorkOrderDisplay::personName(order.assigneeEntry())));
            Q_EMIT workOrderEscalated(order);
        });
        connect(service, &WorkOrderService::escalationExhausted, this, [this](const WorkOrder &order) {
            logActivity(TrayHealth::exhaustedText(order), true);
            Q_EMIT workOrderEscalationExhausted(order);
        });
        connect(service, &WorkOrderService::replyApplied, this,
                [this](const WorkOrder &order, const QString &from, const QString &) {
                    logActivity(tr("Reply from %1 to %2: %3 now").arg(from, order.id, WorkOrderDisplay::stateText(order.state)));
                });
        connect(service, &WorkOrderService::replyIgnored, this,
                [this](const QString &id, const QString &from, const QString &reason) {
                    logActivity(tr("Reply from %1 to %2 ignored: %3").arg(from, id, reason));
                });
        connect(service, &WorkOrderService::problem, this, [this](const ConnectorError &error) {
            logActivity(tr("Work orders: %1").arg(error.message()), true);
        });
    }
    refreshWorkOrders();
}

void MainWindow::refreshWorkOrders()
{
    if (m_workOrders)
        m_workOrderView->setOrders(m_workOrders->workOrders());
    updateWorkOrderStatus();
}

void MainWindow::updateWorkOrderStatus()
{
    const int count = m_workOrders ? m_workOrders->unacknowledgedCount() : 0;
    m_workOrdersLabel->setText(TrayHealth::unacknowledgedText(count));
    m_workOrdersLabel->setToolTip(
        m_workOrders ? tr("Open the work orders (%1)").arg(m_workOrdersAction->shortcut().toString(QKeySequence::NativeText))
                     : QString());
    if (count == m_unacknowledged)
        return;
    m_unacknowledged = count;
    Q_EMIT unacknowledgedWorkOrdersChanged(count);
}

void MainWindow::showWorkOrders()
{
    m_workOrderDock->show();
    m_workOrderDock->raise();
    m_workOrderView->table()->setFocus(Qt::ShortcutFocusReason);
    if (!m_workOrderView->table()->currentIndex().isValid() && m_workOrderView->proxy()->rowCount() > 0)
        m_workOrderView->table()->selectRow(0);
}

void MainWindow::cancelWorkOrder(const QString &id)
{
    if (!m_workOrders)
        return;
    m_workOrders->cancel(id, [self = QPointer<MainWindow>(this), id](const ConnectorError &error) {
        if (!self)
            return;
        if (error) {
            self->logActivity(tr("%1 could not be cancelled: %2").arg(id, error.message()), true);
            return;
        }
        self->logActivity(tr("%1 is cancelled.").arg(id));
        self->refreshWorkOrders();
    });
}

void MainWindow::addLogItem(const QDateTime &at, const QString &text, bool isError)
{
    // Today's entries by their time; earlier runs' entries with their date too.
    const QDateTime local = at.toLocalTime();
    // The date as the desktop's language writes it; the time to the second, as a log needs.
    const QString time = local.toString(QStringLiteral("HH:mm:ss"));
    const QString when = local.date() == QDate::currentDate()
        ? time
        : QStringLiteral("%1 %2").arg(LocalDates::shortDate(local.date()), time);
    auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(when, text));
    if (isError) // an icon, not colour alone
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    item->setData(Qt::UserRole, isError);
    m_log->addItem(item);
}

void MainWindow::restoreActivity()
{
    ActivityLog *stored = m_connector->activityLog();
    if (!stored)
        return;
    const QList<ActivityLog::Entry> entries = stored->recent(MaxLogEntries);
    m_log->setUpdatesEnabled(false);
    for (const ActivityLog::Entry &entry : entries)
        addLogItem(entry.at, entry.text, entry.isError);
    m_log->setUpdatesEnabled(true);
    m_log->scrollToBottom();
}

void MainWindow::logActivity(const QString &text, bool isError)
{
    const QDateTime now = QDateTime::currentDateTime();
    addLogItem(now, text, isError);
    m_log->scrollToBottom();
    while (m_log->count() > MaxLogEntries)
        delete m_log->takeItem(0);
    if (ActivityLog *stored = m_connector ? m_connector->activityLog() : nullptr) {
        if (const ConnectorError error = stored->append(text, isError, now.toUTC()))
            qWarning("machina-console: %s", qUtf8Printable(error.message())); // the dock still has it
    }
    Q_EMIT activityLogged(text, isError);
}

void MainWindow::updateOutboxStatus()
{
    const Outbox *outbox = m_connector->outbox();
    const int pending = outbox ? outbox->pendingCount() : 0;
    m_outboxLabel->setText(TrayHealth::outboxText(pending));
    m_outboxLabel->setToolTip(outbox ? tr("Open the outbox (%1)").arg(m_outboxAction->shortcut().toString(QKeySequence::NativeText))
                                     : QString());
    if (pending == m_outboxPending)
        return;
    m_outboxPending = pending;
    Q_EMIT outboxPendingChanged(pending);
}

void MainWindow::showOutbox()
{
    m_outboxDock->show();
    m_outboxDock->raise();
    m_outboxView->table()->setFocus(Qt::ShortcutFocusReason);
    if (!m_outboxView->table()->currentIndex().isValid() && m_outboxView->model()->rowCount() > 0)
        m_outboxView->table()->selectRow(0);
}

void MainWindow::setHealth(const ConnectorHealth &health)
{
    m_healthLabel->setText(QStringLiteral("%1: %2").arg(TrayHealth::statusWord(health.status), health.message));
    m_healthLabel->setToolTip(health.message);
}

int MainWindow::maxRows() const
{
    return m_settings->value(QStringLiteral("inbox/maxRows"), DefaultMaxRows).toInt();
}

void MainWindow::refresh()
{
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    m_refreshAgain = false;
    if (m_firstLoad && !m_cacheTried && m_connector->messageCache()) {
        // Painted from the local cache before any network traffic (offline too); the refresh
        // that follows is a sync that asks the server only for what changed. An empty cache
        // (or one that cannot be read) leaves the first listing to fill it.
        m_cacheTried = true;
        InboxListReply *cached = m_connector->listCachedMessages(false, maxRows());
        connect(cached, &ConnectorReply::finished, this, [this, cached, connector = QPointer(m_connector)] {
            cached->deleteLater();
            if (connector != m_connector)
                return;
            if (!cached->error() && !cached->messages().isEmpty()) {
                m_model->setMessages(cached->messages());
                m_firstLoad = false;
                m_pollLabel->setText(tr("Shown from the local cache; checking the server"));
            }
            m_refreshing = false;
            refresh();
        });
        return;
    }
    // The first listing streams in, newest batch first; later ones fetch only
    // what changed (new headers, flags of the known rows, removed ids).
    const bool first = m_firstLoad;
    const int busy = beginBusy(first ? tr("Listing the inbox") : tr("Checking the inbox"));
    InboxListReply *reply = first ? m_connector->listMessages(false, maxRows())
                                  : m_connector->syncInbox(m_model->ids(), maxRows());
    if (first) {
        connect(reply, &InboxListReply::rowsListed, this, [this, reply, connector = QPointer(m_connector)](const QList<MessageSummary> &rows) {
            if (connector != m_connector)
                return;
            m_model->addMessages(rows);
            m_pollLabel->setText(tr("Listed %L1 of %L2").arg(m_model->rowCount()).arg(reply->total()));
            if (reply->total() > 0) { // a long first listing shows how far it got
                m_busy->setRange(0, reply->total());
                m_busy->setValue(std::min(m_model->rowCount(), reply->total()));
            }
        });
    }
    connect(reply, &ConnectorReply::finished, this, [this, reply, busy, first, connector = QPointer(m_connector)] {
        reply->deleteLater();
        endBusy(busy);
        if (connector != m_connector)
            return; // listed for the account used before setConnector()
        m_refreshing = false;
        if (m_refreshAgain)
            QTimer::singleShot(0, this, &MainWindow::refresh);
        if (reply->error()) {
            logActivity(tr("Could not refresh the inbox: %1").arg(reply->error().message()), true);
            m_pollLabel->setText(tr("Not refreshed"));
            return; // a first listing that failed is tried whole again next time
        }
        int fresh = 0;
        QString firstSubject;
        if (first) {
            m_firstLoad = false; // the rows came with rowsListed()
        } else {
            // Keep the selection and scroll position: rows change in place.
            m_model->removeMessages(reply->removedIds());
            const QHash<QString, bool> seen = reply->seenStates();
            for (auto it = seen.cbegin(); it != seen.cend(); ++it)
                m_model->setSeen(it.key(), it.value());
            const QList<MessageSummary> rows = reply->messages();
            for (const MessageSummary &row : rows) {
                if (!row.seen && fresh++ == 0)
                    firstSubject = row.subject;
            }
            m_model->addMessages(rows);
        }
        if (fresh > 0) {
            logActivity(tr("%n new message(s), the first: %1", nullptr, fresh).arg(firstSubject));
            Q_EMIT newMailArrived(fresh, firstSubject);
        }
        m_pollLabel->setText(tr("Last poll %1").arg(LocalDates::shortTime(QTime::currentTime())));
        updateStatus();
    });
}

QStringList MainWindow::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.append(index.data(InboxModel::IdRole).toString());
    return ids;
}

void MainWindow::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_view->clear();
        m_shownId.clear();
        return;
    }
    const QString id = current.data(InboxModel::IdRole).toString();
    if (id == m_shownId)
        return;
    m_shownId = id;
    const int busy = beginBusy(tr("Opening the message"));
    MessageReply *reply = m_connector->fetchMessage(id);
    connect(reply, &ConnectorReply::finished, this, [this, reply, id, busy] {
        reply->deleteLater();
        endBusy(busy);
        if (id != m_shownId)
            return; // the user moved on meanwhile
        if (reply->error()) {
            logActivity(tr("Could not open the message: %1").arg(reply->error().message()), true);
            return;
        }
        m_view->setMessage(reply->message());
        m_model->setBodyText(id, reply->message().text);
    });
}

void MainWindow::markSelected(bool seen)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    ConnectorReply *reply = m_connector->setSeen(ids, seen);
    connect(reply, &ConnectorReply::finished, this, [this, reply, ids, seen] {
        reply->deleteLater();
        if (reply->error()) {
            logActivity(tr("Could not mark %n message(s): %1", nullptr, int(ids.size())).arg(reply->error().message()), true);
            return;
        }
        for (const QString &id : ids)
            m_model->setSeen(id, seen);
        updateStatus();
    });
}

template <class Dialog>
void MainWindow::sendFrom(Dialog *dialog, const SendTexts &texts)
{
    dialog->setSending(true);
    const SendOptions options = dialog->sendOptions();
    const QStringList to = dialog->recipients();
    const QString subject = options.subject;
    const int busy = beginBusy(texts.busy);
    // Built here, so that its Message-ID is known before it goes into the outbox.
    const MessageBuilder::Result built = m_connector->buildMessage(to, dialog->body(), options);
    SendReply *reply = nullptr;
    QString messageId;
    if (built.message) {
        messageId = built.message->messageId;
        m_dialogSends.insert(messageId);
        reply = m_connector->sendBuiltMessage(*built.message, EmailConnector::SendMode::QueueWhenUnreachable);
    } else {
        reply = new SendReply;
        reply->finish(built.error);
    }
    // The outcome is logged even when the dialog was closed meanwhile.
    connect(reply, &ConnectorReply::finished, this,
            [this, reply, guard = QPointer<Dialog>(dialog), texts, subject, to, busy, messageId] {
        reply->deleteLater();
        endBusy(busy);
        m_dialogSends.remove(messageId);
        if (reply->error() && reply->isQueued()) {
            // Not a failure: the outbox keeps it and sends it when the server answers.
            logActivity(texts.queued.arg(subject, reply->error().message()));
            statusBar()->showMessage(MainWindow::tr("\"%1\" is in the outbox and will be sent when the server answers.").arg(subject),
                                     10000);
            if (guard) {
                guard->setSending(false);
                guard->accept();
            }
            return;
        }
        if (reply->error()) {
            logActivity(texts.notSent.arg(subject, reply->error().message()), true);
            if (guard) { // the draft stays in the dialog; say what to do in plain words
                guard->setSending(false);
                guard->setSendError(reply->error().message());
            }
            return;
        }
        logActivity(texts.sent.arg(to.join(QStringLiteral(", ")), subject));
        if (guard) {
            guard->setSending(false);
            guard->accept();
        }
    });
}

void MainWindow::notifyTechnician()
{
    auto *dialog = new NotifyTechnicianDialog(addressBook(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWorkOrderSettings(m_workOrderSettings);
    dialog->setWorkOrderMode(m_workOrders != nullptr);
    prefillFromSelection(dialog);
    connect(dialog, &NotifyTechnicianDialog::sendRequested, this, [this, dialog] {
        if (dialog->isWorkOrderMode() && m_workOrders) {
            createWorkOrder(dialog);
            return;
        }
        sendFrom(dialog, {tr("Sending the notification"), tr("Notification \"%1\" not sent: %2"),
                          tr("Notification \"%1\" is in the outbox and will be sent when the server answers. Not sent now: %2"),
                          tr("Notified %1: %2")});
    });
    dialog->open();
}

void MainWindow::prefillFromSelection(NotifyTechnicianDialog *dialog) const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const int row = m_filter->mapToSource(current).row();
    const std::optional<Alarm> alarm = m_model->alarmAt(row);
    if (!alarm)
        return;
    const MessageSummary summary = m_model->messageAt(row);
    // The body when it is loaded (the message shown is this one), else the subject.
    const IncomingMessage &shown = m_view->message();
    const bool loaded = shown.backendId == summary.id && !shown.text.trimmed().isEmpty();
    dialog->prefillFromAlarm(*alarm, loaded ? shown.text : summary.subject, summary.messageId);
}

void MainWindow::createWorkOrder(NotifyTechnicianDialog *dialog)
{
    dialog->setSending(true);
    const WorkOrderRequest request = dialog->request();
    const QString who = WorkOrderDisplay::personName(request.chain.value(0));
    const QString what = QStringLiteral("%1 %2").arg(request.asset, request.summary).trimmed();
    const int busy = beginBusy(tr("Creating the work order"));
    m_workOrders->create(request, [self = QPointer<MainWindow>(this), guard = QPointer<NotifyTechnicianDialog>(dialog),
                                   who, what, busy](const WorkOrderService::Created &created) {
        if (!self)
            return;
        self->endBusy(busy);
        if (created.error && !created.queued) {
            self->logActivity(tr("Work order \"%1\" not created: %2").arg(what, created.error.message()), true);
            if (guard) // the draft stays in the dialog
                guard->setSendError(created.error.message());
            return;
        }
        const QString id = created.order.id;
        QString text;
        if (created.queued) {
            // Not a failure: the outbox sends it when the server answers.
            text = tr("%1 for %2 is in the outbox; other consoles see it once it is sent.").arg(id, who);
            self->logActivity(created.error ? tr("%1 Not sent now: %2").arg(text, created.error.message()) : text);
        } else {
            text = tr("%1 sent to %2").arg(id, who);
            self->logActivity(text);
        }
        self->statusBar()->showMessage(text, 15000);
        self->refreshWorkOrders();
        if (guard) {
            guard->setSending(false);
            guard->accept();
        }
    });
}

void MainWindow::replyToSelected()
{
    const IncomingMessage &message = m_view->message();
    if (m_shownId.isEmpty() || message.backendId != m_shownId) {
        statusBar()->showMessage(tr("Select a message to reply to."), 4000);
        return;
    }
    auto *dialog = new ReplyDialog(message, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReplyDialog::sendRequested, this, [this, dialog] {
        sendFrom(dialog, {tr("Sending the reply"), tr("Reply \"%1\" not sent: %2"),
                          tr("Reply \"%1\" is in the outbox and will be sent when the server answers. Not sent now: %2"),
                          tr("Replied to %1: %2")});
    });
    dialog->open();
}

void MainWindow::editAddressBook()
{
    // This console's roster; technicians from the account config are added to it, not edited here.
    auto *dialog = new AddressBookDialog(QStringList(), this);
    dialog->setTechnicians(RosterSettings::load(*m_settings));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<Technician> roster = dialog->technicians();
        RosterSettings::save(*m_settings, roster);
        m_settings->sync();
        setWorkOrderSettings(m_accountWorkOrders);
        logActivity(tr("Address book saved: %n technician(s)", nullptr, int(roster.size())));
    });
    dialog->open();
}

void MainWindow::updateStatus()
{
    m_unreadLabel->setText(tr("%n unread", nullptr, m_model->unreadCount()));
}

void MainWindow::restoreLayout()
{
    // First start: a size where the inbox and the message are both readable.
    resize(1100, 760);
    m_splitter->setSizes({300, 420});
    m_table->setColumnWidth(0, 140);
    m_table->setColumnWidth(1, 220);
    m_table->setColumnWidth(3, 120);
    m_table->setColumnWidth(4, 32);
    m_table->setColumnWidth(InboxModel::SeverityColumn, 110);
    m_table->setColumnWidth(InboxModel::AssetColumn, 80);
    // Severity and asset before the subject: what an alarm is about, at a glance.
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(InboxModel::SeverityColumn), 2);
    header->moveSection(header->visualIndex(InboxModel::AssetColumn), 3);
    m_settings->beginGroup(QStringLiteral("window"));
    restoreGeometry(m_settings->value(QStringLiteral("geometry")).toByteArray());
    restoreState(m_settings->value(QStringLiteral("state")).toByteArray());
    m_splitter->restoreState(m_settings->value(QStringLiteral("splitter")).toByteArray());
    // Columns saved for another set of columns (an older version) are not restored.
    if (m_settings->value(QStringLiteral("columnCount")).toInt() == InboxModel::ColumnCount)
        header->restoreState(m_settings->value(QStringLiteral("columns")).toByteArray());
    m_settings->endGroup();
}

void MainWindow::saveLayout()
{
    m_settings->beginGroup(QStringLiteral("window"));
    m_settings->setValue(QStringLiteral("geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("state"), saveState());
    m_settings->setValue(QStringLiteral("splitter"), m_splitter->saveState());
    m_settings->setValue(QStringLiteral("columns"), m_table->horizontalHeader()->saveState());
    m_settings->setValue(QStringLiteral("columnCount"), int(InboxModel::ColumnCount));
    m_settings->endGroup();
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (m_hideOnClose) {
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace machina
