// machina-mail: the connector from the command line, for scripts, agents and
// our own end-to-end checks. See README.md for the commands and exit codes.
// The commands live in machina_cli (commandline.cpp and commands/), so the
// unit tests run them in-process; this file only wires them to the process.

#include "clicontext.h"
#include "commandline.h"
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    machina::installTranslations(&app, QStringLiteral("machina-mail"));
    QCoreApplication::setApplicationName(QStringLiteral("machina-mail"));
    QCoreApplication::setOrganizationName(QStringLiteral("machina"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MACHINA_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    machina::cli::CliContext context(app, QCoreApplication::arguments(), out, err);
    return machina::cli::runCommandLine(context);
}
