#include "mailbackend.h"

#include "../imap/imapclient.h"

#include <QPointer>

#include "../sentcopyreply.h"

namespace machina {

SentCopyReply *MailBackend::storeSentCopies(const QList<QByteArray> &messages)
{
    Q_UNUSED(messages);
    auto *reply = new SentCopyReply;
    reply->finish({ConnectorError::Kind::Config, tr("This account keeps no Sent copies of its own.")});
    return reply;
}

void MailBackend::imapSessionSettings(QObject *context, const QString &mailbox, const ImapSettingsHandler &then)
{
    Q_UNUSED(mailbox);
    QPointer<QObject> guard(context);
    // Later, as every backend answers: never from inside the call.
    QMetaObject::invokeMethod(this, [guard, then] {
        if (guard)
            then({ConnectorError::Kind::Config, tr("This needs an IMAP account (imap_host); the Gmail API mode has no "
                                                   "IMAP folders.")}, ImapSettings());
    }, Qt::QueuedConnection);
}

} // namespace machina
