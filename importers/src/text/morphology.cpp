#include "morphology.hpp"

#include "../tsv.hpp"

#include <diplograph/importers/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>

namespace diplograph::text {

namespace {

constexpr std::array<std::string_view, 14> kClassNames = {
    "unknown", "verb",        "auxiliary",   "modal",  "noun",   "adjective", "determiner",
    "pronoun", "preposition", "conjunction", "adverb", "number", "proper",    "punctuation"};

std::optional<WordClass> class_from_string(std::string_view s) {
    for (std::size_t k = 0; k < kClassNames.size(); ++k)
        if (kClassNames[k] == s)
            return static_cast<WordClass>(k);
    return std::nullopt;
}

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

bool vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto at = s.find(sep, start);
        auto part = s.substr(start, at == std::string_view::npos ? at : at - start);
        if (!part.empty())
            out.emplace_back(part);
        if (at == std::string_view::npos)
            break;
        start = at + 1;
    }
    return out;
}

std::string fold(std::string_view s) {
    return s == "-" ? std::string(s) : diplograph::fold_with_offsets(s).text;
}

// The parts of s between separators, each folded ("-" kept: folding drops it).
std::vector<std::string> fold_split(std::string_view s, char sep) {
    auto parts = split(s, sep);
    for (auto& p : parts)
        p = fold(p);
    return parts;
}

// Writes the forms of one lemma into `out` with their readings.
struct Forms {
    std::vector<Morphology::Form>& out;
    const std::string* lemma;
    WordClass word_class;

    void add(std::string text, VerbForm form, Tense tense = Tense::none, int index = -1,
             bool plural = false, bool feminine = false) {
        if (text.empty() || text == "-")
            return;
        Analysis a;
        a.lemma = lemma;
        a.word_class = word_class;
        a.form = form;
        a.tense = tense;
        if (index >= 0) {
            a.person = static_cast<std::uint8_t>(index % 3 + 1);
            a.plural = index >= 3;
        } else {
            a.plural = plural;
        }
        a.feminine = feminine;
        out.push_back({std::move(text), a});
    }
    //! Six finite forms: stem + each ending.
    void six(Tense tense, const std::string& stem, const std::array<std::string_view, 6>& ends) {
        for (int k = 0; k < 6; ++k)
            add(stem + std::string(ends[static_cast<std::size_t>(k)]), VerbForm::finite, tense, k);
    }
    //! A French past participle in its four forms ("pris": pris, prise, pris, prises).
    void participle_fr(const std::string& m) {
        if (m.empty() || m == "-")
            return;
        bool s = m.back() == 's' || m.back() == 'x';
        add(m, VerbForm::past_participle, Tense::none, -1, false, false);
        add(m + "e", VerbForm::past_participle, Tense::none, -1, false, true);
        add(s ? m : m + "s", VerbForm::past_participle, Tense::none, -1, true, false);
        add(m + "es", VerbForm::past_participle, Tense::none, -1, true, true);
    }
};

constexpr std::array<std::string_view, 6> kImperfect = {"ais",  "ais", "ait",
                                                        "ions", "iez", "aient"};
constexpr std::array<std::string_view, 6> kFuture = {"ai", "as", "a", "ons", "ez", "ont"};
constexpr std::array<std::string_view, 6> kConditional = kImperfect;

// The French simple past by its vowel: a (signa), i (prit), u (reçut), in (tint).
std::array<std::string_view, 6> simple_past(std::string_view type) {
    if (type == "a")
        return {"ai", "as", "a", "ames", "ates", "erent"};
    if (type == "i")
        return {"is", "is", "it", "imes", "ites", "irent"};
    if (type == "u")
        return {"us", "us", "ut", "umes", "utes", "urent"};
    return {"ins", "ins", "int", "inmes", "intes", "inrent"};
}

