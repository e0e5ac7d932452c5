// Attachment counting over a BODYSTRUCTURE tree. The inbox listing shows this
// count before the message is fetched, so it follows the rule MessageParser
// (connector/mime/messageparser.cpp, BodyWalker) uses for the attachments the
// message view lists: the two counts must agree.
#include "imapparser.h"

namespace machina {

namespace {

/// A file name: "filename" in the disposition parameters, also "name" in the
/// Content-Type ones; RFC 2231 splits long names into "filename*0*",
/// "filename*1" ... A blank value names nothing, as for MessageParser.
bool hasFileNameParameter(const ImapValue &params, bool contentType)
{
    if (!params.isList())
        return false;
    for (qsizetype i = 0; i + 1 < params.list.size(); i += 2) {
        const QByteArray key = params.list.at(i).toBytes().toUpper();
        const bool nameKey = key == "FILENAME" || key.startsWith("FILENAME*")
            || (contentType && (key == "NAME" || key.startsWith("NAME*")));
        if (nameKey && !params.list.at(i + 1).toBytes().trimmed().isEmpty())
            return true;
    }
    return false;
}

/// The bodies chosen so far, in part order: the first text/plain and the first
/// text/html that qualify; any later one is an attachment.
struct ChosenBodies
{
    bool text = false;
    bool html = false;
};

int countAttachments(const ImapValue &part, bool inAlternative, ChosenBodies &bodies, int depth)
{
    if (!part.isList() || part.list.isEmpty() || depth > ImapParser::MaxNestingDepth)
        return 0;
    const QList<ImapValue> &f = part.list;
    if (f.at(0).isList()) {
        // body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
        qsizetype children = 0;
        while (children < f.size() && f.at(children).isList())
            ++children;
        const QByteArray subtype = children < f.size() ? f.at(children).toBytes().toUpper() : QByteArray();
        // The parts of an alternative are renderings of one body (RFC 2046
        // section 5.1.4); a related inside one is such a rendering with its images.
        const bool alternative = subtype == "ALTERNATIVE" || (subtype == "RELATED" && inAlternative);
        int count = 0;
        for (qsizetype i = 0; i < children; ++i)
            count += countAttachments(f.at(i), alternative, bodies, depth + 1);
        return count;
    }
    // body-type-1part: type subtype params id description encoding size, then
    // "lines" for text/*, "envelope body lines" for message/rfc822, then md5 dsp ...
    if (f.size() < 7)
        return 0;
    // Only a text part can be a body. Every other leaf is listed by the message
    // view, whether it has a name or a disposition or not: nameless
    // application/octet-stream, inline images shown through cid: URLs, and an
    // attached message (once: MessageParser does not look inside it either).
    if (f.at(0).toBytes().toUpper() != "TEXT")
        return 1;
    const QByteArray subtype = f.at(1).toBytes().toUpper();
    bool named = hasFileNameParameter(f.at(2), true);
    bool attachmentDisposition = false;
    constexpr qsizetype dspIndex = 9;   // after text's "lines" (7) and md5 (8)
    if (dspIndex < f.size()) {
        const ImapValue &dsp = f.at(dspIndex);
        if (dsp.isList() && !dsp.list.isEmpty()) {
            attachmentDisposition = dsp.list.at(0).toBytes().trimmed().toUpper() == "ATTACHMENT";
            named = named || (dsp.list.size() > 1 && hasFileNameParameter(dsp.list.at(1), false));
        }
    }
    const bool isPlain = subtype == "PLAIN";
    const bool isHtml = subtype == "HTML";
    if ((isPlain || isHtml) && !named && !attachmentDisposition) {
        bool &chosen = isPlain ? bodies.text : bodies.html;
        if (!chosen) {
            chosen = true;
            return 0;
        }
    }
    // Another rendering of a body already chosen: the view does not list it.
    if (inAlternative && !named
        && (isPlain || isHtml || subtype == "ENRICHED" || subtype == "RICHTEXT"))
        return 0;
    return 1;
}

} // namespace

int ImapFetch::attachmentCount() const
{
    return bodyStructure ? countImapAttachments(*bodyStructure) : 0;
}

int countImapAttachments(const ImapValue &bodyStructure)
{
    ChosenBodies bodies;
    return countAttachments(bodyStructure, false, bodies, 0);
}

} // namespace machina
