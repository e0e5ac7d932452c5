// bench_inbox: how long the console waits for its inbox on a real Dovecot.
//
// Seeds the user's Maildir with N messages (files written straight into
// Maildir/new), then measures, each over several runs, on a fresh connector:
//   - the first listing of every header (time to the first batch, to the end),
//   - the same listing into the InboxModel the window shows (rows appended per batch),
// and on a connector that has listed once (kept session):
//   - a sync with nothing new (flags of every known row),
//   - a sync with one new message,
//   - a full re-listing, the console's refresh before syncInbox() existed.
// Prints medians and the ratio of a full re-listing to a sync.
//
//   bench_inbox ENV_FILE USER [MESSAGES] [RUNS]

#include "benchsupport.h"
#include "emailconnector.h"
#include "inboxmodel.h"
#include "mailstack.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QEventLoop>
#include <QTimer>
#include <QTextStream>

#include <algorithm>
#include <sys/stat.h>
#include <unistd.h>

using namespace machina;
using BenchSupport::median;

namespace {

QTextStream out(stdout);

/// Writes @p count messages into @p user's Maildir/new, owned like the directory.
bool seed(const MailStack &stack, const QString &user, int first, int count, QString *error)
{
    const QString dir = QStringLiteral("%1/%2/Maildir/new").arg(stack.mailRoot, user);
    struct stat owner {};
    if (::stat(QFile::encodeName(dir).constData(), &owner) != 0) {
        *error = QStringLiteral("cannot stat %1").arg(dir);
        return false;
    }
    const QByteArray host = QSysInfo::machineHostName().toUtf8();
    for (int i = first; i < first + count; ++i) {
        const QDateTime date = QDateTime::currentDateTimeUtc().addSecs(-3600 * 24 * 30 + i * 60);
        const QByteArray body =
            "From: Alarm system <alarm@" + stack.domain.toUtf8() + ">\r\n"
            "To: " + stack.address(user).toUtf8() + "\r\n"
            "Subject: [WO-2026-" + QByteArray::number(i) + "] P-" + QByteArray::number(100 + i % 400)
            + " vibration " + QByteArray::number(7 + i % 9) + " mm/s\r\n"
            "Date: " + date.toString(Qt::RFC2822Date).toUtf8() + "\r\n"
            "Message-ID: <bench-" + QByteArray::number(i) + "@machina.test>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Drive-end bearing vibration above the limit. Seeded message " + QByteArray::number(i) + ".\r\n";
        const QString path = QStringLiteral("%1/%2.bench%3.%4").arg(dir).arg(date.toSecsSinceEpoch()).arg(i).arg(QString::fromUtf8(host));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size()) {
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        file.close();
        if (::chown(QFile::encodeName(path).constData(), owner.st_uid, owner.st_gid) != 0) {
            *error = QStringLiteral("cannot chown %1").arg(path);
            return false;
        }
    }
    return true;
}

struct Listing
{
    double firstBatchMs = 0;
    double totalMs = 0;
    int rows = 0;
    int removed = 0;
    int seenStates = 0;
    QStringList ids;
    bool ok = false;
};

/// Runs @p reply to its end; @p model, when set, receives the batches as the window's does.
Listing run(InboxListReply *reply, InboxModel *model = nullptr)
{
    Listing result;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(reply, &InboxListReply::rowsListed, reply, [&](const QList<MessageSummary> &rows) {
        if (result.firstBatchMs == 0)
            result.firstBatchMs = clock.nsecsElapsed() / 1e6;
        if (model)
            model->addMessages(rows);
    });
    QEventLoop loop;
    QObject::connect(reply, &ConnectorReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    result.totalMs = clock.nsecsElapsed() / 1e6;
    result.ok = reply->isFinished() && !reply->error();
    if (reply->error())
        out << "  error: " << reply->error().message() << Qt::endl;
    for (const MessageSummary &m : reply->messages())
        result.ids.append(m.id);
    result.rows = int(reply->messages().size());
    result.removed = int(reply->removedIds().size());
    result.seenStates = int(reply->seenStates().size());
    delete reply;
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv); // InboxModel needs the application's style for its icons
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: bench_inbox ENV_FILE USER [MESSAGES=20000] [RUNS=5]\n";
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
        QElapsedTimer clock;
        clock.start();
        if (!seed(*stack, user, present, wanted - present, &error)) {
            QTextStream(stderr) << error << "\n";
            return 2;
        }
        out << "seeded " << (wanted - present) << " messages in " << clock.elapsed() << " ms" << Qt::endl;
    }

    ConnectorConfig config = stack->config(user);
    config.timeout = 120;

    QList<double> firstBatch, fullList, intoModel, syncSame, syncOne, relist;
    int listed = 0;
    for (int i = 0; i < runs; ++i) {
        {
            EmailConnector connector(config); // a new session, as at the console's start
            const Listing l = run(connector.listMessages(false, 0));
            if (!l.ok)
                return 1;
            listed = l.rows;
            firstBatch.append(l.firstBatchMs);
            fullList.append(l.totalMs);
        }
        {
            EmailConnector connector(config);
            InboxModel model;
            const Listing l = run(connector.listMessages(false, 0), &model);
            if (!l.ok || model.rowCount() != l.rows)
                return 1;
            intoModel.append(l.totalMs);

            const QStringList known = model.ids();
            const Listing same = run(connector.syncInbox(known, 0));
            if (!same.ok || same.rows != 0 || same.seenStates != known.size())
                return 1;
            syncSame.append(same.totalMs);

            if (!seed(*stack, user, BenchSupport::countMessages(*stack, user), 1, &error))
                return 1;
            const Listing one = run(connector.syncInbox(known, 0));
            if (!one.ok || one.rows != 1) {
                out << "sync after one new message listed " << one.rows << " rows" << Qt::endl;
                return 1;
            }
            syncOne.append(one.totalMs);

            const Listing again = run(connector.listMessages(false, 0));
            if (!again.ok)
                return 1;
            relist.append(again.totalMs);
        }
    }

    out << Qt::endl << "bench_inbox: " << listed << "+ messages in INBOX of " << config.username << ", " << runs
        << " runs, medians (ms)" << Qt::endl;
    out << QStringLiteral("  first listing, new session: first batch %1, all headers %2")
               .arg(median(firstBatch), 0, 'f', 1).arg(median(fullList), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  first listing into InboxModel (batches appended): %1").arg(median(intoModel), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  sync, nothing new (flags of every row): %1").arg(median(syncSame), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  sync, one new message: %1").arg(median(syncOne), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  full re-listing on the kept session (the refresh before syncInbox): %1")
               .arg(median(relist), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("  ratio full re-listing / sync with one new message: %1x")
               .arg(median(relist) / std::max(0.001, median(syncOne)), 0, 'f', 1) << Qt::endl;
    return 0;
}
