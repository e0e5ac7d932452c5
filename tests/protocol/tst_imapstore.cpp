// ImapClient's store and resynchronisation commands against the scripted
// server: APPEND (RFC 3501 6.3.11, UIDPLUS RFC 4315, LITERAL+ RFC 7888), LIST
// with special-use attributes (RFC 6154), CREATE (ALREADYEXISTS, RFC 5530),
// and CONDSTORE / QRESYNC (RFC 7162): ENABLE, SELECT (QRESYNC ...),
// CHANGEDSINCE and VANISHED. Each test is a transcript over a real loopback
// socket with implicit TLS.

#include "scriptedserver.h"

#include "imap/imapclient.h"
#include "transport/tls.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <memory>

using namespace machina;
using Kind = ConnectorError::Kind;

#include "sessiontestsupport.h"
#include "watchedreply.h"

using namespace sessiontest;

namespace {

const QByteArray kGreetingCaps = "IMAP4rev1 SASL-IR ID ENABLE IDLE LITERAL+ AUTH=PLAIN";
const QByteArray kPlainCaps = "IMAP4rev1 SASL-IR ID ENABLE IDLE UIDPLUS";
const QByteArray kQresyncCaps = "IMAP4rev1 SASL-IR ID ENABLE IDLE UIDPLUS CONDSTORE QRESYNC";
const QByteArray kSentName = "&AMk-l&AOk-ments envoy&AOk-s";   // RFC 3501 5.1.3 for the name below
const QString kSentMailbox = QStringLiteral(u"\u00c9l\u00e9ments envoy\u00e9s");

/// The greeting and AUTHENTICATE PLAIN as a1, the OK announcing @p caps: the next command is a2.
QByteArray loginOnly(const QByteArray &caps, const QByteArray &greetingCaps = kGreetingCaps)
{
    return "S: * OK [CAPABILITY " + greetingCaps + "] Dovecot ready.\n"
           "C: a1 AUTHENTICATE PLAIN " + plainResponse() + "\n"
           "S: a1 OK [CAPABILITY " + caps + "] Logged in\n";
}

/// SELECT of INBOX as @p tag, sent as @p command (the part after "SELECT \"INBOX\""), answered with @p extra.
QByteArray select(const QByteArray &tag, const QByteArray &command = {}, const QByteArray &extra = {},
                  quint32 exists = 5, quint32 uidValidity = 1700000000)
{
    return "C: " + tag + " SELECT \"INBOX\"" + command + "\n"
           "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\n"
           "S: * " + QByteArray::number(exists) + " EXISTS\n"
           "S: * OK [UIDVALIDITY " + QByteArray::number(uidValidity) + "] UIDs valid\n"
           "S: * OK [UIDNEXT 13] Predicted next UID\n"
           + extra
           + "S: " + tag + " OK [READ-WRITE] Select completed.\n";
}

/// Login with QRESYNC offered, ENABLE QRESYNC as a2, SELECT (CONDSTORE) as a3: the next command is a4.
QByteArray qresyncSession(quint64 highestModSeq = 100, quint32 exists = 5)
{
    return loginOnly(kQresyncCaps)
           + "C: a2 ENABLE QRESYNC\n"
             "S: * ENABLED QRESYNC\n"
             "S: a2 OK Enabled.\n"
           + select("a3", " (CONDSTORE)",
                    "S: * OK [HIGHESTMODSEQ " + QByteArray::number(highestModSeq) + "] Highest\n", exists);
}

/// The bytes the client sent on @p connection from its line @p first on, @p count lines, CRLFs put back.
QByteArray wireBytes(const ScriptedServer &server, int connection, qsizetype first, qsizetype count)
{
    const QList<QByteArray> lines = server.commands(connection);
    QByteArray out;
    for (qsizetype i = first; i < first + count && i < lines.size(); ++i)
        out += lines.at(i) + "\r\n";
    return out;
}

} // namespace

class TestImapStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void appendWithLiteralPlus();
    void multiAppendSendsEveryMessageInOneCommand();
    void appendSynchronizing();
    void appendTryCreateKeepsTheSession();
    void appendWhileSelectedKeepsTheMailbox();
    void listMailboxes_data();
    void listMailboxes();
    void createMailbox_data();
    void createMailbox();
    void enableQresync_data();
    void enableQresync();
    void selectQresyncWithKnownState();
    void selectCondstoreOnly_data();
    void selectCondstoreOnly();
    void fetchChangedSince_data();
    void fetchChangedSince();
    void vanishedDuringIdle();
    void untaggedHighestModSeqAfterNoop();
    void expungeStillCountsWithoutQresync();
    void malformedVanishedIsAProtocolError_data();
    void malformedVanishedIsAProtocolError();

private:
    ImapSettings settings(const ScriptedServer &server) const;

    QSslConfiguration m_tls;
};

ImapSettings TestImapStore::settings(const ScriptedServer &server) const
{
    ImapSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.implicitTls = true;
    s.username = kUser;
    s.password = kPassword;
    s.tls = m_tls;
    s.timeoutMs = 5000;
    return s;
}

void TestImapStore::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    const ScriptedServer::Certificates &certs = ScriptedServer::certificates();
    QVERIFY2(certs.error.isEmpty(), qPrintable(certs.error));
    const ConnectorError error = Tls::makeClientConfiguration(certs.caFile, &m_tls);
    QVERIFY2(!error, qPrintable(error.message()));
}

// APPEND needs no mailbox: the session logs in and appends without a SELECT; the
// NOOP after it selects. With LITERAL+ the message goes with the command line.
void TestImapStore::appendWithLiteralPlus()
{
    const QByteArray message = "Subject: test\r\n\r\nHello.\r\n";
    const QByteArray n = QByteArray::number(message.size());
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly("IMAP4rev1 LITERAL+ UIDPLUS IDLE")
                         + "C: a2 APPEND \"" + kSentName + "\" (\\Seen) {" + n + "+}\n"
                           "C: Subject: test\n"
                           "C:\n"
                           "C: Hello.\n"
                           "C:\n"   // the CRLF that ends the command, after the literal
                           "S: a2 OK [APPENDUID 1700000000 42] Append completed.\n"
                         + select("a3")
                         + "C: a4 NOOP\n"
                           "S: a4 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy opened(&client, &ImapClient::opened);
    Watched append(client.append(kSentMailbox, message, {"\\Seen"}));
    VERIFY_OK(append);
    QCOMPARE(append->appendUidValidity(), 1700000000u);
    QCOMPARE(append->appendUid(), 42u);
    QVERIFY(!append->tryCreate());
    QCOMPARE(client.state(), ImapClient::State::Authenticated);   // no SELECT for an APPEND
    QCOMPARE(opened.count(), 0);

    Watched noop(client.noop());
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(client.state(), ImapClient::State::Selected);
    QCOMPARE(opened.count(), 1);

    // Exactly the command, the literal and one CRLF after it, in one write without waiting.
    QCOMPARE(wireBytes(server, 1, 1, 5),
             "a2 APPEND \"" + kSentName + "\" (\\Seen) {" + n + "+}\r\n" + message + "\r\n");
    const QList<ScriptedServer::ClientLine> lines = server.clientLines();
    QCOMPARE(lines.at(5).chunk, lines.at(1).chunk);
    QCOMPARE(lines.at(5).serverWritesBefore, lines.at(1).serverWritesBefore);
}

void TestImapStore::multiAppendSendsEveryMessageInOneCommand()
{
    const QByteArray one = "Subject: one\r\n\r\n1\r\n";
    const QByteArray two = "Subject: two\r\n\r\n2\r\n";
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly("IMAP4rev1 LITERAL+ UIDPLUS MULTIAPPEND")
                         + "C: a2 APPEND \"" + kSentName + "\" (\\Seen) {" + QByteArray::number(one.size()) + "+}\n"
                           "C: Subject: one\n"
                           "C:\n"
                           "C: 1\n"
                           "C: *\n"   // " (\\Seen) {n+}": a script line loses its leading blank; checked below
                           "C: Subject: two\n"
                           "C:\n"
                           "C: 2\n"
                           "C:\n"
                           "S: a2 OK [APPENDUID 1700000000 41:42] Append completed.\n");
    QVERIFY(server.start());
    ImapClient client(settings(server));
    Watched append(client.append(kSentMailbox, QList<QByteArray>{one, two}, {"\\Seen"}));
    VERIFY_OK(append);
    QCOMPARE(append->appendUidValidity(), 1700000000u);
    QCOMPARE(append->appendUids(), (QList<quint32>{41, 42}));
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(wireBytes(server, 1, 1, 9), "a2 APPEND \"" + kSentName + "\" (\\Seen) {" + QByteArray::number(one.size()) + "+}\r\n"
                                         + one + " (\\Seen) {" + QByteArray::number(two.size()) + "+}\r\n" + two + "\r\n");
}

