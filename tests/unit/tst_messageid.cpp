// MessageId: the one place that makes and reads the inbox's message ids.

#include "messageid.h"

#include <QTest>

using namespace machina;

class TestMessageId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void refused_data();
    void refused();
    void equality();
};

void TestMessageId::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("backend");
    QTest::addColumn<quint32>("validity");
    QTest::addColumn<quint32>("uid");
    QTest::addColumn<QString>("gmailId");

    QTest::addRow("imap") << "imap:1796157780:1" << int(MessageId::Backend::Imap) << 1796157780u << 1u << QString();
    QTest::addRow("imap, no UIDVALIDITY announced") << "imap:0:5" << int(MessageId::Backend::Imap) << 0u << 5u << QString();
    QTest::addRow("imap, largest values") << "imap:4294967295:4294967295" << int(MessageId::Backend::Imap)
                                          << 4294967295u << 4294967295u << QString();
    QTest::addRow("gmail") << "gmail:18c2f0a9b1d2e3f4" << int(MessageId::Backend::Gmail) << 0u << 0u
                           << QStringLiteral("18c2f0a9b1d2e3f4");
}

void TestMessageId::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(int, backend);
    QFETCH(quint32, validity);
    QFETCH(quint32, uid);
    QFETCH(QString, gmailId);

    const MessageId id = MessageId::parse(text);
    QVERIFY(id.isValid());
    QCOMPARE(int(id.backend()), backend);
    QCOMPARE(id.uidValidity(), validity);
    QCOMPARE(id.uid(), uid);
    QCOMPARE(id.gmailId(), gmailId);
    QCOMPARE(id.toString(), text);
    const MessageId made = backend == int(MessageId::Backend::Imap) ? MessageId::imap(validity, uid) : MessageId::gmail(gmailId);
    QCOMPARE(made, id);
    QCOMPARE(MessageId::parse(made.toString()), made);
}

void TestMessageId::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("empty") << QString();
    QTest::addRow("no backend") << QStringLiteral("12:34");
    QTest::addRow("unknown backend") << QStringLiteral("pop:1:2");
    QTest::addRow("imap without uid") << QStringLiteral("imap:17");
    QTest::addRow("imap, uid 0") << QStringLiteral("imap:17:0");
    QTest::addRow("imap, sign") << QStringLiteral("imap:+17:5");
    QTest::addRow("imap, blank") << QStringLiteral("imap: 17:5");
    QTest::addRow("imap, over 32 bits") << QStringLiteral("imap:4294967296:5");
    QTest::addRow("imap, extra part") << QStringLiteral("imap:1:2:3");
    QTest::addRow("imap, letters") << QStringLiteral("imap:1:2a");
    QTest::addRow("gmail, empty id") << QStringLiteral("gmail:");
    QTest::addRow("gmail, extra part") << QStringLiteral("gmail:ab:cd");
    QTest::addRow("case matters") << QStringLiteral("IMAP:1:2");
}

void TestMessageId::refused()
{
    QFETCH(QString, text);
    const MessageId id = MessageId::parse(text);
    QVERIFY2(!id.isValid(), qPrintable(id.toString()));
    QCOMPARE(int(id.backend()), int(MessageId::Backend::None));
    QVERIFY(id.toString().isEmpty());
}

void TestMessageId::equality()
{
    QVERIFY(MessageId::imap(7, 1) == MessageId::imap(7, 1));
    QVERIFY(MessageId::imap(7, 1) != MessageId::imap(8, 1));   // another UIDVALIDITY: another message
    QVERIFY(MessageId::imap(7, 1) != MessageId::imap(7, 2));
    QVERIFY(MessageId::gmail(QStringLiteral("a")) != MessageId::gmail(QStringLiteral("b")));
    QVERIFY(MessageId::imap(0, 1).isValid());   // a server that never announced UIDVALIDITY
    QVERIFY(!MessageId::imap(7, 0).isValid());
    QVERIFY(!MessageId::gmail(QString()).isValid());
}

QTEST_APPLESS_MAIN(TestMessageId)
#include "tst_messageid.moc"
