#include "processidentity.h"

#include <QFile>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace machina::ProcessIdentity {

namespace {

/// The start time of @p pid in clock ticks since boot, or "0" where /proc is not there.
QString startTimeOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return QStringLiteral("0");
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return QStringLiteral("0");
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
    return fields.size() > 19 ? QString::fromLatin1(fields.at(19)) : QStringLiteral("0");
}

} // namespace

QString current()
{
    // Asked at every claim; a process keeps its identity (a fork would not, and we do not fork).
    static const QString identity = [] {
        const qint64 pid = qint64(::getpid());
        return QStringLiteral("%1:%2:%3").arg(QSysInfo::machineHostName()).arg(pid).arg(startTimeOf(pid));
    }();
    return identity;
}

bool isAlive(const QString &identity)
{
    const QStringList parts = identity.split(QLatin1Char(':'));
    if (parts.size() != 3)
        return false;   // not a claim this program wrote
    if (parts.at(0) != QSysInfo::machineHostName())
        return true;
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno != EPERM)
        return false;
    return startTimeOf(pid) == parts.at(2);
}

} // namespace machina::ProcessIdentity
