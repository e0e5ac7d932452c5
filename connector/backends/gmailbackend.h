#pragma once

#include "mailbackend.h"

#include <QTimer>

namespace machina {

class GmailClient;
class GoogleAuth;

/**
 * The Gmail API (gmail_credentials_file set): Google's sign-in with the
 * tokens in the keychain, users.messages.send / list / get / modify. The API
 * is one session for health: every call's outcome is recorded, a throttled
 * call (429, 5xx) as Degraded while it waits. The inbox watch polls every
 * poll_interval: the API has no push to a desktop program without Pub/Sub.
 */
class GmailBackend : public MailBackend
{
    Q_OBJECT
public:
    GmailBackend(const ConnectorConfig &config, CredentialStore *credentials, HealthTracker *health,
                 QObject *parent = nullptr);
    ~GmailBackend() override;

    ConnectorReply *connectToServers() override;
    ConnectorReply *disconnectFromServers() override;
    bool isConnected() const override;
    SendReply *send(const BuiltMessage &message) override;
    InboxListReply *list(bool unseenOnly, int limit, const std::optional<QSet<QString>> &known) override;
    MessageReply *fetch(const MessageId &id) override;
    ConnectorReply *setSeen(const QList<MessageId> &ids, bool seen) override;
    void prepareReceiving(QObject *context, const std::function<void(const ConnectorError &)> &then) override;
    InboxWatcher *createWatcher(const ListenOptions &options, ConnectorError *error) override;
    void setInboxWatched(bool watched) override;
    ConnectorReply *probe() override;
    MessageId::Backend idKind() const override { return MessageId::Backend::Gmail; }
    QString signedInAddress() const override { return m_address; }
    void addHealthDetails(QVariantMap *details) const override;

    /// Google's sign-in in the system browser (or only authorizationUrlReady with @p noBrowser).
    ConnectorReply *signIn(bool noBrowser) override;
    void setSignInTimeout(int ms) override;
    void setSignInHint(const QString &hint) override;

private:
    ConnectorError prepareGoogle();
    /// Runs @p then once the stored sign-in is usable; else finishes @p reply with the error.
    void whenSignedIn(ConnectorReply *reply, const std::function<void()> &then);
    void fetchRaw(MessageReply *reply, const MessageId &id);
    /// Records @p reply's outcome for the API session when it finishes.
    void track(ConnectorReply *reply);
    void fetchProfile(ConnectorReply *reply, bool connecting);
    void setSeenOneByOne(ConnectorReply *reply, QStringList remaining, bool seen);
    void listRows(InboxListReply *reply, bool unseenOnly, int limit, const std::optional<QSet<QString>> &known);

    GoogleAuth *m_auth = nullptr;
    GmailClient *m_gmail = nullptr;
    QString m_address;
    bool m_connected = false;
    int m_signInTimeoutMs = 0;
    QString m_signInHint;
    QTimer m_poll;
};

} // namespace machina
