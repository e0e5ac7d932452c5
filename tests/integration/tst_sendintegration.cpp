// End to end: machina-mail send through real Postfix (SMTPS and submission
// with STARTTLS, SASL through Dovecot) into a real Dovecot Maildir.

#include "mailstack.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Dovecot stores Maildir files with LF line ends; the helpers accept both.

QByteArray headerBlock(const QByteArray &message)
{
    const qsizetype crlf = message.indexOf("\r\n\r\n");
    return message.left(crlf >= 0 ? crlf : message.indexOf("\n\n"));
}

/// The unfolded value of header @p name in @p message ("" when absent).
QByteArray header(const QByteArray &message, const QByteArray &name)
{
    const QByteArray head = headerBlock(message);
    const QList<QByteArray> lines = head.split('\n');
    QByteArray value;
    bool in = false;
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (in && (line.startsWith(' ') || line.startsWith('\t'))) {
            value += ' ' + line.trimmed();
            continue;
        }
        if (in)
            break;
        if (line.toLower().startsWith(name.toLower() + ':')) {
            value = line.mid(name.size() + 1).trimmed();
            in = true;
        }
    }
    return value;
}

int countHeader(const QByteArray &message, const QByteArray &name)
{
    const QByteArray head = headerBlock(message);
    int n = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith(name.toLower() + ':'))
            ++n;
    }
    return n;
}

/// Decodes the RFC 2047 encoded words of a UTF-8 header value (B and Q).
QString decodeHeader(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral("=\\?[Uu][Tt][Ff]-8\\?([BbQq])\\?([^?]*)\\?=(\\s+(?==\\?))?"));
    QByteArray out;
    const QString text = QString::fromLatin1(value);
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last).toLatin1();
        const QByteArray payload = m.captured(2).toLatin1();
        if (m.captured(1).toUpper() == QLatin1String("B"))
            out += QByteArray::fromBase64(payload);
        else
            out += QByteArray::fromPercentEncoding(QByteArray(payload).replace('_', ' ').replace('=', '%'));
        last = m.capturedEnd();
    }
    out += text.mid(last).toLatin1();
    return QString::fromUtf8(out);
}

} // namespace

class TestSendIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sendOverImplicitTlsArrives();
    void sendOverStartTlsArrives();
    void sendWithPdfAttachmentArrives();
    void checkReportsHealthy();
    void wrongPasswordExits3();
    void untrustedCertificateExits4();
    void unknownRecipientExits5();
    void crlfSubjectIsRefusedAndNothingIsSent();

private:
    QProcessEnvironment passwordEnv(const QString &user) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), MailStack::password(user));
        return env;
    }
    QByteArray waitForMessage(const QString &user, const QByteArray &token);

    MailStack m_stack;
    QTemporaryDir m_dir;
};

void TestSendIntegration::initTestCase()
{
    QString error;
    const std::optional<MailStack> stack = MailStack::fromEnvironment(&error);
    QVERIFY2(stack, qPrintable(error));
    m_stack = *stack;
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(qEnvironmentVariable("MACHINA_MAIL")), "MACHINA_MAIL must name the built machina-mail");
}

QByteArray TestSendIntegration::waitForMessage(const QString &user, const QByteArray &token)
{
    QByteArray found;
    // Delivery is Postfix queue -> LMTP -> Maildir; well under a second here.
    for (int i = 0; i < 150 && found.isEmpty(); ++i) {
        found = m_stack.findMessage(user, token);
        if (found.isEmpty())
            QTest::qWait(100);
    }
    return found;
}

