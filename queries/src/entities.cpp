#include <diplograph/queries/entities.hpp>

#include <diplograph/graph/fold.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace diplograph {

namespace {

//! The code points of a folded name as 32-bit numbers (names are short).
void code_points(std::string_view s, std::vector<uint32_t>& out) {
    out.clear();
    for (std::size_t i = 0; i < s.size();) {
        uint32_t c = static_cast<unsigned char>(s[i++]);
        if (c >= 0x80)
            while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
                c = (c << 6) ^ static_cast<unsigned char>(s[i++]);
        out.push_back(c);
    }
}

using Points = std::basic_string_view<uint32_t>;

//! Edit distance over code points counting a swap of two neighbours as one edit (optimal
//! string alignment): "tgoo" is one edit from "togo". Past `limit`, any value above it (the
//! rows stop as soon as none of their cells can come back under it).
std::size_t near_distance(Points a, Points b, std::size_t limit) {
    std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (gap > limit)
        return limit + 1;
    thread_local std::vector<std::size_t> rows;
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

constexpr uint32_t kNoSource = ~0u;  // an empty query: every entity, nothing matched

EntityIndex::EntityIndex(std::vector<Entity> entities) : entities_(std::move(entities)) {
    first_name_.reserve(entities_.size() + 1);
    std::vector<uint32_t> points;
    for (std::size_t i = 0; i < entities_.size(); ++i) {
        first_name_.push_back(names_.size());
        const Entity& e = entities_[i];
        uint32_t source = 0;
        auto add = [&](const std::string& text) {
            Name n;
            n.source = source++;
            n.folded = fold(text);
            code_points(n.folded, points);
            n.points_at = static_cast<uint32_t>(points_.size());
            n.points_size = static_cast<uint32_t>(points.size());
            points_.insert(points_.end(), points.begin(), points.end());
            // Each word (between single spaces: fold leaves no other), where a query of one
            // word is also compared.
            n.words_at = static_cast<uint32_t>(words_.size());
            std::size_t start = 0;
            while (start <= points.size()) {
                std::size_t end = start;
                while (end < points.size() && points[end] != ' ')
                    ++end;
                if (end > start)
                    words_.push_back({static_cast<uint32_t>(n.points_at + start),
                                      static_cast<uint32_t>(end - start)});
                start = end + 1;
            }
            n.words_size = static_cast<uint32_t>(words_.size() - n.words_at);
            names_.push_back(std::move(n));
        };
        add(e.id);
        add(e.name);
        for (const auto& a : e.aliases)
            add(a.text);
    }
    first_name_.push_back(names_.size());
}

std::vector<EntityMatch> EntityIndex::find(const std::string& query, std::optional<EntityKind> kind,
                                           std::size_t limit_matches) const {
    // The matches as numbers first: only those kept are copied out.
    struct Hit {
        uint32_t entity;
        uint32_t source;
        std::size_t distance;
    };
    std::vector<Hit> hits;
    const std::string q = fold(query);
    const std::string whole = " " + q + " ", first = q + " ", any_start = " " + q;
    std::vector<uint32_t> q_buffer;
    code_points(q, q_buffer);
    const Points qp(q_buffer.data(), q_buffer.size());
    const bool one_word = q.find(' ') == std::string::npos;
    const std::size_t limit = std::min<std::size_t>(3, q.size() / 3);
    for (std::size_t i = 0; i < entities_.size(); ++i) {
        const Entity& e = entities_[i];
        if (kind && e.kind != *kind)
            continue;
        if (q.empty()) {
            hits.push_back({static_cast<uint32_t>(i), kNoSource, 0});
            continue;
        }
        std::size_t best = std::string::npos;
        uint32_t matched = 0;
        for (std::size_t k = first_name_[i]; k < first_name_[i + 1]; ++k) {
            const Name& name = names_[k];
            const std::string& f = name.folded;
            std::size_t d;
            if (f == q) {
                d = 0;
            } else if (f.find(whole) != std::string::npos ||
                       (f.size() > q.size() && f.compare(f.size() - q.size(), q.size(), q) == 0 &&
                        f[f.size() - q.size() - 1] == ' ') ||
                       (f.rfind(first, 0) == 0)) {
                d = 1;  // a whole word: "putin" in "vladimir putin"
            } else if (f.rfind(q, 0) == 0 || f.find(any_start) != std::string::npos) {
                d = 2;  // the start of a word: "vlad"
            } else {
                // A near spelling of the name or of one of its words ("poutine" ~ "putin").
                if (limit == 0)
                    continue;
                std::size_t near = near_distance(
                    Points(points_.data() + name.points_at, name.points_size), qp, limit);
                if (one_word)
                    for (std::size_t w = name.words_at; w < name.words_at + name.words_size; ++w)
                        near = std::min(near, near_distance(Points(points_.data() + words_[w].at,
                                                                   words_[w].size),
                                                            qp, limit));
                if (near > limit)
                    continue;
                d = 2 + near;
            }
            if (d < best) {
                best = d;
                matched = name.source;
            }
        }
        if (best != std::string::npos)
            hits.push_back({static_cast<uint32_t>(i), matched, best});
    }
    auto before = [&](const Hit& a, const Hit& b) {
        if (a.distance != b.distance)
            return a.distance < b.distance;
        return entities_[a.entity].id < entities_[b.entity].id;
    };
    if (limit_matches && limit_matches < hits.size()) {
        std::partial_sort(hits.begin(), hits.begin() + static_cast<long>(limit_matches), hits.end(),
                          before);
        hits.resize(limit_matches);
    } else {
        std::stable_sort(hits.begin(), hits.end(), before);
    }
    std::vector<EntityMatch> out;
    out.reserve(hits.size());
    for (const Hit& h : hits) {
        const Entity& e = entities_[h.entity];
        out.push_back({e,
                       h.source == kNoSource ? std::string()
                       : h.source == 0       ? e.id
                       : h.source == 1       ? e.name
                                             : e.aliases[h.source - 2].text,
                       h.distance});
    }
    return out;
}

std::vector<EntityMatch> find_entities(const Store& store, const std::string& query,
                                       std::optional<EntityKind> kind) {
    return EntityIndex(store.entities(kind)).find(query);
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
