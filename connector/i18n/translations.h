#pragma once

class QCoreApplication;
class QString;

namespace machina {

/**
 * Installs the translations of the program @p name (machina-mail,
 * machina-console) into @p app: ours, :/i18n/<name>_<lang>.qm (compiled
 * from translations/<name>_<lang>.ts and embedded by
 * machina_add_translations()), and Qt's own qtbase_<lang>.qm from the system
 * (Debian: qt6-translations-l10n), which translate what Qt itself prints, such
 * as QCommandLineParser's help.
 *
 * The language is the first of the user's UI languages
 * (QLocale::system().uiLanguages(): $LANGUAGE, as a list, before LC_ALL,
 * LC_MESSAGES and LANG; Qt reads LANGUAGE even when the locale is C) that we
 * have a translation for. English, our source language, ends the search: a
 * user who prefers English over German gets English. Call it right after the
 * application object is made, before any text is built; the translators are
 * children of @p app.
 */
void installTranslations(QCoreApplication *app, const QString &name);

} // namespace machina