void TestSendIntegration::sendOverImplicitTlsArrives()
{
    const QString config = writeConfig(m_dir.path(), m_stack, QStringLiteral("supervisor"), m_stack.smtpsPort, true,
                                       m_stack.caFile);
    const QByteArray token = uniqueToken("implicit");
    const QString subject = QStringLiteral("[WO-2026-42] P-201 vibration élevée ") + QString::fromLatin1(token);
    const CliRun run = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("send"),
                                       QStringLiteral("--to"), m_stack.address(QStringLiteral("technician")),
                                       QStringLiteral("--subject"), subject,
                                       QStringLiteral("--text"), QStringLiteral(".starts with a dot\nPump P-201: check the bearing.\n")},
                                      passwordEnv(QStringLiteral("supervisor")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QRegularExpressionMatch id = QRegularExpression(QStringLiteral("Sent <([^>]+)>")).match(run.out);
    QVERIFY2(id.hasMatch(), qPrintable(run.out));

    // The subject is RFC 2047-encoded, so look for the message by its Message-ID.
    const QByteArray message = waitForMessage(QStringLiteral("technician"), id.captured(1).toUtf8());
    QVERIFY2(!message.isEmpty(), "the message did not arrive in technician's Maildir");
    QCOMPARE(header(message, "Message-ID"), '<' + id.captured(1).toUtf8() + '>');
    QVERIFY(header(message, "From").contains("supervisor@machina.test"));
    QVERIFY(header(message, "To").contains("technician@machina.test"));
    QVERIFY2(header(message, "Subject").contains("=?"), header(message, "Subject").constData());
    QCOMPARE(decodeHeader(header(message, "Subject")), subject);
    QCOMPARE(countHeader(message, "Subject"), 1);
    QCOMPARE(countHeader(message, "Date"), 1);
    QCOMPARE(header(message, "MIME-Version"), QByteArray("1.0"));
    QVERIFY(header(message, "Content-Type").startsWith("text/plain"));
    // Dot-stuffing is undone by the server: the body line starts with one dot.
    QVERIFY2(message.contains("\n.starts with a dot"), message.constData());
    QVERIFY(!message.contains("\n..starts with a dot"));
    // Postfix saw TLS and SASL ("with ESMTPSA" in its Received line).
    QVERIFY2(message.contains("with ESMTPSA"), headerBlock(message).constData());
}

void TestSendIntegration::sendOverStartTlsArrives()
{
    const QString config = writeConfig(m_dir.path(), m_stack, QStringLiteral("supervisor"), m_stack.submissionPort,
                                       false, m_stack.caFile);
    const QByteArray token = uniqueToken("starttls");
    const CliRun run = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("send"),
                                       QStringLiteral("--to"), m_stack.address(QStringLiteral("technician")),
                                       QStringLiteral("--to"), m_stack.address(QStringLiteral("alarm")),
                                       QStringLiteral("--subject"), QString::fromLatin1(token),
                                       QStringLiteral("--text"), QStringLiteral("over STARTTLS")},
                                      passwordEnv(QStringLiteral("supervisor")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    for (const QString &user : {QStringLiteral("technician"), QStringLiteral("alarm")}) {
        const QByteArray message = waitForMessage(user, token);
        QVERIFY2(!message.isEmpty(), qPrintable(user + QStringLiteral(" did not receive the message")));
        QCOMPARE(header(message, "Subject"), token);
        QVERIFY(message.contains("with ESMTPSA"));
    }
}

void TestSendIntegration::sendWithPdfAttachmentArrives()
{
    QByteArray pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n";
    for (int i = 0; i < 256; ++i)
        pdf += char(i);
    pdf += "\n%%EOF\n";
    const QString pdfPath = m_dir.path() + QStringLiteral("/WO-2026-42.pdf");
    QFile file(pdfPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pdf);
    file.close();

    const QString config = writeConfig(m_dir.path(), m_stack, QStringLiteral("supervisor"), m_stack.smtpsPort, true,
                                       m_stack.caFile);
    const QByteArray token = uniqueToken("pdf");
    const CliRun run = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("send"),
                                       QStringLiteral("--to"), m_stack.address(QStringLiteral("technician")),
                                       QStringLiteral("--subject"), QString::fromLatin1(token),
                                       QStringLiteral("--text"), QStringLiteral("Work order attached."),
                                       QStringLiteral("--attach"), pdfPath},
                                      passwordEnv(QStringLiteral("supervisor")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QByteArray message = waitForMessage(QStringLiteral("technician"), token);
    QVERIFY(!message.isEmpty());
    QVERIFY(header(message, "Content-Type").startsWith("multipart/mixed"));
    QVERIFY(message.contains("application/pdf"));
    QVERIFY(message.contains("WO-2026-42.pdf"));
    // The base64 body of the attachment decodes to the exact bytes.
    const qsizetype partStart = message.indexOf("application/pdf");
    const qsizetype bodyStart = message.indexOf("\n\n", partStart) + 2;
    const qsizetype bodyEnd = message.indexOf("\n--", bodyStart);
    QVERIFY(partStart > 0 && bodyStart > partStart && bodyEnd > bodyStart);
    QCOMPARE(QByteArray::fromBase64(message.mid(bodyStart, bodyEnd - bodyStart)), pdf);
}

void TestSendIntegration::checkReportsHealthy()
{
    const QString config = writeConfig(m_dir.path(), m_stack, QStringLiteral("supervisor"), m_stack.smtpsPort, true,
                                       m_stack.caFile);
    const CliRun run = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("check")},
                                      passwordEnv(QStringLiteral("supervisor")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(QStringLiteral("\"status\": \"healthy\"")));
    QVERIFY(run.out.contains(QStringLiteral("\"tls_version\": \"TLSv1.")));
    QVERIFY(!run.out.contains(MailStack::password(QStringLiteral("supervisor"))));
}

