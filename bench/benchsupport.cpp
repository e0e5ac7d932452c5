#include "benchsupport.h"

#include "connectorreply.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QThread>
#include <QEventLoop>
#include <QFile>
#include <QSysInfo>
#include <QTimer>
#include <QTextStream>

#include <algorithm>
#include <sys/stat.h>
#include <unistd.h>

namespace BenchSupport {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

bool seed(const MailStack &stack, const QString &user, int first, int count, const QByteArray &tag, QString *error)
{
    const QString dir = QStringLiteral("%1/%2/Maildir/new").arg(stack.mailRoot, user);
    struct stat owner {};
    if (::stat(QFile::encodeName(dir).constData(), &owner) != 0) {
        *error = QStringLiteral("cannot stat %1").arg(dir);
        return false;
    }
    const QByteArray host = QSysInfo::machineHostName().toUtf8();
    for (int i = first; i < first + count; ++i) {
        const QDateTime date = QDateTime::currentDateTimeUtc().addSecs(-3600 + i);
        const QByteArray n = QByteArray::number(i);
        const QByteArray body = "From: Alarm system <alarm@" + stack.domain.toUtf8() + ">\r\n"
                                "To: " + stack.address(user).toUtf8() + "\r\n"
                                "Subject: [" + tag + "-" + n + "] P-" + QByteArray::number(100 + i % 400) + " pressure low\r\n"
                                "Date: " + date.toString(Qt::RFC2822Date).toUtf8() + "\r\n"
                                "Message-ID: <" + tag + "-" + n + "@machina.test>\r\n"
                                "MIME-Version: 1.0\r\n"
                                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                                "Suction pressure below the limit. Message " + n + ".\r\n";
        const QString path = QStringLiteral("%1/%2.%3-%4.%5").arg(dir).arg(date.toSecsSinceEpoch())
                                 .arg(QString::fromLatin1(tag)).arg(i).arg(QString::fromUtf8(host));
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

std::optional<MailStack> stackFromArguments(const QStringList &args, int required, const char *usage, int *exitCode)
{
    QTextStream out(stdout);
    if (args.size() < required) {
        out << "usage: " << usage << Qt::endl;
        *exitCode = 2;
        return std::nullopt;
    }
    QString error;
    std::optional<MailStack> stack = MailStack::fromFile(args.at(1), &error);
    if (!stack) {
        out << error << Qt::endl;
        *exitCode = 1;
    }
    return stack;
}

int countMessages(const MailStack &stack, const QString &user)
{
    int n = 0;
    for (const char *sub : {"new", "cur"})
        n += int(QDir(QStringLiteral("%1/%2/Maildir/%3").arg(stack.mailRoot, user, QLatin1String(sub))).entryList(QDir::Files).size());
    return n;
}

void settle(const MailStack &stack, const QString &user)
{
    int last = -1;
    QElapsedTimer stable;
    stable.start();
    while (stable.elapsed() < 1000) {
        const int now = countMessages(stack, user);
        if (now != last) {
            last = now;
            stable.restart();
        }
        QThread::msleep(100);
    }
}

bool finishes(machina::ConnectorReply *reply, int ms)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &machina::ConnectorReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return reply->isFinished() && !reply->error();
}

} // namespace BenchSupport