// First group (-er): "signer", with its spellings: -ger keeps its e before a and o
// (mangeons), `1dbl` doubles the consonant before a mute e (appelle, jettera), -yer writes i
// there (emploie; -ayer both), envoyer's future is enverr-. Accents are folded: céder and
// placer need nothing.
void first_group(Forms& f, const std::string& lemma, std::string_view model) {
    std::string stem = lemma.substr(0, lemma.size() - 2);
    bool ger = !stem.empty() && stem.back() == 'g';
    auto soft = [&](std::string_view e) {
        return ger && (e[0] == 'a' || e[0] == 'o') ? stem + "e" + std::string(e)
                                                   : stem + std::string(e);
    };
    std::vector<std::string> mutes = {stem};
    if (model == "1dbl" && !stem.empty())
        mutes = {stem + stem.back()};
    else if (ends_with(stem, "oy") || ends_with(stem, "uy"))
        mutes = {stem.substr(0, stem.size() - 1) + "i"};
    else if (ends_with(stem, "ay"))
        mutes = {stem, stem.substr(0, stem.size() - 1) + "i"};
    for (const auto& mute : mutes) {
        f.add(mute + "e", VerbForm::finite, Tense::present, 0);
        f.add(mute + "es", VerbForm::finite, Tense::present, 1);
        f.add(mute + "e", VerbForm::finite, Tense::present, 2);
        f.add(mute + "ent", VerbForm::finite, Tense::present, 5);
        f.add(mute + "e", VerbForm::finite, Tense::subjunctive, 0);
        f.add(mute + "es", VerbForm::finite, Tense::subjunctive, 1);
        f.add(mute + "e", VerbForm::finite, Tense::subjunctive, 2);
        f.add(mute + "ent", VerbForm::finite, Tense::subjunctive, 5);
        std::string future = mute + "er";
        if (model == "envoyer")
            future = lemma.substr(0, lemma.size() - 7) + "enverr";
        f.six(Tense::future, future, kFuture);
        f.six(Tense::conditional, future, kConditional);
    }
    f.add(soft("ons"), VerbForm::finite, Tense::present, 3);
    f.add(stem + "ez", VerbForm::finite, Tense::present, 4);
    for (int k = 0; k < 6; ++k) {
        auto e = kImperfect[static_cast<std::size_t>(k)];
        f.add(k == 3 || k == 4 ? stem + std::string(e) : soft(e), VerbForm::finite,
              Tense::imperfect, k);
    }
    auto past = simple_past("a");
    for (int k = 0; k < 6; ++k) {
        auto e = past[static_cast<std::size_t>(k)];
        f.add(k == 5 ? stem + std::string(e) : soft(e), VerbForm::finite, Tense::past, k);
    }
    f.add(stem + "ions", VerbForm::finite, Tense::subjunctive, 3);
    f.add(stem + "iez", VerbForm::finite, Tense::subjunctive, 4);
    f.add(soft("at"), VerbForm::finite, Tense::past_subjunctive, 2);
    f.add(lemma, VerbForm::infinitive);
    f.add(soft("ant"), VerbForm::present_participle);
    f.participle_fr(stem + "e");
}

// Second group (-ir, finissons): "établir".
void second_group(Forms& f, const std::string& lemma) {
    std::string stem = lemma.substr(0, lemma.size() - 2);
    f.six(Tense::present, stem, {"is", "is", "it", "issons", "issez", "issent"});
    f.six(Tense::imperfect, stem + "iss", kImperfect);
    f.six(Tense::past, stem, simple_past("i"));
    f.six(Tense::future, stem + "ir", kFuture);
    f.six(Tense::conditional, stem + "ir", kConditional);
    f.six(Tense::subjunctive, stem + "iss", {"e", "es", "e", "ions", "iez", "ent"});
    f.add(stem + "it", VerbForm::finite, Tense::past_subjunctive, 2);
    f.add(lemma, VerbForm::infinitive);
    f.add(stem + "issant", VerbForm::present_participle);
    f.participle_fr(stem + "i");
}

// English verbs: 3rd person -s/-es/-ies; past and participle -ed/-d/-ied, with the final
// consonant doubled for `dbl` verbs and for one-syllable words ending consonant-vowel-consonant
// (banned, slapped); -ing; irregular pasts "past|participle" (alternatives by commas).
bool doubles_en(const std::string& w) {
    if (w.size() < 3)
        return false;
    char c = w.back(), v = w[w.size() - 2], before = w[w.size() - 3];
    if (vowel(c) || c == 'w' || c == 'x' || !vowel(v) || v == 'y' || vowel(before))
        return false;
    int groups = 0;
    for (std::size_t k = 0; k < w.size(); ++k)
        if (vowel(w[k]) && (k == 0 || !vowel(w[k - 1])))
            ++groups;
    return groups == 1;
}

std::string third_person_en(const std::string& w) {
    if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") ||
        ends_with(w, "sh") || ends_with(w, "o"))
        return w + "es";
    if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2]))
        return w.substr(0, w.size() - 1) + "ies";
    return w + "s";
}

