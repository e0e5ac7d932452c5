// Unit tests of the pure IMAP pieces: the incremental response parser and the
// command writer. Inputs are written the way RFC 3501 prints its examples.

#include "imap/protocol/imapparser.h"
#include "imap/protocol/imapwriter.h"

#include <QTest>

using namespace machina;

Q_DECLARE_METATYPE(machina::ImapCommand)

namespace {

using Kind = ImapResponse::Kind;

/// Everything the parser made of input fed in one piece; fails the test on an error.
QList<ImapResponse> parseAll(const QByteArray &input, ImapParser &parser)
{
    parser.feed(input);
    QList<ImapResponse> out;
    while (auto r = parser.takeResponse())
        out.append(*r);
    return out;
}

QByteArray conditionName(ImapCondition c)
{
    switch (c) {
    case ImapCondition::Ok:
        return "OK";
    case ImapCondition::No:
        return "NO";
    case ImapCondition::Bad:
        return "BAD";
    case ImapCondition::PreAuth:
        return "PREAUTH";
    case ImapCondition::Bye:
        return "BYE";
    }
    return "?";
}

QByteArray joined(const QList<QByteArray> &items)
{
    return items.join(' ');
}

/// A one-line, transcript-like rendering of the non-FETCH responses, so a
/// data row can state the whole expected result.
QByteArray describe(const ImapResponse &r)
{
    switch (r.kind) {
    case Kind::Status: {
        QByteArray out = (r.tag.isEmpty() ? QByteArray("*") : r.tag) + ' ' + conditionName(r.condition);
        if (r.code) {
            out += " [" + r.code->name;
            if (!r.code->arguments.isEmpty())
                out += " args=" + r.code->arguments;
            if (r.code->number)
                out += " n=" + QByteArray::number(r.code->number);
            if (!r.code->list.isEmpty())
                out += " list=" + r.code->list.join(',');
            out += ']';
        }
        return out + " text=" + r.text;
    }
    case Kind::Continuation:
        return "+ text=" + r.text;
    case Kind::Capability:
        return "CAPABILITY " + joined(r.atoms);
    case Kind::Exists:
        return "EXISTS " + QByteArray::number(r.number);
    case Kind::Expunge:
        return "EXPUNGE " + QByteArray::number(r.number);
    case Kind::Recent:
        return "RECENT " + QByteArray::number(r.number);
    case Kind::Flags:
        return "FLAGS " + joined(r.atoms);
    case Kind::Search: {
        QByteArray out = "SEARCH";
        for (quint32 id : r.ids)
            out += ' ' + QByteArray::number(id);
        if (r.searchModSeq)
            out += " modseq=" + QByteArray::number(*r.searchModSeq);
        return out;
    }
    case Kind::ESearch: {
        QByteArray out = "ESEARCH tag=" + r.esearchTag + (r.esearchUid ? " uid" : "");
        for (const auto &[first, last] : r.searchRanges)
            out += ' ' + QByteArray::number(first) + '-' + QByteArray::number(last);
        if (r.esearchCount)
            out += " count=" + QByteArray::number(*r.esearchCount);
        if (r.searchModSeq)
            out += " modseq=" + QByteArray::number(*r.searchModSeq);
        return out;
    }
    case Kind::List:
    case Kind::Lsub:
        return QByteArray(r.kind == Kind::List ? "LIST" : "LSUB") + " (" + joined(r.listEntry.attributes) + ") "
            + (r.listEntry.delimiter.isNull() ? QByteArray("NIL") : '[' + r.listEntry.delimiter + ']') + " ["
            + r.listEntry.name + ']';
    case Kind::MailboxStatus: {
        QByteArray out = "STATUS [" + r.mailboxStatus.mailbox + ']';
        for (auto it = r.mailboxStatus.items.cbegin(); it != r.mailboxStatus.items.cend(); ++it)
            out += ' ' + it.key() + '=' + QByteArray::number(it.value());
        return out;
    }
    case Kind::Enabled:
        return "ENABLED " + joined(r.atoms);
    case Kind::Vanished: {
        QByteArray out = QByteArray("VANISHED") + (r.vanishedEarlier ? " earlier" : "");
        for (const auto &[first, last] : r.uidSet.ranges)
            out += ' ' + QByteArray::number(first) + '-' + QByteArray::number(last);
        return out;
    }
    case Kind::Fetch:
        return "FETCH " + QByteArray::number(r.fetch.sequenceNumber);
    case Kind::Other: {
        QByteArray out = "OTHER " + r.name;
        if (r.number)
            out += " n=" + QByteArray::number(r.number);
        for (const ImapValue &v : r.values)
            out += ' ' + v.serialized();
        return out;
    }
    }
    return "?";
}

ImapFetch parseFetch(const QByteArray &input)
{
    ImapParser parser;
    const QList<ImapResponse> responses = parseAll(input, parser);
    if (parser.hasError())
        qWarning("unexpected error at %lld: %s", qint64(parser.error().offset), qPrintable(parser.error().reason));
    if (responses.size() != 1 || responses.first().kind != Kind::Fetch)
        return {};
    return responses.first().fetch;
}

QByteArray addresses(const QList<ImapAddress> &list)
{
    QList<QByteArray> out;
    auto field = [](const QByteArray &b) { return b.isNull() ? QByteArray("NIL") : '"' + b + '"'; };
    for (const ImapAddress &a : list)
        out.append('(' + field(a.name) + ' ' + field(a.adl) + ' ' + field(a.mailbox) + ' ' + field(a.host) + ')');
    return out.join(' ');
}

} // namespace

class TestImapParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void status_data();
    void status();
    void untagged_data();
    void untagged();
    void textEndingInBraceIsNotALiteral();
    void fetchItems();
    void fetchEnvelope_data();
    void fetchEnvelope();
    void addressHelpers();
    void fetchSections_data();
    void fetchSections();
    void fetchUnknownItems();
    void bodyStructure_data();
    void bodyStructure();
    void nestedLists();
    void splitAtEveryByte();
    void waiting_data();
    void waiting();
    void errors_data();
    void errors();
    void manyLiteralsHitTheResponseLimit();
    void hugeLiteralIsRefusedBeforeItsData();
    void longLiteralIsNotALongLine();
    void offsetsSurviveCompaction();
    void stickyErrorAndReset();
    void adversarial_data();
    void adversarial();

    void tags();
    void astringForm_data();
    void astringForm();
    void encodeAstring_data();
    void encodeAstring();
    void login_data();
    void login();
    void authenticate();
    void commands_data();
    void commands();
    void uidSet_data();
    void uidSet();
    void mailboxNames_data();
    void mailboxNames();
    void mailboxNameDecodingIsLenient();
    void uidSetParse_data();
    void uidSetParse();
    void uidSetExpands();
    void appendUidCode();
    void vanishedAtTheLimit();
    void append_data();
    void append();
    void flags_data();
    void flags();
    void redactedLine_data();
    void redactedLine();
};

// ---------------------------------------------------------------- status responses

void TestImapParser::status_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("tagged OK") << QByteArray("a1 OK LOGIN completed\r\n") << QByteArray("a1 OK text=LOGIN completed");
    QTest::addRow("tagged NO") << QByteArray("a2 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")
                               << QByteArray("a2 NO [AUTHENTICATIONFAILED] text=Authentication failed.");
    QTest::addRow("tagged BAD") << QByteArray("a3 BAD Error in IMAP command: Unknown command\r\n")
                                << QByteArray("a3 BAD text=Error in IMAP command: Unknown command");
    QTest::addRow("TRYCREATE") << QByteArray("A003 NO [TRYCREATE] Mailbox doesn't exist: Archive\r\n")
                               << QByteArray("A003 NO [TRYCREATE] text=Mailbox doesn't exist: Archive");
    QTest::addRow("READ-WRITE") << QByteArray("A142 OK [READ-WRITE] SELECT completed\r\n")
                                << QByteArray("A142 OK [READ-WRITE] text=SELECT completed");
    QTest::addRow("odd capitalisation") << QByteArray("a4 ok [read-only] examined\r\n")
                                        << QByteArray("a4 OK [READ-ONLY] text=examined");
    QTest::addRow("no text") << QByteArray("a5 OK\r\n") << QByteArray("a5 OK text=");
    QTest::addRow("code without text") << QByteArray("* OK [READ-WRITE]\r\n") << QByteArray("* OK [READ-WRITE] text=");
    QTest::addRow("bare LF") << QByteArray("a6 OK done\n") << QByteArray("a6 OK text=done");
    QTest::addRow("UIDVALIDITY") << QByteArray("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n")
                                 << QByteArray("* OK [UIDVALIDITY args=3857529045 n=3857529045] text=UIDs valid");
    QTest::addRow("UIDNEXT") << QByteArray("* OK [UIDNEXT 4392] Predicted next UID\r\n")
                             << QByteArray("* OK [UIDNEXT args=4392 n=4392] text=Predicted next UID");
    QTest::addRow("UNSEEN") << QByteArray("* OK [UNSEEN 12] Message 12 is first unseen\r\n")
                            << QByteArray("* OK [UNSEEN args=12 n=12] text=Message 12 is first unseen");
    QTest::addRow("HIGHESTMODSEQ 64 bit") << QByteArray("* OK [HIGHESTMODSEQ 90060115205545359] Highest\r\n")
                                          << QByteArray("* OK [HIGHESTMODSEQ args=90060115205545359 n=90060115205545359] text=Highest");
    QTest::addRow("CAPABILITY greeting")
        << QByteArray("* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot ready.\r\n")
        << QByteArray("* OK [CAPABILITY args=IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN "
                      "list=IMAP4REV1,SASL-IR,LOGIN-REFERRALS,ID,ENABLE,IDLE,LITERAL+,STARTTLS,AUTH=PLAIN] text=Dovecot ready.");
    QTest::addRow("ALERT") << QByteArray("* NO [ALERT] Mailbox is at 95% of quota\r\n")
                           << QByteArray("* NO [ALERT] text=Mailbox is at 95% of quota");
    QTest::addRow("PERMANENTFLAGS")
        << QByteArray("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n")
        << QByteArray("* OK [PERMANENTFLAGS args=(\\Deleted \\Seen \\*) list=\\Deleted,\\Seen,\\*] text=Limited");
    QTest::addRow("PERMANENTFLAGS empty") << QByteArray("* OK [PERMANENTFLAGS ()] No permanent flags permitted\r\n")
                                          << QByteArray("* OK [PERMANENTFLAGS args=()] text=No permanent flags permitted");
    QTest::addRow("generic code with arguments")
        << QByteArray("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n")
        << QByteArray("A004 OK [COPYUID args=38505 304,319:320 3956:3958] text=Done");
    QTest::addRow("APPENDUID") << QByteArray("A003 OK [APPENDUID 38505 3955] APPEND completed\r\n")
                               << QByteArray("A003 OK [APPENDUID args=38505 3955 n=38505] text=APPEND completed");
    QTest::addRow("ALREADYEXISTS") << QByteArray("a5 NO [ALREADYEXISTS] Mailbox already exists\r\n")
                                   << QByteArray("a5 NO [ALREADYEXISTS] text=Mailbox already exists");
    QTest::addRow("NOMODSEQ") << QByteArray("* OK [NOMODSEQ] Sorry, this mailbox format doesn't support modsequences\r\n")
                              << QByteArray("* OK [NOMODSEQ] text=Sorry, this mailbox format doesn't support modsequences");
    QTest::addRow("generic code with a quoted ]")
        << QByteArray("* NO [BADCHARSET (UTF-8 \"x]y\")] Unsupported\r\n")
        << QByteArray("* NO [BADCHARSET args=(UTF-8 \"x]y\")] text=Unsupported");
    QTest::addRow("PREAUTH") << QByteArray("* PREAUTH IMAP4rev1 server logged in as Smith\r\n")
                             << QByteArray("* PREAUTH text=IMAP4rev1 server logged in as Smith");
    QTest::addRow("BYE") << QByteArray("* BYE Autologout; idle for too long\r\n")
                         << QByteArray("* BYE text=Autologout; idle for too long");
    QTest::addRow("untagged BAD") << QByteArray("* BAD Command line too long\r\n")
                                  << QByteArray("* BAD text=Command line too long");
    QTest::addRow("continuation text") << QByteArray("+ idling\r\n") << QByteArray("+ text=idling");
    QTest::addRow("continuation base64") << QByteArray("+ eyJzdGF0dXMiOiI0MDAifQ==\r\n")
                                         << QByteArray("+ text=eyJzdGF0dXMiOiI0MDAifQ==");
    QTest::addRow("bare continuation") << QByteArray("+\r\n") << QByteArray("+ text=");
    QTest::addRow("continuation with a single space") << QByteArray("+ \r\n") << QByteArray("+ text=");
    QTest::addRow("8-bit text kept") << QByteArray("a9 NO Zugriff verweigert: \xc3\xbc\r\n")
                                     << QByteArray("a9 NO text=Zugriff verweigert: \xc3\xbc");
}

