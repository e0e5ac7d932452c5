#include "alarmseverity.h"

#include <QtMath>

namespace machina {

namespace {

/// WCAG 2 relative luminance of one sRGB channel in [0, 1].
double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : qPow((channel + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

} // namespace

AlarmSeverity SeverityDisplay::fromPriority(WorkOrderPriority priority)
{
    switch (priority) {
    case WorkOrderPriority::Critical: return AlarmSeverity::Critical;
    case WorkOrderPriority::High: return AlarmSeverity::Alarm;
    case WorkOrderPriority::Normal: return AlarmSeverity::Warning;
    case WorkOrderPriority::Low: return AlarmSeverity::Info;
    }
    return AlarmSeverity::Warning;
}

WorkOrderPriority SeverityDisplay::priorityFor(AlarmSeverity severity)
{
    switch (severity) {
    case AlarmSeverity::Critical: return WorkOrderPriority::Critical;
    case AlarmSeverity::Alarm: return WorkOrderPriority::High;
    case AlarmSeverity::Warning: return WorkOrderPriority::Normal;
    case AlarmSeverity::Info: return WorkOrderPriority::Low;
    case AlarmSeverity::None: break;
    }
    return WorkOrderPriority::Normal;
}

QString SeverityDisplay::text(AlarmSeverity severity)
{
    switch (severity) {
    case AlarmSeverity::Critical: return tr("Critical");
    case AlarmSeverity::Alarm: return tr("Alarm");
    case AlarmSeverity::Warning: return tr("Warning");
    case AlarmSeverity::Info: return tr("Info");
    case AlarmSeverity::None: break;
    }
    return {};
}

QIcon SeverityDisplay::icon(AlarmSeverity severity)
{
    switch (severity) {
    case AlarmSeverity::Critical: return QIcon(QStringLiteral(":/icons/severity-critical.svg"));
    case AlarmSeverity::Alarm: return QIcon(QStringLiteral(":/icons/severity-alarm.svg"));
    case AlarmSeverity::Warning: return QIcon(QStringLiteral(":/icons/severity-warning.svg"));
    case AlarmSeverity::Info: return QIcon(QStringLiteral(":/icons/severity-info.svg"));
    case AlarmSeverity::None: break;
    }
    return {};
}

QColor SeverityDisplay::baseColor(AlarmSeverity severity)
{
    // The icons' hues.
    switch (severity) {
    case AlarmSeverity::Critical: return QColor(0xc6, 0x28, 0x28);
    case AlarmSeverity::Alarm: return QColor(0xef, 0x6c, 0x00);
    case AlarmSeverity::Warning: return QColor(0xfb, 0xc0, 0x2d);
    case AlarmSeverity::Info: return QColor(0x1e, 0x6f, 0xc2);
    case AlarmSeverity::None: break;
    }
    return {};
}

QColor SeverityDisplay::color(AlarmSeverity severity, const QColor &background)
{
    const QColor base = baseColor(severity);
    return base.isValid() ? readableOn(base, background) : QColor();
}

double SeverityDisplay::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor SeverityDisplay::readableOn(const QColor &wanted, const QColor &background, double minimum)
{
    if (!wanted.isValid() || !background.isValid() || contrastRatio(wanted, background) >= minimum)
        return wanted;
    const bool lighten = luminance(background) < 0.18;
    const QColor hsl = wanted.toHsl();
    const float hue = hsl.hslHueF();
    const float saturation = hsl.hslSaturationF();
    for (float lightness = hsl.lightnessF(); lighten ? lightness <= 1.0f : lightness >= 0.0f;
         lightness += lighten ? 0.04f : -0.04f) {
        const QColor candidate = QColor::fromHslF(hue, saturation, qBound(0.0f, lightness, 1.0f)).toRgb();
        if (contrastRatio(candidate, background) >= minimum)
            return candidate;
    }
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return contrastRatio(black, background) >= contrastRatio(white, background) ? black : white;
}

} // namespace machina
