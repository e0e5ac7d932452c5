#include "config/connectorconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using machina::ConfigLoader;
using machina::ConnectorConfig;
using machina::ConnectorError;

Q_DECLARE_METATYPE(machina::ConnectorConfig)

namespace {

const QString Source = QStringLiteral("config.yaml");

// Every password in these tests; no error message may ever contain it.
constexpr char Canary[] = "hunter2-canary";

/// "connectors: / email:" followed by @p settings, one per line, so setting k (from 1) is on line k + 2.
QByteArray email(const QByteArray &settings)
{
    QByteArray yaml = "connectors:\n  email:\n";
    for (const QByteArray &line : settings.split('\n')) {
        if (!line.isEmpty())
            yaml += "    " + line + '\n';
    }
    return yaml;
}

using Fields = QMap<QByteArray, QByteArray>;

/// Every field of @p config, by its YAML key, plus effectiveFromAddress().
Fields fields(const ConnectorConfig &config)
{
    return {
        {"smtp_host", config.smtpHost.toUtf8()},
        {"smtp_port", QByteArray::number(config.smtpPort)},
        {"imap_host", config.imapHost.toUtf8()},
        {"imap_port", QByteArray::number(config.imapPort)},
        {"username", config.username.toUtf8()},
        {"password", config.password.toUtf8()},
        {"use_tls", config.useTls ? "true" : "false"},
        {"from_address", config.fromAddress.toUtf8()},
        {"gmail_credentials_file", config.gmailCredentialsFile.toUtf8()},
        {"poll_interval", QByteArray::number(config.pollInterval)},
        {"ca_file", config.caFile.toUtf8()},
        {"gmail_api_url", config.gmailApiUrl.toUtf8()},
        {"timeout", QByteArray::number(config.timeout)},
        {"effective_from_address", config.effectiveFromAddress().toUtf8()},
        {"oauth2_provider", config.oauth2Provider.toUtf8()},
        {"oauth2_client_id", config.oauth2ClientId.toUtf8()},
        {"oauth2_client_secret_file", config.oauth2ClientSecretFile.toUtf8()},
        {"oauth2_tenant", config.oauth2Tenant.toUtf8()},
        {"oauth2_authority", config.oauth2Authority.toUtf8()},
        {"oauth2_authorize_url", config.oauth2AuthorizeUrl.toUtf8()},
        {"oauth2_token_url", config.oauth2TokenUrl.toUtf8()},
        {"oauth2_scopes", config.oauth2Scopes.toUtf8()},
    };
}

/// The reference's defaults written out, overlaid with "key=value" entries.
Fields expectedFields(const QByteArrayList &overrides)
{
    Fields expected = {
        {"smtp_host", ""},
        {"smtp_port", "465"},
        {"imap_host", ""},
        {"imap_port", "993"},
        {"username", ""},
        {"password", ""},
        {"use_tls", "true"},
        {"from_address", ""},
        {"gmail_credentials_file", ""},
        {"poll_interval", "30"},
        {"ca_file", ""},
        {"gmail_api_url", "https://gmail.googleapis.com"},
        {"timeout", "30"},
        {"effective_from_address", ""},
        {"oauth2_provider", ""},
        {"oauth2_client_id", ""},
        {"oauth2_client_secret_file", ""},
        {"oauth2_tenant", "organizations"},
        {"oauth2_authority", ""},
        {"oauth2_authorize_url", ""},
        {"oauth2_token_url", ""},
        {"oauth2_scopes", ""},
    };
    for (const QByteArray &entry : overrides) {
        const qsizetype eq = entry.indexOf('=');
        const QByteArray key = entry.left(eq);
        if (!expected.contains(key))
            qFatal("test table names an unknown field: %s", key.constData());
        expected[key] = entry.mid(eq + 1);
    }
    return expected;
}

ConnectorConfig withSmtpHost()
{
    ConnectorConfig config;
    config.smtpHost = QStringLiteral("smtp.example.com");
    return config;
}

} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void load_data();
    void load();

    void validate_data();
    void validate();

    void loadFile();
    void loadFileUnreadable();

private:
    void applyEnvironment(const QByteArrayList &env);

    QByteArrayList m_touchedVariables;
};

void TestConfigLoader::applyEnvironment(const QByteArrayList &env)
{
    // "NAME=value" sets NAME (value may be empty); a bare "NAME" makes sure it is unset.
    for (const QByteArray &entry : env) {
        const qsizetype eq = entry.indexOf('=');
        const QByteArray name = eq < 0 ? entry : entry.left(eq);
        m_touchedVariables.append(name);
        if (eq < 0)
            QVERIFY(qunsetenv(name.constData()));
        else
            QVERIFY(qputenv(name.constData(), entry.mid(eq + 1)));
    }
}

