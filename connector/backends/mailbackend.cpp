#include "mailbackend.h"

#include "../connectorreply.h"
#include "../imap/imapclient.h"
#include "../sentcopyreply.h"

#include <QPointer>

namespace machina {

SentCopyReply *MailBackend::storeSentCopies(const QList<QByteArray> &messages)
{
    Q_UNUSED(messages);
    auto *reply = new SentCopyReply;
    reply->finish({ConnectorError::Kind::Config, tr("This account keeps no Sent copies of its own.")});
    return reply;
}

ConnectorReply *MailBackend::signIn(bool noBrowser)
{
    Q_UNUSED(noBrowser);
    auto *reply = new ConnectorReply;
    reply->finish({ConnectorError::Kind::Config,
                   tr("This account signs in with a password: set oauth2_provider (IMAP and SMTP) or "
                      "gmail_credentials_file (the Gmail API) to sign in with OAuth.")});
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
