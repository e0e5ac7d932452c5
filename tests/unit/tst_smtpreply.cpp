// Unit tests of the pure SMTP pieces: the reply parser, the EHLO capability
// reader and the command/payload writer.

#include "smtp/protocol/smtpreply.h"
#include "smtp/protocol/smtpwriter.h"
#include "protocol/sasl.h"

#include <QTest>

using namespace machina;

class TestSmtpReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void splitAtEveryByte();
    void errors_data();
    void errors();
    void overlongLine();
    void bufferedAfterReply();
    void capabilities();
    void dotStuff_data();
    void dotStuff();
    void commands();
    void saslEncodings();
};

void TestSmtpReply::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("enhanced");
    QTest::addColumn<QList<QByteArray>>("lines");

    QTest::addRow("single line") << QByteArray("220 mail.machina.test ESMTP\r\n") << 220 << QByteArray()
                                 << QList<QByteArray>{"mail.machina.test ESMTP"};
    QTest::addRow("multi-line greeting")
        << QByteArray("220-mail.machina.test ESMTP\r\n220-no UCE\r\n220 welcome\r\n") << 220 << QByteArray()
        << QList<QByteArray>{"mail.machina.test ESMTP", "no UCE", "welcome"};
    QTest::addRow("enhanced code") << QByteArray("550 5.1.1 <x@y>: Recipient address rejected\r\n") << 550
                                   << QByteArray("5.1.1") << QList<QByteArray>{"<x@y>: Recipient address rejected"};
    QTest::addRow("enhanced code multi-line")
        << QByteArray("535-5.7.8 Username and Password not accepted.\r\n535 5.7.8 Learn more\r\n") << 535
        << QByteArray("5.7.8") << QList<QByteArray>{"Username and Password not accepted.", "Learn more"};
    QTest::addRow("enhanced class must match the reply")
        << QByteArray("250 5.0.0 odd\r\n") << 250 << QByteArray() << QList<QByteArray>{"5.0.0 odd"};
    QTest::addRow("number that is not an enhanced code")
        << QByteArray("250 2.0 ok\r\n") << 250 << QByteArray() << QList<QByteArray>{"2.0 ok"};
    QTest::addRow("bare code") << QByteArray("250\r\n") << 250 << QByteArray() << QList<QByteArray>{""};
    QTest::addRow("bare LF tolerated") << QByteArray("354 go ahead\n") << 354 << QByteArray()
                                       << QList<QByteArray>{"go ahead"};
    QTest::addRow("ehlo") << QByteArray("250-localhost\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250 AUTH PLAIN LOGIN\r\n")
                          << 250 << QByteArray()
                          << QList<QByteArray>{"localhost", "PIPELINING", "SIZE 10240000", "AUTH PLAIN LOGIN"};
    QTest::addRow("xoauth2 challenge") << QByteArray("334 eyJzdGF0dXMiOiI0MDEifQ==\r\n") << 334 << QByteArray()
                                       << QList<QByteArray>{"eyJzdGF0dXMiOiI0MDEifQ=="};
}

void TestSmtpReply::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(int, code);
    QFETCH(QByteArray, enhanced);
    QFETCH(QList<QByteArray>, lines);

    SmtpReplyParser parser;
    parser.feed(input);
    const std::optional<SmtpReply> reply = parser.takeReply();
    QVERIFY2(!parser.hasError(), qPrintable(parser.error().reason));
    QVERIFY(reply);
    QCOMPARE(reply->code, code);
    QCOMPARE(reply->enhancedCode, enhanced);
    QCOMPARE(reply->lines, lines);
    QVERIFY(!parser.takeReply());
    QCOMPARE(parser.bufferedBytes(), 0);
}

void TestSmtpReply::splitAtEveryByte()
{
    const QByteArray stream = "220-first\r\n220 second\r\n250 2.1.0 Ok\r\n";
    for (qsizetype split = 0; split <= stream.size(); ++split) {
        SmtpReplyParser parser;
        QList<SmtpReply> replies;
        parser.feed(QByteArrayView(stream).first(split));
        while (auto r = parser.takeReply())
            replies.append(*r);
        parser.feed(QByteArrayView(stream).sliced(split));
        while (auto r = parser.takeReply())
            replies.append(*r);
        QVERIFY2(!parser.hasError(), qPrintable(QStringLiteral("split %1").arg(split)));
        QCOMPARE(replies.size(), 2);
        QCOMPARE(replies.at(0).code, 220);
        QCOMPARE(replies.at(0).lines, (QList<QByteArray>{"first", "second"}));
        QCOMPARE(replies.at(1).code, 250);
        QCOMPARE(replies.at(1).enhancedCode, QByteArray("2.1.0"));
    }
}

