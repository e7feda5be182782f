// Dates in sentences: "19 novembre 2025", "mardi", "la semaine dernière", "two weeks ago"…
// resolved against the article's date. The words of each language live in
// data/lang/<xx>/dates.tsv; the grammar of the expressions is in dates.cpp.
#pragma once

#include <diplograph/graph/model.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace diplograph {

//! A date expression found in a text and what it resolves to.
struct DateMention {
    std::size_t begin = 0, end = 0;  //!< byte offsets in the text given
    DateInterval interval;
};

//! Every date expression in `text` (a sentence) of language `lang`, resolved against `reference`
//! (the article's date; invalid Date when unknown: relative expressions then stay unresolved).
std::vector<DateMention> find_dates(std::string_view text, std::string_view lang,
                                    const Date& reference);

}  // namespace diplograph
