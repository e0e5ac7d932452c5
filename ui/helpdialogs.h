#pragma once

#include <QCoreApplication>
#include <QList>

class QAction;
class QDialog;
class QWidget;

namespace machina {

class ReplyCodeTable;

/**
 * The Help menu's dialogs: each a read-only text (a QTextBrowser with an
 * accessible name) and a Close button, deleted when closed.
 *   - shortcuts(): every action with a shortcut, read from the actions
 *     themselves (a changed shortcut shows at once), sorted by name;
 *   - replyCodes(): the words technicians answer with (the account's
 *     ReplyCodeTable), grouped by what each does to a work order;
 *   - about(): the version (QCoreApplication::applicationVersion(), else
 *     MACHINA_VERSION) and the licences of the libraries the console uses.
 */
class HelpDialogs
{
    Q_DECLARE_TR_FUNCTIONS(HelpDialogs)
public:
    static QDialog *shortcuts(const QList<QAction *> &actions, QWidget *parent);
    static QDialog *replyCodes(const ReplyCodeTable &codes, QWidget *parent);
    static QDialog *about(QWidget *parent);
    /// The text of shortcuts(): one line per action, "Notify technician: Ctrl+N".
    static QString shortcutsHtml(const QList<QAction *> &actions);
};

} // namespace machina
