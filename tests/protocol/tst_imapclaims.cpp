// ImapClient's operations for conditional claims against the scripted server:
// UID SEARCH with the caller's criteria (quoted strings, dates, keywords),
// UID STORE with +FLAGS / -FLAGS / FLAGS and (UNCHANGEDSINCE n) and the
// [MODIFIED set] of a claim's loser (RFC 7162 3.1.3), UID EXPUNGE (RFC 4315),
// PERMANENTFLAGS, MODSEQ in fetches, and selecting a mailbox other than INBOX
// (and one that does not exist). The server lines are what Dovecot 2.3 (the
// test stack's) answered to these very commands, timings cut from the texts.
// Then the canary built on them (CanaryProbe: search, STORE \Deleted, UID
// EXPUNGE; arrival, timeout, a late arrival) and the listings that skip its probe.

#include "scriptedserver.h"

#include "backends/cachedlisting.h"
#include "backends/imaplisting.h"
#include "canaryprobe.h"
#include "imap/imapclient.h"
#include "messagesummary.h"
#include "sendreply.h"
#include "store/localstore.h"
#include "store/messagecache.h"
#include "transport/tls.h"
#include "workorders/workorderfolder.h"
#include "workorders/workorderflow.h"
#include "workorders/workordermessages.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QSslSocket>
#include <QTest>

#include <memory>

using namespace machina;
using Kind = ConnectorError::Kind;

#include "sessiontestsupport.h"
#include "watchedreply.h"

using namespace sessiontest;

namespace {

const QByteArray kGreetingCaps = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN AUTH=LOGIN";
/// What Dovecot 2.3 announces after login.
const QByteArray kDovecotCaps =
    "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS "
    "THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED "
    "I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE "
    "SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY";
const QByteArray kNoCondstoreCaps = "IMAP4rev1 SASL-IR ID ENABLE IDLE UIDPLUS ESEARCH";
const QByteArray kNoUidplusCaps = "IMAP4rev1 SASL-IR ID ENABLE IDLE CONDSTORE ESEARCH";
const QByteArray kDovecotFlags = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";

/// The greeting and AUTHENTICATE PLAIN as a1, the OK announcing @p caps: the next command is a2.
QByteArray loginOnly(const QByteArray &caps)
{
    return "S: * OK [CAPABILITY " + kGreetingCaps + "] Dovecot (Debian) ready.\n"
           "C: a1 AUTHENTICATE PLAIN " + plainResponse() + "\n"
           "S: a1 OK [CAPABILITY " + caps + "] Logged in\n";
}

/// Dovecot's answer to a SELECT of @p mailboxWire (as sent) with @p args, as @p tag.
QByteArray selectAnswer(const QByteArray &tag, const QByteArray &mailboxWire, const QByteArray &args,
                        const QByteArray &flagCodes, quint64 highestModSeq, quint32 exists = 2)
{
    return "C: " + tag + " SELECT \"" + mailboxWire + "\"" + args + "\n"
           + flagCodes
           + "S: * " + QByteArray::number(exists) + " EXISTS\n"
             "S: * 0 RECENT\n"
             "S: * OK [UIDVALIDITY 1796177615] UIDs valid\n"
             "S: * OK [UIDNEXT 4] Predicted next UID\n"
           + (highestModSeq ? "S: * OK [HIGHESTMODSEQ " + QByteArray::number(highestModSeq) + "] Highest\n" : QByteArray())
           + "S: " + tag + " OK [READ-WRITE] Select completed.\n";
}

QByteArray dovecotFlagCodes(const QByteArray &keywords = "$Other $Done")
{
    return "S: * FLAGS (" + kDovecotFlags + " " + keywords + ")\n"
           "S: * OK [PERMANENTFLAGS (" + kDovecotFlags + " " + keywords + " \\*)] Flags permitted.\n";
}

/// Dovecot: login, ENABLE QRESYNC as a2, SELECT "mailbox" (CONDSTORE) as a3: the next command is a4.
QByteArray dovecotSession(quint64 highestModSeq = 14, const QByteArray &mailboxWire = "INBOX",
                          const QByteArray &flagCodes = dovecotFlagCodes())
{
    return loginOnly(kDovecotCaps)
           + "C: a2 ENABLE QRESYNC\n"
             "S: * ENABLED QRESYNC\n"
             "S: a2 OK Enabled.\n"
           + selectAnswer("a3", mailboxWire, " (CONDSTORE)", flagCodes, highestModSeq);
}

/// A server without CONDSTORE (or without UIDPLUS): login, plain SELECT as a2: the next command is a3.
QByteArray plainSession(const QByteArray &caps)
{
    const bool condstore = caps.contains("CONDSTORE");
    return loginOnly(caps) + selectAnswer("a2", "INBOX", condstore ? " (CONDSTORE)" : "", dovecotFlagCodes(),
                                          condstore ? 14 : 0);
}

QList<quint32> uidsOf(const QList<ImapMessage> &messages)
{
    QList<quint32> uids;
    for (const ImapMessage &m : messages)
        uids.append(m.uid);
    return uids;
}

} // namespace

class TestImapClaims : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void quotedStringAndSearchDate();
    void searchWithCallerCriteria_data();
    void searchWithCallerCriteria();
    void hostileSearchIsNeverSent_data();
    void hostileSearchIsNeverSent();

    void storeWireForms_data();
    void storeWireForms();
    void conditionalStoreWinner();
    void conditionalStoreLoser();
    void conditionalStoreSplitsAWinnerAndALoser();
    void replaceWithUnchangedSince();
    void modifiedNamesOnlyTheUidsAskedFor();
    void malformedModifiedIsAProtocolError();
    void unchangedSinceNeedsCondstore();
    void storeRefusesABadFlag();

    void expungeWithUidplus_data();
    void expungeWithUidplus();
    void expungeWithoutUidplus();

    void permanentFlags_data();
    void permanentFlags();
    void fetchAsksForModSeq_data();
    void fetchAsksForModSeq();
    void workOrderStepRefusedWithoutKeywords();
    void headerFieldsAreFetched();

    void selectsTheConfiguredMailbox_data();
    void selectsTheConfiguredMailbox();
    void missingMailbox_data();
    void missingMailbox();

    void canaryHeaderIsRecognised_data();
    void canaryHeaderIsRecognised();
    void canaryArrivesAndIsRemoved();
    void canaryTimesOutAndALateProbeIsRemoved();
    void canaryThatNeverArrivesTimesOut();
    void canaryRefusedBySmtpSearchesNothing();
    void canaryWithoutImapSendsNothing();
    void listingSkipsTheProbe();
    void cachedListingSkipsTheProbe();

private:
    ImapSettings settings(const ScriptedServer &server, const QString &mailbox = QStringLiteral("INBOX")) const;

    QSslConfiguration m_tls;
};

ImapSettings TestImapClaims::settings(const ScriptedServer &server, const QString &mailbox) const
{
    ImapSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.implicitTls = true;
    s.username = kUser;
    s.password = kPassword;
    s.tls = m_tls;
    s.timeoutMs = 5000;
    s.mailbox = mailbox;
    return s;
}

