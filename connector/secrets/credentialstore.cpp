#include "credentialstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLoggingCategory>
#include <QStringList>

#include <functional>

namespace machina {

Q_LOGGING_CATEGORY(lcSecrets, "machina.secrets", QtWarningMsg)

namespace {

const auto probeKey = QStringLiteral("probe");

// What QtKeychain 0.13.2 says when it cannot reach a keychain. Outside KDE it
// picks libsecret whenever the library loads, and libsecret hands GDBus
// errors back as OtherError (QtKeychain 0.13 on libsecret), so the only signal is the text.
// Observed with libsecret 0.20.5 / GLib 2.74 / gnome-keyring 42.1:
//   no bus, no $DISPLAY:         "Cannot autolaunch D-Bus without X11 $DISPLAY"
//   no bus, $DISPLAY set:        "Error spawning command line “dbus-launch --autolaunch=...”: ..."
//   bus address points nowhere:  "Could not connect: No such file or directory" / "Connection refused"
//   malformed bus address:       "Address element “...” does not contain a colon (:)"
//   bus, no secrets service:     "The name org.freedesktop.secrets was not provided by any .service files"
//   keyring without a default collection and no prompter to create one (write):
//                                "Object does not exist at path “/org/freedesktop/secrets/collection/login”"
//   locked keyring (write):      "Cannot create an item in a locked collection" (AccessDenied)
// QtKeychain's KWallet paths say "D-Bus is not running", "Could not open
// wallet: ..." or NoBackendAvailable.
bool containsAny(const QString &detail, const QStringList &markers)
{
    for (const QString &marker : markers) {
        if (detail.contains(marker, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool mentionsNoSessionBus(const QString &detail)
{
    static const QStringList markers = {
        QStringLiteral("Cannot autolaunch D-Bus"),
        QStringLiteral("dbus-launch"),
        QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("Cannot spawn a message bus"),
        QStringLiteral("Could not connect:"),
        QStringLiteral("Address element"),
        QStringLiteral("D-Bus is not running"),
    };
    return containsAny(detail, markers);
}

bool mentionsNoSecretService(const QString &detail)
{
    static const QStringList markers = {
        QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("was not provided by any .service files"),
        QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown"),
        QStringLiteral("No keychain service available"),
        QStringLiteral("Could not open wallet"),
        QStringLiteral("No keyring daemon"),
    };
    return containsAny(detail, markers);
}

QString neverInFiles()
{
    return QCoreApplication::translate("machina::CredentialStore", "Machina Console never stores passwords in files.");
}

ConnectorError noSecretServiceError()
{
    return ConnectorError(ConnectorError::Kind::Config,
        //: Followed by the sentence "Machina Console never stores passwords in files."
        QCoreApplication::translate("machina::CredentialStore", "No keychain available: no Secret Service on the D-Bus session bus. Start a keyring "
                                                                "(GNOME Keyring or KWallet) in your desktop session; ") + neverInFiles());
}

ConnectorError lockedError()
{
    return ConnectorError(ConnectorError::Kind::Auth,
        QCoreApplication::translate("machina::CredentialStore", "The keychain is locked and could not be unlocked: unlock your login keyring (log in to "
                                                                "the desktop session, or unlock it in your keyring manager) and try again."));
}

/// Turns a QtKeychain failure into our error. The keychain's own text only
/// ever holds GLib/D-Bus messages, never the secret.
ConnectorError keychainError(QKeychain::Error code, const QString &detail)
{
    using Kind = ConnectorError::Kind;
    switch (code) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return ConnectorError(Kind::Auth,
            QCoreApplication::translate("machina::CredentialStore", "The keychain refused access to the Machina Console secrets (%1): unlock it (log in "
                                                                    "to the desktop session or unlock your login keyring) and try again.").arg(detail));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return noSecretServiceError();
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }

    if (mentionsNoSessionBus(detail)) {
        return ConnectorError(Kind::Config,
            //: Followed by the sentence "Machina Console never stores passwords in files."
            QCoreApplication::translate("machina::CredentialStore", "No keychain available: the D-Bus session bus cannot be reached, so neither can the "
                                                                    "Secret Service (%1). Run Machina Console in a desktop session with a keyring (GNOME "
                                                                    "Keyring or KWallet); ").arg(detail) + neverInFiles());
    }
    if (mentionsNoSecretService(detail))
        return noSecretServiceError();
    if (detail.contains(QLatin1String("Object does not exist at path"))) {
        return ConnectorError(Kind::Config,
            //: Followed by the sentence "Machina Console never stores passwords in files."
            QCoreApplication::translate("machina::CredentialStore", "The keychain has no default keyring to store secrets in and could not create one "
                                                                    "(%1): create or unlock a login keyring in your desktop session (for example with "
                                                                    "Passwords and Keys) and try again; ").arg(detail) + neverInFiles());
    }
    if (detail.contains(QLatin1String("locked"), Qt::CaseInsensitive))
        return lockedError();
    return ConnectorError(Kind::Config,
        QCoreApplication::translate("machina::CredentialStore", "The keychain failed (%1). Check that a keyring (GNOME Keyring or KWallet) is running and "
                                                                "unlocked in your desktop session.").arg(detail));
}

// Cross-checks with the Secret Service itself (freedesktop Secret Service
// API). QtKeychain's libsecret path reports an item in a locked keyring as
// missing when the unlock prompt cannot appear or is dismissed, and its
// delete then "succeeds" and leaves the item in place; only the service can
// tell missing from locked. Every check is best effort: no answer (no bus,
// another backend such as KWallet) leaves QtKeychain's result as it is.

const auto secretsService = QStringLiteral("org.freedesktop.secrets");

/// Which items the Secret Service holds for one of our keys.
struct ItemSearch {
    bool answered = false;
    qsizetype unlocked = 0;
    qsizetype locked = 0;
};

void callSecretService(QDBusMessage message, QObject *context, std::function<void(QDBusPendingCallWatcher *)> done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(nullptr);
        return;
    }
    // Only ask a service that is already running (QtKeychain's own request
    // started it if it could): never start one behind another backend's back.
    message.setAutoStartService(false);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message, 5000), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [done = std::move(done)](QDBusPendingCallWatcher *finished) {
                         finished->deleteLater();
                         done(finished);
                     });
}

/// Service.SearchItems with the attributes QtKeychain's libsecret backend
/// stores (schema org.qt.keychain: user = key, server = service name).
void searchItems(const QString &key, QObject *context, std::function<void(ItemSearch)> done)
{
    static const QMetaType registered = qDBusRegisterMetaType<QMap<QString, QString>>();
    Q_UNUSED(registered);

    QDBusMessage message = QDBusMessage::createMethodCall(secretsService, QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    const QMap<QString, QString> attributes{{QStringLiteral("user"), key},
                                            {QStringLiteral("server"), CredentialStore::serviceName()}};
    message << QVariant::fromValue(attributes);
    callSecretService(message, context, [done = std::move(done)](QDBusPendingCallWatcher *watcher) {
        ItemSearch search;
        if (watcher) {
            const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *watcher;
            if (reply.isValid()) {
                search.answered = true;
                search.unlocked = reply.argumentAt<0>().size();
                search.locked = reply.argumentAt<1>().size();
            } else {
                qCDebug(lcSecrets) << "SearchItems:" << reply.error().message();
            }
        }
        done(search);
    });
}

/// Whether the default collection (where QtKeychain writes) is locked;
/// false when unknown or when there is none yet.
void defaultCollectionLocked(QObject *context, std::function<void(bool)> done)
{
    QDBusMessage message = QDBusMessage::createMethodCall(secretsService,
        QStringLiteral("/org/freedesktop/secrets/aliases/default"), QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("Get"));
    message << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    callSecretService(message, context, [done = std::move(done)](QDBusPendingCallWatcher *watcher) {
        bool locked = false;
        if (watcher) {
            const QDBusPendingReply<QDBusVariant> reply = *watcher;
            if (reply.isValid())
                locked = reply.value().variant().toBool();
            else
                qCDebug(lcSecrets) << "default collection:" << reply.error().message();
        }
        done(locked);
    });
}

/// Runs one job and hands its outcome to done(). The job has no parent and
/// deletes itself after finished(): libsecret calls back into the job's
/// private data, so a job must never be deleted while it runs, not even when
/// the caller deletes the reply first (the connection then simply drops).
void runJob(QKeychain::Job *job, CredentialReply *reply, const char *operation,
            std::function<void(QKeychain::Job *)> succeeded)
{
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, reply,
                     [reply, operation, succeeded = std::move(succeeded)](QKeychain::Job *done) {
                         const QKeychain::Error code = done->error();
                         if (code == QKeychain::NoError || code == QKeychain::EntryNotFound) {
                             succeeded(done);
                             return;
                         }
                         // The key names an account, never the secret.
                         qCWarning(lcSecrets).nospace() << operation << " of " << done->key() << " failed: error "
                                                        << int(code) << ", " << done->errorString();
                         reply->finish(keychainError(code, done->errorString()));
                     });
    job->start();
}

} // namespace

CredentialStore::CredentialStore(QObject *parent) : QObject(parent) {}

CredentialReply *CredentialStore::readSecret(const QString &key)
{
    auto *reply = new CredentialReply;
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(key);
    runJob(job, reply, "read", [reply, key](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            reply->setSecret(static_cast<QKeychain::ReadPasswordJob *>(done)->binaryData());
            reply->finish();
            return;
        }
        // Missing, or locked away?
        searchItems(key, reply, [reply](ItemSearch search) {
            if (search.locked > 0) {
                reply->finish(lockedError());
                return;
            }
            reply->setNotFound(true);
            reply->finish();
        });
    });
    return reply;
}

