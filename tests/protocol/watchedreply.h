#pragma once

// A reply a scripted-session test owns and waits for, and the checks on it,
// shared by the SMTP, IMAP and watcher suites.

#include "connectorreply.h"
#include "sessiontestsupport.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace sessiontest {

/// A reply the test owns, with its finished() recorded from the moment it was made.
template <typename R>
struct Watched
{
    explicit Watched(R *r) : reply(r), spy(r, &machina::ConnectorReply::finished) {}
    bool wait(int ms = kWaitMs) { return spy.count() > 0 || spy.wait(ms); }
    R *operator->() const { return reply.get(); }

    std::unique_ptr<R> reply;
    QSignalSpy spy;
};

/// "Kind: message" of the reply's error, for a failing check's text.
inline QByteArray describe(const machina::ConnectorReply *reply)
{
    return (machina::ConnectorError::kindName(reply->error().kind()) + QStringLiteral(": ")
            + reply->error().message())
        .toUtf8();
}

} // namespace sessiontest

#define VERIFY_OK(w)                                                                                   \
    do {                                                                                               \
        QVERIFY2((w).wait(), "the reply did not finish");                                              \
        QVERIFY2(!(w)->error(), sessiontest::describe((w).reply.get()).constData());                   \
    } while (false)

#define VERIFY_ERROR(w, expectedKind)                                                                  \
    do {                                                                                               \
        QVERIFY2((w).wait(), "the reply did not finish");                                              \
        QVERIFY2((w)->error().kind() == (expectedKind), sessiontest::describe((w).reply.get()).constData()); \
    } while (false)

#define VERIFY_SERVER_COMPLETE(server) \
    QTRY_VERIFY2_WITH_TIMEOUT((server).isComplete(), (server).report().constData(), sessiontest::kWaitMs)
