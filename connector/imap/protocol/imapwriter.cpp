#include "imapwriter.h"

#include "protocol/sasl.h"

#include <algorithm>

namespace machina {

namespace {

const QByteArray Redacted = "<redacted>";
constexpr qsizetype MaxQuotedLength = 1024;        // longer strings go as literals: servers cap line length
constexpr qsizetype LiteralMinusLimit = 4096;      // RFC 7888 section 4

/// ASTRING-CHAR (RFC 3501 section 9): ATOM-CHAR or "]".
bool isAstringChar(char c)
{
    const uchar u = uchar(c);
    if (u <= 0x20 || u >= 0x7f)
        return false;
    switch (c) {
    case '(':
    case ')':
    case '{':
    case '%':
    case '*':
    case '"':
    case '\\':
        return false;
    default:
        return true;
    }
}

} // namespace

ImapCommandBuilder::ImapCommandBuilder(QByteArray tag, ImapLiteralMode mode)
    : m_mode(mode)
{
    m_command.tag = std::move(tag);
    const QByteArray start = m_command.tag.isEmpty() ? QByteArray() : m_command.tag + ' ';
    m_command.parts.append(start);
    m_command.logText = start;
}

ImapCommandBuilder &ImapCommandBuilder::raw(QByteArrayView text)
{
    m_command.parts.last().append(text.data(), text.size());
    m_command.logText.append(text.data(), text.size());
    return *this;
}

ImapCommandBuilder &ImapCommandBuilder::astring(QByteArrayView value, Secret secret)
{
    const QList<QByteArray> pieces = ImapWriter::encodeAstring(value, m_mode);
    m_command.parts.last() += pieces.first();
    for (qsizetype i = 1; i < pieces.size(); ++i)
        m_command.parts.append(pieces.at(i));
    m_command.logText += secret == Secret::Yes ? Redacted : pieces.join();
    return *this;
}

ImapCommandBuilder &ImapCommandBuilder::mailbox(const QString &name)
{
    // Modified UTF-7 is printable ASCII, so a quoted string always carries it.
    return raw(ImapWriter::quoted(ImapWriter::encodeMailboxName(name)));
}

ImapCommandBuilder &ImapCommandBuilder::literal(QByteArrayView bytes)
{
    const QList<QByteArray> pieces = ImapWriter::encodeLiteral(bytes, m_mode);
    const QByteArray &first = pieces.first();
    const QByteArray announcement = first.left(first.indexOf('}') + 1);
    m_command.parts.last() += first;
    for (qsizetype i = 1; i < pieces.size(); ++i)
        m_command.parts.append(pieces.at(i));
    // A synchronising literal's bytes are logged by the session when it sends them.
    m_command.logText += announcement;
    if (pieces.size() == 1)
        m_command.logText += "\r\n<literal, " + QByteArray::number(bytes.size()) + " bytes>";
    return *this;
}

ImapCommandBuilder &ImapCommandBuilder::waitForContinuation()
{
    m_command.parts.last() += "\r\n";
    m_command.parts.append(QByteArray());
    m_command.logText += "\r\n";
    return *this;
}

ImapCommandBuilder &ImapCommandBuilder::secret(QByteArrayView text)
{
    m_command.parts.last().append(text.data(), text.size());
    m_command.logText += Redacted;
    return *this;
}

ImapCommand ImapCommandBuilder::finish()
{
    m_command.parts.last() += "\r\n";
    return m_command;
}

namespace ImapWriter {

StringForm astringForm(QByteArrayView value)
{
    if (!value.isEmpty() && std::all_of(value.begin(), value.end(), isAstringChar)
        && QByteArray(value.data(), value.size()).toUpper() != "NIL")
        return StringForm::Atom;
    // quoted = DQUOTE *QUOTED-CHAR DQUOTE: 7-bit TEXT-CHAR, i.e. no NUL, CR or LF
    const bool quotable = value.size() <= MaxQuotedLength && std::none_of(value.begin(), value.end(), [](char c) {
        return c == '\0' || c == '\r' || c == '\n' || uchar(c) >= 0x80;
    });
    return quotable ? StringForm::Quoted : StringForm::Literal;
}

QByteArray quoted(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size() + 2);
    out += '"';
    for (char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

std::optional<QByteArray> quotedString(QByteArrayView value)
{
    const bool quotable = value.size() <= MaxQuotedLength && std::none_of(value.begin(), value.end(), [](char c) {
        return c == '\0' || c == '\r' || c == '\n' || uchar(c) >= 0x80;
    });
    if (!quotable)
        return std::nullopt;
    return quoted(value);
}

QByteArray searchDate(QDate date)
{
    static constexpr const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (!date.isValid() || date.year() < 1)
        return {};
    return QByteArray::number(date.day()) + '-' + months[date.month() - 1] + '-'
        + QByteArray::number(date.year()).rightJustified(4, '0');
}

QList<QByteArray> encodeAstring(QByteArrayView value, ImapLiteralMode mode)
{
    switch (astringForm(value)) {
    case StringForm::Atom:
        return {value.toByteArray()};
    case StringForm::Quoted:
        return {quoted(value)};
    case StringForm::Literal:
        break;
    }
    return encodeLiteral(value, mode);
}

QList<QByteArray> encodeLiteral(QByteArrayView value, ImapLiteralMode mode)
{
    const QByteArray size = QByteArray::number(value.size());
    const bool nonSync = mode == ImapLiteralMode::LiteralPlus
        || (mode == ImapLiteralMode::LiteralMinus && value.size() <= LiteralMinusLimit);
    if (nonSync)
        return {'{' + size + "+}\r\n" + value.toByteArray()};
    return {'{' + size + "}\r\n", value.toByteArray()};
}

QByteArray encodeMailboxName(const QString &name)
{
    QByteArray out;
    QString pending;   // UTF-16 units waiting to be base64-encoded
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        QByteArray utf16;
        for (QChar c : pending) {
            utf16 += char(c.unicode() >> 8);
            utf16 += char(c.unicode() & 0xff);
        }
        out += '&' + utf16.toBase64(QByteArray::OmitTrailingEquals).replace('/', ',') + '-';
        pending.clear();
    };
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u <= 0x7e) {
            flush();
            out += u == '&' ? QByteArray("&-") : QByteArray(1, char(u));
        } else {
            pending += c;
        }
    }
    flush();
    return out;
}

