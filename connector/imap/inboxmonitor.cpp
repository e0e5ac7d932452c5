#include "inboxmonitor.h"

#include "mailboxwatcher.h"

namespace machina {

InboxMonitor::InboxMonitor(const ImapSettings &settings, int pollIntervalSeconds, QObject *parent)
    : QObject(parent),
      m_client(new ImapClient(settings, this)),
      m_pollMs(std::max(1, pollIntervalSeconds) * 1000),
      m_renewMs(std::min(m_pollMs, MailboxWatcher::MaxIdleRenewSeconds * 1000))
{
    m_renewTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    // A burst of EXISTS/FETCH lines (a sorting rule, a bulk delivery) is one change.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &InboxMonitor::changed);
    connect(m_client, &ImapClient::mailboxChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_renewTimer, &QTimer::timeout, m_client, &ImapClient::stopIdle);
    connect(&m_pollTimer, &QTimer::timeout, this, &InboxMonitor::changed);
    connect(&m_retryTimer, &QTimer::timeout, this, &InboxMonitor::connectAndIdle);
    connect(m_client, &ImapClient::sessionLost, this, [this](const ConnectorError &error) {
        if (m_running)
            failed(error);
    });
}

InboxMonitor::~InboxMonitor() = default;

void InboxMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_givenUp = false;
    m_attempts = 0;
    connectAndIdle();
}

ImapReply *InboxMonitor::stop()
{
    m_running = false;
    m_renewTimer.stop();
    m_pollTimer.stop();
    m_retryTimer.stop();
    m_debounce.stop();
    m_client->stopIdle();
    ImapReply *bye = m_client->close();
    bye->setParent(this); // replies die with the monitor, finished or not
    connect(bye, &ConnectorReply::finished, bye, &QObject::deleteLater);
    return bye;
}

void InboxMonitor::connectAndIdle()
{
    if (!m_running)
        return;
    ImapReply *open = m_client->open();
    open->setParent(this);
    connect(open, &ConnectorReply::finished, this, [this, open] {
        open->deleteLater();
        if (!m_running)
            return;
        if (open->error())
            return failed(open->error());
        if (m_attempts > 0 || m_reconnected) {
            // What changed while we were away is unknown: the viewer lists again.
            Q_EMIT changed();
        }
        m_attempts = 0;
        m_reconnected = true;
        if (m_client->hasCapability("IDLE")) {
            m_pollTimer.stop();
            Q_EMIT statusChanged(tr("new mail shows at once (IDLE)"));
            idle();
        } else {
            Q_EMIT statusChanged(tr("polling every %n second(s) (the server has no IDLE)", nullptr, m_pollMs / 1000));
            m_pollTimer.start(m_pollMs);
        }
    });
}

void InboxMonitor::idle()
{
    ImapReply *idling = m_client->idle();
    idling->setParent(this);
    m_renewTimer.start(m_renewMs);
    connect(idling, &ConnectorReply::finished, this, [this, idling] {
        idling->deleteLater();
        m_renewTimer.stop();
        if (!m_running)
            return;
        if (idling->error())
            return failed(idling->error());
        // Renewed (or the server ended the idle): a NOOP proves the session lives, then idle again.
        ImapReply *alive = m_client->noop();
        alive->setParent(this);
        connect(alive, &ConnectorReply::finished, this, [this, alive] {
            alive->deleteLater();
            if (!m_running)
                return;
            if (alive->error())
                return failed(alive->error());
            idle();
        });
    });
}

void InboxMonitor::failed(const ConnectorError &error)
{
    if (m_retryTimer.isActive() || m_givenUp)
        return; // the lost session and the operation it ended report the same failure
    if (error.kind() == ConnectorError::Kind::Auth || error.kind() == ConnectorError::Kind::Config) {
        // Logging in again and again with a refused password only gets the account locked.
        m_givenUp = true;
        m_renewTimer.stop();
        m_pollTimer.stop();
        Q_EMIT statusChanged(tr("cannot watch the inbox: %1; not retrying until the settings change").arg(error.message()));
        return;
    }
    m_renewTimer.stop();
    m_pollTimer.stop();
    const int exponent = std::min(m_attempts, 16);
    const int delay = int(std::min<qint64>(qint64(m_backoffBaseMs) << exponent, m_backoffMaxMs));
    ++m_attempts;
    Q_EMIT statusChanged(tr("cannot watch the inbox: %1; retrying in %2 s")
                             .arg(error.message())
                             .arg(delay / 1000.0, 0, 'f', 1));
    m_retryTimer.start(delay);
}

} // namespace machina
