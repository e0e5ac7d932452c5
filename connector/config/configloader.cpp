#include "connectorconfig.h"
#include "workordersection.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <vector>

namespace machina {

namespace {

constexpr int MaxSeconds = 86400; // poll_interval and timeout: one day is already absurd
constexpr qsizetype MaxEchoLength = 40;

enum class ValueType { String, Int, Bool, Type };

struct KeySpec
{
    const char *name;
    ValueType type;
    QString ConnectorConfig::*text = nullptr; ///< for ValueType::String
    int ConnectorConfig::*number = nullptr;   ///< for ValueType::Int
};

// The keys of the email section, in the reference's order.
const KeySpec Keys[] = {
    {"type", ValueType::Type},
    {"smtp_host", ValueType::String, &ConnectorConfig::smtpHost},
    {"smtp_port", ValueType::Int, nullptr, &ConnectorConfig::smtpPort},
    {"imap_host", ValueType::String, &ConnectorConfig::imapHost},
    {"imap_port", ValueType::Int, nullptr, &ConnectorConfig::imapPort},
    {"username", ValueType::String, &ConnectorConfig::username},
    {"password", ValueType::String, &ConnectorConfig::password},
    {"use_tls", ValueType::Bool},
    {"from_address", ValueType::String, &ConnectorConfig::fromAddress},
    {"gmail_credentials_file", ValueType::String, &ConnectorConfig::gmailCredentialsFile},
    {"poll_interval", ValueType::Int, nullptr, &ConnectorConfig::pollInterval},
    {"ca_file", ValueType::String, &ConnectorConfig::caFile},
    {"gmail_api_url", ValueType::String, &ConnectorConfig::gmailApiUrl},
    {"timeout", ValueType::Int, nullptr, &ConnectorConfig::timeout},
    {"canary_interval", ValueType::Int, nullptr, &ConnectorConfig::canaryInterval},
    {"oauth2_provider", ValueType::String, &ConnectorConfig::oauth2Provider},
    {"oauth2_client_id", ValueType::String, &ConnectorConfig::oauth2ClientId},
    {"oauth2_client_secret_file", ValueType::String, &ConnectorConfig::oauth2ClientSecretFile},
    {"oauth2_tenant", ValueType::String, &ConnectorConfig::oauth2Tenant},
    {"oauth2_authority", ValueType::String, &ConnectorConfig::oauth2Authority},
    {"oauth2_authorize_url", ValueType::String, &ConnectorConfig::oauth2AuthorizeUrl},
    {"oauth2_token_url", ValueType::String, &ConnectorConfig::oauth2TokenUrl},
    {"oauth2_scopes", ValueType::String, &ConnectorConfig::oauth2Scopes},
};

const KeySpec *findKey(const QString &name)
{
    for (const KeySpec &spec : Keys) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

/// A mistake in the values, with the key it belongs to (so the loader can add the line).
struct Problem
{
    QString key;
    QString what;
};

bool isSecret(const QString &key)
{
    return key == QLatin1String("password");
}

/// The value as it may appear in an error message: quoted, cut short, never a secret.
QString echo(const QString &key, const QString &value)
{
    if (isSecret(key))
        //: Stands in for a secret value in an error sentence, as in "the value is not a whole number".
        return QCoreApplication::translate("machina::ConfigLoader", "the value");
    QString shown = value.size() > MaxEchoLength ? value.left(MaxEchoLength) + QStringLiteral("...") : value;
    shown.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

/// Empty if @p value is acceptable for the integer setting @p key.
QString rangeProblem(const QString &key, qint64 value)
{
    if (key == QLatin1String("canary_interval")) {
        if (value < 0 || value > 1440)
            return QCoreApplication::translate("machina::ConfigLoader", "%1 is out of range (0-1440 minutes; 0: never)").arg(value);
        return {};
    }
    if (key.endsWith(QLatin1String("_port"))) {
        if (value < 1 || value > 65535)
            return QCoreApplication::translate("machina::ConfigLoader", "%1 is not a port (1-65535)").arg(value);
        return {};
    }
    if (value < 1 || value > MaxSeconds)
        return QCoreApplication::translate("machina::ConfigLoader", "%1 is out of range (1-%2 seconds)").arg(value).arg(MaxSeconds);
    return {};
}

bool isLoopbackHost(const QString &host)
{
    // QUrl has already lower-cased names, normalised IPv4 shorthand ("127.1") and
    // compressed IPv6 ("[0:0::1]" -> "::1").
    if (host == QLatin1String("localhost") || host == QLatin1String("::1"))
        return true;
    QString ipv4 = host;
    if (ipv4.startsWith(QLatin1String("::ffff:")))
        ipv4 = ipv4.mid(7);
    const QStringList parts = ipv4.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool ok = false;
        const int n = part.toInt(&ok);
        if (!ok || n < 0 || n > 255)
            return false;
    }
    return parts.first() == QLatin1String("127");
}

QString urlProblem(const QString &value)
{
    const QUrl url(value, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        || url.host().isEmpty()) {
        return QCoreApplication::translate("machina::ConfigLoader", "%1 is not an http(s) URL").arg(echo(QString(), value));
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        return QCoreApplication::translate("machina::ConfigLoader", "%1 uses plain http, which is allowed only for a loopback host "
                                                                    "(127.0.0.0/8, ::1, localhost); use https")
            .arg(echo(QString(), value));
    }
    return {};
}

/// A Microsoft tenant: a GUID, a domain, or organizations / common / consumers.
bool isTenantName(const QString &tenant)
{
    if (tenant.isEmpty() || tenant.size() > 253)
        return false;
    for (const QChar c : tenant) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('.') && c != QLatin1Char('-'))
            return false;
    }
    return true;
}

std::optional<Problem> oauth2Problem(const ConnectorConfig &config)
{
    const QString provider = config.oauth2Provider;
    const std::pair<const char *, const QString *> others[] = {
        {"oauth2_client_id", &config.oauth2ClientId},
        {"oauth2_client_secret_file", &config.oauth2ClientSecretFile},
        {"oauth2_authority", &config.oauth2Authority},
        {"oauth2_authorize_url", &config.oauth2AuthorizeUrl},
        {"oauth2_token_url", &config.oauth2TokenUrl},
        {"oauth2_scopes", &config.oauth2Scopes},
    };
    if (provider.isEmpty()) {
        for (const auto &[name, value] : others) {
            if (!value->isEmpty())
                return Problem{QString::fromLatin1(name), QCoreApplication::translate("machina::ConfigLoader", "is set, but oauth2_provider is not (microsoft, google or custom)")};
        }
        return std::nullopt;
    }
    const QString providerKey = QStringLiteral("oauth2_provider");
    const bool microsoft = provider == QLatin1String("microsoft");
    const bool google = provider == QLatin1String("google");
    const bool custom = provider == QLatin1String("custom");
    if (!microsoft && !google && !custom)
        return Problem{providerKey, QCoreApplication::translate("machina::ConfigLoader", "%1 is not a provider we know (microsoft, google or custom)").arg(echo(providerKey, provider))};
    if (config.isGmail()) {
        return Problem{providerKey, QCoreApplication::translate("machina::ConfigLoader", "cannot be used with gmail_credentials_file (that is the Gmail API mode, "
                                                                                         "which signs in by itself); keep one of the two")};
    }
    if (config.username.trimmed().isEmpty())
        return Problem{QStringLiteral("username"), QCoreApplication::translate("machina::ConfigLoader", "is missing (OAuth sign-in needs the account's address)")};
    if (config.oauth2ClientId.trimmed().isEmpty() && !(google && !config.oauth2ClientSecretFile.isEmpty())) {
        return Problem{QStringLiteral("oauth2_client_id"),
                       QCoreApplication::translate("machina::ConfigLoader", "is missing (required with oauth2_provider: %1; the id of an app registered as a "
                                                                            "desktop/mobile client)").arg(provider)};
    }
    if (microsoft && !config.oauth2ClientSecretFile.isEmpty()) {
        return Problem{QStringLiteral("oauth2_client_secret_file"),
                       QCoreApplication::translate("machina::ConfigLoader", "is not used with oauth2_provider: microsoft (a desktop app is a public client with no secret)")};
    }
    if (!custom) {
        for (const char *name : {"oauth2_authorize_url", "oauth2_token_url", "oauth2_scopes"}) {
            const QString key = QString::fromLatin1(name);
            for (const auto &[other, value] : others) {
                if (key == QLatin1String(other) && !value->isEmpty())
                    return Problem{key, QCoreApplication::translate("machina::ConfigLoader", "is only for oauth2_provider: custom (%1 has its own)").arg(provider)};
            }
        }
    } else {
        const std::pair<const char *, const QString *> needed[] = {
            {"oauth2_authorize_url", &config.oauth2AuthorizeUrl},
            {"oauth2_token_url", &config.oauth2TokenUrl},
            {"oauth2_scopes", &config.oauth2Scopes},
        };
        for (const auto &[name, value] : needed) {
            if (value->trimmed().isEmpty())
                return Problem{QString::fromLatin1(name), QCoreApplication::translate("machina::ConfigLoader", "is missing (required with oauth2_provider: custom)")};
        }
        if (!config.oauth2Authority.isEmpty())
            return Problem{QStringLiteral("oauth2_authority"),
                           QCoreApplication::translate("machina::ConfigLoader", "is not used with oauth2_provider: custom (give oauth2_authorize_url and oauth2_token_url)")};
    }
    if (!microsoft && config.oauth2Tenant != QLatin1String("organizations"))
        return Problem{QStringLiteral("oauth2_tenant"), QCoreApplication::translate("machina::ConfigLoader", "is only for oauth2_provider: microsoft")};
    if (microsoft && !isTenantName(config.oauth2Tenant)) {
        return Problem{QStringLiteral("oauth2_tenant"),
                       QCoreApplication::translate("machina::ConfigLoader", "%1 is not a tenant (organizations, common, consumers, a tenant id or a domain)")
                           .arg(echo(QString(), config.oauth2Tenant))};
    }
    for (const char *name : {"oauth2_authority", "oauth2_authorize_url", "oauth2_token_url"}) {
        for (const auto &[other, value] : others) {
            if (qstrcmp(name, other) != 0 || value->isEmpty())
                continue;
            const QString what = urlProblem(*value);
            if (!what.isEmpty())
                return Problem{QString::fromLatin1(name), what};
        }
    }
    return std::nullopt;
}

std::optional<Problem> firstProblem(const ConnectorConfig &config)
{
    if (config.smtpHost.trimmed().isEmpty() && !config.isGmail()) {
        return Problem{QStringLiteral("smtp_host"),
                       QCoreApplication::translate("machina::ConfigLoader", "is missing or empty (required unless gmail_credentials_file is set)")};
    }
    const std::pair<const char *, int> ints[] = {
        {"smtp_port", config.smtpPort},
        {"imap_port", config.imapPort},
        {"poll_interval", config.pollInterval},
        {"timeout", config.timeout},
        {"canary_interval", config.canaryInterval},
    };
    for (const auto &[name, value] : ints) {
        const QString key = QString::fromLatin1(name);
        const QString what = rangeProblem(key, value);
        if (!what.isEmpty())
            return Problem{key, what};
    }
    const QString what = urlProblem(config.gmailApiUrl);
    if (!what.isEmpty())
        return Problem{QStringLiteral("gmail_api_url"), what};
    return oauth2Problem(config);
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// The known key closest to @p name if it is a plausible typo (edit distance <= 2).
QString suggestion(const QString &name)
{
    const QString lower = name.toLower();
    QString best;
    int bestDistance = 3;
    for (const KeySpec &spec : Keys) {
        const QString candidate = QString::fromLatin1(spec.name);
        const int distance = editDistance(lower, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

QString describe(const YAML::Node &node)
{
    switch (node.Type()) {
    //: What a YAML node is, completing "expected ..., found %1".
    case YAML::NodeType::Map: return QCoreApplication::translate("machina::ConfigLoader", "a map");
    case YAML::NodeType::Sequence: return QCoreApplication::translate("machina::ConfigLoader", "a list");
    case YAML::NodeType::Scalar: return QCoreApplication::translate("machina::ConfigLoader", "a single value");
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: break;
    }
    return QCoreApplication::translate("machina::ConfigLoader", "nothing");
}

bool isEnvNameChar(QChar c, bool first)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || u == u'_' || (!first && u >= u'0' && u <= u'9');
}

/**
 * Turns the YAML tree into a ConnectorConfig. Every method that can fail returns
 * a ConnectorError (None on success); the first mistake ends the reading.
 */
class Reader
{
public:
    explicit Reader(QString source) : m_source(std::move(source)) {}

    ConfigLoader::Result read(const YAML::Node &root);

private:
    /// @p line is yaml-cpp's 0-based line.
    ConnectorError error(int line, const QString &key, const QString &what) const
    {
        return ConnectorError(ConnectorError::Kind::Config,
                              QStringLiteral("%1:%2: %3: %4")
                                  .arg(m_source, QString::number(std::max(line, 0) + 1), key, what));
    }

    ConnectorError findSection(const YAML::Node &map, const char *name, std::optional<YAML::Node> *key,
                               YAML::Node *value) const;
    ConnectorError readSetting(const YAML::Node &keyNode, const YAML::Node &value, ConnectorConfig *config);
    ConnectorError expand(const QString &raw, int line, const QString &key, QString *out) const;

    QString m_source;
    QHash<QString, int> m_keyLines; ///< setting -> 0-based line, for validate()'s findings
    int m_emailLine = 0;
};

ConfigLoader::Result Reader::read(const YAML::Node &root)
{
    const QString connectorsName = QStringLiteral("connectors");
    if (!root.IsMap() && !root.IsNull()) {
        return {std::nullopt, error(0, connectorsName,
                                    QCoreApplication::translate("machina::ConfigLoader", "the top level must be a map holding a connectors: section, found %1")
                                        .arg(describe(root)))};
    }
    std::optional<YAML::Node> connectorsKey; // a default YAML::Node is a defined null, so optional
    YAML::Node connectors;
    if (root.IsMap()) {
        if (ConnectorError e = findSection(root, "connectors", &connectorsKey, &connectors))
            return {std::nullopt, e};
    }
    if (!connectorsKey)
        return {std::nullopt, error(0, connectorsName, QCoreApplication::translate("machina::ConfigLoader", "section is missing"))};
    const int connectorsLine = connectorsKey->Mark().line;

    const QString emailName = QStringLiteral("email");
    if (!connectors.IsMap() && !connectors.IsNull()) {
        return {std::nullopt, error(connectorsLine, connectorsName,
                                    QCoreApplication::translate("machina::ConfigLoader", "expected a map of connectors, found %1").arg(describe(connectors)))};
    }
    std::optional<YAML::Node> emailKey;
    YAML::Node email;
    if (connectors.IsMap()) {
        if (ConnectorError e = findSection(connectors, "email", &emailKey, &email))
            return {std::nullopt, e};
    }
    if (!emailKey)
        return {std::nullopt, error(connectorsLine, emailName, QCoreApplication::translate("machina::ConfigLoader", "section is missing under connectors"))};
    m_emailLine = emailKey->Mark().line;
    if (email.IsNull())
        return {std::nullopt, error(m_emailLine, emailName, QCoreApplication::translate("machina::ConfigLoader", "section is empty"))};
    if (!email.IsMap()) {
        return {std::nullopt, error(m_emailLine, emailName,
                                    QCoreApplication::translate("machina::ConfigLoader", "expected a map of settings, found %1").arg(describe(email)))};
    }

    ConnectorConfig config;
    // yaml-cpp keeps repeated keys as separate pairs, so iterating sees duplicates.
    for (auto it = email.begin(); it != email.end(); ++it) {
        if (ConnectorError e = readSetting(it->first, it->second, &config))
            return {std::nullopt, e};
    }

    if (const std::optional<Problem> problem = firstProblem(config)) {
        const int line = m_keyLines.value(problem->key, m_emailLine);
        return {std::nullopt, error(line, problem->key, problem->what)};
    }
    return {config, {}};
}

/// Finds @p name among the keys of @p map; other keys (other connectors, other sections) are ignored.
ConnectorError Reader::findSection(const YAML::Node &map, const char *name, std::optional<YAML::Node> *key,
                                   YAML::Node *value) const
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar() || it->first.Scalar() != name)
            continue;
        if (key->has_value()) {
            return error(it->first.Mark().line, QString::fromLatin1(name),
                         QCoreApplication::translate("machina::ConfigLoader", "duplicate key (first given on line %1)").arg((*key)->Mark().line + 1));
        }
        *key = it->first;
        *value = it->second;
    }
    return {};
}

ConnectorError Reader::readSetting(const YAML::Node &keyNode, const YAML::Node &value, ConnectorConfig *config)
{
    const int line = keyNode.Mark().line;
    if (!keyNode.IsScalar())
        //: Stands in for the name of a key that is not a plain name, in "file:line: (key): ...".
        return error(line, QCoreApplication::translate("machina::ConfigLoader", "(key)"),
                     QCoreApplication::translate("machina::ConfigLoader", "a key must be a plain name, found %1").arg(describe(keyNode)));
    const QString key = QString::fromStdString(keyNode.Scalar());

    const auto previous = m_keyLines.constFind(key);
    if (previous != m_keyLines.cend())
        return error(line, key, QCoreApplication::translate("machina::ConfigLoader", "duplicate key (first given on line %1)").arg(*previous + 1));
    m_keyLines.insert(key, line);

    if (key == QLatin1String("work_orders")) {
        return readWorkOrderSection(value, line, [this](int at, const QString &name, const QString &what) {
            return error(at, name, what);
        }, &config->workOrders);
    }

    const KeySpec *spec = findKey(key);
    if (!spec) {
        const QString closest = suggestion(key);
        return error(line, key, closest.isEmpty() ? QCoreApplication::translate("machina::ConfigLoader", "unknown key")
                                                  : QCoreApplication::translate("machina::ConfigLoader", "unknown key; did you mean %1?").arg(closest));
    }

    if (value.IsMap() || value.IsSequence())
        return error(line, key, QCoreApplication::translate("machina::ConfigLoader", "expected a single value, found %1").arg(describe(value)));

    QString text;
    if (value.IsNull()) {
        switch (spec->type) {
        case ValueType::String: break; // "password:" with nothing: empty, as if absent
        case ValueType::Int: return error(line, key, QCoreApplication::translate("machina::ConfigLoader", "has no value (expected a whole number)"));
        case ValueType::Bool: return error(line, key, QCoreApplication::translate("machina::ConfigLoader", "has no value (expected true or false)"));
        case ValueType::Type: return error(line, key, QCoreApplication::translate("machina::ConfigLoader", "has no value (expected email)"));
        }
    } else if (ConnectorError e = expand(QString::fromStdString(value.Scalar()), line, key, &text)) {
        return e;
    }

    switch (spec->type) {
    case ValueType::Type:
        if (text != QLatin1String("email"))
            return error(line, key,
                         QCoreApplication::translate("machina::ConfigLoader", "%1 is not supported here; this section must be type: email").arg(echo(key, text)));
        return {};
    case ValueType::Bool: {
        // Env expansion works on text, so convert afterwards, with yaml-cpp's own YAML 1.1 rules
        // (true/false, yes/no, on/off, y/n, in lower, Capitalised or UPPER case).
        bool flag = false;
        if (!YAML::convert<bool>::decode(YAML::Node(text.toStdString()), flag))
            return error(line, key, QCoreApplication::translate("machina::ConfigLoader", "%1 is not true or false").arg(echo(key, text)));
        config->useTls = flag;
        return {};
    }
    case ValueType::Int: {
        const QString trimmed = text.trimmed();
        bool digits = !trimmed.isEmpty();
        for (qsizetype i = 0; i < trimmed.size() && digits; ++i) {
            const QChar c = trimmed[i];
            digits = c.isDigit() || (i == 0 && trimmed.size() > 1 && (c == QLatin1Char('-') || c == QLatin1Char('+')));
        }
        bool ok = false;
        const qint64 number = digits ? trimmed.toLongLong(&ok) : 0;
        if (!ok)
            return error(line, key, QCoreApplication::translate("machina::ConfigLoader", "%1 is not a whole number").arg(echo(key, text)));
        const QString what = rangeProblem(key, number);
        if (!what.isEmpty())
            return error(line, key, what);
        config->*spec->number = int(number);
        return {};
    }
    case ValueType::String:
        config->*spec->text = text;
        return {};
    }
    return {};
}

/// Replaces each `${NAME}` in @p raw by the environment variable NAME (set but empty is fine).
ConnectorError Reader::expand(const QString &raw, int line, const QString &key, QString *out) const
{
    QString result;
    qsizetype pos = 0;
    while (true) {
        const qsizetype start = raw.indexOf(QLatin1String("${"), pos);
        if (start < 0)
            break;
        result += QStringView(raw).mid(pos, start - pos);
        const qsizetype end = raw.indexOf(QLatin1Char('}'), start + 2);
        const QString name = end < 0 ? QString() : raw.mid(start + 2, end - start - 2);
        bool valid = !name.isEmpty();
        for (qsizetype i = 0; i < name.size() && valid; ++i)
            valid = isEnvNameChar(name[i], i == 0);
        if (!valid) {
            // Never quote the text: it may be (part of) a password.
            return error(line, key, QCoreApplication::translate("machina::ConfigLoader", "malformed ${...} reference (expected ${NAME} with NAME made of "
                                                                                         "letters, digits and _)"));
        }
        const QByteArray variable = name.toLatin1();
        if (!qEnvironmentVariableIsSet(variable.constData()))
            return error(line, key, QCoreApplication::translate("machina::ConfigLoader", "environment variable %1 is not set").arg(name));
        result += qEnvironmentVariable(variable.constData());
        pos = end + 1;
    }
    result += QStringView(raw).mid(pos);
    *out = result;
    return {};
}

} // namespace