void TestImapParser::status()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    ImapParser parser;
    const QList<ImapResponse> responses = parseAll(input, parser);
    QVERIFY2(!parser.hasError(), qPrintable(parser.error().reason));
    QCOMPARE(responses.size(), 1);
    QCOMPARE(describe(responses.first()), expected);
    QCOMPARE(parser.bufferedBytes(), 0);
}

void TestImapParser::untagged_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("CAPABILITY") << QByteArray("* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED\r\n")
                                << QByteArray("CAPABILITY IMAP4REV1 STARTTLS AUTH=GSSAPI LOGINDISABLED");
    QTest::addRow("CAPABILITY trailing space") << QByteArray("* CAPABILITY IMAP4rev1 IDLE \r\n")
                                               << QByteArray("CAPABILITY IMAP4REV1 IDLE");
    QTest::addRow("EXISTS") << QByteArray("* 23 EXISTS\r\n") << QByteArray("EXISTS 23");
    QTest::addRow("EXISTS zero") << QByteArray("* 0 EXISTS\r\n") << QByteArray("EXISTS 0");
    QTest::addRow("EXPUNGE") << QByteArray("* 44 EXPUNGE\r\n") << QByteArray("EXPUNGE 44");
    QTest::addRow("RECENT") << QByteArray("* 5 RECENT\r\n") << QByteArray("RECENT 5");
    QTest::addRow("lower-case keyword") << QByteArray("* 7 exists\r\n") << QByteArray("EXISTS 7");
    QTest::addRow("FLAGS") << QByteArray("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)\r\n")
                           << QByteArray("FLAGS \\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded");
    QTest::addRow("FLAGS empty") << QByteArray("* FLAGS ()\r\n") << QByteArray("FLAGS ");
    QTest::addRow("SEARCH") << QByteArray("* SEARCH 2 84 882\r\n") << QByteArray("SEARCH 2 84 882");
    QTest::addRow("SEARCH empty") << QByteArray("* SEARCH\r\n") << QByteArray("SEARCH");
    QTest::addRow("SEARCH empty trailing space") << QByteArray("* SEARCH \r\n") << QByteArray("SEARCH");
    QTest::addRow("SEARCH max UID") << QByteArray("* SEARCH 4294967295\r\n") << QByteArray("SEARCH 4294967295");
    QTest::addRow("SEARCH MODSEQ") << QByteArray("* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n")
                                   << QByteArray("SEARCH 2 5 6 7 11 12 18 19 20 23 modseq=917162500");
    // RFC 4731 3.1 and its examples
    QTest::addRow("ESEARCH ALL ranges") << QByteArray("* ESEARCH (TAG \"a3\") UID ALL 1:20000,20002,4:2\r\n")
                                        << QByteArray("ESEARCH tag=a3 uid 1-20000 20002-20002 2-4");
    QTest::addRow("ESEARCH no result") << QByteArray("* ESEARCH (TAG \"a3\") UID\r\n") << QByteArray("ESEARCH tag=a3 uid");
    QTest::addRow("ESEARCH MIN MAX COUNT") << QByteArray("* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800\r\n")
                                           << QByteArray("ESEARCH tag=A285 uid");
    QTest::addRow("ESEARCH COUNT, lower case, no UID") << QByteArray("* esearch (tag \"A284\") count 3\r\n")
                                                       << QByteArray("ESEARCH tag=A284 count=3");
    QTest::addRow("ESEARCH MODSEQ and an extension's data") << QByteArray("* ESEARCH (TAG \"t\") UID ALL 5 MODSEQ 917162500 X-FOO (1 2)\r\n")
                                                            << QByteArray("ESEARCH tag=t uid 5-5 modseq=917162500");
    QTest::addRow("ESEARCH max UID") << QByteArray("* ESEARCH (TAG \"t\") UID ALL 4294967295\r\n")
                                     << QByteArray("ESEARCH tag=t uid 4294967295-4294967295");
    QTest::addRow("LIST") << QByteArray("* LIST (\\HasNoChildren) \"/\" INBOX\r\n")
                          << QByteArray("LIST (\\HasNoChildren) [/] [INBOX]");
    QTest::addRow("LIST quoted name") << QByteArray("* LIST (\\HasNoChildren \\Sent) \".\" \"Sent Items\"\r\n")
                                      << QByteArray("LIST (\\HasNoChildren \\Sent) [.] [Sent Items]");
    QTest::addRow("LIST NIL delimiter") << QByteArray("* LIST (\\Noselect) NIL \"\"\r\n")
                                        << QByteArray("LIST (\\Noselect) NIL []");
    QTest::addRow("LIST RFC 3501 atom") << QByteArray("* LIST (\\Noselect) \"/\" ~/Mail/foo\r\n")
                                        << QByteArray("LIST (\\Noselect) [/] [~/Mail/foo]");
    QTest::addRow("LIST literal name") << QByteArray("* LIST () \"/\" {9}\r\nfoo \"bar\"\r\n")
                                       << QByteArray("LIST () [/] [foo \"bar\"]");
    QTest::addRow("LIST modified UTF-7") << QByteArray("* LIST () \"/\" \"Entw&APw-rfe\"\r\n")
                                         << QByteArray("LIST () [/] [Entw&APw-rfe]");
    QTest::addRow("LIST mailbox named NIL") << QByteArray("* LIST () \"/\" NIL\r\n") << QByteArray("LIST () [/] [NIL]");
    QTest::addRow("LIST escaped delimiter") << QByteArray("* LIST () \"\\\\\" Foo\r\n")
                                            << QByteArray("LIST () [\\] [Foo]");
    QTest::addRow("LIST-EXTENDED data dropped")
        << QByteArray("* LIST (\\Subscribed) \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n")
        << QByteArray("LIST (\\Subscribed) [/] [Foo]");
    QTest::addRow("LSUB") << QByteArray("* LSUB () \".\" #news.comp.mail.misc\r\n")
                          << QByteArray("LSUB () [.] [#news.comp.mail.misc]");
    QTest::addRow("STATUS") << QByteArray("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n")
                            << QByteArray("STATUS [blurdybloop] MESSAGES=231 UIDNEXT=44292");
    QTest::addRow("STATUS quoted, lower-case items")
        << QByteArray("* STATUS \"INBOX\" (messages 3 unseen 1 uidvalidity 1700000000 highestmodseq 90060115205545359)\r\n")
        << QByteArray("STATUS [INBOX] HIGHESTMODSEQ=90060115205545359 MESSAGES=3 UIDVALIDITY=1700000000 UNSEEN=1");
    QTest::addRow("ENABLED") << QByteArray("* ENABLED CONDSTORE qresync\r\n") << QByteArray("ENABLED CONDSTORE QRESYNC");
    QTest::addRow("ENABLED nothing") << QByteArray("* ENABLED\r\n") << QByteArray("ENABLED ");
    QTest::addRow("unknown kept: ID") << QByteArray("* ID (\"name\" \"Dovecot\" \"version\" NIL)\r\n")
                                      << QByteArray("OTHER ID (\"name\" \"Dovecot\" \"version\" NIL)");
    QTest::addRow("unknown kept: NAMESPACE") << QByteArray("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n")
                                             << QByteArray("OTHER NAMESPACE ((\"\" \"/\")) NIL NIL");
    // RFC 7162 3.2.10 and its examples
    QTest::addRow("VANISHED (EARLIER)") << QByteArray("* VANISHED (EARLIER) 300:310,405,411\r\n")
                                        << QByteArray("VANISHED earlier 300-310 405-405 411-411");
    QTest::addRow("VANISHED") << QByteArray("* VANISHED 405,407,410,425\r\n")
                              << QByteArray("VANISHED 405-405 407-407 410-410 425-425");
    QTest::addRow("VANISHED lower case, reversed range") << QByteArray("* vanished (earlier) 12:9\r\n")
                                                         << QByteArray("VANISHED earlier 9-12");
    QTest::addRow("VANISHED max UID") << QByteArray("* VANISHED 4294967295\r\n")
                                      << QByteArray("VANISHED 4294967295-4294967295");
    QTest::addRow("LIST SPECIAL-USE, modified UTF-7")
        << QByteArray("* LIST (\\HasNoChildren \\Sent) \"/\" \"&AMk-l&AOk-ments envoy&AOk-s\"\r\n")
        << QByteArray("LIST (\\HasNoChildren \\Sent) [/] [&AMk-l&AOk-ments envoy&AOk-s]");
    QTest::addRow("unknown numbered kept") << QByteArray("* 3 XNOTE \"x\" {2}\r\nab\r\n")
                                           << QByteArray("OTHER XNOTE n=3 \"x\" \"ab\"");
}

void TestImapParser::untagged()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    ImapParser parser;
    const QList<ImapResponse> responses = parseAll(input, parser);
    QVERIFY2(!parser.hasError(), qPrintable(QString::number(parser.error().offset) + u' ' + parser.error().reason));
    QCOMPARE(responses.size(), 1);
    QCOMPARE(describe(responses.first()), expected);
    QVERIFY(!responses.first().isTagged());
    QCOMPARE(parser.bufferedBytes(), 0);
}

void TestImapParser::textEndingInBraceIsNotALiteral()
{
    // resp-text is free text: "{5}" at its end must not make us wait for 5 bytes.
    ImapParser parser;
    const QList<ImapResponse> responses = parseAll("a1 NO odd text {5}\r\n* 2 EXISTS\r\n+ more {3}\r\n", parser);
    QVERIFY(!parser.hasError());
    QCOMPARE(responses.size(), 3);
    QCOMPARE(responses.at(0).text, QByteArray("odd text {5}"));
    QCOMPARE(responses.at(1).kind, Kind::Exists);
    QCOMPARE(responses.at(2).text, QByteArray("more {3}"));
}

// ---------------------------------------------------------------- FETCH

void TestImapParser::fetchItems()
{
    const ImapFetch f = parseFetch(
        "* 12 FETCH (UID 4294967295 FLAGS (\\Seen $Forwarded \\Answered) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" "
        "RFC822.SIZE 4286 MODSEQ (90060115205545359))\r\n");
    QCOMPARE(f.sequenceNumber, 12u);
    QCOMPARE(f.uid, std::optional<quint32>(4294967295u));
    QVERIFY(f.flags);
    QCOMPARE(*f.flags, (QList<QByteArray>{"\\Seen", "$Forwarded", "\\Answered"}));
    QVERIFY(f.hasFlag("\\seen"));
    QVERIFY(!f.hasFlag("\\Deleted"));
    QVERIFY(f.internalDate);
    QCOMPARE(*f.internalDate, QDateTime(QDate(1996, 7, 17), QTime(9, 44, 25), Qt::UTC));
    QCOMPARE(f.internalDate->offsetFromUtc(), -7 * 3600);
    QCOMPARE(f.rfc822Size, std::optional<quint64>(4286));
    QCOMPARE(f.modSeq, std::optional<quint64>(90060115205545359ull));
    QVERIFY(!f.envelope);
    QVERIFY(!f.bodyStructure);
    QVERIFY(f.sections.isEmpty());

    // Space-padded day, lower-case month, empty flag list, item order free
    const ImapFetch g = parseFetch("* 1 fetch (flags () internaldate \" 2-feb-2024 23:59:59 +0530\" uid 7)\r\n");
    QCOMPARE(g.uid, std::optional<quint32>(7));
    QVERIFY(g.flags && g.flags->isEmpty());
    QVERIFY(g.internalDate);
    QCOMPARE(*g.internalDate, QDateTime(QDate(2024, 2, 2), QTime(18, 29, 59), Qt::UTC));
    QCOMPARE(g.internalDate->offsetFromUtc(), 5 * 3600 + 30 * 60);

    // An unsolicited FLAGS update without UID, and an empty FETCH
    const ImapFetch h = parseFetch("* 3 FETCH (FLAGS (\\Deleted))\r\n");
    QVERIFY(!h.uid);
    QVERIFY(h.hasFlag("\\Deleted"));
    const ImapFetch empty = parseFetch("* 4 FETCH ()\r\n");
    QCOMPARE(empty.sequenceNumber, 4u);
    QVERIFY(!empty.flags);
}

