#pragma once

#include "connectorhealth.h"
#include "workorders/workorder.h"

#include <QDateTime>
#include <QIcon>
#include <QObject>
#include <QString>
#include <QSystemTrayIcon>

#include <memory>
#include <optional>

class QAction;
class QMenu;

namespace machina {

/**
 * The connector's health at a glance: a tray icon (healthy, degraded,
 * unhealthy; told apart by shape as well as colour) with a tooltip naming the
 * status, its sentence and the last poll and send times, a menu (Show, Notify
 * technician, Check now, Quit), and notifications on status transitions and
 * new mail.
 *
 * The tray is optional (no tray under Xvfb, offscreen or plain GNOME): the QSystemTrayIcon exists only when
 * QSystemTrayIcon::isSystemTrayAvailable() said so at construction; hasTray()
 * tells the window whether closing may hide it, and iconFor()/statusWord()
 * serve a status bar that carries the health when there is no tray. Icon,
 * tooltip, menu and notified() work the same with or without a tray, so the
 * window can reuse them and tests can observe them offscreen.
 *
 * The tooltip also says how many messages wait in the outbox
 * (setOutboxPending(), "3 messages waiting in the outbox") and how many work
 * orders nobody has acknowledged yet (setUnacknowledgedWorkOrders(), "2 work
 * orders not yet acknowledged"); each line is left out while its count is 0.
 * Work orders bring two notifications of their own: an escalation (for
 * information) and an escalation with nobody left to escalate to (a warning:
 * the supervisor must act).
 *
 * Notifications: one when the status changes, none for an
 * update that keeps the status (a new message or newer times included), none
 * for a first report of Healthy (starting up fine is not news).
 */
class TrayHealth : public QObject
{
    Q_OBJECT
public:
    using Status = ConnectorHealth::Status;

    explicit TrayHealth(QObject *parent = nullptr);
    ~TrayHealth() override;

    bool hasTray() const { return m_tray != nullptr; }
    QSystemTrayIcon *trayIcon() const { return m_tray; } ///< null without a tray

    void setHealth(const ConnectorHealth &health);
    /// The last health set; nullopt before the first setHealth().
    const std::optional<ConnectorHealth> &health() const { return m_health; }

    /// How many messages wait in the outbox (queued or sending), for the tooltip.
    void setOutboxPending(int count);
    int outboxPending() const { return m_outboxPending; }
    /// How many work orders are open or notified but not acknowledged, for the tooltip.
    void setUnacknowledgedWorkOrders(int count);
    int unacknowledgedWorkOrders() const { return m_unacknowledged; }

    /// "WO-2026-0007 escalated": it went on to the next in its chain (information).
    void notifyEscalated(const machina::WorkOrder &order);
    /// "WO-2026-0007: nobody acknowledged; no one left to escalate to" (a warning).
    void notifyEscalationExhausted(const machina::WorkOrder &order);

    /// A notification for @p count new messages, naming the first one's subject.
    void notifyNewMail(int count, const QString &firstSubject);

    QIcon icon() const { return m_icon; }
    QString toolTip() const { return m_toolTip; }

    QMenu *menu() const { return m_menu.get(); }
    QAction *showAction() const { return m_showAction; }
    QAction *notifyAction() const { return m_notifyAction; }
    QAction *checkAction() const { return m_checkAction; }
    QAction *quitAction() const { return m_quitAction; }

    /// What a click on the tray icon does: Trigger, DoubleClick and MiddleClick show the window.
    void activate(QSystemTrayIcon::ActivationReason reason);

    /// The icon for @p status, from :/icons/health-<status>.svg.
    static QIcon iconFor(Status status);
    /// "Healthy", "Degraded", "Unhealthy" (translated).
    static QString statusWord(Status status);
    /**
     * "Machina Console — <status word>\n<message>\nLast poll: <time>\nLast send: <time>"
     * with times from details last_successful_poll / last_successful_send (ISO
     * 8601 text or QDateTime), in local time as HH:mm when on @p now's local
     * date, else yyyy-MM-dd; "never" when absent or unreadable. The message
     * line is left out when the message is empty.
     */
    static QString toolTipFor(const ConnectorHealth &health,
                              const QDateTime &now = QDateTime::currentDateTime());
    /// "1 message waiting in the outbox", "3 messages waiting in the outbox"; empty for 0.
    static QString outboxText(int count);
    /// "1 work order not yet acknowledged", "3 work orders not yet acknowledged"; empty for 0.
    static QString unacknowledgedText(int count);
    /// The text of notifyEscalationExhausted(): "WO-2026-0007: nobody acknowledged; no one left to escalate to".
    static QString exhaustedText(const machina::WorkOrder &order);
    /// One tooltip time: see toolTipFor().
    static QString formatTime(const QVariant &value, const QDateTime &now);

Q_SIGNALS:
    void showRequested();
    void notifyRequested();
    void checkRequested();
    void quitRequested();
    /// Every notification, whether or not a tray displayed it.
    void notified(const QString &title, const QString &text);

private:
    void notify(const QString &title, const QString &text, QSystemTrayIcon::MessageIcon icon);
    void updateToolTip();

    QSystemTrayIcon *m_tray = nullptr;
    std::unique_ptr<QMenu> m_menu; // a QWidget: no QObject parent to own it
    QAction *m_showAction = nullptr;
    QAction *m_notifyAction = nullptr;
    QAction *m_checkAction = nullptr;
    QAction *m_quitAction = nullptr;
    std::optional<ConnectorHealth> m_health;
    QIcon m_icon;
    QString m_toolTip;
    int m_outboxPending = 0;
    int m_unacknowledged = 0;
};

} // namespace machina
