// bench_outbox: the outbox's cost in throughput, on a real Postfix and Dovecot.
//
// Over RUNS runs, each with MESSAGES messages (default 500) to RECIPIENT:
//   - direct: one connector without a store sends them one after another on
//     one kept SMTP session (connect included), the way a script would;
//   - outbox: they are queued in a fresh store, then one `outbox flush` pass
//     sends them (connect included), each written sending/sent as it goes,
//     with a copy APPENDed to the Sent mailbox (on the IMAP session, beside
//     the next send); the pass ends when the last copy is stored.
// Prints the medians, messages per second, and the throughput ratio
// outbox/direct (the target is at least 0.9).
//
//   bench_outbox ENV_FILE SENDER RECIPIENT [MESSAGES] [RUNS]

#include "benchsupport.h"
#include "emailconnector.h"
#include "outboxflushreply.h"
#include "store/outbox.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>

using namespace machina;
using BenchSupport::finishes;

namespace {

QTextStream out(stdout);

QList<BuiltMessage> build(EmailConnector &connector, const QString &to, int count, const QString &tag)
{
    QList<BuiltMessage> messages;
    for (int i = 0; i < count; ++i) {
        SendOptions options;
        options.subject = QStringLiteral("%1 %2: pump P-101 pressure alarm").arg(tag).arg(i);
        const MessageBuilder::Result built = connector.buildMessage(
            {to}, QStringLiteral("Suction pressure below the limit.\nPlease check the pump.\n"), options);
        if (built.message)
            messages.append(*built.message);
    }
    return messages;
}

/// Milliseconds for @p count direct sends, or -1.
double direct(const ConnectorConfig &config, const QString &to, int count)
{
    EmailConnector connector(config);
    const QList<BuiltMessage> messages = build(connector, to, count, QStringLiteral("direct"));
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<ConnectorReply> connected(connector.connectToServers());
    if (!finishes(connected.get()))
        return -1;
    for (const BuiltMessage &m : messages) {
        std::unique_ptr<SendReply> sent(connector.sendBuiltMessage(m));
        if (!finishes(sent.get()))
            return -1;
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    std::unique_ptr<ConnectorReply> closed(connector.disconnectFromServers());
    finishes(closed.get());
    return ms;
}

/// Milliseconds for one flush of @p count queued messages with their Sent copies, or -1.
double throughOutbox(const ConnectorConfig &config, const QString &to, int count, bool copies)
{
    QTemporaryDir dir;
    EmailConnector connector(config);
    if (connector.openStore(dir.filePath(QStringLiteral("bench.sqlite"))))
        return -1;
    for (const BuiltMessage &m : build(connector, to, count, QStringLiteral("outbox"))) {
        if (connector.queueMessage(m))
            return -1;
    }
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<OutboxFlushReply> flushed(connector.flushOutbox());
    if (!finishes(flushed.get()) || flushed->sent() != count) {
        out << "  flush: sent " << flushed->sent() << " of " << count << ": " << flushed->lastError() << Qt::endl;
        return -1;
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    int copied = 0;
    for (const OutboxEntry &e : connector.outbox()->entries())
        copied += e.copyStep == OutboxEntry::Step::Done ? 1 : 0;
    if (copied != (copies ? count : 0)) {
        out << "  " << copied << " Sent copies of " << count << Qt::endl;
        return -1;
    }
    std::unique_ptr<ConnectorReply> closed(connector.disconnectFromServers());
    finishes(closed.get());
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int exitCode = 0;
    const std::optional<MailStack> stack = BenchSupport::stackFromArguments(args, 4, "bench_outbox ENV_FILE SENDER RECIPIENT [MESSAGES] [RUNS]", &exitCode);
    if (!stack)
        return exitCode;
    const ConnectorConfig config = stack->config(args.at(2));
    const QString to = stack->address(args.at(3));
    const int count = args.size() > 4 ? args.at(4).toInt() : 500;
    const int runs = args.size() > 5 ? args.at(5).toInt() : 3;

    // The same account without imap_host: the outbox alone, no Sent copies.
    ConnectorConfig sendOnly = config;
    sendOnly.imapHost.clear();
    QList<double> directMs, outboxMs, outboxOnlyMs;
    for (int run = 0; run < runs; ++run) {
        // Alternated, so a slow phase of the machine hits all alike.
        BenchSupport::settle(*stack, args.at(3));
        const double d = direct(config, to, count);
        BenchSupport::settle(*stack, args.at(3));
        const double o = throughOutbox(config, to, count, true);
        BenchSupport::settle(*stack, args.at(3));
        const double n = throughOutbox(sendOnly, to, count, false);
        if (d < 0 || o < 0 || n < 0) {
            out << "run " << run + 1 << " failed" << Qt::endl;
            return 1;
        }
        directMs.append(d);
        outboxMs.append(o);
        outboxOnlyMs.append(n);
        out << "run " << run + 1 << ": direct " << qRound(d) << " ms, outbox " << qRound(o) << " ms, outbox without copies "
            << qRound(n) << " ms" << Qt::endl;
    }
    const double d = BenchSupport::median(directMs);
    const double o = BenchSupport::median(outboxMs);
    const double n = BenchSupport::median(outboxOnlyMs);
    out << "\n" << count << " messages, median of " << runs << " runs:\n"
        << "  direct sends, one kept session:      " << qRound(d) << " ms (" << qRound(count * 1000.0 / d) << " msg/s)\n"
        << "  outbox flush, with Sent copies:      " << qRound(o) << " ms (" << qRound(count * 1000.0 / o) << " msg/s)\n"
        << "  outbox flush, no Sent copies:        " << qRound(n) << " ms (" << qRound(count * 1000.0 / n) << " msg/s)\n"
        << "  throughput outbox/direct:            " << QString::number(d / o, 'f', 2) << " (target >= 0.9)" << Qt::endl;
    return 0;
}
