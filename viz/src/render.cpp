// The only file that includes Graphviz. libgvc and libcgraph keep global state (the error
// handler, the error level, the parser), so every call is made under one mutex.
#include <diplograph/viz/diagram.hpp>
#include <diplograph/viz/png.hpp>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_device.h>

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

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

// PNG: a device of our own behind Graphviz's cairo renderer. The renderer draws into its
// ARGB32 image surface exactly as for Graphviz's "png:cairo" (same flags, 96 dpi), then hands
// the raster to the device's `format`, which encodes it (png.hpp) into png_output.

//! Where format_png puts the PNG of the current render, and what it threw (rethrown after
//! Graphviz returns: an exception must not cross its C frames). Under graphviz_mutex.
std::string* png_output = nullptr;
std::exception_ptr png_failure;

void format_png(GVJ_t* job) {
    try {
        if (!png_output)
            return;
        Raster raster{reinterpret_cast<const unsigned char*>(job->imagedata), job->width,
                      job->height, std::size_t{job->width} * 4};
        *png_output = encode_png(raster);
    } catch (...) {
        png_failure = std::current_exception();
    }
}

constexpr const char* kPngDevice = "diplograph_png";
gvdevice_engine_t png_engine{nullptr, format_png, nullptr};
gvdevice_features_t png_features{
    GVDEVICE_BINARY_FORMAT | GVDEVICE_DOES_TRUECOLOR, {0., 0.}, {0., 0.}, {96., 96.}};
// "device:renderer": the device needs Graphviz's cairo renderer.
gvplugin_installed_t png_devices[] = {{0, "diplograph_png:cairo", 0, &png_engine, &png_features},
                                      {0, nullptr, 0, nullptr, nullptr}};
gvplugin_api_t png_apis[] = {{API_device, png_devices}, {static_cast<api_t>(0), nullptr}};
gvplugin_library_t png_library{const_cast<char*>("diplograph"), png_apis};

//! A label's box, in points, y up.
struct Box {
    double x0, y0, x1, y1;
    bool overlaps(const Box& o) const {
        return std::min(x1, o.x1) - std::max(x0, o.x0) > 0 &&
               std::min(y1, o.y1) - std::max(y0, o.y0) > 0;
    }
};

//! The width a label needs: Graphviz's own measure, or more when its text is wider by a
//! generous per-character estimate (0.6 of the font size; the fonts a viewer substitutes for
//! Helvetica are wider than Helvetica for capitals and digits).
double label_width(const textlabel_t& label) {
    std::size_t longest = 0, line = 0;
    bool in_tag = false;
    std::string text = label.text ? label.text : "";
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (label.html && c == '<') {
            in_tag = true;
            if (text.compare(i, 3, "<BR") == 0 || text.compare(i, 3, "<br") == 0)
                line = 0;
        } else if (label.html && c == '>') {
            in_tag = false;
        } else if (!in_tag && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            longest = std::max(longest, ++line);  // one per code point
        }
    }
    return std::max(label.dimen.x, static_cast<double>(longest) * label.fontsize * 0.6);
}

Box box_at(pointf centre, double width, double height) {
    return {centre.x - width / 2, centre.y - height / 2, centre.x + width / 2,
            centre.y + height / 2};
}

