#include <diplograph/graph/fold.hpp>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace diplograph {

namespace {

const icu::Normalizer2* nfkd_instance() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    return U_SUCCESS(status) ? nfkd : nullptr;
}

bool is_mark(UChar32 c) {
    return u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
}

bool is_apostrophe(UChar32 c) {
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == 0x0060;
}

bool is_break(UChar32 c) {
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014 ||
           u_isUWhiteSpace(c);
}

// What fold() makes of one code point: its decomposition without marks, apostrophes made
// ASCII, case folded, in UTF-8, with '\0' for each dash or white space (a word break).
// fold() of a text is that of its code points one after the other, breaks made single spaces
// between words: NFKD decomposes each code point on its own (it only reorders the marks,
// which are dropped) and full case folding maps each on its own too.
std::string fold_code_point(UChar32 c) {
    const icu::Normalizer2* nfkd = nfkd_instance();
    icu::UnicodeString in(c);
    icu::UnicodeString decomposed = in;
    if (nfkd) {
        UErrorCode status = U_ZERO_ERROR;
        decomposed = nfkd->normalize(in, status);
        if (U_FAILURE(status))
            decomposed = in;
    }
    std::string out;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 x = decomposed.char32At(i);
        i += U16_LENGTH(x);
        if (is_mark(x))
            continue;
        if (is_apostrophe(x))
            x = '\'';
        if (is_break(x)) {
            out += '\0';
            continue;
        }
        icu::UnicodeString folded(x);
        folded.foldCase(U_FOLD_CASE_DEFAULT);
        folded.toUTF8String(out);
    }
    return out;
}

// fold_code_point() of each code point, computed once: a table for ASCII, and per thread the
// others met so far (a text's letters are few).
const std::string& folded_code_point(UChar32 c) {
    static const std::vector<std::string> ascii = [] {
        std::vector<std::string> table;
        for (UChar32 a = 0; a < 0x80; ++a)
            table.push_back(fold_code_point(a));
        return table;
    }();
    if (c < 0x80)
        return ascii[static_cast<std::size_t>(c)];
    thread_local std::unordered_map<UChar32, std::string> others;
    auto it = others.find(c);
    if (it == others.end())
        it = others.emplace(c, fold_code_point(c)).first;
    return it->second;
}

}  // namespace

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    const auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c = static_cast<unsigned char>(text[static_cast<std::size_t>(i)]);
        if (c == 0) {
            return detail::fold_whole(text);  // '\0' marks the breaks below
        } else if (c < 0x80) {
            ++i;
        } else {
            // ICU's U8_NEXT narrows ints to bytes inside the macro.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
            U8_NEXT(text.data(), i, n, c);
#pragma GCC diagnostic pop
            if (c < 0)
                return detail::fold_whole(text);  // invalid UTF-8: ICU's replacements
        }
        for (char b : folded_code_point(c)) {
            if (b == '\0') {
                space = true;
                continue;
            }
            if (space && !out.empty())
                out += ' ';
            space = false;
            out += b;
        }
    }
    return out;
}

namespace detail {

std::string fold_whole(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(in, status) : in;
    if (U_FAILURE(status))
        decomposed = in;
    icu::UnicodeString out;
    bool space = false;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (is_mark(c))
            continue;
        if (is_apostrophe(c))
            c = '\'';
        if (is_break(c)) {
            space = true;
            continue;
        }
        if (space && out.length() > 0)
            out.append(static_cast<UChar>(' '));
        space = false;
        out.append(c);
    }
    out.foldCase(U_FOLD_CASE_DEFAULT);  // full folding: "ß" → "ss"
    std::string result;
    out.toUTF8String(result);
    return result;
}

}  // namespace detail

std::size_t edit_distance(std::string_view a, std::string_view b) {
    auto points = [](std::string_view s) {
        std::vector<UChar32> v;
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(
            icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
        for (int32_t i = 0; i < u.length();) {
            UChar32 c = u.char32At(i);
            v.push_back(c);
            i += U16_LENGTH(c);
        }
        return v;
    };
    auto x = points(a), y = points(b);
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[y.size()];
}

}  // namespace diplograph