void TestSmtpReply::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("reason");

    QTest::addRow("no code") << QByteArray("hello\r\n") << qsizetype(0) << QStringLiteral("three-digit");
    QTest::addRow("two digits") << QByteArray("25 ok\r\n") << qsizetype(0) << QStringLiteral("three-digit");
    QTest::addRow("code too low") << QByteArray("199 what\r\n") << qsizetype(0) << QStringLiteral("outside 200-599");
    QTest::addRow("code too high") << QByteArray("600 what\r\n") << qsizetype(0) << QStringLiteral("outside 200-599");
    QTest::addRow("bad separator") << QByteArray("250_ok\r\n") << qsizetype(3) << QStringLiteral("neither space nor hyphen");
    QTest::addRow("code changes mid-reply") << QByteArray("250-a\r\n251 b\r\n") << qsizetype(7)
                                            << QStringLiteral("changes its code from 250 to 251");
    QTest::addRow("error after a good reply") << QByteArray("250 ok\r\nxyz\r\n") << qsizetype(8)
                                              << QStringLiteral("three-digit");
}

void TestSmtpReply::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, offset);
    QFETCH(QString, reason);

    SmtpReplyParser parser;
    parser.feed(input);
    while (parser.takeReply()) {
    }
    QVERIFY(parser.hasError());
    QCOMPARE(parser.error().offset, offset);
    QVERIFY2(parser.error().reason.contains(reason), qPrintable(parser.error().reason));
    // The error is sticky: more input does not produce replies.
    parser.feed("250 ok\r\n");
    QVERIFY(!parser.takeReply());
}

void TestSmtpReply::overlongLine()
{
    SmtpReplyParser parser;
    parser.feed("250 " + QByteArray(SmtpReplyParser::MaxLineLength, 'x'));
    QVERIFY(!parser.takeReply());
    QVERIFY(parser.hasError());
    QVERIFY(parser.error().reason.contains(QStringLiteral("longer than")));

    SmtpReplyParser many;
    QByteArray lines;
    for (int i = 0; i < SmtpReplyParser::MaxLinesPerReply + 1; ++i)
        lines += "250-x\r\n";
    many.feed(lines);
    QVERIFY(!many.takeReply());
    QVERIFY(many.hasError());
    QVERIFY(many.error().reason.contains(QStringLiteral("more than")));
}

void TestSmtpReply::bufferedAfterReply()
{
    // What STARTTLS injection looks like to the parser: bytes after the 220.
    SmtpReplyParser parser;
    parser.feed("220 go ahead\r\n250 injected\r\n");
    const auto reply = parser.takeReply();
    QVERIFY(reply);
    QCOMPARE(reply->code, 220);
    QCOMPARE(parser.bufferedBytes(), qsizetype(strlen("250 injected\r\n")));
    parser.reset();
    QCOMPARE(parser.bufferedBytes(), 0);
    QVERIFY(!parser.takeReply());
}

void TestSmtpReply::capabilities()
{
    SmtpReplyParser parser;
    parser.feed("250-mail.machina.test\r\n250-pipelining\r\n250-SIZE 10240000\r\n250-8BITMIME\r\n"
                "250-AUTH PLAIN login\r\n250-AUTH=XOAUTH2\r\n250-ENHANCEDSTATUSCODES\r\n250 SMTPUTF8\r\n");
    const auto reply = parser.takeReply();
    QVERIFY(reply);
    const SmtpCapabilities caps = SmtpCapabilities::fromEhloReply(*reply);
    QVERIFY(caps.has("PIPELINING"));
    QVERIFY(caps.has("pipelining"));
    QVERIFY(caps.has("8BITMIME"));
    QVERIFY(caps.has("SMTPUTF8"));
    QVERIFY(!caps.has("STARTTLS"));
    QVERIFY(!caps.has("mail.machina.test")); // the greeting line is not a capability
    QCOMPARE(caps.sizeLimit(), 10240000);
    QCOMPARE(caps.authMechanisms(), (QList<QByteArray>{"PLAIN", "LOGIN", "XOAUTH2"}));

    SmtpReplyParser bare;
    bare.feed("250-host\r\n250 SIZE\r\n");
    QCOMPARE(SmtpCapabilities::fromEhloReply(*bare.takeReply()).sizeLimit(), 0);
}

