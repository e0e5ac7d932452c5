#include "replycodes.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace machina {

namespace {

constexpr ReplyCode AllCodes[] = {ReplyCode::Acknowledge, ReplyCode::Start, ReplyCode::Done, ReplyCode::Reject};

QString fold(const QString &word)
{
    return word.toCaseFolded();
}

/// The word without what may follow it in a sentence: "ack." "DONE!" "erledigt," "fatto:-)".
QString stripPunctuation(const QString &word)
{
    qsizetype end = word.size();
    while (end > 0 && !word.at(end - 1).isLetterOrNumber())
        --end;
    return word.left(end);
}

bool isQuoted(const QString &line)
{
    return line.trimmed().startsWith(u'>');
}

/// "On Mon, 1 Dec 2026, Anna wrote:" and its German and Italian cousins, ahead of a quote.
bool isAttribution(const QString &line)
{
    static const QRegularExpression pattern(QStringLiteral("(wrote|schrieb|ha scritto|scrive):\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(line).hasMatch();
}

} // namespace

QString replyCodeName(ReplyCode code)
{
    switch (code) {
    case ReplyCode::Acknowledge: return QStringLiteral("acknowledged");
    case ReplyCode::Start: return QStringLiteral("in_progress");
    case ReplyCode::Done: return QStringLiteral("done");
    case ReplyCode::Reject: return QStringLiteral("rejected");
    }
    return {};
}

std::optional<ReplyCode> replyCodeFromName(QStringView name)
{
    for (ReplyCode code : AllCodes) {
        if (name == replyCodeName(code))
            return code;
    }
    return std::nullopt;
}

ReplyCodeTable ReplyCodeTable::defaults()
{
    ReplyCodeTable table;
    table.setWords(ReplyCode::Acknowledge, {QStringLiteral("ACK"), QStringLiteral("ACCEPT"), QStringLiteral("ACCEPTED"),
                                            QStringLiteral("QUITTIERT"), QStringLiteral("ANGENOMMEN"),
                                            QStringLiteral("RICEVUTO"), QStringLiteral("ACCETTATO"), QStringLiteral("PRESO")});
    table.setWords(ReplyCode::Start, {QStringLiteral("START"), QStringLiteral("STARTED"), QStringLiteral("BEGONNEN"),
                                      QStringLiteral("INIZIATO")});
    table.setWords(ReplyCode::Done, {QStringLiteral("DONE"), QStringLiteral("CMP"), QStringLiteral("CLOSED"),
                                     QStringLiteral("FIXED"), QStringLiteral("ERLEDIGT"), QStringLiteral("FERTIG"),
                                     QStringLiteral("FATTO"), QStringLiteral("COMPLETATO"), QStringLiteral("CHIUSO")});
    table.setWords(ReplyCode::Reject, {QStringLiteral("REJECT"), QStringLiteral("DECLINE"), QStringLiteral("ABGELEHNT"),
                                       QStringLiteral("RIFIUTATO")});
    return table;
}

void ReplyCodeTable::setWords(ReplyCode code, const QStringList &words)
{
    QStringList kept;
    for (const QString &word : words) {
        const QString trimmed = word.trimmed();
        if (!trimmed.isEmpty())
            kept.append(trimmed);
    }
    m_words.insert(code, kept);
}

QStringList ReplyCodeTable::words(ReplyCode code) const
{
    return m_words.value(code);
}

QString ReplyCodeTable::conflict() const
{
    QHash<QString, ReplyCode> seen;
    for (ReplyCode code : AllCodes) {
        for (const QString &word : m_words.value(code)) {
            const auto it = seen.constFind(fold(word));
            if (it != seen.cend() && *it != code) {
                return QCoreApplication::translate("machina::ReplyCodeTable", "%1 is given for both %2 and %3")
                    .arg(word, replyCodeName(*it), replyCodeName(code));
            }
            seen.insert(fold(word), code);
        }
    }
    return {};
}

std::optional<ReplyCode> ReplyCodeTable::codeOf(const QString &word) const
{
    const QString folded = fold(stripPunctuation(word));
    if (folded.isEmpty())
        return std::nullopt;
    for (ReplyCode code : AllCodes) {
        for (const QString &candidate : m_words.value(code)) {
            if (fold(candidate) == folded)
                return code;
        }
    }
    return std::nullopt;
}

ReplyCodeTable::Reading ReplyCodeTable::read(const QString &body) const
{
    Reading reading;
    QStringList own;
    const QStringList lines = QString(body).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(u'\n');
    for (const QString &line : lines) {
        if (isQuoted(line) || line == QLatin1String("-- "))
            break;
        own.append(line);
    }
    // The attribution line belongs to the quote, not to the comment.
    while (!own.isEmpty() && (own.constLast().trimmed().isEmpty() || isAttribution(own.constLast())))
        own.removeLast();
    qsizetype first = 0;
    while (first < own.size() && own.at(first).trimmed().isEmpty())
        ++first;
    if (first >= own.size())
        return reading;

    const QString line = own.at(first).trimmed();
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const qsizetype gap = line.indexOf(space);
    const QString word = gap < 0 ? line : line.left(gap);
    reading.code = codeOf(word);
    if (!reading.code)
        return reading;
    reading.word = stripPunctuation(word);
    QStringList comment;
    if (gap >= 0)
        comment.append(line.mid(gap).trimmed());
    for (qsizetype i = first + 1; i < own.size(); ++i)
        comment.append(own.at(i).trimmed());
    while (!comment.isEmpty() && comment.constFirst().isEmpty())
        comment.removeFirst();
    reading.comment = comment.join(u'\n').trimmed();
    return reading;
}

QString ReplyCodeTable::instructions() const
{
    const auto first = [this](ReplyCode code) {
        const QStringList list = m_words.value(code);
        return list.isEmpty() ? QString() : list.constFirst();
    };
    return QStringLiteral("Reply with %1 to take the job, %2 when you start, %3 when it is done, %4 to hand it on.")
        .arg(first(ReplyCode::Acknowledge), first(ReplyCode::Start), first(ReplyCode::Done), first(ReplyCode::Reject));
}

} // namespace machina
