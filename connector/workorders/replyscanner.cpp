#include "replyscanner.h"

#include "../imap/imapclient.h"
#include "../mime/messageparser.h"

#include <algorithm>

namespace machina {

namespace {

const QList<QByteArray> HeaderFields{QByteArrayLiteral("Subject"), QByteArrayLiteral("In-Reply-To"),
                                     QByteArrayLiteral("References"), QByteArrayLiteral("X-Machina-Work-Order"),
                                     QByteArrayLiteral("X-Machina-Canary"), QByteArrayLiteral("X-Machina-Record")};

bool hasHeader(const QByteArray &lines, QByteArrayView name)
{
    for (const QByteArray &line : lines.split('\n')) {
        if (line.size() > name.size() && line.at(name.size()) == ':'
            && QByteArrayView(line).first(name.size()).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

ReplyScanner::ReplyScanner(const ImapSettings &settings, QObject *parent)
    : QObject(parent), m_client(new ImapClient(settings, this))
{
}

void ReplyScanner::close()
{
    ImapReply *reply = m_client->close();
    connect(reply, &ConnectorReply::finished, reply, &QObject::deleteLater);
}

void ReplyScanner::scan(quint32 uidValidity, quint32 afterUid, const QDate &since, const Matcher &matcher,
                        const std::function<void(const Result &)> &done)
{
    ImapReply *noop = m_client->noop();   // opens the session, or lets a kept one hear of new mail
    connect(noop, &ConnectorReply::finished, this, [this, noop, uidValidity, afterUid, since, matcher, done] {
        noop->deleteLater();
        Result result;
        if (noop->error()) {
            result.error = noop->error();
            return done(result);
        }
        result.uidValidity = m_client->uidValidity();
        const bool known = uidValidity == result.uidValidity && afterUid > 0;
        if (!known && !since.isValid()) {
            // Nothing to catch up on: start from what arrives next.
            result.lastUid = m_client->uidNext() > 0 ? m_client->uidNext() - 1 : 0;
            return done(result);
        }
        const QByteArray criteria = known ? QByteArray("UID " + QByteArray::number(afterUid + 1) + ":*")
                                          : QByteArray("SINCE " + ImapWriter::searchDate(since));
        ImapReply *search = m_client->search(criteria);
        connect(search, &ConnectorReply::finished, this, [this, search, afterUid, known, matcher, done, result]() mutable {
            search->deleteLater();
            if (search->error()) {
                result.error = search->error();
                return done(result);
            }
            QList<quint32> uids;
            for (quint32 uid : search->uids()) {
                if (!known || uid > afterUid)   // "n:*" names the last message even when it is older
                    uids.append(uid);
            }
            result.lastUid = uids.isEmpty() ? (known ? afterUid : 0) : *std::max_element(uids.cbegin(), uids.cend());
            if (uids.isEmpty())
                return done(result);
            readHeaders(uids, matcher, result, done);
        });
    });
}

void ReplyScanner::readHeaders(const QList<quint32> &uids, const Matcher &matcher, Result result,
                               const std::function<void(const Result &)> &done)
{
    ImapReply *headers = m_client->fetchMessages(uids, ImapClient::FetchPart::Headers, HeaderFields);
    connect(headers, &ConnectorReply::finished, this, [this, headers, matcher, done, result]() mutable {
        headers->deleteLater();
        if (headers->error()) {
            result.error = headers->error();
            return done(result);
        }
        QList<quint32> candidates;
        for (const ImapMessage &message : headers->messages()) {
            const QByteArray &lines = message.headerFields;
            if (hasHeader(lines, "X-Machina-Canary") || hasHeader(lines, "X-Machina-Record")
                || hasHeader(lines, "X-Machina-Work-Order"))
                continue;   // a probe, or one of the tracker's own mails
            const ParsedMessage parsed = MessageParser::parse(lines + "\r\n");
            if (matcher(parsed.subject, parsed.inReplyTo, parsed.references))
                candidates.append(message.uid);
        }
        if (candidates.isEmpty())
            return done(result);
        ImapReply *full = m_client->fetchMessages(candidates, ImapClient::FetchPart::Full);
        connect(full, &ConnectorReply::finished, this, [full, done, result]() mutable {
            full->deleteLater();
            if (full->error()) {
                result.error = full->error();
                return done(result);
            }
            for (const ImapMessage &message : full->messages()) {
                const ParsedMessage parsed = MessageParser::parse(message.raw);
                IncomingReply reply;
                reply.uid = message.uid;
                reply.from = parsed.from.address.toLower();
                reply.subject = parsed.subject;
                reply.messageId = parsed.messageId;
                reply.inReplyTo = parsed.inReplyTo;
                reply.references = parsed.references;
                reply.text = parsed.text;
                reply.date = parsed.date.isValid() ? parsed.date : message.internalDate;
                result.replies.append(reply);
            }
            std::sort(result.replies.begin(), result.replies.end(),
                      [](const IncomingReply &a, const IncomingReply &b) { return a.uid < b.uid; });
            done(result);
        });
    });
}

} // namespace machina
