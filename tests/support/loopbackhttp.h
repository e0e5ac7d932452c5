#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QTcpServer;
class QTcpSocket;

/// Decoded name=value pairs of a query string or form body, in order ('+' is a space).
struct HttpParams
{
    QList<QPair<QString, QString>> items;
    QString value(const QString &name) const;          ///< the first, or a null QString
    QStringList values(const QString &name) const;
    bool contains(const QString &name) const;
    static HttpParams parse(QByteArrayView encoded);
};

/// One HTTP request as it arrived, and the status it got.
struct HttpRequest
{
    int connection = 0;         ///< 1-based, in accept order
    QByteArray method;
    QByteArray target;          ///< as sent: "/gmail/v1/users/me/messages?q=is%3Aunread..."
    QString path;               ///< percent-decoded, without the query
    HttpParams query;
    QList<QPair<QByteArray, QByteArray>> headers;  ///< names as sent
    QByteArray body;
    int status = 0;             ///< what the server answered (0: connection dropped)
    QByteArray header(QByteArrayView name) const;  ///< case-insensitive; the first one
};

/// What a handler answers. Content-Length, Server and Connection are added when it is sent.
struct HttpReply
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool drop = false;          ///< close without answering
};

/**
 * A plain HTTP/1.1 server on a loopback port for test stand-ins of web services:
 * it reads requests (Content-Length bodies, keep-alive, no chunked uploads), hands
 * each to the handler and writes what the handler answers. Runs on the test's
 * event loop: no threads, no blocking waits.
 */
class LoopbackHttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpReply(HttpRequest &request)>;

    /// @p serverName goes into the Server header and into the server's warnings.
    explicit LoopbackHttpServer(const QByteArray &serverName, QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    /// 431 above this many header bytes, 413 above this many body bytes.
    void setLimits(qsizetype maxHeaderBytes, qsizetype maxBodyBytes);

    /// Listens on @p address (127.0.0.1 unless told), @p port 0 for one the system picks;
    /// false (and a warning) on failure.
    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const;       ///< http://127.0.0.1:P
    int connectionCount() const { return m_connectionCount; }

Q_SIGNALS:
    /// After every answered (or dropped) request; @p request.status holds what it got.
    void requestHandled(const HttpRequest &request);

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    bool processOne(Connection *c);
    void send(Connection *c, const HttpReply &reply, bool close);

    QByteArray m_serverName;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, Connection *> m_connections;
    Handler m_handler;
    qsizetype m_maxHeaderBytes = 64 * 1024;
    qsizetype m_maxBodyBytes = 64 * 1024 * 1024;
    int m_connectionCount = 0;
};

/// The reason phrase of an HTTP status ("Not Found"), or "Status".
QByteArray httpReasonPhrase(int status);

/** The person at the browser during an OAuth 2.0 sign-in with a loopback redirect (RFC 8252). */
namespace LoopbackBrowser {

constexpr int HopTimeoutMs = 10000;

/// What one browser hop got.
struct Hop
{
    bool answered = false;      ///< false: no answer within the timeout
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray location;        ///< the Location header as sent
    QByteArray body;
};

/// One GET that does not follow redirects, as a browser's single hop; waits on the
/// caller's event loop (QSignalSpy) at most @p timeoutMs.
Hop get(QNetworkAccessManager *browser, const QUrl &url, int timeoutMs = HopTimeoutMs);

/// How a stand-in's sign-in looks to the browser.
struct SignIn
{
    /// True for an authorization URL of the stand-in (so a test never reaches the real service).
    std::function<bool(const QUrl &authorizationUrl)> isConsentScreen;
    QString consentScreenName;  ///< for messages: "this fake's consent screen http://..."
    /// True for a redirect target the browser may follow (the application's loopback handler).
    std::function<bool(const QUrl &callback)> isCallback;
    QString callbackName;       ///< for messages: "a loopback /oauth2callback"
    /// When set, gets the redirect's Location as sent and returns the one to follow.
    std::function<QByteArray(const QByteArray &location)> rewriteRedirect;
};

/**
 * GETs @p authorizationUrl (which @p signIn must accept as its consent screen) without
 * following the redirect, checks the redirect goes where @p signIn allows and GETs that,
 * the hop the application's loopback handler answers. At most HopTimeoutMs a hop. True
 * when the handler answered 200; else false with the reason in @p error.
 */
bool play(QNetworkAccessManager *browser, const QUrl &authorizationUrl, const SignIn &signIn, QString *error);

} // namespace LoopbackBrowser
