// Diagrams of a selection (DESIGN.md §6): DOT with a legend and a caption, node shapes by kind,
// edge colours by event family, clusters; rendered in-process to SVG, PNG or PDF. No Graphviz
// type appears here: render.cpp owns the libgvc handles.
#pragma once

#include <diplograph/graph/graph.hpp>
#include <diplograph/queries/selection.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::viz {

//! Every output `diplograph export` writes.
enum class Format { dot, svg, png, pdf, graphml, gexf, json, neo4j };

std::optional<Format> format_from_string(std::string_view text);
std::string_view to_string(Format format);
//! dot, svg, png and pdf: drawn diagrams, which a size budget applies to.
bool is_diagram(Format format);

enum class Clustering { none, country, bloc };

struct DiagramOptions {
    bool events = false;  //!< event view: one node per event or agreement
    Clustering cluster = Clustering::none;
    //! One link per pair and direction, labelled with its types and counts ("MEET ×3 ·
    //! AGREEMENT 2025"); false: one link per pair, direction and type (`--edges each`).
    bool pairs = true;
    //! false: each person is folded into their country (`--people off`): their links become
    //! the country's, links inside a country vanish.
    bool people = true;
    bool legend = true;
    std::string engine;  //!< "dot", "sfdp", "neato"…; empty: chosen by size
    //! Links drawn at most (0: all of them); nullopt: link_cap() of the actors drawn.
    std::optional<std::size_t> max_links;
};

//! "sfdp" from 300 nodes; below, "dot" (its edge labels are laid out as nodes, so they never
//! overlap), but when the graph falls into more than eight components (which dot sets side by
//! side in one very wide row) "neato", or "fdp" with clusters (neato does not draw clusters).
//! Engines other than dot place link labels as xlabels and leave out those that would
//! overlap (the caption says so; the tooltips keep them).
std::string choose_engine(std::size_t nodes, std::size_t components = 1, bool clusters = false);

//! Keeps at most `budget` actors (0: no limit): the focus, then the most connected by weighted
//! degree (events on their selected edges; ties by id); adds what was folded to left_out_*.
Selection summarise(const Graph& graph, Selection selection, std::size_t budget);

//! The default limit on the links of a diagram: three per actor, never under 500 (up to 500
//! links are drawn with their labels and read one by one). Past it a drawing is a hairball,
//! and the layout, the rendering and the file grow with the links.
std::size_t link_cap(std::size_t actors);

//! The links a diagram of `selection` draws, sorted: all of them when there are at most `cap`
//! (0: no limit). Above, a maximum spanning forest first, so that every actor stays linked to
//! the actors it was linked to (through the strongest links), then each actor's strongest links
//! in turn (its first, then its second…) until `cap`. The focus's links come first; strength
//! is the number of sources, then of events (ties by edge index).
std::vector<EdgeIndex> drawn_links(const Graph& graph, const Selection& selection, std::size_t cap);

//! The DOT text of a selection: deterministic (ids sorted, no timestamps), all text escaped.
std::string to_dot(const Graph& graph, const Selection& selection,
                   const DiagramOptions& options = {});

//! Graphviz refused the graph or the output format; the message is one line.
class RenderError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

//! Lays out and renders DOT text to svg, png or pdf (engine empty: the graph's `layout`
//! attribute, else dot). Graphviz's messages are captured, not printed; thread-safe. A PNG is
//! drawn at 96 dpi, at 72 above 1,000 nodes (its caption, the graph's HTML label, says so).
std::string render(const std::string& dot, Format format, const std::string& engine = {});

}  // namespace diplograph::viz
