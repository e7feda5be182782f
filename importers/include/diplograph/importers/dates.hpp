// Dates in article text: explicit and relative expressions resolved against the article's date.
#pragma once

#include <diplograph/graph/model.hpp>

#include <string_view>
#include <vector>

namespace diplograph {

struct DateMention {
    std::size_t begin = 0, end = 0;
    DateInterval interval;
};  // byte offsets in the text given

//! Every date expression in `text` (a sentence) of language `lang`, resolved against `reference`
//! (the article's date; invalid Date when unknown: relative expressions then stay unresolved).
std::vector<DateMention> find_dates(std::string_view text, std::string_view lang,
                                    const Date& reference);

}  // namespace diplograph
