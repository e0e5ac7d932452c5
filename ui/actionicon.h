#pragma once

#include <QIcon>
#include <QString>

namespace machina {

/**
 * The icon of an action: @p themeName from the desktop's icon theme, else the
 * bundled single-colour SVG of the same name (resources/icons/actions/), so
 * that toolbars and menus show icons on a desktop without an icon theme.
 */
inline QIcon actionIcon(const QString &themeName)
{
    return QIcon::fromTheme(themeName, QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(themeName)));
}

} // namespace machina
