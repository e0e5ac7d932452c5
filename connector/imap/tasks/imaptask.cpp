#include "imaptask.h"

namespace machina {

void ImapTask::continuation(const ImapResponse &)
{
    host().sessionFailed({ConnectorError::Kind::Protocol,
                          tr("%1 asked for more data than the command has.")
                              .arg(host().endpoint())});
}

ConnectorError ImapTask::commandError(const QString &endpoint, const char *command, const ImapResponse &response)
{
    const QString condition = response.condition == ImapCondition::No ? QStringLiteral("NO") : QStringLiteral("BAD");
    return {ConnectorError::Kind::Protocol,
            tr("%1 answered %2 with %3: %4")
                .arg(endpoint, QString::fromLatin1(command), condition, printable(response.text))};
}

QString ImapTask::printable(const QByteArray &bytes)
{
    QString out;
    for (char c : bytes)
        out += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QLatin1Char('?');
    return out.left(300);
}

} // namespace machina