void TestImapParser::fetchEnvelope_data()
{
    QTest::addColumn<QByteArray>("envelope");
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<QByteArray>("subject");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("replyTo");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QByteArray>("cc");
    QTest::addColumn<QByteArray>("inReplyTo");
    QTest::addColumn<QByteArray>("messageId");

    // RFC 3501 section 8's example, whose nstrings are partly NIL
    QTest::addRow("RFC 3501 example")
        << QByteArray("(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
                      "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                      "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) "
                      "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL "
                      "\"<B27397-0100000@cac.washington.edu>\")")
        << QByteArray("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)") << QByteArray("IMAP4rev1 WG mtg summary and minutes")
        << QByteArray("(\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")")
        << QByteArray("(\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")")
        << QByteArray("(NIL NIL \"imap\" \"cac.washington.edu\")")
        << QByteArray("(NIL NIL \"minutes\" \"CNRI.Reston.VA.US\") (\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")")
        << QByteArray() << QByteArray("<B27397-0100000@cac.washington.edu>");
    QTest::addRow("NIL everywhere") << QByteArray("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)") << QByteArray()
                                    << QByteArray() << QByteArray() << QByteArray() << QByteArray() << QByteArray()
                                    << QByteArray() << QByteArray();
    QTest::addRow("NIL inside addresses")
        << QByteArray("(NIL \"\" ((NIL NIL NIL NIL)) NIL NIL ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL NIL NIL NIL)")
        << QByteArray() << QByteArray("") << QByteArray("(NIL NIL NIL NIL)") << QByteArray()
        << QByteArray("(NIL NIL \"undisclosed-recipients\" NIL) (NIL NIL NIL NIL)") << QByteArray() << QByteArray()
        << QByteArray();
    QTest::addRow("RFC 2047 subject and name kept raw")
        << QByteArray("(\"Mon, 1 Jan 2024 08:00:00 +0100\" \"=?UTF-8?Q?Pumpe_3_=C3=BCberhitzt?=\" "
                      "((\"=?ISO-8859-1?Q?J=F6rg?=\" NIL \"joerg\" \"plant.test\")) NIL NIL "
                      "((NIL NIL \"supervisor\" \"plant.test\")) NIL NIL \"<a@b>\" \"<c@d>\")")
        << QByteArray("Mon, 1 Jan 2024 08:00:00 +0100") << QByteArray("=?UTF-8?Q?Pumpe_3_=C3=BCberhitzt?=")
        << QByteArray("(\"=?ISO-8859-1?Q?J=F6rg?=\" NIL \"joerg\" \"plant.test\")") << QByteArray()
        << QByteArray("(NIL NIL \"supervisor\" \"plant.test\")") << QByteArray() << QByteArray("<a@b>")
        << QByteArray("<c@d>");
    QTest::addRow("literal subject with CRLF and quote")
        << QByteArray("(NIL {15}\r\nline1\r\n\"quoted\" NIL NIL NIL NIL NIL NIL NIL NIL)") << QByteArray()
        << QByteArray("line1\r\n\"quoted\"") << QByteArray() << QByteArray() << QByteArray() << QByteArray()
        << QByteArray() << QByteArray();
    QTest::addRow("escaped quotes in a name")
        << QByteArray("(NIL \"a \\\"b\\\" \\\\ c\" ((\"Smith, \\\"Bob\\\"\" NIL \"bob\" \"x.test\")) NIL NIL NIL NIL NIL NIL NIL)")
        << QByteArray() << QByteArray("a \"b\" \\ c") << QByteArray("(\"Smith, \"Bob\"\" NIL \"bob\" \"x.test\")")
        << QByteArray() << QByteArray() << QByteArray() << QByteArray() << QByteArray();
    QTest::addRow("group syntax")
        << QByteArray("(NIL NIL NIL NIL NIL ((NIL NIL \"team\" NIL)(\"A\" NIL \"a\" \"x.test\")(NIL NIL NIL NIL)) NIL NIL NIL NIL)")
        << QByteArray() << QByteArray() << QByteArray() << QByteArray()
        << QByteArray("(NIL NIL \"team\" NIL) (\"A\" NIL \"a\" \"x.test\") (NIL NIL NIL NIL)") << QByteArray()
        << QByteArray() << QByteArray();
}

void TestImapParser::fetchEnvelope()
{
    QFETCH(QByteArray, envelope);
    QFETCH(QByteArray, date);
    QFETCH(QByteArray, subject);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, replyTo);
    QFETCH(QByteArray, to);
    QFETCH(QByteArray, cc);
    QFETCH(QByteArray, inReplyTo);
    QFETCH(QByteArray, messageId);

    const ImapFetch f = parseFetch("* 1 FETCH (UID 9 ENVELOPE " + envelope + ")\r\n");
    QVERIFY(f.envelope);
    const ImapEnvelope &e = *f.envelope;
    QCOMPARE(e.date, date);
    QCOMPARE(e.date.isNull(), date.isNull());   // NIL and "" stay apart
    QCOMPARE(e.subject, subject);
    QCOMPARE(e.subject.isNull(), subject.isNull());
    QCOMPARE(addresses(e.from), from);
    QCOMPARE(addresses(e.replyTo), replyTo);
    QCOMPARE(addresses(e.to), to);
    QCOMPARE(addresses(e.cc), cc);
    QVERIFY(e.bcc.isEmpty());
    QCOMPARE(e.inReplyTo, inReplyTo);
    QCOMPARE(e.messageId, messageId);
    QCOMPARE(e.messageId.isNull(), messageId.isNull());
    QCOMPARE(f.uid, std::optional<quint32>(9));
}

void TestImapParser::addressHelpers()
{
    const ImapFetch f = parseFetch("* 1 FETCH (ENVELOPE (NIL NIL ((\"A\" NIL \"a\" \"x.test\")) NIL NIL "
                                   "((NIL NIL \"team\" NIL)(NIL NIL \"b\" \"y.test\")(NIL NIL NIL NIL)) NIL NIL NIL NIL))\r\n");
    QVERIFY(f.envelope);
    QCOMPARE(f.envelope->from.size(), 1);
    QCOMPARE(f.envelope->from.first().address(), QByteArray("a@x.test"));
    QVERIFY(!f.envelope->from.first().isGroupStart());
    QVERIFY(!f.envelope->from.first().isGroupEnd());
    const QList<ImapAddress> &to = f.envelope->to;
    QCOMPARE(to.size(), 3);
    QVERIFY(to.at(0).isGroupStart());
    QCOMPARE(to.at(0).address(), QByteArray("team"));
    QCOMPARE(to.at(1).address(), QByteArray("b@y.test"));
    QVERIFY(to.at(2).isGroupEnd());
    QVERIFY(!to.at(2).isGroupStart());
}

void TestImapParser::fetchSections_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("origin");   // -1: none

    QTest::addRow("BODY[] literal with CRLF and parenthesis")
        << QByteArray("* 2 FETCH (UID 5 BODY[] {21}\r\nSubject: x\r\n\r\n(hi) :))\r\n") << QByteArray("")
        << QByteArray("Subject: x\r\n\r\n(hi) :)") << -1;
    QTest::addRow("BODY[HEADER]") << QByteArray("* 2 FETCH (BODY[HEADER] {13}\r\nFrom: a@b\r\n\r\n)\r\n")
                                  << QByteArray("HEADER") << QByteArray("From: a@b\r\n\r\n") << -1;
    QTest::addRow("HEADER.FIELDS, key upper-cased")
        << QByteArray("* 2 FETCH (BODY[HEADER.FIELDS (From \"To\")] {9}\r\nFrom: a\r\n)\r\n")
        << QByteArray("HEADER.FIELDS (FROM \"TO\")") << QByteArray("From: a\r\n") << -1;
    QTest::addRow("partial with origin") << QByteArray("* 2 FETCH (BODY[]<0> {4}\r\nRetu)\r\n") << QByteArray("")
                                         << QByteArray("Retu") << 0;
    QTest::addRow("partial at origin 1024") << QByteArray("* 2 FETCH (BODY[1.2]<1024> \"abc\")\r\n")
                                            << QByteArray("1.2") << QByteArray("abc") << 1024;
    QTest::addRow("quoted body") << QByteArray("* 2 FETCH (BODY[TEXT] \"a \\\"b\\\"\")\r\n") << QByteArray("TEXT")
                                 << QByteArray("a \"b\"") << -1;
    QTest::addRow("NIL body") << QByteArray("* 2 FETCH (BODY[1] NIL)\r\n") << QByteArray("1") << QByteArray() << -1;
    QTest::addRow("empty literal") << QByteArray("* 2 FETCH (BODY[] {0}\r\n)\r\n") << QByteArray("") << QByteArray("")
                                   << -1;
    QTest::addRow("non-synchronising literal") << QByteArray("* 2 FETCH (BODY[] {3+}\r\nabc)\r\n") << QByteArray("")
                                               << QByteArray("abc") << -1;
    QTest::addRow("literal8") << QByteArray("* 2 FETCH (BODY[] ~{3}\r\n") + QByteArray("\0\1\2", 3) + ")\r\n" << QByteArray("")
                              << QByteArray("\x00\x01\x02", 3) << -1;
    QTest::addRow("BODY.PEEK echoed") << QByteArray("* 2 FETCH (BODY.PEEK[] {2}\r\nhi)\r\n") << QByteArray("")
                                      << QByteArray("hi") << -1;
    QTest::addRow("RFC822") << QByteArray("* 2 FETCH (RFC822 {2}\r\nhi)\r\n") << QByteArray("") << QByteArray("hi") << -1;
    QTest::addRow("RFC822.HEADER") << QByteArray("* 2 FETCH (RFC822.HEADER {4}\r\nA:\r\n)\r\n") << QByteArray("HEADER")
                                   << QByteArray("A:\r\n") << -1;
    QTest::addRow("bare LF after literal length") << QByteArray("* 2 FETCH (BODY[] {2}\nhi)\n") << QByteArray("")
                                                  << QByteArray("hi") << -1;
}

void TestImapParser::fetchSections()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, section);
    QFETCH(QByteArray, body);
    QFETCH(int, origin);

    const ImapFetch f = parseFetch(input);
    QCOMPARE(f.sequenceNumber, 2u);
    QCOMPARE(f.sections.keys(), QList<QByteArray>{section});
    QCOMPARE(f.sections.value(section), body);
    QCOMPARE(f.sections.value(section).isNull(), body.isNull());
    QCOMPARE(f.sectionOrigins.contains(section), origin >= 0);
    if (origin >= 0)
        QCOMPARE(f.sectionOrigins.value(section), quint32(origin));
}

void TestImapParser::fetchUnknownItems()
{
    const ImapFetch f = parseFetch(
        "* 5 FETCH (X-GM-MSGID 1278455344230334865 X-GM-LABELS (\\Inbox \"Work order\") UID 8 "
        "BINARY[1] {3}\r\nabc BINARY.SIZE[2] 40 X-EMPTY NIL)\r\n");
    QCOMPARE(f.uid, std::optional<quint32>(8));
    QCOMPARE(f.otherItems.keys(),
             (QList<QByteArray>{"BINARY.SIZE[2]", "BINARY[1]", "X-EMPTY", "X-GM-LABELS", "X-GM-MSGID"}));
    QCOMPARE(f.otherItems.value("X-GM-MSGID").number, 1278455344230334865ull);
    QCOMPARE(f.otherItems.value("X-GM-LABELS").serialized(), QByteArray("(\\Inbox \"Work order\")"));
    QCOMPARE(f.otherItems.value("BINARY[1]"), ImapValue::string("abc"));
    QCOMPARE(f.otherItems.value("BINARY.SIZE[2]"), ImapValue::num(40));
    QVERIFY(f.otherItems.value("X-EMPTY").isNil());
    QVERIFY(f.sections.isEmpty());
}

