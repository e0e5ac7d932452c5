#include "storepasswordcommand.h"

#include "../clicontext.h"
#include "emailconnector.h"
#include "secrets/credentialstore.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <termios.h>
#include <unistd.h>

namespace machina::cli {

namespace {

/// Reads one line from stdin, without echo when it is a terminal (the prompt goes to @p err).
QByteArray readSecretLine(QTextStream &err)
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        err << QCoreApplication::translate("machina::cli::StorePasswordCommand", "Password: ") << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    // Byte by byte with read(2): nothing after the newline is taken from stdin.
    QByteArray line;
    char c;
    while (::read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
        line += c;
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err << Qt::endl;
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

void StorePasswordCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("username"), tr("The account (default: username from the config)."), QStringLiteral("U")});
    parser.addOption({QStringLiteral("delete"), tr("Remove the stored password instead.")});
}

int StorePasswordCommand::run(CliContext &context)
{
    QString username = context.parser().value(QStringLiteral("username"));
    if (username.isEmpty()) {
        // Only now: with --username the config is not needed at all.
        if (!context.loadConfig())
            return ExitUsage;
        username = context.connector()->config().username;
    }
    if (username.isEmpty()) {
        context.printError(tr("store-password: no username (give --username or set username in the config)"));
        return ExitUsage;
    }
    CredentialStore store;
    const QString key = CredentialStore::passwordKey(username);
    if (context.isSet(QStringLiteral("delete"))) {
        if (const ConnectorError error = context.wait(store.deleteSecret(key))) {
            context.printError(error.message());
            return exitCodeFor(error);
        }
        context.out() << tr("Removed the password of %1 from the keychain.").arg(username) << Qt::endl;
        return ExitOk;
    }
    const QByteArray secret = readSecretLine(context.err());
    if (secret.isEmpty()) {
        context.printError(tr("store-password: the password is empty; nothing stored"));
        return ExitUsage;
    }
    if (const ConnectorError error = context.wait(store.writeSecret(key, secret))) {
        context.printError(error.message());
        return exitCodeFor(error);
    }
    context.out() << tr("Stored the password of %1 in the keychain (service %2).").arg(username, CredentialStore::serviceName())
                  << Qt::endl;
    return ExitOk;
}

} // namespace machina::cli