void TestImapClaims::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    const ScriptedServer::Certificates &certs = ScriptedServer::certificates();
    QVERIFY2(certs.error.isEmpty(), qPrintable(certs.error));
    const ConnectorError error = Tls::makeClientConfiguration(certs.caFile, &m_tls);
    QVERIFY2(!error, qPrintable(error.message()));
}

// ---------------------------------------------------------------------------
// SEARCH

void TestImapClaims::quotedStringAndSearchDate()
{
    QCOMPARE(ImapWriter::quotedString("WO-2026-0001"), std::optional<QByteArray>("\"WO-2026-0001\""));
    QCOMPARE(ImapWriter::quotedString(""), std::optional<QByteArray>("\"\""));
    QCOMPARE(ImapWriter::quotedString("say \"hi\" \\ bye"), std::optional<QByteArray>("\"say \\\"hi\\\" \\\\ bye\""));
    QCOMPARE(ImapWriter::quotedString("WO-1\"\r\na9 DELETE INBOX"), std::nullopt);
    QCOMPARE(ImapWriter::quotedString("line\nbreak"), std::nullopt);
    QCOMPARE(ImapWriter::quotedString(QByteArray("nul\0byte", 8)), std::nullopt);
    QCOMPARE(ImapWriter::quotedString(QStringLiteral(u"Pumpe W\u00e4rme").toUtf8()), std::nullopt);
    QCOMPARE(ImapWriter::quotedString(QByteArray(1025, 'x')), std::nullopt);
    QVERIFY(ImapWriter::quotedString(QByteArray(1024, 'x')));

    QCOMPARE(ImapWriter::searchDate(QDate(2026, 12, 1)), QByteArray("1-Dec-2026"));
    QCOMPARE(ImapWriter::searchDate(QDate(2027, 3, 19)), QByteArray("19-Mar-2027"));
    QCOMPARE(ImapWriter::searchDate(QDate()), QByteArray());
}

void TestImapClaims::searchWithCallerCriteria_data()
{
    QTest::addColumn<QByteArray>("criteria");
    QTest::addColumn<QByteArray>("esearch");    // Dovecot's answer after "* ESEARCH (TAG "a4") UID"
    QTest::addColumn<QList<quint32>>("uids");

    QTest::addRow("HEADER with a quoted value")
        << "HEADER X-Machina-Work-Order " + *ImapWriter::quotedString("WO-2026-0001") << QByteArray(" ALL 1,3")
        << QList<quint32>{1, 3};
    QTest::addRow("SINCE") << "SINCE " + ImapWriter::searchDate(QDate(2026, 12, 1)) << QByteArray(" ALL 1:3")
                           << QList<quint32>{1, 2, 3};
    QTest::addRow("UNKEYWORD") << QByteArray("UNKEYWORD $Claimed") << QByteArray(" ALL 1:3") << QList<quint32>{1, 2, 3};
    QTest::addRow("KEYWORD, none") << QByteArray("KEYWORD $Claimed") << QByteArray() << QList<quint32>{};
    QTest::addRow("NOT HEADER with the empty string")
        << "NOT HEADER X-Machina-Canary " + *ImapWriter::quotedString("") << QByteArray(" ALL 1,3") << QList<quint32>{1, 3};
}

void TestImapClaims::searchWithCallerCriteria()
{
    QFETCH(QByteArray, criteria);
    QFETCH(QByteArray, esearch);
    QFETCH(QList<quint32>, uids);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession()
                         + "C: a4 UID SEARCH RETURN (ALL) *\n"   // checked whole below
                           "S: * ESEARCH (TAG \"a4\") UID" + esearch + "\n"
                           "S: a4 OK Search completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched search(client.search(criteria));
    VERIFY_OK(search);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(search->uids(), uids);
    QCOMPARE(server.commands(1).last(), "a4 UID SEARCH RETURN (ALL) " + criteria);
}

void TestImapClaims::hostileSearchIsNeverSent_data()
{
    QTest::addColumn<QByteArray>("criteria");
    QTest::addRow("CRLF and a command") << QByteArray("HEADER Subject \"x\"\r\na4 DELETE INBOX");
    QTest::addRow("bare LF") << QByteArray("HEADER Subject x\nNOOP");
    QTest::addRow("NUL") << QByteArray("HEADER Subject x\0y", 18);
    QTest::addRow("empty") << QByteArray("  ");
}

// A value that cannot be quoted never becomes criteria; criteria that would end the
// line are refused before a tag is taken: the next command is a4.
void TestImapClaims::hostileSearchIsNeverSent()
{
    QFETCH(QByteArray, criteria);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession() + "C: a4 NOOP\nS: a4 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    Watched search(client.search(criteria));
    Watched noop(client.noop());
    VERIFY_ERROR(search, Kind::Rejected);
    QVERIFY2(search->error().message().contains(QStringLiteral("nothing was sent")), describe(search.reply.get()).constData());
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(lost.count(), 0);
    for (const QByteArray &line : server.commands(1))
        QVERIFY2(!line.contains("DELETE") && !line.contains("SEARCH"), line.constData());
}

// ---------------------------------------------------------------------------
// STORE

void TestImapClaims::storeWireForms_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QList<QByteArray>>("flags");
    QTest::addColumn<quint64>("unchangedSince");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("answer");      // Dovecot's untagged answer
    QTest::addColumn<QList<QByteArray>>("newFlags");

    QTest::addRow("+FLAGS, a new keyword")
        << int(ImapStoreMode::Add) << QList<QByteArray>{"$Other"} << quint64(0) << QByteArray("a4 UID STORE 1 +FLAGS ($Other)")
        << QByteArray("S: * FLAGS (" + kDovecotFlags + " $Other $Done $Claimed)\n"
                      "S: * OK [PERMANENTFLAGS (" + kDovecotFlags + " $Other $Done $Claimed \\*)] Flags permitted.\n"
                      "S: * 1 FETCH (UID 1 MODSEQ (15) FLAGS (\\Seen $Claimed))\n")
        << QList<QByteArray>{"\\Seen", "$Claimed"};
    QTest::addRow("-FLAGS")
        << int(ImapStoreMode::Remove) << QList<QByteArray>{"$Done"} << quint64(0) << QByteArray("a4 UID STORE 1 -FLAGS ($Done)")
        << QByteArray("S: * 1 FETCH (UID 1 MODSEQ (15) FLAGS (\\Seen $Claimed2))\n") << QList<QByteArray>{"\\Seen", "$Claimed2"};
    QTest::addRow("FLAGS") << int(ImapStoreMode::Replace) << QList<QByteArray>{"\\Seen"} << quint64(0)
                           << QByteArray("a4 UID STORE 1 FLAGS (\\Seen)")
                           << QByteArray("S: * 1 FETCH (UID 1 MODSEQ (15) FLAGS (\\Seen))\n") << QList<QByteArray>{"\\Seen"};
    QTest::addRow("+FLAGS UNCHANGEDSINCE")
        << int(ImapStoreMode::Add) << QList<QByteArray>{"$Claimed"} << quint64(14)
        << QByteArray("a4 UID STORE 1 (UNCHANGEDSINCE 14) +FLAGS ($Claimed)")
        << QByteArray("S: * 1 FETCH (UID 1 MODSEQ (15) FLAGS (\\Seen $Claimed))\n") << QList<QByteArray>{"\\Seen", "$Claimed"};
    QTest::addRow("-FLAGS UNCHANGEDSINCE, two flags")
        << int(ImapStoreMode::Remove) << QList<QByteArray>{"$Claimed", "\\Flagged"} << quint64(100)
        << QByteArray("a4 UID STORE 1 (UNCHANGEDSINCE 100) -FLAGS ($Claimed \\Flagged)")
        << QByteArray("S: * 1 FETCH (UID 1 MODSEQ (15) FLAGS ($Other))\n") << QList<QByteArray>{"$Other"};
    QTest::addRow("FLAGS UNCHANGEDSINCE, none")
        << int(ImapStoreMode::Replace) << QList<QByteArray>{} << quint64(14) << QByteArray("a4 UID STORE 1 (UNCHANGEDSINCE 14) FLAGS ()")
        << QByteArray("S: * 1 FETCH (UID 1 MODSEQ (15) FLAGS ())\n") << QList<QByteArray>{};
}

