// The layers, held by a test: reads the #include graph of the source tree
// and fails when
//  - ui/ reaches a header under connector/imap, connector/smtp,
//    connector/gmail or a protocol/ folder, directly or through other headers;
//  - connector/imap includes connector/smtp, or the other way round;
//  - a protocol/ file includes a socket or network header, GMime, or Widgets;
//  - connector/ includes Widgets.
// The checker is first run on a small made-up tree that breaks each rule,
// so a checker that finds nothing cannot pass.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Include
{
    QString target;   ///< as written between the quotes or brackets
    bool system = false;
};

/** The tree's files and what each includes, by path relative to the root. */
class IncludeGraph
{
public:
    explicit IncludeGraph(const QString &root) : m_root(QDir(root))
    {
        static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*([<\"])([^>\"]+)[>\"]"));
        for (const QString &top : {QStringLiteral("connector"), QStringLiteral("ui"), QStringLiteral("app")}) {
            QDirIterator it(m_root.filePath(top), {QStringLiteral("*.h"), QStringLiteral("*.cpp"), QStringLiteral("*.inc")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = m_root.relativeFilePath(it.next());
                QFile file(m_root.filePath(path));
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                QList<Include> includes;
                while (!file.atEnd()) {
                    const QRegularExpressionMatch m = include.match(QString::fromUtf8(file.readLine()));
                    if (m.hasMatch())
                        includes.append({m.captured(2), m.captured(1) == QLatin1String("<")});
                }
                m_files.insert(path, includes);
            }
        }
    }

    QStringList files() const { return m_files.keys(); }
    QList<Include> includes(const QString &file) const { return m_files.value(file); }

    /// Where a quoted include of @p from lands: beside it, else under an include root (connector/, ui/).
    QString resolve(const QString &from, const Include &inc) const
    {
        if (inc.system)
            return {};
        const QString beside = QDir::cleanPath(QFileInfo(from).path() + QLatin1Char('/') + inc.target);
        if (m_files.contains(beside))
            return beside;
        for (const QString &root : {QStringLiteral("connector"), QStringLiteral("ui")}) {
            const QString rooted = QDir::cleanPath(root + QLatin1Char('/') + inc.target);
            if (m_files.contains(rooted))
                return rooted;
        }
        return {};
    }

    /// Every project file @p file reaches through includes, with the chain to each.
    QHash<QString, QStringList> reachable(const QString &file) const
    {
        QHash<QString, QStringList> seen;
        QList<QString> todo{file};
        seen.insert(file, {file});
        while (!todo.isEmpty()) {
            const QString at = todo.takeFirst();
            for (const Include &inc : includes(at)) {
                const QString to = resolve(at, inc);
                if (to.isEmpty() || seen.contains(to))
                    continue;
                seen.insert(to, seen.value(at) + QStringList{to});
                todo.append(to);
            }
        }
        return seen;
    }

private:
    QDir m_root;
    QHash<QString, QList<Include>> m_files;
};

bool isQtHeaderOf(const QString &module, const QString &name)
{
    static const QString headers = QLibraryInfo::path(QLibraryInfo::HeadersPath);
    const QString bare = name.section(QLatin1Char('/'), -1);
    if (name.startsWith(module + QLatin1Char('/')))
        return true;
    return !bare.isEmpty() && QFileInfo::exists(headers + QLatin1Char('/') + module + QLatin1Char('/') + bare)
           && !name.contains(QLatin1Char('.'));
}

bool isUnderAny(const QString &path, const QStringList &prefixes)
{
    for (const QString &p : prefixes) {
        if (path.startsWith(p))
            return true;
    }
    return false;
}

bool isProtocolFile(const QString &path)
{
    return path.contains(QLatin1String("/protocol/"));
}

/// Every broken rule, one sentence each.
QStringList check(const IncludeGraph &graph)
{
    QStringList out;
    const QStringList forbiddenForUi = {QStringLiteral("connector/imap/"), QStringLiteral("connector/smtp/"),
                                        QStringLiteral("connector/gmail/")};
    for (const QString &file : graph.files()) {
        if (file.startsWith(QLatin1String("ui/"))) {
            const QHash<QString, QStringList> reach = graph.reachable(file);
            for (auto it = reach.cbegin(); it != reach.cend(); ++it) {
                if (it.key().startsWith(QLatin1String("connector/"))
                    && (isUnderAny(it.key(), forbiddenForUi) || isProtocolFile(it.key()))) {
                    out.append(QStringLiteral("%1 reaches %2").arg(file, it.value().join(QStringLiteral(" -> "))));
                }
            }
        }
        for (const Include &inc : graph.includes(file)) {
            const QString to = graph.resolve(file, inc);
            if ((file.startsWith(QLatin1String("connector/imap/")) && to.startsWith(QLatin1String("connector/smtp/")))
                || (file.startsWith(QLatin1String("connector/smtp/")) && to.startsWith(QLatin1String("connector/imap/"))))
                out.append(QStringLiteral("%1 includes %2").arg(file, to));
            if (!inc.system)
                continue;
            if (isProtocolFile(file)
                && (isQtHeaderOf(QStringLiteral("QtNetwork"), inc.target) || inc.target.startsWith(QLatin1String("gmime/"))
                    || isQtHeaderOf(QStringLiteral("QtWidgets"), inc.target)))
                out.append(QStringLiteral("%1 includes <%2>").arg(file, inc.target));
            if (file.startsWith(QLatin1String("connector/")) && isQtHeaderOf(QStringLiteral("QtWidgets"), inc.target))
                out.append(QStringLiteral("%1 includes <%2> (Widgets)").arg(file, inc.target));
        }
    }
    out.sort();
    return out;
}

void write(const QString &root, const char *relative, const QByteArray &text)
{
    const QString path = root + QLatin1Char('/') + QString::fromLatin1(relative);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestLayers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkerFindsEachBrokenRule();
    void treeKeepsItsLayers();
};

void TestLayers::checkerFindsEachBrokenRule()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString r = dir.path();
    write(r, "ui/view.h", "#include \"facade.h\"\n");
    write(r, "connector/facade.h", "#include \"imap/session.h\"\n");
    write(r, "connector/imap/session.h", "#include \"../smtp/writer.h\"\n#include <QWidget>\n");
    write(r, "connector/smtp/writer.h", "#pragma once\n");
    write(r, "connector/smtp/protocol/reply.h", "#include <QSslSocket>\n#include <gmime/gmime.h>\n");
    write(r, "connector/ok.h", "#include <QString>\n#include \"smtp/writer.h\"\n");
    const QStringList found = check(IncludeGraph(r));
    const QStringList expected = {
        QStringLiteral("connector/imap/session.h includes <QWidget> (Widgets)"),
        QStringLiteral("connector/imap/session.h includes connector/smtp/writer.h"),
        QStringLiteral("connector/smtp/protocol/reply.h includes <QSslSocket>"),
        QStringLiteral("connector/smtp/protocol/reply.h includes <gmime/gmime.h>"),
        QStringLiteral("ui/view.h reaches ui/view.h -> connector/facade.h -> connector/imap/session.h"),
        QStringLiteral("ui/view.h reaches ui/view.h -> connector/facade.h -> connector/imap/session.h -> connector/smtp/writer.h"),
    };
    QCOMPARE(found, expected);
}

void TestLayers::treeKeepsItsLayers()
{
    const IncludeGraph graph(QStringLiteral(MACHINA_SOURCE_DIR));
    QVERIFY2(graph.files().size() > 100, "the source tree was not found");
    const QStringList found = check(graph);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
