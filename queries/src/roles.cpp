#include <diplograph/queries/roles.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace diplograph {

std::vector<Role> display_roles(const std::string& country, std::vector<Role> roles) {
    std::stable_partition(roles.begin(), roles.end(),
                          [&](const Role& r) { return !country.empty() && r.of == country; });
    std::vector<Role> out;
    for (const auto& r : roles) {
        const bool observation = r.from.valid() && r.from == r.to;
        if (observation && std::any_of(roles.begin(), roles.end(), [&](const Role& o) {
                return &o != &r && o.title == r.title && o.of == r.of && !(o.from == o.to) &&
                       (!o.from.valid() || o.from <= r.from) && (!o.to.valid() || r.to <= o.to);
            }))
            continue;
        if (std::any_of(out.begin(), out.end(), [&](const Role& o) {
                return o.title == r.title && o.of == r.of && o.from == r.from && o.to == r.to;
            }))
            continue;
        out.push_back(r);
    }
    return out;
}

std::string role_text(const Role& r) {
    std::string when;
    if (r.from.valid() && r.from == r.to)
        when = " as of " + r.from.to_string();
    else if (r.from.valid() && r.to.valid())
        when = fmt::format(" {}..{}", r.from.to_string(), r.to.to_string());
    else if (r.from.valid())
        when = " since " + r.from.to_string();
    else if (r.to.valid())
        when = " until " + r.to.to_string();
    return fmt::format("{} of {}{}", r.title, r.of, when);
}

std::string roles_text(const std::vector<Role>& roles) {
    std::string out;
    for (const auto& r : roles)
        out += (out.empty() ? "" : "; ") + role_text(r);
    return out;
}

const std::vector<Role>& PeopleRoles::of(const std::string& person) const {
    static const std::vector<Role> none;
    auto it = by_person.find(person);
    return it == by_person.end() ? none : it->second;
}

PeopleRoles people_roles(const Store& store, const Graph& graph,
                         const std::vector<NodeIndex>& nodes) {
    PeopleRoles out;
    for (auto n : nodes) {
        const Node& node = graph.node(n);
        if (node.kind != EntityKind::person || out.by_person.count(node.id))
            continue;
        auto roles = display_roles(node.country, store.roles_of(node.id));
        for (const auto& r : roles)
            if (!out.offices.count(r.of)) {
                Entity office;
                if (auto e = store.entity(r.of))
                    office = std::move(*e);
                else
                    office = Entity{r.of, EntityKind::organization, r.of, "", {}};
                office.aliases.clear();
                out.offices.emplace(r.of, std::move(office));
            }
        if (!roles.empty())
            out.by_person.emplace(node.id, std::move(roles));
    }
    return out;
}

}  // namespace diplograph
