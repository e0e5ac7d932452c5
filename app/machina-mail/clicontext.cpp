#include "clicontext.h"

#include "emailconnector.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTextStream>

namespace machina::cli {

int exitCodeFor(const ConnectorError &error)
{
    switch (error.kind()) {
    case ConnectorError::Kind::None: return ExitOk;
    case ConnectorError::Kind::Config: return ExitUsage;
    case ConnectorError::Kind::Auth: return ExitAuth;
    case ConnectorError::Kind::Network:
    case ConnectorError::Kind::Tls:
    case ConnectorError::Kind::Timeout: return ExitNetwork;
    case ConnectorError::Kind::Rejected: return ExitRejected;
    case ConnectorError::Kind::NotConnected:
    case ConnectorError::Kind::Protocol:
    case ConnectorError::Kind::Aborted:
    case ConnectorError::Kind::Store: return ExitFailure;
    }
    return ExitFailure;
}

QString defaultConfigPath()
{
    const QString fromEnv = qEnvironmentVariable("MACHINA_CONFIG");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/machina-console/config.yaml");
}

CliContext::CliContext(QCoreApplication &app, const QStringList &arguments, QTextStream &out, QTextStream &err)
    : m_app(app), m_arguments(arguments), m_out(out), m_err(err)
{
}

// Out of line: EmailConnector is only forward-declared in the header.
CliContext::~CliContext() = default;

bool CliContext::loadConfig()
{
    const QString path = m_parser.isSet(QStringLiteral("config")) ? m_parser.value(QStringLiteral("config"))
                                                                 : defaultConfigPath();
    const ConfigLoader::Result loaded = ConfigLoader::loadFile(path);
    if (!loaded.config) {
        printError(loaded.error.message());
        return false;
    }
    m_connector = std::make_unique<EmailConnector>(*loaded.config);
    return true;
}

bool CliContext::openStore()
{
    if (const ConnectorError error = m_connector->openStore()) {
        printError(error.message());
        return false;
    }
    return true;
}

ConnectorError CliContext::wait(ConnectorReply *reply)
{
    if (!reply->isFinished()) {
        QObject::connect(reply, &ConnectorReply::finished, &m_app, [] { QCoreApplication::exit(0); });
        QObject::connect(reply, &ConnectorReply::progressed, &m_app, [this](const QString &step) {
            if (m_parser.isSet(QStringLiteral("verbose")))
                m_err << step << Qt::endl;
        });
        m_app.exec();
    }
    const ConnectorError error = reply->error();
    delete reply;
    return error;
}

void CliContext::printError(const QString &text) const
{
    m_err << "machina-mail: " << text << Qt::endl;
}

} // namespace machina::cli
