#include "trayhealth.h"

#include "workorderdisplay.h"

#include <QAction>
#include <QLocale>

#include "localdates.h"
#include <QLoggingCategory>
#include <QMenu>

#include <algorithm>

namespace machina {

Q_LOGGING_CATEGORY(lcTrayHealth, "machina.ui", QtWarningMsg)

namespace {

const QString AppName = QStringLiteral("Machina Console");

QDateTime readTime(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime();
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time;
}

} // namespace

TrayHealth::TrayHealth(QObject *parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
{
    m_showAction = m_menu->addAction(tr("&Show"));
    m_notifyAction = m_menu->addAction(tr("&Notify technician..."));
    m_checkAction = m_menu->addAction(tr("&Check now"));
    m_menu->addSeparator();
    m_quitAction = m_menu->addAction(tr("&Quit"));
    connect(m_showAction, &QAction::triggered, this, &TrayHealth::showRequested);
    connect(m_notifyAction, &QAction::triggered, this, &TrayHealth::notifyRequested);
    connect(m_checkAction, &QAction::triggered, this, &TrayHealth::checkRequested);
    connect(m_quitAction, &QAction::triggered, this, &TrayHealth::quitRequested);

    // No health yet: the application's own icon, so nothing claims a state we do not know.
    m_icon = QIcon(QStringLiteral(":/icons/machina-console.svg"));
    m_toolTip = tr("%1 — starting").arg(AppName);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(m_icon, this);
        m_tray->setToolTip(m_toolTip);
        m_tray->setContextMenu(m_menu.get());
        connect(m_tray, &QSystemTrayIcon::activated, this, &TrayHealth::activate);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayHealth::showRequested);
        m_tray->show();
    } else {
        qCDebug(lcTrayHealth) << "no system tray: health goes to the status bar only";
    }
}

TrayHealth::~TrayHealth()
{
    // The tray icon refers to the menu: let it go first.
    delete m_tray;
    m_tray = nullptr;
}

void TrayHealth::setHealth(const ConnectorHealth &health)
{
    const std::optional<Status> previous = m_health ? std::optional<Status>(m_health->status) : std::nullopt;
    m_health = health;

    m_icon = iconFor(health.status);
    if (m_tray)
        m_tray->setIcon(m_icon);
    updateToolTip();

    const bool transition = previous ? *previous != health.status : health.status != Status::Healthy;
    if (!transition)
        return;
    const QString text = health.message.isEmpty() ? statusWord(health.status) : health.message;
    switch (health.status) {
    case Status::Healthy:
        notify(tr("Mail is flowing again"), text, QSystemTrayIcon::Information);
        break;
    case Status::Degraded:
        notify(tr("Mail connection degraded"), text, QSystemTrayIcon::Warning);
        break;
    case Status::Unhealthy:
        notify(tr("Mail connection down"), text, QSystemTrayIcon::Critical);
        break;
    }
}

void TrayHealth::setOutboxPending(int count)
{
    count = std::max(count, 0);
    if (count == m_outboxPending)
        return;
    m_outboxPending = count;
    updateToolTip();
}

void TrayHealth::setUnacknowledgedWorkOrders(int count)
{
    count = std::max(count, 0);
    if (count == m_unacknowledged)
        return;
    m_unacknowledged = count;
    updateToolTip();
}

void TrayHealth::updateToolTip()
{
    m_toolTip = m_health ? toolTipFor(*m_health) : tr("%1 — starting").arg(AppName);
    if (const QString outbox = outboxText(m_outboxPending); !outbox.isEmpty())
        m_toolTip += u'\n' + outbox;
    if (const QString orders = unacknowledgedText(m_unacknowledged); !orders.isEmpty())
        m_toolTip += u'\n' + orders;
    if (m_tray)
        m_tray->setToolTip(m_toolTip);
}

QString TrayHealth::outboxText(int count)
{
    if (count <= 0)
        return {};
    // English plural by hand, as for new mail: without a translator, tr() only substitutes %n.
    return count == 1 ? tr("1 message waiting in the outbox") : tr("%n messages waiting in the outbox", nullptr, count);
}

QString TrayHealth::unacknowledgedText(int count)
{
    if (count <= 0)
        return {};
    // English plural by hand, as for the outbox.
    return count == 1 ? tr("1 work order not yet acknowledged")
                      : tr("%n work orders not yet acknowledged", nullptr, count);
}

