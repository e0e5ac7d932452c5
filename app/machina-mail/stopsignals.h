#pragma once

#include <functional>

class QObject;

namespace machina::cli {

/**
 * Runs @p stop once on the event loop when SIGINT or SIGTERM arrives. The
 * signal handler may only write(2): it writes one byte to a socket pair whose
 * other end a QSocketNotifier (a child of @p scope) watches. False when the
 * socket pair cannot be made.
 */
bool onStopSignals(QObject *scope, const std::function<void()> &stop);

} // namespace machina::cli
