#pragma once

// For connector/mime/*.cpp only: not part of the public API. Include after <gmime/gmime.h>.

#include "gmimesupport.h"

#include "messageparser.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace machina::mime {

/**
 * Deepest MIME nesting we walk. GMime stops at its own limit; ours keeps the
 * recursion (and boundary-guessing re-parses) bounded whatever GMime does.
 */
constexpr int MaxDepth = 40;

/** Loose RFC compliance and our fallback charsets; GMime's warnings go to @p problems. */
gmime::ParserOptionsPtr newParserOptions(QStringList *problems);

/** Subject, addresses, Date and message ids of @p message into @p out, with their problems. */
void readHeaders(GMimeMessage *message, GMimeParserOptions *options, ParsedMessage *out);

/** Walks the MIME tree, choosing the bodies and collecting the attachments. */
class BodyWalker
{
public:
    BodyWalker(ParsedMessage *out, GMimeParserOptions *options) : m_out(out), m_options(options) { }

    void walk(GMimeObject *object, const QString &section, bool inAlternative, int depth);

private:
    static QString where(const QString &section);

    void problem(const QString &where, const QString &what);

    void walkMultipart(GMimeMultipart *multipart, const QString &section, bool inAlternative, int depth);

    /**
     * A multipart in which GMime found no part: its boundary never appears
     * or it has none. Everything is in the prologue; read it with the
     * boundary the body really uses, or else as text.
     */
    void rescueMultipart(GMimeMultipart *multipart, const QString &type, const QString &section,
                         bool inAlternative, int depth);

    QByteArray content(GMimePart *part, const QString &place);

    void leaf(GMimePart *part, const QString &section, bool inAlternative);

    /** GMime's decoded filename*= (RFC 2231) or name=; RFC 2047 words left in it decoded by us. */
    QString fileName(const char *value, const QString &place);

    QString plainText(GMimeObject *object, const QByteArray &data, const QString &place);

    QString htmlText(GMimeObject *object, const QByteArray &data, const QString &place);

    /** message/rfc822: an attachment named after its subject (RFC 2046 section 5.2.1). */
    void messagePart(GMimeMessagePart *part, const QString &section);

    ParsedMessage *m_out;
    GMimeParserOptions *m_options;
    bool m_hasText = false;
    bool m_hasHtml = false;
};

} // namespace machina::mime