QString decodeMailboxName(QByteArrayView encoded)
{
    const QString asIs = QString::fromLatin1(encoded.data(), encoded.size());
    QString out;
    qsizetype i = 0;
    while (i < encoded.size()) {
        const char c = encoded.at(i);
        if (c != '&') {
            out += QChar::fromLatin1(c);
            ++i;
            continue;
        }
        const qsizetype end = encoded.indexOf('-', i + 1);
        if (end < 0)
            return asIs;
        if (end == i + 1) {
            out += QLatin1Char('&');
        } else {
            QByteArray b64 = encoded.sliced(i + 1, end - i - 1).toByteArray().replace(',', '/');
            while (b64.size() % 4 != 0)
                b64 += '=';
            const auto decoded = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || decoded.decoded.size() % 2 != 0)
                return asIs;
            for (qsizetype k = 0; k < decoded.decoded.size(); k += 2)
                out += QChar(char16_t((uchar(decoded.decoded.at(k)) << 8) | uchar(decoded.decoded.at(k + 1))));
        }
        i = end + 1;
    }
    return out;
}

QByteArray formatUidSet(QList<quint32> uids)
{
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    uids.removeAll(0u);
    QByteArray out;
    for (qsizetype i = 0; i < uids.size();) {
        qsizetype j = i;
        while (j + 1 < uids.size() && uids.at(j + 1) == uids.at(j) + 1)
            ++j;
        if (!out.isEmpty())
            out += ',';
        out += QByteArray::number(uids.at(i));
        if (j > i)
            out += ':' + QByteArray::number(uids.at(j));
        i = j + 1;
    }
    return out;
}

bool isValidFlag(QByteArrayView flag)
{
    // flag = "\\" atom / atom (keywords and system flags alike); ATOM-CHAR excludes "]" as well
    const QByteArrayView name = flag.startsWith('\\') ? flag.sliced(1) : flag;
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), [](char c) { return c != ']' && isAstringChar(c); });
}

