#pragma once

#include "../connectorreply.h"
#include "../sendreply.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace machina {

class GoogleAuth;

/** One Gmail message as users.messages.get returned it. */
struct GmailMessage
{
    QString id;
    QString threadId;
    QStringList labelIds;
    QDateTime internalDate;
    qint64 sizeEstimate = 0;
    QByteArray raw;                       ///< format=raw, base64url decoded
    QMap<QString, QString> headers;       ///< format=metadata: header name (lower case) -> value

    bool isUnread() const { return labelIds.contains(QStringLiteral("UNREAD")); }
};

/** The result of a Gmail call: ids for a listing, messages for a get, the profile address. */
class GmailReply : public ConnectorReply
{
    Q_OBJECT
public:
    using ConnectorReply::ConnectorReply;
    QStringList ids() const { return m_ids; }
    QList<GmailMessage> messages() const { return m_messages; }
    QString emailAddress() const { return m_emailAddress; }

    void setIds(const QStringList &ids) { m_ids = ids; }
    void addMessage(const GmailMessage &m) { m_messages.append(m); }
    void setEmailAddress(const QString &a) { m_emailAddress = a; }

private:
    QStringList m_ids;
    QList<GmailMessage> m_messages;
    QString m_emailAddress;
};

/**
 * The Gmail REST API (users.getProfile, messages.list/get/send/modify) over
 * QNetworkAccessManager with the GoogleAuth access token. A 401 refreshes the
 * token once and retries; 429 and 5xx wait (Retry-After when given, else
 * 1, 2, 4 s) and retry up to three times, telling throttled() meanwhile;
 * other errors carry Google's own message.
 */
class GmailClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxRetries = 3;

    GmailClient(const QUrl &apiBase, GoogleAuth *auth, QObject *parent = nullptr);

    void setTimeout(int ms) { m_timeoutMs = ms; }

    GmailReply *profile();
    /// users.messages.send with @p rfc5322 as base64url "raw".
    SendReply *send(const QByteArray &rfc5322);
    /// users.messages.list with @p query, following nextPageToken; at most @p limit ids (0: all).
    GmailReply *listIds(const QString &query, int limit = 0);
    /// users.messages.get, format=raw (the whole message) or metadata (a few headers), one per id.
    GmailReply *getMessages(const QStringList &ids, bool metadataOnly);
    /// users.messages.modify removeLabelIds=[UNREAD].
    GmailReply *markRead(const QString &id) { return modifyLabels(id, {}, {QStringLiteral("UNREAD")}); }
    /// users.messages.modify with labels to add and to remove.
    GmailReply *modifyLabels(const QString &id, const QStringList &add, const QStringList &remove);

    QDateTime lastSuccess() const { return m_lastSuccess; }

Q_SIGNALS:
    /// Google asked us to slow down (429) or had trouble (5xx); retrying in @p retryInMs.
    void throttled(const QString &why, int retryInMs);

private:
    using Done = std::function<void(const QJsonObject &json, const ConnectorError &error)>;
    void call(const QByteArray &method, const QString &path, const QList<std::pair<QString, QString>> &query,
              const QJsonObject &body, Done done, int attempt = 0, bool refreshed = false);
    void getNext(GmailReply *reply, QStringList remaining, bool metadataOnly);
    void listPage(GmailReply *reply, QString query, int limit, QString pageToken, QStringList collected);

    QUrl m_apiBase;
    GoogleAuth *m_auth;
    QNetworkAccessManager *m_nam;
    int m_timeoutMs = 30000;
    QDateTime m_lastSuccess;
};

} // namespace machina
