#include "sendcommand.h"

#include "../clicontext.h"
#include "emailconnector.h"

#include <QCommandLineParser>
#include <QFile>
#include <QStringDecoder>
#include <QTextStream>

#include <cstdio>

namespace machina::cli {

namespace {

/// The message text from --text or --text-file; a usage error (printed) leaves @p ok false.
QString messageText(CliContext &context, bool *ok)
{
    *ok = false;
    const QCommandLineParser &parser = context.parser();
    if (parser.isSet(QStringLiteral("text"))) {
        *ok = true;
        return parser.value(QStringLiteral("text"));
    }
    const QString path = parser.value(QStringLiteral("text-file"));
    QFile file(path);
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : file.open(QIODevice::ReadOnly);
    if (!opened) {
        context.printError(QCoreApplication::translate("machina::cli::SendCommand", "--text-file: cannot read %1: %2")
                               .arg(path, file.errorString()));
        return {};
    }
    const QByteArray bytes = file.readAll();
    auto decoder = QStringDecoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError()) {
        context.printError(
            QCoreApplication::translate("machina::cli::SendCommand", "--text-file: %1 is not UTF-8 text").arg(path));
        return {};
    }
    *ok = true;
    return text;
}

} // namespace

void SendCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("to"), tr("Recipient address; repeat for more."), QStringLiteral("ADDR")});
    parser.addOption({QStringLiteral("subject"), tr("Subject (default \"Machina Notification\")."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("text"), tr("Message text."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("text-file"), tr("Read the message text from F (- for stdin)."), QStringLiteral("F")});
    parser.addOption({QStringLiteral("attach"), tr("Attach FILE; repeat for more."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("queue"), tr("Only queue the message in the outbox (no network); "
                                                  "'outbox flush', the console or listen send it.")});
}

int SendCommand::run(CliContext &context)
{
    const QCommandLineParser &parser = context.parser();
    const QStringList to = parser.values(QStringLiteral("to"));
    if (to.isEmpty()) {
        context.printError(tr("send: give at least one --to ADDR"));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("text")) == parser.isSet(QStringLiteral("text-file"))) {
        context.printError(tr("send: give exactly one of --text T or --text-file F"));
        return ExitUsage;
    }
    bool textOk = false;
    const QString text = messageText(context, &textOk);
    if (!textOk)
        return ExitUsage;

    SendOptions options;
    if (parser.isSet(QStringLiteral("subject")))
        options.subject = parser.value(QStringLiteral("subject"));
    for (const QString &path : parser.values(QStringLiteral("attach"))) {
        ConnectorError error;
        const std::optional<Attachment> attachment = Attachment::fromFile(path, &error);
        if (!attachment) {
            context.printError(error.message());
            return ExitUsage;
        }
        options.attachments.append(*attachment);
    }

    if (!context.loadConfig())
        return ExitUsage;
    if (!context.openStore())
        return ExitFailure;
    EmailConnector *connector = context.connector();
    const bool queueOnly = parser.isSet(QStringLiteral("queue"));
    // Refuse bad input before anything touches the network; but in Gmail
    // mode with no from_address/username the sender is the account, known
    // only once connected (users.getProfile).
    const ConnectorConfig config = connector->config();
    const bool senderFromAccount = config.isGmail() && config.effectiveFromAddress().isEmpty();
    if (senderFromAccount && queueOnly) {
        context.printError(tr("send --queue: the sender is not known without the network; set from_address "
                              "(or username) in the config"));
        return ExitUsage;
    }
    if (senderFromAccount) {
        if (const ConnectorError error = context.wait(connector->connectToServers())) {
            context.printError(error.message());
            return exitCodeFor(error);
        }
    }
    const MessageBuilder::Result built = connector->buildMessage(to, text, options);
    if (!built.message) {
        context.printError(built.error.message());
        return exitCodeFor(built.error);
    }

    if (queueOnly) {
        if (const ConnectorError error = connector->queueMessage(*built.message)) {
            context.printError(error.message());
            return exitCodeFor(error);
        }
        context.out() << "Queued <" << built.message->messageId << ">" << Qt::endl;
        return ExitOk;
    }
    // Through the outbox (written before the first byte goes out), this message only; a failure is
    // reported by the exit code and the entry is failed, never sent later. The whole send is bounded by timeout.
    connector->setSendDeadline(std::max(1, config.timeout) * 1000);
    SendReply *reply = connector->sendBuiltMessage(*built.message);
    const QString messageId = built.message->messageId;
    const ConnectorError error = context.wait(reply);
    if (!error)
        context.wait(connector->waitForSentCopies());   // its Sent copy, bounded by the IMAP step timeout
    context.wait(connector->disconnectFromServers());
    if (error) {
        context.printError(error.message());
        return exitCodeFor(error);
    }
    context.out() << "Sent <" << messageId << "> to " << built.message->envelopeTo.join(QStringLiteral(", "))
                  << Qt::endl;
    return ExitOk;
}

} // namespace machina::cli