void TestImapClaims::storeWireForms()
{
    QFETCH(int, mode);
    QFETCH(QList<QByteArray>, flags);
    QFETCH(quint64, unchangedSince);
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, answer);
    QFETCH(QList<QByteArray>, newFlags);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession() + "C: " + command + "\n" + answer + "S: a4 OK Store completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy changed(&client, &ImapClient::mailboxChanged);
    Watched store(client.storeFlags({1}, ImapStoreMode(mode), flags, unchangedSince));
    VERIFY_OK(store);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1).last(), command);
    QVERIFY(store->modifiedUids().isEmpty());
    QCOMPARE(store->messages().size(), 1);
    const ImapMessage m = store->messages().first();
    QCOMPARE(m.uid, 1u);
    QCOMPARE(m.flags, newFlags);
    QCOMPARE(m.modSeq, quint64(15));
    QCOMPARE(client.highestModSeq(), quint64(15));
    QCOMPARE(changed.count(), 0);   // the answer to our own STORE is no news
}

// Two consoles read MODSEQ 14 with the headers and claim: the first one's STORE
// changes the message, and the tagged OK has no MODIFIED.
void TestImapClaims::conditionalStoreWinner()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(14)
                         + "C: a4 UID FETCH 1 (UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ ENVELOPE BODYSTRUCTURE)\n"
                           "S: * 1 FETCH (UID 1 FLAGS (\\Seen) INTERNALDATE \"02-Dec-2026 02:13:35 +0000\" RFC822.SIZE 138 "
                           "MODSEQ (14) ENVELOPE (NIL \"WO-2026-0001 pump\" NIL NIL NIL NIL NIL NIL NIL NIL) "
                           "BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 15 1 NIL NIL NIL NIL))\n"
                           "S: a4 OK Fetch completed.\n"
                           "C: a5 UID STORE 1 (UNCHANGEDSINCE 14) +FLAGS ($Claimed)\n"
                           "S: * 1 FETCH (UID 1 MODSEQ (15) FLAGS (\\Seen $Claimed))\n"
                           "S: a5 OK Store completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched read(client.fetchMessages({1}, ImapFetchPart::Headers));
    VERIFY_OK(read);
    QCOMPARE(read->messages().size(), 1);
    const quint64 seen = read->messages().first().modSeq;
    QCOMPARE(seen, quint64(14));
    Watched claim(client.storeFlags({1}, ImapStoreMode::Add, {"$Claimed"}, seen));
    VERIFY_OK(claim);
    VERIFY_SERVER_COMPLETE(server);
    QVERIFY(claim->modifiedUids().isEmpty());
    QVERIFY(claim->responseCode().isEmpty());
    QCOMPARE(uidsOf(claim->messages()), QList<quint32>{1});
    QCOMPARE(claim->messages().first().modSeq, quint64(15));
    QCOMPARE(claim->messages().first().flags, (QList<QByteArray>{"\\Seen", "$Claimed"}));
}

// The second one's STORE finds MODSEQ 15 > 14: Dovecot sends the message's
// current flags (the winner's) and OK [MODIFIED 1], and changes nothing.
void TestImapClaims::conditionalStoreLoser()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(14)
                         + "C: a4 UID STORE 1 (UNCHANGEDSINCE 14) +FLAGS ($Claimed)\n"
                           "S: * 1 FETCH (UID 1 MODSEQ (15) FLAGS (\\Seen $Claimed))\n"
                           "S: a4 OK [MODIFIED 1] Conditional store failed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QSignalSpy lost(&client, &ImapClient::sessionLost);
    Watched claim(client.storeFlags({1}, ImapStoreMode::Add, {"$Claimed"}, 14));
    VERIFY_OK(claim);   // OK, not NO: the command ran, it changed nothing
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(claim->modifiedUids(), QList<quint32>{1});
    QCOMPARE(claim->responseCode(), QByteArray("MODIFIED"));
    QCOMPARE(uidsOf(claim->messages()), QList<quint32>{1});   // the winner's flags, for the loser to see
    QCOMPARE(claim->messages().first().modSeq, quint64(15));
    QVERIFY(claim->messages().first().flags.contains("$Claimed"));
    QCOMPARE(client.highestModSeq(), quint64(15));
    QCOMPARE(lost.count(), 0);
    QCOMPARE(client.state(), ImapClient::State::Selected);
}

// One STORE on two messages: UID 3 changes, UID 1 was changed meanwhile. The new
// keyword comes with FLAGS and PERMANENTFLAGS again (Dovecot).
void TestImapClaims::conditionalStoreSplitsAWinnerAndALoser()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(7)
                         + "C: a4 UID STORE 1,3 (UNCHANGEDSINCE 7) +FLAGS ($Claimed2)\n"
                           "S: * FLAGS (" + kDovecotFlags + " $Other $Done $Claimed $Claimed2)\n"
                           "S: * OK [PERMANENTFLAGS (" + kDovecotFlags + " $Other $Done $Claimed $Claimed2 \\*)] Flags permitted.\n"
                           "S: * 2 FETCH (UID 3 MODSEQ (11) FLAGS (\\Seen $Done $Claimed2))\n"
                           "S: a4 OK [MODIFIED 1] Conditional store failed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    QVERIFY(!client.permanentFlags().contains("$Claimed2"));
    Watched claim(client.storeFlags({3, 1}, ImapStoreMode::Add, {"$Claimed2"}, 7));
    VERIFY_OK(claim);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(claim->modifiedUids(), QList<quint32>{1});
    QCOMPARE(uidsOf(claim->messages()), QList<quint32>{3});
    QCOMPARE(claim->messages().first().modSeq, quint64(11));
    QVERIFY(client.permanentFlags().contains("$Claimed2"));
    QVERIFY(client.acceptsNewKeywords());
}

void TestImapClaims::replaceWithUnchangedSince()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(5)
                         + "C: a4 UID STORE 3 (UNCHANGEDSINCE 5) FLAGS (\\Seen $Done)\n"
                           "S: * FLAGS (" + kDovecotFlags + " $Claimed $Other $Done)\n"
                           "S: * OK [PERMANENTFLAGS (" + kDovecotFlags + " $Claimed $Other $Done \\*)] Flags permitted.\n"
                           "S: * 3 FETCH (UID 3 MODSEQ (7) FLAGS (\\Seen \\Recent $Done))\n"
                           "S: a4 OK Store completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched store(client.storeFlags({3}, ImapStoreMode::Replace, {"\\Seen", "$Done"}, 5));
    VERIFY_OK(store);
    VERIFY_SERVER_COMPLETE(server);
    QVERIFY(store->modifiedUids().isEmpty());
    QCOMPARE(store->messages().size(), 1);
    QCOMPARE(store->messages().first().flags, (QList<QByteArray>{"\\Seen", "\\Recent", "$Done"}));
    QCOMPARE(store->messages().first().modSeq, quint64(7));
}

