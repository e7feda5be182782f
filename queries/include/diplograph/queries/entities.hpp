// Looking actors up by id or by any of their names, in any language (DESIGN.md §5 `entities`).
#pragma once

#include <diplograph/graph/store.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace diplograph {

//! No actor has that name; the message carries the closest names.
class UnknownActor : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct EntityMatch {
    Entity entity;
    std::string matched;   //!< the name or alias that matched
    std::size_t distance;  //!< 0 for an exact (folded) match
};

//! The entities whose id, name or alias matches `query`: exact folded matches first, then
//! prefix matches, then near matches (edit distance up to a third of the length, at most 3).
//! An empty query lists every entity of the kind.
std::vector<EntityMatch> find_entities(const Store& store, const std::string& query,
                                       std::optional<EntityKind> kind = std::nullopt);

//! The one entity `name` designates: an id ("TGO", "person/vladimir-putin", "org/ECOWAS") or an
//! unambiguous name. Throws UnknownActor: "no actor named 'Tgoo'; did you mean Togo (TGO)?".
Entity resolve_actor(const Store& store, const std::string& name);

}  // namespace diplograph
