// Discourse: an article is one story. Its sentences tell events, tell some of them again (the
// headline, a later paragraph) and name them back with a noun ("les échanges", "the talks",
// "cette visite") that adds a date or a place. This stage makes one event of each retelling and
// gives each event what its back-references add.
#pragma once

#include <diplograph/graph/model.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::text {

//! An event as one sentence tells it, before the story merges what is told twice.
struct Told {
    Event event;
    std::vector<std::string> people;
    bool firm_direction = true;  //!< the initiator was named before the trigger
    bool another = false;        //!< "also signed", "ont également signé": not a retelling
    //! Told by a noun that names an event already told ("the talks took place on Tuesday"): a
    //! retelling, even when both sentences give a date.
    bool definite = false;
    //! A passive with no agent: every party is a target, and who acts is the initiator of the
    //! latest event of its type told before ("India will open embassies…" then "the missions
    //! will be opened in Chad and Togo").
    bool agentless = false;
    //! One party acting and nobody else named ("India to open 18 missions in Africa"): no event
    //! itself, only the agent of the agentless passives of its type told after it.
    bool lone = false;
};

//! A noun with a definite or demonstrative determiner that names an event already told
//! ("les échanges se sont déroulés le 19 novembre", "the talks took place in Hanoi"), in a
//! sentence that tells no event of that type itself.
struct BackReference {
    std::size_t sentence = 0;
    std::optional<EventType> type;  //!< none: a noun for any event ("the move", "la décision")
    DateInterval date;              //!< the date its sentence gives, unknown when none
    std::string place;              //!< where its sentence says it happened, empty when none
    Evidence evidence;
};

//! The nouns that name events back, per language: data/lang/<xx>/references.tsv (word, type or
//! `*`), the determiners that make them definite and the complements that make them new.
class ReferenceNouns {
  public:
    //! The nouns of `lang` under data_dir/lang/ (loaded once per language; throws
    //! DictionaryError naming file:line; a language without the file has none).
    static const ReferenceNouns& of(const std::filesystem::path& data_dir, const std::string& lang);

    //! The event type a folded noun names back: nullopt when it names none, an empty optional
    //! inside for any type.
    std::optional<std::optional<EventType>> noun(std::string_view word) const;
    //! A folded determiner that makes the next noun name something known ("les", "cette", "the").
    bool definite(std::string_view word) const;
    //! Folded words that may stand between the determiner and the noun ("deux", "recent").
    bool filler(std::string_view word) const;
    //! "de", "of": what a noun's complement starts with.
    bool of(std::string_view word) const;
    //! Indefinite determiners ("un", "several"): "la signature d'un accord" names a new event.
    bool indefinite(std::string_view word) const;
    //! The noun at words[i] has a determiner that makes it name a known event: `Word` has a
    //! folded `norm` and a `word` flag (text::Token).
    template <class Word>
    bool definite_at(const std::vector<Word>& words, std::size_t i) const {
        if (i >= words.size() || !noun(words[i].norm))
            return false;
        for (std::size_t k = i, steps = 0; k > 0 && steps < 4; --k, ++steps) {
            const auto& w = words[k - 1];
            if (!w.word)
                return false;
            if (definite(w.norm))
                return !(i + 2 < words.size() && of(words[i + 1].norm) &&
                         indefinite(words[i + 2].norm));
            if (!filler(w.norm))
                return false;
        }
        return false;
    }

  private:
    std::map<std::string, std::optional<EventType>, std::less<>> nouns_;
    std::map<std::string, bool, std::less<>> determiners_;
    std::map<std::string, bool, std::less<>> fillers_;
    std::map<std::string, bool, std::less<>> of_;
    std::map<std::string, bool, std::less<>> indefinite_;
};

//! The story's events: an agentless event given the initiator of the latest one of its type told
//! before it (the headline included), what is told twice made one (same type, compatible dates,
//! parties that mostly overlap; the headline joins the body), then each back-reference resolved to
//! the latest event of its type told before it, to which it gives its date (when the event has
//! none, or a less precise one that contains it) and its place.
std::vector<Told> tell_story(std::vector<Told> told, const std::vector<BackReference>& references);

}  // namespace diplograph::text