void TestImapParser::bodyStructure_data()
{
    QTest::addColumn<QByteArray>("structure");
    QTest::addColumn<int>("attachments");

    QTest::addRow("plain text") << QByteArray("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)") << 0;
    QTest::addRow("text with extension data, inline")
        << QByteArray("(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 120 4 NIL (\"inline\" NIL) NIL NIL)")
        << 0;
    QTest::addRow("alternative, no attachment")
        << QByteArray("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 10 1 NIL NIL NIL NIL)"
                      "(\"TEXT\" \"HTML\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 20 1 NIL NIL NIL NIL) \"ALTERNATIVE\" "
                      "(\"BOUNDARY\" \"b1\") NIL NIL NIL)")
        << 0;
    QTest::addRow("mixed with a PDF attachment")
        << QByteArray("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 10 1 NIL NIL NIL NIL)"
                      "(\"APPLICATION\" \"PDF\" (\"NAME\" \"report.pdf\") NIL NIL \"BASE64\" 4000 NIL "
                      "(\"ATTACHMENT\" (\"FILENAME\" \"report.pdf\")) NIL NIL) \"MIXED\" (\"BOUNDARY\" \"b2\") NIL NIL NIL)")
        << 1;
    QTest::addRow("attachment disposition without a name")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"BASE64\" 9 NIL "
                      "(\"attachment\" NIL) NIL NIL) \"MIXED\" NIL NIL NIL NIL)")
        << 1;
    QTest::addRow("inline image with a filename counts")
        << QByteArray("((\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 1 1)(\"IMAGE\" \"PNG\" NIL \"<logo>\" NIL \"BASE64\" 9 NIL "
                      "(\"INLINE\" (\"FILENAME\" \"logo.png\")) NIL NIL) \"RELATED\" NIL NIL NIL NIL)")
        << 1;
    QTest::addRow("RFC 2231 filename*")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"APPLICATION\" \"PDF\" NIL NIL NIL \"BASE64\" 9 NIL "
                      "(\"INLINE\" (\"FILENAME*\" \"utf-8''Pr%C3%BCfung.pdf\")) NIL NIL) \"MIXED\" NIL NIL NIL NIL)")
        << 1;
    QTest::addRow("nested: two attachments under mixed/alternative")
        << QByteArray("(((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 1 1) \"ALTERNATIVE\")"
                      "(\"IMAGE\" \"JPEG\" (\"NAME\" \"a.jpg\") NIL NIL \"BASE64\" 9)"
                      "(\"TEXT\" \"CSV\" (\"NAME\" \"b.csv\") NIL NIL \"BASE64\" 9 3) \"MIXED\")")
        << 2;
    QTest::addRow("attached message counts once")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 900 "
                      "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) "
                      "((\"APPLICATION\" \"PDF\" (\"NAME\" \"x.pdf\") NIL NIL \"BASE64\" 9)(\"TEXT\" \"CSV\" (\"NAME\" \"y.csv\") NIL NIL \"BASE64\" 9 1) \"MIXED\") "
                      "20 NIL (\"ATTACHMENT\" NIL) NIL NIL) \"MIXED\")")
        << 1;
    QTest::addRow("text part as an attachment")
        << QByteArray("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 120 4 NIL (\"ATTACHMENT\" NIL) NIL NIL)") << 1;
    QTest::addRow("application part as an attachment")
        << QByteArray("(\"APPLICATION\" \"ZIP\" NIL NIL NIL \"BASE64\" 120 NIL (\"ATTACHMENT\" NIL) NIL NIL)") << 1;
    QTest::addRow("inline message is searched")
        << QByteArray("(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 900 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) "
                      "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"APPLICATION\" \"PDF\" (\"NAME\" \"x.pdf\") NIL NIL \"BASE64\" 9) \"MIXED\") 20)")
        << 1;
    // Counted as the message view lists them (MessageParser): any leaf that is
    // not the text/plain or text/html body, named or not.
    QTest::addRow("nameless octet-stream without a disposition counts")
        << QByteArray("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 10 1 NIL NIL NIL NIL)"
                      "(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"BASE64\" 2048 NIL NIL NIL NIL) \"MIXED\" "
                      "(\"BOUNDARY\" \"b3\") NIL NIL NIL)")
        << 1;
    QTest::addRow("nameless octet-stream alone counts")
        << QByteArray("(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"BASE64\" 2048)") << 1;
    QTest::addRow("text/plain body alone")
        << QByteArray("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 5 1 NIL NIL NIL NIL)") << 0;
    QTest::addRow("alternative text and html without extension data")
        << QByteArray("((\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1)(\"text\" \"html\" NIL NIL NIL \"7bit\" 20 1) \"alternative\")")
        << 0;
    QTest::addRow("named PDF without a disposition")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"APPLICATION\" \"PDF\" (\"NAME\" \"order.pdf\") NIL NIL "
                      "\"BASE64\" 4000) \"MIXED\")")
        << 1;
    QTest::addRow("inline image with a Content-ID and no name counts")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)((\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 1 1)"
                      "(\"IMAGE\" \"PNG\" NIL \"<chart@example.org>\" NIL \"BASE64\" 9 NIL (\"INLINE\" NIL) NIL NIL) \"RELATED\") "
                      "\"ALTERNATIVE\")")
        << 1;
    QTest::addRow("second nameless text/plain in mixed counts")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1) \"MIXED\")")
        << 1;
    QTest::addRow("text and html side by side in mixed are the bodies")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 1 1) \"MIXED\")")
        << 0;
    QTest::addRow("enriched in an alternative is another rendering")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"TEXT\" \"ENRICHED\" NIL NIL NIL \"7BIT\" 1 1)"
                      "(\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 1 1) \"ALTERNATIVE\")")
        << 0;
    QTest::addRow("calendar in an alternative counts")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 1 1)"
                      "(\"TEXT\" \"CALENDAR\" (\"METHOD\" \"REQUEST\") NIL NIL \"7BIT\" 1 1) \"ALTERNATIVE\")")
        << 1;
    QTest::addRow("named html next to the body counts")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"TEXT\" \"HTML\" (\"NAME\" \"page.html\") NIL NIL \"7BIT\" 1 1) "
                      "\"MIXED\")")
        << 1;
    QTest::addRow("blank file name names nothing")
        << QByteArray("(\"TEXT\" \"PLAIN\" (\"NAME\" \" \") NIL NIL \"7BIT\" 1 1 NIL (\"INLINE\" (\"FILENAME\" \"\")) NIL NIL)")
        << 0;
    QTest::addRow("signature part counts")
        << QByteArray("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 10 1)"
                      "(\"APPLICATION\" \"PGP-SIGNATURE\" NIL NIL NIL \"7BIT\" 400) \"SIGNED\" "
                      "(\"BOUNDARY\" \"s\" \"PROTOCOL\" \"application/pgp-signature\" \"MICALG\" \"pgp-sha256\") NIL NIL NIL)")
        << 1;
    QTest::addRow("attached message without a disposition counts once")
        << QByteArray("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 900 "
                      "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) "
                      "((\"APPLICATION\" \"PDF\" (\"NAME\" \"x.pdf\") NIL NIL \"BASE64\" 9)(\"TEXT\" \"CSV\" (\"NAME\" \"y.csv\") NIL NIL \"BASE64\" 9 1) \"MIXED\") "
                      "20) \"MIXED\")")
        << 1;
    QTest::addRow("text of an attached message is not the body")
        << QByteArray("((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 900 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) "
                      "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1) 20)(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1) \"MIXED\")")
        << 1;
    QTest::addRow("odd shapes count nothing") << QByteArray("(\"TEXT\" NIL)") << 0;
}

void TestImapParser::bodyStructure()
{
    QFETCH(QByteArray, structure);
    QFETCH(int, attachments);

    const ImapFetch f = parseFetch("* 1 FETCH (UID 3 BODYSTRUCTURE " + structure + ")\r\n");
    QVERIFY(f.bodyStructure);
    // The tree round-trips: only spacing between adjacent lists differs.
    QByteArray expected = structure;
    expected.replace(")(", ") (");
    QCOMPARE(f.bodyStructure->serialized(), expected);
    QCOMPARE(f.attachmentCount(), attachments);
    QCOMPARE(countImapAttachments(*f.bodyStructure), attachments);
}

void TestImapParser::nestedLists()
{
    ImapParser parser;
    const auto responses = parseAll("* XTEST ((a (b (c NIL \"d\") ()) {1}\r\ne) 12 \"\")\r\n", parser);
    QVERIFY(!parser.hasError());
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.first().values.size(), 1);
    const ImapValue &top = responses.first().values.first();
    QCOMPARE(top.list.size(), 3);
    const ImapValue &first = top.list.at(0);
    QCOMPARE(first.list.size(), 3);
    QCOMPARE(first.list.at(0), ImapValue::atom("a"));
    QCOMPARE(first.list.at(1).list.at(1).list.at(1), ImapValue::nil());
    QCOMPARE(first.list.at(1).list.at(1).list.at(2), ImapValue::string("d"));
    QCOMPARE(first.list.at(1).list.at(2), ImapValue::fromList({}));
    QCOMPARE(first.list.at(2), ImapValue::string("e"));
    QCOMPARE(top.list.at(1), ImapValue::num(12));
    QVERIFY(!top.list.at(2).bytes.isNull());   // "" is not NIL
    QCOMPARE(top.serialized(), QByteArray("((a (b (c NIL \"d\") ()) \"e\") 12 \"\")"));

    // Exactly at the limit is fine; one deeper is an error.
    const int depth = ImapParser::MaxNestingDepth;
    ImapParser ok;
    parseAll("* X " + QByteArray(depth, '(') + QByteArray(depth, ')') + "\r\n", ok);
    QVERIFY2(!ok.hasError(), qPrintable(ok.error().reason));
    ImapParser deep;
    parseAll("* X " + QByteArray(depth + 1, '(') + QByteArray(depth + 1, ')') + "\r\n", deep);
    QVERIFY(deep.hasError());
    QCOMPARE(deep.error().offset, 4 + depth);
    QVERIFY(deep.error().reason.contains(QStringLiteral("nested deeper than")));
}

// ---------------------------------------------------------------- streams and framing

void TestImapParser::splitAtEveryByte()
{
    // A body that looks like IMAP syntax: a literal length, a ")" at the end,
    // a quote, CRLFs. Only the literal's length may decide where it ends.
    const QByteArray body = "From: Alarm <alarm@plant.test>\r\nSubject: =?UTF-8?Q?Pumpe_3_=C3=BCberhitzt?=\r\n\r\n"
                            "Temperature \"high\" {5}\r\nnot a literal\r\n* 9 EXISTS\r\n:)";
    const QByteArray header = "Subject: hi\r\n\r\n";
    const QByteArray stream =
        "* 12 EXISTS\r\n"
        "* 12 FETCH (UID 4711 FLAGS (\\Recent) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" BODY[] {"
        + QByteArray::number(body.size()) + "}\r\n" + body + " MODSEQ (12345))\r\n"
        "* 13 FETCH (UID 4712 BODY[HEADER.FIELDS (SUBJECT)] {" + QByteArray::number(header.size()) + "+}\r\n" + header
        + " BODY[TEXT] {0}\r\n)\r\n"
        "* OK [UIDNEXT 4713] Predicted next UID\r\n"
        "a7 OK [READ-WRITE] UID FETCH completed\r\n";

    auto check = [&](const QList<ImapResponse> &r, const QString &where) {
        QVERIFY2(r.size() == 5, qPrintable(where));
        QCOMPARE(describe(r.at(0)), QByteArray("EXISTS 12"));
        QCOMPARE(r.at(1).kind, Kind::Fetch);
        QCOMPARE(r.at(1).fetch.uid, std::optional<quint32>(4711));
        QCOMPARE(r.at(1).fetch.sections.value(""), body);
        QCOMPARE(r.at(1).fetch.modSeq, std::optional<quint64>(12345));
        QVERIFY(r.at(1).fetch.hasFlag("\\Recent"));
        QCOMPARE(r.at(2).fetch.uid, std::optional<quint32>(4712));
        QCOMPARE(r.at(2).fetch.sections.value("HEADER.FIELDS (SUBJECT)"), header);
        QCOMPARE(r.at(2).fetch.sections.value("TEXT"), QByteArray(""));
        QCOMPARE(describe(r.at(3)), QByteArray("* OK [UIDNEXT args=4713 n=4713] text=Predicted next UID"));
        QCOMPARE(describe(r.at(4)), QByteArray("a7 OK [READ-WRITE] text=UID FETCH completed"));
        QVERIFY(r.at(4).isTagged());
        QVERIFY(r.at(4).isStatus(ImapCondition::Ok));
        QVERIFY(!r.at(4).isStatus(ImapCondition::No));
        QVERIFY(r.at(4).hasCode("READ-WRITE"));
        QVERIFY(!r.at(3).hasCode("READ-WRITE"));
        QVERIFY(!r.at(3).isTagged());
    };

    for (qsizetype split = 0; split <= stream.size(); ++split) {
        ImapParser parser;
        QList<ImapResponse> responses;
        parser.feed(QByteArrayView(stream).first(split));
        while (auto r = parser.takeResponse())
            responses.append(*r);
        parser.feed(QByteArrayView(stream).sliced(split));
        while (auto r = parser.takeResponse())
            responses.append(*r);
        QVERIFY2(!parser.hasError(), qPrintable(QStringLiteral("split %1: %2").arg(split).arg(parser.error().reason)));
        check(responses, QStringLiteral("split %1").arg(split));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(parser.bufferedBytes(), 0);
    }

    // One byte at a time, taking after every byte.
    ImapParser parser;
    QList<ImapResponse> responses;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        parser.feed(QByteArrayView(stream).sliced(i, 1));
        while (auto r = parser.takeResponse())
            responses.append(*r);
    }
    QVERIFY(!parser.hasError());
    check(responses, QStringLiteral("bytewise"));
}

