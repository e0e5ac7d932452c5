#pragma once

// Shared by connector/mime/*.cpp only: GLib/GMime types never leave this
// folder. Include after <gmime/gmime.h>.

#include <memory>

namespace machina::gmime {

/** g_mime_init() registers GLib types; once per process, from any thread. */
inline void ensureInitialised()
{
    static const bool initialised = [] {
        g_mime_init();
        return true;
    }();
    (void)initialised;
}

/** Owning pointers so that every early return frees what GMime handed us. */
struct GObjectUnref
{
    void operator()(gpointer p) const { g_object_unref(p); }
};
template<typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct ParserOptionsFree
{
    void operator()(GMimeParserOptions *p) const { g_mime_parser_options_free(p); }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

} // namespace machina::gmime
