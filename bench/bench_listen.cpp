// bench_listen: one listen round of MESSAGES unseen messages (default 500),
// each answered, against the reference's loop, on a real Postfix and Dovecot.
//
// Each run seeds the messages into USER's INBOX and times:
//   - ours: listen() with once, through the outbox (each reply written to the
//     store before it is sent, \Seen stored only after the server accepted the
//     reply), from the call to the end of the round with every reply accepted
//     and every read mark stored; the Sent copies are extra work it does too;
//   - the reference: bench/reference_listen.py (Python's imaplib and smtplib:
//     SEARCH UNSEEN, one FETCH n (RFC822) per message, one sendmail per reply
//     on a kept SMTP session).
// Prints the medians and the speed-up (the target is at least 2x).
//
//   bench_listen ENV_FILE USER [MESSAGES] [RUNS]

#include "benchsupport.h"
#include "emailconnector.h"
#include "listenreply.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>

using namespace machina;
using BenchSupport::finishes;

namespace {

QTextStream out(stdout);

/// Milliseconds of our round over every unseen message, or -1.
double ours(const ConnectorConfig &config, int expected)
{
    QTemporaryDir dir;
    EmailConnector connector(config);
    if (connector.openStore(dir.filePath(QStringLiteral("bench.sqlite"))))
        return -1;
    ListenOptions options;
    options.once = true;
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<ListenReply> round(connector.listen(
        [](const IncomingMessage &, const std::function<void(const HandlerResult &)> &done) {
            done(HandlerResult::reply(QStringLiteral("ACK")));
        },
        options));
    if (!finishes(round.get()) || round->handled() != expected) {
        out << "  ours: handled " << round->handled() << " of " << expected << ": " << round->error().message() << Qt::endl;
        return -1;
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    std::unique_ptr<ConnectorReply> copies(connector.waitForSentCopies());
    finishes(copies.get());
    std::unique_ptr<ConnectorReply> closed(connector.disconnectFromServers());
    finishes(closed.get());
    return ms;
}

/// Milliseconds of the reference's round, or -1.
double reference(const MailStack &stack, const QString &user, int expected)
{
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral(MACHINA_SOURCE_DIR "/bench/reference_listen.py"), stack.host,
                  QString::number(stack.imapsPort), QString::number(stack.smtpsPort), stack.caFile, stack.address(user),
                  MailStack::password(user)});
    if (!python.waitForFinished(600000) || python.exitCode() != 0) {
        out << "  reference failed: " << python.readAllStandardError() << Qt::endl;
        return -1;
    }
    const QList<QByteArray> words = python.readAllStandardOutput().trimmed().split(' ');
    if (words.size() != 2 || words.at(1).toInt() != expected) {
        out << "  reference answered " << words.value(1) << " of " << expected << Qt::endl;
        return -1;
    }
    return words.at(0).toDouble();
}

/// Marks everything in the INBOX read, so the next seeding is all that is unseen.
bool markAllRead(const ConnectorConfig &config)
{
    EmailConnector connector(config);
    std::unique_ptr<InboxListReply> unseen(connector.listMessages(true, 0));
    if (!finishes(unseen.get()))
        return false;
    QStringList ids;
    for (const MessageSummary &m : unseen->messages())
        ids.append(m.id);
    if (ids.isEmpty())
        return true;
    std::unique_ptr<ConnectorReply> marked(connector.setSeen(ids, true));
    return finishes(marked.get());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int exitCode = 0;
    const std::optional<MailStack> stack = BenchSupport::stackFromArguments(args, 3, "bench_listen ENV_FILE USER [MESSAGES] [RUNS]", &exitCode);
    if (!stack)
        return exitCode;
    const QString user = args.at(2);
    const ConnectorConfig config = stack->config(user);
    const int count = args.size() > 3 ? args.at(3).toInt() : 500;
    const int runs = args.size() > 4 ? args.at(4).toInt() : 3;

    QString error;
    QList<double> oursMs, referenceMs;
    int seeded = 0;
    for (int run = 0; run < runs; ++run) {
        for (int which = 0; which < 2; ++which) {
            BenchSupport::settle(*stack, user);   // the replies of the last round went to this INBOX too
            if (!markAllRead(config)
                || !BenchSupport::seed(*stack, user, seeded, count, QByteArrayLiteral("listen"), &error)) {
                out << "seeding failed: " << error << Qt::endl;
                return 1;
            }
            seeded += count;
            const double ms = which == 0 ? ours(config, count) : reference(*stack, user, count);
            if (ms < 0)
                return 1;
            (which == 0 ? oursMs : referenceMs).append(ms);
        }
        out << "run " << run + 1 << ": ours " << qRound(oursMs.last()) << " ms, reference " << qRound(referenceMs.last())
            << " ms" << Qt::endl;
    }
    const double o = BenchSupport::median(oursMs);
    const double r = BenchSupport::median(referenceMs);
    out << "\nlisten round of " << count << " unseen messages, each answered; median of " << runs << " runs:\n"
        << "  ours (durable: outbox, \\Seen after the reply, Sent copies): " << qRound(o) << " ms\n"
        << "  reference loop (imaplib + smtplib):                         " << qRound(r) << " ms\n"
        << "  speed-up reference/ours:                                    " << QString::number(r / o, 'f', 2)
        << "x (target >= 2x)" << Qt::endl;
    return 0;
}