void TestImapParser::waiting_data()
{
    QTest::addColumn<QByteArray>("input");

    QTest::addRow("nothing") << QByteArray();
    QTest::addRow("line without CRLF") << QByteArray("* 3 EXI");
    QTest::addRow("CR without LF") << QByteArray("a1 OK done\r");
    QTest::addRow("unterminated quote at the end") << QByteArray("* LIST () \"/\" \"INB");
    QTest::addRow("literal length split") << QByteArray("* 1 FETCH (BODY[] {1");
    QTest::addRow("literal length without CRLF") << QByteArray("* 1 FETCH (BODY[] {12}");
    QTest::addRow("literal announced, data missing") << QByteArray("* 1 FETCH (BODY[] {12}\r\nhello");
    QTest::addRow("literal complete, line missing") << QByteArray("* 1 FETCH (BODY[] {5}\r\nhello");
    QTest::addRow("second literal pending") << QByteArray("* 1 FETCH (BODY[1] {1}\r\na BODY[2] {100}\r\n");
}

void TestImapParser::waiting()
{
    QFETCH(QByteArray, input);

    ImapParser parser;
    parser.feed(input);
    QVERIFY(!parser.takeResponse());
    QVERIFY2(!parser.hasError(), qPrintable(parser.error().reason));
    QCOMPARE(parser.bufferedBytes(), input.size());
}

void TestImapParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("goodResponses");   // parsed before the error
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qsizetype>("maxLine");
    QTest::addColumn<qint64>("maxLiteral");

    const qsizetype line = ImapParser::DefaultMaxLineLength;
    const qint64 literal = ImapParser::DefaultMaxLiteralSize;
    auto row = [&](const char *name, const QByteArray &input, int good, qsizetype offset, const QString &reason) {
        QTest::addRow("%s", name) << input << good << offset << reason << line << literal;
    };

    row("garbage after a tagged status", "a1 OK done\r\n)))\r\n", 1, 12, QStringLiteral("malformed tag"));
    row("unknown tagged status", "a1 FOO bar\r\n", 0, 3, QStringLiteral("unknown tagged status \"FOO\""));
    row("tagged BYE", "a1 BYE x\r\n", 0, 3, QStringLiteral("unknown tagged status"));
    row("tag only", "a1\r\n", 0, 2, QStringLiteral("expected a space"));
    row("empty line", "\r\n", 0, 0, QStringLiteral("malformed tag"));
    row("star alone", "*\r\n", 0, 1, QStringLiteral("expected a space"));
    row("junk after EXISTS", "* 5 EXISTS junk\r\n", 0, 11, QStringLiteral("unexpected data \"junk\""));
    row("junk after FETCH", "* 1 FETCH (UID 5) x\r\n", 0, 18, QStringLiteral("unexpected data"));
    row("UID not a number", "* 1 FETCH (UID abc)\r\n", 0, 15, QStringLiteral("expected a number"));
    row("UID beyond 32 bits", "* 1 FETCH (UID 4294967296)\r\n", 0, 15, QStringLiteral("larger than 4294967295"));
    row("sequence number beyond 32 bits", "* 4294967296 EXISTS\r\n", 0, 2, QStringLiteral("larger than"));
    row("MODSEQ beyond 64 bits", "* 1 FETCH (MODSEQ (18446744073709551616))\r\n", 0, 18,
        QStringLiteral("MODSEQ needs a parenthesised number"));
    row("FETCH without list", "* 1 FETCH UID 5\r\n", 0, 10, QStringLiteral("expected '('"));
    row("unterminated FETCH", "* 1 FETCH (UID 5\r\n", 0, 10, QStringLiteral("unterminated FETCH list"));
    row("FETCH items not separated", "* 1 FETCH (FLAGS ()UID 5)\r\n", 0, 19, QStringLiteral("expected a space or ')'"));
    row("unterminated list", "* FLAGS (\\Seen\r\n", 0, 8, QStringLiteral("unterminated list"));
    row("flag that is a string", "* FLAGS (\"x\")\r\n", 0, 8, QStringLiteral("list of flags"));
    row("unterminated quote on a complete line", "* LIST () \"/\" \"INBOX\r\n", 0, 14,
        QStringLiteral("unterminated quoted string"));
    row("LIST delimiter not a string", "* LIST () / INBOX\r\n", 0, 10, QStringLiteral("hierarchy delimiter"));
    row("UIDVALIDITY not a number", "* OK [UIDVALIDITY abc] x\r\n", 0, 18,
        QStringLiteral("UIDVALIDITY needs a number"));
    row("UIDNEXT beyond 32 bits", "* OK [UIDNEXT 4294967296] x\r\n", 0, 14, QStringLiteral("UIDNEXT needs a number"));
    row("unterminated response code", "* OK [ALERT\r\n", 0, 5, QStringLiteral("unterminated response code"));
    row("bad PERMANENTFLAGS", "* OK [PERMANENTFLAGS \\Seen] x\r\n", 0, 21, QStringLiteral("expected '('"));
    row("bad INTERNALDATE", "* 1 FETCH (INTERNALDATE \"31-Foo-2024 00:00:00 +0000\")\r\n", 0, 24,
        QStringLiteral("malformed INTERNALDATE"));
    row("INTERNALDATE on 30 February", "* 1 FETCH (INTERNALDATE \"30-Feb-2024 00:00:00 +0000\")\r\n", 0, 24,
        QStringLiteral("malformed INTERNALDATE"));
    row("ENVELOPE too short", "* 1 FETCH (ENVELOPE (NIL NIL))\r\n", 0, 20, QStringLiteral("malformed ENVELOPE"));
    row("ENVELOPE address of three", "* 1 FETCH (ENVELOPE (NIL NIL ((NIL NIL NIL)) NIL NIL NIL NIL NIL NIL NIL))\r\n", 0,
        20, QStringLiteral("malformed ENVELOPE"));
    row("BODYSTRUCTURE not a list", "* 1 FETCH (BODYSTRUCTURE NIL)\r\n", 0, 25, QStringLiteral("needs a list"));
    row("BODY[] an atom", "* 1 FETCH (BODY[] abc)\r\n", 0, 18, QStringLiteral("expected a string or NIL"));
    row("unterminated section", "* 1 FETCH (BODY[HEADER \"x\r\n", 0, 15, QStringLiteral("unterminated section"));
    row("bad literal length", "* 1 FETCH (BODY[] {12a}\r\n", 0, 18, QStringLiteral("malformed literal length"));
    row("literal length without digits", "* 1 FETCH (BODY[] {+}\r\n", 0, 18, QStringLiteral("malformed literal length"));
    row("literal length with inner plus", "* 1 FETCH (BODY[] {1+2}\r\n", 0, 18,
        QStringLiteral("malformed literal length"));
    row("literal not at the end of its line", "* 1 FETCH (BODY[] {3}abc)\r\n", 0, 18,
        QStringLiteral("must end the line"));
    row("literal too large", "* 1 FETCH (BODY[] {999999999999}\r\n", 0, 18,
        QStringLiteral("literal of 999999999999 bytes exceeds the maximum literal size of 67108864 bytes"));
    row("literal length beyond 64 bits", "* 1 FETCH (BODY[] {123456789012345678901234567890}\r\n", 0, 18,
        QStringLiteral("exceeds the maximum literal size"));
    row("STATUS odd items", "* STATUS INBOX (MESSAGES)\r\n", 0, 15, QStringLiteral("name-value pairs"));
    row("SEARCH garbage", "* SEARCH 1 x\r\n", 0, 11, QStringLiteral("expected a number"));
    row("SEARCH bad MODSEQ", "* SEARCH 1 (MODSEQ x)\r\n", 0, 11, QStringLiteral("(MODSEQ n)"));
    row("ESEARCH star in ALL", "* ESEARCH (TAG \"t\") UID ALL 1:*\r\n", 0, 28, QStringLiteral("sequence set"));
    row("ESEARCH zero in ALL", "* ESEARCH (TAG \"t\") UID ALL 0:5\r\n", 0, 28, QStringLiteral("bad sequence set"));
    row("ESEARCH UID beyond 32 bits", "* ESEARCH (TAG \"t\") UID ALL 1:4294967296\r\n", 0, 28, QStringLiteral("bad sequence set"));
    row("ESEARCH empty range end", "* ESEARCH (TAG \"t\") UID ALL 1:,3\r\n", 0, 28, QStringLiteral("bad sequence set"));
    row("ESEARCH three ends", "* ESEARCH (TAG \"t\") UID ALL 1:2:3\r\n", 0, 28, QStringLiteral("bad sequence set"));
    row("ESEARCH leading zero", "* ESEARCH (TAG \"t\") UID ALL 01\r\n", 0, 28, QStringLiteral("bad sequence set"));
    row("ESEARCH bad TAG list", "* ESEARCH (TAG a3 x) UID\r\n", 0, 10, QStringLiteral("(TAG"));
    row("ESEARCH COUNT not a number", "* ESEARCH COUNT x\r\n", 0, 16, QStringLiteral("expected a number"));
    row("stray close parenthesis", "* X a)\r\n", 0, 5, QStringLiteral("expected a space"));
    row("VANISHED without UIDs", "* VANISHED\r\n", 0, 10, QStringLiteral("expected a space"));
    row("VANISHED (EARLIER) without UIDs", "* VANISHED (EARLIER)\r\n", 0, 20, QStringLiteral("expected a space"));
    row("VANISHED star", "* VANISHED 1:*\r\n", 0, 11, QStringLiteral("bad UID set in VANISHED"));
    row("VANISHED zero", "* VANISHED 0\r\n", 0, 11, QStringLiteral("bad UID set in VANISHED"));
    row("VANISHED empty item", "* VANISHED 1,,2\r\n", 0, 11, QStringLiteral("bad UID set in VANISHED"));
    row("VANISHED trailing comma", "* VANISHED 1,\r\n", 0, 11, QStringLiteral("bad UID set in VANISHED"));
    row("VANISHED beyond 32 bits", "* VANISHED 4294967296\r\n", 0, 11, QStringLiteral("bad UID set in VANISHED"));
    row("VANISHED letters", "* VANISHED abc\r\n", 0, 11, QStringLiteral("bad UID set in VANISHED"));
    row("VANISHED other tag", "* VANISHED (LATER) 1\r\n", 0, 11, QStringLiteral("expected (EARLIER)"));
    row("VANISHED junk after the set", "* VANISHED 1 2\r\n", 0, 13, QStringLiteral("unexpected data \"2\""));
    row("VANISHED whole UID space", "* VANISHED 1:4294967295\r\n", 0, 11,
        QStringLiteral("VANISHED of 4294967295 UIDs, more than 10000000"));
    row("VANISHED ranges adding up", "* VANISHED 1:6000000,7000000:12000000\r\n", 0, 11,
        QStringLiteral("VANISHED of 11000001 UIDs, more than 10000000"));
    row("APPENDUID without a UID", "a1 OK [APPENDUID 38505] x\r\n", 0, 17, QStringLiteral("APPENDUID needs"));
    row("APPENDUID zero validity", "a1 OK [APPENDUID 0 5] x\r\n", 0, 17, QStringLiteral("APPENDUID needs"));
    row("APPENDUID bad UID", "a1 OK [APPENDUID 1 x] x\r\n", 0, 17, QStringLiteral("APPENDUID needs"));
    row("error after good responses", "* 1 EXISTS\r\n* 2 RECENT\r\n* 3 BOGUS (\r\n", 2, 34,
        QStringLiteral("unterminated list"));

    QTest::addRow("line too long, complete") << QByteArray("* OK " + QByteArray(20, 'x') + "\r\n") << 0 << qsizetype(0)
                                             << QStringLiteral("maximum line length of 16 bytes") << qsizetype(16)
                                             << literal;
    QTest::addRow("line too long, still arriving")
        << QByteArray("* OK " + QByteArray(100, 'x')) << 0 << qsizetype(0)
        << QStringLiteral("maximum line length of 16 bytes") << qsizetype(16) << literal;
    QTest::addRow("line after a literal too long")
        << QByteArray("* 1 FETCH (BODY[] {2}\r\nab" + QByteArray(40, ' ') + ")\r\n") << 0 << qsizetype(25)
        << QStringLiteral("maximum line length of 32 bytes") << qsizetype(32) << literal;
    QTest::addRow("line too long, default limit")
        << QByteArray("* OK " + QByteArray(ImapParser::DefaultMaxLineLength, 'x') + "\r\n") << 0 << qsizetype(0)
        << QStringLiteral("maximum line length of 65536 bytes") << line << literal;
    QTest::addRow("literal over a configured limit") << QByteArray("* 1 FETCH (BODY[] {1025}\r\n") << 0 << qsizetype(18)
                                                     << QStringLiteral("maximum literal size of 1024 bytes") << line
                                                     << qint64(1024);
}