void english_verb(Forms& f, const std::string& lemma, const std::string& model) {
    if (model == "modal") {
        f.add(lemma, VerbForm::finite, Tense::present);
        return;
    }
    if (model == "be") {
        f.add("be", VerbForm::infinitive);
        f.add("am", VerbForm::finite, Tense::present, 0);
        f.add("is", VerbForm::finite, Tense::present, 2);
        f.add("are", VerbForm::finite, Tense::present, 4);
        f.add("was", VerbForm::finite, Tense::past, 2);
        f.add("were", VerbForm::finite, Tense::past, 4);
        f.add("been", VerbForm::past_participle);
        f.add("being", VerbForm::present_participle);
        return;
    }
    bool dbl = model == "dbl" || (model == "-" && doubles_en(lemma));
    std::string base = dbl ? lemma + lemma.back() : lemma;
    f.add(lemma, VerbForm::infinitive);
    f.add(lemma, VerbForm::finite, Tense::present);
    f.add(model == "have" ? "has" : third_person_en(lemma), VerbForm::finite, Tense::present, 2);
    if (model == "have") {
        f.add("had", VerbForm::finite, Tense::past);
        f.add("had", VerbForm::past_participle);
        f.add("having", VerbForm::present_participle);
        return;
    }
    std::string ing;
    if (ends_with(lemma, "ie"))
        ing = lemma.substr(0, lemma.size() - 2) + "ying";
    else if (lemma.size() > 2 && lemma.back() == 'e' && !ends_with(lemma, "ee") &&
             !ends_with(lemma, "ye") && !ends_with(lemma, "oe"))
        ing = lemma.substr(0, lemma.size() - 1) + "ing";
    else
        ing = base + "ing";
    f.add(ing, VerbForm::present_participle);
    auto bar = model.find('|');
    if (bar != std::string::npos) {
        for (const auto& p : split(model.substr(0, bar), ','))
            f.add(p, VerbForm::finite, Tense::past);
        for (const auto& p : split(model.substr(bar + 1), ','))
            f.add(p, VerbForm::past_participle);
        return;
    }
    std::string ed;
    if (lemma.back() == 'e')
        ed = lemma + "d";
    else if (lemma.size() > 1 && lemma.back() == 'y' && !vowel(lemma[lemma.size() - 2]))
        ed = lemma.substr(0, lemma.size() - 1) + "ied";
    else
        ed = base + "ed";
    f.add(ed, VerbForm::finite, Tense::past);
    f.add(ed, VerbForm::past_participle);
}

}  // namespace

std::string_view to_string(WordClass c) {
    return kClassNames[static_cast<std::size_t>(c)];
}

const std::string* Morphology::intern(std::string_view lemma) {
    auto it = lemmas_.find(lemma);
    if (it == lemmas_.end())
        it = lemmas_.emplace(std::string(lemma), std::make_unique<std::string>(lemma)).first;
    return it->second.get();
}

void Morphology::add(std::string form, const Analysis& a) {
    auto& list = table_[std::move(form)];
    for (const auto& x : list)
        if (x.lemma == a.lemma && x.word_class == a.word_class && x.form == a.form &&
            x.tense == a.tense && x.person == a.person && x.plural == a.plural &&
            x.feminine == a.feminine)
            return;
    list.push_back(a);
}

void Morphology::conjugate(const std::string& lemma, std::vector<Form>& out) const {
    auto v = verbs_.find(lemma);
    if (v == verbs_.end())
        return;
    const std::string* interned = nullptr;
    if (auto l = lemmas_.find(lemma); l != lemmas_.end())
        interned = l->second.get();
    Forms f{out, interned, v->second.word_class};
    const std::string& model = v->second.model;
    if (lang_ != "fr") {
        english_verb(f, lemma, model);
        return;
    }
    if (model == "1" || model == "1dbl" || model == "envoyer") {
        first_group(f, lemma, model);
        return;
    }
    if (model == "2") {
        second_group(f, lemma);
        return;
    }
    const Model& m = models_.at(model);
    std::string prefix = lemma.substr(0, lemma.size() - m.tail.size());
    for (int k = 0; k < 6; ++k)
        f.add(prefix + m.present[static_cast<std::size_t>(k)], VerbForm::finite, Tense::present, k);
    f.six(Tense::imperfect, prefix + m.imperfect, kImperfect);
    if (m.past_type != "-") {
        f.six(Tense::past, prefix + m.past_stem, simple_past(m.past_type));
        f.add(prefix + m.past_stem + std::string(simple_past(m.past_type)[2]), VerbForm::finite,
              Tense::past_subjunctive, 2);
    }
    f.six(Tense::future, prefix + m.future, kFuture);
    f.six(Tense::conditional, prefix + m.future, kConditional);
    if (m.subjunctive.size() == 6) {
        for (int k = 0; k < 6; ++k)
            f.add(prefix + m.subjunctive[static_cast<std::size_t>(k)], VerbForm::finite,
                  Tense::subjunctive, k);
    } else {
        const std::string& one = m.subjunctive[0];
        const std::string& two = m.subjunctive[1];
        f.six(Tense::subjunctive, prefix + one, {"e", "es", "e", "-", "-", "ent"});
        f.add(prefix + two + "ions", VerbForm::finite, Tense::subjunctive, 3);
        f.add(prefix + two + "iez", VerbForm::finite, Tense::subjunctive, 4);
    }
    f.add(lemma, VerbForm::infinitive);
    f.add(
        m.present_participle.empty() ? prefix + m.imperfect + "ant" : prefix + m.present_participle,
        VerbForm::present_participle);
    f.participle_fr(m.participle == "-" ? "" : prefix + m.participle);
}

