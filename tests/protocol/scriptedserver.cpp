#include "scriptedserver.h"

#include <QRegularExpression>

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTimer>

namespace {

/// Runs the openssl command in @p dir; an error sentence, or empty on success.
QString runOpenssl(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    // Test setup, once per run: a blocking wait is fine here (never in the server itself).
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        return QStringLiteral("openssl %1 failed: %2 %3")
            .arg(args.join(QLatin1Char(' ')), p.errorString(), QString::fromLocal8Bit(p.readAll()));
    }
    return {};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// "220 go\r\n" from the script text "220 go\\r\\n".
QByteArray unescape(const QByteArray &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c != '\\' || i + 1 >= text.size()) {
            out += c;
            continue;
        }
        const char e = text.at(++i);
        switch (e) {
        case 'r': out += '\r'; break;
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'x':
            if (i + 2 < text.size()) {
                bool ok = false;
                const int v = text.mid(i + 1, 2).toInt(&ok, 16);
                if (ok) {
                    out += char(v);
                    i += 2;
                    break;
                }
            }
            out += "\\x";
            break;
        default: out += e; break;
        }
    }
    return out;
}

/// Control bytes shown as \r, \n, \xHH in transcripts and mismatch messages.
QByteArray printable(const QByteArray &bytes)
{
    QByteArray out;
    for (char c : bytes) {
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            out += "\\x" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        else
            out += c;
    }
    return out;
}

} // namespace

const ScriptedServer::Certificates &ScriptedServer::certificates()
{
    static QTemporaryDir dir;
    static const Certificates certs = [] {
        Certificates c;
        if (!dir.isValid()) {
            c.error = QStringLiteral("cannot create a temporary directory: %1").arg(dir.errorString());
            return c;
        }
        const QString d = dir.path();
        // A CA of our own (with the extensions a CA needs), then a leaf for localhost signed by it.
        if (!writeFile(d + QStringLiteral("/ca.cnf"),
                       "[req]\n"
                       "distinguished_name = dn\n"
                       "x509_extensions = v3\n"
                       "prompt = no\n"
                       "[dn]\n"
                       "CN = Machina Test CA\n"
                       "[v3]\n"
                       "basicConstraints = critical,CA:TRUE\n"
                       "keyUsage = critical,keyCertSign,cRLSign\n"
                       "subjectKeyIdentifier = hash\n")
            || !writeFile(d + QStringLiteral("/server.ext"),
                          "subjectAltName = DNS:localhost,IP:127.0.0.1\n"
                          "basicConstraints = critical,CA:FALSE\n"
                          "keyUsage = critical,digitalSignature\n"
                          "extendedKeyUsage = serverAuth\n"
                          "authorityKeyIdentifier = keyid\n")) {
            c.error = QStringLiteral("cannot write the openssl configuration in %1").arg(d);
            return c;
        }
        const QString ec = QStringLiteral("ec_paramgen_curve:prime256v1");
        const QList<QStringList> commands = {
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-config"), QStringLiteral("ca.cnf"),
             QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), ec, QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.pem"),
             QStringLiteral("-days"), QStringLiteral("2")},
            {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), ec, QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("server.key"),
             QStringLiteral("-out"), QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")},
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
             QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
             QStringLiteral("-set_serial"), QStringLiteral("2"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-extfile"), QStringLiteral("server.ext"), QStringLiteral("-out"), QStringLiteral("server.pem")},
        };
        for (const QStringList &args : commands) {
            c.error = runOpenssl(d, args);
            if (!c.error.isEmpty())
                return c;
        }
        c.caFile = d + QStringLiteral("/ca.pem");
        c.certificateFile = d + QStringLiteral("/server.pem");
        c.keyFile = d + QStringLiteral("/server.key");
        return c;
    }();
    return certs;
}

QSslConfiguration ScriptedServer::clientTlsConfiguration(bool trustTestCa)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (trustTestCa)
        config.addCaCertificates(QSslCertificate::fromData(readFile(certificates().caFile), QSsl::Pem));
    return config;
}

ScriptedServer::ScriptedServer(Mode mode, QObject *parent) : QTcpServer(parent), m_mode(mode)
{
    const Certificates &certs = certificates();
    if (certs.error.isEmpty()) {
        m_serverTls = QSslConfiguration::defaultConfiguration();
        m_serverTls.setLocalCertificate(QSslCertificate(readFile(certs.certificateFile), QSsl::Pem));
        m_serverTls.setPrivateKey(QSslKey(readFile(certs.keyFile), QSsl::Ec, QSsl::Pem));
        m_serverTls.setPeerVerifyMode(QSslSocket::VerifyNone);
    } else {
        m_mismatches.append(QStringLiteral("no test certificate: %1").arg(certs.error));
    }
}