ImapCommand capability(const QByteArray &tag)
{
    return ImapCommandBuilder(tag).raw("CAPABILITY").finish();
}

ImapCommand noop(const QByteArray &tag)
{
    return ImapCommandBuilder(tag).raw("NOOP").finish();
}

ImapCommand logout(const QByteArray &tag)
{
    return ImapCommandBuilder(tag).raw("LOGOUT").finish();
}

ImapCommand startTls(const QByteArray &tag)
{
    return ImapCommandBuilder(tag).raw("STARTTLS").finish();
}

ImapCommand login(const QByteArray &tag, const QString &user, const QString &password, ImapLiteralMode mode)
{
    return ImapCommandBuilder(tag, mode)
        .raw("LOGIN ")
        .astring(user.toUtf8())
        .raw(" ")
        .astring(password.toUtf8(), ImapCommandBuilder::Secret::Yes)
        .finish();
}

namespace {

ImapCommand authenticate(const QByteArray &tag, QByteArrayView mechanism, const QByteArray &response, bool saslIr)
{
    ImapCommandBuilder builder(tag);
    builder.raw("AUTHENTICATE ").raw(mechanism);
    if (saslIr)
        builder.raw(" ");
    else
        builder.waitForContinuation();
    return builder.secret(response).finish();
}

} // namespace

ImapCommand authenticatePlain(const QByteArray &tag, const QString &user, const QString &password, bool saslIr)
{
    return authenticate(tag, "PLAIN", Sasl::plain(user, password), saslIr);
}

ImapCommand authenticateOAuthBearer(const QByteArray &tag, const QString &user, const QString &host, quint16 port,
                                    const QString &accessToken, bool saslIr)
{
    return authenticate(tag, "OAUTHBEARER", Sasl::oauthBearer(user, host, port, accessToken), saslIr);
}

ImapCommand authenticateXOAuth2(const QByteArray &tag, const QString &user, const QString &accessToken, bool saslIr)
{
    return authenticate(tag, "XOAUTH2", Sasl::xoauth2(user, accessToken), saslIr);
}

ImapCommand select(const QByteArray &tag, const QString &mailbox, bool condStore)
{
    ImapCommandBuilder builder(tag);
    builder.raw("SELECT ").mailbox(mailbox);
    if (condStore)
        builder.raw(" (CONDSTORE)");
    return builder.finish();
}

ImapCommand selectQresync(const QByteArray &tag, const QString &mailbox, quint32 uidValidity, quint64 modSeq)
{
    return ImapCommandBuilder(tag)
        .raw("SELECT ")
        .mailbox(mailbox)
        .raw(" (QRESYNC (")
        .raw(QByteArray::number(uidValidity))
        .raw(" ")
        .raw(QByteArray::number(modSeq))
        .raw("))")
        .finish();
}

ImapCommand enable(const QByteArray &tag, const QList<QByteArray> &extensions)
{
    return ImapCommandBuilder(tag).raw("ENABLE ").raw(extensions.join(' ')).finish();
}

ImapCommand create(const QByteArray &tag, const QString &mailbox)
{
    return ImapCommandBuilder(tag).raw("CREATE ").mailbox(mailbox).finish();
}

ImapCommand list(const QByteArray &tag, bool specialUse)
{
    ImapCommandBuilder builder(tag);
    builder.raw("LIST \"\" \"*\"");
    if (specialUse)
        builder.raw(" RETURN (SPECIAL-USE)");
    return builder.finish();
}

ImapCommand append(const QByteArray &tag, const QString &mailbox, const QList<QByteArray> &flags,
                   QByteArrayView message, ImapLiteralMode mode)
{
    return append(tag, mailbox, flags, QList<QByteArrayView>{message}, mode);
}

ImapCommand append(const QByteArray &tag, const QString &mailbox, const QList<QByteArray> &flags,
                   const QList<QByteArrayView> &messages, ImapLiteralMode mode)
{
    // RFC 3502: each message its own flags and literal, after the one mailbox.
    ImapCommandBuilder builder(tag, mode);
    builder.raw("APPEND ").mailbox(mailbox);
    for (QByteArrayView message : messages) {
        builder.raw(" ");
        if (!flags.isEmpty())
            builder.raw("(").raw(flags.join(' ')).raw(") ");
        builder.literal(message);
    }
    return builder.finish();
}