void TestImapStore::appendSynchronizing()
{
    const QByteArray message = "Subject: test\r\n\r\nHello.\r\n";
    const QByteArray n = QByteArray::number(message.size());
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly(kPlainCaps)
                         + "C: a2 APPEND \"Sent\" {" + n + "}\n"
                           "S: + Ready for literal data\n"
                           "C: Subject: test\n"
                           "C:\n"
                           "C: Hello.\n"
                           "C:\n"
                           "S: a2 OK [APPENDUID 1700000000 43] Append completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched append(client.append(QStringLiteral("Sent"), message, {}));
    VERIFY_OK(append);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(append->appendUid(), 43u);
    QCOMPARE(wireBytes(server, 1, 1, 5), "a2 APPEND \"Sent\" {" + n + "}\r\n" + message + "\r\n");
    // The literal waited for the "+".
    const QList<ScriptedServer::ClientLine> lines = server.clientLines();
    QCOMPARE(lines.at(2).serverWritesBefore, lines.at(1).serverWritesBefore + 1);
    QCOMPARE(lines.at(5).serverWritesBefore, lines.at(2).serverWritesBefore);
}

void TestImapStore::appendTryCreateKeepsTheSession()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly("IMAP4rev1 LITERAL+ UIDPLUS")
                         + "C: a2 APPEND \"Archive\" {2+}\n"
                           "C: hi\n"
                           "S: a2 NO [TRYCREATE] Mailbox doesn't exist: Archive\n"
                           "C: a3 CREATE \"Archive\"\n"
                           "S: a3 OK Create completed.\n"
                           "C: a4 APPEND \"Archive\" {2+}\n"
                           "C: hi\n"
                           "S: a4 OK Append completed.\n");   // no UIDPLUS answer: no UID
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    Watched first(client.append(QStringLiteral("Archive"), "hi", {}));
    VERIFY_ERROR(first, Kind::Rejected);
    QVERIFY(first->tryCreate());
    QCOMPARE(first->responseCode(), QByteArray("TRYCREATE"));
    QVERIFY2(first->error().message().contains(QStringLiteral("TRYCREATE")), describe(first.reply.get()).constData());
    Watched create(client.createMailbox(QStringLiteral("Archive")));
    Watched second(client.append(QStringLiteral("Archive"), "hi", {}));
    VERIFY_OK(create);
    VERIFY_OK(second);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(second->appendUid(), 0u);
    QCOMPARE(second->appendUidValidity(), 0u);
    QCOMPARE(lost.count(), 0);
}

void TestImapStore::appendWhileSelectedKeepsTheMailbox()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly("IMAP4rev1 LITERAL+ UIDPLUS") + select("a2")
                         + "C: a3 APPEND \"Sent\" {2+}\n"
                           "C: hi\n"
                           "S: a3 OK [APPENDUID 9 1] Append completed.\n"
                           "C: a4 NOOP\n"   // still INBOX: no SELECT again
                           "S: a4 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    Watched append(client.append(QStringLiteral("Sent"), "hi", {}));
    Watched noop(client.noop());
    VERIFY_OK(append);
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(client.state(), ImapClient::State::Selected);
    QCOMPARE(client.uidValidity(), 1700000000u);   // INBOX's, not the APPENDUID's
    QCOMPARE(append->appendUidValidity(), 9u);
}

