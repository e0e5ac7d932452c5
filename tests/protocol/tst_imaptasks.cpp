// Each IMAP task on its own, against a scripted transcript: a scripted host
// stands in for the session, checks every line the task writes against the
// script's "C:" lines, and hands it the "S:" lines, parsed, the way ImapClient
// routes them (continuations, untagged data, the tagged completion). No socket:
// what the session adds (framing, literals, TLS) is tested in tst_imapclient.

#include "imap/imapreply.h"
#include "imap/tasks/appendtask.h"
#include "imap/tasks/changedsincetask.h"
#include "imap/tasks/createtask.h"
#include "imap/tasks/enabletask.h"
#include "imap/tasks/fetchtask.h"
#include "imap/tasks/idletask.h"
#include "imap/tasks/listtask.h"
#include "imap/tasks/logintask.h"
#include "imap/tasks/searchtask.h"
#include "imap/tasks/selecttask.h"
#include "imap/tasks/simpletasks.h"
#include "imap/tasks/storetask.h"

#include <QTest>

#include <functional>
#include <memory>

using namespace machina;
using Kind = ConnectorError::Kind;

namespace {

/** The session as a task sees it, playing a script. */
class ScriptedHost : public ImapTaskHost
{
public:
    QList<QByteArray> capabilities;
    QList<QByteArray> enabled;      ///< what ENABLE turned on, as the session would remember it
    quint32 existsCount = 0;

    // What happened.
    QList<QByteArray> written;      ///< lines the task wrote, CRLF removed (the first part of a command)
    bool finished = false;
    bool failed = false;
    bool idling = false;
    ConnectorError error;
    QStringList problems;

    QByteArray nextTag() override { return "a" + QByteArray::number(++m_tags); }
    void sendCommand(const ImapCommand &command) override
    {
        m_lastTag = command.tag;
        m_parts = command.parts;
        m_nextPart = 1;
        written.append(command.parts.first().chopped(2));
    }
    void writeLine(const QByteArray &bytes, const QByteArray &, const QString &) override
    {
        written.append(bytes.endsWith("\r\n") ? bytes.chopped(2) : bytes);
    }
    void taskFinished(const ConnectorError &e) override { end(false, e); }
    void sessionFailed(const ConnectorError &e) override { end(true, e); }
    void idleStarted() override { idling = true; }
    bool hasCapability(QByteArrayView name) const override
    {
        return std::any_of(capabilities.cbegin(), capabilities.cend(),
                           [name](const QByteArray &c) { return c.compare(name, Qt::CaseInsensitive) == 0; });
    }
    bool isEnabled(QByteArrayView name) const override
    {
        return std::any_of(enabled.cbegin(), enabled.cend(),
                           [name](const QByteArray &e) { return e.compare(name, Qt::CaseInsensitive) == 0; });
    }
    quint32 exists() const override { return existsCount; }
    QString endpoint() const override { return QStringLiteral("imap.test:993"); }

    /**
     * Plays @p script to @p task: "C: line" (the next line the task wrote),
     * "S: line" (a server line, parsed and routed), "interrupt".
     */
    void play(ImapTask &task, const QByteArray &script)
    {
        task.begin(this);
        qsizetype checked = 0;
        for (QByteArray line : script.split('\n')) {
            line = line.trimmed();
            if (line.isEmpty())
                continue;
            if (m_ended) {
                problems.append(QStringLiteral("the task ended before: %1").arg(QString::fromUtf8(line)));
                return;
            }
            if (line.startsWith("C:")) {
                const QByteArray expected = line.mid(2).trimmed();
                if (checked >= written.size()) {
                    problems.append(QStringLiteral("expected the task to write \"%1\", it wrote nothing").arg(QString::fromUtf8(expected)));
                    return;
                }
                if (written.at(checked) != expected) {
                    problems.append(QStringLiteral("expected \"%1\", the task wrote \"%2\"")
                                        .arg(QString::fromUtf8(expected), QString::fromUtf8(written.at(checked))));
                    return;
                }
                ++checked;
            } else if (line.startsWith("S:")) {
                route(task, line.mid(2).trimmed() + "\r\n");
            } else if (line == "interrupt") {
                task.interrupt();
            } else {
                problems.append(QStringLiteral("unknown step: %1").arg(QString::fromUtf8(line)));
                return;
            }
        }
        if (checked < written.size())
            problems.append(QStringLiteral("the task also wrote \"%1\"").arg(QString::fromUtf8(written.at(checked))));
    }

private:
    void end(bool fatal, const ConnectorError &e)
    {
        if (m_ended)
            problems.append(QStringLiteral("the task ended twice"));
        m_ended = true;
        (fatal ? failed : finished) = true;
        error = e;
    }
    void route(ImapTask &task, const QByteArray &bytes)
    {
        m_parser.feed(bytes);
        while (const std::optional<ImapResponse> r = m_parser.takeResponse()) {
            if (r->kind == ImapResponse::Kind::Continuation) {
                if (m_nextPart < m_parts.size())
                    written.append(m_parts.at(m_nextPart++).chopped(2));   // a literal: the session's job
                else
                    task.continuation(*r);
            } else if (r->isTagged()) {
                if (r->tag != m_lastTag)
                    problems.append(QStringLiteral("tag %1 answers no command of the task").arg(QString::fromLatin1(r->tag)));
                task.tagged(*r);
            } else {
                task.untagged(*r);
            }
        }
        if (m_parser.hasError())
            problems.append(QStringLiteral("unparsable script line: %1").arg(m_parser.error().reason));
    }

