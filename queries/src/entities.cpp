#include <diplograph/queries/entities.hpp>

#include <diplograph/graph/fold.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace diplograph {

namespace {

//! Edit distance over code points counting a swap of two neighbours as one edit (optimal
//! string alignment): "tgoo" is one edit from "togo". Past `limit`, any value above it (the
//! rows stop as soon as none of their cells can come back under it).
std::size_t near_distance(std::string_view a_text, std::string_view b_text, std::size_t limit) {
    // Code points as 32-bit numbers, in buffers kept by the thread: names are short.
    auto points = [](std::string_view s, std::vector<uint32_t>& out) {
        out.clear();
        for (std::size_t i = 0; i < s.size();) {
            uint32_t c = static_cast<unsigned char>(s[i++]);
            if (c >= 0x80)
                while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
                    c = (c << 6) ^ static_cast<unsigned char>(s[i++]);
            out.push_back(c);
        }
    };
    thread_local std::vector<uint32_t> a, b;
    thread_local std::vector<std::size_t> rows;
    points(a_text, a);
    points(b_text, b);
    std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (gap > limit)
        return limit + 1;
    const std::size_t w = b.size() + 1;
    rows.assign(3 * w, 0);
    std::size_t* before = rows.data();  // row i - 2
    std::size_t* prev = before + w;     // row i - 1
    std::size_t* cur = prev + w;        // row i
    for (std::size_t j = 0; j < w; ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        std::size_t low = cur[0];
        for (std::size_t j = 1; j < w; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], before[j - 2] + 1);
            low = std::min(low, cur[j]);
        }
        if (low > limit)
            return limit + 1;
        std::size_t* recycled = before;
        before = prev;
        prev = cur;
        cur = recycled;
    }
    return prev[b.size()];
}

}  // namespace

std::vector<EntityMatch> find_entities(const Store& store, const std::string& query,
                                       std::optional<EntityKind> kind) {
    std::vector<EntityMatch> out;
    const std::string q = fold(query);
    for (auto& e : store.entities(kind)) {
        if (q.empty()) {
            out.push_back({std::move(e), "", 0});
            continue;
        }
        std::size_t best = std::string::npos;
        std::string matched;
        auto consider = [&](const std::string& name) {
            std::string f = fold(name);
            std::size_t d;
            if (f == q) {
                d = 0;
            } else if (f.find(" " + q + " ") != std::string::npos ||
                       (f.size() > q.size() && f.compare(f.size() - q.size(), q.size(), q) == 0 &&
                        f[f.size() - q.size() - 1] == ' ') ||
                       (f.rfind(q + " ", 0) == 0)) {
                d = 1;  // a whole word: "putin" in "vladimir putin"
            } else if (f.rfind(q, 0) == 0 || f.find(" " + q) != std::string::npos) {
                d = 2;  // the start of a word: "vlad"
            } else {
                // A near spelling of the name or of one of its words ("poutine" ~ "putin").
                std::size_t limit = std::min<std::size_t>(3, q.size() / 3);
                if (limit == 0)
                    return;
                std::size_t near = near_distance(f, q, limit);
                if (q.find(' ') == std::string::npos) {
                    std::size_t start = 0;
                    while (start <= f.size()) {
                        std::size_t end = f.find(' ', start);
                        if (end == std::string::npos)
                            end = f.size();
                        if (end > start)
                            near = std::min(
                                near, near_distance(std::string_view(f).substr(start, end - start),
                                                    q, limit));
                        start = end + 1;
                    }
                }
                if (near > limit)
                    return;
                d = 2 + near;
            }
            if (d < best) {
                best = d;
                matched = name;
            }
        };
        consider(e.id);
        consider(e.name);
        for (const auto& a : e.aliases)
            consider(a.text);
        if (best != std::string::npos)
            out.push_back({std::move(e), matched, best});
    }
    std::stable_sort(out.begin(), out.end(), [](const EntityMatch& a, const EntityMatch& b) {
        if (a.distance != b.distance)
            return a.distance < b.distance;
        return a.entity.id < b.entity.id;
    });
    return out;
}

Entity resolve_actor(const Store& store, const std::string& name) {
    if (auto e = store.entity(name))
        return *e;
    std::string upper = name;
    for (auto& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (auto e = store.entity(upper))
        return *e;
    if (auto e = store.entity("org/" + upper))
        return *e;
    auto matches = find_entities(store, name);
    // One entity with the name as a whole word ("Putin", "Gnassingbé") is taken too.
    if (!matches.empty() && matches.front().distance == 1 &&
        (matches.size() == 1 || matches[1].distance > 1))
        return matches.front().entity;
    if (!matches.empty() && matches.front().distance == 0) {
        // Several entities may share a folded name; the first in id order is taken unless a
        // country is among them (a country name beats a person named after it).
        for (const auto& m : matches)
            if (m.distance == 0 && m.entity.kind == EntityKind::country)
                return m.entity;
        return matches.front().entity;
    }
    std::string hint;
    for (std::size_t i = 0; i < matches.size() && i < 3; ++i)
        hint += fmt::format("{}{} ({})", i ? ", " : "; did you mean ", matches[i].entity.name,
                            matches[i].entity.id);
    throw UnknownActor(fmt::format("no actor named '{}'{}{}", name, hint, hint.empty() ? "" : "?"));
}

}  // namespace diplograph
