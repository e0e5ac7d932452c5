#pragma once

#include "mailstack.h"

#include <QList>
#include <QStringList>
#include <optional>
#include <QString>


namespace machina {
class ConnectorReply;
}

/** What the benchmark programs share: medians, seeding a Maildir, waiting for a reply. */
namespace BenchSupport {

double median(QList<double> values);

/**
 * Writes @p count messages from alarm@ into @p user's Maildir/new (owned like
 * the directory, so Dovecot takes them as delivered), numbered from @p first;
 * @p tag goes into each Message-ID and subject.
 */
bool seed(const MailStack &stack, const QString &user, int first, int count, const QByteArray &tag, QString *error);

/**
 * The stack named by the first argument (an env file of mailstack.sh) when
 * @p args has at least @p required words; else prints @p usage (exit code 2)
 * or the reason (1) and sets @p exitCode.
 */
std::optional<MailStack> stackFromArguments(const QStringList &args, int required, const char *usage, int *exitCode);

/// The messages in @p user's Maildir (new/ and cur/).
int countMessages(const MailStack &stack, const QString &user);

/// Waits until Postfix has delivered what was sent to @p user (the Maildir stops growing for a
/// second), so no phase of a benchmark pays for the delivery of another's messages.
void settle(const MailStack &stack, const QString &user);

/// Runs the event loop until @p reply finishes (or @p ms pass); false on timeout or error.
bool finishes(machina::ConnectorReply *reply, int ms = 600000);

} // namespace BenchSupport
