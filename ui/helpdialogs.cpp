#include "helpdialogs.h"

#include "workorders/replycodes.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QKeySequence>
#include <QMap>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace machina {

namespace {

QDialog *textDialog(QWidget *parent, const QString &objectName, const QString &title, const QString &html,
                    const QString &accessibleName)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *layout = new QVBoxLayout(dialog);
    auto *text = new QTextBrowser;
    text->setObjectName(objectName + QStringLiteral("Text"));
    text->setOpenLinks(false);
    text->setHtml(html);
    text->setAccessibleName(accessibleName);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(520, 420);
    return dialog;
}

QString paragraph(const QString &text)
{
    return QStringLiteral("<p>%1</p>").arg(text);
}

} // namespace

QString HelpDialogs::shortcutsHtml(const QList<QAction *> &actions)
{
    // By name; an action reachable from a menu and a toolbar is listed once.
    QMap<QString, QString> lines;
    for (const QAction *action : actions) {
        if (!action || action->isSeparator() || action->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        const QString name = action->iconText();
        lines.insert(name.toLower() + QLatin1Char('\n') + name,
                     tr("%1: <b>%2</b>").arg(name.toHtmlEscaped(), keys.join(QStringLiteral(", ")).toHtmlEscaped()));
    }
    QString html;
    for (const QString &line : std::as_const(lines))
        html += paragraph(line);
    if (html.isEmpty())
        html = paragraph(tr("No action has a keyboard shortcut."));
    return html;
}

QDialog *HelpDialogs::shortcuts(const QList<QAction *> &actions, QWidget *parent)
{
    return textDialog(parent, QStringLiteral("shortcutsDialog"), tr("Keyboard shortcuts"), shortcutsHtml(actions),
                      tr("Keyboard shortcuts"));
}

QDialog *HelpDialogs::replyCodes(const ReplyCodeTable &codes, QWidget *parent)
{
    const QList<std::pair<ReplyCode, QString>> meanings{
        {ReplyCode::Acknowledge, tr("The technician takes the job: the work order is acknowledged and is no longer escalated.")},
        {ReplyCode::Start, tr("Work has started: the work order is in progress.")},
        {ReplyCode::Done, tr("The job is finished: the work order is done.")},
        {ReplyCode::Reject, tr("The technician cannot take the job: the next technician in the escalation chain is "
                               "notified, or the work order is rejected when nobody is left.")},
    };
    QString html = paragraph(tr("Technicians answer a notification with one of these words as the first word of "
                                "their reply (case does not matter; the rest of the line is kept as a comment)."));
    for (const auto &[code, meaning] : meanings) {
        const QStringList words = codes.words(code);
        html += paragraph(tr("<b>%1</b><br>%2")
                              .arg(words.isEmpty() ? tr("(no words)") : words.join(QStringLiteral(", ")).toHtmlEscaped(),
                                   meaning.toHtmlEscaped()));
    }
    return textDialog(parent, QStringLiteral("replyCodesDialog"), tr("Reply codes"), html, tr("Reply codes"));
}

QDialog *HelpDialogs::about(QWidget *parent)
{
    QString version = QCoreApplication::applicationVersion();
    if (version.isEmpty())
        version = QStringLiteral(MACHINA_VERSION);
    QString html = QStringLiteral("<h3>%1</h3>").arg(tr("Machina Console %1").arg(version.toHtmlEscaped()));
    html += paragraph(tr("A console for maintenance supervisors: alarm mails, work orders and the technicians' replies."));
    html += paragraph(tr("Built with:"));
    const QList<std::pair<QString, QString>> libraries{
        {QStringLiteral("Qt"), QStringLiteral("LGPLv3")},
        {QStringLiteral("GMime"), QStringLiteral("LGPL-2.1+")},
        {QStringLiteral("QtKeychain"), QStringLiteral("BSD-3-Clause")},
        {QStringLiteral("yaml-cpp"), QStringLiteral("MIT")},
    };
    for (const auto &[library, licence] : libraries)
        html += paragraph(tr("%1, under the %2 licence").arg(library, licence));
    return textDialog(parent, QStringLiteral("aboutDialog"), tr("About Machina Console"), html, tr("About Machina Console"));
}

} // namespace machina
