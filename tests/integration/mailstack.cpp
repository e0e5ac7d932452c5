#include "mailstack.h"

#include "emailconnector.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QDebug>
#include <QProcess>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <memory>

std::optional<MailStack> MailStack::fromEnvironment(QString *error)
{
    const QString envPath = qEnvironmentVariable("MAILSTACK_ENV");
    if (envPath.isEmpty()) {
        *error = QStringLiteral("MAILSTACK_ENV is not set: run this test through ctest, which starts the mail stack");
        return std::nullopt;
    }
    return fromFile(envPath, error);
}

std::optional<MailStack> MailStack::fromFile(const QString &envPath, QString *error)
{
    QFile file(envPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1 (did integration.mailstack.start fail?): %2").arg(envPath, file.errorString());
        return std::nullopt;
    }
    QHash<QString, QString> values;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (line.startsWith(QLatin1Char('#')) || eq <= 0)
            continue;
        QString value = line.mid(eq + 1);
        // The script writes values with printf %q; ours need no unquoting beyond quotes and backslashes.
        if (value.size() >= 2 && (value.startsWith(QLatin1Char('\'')) || value.startsWith(QLatin1Char('"'))))
            value = value.mid(1, value.size() - 2);
        value.replace(QStringLiteral("\\ "), QStringLiteral(" "));
        values.insert(line.left(eq), value);
    }
    MailStack s;
    s.dir = values.value(QStringLiteral("MAILSTACK_DIR"));
    s.host = values.value(QStringLiteral("MAILSTACK_HOST"));
    s.smtpsPort = values.value(QStringLiteral("MAILSTACK_SMTPS_PORT")).toInt();
    s.submissionPort = values.value(QStringLiteral("MAILSTACK_SUBMISSION_PORT")).toInt();
    s.untrustedSmtpsPort = values.value(QStringLiteral("MAILSTACK_UNTRUSTED_SMTPS_PORT")).toInt();
    s.imapsPort = values.value(QStringLiteral("MAILSTACK_IMAPS_PORT")).toInt();
    s.imapPort = values.value(QStringLiteral("MAILSTACK_IMAP_PORT")).toInt();
    s.caFile = values.value(QStringLiteral("MAILSTACK_CA_FILE"));
    s.untrustedCaFile = values.value(QStringLiteral("MAILSTACK_UNTRUSTED_CA_FILE"));
    s.domain = values.value(QStringLiteral("MAILSTACK_DOMAIN"));
    s.mailRoot = values.value(QStringLiteral("MAILSTACK_MAIL_ROOT"));
    s.users = values.value(QStringLiteral("MAILSTACK_USERS")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (s.host.isEmpty() || !s.smtpsPort || !s.submissionPort || s.caFile.isEmpty() || s.mailRoot.isEmpty()) {
        *error = QStringLiteral("%1 does not describe a complete mail stack").arg(envPath);
        return std::nullopt;
    }
    return s;
}

QList<QByteArray> MailStack::messages(const QString &user) const
{
    QList<QByteArray> out;
    for (const char *sub : {"new", "cur"}) {
        QDir dir(QStringLiteral("%1/%2/Maildir/%3").arg(mailRoot, user, QLatin1String(sub)));
        const QStringList names = dir.entryList(QDir::Files, QDir::Name);
        for (const QString &name : names) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                out.append(f.readAll());
        }
    }
    return out;
}

QByteArray MailStack::findMessage(const QString &user, const QByteArray &token) const
{
    const QList<QByteArray> all = messages(user);
    for (const QByteArray &m : all) {
        if (m.contains(token))
            return m;
    }
    return {};
}

namespace {

const QString kMailStackScript = QStringLiteral(MACHINA_SOURCE_DIR "/tests/harness/mailstack.sh");

/// bash mailstack.sh ARGS; true when it exited 0. @p output gets what it printed.
bool runMailStackScript(const QStringList &args, int timeoutMs, QByteArray *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("bash"), QStringList{kMailStackScript} + args);
    const bool ok = p.waitForFinished(timeoutMs) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    *output = p.readAll();
    return ok;
}

} // namespace

