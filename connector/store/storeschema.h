#pragma once

#include <QSqlDatabase>
#include <QString>

namespace machina::StoreSchema {

/// The version this build writes; PRAGMA user_version of an up-to-date store.
constexpr int CurrentVersion = 4;

/**
 * Brings @p db from its user_version to CurrentVersion, one migration at a
 * time, each in its own transaction (a failed one leaves the store at the
 * version before it). Migration N takes a store of version N-1:
 *
 * 1. the outbox;
 * 2. the steps after a send (the Sent copy, the \Seen of the message a reply
 *    answers) and the cache (mailboxes, headers, bodies);
 * 3. the activity log.
 *
 * A store newer than this build is refused, not touched. On failure returns
 * false with the reason in @p error.
 */
bool migrate(QSqlDatabase &db, QString *error);

/// Runs migrations 1..@p version only: for tests that need an old store.
bool migrateTo(QSqlDatabase &db, int version, QString *error);

} // namespace machina::StoreSchema
