#pragma once

#include "../connectorerror.h"
#include "../workorders/workordersettings.h"

#include <functional>

namespace YAML {
class Node;
}

namespace machina {

/// Makes a Config error naming the file, @p line (0-based) and key.
using ConfigErrorFactory = std::function<ConnectorError(int line, const QString &key, const QString &what)>;

/**
 * Reads the email section's `work_orders:` map into @p settings:
 *
 *     work_orders:
 *       id_pattern: "WO-{year}-{seq:4}"
 *       folder: Work Orders
 *       ack_within: {critical: 5m, high: 15m, normal: 60m, low: 4h}
 *       alarm_rules:
 *         - name: scada
 *           subject: '^(?<severity>TRIP|ALARM) (?<asset>[A-Z]+-[0-9]+) (?<text>.*)$'
 *           severities: {trip: critical, alarm: high}
 *       reply_codes:
 *         acknowledged: [ACK, ROGER]
 *       technicians:
 *         - {name: Anna Rossi, address: anna@plant.example, areas: [P-, V-], order: 1}
 *
 * Every key is optional; a mistake names its key (as work_orders.ack_within.high) and line.
 */
ConnectorError readWorkOrderSection(const YAML::Node &section, int line, const ConfigErrorFactory &error,
                                    WorkOrderSettings *settings);

} // namespace machina
