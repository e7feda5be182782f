// When a new report is an event already stored (DESIGN.md §2, "Evidence"; docs/merging.md):
// one pure decision over the stored candidates, which Store::put asks and then writes.
#pragma once

#include <diplograph/graph/model.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace diplograph {

//! An event as the policy sees it: its fields and its actors, people counted as their country.
struct MergeSubject {
    const Event* event = nullptr;
    const std::set<std::string>* key = nullptr;  //!< actor ids, people as their country
};

//! A stored event that may be the one a new report tells.
struct MergeCandidate {
    MergeSubject stored;
    //! The stored event has evidence from the report's own source: one article telling one
    //! event twice (a retelling).
    bool same_source = false;
};

//! What makes two reports that tell the same kind of thing one event.
enum class MergeEvidence {
    none,         //!< nothing: at most a possible duplicate
    same_source,  //!< both from one source
    dates,        //!< compatible dates, both known to at least the month
    detail,       //!< the same specific place
};

struct MergeDecision {
    std::optional<std::size_t> merge_with;  //!< the candidate (index) the report joins
    MergeEvidence why = MergeEvidence::none;
    //! Without a merge: the candidates that tell the same kind of thing with no evidence that
    //! they are one event (the report becomes a new event linked to each), in candidate order.
    std::vector<std::size_t> possible_duplicates;
};

//! Whether two reports can tell one event: same type (and CAMEO root for OTHER), compatible
//! dates, at least half their actors in common, and for directed types the same direction.
bool may_be_same_event(const MergeSubject& a, const MergeSubject& b);

//! What, beyond may_be_same_event, shows that two reports are one event.
MergeEvidence merge_evidence(const MergeSubject& report, const MergeSubject& stored,
                             bool same_source);

//! The first candidate that may be the same event and has evidence for it; otherwise every
//! candidate that may be the same event, as possible duplicates.
MergeDecision decide_merge(const MergeSubject& report,
                           const std::vector<MergeCandidate>& candidates);

}  // namespace diplograph
