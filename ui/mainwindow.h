#pragma once

#include "connectorhealth.h"
#include "incomingmessage.h"
#include "workorderservice.h"
#include "workorders/workorder.h"
#include "workorders/workordersettings.h"

#include <QDateTime>
#include <QMainWindow>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <algorithm>

class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QSettings;
class QSplitter;
class QTableView;

namespace machina {

class EmailConnector;
class InboxFilterModel;
class InboxModel;
class MessageView;
class NotifyTechnicianDialog;
class OutboxView;
class WorkOrderTracker;
class WorkOrderView;

/**
 * The supervisor's main window: the inbox (headers only) with a filter, the
 * selected message below it, the activity log and the outbox (OutboxView) in
 * docks, and the actions Notify technician (Ctrl+N), Reply (Ctrl+R), Refresh
 * (F5), Mark read / unread, Outbox (Ctrl+Shift+O) and Settings. It talks to
 * the EmailConnector only; no socket code here.
 *
 * Notifications and replies are built with EmailConnector::buildMessage() and
 * sent with sendBuiltMessage(..., SendMode::QueueWhenUnreachable): when the
 * server cannot take them now they stay in the outbox (the reply says
 * isQueued()), the dialog closes, and the status bar and the activity log
 * say that the message goes out when the server answers. A permanent failure
 * keeps the dialog open with the error.
 *
 * With the connector's store open, the activity log is kept in it
 * (ActivityLog): the dock starts with the newest entries of earlier runs,
 * and every new one is appended there too. The status bar says how many
 * messages wait in the outbox (outboxPendingChanged() tells the tray).
 *
 * Alarm mails: the inbox shows their severity and asset (read with the
 * account's alarm rules, setWorkOrderSettings()), sorts by them and filters
 * by a minimum severity and an asset above the table. With a work-order
 * tracker (setWorkOrderTracker(), IMAP accounts), Notify technician makes a
 * work order: the dialog is prefilled from the selected alarm and the
 * roster, and its request goes to WorkOrderTracker::create(); the status bar
 * and the log say "WO-2026-0007 sent to Anna Berg" or that it waits in the
 * outbox. The Work orders dock (WorkOrderView, Ctrl+Shift+W) lists them with
 * their timelines and cancels them; the status bar (and, through
 * unacknowledgedWorkOrdersChanged(), the tray) counts those nobody has
 * acknowledged; escalations and ignored replies go to the log, and the tray
 * is told of escalations (workOrderEscalated(), workOrderEscalationExhausted()).
 * Without a tracker (a Gmail API account) Notify technician sends a plain
 * notification, prefilled the same way.
 *
 * The Help menu (HelpDialogs) lists the keyboard shortcuts read from the
 * actions themselves (F1), the technicians' reply codes of the account's
 * settings, and About (version and the libraries' licences). Action icons
 * come from the desktop's theme, else from the bundled SVGs (actionIcon()).
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// @p settings keeps geometry, splitter and column widths, and the technicians' roster (RosterSettings).
    MainWindow(EmailConnector *connector, QSettings *settings, QWidget *parent = nullptr);

    /// The newest messages listed at most (QSettings "inbox/maxRows"; 0 lists all).
    static constexpr int DefaultMaxRows = 20000;
    ~MainWindow() override;

    InboxModel *inboxModel() const { return m_model; }
    InboxFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    MessageView *messageView() const { return m_view; }
    QListWidget *activityLog() const { return m_log; }
    /// The most entries the activity dock keeps (as many as the store's log: ActivityLog::Capacity).
    static constexpr int MaxLogEntries = 10000;
    OutboxView *outboxView() const { return m_outboxView; }
    QDockWidget *outboxDock() const { return m_outboxDock; }
    /// The status bar's "3 messages waiting in the outbox" (empty when none wait).
    QLabel *outboxLabel() const { return m_outboxLabel; }
    /// Messages queued or sending in the outbox, as last counted.
    int outboxPending() const { return std::max(m_outboxPending, 0); }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    /// Above the inbox: the minimum severity shown (all mail, alarms of any severity, ... critical only).
    QComboBox *severityFilter() const { return m_severityFilter; }
    /// Above the inbox: the asset (or its prefix) shown.
    QLineEdit *assetFilterEdit() const { return m_assetFilter; }
    WorkOrderView *workOrderView() const { return m_workOrderView; }
    QDockWidget *workOrderDock() const { return m_workOrderDock; }
    /// The status bar's "2 work orders not yet acknowledged" (empty when none wait).
    QLabel *workOrdersLabel() const { return m_workOrdersLabel; }
    /// Work orders open or notified, not yet acknowledged, as last counted.
    int unacknowledgedWorkOrders() const { return std::max(m_unacknowledged, 0); }
    /// The status bar's health ("Healthy: Connected to ...").
    QLabel *healthLabel() const { return m_healthLabel; }

    QAction *notifyAction() const { return m_notifyAction; }
    QAction *replyAction() const { return m_replyAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *markReadAction() const { return m_markReadAction; }
    QAction *markUnreadAction() const { return m_markUnreadAction; }
    QAction *settingsAction() const { return m_settingsAction; }
    QAction *addressBookAction() const { return m_addressBookAction; }
    QAction *quitAction() const { return m_quitAction; }
    /// Shows the outbox dock and moves the focus to its table.
    QAction *outboxAction() const { return m_outboxAction; }
    /// Shows the work-order dock and moves the focus to its table (Ctrl+Shift+W).
    QAction *workOrdersAction() const { return m_workOrdersAction; }

    EmailConnector *connector() const { return m_connector; }
    /**
     * Switches to another account (settings applied without a restart): the
     * inbox is emptied and listed again from @p connector, which is watched
     * from now on. The old connector is left to the caller.
     */
    void setConnector(EmailConnector *connector);
    /// The busy indicator in the status bar (visible while something long runs).
    QProgressBar *busyIndicator() const { return m_busy; }