ScriptedServer::~ScriptedServer()
{
    // The sockets are our children; stop them from calling back into a half-destroyed server.
    for (const auto &c : m_connections)
        c->socket->disconnect(this);
}

bool ScriptedServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

void ScriptedServer::addConnection(const QByteArray &script)
{
    QStringList errors;
    m_scripts.append(parse(script, &errors));
    for (const QString &e : std::as_const(errors))
        m_mismatches.append(QStringLiteral("script %1: %2").arg(m_scripts.size()).arg(e));
}

int ScriptedServer::closedCount() const
{
    int n = 0;
    for (const auto &c : m_connections)
        n += c->closed ? 1 : 0;
    return n;
}

bool ScriptedServer::isComplete() const
{
    if (!m_mismatches.isEmpty() || m_connections.size() < size_t(m_scripts.size()))
        return false;
    for (const auto &c : m_connections) {
        if (c->completed)
            continue;
        if (!c->closed)
            return false;
        for (qsizetype i = c->pos; i < c->steps.size(); ++i) {
            if (c->steps.at(i).kind != Step::Kind::ExpectOptional)
                return false;
        }
    }
    return true;
}

QList<QByteArray> ScriptedServer::commands(int connection) const
{
    QList<QByteArray> out;
    for (const ClientLine &l : m_clientLines) {
        if (l.connection == connection)
            out.append(l.line);
    }
    return out;
}

QByteArray ScriptedServer::report() const
{
    QByteArray out;
    for (const QString &m : m_mismatches)
        out += "mismatch: " + m.toUtf8() + '\n';
    for (const QString &e : m_socketErrors)
        out += "socket error: " + e.toUtf8() + '\n';
    for (const auto &c : m_connections) {
        if (!c->completed && c->pos < c->steps.size())
            out += "connection " + QByteArray::number(c->index) + " stopped at step "
                   + QByteArray::number(c->pos + 1) + " of " + QByteArray::number(c->steps.size()) + '\n';
    }
    if (m_connections.size() < size_t(m_scripts.size()))
        out += "scripts left unused: " + QByteArray::number(m_scripts.size() - qsizetype(m_connections.size())) + '\n';
    return out + "transcript:\n" + transcript();
}

QList<ScriptedServer::Step> ScriptedServer::parse(const QByteArray &script, QStringList *errors)
{
    QList<Step> steps;
    const QList<QByteArray> lines = script.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QByteArray line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        Step s;
        auto rest = [&](qsizetype prefix) { return line.mid(prefix).trimmed(); };
        if (line.startsWith("S:")) {
            s.kind = Step::Kind::Send;
            s.text = rest(2);
        } else if (line.startsWith("C?:")) {
            s.kind = Step::Kind::ExpectOptional;
            s.text = rest(3);
        } else if (line.startsWith("C:")) {
            s.kind = Step::Kind::Expect;
            s.text = rest(2);
        } else if (line.startsWith("raw:")) {
            s.kind = Step::Kind::Raw;
            s.text = unescape(rest(4));
        } else if (line == "starttls") {
            s.kind = Step::Kind::StartTls;
        } else if (line == "wait-data") {
            s.kind = Step::Kind::WaitData;
        } else if (line == "close") {
            s.kind = Step::Kind::Close;
        } else if (line == "abort") {
            s.kind = Step::Kind::Abort;
        } else if (line.startsWith("sleep ")) {
            bool ok = false;
            s.kind = Step::Kind::Sleep;
            s.ms = rest(6).toInt(&ok);
            if (!ok || s.ms < 0) {
                errors->append(QStringLiteral("line %1: bad sleep time: %2").arg(n + 1).arg(QString::fromUtf8(line)));
                continue;
            }
        } else {
            errors->append(QStringLiteral("line %1: unknown step: %2").arg(n + 1).arg(QString::fromUtf8(line)));
            continue;
        }
        steps.append(s);
    }
    return steps;
}

