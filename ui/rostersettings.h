#pragma once

#include "workorders/workordersettings.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSettings;

namespace machina {

/**
 * The technicians' roster as the console keeps it in QSettings: an array
 * "roster" whose entries hold name, address, areas (a string list of asset
 * prefixes: "P-", "HX-") and order (the default escalation order, lower
 * first). main.cpp adds it to the account config's WorkOrderSettings::technicians
 * (merge()); AddressBookDialog edits it.
 *
 * The address book of earlier versions, a string list "technicians" of
 * "Name <address>" entries, is read once: load() finds it when there is no
 * roster yet, turns it into one (no areas, order by position 1, 2, 3, ...),
 * saves that and removes the old key, so an emptied roster stays empty.
 */
class RosterSettings
{
public:
    static QList<Technician> load(QSettings &settings);
    /// Replaces the stored roster with @p roster (entries without an address are skipped).
    static void save(QSettings &settings, const QList<Technician> &roster);

    /**
     * @p base (the account config's technicians) with each of @p local's
     * entries replacing the one with the same address (compared
     * case-insensitively), and the rest of @p local appended: what this
     * console edited wins over the shared config.
     */
    static QList<Technician> merge(const QList<Technician> &base, const QList<Technician> &local);
    /// "Name <address>" (the name quoted where needed, see AddressBookDialog::formatEntry()), by order.
    static QStringList entries(const QList<Technician> &roster);

    /// "P-, HX-" or "P- HX-" -> {"P-", "HX-"}: trimmed, empty and repeated ones dropped.
    static QStringList parseAreas(const QString &text);
    /// {"P-", "HX-"} -> "P-, HX-".
    static QString areasText(const QStringList &areas);
};

} // namespace machina
