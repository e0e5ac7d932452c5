#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace machina {

/// What a technician's reply asks for.
enum class ReplyCode { Acknowledge, Start, Done, Reject };

/// "acknowledged", "in_progress", "done", "rejected": the names the config and JSON use.
QString replyCodeName(ReplyCode code);
std::optional<ReplyCode> replyCodeFromName(QStringView name);

/**
 * The words a technician may answer with, and the reading of a reply. The
 * code is the first word of the reply's own text: the first non-empty line of
 * the body that is not quoted ("> ..."). Case does not matter, and
 * punctuation after the word is allowed ("Ack.", "erledigt!"). The rest of the
 * own text, up to the quote or a signature, is the comment.
 *
 * Ambiguous words (OK, NO, YES) are deliberately absent: "No problem, on my
 * way" must not reject a job.
 */
class ReplyCodeTable
{
public:
    struct Reading
    {
        std::optional<ReplyCode> code;
        QString word;      ///< the word as written, when it is a code
        QString comment;   ///< the rest of the reply's own text
    };

    /// English, German and Italian.
    static ReplyCodeTable defaults();

    /// Replaces the words for @p code (the config's reply_codes). Empty words are ignored.
    void setWords(ReplyCode code, const QStringList &words);
    QStringList words(ReplyCode code) const;
    /// A word given for two codes, in a sentence; empty when none is.
    QString conflict() const;

    Reading read(const QString &body) const;
    /// The code @p word stands for (any case, trailing punctuation allowed).
    std::optional<ReplyCode> codeOf(const QString &word) const;

    /// The one-line explanation a notification carries ("Reply ACK to take the job, ...").
    QString instructions() const;

private:
    QHash<ReplyCode, QStringList> m_words;
};

} // namespace machina