void TestImapStore::listMailboxes_data()
{
    QTest::addColumn<QByteArray>("caps");
    QTest::addColumn<QByteArray>("command");
    QTest::addRow("RETURN (SPECIAL-USE)") << QByteArray("IMAP4rev1 LIST-EXTENDED SPECIAL-USE")
                                          << QByteArray("a2 LIST \"\" \"*\" RETURN (SPECIAL-USE)");
    QTest::addRow("plain LIST") << QByteArray("IMAP4rev1") << QByteArray("a2 LIST \"\" \"*\"");
}

void TestImapStore::listMailboxes()
{
    QFETCH(QByteArray, caps);
    QFETCH(QByteArray, command);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly(caps)
                         + "C: " + command + "\n"
                           "S: * LIST (\\HasNoChildren) \"/\" INBOX\n"
                           "S: * LIST (\\HasNoChildren \\Sent) \"/\" \"" + kSentName + "\"\n"
                           "S: * LIST (\\HasNoChildren \\Trash) \"/\" Trash\n"
                           "S: * LIST (\\Noselect \\HasChildren) \"/\" Archive\n"
                           "S: * LIST (\\HasNoChildren) \"/\" {12}\n"
                           "S: Archive/2024\n"
                           "S: a2 OK List completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched list(client.listMailboxes());
    VERIFY_OK(list);
    VERIFY_SERVER_COMPLETE(server);
    const QList<ImapMailboxInfo> boxes = list->mailboxes();
    QCOMPARE(boxes.size(), 5);
    const auto sent = std::find_if(boxes.cbegin(), boxes.cend(),
                                   [](const ImapMailboxInfo &b) { return b.hasAttribute("\\Sent"); });
    QVERIFY(sent != boxes.cend());
    QCOMPARE(sent->name, kSentMailbox);
    QCOMPARE(sent->delimiter, QLatin1Char('/'));
    QVERIFY(boxes.at(3).hasAttribute("\\noselect"));
    QCOMPARE(boxes.at(4).name, QStringLiteral("Archive/2024"));
    QCOMPARE(client.state(), ImapClient::State::Authenticated);
}

void TestImapStore::createMailbox_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("ok");
    QTest::addRow("created") << QByteArray("a2 OK Create completed.") << true;
    QTest::addRow("ALREADYEXISTS") << QByteArray("a2 NO [ALREADYEXISTS] Mailbox already exists") << true;
    QTest::addRow("refused") << QByteArray("a2 NO [CANNOT] Invalid mailbox name") << false;
}

void TestImapStore::createMailbox()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, ok);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly(kPlainCaps) + "C: a2 CREATE \"" + kSentName + "\"\nS: " + answer + "\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    Watched create(client.createMailbox(kSentMailbox));
    if (ok) {
        VERIFY_OK(create);
    } else {
        VERIFY_ERROR(create, Kind::Protocol);
        QVERIFY2(create->error().message().contains(QStringLiteral("Invalid mailbox name")), describe(create.reply.get()).constData());
    }
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(lost.count(), 0);
}

void TestImapStore::enableQresync_data()
{
    QTest::addColumn<QByteArray>("greetingCaps");
    QTest::addColumn<QByteArray>("loggedInCaps");
    QTest::addColumn<QByteArray>("enable");        // the ENABLE exchange, empty when none is due
    QTest::addColumn<QByteArray>("selectArgs");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("condstore");

    const QByteArray enableOk = "C: a2 ENABLE QRESYNC\nS: * ENABLED QRESYNC\nS: a2 OK Enabled.\n";
    const QByteArray known = " (QRESYNC (1700000000 90))";
    QTest::addRow("offered after login") << kGreetingCaps << kQresyncCaps << enableOk << known << true << true;
    // Offered before login too: still only after it (RFC 5161 3.1).
    QTest::addRow("offered in the greeting") << kGreetingCaps + " CONDSTORE QRESYNC" << kQresyncCaps << enableOk << known
                                             << true << true;
    QTest::addRow("refused") << kGreetingCaps << kQresyncCaps << QByteArray("C: a2 ENABLE QRESYNC\nS: a2 NO not today\n")
                             << QByteArray(" (CONDSTORE)") << false << true;
    QTest::addRow("CONDSTORE only") << kGreetingCaps << QByteArray("IMAP4rev1 ENABLE IDLE CONDSTORE") << QByteArray()
                                    << QByteArray(" (CONDSTORE)") << false << true;
    QTest::addRow("neither") << kGreetingCaps << kPlainCaps << QByteArray() << QByteArray() << false << false;
}

