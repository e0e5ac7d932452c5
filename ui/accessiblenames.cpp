#include "accessiblenames.h"

#include <QLineEdit>
#include <QToolBar>
#include <QToolButton>

namespace machina {

QString AccessibleNames::fromLabel(const QString &labelText)
{
    QString name;
    name.reserve(labelText.size());
    for (qsizetype i = 0; i < labelText.size(); ++i) {
        const QChar c = labelText.at(i);
        if (c == QLatin1Char('&')) {
            if (i + 1 < labelText.size() && labelText.at(i + 1) == QLatin1Char('&'))
                name += c; // "&&" is a literal ampersand
            ++i;
            if (i < labelText.size() && labelText.at(i) != QLatin1Char('&'))
                name += labelText.at(i);
            continue;
        }
        name += c;
    }
    name = name.trimmed();
    while (name.endsWith(QLatin1Char(':')) || name.endsWith(QChar(0xff1a))) // ASCII and full-width colon
        name.chop(1);
    return name.trimmed();
}

void AccessibleNames::nameAfterLabel(QWidget *buddy, const QString &labelText)
{
    if (buddy && buddy->accessibleName().isEmpty())
        buddy->setAccessibleName(fromLabel(labelText));
}

void AccessibleNames::nameClearButton(QLineEdit *edit)
{
    // The clear button is a tool button child of the line edit (QLineEditIconButton).
    const QString what = edit->accessibleName();
    for (QToolButton *button : edit->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly)) {
        if (button->accessibleName().isEmpty())
            button->setAccessibleName(what.isEmpty() ? tr("Clear") : tr("Clear %1").arg(what));
    }
}

void AccessibleNames::nameExtensionButton(QToolBar *toolbar)
{
    if (auto *button = toolbar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
        button->setAccessibleName(tr("More actions"));
}

} // namespace machina
