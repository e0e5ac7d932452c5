#pragma once

#include <QString>

namespace machina {

/**
 * Plain text from mail HTML, for a message without a text part and for
 * listen()'s handlers: inline text joined with white space collapsed as a
 * browser lays it out; blocks, paragraphs, line breaks and list items on
 * lines of their own; <pre> kept as written; script, style, title and the
 * head left out; every character reference decoded.
 */
namespace HtmlToText {

QString convert(const QString &html);

} // namespace HtmlToText
} // namespace machina