void TestConfigLoader::cleanup()
{
    for (const QByteArray &name : std::as_const(m_touchedVariables))
        qunsetenv(name.constData());
    m_touchedVariables.clear();
}

void TestConfigLoader::load_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArrayList>("env");
    QTest::addColumn<QByteArrayList>("expected"); // "key=value" over the defaults; ignored when error is set
    QTest::addColumn<QString>("error");           // the whole message; empty: loading must succeed

    const QByteArrayList noEnv;
    const QByteArrayList none;
    const QString ok;

    // --- values and defaults -------------------------------------------------------------
    QTest::addRow("defaults") << email("smtp_host: smtp.example.com") << noEnv
                              << QByteArrayList{"smtp_host=smtp.example.com"} << ok;
    QTest::addRow("every key") << email("type: email\n"
                                        "smtp_host: smtp.example.com\n"
                                        "smtp_port: 587\n"
                                        "imap_host: imap.example.com\n"
                                        "imap_port: 143\n"
                                        "username: ops@example.com\n"
                                        "password: hunter2-canary\n"
                                        "use_tls: false\n"
                                        "from_address: Ops <noreply@example.com>\n"
                                        "gmail_credentials_file: /etc/machina/gmail.json\n"
                                        "poll_interval: 120\n"
                                        "ca_file: /etc/machina/ca.pem\n"
                                        "gmail_api_url: https://gmail.test:8443/api\n"
                                        "timeout: 10")
                               << noEnv
                               << QByteArrayList{"smtp_host=smtp.example.com", "smtp_port=587",
                                                 "imap_host=imap.example.com", "imap_port=143",
                                                 "username=ops@example.com", "password=hunter2-canary",
                                                 "use_tls=false", "from_address=Ops <noreply@example.com>",
                                                 "effective_from_address=Ops <noreply@example.com>",
                                                 "gmail_credentials_file=/etc/machina/gmail.json",
                                                 "poll_interval=120", "ca_file=/etc/machina/ca.pem",
                                                 "gmail_api_url=https://gmail.test:8443/api", "timeout=10"}
                               << ok;
    QTest::addRow("from_address defaults to username")
        << email("smtp_host: smtp.example.com\nusername: ops@example.com") << noEnv
        << QByteArrayList{"smtp_host=smtp.example.com", "username=ops@example.com",
                          "effective_from_address=ops@example.com"}
        << ok;
    QTest::addRow("empty from_address still means username")
        << email("smtp_host: smtp.example.com\nusername: ops@example.com\nfrom_address:") << noEnv
        << QByteArrayList{"smtp_host=smtp.example.com", "username=ops@example.com",
                          "effective_from_address=ops@example.com"}
        << ok;
    QTest::addRow("quoted port") << email("smtp_host: h\nsmtp_port: \"2525\"") << noEnv
                                 << QByteArrayList{"smtp_host=h", "smtp_port=2525"} << ok;
    QTest::addRow("port bounds") << email("smtp_host: h\nsmtp_port: 1\nimap_port: 65535") << noEnv
                                 << QByteArrayList{"smtp_host=h", "smtp_port=1", "imap_port=65535"} << ok;
    QTest::addRow("interval bounds") << email("smtp_host: h\npoll_interval: 86400\ntimeout: 1") << noEnv
                                     << QByteArrayList{"smtp_host=h", "poll_interval=86400", "timeout=1"} << ok;
    QTest::addRow("use_tls no") << email("smtp_host: h\nuse_tls: no") << noEnv
                                << QByteArrayList{"smtp_host=h", "use_tls=false"} << ok;
    QTest::addRow("use_tls yes") << email("smtp_host: h\nuse_tls: yes") << noEnv
                                 << QByteArrayList{"smtp_host=h", "use_tls=true"} << ok;
    QTest::addRow("use_tls FALSE") << email("smtp_host: h\nuse_tls: FALSE") << noEnv
                                   << QByteArrayList{"smtp_host=h", "use_tls=false"} << ok;
    QTest::addRow("use_tls quoted off") << email("smtp_host: h\nuse_tls: \"off\"") << noEnv
                                        << QByteArrayList{"smtp_host=h", "use_tls=false"} << ok;
    QTest::addRow("empty password means keychain") << email("smtp_host: h\npassword:") << noEnv
                                                   << QByteArrayList{"smtp_host=h", "password="} << ok;
    QTest::addRow("numeric-looking strings stay text")
        << email("smtp_host: h\npassword: 007\nusername: yes") << noEnv
        << QByteArrayList{"smtp_host=h", "password=007", "username=yes", "effective_from_address=yes"} << ok;
    QTest::addRow("gmail mode needs no smtp_host")
        << email("gmail_credentials_file: /etc/machina/gmail.json\nusername: ops@gmail.com") << noEnv
        << QByteArrayList{"gmail_credentials_file=/etc/machina/gmail.json", "username=ops@gmail.com",
                          "effective_from_address=ops@gmail.com"}
        << ok;
    QTest::addRow("http to 127.0.0.1") << email("smtp_host: h\ngmail_api_url: http://127.0.0.1:8080") << noEnv
                                       << QByteArrayList{"smtp_host=h", "gmail_api_url=http://127.0.0.1:8080"} << ok;
    QTest::addRow("http to 127.3.4.5") << email("smtp_host: h\ngmail_api_url: http://127.3.4.5/") << noEnv
                                       << QByteArrayList{"smtp_host=h", "gmail_api_url=http://127.3.4.5/"} << ok;
    QTest::addRow("http to ::1") << email("smtp_host: h\ngmail_api_url: \"http://[::1]:9000\"") << noEnv
                                 << QByteArrayList{"smtp_host=h", "gmail_api_url=http://[::1]:9000"} << ok;
    QTest::addRow("http to localhost") << email("smtp_host: h\ngmail_api_url: http://localhost:9000") << noEnv
                                       << QByteArrayList{"smtp_host=h", "gmail_api_url=http://localhost:9000"} << ok;
    QTest::addRow("other connectors and sections ignored")
        << QByteArray("logging:\n"
                      "  level: debug\n"
                      "connectors:\n"
                      "  slack:\n"
                      "    type: slack\n"
                      "    token: ${MACHINA_TST_UNSET}\n"
                      "    smtp_prot: 1\n"
                      "  email:\n"
                      "    type: email\n"
                      "    smtp_host: smtp.example.com\n"
                      "  teams: [a, b]\n")
        << QByteArrayList{"MACHINA_TST_UNSET"} << QByteArrayList{"smtp_host=smtp.example.com"} << ok;

    // --- ${NAME} expansion ---------------------------------------------------------------
    QTest::addRow("env password") << email("smtp_host: h\npassword: ${MACHINA_TST_PASSWORD}")
                                  << QByteArrayList{"MACHINA_TST_PASSWORD=hunter2-canary"}
                                  << QByteArrayList{"smtp_host=h", "password=hunter2-canary"} << ok;
    QTest::addRow("env several in one value")
        << email("smtp_host: smtp.${MACHINA_TST_DOMAIN}\nusername: \"${MACHINA_TST_USER}@${MACHINA_TST_DOMAIN}\"")
        << QByteArrayList{"MACHINA_TST_USER=ops", "MACHINA_TST_DOMAIN=example.com"}
        << QByteArrayList{"smtp_host=smtp.example.com", "username=ops@example.com",
                          "effective_from_address=ops@example.com"}
        << ok;
    QTest::addRow("env set but empty") << email("smtp_host: h\npassword: ${MACHINA_TST_EMPTY}")
                                       << QByteArrayList{"MACHINA_TST_EMPTY="}
                                       << QByteArrayList{"smtp_host=h", "password="} << ok;
    QTest::addRow("env port as quoted string") << email("smtp_host: h\nsmtp_port: \"${MACHINA_TST_PORT}\"")
                                               << QByteArrayList{"MACHINA_TST_PORT=587"}
                                               << QByteArrayList{"smtp_host=h", "smtp_port=587"} << ok;
    QTest::addRow("env use_tls") << email("smtp_host: h\nuse_tls: ${MACHINA_TST_TLS}")
                                 << QByteArrayList{"MACHINA_TST_TLS=false"}
                                 << QByteArrayList{"smtp_host=h", "use_tls=false"} << ok;
    QTest::addRow("env value not expanded again") << email("smtp_host: h\npassword: ${MACHINA_TST_PASSWORD}")
                                                  << QByteArrayList{"MACHINA_TST_PASSWORD=a${MACHINA_TST_UNSET}b",
                                                                    "MACHINA_TST_UNSET"}
                                                  << QByteArrayList{"smtp_host=h", "password=a${MACHINA_TST_UNSET}b"}
                                                  << ok;
    QTest::addRow("lone dollars are literal") << email("smtp_host: h\npassword: pa$$w{o}rd$")
                                              << noEnv << QByteArrayList{"smtp_host=h", "password=pa$$w{o}rd$"} << ok;

    // --- errors ------------------------------------------------------------------------
    QTest::addRow("env unset") << email("smtp_host: h\nusername: ops\npassword: ${MACHINA_TST_UNSET}")
                               << QByteArrayList{"MACHINA_TST_UNSET"} << none
                               << QStringLiteral("config.yaml:5: password: environment variable MACHINA_TST_UNSET is not set");
    QTest::addRow("env unset second of two") << email("smtp_host: \"${MACHINA_TST_USER}.${MACHINA_TST_UNSET}\"")
                                             << QByteArrayList{"MACHINA_TST_USER=ops", "MACHINA_TST_UNSET"} << none
                                             << QStringLiteral("config.yaml:3: smtp_host: environment variable "
                                                               "MACHINA_TST_UNSET is not set");
    QTest::addRow("env reference unterminated") << email("smtp_host: h\npassword: hunter2-canary${MACHINA_TST_PASSWORD")
                                                << noEnv << none
                                                << QStringLiteral("config.yaml:4: password: malformed ${...} reference "
                                                                  "(expected ${NAME} with NAME made of letters, digits and _)");
    QTest::addRow("env reference bad name") << email("smtp_host: ${1X}") << noEnv << none
                                            << QStringLiteral("config.yaml:3: smtp_host: malformed ${...} reference "
                                                              "(expected ${NAME} with NAME made of letters, digits and _)");
    QTest::addRow("env port not a number") << email("smtp_host: h\nsmtp_port: \"${MACHINA_TST_PORT}\"")
                                           << QByteArrayList{"MACHINA_TST_PORT=smtp"} << none
                                           << QStringLiteral("config.yaml:4: smtp_port: \"smtp\" is not a whole number");

    QTest::addRow("unknown key, typo") << email("smtp_host: h\nsmtp_prot: 587") << noEnv << none
                                       << QStringLiteral("config.yaml:4: smtp_prot: unknown key; did you mean smtp_port?");
    QTest::addRow("unknown key, case") << email("smtp_host: h\nSMTP_PORT: 587") << noEnv << none
                                       << QStringLiteral("config.yaml:4: SMTP_PORT: unknown key; did you mean smtp_port?");
    QTest::addRow("unknown key, two edits") << email("smtp_host: h\npolinterval: 5") << noEnv << none
                                            << QStringLiteral("config.yaml:4: polinterval: unknown key; did you mean "
                                                              "poll_interval?");
    QTest::addRow("unknown key, no suggestion") << email("smtp_host: h\ncolour: red") << noEnv << none
                                                << QStringLiteral("config.yaml:4: colour: unknown key");
    QTest::addRow("duplicate key") << email("smtp_host: a\nusername: u\nsmtp_host: b") << noEnv << none
                                   << QStringLiteral("config.yaml:5: smtp_host: duplicate key (first given on line 3)");
    QTest::addRow("duplicate email section")
        << QByteArray("connectors:\n  email:\n    smtp_host: a\n  email:\n    smtp_host: b\n") << noEnv << none
        << QStringLiteral("config.yaml:4: email: duplicate key (first given on line 2)");

    QTest::addRow("port not a number") << email("smtp_host: h\npassword: hunter2-canary\nsmtp_port: abc")
                                       << noEnv << none
                                       << QStringLiteral("config.yaml:5: smtp_port: \"abc\" is not a whole number");
    QTest::addRow("port fractional") << email("smtp_host: h\nimap_port: 993.0") << noEnv << none
                                     << QStringLiteral("config.yaml:4: imap_port: \"993.0\" is not a whole number");
    QTest::addRow("port hex") << email("smtp_host: h\nsmtp_port: 0x1d1") << noEnv << none
                              << QStringLiteral("config.yaml:4: smtp_port: \"0x1d1\" is not a whole number");
    QTest::addRow("port empty") << email("smtp_host: h\nsmtp_port:") << noEnv << none
                                << QStringLiteral("config.yaml:4: smtp_port: has no value (expected a whole number)");
    QTest::addRow("port zero") << email("smtp_host: h\nsmtp_port: 0") << noEnv << none
                               << QStringLiteral("config.yaml:4: smtp_port: 0 is not a port (1-65535)");
    QTest::addRow("port negative") << email("smtp_host: h\nsmtp_port: -25") << noEnv << none
                                   << QStringLiteral("config.yaml:4: smtp_port: -25 is not a port (1-65535)");
    QTest::addRow("port too big") << email("smtp_host: h\nimap_port: 70000") << noEnv << none
                                  << QStringLiteral("config.yaml:4: imap_port: 70000 is not a port (1-65535)");
    QTest::addRow("port overflows") << email("smtp_host: h\nsmtp_port: 99999999999999999999999") << noEnv << none
                                    << QStringLiteral("config.yaml:4: smtp_port: \"99999999999999999999999\" is not "
                                                      "a whole number");
    QTest::addRow("long bad value is cut") << email("smtp_host: h\ntimeout: " + QByteArray(60, 'x')) << noEnv << none
                                           << QStringLiteral("config.yaml:4: timeout: \"") + QString(40, QLatin1Char('x'))
                                                  + QStringLiteral("...\" is not a whole number");
    QTest::addRow("use_tls maybe") << email("smtp_host: h\nuse_tls: maybe") << noEnv << none
                                   << QStringLiteral("config.yaml:4: use_tls: \"maybe\" is not true or false");
    QTest::addRow("use_tls number") << email("smtp_host: h\nuse_tls: 1") << noEnv << none
                                    << QStringLiteral("config.yaml:4: use_tls: \"1\" is not true or false");
    QTest::addRow("poll_interval zero") << email("smtp_host: h\npoll_interval: 0") << noEnv << none
                                        << QStringLiteral("config.yaml:4: poll_interval: 0 is out of range (1-86400 seconds)");
    QTest::addRow("poll_interval too long") << email("smtp_host: h\npoll_interval: 86401") << noEnv << none
                                            << QStringLiteral("config.yaml:4: poll_interval: 86401 is out of range "
                                                              "(1-86400 seconds)");
    QTest::addRow("timeout zero") << email("smtp_host: h\ntimeout: 0") << noEnv << none
                                  << QStringLiteral("config.yaml:4: timeout: 0 is out of range (1-86400 seconds)");
    QTest::addRow("timeout negative") << email("smtp_host: h\ntimeout: -5") << noEnv << none
                                      << QStringLiteral("config.yaml:4: timeout: -5 is out of range (1-86400 seconds)");
    QTest::addRow("canary_interval negative") << email("smtp_host: h\ncanary_interval: -1") << noEnv << none
                                              << QStringLiteral("config.yaml:4: canary_interval: -1 is out of range "
                                                                "(0-1440 minutes; 0: never)");

    QTest::addRow("smtp_host missing") << email("username: ops@example.com\npassword: hunter2-canary") << noEnv << none
                                       << QStringLiteral("config.yaml:2: smtp_host: is missing or empty (required "
                                                         "unless gmail_credentials_file is set)");
    QTest::addRow("smtp_host empty") << email("username: u\nsmtp_host: \"\"") << noEnv << none
                                     << QStringLiteral("config.yaml:4: smtp_host: is missing or empty (required "
                                                       "unless gmail_credentials_file is set)");
    QTest::addRow("smtp_host from empty env") << email("smtp_host: ${MACHINA_TST_EMPTY}")
                                              << QByteArrayList{"MACHINA_TST_EMPTY="} << none
                                              << QStringLiteral("config.yaml:3: smtp_host: is missing or empty (required "
                                                                "unless gmail_credentials_file is set)");

    QTest::addRow("host is a list") << email("smtp_host: [a.example.com, b.example.com]") << noEnv << none
                                    << QStringLiteral("config.yaml:3: smtp_host: expected a single value, found a list");
    QTest::addRow("port is a map") << email("smtp_host: h\nsmtp_port: {tls: 465}") << noEnv << none
                                   << QStringLiteral("config.yaml:4: smtp_port: expected a single value, found a map");
    QTest::addRow("password is a map") << email("smtp_host: h\npassword:\n  secret: hunter2-canary") << noEnv << none
                                       << QStringLiteral("config.yaml:4: password: expected a single value, found a map");
    QTest::addRow("password is a list") << email("smtp_host: h\npassword: [hunter2-canary]") << noEnv << none
                                        << QStringLiteral("config.yaml:4: password: expected a single value, found a list");

    QTest::addRow("type not email") << email("type: smtp\nsmtp_host: h") << noEnv << none
                                    << QStringLiteral("config.yaml:3: type: \"smtp\" is not supported here; this "
                                                      "section must be type: email");
    QTest::addRow("type empty") << email("type:\nsmtp_host: h") << noEnv << none
                                << QStringLiteral("config.yaml:3: type: has no value (expected email)");

    QTest::addRow("url without scheme") << email("smtp_host: h\ngmail_api_url: gmail.googleapis.com") << noEnv << none
                                        << QStringLiteral("config.yaml:4: gmail_api_url: \"gmail.googleapis.com\" is "
                                                          "not an http(s) URL");
    QTest::addRow("url ftp") << email("smtp_host: h\ngmail_api_url: ftp://gmail.googleapis.com") << noEnv << none
                             << QStringLiteral("config.yaml:4: gmail_api_url: \"ftp://gmail.googleapis.com\" is "
                                               "not an http(s) URL");
    QTest::addRow("url without host") << email("smtp_host: h\ngmail_api_url: https://") << noEnv << none
                                      << QStringLiteral("config.yaml:4: gmail_api_url: \"https://\" is not an http(s) URL");
    QTest::addRow("url plain http remote") << email("smtp_host: h\ngmail_api_url: http://gmail.googleapis.com") << noEnv
                                           << none
                                           << QStringLiteral("config.yaml:4: gmail_api_url: \"http://gmail.googleapis.com\" "
                                                             "uses plain http, which is allowed only for a loopback host "
                                                             "(127.0.0.0/8, ::1, localhost); use https");
    QTest::addRow("url plain http 128.0.0.1") << email("smtp_host: h\ngmail_api_url: http://128.0.0.1") << noEnv << none
                                              << QStringLiteral("config.yaml:4: gmail_api_url: \"http://128.0.0.1\" uses "
                                                                "plain http, which is allowed only for a loopback host "
                                                                "(127.0.0.0/8, ::1, localhost); use https");
    QTest::addRow("url plain http localhost lookalike")
        << email("smtp_host: h\ngmail_api_url: http://localhost.evil.test") << noEnv << none
        << QStringLiteral("config.yaml:4: gmail_api_url: \"http://localhost.evil.test\" uses plain http, which is "
                          "allowed only for a loopback host (127.0.0.0/8, ::1, localhost); use https");

    QTest::addRow("empty text") << QByteArray() << noEnv << none
                                << QStringLiteral("config.yaml:1: connectors: section is missing");
    QTest::addRow("no connectors") << QByteArray("logging:\n  level: debug\n") << noEnv << none
                                   << QStringLiteral("config.yaml:1: connectors: section is missing");
    QTest::addRow("top level is a list") << QByteArray("- connectors\n") << noEnv << none
                                         << QStringLiteral("config.yaml:1: connectors: the top level must be a map "
                                                           "holding a connectors: section, found a list");
    QTest::addRow("connectors is a list") << QByteArray("logging: {}\nconnectors:\n  - email\n") << noEnv << none
                                          << QStringLiteral("config.yaml:2: connectors: expected a map of connectors, "
                                                            "found a list");
    QTest::addRow("connectors empty") << QByteArray("logging: {}\nconnectors:\n") << noEnv << none
                                      << QStringLiteral("config.yaml:2: email: section is missing under connectors");
    QTest::addRow("no email connector") << QByteArray("connectors:\n  slack:\n    type: slack\n") << noEnv << none
                                        << QStringLiteral("config.yaml:1: email: section is missing under connectors");
    QTest::addRow("email empty") << QByteArray("connectors:\n  email:\n") << noEnv << none
                                 << QStringLiteral("config.yaml:2: email: section is empty");
    QTest::addRow("email is a value") << QByteArray("connectors:\n  email: smtp.example.com\n") << noEnv << none
                                      << QStringLiteral("config.yaml:2: email: expected a map of settings, found a "
                                                        "single value");
    // --- OAuth 2.0 for IMAP and SMTP --------------------------------------------------------
    const QByteArray ms = "smtp_host: smtp.office365.com\nusername: ops@plant.example\noauth2_provider: microsoft\n";
    QTest::addRow("oauth2 microsoft")
        << email(ms + "oauth2_client_id: 11111111-2222-3333-4444-555555555555\noauth2_tenant: plant.example")
        << noEnv
        << QByteArrayList{"smtp_host=smtp.office365.com", "username=ops@plant.example",
                          "effective_from_address=ops@plant.example", "oauth2_provider=microsoft",
                          "oauth2_client_id=11111111-2222-3333-4444-555555555555", "oauth2_tenant=plant.example"}
        << ok;
    QTest::addRow("oauth2 custom")
        << email("smtp_host: h\nusername: u@x.test\noauth2_provider: custom\noauth2_client_id: c\n"
                 "oauth2_authorize_url: https://idp.test/authorize\noauth2_token_url: http://127.0.0.1:9/token\n"
                 "oauth2_scopes: offline_access mail")
        << noEnv
        << QByteArrayList{"smtp_host=h", "username=u@x.test", "effective_from_address=u@x.test", "oauth2_provider=custom",
                          "oauth2_client_id=c", "oauth2_authorize_url=https://idp.test/authorize",
                          "oauth2_token_url=http://127.0.0.1:9/token", "oauth2_scopes=offline_access mail"}
        << ok;
    QTest::addRow("oauth2 unknown provider") << email(QByteArray(ms).replace("microsoft", "yahoo") + "oauth2_client_id: c") << noEnv << none
                                             << QStringLiteral("config.yaml:5: oauth2_provider: \"yahoo\" is not a provider we "
                                                               "know (microsoft, google or custom)");
    QTest::addRow("oauth2 with gmail_credentials_file")
        << email("username: u@x.test\ngmail_credentials_file: /c.json\noauth2_provider: google\noauth2_client_id: c")
        << noEnv << none
        << QStringLiteral("config.yaml:5: oauth2_provider: cannot be used with gmail_credentials_file (that is the Gmail API "
                          "mode, which signs in by itself); keep one of the two");
    QTest::addRow("oauth2 without client id")
        << email("smtp_host: h\nusername: u@x.test\noauth2_provider: microsoft") << noEnv << none
        << QStringLiteral("config.yaml:2: oauth2_client_id: is missing (required with oauth2_provider: microsoft; the id "
                          "of an app registered as a desktop/mobile client)");
    QTest::addRow("oauth2 without username")
        << email("smtp_host: h\noauth2_provider: microsoft\noauth2_client_id: c") << noEnv << none
        << QStringLiteral("config.yaml:2: username: is missing (OAuth sign-in needs the account's address)");
    QTest::addRow("oauth2 custom without URLs")
        << email("smtp_host: h\nusername: u@x.test\noauth2_provider: custom\noauth2_client_id: c") << noEnv << none
        << QStringLiteral("config.yaml:2: oauth2_authorize_url: is missing (required with oauth2_provider: custom)");
    QTest::addRow("oauth2 key without provider") << email("smtp_host: h\noauth2_client_id: c") << noEnv << none
                                                 << QStringLiteral("config.yaml:4: oauth2_client_id: is set, but oauth2_provider "
                                                                   "is not (microsoft, google or custom)");
    QTest::addRow("oauth2 plain http authority")
        << email("smtp_host: h\nusername: u@x.test\noauth2_provider: microsoft\noauth2_client_id: c\n"
                 "oauth2_authority: http://login.example.com")
        << noEnv << none
        << QStringLiteral("config.yaml:7: oauth2_authority: \"http://login.example.com\" uses plain http, which is "
                          "allowed only for a loopback host (127.0.0.0/8, ::1, localhost); use https");
    QTest::addRow("oauth2 bad tenant")
        << email("smtp_host: h\nusername: u@x.test\noauth2_provider: microsoft\noauth2_client_id: c\noauth2_tenant: a/b")
        << noEnv << none
        << QStringLiteral("config.yaml:7: oauth2_tenant: \"a/b\" is not a tenant (organizations, common, consumers, a "
                          "tenant id or a domain)");
    QTest::addRow("oauth2 secret file with microsoft")
        << email(ms + "oauth2_client_id: c\noauth2_client_secret_file: /s.json") << noEnv << none
        << QStringLiteral("config.yaml:7: oauth2_client_secret_file: is not used with oauth2_provider: microsoft (a "
                          "desktop app is a public client with no secret)");
    QTest::addRow("oauth2 scopes for microsoft")
        << email(ms + "oauth2_client_id: c\noauth2_scopes: mail") << noEnv << none
        << QStringLiteral("config.yaml:7: oauth2_scopes: is only for oauth2_provider: custom (microsoft has its own)");

    QTest::addRow("syntax error") << QByteArray("connectors:\n  email:\n    smtp_host: a\n   bad: x\n") << noEnv << none
                                  << QStringLiteral("config.yaml:4: syntax error: end of map not found");
}