// A MODIFIED set larger than what was asked (a hostile server) yields only our UIDs, at once.
void TestImapClaims::modifiedNamesOnlyTheUidsAskedFor()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession()
                         + "C: a4 UID STORE 3,7,9 (UNCHANGEDSINCE 14) +FLAGS ($Claimed)\n"
                           "S: a4 OK [MODIFIED 1:4294967295] Conditional store failed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched claim(client.storeFlags({9, 3, 7, 3}, ImapStoreMode::Add, {"$Claimed"}, 14));
    VERIFY_OK(claim);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(claim->modifiedUids(), (QList<quint32>{3, 7, 9}));
    QVERIFY(claim->messages().isEmpty());
}

// A MODIFIED that cannot be read could hide a lost claim: the session ends rather than guess.
void TestImapClaims::malformedModifiedIsAProtocolError()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession()
                         + "C: a4 UID STORE 1 (UNCHANGEDSINCE 14) +FLAGS ($Claimed)\n"
                           "S: a4 OK [MODIFIED 1:*] Conditional store failed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched claim(client.storeFlags({1}, ImapStoreMode::Add, {"$Claimed"}, 14));
    VERIFY_ERROR(claim, Kind::Protocol);
    QVERIFY2(claim->error().message().contains(QStringLiteral("MODIFIED")), describe(claim.reply.get()).constData());
    QCOMPARE(client.state(), ImapClient::State::Disconnected);
    VERIFY_SERVER_COMPLETE(server);
}

void TestImapClaims::unchangedSinceNeedsCondstore()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(plainSession(kNoCondstoreCaps)
                         + "C: a3 UID STORE 1 +FLAGS ($Claimed)\n"
                           "S: * 1 FETCH (UID 1 FLAGS (\\Seen $Claimed))\n"
                           "S: a3 OK Store completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched claim(client.storeFlags({1}, ImapStoreMode::Add, {"$Claimed"}, 14));
    Watched plain(client.storeFlags({1}, ImapStoreMode::Add, {"$Claimed"}));
    VERIFY_ERROR(claim, Kind::Protocol);
    QVERIFY2(claim->error().message().contains(QStringLiteral("CONDSTORE")), describe(claim.reply.get()).constData());
    QVERIFY(!client.condstoreAvailable());
    VERIFY_OK(plain);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(plain->messages().first().modSeq, quint64(0));
}

void TestImapClaims::storeRefusesABadFlag()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession() + "C: a4 NOOP\nS: a4 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched bad(client.storeFlags({1}, ImapStoreMode::Add, {"$Claimed) (\\Deleted"}));
    Watched noop(client.noop());
    VERIFY_ERROR(bad, Kind::Rejected);
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
}

// ---------------------------------------------------------------------------
// EXPUNGE

void TestImapClaims::expungeWithUidplus_data()
{
    QTest::addColumn<bool>("qresync");
    QTest::addColumn<QByteArray>("expunged");    // the untagged answer to UID EXPUNGE
    QTest::addColumn<QList<quint32>>("vanished");
    // Dovecot with QRESYNC enabled.
    QTest::addRow("QRESYNC: VANISHED") << true << QByteArray("S: * VANISHED 2\nS: * 2 RECENT\n") << QList<quint32>{2};
    QTest::addRow("CONDSTORE only: EXPUNGE") << false << QByteArray("S: * 2 EXPUNGE\n") << QList<quint32>{};
}

void TestImapClaims::expungeWithUidplus()
{
    QFETCH(bool, qresync);
    QFETCH(QByteArray, expunged);
    QFETCH(QList<quint32>, vanished);
    const QByteArray session = qresync ? dovecotSession(7) : plainSession(kNoUidplusCaps + " UIDPLUS");
    const QByteArray t1 = qresync ? "a4" : "a3";
    const QByteArray t2 = qresync ? "a5" : "a4";
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(session
                         + "C: " + t1 + " UID STORE 2 +FLAGS (\\Deleted)\n"
                           "S: * 2 FETCH (UID 2 MODSEQ (8) FLAGS (\\Deleted \\Recent))\n"
                           "S: " + t1 + " OK Store completed.\n"
                           "C: " + t2 + " UID EXPUNGE 2\n"
                         + expunged
                         + "S: " + t2 + " OK [HIGHESTMODSEQ 9] Expunge completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched open(client.open());
    VERIFY_OK(open);
    QCOMPARE(client.exists(), 2u);
    QSignalSpy vanishedSpy(&client, &ImapClient::vanished);
    QSignalSpy changed(&client, &ImapClient::mailboxChanged);
    Watched deleted(client.storeFlags({2}, ImapStoreMode::Add, {"\\Deleted"}));
    Watched expunge(client.expunge({2}));
    VERIFY_OK(deleted);
    VERIFY_OK(expunge);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(deleted->messages().first().flags, (QList<QByteArray>{"\\Deleted", "\\Recent"}));
    QCOMPARE(client.exists(), 1u);
    QCOMPARE(expunge->vanished(), vanished);
    QCOMPARE(vanishedSpy.count(), qresync ? 1 : 0);
    QCOMPARE(changed.count(), 1);
}

void TestImapClaims::expungeWithoutUidplus()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(plainSession(kNoUidplusCaps) + "C: a3 NOOP\nS: a3 OK NOOP completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched expunge(client.expunge({2}));
    Watched noop(client.noop());
    VERIFY_ERROR(expunge, Kind::Protocol);
    QVERIFY2(expunge->error().message().contains(QStringLiteral("does not support UIDPLUS")),
             describe(expunge.reply.get()).constData());
    VERIFY_OK(noop);
    VERIFY_SERVER_COMPLETE(server);
    for (const QByteArray &line : server.commands(1))
        QVERIFY2(!line.contains("EXPUNGE"), line.constData());   // never a plain EXPUNGE instead
}

// ---------------------------------------------------------------------------
// PERMANENTFLAGS, MODSEQ

void TestImapClaims::permanentFlags_data()
{
    QTest::addColumn<QByteArray>("flagCodes");
    QTest::addColumn<QList<QByteArray>>("permanent");
    QTest::addColumn<bool>("newKeywords");
    const QList<QByteArray> system{"\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"};

    QTest::addRow("Dovecot: \\* and keywords") << dovecotFlagCodes("$Claimed")
                                               << (system + QList<QByteArray>{"$Claimed", "\\*"}) << true;
    QTest::addRow("no \\*") << QByteArray("S: * FLAGS (" + kDovecotFlags + ")\n"
                                          "S: * OK [PERMANENTFLAGS (\\Deleted \\Seen)] Limited\n")
                            << QList<QByteArray>{"\\Deleted", "\\Seen"} << false;
    QTest::addRow("read-only") << QByteArray("S: * FLAGS (" + kDovecotFlags + ")\n"
                                             "S: * OK [PERMANENTFLAGS ()] No permanent flags permitted\n")
                               << QList<QByteArray>{} << false;
    QTest::addRow("none: FLAGS") << QByteArray("S: * FLAGS (" + kDovecotFlags + ")\n") << system << false;
}

void TestImapClaims::permanentFlags()
{
    QFETCH(QByteArray, flagCodes);
    QFETCH(QList<QByteArray>, permanent);
    QFETCH(bool, newKeywords);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(14, "INBOX", flagCodes));
    QVERIFY(server.start());

    ImapClient client(settings(server));
    QVERIFY(client.permanentFlags().isEmpty());
    QVERIFY(!client.acceptsNewKeywords());
    Watched open(client.open());
    VERIFY_OK(open);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(client.permanentFlags(), permanent);
    QCOMPARE(client.acceptsNewKeywords(), newKeywords);
}

