#pragma once

#include <QSet>
#include <QString>
#include <optional>

namespace machina {

class ImapClient;
class InboxListReply;

/**
 * The INBOX listing and sync over an IMAP session: UID SEARCH, then the
 * headers (ENVELOPE, BODYSTRUCTURE) of the newest first, in batches that are
 * shown as they arrive. A sync (with the ids a viewer knows) fetches whole
 * only what is new, the flags of the rest, and names the ids that are gone.
 * A listing that crosses a UIDVALIDITY change fails rather than label old
 * UIDs with the new validity.
 */
namespace ImapListing {

/// Runs on @p session (kept open between listings); finishes @p reply.
void start(ImapClient *session, InboxListReply *reply, bool unseenOnly, int limit,
           const std::optional<QSet<QString>> &known);

} // namespace ImapListing
} // namespace machina
