// The date parser: every date expression of a sentence, in French and English, against a
// reference date; each mention must lie inside the text.
#include "fuzz_support.hpp"

#include <diplograph/importers/dates.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace diplograph;
    fuzz::dictionaries();  // the data directory, for the language files
    if (size == 0)
        return 0;
    std::string sentence = fuzz::text(data + 1, size - 1);
    static const Date reference = *Date::parse("2025-11-20");
    const char* lang = data[0] & 1 ? "en" : "fr";
    for (const auto& m : find_dates(sentence, lang, data[0] & 2 ? reference : Date{}))
        if (m.begin > m.end || m.end > sentence.size())
            std::abort();
    return 0;
}
