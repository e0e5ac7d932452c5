#include "loopbackhttp.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcLoopbackHttp, "machina.test.http", QtWarningMsg)

// ---- HttpParams and HttpRequest ----

QString HttpParams::value(const QString &name) const
{
    for (const auto &item : items) {
        if (item.first == name)
            return item.second;
    }
    return {};
}

QStringList HttpParams::values(const QString &name) const
{
    QStringList out;
    for (const auto &item : items) {
        if (item.first == name)
            out.append(item.second);
    }
    return out;
}

bool HttpParams::contains(const QString &name) const
{
    return std::any_of(items.begin(), items.end(), [&](const auto &item) { return item.first == name; });
}

HttpParams HttpParams::parse(QByteArrayView encoded)
{
    HttpParams params;
    for (QByteArray pair : encoded.toByteArray().split('&')) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' '); // application/x-www-form-urlencoded, as web services read queries too
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        params.items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                             QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return params;
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

// ---- the server ----

struct LoopbackHttpServer::Connection
{
    int index = 0;
    QTcpSocket *socket = nullptr;
    QByteArray buffer;
    bool closing = false;
};

LoopbackHttpServer::LoopbackHttpServer(const QByteArray &serverName, QObject *parent)
    : QObject(parent), m_serverName(serverName), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onNewConnection);
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
        QObject::disconnect(it.key(), nullptr, this, nullptr);
        it.key()->abort();
        delete it.key();
        delete it.value();
    }
    m_connections.clear();
}

void LoopbackHttpServer::setLimits(qsizetype maxHeaderBytes, qsizetype maxBodyBytes)
{
    m_maxHeaderBytes = maxHeaderBytes;
    m_maxBodyBytes = maxBodyBytes;
}

bool LoopbackHttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port)) {
        qWarning("%s: cannot listen on %s:%u: %s", m_serverName.constData(), qPrintable(address.toString()),
                 unsigned(port), qPrintable(m_server->errorString()));
        return false;
    }
    return true;
}

quint16 LoopbackHttpServer::port() const { return m_server->serverPort(); }

QUrl LoopbackHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_server->isListening() ? m_server->serverAddress().toString() : u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

void LoopbackHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new Connection;
        c->index = ++m_connectionCount;
        c->socket = socket;
        m_connections.insert(socket, c);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // Queued: a connection may be dropped while its request is being handled.
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (Connection *gone = m_connections.take(socket)) {
                delete gone;
                socket->deleteLater();
            }
        }, Qt::QueuedConnection);
    }
}

void LoopbackHttpServer::onReadyRead(QTcpSocket *socket)
{
    Connection *c = m_connections.value(socket);
    if (!c)
        return;
    c->buffer += socket->readAll();
    while (!c->closing && processOne(c)) {
    }
}

