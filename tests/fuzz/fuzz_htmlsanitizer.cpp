// The sanitiser on hostile HTML: its output, read again by the same
// tokenizer, must hold no handler, script or data: URL, remote resource or
// dropped element; and HTML to text must not crash on the same input.
#include "html/htmlsanitizer.h"
#include "html/htmltotext.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    machina::HtmlToText::convert(html);
    const QString out = machina::sanitizeHtml(html);
    const QString problem = machina::findUnsafeHtml(out);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "sanitised output still holds %s:\n%s\n", qPrintable(problem), qPrintable(out));
        std::abort();
    }
    return 0;
}
