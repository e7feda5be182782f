// Discourse: retellings merged, back-references resolved (see discourse.hpp).
#include "discourse.hpp"

#include "../tsv.hpp"

#include <diplograph/graph/fold.hpp>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <set>

namespace diplograph::text {

namespace {

bool is_person(const std::string& id) {
    return id.rfind("person/", 0) == 0;
}

//! The parties of an event (no people), or only its initiators.
std::set<std::string> actor_set(const Event& e, bool initiators) {
    std::set<std::string> out;
    for (const auto& p : e.participants)
        if (!is_person(p.actor) && (!initiators || p.role == ParticipantRole::initiator))
            out.insert(p.actor);
    return out;
}

bool headline_only(const Event& e) {
    return std::all_of(e.evidence.begin(), e.evidence.end(),
                       [](const Evidence& ev) { return ev.sentence == 0; });
}

std::size_t first_sentence(const Event& e) {
    std::size_t first = SIZE_MAX;
    for (const auto& ev : e.evidence)
        first = std::min(first, static_cast<std::size_t>(std::max(ev.sentence, 0)));
    return first;
}

void add_people(Event& to, const Event& from) {
    for (const auto& p : from.participants)
        if (is_person(p.actor) &&
            std::find(to.participants.begin(), to.participants.end(), p) == to.participants.end())
            to.participants.push_back(p);
}

//! `b` is one of the days of `a` or a narrower part of it.
bool narrower(const DateInterval& a, const DateInterval& b) {
    if (!b.known())
        return false;
    if (!a.known())
        return true;
    return a.first <= b.first && b.last <= a.last && (a.first != b.first || a.last != b.last);
}

//! The same event told twice (headline and body, or two sentences): same type, compatible
//! dates, actor sets that mostly overlap and, for directed types, the same initiator unless one
//! of them was not sure of it. A headline tells the body's event in few words: its direction
//! gives way to the body's.
std::vector<Told> merge_retellings(std::vector<Told> told) {
    std::vector<Told> merged;
    for (auto& f : told) {
        auto fa = actor_set(f.event, false);
        // A visit lasts days: its arrival and its talks, dated a few days apart, are one visit.
        auto same_trip = [&](const Told& m) {
            const DateInterval &a = m.event.date, &b = f.event.date;
            return f.event.type == EventType::VISIT && a.precision == Precision::day &&
                   b.precision == Precision::day &&
                   std::abs(days_from_civil(a.first) - days_from_civil(b.first)) <= 7;
        };
        bool headline_taken = false;  // a headline's event whose parties the body gives
        auto it = std::find_if(merged.begin(), merged.end(), [&](const Told& m) {
            if (m.event.type != f.event.type ||
                !(m.event.date.compatible(f.event.date) || same_trip(m)))
                return false;
            if (m.event.evidence.front().sentence == f.event.evidence.front().sentence) {
                // Two triggers of one sentence ("arrived in Tokyo … for the first visit to
                // Japan") tell one event when one's parties include the other's.
                // The two directions of a mutual event stay two.
                auto ma = actor_set(m.event, false);
                return m.event.date.compatible(f.event.date) &&
                       (info(f.event.type).symmetric ||
                        actor_set(m.event, true) == actor_set(f.event, true)) &&
                       (std::includes(ma.begin(), ma.end(), fa.begin(), fa.end()) ||
                        std::includes(fa.begin(), fa.end(), ma.begin(), ma.end()));
            }
            // Two sentences of the body that each date what they tell are two events; the
            // headline, and undated retellings, are the same one.
            // "also" tells another agreement or sanction, but the same talks or trip: "They
            // also exchanged views on…", "He also visited the war memorial".
            if (f.another && f.event.type != EventType::MEET && f.event.type != EventType::VISIT)
                return false;
            if (m.event.evidence.front().sentence != 0 && f.event.evidence.front().sentence != 0 &&
                (m.event.date.known() || f.event.date.known()) && !same_trip(m) && !f.definite)
                return false;
            auto ma = actor_set(m.event, false);
            std::size_t common = 0;
            for (const auto& x : fa)
                common += ma.count(x);
            std::size_t all = fa.size() + ma.size() - common;
            if (common * 2 < all)
                return false;
            if (info(f.event.type).symmetric)
                return true;
            // "Cuba hails Mexican aid" over "Mexican vessels brought aid to Cuba": the same
            // parties, the other way round, and the body knows who gave. (A headline whose
            // initiators include the body's may tell both directions: "X and Y reopen embassies".)
            auto mi = actor_set(m.event, true), fi = actor_set(f.event, true);
            bool flipped =
                !fi.empty() && std::none_of(mi.begin(), mi.end(),
                                            [&](const std::string& a) { return fi.count(a) != 0; });
            // Not reactions: each side of a quarrel condemns the other.
            bool reaction =
                f.event.type == EventType::CONDEMN || f.event.type == EventType::SUPPORT;
            if (headline_only(m.event) && f.event.evidence.front().sentence != 0 && ma == fa &&
                flipped && !reaction) {
                headline_taken = true;
                return true;
            }
            return !m.firm_direction || !f.firm_direction || mi == fi;
        });
        if (it == merged.end()) {
            merged.push_back(std::move(f));
            continue;
        }
        if (!it->event.date.known() ||
            (same_trip(*it) &&
             days_from_civil(f.event.date.first) < days_from_civil(it->event.date.first)))
            it->event.date = f.event.date;
        // A headline's present tense ("Oman and the Holy See establish relations") says less
        // than the body ("agreed on Thursday to establish"): the body's status holds.
        if (headline_only(it->event) && f.event.evidence.front().sentence != 0)
            it->event.status = f.event.status;
        if (it->event.place.empty())
            it->event.place = f.event.place;
        if (headline_taken || (!it->firm_direction && f.firm_direction)) {
            // The later sentence knows who did it: take its parties.
            Event kept = std::move(it->event);
            it->event.participants = f.event.participants;
            add_people(it->event, kept);
            it->event.type = kept.type;
            it->event.subtype = kept.subtype.empty() ? f.event.subtype : kept.subtype;
            it->event.status = kept.status;
            it->event.date = kept.date;
            it->event.place = kept.place;
            it->event.evidence = std::move(kept.evidence);
            it->firm_direction = true;
        } else {
            add_people(it->event, f.event);
        }
        it->event.evidence.insert(it->event.evidence.end(), f.event.evidence.begin(),
                                  f.event.evidence.end());
    }
    return merged;
}

}  // namespace

const ReferenceNouns& ReferenceNouns::of(const std::filesystem::path& data_dir,
                                         const std::string& lang) {
    static std::mutex mutex;
    static std::map<std::pair<std::string, std::string>, std::unique_ptr<ReferenceNouns>> cache;
    std::lock_guard lock(mutex);
    auto& slot = cache[{data_dir.string(), lang}];
    if (!slot) {
        auto nouns = std::make_unique<ReferenceNouns>();
        tsv::read(data_dir / "lang" / lang / "references.tsv", {2, 0, true},
                  [&](const std::vector<std::string>& f, int) {
                      std::string word = fold(f[0]);
                      if (f[1] == "determiner")
                          nouns->determiners_[word] = true;
                      else if (f[1] == "filler")
                          nouns->fillers_[word] = true;
                      else if (f[1] == "of")
                          nouns->of_[word] = true;
                      else if (f[1] == "indefinite")
                          nouns->indefinite_[word] = true;
                      else if (f[1] == "*")
                          nouns->nouns_[word] = std::nullopt;
                      else if (auto type = event_type_from_string(f[1]))
                          nouns->nouns_[word] = *type;
                      else
                          throw std::invalid_argument("type: \"" + f[1] +
                                                      "\" is no event type, `*`, `determiner`, "
                                                      "`filler`, `of` or `indefinite`");
                  });
        slot = std::move(nouns);
    }
    return *slot;
}

std::optional<std::optional<EventType>> ReferenceNouns::noun(std::string_view word) const {
    auto it = nouns_.find(word);
    if (it == nouns_.end())
        return std::nullopt;
    return it->second;
}

bool ReferenceNouns::definite(std::string_view word) const {
    return determiners_.find(word) != determiners_.end();
}

bool ReferenceNouns::filler(std::string_view word) const {
    return fillers_.find(word) != fillers_.end();
}

bool ReferenceNouns::of(std::string_view word) const {
    return of_.find(word) != of_.end();
}

bool ReferenceNouns::indefinite(std::string_view word) const {
    return indefinite_.find(word) != indefinite_.end();
}

std::vector<Told> tell_story(std::vector<Told> told, const std::vector<BackReference>& references) {
    for (std::size_t i = 0; i < told.size(); ++i) {
        if (!told[i].agentless)
            continue;
        Event& e = told[i].event;
        std::set<std::string> agents;
        for (std::size_t k = i; k > 0 && agents.empty(); --k)
            if (told[k - 1].event.type == e.type && !told[k - 1].agentless)
                agents = actor_set(told[k - 1].event, true);
        if (agents.empty())
            continue;
        std::erase_if(e.participants,
                      [&](const Participant& p) { return agents.count(p.actor) != 0; });
        for (const auto& a : agents)
            e.participants.insert(e.participants.begin(), {a, ParticipantRole::initiator});
    }
    std::erase_if(told, [](const Told& t) {
        // Still nobody who acts, and fewer than two parties: no event; an agent alone is none.
        return t.lone || (t.agentless && actor_set(t.event, false).size() < 2);
    });
    auto story = merge_retellings(std::move(told));
    for (const auto& ref : references) {
        if (!ref.date.known() && ref.place.empty())
            continue;
        // The latest event of its type told before it; the body before the headline.
        Told* target = nullptr;
        std::size_t target_at = 0;
        for (auto& t : story) {
            if (ref.type && t.event.type != *ref.type)
                continue;
            std::size_t at = first_sentence(t.event);
            if (at >= ref.sentence)
                continue;
            if (!target || at >= target_at) {
                target = &t;
                target_at = at;
            }
        }
        if (!target)
            continue;
        Event& e = target->event;
        bool used = false;
        if (ref.date.known() && (!e.date.known() || narrower(e.date, ref.date))) {
            e.date = ref.date;
            used = true;
        }
        if (!ref.place.empty() && e.place.empty()) {
            e.place = ref.place;
            used = true;
        }
        if (used)
            e.evidence.push_back(ref.evidence);
    }
    return story;
}

}  // namespace diplograph::text