void TestImapStore::enableQresync()
{
    QFETCH(QByteArray, greetingCaps);
    QFETCH(QByteArray, loggedInCaps);
    QFETCH(QByteArray, enable);
    QFETCH(QByteArray, selectArgs);
    QFETCH(bool, enabled);
    QFETCH(bool, condstore);

    const QByteArray selectTag = enable.isEmpty() ? "a2" : "a3";
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly(loggedInCaps, greetingCaps) + enable + select(selectTag, selectArgs));
    QVERIFY(server.start());

    ImapClient client(settings(server));
    client.setResyncState(1700000000, 90);   // known: used only once QRESYNC is enabled
    Watched open(client.open());
    VERIFY_OK(open);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(client.qresyncEnabled(), enabled);
    QCOMPARE(client.condstoreAvailable(), condstore);
    QCOMPARE(client.highestModSeq(), quint64(0));   // the SELECT named none
    const QList<QByteArray> commands = server.commands(1);
    QVERIFY(commands.first().startsWith("a1 AUTHENTICATE"));
    QCOMPARE(commands.last(), "a" + QByteArray::number(commands.size()) + " SELECT \"INBOX\"" + selectArgs);
}

void TestImapStore::selectQresyncWithKnownState()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    // RFC 7162 3.2.5.1's example, shortened: two UIDs gone, two messages changed.
    server.addConnection(loginOnly(kQresyncCaps)
                         + "C: a2 ENABLE QRESYNC\n"
                           "S: * ENABLED QRESYNC\n"
                           "S: a2 OK Enabled.\n"
                         + select("a3", " (QRESYNC (67890007 90060115194045000))",
                                  "S: * OK [HIGHESTMODSEQ 90060115205545359] Highest mailbox mod-sequence\n"
                                  "S: * VANISHED (EARLIER) 41,43:45\n"
                                  "S: * 2 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))\n"
                                  "S: * 5 FETCH (UID 119 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045308))\n",
                                  5, 67890007)
                         + "C: a4 NOOP\n"
                           "S: a4 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    client.setResyncState(67890007, 90060115194045000);
    QSignalSpy vanished(&client, &ImapClient::vanished);
    QSignalSpy changed(&client, &ImapClient::mailboxChanged);
    Watched open(client.open());
    VERIFY_OK(open);
    QVERIFY(client.qresyncEnabled());
    QCOMPARE(client.uidValidity(), 67890007u);
    QCOMPARE(client.exists(), 5u);   // VANISHED (EARLIER) is history: EXISTS already counts without them
    QCOMPARE(client.highestModSeq(), quint64(90060115205545359));

    const ImapClient::SelectChanges changes = client.takeSelectChanges();
    QCOMPARE(changes.vanished, (QList<quint32>{41, 43, 44, 45}));
    QCOMPARE(changes.changed.size(), 2);
    QCOMPARE(changes.changed.at(0).uid, 117u);
    QCOMPARE(changes.changed.at(0).flags, (QList<QByteArray>{"\\Seen", "\\Answered"}));
    QCOMPARE(changes.changed.at(0).modSeq, quint64(90060115194045001));
    QCOMPARE(changes.changed.at(1).uid, 119u);
    QVERIFY(client.takeSelectChanges().isEmpty());   // taken
    QCOMPARE(vanished.count(), 0);   // nothing new: no signal for the select's answer
    QCOMPARE(changed.count(), 0);

    Watched noop(client.noop());
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
}

void TestImapStore::selectCondstoreOnly_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<quint64>("highest");
    QTest::addRow("HIGHESTMODSEQ") << QByteArray("S: * OK [HIGHESTMODSEQ 715194045007] Highest\n") << quint64(715194045007);
    QTest::addRow("NOMODSEQ") << QByteArray("S: * OK [NOMODSEQ] Sorry, this mailbox format doesn't support modsequences\n")
                              << quint64(0);
}