bool LoopbackHttpServer::processOne(Connection *c)
{
    const qsizetype headerEnd = c->buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (c->buffer.size() > m_maxHeaderBytes)
            send(c, {431, {}, "header too large\n", false}, true);
        return false;
    }
    const QList<QByteArray> lines = c->buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        send(c, {400, {}, "malformed request line\n", false}, true);
        return false;
    }

    HttpRequest request;
    request.connection = c->index;
    request.method = requestLine[0];
    request.target = requestLine[1];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            send(c, {400, {}, "malformed header line\n", false}, true);
            return false;
        }
        request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    if (!request.header("Transfer-Encoding").isEmpty()) {
        // Qt's QNetworkAccessManager and Dovecot's HTTP client send Content-Length.
        send(c, {501, {}, m_serverName + " does not read chunked request bodies\n", false}, true);
        return false;
    }
    qsizetype length = 0;
    if (const QByteArray cl = request.header("Content-Length"); !cl.isEmpty()) {
        bool ok = false;
        length = cl.toLongLong(&ok);
        if (!ok || length < 0) {
            send(c, {400, {}, "bad Content-Length\n", false}, true);
            return false;
        }
        if (length > m_maxBodyBytes) {
            send(c, {413, {}, "body too large\n", false}, true);
            return false;
        }
    }
    const qsizetype total = headerEnd + 4 + length;
    if (c->buffer.size() < total)
        return false; // wait for the rest of the body
    request.body = c->buffer.mid(headerEnd + 4, length);
    c->buffer.remove(0, total);

    const qsizetype question = request.target.indexOf('?');
    request.path = QString::fromUtf8(
        QByteArray::fromPercentEncoding(request.target.left(question < 0 ? request.target.size() : question)));
    if (question >= 0)
        request.query = HttpParams::parse(QByteArrayView(request.target).sliced(question + 1));

    const QByteArray connection = request.header("Connection").toLower();
    const bool close = connection.contains("close")
        || (requestLine[2] == "HTTP/1.0" && !connection.contains("keep-alive"));

    const HttpReply reply = m_handler ? m_handler(request) : HttpReply{404, {}, "no handler\n", false};
    request.status = reply.drop ? 0 : reply.status;
    qCDebug(lcLoopbackHttp).noquote() << m_serverName << c->index << "C:" << request.method << request.path
                                      << "S:" << request.status;

    if (reply.drop) {
        c->closing = true;
        c->socket->abort();
    } else {
        send(c, reply, close);
    }
    Q_EMIT requestHandled(request);
    return !c->closing;
}

void LoopbackHttpServer::send(Connection *c, const HttpReply &reply, bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + httpReasonPhrase(reply.status) + "\r\n";
    bool hasType = false;
    for (const auto &h : reply.headers) {
        hasType = hasType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        out += h.first + ": " + h.second + "\r\n";
    }
    if (!hasType)
        out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    out += "Server: " + m_serverName + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n" + reply.body;
    c->socket->write(out);
    if (close) {
        c->closing = true;
        c->socket->disconnectFromHost();
    }
}

// ---- the browser ----

namespace LoopbackBrowser {

Hop get(QNetworkAccessManager *browser, const QUrl &url, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(timeoutMs);
    std::unique_ptr<QNetworkReply> reply(browser->get(request));
    if (!reply->isFinished()) {
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(timeoutMs))
            return {};
    }
    return {true, reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(),
            reply->rawHeader("Location"), reply->readAll()};
}

bool play(QNetworkAccessManager *browser, const QUrl &authorizationUrl, const SignIn &signIn, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!signIn.isConsentScreen || !signIn.isConsentScreen(authorizationUrl)) {
        return fail(u"the authorization URL %1 is not %2"_s.arg(authorizationUrl.toString(QUrl::RemoveQuery),
                                                                 signIn.consentScreenName));
    }
    const Hop consent = get(browser, authorizationUrl);
    if (!consent.answered)
        return fail(u"the consent screen did not answer within %1 ms"_s.arg(HopTimeoutMs));
    if (consent.status != 302 || consent.location.isEmpty()) {
        return fail(u"the consent screen answered %1 (network error %2), not a redirect: %3"_s.arg(consent.status)
                        .arg(int(consent.error))
                        .arg(QString::fromUtf8(consent.body.left(300))));
    }
    const QByteArray location = signIn.rewriteRedirect ? signIn.rewriteRedirect(consent.location) : consent.location;
    const QUrl callback = QUrl::fromEncoded(location, QUrl::StrictMode);
    if (!signIn.isCallback || !signIn.isCallback(callback)) {
        return fail(u"the consent screen redirected to %1, not to %2"_s.arg(QString::fromUtf8(location),
                                                                            signIn.callbackName));
    }
    const Hop landed = get(browser, callback);
    if (!landed.answered)
        return fail(u"the loopback handler did not answer within %1 ms"_s.arg(HopTimeoutMs));
    if (landed.status != 200)
        return fail(u"the loopback handler answered %1 (network error %2)"_s.arg(landed.status).arg(int(landed.error)));
    return true;
}

} // namespace LoopbackBrowser
