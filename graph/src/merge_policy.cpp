#include <diplograph/graph/merge_policy.hpp>

#include <algorithm>

namespace diplograph {

namespace {

// At least the month: a day, or a month (a year-only or approximate date is not evidence: two
// sanctions of one year by one country on another are often two).
bool dated_to_month(const DateInterval& d) {
    return d.precision == Precision::day || d.precision == Precision::month;
}

// The actors on one side of a directed event; countries and organisations only (people count
// through their country in the key).
std::set<std::string> side(const Event& e, ParticipantRole role) {
    std::set<std::string> out;
    for (const auto& p : e.participants)
        if (p.role == role && p.actor.rfind("person/", 0) != 0)
            out.insert(p.actor);
    return out;
}

}  // namespace

bool may_be_same_event(const MergeSubject& a_subject, const MergeSubject& b_subject) {
    const Event& a = *a_subject.event;
    const Event& b = *b_subject.event;
    if (a.type != b.type)
        return false;
    // OTHER gathers codes of every kind: one event only within one CAMEO root (its subtype).
    if (a.type == EventType::OTHER && a.subtype != b.subtype)
        return false;
    if (!a.date.compatible(b.date))
        return false;
    const auto& a_key = *a_subject.key;
    const auto& b_key = *b_subject.key;
    std::size_t common = 0;
    for (const auto& x : a_key)
        common += b_key.count(x);
    std::size_t all = a_key.size() + b_key.size() - common;
    if (all == 0 || common * 2 < all)
        return false;
    if (info(a.type).symmetric)
        return true;
    // Directional types: who did it to whom must agree (both reopenings of "leurs ambassades
    // respectives" are two events). NATO accusing Russia and Russia accusing NATO on one day
    // are two events.
    for (auto role : {ParticipantRole::initiator, ParticipantRole::target}) {
        auto sa = side(a, role), sb = side(b, role);
        if (sa.empty() || sb.empty())
            continue;
        if (std::none_of(sa.begin(), sa.end(), [&](auto& x) { return sb.count(x) > 0; }))
            return false;
    }
    return true;
}

MergeEvidence merge_evidence(const MergeSubject& report, const MergeSubject& stored,
                             bool same_source) {
    if (same_source)
        return MergeEvidence::same_source;
    const Event& a = *report.event;
    const Event& b = *stored.event;
    if (dated_to_month(a.date) && dated_to_month(b.date) && a.date.compatible(b.date))
        return MergeEvidence::dates;
    // A place is a detail when it is not one of the parties: "in Rabat" or "in Morocco" for a
    // meeting of two others; the host of a visit is no detail, every visit has one.
    if (!a.place.empty() && a.place == b.place && !report.key->count(a.place) &&
        !stored.key->count(b.place))
        return MergeEvidence::detail;
    return MergeEvidence::none;
}

MergeDecision decide_merge(const MergeSubject& report,
                           const std::vector<MergeCandidate>& candidates) {
    MergeDecision decision;
    std::vector<std::size_t> alike;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const MergeCandidate& c = candidates[i];
        if (!may_be_same_event(report, c.stored))
            continue;
        MergeEvidence why = merge_evidence(report, c.stored, c.same_source);
        if (why != MergeEvidence::none) {
            decision.merge_with = i;
            decision.why = why;
            return decision;
        }
        alike.push_back(i);
    }
    decision.possible_duplicates = std::move(alike);
    return decision;
}

}  // namespace diplograph
