// RFC 3676 format=flowed

#include "flowedtext.h"

#include <QStringList>

namespace machina::mime {

QString unflowed(const QString &text, bool delSp)
{
    const QStringList lines = text.split(u'\n');
    QString out;
    QString paragraph;
    int paragraphDepth = -1;  // -1: no paragraph open
    auto closeParagraph = [&] {
        if (paragraphDepth < 0)
            return;
        out += paragraph;
        out += u'\n';
        paragraph.clear();
        paragraphDepth = -1;
    };
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString &line = lines.at(n);
        if (n == lines.size() - 1 && line.isEmpty())
            break;  // the text ended with a line break
        int depth = 0;
        while (depth < line.size() && line.at(depth) == u'>')
            ++depth;
        QString content = line.mid(depth);
        if (content.startsWith(u' '))
            content.remove(0, 1);
        const bool signature = content == QLatin1StringView("-- ");
        const bool flowed = content.endsWith(u' ') && !signature;
        if (paragraphDepth >= 0 && paragraphDepth != depth)
            closeParagraph();
        if (paragraphDepth < 0) {
            paragraphDepth = depth;
            if (depth > 0)
                paragraph = QString(depth, u'>') + u' ';
        }
        if (flowed && delSp)
            content.chop(1);
        paragraph += content;
        if (!flowed)
            closeParagraph();
    }
    closeParagraph();
    if (!text.endsWith(u'\n') && out.endsWith(u'\n'))
        out.chop(1);
    return out;
}

} // namespace machina::mime
