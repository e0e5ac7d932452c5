#include "outboxcommand.h"

#include "../clicontext.h"
#include "emailconnector.h"
#include "outboxflushreply.h"
#include "store/outbox.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace machina::cli {

namespace {

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

/// One entry as --json prints it; the keys are documented in README.md.
QJsonObject entryJson(const OutboxEntry &e)
{
    return QJsonObject{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("message_id"), e.messageId},
        {QStringLiteral("to"), QJsonArray::fromStringList(e.recipients)},
        {QStringLiteral("subject"), e.subject},
        {QStringLiteral("origin"), e.origin},
        {QStringLiteral("state"), OutboxEntry::stateName(e.state)},
        {QStringLiteral("attempts"), e.attempts},
        {QStringLiteral("last_error"), e.lastError},
        {QStringLiteral("server_reply"), e.serverReply},
        {QStringLiteral("created"), timeJson(e.created)},
        {QStringLiteral("sent_at"), timeJson(e.sentAt)},
        {QStringLiteral("next_attempt"), timeJson(e.nextAttempt)},
        {QStringLiteral("possibly_duplicate"), e.possiblyDuplicate},
        {QStringLiteral("sent_copy"), OutboxEntry::stepName(e.copyStep)},
        {QStringLiteral("sent_copy_mailbox"), e.copyMailbox},
    };
}

int list(CliContext &context, Outbox *outbox)
{
    ConnectorError error;
    const QList<OutboxEntry> entries = outbox->entries(&error);
    if (error) {
        context.printError(error.message());
        return ExitFailure;
    }
    QTextStream &out = context.out();
    if (context.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const OutboxEntry &e : entries)
            rows.append(entryJson(e));
        out << QJsonDocument(rows).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    // The column headers; a translation longer than its column only shifts the header line.
    out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
               .arg(QCoreApplication::translate("machina::cli::OutboxCommand", "ID", "column header"), 5)
               .arg(QCoreApplication::translate("machina::cli::OutboxCommand", "STATE", "column header"), -9)
               .arg(QCoreApplication::translate("machina::cli::OutboxCommand", "TRIES", "column header"), 5)
               .arg(QCoreApplication::translate("machina::cli::OutboxCommand", "CREATED", "column header"), -16)
               .arg(QCoreApplication::translate("machina::cli::OutboxCommand", "TO", "column header"), -30)
               .arg(QCoreApplication::translate("machina::cli::OutboxCommand", "SUBJECT", "column header"));
    for (const OutboxEntry &e : entries) {
        out << QStringLiteral("%1  %2  %3  %4  %5  %6\n").arg(e.id, 5).arg(OutboxEntry::stateName(e.state), -9)
                   .arg(e.attempts, 5).arg(e.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), -16)
                   .arg(e.recipients.join(QStringLiteral(", ")).left(30), -30).arg(e.subject);
        if (!e.lastError.isEmpty() && e.state != OutboxEntry::State::Sent)
            out << "       " << e.lastError << '\n';
    }
    out << Qt::flush;
    return ExitOk;
}

int flush(CliContext &context)
{
    EmailConnector *connector = context.connector();
    OutboxFlushReply *reply = connector->flushOutbox();
    int sent = 0, failed = 0, queued = 0;
    bool unreachable = false;
    QString lastError;
    QObject::connect(reply, &ConnectorReply::finished, &context.app(), [&, reply] {
        sent = reply->sent();
        failed = reply->failed();
        queued = reply->stillQueued();
        unreachable = reply->unreachable();
        lastError = reply->lastError();
    });
    const ConnectorError error = context.wait(reply);
    context.wait(connector->disconnectFromServers());
    if (error) {
        context.printError(error.message());
        return exitCodeFor(error) == ExitUsage ? ExitUsage : ExitFailure;
    }
    context.out() << QCoreApplication::translate("machina::cli::OutboxCommand", "Sent %1, failed %2, still queued %3")
                         .arg(sent)
                         .arg(failed)
                         .arg(queued)
                  << Qt::endl;
    if (!lastError.isEmpty() && (unreachable || failed > 0 || queued > 0))
        context.printError(lastError);
    if (queued > 0)
        return ExitNetwork;
    return failed > 0 ? ExitRejected : ExitOk;
}

int change(CliContext &context, Outbox *outbox, const QString &action, const QString &key)
{
    const std::optional<OutboxEntry> entry = outbox->find(key);
    if (!entry) {
        context.printError(QCoreApplication::translate("machina::cli::OutboxCommand",
                                                       "outbox %1: no entry %2 (give its Message-ID or its number from 'outbox')")
                               .arg(action, key));
        return ExitUsage;
    }
    const ConnectorError error = action == QLatin1String("retry") ? outbox->retry(entry->id) : outbox->cancel(entry->id);
    if (error) {
        //: %1 retry or cancel, %2 the Message-ID, %3 the entry's state (queued, sent...): commands and states stay as they are.
        context.printError(QCoreApplication::translate("machina::cli::OutboxCommand", "outbox %1: <%2> is %3: %4")
                               .arg(action, entry->messageId, OutboxEntry::stateName(entry->state), error.message()));
        return error.kind() == ConnectorError::Kind::Store ? ExitFailure : ExitUsage;
    }
    context.out() << (action == QLatin1String("retry") ? "Queued <" : "Cancelled <") << entry->messageId << ">" << Qt::endl;
    return ExitOk;
}

} // namespace

void OutboxCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("json"), tr("Print a JSON array instead of a table.")});
    parser.addPositionalArgument(QStringLiteral("action"), tr("(none): list | flush | retry ID | cancel ID"),
                                 QStringLiteral("[flush | retry ID | cancel ID]"));
}

int OutboxCommand::run(CliContext &context)
{
    const QStringList args = context.parser().positionalArguments().mid(1);
    const QString action = args.value(0);
    const bool needsId = action == QLatin1String("retry") || action == QLatin1String("cancel");
    if (!(args.isEmpty() || (action == QLatin1String("flush") && args.size() == 1) || (needsId && args.size() == 2))) {
        context.printError(tr("outbox: use 'outbox', 'outbox flush', 'outbox retry ID' or 'outbox cancel ID'"));
        return ExitUsage;
    }
    if (!context.loadConfig())
        return ExitUsage;
    if (!context.openStore())
        return ExitFailure;
    Outbox *outbox = context.connector()->outbox();
    if (args.isEmpty())
        return list(context, outbox);
    if (action == QLatin1String("flush"))
        return flush(context);
    return change(context, outbox, action, args.at(1));
}

} // namespace machina::cli
