#include <diplograph/graph/fold.hpp>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

namespace diplograph {

std::string fold(std::string_view text) {
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
        if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK)
            continue;
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == 0x0060)
            c = '\'';
        if (c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014 ||
            u_isUWhiteSpace(c)) {
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