void TestImapParser::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, goodResponses);
    QFETCH(qsizetype, offset);
    QFETCH(QString, reason);
    QFETCH(qsizetype, maxLine);
    QFETCH(qint64, maxLiteral);

    ImapParser parser(maxLine, maxLiteral);
    QCOMPARE(parser.maxLineLength(), maxLine);
    QCOMPARE(parser.maxLiteralSize(), maxLiteral);
    const QList<ImapResponse> responses = parseAll(input, parser);
    QCOMPARE(responses.size(), goodResponses);
    QVERIFY(parser.hasError());
    QVERIFY2(parser.error().reason.contains(reason), qPrintable(parser.error().reason));
    QCOMPARE(parser.error().offset, offset);
}

void TestImapParser::manyLiteralsHitTheResponseLimit()
{
    // Each literal is within its own limit; together they are not.
    ImapParser parser(64, 10);
    parser.setMaxResponseSize(59);
    QCOMPARE(parser.maxResponseSize(), qint64(59));
    const QByteArray first = "* 1 FETCH (BODY[1] {10}\r\n0123456789";   // 35 bytes so far
    const QByteArray second = " BODY[2] {10}\r\n0123456789";             // announcing it makes 60
    parser.feed(first + second + ")\r\n");
    QVERIFY(!parser.takeResponse());
    QVERIFY(parser.hasError());
    QVERIFY2(parser.error().reason.contains(QStringLiteral("maximum response size of 59 bytes")),
             qPrintable(parser.error().reason));
    QCOMPARE(parser.error().offset, qsizetype(first.size() + 9));

    // Exactly at the limit is accepted.
    ImapParser exact(64, 10);
    exact.setMaxResponseSize(60); // the final line is bounded by the line limit, not counted here
    const QList<ImapResponse> responses = parseAll(first + second + ")\r\n", exact);
    QVERIFY2(!exact.hasError(), qPrintable(exact.error().reason));
    QCOMPARE(responses.size(), 1);

    // Unless set, the limit follows the other two.
    ImapParser derived(100, 1000);
    QCOMPARE(derived.maxResponseSize(), qint64(1000 + 4 * 100));
}

void TestImapParser::hugeLiteralIsRefusedBeforeItsData()
{
    // The error comes from the length line alone: nothing waits for (or
    // reserves) the claimed bytes.
    ImapParser parser;
    parser.feed("* 1 FETCH (BODY[] {68719476736}\r\n");
    QVERIFY(!parser.takeResponse());
    QVERIFY(parser.hasError());
    QVERIFY(parser.error().reason.contains(QStringLiteral("maximum literal size")));
    QCOMPARE(parser.bufferedBytes(), qsizetype(strlen("* 1 FETCH (BODY[] {68719476736}\r\n")));

    // A literal exactly at the limit is accepted.
    ImapParser exact(ImapParser::DefaultMaxLineLength, 8);
    const auto r = parseAll("* 1 FETCH (BODY[] {8}\r\n12345678)\r\n", exact);
    QVERIFY(!exact.hasError());
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().fetch.sections.value(""), QByteArray("12345678"));

    // A smaller limit set later applies to the next literal.
    exact.setMaxLiteralSize(4);
    QCOMPARE(exact.maxLiteralSize(), 4);
    exact.feed("* 2 FETCH (BODY[] {5}\r\n");
    QVERIFY(!exact.takeResponse());
    QVERIFY(exact.hasError());
}

void TestImapParser::longLiteralIsNotALongLine()
{
    ImapParser parser(64);
    const QByteArray body(100000, 'b');
    parser.feed("* 1 FETCH (BODY[] {100000}\r\n");
    QVERIFY(!parser.takeResponse());
    for (qsizetype i = 0; i < body.size(); i += 4096) {
        parser.feed(QByteArrayView(body).sliced(i, qMin<qsizetype>(4096, body.size() - i)));
        QVERIFY(!parser.takeResponse());
    }
    parser.feed(" UID 1)\r\n");
    const auto r = parser.takeResponse();
    QVERIFY2(!parser.hasError(), qPrintable(parser.error().reason));
    QVERIFY(r);
    QCOMPARE(r->fetch.sections.value("").size(), body.size());
    QCOMPARE(r->fetch.uid, std::optional<quint32>(1));
}

void TestImapParser::offsetsSurviveCompaction()
{
    // Many responses, fed and taken one by one so the buffer is trimmed in
    // between; the error offset still counts from the start of the stream.
    ImapParser parser;
    const QByteArray line = "* 1 EXISTS\r\n";
    for (int i = 0; i < 1000; ++i) {
        parser.feed(line);
        QVERIFY(parser.takeResponse());
    }
    parser.feed("* 2 EXISTS x\r\n");
    QVERIFY(!parser.takeResponse());
    QVERIFY(parser.hasError());
    QCOMPARE(parser.error().offset, 1000 * line.size() + 11);
}

void TestImapParser::stickyErrorAndReset()
{
    ImapParser parser;
    parser.feed("a1 WHAT\r\n");
    QVERIFY(!parser.takeResponse());
    QVERIFY(parser.hasError());
    parser.feed("* 1 EXISTS\r\n");
    QVERIFY(!parser.takeResponse());
    QCOMPARE(parser.error().offset, 3);

    parser.reset();
    QVERIFY(!parser.hasError());
    QCOMPARE(parser.bufferedBytes(), 0);
    parser.feed("* 1 EXISTS\r\nbad\r\n");
    const auto r = parser.takeResponse();
    QVERIFY(r);
    QCOMPARE(r->number, 1u);
    QVERIFY(!parser.takeResponse());
    QCOMPARE(parser.error().offset, 15);   // counted from the reset
}

void TestImapParser::adversarial_data()
{
    // Odd but possible server bytes, each fed in two chunks split at every
    // position. The fuzz target (tests/fuzz/fuzz_imapparser.cpp) found no
    // crash; inputs it finds in future belong here.
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("responses");
    QTest::addColumn<bool>("error");

    const QByteArray deep = QByteArray(ImapParser::MaxNestingDepth - 1, '(') + QByteArray(ImapParser::MaxNestingDepth - 1, ')');
    QTest::addRow("NUL bytes in status text") << QByteArray("* OK \0\0\r\n", 9) << 1 << false;
    QTest::addRow("NUL byte in an atom") << QByteArray("* X a\0b\r\n", 10) << 0 << true;
    QTest::addRow("lone CR in text") << QByteArray("a1 OK x\ry\r\n") << 1 << false;
    QTest::addRow("chain of empty literals") << QByteArray("* X {0}\r\n {0}\r\n {0+}\r\n\r\n* 1 EXISTS\r\n") << 2 << false;
    QTest::addRow("tilde without a brace") << QByteArray("* X ~ a~\r\n") << 1 << false;
    QTest::addRow("origin beyond 32 bits") << QByteArray("* 1 FETCH (BODY[]<4294967296> \"x\")\r\n") << 0 << true;
    QTest::addRow("literal in a response code is not framed")
        << QByteArray("* OK [X {3}\r\nabc]\r\n") << 0 << true;
    QTest::addRow("deep BODYSTRUCTURE") << QByteArray("* 1 FETCH (BODYSTRUCTURE (" + deep + "))\r\n") << 1 << false;
    QTest::addRow("literal length of zeros") << QByteArray("* X {000}\r\n\r\n") << 1 << false;
    QTest::addRow("close bracket in a FETCH name") << QByteArray("* 1 FETCH (a]b 1)\r\n") << 0 << true;
    QTest::addRow("empty section and origin") << QByteArray("* 1 FETCH (BODY[]<> \"x\")\r\n") << 0 << true;
}

void TestImapParser::adversarial()
{
    QFETCH(QByteArray, input);
    QFETCH(int, responses);
    QFETCH(bool, error);

    for (qsizetype split = 0; split <= input.size(); ++split) {
        ImapParser parser;
        int count = 0;
        parser.feed(QByteArrayView(input).first(split));
        while (auto r = parser.takeResponse())
            count += r->fetch.attachmentCount() + 1;   // also walks BODYSTRUCTURE
        parser.feed(QByteArrayView(input).sliced(split));
        while (auto r = parser.takeResponse())
            count += r->fetch.attachmentCount() + 1;
        QVERIFY2(parser.hasError() == error, qPrintable(QStringLiteral("split %1: %2").arg(split).arg(parser.error().reason)));
        QCOMPARE(count, responses);
    }
}

// ---------------------------------------------------------------- writer

void TestImapParser::tags()
{
    ImapTagGenerator tags;
    QCOMPARE(tags.next(), QByteArray("a1"));
    QCOMPARE(tags.next(), QByteArray("a2"));
    QCOMPARE(tags.next(), QByteArray("a3"));
    tags.reset();
    QCOMPARE(tags.next(), QByteArray("a1"));
    ImapTagGenerator other("m");
    QCOMPARE(other.next(), QByteArray("m1"));
}

void TestImapParser::astringForm_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("form");

    const int atom = int(ImapWriter::StringForm::Atom);
    const int quoted = int(ImapWriter::StringForm::Quoted);
    const int literal = int(ImapWriter::StringForm::Literal);
    QTest::addRow("plain user") << QByteArray("tech@plant.test") << atom;
    QTest::addRow("bracket allowed in astring") << QByteArray("a]b") << atom;
    QTest::addRow("empty") << QByteArray() << quoted;
    QTest::addRow("NIL would read as nil") << QByteArray("nil") << quoted;
    QTest::addRow("space") << QByteArray("pass word") << quoted;
    QTest::addRow("quote") << QByteArray("pa\"ss") << quoted;
    QTest::addRow("backslash") << QByteArray("pa\\ss") << quoted;
    QTest::addRow("list wildcard") << QByteArray("50%") << quoted;
    QTest::addRow("parenthesis") << QByteArray("a(b") << quoted;
    QTest::addRow("brace") << QByteArray("{5}") << quoted;
    QTest::addRow("non-ASCII") << QByteArray("p\xc3\xa4ss") << literal;
    QTest::addRow("CR LF") << QByteArray("a\r\nb") << literal;
    QTest::addRow("NUL") << QByteArray("a\0b", 3) << literal;
    QTest::addRow("1024 bytes quoted") << QByteArray(1023, ' ') + 'x' << quoted;
    QTest::addRow("1025 bytes literal") << QByteArray(1024, ' ') + 'x' << literal;
}

void TestImapParser::astringForm()
{
    QFETCH(QByteArray, value);
    QFETCH(int, form);
    QCOMPARE(int(ImapWriter::astringForm(value)), form);
}

void TestImapParser::encodeAstring_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QList<QByteArray>>("pieces");

    const int sync = int(ImapLiteralMode::Synchronizing);
    const int plus = int(ImapLiteralMode::LiteralPlus);
    const int minus = int(ImapLiteralMode::LiteralMinus);
    QTest::addRow("atom") << QByteArray("user") << sync << QList<QByteArray>{"user"};
    QTest::addRow("quoted with escapes") << QByteArray("a \"b\" \\c") << sync
                                         << QList<QByteArray>{"\"a \\\"b\\\" \\\\c\""};
    QTest::addRow("empty") << QByteArray() << sync << QList<QByteArray>{"\"\""};
    QTest::addRow("synchronising literal") << QByteArray("p\xc3\xa4ss") << sync
                                           << QList<QByteArray>{"{5}\r\n", "p\xc3\xa4ss"};
    QTest::addRow("LITERAL+") << QByteArray("p\xc3\xa4ss") << plus << QList<QByteArray>{"{5+}\r\np\xc3\xa4ss"};
    QTest::addRow("LITERAL- small") << QByteArray("p\xc3\xa4ss") << minus << QList<QByteArray>{"{5+}\r\np\xc3\xa4ss"};
    const QByteArray big = QByteArray(4096, 'x') + "\r\n";
    QTest::addRow("LITERAL- above 4096") << big << minus << QList<QByteArray>{"{4098}\r\n", big};
    QTest::addRow("LITERAL+ above 4096") << big << plus << QList<QByteArray>{"{4098+}\r\n" + big};
}