//! dot places an edge's label beside the edge on the label's rank, and still lets two labels
//! of one rank overlap now and then (measured: 1 pair in 586 labels of a 150-actor diagram).
//! After the layout, each edge label that covers a node, a cluster's or the graph's label or
//! an earlier edge label is moved to the nearest free place beside a point of its own edge;
//! when there is none it is not drawn (the edge's tooltip still says what it holds).
//! Returns the number of labels moved and left out.
std::pair<int, int> separate_edge_labels(Agraph_t* graph) {
    std::vector<Box> taken;
    for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n))
        taken.push_back(box_at(ND_coord(n), ND_width(n) * 72, ND_height(n) * 72));
    auto add_graph_label = [&](Agraph_t* g) {
        if (textlabel_t* l = GD_label(g); l && l->set)
            taken.push_back(box_at(l->pos, label_width(*l), l->dimen.y));
    };
    add_graph_label(graph);
    for (int c = 1; c <= GD_n_cluster(graph); ++c)
        add_graph_label(GD_clust(graph)[c]);
    const boxf bb = GD_bb(graph);
    int moved = 0, dropped = 0;
    for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n))
        for (Agedge_t* e = agfstout(graph, n); e; e = agnxtout(graph, e)) {
            textlabel_t* label = ED_label(e);
            if (!label || !label->set)
                continue;
            const double w = label_width(*label) + 2, h = label->dimen.y + 1;
            auto free = [&](const Box& b) {
                if (b.x0 < bb.LL.x || b.x1 > bb.UR.x || b.y0 < bb.LL.y || b.y1 > bb.UR.y)
                    return false;
                return std::none_of(taken.begin(), taken.end(),
                                    [&](const Box& t) { return t.overlaps(b); });
            };
            Box here = box_at(label->pos, w, h);
            if (free(here)) {
                taken.push_back(here);
                continue;
            }
            // Beside each point of the edge's curves, nearest to where dot put it first.
            std::vector<pointf> places;
            if (const splines* spl = ED_spl(e))
                for (int i = 0; i < spl->size; ++i)
                    for (int j = 0; j < spl->list[i].size; ++j) {
                        pointf p = spl->list[i].list[j];
                        for (pointf d : {pointf{w / 2 + 3, 0}, pointf{-w / 2 - 3, 0},
                                         pointf{0, h / 2 + 3}, pointf{0, -h / 2 - 3}})
                            places.push_back({p.x + d.x, p.y + d.y});
                    }
            auto distance = [&](pointf p) {
                return (p.x - label->pos.x) * (p.x - label->pos.x) +
                       (p.y - label->pos.y) * (p.y - label->pos.y);
            };
            std::stable_sort(places.begin(), places.end(),
                             [&](pointf a, pointf b) { return distance(a) < distance(b); });
            auto it = std::find_if(places.begin(), places.end(),
                                   [&](pointf p) { return free(box_at(p, w, h)); });
            if (it != places.end()) {
                label->pos = *it;
                taken.push_back(box_at(*it, w, h));
                ++moved;
            } else {
                label->set = FALSE;
                ++dropped;
            }
        }
    return {moved, dropped};
}

class Context {
  public:
    Context() : gvc_(gvContext()) {
        if (!gvc_)
            throw RenderError("Graphviz could not start (gvContext failed)");
        gvAddLibrary(gvc_, &png_library);
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

//! Above this many nodes a PNG is drawn at kLargeBitmapDpi instead of 96 dpi. The bitmap grows
//! with the drawing: the 2,000-actor diagram of the 100k bench store is 7,978 x 5,452 pixels
//! (43 megapixels, 174 MB of raster) at 96 dpi, and drawing and compressing those pixels took
//! more CPU time than the rest of the export. At 72 dpi it is 5,984 x 4,099 (25 megapixels)
//! and its 11-point labels are still 11 pixels tall; the SVG and PDF keep every size.
constexpr int kLargeBitmapNodes = 1000;
constexpr const char* kLargeBitmapDpi = "72";

//! Before the layout of a PNG: a large graph gets the lower resolution, and its caption (the
//! graph's HTML label, written by diagram()) a line that says so, so that an analyst who
//! finds the labels small knows why and where to find them larger.
void limit_bitmap(Agraph_t* graph) {
    if (agnnodes(graph) <= kLargeBitmapNodes)
        return;
    agsafeset(graph, const_cast<char*>("dpi"), const_cast<char*>(kLargeBitmapDpi),
              const_cast<char*>(""));
    Agsym_t* label = agattr(graph, AGRAPH, const_cast<char*>("label"), nullptr);
    char* text = label ? agxget(graph, label) : nullptr;
    if (!text || !aghtmlstr(text))
        return;
    std::string caption = fmt::format(
        "{}PNG at {} dpi, not 96, above {} nodes (the SVG and PDF scale without limit)"
        "<BR ALIGN=\"LEFT\"/>",
        text, kLargeBitmapDpi, kLargeBitmapNodes);
    char* html = agstrdup_html(graph, caption.data());
    agxset(graph, label, html);
    agstrfree(graph, html);
}

//! The PNG of a laid-out graph, through the diplograph_png device.
std::string render_png(GVC_t* gvc, Agraph_t* graph) {
    std::string out;
    png_output = &out;
    png_failure = nullptr;
    char* data = nullptr;
    unsigned int length = 0;
    int rc = gvRenderData(gvc, graph, kPngDevice, &data, &length);
    png_output = nullptr;
    // The device writes nothing to Graphviz's own buffer: the PNG is in `out`.
    if (data)
        gvFreeRenderData(data);
    if (png_failure)
        std::rethrow_exception(std::exchange(png_failure, nullptr));
    if (rc != 0 || out.empty())
        throw RenderError(failure("Graphviz could not render png"));
    return out;
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
    if (format == Format::png)
        limit_bitmap(graph.get());
    if (gvLayout(gvc.get(), graph.get(), layout.c_str()) != 0)
        throw RenderError(failure(
            fmt::format("Graphviz layout '{}' failed (engines: dot, neato, fdp, sfdp, circo, "
                        "twopi)",
                        layout)));
    Layout owner(gvc.get(), graph.get());
    separate_edge_labels(graph.get());
    if (format == Format::png)
        return render_png(gvc.get(), graph.get());
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
