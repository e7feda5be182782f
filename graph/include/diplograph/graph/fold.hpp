// Folding of names for lookups: the one place that decides when two spellings are the same.
#pragma once

#include <string>
#include <string_view>

namespace diplograph {

//! Case- and accent-folded form of a UTF-8 name: NFKD, combining marks removed, case folded,
//! typographic apostrophes and dashes made ASCII, hyphens and runs of white space made one
//! space. "Côte-d’Ivoire" → "cote d'ivoire". Invalid UTF-8 is replaced by U+FFFD.
std::string fold(std::string_view text);

namespace detail {
//! fold() done the plain way, ICU over the whole text: what fold() must give, for the tests
//! (fold() itself works one code point at a time, each folded once per process).
std::string fold_whole(std::string_view text);
}  // namespace detail

//! Levenshtein distance over code points, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace diplograph