void TestSmtpReply::dotStuff_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("plain") << QByteArray("Subject: x\r\n\r\nhello\r\n") << QByteArray("Subject: x\r\n\r\nhello\r\n.\r\n");
    QTest::addRow("dot at offset 0") << QByteArray(".hidden\r\n") << QByteArray("..hidden\r\n.\r\n");
    QTest::addRow("lone dot line") << QByteArray("a\r\n.\r\nb\r\n") << QByteArray("a\r\n..\r\nb\r\n.\r\n");
    QTest::addRow("dot mid-line untouched") << QByteArray("a.b\r\n") << QByteArray("a.b\r\n.\r\n");
    QTest::addRow("bare LF normalised") << QByteArray("a\n.b\n") << QByteArray("a\r\n..b\r\n.\r\n");
    QTest::addRow("bare CR normalised") << QByteArray("a\r.b") << QByteArray("a\r\n..b\r\n.\r\n");
    QTest::addRow("no final newline") << QByteArray("end") << QByteArray("end\r\n.\r\n");
    QTest::addRow("empty") << QByteArray() << QByteArray(".\r\n");
}

void TestSmtpReply::dotStuff()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expected);
    QCOMPARE(SmtpWriter::dotStuff(message), expected);
}

void TestSmtpReply::commands()
{
    QCOMPARE(SmtpWriter::mailFrom(QStringLiteral("a@b.test"), false, false, 0), QByteArray("MAIL FROM:<a@b.test>\r\n"));
    QCOMPARE(SmtpWriter::mailFrom(QStringLiteral("a@b.test"), true, true, 1234),
             QByteArray("MAIL FROM:<a@b.test> BODY=8BITMIME SMTPUTF8 SIZE=1234\r\n"));
    QCOMPARE(SmtpWriter::rcptTo(QStringLiteral("t\u00e9l@b.test")), QByteArray("RCPT TO:<t\xc3\xa9l@b.test>\r\n"));
    QVERIFY(!SmtpWriter::has8BitData("plain ascii\r\n"));
    QVERIFY(SmtpWriter::has8BitData("caf\xc3\xa9"));
}

void TestSmtpReply::saslEncodings()
{
    QCOMPARE(QByteArray::fromBase64(Sasl::plain(QStringLiteral("tech@machina.test"), QStringLiteral("s3cret"))),
             QByteArray("\0tech@machina.test\0s3cret", 25));
    QCOMPARE(QByteArray::fromBase64(Sasl::xoauth2(QStringLiteral("a@b.test"), QStringLiteral("ya29.tok"))),
             QByteArray("user=a@b.test\x01" "auth=Bearer ya29.tok\x01\x01"));
    // RFC 7628 3.1, with the saslname escapes of RFC 5801 for ',' and '='.
    QCOMPARE(QByteArray::fromBase64(Sasl::oauthBearer(QStringLiteral("a,b=c@d.test"), QStringLiteral("imap.d.test"), 993,
                                                      QStringLiteral("EwB.tok"))),
             QByteArray("n,a=a=2Cb=3Dc@d.test,\x01host=imap.d.test\x01port=993\x01" "auth=Bearer EwB.tok\x01\x01"));
    QCOMPARE(Sasl::oauthBearerErrorAck(), QByteArray("AQ=="));
    const QByteArray challenge = QByteArray(R"({"status":"invalid_token","scope":"mail"})").toBase64();
    QCOMPARE(Sasl::challengeText(challenge), QStringLiteral(R"({"status":"invalid_token","scope":"mail"})"));
}

QTEST_APPLESS_MAIN(TestSmtpReply)
#include "tst_smtpreply.moc"