void TestImapClaims::fetchAsksForModSeq_data()
{
    QTest::addColumn<QByteArray>("session");
    QTest::addColumn<QByteArray>("tag");
    QTest::addColumn<int>("part");
    QTest::addColumn<QByteArray>("items");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<quint64>("modSeq");

    const QByteArray body = "S: From: supervisor@machina.test\n"
                            "S: To: claimer@machina.test\n"
                            "S: Subject: WO-2026-0001 pump\n"
                            "S: X-Machina-Work-Order: WO-2026-0001\n"
                            "S:\n"
                            "S: Fix the pump.\n"
                            "S: )\n";
    const QByteArray envelope = "ENVELOPE (NIL \"WO-2026-0001 pump\" ((NIL NIL \"supervisor\" \"machina.test\")) "
                                "((NIL NIL \"supervisor\" \"machina.test\")) ((NIL NIL \"supervisor\" \"machina.test\")) "
                                "((NIL NIL \"claimer\" \"machina.test\")) NIL NIL NIL NIL) "
                                "BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 15 1 NIL NIL NIL NIL)";
    const QByteArray head = "S: * 1 FETCH (UID 1 FLAGS (\\Seen $Claimed) INTERNALDATE \"02-Dec-2026 02:13:35 +0000\" RFC822.SIZE 138 ";

    QTest::addRow("Dovecot, Full") << dovecotSession(15) << QByteArray("a4") << int(ImapFetchPart::Full)
                                   << QByteArray("(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[])")
                                   << head + "MODSEQ (15) BODY[] {138}\n" + body << quint64(15);
    QTest::addRow("Dovecot, Headers") << dovecotSession(15) << QByteArray("a4") << int(ImapFetchPart::Headers)
                                      << QByteArray("(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ ENVELOPE BODYSTRUCTURE)")
                                      << head + "MODSEQ (15) " + envelope + ")\n" << quint64(15);
    QTest::addRow("Flags: as before") << dovecotSession(15) << QByteArray("a4") << int(ImapFetchPart::Flags)
                                      << QByteArray("(UID FLAGS)") << QByteArray("S: * 1 FETCH (UID 1 FLAGS (\\Seen))\n")
                                      << quint64(0);
    QTest::addRow("NOMODSEQ: not asked")
        << QByteArray(loginOnly("IMAP4rev1 SASL-IR ID ENABLE IDLE UIDPLUS CONDSTORE")
                      + "C: a2 SELECT \"INBOX\" (CONDSTORE)\n"
                        "S: * 2 EXISTS\n"
                        "S: * OK [UIDVALIDITY 1796177615] UIDs valid\n"
                        "S: * OK [NOMODSEQ] No permanent modsequences\n"
                        "S: a2 OK [READ-WRITE] Select completed.\n")
        << QByteArray("a3") << int(ImapFetchPart::Full) << QByteArray("(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])")
        << head + "BODY[] {138}\n" + body << quint64(0);
    QTest::addRow("no CONDSTORE: not asked") << plainSession(kNoCondstoreCaps) << QByteArray("a3") << int(ImapFetchPart::Headers)
                                             << QByteArray("(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)")
                                             << head + envelope + ")\n" << quint64(0);
}

void TestImapClaims::fetchAsksForModSeq()
{
    QFETCH(QByteArray, session);
    QFETCH(QByteArray, tag);
    QFETCH(int, part);
    QFETCH(QByteArray, items);
    QFETCH(QByteArray, answer);
    QFETCH(quint64, modSeq);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(session + "C: " + tag + " UID FETCH 1 " + items + "\n" + answer + "S: " + tag + " OK Fetch completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched fetch(client.fetchMessages({1}, ImapFetchPart(part)));
    VERIFY_OK(fetch);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(fetch->messages().size(), 1);
    QCOMPARE(fetch->messages().first().modSeq, modSeq);
    QVERIFY(fetch->messages().first().headerFields.isNull());
    if (ImapFetchPart(part) == ImapFetchPart::Full)
        QVERIFY(fetch->messages().first().raw.startsWith("From: supervisor@machina.test\r\n"));
}

// BODY.PEEK[HEADER.FIELDS (...)]: Dovecot answers with the name upper-cased, an empty
// section (CRLF) for a message without the header.
void TestImapClaims::headerFieldsAreFetched()
{
    const QByteArray rest = "ENVELOPE (NIL \"x\" NIL NIL NIL NIL NIL NIL NIL NIL) "
                            "BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 7 1 NIL NIL NIL NIL) ";
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(9)
                         + "C: a4 UID FETCH 1:2 (UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ ENVELOPE BODYSTRUCTURE "
                           "BODY.PEEK[HEADER.FIELDS (X-Machina-Canary)])\n"
                           "S: * 1 FETCH (UID 1 FLAGS () INTERNALDATE \"02-Dec-2026 02:13:35 +0000\" RFC822.SIZE 138 "
                           "MODSEQ (5) " + rest + "BODY[HEADER.FIELDS (X-MACHINA-CANARY)] {2}\n"
                           "S:\n"
                           "S: )\n"
                           "S: * 2 FETCH (UID 2 FLAGS (\\Recent) INTERNALDATE \"02-Dec-2026 02:13:35 +0000\" RFC822.SIZE 108 "
                           "MODSEQ (4) " + rest + "BODY[HEADER.FIELDS (X-MACHINA-CANARY)] {28}\n"
                           "S: X-Machina-Canary: tok123\n"
                           "S:\n"
                           "S: )\n"
                           "S: a4 OK Fetch completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server));
    Watched fetch(client.fetchMessages({2, 1}, ImapFetchPart::Headers, {"X-Machina-Canary"}));
    VERIFY_OK(fetch);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(fetch->messages().size(), 2);
    QCOMPARE(fetch->messages().at(0).headerFields, QByteArray("\r\n"));
    QCOMPARE(fetch->messages().at(1).headerFields, QByteArray("X-Machina-Canary: tok123\r\n\r\n"));
    QCOMPARE(fetch->messages().at(1).modSeq, quint64(4));

    Watched bad(client.fetchMessages({1}, ImapFetchPart::Headers, {"X-Bad Name"}));
    VERIFY_ERROR(bad, Kind::Rejected);
}

// ---------------------------------------------------------------------------
// The mailbox

void TestImapClaims::selectsTheConfiguredMailbox_data()
{
    QTest::addColumn<QString>("mailbox");
    QTest::addColumn<QByteArray>("wire");
    QTest::addRow("with a space") << QStringLiteral("Work Orders") << QByteArray("Work Orders");
    QTest::addRow("non-ASCII: modified UTF-7") << QStringLiteral(u"\u00c9l\u00e9ments envoy\u00e9s")
                                               << QByteArray("&AMk-l&AOk-ments envoy&AOk-s");
    QTest::addRow("an ampersand") << QStringLiteral("R&D/Orders") << QByteArray("R&-D/Orders");
}

void TestImapClaims::selectsTheConfiguredMailbox()
{
    QFETCH(QString, mailbox);
    QFETCH(QByteArray, wire);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(1, wire, dovecotFlagCodes("$Claimed"))
                         + "C: a4 UID SEARCH RETURN (ALL) UNKEYWORD $Claimed\n"
                           "S: * ESEARCH (TAG \"a4\") UID ALL 1:2\n"
                           "S: a4 OK Search completed.\n");
    QVERIFY(server.start());

    ImapClient client(settings(server, mailbox));
    Watched search(client.search("UNKEYWORD $Claimed"));
    VERIFY_OK(search);
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(server.commands(1).at(2), "a3 SELECT \"" + wire + "\" (CONDSTORE)");
    QCOMPARE(search->uids(), (QList<quint32>{1, 2}));
    QVERIFY(!search->mailboxMissing());
    QVERIFY(client.isSelected());
}

