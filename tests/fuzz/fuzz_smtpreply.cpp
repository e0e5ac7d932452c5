// libFuzzer target: server bytes in two chunks split at data[0] % size, every reply drained,
// plus the EHLO capability reader on each reply.
#include "smtp/protocol/smtpreply.h"
#include "smtp/protocol/smtpwriter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    machina::SmtpReplyParser parser;
    const size_t split = size ? data[0] % size : 0;
    for (QByteArrayView chunk : {QByteArrayView(data, split), QByteArrayView(data + split, size - split)}) {
        parser.feed(chunk);
        while (const auto reply = parser.takeReply())
            machina::SmtpCapabilities::fromEhloReply(*reply).sizeLimit();
    }
    return 0;
}
