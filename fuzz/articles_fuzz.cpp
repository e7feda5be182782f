// The article readers: plain text, HTML (gumbo), JSON and JSON Lines. Only their own errors
// (ArticleError, problems) may come out.
#include "fuzz_support.hpp"

#include <diplograph/importers/text.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace diplograph;
    if (size == 0)
        return 0;
    std::string content = fuzz::text(data + 1, size - 1);
    try {
        switch (data[0] % 4) {
            case 0:
                read_text_article({"a.txt", content});
                break;
            case 1:
                read_html_article({"a.html", content});
                break;
            case 2:
            case 3: {
                std::vector<Problem> problems;
                read_json_articles({data[0] % 4 == 2 ? "a.json" : "a.jsonl", content}, problems);
                break;
            }
        }
    } catch (const ArticleError&) {
    }
    return 0;
}