void Morphology::decline(const std::string& lemma, WordClass c, std::vector<Form>& out) const {
    const std::string* interned = nullptr;
    if (auto l = lemmas_.find(lemma); l != lemmas_.end())
        interned = l->second.get();
    Forms f{out, interned, c};
    f.add(lemma, VerbForm::none);
    if (c != WordClass::noun && c != WordClass::adjective && c != WordClass::unknown)
        return;
    if (auto p = plurals_.find(lemma); p != plurals_.end()) {
        for (const auto& x : p->second)
            f.add(x, VerbForm::none, Tense::none, -1, true);
        return;
    }
    const auto& w = lemma;
    if (lang_ == "fr") {
        if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z")) {
            f.add(w, VerbForm::none, Tense::none, -1, true);
        } else if (ends_with(w, "au") || ends_with(w, "eu")) {
            f.add(w + "x", VerbForm::none, Tense::none, -1, true);
        } else if (ends_with(w, "al")) {
            f.add(w.substr(0, w.size() - 2) + "aux", VerbForm::none, Tense::none, -1, true);
            f.add(w + "s", VerbForm::none, Tense::none, -1, true);
        } else {
            f.add(w + "s", VerbForm::none, Tense::none, -1, true);
        }
        if (c == WordClass::adjective) {
            std::string fem;
            if (ends_with(w, "eux"))
                fem = w.substr(0, w.size() - 1) + "se";
            else if (ends_with(w, "if"))
                fem = w.substr(0, w.size() - 1) + "ve";
            else if (ends_with(w, "el") || ends_with(w, "ien") || ends_with(w, "on"))
                fem = w + w.back() + "e";
            else if (ends_with(w, "e"))
                fem = "";
            else
                fem = w + "e";
            if (!fem.empty()) {
                f.add(fem, VerbForm::none, Tense::none, -1, false, true);
                f.add(fem + "s", VerbForm::none, Tense::none, -1, true, true);
            }
        }
        return;
    }
    if (c == WordClass::adjective)
        return;  // English adjectives do not inflect
    if (ends_with(w, "man"))
        f.add(w.substr(0, w.size() - 3) + "men", VerbForm::none, Tense::none, -1, true);
    else if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") ||
             ends_with(w, "sh"))
        f.add(w + "es", VerbForm::none, Tense::none, -1, true);
    else if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2]))
        f.add(w.substr(0, w.size() - 1) + "ies", VerbForm::none, Tense::none, -1, true);
    else
        f.add(w + "s", VerbForm::none, Tense::none, -1, true);
}