    /// Closing hides the window instead of quitting (when a tray can bring it back).
    void setHideOnClose(bool hide) { m_hideOnClose = hide; }
    /// The technicians offered by Notify technician ("Name <address>"), by escalation order.
    QStringList addressBook() const;

    /**
     * The account's work-order settings (its config's work_orders: alarm
     * rules, deadlines, its technicians); the roster kept in QSettings is
     * added to them (RosterSettings::merge()). Default: the default rules.
     */
    void setWorkOrderSettings(const WorkOrderSettings &settings);
    /// The settings in use: the account's, with this console's roster merged in.
    const WorkOrderSettings &workOrderSettings() const { return m_workOrderSettings; }
    /**
     * Tracks work orders with @p tracker from now on (null: none, plain
     * notifications); the caller keeps owning it. Defined in
     * trackerworkorderservice.cpp, so that only programs calling it link the tracker.
     */
    void setWorkOrderTracker(WorkOrderTracker *tracker);
    /// As setWorkOrderTracker(), through the seam (tests hand a fake). A service that is the window's child is deleted when replaced.
    void setWorkOrderService(WorkOrderService *service);
    WorkOrderService *workOrderService() const { return m_workOrders; }

public Q_SLOTS:
    void refresh();
    void notifyTechnician();
    void replyToSelected();
    void editAddressBook();
    void logActivity(const QString &text, bool isError = false);
    void setHealth(const machina::ConnectorHealth &health);
    /// Shows the outbox dock (raised over the activity log when they share a place) and focuses its table.
    void showOutbox();
    /// Shows the work-order dock and focuses its table.
    void showWorkOrders();

Q_SIGNALS:
    void settingsRequested();
    void quitRequested();
    /// New unseen messages appeared in a refresh (for the tray's notification).
    void newMailArrived(int count, const QString &firstSubject);
    /// The number of messages waiting in the outbox changed (for the tray's tooltip).
    void outboxPendingChanged(int count);
    /// logActivity() added @p text to the log.
    void activityLogged(const QString &text, bool isError);
    /// The number of work orders nobody has acknowledged changed (for the tray's tooltip).
    void unacknowledgedWorkOrdersChanged(int count);
    /// The tracker escalated @p order to the next in its chain (for the tray).
    void workOrderEscalated(const machina::WorkOrder &order);
    /// Nobody acknowledged @p order and nobody is left to escalate to (for the tray's warning).
    void workOrderEscalationExhausted(const machina::WorkOrder &order);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void restoreLayout();
    void saveLayout();
    void showSelected();
    void markSelected(bool seen);
    QStringList selectedIds() const;
    void updateStatus();
    int maxRows() const;
    void bindConnector();
    void restoreActivity();
    void addLogItem(const QDateTime &at, const QString &text, bool isError);
    void updateOutboxStatus();
    void updateWorkOrderStatus();
    void refreshWorkOrders();
    void cancelWorkOrder(const QString &id);
    /// Makes a work order of what @p dialog composed (work-order mode).
    void createWorkOrder(NotifyTechnicianDialog *dialog);
    /// Fills @p dialog from the selected inbox row when it is an alarm.
    void prefillFromSelection(NotifyTechnicianDialog *dialog) const;
    /// What a dialog's send logs and shows.
    struct SendTexts
    {
        QString busy;      ///< "Sending the notification"
        QString notSent;   ///< "Notification \"%1\" not sent: %2" (subject, error)
        QString queued;    ///< "Notification \"%1\" is in the outbox ... Not sent now: %2" (subject, why)
        QString sent;      ///< "Notified %1: %2" (recipients, subject)
    };
    /// Sends what @p dialog composed through the outbox (see the class comment).
    template <class Dialog>
    void sendFrom(Dialog *dialog, const SendTexts &texts);
    int beginBusy(const QString &what);  ///< returns the token for endBusy()
    void endBusy(int token);

