#pragma once

#include "workorder.h"

#include <QByteArray>
#include <QList>

namespace machina {

/**
 * A work order's state as IMAP keywords on its record message (RFC 3501
 * 2.3.2), a small fixed set, since Dovecot's Maildir keeps at most 26
 * keywords per folder: the marker $MachinaWO, one of seven state keywords
 * ($WoOpen ... $WoCancelled), and two small numbers in bits: the assignee's
 * place in the chain ($WoA1 $WoA2 $WoA4) and how many were notified ($WoN1
 * $WoN2 $WoN4 $WoN8). Fifteen keywords in all.
 *
 * A change is one `UID STORE uid (UNCHANGEDSINCE m) FLAGS (...)`: the whole
 * set is replaced at once, and only if nobody changed it since it was read.
 */
namespace WorkOrderKeywords {

inline constexpr char Marker[] = "$MachinaWO";

/// The keywords for the state, assignee and notified count of @p order.
QList<QByteArray> encode(const WorkOrder &order);
/// @p current with our keywords replaced by encode(@p order); system flags and other keywords kept.
QList<QByteArray> replaced(const QList<QByteArray> &current, const WorkOrder &order);
/// Sets state, assignee and notified from @p flags; false when the marker or a single state keyword is missing.
bool decode(const QList<QByteArray> &flags, WorkOrder *order);
/// Every keyword this scheme uses (for a PERMANENTFLAGS check).
QList<QByteArray> all();

} // namespace WorkOrderKeywords

} // namespace machina
