// bench_cache: what the offline inbox cache saves, on a real Dovecot.
//
// Seeds the user's Maildir with N messages (files written straight into
// Maildir/new), then measures,
// each over several runs, through EmailConnector with a store of its own:
//   - cold: `inbox --json --limit 0`'s listing on a new connector with an empty
//     store (every header fetched and written to the cache),
//   - warm: the same on a new connector with the cache filled and nothing new
//     (connect, TLS, login, SELECT ... (QRESYNC (v m)), the rows from the cache),
// and on the warm connector's kept session:
//   - a resync with nothing new (CHANGEDSINCE; a listing of one row),
//   - a sync with nothing new (syncInbox() with every id known, as the console's refresh),
//   - a full listing (every row, from the cache after the resync),
//   - the cache alone (listCachedMessages(), no network),
// and the console's first paint: a new connector on the warm store and a
// MainWindow (offscreen), from its first refresh() to every cached row in the
// inbox model, before any network traffic; then the process's resident memory
// (VmRSS, VmHWM). For 100,000 headers the console keeps every row (inbox/maxRows 0).
// Prints medians, the cold / warm ratio (target >= 5x) and whether the
// resync with nothing new stays under 30 ms.
//
//   bench_cache ENV_FILE USER [MESSAGES=20000] [RUNS=5]

#include "benchsupport.h"
#include "emailconnector.h"
#include "inboxmodel.h"
#include "mainwindow.h"
#include "mailstack.h"
#include "store/messagecache.h"

#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <memory>

using namespace machina;
using BenchSupport::median;

namespace {

QTextStream out(stdout);

/** One listing, run to its end. */
struct Listing
{
    double totalMs = 0;
    int rows = 0;
    int seenStates = 0;
    QStringList ids;
    bool ok = false;
};

/// Runs the reply @p start makes to its end, timed from before the call (listCachedMessages() reads at once); deletes it.
Listing timed(const std::function<InboxListReply *()> &start)
{
    QElapsedTimer clock;
    clock.start();
    InboxListReply *reply = start();
    Listing result;
    result.ok = BenchSupport::finishes(reply, 300000);
    result.totalMs = clock.nsecsElapsed() / 1e6;
    if (reply->error())
        out << "  error: " << reply->error().message() << Qt::endl;
    for (const MessageSummary &m : reply->messages())
        result.ids.append(m.id);
    result.rows = int(reply->messages().size());
    result.seenStates = int(reply->seenStates().size());
    delete reply;
    return result;
}

/// A connector on @p config with its store at @p path; null (and a line on stdout) when the store does not open.
std::unique_ptr<EmailConnector> connectorWithStore(const ConnectorConfig &config, const QString &path)
{
    auto connector = std::make_unique<EmailConnector>(config);
    if (const ConnectorError error = connector->openStore(path)) {
        out << "  cannot open the store: " << error.message() << Qt::endl;
        return nullptr;
    }
    return connector;
}

} // namespace

/// "VmRSS" or "VmHWM" of this process in MiB, from /proc/self/status.
double memoryMiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field)) + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