    EmailConnector *m_connector;
    QSettings *m_settings;
    InboxModel *m_model;
    InboxFilterModel *m_filter;
    QTableView *m_table;
    QLineEdit *m_filterEdit;
    QComboBox *m_severityFilter;
    QLineEdit *m_assetFilter;
    MessageView *m_view;
    QSplitter *m_splitter;
    QListWidget *m_log;
    OutboxView *m_outboxView;
    QDockWidget *m_outboxDock = nullptr;
    QLabel *m_outboxLabel;
    int m_outboxPending = -1;
    WorkOrderView *m_workOrderView;
    QDockWidget *m_workOrderDock = nullptr;
    QLabel *m_workOrdersLabel;
    int m_unacknowledged = -1;
    QPointer<WorkOrderService> m_workOrders;
    WorkOrderSettings m_accountWorkOrders;   ///< as setWorkOrderSettings() gave them
    WorkOrderSettings m_workOrderSettings;   ///< with the roster merged in
    QSet<QString> m_dialogSends;  ///< Message-IDs a dialog is sending now (it reports their outcome itself)
    QLabel *m_healthLabel;
    QLabel *m_pollLabel;
    QLabel *m_unreadLabel;
    QLabel *m_watchLabel;
    QProgressBar *m_busy;
    QMap<int, QString> m_busyWork;
    int m_busySeq = 0;
    QAction *m_notifyAction = nullptr;
    QAction *m_replyAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_markReadAction = nullptr;
    QAction *m_markUnreadAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_addressBookAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_outboxAction = nullptr;
    QAction *m_workOrdersAction = nullptr;
    QString m_shownId;
    bool m_firstLoad = true;
    bool m_cacheTried = false;   ///< the first refresh painted from the cache (or found it empty)
    bool m_refreshing = false;
    bool m_refreshAgain = false;  ///< a change arrived while listing: list once more
    bool m_hideOnClose = false;
};

} // namespace machina
