// The response grammar: status (tagged and untagged) responses, CAPABILITY,
// EXISTS/EXPUNGE/RECENT, FLAGS, SEARCH, ESEARCH, LIST/LSUB, STATUS, VANISHED,
// unknown responses, and response codes. FETCH items are in imapfetch.cpp.
#include "imapresponses.h"

#include <algorithm>
#include <limits>

namespace machina {

using namespace ImapSyntax;

std::optional<ImapCondition> ImapSyntax::conditionFromWord(QByteArrayView upper)
{
    if (upper == "OK")
        return ImapCondition::Ok;
    if (upper == "NO")
        return ImapCondition::No;
    if (upper == "BAD")
        return ImapCondition::Bad;
    if (upper == "PREAUTH")
        return ImapCondition::PreAuth;
    if (upper == "BYE")
        return ImapCondition::Bye;
    return std::nullopt;
}

bool ImapResponseReader::response(ImapResponse &r)
{
    const char first = peek();
    if (first == '+') {
        ++m_pos;
        if (peek() == ' ')
            ++m_pos;
        r.kind = ImapResponse::Kind::Continuation;
        r.text = restOfLine();
        return finish();
    }
    if (first == '*') {
        ++m_pos;
        return space() && untagged(r);
    }

    // response-tagged = tag SP resp-cond-state CRLF
    QByteArray tag;
    if (!atEnd() && !isAtomChar(first, true))
        return fail(m_pos, QStringLiteral("malformed tag"));
    if (!atom(tag, true, "a tag") || !space())
        return false;
    const qsizetype condPos = m_pos;
    QByteArray word;
    if (!atom(word, true, "OK, NO or BAD"))
        return false;
    const std::optional<ImapCondition> condition = conditionFromWord(word.toUpper());
    if (!condition || *condition == ImapCondition::PreAuth || *condition == ImapCondition::Bye)
        return fail(condPos, QStringLiteral("unknown tagged status \"%1\"").arg(printable(word)));
    r.kind = ImapResponse::Kind::Status;
    r.tag = tag;
    r.condition = *condition;
    return respText(r) && finish();
}

bool ImapResponseReader::untagged(ImapResponse &r)
{
    if (isDigit(peek())) {
        quint64 n = 0;
        if (!number(n, std::numeric_limits<quint32>::max()) || !space())
            return false;
        r.number = quint32(n);
        QByteArray keyword;
        if (!atom(keyword, false, "a response keyword"))
            return false;
        keyword = keyword.toUpper();
        if (keyword == "EXISTS")
            r.kind = ImapResponse::Kind::Exists;
        else if (keyword == "EXPUNGE")
            r.kind = ImapResponse::Kind::Expunge;
        else if (keyword == "RECENT")
            r.kind = ImapResponse::Kind::Recent;
        if (r.kind != ImapResponse::Kind::Other)
            return finish();
        if (keyword == "FETCH") {
            r.kind = ImapResponse::Kind::Fetch;
            r.fetch.sequenceNumber = r.number;
            return space() && fetch(r.fetch) && finish();
        }
        r.name = keyword;
    } else {
        QByteArray keyword;
        if (!atom(keyword, false, "a response keyword"))
            return false;
        keyword = keyword.toUpper();
        if (const std::optional<ImapCondition> condition = conditionFromWord(keyword)) {
            r.kind = ImapResponse::Kind::Status;
            r.condition = *condition;
            return respText(r) && finish();
        }
        if (keyword == "CAPABILITY" || keyword == "ENABLED") {
            r.kind = keyword == "ENABLED" ? ImapResponse::Kind::Enabled : ImapResponse::Kind::Capability;
            while (!atLineEnd()) {
                if (!space())
                    return false;
                if (atLineEnd())
                    break;
                QByteArray word;
                if (!atom(word, false, "a capability"))
                    return false;
                r.atoms.append(word.toUpper());
            }
            return finish();
        }
        if (keyword == "FLAGS") {
            r.kind = ImapResponse::Kind::Flags;
            return space() && atomList(r.atoms) && finish();
        }
        if (keyword == "SEARCH") {
            // RFC 3501 7.2.5; RFC 7162 3.1.5 adds "(MODSEQ n)" at the end
            r.kind = ImapResponse::Kind::Search;
            while (!atLineEnd()) {
                if (!space())
                    return false;
                if (atLineEnd())
                    break;
                if (peek() == '(') {
                    const qsizetype at = m_pos;
                    QList<ImapValue> items;
                    if (!list(items, 1))
                        return false;
                    if (items.size() != 2 || items.at(0).bytes.toUpper() != "MODSEQ"
                        || items.at(1).type != ImapValue::Type::Number)
                        return fail(at, QStringLiteral("expected (MODSEQ n) after the search results"));
                    r.searchModSeq = items.at(1).number;
                    return finish();
                }
                quint64 id = 0;
                if (!number(id, std::numeric_limits<quint32>::max()))
                    return false;
                r.ids.append(quint32(id));
            }
            return finish();
        }
        if (keyword == "ESEARCH") {
            // RFC 4731 3.1: "ESEARCH" [SP "(" "TAG" SP tag-string ")"] [SP "UID"] *(SP search-return-data)
            r.kind = ImapResponse::Kind::ESearch;
            while (!atLineEnd()) {
                if (!space())
                    return false;
                if (atLineEnd())
                    break;
                const qsizetype at = m_pos;
                if (peek() == '(') {
                    QList<ImapValue> items;
                    if (!list(items, 1))
                        return false;
                    if (items.size() != 2 || items.at(0).bytes.toUpper() != "TAG" || items.at(1).type != ImapValue::Type::String)
                        return fail(at, QStringLiteral("expected (TAG \"tag\") in ESEARCH"));
                    r.esearchTag = items.at(1).bytes;
                    continue;
                }
                QByteArray word;
                if (!atom(word, false, "an ESEARCH item"))
                    return false;
                word = word.toUpper();
                if (word == "UID") {
                    r.esearchUid = true;
                    continue;
                }
                if (!space())
                    return false;
                if (word == "ALL") {
                    QByteArray set;
                    const qsizetype setAt = m_pos;
                    if (!atom(set, false, "a sequence set"))
                        return false;
                    // nz-number 1*(":" / ",") ... : digits only, no "*" in results (RFC 4731 3.1)
                    const std::optional<ImapUidSet> uids = ImapUidSet::parse(set);
                    if (!uids)
                        return fail(setAt, QStringLiteral("a bad sequence set in ESEARCH ALL"));
                    r.searchRanges.append(uids->ranges);
                } else if (word == "COUNT" || word == "MIN" || word == "MAX" || word == "MODSEQ") {
                    quint64 n = 0;
                    if (!number(n, word == "MODSEQ" ? std::numeric_limits<quint64>::max() : std::numeric_limits<quint32>::max()))
                        return false;
                    if (word == "COUNT")
                        r.esearchCount = n;
                    else if (word == "MODSEQ")
                        r.searchModSeq = n;
                } else {
                    ImapValue ignored; // an extension's return data (RFC 4466 2.6.2)
                    if (!value(ignored, 1))
                        return false;
                }
            }
            return finish();
        }
        if (keyword == "LIST" || keyword == "LSUB") {
            // mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
            r.kind = keyword == "LIST" ? ImapResponse::Kind::List : ImapResponse::Kind::Lsub;
            if (!space() || !atomList(r.listEntry.attributes) || !space())
                return false;
            const qsizetype at = m_pos;
            ImapValue delimiter;
            if (!value(delimiter, 0))
                return false;
            if (!delimiter.isNil() && !delimiter.isString())
                return fail(at, QStringLiteral("expected a quoted hierarchy delimiter or NIL"));
            r.listEntry.delimiter = delimiter.toBytes();
            if (!space() || !astring(r.listEntry.name))
                return false;
            // LIST-EXTENDED data (RFC 5258) may follow; it is read and dropped.
            while (!atLineEnd()) {
                ImapValue extension;
                if (!space())
                    return false;
                if (!atLineEnd() && !value(extension, 0))
                    return false;
            }
            return finish();
        }
        if (keyword == "VANISHED") {
            // RFC 7162 7: "VANISHED" [SP "(EARLIER)"] SP known-uids
            r.kind = ImapResponse::Kind::Vanished;
            if (!space())
                return false;
            if (peek() == '(') {
                const qsizetype at = m_pos;
                QList<ImapValue> tag;
                if (!list(tag, 1))
                    return false;
                if (tag.size() != 1 || tag.at(0).type != ImapValue::Type::Atom || tag.at(0).bytes.toUpper() != "EARLIER")
                    return fail(at, QStringLiteral("expected (EARLIER) in VANISHED"));
                r.vanishedEarlier = true;
                if (!space())
                    return false;
            }
            const qsizetype setAt = m_pos;
            QByteArray set;
            if (!atom(set, false, "a UID set"))
                return false;
            std::optional<ImapUidSet> uids = ImapUidSet::parse(set);
            if (!uids)
                return fail(setAt, QStringLiteral("a bad UID set in VANISHED"));
            if (uids->count() > ImapParser::MaxVanishedUids)
                return fail(setAt, QStringLiteral("VANISHED of %1 UIDs, more than %2")
                                       .arg(uids->count())
                                       .arg(ImapParser::MaxVanishedUids));
            r.uidSet = std::move(*uids);
            return finish();
        }
        if (keyword == "STATUS") {
            r.kind = ImapResponse::Kind::MailboxStatus;
            if (!space() || !astring(r.mailboxStatus.mailbox) || !space())
                return false;
            const qsizetype at = m_pos;
            QList<ImapValue> items;
            if (!list(items, 1))
                return false;
            if (items.size() % 2 != 0)
                return fail(at, QStringLiteral("STATUS items must come in name-value pairs"));
            for (qsizetype i = 0; i < items.size(); i += 2) {
                if (items.at(i).type != ImapValue::Type::Atom || items.at(i + 1).type != ImapValue::Type::Number)
                    return fail(at, QStringLiteral("STATUS items must be an atom and a number"));
                r.mailboxStatus.items.insert(items.at(i).bytes.toUpper(), items.at(i + 1).number);
            }
            return finish();
        }
        r.name = keyword;
    }

    // Anything else is kept generically: an unknown response is not an error.
    r.kind = ImapResponse::Kind::Other;
    while (!atLineEnd()) {
        if (!space())
            return false;
        if (atLineEnd())
            break;
        ImapValue v;
        if (!value(v, 0))
            return false;
        r.values.append(std::move(v));
    }
    return finish();
}

bool ImapResponseReader::respText(ImapResponse &r)
{
    // resp-text = ["[" resp-text-code "]" SP] text; servers omit the text at times
    if (atLineEnd())
        return true;
    if (!space())
        return false;
    if (peek() == '[') {
        ImapResponseCode code;
        if (!responseCode(code))
            return false;
        r.code = std::move(code);
        skipSpaces();
    }
    r.text = restOfLine();
    return true;
}

bool ImapResponseReader::responseCode(ImapResponseCode &code)
{
    const qsizetype open = m_pos++;
    if (!atom(code.name, true, "a response code"))
        return false;
    code.name = code.name.toUpper();
    skipSpaces();
    const qsizetype argsPos = m_pos;
    if (!skipBracketed(open, QStringLiteral("response code")))
        return false;
    code.arguments = m_data.sliced(argsPos, m_pos - argsPos).trimmed().toByteArray();
    ++m_pos;   // "]"

    const QByteArray &name = code.name;
    if (name == "UIDVALIDITY" || name == "UIDNEXT" || name == "UNSEEN" || name == "HIGHESTMODSEQ") {
        const quint64 max = name == "HIGHESTMODSEQ" ? std::numeric_limits<quint64>::max()
                                                    : std::numeric_limits<quint32>::max();
        if (!toUnsigned(code.arguments, max, code.number))
            return fail(argsPos, QStringLiteral("response code %1 needs a number up to %2, got \"%3\"")
                                     .arg(QString::fromLatin1(name))
                                     .arg(max)
                                     .arg(printable(code.arguments)));
    } else if (name == "CAPABILITY") {
        const QList<QByteArray> words = code.arguments.split(' ');
        for (const QByteArray &word : words) {
            if (!word.isEmpty())
                code.list.append(word.toUpper());
        }
    } else if (name == "APPENDUID") {
        // RFC 4315 3: "APPENDUID" SP nz-number SP append-uid (a uid-set after MULTIAPPEND)
        const qsizetype gap = code.arguments.indexOf(' ');
        const std::optional<ImapUidSet> uids = gap < 0 ? std::nullopt : ImapUidSet::parse(code.arguments.mid(gap + 1));
        if (!uids || !toUnsigned(code.arguments.left(gap), std::numeric_limits<quint32>::max(), code.number)
            || code.number == 0)
            return fail(argsPos, QStringLiteral("APPENDUID needs a UIDVALIDITY and a UID set, got \"%1\"")
                                     .arg(printable(code.arguments)));
        code.uids = *uids;
    } else if (name == "MODIFIED") {
        // RFC 7162 3.1.3: "MODIFIED" SP sequence-set, the messages a conditional STORE left alone.
        // Unreadable, it is an error: taking it for "none" would make a loser believe it won.
        const std::optional<ImapUidSet> uids = ImapUidSet::parse(code.arguments);
        if (!uids)
            return fail(argsPos, QStringLiteral("MODIFIED needs a set of message numbers, got \"%1\"")
                                     .arg(printable(code.arguments)));
        code.uids = *uids;
    } else if (name == "PERMANENTFLAGS") {
        ImapResponseReader flags(code.arguments, m_base + argsPos);
        if (!flags.atomList(code.list) || !flags.atEnd()) {
            m_error = flags.m_error;
            return fail(argsPos, QStringLiteral("PERMANENTFLAGS needs a list of flags"));
        }
    }
    return true;
}

} // namespace machina
