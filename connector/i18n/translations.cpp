#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcI18n, "machina.i18n", QtWarningMsg)

namespace machina {

void installTranslations(QCoreApplication *app, const QString &name)
{
    const QStringList languages = QLocale::system().uiLanguages();
    for (const QString &tag : languages) {
        const QLocale locale(tag);
        if (locale.language() == QLocale::English || locale.language() == QLocale::C)
            return;   // our texts are English already
        auto *ours = new QTranslator(app);
        // Tries <name>_de_DE.qm, then <name>_de.qm (and the other forms of @p tag).
        if (!ours->load(locale, name, QStringLiteral("_"), QStringLiteral(":/i18n"))) {
            delete ours;
            continue;
        }
        QCoreApplication::installTranslator(ours);
        qCDebug(lcI18n) << "translations:" << ours->filePath();
        // Qt's own strings in the same language, so a help text does not come in two languages.
        const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        auto *qt = new QTranslator(app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtDirectory)) {
            QCoreApplication::installTranslator(qt);
            qCDebug(lcI18n) << "Qt translations:" << qt->filePath();
        } else {
            qCDebug(lcI18n) << "no Qt translations for" << locale.name() << "in" << qtDirectory;
            delete qt;
        }
        return;
    }
}

} // namespace machina
