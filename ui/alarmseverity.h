#pragma once

#include "workorders/alarmrules.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace machina {

/**
 * How bad an alarm mail is, as the console ranks it: Critical > Alarm >
 * Warning > Info, and None for mail that is no alarm. The class comes from the
 * priority the matching AlarmRule gives its severity word (critical ->
 * Critical, high -> Alarm, normal -> Warning, low -> Info), so "kritisch" or
 * "allarme" rank like "critical" and "alarm", and a configured rule's own
 * words do too.
 */
enum class AlarmSeverity { None, Info, Warning, Alarm, Critical };

/**
 * The severity's look: an icon whose shape differs per class (octagon,
 * triangle, diamond, circle), a translated word and a colour. Never colour
 * alone: the word and the icon carry the same. The colour is checked against
 * the background it is drawn on (WCAG 2 contrast, at least 4.5:1) and made
 * lighter on dark palettes or darker on light ones until it reads.
 */
class SeverityDisplay
{
    Q_DECLARE_TR_FUNCTIONS(SeverityDisplay)
public:
    /// The contrast ratio text needs on its background (WCAG 2 AA for normal text).
    static constexpr double MinimumContrast = 4.5;

    static AlarmSeverity fromPriority(WorkOrderPriority priority);
    static AlarmSeverity of(const Alarm &alarm) { return fromPriority(alarm.priority); }
    /// The priority a work order for an alarm of @p severity starts with (None: Normal).
    static WorkOrderPriority priorityFor(AlarmSeverity severity);
    /// 4 for Critical down to 1 for Info, 0 for None: the sort key.
    static int rank(AlarmSeverity severity) { return int(severity); }

    /// "Critical", "Alarm", "Warning", "Info" (translated); empty for None.
    static QString text(AlarmSeverity severity);
    /// :/icons/severity-<class>.svg; a null icon for None.
    static QIcon icon(AlarmSeverity severity);
    /// The hue the class is drawn in before any contrast correction.
    static QColor baseColor(AlarmSeverity severity);
    /// baseColor() made readable on @p background (see readableOn()); invalid for None.
    static QColor color(AlarmSeverity severity, const QColor &background);

    /// The WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white).
    static double contrastRatio(const QColor &a, const QColor &b);
    /**
     * @p wanted when it has @p minimum contrast on @p background; else the
     * same hue made lighter (dark background) or darker (light background)
     * step by step until it has; black or white as the last resort.
     */
    static QColor readableOn(const QColor &wanted, const QColor &background, double minimum = MinimumContrast);
};

} // namespace machina
