#pragma once

#include "workorder.h"

#include <QByteArray>
#include <QString>

namespace machina {

/**
 * The messages the tracker keeps in the work-order folder on the server, the
 * state every console shares:
 *
 * - a **record** per work order (`X-Machina-Record: work-order`), appended when
 *   the order is created; its keywords (WorkOrderKeywords) hold the state, and
 *   its JSON body the rest (asset, summary, chain, deadlines). Two consoles that
 *   pick the same id both append a record; the lower UID wins (UIDs grow in
 *   the order the server took the messages), the other console renumbers.
 * - an **event** per step (`X-Machina-Record: event`), appended by whoever made
 *   the step: the history, with times, actors and the mails behind them.
 *
 * Both are small text/plain mails with a base64 JSON body, from and to the
 * account itself, so a mail client shows them as what they are.
 */
namespace WorkOrderMessages {

QByteArray record(const WorkOrder &order, const QString &account, const QString &claimant);
QByteArray event(const QString &workOrderId, const WorkOrderEvent &event, const QString &account,
                 const QString &claimant);

struct Parsed
{
    enum class Kind { None, Record, Event };
    Kind kind = Kind::None;
    QString workOrderId;
    QString claimant;      ///< who appended it (a random token per tracker)
    WorkOrder order;       ///< for a record: the fields of its body (state comes from the keywords)
    WorkOrderEvent event;  ///< for an event
    QString problem;       ///< why a message of ours could not be read
};

/// Reads one message of the folder; Kind::None for anything else (or damaged, with problem).
Parsed parse(const QByteArray &raw);

} // namespace WorkOrderMessages

} // namespace machina