void TestImapStore::selectCondstoreOnly()
{
    QFETCH(QByteArray, code);
    QFETCH(quint64, highest);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly("IMAP4rev1 ENABLE IDLE CONDSTORE") + select("a2", " (CONDSTORE)", code));
    QVERIFY(server.start());

    ImapClient client(settings(server));
    client.setResyncState(1700000000, 700000000000);   // no QRESYNC: not used
    Watched open(client.open());
    VERIFY_OK(open);
    VERIFY_SERVER_COMPLETE(server);
    QVERIFY(client.condstoreAvailable());
    QVERIFY(!client.qresyncEnabled());
    QCOMPARE(client.highestModSeq(), highest);
    QVERIFY(client.takeSelectChanges().isEmpty());
}

void TestImapStore::fetchChangedSince_data()
{
    QTest::addColumn<bool>("qresync");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QList<quint32>>("changedUids");
    QTest::addColumn<QList<quint32>>("vanishedUids");
    QTest::addColumn<quint64>("highest");

    const QByteArray fetches = "S: * 3 FETCH (UID 9 FLAGS (\\Seen) MODSEQ (120))\n"
                               "S: * 4 FETCH (UID 11 MODSEQ (131) FLAGS (\\Seen \\Flagged))\n";
    QTest::addRow("QRESYNC: VANISHED modifier")
        << true << QByteArray("S: * VANISHED (EARLIER) 1:2,7\n" + fetches) << QList<quint32>{9, 11} << QList<quint32>{1, 2, 7}
        << quint64(131);
    QTest::addRow("CONDSTORE only") << false << fetches << QList<quint32>{9, 11} << QList<quint32>{} << quint64(131);
    QTest::addRow("QRESYNC: nothing changed") << true << QByteArray() << QList<quint32>{} << QList<quint32>{} << quint64(100);
    QTest::addRow("CONDSTORE: nothing changed") << false << QByteArray() << QList<quint32>{} << QList<quint32>{} << quint64(100);
}

void TestImapStore::fetchChangedSince()
{
    QFETCH(bool, qresync);
    QFETCH(QByteArray, answer);
    QFETCH(QList<quint32>, changedUids);
    QFETCH(QList<quint32>, vanishedUids);
    QFETCH(quint64, highest);

    const QByteArray session = qresync ? qresyncSession(100)
                                       : loginOnly("IMAP4rev1 ENABLE IDLE CONDSTORE")
                                             + select("a2", " (CONDSTORE)", "S: * OK [HIGHESTMODSEQ 100] Highest\n");
    const QByteArray tag = qresync ? "a4" : "a3";
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(session + "C: " + tag + " UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 100"
                         + (qresync ? " VANISHED" : "") + ")\n" + answer + "S: " + tag + " OK Fetch completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    QCOMPARE(client.highestModSeq(), quint64(100));
    QSignalSpy vanished(&client, &ImapClient::vanished);
    QElapsedTimer timer;
    timer.start();
    Watched fetch(client.fetchChangedSince(client.highestModSeq()));
    VERIFY_OK(fetch);
    VERIFY_SERVER_COMPLETE(server);
    if (answer.isEmpty())
        QVERIFY2(timer.elapsed() < 2000, "an empty answer took long");
    QList<quint32> uids;
    for (const ImapMessage &m : fetch->messages())
        uids.append(m.uid);
    QCOMPARE(uids, changedUids);
    QCOMPARE(fetch->vanished(), vanishedUids);
    if (!changedUids.isEmpty()) {
        QCOMPARE(fetch->messages().at(0).modSeq, quint64(120));
        QVERIFY(fetch->messages().at(1).flags.contains("\\Flagged"));
    }
    QCOMPARE(client.highestModSeq(), highest);   // raised by the MODSEQs seen
    QCOMPARE(client.exists(), 5u);               // VANISHED (EARLIER) does not count down
    QCOMPARE(vanished.count(), 0);
}

void TestImapStore::vanishedDuringIdle()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(qresyncSession(100, 5)
                         + "C: a4 IDLE\n"
                           "S: + idling\n"
                           "S: * VANISHED 3:4\n"
                           "S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (107))\n"
                           "C: DONE\n"
                           "S: a4 OK Idle completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    QSignalSpy vanished(&client, &ImapClient::vanished);
    QSignalSpy changed(&client, &ImapClient::mailboxChanged);
    Watched idle(client.idle());
    QTRY_COMPARE_WITH_TIMEOUT(vanished.count(), 1, kWaitMs);
    QCOMPARE(vanished.first().first().value<QList<quint32>>(), (QList<quint32>{3, 4}));
    QCOMPARE(client.exists(), 3u);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, kWaitMs);   // the expunge, then the flag change
    QCOMPARE(client.highestModSeq(), quint64(107));
    client.stopIdle();
    VERIFY_OK(idle);
    VERIFY_SERVER_COMPLETE(server);
}