    ImapParser m_parser;
    int m_tags = 0;
    QByteArray m_lastTag;
    QList<QByteArray> m_parts;
    int m_nextPart = 1;
    bool m_ended = false;
};

using TaskFactory = std::function<std::unique_ptr<ImapTask>(ImapReply *)>;

QString describe(const ScriptedHost &host)
{
    return QStringLiteral("finished=%1 failed=%2 error=%3 (%4)\nwritten: %5\nproblems: %6")
        .arg(host.finished).arg(host.failed)
        .arg(ConnectorError::kindName(host.error.kind()), host.error.message(),
             QString::fromUtf8(host.written.join(" | ")), host.problems.join(QStringLiteral("; ")));
}

} // namespace

Q_DECLARE_METATYPE(TaskFactory)

class TestImapTasks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void task_data();
    void task();
    void searchTakesOnlyItsOwnEsearch();
    void fetchLeavesUnsolicitedFetchToTheSession();
    void idleSendsDoneOnceAndOnlyWhileIdling();
    void appendRecordsAppendUid();
    void appendTryCreateIsReported();
    void appendRefusesABadFlagWithoutWriting();
    void listCollectsMailboxes();
    void selectQresyncCollectsChanges();
    void selectWithoutQresyncLeavesFetchesToTheSession();
    void changedSinceCollectsFlagsAndVanished();
    void flagsFetchIgnoresOtherUids();
};

/*
 * Columns: the task, the capabilities the session has, the script, and how
 * it must end ("finished", "finished:<Kind>" for an operation's error that
 * keeps the session, "failed:<Kind>" for one that ends it), plus the UIDs a
 * search must deliver or the number of messages a fetch must.
 */
