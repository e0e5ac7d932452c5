#include "exechandler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

namespace machina::cli {

namespace {

// Long enough for an agent that thinks; short enough that a hung one does not stop the queue for good.
constexpr int HandlerTimeoutMs = 5 * 60 * 1000;

/// What CMD's end means for the message.
HandlerResult resultOf(QProcess *process, int code, QProcess::ExitStatus status)
{
    const QString out = QString::fromUtf8(process->readAllStandardOutput());
    const QString err = QString::fromUtf8(process->readAllStandardError()).trimmed();
    if (status != QProcess::NormalExit)
        return HandlerResult::failed(QCoreApplication::translate("machina::cli::ExecHandler", "the handler was killed or crashed"));
    if (code != 0) {
        return HandlerResult::failed(QCoreApplication::translate("machina::cli::ExecHandler", "the handler exited with %1%2")
                                         .arg(code)
                                         .arg(err.isEmpty() ? QString() : QStringLiteral(": ") + err.left(200)));
    }
    QString reply = out;
    while (reply.endsWith(QLatin1Char('\n')))
        reply.chop(1);
    return reply.trimmed().isEmpty() ? HandlerResult::noReply() : HandlerResult::reply(reply);
}

} // namespace

ExecHandler::ExecHandler(const QString &command) : m_command(command) {}

void ExecHandler::handle(const IncomingMessage &message, std::function<void(const HandlerResult &)> done,
                         const QJsonValue &workOrder)
{
    m_queue.enqueue({messageJson(message, workOrder), std::move(done)});
    runNext();
}

QByteArray ExecHandler::messageJson(const IncomingMessage &m, const QJsonValue &workOrder)
{
    QJsonArray attachments;
    for (const ParsedAttachment &a : m.attachments) {
        attachments.append(QJsonObject{{QStringLiteral("name"), a.fileName},
                                       {QStringLiteral("content_type"), a.contentType},
                                       {QStringLiteral("size"), a.size}});
    }
    QJsonArray to;
    for (const MailAddress &a : m.to)
        to.append(a.address);
    return QJsonDocument(QJsonObject{
                             {QStringLiteral("uid"), qint64(m.uid)},
                             {QStringLiteral("from"), m.from.address},
                             {QStringLiteral("from_name"), m.from.name},
                             {QStringLiteral("to"), to},
                             {QStringLiteral("subject"), m.subject},
                             {QStringLiteral("text"), m.text},
                             {QStringLiteral("message_id"), m.messageId},
                             {QStringLiteral("date"), m.date.toString(Qt::ISODate)},
                             {QStringLiteral("attachments"), attachments},
                             {QStringLiteral("channel"), m.channel},
                             {QStringLiteral("work_order"), workOrder},
                         })
        .toJson(QJsonDocument::Compact);
}

void ExecHandler::runNext()
{
    if (m_running || m_queue.isEmpty())
        return;
    m_running = true;
    const Job job = m_queue.dequeue();
    auto *process = new QProcess(&m_scope);
    auto *timeout = new QTimer(process);
    timeout->setSingleShot(true);
    QObject::connect(timeout, &QTimer::timeout, process, [process] { process->kill(); });
    // Called once, when the process finished or could not start.
    auto complete = [this, process, done = job.done](const HandlerResult &result) {
        process->disconnect(&m_scope);
        process->deleteLater();
        done(result);
        m_running = false;
        runNext();
    };
    QObject::connect(process, &QProcess::finished, &m_scope,
                     [process, complete](int code, QProcess::ExitStatus status) {
                         complete(resultOf(process, code, status));
                     });
    QObject::connect(process, &QProcess::errorOccurred, &m_scope, [complete](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            complete(HandlerResult::failed(tr("/bin/sh could not be started")));
    });
    process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_command});
    process->write(job.json);
    process->closeWriteChannel();
    timeout->start(HandlerTimeoutMs);
}

} // namespace machina::cli