QString TrayHealth::exhaustedText(const WorkOrder &order)
{
    return tr("%1: nobody acknowledged; no one left to escalate to").arg(order.id);
}

void TrayHealth::notifyEscalated(const WorkOrder &order)
{
    const QString who = WorkOrderDisplay::personName(order.assigneeEntry());
    const QString what = order.asset.isEmpty() ? order.summary : order.asset + u' ' + order.summary;
    notify(tr("%1 escalated").arg(order.id),
           who.isEmpty() ? what.trimmed() : tr("%1: now with %2").arg(what.trimmed(), who), QSystemTrayIcon::Information);
}

void TrayHealth::notifyEscalationExhausted(const WorkOrder &order)
{
    notify(tr("Work order needs you"), exhaustedText(order), QSystemTrayIcon::Warning);
}

void TrayHealth::notifyNewMail(int count, const QString &firstSubject)
{
    if (count <= 0)
        return;
    const QString subject = firstSubject.trimmed().isEmpty() ? tr("(no subject)") : firstSubject.trimmed();
    const QString text = count == 1 ? subject : tr("%1 and %n more", nullptr, count - 1).arg(subject);
    // English plural by hand: without a translator, tr() only substitutes %n.
    const QString title = count == 1 ? tr("1 new message") : tr("%n new messages", nullptr, count);
    notify(title, text, QSystemTrayIcon::Information);
}

void TrayHealth::activate(QSystemTrayIcon::ActivationReason reason)
{
    switch (reason) {
    case QSystemTrayIcon::Trigger:
    case QSystemTrayIcon::DoubleClick:
    case QSystemTrayIcon::MiddleClick:
        Q_EMIT showRequested();
        break;
    case QSystemTrayIcon::Context: // the menu opens by itself
    case QSystemTrayIcon::Unknown:
        break;
    }
}

QIcon TrayHealth::iconFor(Status status)
{
    return QIcon(QStringLiteral(":/icons/health-%1.svg").arg(ConnectorHealth::statusName(status)));
}

QString TrayHealth::statusWord(Status status)
{
    switch (status) {
    case Status::Healthy: return tr("Healthy");
    case Status::Degraded: return tr("Degraded");
    case Status::Unhealthy: return tr("Unhealthy");
    }
    return tr("Unhealthy");
}

QString TrayHealth::formatTime(const QVariant &value, const QDateTime &now)
{
    const QDateTime time = readTime(value);
    if (!time.isValid())
        return tr("never");
    const QDateTime local = time.toLocalTime();
    // In the desktop's language: 14:05 or 2:05 PM, 23.11.26 or 11/23/26.
    if (local.date() == now.toLocalTime().date())
        return LocalDates::shortTime(local.time());
    return LocalDates::shortDate(local.date());
}

QString TrayHealth::toolTipFor(const ConnectorHealth &health, const QDateTime &now)
{
    QStringList lines;
    lines << tr("%1 — %2").arg(AppName, statusWord(health.status));
    if (!health.message.trimmed().isEmpty())
        lines << health.message.trimmed();
    lines << tr("Last poll: %1").arg(formatTime(health.details.value(QStringLiteral("last_successful_poll")), now));
    lines << tr("Last send: %1").arg(formatTime(health.details.value(QStringLiteral("last_successful_send")), now));
    const QVariant canaryAt = health.details.value(QStringLiteral("canary_at"));
    if (canaryAt.isValid()) {
        if (health.details.contains(QStringLiteral("canary_latency_ms"))) {
            lines << tr("Mail round trip: %1 ms (%2)")
                         .arg(QLocale().toString(health.details.value(QStringLiteral("canary_latency_ms")).toLongLong()),
                              formatTime(canaryAt, now));
        } else {
            lines << tr("Mail round trip failed (%1): %2")
                         .arg(formatTime(canaryAt, now), health.details.value(QStringLiteral("canary_error")).toString());
        }
    }
    return lines.join(u'\n');
}

void TrayHealth::notify(const QString &title, const QString &text, QSystemTrayIcon::MessageIcon icon)
{
    if (m_tray)
        m_tray->showMessage(title, text, icon);
    Q_EMIT notified(title, text);
}

} // namespace machina