void TestImapTasks::task_data()
{
    QTest::addColumn<TaskFactory>("factory");
    QTest::addColumn<QByteArrayList>("caps");
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QList<quint32>>("uids");
    QTest::addColumn<int>("messages");

    const QString user = QStringLiteral("ann@machina.test");
    const QString pass = QStringLiteral("pa55");
    const QByteArray plain = QByteArray("\0ann@machina.test\0pa55", 22).toBase64();
    const auto login = [=](const QString &token) {
        return TaskFactory([=](ImapReply *) {
            return std::make_unique<LoginTask>(LoginTask::Credentials{user, pass, token, QStringLiteral("imap.machina.test"), 993});
        });
    };
    const auto noReply = [](auto make) { return TaskFactory([make](ImapReply *) { return make(); }); };

    QTest::addRow("login: AUTHENTICATE PLAIN with SASL-IR")
        << login({}) << QByteArrayList{"SASL-IR", "AUTH=PLAIN"}
        << "C: a1 AUTHENTICATE PLAIN " + plain + "\nS: a1 OK Logged in\n" << "finished" << QList<quint32>{} << 0;
    QTest::addRow("login: AUTHENTICATE PLAIN without SASL-IR waits for +")
        << login({}) << QByteArrayList{"AUTH=PLAIN"}
        << "C: a1 AUTHENTICATE PLAIN\nS: +\nC: " + plain + "\nS: a1 OK Logged in\n" << "finished" << QList<quint32>{} << 0;
    QTest::addRow("login: LOGIN with LITERAL+ when PLAIN is not offered")
        << login({}) << QByteArrayList{"LITERAL+"}
        << QByteArray("C: a1 LOGIN ann@machina.test pa55\nS: a1 OK Logged in\n") << "finished" << QList<quint32>{} << 0;
    QTest::addRow("login: refused password ends the session as Auth")
        << login({}) << QByteArrayList{"AUTH=PLAIN", "SASL-IR"}
        << "C: a1 AUTHENTICATE PLAIN " + plain + "\nS: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n"
        << "failed:Auth" << QList<quint32>{} << 0;
    QTest::addRow("login: LOGINDISABLED without PLAIN writes nothing")
        << login({}) << QByteArrayList{"LOGINDISABLED"} << QByteArray() << "failed:Auth" << QList<quint32>{} << 0;
    // A refused token ends the task only (finished:Auth): the session may try a fresh one.
    QTest::addRow("login: XOAUTH2 error challenge answered with an empty line")
        << login(QStringLiteral("tok")) << QByteArrayList{"AUTH=XOAUTH2", "SASL-IR"}
        << "C: a1 AUTHENTICATE XOAUTH2 " + QByteArray("user=ann@machina.test\x01" "auth=Bearer tok\x01\x01").toBase64()
               + "\nS: + eyJzdGF0dXMiOiI0MDAifQ==\nC:\nS: a1 NO [AUTHENTICATIONFAILED] Invalid credentials\n"
        << "finished:Auth" << QList<quint32>{} << 0;
    QTest::addRow("login: OAUTHBEARER preferred, with host and port (RFC 7628)")
        << login(QStringLiteral("tok")) << QByteArrayList{"AUTH=XOAUTH2", "AUTH=OAUTHBEARER", "SASL-IR"}
        << "C: a1 AUTHENTICATE OAUTHBEARER "
               + QByteArray("n,a=ann@machina.test,\x01host=imap.machina.test\x01port=993\x01" "auth=Bearer tok\x01\x01").toBase64()
               + "\nS: a1 OK Logged in\n"
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("login: OAUTHBEARER error challenge answered with a lone 0x01")
        << login(QStringLiteral("tok")) << QByteArrayList{"AUTH=OAUTHBEARER"}
        << "C: a1 AUTHENTICATE OAUTHBEARER\nS: +\nC: "
               + QByteArray("n,a=ann@machina.test,\x01host=imap.machina.test\x01port=993\x01" "auth=Bearer tok\x01\x01").toBase64()
               + "\nS: + eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=\nC: AQ==\nS: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n"
        << "finished:Auth" << QList<quint32>{} << 0;
    QTest::addRow("login: neither OAUTHBEARER nor XOAUTH2 offered")
        << login(QStringLiteral("tok")) << QByteArrayList{"AUTH=PLAIN"} << QByteArray() << "failed:Auth" << QList<quint32>{} << 0;

    QTest::addRow("select: OK")
        << noReply([] { return std::make_unique<SelectTask>(QStringLiteral("INBOX")); }) << QByteArrayList{}
        << QByteArray("C: a1 SELECT \"INBOX\"\nS: * 3 EXISTS\nS: * OK [UIDVALIDITY 7] ok\nS: a1 OK [READ-WRITE] done\n")
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("select: NO ends the session")
        << noReply([] { return std::make_unique<SelectTask>(QStringLiteral("INBOX")); }) << QByteArrayList{}
        << QByteArray("C: a1 SELECT \"INBOX\"\nS: a1 NO Mailbox does not exist\n") << "failed:Protocol" << QList<quint32>{} << 0;

    const auto search = [](const char *criteria) {
        return TaskFactory([criteria](ImapReply *r) { return std::make_unique<SearchTask>(criteria, r); });
    };
    QTest::addRow("search: ESEARCH ranges, ascending")
        << search("UNSEEN") << QByteArrayList{"ESEARCH"}
        << QByteArray("C: a1 UID SEARCH RETURN (ALL) UNSEEN\nS: * ESEARCH (TAG \"a1\") UID ALL 9,3:5\nS: a1 OK done\n")
        << "finished" << QList<quint32>{3, 4, 5, 9} << 0;
    QTest::addRow("search: ESEARCH without the optional TAG")
        << search("ALL") << QByteArrayList{"ESEARCH"}
        << QByteArray("C: a1 UID SEARCH RETURN (ALL) ALL\nS: * ESEARCH UID ALL 2\nS: a1 OK done\n")
        << "finished" << QList<quint32>{2} << 0;
    QTest::addRow("search: plain SEARCH without ESEARCH")
        << search("ALL") << QByteArrayList{}
        << QByteArray("C: a1 UID SEARCH ALL\nS: * SEARCH 8 2 5\nS: a1 OK done\n") << "finished" << QList<quint32>{2, 5, 8} << 0;
    QTest::addRow("search: NO is the operation's error, the session stays")
        << search("ALL") << QByteArrayList{}
        << QByteArray("C: a1 UID SEARCH ALL\nS: a1 NO busy\n") << "finished:Protocol" << QList<quint32>{} << 0;
    QTest::addRow("search: a range beyond EXISTS ends the session")
        << search("ALL") << QByteArrayList{"ESEARCH"}
        << QByteArray("C: a1 UID SEARCH RETURN (ALL) ALL\nS: * ESEARCH (TAG \"a1\") UID ALL 1:4294967295\n")
        << "failed:Protocol" << QList<quint32>{} << 0;

    const auto fetch = [](QList<quint32> uids, ImapFetchPart part) {
        return TaskFactory([uids, part](ImapReply *r) { return std::make_unique<FetchTask>(uids, part, r); });
    };
    QTest::addRow("fetch: headers of two")
        << fetch({4, 6}, ImapFetchPart::Headers) << QByteArrayList{}
        << QByteArray("C: a1 UID FETCH 4,6 (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)\n"
                      "S: * 1 FETCH (UID 4 FLAGS (\\Seen) ENVELOPE (NIL \"a\" NIL NIL NIL NIL NIL NIL NIL NIL))\n"
                      "S: * 2 FETCH (UID 6 FLAGS () ENVELOPE (NIL \"b\" NIL NIL NIL NIL NIL NIL NIL NIL))\n"
                      "S: a1 OK done\n")
        << "finished" << QList<quint32>{} << 2;
    QList<quint32> many;
    for (quint32 uid = 1; uid <= quint32(FetchTask::FullBatch) + 1; ++uid)
        many.append(uid);
    QTest::addRow("fetch: bodies in two batches")
        << fetch(many, ImapFetchPart::Full) << QByteArrayList{}
        << QByteArray("C: a1 UID FETCH 1:25 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])\n"
                      "S: * 1 FETCH (UID 1 BODY[] {2}\nS: hi)\n"
                      "S: a1 OK done\n"
                      "C: a2 UID FETCH 26 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])\n"
                      "S: * 26 FETCH (UID 26 BODY[] {2}\nS: ho)\n"
                      "S: a2 OK done\n")
        << "finished" << QList<quint32>{} << 2;
    QTest::addRow("fetch: NO is the operation's error")
        << fetch({1}, ImapFetchPart::Flags) << QByteArrayList{}
        << QByteArray("C: a1 UID FETCH 1 (UID FLAGS)\nS: a1 NO gone\n") << "finished:Protocol" << QList<quint32>{} << 0;

    QTest::addRow("store: seen")
        << noReply([] { return std::make_unique<StoreTask>(QList<quint32>{3, 4, 5}, true); }) << QByteArrayList{}
        << QByteArray("C: a1 UID STORE 3:5 +FLAGS.SILENT (\\Seen)\nS: a1 OK done\n") << "finished" << QList<quint32>{} << 0;
    QTest::addRow("store: unseen")
        << noReply([] { return std::make_unique<StoreTask>(QList<quint32>{7}, false); }) << QByteArrayList{}
        << QByteArray("C: a1 UID STORE 7 -FLAGS.SILENT (\\Seen)\nS: a1 OK done\n") << "finished" << QList<quint32>{} << 0;
    QTest::addRow("store: nothing to store writes nothing")
        << noReply([] { return std::make_unique<StoreTask>(QList<quint32>{}, true); }) << QByteArrayList{}
        << QByteArray() << "finished" << QList<quint32>{} << 0;

    QTest::addRow("idle: until interrupted")
        << noReply([] { return std::make_unique<IdleTask>(); }) << QByteArrayList{"IDLE"}
        << QByteArray("C: a1 IDLE\nS: + idling\nS: * 4 EXISTS\ninterrupt\nC: DONE\nS: a1 OK Idle completed\n")
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("idle: not offered")
        << noReply([] { return std::make_unique<IdleTask>(); }) << QByteArrayList{} << QByteArray()
        << "finished:Protocol" << QList<quint32>{} << 0;

    // The extensions of RFC 7162, 5161, 4315, 6154 and 5530.
    const auto select = [](quint32 validity, quint64 modSeq) {
        return TaskFactory([=](ImapReply *) { return std::make_unique<SelectTask>(QStringLiteral("INBOX"), validity, modSeq); });
    };
    QTest::addRow("select: CONDSTORE when offered")
        << select(0, 0) << QByteArrayList{"CONDSTORE"}
        << QByteArray("C: a1 SELECT \"INBOX\" (CONDSTORE)\nS: * OK [HIGHESTMODSEQ 715194045007] Highest\nS: a1 OK done\n")
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("select: QRESYNC offered, not enabled: CONDSTORE")
        << select(67890007, 90060115194045000) << QByteArrayList{"CONDSTORE", "QRESYNC"}
        << QByteArray("C: a1 SELECT \"INBOX\" (CONDSTORE)\nS: a1 OK done\n") << "finished" << QList<quint32>{} << 0;
    QTest::addRow("select: known state but none offered: plain")
        << select(67890007, 90060115194045000) << QByteArrayList{}
        << QByteArray("C: a1 SELECT \"INBOX\"\nS: a1 OK done\n") << "finished" << QList<quint32>{} << 0;

    const auto enable = noReply([] { return std::make_unique<EnableTask>(QList<QByteArray>{"QRESYNC"}); });
    QTest::addRow("enable: QRESYNC")
        << enable << QByteArrayList{"QRESYNC"}
        << QByteArray("C: a1 ENABLE QRESYNC\nS: * ENABLED QRESYNC\nS: a1 OK Enabled.\n") << "finished" << QList<quint32>{} << 0;
    QTest::addRow("enable: a refusal keeps the session")
        << enable << QByteArrayList{"QRESYNC"}
        << QByteArray("C: a1 ENABLE QRESYNC\nS: a1 BAD not now\n") << "finished" << QList<quint32>{} << 0;

    const auto create = [](const QString &name) {
        return TaskFactory([name](ImapReply *r) { return std::make_unique<CreateTask>(name, r); });
    };
    QTest::addRow("create: OK")
        << create(QStringLiteral("Archive")) << QByteArrayList{}
        << QByteArray("C: a1 CREATE \"Archive\"\nS: a1 OK Create completed.\n") << "finished" << QList<quint32>{} << 0;
    QTest::addRow("create: ALREADYEXISTS is what was asked")
        << create(QStringLiteral("\u00c9l\u00e9ments envoy\u00e9s")) << QByteArrayList{}
        << QByteArray("C: a1 CREATE \"&AMk-l&AOk-ments envoy&AOk-s\"\nS: a1 NO [ALREADYEXISTS] Mailbox already exists\n")
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("create: another NO is the operation's error")
        << create(QStringLiteral("Archive")) << QByteArrayList{}
        << QByteArray("C: a1 CREATE \"Archive\"\nS: a1 NO [OVERQUOTA] Too many mailboxes\n")
        << "finished:Protocol" << QList<quint32>{} << 0;

    const auto list = TaskFactory([](ImapReply *r) { return std::make_unique<ListTask>(r); });
    QTest::addRow("list: plain")
        << list << QByteArrayList{} << QByteArray("C: a1 LIST \"\" \"*\"\nS: * LIST () \"/\" INBOX\nS: a1 OK done\n")
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("list: LIST-EXTENDED alone is no RETURN (SPECIAL-USE)")
        << list << QByteArrayList{"LIST-EXTENDED"} << QByteArray("C: a1 LIST \"\" \"*\"\nS: a1 OK done\n")
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("list: SPECIAL-USE")
        << list << QByteArrayList{"SPECIAL-USE"}
        << QByteArray("C: a1 LIST \"\" \"*\" RETURN (SPECIAL-USE)\nS: * LIST (\\Sent) \"/\" Sent\nS: a1 OK done\n")
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("list: BAD to RETURN asks again plainly")
        << list << QByteArrayList{"SPECIAL-USE"}
        << QByteArray("C: a1 LIST \"\" \"*\" RETURN (SPECIAL-USE)\nS: a1 BAD Unknown return option\n"
                      "C: a2 LIST \"\" \"*\"\nS: * LIST () \"/\" INBOX\nS: a2 OK done\n")
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("list: NO is the operation's error")
        << list << QByteArrayList{} << QByteArray("C: a1 LIST \"\" \"*\"\nS: a1 NO busy\n")
        << "finished:Protocol" << QList<quint32>{} << 0;

    const auto append = [](const QByteArray &message) {
        return TaskFactory([message](ImapReply *r) {
            return std::make_unique<AppendTask>(QStringLiteral("Sent"), message, QList<QByteArray>{"\\Seen"}, r);
        });
    };
    QTest::addRow("append: synchronising literal after the +")
        << append("hi") << QByteArrayList{}
        << QByteArray("C: a1 APPEND \"Sent\" (\\Seen) {2}\nS: + Ready for literal data\nC: hi\n"
                      "S: a1 OK [APPENDUID 38505 3955] Append completed.\n")
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("append: NO before the literal")
        << append("hi") << QByteArrayList{}
        << QByteArray("C: a1 APPEND \"Sent\" (\\Seen) {2}\nS: a1 NO [OVERQUOTA] Quota exceeded\n")
        << "finished:Rejected" << QList<quint32>{} << 0;
    QTest::addRow("append: BAD is a Protocol error")
        << append("hi") << QByteArrayList{}
        << QByteArray("C: a1 APPEND \"Sent\" (\\Seen) {2}\nS: + go\nC: hi\nS: a1 BAD what\n")
        << "finished:Protocol" << QList<quint32>{} << 0;

    const auto changedSince = TaskFactory([](ImapReply *r) { return std::make_unique<ChangedSinceTask>(715194045007, r); });
    QTest::addRow("changed since: CONDSTORE, nothing changed")
        << changedSince << QByteArrayList{"CONDSTORE"}
        << QByteArray("C: a1 UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 715194045007)\nS: a1 OK Fetch completed.\n")
        << "finished" << QList<quint32>{} << 0;
    QTest::addRow("changed since: CONDSTORE, two changed")
        << changedSince << QByteArrayList{"CONDSTORE"}
        << QByteArray("C: a1 UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 715194045007)\n"
                      "S: * 1 FETCH (UID 4 MODSEQ (715194045008) FLAGS (\\Seen))\n"
                      "S: * 2 FETCH (UID 6 FLAGS () MODSEQ (715194045010))\n"
                      "S: a1 OK Fetch completed.\n")
        << "finished" << QList<quint32>{} << 2;
    QTest::addRow("changed since: not offered writes nothing")
        << changedSince << QByteArrayList{} << QByteArray() << "finished:Protocol" << QList<quint32>{} << 0;

    QTest::addRow("capability: OK")
        << noReply([] { return std::make_unique<CapabilityTask>(); }) << QByteArrayList{}
        << QByteArray("C: a1 CAPABILITY\nS: * CAPABILITY IMAP4rev1 IDLE\nS: a1 OK done\n") << "finished" << QList<quint32>{} << 0;
    QTest::addRow("capability: BAD ends the session")
        << noReply([] { return std::make_unique<CapabilityTask>(); }) << QByteArrayList{}
        << QByteArray("C: a1 CAPABILITY\nS: a1 BAD no\n") << "failed:Protocol" << QList<quint32>{} << 0;
    QTest::addRow("starttls: refused is a Tls failure")
        << noReply([] { return std::make_unique<StartTlsTask>(); }) << QByteArrayList{}
        << QByteArray("C: a1 STARTTLS\nS: a1 NO not now\n") << "failed:Tls" << QList<quint32>{} << 0;
    QTest::addRow("noop")
        << noReply([] { return std::make_unique<NoopTask>(); }) << QByteArrayList{}
        << QByteArray("C: a1 NOOP\nS: * 5 EXISTS\nS: a1 OK done\n") << "finished" << QList<quint32>{} << 0;
    QTest::addRow("logout: any answer ends it")
        << noReply([] { return std::make_unique<LogoutTask>(); }) << QByteArrayList{}
        << QByteArray("C: a1 LOGOUT\nS: * BYE bye\nS: a1 OK done\n") << "finished" << QList<quint32>{} << 0;
}