ImapCommand uidSearch(const QByteArray &tag, QByteArrayView criteria)
{
    return ImapCommandBuilder(tag).raw("UID SEARCH ").raw(criteria).finish();
}

ImapCommand uidFetch(const QByteArray &tag, QByteArrayView uidSet, const QList<QByteArray> &items)
{
    return ImapCommandBuilder(tag).raw("UID FETCH ").raw(uidSet).raw(" (").raw(items.join(' ')).raw(")").finish();
}

ImapCommand uidFetchChangedSince(const QByteArray &tag, QByteArrayView uidSet, const QList<QByteArray> &items,
                                 quint64 modSeq, bool vanished)
{
    return ImapCommandBuilder(tag)
        .raw("UID FETCH ")
        .raw(uidSet)
        .raw(" (")
        .raw(items.join(' '))
        .raw(") (CHANGEDSINCE ")
        .raw(QByteArray::number(modSeq))
        .raw(vanished ? " VANISHED)" : ")")
        .finish();
}

ImapCommand uidStore(const QByteArray &tag, QByteArrayView uidSet, StoreMode mode, bool silent,
                     const QList<QByteArray> &flags, quint64 unchangedSince)
{
    QByteArray item = mode == StoreMode::Add ? "+FLAGS" : mode == StoreMode::Remove ? "-FLAGS" : "FLAGS";
    if (silent)
        item += ".SILENT";
    ImapCommandBuilder builder(tag);
    builder.raw("UID STORE ").raw(uidSet).raw(" ");
    // store-modifiers come before the data item (RFC 4466 2.5, RFC 7162 3.1.3)
    if (unchangedSince != 0)
        builder.raw("(UNCHANGEDSINCE ").raw(QByteArray::number(unchangedSince)).raw(") ");
    return builder.raw(item).raw(" (").raw(flags.join(' ')).raw(")").finish();
}

ImapCommand uidExpunge(const QByteArray &tag, QByteArrayView uidSet)
{
    return ImapCommandBuilder(tag).raw("UID EXPUNGE ").raw(uidSet).finish();
}

ImapCommand idle(const QByteArray &tag)
{
    return ImapCommandBuilder(tag).raw("IDLE").finish();
}

ImapCommand done()
{
    return ImapCommandBuilder(QByteArray()).raw("DONE").finish();
}

QByteArray redactedLine(QByteArrayView line)
{
    QByteArray text = line.toByteArray();
    while (text.endsWith('\n') || text.endsWith('\r'))
        text.chop(1);

    // tag SP verb SP ...
    const qsizetype tagEnd = text.indexOf(' ');
    if (tagEnd < 0)
        return text;
    qsizetype verbEnd = text.indexOf(' ', tagEnd + 1);
    if (verbEnd < 0)
        return text;
    const QByteArray verb = text.mid(tagEnd + 1, verbEnd - tagEnd - 1).toUpper();
    const QByteArray head = text.left(verbEnd + 1);   // "a1 LOGIN "
    const QByteArray rest = text.mid(verbEnd + 1);
    if (verb == "AUTHENTICATE") {
        const qsizetype mechEnd = rest.indexOf(' ');
        return mechEnd < 0 ? text : head + rest.left(mechEnd) + ' ' + Redacted;
    }
    if (verb != "LOGIN")
        return text;
    // Keep the user name when it is an atom or a complete quoted string.
    qsizetype userEnd = -1;
    if (rest.startsWith('"')) {
        for (qsizetype i = 1; i < rest.size(); ++i) {
            if (rest.at(i) == '\\') {
                ++i;
            } else if (rest.at(i) == '"') {
                userEnd = i + 1;
                break;
            }
        }
    } else if (!rest.startsWith('{')) {
        userEnd = rest.indexOf(' ');
    }
    if (userEnd <= 0)
        return head + Redacted;
    return head + rest.left(userEnd) + ' ' + Redacted;
}

} // namespace ImapWriter
} // namespace machina
