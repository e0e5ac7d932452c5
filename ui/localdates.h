#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTime>

namespace machina::LocalDates {

// Dates and times as the desktop's language writes them (23.11.26, 11/23/26;
// 14:05, 2:05 PM). The C locale (no language chosen) keeps the ISO forms
// 2026-11-23 and 14:05 rather than its own "23 Nov 2026" and "14:05:00".

inline QString shortTime(const QTime &time)
{
    const QLocale locale;
    return locale.language() == QLocale::C ? time.toString(QStringLiteral("HH:mm")) : locale.toString(time, QLocale::ShortFormat);
}

inline QString shortDate(const QDate &date)
{
    const QLocale locale;
    return locale.language() == QLocale::C ? date.toString(Qt::ISODate) : locale.toString(date, QLocale::ShortFormat);
}

inline QString shortDateTime(const QDateTime &local)
{
    return shortDate(local.date()) + QLatin1Char(' ') + shortTime(local.time());
}

} // namespace machina::LocalDates