void TestImapClaims::missingMailbox_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("missing");
    // What Dovecot 2.3 answers: a plain NO, the name in UTF-8.
    QTest::addRow("Dovecot: plain NO") << QByteArray("a3 NO Mailbox doesn't exist: Work Orders") << true;
    QTest::addRow("NONEXISTENT") << QByteArray("a3 NO [NONEXISTENT] Unknown Mailbox: Work Orders") << true;
    QTest::addRow("NOPERM: not missing") << QByteArray("a3 NO [NOPERM] Permission denied") << false;
    QTest::addRow("BAD: not missing") << QByteArray("a3 BAD Invalid mailbox name") << false;
}

// The SELECT's refusal ends the session: the operation waiting for it (and those
// queued behind) fail as Protocol, naming the mailbox, with mailboxMissing().
void TestImapClaims::missingMailbox()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, missing);
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(loginOnly(kDovecotCaps)
                         + "C: a2 ENABLE QRESYNC\n"
                           "S: * ENABLED QRESYNC\n"
                           "S: a2 OK Enabled.\n"
                           "C: a3 SELECT \"Work Orders\" (CONDSTORE)\n"
                           "S: " + answer + "\n");
    QVERIFY(server.start());

    ImapClient client(settings(server, QStringLiteral("Work Orders")));
    QSignalSpy failed(&client, &ImapClient::failed);
    Watched search(client.search("ALL"));
    Watched queued(client.noop());
    VERIFY_ERROR(search, Kind::Protocol);
    VERIFY_ERROR(queued, Kind::Protocol);
    QCOMPARE(search->mailboxMissing(), missing);
    QCOMPARE(queued->mailboxMissing(), missing);
    if (missing) {
        QVERIFY2(search->error().message().contains(QStringLiteral("has no mailbox \"Work Orders\"")),
                 describe(search.reply.get()).constData());
    }
    QCOMPARE(failed.count(), 1);
    QCOMPARE(client.state(), ImapClient::State::Disconnected);
    VERIFY_SERVER_COMPLETE(server);
}

// ---------------------------------------------------------------------------
// The canary

namespace {

/// The probe's send: records the message and answers with @p error (none: accepted), from the event loop.
struct FakeSend
{
    QList<QByteArray> sent;
    ConnectorError error;

    CanaryProbe::SendFunction function()
    {
        return [this](const BuiltMessage &message) {
            sent.append(message.data);
            auto *reply = new SendReply;
            reply->finish(error);
            return reply;
        };
    }
};

/// After the probe's own session (dovecotSession(), UIDNEXT 4): one poll round as @p tag and @p tag + 1.
QByteArray canaryRound(int tag, const QByteArray &noopAnswer, const QByteArray &esearch)
{
    const QByteArray noop = "a" + QByteArray::number(tag);
    const QByteArray search = "a" + QByteArray::number(tag + 1);
    return "C: " + noop + " NOOP\n" + noopAnswer + "S: " + noop + " OK NOOP completed.\n"
           "C: " + search + " UID SEARCH RETURN (ALL) UID 4:* HEADER X-Machina-Canary *\n"
           "S: * ESEARCH (TAG \"" + search + "\") UID" + esearch + "\n"
           "S: " + search + " OK Search completed.\n";
}

/// Dovecot removing UID 4 as @p tag (STORE), @p tag + 1 (UID EXPUNGE), then LOGOUT.
QByteArray canaryRemoval(int tag)
{
    const QByteArray store = "a" + QByteArray::number(tag);
    const QByteArray expunge = "a" + QByteArray::number(tag + 1);
    const QByteArray logout = "a" + QByteArray::number(tag + 2);
    return "C: " + store + " UID STORE 4 +FLAGS (\\Deleted)\n"
           "S: * 3 FETCH (UID 4 MODSEQ (23) FLAGS (\\Deleted \\Recent))\n"
           "S: " + store + " OK Store completed.\n"
           "C: " + expunge + " UID EXPUNGE 4\n"
           "S: * VANISHED 4\n"
           "S: * 0 RECENT\n"
           "S: " + expunge + " OK [HIGHESTMODSEQ 24] Expunge completed.\n"
           "C: " + logout + " LOGOUT\n"
           "S: * BYE Logging out\n"
           "S: " + logout + " OK Logout completed.\n";
}

QByteArray logoutAs(int tag)
{
    const QByteArray t = "a" + QByteArray::number(tag);
    return "C: " + t + " LOGOUT\nS: * BYE Logging out\nS: " + t + " OK Logout completed.\n";
}

} // namespace

void TestImapClaims::canaryHeaderIsRecognised_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("probe");
    QTest::addRow("whole message") << QByteArray("From: a@b\r\nX-Machina-Canary: 7a91\r\nSubject: x\r\n\r\nbody\r\n") << true;
    QTest::addRow("HEADER.FIELDS answer") << QByteArray("X-Machina-Canary: 7a91\r\n\r\n") << true;
    QTest::addRow("any case, LF only") << QByteArray("from: a@b\nx-machina-canary: 1\n\nbody\n") << true;
    QTest::addRow("blank before the colon") << QByteArray("X-Machina-Canary \t: 1\r\n\r\n") << true;
    QTest::addRow("empty value") << QByteArray("X-Machina-Canary:\r\n\r\n") << true;
    QTest::addRow("HEADER.FIELDS, none") << QByteArray("\r\n") << false;
    QTest::addRow("in the body only") << QByteArray("From: a@b\r\n\r\nX-Machina-Canary: 1\r\n") << false;
    QTest::addRow("another field") << QByteArray("X-Machina-Canary-Seen: 1\r\n\r\n") << false;
    QTest::addRow("folded into another") << QByteArray("Subject: a\r\n X-Machina-Canary: 1\r\n\r\n") << false;
    QTest::addRow("nothing") << QByteArray() << false;
}

