// Folding with offsets, sentences (ICU BreakIterator + abbreviations), language detection.
#include "language.hpp"

#include <diplograph/importers/text.hpp>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <unordered_map>

namespace diplograph {

namespace {

void append_utf8(std::string& out, UChar32 c) {
    icu::UnicodeString u(c);
    u.toUTF8String(out);
}

// A letter (not ASCII) decomposed, without its marks, each part case folded (simple folding).
std::string fold_letter(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    icu::UnicodeString u(c);
    icu::UnicodeString d = U_SUCCESS(status) ? nfkd->normalize(u, status) : u;
    if (U_FAILURE(status))
        d = u;
    std::string out;
    for (int32_t j = 0; j < d.length();) {
        UChar32 x = d.char32At(j);
        j += U16_LENGTH(x);
        if (u_getCombiningClass(x) != 0 || u_charType(x) == U_NON_SPACING_MARK)
            continue;
        append_utf8(out, u_foldCase(x, U_FOLD_CASE_DEFAULT));
    }
    return out;
}

// fold_letter(), computed once per letter and thread: a text has few distinct letters.
const std::string& folded_letter(UChar32 c) {
    thread_local std::unordered_map<UChar32, std::string> known;
    auto it = known.find(c);
    if (it == known.end())
        it = known.emplace(c, fold_letter(c)).first;
    return it->second;
}

// The folding of each ASCII byte: case, dashes and white space, the grave accent.
constexpr std::array<char, 128> kAsciiFold = [] {
    std::array<char, 128> t{};
    for (std::size_t c = 0; c < 128; ++c) {
        char x = static_cast<char>(c);
        if (x == '-' || x == '\t' || x == '\n' || x == '\r')
            x = ' ';
        else if (x == '`')
            x = '\'';
        else if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        t[c] = x;
    }
    return t;
}();

}  // namespace

namespace text {

void fold_with_offsets(std::string_view text, FoldedText& out) {
    out.text.clear();
    out.offsets.clear();
    out.text.reserve(text.size());
    out.offsets.reserve(text.size() + 1);
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // A run of ASCII, most of a text, folded byte for byte into room made at once.
        std::size_t run = i;
        while (run < n && static_cast<unsigned char>(text[run]) < 0x80)
            ++run;
        if (run > i) {
            const std::size_t size = out.text.size();
            out.text.resize(size + (run - i));
            out.offsets.resize(size + (run - i));
            char* to = out.text.data() + size;
            std::size_t* offset = out.offsets.data() + size;
            for (std::size_t k = i; k < run; ++k) {
                *to++ = kAsciiFold[static_cast<unsigned char>(text[k])];
                *offset++ = k;
            }
            i = run;
            if (i == n)
                break;
        }
        const std::size_t at = i;
        auto c = static_cast<UChar32>(text::next_code_point(text, i));
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4)
            out.text += '\'';
        else if (c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014 || u_isUWhiteSpace(c))
            out.text += ' ';
        else
            out.text += folded_letter(c);
        out.offsets.resize(out.text.size(), at);
    }
    out.offsets.push_back(text.size());
}

}  // namespace text

FoldedText fold_with_offsets(std::string_view text) {
    FoldedText out;
    text::fold_with_offsets(text, out);
    return out;
}

