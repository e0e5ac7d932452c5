#pragma once

#include <QString>

namespace machina {

/**
 * Mail HTML made safe to show: nothing in the result runs or fetches.
 *
 * - script, iframe (with their content), object, embed, applet, form
 *   controls, link, meta, base and frames go; comments go (conditional
 *   comments carry markup some readers act on);
 * - on* handlers, srcdoc, formaction and http-equiv go; a link to a script
 *   or data: URL loses its target; an image source that is not embedded
 *   (cid:, or a raster data:image) goes;
 * - style elements and attributes that would load something (url(),
 *   @import, expression(), or an escape that could hide them) go.
 *
 * Tags are read with HtmlTokenizer, the tokenizer the HTML-to-text
 * conversion uses too, and written out again, lower case, with the kept
 * attributes double-quoted. A '<' that the tokenizer took for text but
 * another reader might take for a tag is escaped.
 */
QString sanitizeHtml(const QString &html);

/**
 * Checks @p sanitized output once more, read by the same tokenizer: the first
 * thing found that should not be there (a handler, a script URL, a remote
 * resource, a dropped element), in words; empty when there is none. For the
 * fuzz target and tests.
 */
QString findUnsafeHtml(const QString &sanitized);

} // namespace machina
