#pragma once

#include "connectorhealth.h"
#include "incomingmessage.h"

#include <QMainWindow>
#include <QMap>
#include <QPointer>
#include <QTimer>

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

/**
 * The supervisor's main window: the inbox (headers only) with a filter, the
 * selected message below it, an activity log dock, and the actions Notify
 * technician (Ctrl+N), Reply (Ctrl+R), Refresh (F5), Mark read / unread and
 * Settings. It talks to the EmailConnector only; no socket code here.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// @p settings keeps geometry, splitter and column widths, and the technicians' address book.
    MainWindow(EmailConnector *connector, QSettings *settings, QWidget *parent = nullptr);

    /// The newest messages listed at most (QSettings "inbox/maxRows"; 0 lists all).
    static constexpr int DefaultMaxRows = 20000;
    ~MainWindow() override;

    InboxModel *inboxModel() const { return m_model; }
    InboxFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    MessageView *messageView() const { return m_view; }
    QListWidget *activityLog() const { return m_log; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
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
    /// The technicians offered by Notify technician ("Name <address>").
    QStringList addressBook() const;

public Q_SLOTS:
    void refresh();
    void notifyTechnician();
    void replyToSelected();
    void editAddressBook();
    void logActivity(const QString &text, bool isError = false);
    void setHealth(const machina::ConnectorHealth &health);

Q_SIGNALS:
    void settingsRequested();
    void quitRequested();
    /// New unseen messages appeared in a refresh (for the tray's notification).
    void newMailArrived(int count, const QString &firstSubject);

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
    int beginBusy(const QString &what);  ///< returns the token for endBusy()
    void endBusy(int token);

    EmailConnector *m_connector;
    QSettings *m_settings;
    InboxModel *m_model;
    InboxFilterModel *m_filter;
    QTableView *m_table;
    QLineEdit *m_filterEdit;
    MessageView *m_view;
    QSplitter *m_splitter;
    QListWidget *m_log;
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
    QString m_shownId;
    bool m_firstLoad = true;
    bool m_refreshing = false;
    bool m_refreshAgain = false;  ///< a change arrived while listing: list once more
    bool m_hideOnClose = false;
};

} // namespace machina
