#pragma once

#include <QString>
#include <QMetaType>

namespace machina {

/**
 * What went wrong in the connector: a kind a program can branch on and a
 * sentence a person can read. The sentence never holds a secret.
 */
class ConnectorError
{
public:
    enum class Kind {
        None,         ///< no error
        Config,       ///< the configuration is wrong or incomplete
        NotConnected, ///< an operation needs connectToServers() first
        Network,      ///< name lookup, connect, or a dropped connection
        Tls,          ///< handshake or certificate verification failed
        Auth,         ///< the server refused the credentials
        Rejected,     ///< the server refused a recipient or the message
        Protocol,     ///< the server said something we cannot accept
        Timeout,      ///< a network step took longer than the configured timeout
        Aborted,      ///< the caller aborted the operation
        Store,        ///< the local store (outbox, cache) cannot be opened, read or written
    };

    ConnectorError() = default;
    ConnectorError(Kind kind, QString message) : m_kind(kind), m_message(std::move(message)) {}

    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }
    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    /// Lower-case name of the kind, as used in JSON ("auth", "rejected", ...).
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    QString m_message;
};

} // namespace machina

Q_DECLARE_METATYPE(machina::ConnectorError)
