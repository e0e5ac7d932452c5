#include "gmailclient.h"

#include "googleauth.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcGmailApi, "machina.gmail", QtWarningMsg)

namespace machina {

using Kind = ConnectorError::Kind;

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

/// Google's error JSON: {"error": {"code", "message", "status"}}; else the HTTP reason.
QString googleMessage(const QByteArray &body, QNetworkReply *reply)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    const QString message = error.value(QStringLiteral("message")).toString();
    const QString status = error.value(QStringLiteral("status")).toString();
    if (!message.isEmpty())
        return status.isEmpty() ? message : QStringLiteral("%1 (%2)").arg(message, status);
    return reply->errorString();
}

GmailMessage messageFromJson(const QJsonObject &o)
{
    GmailMessage m;
    m.id = o.value(QStringLiteral("id")).toString();
    m.threadId = o.value(QStringLiteral("threadId")).toString();
    for (const QJsonValue &label : o.value(QStringLiteral("labelIds")).toArray())
        m.labelIds.append(label.toString());
    m.internalDate = QDateTime::fromMSecsSinceEpoch(o.value(QStringLiteral("internalDate")).toString().toLongLong(), Qt::UTC);
    m.sizeEstimate = o.value(QStringLiteral("sizeEstimate")).toInteger();
    const QByteArray raw = o.value(QStringLiteral("raw")).toString().toLatin1();
    if (!raw.isEmpty())
        m.raw = QByteArray::fromBase64(raw, QByteArray::Base64UrlEncoding);
    for (const QJsonValue &h : o.value(QStringLiteral("payload")).toObject().value(QStringLiteral("headers")).toArray()) {
        const QJsonObject header = h.toObject();
        m.headers.insert(header.value(QStringLiteral("name")).toString().toLower(),
                         header.value(QStringLiteral("value")).toString());
    }
    return m;
}

} // namespace

GmailClient::GmailClient(const QUrl &apiBase, GoogleAuth *auth, QObject *parent)
    : QObject(parent), m_apiBase(apiBase), m_auth(auth), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setAutoDeleteReplies(true);
}

void GmailClient::call(const QByteArray &method, const QString &path, const QList<std::pair<QString, QString>> &query,
                       const QJsonObject &body, Done done, int attempt, bool refreshed)
{
    QUrl url = m_apiBase;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    QUrlQuery q;
    for (const auto &[key, value] : query)
        q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(q);

    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_auth->tokens().accessToken.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QByteArray payload;
    if (method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    qCDebug(lcGmailApi).noquote() << method << url.path() << "(attempt" << attempt + 1 << ")";
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, payload);
    connect(reply, &QNetworkReply::finished, this, [=, this] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        if (status >= 200 && status < 300) {
            // Every call we make answers a JSON object; anything else (a captive portal's
            // page, a proxy's, a cut body) is not an empty success.
            QJsonParseError parseError;
            const QJsonDocument json = QJsonDocument::fromJson(data, &parseError);
            if (parseError.error != QJsonParseError::NoError || !json.isObject()) {
                done({}, {Kind::Protocol, tr("Gmail answered %1 with something that is not the JSON the API sends "
                                             "(%2 bytes of %3).")
                                              .arg(status).arg(data.size())
                                              .arg(reply->header(QNetworkRequest::ContentTypeHeader).toString())});
                return;
            }
            m_lastSuccess = QDateTime::currentDateTimeUtc();
            done(json.object(), {});
            return;
        }
        if (status == 401 && !refreshed) {
            // The access token expired or was revoked: refresh once, then retry.
            ConnectorReply *refresh = m_auth->refresh();
            connect(refresh, &ConnectorReply::finished, this, [=, this] {
                refresh->deleteLater();
                if (refresh->error())
                    return done({}, refresh->error());
                call(method, path, query, body, done, attempt, true);
            });
            return;
        }
        // Per-user quota can also come back as 403 with reason rateLimitExceeded: the same as 429.
        const QByteArray reason = QJsonDocument::fromJson(data).object().value(QStringLiteral("error")).toObject()
                                      .value(QStringLiteral("errors")).toArray().first().toObject()
                                      .value(QStringLiteral("reason")).toString().toLatin1();
        const bool rateLimited = status == 429 || (status == 403 && reason.endsWith("RateLimitExceeded"))
                                 || (status == 403 && reason == "rateLimitExceeded");
        if ((rateLimited || status >= 500) && attempt < MaxRetries) {
            bool ok = false;
            const int retryAfter = reply->rawHeader("Retry-After").toInt(&ok);
            const int delayMs = ok ? std::clamp(retryAfter, 0, 120) * 1000 : 1000 << attempt;
            const QString why = rateLimited ? tr("Gmail rate limit (%1)").arg(status) : tr("Gmail server error (%1)").arg(status);
            Q_EMIT throttled(why, delayMs);
            QTimer::singleShot(delayMs, this, [=, this] { call(method, path, query, body, done, attempt + 1, refreshed); });
            return;
        }
        if (status == 0) {
            const Kind kind = reply->error() == QNetworkReply::OperationCanceledError ? Kind::Timeout
                              : reply->error() == QNetworkReply::SslHandshakeFailedError ? Kind::Tls
                                                                                           : Kind::Network;
            done({}, {kind, tr("Cannot reach the Gmail API at %1: %2").arg(m_apiBase.host(), reply->errorString())});
            return;
        }
        const Kind kind = status == 401 || status == 403 ? Kind::Auth : status == 400 ? Kind::Rejected : Kind::Protocol;
        done({}, {kind, tr("Gmail answered %1: %2").arg(status).arg(googleMessage(data, reply))});
    });
}