void TestSendIntegration::wrongPasswordExits3()
{
    const QString config = writeConfig(m_dir.path(), m_stack, QStringLiteral("supervisor"), m_stack.smtpsPort, true,
                                       m_stack.caFile);
    QProcessEnvironment env;
    env.insert(QStringLiteral("MACHINA_TEST_PASSWORD"), QStringLiteral("not-the-password"));
    const CliRun run = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("send"),
                                       QStringLiteral("--to"), m_stack.address(QStringLiteral("technician")),
                                       QStringLiteral("--text"), QStringLiteral("x")},
                                      env);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QStringLiteral("refused the credentials")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QStringLiteral("not-the-password")));
}

void TestSendIntegration::untrustedCertificateExits4()
{
    // The server presents a certificate from a CA we were not told to trust.
    const QString config = writeConfig(m_dir.path(), m_stack, QStringLiteral("supervisor"),
                                       m_stack.untrustedSmtpsPort, true, m_stack.caFile);
    const CliRun run = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("send"),
                                       QStringLiteral("--to"), m_stack.address(QStringLiteral("technician")),
                                       QStringLiteral("--text"), QStringLiteral("x")},
                                      passwordEnv(QStringLiteral("supervisor")));
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QStringLiteral("certificate"), Qt::CaseInsensitive), qPrintable(run.err));
}

void TestSendIntegration::unknownRecipientExits5()
{
    const QString config = writeConfig(m_dir.path(), m_stack, QStringLiteral("supervisor"), m_stack.smtpsPort, true,
                                       m_stack.caFile);
    const QByteArray token = uniqueToken("partial");
    const CliRun run = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("send"),
                                       QStringLiteral("--to"), m_stack.address(QStringLiteral("technician")),
                                       QStringLiteral("--to"), QStringLiteral("nobody@machina.test"),
                                       QStringLiteral("--subject"), QString::fromLatin1(token),
                                       QStringLiteral("--text"), QStringLiteral("x")},
                                      passwordEnv(QStringLiteral("supervisor")));
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QStringLiteral("nobody@machina.test")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("550")), qPrintable(run.err));

    // All or nothing: the accepted recipient did not get it either. A later
    // message proves delivery ran; the refused one must not be there.
    const QByteArray sentinel = uniqueToken("sentinel");
    const CliRun ok = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("send"),
                                      QStringLiteral("--to"), m_stack.address(QStringLiteral("technician")),
                                      QStringLiteral("--subject"), QString::fromLatin1(sentinel),
                                      QStringLiteral("--text"), QStringLiteral("x")},
                                     passwordEnv(QStringLiteral("supervisor")));
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QVERIFY(!waitForMessage(QStringLiteral("technician"), sentinel).isEmpty());
    QVERIFY(m_stack.findMessage(QStringLiteral("technician"), token).isEmpty());
}

void TestSendIntegration::crlfSubjectIsRefusedAndNothingIsSent()
{
    const QString config = writeConfig(m_dir.path(), m_stack, QStringLiteral("supervisor"), m_stack.smtpsPort, true,
                                       m_stack.caFile);
    const QByteArray token = uniqueToken("inject");
    const CliRun run = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("send"),
                                       QStringLiteral("--to"), m_stack.address(QStringLiteral("technician")),
                                       QStringLiteral("--subject"),
                                       QString::fromLatin1(token) + QStringLiteral("\r\nBcc: alarm@machina.test"),
                                       QStringLiteral("--text"), QStringLiteral("x")},
                                      passwordEnv(QStringLiteral("supervisor")));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("subject")), qPrintable(run.err));

    const QByteArray sentinel = uniqueToken("sentinel");
    const CliRun ok = runMachinaMail({QStringLiteral("--config"), config, QStringLiteral("send"),
                                      QStringLiteral("--to"), m_stack.address(QStringLiteral("alarm")),
                                      QStringLiteral("--subject"), QString::fromLatin1(sentinel),
                                      QStringLiteral("--text"), QStringLiteral("x")},
                                     passwordEnv(QStringLiteral("supervisor")));
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QVERIFY(!waitForMessage(QStringLiteral("alarm"), sentinel).isEmpty());
    QVERIFY(m_stack.findMessage(QStringLiteral("technician"), token).isEmpty());
    QVERIFY(m_stack.findMessage(QStringLiteral("alarm"), token).isEmpty());
}

QTEST_GUILESS_MAIN(TestSendIntegration)
#include "tst_sendintegration.moc"