void TestConfigLoader::load()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArrayList, env);
    QFETCH(QByteArrayList, expected);
    QFETCH(QString, error);

    applyEnvironment(env);
    const ConfigLoader::Result result = ConfigLoader::loadString(yaml, Source);

    QVERIFY2(!result.error.message().contains(QLatin1String(Canary)), qPrintable(result.error.message()));
    if (!error.isEmpty()) {
        QCOMPARE(result.error.message(), error);
        QCOMPARE(result.error.kind(), ConnectorError::Kind::Config);
        QVERIFY(!result.config.has_value());
        return;
    }
    QVERIFY2(!result.error.isError(), qPrintable(result.error.message()));
    QCOMPARE(result.error.kind(), ConnectorError::Kind::None);
    QVERIFY(result.config.has_value());
    QCOMPARE(fields(*result.config), expectedFields(expected));
    QVERIFY(!result.config->validate().isError());
}

void TestConfigLoader::validate_data()
{
    QTest::addColumn<ConnectorConfig>("config");
    QTest::addColumn<QString>("error"); // whole message; empty: valid

    QTest::addRow("host set, rest default") << withSmtpHost() << QString();
    QTest::addRow("default is incomplete")
        << ConnectorConfig() << QStringLiteral("smtp_host: is missing or empty (required unless gmail_credentials_file is set)");
    {
        ConnectorConfig config = withSmtpHost();
        config.smtpHost = QStringLiteral("  ");
        QTest::addRow("blank host") << config
                                    << QStringLiteral("smtp_host: is missing or empty (required unless "
                                                      "gmail_credentials_file is set)");
    }
    {
        ConnectorConfig config;
        config.gmailCredentialsFile = QStringLiteral("/etc/gmail.json");
        QTest::addRow("gmail without host") << config << QString();
    }
    {
        ConnectorConfig config = withSmtpHost();
        config.smtpPort = 0;
        QTest::addRow("smtp port 0") << config << QStringLiteral("smtp_port: 0 is not a port (1-65535)");
    }
    {
        ConnectorConfig config = withSmtpHost();
        config.imapPort = 65536;
        QTest::addRow("imap port 65536") << config << QStringLiteral("imap_port: 65536 is not a port (1-65535)");
    }
    {
        ConnectorConfig config = withSmtpHost();
        config.pollInterval = -1;
        QTest::addRow("poll -1") << config << QStringLiteral("poll_interval: -1 is out of range (1-86400 seconds)");
    }
    {
        ConnectorConfig config = withSmtpHost();
        config.timeout = 0;
        QTest::addRow("timeout 0") << config << QStringLiteral("timeout: 0 is out of range (1-86400 seconds)");
    }
    {
        ConnectorConfig config = withSmtpHost();
        config.gmailApiUrl = QStringLiteral("http://example.com");
        QTest::addRow("plain http remote") << config
                                           << QStringLiteral("gmail_api_url: \"http://example.com\" uses plain http, "
                                                             "which is allowed only for a loopback host "
                                                             "(127.0.0.0/8, ::1, localhost); use https");
    }
    {
        ConnectorConfig config = withSmtpHost();
        config.gmailApiUrl = QStringLiteral("http://[::1]:8080");
        QTest::addRow("plain http ::1") << config << QString();
    }
    {
        ConnectorConfig config = withSmtpHost();
        config.gmailApiUrl.clear();
        QTest::addRow("empty url") << config << QStringLiteral("gmail_api_url: \"\" is not an http(s) URL");
    }
}