QByteArray ScriptedServer::scriptFromTranscript(const QByteArray &transcript)
{
    static const QRegularExpression step(QStringLiteral("^(?:[\\w.-]+: )?([CS]):(?: (.*))?$"));
    static const QRegularExpression startTls(QStringLiteral("^(?:[\\w.-]+: )?starttls$"));
    static const QRegularExpression varying(QStringLiteral("^(Date|Message-Id): "),
                                            QRegularExpression::CaseInsensitiveOption);
    QByteArray script;
    for (const QByteArray &raw : transcript.split('\n')) {
        if (startTls.match(QString::fromUtf8(raw)).hasMatch()) {
            script += "starttls\n";
            continue;
        }
        const QRegularExpressionMatch m = step.match(QString::fromUtf8(raw));
        if (!m.hasMatch())
            continue;
        QByteArray text = m.captured(2).toUtf8();
        if (m.captured(1) == QLatin1String("C")) {
            if (text.endsWith("<redacted>"))
                text = text.chopped(int(sizeof("<redacted>") - 1)) + '*';
            const QRegularExpressionMatch header = varying.match(QString::fromUtf8(text));
            if (header.hasMatch())
                text = header.captured(0).toUtf8() + '*';
        }
        script += m.captured(1).toUtf8() + ": " + text + '\n';
    }
    return script;
}

bool ScriptedServer::matches(const QByteArray &expected, const QByteArray &line)
{
    if (expected.endsWith('*'))
        return line.startsWith(expected.chopped(1));
    return line == expected;
}

void ScriptedServer::incomingConnection(qintptr handle)
{
    auto owned = std::make_unique<Connection>();
    Connection *c = owned.get();
    c->index = int(m_connections.size()) + 1;
    c->socket = new QSslSocket(this);
    m_connections.push_back(std::move(owned));

    QSslSocket *socket = c->socket;
    connect(socket, &QSslSocket::readyRead, this, [this, c] { onReadyRead(c); });
    connect(socket, &QSslSocket::disconnected, this, [this, c] { onDisconnected(c); });
    connect(socket, &QSslSocket::encrypted, this, [this, c] {
        c->handshaking = false;
        log(c, "-- TLS established");
        run(c);
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this, c](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError && !c->handshaking)
            return; // the client closing is part of many scripts; disconnected() records it
        m_socketErrors.append(QStringLiteral("connection %1: %2").arg(c->index).arg(c->socket->errorString()));
    });
    if (!socket->setSocketDescriptor(handle)) {
        m_socketErrors.append(QStringLiteral("connection %1: %2").arg(c->index).arg(socket->errorString()));
        c->closed = true;
        return;
    }
    // No Nagle: scripted round trips must not wait for delayed ACKs (Nagle plus delayed ACK costs 40 ms a round trip).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setSslConfiguration(m_serverTls);
    log(c, "-- accepted");

    if (c->index > m_scripts.size()) {
        fail(c, QStringLiteral("connection %1 was not expected (only %2 scripted)").arg(c->index).arg(m_scripts.size()));
        return;
    }
    c->steps = m_scripts.at(c->index - 1);
    if (m_mode == Mode::ImplicitTls) {
        c->handshaking = true;
        socket->startServerEncryption();
        return; // encrypted() starts the script
    }
    run(c);
}

void ScriptedServer::onReadyRead(Connection *c)
{
    const QByteArray bytes = c->socket->readAll();
    if (bytes.isEmpty())
        return;
    ++c->chunks;
    c->partial += bytes;
    qsizetype eol;
    while ((eol = c->partial.indexOf("\r\n")) >= 0) {
        c->pending.append({c->index, c->partial.left(eol), c->chunks, c->writes});
        c->partial.remove(0, eol + 2);
    }
    run(c);
}

void ScriptedServer::onDisconnected(Connection *c)
{
    if (c->closed)
        return;
    c->closed = true;
    log(c, "-- closed");
    run(c);
    Q_EMIT connectionClosed(c->index);
}

void ScriptedServer::run(Connection *c)
{
    // Writing or aborting can call back into us (disconnected()); the outer call goes on.
    if (c->running)
        return;
    c->running = true;
    bool wait = false;
    while (!wait && !c->handshaking && !c->sleeping && c->pos < c->steps.size())
        step(c, &wait);
    c->running = false;

    if (c->pos == c->steps.size() && !c->completed && !c->failed && !c->handshaking && !c->sleeping) {
        c->completed = true;
        Q_EMIT scriptCompleted(c->index);
    }
    if (c->completed && !c->pending.isEmpty()) {
        const ClientLine extra = c->pending.takeFirst();
        c->pending.clear();
        m_clientLines.append(extra);
        log(c, "C: " + printable(extra.line));
        fail(c, QStringLiteral("connection %1: the client sent \"%2\" after the end of the script")
                    .arg(c->index).arg(QString::fromUtf8(printable(extra.line))));
    }
}

