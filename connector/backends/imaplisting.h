#pragma once

#include "../connectorerror.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace machina {

class ImapClient;
class InboxListReply;
struct ImapMessage;
struct MessageSummary;

/**
 * The INBOX listing and sync over an IMAP session: UID SEARCH, then the
 * headers (ENVELOPE, BODYSTRUCTURE) of the newest first, in batches that are
 * shown as they arrive. A sync (with the ids a viewer knows) fetches whole
 * only what is new, the flags of the rest, and names the ids that are gone.
 * A listing that crosses a UIDVALIDITY change fails rather than label old
 * UIDs with the new validity. A canary's probe (X-Machina-Canary) is never a row.
 */
namespace ImapListing {

/// The row of @p m (fetched with ImapClient::FetchPart::Headers) under @p uidValidity: headers decoded.
MessageSummary summaryOf(const ImapMessage &m, quint32 uidValidity);

/// The header fields to fetch with the headers of each row: X-Machina-Canary, which isCanaryProbe() reads.
QList<QByteArray> canaryHeaderField();
/// @p m (fetched with canaryHeaderField()) is a canary's probe (CanaryProbe): no listing shows it.
bool isCanaryProbe(const ImapMessage &m);

/// The session reconnected between two steps of one listing into a mailbox with
/// other UIDs (not @p listedValidity): what was searched no longer names these messages.
ConnectorError validityChanged(const ImapClient *session, quint32 listedValidity);

/// Runs on @p session (kept open between listings); finishes @p reply.
void start(ImapClient *session, InboxListReply *reply, bool unseenOnly, int limit,
           const std::optional<QSet<QString>> &known);

} // namespace ImapListing
} // namespace machina
