#include "messageid.h"

#include <QStringList>

#include <algorithm>

namespace machina {

MessageId MessageId::imap(quint32 uidValidity, quint32 uid)
{
    MessageId id;
    // RFC 3501 2.3.1.1 makes both non-zero, but a server that never announces
    // UIDVALIDITY leaves it 0; such ids still name a message of this session.
    if (uid == 0)
        return id;
    id.m_backend = Backend::Imap;
    id.m_uidValidity = uidValidity;
    id.m_uid = uid;
    return id;
}

MessageId MessageId::gmail(const QString &gmailId)
{
    MessageId id;
    // Gmail ids are hex; anything with a separator or a blank cannot be one.
    if (gmailId.isEmpty() || gmailId.contains(QLatin1Char(':')) || gmailId.contains(QLatin1Char(' ')))
        return id;
    id.m_backend = Backend::Gmail;
    id.m_gmailId = gmailId;
    return id;
}

MessageId MessageId::parse(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() == 3 && parts.at(0) == QLatin1String("imap")) {
        bool okValidity = false;
        bool okUid = false;
        const quint32 validity = parts.at(1).toUInt(&okValidity);
        const quint32 uid = parts.at(2).toUInt(&okUid);
        // Digits only: toUInt() also takes "+5" and " 5".
        const auto digits = [](const QString &s) {
            return !s.isEmpty() && std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.isDigit(); });
        };
        if (okValidity && okUid && digits(parts.at(1)) && digits(parts.at(2)))
            return imap(validity, uid);
        return {};
    }
    if (parts.size() == 2 && parts.at(0) == QLatin1String("gmail"))
        return gmail(parts.at(1));
    return {};
}

QString MessageId::toString() const
{
    switch (m_backend) {
    case Backend::Imap: return QStringLiteral("imap:%1:%2").arg(m_uidValidity).arg(m_uid);
    case Backend::Gmail: return QStringLiteral("gmail:") + m_gmailId;
    case Backend::None: break;
    }
    return {};
}

} // namespace machina