CredentialReply *CredentialStore::writeSecret(const QString &key, const QByteArray &secret)
{
    auto *reply = new CredentialReply;
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(key);
    // Binary: QtKeychain stores base64 (attribute type=base64), so NUL bytes survive.
    job->setBinaryData(secret);
    runJob(job, reply, "write", [reply](QKeychain::Job *) { reply->finish(); });
    return reply;
}

CredentialReply *CredentialStore::deleteSecret(const QString &key)
{
    auto *reply = new CredentialReply;
    // libsecret's delete reports neither "nothing there" nor "locked", so ask
    // the Secret Service first. The job runs unless the item is known to be
    // locked: with another backend (KWallet) the search has nothing to say.
    searchItems(key, reply, [reply, key](ItemSearch search) {
        if (search.locked > 0) {
            reply->finish(lockedError());
            return;
        }
        const bool missing = search.answered && search.unlocked == 0;
        auto *job = new QKeychain::DeletePasswordJob(serviceName());
        job->setKey(key);
        runJob(job, reply, "delete", [reply, missing](QKeychain::Job *done) {
            reply->setNotFound(missing || done->error() == QKeychain::EntryNotFound);
            reply->finish();
        });
    });
    return reply;
}

CredentialReply *CredentialStore::probe()
{
    auto *reply = new CredentialReply;
    CredentialReply *read = readSecret(probeKey);
    read->setParent(reply);
    connect(read, &ConnectorReply::finished, reply, [reply, read] {
        if (read->error() || !read->notFound()) {
            reply->finish(read->error());
            return;
        }
        // Reading a missing key needs no unlocking, so a locked keyring reads
        // as "not found": ask whether the collection we write to is locked.
        defaultCollectionLocked(reply, [reply](bool locked) {
            if (locked) {
                reply->finish(lockedError());
                return;
            }
            reply->setNotFound(true);
            reply->finish();
        });
    });
    return reply;
}

} // namespace machina
