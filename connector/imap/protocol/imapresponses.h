#pragma once

// Internal to the IMAP parser; users include imapparser.h.

#include "imapreader.h"

namespace machina {

namespace ImapSyntax {
/// "OK", "NO", "BAD", "PREAUTH", "BYE" (already upper-cased); nothing for other words.
std::optional<ImapCondition> conditionFromWord(QByteArrayView upper);
} // namespace ImapSyntax

/**
 * The response grammar (RFC 3501 section 9) over ImapReader's tokens: turns
 * one framed response into an ImapResponse. The status, untagged and
 * response-code rules live in imapresponses.cpp, the FETCH items in
 * imapfetch.cpp.
 */
class ImapResponseReader : public ImapReader
{
public:
    using ImapReader::ImapReader;

    bool response(ImapResponse &r);

private:
    bool untagged(ImapResponse &r);
    bool respText(ImapResponse &r);
    bool responseCode(ImapResponseCode &code);
    bool fetch(ImapFetch &f);
    bool fetchItem(ImapFetch &f);
};

} // namespace machina