bool PrivateMailStack::start(const QString &users, QString *error, const QStringList &extraArgs)
{
    QByteArray output;
    const QStringList args = QStringList{QStringLiteral("start"), m_dir, QStringLiteral("--users"), users} + extraArgs;
    if (!runMailStackScript(args, 120000, &output)) {
        *error = QString::fromUtf8(output);
        return false;
    }
    const std::optional<MailStack> started = MailStack::fromFile(m_dir + QStringLiteral("/env"), error);
    if (!started)
        return false;
    m_stack = *started;
    return true;
}

bool PrivateMailStack::run(const QString &action) const
{
    QByteArray output;
    const bool ok = runMailStackScript({action, m_dir}, 60000, &output);
    if (!ok)
        qWarning().noquote() << "mailstack.sh" << action << "failed:" << output;
    return ok;
}

CliRun runMachinaMail(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess process;
    QProcessEnvironment full = QProcessEnvironment::systemEnvironment();
    full.insert(env);
    process.setProcessEnvironment(full);
    process.start(qEnvironmentVariable("MACHINA_MAIL"), args);
    CliRun run;
    if (!process.waitForStarted(10000)) {
        run.err = QStringLiteral("could not start $MACHINA_MAIL: ") + process.errorString();
        return run;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("machina-mail did not finish within 60 s");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString writeConfig(const QString &dir, const MailStack &stack, const QString &user, int port, bool useTls,
                    const QString &caFile)
{
    const QString path = dir + QStringLiteral("/config-%1-%2.yaml").arg(user).arg(port);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    QTextStream yaml(&file);
    yaml << "connectors:\n"
         << "  email:\n"
         << "    type: email\n"
         << "    smtp_host: " << stack.host << "\n"
         << "    smtp_port: " << port << "\n"
         << "    imap_host: " << stack.host << "\n"
         << "    imap_port: " << stack.imapsPort << "\n"
         << "    username: " << stack.address(user) << "\n"
         << "    password: ${MACHINA_TEST_PASSWORD}\n"
         << "    use_tls: " << (useTls ? "true" : "false") << "\n"
         << "    ca_file: " << caFile << "\n"
         << "    timeout: 20\n";
    return path;
}

machina::ConnectorConfig MailStack::config(const QString &user) const
{
    machina::ConnectorConfig config;
    config.smtpHost = host;
    config.smtpPort = smtpsPort;
    config.imapHost = host;
    config.imapPort = imapsPort;
    config.username = address(user);
    config.password = password(user);
    config.caFile = caFile;
    return config;
}

namespace {

/// Runs the event loop until @p reply finished (at most @p timeoutMs); true when it did without error.
bool finishedWell(machina::ConnectorReply *reply, int timeoutMs)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &machina::ConnectorReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return reply->isFinished() && !reply->error();
}

} // namespace

bool MailStack::send(const QString &from, const QString &to, const QString &subject, const QString &text) const
{
    return sendReply(from, to, subject, text, {});
}

bool MailStack::sendReply(const QString &from, const QString &to, const QString &subject, const QString &text,
                          const QString &inReplyTo) const
{
    machina::EmailConnector connector(config(from));
    std::unique_ptr<machina::ConnectorReply> connected(connector.connectToServers());
    if (!finishedWell(connected.get(), 20000))
        return false;
    machina::SendOptions options;
    options.subject = subject;
    if (!inReplyTo.isEmpty()) {
        options.inReplyTo = inReplyTo;
        options.references = {inReplyTo};
    }
    std::unique_ptr<machina::SendReply> sent(connector.sendMessage(address(to), text, options));
    return finishedWell(sent.get(), 20000);
}

QByteArray uniqueToken(const char *prefix)
{
    return QByteArray(prefix) + '-' + QByteArray::number(QRandomGenerator::system()->generate64(), 36);
}