ConnectorError ConnectorConfig::validate() const
{
    if (const std::optional<Problem> problem = firstProblem(*this))
        return ConnectorError(ConnectorError::Kind::Config, problem->key + QStringLiteral(": ") + problem->what);
    return {};
}

ConfigLoader::Result ConfigLoader::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {std::nullopt, ConnectorError(ConnectorError::Kind::Config,
                                             QStringLiteral("%1: %2").arg(path, QCoreApplication::translate("machina::ConfigLoader", "cannot read the file: %1").arg(file.errorString())))};
    }
    const QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return {std::nullopt, ConnectorError(ConnectorError::Kind::Config,
                                             QStringLiteral("%1: %2").arg(path, QCoreApplication::translate("machina::ConfigLoader", "cannot read the file: %1").arg(file.errorString())))};
    }
    return loadString(text, path);
}

ConfigLoader::Result ConfigLoader::loadString(const QByteArray &yaml, const QString &sourceName)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        return Reader(sourceName).read(root);
    } catch (const YAML::Exception &e) {
        // ParserException for syntax errors; its mark's line is 0-based like Node::Mark().
        const int line = e.mark.is_null() ? 1 : e.mark.line + 1;
        return {std::nullopt, ConnectorError(ConnectorError::Kind::Config,
                                             QStringLiteral("%1:%2: %3: %4")
                                                 .arg(sourceName, QString::number(line),
                                                      QCoreApplication::translate("machina::ConfigLoader", "syntax error"),
                                                      QString::fromStdString(e.msg)))};
    }
}

} // namespace machina