/// Milliseconds from a new window's first refresh() to @p rows rows painted from the cache at @p path; -1 on failure.
double firstPaint(const ConnectorConfig &config, const QString &path, int rows, const QString &settingsPath)
{
    QElapsedTimer clock;
    clock.start();
    const std::unique_ptr<EmailConnector> connector = connectorWithStore(config, path);
    if (!connector)
        return -1;
    QSettings settings(settingsPath, QSettings::IniFormat);
    settings.setValue(QStringLiteral("inbox/maxRows"), 0);   // every row, as a console set up for 100,000
    MainWindow window(connector.get(), &settings);
    window.refresh();
    while (window.inboxModel()->rowCount() < rows && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    return window.inboxModel()->rowCount() >= rows ? ms : -1;
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: bench_cache ENV_FILE USER [MESSAGES=20000] [RUNS=5]\n";
        return 2;
    }
    qputenv("MAILSTACK_ENV", args[1].toLocal8Bit());
    const QString user = args[2];
    const int wanted = args.size() > 3 ? args[3].toInt() : 20000;
    const int runs = args.size() > 4 ? std::max(1, args[4].toInt()) : 5;

    QString error;
    const std::optional<MailStack> stack = MailStack::fromEnvironment(&error);
    if (!stack) {
        QTextStream(stderr) << error << "\n";
        return 2;
    }
    const int present = BenchSupport::countMessages(*stack, user);
    if (present < wanted) {
        if (!BenchSupport::seed(*stack, user, present, wanted - present, "cache", &error)) {
            QTextStream(stderr) << error << "\n";
            return 2;
        }
        out << "seeded " << (wanted - present) << " messages" << Qt::endl;
    }

    ConnectorConfig config = stack->config(user);
    config.timeout = 120;
    {
        // Dovecot indexes new Maildir files at the first SELECT: not part of any figure.
        EmailConnector connector(config);
        if (!timed([&] { return connector.listMessages(false, 1); }).ok)
            return 1;
    }

    QList<double> cold, warm, resync, sync, keptList, cacheOnly, paint;
    int listed = 0;
    quint64 modSeq = 0;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.sqlite"));
        {
            const std::unique_ptr<EmailConnector> connector = connectorWithStore(config, path);
            if (!connector)
                return 1;
            const Listing l = timed([&] { return connector->listMessages(false, 0); });
            if (!l.ok)
                return 1;
            listed = l.rows;
            cold.append(l.totalMs);
        }
        const std::unique_ptr<EmailConnector> connector = connectorWithStore(config, path);
        if (!connector)
            return 1;
        const Listing w = timed([&] { return connector->listMessages(false, 0); });
        if (!w.ok || w.rows != listed) {
            out << "warm listing gave " << w.rows << " rows, the cold one " << listed << Qt::endl;
            return 1;
        }
        warm.append(w.totalMs);
        modSeq = connector->messageCache()->mailboxState(QStringLiteral("INBOX")).highestModSeq;

        const Listing r = timed([&] { return connector->listMessages(false, 1); });
        if (!r.ok || r.rows != 1)
            return 1;
        resync.append(r.totalMs);

        const Listing s = timed([&] { return connector->syncInbox(w.ids, 0); });
        if (!s.ok || s.rows != 0 || s.seenStates != w.rows) {
            out << "sync with nothing new gave " << s.rows << " rows, " << s.seenStates << " read states" << Qt::endl;
            return 1;
        }
        sync.append(s.totalMs);

        const Listing k = timed([&] { return connector->listMessages(false, 0); });
        if (!k.ok || k.rows != listed)
            return 1;
        keptList.append(k.totalMs);

        const Listing c = timed([&] { return connector->listCachedMessages(false, 0); });
        if (!c.ok || c.rows != listed)
            return 1;
        cacheOnly.append(c.totalMs);

        const double p = firstPaint(config, path, listed, dir.filePath(QStringLiteral("console.ini")));
        if (p < 0) {
            out << "the console did not paint " << listed << " rows from the cache" << Qt::endl;
            return 1;
        }
        paint.append(p);
    }

    const double ratio = median(cold) / std::max(0.001, median(warm));
    out << Qt::endl << "bench_cache: " << listed << " messages in INBOX of " << config.username << ", " << runs
        << " runs, medians (ms); cached HIGHESTMODSEQ " << modSeq << (modSeq ? " (QRESYNC/CONDSTORE)" : " (none)")
        << Qt::endl;
    out << QStringLiteral("  inbox --limit 0, new connector, empty store (cold): %1").arg(median(cold), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  inbox --limit 0, new connector, cache filled, nothing new (warm): %1").arg(median(warm), 0, 'f', 1)
        << Qt::endl;
    out << QStringLiteral("  ratio cold / warm: %1x (target >= 5x)").arg(ratio, 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  resync, nothing new, kept session (a listing of 1 row): %1 (target < 30)")
               .arg(median(resync), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  syncInbox, nothing new, every id known, kept session: %1").arg(median(sync), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  listMessages(false, 0), kept session, nothing new: %1").arg(median(keptList), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  listCachedMessages(false, 0), no network: %1").arg(median(cacheOnly), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  console first paint from the cache (new connector, MainWindow, every row): %1 (target < %2)")
               .arg(median(paint), 0, 'f', 1).arg(listed > 50000 ? 1000 : 300) << Qt::endl;
    out << QStringLiteral("  resident memory now %1 MiB, peak %2 MiB (target < 200 MB)")
               .arg(memoryMiB("VmRSS:"), 0, 'f', 0).arg(memoryMiB("VmHWM:"), 0, 'f', 0) << Qt::endl;
    return 0;
}
