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

// Before the first input (libFuzzer's -timeout does not count this): loading data/ takes a few
// seconds under the sanitizers, and more than the 10 s of -timeout on a loaded machine, where
// the first input of a run was reported as a timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    diplograph::fuzz::dictionaries();
    for (const char* lang : {"fr", "en"})
        diplograph::find_dates("le 3 mars 2025, on 3 March 2025", lang, {});
    return 0;
}
