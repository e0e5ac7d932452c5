#pragma once

#include "../connectorerror.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>

namespace machina {

class ImapClient;
struct ImapSettings;

/** A mail in the INBOX that may answer a work order. */
struct IncomingReply
{
    quint32 uid = 0;
    QString from;            ///< bare address
    QString subject;
    QString messageId;
    QString inReplyTo;
    QStringList references;
    QString text;            ///< the plain text body
    QDateTime date;
};

/**
 * Finds replies to work orders in the INBOX, on an IMAP session of its own,
 * without marking anything read: the header lines of the mail since the last
 * scan (or, the first time, since a date), and the whole of those that the
 * caller's matcher takes as candidates. Probes of the canary and the tracker's
 * own mails are never candidates.
 */
class ReplyScanner : public QObject
{
    Q_OBJECT
public:
    /// Subject, In-Reply-To and References of a mail -> whether it may answer a work order.
    using Matcher = std::function<bool(const QString &subject, const QString &inReplyTo, const QStringList &references)>;
    struct Result
    {
        ConnectorError error;
        QList<IncomingReply> replies;
        quint32 uidValidity = 0;
        quint32 lastUid = 0;     ///< the highest UID looked at: where the next scan starts
    };

    explicit ReplyScanner(const ImapSettings &settings, QObject *parent = nullptr);

    /**
     * Scans the mail after @p afterUid when @p uidValidity is the INBOX's, else
     * the mail since @p since (an invalid date: only what arrives from now on).
     */
    void scan(quint32 uidValidity, quint32 afterUid, const QDate &since, const Matcher &matcher,
              const std::function<void(const Result &)> &done);
    void close();

private:
    void readHeaders(const QList<quint32> &uids, const Matcher &matcher, Result result,
                     const std::function<void(const Result &)> &done);

    ImapClient *m_client;
};

} // namespace machina
