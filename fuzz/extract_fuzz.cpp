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