void TestImapTasks::task()
{
    QFETCH(TaskFactory, factory);
    QFETCH(QByteArrayList, caps);
    QFETCH(QByteArray, script);
    QFETCH(QString, outcome);
    QFETCH(QList<quint32>, uids);
    QFETCH(int, messages);

    ImapReply reply;
    std::unique_ptr<ImapTask> task = factory(&reply);
    ScriptedHost host;
    host.capabilities = caps;
    host.existsCount = 10;
    host.play(*task, script);

    QVERIFY2(host.problems.isEmpty(), qPrintable(describe(host)));
    if (outcome == QLatin1String("finished")) {
        QVERIFY2(host.finished && !host.error, qPrintable(describe(host)));
    } else {
        const QStringList parts = outcome.split(QLatin1Char(':'));
        QVERIFY2(parts.first() == QLatin1String("finished") ? host.finished : host.failed, qPrintable(describe(host)));
        QCOMPARE(ConnectorError::kindName(host.error.kind()), parts.last().toLower());
        QVERIFY2(host.error.message().contains(QStringLiteral("imap.test:993")), qPrintable(host.error.message()));
    }
    QCOMPARE(reply.uids(), uids);
    QCOMPARE(reply.messages().size(), messages);
}

void TestImapTasks::searchTakesOnlyItsOwnEsearch()
{
    ImapReply reply;
    SearchTask task("ALL", &reply);
    ScriptedHost host;
    host.capabilities = {"ESEARCH"};
    host.existsCount = 5;
    task.begin(&host);
    ImapParser parser;
    parser.feed("* ESEARCH (TAG \"z9\") UID ALL 1:3\r\n* ESEARCH (TAG \"a1\") UID ALL 4\r\n");
    QVERIFY(!task.untagged(*parser.takeResponse()));   // another command's
    QVERIFY(task.untagged(*parser.takeResponse()));
    parser.feed("a1 OK done\r\n");
    task.tagged(*parser.takeResponse());
    QVERIFY(host.finished);
    QCOMPARE(reply.uids(), QList<quint32>{4});
}

