#pragma once

#include "mime/messagebuilder.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace machina {

/** The reference's send_message keyword arguments, and ours. */
struct SendOptions
{
    QString subject = QStringLiteral("Machina Notification");
    QList<Attachment> attachments;
    QString inReplyTo;          ///< Message-ID being answered, optional
    QStringList references;     ///< thread Message-IDs, optional
};

} // namespace machina
