#pragma once

// For connector/mime/*.cpp only: not part of the public API.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace machina::mime {

/**
 * Unlabelled 8-bit text: UTF-8 where the bytes are well-formed UTF-8, and
 * windows-1252 (the usual label-less legacy charset, and a superset of the
 * printable ISO-8859-1) for each byte that is not. Sets @p usedFallback.
 */
QString decodeUtf8Or1252(QByteArrayView bytes, bool *usedFallback = nullptr);

/** An attacker-chosen string, made safe and short for a problem sentence. */
QString quoted(QByteArrayView bytes);

QByteArray normalisedCharset(QByteArrayView label);

/**
 * @p bytes in the charset @p label, for the text at @p where; what had to be
 * guessed or replaced goes to @p problems.
 */
QString decodeCharset(QByteArrayView bytes, QByteArrayView label, const QString &where,
                      QStringList *problems);

QString withLfLineEnds(QString text);

} // namespace machina::mime
