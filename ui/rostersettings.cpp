#include "rostersettings.h"

#include "addressbookdialog.h"

#include <QRegularExpression>
#include <QSettings>

#include <algorithm>

namespace machina {

namespace {

const QString RosterKey = QStringLiteral("roster");
const QString LegacyKey = QStringLiteral("technicians");

} // namespace

QList<Technician> RosterSettings::load(QSettings &settings)
{
    if (!settings.contains(RosterKey + QStringLiteral("/size"))) {
        if (!settings.contains(LegacyKey))
            return {};
        // The old address book: read it this once, keep it as the roster from now on.
        QList<Technician> migrated;
        const QStringList entries = settings.value(LegacyKey).toStringList();
        for (const QString &entry : entries) {
            Technician technician;
            if (!AddressBookDialog::parseEntry(entry, &technician.name, &technician.address))
                technician.address = entry.trimmed(); // kept as written: the address book names it for mending
            if (technician.address.isEmpty())
                continue;
            technician.order = int(migrated.size()) + 1;
            migrated.append(technician);
        }
        save(settings, migrated);
        settings.remove(LegacyKey);
        settings.sync();
        return migrated;
    }
    QList<Technician> roster;
    const int size = settings.beginReadArray(RosterKey);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        Technician technician;
        technician.name = settings.value(QStringLiteral("name")).toString().trimmed();
        technician.address = settings.value(QStringLiteral("address")).toString().trimmed();
        // A hand-edited file may hold one string "P-, HX-" instead of a list.
        const QVariant areas = settings.value(QStringLiteral("areas"));
        technician.areas = parseAreas(areas.toStringList().join(u','));
        technician.order = settings.value(QStringLiteral("order"), i + 1).toInt();
        if (!technician.address.isEmpty())
            roster.append(technician);
    }
    settings.endArray();
    return roster;
}

void RosterSettings::save(QSettings &settings, const QList<Technician> &roster)
{
    settings.remove(RosterKey);
    settings.beginWriteArray(RosterKey, 0);
    int index = 0;
    for (const Technician &technician : roster) {
        if (technician.address.trimmed().isEmpty())
            continue;
        settings.setArrayIndex(index++);
        settings.setValue(QStringLiteral("name"), technician.name.trimmed());
        settings.setValue(QStringLiteral("address"), technician.address.trimmed());
        settings.setValue(QStringLiteral("areas"), technician.areas);
        settings.setValue(QStringLiteral("order"), technician.order);
    }
    settings.endArray();
    // An empty roster still has its size: it is not mistaken for "never saved".
    settings.setValue(RosterKey + QStringLiteral("/size"), index);
}

QList<Technician> RosterSettings::merge(const QList<Technician> &base, const QList<Technician> &local)
{
    QList<Technician> merged = base;
    for (const Technician &technician : local) {
        const auto same = std::find_if(merged.begin(), merged.end(), [&technician](const Technician &t) {
            return t.address.compare(technician.address, Qt::CaseInsensitive) == 0;
        });
        if (same != merged.end())
            *same = technician;
        else
            merged.append(technician);
    }
    return merged;
}

QStringList RosterSettings::entries(const QList<Technician> &roster)
{
    QList<Technician> ordered = roster;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Technician &a, const Technician &b) { return a.order < b.order; });
    QStringList result;
    for (const Technician &technician : std::as_const(ordered))
        result.append(AddressBookDialog::formatEntry(technician.name, technician.address));
    return result;
}

QStringList RosterSettings::parseAreas(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QStringList areas;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        if (!areas.contains(part, Qt::CaseInsensitive))
            areas.append(part);
    }
    return areas;
}

QString RosterSettings::areasText(const QStringList &areas)
{
    return areas.join(QStringLiteral(", "));
}

} // namespace machina
