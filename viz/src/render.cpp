// The only file that includes Graphviz. libgvc and libcgraph keep global state (the error
// handler, the error level, the parser), so every call is made under one mutex.
#include <diplograph/viz/diagram.hpp>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <fmt/format.h>

#include <mutex>
#include <string>

namespace diplograph::viz {

namespace {

std::mutex graphviz_mutex;
//! Messages Graphviz sent while the mutex was held.
std::string graphviz_messages;

int capture(char* message) {
    std::string m = message ? message : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' '))
        m.pop_back();
    for (char& c : m)
        if (c == '\n')
            c = ' ';
    if (!m.empty()) {
        if (!graphviz_messages.empty())
            graphviz_messages += "; ";
        graphviz_messages += m;
    }
    return 0;
}

class Context {
  public:
    Context() : gvc_(gvContext()) {
        if (!gvc_)
            throw RenderError("Graphviz could not start (gvContext failed)");
    }
    ~Context() { gvFreeContext(gvc_); }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    GVC_t* get() const { return gvc_; }

  private:
    GVC_t* gvc_;
};

//! One context for the process. Graphviz 2.43's pango plugin keeps a pointer to the last
//! font name, which lives in the context: a second context after the first is freed reads
//! freed memory (found by AddressSanitizer), so the context is made once and kept.
Context& context() {
    static Context gvc;
    return gvc;
}

class ParsedGraph {
  public:
    explicit ParsedGraph(const std::string& dot) : graph_(agmemread(dot.c_str())) {}
    ~ParsedGraph() {
        if (graph_)
            agclose(graph_);
    }
    ParsedGraph(const ParsedGraph&) = delete;
    ParsedGraph& operator=(const ParsedGraph&) = delete;
    Agraph_t* get() const { return graph_; }

  private:
    Agraph_t* graph_;
};

//! Frees the layout before the graph is closed.
class Layout {
  public:
    Layout(GVC_t* gvc, Agraph_t* graph) : gvc_(gvc), graph_(graph) {}
    ~Layout() { gvFreeLayout(gvc_, graph_); }
    Layout(const Layout&) = delete;
    Layout& operator=(const Layout&) = delete;

  private:
    GVC_t* gvc_;
    Agraph_t* graph_;
};

//! Installs the capturing handler for the duration of one call.
class Capture {
  public:
    Capture() : previous_(agseterrf(capture)), level_(agseterr(AGWARN)) {
        graphviz_messages.clear();
        agreseterrors();
    }
    ~Capture() {
        agseterrf(previous_);
        agseterr(level_);
    }
    Capture(const Capture&) = delete;
    Capture& operator=(const Capture&) = delete;

  private:
    agusererrf previous_;
    agerrlevel_t level_;
};

std::string failure(std::string_view what) {
    return graphviz_messages.empty() ? std::string(what)
                                     : fmt::format("{}: {}", what, graphviz_messages);
}

}  // namespace

#if defined(__SANITIZE_ADDRESS__)
//! For the Asan build type: Graphviz 2.43 (its configuration, its HTML-label parser) and the
//! fontconfig, GLib and Pango caches it fills keep memory until exit. LeakSanitizer reads this
//! list in every program that links diplograph_viz; a leak with one of these libraries on its
//! allocation stack is not reported, ours still are.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libgvc.so\nleak:libgvplugin_\nleak:libcgraph.so\nleak:libfontconfig.so\n"
           "leak:libglib-2.0.so\nleak:libgobject-2.0.so\nleak:libpango\nleak:libcairo.so\n";
}
//! Quiet about the suppressions, so that a command's stderr stays what it printed.
extern "C" const char* __lsan_default_options() {
    return "print_suppressions=0";
}
#endif

std::string render(const std::string& dot, Format format, const std::string& engine) {
    if (format != Format::svg && format != Format::png && format != Format::pdf)
        throw RenderError(
            fmt::format("cannot render to {}: choose svg, png or pdf", to_string(format)));
    std::lock_guard<std::mutex> lock(graphviz_mutex);
    Capture capture_messages;
    Context& gvc = context();
    ParsedGraph graph(dot);
    if (!graph.get())
        throw RenderError(failure("Graphviz could not read the DOT text"));
    std::string layout = engine;
    if (!layout.empty()) {
        // gvLayout prefers the graph's own `layout` attribute to its argument.
        agsafeset(graph.get(), const_cast<char*>("layout"), layout.data(), const_cast<char*>(""));
    } else {
        char* attr = agget(graph.get(), const_cast<char*>("layout"));
        layout = attr && *attr ? attr : "dot";
    }
    if (gvLayout(gvc.get(), graph.get(), layout.c_str()) != 0)
        throw RenderError(failure(
            fmt::format("Graphviz layout '{}' failed (engines: dot, neato, fdp, sfdp, circo, "
                        "twopi)",
                        layout)));
    Layout owner(gvc.get(), graph.get());
    char* data = nullptr;
    unsigned int length = 0;
    std::string device(to_string(format));
    if (gvRenderData(gvc.get(), graph.get(), device.c_str(), &data, &length) != 0 || !data) {
        if (data)
            gvFreeRenderData(data);
        throw RenderError(failure(fmt::format("Graphviz could not render {}", device)));
    }
    std::string out(data, length);
    gvFreeRenderData(data);
    return out;
}

}  // namespace diplograph::viz
