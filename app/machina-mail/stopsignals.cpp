#include "stopsignals.h"

#include <QObject>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace machina::cli {

namespace {

int signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(signalFds[0], &byte, 1);
}

} // namespace

bool onStopSignals(QObject *scope, const std::function<void()> &stop)
{
    if (signalFds[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, signalFds) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    auto *notifier = new QSocketNotifier(signalFds[1], QSocketNotifier::Read, scope);
    QObject::connect(notifier, &QSocketNotifier::activated, scope, [notifier, stop] {
        notifier->setEnabled(false);
        stop();
    });
    return true;
}

} // namespace machina::cli