void TestImapParser::encodeAstring()
{
    QFETCH(QByteArray, value);
    QFETCH(int, mode);
    QFETCH(QList<QByteArray>, pieces);
    QCOMPARE(ImapWriter::encodeAstring(value, ImapLiteralMode(mode)), pieces);
}

void TestImapParser::login_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QList<QByteArray>>("parts");
    QTest::addColumn<QByteArray>("logText");

    const int sync = int(ImapLiteralMode::Synchronizing);
    QTest::addRow("atoms") << QStringLiteral("tech") << QStringLiteral("s3cret") << sync
                           << QList<QByteArray>{"a1 LOGIN tech s3cret\r\n"} << QByteArray("a1 LOGIN tech <redacted>");
    QTest::addRow("space, quote and backslash")
        << QStringLiteral("tech@plant.test") << QStringLiteral("my \"pass\\word") << sync
        << QList<QByteArray>{"a1 LOGIN tech@plant.test \"my \\\"pass\\\\word\"\r\n"}
        << QByteArray("a1 LOGIN tech@plant.test <redacted>");
    QTest::addRow("non-ASCII password, synchronising")
        << QStringLiteral("tech") << QStringLiteral("gr\u00fcn 1") << sync
        << QList<QByteArray>{"a1 LOGIN tech {7}\r\n", "gr\xc3\xbcn 1\r\n"} << QByteArray("a1 LOGIN tech <redacted>");
    QTest::addRow("non-ASCII password, LITERAL+")
        << QStringLiteral("tech") << QStringLiteral("gr\u00fcn") << int(ImapLiteralMode::LiteralPlus)
        << QList<QByteArray>{"a1 LOGIN tech {5+}\r\ngr\xc3\xbcn\r\n"} << QByteArray("a1 LOGIN tech <redacted>");
    QTest::addRow("non-ASCII user and password")
        << QStringLiteral("j\u00f6rg") << QStringLiteral("\u00e9") << sync
        << QList<QByteArray>{"a1 LOGIN {5}\r\n", "j\xc3\xb6rg {2}\r\n", "\xc3\xa9\r\n"}
        << QByteArray("a1 LOGIN {5}\r\nj\xc3\xb6rg <redacted>");
    QTest::addRow("empty password") << QStringLiteral("tech") << QString() << sync
                                    << QList<QByteArray>{"a1 LOGIN tech \"\"\r\n"} << QByteArray("a1 LOGIN tech <redacted>");
}

void TestImapParser::login()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(int, mode);
    QFETCH(QList<QByteArray>, parts);
    QFETCH(QByteArray, logText);

    const ImapCommand cmd = ImapWriter::login("a1", user, password, ImapLiteralMode(mode));
    QCOMPARE(cmd.tag, QByteArray("a1"));
    QCOMPARE(cmd.parts, parts);
    QCOMPARE(cmd.needsContinuation(), parts.size() > 1);
    QCOMPARE(cmd.logText, logText);
    if (!password.isEmpty())
        QVERIFY(!cmd.logText.contains(password.toUtf8()));
}

void TestImapParser::authenticate()
{
    const QByteArray plain = QByteArray("\0tech\0s3cret", 12).toBase64();
    const ImapCommand ir = ImapWriter::authenticatePlain("a2", QStringLiteral("tech"), QStringLiteral("s3cret"), true);
    QCOMPARE(ir.parts, QList<QByteArray>{"a2 AUTHENTICATE PLAIN " + plain + "\r\n"});
    QCOMPARE(ir.logText, QByteArray("a2 AUTHENTICATE PLAIN <redacted>"));

    const ImapCommand noIr = ImapWriter::authenticatePlain("a2", QStringLiteral("tech"), QStringLiteral("s3cret"), false);
    QCOMPARE(noIr.parts, (QList<QByteArray>{"a2 AUTHENTICATE PLAIN\r\n", plain + "\r\n"}));
    QVERIFY(noIr.needsContinuation());
    QCOMPARE(noIr.logText, QByteArray("a2 AUTHENTICATE PLAIN\r\n<redacted>"));

    const QByteArray xoauth = QByteArray("user=a@b.test\x01" "auth=Bearer ya29.tok\x01\x01").toBase64();
    const ImapCommand oauth = ImapWriter::authenticateXOAuth2("a3", QStringLiteral("a@b.test"), QStringLiteral("ya29.tok"), true);
    QCOMPARE(oauth.bytes(), "a3 AUTHENTICATE XOAUTH2 " + xoauth + "\r\n");
    QCOMPARE(oauth.logText, QByteArray("a3 AUTHENTICATE XOAUTH2 <redacted>"));
    QVERIFY(!oauth.logText.contains("ya29"));
}

void TestImapParser::commands_data()
{
    QTest::addColumn<ImapCommand>("command");
    QTest::addColumn<QByteArray>("bytes");

    QTest::addRow("CAPABILITY") << ImapWriter::capability("a1") << QByteArray("a1 CAPABILITY\r\n");
    QTest::addRow("NOOP") << ImapWriter::noop("a2") << QByteArray("a2 NOOP\r\n");
    QTest::addRow("LOGOUT") << ImapWriter::logout("a3") << QByteArray("a3 LOGOUT\r\n");
    QTest::addRow("STARTTLS") << ImapWriter::startTls("a4") << QByteArray("a4 STARTTLS\r\n");
    QTest::addRow("SELECT INBOX") << ImapWriter::select("a5", QStringLiteral("INBOX")) << QByteArray("a5 SELECT \"INBOX\"\r\n");
    QTest::addRow("SELECT CONDSTORE") << ImapWriter::select("a5", QStringLiteral("INBOX"), true)
                                      << QByteArray("a5 SELECT \"INBOX\" (CONDSTORE)\r\n");
    QTest::addRow("SELECT non-ASCII with quote")
        << ImapWriter::select("a5", QStringLiteral("Entw\u00fcrfe \"alt\""))
        << QByteArray("a5 SELECT \"Entw&APw-rfe \\\"alt\\\"\"\r\n");
    QTest::addRow("UID SEARCH") << ImapWriter::uidSearch("a6", "UNSEEN") << QByteArray("a6 UID SEARCH UNSEEN\r\n");
    QTest::addRow("UID FETCH") << ImapWriter::uidFetch("a7", ImapWriter::formatUidSet({3, 1, 2, 9}),
                                                       {"UID", "FLAGS", "ENVELOPE", "BODY.PEEK[]"})
                               << QByteArray("a7 UID FETCH 1:3,9 (UID FLAGS ENVELOPE BODY.PEEK[])\r\n");
    QTest::addRow("UID STORE +FLAGS.SILENT")
        << ImapWriter::uidStore("a8", "42", ImapWriter::StoreMode::Add, true, {"\\Seen"})
        << QByteArray("a8 UID STORE 42 +FLAGS.SILENT (\\Seen)\r\n");
    QTest::addRow("UID STORE -FLAGS") << ImapWriter::uidStore("a8", "1:2", ImapWriter::StoreMode::Remove, false,
                                                              {"\\Seen", "\\Flagged"})
                                      << QByteArray("a8 UID STORE 1:2 -FLAGS (\\Seen \\Flagged)\r\n");
    QTest::addRow("UID STORE FLAGS") << ImapWriter::uidStore("a8", "7", ImapWriter::StoreMode::Replace, false, {})
                                     << QByteArray("a8 UID STORE 7 FLAGS ()\r\n");
    QTest::addRow("IDLE") << ImapWriter::idle("a9") << QByteArray("a9 IDLE\r\n");
    QTest::addRow("DONE") << ImapWriter::done() << QByteArray("DONE\r\n");
    QTest::addRow("SELECT QRESYNC") << ImapWriter::selectQresync("a5", QStringLiteral("INBOX"), 67890007, 20050715194045000)
                                    << QByteArray("a5 SELECT \"INBOX\" (QRESYNC (67890007 20050715194045000))\r\n");
    QTest::addRow("ENABLE") << ImapWriter::enable("a2", {"QRESYNC"}) << QByteArray("a2 ENABLE QRESYNC\r\n");
    QTest::addRow("CREATE") << ImapWriter::create("a3", QStringLiteral("Archive/2024")) << QByteArray("a3 CREATE \"Archive/2024\"\r\n");
    QTest::addRow("CREATE non-ASCII") << ImapWriter::create("a3", QStringLiteral("\u00c9l\u00e9ments envoy\u00e9s"))
                                      << QByteArray("a3 CREATE \"&AMk-l&AOk-ments envoy&AOk-s\"\r\n");
    QTest::addRow("LIST") << ImapWriter::list("a4", false) << QByteArray("a4 LIST \"\" \"*\"\r\n");
    QTest::addRow("LIST SPECIAL-USE") << ImapWriter::list("a4", true)
                                      << QByteArray("a4 LIST \"\" \"*\" RETURN (SPECIAL-USE)\r\n");
    QTest::addRow("UID FETCH CHANGEDSINCE") << ImapWriter::uidFetchChangedSince("a7", "1:*", {"UID", "FLAGS"}, 12345, false)
                                            << QByteArray("a7 UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 12345)\r\n");
    QTest::addRow("UID FETCH CHANGEDSINCE VANISHED")
        << ImapWriter::uidFetchChangedSince("a7", "1:*", {"UID", "FLAGS"}, 12345, true)
        << QByteArray("a7 UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n");
    QTest::addRow("builder: APPEND with a literal")
        << ImapCommandBuilder("a10", ImapLiteralMode::LiteralPlus).raw("APPEND ").mailbox(QStringLiteral("Sent")).raw(" ")
               .astring("Subject: x\r\n\r\nhi\r\n").finish()
        << QByteArray("a10 APPEND \"Sent\" {18+}\r\nSubject: x\r\n\r\nhi\r\n\r\n");
}

void TestImapParser::commands()
{
    QFETCH(ImapCommand, command);
    QFETCH(QByteArray, bytes);
    QCOMPARE(command.bytes(), bytes);
    QCOMPARE(command.parts.size(), 1);
    QVERIFY(!command.needsContinuation());
    QByteArray withoutCrlf = bytes;
    withoutCrlf.chop(2);
    QCOMPARE(command.logText, withoutCrlf);   // nothing secret: logged as sent
    QCOMPARE(command.tag, bytes.startsWith("DONE") ? QByteArray() : bytes.left(bytes.indexOf(' ')));
}

void TestImapParser::uidSet_data()
{
    QTest::addColumn<QList<quint32>>("uids");
    QTest::addColumn<QByteArray>("set");

    QTest::addRow("empty") << QList<quint32>{} << QByteArray();
    QTest::addRow("one") << QList<quint32>{7} << QByteArray("7");
    QTest::addRow("brief's example") << QList<quint32>{1, 2, 3, 4, 5, 8, 10, 11, 12} << QByteArray("1:5,8,10:12");
    QTest::addRow("unsorted with duplicates") << QList<quint32>{12, 1, 5, 3, 2, 4, 10, 11, 8, 5, 1}
                                              << QByteArray("1:5,8,10:12");
    QTest::addRow("pairs") << QList<quint32>{1, 2, 4, 5} << QByteArray("1:2,4:5");
    QTest::addRow("zero dropped") << QList<quint32>{0, 1} << QByteArray("1");
    QTest::addRow("top of range") << QList<quint32>{4294967294u, 4294967295u, 1} << QByteArray("1,4294967294:4294967295");
}

void TestImapParser::uidSet()
{
    QFETCH(QList<quint32>, uids);
    QFETCH(QByteArray, set);
    QCOMPARE(ImapWriter::formatUidSet(uids), set);
}

void TestImapParser::mailboxNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("encoded");

    QTest::addRow("ASCII") << QStringLiteral("INBOX") << QByteArray("INBOX");
    QTest::addRow("ampersand") << QStringLiteral("R&D") << QByteArray("R&-D");
    QTest::addRow("umlaut") << QStringLiteral("Entw\u00fcrfe") << QByteArray("Entw&APw-rfe");
    QTest::addRow("RFC 3501 example") << QStringLiteral("~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e")
                                      << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    QTest::addRow("emoji (surrogate pair)") << QStringLiteral("Alarme \U0001F6A8") << QByteArray("Alarme &2D3eqA-");
    QTest::addRow("French Sent folder") << QStringLiteral("\u00c9l\u00e9ments envoy\u00e9s")
                                        << QByteArray("&AMk-l&AOk-ments envoy&AOk-s");
    QTest::addRow("run of non-ASCII with a space inside") << QStringLiteral("\u65e5 \u672c")
                                                          << QByteArray("&ZeU- &Zyw-");
    QTest::addRow("ampersand next to non-ASCII") << QStringLiteral("&\u00e9&") << QByteArray("&-&AOk-&-");
    QTest::addRow("empty") << QString() << QByteArray();
}

