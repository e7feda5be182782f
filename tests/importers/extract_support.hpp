// What the extractor's tests share: the shipped dictionaries, loaded once, and one article of
// test text read by the whole pipeline.
#pragma once

#include <diplograph/importers/text.hpp>

#include <string>

namespace diplograph::test {

inline const Dictionaries& dictionaries() {
    static const Dictionaries d = Dictionaries::load(DIPLOGRAPH_DATA_DIR);
    return d;
}

//! The findings of `text` ("test.txt", headline first) in `lang`, dated `published` if given.
inline Batch extract(const std::string& lang, const std::string& text,
                     const std::string& published = {}, const Dictionaries& dict = dictionaries()) {
    Article a;
    a.name = "test.txt";
    a.text = text;
    ImportOptions options;
    options.lang = lang;
    options.published = published;
    return extract_article(a, dict, options);
}

}  // namespace diplograph::test
