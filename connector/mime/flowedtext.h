#pragma once

// For connector/mime/*.cpp only: not part of the public API.

#include <QString>

namespace machina::mime {

/**
 * Joins soft-broken lines (a trailing space) within one quote depth, undoes
 * space-stuffing, and with DelSp=yes drops the space that marked the break.
 */
QString unflowed(const QString &text, bool delSp);

} // namespace machina::mime