GmailReply *GmailClient::profile()
{
    auto *reply = new GmailReply;
    call("GET", QStringLiteral("/gmail/v1/users/me/profile"), {}, {}, [reply](const QJsonObject &json, const ConnectorError &error) {
        if (!error)
            reply->setEmailAddress(json.value(QStringLiteral("emailAddress")).toString());
        reply->finish(error);
    });
    return reply;
}

SendReply *GmailClient::send(const QByteArray &rfc5322)
{
    auto *reply = new SendReply;
    const QJsonObject body{{QStringLiteral("raw"), QString::fromLatin1(rfc5322.toBase64(Base64Url))}};
    call("POST", QStringLiteral("/gmail/v1/users/me/messages/send"), {}, body,
         [reply](const QJsonObject &json, const ConnectorError &error) {
             if (!error)
                 reply->setServerReply(QStringLiteral("Gmail id %1").arg(json.value(QStringLiteral("id")).toString()));
             reply->finish(error);
         });
    return reply;
}

GmailReply *GmailClient::listIds(const QString &query, int limit)
{
    auto *reply = new GmailReply;
    listPage(reply, query, limit, QString(), {});
    return reply;
}

void GmailClient::listPage(GmailReply *reply, QString query, int limit, QString pageToken, QStringList collected)
{
    QList<std::pair<QString, QString>> params{{QStringLiteral("q"), query}};
    if (!pageToken.isEmpty())
        params.append({QStringLiteral("pageToken"), pageToken});
    if (limit > 0)
        params.append({QStringLiteral("maxResults"), QString::number(std::min(limit - int(collected.size()), 500))});
    QPointer<GmailReply> guard(reply);
    call("GET", QStringLiteral("/gmail/v1/users/me/messages"), params, {},
         [this, guard, query, limit, collected](const QJsonObject &json, const ConnectorError &error) mutable {
             if (!guard)
                 return;
             if (error)
                 return guard->finish(error);
             for (const QJsonValue &m : json.value(QStringLiteral("messages")).toArray())
                 collected.append(m.toObject().value(QStringLiteral("id")).toString());
             const QString next = json.value(QStringLiteral("nextPageToken")).toString();
             if (!next.isEmpty() && (limit <= 0 || collected.size() < limit)) {
                 listPage(guard, query, limit, next, collected);
                 return;
             }
             if (limit > 0 && collected.size() > limit)
                 collected = collected.mid(0, limit);
             guard->setIds(collected);
             guard->finish();
         });
}

GmailReply *GmailClient::getMessages(const QStringList &ids, bool metadataOnly)
{
    auto *reply = new GmailReply;
    getNext(reply, ids, metadataOnly);
    return reply;
}

void GmailClient::getNext(GmailReply *reply, QStringList remaining, bool metadataOnly)
{
    if (remaining.isEmpty()) {
        reply->finish();
        return;
    }
    const QString id = remaining.takeFirst();
    QList<std::pair<QString, QString>> params;
    if (metadataOnly) {
        params = {{QStringLiteral("format"), QStringLiteral("metadata")}};
        for (const char *h : {"From", "Subject", "Date", "Message-ID"})
            params.append({QStringLiteral("metadataHeaders"), QString::fromLatin1(h)});
    } else {
        params = {{QStringLiteral("format"), QStringLiteral("raw")}};
    }
    QPointer<GmailReply> guard(reply);
    call("GET", QStringLiteral("/gmail/v1/users/me/messages/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(id))),
         params, {}, [this, guard, remaining, metadataOnly](const QJsonObject &json, const ConnectorError &error) {
             if (!guard)
                 return;
             if (error)
                 return guard->finish(error);
             guard->addMessage(messageFromJson(json));
             getNext(guard, remaining, metadataOnly);
         });
}

GmailReply *GmailClient::modifyLabels(const QString &id, const QStringList &add, const QStringList &remove)
{
    auto *reply = new GmailReply;
    QJsonObject body;
    if (!add.isEmpty())
        body.insert(QStringLiteral("addLabelIds"), QJsonArray::fromStringList(add));
    if (!remove.isEmpty())
        body.insert(QStringLiteral("removeLabelIds"), QJsonArray::fromStringList(remove));
    call("POST", QStringLiteral("/gmail/v1/users/me/messages/%1/modify").arg(QString::fromLatin1(QUrl::toPercentEncoding(id))),
         {}, body, [reply](const QJsonObject &, const ConnectorError &error) { reply->finish(error); });
    return reply;
}

} // namespace machina