void TestImapParser::mailboxNames()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, encoded);
    QCOMPARE(ImapWriter::encodeMailboxName(name), encoded);
    QCOMPARE(ImapWriter::decodeMailboxName(encoded), name);
    // Malformed input is shown as is rather than lost.
    QCOMPARE(ImapWriter::decodeMailboxName("bad&AP"), QStringLiteral("bad&AP"));
    QCOMPARE(ImapWriter::decodeMailboxName("odd&AA-"), QStringLiteral("odd&AA-"));
}

void TestImapParser::mailboxNameDecodingIsLenient()
{
    // What a server should not send is shown as is, never dropped and never a crash.
    QCOMPARE(ImapWriter::decodeMailboxName("no end &AOk"), QStringLiteral("no end &AOk"));
    QCOMPARE(ImapWriter::decodeMailboxName("not base64 &A!k-"), QStringLiteral("not base64 &A!k-"));
    QCOMPARE(ImapWriter::decodeMailboxName("odd byte count &AOkA-"), QStringLiteral("odd byte count &AOkA-"));
    QCOMPARE(ImapWriter::decodeMailboxName("&-&-"), QStringLiteral("&&"));
    QCOMPARE(ImapWriter::decodeMailboxName("caf\xc3\xa9"), QStringLiteral("caf\u00c3\u00a9"));   // 8-bit: as Latin-1
}

void TestImapParser::uidSetParse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("ranges");   // "first-last" each
    QTest::addColumn<quint64>("count");

    QTest::addRow("one") << QByteArray("7") << true << QByteArray("7-7") << quint64(1);
    QTest::addRow("brief's example") << QByteArray("1:5,7,9:12") << true << QByteArray("1-5 7-7 9-12") << quint64(10);
    QTest::addRow("reversed range") << QByteArray("12:9") << true << QByteArray("9-12") << quint64(4);
    QTest::addRow("single-UID range") << QByteArray("3:3") << true << QByteArray("3-3") << quint64(1);
    QTest::addRow("overlap counts twice") << QByteArray("1:3,2:4") << true << QByteArray("1-3 2-4") << quint64(6);
    QTest::addRow("whole UID space") << QByteArray("1:4294967295") << true << QByteArray("1-4294967295")
                                     << quint64(4294967295u);
    QTest::addRow("empty") << QByteArray() << false << QByteArray() << quint64(0);
    QTest::addRow("star") << QByteArray("1:*") << false << QByteArray() << quint64(0);
    QTest::addRow("zero") << QByteArray("0") << false << QByteArray() << quint64(0);
    QTest::addRow("leading zero") << QByteArray("01") << false << QByteArray() << quint64(0);
    QTest::addRow("beyond 32 bits") << QByteArray("4294967296") << false << QByteArray() << quint64(0);
    QTest::addRow("eleven digits") << QByteArray("10000000000") << false << QByteArray() << quint64(0);
    QTest::addRow("three ends") << QByteArray("1:2:3") << false << QByteArray() << quint64(0);
    QTest::addRow("open range") << QByteArray("1:") << false << QByteArray() << quint64(0);
    QTest::addRow("leading comma") << QByteArray(",1") << false << QByteArray() << quint64(0);
    QTest::addRow("double comma") << QByteArray("1,,2") << false << QByteArray() << quint64(0);
    QTest::addRow("space") << QByteArray("1, 2") << false << QByteArray() << quint64(0);
    QTest::addRow("sign") << QByteArray("+1") << false << QByteArray() << quint64(0);
}

void TestImapParser::uidSetParse()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, ranges);
    QFETCH(quint64, count);

    const std::optional<ImapUidSet> set = ImapUidSet::parse(text);
    QCOMPARE(set.has_value(), valid);
    if (!set)
        return;
    QList<QByteArray> got;
    for (const auto &[first, last] : set->ranges)
        got.append(QByteArray::number(first) + '-' + QByteArray::number(last));
    QCOMPARE(got.join(' '), ranges);
    QCOMPARE(set->count(), count);
    QCOMPARE(set->first(), set->ranges.first().first);
}

void TestImapParser::uidSetExpands()
{
    const std::optional<ImapUidSet> set = ImapUidSet::parse("9:7,1,4294967294:4294967295");
    QVERIFY(set);
    QCOMPARE(set->toList(), (QList<quint32>{7, 8, 9, 1, 4294967294u, 4294967295u}));   // the top UID does not wrap
    QVERIFY(ImapUidSet().isEmpty());
    QCOMPARE(ImapUidSet().first(), 0u);
    QVERIFY(ImapUidSet().toList().isEmpty());
    // Written and read back: the writer's set is the parser's.
    const QList<quint32> uids{1, 2, 3, 5, 8, 9, 10};
    QCOMPARE(ImapUidSet::parse(ImapWriter::formatUidSet(uids))->toList(), uids);
}

void TestImapParser::appendUidCode()
{
    ImapParser parser;
    const QList<ImapResponse> responses = parseAll("A003 OK [APPENDUID 38505 3955] APPEND completed\r\n"
                                                   "A004 OK [appenduid 7 10:12] MULTIAPPEND completed\r\n",
                                                   parser);
    QVERIFY2(!parser.hasError(), qPrintable(parser.error().reason));
    QCOMPARE(responses.size(), 2);
    QVERIFY(responses.at(0).hasCode("APPENDUID"));
    QCOMPARE(responses.at(0).code->number, quint64(38505));
    QCOMPARE(responses.at(0).code->uids.first(), 3955u);
    QCOMPARE(responses.at(1).code->number, quint64(7));
    QCOMPARE(responses.at(1).code->uids.toList(), (QList<quint32>{10, 11, 12}));
}

void TestImapParser::vanishedAtTheLimit()
{
    // Exactly the limit parses, and is kept as one range until someone expands it.
    ImapParser parser;
    const QList<ImapResponse> responses =
        parseAll("* VANISHED (EARLIER) 1:" + QByteArray::number(ImapParser::MaxVanishedUids) + "\r\n", parser);
    QVERIFY2(!parser.hasError(), qPrintable(parser.error().reason));
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.first().kind, Kind::Vanished);
    QCOMPARE(responses.first().uidSet.ranges.size(), 1);
    QCOMPARE(responses.first().uidSet.count(), ImapParser::MaxVanishedUids);
}

void TestImapParser::append_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QByteArrayList>("flags");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QList<QByteArray>>("parts");
    QTest::addColumn<QByteArray>("logText");

    const QByteArray msg = "Subject: x\r\n\r\nhi\r\n";   // 18 bytes
    QTest::addRow("LITERAL+ with flags")
        << int(ImapLiteralMode::LiteralPlus) << QByteArrayList{"\\Seen", "$Label1"} << msg
        << QList<QByteArray>{"a1 APPEND \"Sent\" (\\Seen $Label1) {18+}\r\n" + msg + "\r\n"}
        << QByteArray("a1 APPEND \"Sent\" (\\Seen $Label1) {18+}\r\n<literal, 18 bytes>");
    QTest::addRow("synchronising, no flags")
        << int(ImapLiteralMode::Synchronizing) << QByteArrayList{} << msg
        << QList<QByteArray>{"a1 APPEND \"Sent\" {18}\r\n", msg + "\r\n"} << QByteArray("a1 APPEND \"Sent\" {18}");
    QTest::addRow("LITERAL- small") << int(ImapLiteralMode::LiteralMinus) << QByteArrayList{} << msg
                                    << QList<QByteArray>{"a1 APPEND \"Sent\" {18+}\r\n" + msg + "\r\n"}
                                    << QByteArray("a1 APPEND \"Sent\" {18+}\r\n<literal, 18 bytes>");
    const QByteArray big = QByteArray(4097, 'x');
    QTest::addRow("LITERAL- above 4096") << int(ImapLiteralMode::LiteralMinus) << QByteArrayList{} << big
                                         << QList<QByteArray>{"a1 APPEND \"Sent\" {4097}\r\n", big + "\r\n"}
                                         << QByteArray("a1 APPEND \"Sent\" {4097}");
    // A short atom-like message is still a literal: APPEND takes nothing else (RFC 3501 6.3.11).
    QTest::addRow("atom-like message") << int(ImapLiteralMode::LiteralPlus) << QByteArrayList{} << QByteArray("hi")
                                       << QList<QByteArray>{"a1 APPEND \"Sent\" {2+}\r\nhi\r\n"}
                                       << QByteArray("a1 APPEND \"Sent\" {2+}\r\n<literal, 2 bytes>");
}

void TestImapParser::append()
{
    QFETCH(int, mode);
    QFETCH(QByteArrayList, flags);
    QFETCH(QByteArray, message);
    QFETCH(QList<QByteArray>, parts);
    QFETCH(QByteArray, logText);

    const ImapCommand cmd = ImapWriter::append("a1", QStringLiteral("Sent"), flags, message, ImapLiteralMode(mode));
    QCOMPARE(cmd.tag, QByteArray("a1"));
    QCOMPARE(cmd.parts, parts);
    QCOMPARE(cmd.needsContinuation(), parts.size() > 1);
    QCOMPARE(cmd.logText, logText);
}

void TestImapParser::flags_data()
{
    QTest::addColumn<QByteArray>("flag");
    QTest::addColumn<bool>("valid");
    QTest::addRow("system flag") << QByteArray("\\Seen") << true;
    QTest::addRow("keyword") << QByteArray("$Forwarded") << true;
    QTest::addRow("plain atom") << QByteArray("Junk") << true;
    QTest::addRow("empty") << QByteArray() << false;
    QTest::addRow("backslash alone") << QByteArray("\\") << false;
    QTest::addRow("two backslashes") << QByteArray("\\\\Seen") << false;
    QTest::addRow("space") << QByteArray("a b") << false;
    QTest::addRow("parenthesis") << QByteArray("a)") << false;
    QTest::addRow("close bracket") << QByteArray("a]") << false;
    QTest::addRow("CRLF") << QByteArray("a\r\nb2 LOGOUT") << false;
    QTest::addRow("wildcard") << QByteArray("\\*") << false;
    QTest::addRow("8-bit") << QByteArray("caf\xc3\xa9") << false;
}

void TestImapParser::flags()
{
    QFETCH(QByteArray, flag);
    QFETCH(bool, valid);
    QCOMPARE(ImapWriter::isValidFlag(flag), valid);
}

void TestImapParser::redactedLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("logged");

    QTest::addRow("LOGIN atoms") << QByteArray("a1 LOGIN tech s3cret\r\n") << QByteArray("a1 LOGIN tech <redacted>");
    QTest::addRow("LOGIN quoted user") << QByteArray("a1 login \"t \\\"x\\\"\" \"s3 cret\"\r\n")
                                       << QByteArray("a1 login \"t \\\"x\\\"\" <redacted>");
    QTest::addRow("LOGIN literal user") << QByteArray("a1 LOGIN {5}\r\n") << QByteArray("a1 LOGIN <redacted>");
    QTest::addRow("LOGIN literal password") << QByteArray("a1 LOGIN tech {6+}\r\ns3cret\r\n")
                                            << QByteArray("a1 LOGIN tech <redacted>");
    QTest::addRow("AUTHENTICATE with SASL-IR") << QByteArray("a2 AUTHENTICATE PLAIN AHRlY2gAczNjcmV0\r\n")
                                               << QByteArray("a2 AUTHENTICATE PLAIN <redacted>");
    QTest::addRow("AUTHENTICATE without") << QByteArray("a2 AUTHENTICATE PLAIN\r\n")
                                          << QByteArray("a2 AUTHENTICATE PLAIN");
    QTest::addRow("other command unchanged") << QByteArray("a3 SELECT \"INBOX\"\r\n") << QByteArray("a3 SELECT \"INBOX\"");
    QTest::addRow("no arguments") << QByteArray("a4 NOOP\r\n") << QByteArray("a4 NOOP");
}

void TestImapParser::redactedLine()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, logged);
    QCOMPARE(ImapWriter::redactedLine(line), logged);
}

QTEST_APPLESS_MAIN(TestImapParser)
#include "tst_imapparser.moc"