void TestImapClaims::canaryHeaderIsRecognised()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, probe);
    QCOMPARE(CanaryProbe::isProbe(message), probe);
}

void TestImapClaims::canaryArrivesAndIsRemoved()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(21)
                         + canaryRound(4, {}, {})
                         + canaryRound(6, "S: * 3 EXISTS\nS: * 1 RECENT\n", " ALL 4")
                         + canaryRemoval(8));
    QVERIFY(server.start());

    FakeSend send;
    CanaryProbe::Setup setup;
    setup.imap = settings(server, QStringLiteral("Work Orders"));   // the probe waits in INBOX whatever
    setup.address = QStringLiteral("claimer@machina.test");
    setup.timeoutMs = 5000;
    setup.pollIntervalMs = 20;
    setup.send = send.function();
    CanaryProbe probe;
    QSignalSpy finished(&probe, &CanaryProbe::finished);
    QSignalSpy settled(&probe, &CanaryProbe::settled);
    probe.start(setup);
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(!probe.error(), qPrintable(probe.error().message()));
    QVERIFY(probe.latencyMs() > 0);
    QCOMPARE(finished.first().at(0).toLongLong(), probe.latencyMs());
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, kWaitMs);
    VERIFY_SERVER_COMPLETE(server);

    QCOMPARE(send.sent.size(), 1);
    const QByteArray &message = send.sent.first();
    QVERIFY(CanaryProbe::isProbe(message));
    QVERIFY2(message.contains("\r\nX-Machina-Canary: " + probe.token() + "\r\n"), message.constData());
    QVERIFY(message.contains("\r\nTo: claimer@machina.test\r\n"));
    QCOMPARE(probe.token().size(), 32);
    const QList<QByteArray> commands = server.commands(1);
    QCOMPARE(commands.at(2), QByteArray("a3 SELECT \"INBOX\" (CONDSTORE)"));
    QCOMPARE(commands.at(4), "a5 UID SEARCH RETURN (ALL) UID 4:* HEADER X-Machina-Canary \"" + probe.token() + "\"");
}

// Not there at the timeout: finished() says Timeout; the next search (after the
// deadline, within the late window) finds it, and it is removed all the same.
void TestImapClaims::canaryTimesOutAndALateProbeIsRemoved()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(21)
                         + canaryRound(4, {}, {})
                         + canaryRound(6, "S: * 3 EXISTS\n", " ALL 4")
                         + canaryRemoval(8));
    QVERIFY(server.start());

    FakeSend send;
    CanaryProbe::Setup setup;
    setup.imap = settings(server);
    setup.address = QStringLiteral("claimer@machina.test");
    setup.timeoutMs = 300;
    setup.pollIntervalMs = 1200;   // the second search comes well after the deadline
    setup.lateWindowMs = 8000;
    setup.send = send.function();
    CanaryProbe probe;
    QSignalSpy finished(&probe, &CanaryProbe::finished);
    QSignalSpy settled(&probe, &CanaryProbe::settled);
    probe.start(setup);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(probe.error().kind(), Kind::Timeout);
    QVERIFY2(probe.error().message().contains(QStringLiteral("did not arrive in INBOX within 0.3 s")),
             qPrintable(probe.error().message()));
    QCOMPARE(probe.latencyMs(), qint64(-1));
    QCOMPARE(settled.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, kWaitMs);
    VERIFY_SERVER_COMPLETE(server);   // the late probe was flagged and expunged
    QCOMPARE(finished.count(), 1);
    QCOMPARE(probe.error().kind(), Kind::Timeout);
}

void TestImapClaims::canaryThatNeverArrivesTimesOut()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(21) + canaryRound(4, {}, {}) + logoutAs(6));
    QVERIFY(server.start());

    FakeSend send;
    CanaryProbe::Setup setup;
    setup.imap = settings(server);
    setup.address = QStringLiteral("claimer@machina.test");
    setup.timeoutMs = 200;
    setup.pollIntervalMs = 900;
    setup.lateWindowMs = 300;      // over before the next round: no more searches
    setup.send = send.function();
    CanaryProbe probe;
    QSignalSpy settled(&probe, &CanaryProbe::settled);
    probe.start(setup);
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, kWaitMs);
    QVERIFY(probe.isFinished());
    QCOMPARE(probe.error().kind(), Kind::Timeout);
    VERIFY_SERVER_COMPLETE(server);
}

void TestImapClaims::canaryRefusedBySmtpSearchesNothing()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(21) + logoutAs(4));
    QVERIFY(server.start());

    FakeSend send;
    send.error = {Kind::Rejected, QStringLiteral("550 5.1.1 no such user")};
    CanaryProbe::Setup setup;
    setup.imap = settings(server);
    setup.address = QStringLiteral("claimer@machina.test");
    setup.send = send.function();
    CanaryProbe probe;
    QSignalSpy settled(&probe, &CanaryProbe::settled);
    probe.start(setup);
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, kWaitMs);
    QCOMPARE(probe.error().kind(), Kind::Rejected);
    QVERIFY(probe.error().message().contains(QStringLiteral("550 5.1.1")));
    QCOMPARE(send.sent.size(), 1);
    VERIFY_SERVER_COMPLETE(server);
}

// The IMAP session is opened first: when it cannot be, nothing is sent.
void TestImapClaims::canaryWithoutImapSendsNothing()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection("S: * OK [CAPABILITY " + kGreetingCaps + "] Dovecot (Debian) ready.\n"
                         "C: a1 AUTHENTICATE PLAIN " + plainResponse() + "\n"
                         "S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n");
    QVERIFY(server.start());

    FakeSend send;
    CanaryProbe::Setup setup;
    setup.imap = settings(server);
    setup.address = QStringLiteral("claimer@machina.test");
    setup.send = send.function();
    CanaryProbe probe;
    QSignalSpy settled(&probe, &CanaryProbe::settled);
    probe.start(setup);
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, kWaitMs);
    QCOMPARE(probe.error().kind(), Kind::Auth);
    QVERIFY(send.sent.isEmpty());
    VERIFY_SERVER_COMPLETE(server);

    CanaryProbe refused;
    QSignalSpy refusedDone(&refused, &CanaryProbe::finished);
    refused.fail({Kind::Config, QStringLiteral("The canary needs IMAP")});
    QVERIFY(!refused.isFinished());   // from the event loop, never at once
    QVERIFY(refusedDone.wait(kWaitMs));
    QCOMPARE(refused.error().kind(), Kind::Config);
}

