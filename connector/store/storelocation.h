#pragma once

#include "../config/connectorconfig.h"

#include <QString>

namespace machina::StoreLocation {

/**
 * What makes an account, for its store: the username with the IMAP and SMTP
 * hosts and ports; in Gmail mode the Google client (its client id) and the
 * username. Host names and usernames compare without case.
 */
QString accountKey(const ConnectorConfig &config);

/**
 * The account's store file: $XDG_DATA_HOME/machina-console/stores/<user>-<hash>.sqlite
 * (QStandardPaths' generic data location), the same for machina-console and
 * machina-mail so that the two share it.
 */
QString pathFor(const ConnectorConfig &config);

} // namespace machina::StoreLocation