namespace {

// The sentence iterator of a locale, made once per thread: creating one loads ICU's rules.
icu::BreakIterator* sentence_iterator(std::string_view lang) {
    thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> known;
    auto it = known.find(lang);
    if (it == known.end()) {
        UErrorCode status = U_ZERO_ERROR;
        std::string locale = std::string(lang.empty() ? "en" : lang);
        std::unique_ptr<icu::BreakIterator> made(
            icu::BreakIterator::createSentenceInstance(icu::Locale(locale.c_str()), status));
        if (U_FAILURE(status))
            made.reset();
        it = known.emplace(std::string(lang), std::move(made)).first;
    }
    return it->second.get();
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text, std::string_view lang) {
    const auto& langs = text::default_languages();
    auto it = langs.find(std::string(lang));
    return text::split_sentences(text, lang, it == langs.end() ? nullptr : &it->second);
}

namespace text {

std::vector<Span> split_sentences(std::string_view text, std::string_view lang,
                                  const LanguageData* data) {
    std::vector<Span> raw;
    static const std::vector<std::string> kNone;
    const std::vector<std::string>* abbreviations = data ? &data->abbreviations : &kNone;

    // ICU works in UTF-16: map its offsets back to bytes as we go, by the UTF-8 length of each
    // code point of the UTF-16 text (a lone surrogate counts as three bytes, as U+FFFD).
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::BreakIterator* it = sentence_iterator(lang);
    if (!it) {
        raw.push_back({0, text.size()});
    } else {
        it->setText(u);
        const char16_t* units = u.getBuffer();
        const int32_t length = u.length();
        int32_t u16 = 0;
        std::size_t byte = 0;
        it->first();
        std::size_t start = 0;
        for (int32_t end16 = it->next(); end16 != icu::BreakIterator::DONE; end16 = it->next()) {
            while (u16 < end16) {
                char16_t c = units[u16];
                if (U16_IS_LEAD(c) && u16 + 1 < length && U16_IS_TRAIL(units[u16 + 1])) {
                    byte += 4;
                    u16 += 2;
                } else {
                    byte += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                    ++u16;
                }
            }
            raw.push_back({start, std::min(byte, text.size())});
            start = std::min(byte, text.size());
        }
    }
    // Trim; merge a piece with the next when it ends with an abbreviation ("M.", "U.S.") or
    // a single capital ("J.") and no line break separates them.
    std::vector<Span> out;
    bool glue = false;
    for (auto s : raw) {
        while (s.begin < s.end && std::isspace(static_cast<unsigned char>(text[s.begin])))
            ++s.begin;
        while (s.end > s.begin && std::isspace(static_cast<unsigned char>(text[s.end - 1])))
            --s.end;
        if (s.begin >= s.end)
            continue;
        if (glue && !out.empty() &&
            text.substr(out.back().end, s.begin - out.back().end).find('\n') ==
                std::string_view::npos) {
            out.back().end = s.end;
        } else {
            out.push_back(s);
        }
        std::string_view piece = text.substr(out.back().begin, out.back().end - out.back().begin);
        auto space = piece.find_last_of(" \t\n(");
        std::string_view last = space == std::string_view::npos ? piece : piece.substr(space + 1);
        glue =
            std::find(abbreviations->begin(), abbreviations->end(), last) != abbreviations->end() ||
            (last.size() == 2 && last[1] == '.' &&
             std::isupper(static_cast<unsigned char>(last[0])));
    }
    // Sentences glued by a page's markup ("…de l'AFP.Le Guatemala…", "…Morales.Concrétisant…"):
    // a period between a word of two letters or more and a capitalised word is a boundary ICU
    // does not see. Not an abbreviation's ("U.S.Secretary": one letter before the period).
    auto upper_at = [&](std::size_t i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80)
            return std::isupper(c) != 0;
        // Latin-1 capitals À..Þ (but ×) in UTF-8: C3 80..9E.
        return c == 0xC3 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9E &&
               static_cast<unsigned char>(text[i + 1]) != 0x97;
    };
    auto letter = [&](std::size_t i) {
        return std::isalpha(static_cast<unsigned char>(text[i])) != 0 ||
               static_cast<unsigned char>(text[i]) >= 0x80;
    };
    std::vector<Span> split;
    for (const auto& s : out) {
        std::size_t from = s.begin;
        for (std::size_t p = s.begin + 2; p + 2 < s.end; ++p) {
            if (text[p] != '.' || !letter(p - 1) || !letter(p - 2) || !upper_at(p + 1))
                continue;
            std::size_t next = p + (static_cast<unsigned char>(text[p + 1]) < 0x80 ? 2 : 3);
            if (next >= s.end || !std::islower(static_cast<unsigned char>(text[next])))
                continue;
            std::size_t w = p;
            while (w > from && letter(w - 1))
                --w;
            std::string word(text.substr(w, p + 1 - w));
            if (std::find(abbreviations->begin(), abbreviations->end(), word) !=
                abbreviations->end())
                continue;
            split.push_back({from, p + 1});
            from = p + 1;
        }
        split.push_back({from, s.end});
    }
    return split;
}

std::string detect_language(const FoldedText& folded,
                            const std::map<std::string, LanguageData>& langs) {
    // The folded tokens looked up where they are, without making tokens.
    std::vector<std::size_t> counts(langs.size());
    // The languages loaded together (languages()) share a table of their stop words: one
    // lookup a word, for all of them.
    const StopwordTable* table =
        langs.empty() ? nullptr : langs.begin()->second.all_stopwords.get();
    if (table && table->languages != langs.size())
        table = nullptr;
    std::uint64_t bit = 1;
    for (const auto& [lang, data] : langs) {
        if (data.all_stopwords.get() != table || data.stopword_bit != bit)
            table = nullptr;
        bit <<= 1;
    }
    if (table) {
        for_each_token(folded.text, [&](std::size_t start, std::size_t stop, bool) {
            if (stop - start > table->longest)
                return;
            auto it = table->langs.find(std::string_view(folded.text.data() + start, stop - start));
            if (it == table->langs.end())
                return;
            for (std::size_t k = 0; k < counts.size(); ++k)
                counts[k] += (it->second >> k) & 1U;
        });
    } else {
        for_each_token(folded.text, [&](std::size_t start, std::size_t stop, bool) {
            std::string_view norm(folded.text.data() + start, stop - start);
            std::size_t k = 0;
            for (const auto& [lang, data] : langs)
                counts[k++] +=
                    norm.size() <= data.longest_stopword ? data.stopword_set.count(norm) : 0;
        });
    }
    std::string best = "fr";
    std::size_t best_count = 0;
    std::size_t k = 0;
    for (const auto& [lang, data] : langs) {
        if (counts[k] > best_count) {
            best = lang;
            best_count = counts[k];
        }
        ++k;
    }
    return best;
}

}  // namespace text

std::string detect_language(std::string_view text) {
    auto sample = text.substr(0, std::min(text.size(), text::kLanguageSample));
    thread_local FoldedText folded;
    text::fold_with_offsets(sample, folded);
    return text::detect_language(folded, text::default_languages());
}

}  // namespace diplograph
