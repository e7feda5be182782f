// The whole extract path: a text article through the pipeline (folding, sentences, names,
// titles, event patterns, dates) to a Batch whose evidence spans lie inside the text.
#include "fuzz_support.hpp"

#include <diplograph/importers/text.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace diplograph;
    const auto& dict = fuzz::dictionaries();
    if (size == 0)
        return 0;
    static const char* kLangs[] = {"auto", "fr", "en"};
    ImportOptions options{kLangs[data[0] % 3], data[0] & 4 ? "2025-11-20" : ""};
    Input input{"a.txt", fuzz::text(data + 1, size - 1)};
    try {
        Article article = read_text_article(input);
        Batch batch = extract_article(article, dict, options);
        for (const auto& event : batch.events)
            for (const auto& evidence : event.evidence)
                if (evidence.begin < 0 || evidence.begin > evidence.end ||
                    static_cast<std::size_t>(evidence.end) > article.text.size())
                    std::abort();
    } catch (const ArticleError&) {
    }
    return 0;
}

// Before the first input (libFuzzer's -timeout does not count this): loading data/ takes a few
// seconds under the sanitizers, and more than the 10 s of -timeout on a loaded machine, where
// the first input of a run was reported as a timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // Each language once, so that what the pipeline loads lazily is loaded here too.
    for (std::string warm : {std::string("\x01") + "Le ministre a rencontré son homologue.",
                             std::string("\x02") + "The minister met his counterpart."})
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(warm.data()), warm.size());
    return 0;
}