namespace {

/// Dovecot's answer to the listing's header fetch of UIDs 1:3, the probe being UID 2.
QByteArray headersWithAProbe(const QByteArray &tag)
{
    const auto row = [](int uid, const QByteArray &subject, const QByteArray &canary) {
        const QByteArray fields = canary.isEmpty() ? QByteArray("{2}\nS:\n") : "{" + QByteArray::number(canary.size() + 4) + "}\nS: " + canary + "\nS:\n";
        return "S: * " + QByteArray::number(uid) + " FETCH (UID " + QByteArray::number(uid)
               + " FLAGS () INTERNALDATE \"02-Dec-2026 02:13:35 +0000\" RFC822.SIZE 138 ENVELOPE (NIL \"" + subject
               + "\" ((NIL NIL \"supervisor\" \"machina.test\")) NIL NIL NIL NIL NIL NIL NIL) BODYSTRUCTURE (\"text\" "
                 "\"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 15 1 NIL NIL NIL NIL) "
                 "BODY[HEADER.FIELDS (X-MACHINA-CANARY)] " + fields + "S: )\n";
    };
    return "C: " + tag + " UID FETCH 1:3 (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE "
                         "BODY.PEEK[HEADER.FIELDS (X-Machina-Canary)])\n"
           + row(1, "WO-2026-0001 pump", {}) + row(2, "Machina canary 7a91fa06", "X-Machina-Canary: 7a91fa06296543b610d07c2a77aaf69d")
           + row(3, "WO-2026-0002 valve", {}) + "S: " + tag + " OK Fetch completed.\n";
}

QStringList subjects(const QList<MessageSummary> &rows)
{
    QStringList out;
    for (const MessageSummary &row : rows)
        out.append(row.subject);
    return out;
}

} // namespace

void TestImapClaims::listingSkipsTheProbe()
{
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(plainSession(kNoCondstoreCaps)
                         + "C: a3 UID SEARCH RETURN (ALL) ALL\n"
                           "S: * ESEARCH (TAG \"a3\") UID ALL 1:3\n"
                           "S: a3 OK Search completed.\n"
                         + headersWithAProbe("a4"));
    QVERIFY(server.start());

    ImapClient client(settings(server));
    InboxListReply reply;
    QSignalSpy finished(&reply, &ConnectorReply::finished);
    QSignalSpy streamed(&reply, &InboxListReply::rowsListed);
    ImapListing::start(&client, &reply, false, 0, std::nullopt);
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(!reply.error(), qPrintable(reply.error().message()));
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(subjects(reply.messages()), (QStringList{QStringLiteral("WO-2026-0002 valve"), QStringLiteral("WO-2026-0001 pump")}));
    QCOMPARE(reply.total(), 2);
    QCOMPARE(streamed.count(), 1);
    QCOMPARE(streamed.first().first().value<QList<MessageSummary>>().size(), 2);
}

void TestImapClaims::cachedListingSkipsTheProbe()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LocalStore::OpenResult opened = LocalStore::open(dir.filePath(QStringLiteral("store.sqlite")));
    QVERIFY2(opened.store, qPrintable(opened.error.message()));
    MessageCache cache(opened.store.get());

    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(plainSession(kNoCondstoreCaps)
                         + "C: a3 UID SEARCH RETURN (ALL) ALL\n"
                           "S: * ESEARCH (TAG \"a3\") UID ALL 1:3\n"
                           "S: a3 OK Search completed.\n"
                         + headersWithAProbe("a4"));
    QVERIFY(server.start());

    ImapClient client(settings(server));
    CachedListing listing(&client, &cache);
    InboxListReply reply;
    QSignalSpy finished(&reply, &ConnectorReply::finished);
    listing.list(&reply, false, 0, std::nullopt);
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(!reply.error(), qPrintable(reply.error().message()));
    VERIFY_SERVER_COMPLETE(server);
    QCOMPARE(subjects(reply.messages()), (QStringList{QStringLiteral("WO-2026-0002 valve"), QStringLiteral("WO-2026-0001 pump")}));
    QCOMPARE(cache.uids(QStringLiteral("INBOX")), (QList<quint32>{1, 3}));   // never cached
}

// A server that keeps no new keywords (PERMANENTFLAGS without \*, as Exchange): the work-order
// folder reads the record, and then refuses the step without sending a STORE, rather than
// making a step that seems made and never sticks.
void TestImapClaims::workOrderStepRefusedWithoutKeywords()
{
    WorkOrder order;
    order.id = QStringLiteral("WO-2026-0001");
    order.asset = QStringLiteral("P-201");
    order.chain = {QStringLiteral("anna@machina.test"), QStringLiteral("ben@machina.test")};
    order.created = QDateTime(QDate(2026, 12, 2), QTime(8, 0), Qt::UTC);
    order = WorkOrderFlow::notifyFirst(order, order.created, QStringLiteral("test")).next;
    const QByteArray raw = WorkOrderMessages::record(order, QStringLiteral("sup@machina.test"), QStringLiteral("c1"));
    QByteArray literal;
    for (const QByteArray &line : raw.split('\n')) {
        if (!line.isEmpty())
            literal += "S: " + QByteArray(line).replace("\r", "") + "\n";
    }
    const QByteArray noNewKeywords = "S: * FLAGS (" + kDovecotFlags + ")\n"
                                     "S: * OK [PERMANENTFLAGS (" + kDovecotFlags + ")] Flags permitted.\n";
    ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
    server.addConnection(dovecotSession(14, "Work Orders", noNewKeywords)
                         + "C: a4 NOOP\n"
                           "S: a4 OK NOOP completed.\n"
                           "C: a5 UID SEARCH RETURN (ALL) ALL\n"
                           "S: * ESEARCH (TAG \"a5\") UID ALL 1\n"
                           "S: a5 OK Search completed.\n"
                           "C: a6 UID FETCH 1 (UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[])\n"
                           "S: * 1 FETCH (UID 1 FLAGS () INTERNALDATE \"02-Dec-2026 08:00:00 +0000\" RFC822.SIZE "
                         + QByteArray::number(raw.size()) + " MODSEQ (3) BODY[] {" + QByteArray::number(raw.size()) + "}\n"
                         + literal
                         + "S: )\n"
                           "S: a6 OK Fetch completed.\n"
                           "C: a7 UID FETCH 1 (UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ ENVELOPE BODYSTRUCTURE)\n"
                           "S: * 1 FETCH (UID 1 FLAGS () INTERNALDATE \"02-Dec-2026 08:00:00 +0000\" RFC822.SIZE 900 "
                           "MODSEQ (3) ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) BODYSTRUCTURE (\"text\" \"plain\" "
                           "NIL NIL NIL \"7bit\" 1 1 NIL NIL NIL NIL))\n"
                           "S: a7 OK Fetch completed.\n");
    QVERIFY(server.start());
    WorkOrderFolder folder(settings(server, QStringLiteral("Work Orders")));
    bool loaded = false;
    ConnectorError loadError;
    folder.load([&](const ConnectorError &error) {
        loadError = error;
        loaded = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(loaded, kWaitMs);
    QVERIFY2(!loadError, qPrintable(loadError.message()));
    QCOMPARE(folder.orders().size(), 1);   // read, its state from the record's own fields
    QVERIFY(!folder.keepsKeywords());

    const WorkOrderStep step = WorkOrderFlow::reply(folder.orders().constFirst(), QStringLiteral("anna@machina.test"),
                                                    ReplyCode::Acknowledge, order.created.addSecs(60));
    QVERIFY(step.changed());
    bool done = false, stored = true;
    ConnectorError error;
    folder.store(step.next, [&](const ConnectorError &e, bool s) {
        error = e;
        stored = s;
        done = true;
    });
    QVERIFY(done);   // at once: nothing went to the server
    QVERIFY(!stored);
    QVERIFY2(error.message().contains(QStringLiteral("does not keep keywords")), qPrintable(error.message()));
    VERIFY_SERVER_COMPLETE(server);
}

QTEST_GUILESS_MAIN(TestImapClaims)
#include "tst_imapclaims.moc"
