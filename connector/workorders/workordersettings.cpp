#include "workordersettings.h"

#include <algorithm>

namespace machina {

QString Technician::entry() const
{
    if (name.trimmed().isEmpty())
        return address.trimmed();
    return QStringLiteral("%1 <%2>").arg(name.trimmed(), address.trimmed());
}

bool Technician::covers(const QString &asset) const
{
    if (areas.isEmpty())
        return true;
    return std::any_of(areas.cbegin(), areas.cend(), [&asset](const QString &area) {
        return !area.isEmpty() && asset.startsWith(area, Qt::CaseInsensitive);
    });
}

AlarmRecognizer WorkOrderSettings::recognizer() const
{
    return alarmRules.isEmpty() ? AlarmRecognizer::defaults() : AlarmRecognizer(alarmRules);
}

QList<Technician> WorkOrderSettings::suggestedChain(const QString &asset) const
{
    QList<Technician> ordered = technicians;
    std::stable_sort(ordered.begin(), ordered.end(), [&asset](const Technician &a, const Technician &b) {
        const bool ca = !a.areas.isEmpty() && a.covers(asset);
        const bool cb = !b.areas.isEmpty() && b.covers(asset);
        if (ca != cb)
            return ca;
        return a.order < b.order;
    });
    return ordered;
}

std::optional<Technician> WorkOrderSettings::findTechnician(const QString &nameOrAddress) const
{
    const QString wanted = nameOrAddress.trimmed();
    for (const Technician &t : technicians) {
        if (t.name.compare(wanted, Qt::CaseInsensitive) == 0 || t.address.compare(wanted, Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

QString WorkOrderSettings::resolve(const QString &nameOrAddress) const
{
    const std::optional<Technician> t = findTechnician(nameOrAddress);
    return t ? t->entry() : nameOrAddress.trimmed();
}

} // namespace machina
