#include "sentcopier.h"

#include "../imap/imapclient.h"
#include "../sentcopyreply.h"

namespace machina {

namespace {

const QString FallbackName = QStringLiteral("Sent");

QString uidText(quint32 validity, quint32 uid)
{
    return QStringLiteral("%1:%2").arg(validity).arg(uid);
}

} // namespace

void SentCopier::copy(ImapClient *session, const QList<QByteArray> &messages, SentCopyReply *reply)
{
    if (messages.isEmpty())
        return reply->finish();
    if (m_mailbox.isEmpty())
        return findMailbox(session, messages, reply);
    append(session, messages, reply, true);
}

void SentCopier::findMailbox(ImapClient *session, const QList<QByteArray> &messages, SentCopyReply *reply)
{
    ImapReply *listed = session->listMailboxes();
    listed->setParent(reply);
    QObject::connect(listed, &ConnectorReply::finished, reply, [this, session, listed, messages, reply] {
        listed->deleteLater();
        if (listed->error())
            return reply->finish(listed->error());
        QString byName;
        for (const ImapMailboxInfo &box : listed->mailboxes()) {
            if (box.hasAttribute("\\Noselect") || box.hasAttribute("\\NonExistent"))
                continue;
            if (box.hasAttribute("\\Sent")) {
                m_mailbox = box.name;
                return append(session, messages, reply, false);
            }
            if (box.name.compare(FallbackName, Qt::CaseInsensitive) == 0)
                byName = box.name;
        }
        if (!byName.isEmpty()) {
            m_mailbox = byName;
            return append(session, messages, reply, false);
        }
        ImapReply *created = session->createMailbox(FallbackName);
        created->setParent(reply);
        QObject::connect(created, &ConnectorReply::finished, reply, [this, session, created, messages, reply] {
            created->deleteLater();
            if (created->error())
                return reply->finish(created->error());
            m_mailbox = FallbackName;
            append(session, messages, reply, false);
        });
    });
}

void SentCopier::append(ImapClient *session, const QList<QByteArray> &messages, SentCopyReply *reply, bool mayCreate)
{
    if (messages.size() > 1 && !session->hasCapability("MULTIAPPEND"))
        return appendEach(session, messages, 0, {}, reply, mayCreate);
    ImapReply *appended = session->append(m_mailbox, messages, {QByteArrayLiteral("\\Seen")});
    appended->setParent(reply);
    QObject::connect(appended, &ConnectorReply::finished, reply, [this, session, appended, messages, reply, mayCreate] {
        appended->deleteLater();
        if (appended->error() && appended->tryCreate() && mayCreate) {
            // Deleted since we found it: look again (and create it when it is gone for good).
            m_mailbox.clear();
            return findMailbox(session, messages, reply);
        }
        if (appended->error())
            return reply->finish(appended->error());
        reply->setMailbox(m_mailbox);
        QStringList uids;
        if (messages.size() == 1 && appended->appendUid() != 0)
            uids.append(uidText(appended->appendUidValidity(), appended->appendUid()));
        for (quint32 uid : appended->appendUids()) {
            if (messages.size() > 1)
                uids.append(uidText(appended->appendUidValidity(), uid));
        }
        reply->setUids(uids);
        reply->finish();
    });
}

void SentCopier::appendEach(ImapClient *session, const QList<QByteArray> &messages, int index, QStringList uids,
                            SentCopyReply *reply, bool mayCreate)
{
    if (index == messages.size()) {
        reply->setMailbox(m_mailbox);
        reply->setUids(uids.size() == messages.size() ? uids : QStringList());
        return reply->finish();
    }
    // One copy at a time through a reply of its own, so a TRYCREATE is handled as for one message.
    auto *one = new SentCopyReply(reply);
    QObject::connect(one, &ConnectorReply::finished, reply, [this, session, messages, index, uids, reply, one, mayCreate]() mutable {
        one->deleteLater();
        if (one->error())
            return reply->finish(one->error());
        uids += one->uids();
        appendEach(session, messages, index + 1, uids, reply, mayCreate);
    });
    append(session, {messages.at(index)}, one, mayCreate);
}

} // namespace machina
