#pragma once

#include "config/connectorconfig.h"

class QSettings;

namespace machina {

/**
 * The account as the console remembers it between runs: every ConnectorConfig
 * key except the password, in QSettings group "account" under the reference's
 * key names (smtp_host, smtp_port, ...). The password lives only in the
 * keychain (CredentialStore::passwordKey), never in the settings file.
 */
class AccountSettings
{
public:
    /// Missing keys keep ConnectorConfig's defaults; the password is always empty.
    static ConnectorConfig load(QSettings &settings);
    /// Writes every key but the password (and removes a stray "password" key).
    static void save(QSettings &settings, const ConnectorConfig &config);
    /// True when an account was saved (a server host or a Google client file).
    static bool hasAccount(QSettings &settings);
};

} // namespace machina
