#pragma once

// For connector/mime/*.cpp only: not part of the public API. Include after <gmime/gmime.h>.

#include "messageparser.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace machina::mime {

/** RFC 5322 section 2.2.3: unfolding removes the CRLF, the whitespace after it stays. */
QByteArray unfolded(const char *raw);

/** An unstructured header (Subject) as display text. */
QString decodeHeaderText(const char *raw, const QString &where, QStringList *problems);

/** The mailboxes of the headers called @p name (From, To, ...), groups flattened. */
QList<MailAddress> addressHeader(GMimeHeaderList *headers, const char *name,
                                 GMimeParserOptions *options, QStringList *problems);

/** The ids, without <>, of the header @p name (Message-ID, In-Reply-To, References). */
QStringList messageIds(GMimeHeaderList *headers, const char *name, GMimeParserOptions *options);

} // namespace machina::mime
