#include <diplograph/queries/entities.hpp>

#include <diplograph/graph/fold.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace diplograph {

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
            } else if (f.rfind(q, 0) == 0 || f.find(" " + q) != std::string::npos) {
                d = 1;  // a prefix or a whole word: "putin" in "vladimir putin"
            } else {
                std::size_t limit = std::min<std::size_t>(3, q.size() / 3);
                if (limit == 0)
                    return;
                d = edit_distance(f, q);
                if (d > limit)
                    return;
                d += 1;
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
