#pragma once

#include "config/connectorconfig.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

/**
 * The real Postfix + Dovecot stack that tests/harness/mailstack.sh started,
 * read from the env file named by $MAILSTACK_ENV. Test-only credentials:
 * user NAME logs in as NAME@machina.test with password NAME-pass.
 */
struct MailStack
{
    QString dir;
    QString host;
    int smtpsPort = 0;
    int submissionPort = 0;
    int untrustedSmtpsPort = 0;
    int imapsPort = 0;
    int imapPort = 0;
    QString caFile;
    QString untrustedCaFile;
    QString domain;
    QString mailRoot;
    QStringList users;

    /// Fails with a sentence when the stack is not described or not running.
    static std::optional<MailStack> fromEnvironment(QString *error);
    /// The stack that mailstack.sh described in @p envPath (DIR/env).
    static std::optional<MailStack> fromFile(const QString &envPath, QString *error);

    QString address(const QString &user) const { return user + QLatin1Char('@') + domain; }
    static QString password(const QString &user) { return user + QStringLiteral("-pass"); }
    /// Every message in the user's Maildir (new/ and cur/), raw bytes.
    QList<QByteArray> messages(const QString &user) const;
    /// The first message holding @p token, or empty.
    QByteArray findMessage(const QString &user, const QByteArray &token) const;

    /// A connector config for @p user: SMTPS and IMAPS, the stack's CA, the test password.
    machina::ConnectorConfig config(const QString &user) const;
    /// Sends one plain-text message from @p from to @p to through Postfix; false on any error (20 s per step).
    bool send(const QString &from, const QString &to, const QString &subject, const QString &text) const;
    /// As send(), answering @p inReplyTo (a Message-ID without <>; In-Reply-To and References) when given.
    bool sendReply(const QString &from, const QString &to, const QString &subject, const QString &text,
                   const QString &inReplyTo) const;
};

/**
 * A stack of one test's own, started by tests/harness/mailstack.sh in @p dir:
 * for tests that stop and start its servers, which would disturb the shared one.
 */
class PrivateMailStack
{
public:
    explicit PrivateMailStack(const QString &dir) : m_dir(dir) {}

    /// Starts it (from scratch) with @p users and @p extraArgs after them (e.g. {"--oauth2-introspection", URL});
    /// false with the script's output or the reason in @p error.
    bool start(const QString &users, QString *error, const QStringList &extraArgs = {});
    /// mailstack.sh ACTION DIR (stop-postfix, start-postfix, stop-dovecot, start-dovecot, stop...);
    /// true when it succeeded, else the script's output is logged.
    bool run(const QString &action) const;
    const MailStack &stack() const { return m_stack; }
    QString dir() const { return m_dir; }

private:
    QString m_dir;
    MailStack m_stack;
};

/** What a finished machina-mail run printed and returned. */
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs $MACHINA_MAIL with @p args (60 s at most) and @p env added to the environment.
CliRun runMachinaMail(const QStringList &args, const QProcessEnvironment &env = {});

/// Writes a config YAML for @p user into @p dir; the password comes from ${MACHINA_TEST_PASSWORD}.
QString writeConfig(const QString &dir, const MailStack &stack, const QString &user, int port, bool useTls,
                    const QString &caFile);

/// A unique token to find one test's message among all others.
QByteArray uniqueToken(const char *prefix);