void TestImapTasks::fetchLeavesUnsolicitedFetchToTheSession()
{
    ImapReply reply;
    FetchTask task({2}, ImapFetchPart::Flags, &reply);
    ScriptedHost host;
    task.begin(&host);
    ImapParser parser;
    // Someone else's flag change carries no UID (RFC 3501 7.4.2); our answer does.
    parser.feed("* 9 FETCH (FLAGS (\\Seen))\r\n* 1 FETCH (UID 2 FLAGS (\\Flagged))\r\n* 3 EXISTS\r\n");
    QVERIFY(!task.untagged(*parser.takeResponse()));
    QVERIFY(task.untagged(*parser.takeResponse()));
    QVERIFY(!task.untagged(*parser.takeResponse()));
    QCOMPARE(reply.messages().size(), 1);
    QCOMPARE(reply.messages().first().uid, 2u);
    QCOMPARE(reply.messages().first().flags, QList<QByteArray>{"\\Flagged"});
}

void TestImapTasks::idleSendsDoneOnceAndOnlyWhileIdling()
{
    IdleTask task;
    ScriptedHost host;
    host.capabilities = {"IDLE"};
    task.begin(&host);
    task.interrupt();                       // before "+": nothing to end yet
    QCOMPARE(host.written, QList<QByteArray>{"a1 IDLE"});
    ImapParser parser;
    parser.feed("+ idling\r\n");
    task.continuation(*parser.takeResponse());
    QVERIFY(host.idling);
    task.interrupt();
    task.interrupt();                       // DONE only once
    QCOMPARE(host.written, (QList<QByteArray>{"a1 IDLE", "DONE"}));
}

