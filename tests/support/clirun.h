#pragma once

// Runs $MACHINA_MAIL from a test without blocking the event loop, so that a
// stand-in served by that loop (an identity provider, a fake Google) answers
// the child meanwhile.

#include <QByteArray>
#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

namespace clitest {

inline constexpr int CliTimeoutMs = 30000;

struct CliRun
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

/// Starts the CLI; the caller waits (the stand-in needs this event loop running meanwhile).
inline void startCli(QProcess *process, const QStringList &args)
{
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->start(qEnvironmentVariable("MACHINA_MAIL"), args);
}

/// Runs the CLI to its end, spinning the event loop while it runs.
inline CliRun runCli(const QStringList &args, int timeoutMs = CliTimeoutMs)
{
    QProcess process;
    QSignalSpy done(&process, &QProcess::finished);
    startCli(&process, args);
    CliRun run;
    if (!process.waitForStarted(5000)) {
        run.err = QStringLiteral("could not start $MACHINA_MAIL: ") + process.errorString();
        return run;
    }
    if (done.isEmpty() && !done.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        run.err = QStringLiteral("timed out: ") + QString::fromUtf8(process.readAllStandardError());
        return run;
    }
    run.finished = true;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

inline QByteArray describe(const CliRun &run)
{
    return QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3").arg(run.exitCode).arg(run.out, run.err).toUtf8();
}

} // namespace clitest
