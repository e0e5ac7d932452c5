#pragma once

#include <QCoreApplication>
#include <QString>

class QLineEdit;
class QToolBar;
class QWidget;

namespace machina {

/**
 * Accessible names where Qt gives none by itself. A label's buddy is named
 * after the label only when the two are siblings; a field stacked in a box
 * with its inline error (or beside a Browse button) is not, so it is named
 * here after its label. A line edit's clear button and a toolbar's extension
 * button are Qt's own, unnamed, buttons.
 */
class AccessibleNames
{
    Q_DECLARE_TR_FUNCTIONS(AccessibleNames)
public:
    /// "&From address:" -> "From address": the label's text without mnemonic and colon.
    static QString fromLabel(const QString &labelText);
    /// Names @p buddy after its label, unless it has an accessible name already.
    static void nameAfterLabel(QWidget *buddy, const QString &labelText);
    /// Names the clear button of @p edit (setClearButtonEnabled(true) first): "Clear <the edit's name>".
    static void nameClearButton(QLineEdit *edit);
    /// Names the "more actions" button a toolbar shows when its actions do not fit.
    static void nameExtensionButton(QToolBar *toolbar);
};

} // namespace machina