void ScriptedServer::step(Connection *c, bool *wait)
{
    const Step &s = c->steps.at(c->pos);
    switch (s.kind) {
    case Step::Kind::Send: {
        // A multi-line reply, or several replies in a row, go out in one write.
        QByteArray out;
        while (c->pos < c->steps.size() && c->steps.at(c->pos).kind == Step::Kind::Send) {
            out += c->steps.at(c->pos).text + "\r\n";
            log(c, "S: " + c->steps.at(c->pos).text);
            ++c->pos;
        }
        write(c, out);
        return;
    }
    case Step::Kind::Raw:
        log(c, "S: " + printable(s.text) + " (raw)");
        ++c->pos;
        write(c, s.text);
        return;
    case Step::Kind::Expect:
    case Step::Kind::ExpectOptional: {
        if (c->pending.isEmpty()) {
            if (c->closed && s.kind == Step::Kind::ExpectOptional)
                ++c->pos;
            else
                *wait = true;
            return;
        }
        const ClientLine line = c->pending.takeFirst();
        m_clientLines.append(line);
        log(c, "C: " + printable(line.line));
        ++c->pos;
        if (!matches(s.text, line.line)) {
            fail(c, QStringLiteral("connection %1, step %2: expected \"C: %3\", the client sent \"%4\"")
                        .arg(c->index).arg(c->pos).arg(QString::fromUtf8(s.text), QString::fromUtf8(printable(line.line))));
            *wait = true;
        }
        return;
    }
    case Step::Kind::WaitData: {
        qsizetype end = -1;
        for (qsizetype i = 0; i < c->pending.size(); ++i) {
            if (c->pending.at(i).line == ".") {
                end = i;
                break;
            }
        }
        if (end < 0) {
            *wait = true;
            return;
        }
        QByteArray payload;
        for (qsizetype i = 0; i < end; ++i)
            payload += c->pending.at(i).line + "\r\n";
        c->pending.remove(0, end + 1);
        m_payloads.append(payload);
        log(c, "C: <DATA payload, " + QByteArray::number(payload.size()) + " bytes>");
        log(c, "C: .");
        ++c->pos;
        return;
    }
    case Step::Kind::StartTls:
        ++c->pos;
        if (!c->pending.isEmpty() || !c->partial.isEmpty()) {
            // RFC 3207 section 4.2: a client must not pipeline anything after STARTTLS.
            const QByteArray early = c->pending.isEmpty() ? c->partial : c->pending.first().line;
            fail(c, QStringLiteral("connection %1: the client sent \"%2\" in clear before the TLS handshake")
                        .arg(c->index).arg(QString::fromUtf8(printable(early))));
            *wait = true;
            return;
        }
        log(c, "-- starting TLS");
        c->handshaking = true;
        c->socket->startServerEncryption();
        return;
    case Step::Kind::Sleep:
        ++c->pos;
        log(c, "-- sleep " + QByteArray::number(s.ms));
        c->sleeping = true;
        QTimer::singleShot(s.ms, this, [this, c] {
            c->sleeping = false;
            run(c);
        });
        return;
    case Step::Kind::Close:
        ++c->pos;
        log(c, "-- server closes");
        c->socket->disconnectFromHost();
        return;
    case Step::Kind::Abort:
        ++c->pos;
        log(c, "-- server aborts");
        c->socket->abort();
        return;
    }
}

void ScriptedServer::write(Connection *c, const QByteArray &bytes)
{
    if (c->closed)
        return;
    ++c->writes;
    c->socket->write(bytes);
}

void ScriptedServer::fail(Connection *c, const QString &what)
{
    m_mismatches.append(what);
    Q_EMIT mismatchFound(what);
    c->failed = true;
    // Drop the connection so the client fails now instead of waiting for a timeout.
    c->pos = c->steps.size();
    c->pending.clear();
    if (!c->closed)
        c->socket->abort();
}

void ScriptedServer::log(const Connection *c, const QByteArray &line)
{
    m_transcript.append(QByteArray::number(c->index) + ' ' + line);
}