Morphology Morphology::load(const std::filesystem::path& dir, const std::string& lang) {
    Morphology m;
    m.lang_ = lang;
    tsv::read(dir / "conjugation.tsv", {9, 1, true}, [&](const std::vector<std::string>& f, int) {
        Model model;
        model.tail = fold(f[1]);
        model.present = fold_split(f[2], ' ');
        if (model.present.size() != 6)
            throw std::invalid_argument(
                fmt::format("model \"{}\": {} present forms, expected 6 (- for none)", f[0],
                            model.present.size()));
        model.imperfect = fold(f[3]);
        auto colon = f[4].find(':');
        model.past_type = f[4].substr(0, colon);
        if (colon != std::string::npos)
            model.past_stem = fold(f[4].substr(colon + 1));
        if (model.past_type != "a" && model.past_type != "i" && model.past_type != "u" &&
            model.past_type != "in" && model.past_type != "-")
            throw std::invalid_argument(fmt::format(
                "simple past \"{}\": expected a:STEM, i:STEM, u:STEM, in:STEM or -", f[4]));
        model.future = fold(f[5]);
        model.subjunctive = fold_split(f[6], ' ');
        if (model.subjunctive.size() != 2 && model.subjunctive.size() != 6)
            throw std::invalid_argument(
                fmt::format("subjunctive \"{}\": expected two stems or six forms", f[6]));
        model.participle = fold(f[7]);
        model.present_participle = fold(f[8]);
        m.models_[fold(f[0])] = std::move(model);
    });
    tsv::read(dir / "verbs.tsv", {3, 1, true}, [&](const std::vector<std::string>& f, int) {
        std::string lemma = fold(f[0]);
        Verb v;
        v.model = f[1] == "-" || f[1].empty() ? "-" : fold(f[1]);
        if (lang == "fr") {
            if (v.model == "-")
                v.model = ends_with(lemma, "er") ? "1" : "?";
            bool built_in = v.model == "1" || v.model == "1dbl" || v.model == "envoyer";
            if (built_in && !ends_with(lemma, "er"))
                throw std::invalid_argument(
                    fmt::format("verb \"{}\": model {} is for verbs in -er", f[0], v.model));
            if (v.model == "2" && !ends_with(lemma, "ir"))
                throw std::invalid_argument(
                    fmt::format("verb \"{}\": model 2 is for verbs in -ir", f[0]));
            if (!built_in && v.model != "2") {
                auto it = m.models_.find(v.model);
                if (it == m.models_.end())
                    throw std::invalid_argument(fmt::format(
                        "verb \"{}\": model \"{}\" is neither 1, 1dbl, envoyer, 2 nor a model "
                        "of conjugation.tsv",
                        f[0], f[1]));
                if (!ends_with(lemma, it->second.tail))
                    throw std::invalid_argument(fmt::format(
                        "verb \"{}\" does not end like its model's \"{}\"", f[0], it->second.tail));
            }
        }
        if (!f[2].empty()) {
            auto c = class_from_string(f[2]);
            if (!c ||
                (*c != WordClass::verb && *c != WordClass::auxiliary && *c != WordClass::modal))
                throw std::invalid_argument(fmt::format(
                    "class \"{}\": expected verb, auxiliary or modal (or nothing)", f[2]));
            v.word_class = *c;
        }
        m.intern(lemma);
        m.verbs_[lemma] = std::move(v);
    });
    std::vector<std::pair<std::string, WordClass>> words;
    tsv::read(dir / "words.tsv", {3, 1, true}, [&](const std::vector<std::string>& f, int) {
        auto c = class_from_string(f[1]);
        if (!c || *c == WordClass::verb || *c == WordClass::unknown)
            throw std::invalid_argument(fmt::format(
                "class \"{}\": expected noun, adjective, determiner, pronoun, preposition, "
                "conjunction, adverb, number, auxiliary or modal (verbs are in verbs.tsv)",
                f[1]));
        std::string w = fold(f[0]);
        m.intern(w);
        if (!f[2].empty())
            m.plurals_[w] = fold_split(f[2], '|');
        words.emplace_back(std::move(w), *c);
    });
    std::vector<Form> forms;
    for (const auto& [lemma, verb] : m.verbs_) {
        forms.clear();
        m.conjugate(lemma, forms);
        for (auto& x : forms)
            m.add(std::move(x.text), x.analysis);
    }
    for (const auto& [w, c] : words) {
        forms.clear();
        m.decline(w, c, forms);
        for (auto& x : forms)
            m.add(std::move(x.text), x.analysis);
    }
    return m;
}

std::span<const Analysis> Morphology::analyses(std::string_view folded) const {
    auto it = table_.find(folded);
    if (it == table_.end())
        return {};
    return it->second;
}

bool Morphology::is_verb(std::string_view lemma) const {
    return verbs_.find(lemma) != verbs_.end();
}

std::vector<std::string> Morphology::forms(std::string_view lemma) const {
    std::vector<Form> out;
    std::string l(lemma);
    conjugate(l, out);
    bool verb = !out.empty();
    // A noun too, unless a French verb (whose nouns are other words: "signature").
    if (!verb || lang_ != "fr") {
        WordClass c = WordClass::noun;
        if (auto it = table_.find(lemma); it != table_.end())
            for (const auto& a : it->second)
                if (a.lemma && *a.lemma == lemma && a.word_class == WordClass::adjective)
                    c = WordClass::adjective;
        decline(l, c, out);
    }
    std::vector<std::string> words;
    words.reserve(out.size());
    for (auto& x : out)
        words.push_back(std::move(x.text));
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

}  // namespace diplograph::text
