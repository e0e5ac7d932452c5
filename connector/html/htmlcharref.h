#pragma once

#include <QString>
#include <QStringView>

namespace machina {

/**
 * HTML's character references (HTML standard 13.2.5.72 onwards): "&#233;",
 * "&#xE9;" and the 2,231 named ones ("&eacute;", "&notin;", legacy "&copy"
 * without ';'). One decoder for the HTML-to-text conversion and for the
 * sanitiser's look through encoded URLs.
 */
namespace HtmlCharRef {

/// Number of named references in the table (the standard's 2,231).
int namedCount();

/**
 * At @p text[@p ampersand] == '&': decodes the reference that starts there
 * into @p decoded and returns the index after it, or -1 when no reference
 * starts there (the '&' is then plain text). @p inAttribute applies the rule
 * for attribute values: a legacy name without ';' followed by '=' or an
 * alphanumeric stays text ("?a=1&copy=2").
 */
qsizetype decodeAt(QStringView text, qsizetype ampersand, bool inAttribute, QString *decoded);

/// Every reference in @p text decoded, as in text content.
QString decodeText(QStringView text);
/// Every reference in @p value decoded, as in an attribute value.
QString decodeAttribute(QStringView value);

} // namespace HtmlCharRef
} // namespace machina
