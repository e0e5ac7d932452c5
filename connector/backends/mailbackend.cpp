#include "mailbackend.h"

#include "../sentcopyreply.h"

namespace machina {

SentCopyReply *MailBackend::storeSentCopies(const QList<QByteArray> &messages)
{
    Q_UNUSED(messages);
    auto *reply = new SentCopyReply;
    reply->finish({ConnectorError::Kind::Config, tr("This account keeps no Sent copies of its own.")});
    return reply;
}

} // namespace machina
