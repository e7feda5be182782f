// Looking actors up by id or by any of their names, in any language (DESIGN.md §5 `entities`).
#pragma once

#include <diplograph/graph/store.hpp>

#include <cstdint>
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
    std::string matched;  //!< the name or alias that matched
    //! 0 for an exact (folded) match, 1 for a whole word of it, 2 for the start of a word,
    //! 2 + edits for a near spelling
    std::size_t distance;
};

//! The entities whose id, name or alias matches `query`: exact folded matches first, then
//! whole words ("Putin"), then word starts ("Vlad"), then near spellings of the name or of one
//! of its words (edits, a swap of neighbours counting one, up to a third of the length, at most
//! 3: "Tgoo" → Togo, "Poutine" → Vladimir Putin).
//! An empty query lists every entity of the kind.
std::vector<EntityMatch> find_entities(const Store& store, const std::string& query,
                                       std::optional<EntityKind> kind = std::nullopt);

//! The entities with their names folded once, for answering many searches (`serve`): the same
//! answers as find_entities on the store they were read from.
class EntityIndex {
  public:
    explicit EntityIndex(std::vector<Entity> entities);
    //! As find_entities, among these entities (of `kind` when given); the first `limit` (0:
    //! all).
    std::vector<EntityMatch> find(const std::string& query,
                                  std::optional<EntityKind> kind = std::nullopt,
                                  std::size_t limit = 0) const;
    const std::vector<Entity>& entities() const { return entities_; }

  private:
    //! An id, name or alias, folded; its code points and those of its words in points_.
    struct Name {
        uint32_t source = 0;  //!< 0: the id, 1: the name, 2 + i: alias i
        std::string folded;
        uint32_t points_at = 0, points_size = 0;
        uint32_t words_at = 0, words_size = 0;  //!< into words_
    };
    struct Word {
        uint32_t at = 0, size = 0;  //!< into points_
    };
    std::vector<Entity> entities_;
    std::vector<std::size_t> first_name_;  //!< entity i's names: [first_name_[i], [i + 1])
    std::vector<Name> names_;
    std::vector<uint32_t> points_;
    std::vector<Word> words_;
};

//! The one entity `name` designates: an id ("TGO", "person/vladimir-putin", "org/ECOWAS"), a
//! name or alias (a country first when several share it), or the one entity having it as a
//! whole word ("Putin"). Throws UnknownActor: "no actor named 'Tgoo'; did you mean Togo (TGO)?".
Entity resolve_actor(const Store& store, const std::string& name);

}  // namespace diplograph
