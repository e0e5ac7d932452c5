#pragma once

#include "incomingmessage.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QObject>
#include <QQueue>
#include <QString>
#include <functional>

namespace machina::cli {

/**
 * listen --exec CMD: runs CMD through /bin/sh once per message, one at a
 * time and in arrival order, with the message as one line of JSON on stdin.
 * Its stdout is the reply (empty: no reply); a non-zero exit, a crash or a
 * run over five minutes means "not handled", so the message stays unseen.
 */
class ExecHandler
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::ExecHandler)

public:
    explicit ExecHandler(const QString &command);

    /// A MessageHandler's body: queues @p message; @p done is called once CMD has run for it.
    /// @p workOrder is the message's "work_order" value: {"id", "state"} or null.
    void handle(const IncomingMessage &message, std::function<void(const HandlerResult &)> done,
                const QJsonValue &workOrder = QJsonValue::Null);

    /// The JSON CMD reads on stdin; its keys are documented in README.md.
    static QByteArray messageJson(const IncomingMessage &message, const QJsonValue &workOrder = QJsonValue::Null);

private:
    struct Job
    {
        QByteArray json;
        std::function<void(const HandlerResult &)> done;
    };

    void runNext();

    QString m_command;
    QQueue<Job> m_queue;
    bool m_running = false;
    // Parent of the running process and context of its connections; declared
    // last so it goes first: a process still running is killed without calling
    // back into the members destroyed after it.
    QObject m_scope;
};

} // namespace machina::cli
