// libFuzzer target for MessageParser (hostile mail: any bytes in, never a crash).
#include "mime/messageparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    machina::MessageParser::parse(raw);
    machina::MessageParser::htmlToText(QString::fromUtf8(raw));
    return 0;
}