namespace {

/// Feeds server lines to a task the way the session routes them; the tagged line last.
void feed(ImapTask &task, const QByteArray &lines)
{
    ImapParser parser;
    parser.feed(lines);
    while (const std::optional<ImapResponse> r = parser.takeResponse()) {
        if (r->isTagged())
            task.tagged(*r);
        else
            task.untagged(*r);
    }
    QVERIFY2(!parser.hasError(), qPrintable(parser.error().reason));
}

} // namespace

void TestImapTasks::appendRecordsAppendUid()
{
    ImapReply reply;
    const QByteArray message = "Subject: t\r\n\r\nHello\r\n";
    AppendTask task(QStringLiteral("\u00c9l\u00e9ments envoy\u00e9s"), message, {}, &reply);
    ScriptedHost host;
    host.capabilities = {"LITERAL+", "UIDPLUS"};
    task.begin(&host);
    // LITERAL+: the message goes with the command, no "+" awaited.
    QCOMPARE(host.written, QList<QByteArray>{"a1 APPEND \"&AMk-l&AOk-ments envoy&AOk-s\" {21+}\r\n" + message});
    feed(task, "a1 OK [APPENDUID 1700000000 42] Append completed.\r\n");
    QVERIFY(host.finished && !host.error);
    QCOMPARE(reply.appendUidValidity(), 1700000000u);
    QCOMPARE(reply.appendUid(), 42u);
    QCOMPARE(reply.responseCode(), QByteArray("APPENDUID"));
    QVERIFY(!reply.tryCreate());
}

