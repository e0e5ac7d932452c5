#include "mailbackend.h"

#include "../sentcopyreply.h"

namespace machina {

SentCopyReply *MailBackend::storeSentCopy(const QByteArray &message)
{
    Q_UNUSED(message);
    auto *reply = new SentCopyReply;
    reply->finish({ConnectorError::Kind::Config, tr("This account keeps no Sent copies of its own.")});
    return reply;
}

} // namespace machina