void TestConfigLoader::validate()
{
    QFETCH(ConnectorConfig, config);
    QFETCH(QString, error);

    const ConnectorError result = config.validate();
    QCOMPARE(result.message(), error);
    QCOMPARE(result.kind(), error.isEmpty() ? ConnectorError::Kind::None : ConnectorError::Kind::Config);
}

void TestConfigLoader::loadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.yaml"));

    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# the reference's file\n"
               "connectors:\n"
               "  email:\n"
               "    type: email\n"
               "    smtp_host: smtp.example.com\n"
               "    smtp_port: 587\n"
               "    use_tls: false\n"
               "    username: ops@example.com\n"
               "    password: ${MACHINA_TST_PASSWORD}\n");
    file.close();
    applyEnvironment({"MACHINA_TST_PASSWORD=hunter2-canary"});

    ConfigLoader::Result result = ConfigLoader::loadFile(path);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.message()));
    QVERIFY(result.config.has_value());
    QCOMPARE(fields(*result.config),
             expectedFields({"smtp_host=smtp.example.com", "smtp_port=587", "use_tls=false", "username=ops@example.com",
                             "effective_from_address=ops@example.com", "password=hunter2-canary"}));

    // The same file with the variable unset: the message names the path, the line and the key.
    applyEnvironment({"MACHINA_TST_PASSWORD"});
    result = ConfigLoader::loadFile(path);
    QVERIFY(!result.config.has_value());
    QCOMPARE(result.error.kind(), ConnectorError::Kind::Config);
    QCOMPARE(result.error.message(),
             path + QStringLiteral(":9: password: environment variable MACHINA_TST_PASSWORD is not set"));
}

void TestConfigLoader::loadFileUnreadable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(QStringLiteral("missing.yaml"));
    ConfigLoader::Result result = ConfigLoader::loadFile(missing);
    QVERIFY(!result.config.has_value());
    QCOMPARE(result.error.kind(), ConnectorError::Kind::Config);
    QCOMPARE(result.error.message(), missing + QStringLiteral(": cannot read the file: No such file or directory"));

    // A directory opens on Linux but cannot be read as a file.
    result = ConfigLoader::loadFile(dir.path());
    QVERIFY(!result.config.has_value());
    QCOMPARE(result.error.kind(), ConnectorError::Kind::Config);
    QVERIFY2(result.error.message().startsWith(dir.path() + QStringLiteral(": cannot read the file: ")),
             qPrintable(result.error.message()));
}

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
