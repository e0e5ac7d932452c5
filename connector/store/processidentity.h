#pragma once

#include <QString>

namespace machina {

/**
 * Who holds a claim on a store row: "host:pid:start", where start is the
 * process's start time (Linux: field 22 of /proc/PID/stat) so that a PID the
 * system gave to a new process does not look alive for a dead one.
 */
namespace ProcessIdentity {

/// This process.
QString current();
/// Whether the process @p identity names still runs. A claim from another host counts as alive:
/// it cannot be checked from here.
bool isAlive(const QString &identity);

} // namespace ProcessIdentity
} // namespace machina