void TestImapStore::untaggedHighestModSeqAfterNoop()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(qresyncSession(100, 2)
                         + "C: a4 NOOP\n"
                           "S: * VANISHED 1:9\n"   // more than EXISTS: it stops at 0
                           "S: * VANISHED (EARLIER) 20\n"
                           "S: * OK [HIGHESTMODSEQ 95] Highest\n"   // a lower one is taken as sent (RFC 7162 3.2)
                           "S: a4 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    QSignalSpy vanished(&client, &ImapClient::vanished);
    Watched noop(client.noop());
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(vanished.count(), 1);
    QCOMPARE(vanished.first().first().value<QList<quint32>>().size(), 9);
    QCOMPARE(client.exists(), 0u);
    QCOMPARE(client.highestModSeq(), quint64(95));
}

void TestImapStore::expungeStillCountsWithoutQresync()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly(kPlainCaps) + select("a2")
                         + "C: a3 NOOP\n"
                           "S: * 2 EXPUNGE\n"
                           "S: a3 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    QSignalSpy vanished(&client, &ImapClient::vanished);
    QSignalSpy changed(&client, &ImapClient::mailboxChanged);
    Watched noop(client.noop());
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(client.exists(), 4u);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(vanished.count(), 0);
    QVERIFY(!client.qresyncEnabled());
    QCOMPARE(server.commands(1).at(1), QByteArray("a2 SELECT \"INBOX\""));   // no ENABLE, no CONDSTORE
}

void TestImapStore::malformedVanishedIsAProtocolError_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reason");
    QTest::addRow("star") << QByteArray("* VANISHED 5:*") << QStringLiteral("a bad UID set in VANISHED");
    QTest::addRow("zero") << QByteArray("* VANISHED 0:3") << QStringLiteral("a bad UID set in VANISHED");
    QTest::addRow("no UIDs") << QByteArray("* VANISHED (EARLIER)") << QStringLiteral("expected a space");
    QTest::addRow("whole UID space") << QByteArray("* VANISHED 1:4294967295")
                                     << QStringLiteral("VANISHED of 4294967295 UIDs, more than 10000000");
}

void TestImapStore::malformedVanishedIsAProtocolError()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(qresyncSession() + "C: a4 NOOP\nS: " + line + "\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    QSignalSpy vanished(&client, &ImapClient::vanished);
    Watched open(client.open());
    VERIFY_OK(open);
    Watched noop(client.noop());
    VERIFY_ERROR(noop, Kind::Protocol);
    QVERIFY2(noop->error().message().contains(QStringLiteral("sent a response we cannot read (") + reason),
             describe(noop.reply.get()).constData());
    QCOMPARE(lost.count(), 1);
    QCOMPARE(vanished.count(), 0);
    QCOMPARE(client.exists(), 5u);
    QCOMPARE(client.state(), ImapClient::State::Disconnected);
    QTRY_COMPARE_WITH_TIMEOUT(server.closedCount(), 1, kWaitMs);
    VERIFY_SERVER_COMPLETE(server);
}

QTEST_GUILESS_MAIN(TestImapStore)
#include "tst_imapstore.moc"
