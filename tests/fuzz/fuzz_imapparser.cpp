// libFuzzer target: server bytes in two chunks split at data[0] % size, every response drained.
#include "imap/protocol/imapparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    machina::ImapParser parser;
    const size_t split = size ? data[0] % size : 0;
    for (QByteArrayView chunk : {QByteArrayView(data, split), QByteArrayView(data + split, size - split)}) {
        parser.feed(chunk);
        while (parser.takeResponse()) {
        }
    }
    return 0;
}