void TestImapTasks::appendTryCreateIsReported()
{
    ImapReply reply;
    AppendTask task(QStringLiteral("Archive"), "x", {}, &reply);
    ScriptedHost host;
    host.capabilities = {"LITERAL+"};
    task.begin(&host);
    feed(task, "a1 NO [TRYCREATE] Mailbox doesn't exist: Archive\r\n");
    QVERIFY(host.finished);
    QCOMPARE(host.error.kind(), Kind::Rejected);
    QVERIFY2(host.error.message().contains(QStringLiteral("TRYCREATE")), qPrintable(host.error.message()));
    QVERIFY(reply.tryCreate());
    QCOMPARE(reply.appendUid(), 0u);
}

void TestImapTasks::appendRefusesABadFlagWithoutWriting()
{
    ImapReply reply;
    AppendTask task(QStringLiteral("Sent"), "x", {"\\Seen", "bad)\r\na2 DELETE INBOX"}, &reply);
    ScriptedHost host;
    task.begin(&host);
    QVERIFY(host.written.isEmpty());
    QVERIFY(host.finished);
    QCOMPARE(host.error.kind(), Kind::Rejected);
}

void TestImapTasks::listCollectsMailboxes()
{
    ImapReply reply;
    ListTask task(&reply);
    ScriptedHost host;
    host.capabilities = {"SPECIAL-USE", "LIST-EXTENDED"};
    task.begin(&host);
    QCOMPARE(host.written, QList<QByteArray>{"a1 LIST \"\" \"*\" RETURN (SPECIAL-USE)"});
    feed(task, "* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
               "* LIST (\\HasNoChildren \\Sent) \"/\" \"&AMk-l&AOk-ments envoy&AOk-s\"\r\n"
               "* LIST (\\Noselect \\HasChildren) NIL Public\r\n"
               "* 3 EXISTS\r\n"
               "a1 OK List completed.\r\n");
    QVERIFY(host.finished && !host.error);
    const QList<ImapMailboxInfo> boxes = reply.mailboxes();
    QCOMPARE(boxes.size(), 3);
    QCOMPARE(boxes.at(0).name, QStringLiteral("INBOX"));
    QCOMPARE(boxes.at(0).delimiter, QLatin1Char('/'));
    QCOMPARE(boxes.at(1).name, QStringLiteral("\u00c9l\u00e9ments envoy\u00e9s"));
    QVERIFY(boxes.at(1).hasAttribute("\\sent"));
    QCOMPARE(boxes.at(1).attributes, (QList<QByteArray>{"\\HasNoChildren", "\\Sent"}));
    QVERIFY(boxes.at(2).delimiter.isNull());
    QVERIFY(boxes.at(2).hasAttribute("\\Noselect"));
}

