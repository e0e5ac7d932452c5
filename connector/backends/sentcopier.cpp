#include "sentcopier.h"

#include "../imap/imapclient.h"
#include "../sentcopyreply.h"

namespace machina {

namespace {

const QString FallbackName = QStringLiteral("Sent");

} // namespace

void SentCopier::copy(ImapClient *session, const QByteArray &message, SentCopyReply *reply)
{
    if (m_mailbox.isEmpty())
        return findMailbox(session, message, reply);
    append(session, message, reply, true);
}

void SentCopier::findMailbox(ImapClient *session, const QByteArray &message, SentCopyReply *reply)
{
    ImapReply *listed = session->listMailboxes();
    listed->setParent(reply);
    QObject::connect(listed, &ConnectorReply::finished, reply, [this, session, listed, message, reply] {
        listed->deleteLater();
        if (listed->error())
            return reply->finish(listed->error());
        QString byName;
        for (const ImapMailboxInfo &box : listed->mailboxes()) {
            if (box.hasAttribute("\\Noselect") || box.hasAttribute("\\NonExistent"))
                continue;
            if (box.hasAttribute("\\Sent")) {
                m_mailbox = box.name;
                return append(session, message, reply, false);
            }
            if (box.name.compare(FallbackName, Qt::CaseInsensitive) == 0)
                byName = box.name;
        }
        if (!byName.isEmpty()) {
            m_mailbox = byName;
            return append(session, message, reply, false);
        }
        ImapReply *created = session->createMailbox(FallbackName);
        created->setParent(reply);
        QObject::connect(created, &ConnectorReply::finished, reply, [this, session, created, message, reply] {
            created->deleteLater();
            if (created->error())
                return reply->finish(created->error());
            m_mailbox = FallbackName;
            append(session, message, reply, false);
        });
    });
}

void SentCopier::append(ImapClient *session, const QByteArray &message, SentCopyReply *reply, bool mayCreate)
{
    ImapReply *appended = session->append(m_mailbox, message, {QByteArrayLiteral("\\Seen")});
    appended->setParent(reply);
    QObject::connect(appended, &ConnectorReply::finished, reply, [this, session, appended, message, reply, mayCreate] {
        appended->deleteLater();
        if (appended->error() && appended->tryCreate() && mayCreate) {
            // Deleted since we found it: look again (and create it when it is gone for good).
            m_mailbox.clear();
            return findMailbox(session, message, reply);
        }
        if (appended->error())
            return reply->finish(appended->error());
        reply->setMailbox(m_mailbox);
        if (appended->appendUid() != 0)
            reply->setUid(QStringLiteral("%1:%2").arg(appended->appendUidValidity()).arg(appended->appendUid()));
        reply->finish();
    });
}

} // namespace machina