void TestImapTasks::selectQresyncCollectsChanges()
{
    ImapSelectChanges changes;
    SelectTask task(QStringLiteral("INBOX"), 67890007, 90060115194045000, &changes);
    ScriptedHost host;
    host.capabilities = {"CONDSTORE", "QRESYNC"};
    host.enabled = {"QRESYNC"};
    task.begin(&host);
    QCOMPARE(host.written, QList<QByteArray>{"a1 SELECT \"INBOX\" (QRESYNC (67890007 90060115194045000))"});
    // RFC 7162 3.2.5.1's example, shortened.
    feed(task, "* 314 EXISTS\r\n"
               "* OK [UIDVALIDITY 67890007] UIDVALIDITY\r\n"
               "* OK [HIGHESTMODSEQ 90060115205545359] Highest mailbox mod-sequence\r\n"
               "* VANISHED (EARLIER) 41,43:45\r\n"
               "* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))\r\n"
               "* 50 FETCH (UID 119 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045308))\r\n"
               "a1 OK [READ-WRITE] mailbox selected\r\n");
    QVERIFY(host.finished && !host.error);
    QCOMPARE(changes.vanished, (QList<quint32>{41, 43, 44, 45}));
    QCOMPARE(changes.changed.size(), 2);
    QCOMPARE(changes.changed.at(0).uid, 117u);
    QCOMPARE(changes.changed.at(0).modSeq, quint64(90060115194045001));
    QCOMPARE(changes.changed.at(1).flags, (QList<QByteArray>{"\\Draft", "$MDNSent"}));
}

void TestImapTasks::selectWithoutQresyncLeavesFetchesToTheSession()
{
    ImapSelectChanges changes;
    SelectTask task(QStringLiteral("INBOX"), 0, 0, &changes);   // no known state
    ScriptedHost host;
    host.capabilities = {"CONDSTORE", "QRESYNC"};
    host.enabled = {"QRESYNC"};
    task.begin(&host);
    QCOMPARE(host.written, QList<QByteArray>{"a1 SELECT \"INBOX\" (CONDSTORE)"});
    ImapParser parser;
    parser.feed("* 1 FETCH (UID 3 FLAGS ())\r\n");
    QVERIFY(!task.untagged(*parser.takeResponse()));
    QVERIFY(changes.isEmpty());
}

void TestImapTasks::changedSinceCollectsFlagsAndVanished()
{
    ImapReply reply;
    ChangedSinceTask task(12345, &reply);
    ScriptedHost host;
    host.capabilities = {"CONDSTORE", "QRESYNC"};
    host.enabled = {"QRESYNC"};
    task.begin(&host);
    QCOMPARE(host.written, QList<QByteArray>{"a1 UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 12345 VANISHED)"});
    ImapParser parser;
    parser.feed("* VANISHED (EARLIER) 1:3,9\r\n"
                "* VANISHED 20\r\n"                      // news, not the answer: the session's
                "* 4 FETCH (UID 12 FLAGS (\\Flagged) MODSEQ (12400))\r\n"
                "* 5 FETCH (MODSEQ (12401) FLAGS ())\r\n"   // without a UID: not ours
                "a1 OK done\r\n");
    QVERIFY(task.untagged(*parser.takeResponse()));
    QVERIFY(!task.untagged(*parser.takeResponse()));
    QVERIFY(task.untagged(*parser.takeResponse()));
    QVERIFY(!task.untagged(*parser.takeResponse()));
    task.tagged(*parser.takeResponse());
    QVERIFY(host.finished && !host.error);
    QCOMPARE(reply.vanished(), (QList<quint32>{1, 2, 3, 9}));
    QCOMPARE(reply.messages().size(), 1);
    QCOMPARE(reply.messages().first().uid, 12u);
    QCOMPARE(reply.messages().first().modSeq, quint64(12400));
    QVERIFY(!reply.messages().first().isSeen());
}

void TestImapTasks::flagsFetchIgnoresOtherUids()
{
    // With CONDSTORE an unsolicited flag change may carry a UID: outside the batch it is not ours.
    ImapReply reply;
    FetchTask task({3, 4}, ImapFetchPart::Flags, &reply);
    ScriptedHost host;
    task.begin(&host);
    ImapParser parser;
    parser.feed("* 9 FETCH (UID 13 FLAGS (\\Seen) MODSEQ (88))\r\n* 1 FETCH (UID 4 FLAGS () MODSEQ (87))\r\n");
    QVERIFY(!task.untagged(*parser.takeResponse()));
    QVERIFY(task.untagged(*parser.takeResponse()));
    QCOMPARE(reply.messages().size(), 1);
    QCOMPARE(reply.messages().first().modSeq, quint64(87));
}

QTEST_GUILESS_MAIN(TestImapTasks)
#include "tst_imaptasks.moc"
