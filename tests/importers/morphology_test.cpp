// The morphology stage (importers/src/text/morphology.hpp): lemmas and classes of folded
// words from the lexicons generated from data/lang/<xx>/verbs.tsv, conjugation.tsv and
// words.tsv, and the forms that `@lemma` pattern items match.
#include "../importers/src/text/language.hpp"
#include "../importers/src/text/morphology.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace diplograph::text {
namespace {

const LanguageData& lang(const std::string& l) {
    return languages(DIPLOGRAPH_DATA_DIR).at(l);
}

// The lemmas the lexicon gives a folded word, sorted.
std::set<std::string> lemmas(const std::string& l, std::string_view word) {
    std::set<std::string> out;
    for (const auto& a : lang(l).morphology->analyses(word))
        out.insert(*a.lemma);
    return out;
}

bool has(const std::string& l, std::string_view word, std::string_view lemma) {
    return lemmas(l, word).count(std::string(lemma)) > 0;
}

// The reading of `word` with lemma `lemma`, or nullptr.
const Analysis* reading(const std::string& l, std::string_view word, std::string_view lemma,
                        VerbForm form) {
    for (const auto& a : lang(l).morphology->analyses(word))
        if (*a.lemma == lemma && a.form == form)
            return &a;
    return nullptr;
}

TEST(Morphology, FrenchIrregularVerbs) {
    EXPECT_TRUE(has("fr", "rompit", "rompre"));
    EXPECT_TRUE(has("fr", "rompu", "rompre"));
    EXPECT_TRUE(has("fr", "rompues", "rompre"));
    EXPECT_TRUE(has("fr", "recu", "recevoir"));   // reçu, folded
    EXPECT_TRUE(has("fr", "recut", "recevoir"));  // reçut
    EXPECT_TRUE(has("fr", "recoivent", "recevoir"));
    EXPECT_TRUE(has("fr", "tiendra", "tenir"));
    EXPECT_TRUE(has("fr", "convenu", "convenir"));
    EXPECT_TRUE(has("fr", "convinrent", "convenir"));
    EXPECT_TRUE(has("fr", "obtiennent", "obtenir"));
    EXPECT_TRUE(has("fr", "vont", "aller"));
    EXPECT_TRUE(has("fr", "iront", "aller"));
    EXPECT_TRUE(has("fr", "fut", "etre"));
    EXPECT_TRUE(has("fr", "soient", "etre"));
    EXPECT_TRUE(has("fr", "eurent", "avoir"));
    EXPECT_TRUE(has("fr", "fassent", "faire"));
    EXPECT_TRUE(has("fr", "dites", "dire"));
    EXPECT_TRUE(has("fr", "interdisez", "interdire"));
    EXPECT_FALSE(has("fr", "interdites", "dire"));
    EXPECT_TRUE(has("fr", "pourra", "pouvoir"));
    EXPECT_TRUE(has("fr", "voudraient", "vouloir"));
    EXPECT_TRUE(has("fr", "doivent", "devoir"));
    EXPECT_TRUE(has("fr", "reprit", "reprendre"));
    EXPECT_TRUE(has("fr", "comprises", "comprendre"));
    EXPECT_TRUE(has("fr", "transmis", "transmettre"));
    EXPECT_TRUE(has("fr", "vit", "voir"));
    EXPECT_TRUE(has("fr", "vit", "vivre"));  // ambiguous: both readings stay
    EXPECT_TRUE(has("fr", "verra", "voir"));
    EXPECT_TRUE(has("fr", "prevoira", "prevoir"));
    EXPECT_TRUE(has("fr", "rejoint", "rejoindre"));
    EXPECT_TRUE(has("fr", "rejoignent", "rejoindre"));
    EXPECT_TRUE(has("fr", "atteint", "atteindre"));
    EXPECT_TRUE(has("fr", "reconnu", "reconnaitre"));
    EXPECT_TRUE(has("fr", "reconnaissent", "reconnaitre"));
    EXPECT_TRUE(has("fr", "rouvert", "rouvrir"));
    EXPECT_TRUE(has("fr", "offert", "offrir"));
    EXPECT_TRUE(has("fr", "elu", "elire"));
    EXPECT_TRUE(has("fr", "conclu", "conclure"));
    EXPECT_TRUE(has("fr", "accueillera", "accueillir"));
    EXPECT_TRUE(has("fr", "suspendu", "suspendre"));
    EXPECT_TRUE(has("fr", "dementi", "dementir"));
    EXPECT_TRUE(has("fr", "survecut", "survivre"));
    EXPECT_TRUE(has("fr", "promu", "promouvoir"));
}

TEST(Morphology, FrenchRegularGroupsAndSpellings) {
    // First group, every tense the press uses.
    for (auto w : {"signe", "signent", "signa", "signerent", "signait", "signeront", "signerait",
                   "signions", "signant", "signe", "signee", "signees", "signer"})
        EXPECT_TRUE(has("fr", w, "signer")) << w;
    EXPECT_TRUE(has("fr", "rencontre", "rencontrer"));  // rencontré, folded
    // -ger keeps its e before a and o; -yer writes i before a mute e; 1dbl doubles.
    EXPECT_TRUE(has("fr", "encourageons", "encourager"));
    EXPECT_TRUE(has("fr", "encouragea", "encourager"));
    EXPECT_FALSE(has("fr", "encouragons", "encourager"));
    EXPECT_TRUE(has("fr", "emploie", "employer"));
    EXPECT_TRUE(has("fr", "deploieront", "deployer"));
    EXPECT_TRUE(has("fr", "paie", "payer"));
    EXPECT_TRUE(has("fr", "paye", "payer"));
    EXPECT_TRUE(has("fr", "appelle", "appeler"));
    EXPECT_TRUE(has("fr", "rappellera", "rappeler"));
    EXPECT_TRUE(has("fr", "appelons", "appeler"));
    EXPECT_TRUE(has("fr", "rejette", "rejeter"));
    EXPECT_TRUE(has("fr", "renouvelle", "renouveler"));
    EXPECT_TRUE(has("fr", "enverra", "envoyer"));
    EXPECT_TRUE(has("fr", "renvoie", "renvoyer"));
    // Second group.
    for (auto w : {"etablit", "etablissent", "etablissait", "etablira", "etabli", "etablies",
                   "retablissant"})
        EXPECT_TRUE(has("fr", w, w[0] == 'r' ? "retablir" : "etablir")) << w;
}

TEST(Morphology, FrenchReadings) {
    const Analysis* a = reading("fr", "tiendra", "tenir", VerbForm::finite);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->tense, Tense::future);
    EXPECT_EQ(a->person, 3);
    EXPECT_FALSE(a->plural);
    a = reading("fr", "rompues", "rompre", VerbForm::past_participle);
    ASSERT_NE(a, nullptr);
    EXPECT_TRUE(a->plural);
    EXPECT_TRUE(a->feminine);
    a = reading("fr", "signerent", "signer", VerbForm::finite);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->tense, Tense::past);
    EXPECT_EQ(a->person, 3);
    EXPECT_TRUE(a->plural);
    // "a": avoir (auxiliary) and à (preposition) both.
    std::set<WordClass> classes;
    for (const auto& x : lang("fr").morphology->analyses("a"))
        classes.insert(x.word_class);
    EXPECT_TRUE(classes.count(WordClass::auxiliary));
    EXPECT_TRUE(classes.count(WordClass::preposition));
    a = reading("fr", "peuvent", "pouvoir", VerbForm::finite);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->word_class, WordClass::modal);
}

TEST(Morphology, FrenchNounsAndAdjectives) {
    EXPECT_TRUE(has("fr", "accords", "accord"));
    EXPECT_TRUE(has("fr", "ambassades", "ambassade"));
    EXPECT_TRUE(has("fr", "travaux", "travail"));
    EXPECT_TRUE(has("fr", "bilaterales", "bilateral"));
    EXPECT_TRUE(has("fr", "bilateraux", "bilateral"));
    EXPECT_TRUE(has("fr", "nouvelle", "nouveau"));
    EXPECT_TRUE(has("fr", "pourparlers", "pourparlers"));
    const auto& m = *lang("fr").morphology;
    auto forms = m.forms("traite");  // a noun of no list: the rule's plural
    EXPECT_NE(std::find(forms.begin(), forms.end(), "traites"), forms.end());
    forms = m.forms("bureau");
    EXPECT_NE(std::find(forms.begin(), forms.end(), "bureaux"), forms.end());
    forms = m.forms("signer");  // a French verb's forms, not its "nouns"
    EXPECT_NE(std::find(forms.begin(), forms.end(), "signeront"), forms.end());
    EXPECT_EQ(std::find(forms.begin(), forms.end(), "signers"), forms.end());
}

TEST(Morphology, EnglishVerbs) {
    EXPECT_TRUE(has("en", "met", "meet"));
    EXPECT_TRUE(has("en", "held", "hold"));
    EXPECT_TRUE(has("en", "broke", "break"));
    EXPECT_TRUE(has("en", "broken", "break"));
    EXPECT_TRUE(has("en", "sent", "send"));
    EXPECT_TRUE(has("en", "flew", "fly"));
    EXPECT_TRUE(has("en", "flown", "fly"));
    EXPECT_TRUE(has("en", "signing", "sign"));
    EXPECT_TRUE(has("en", "signed", "sign"));
    EXPECT_TRUE(has("en", "signs", "sign"));
    EXPECT_TRUE(has("en", "went", "go"));
    EXPECT_TRUE(has("en", "goes", "go"));
    EXPECT_TRUE(has("en", "has", "have"));
    EXPECT_TRUE(has("en", "was", "be"));
    EXPECT_TRUE(has("en", "froze", "freeze"));
    EXPECT_TRUE(has("en", "withdrew", "withdraw"));
    EXPECT_TRUE(has("en", "upheld", "uphold"));
    // Spelling: -ies/-ied, e dropped before -ing, doubled consonants.
    EXPECT_TRUE(has("en", "ratifies", "ratify"));
    EXPECT_TRUE(has("en", "ratified", "ratify"));
    EXPECT_TRUE(has("en", "ratifying", "ratify"));
    EXPECT_TRUE(has("en", "closing", "close"));
    EXPECT_TRUE(has("en", "closed", "close"));
    EXPECT_TRUE(has("en", "agreeing", "agree"));
    EXPECT_TRUE(has("en", "banned", "ban"));
    EXPECT_TRUE(has("en", "slapped", "slap"));
    EXPECT_TRUE(has("en", "expelled", "expel"));
    EXPECT_TRUE(has("en", "expelling", "expel"));
    EXPECT_TRUE(has("en", "visited", "visit"));
    EXPECT_FALSE(has("en", "visitted", "visit"));
    EXPECT_TRUE(has("en", "reopened", "reopen"));
    EXPECT_TRUE(has("en", "pledges", "pledge"));
    EXPECT_TRUE(has("en", "reaches", "reach"));
    const Analysis* a = reading("en", "broken", "break", VerbForm::past_participle);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->word_class, WordClass::verb);
    a = reading("en", "would", "would", VerbForm::finite);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->word_class, WordClass::modal);
}

TEST(Morphology, EnglishNounsAndAmbiguousForms) {
    EXPECT_TRUE(has("en", "agreements", "agreement"));
    EXPECT_TRUE(has("en", "embassies", "embassy"));
    EXPECT_TRUE(has("en", "men", "man"));
    EXPECT_TRUE(has("en", "crises", "crisis"));
    // "talks": the verb talk and the noun talk; "meeting": the verb meet only here.
    std::set<WordClass> classes;
    for (const auto& x : lang("en").morphology->analyses("talks"))
        classes.insert(x.word_class);
    EXPECT_TRUE(classes.count(WordClass::verb));
    EXPECT_TRUE(classes.count(WordClass::noun));
    auto forms = lang("en").morphology->forms("deal");
    for (auto w : {"deal", "deals", "dealt", "dealing"})
        EXPECT_NE(std::find(forms.begin(), forms.end(), w), forms.end()) << w;
}

TEST(Morphology, AnalyseFillsTokens) {
    std::string s = "Les deux pays ont rompu leurs relations en 1976.";
    auto t = tokenize(s, 0, s.size());
    analyse(t, lang("fr"));
    ASSERT_EQ(t.size(), 10u);
    EXPECT_EQ(t[0].word_class, WordClass::determiner);
    EXPECT_TRUE(t[3].is(WordClass::auxiliary));
    EXPECT_TRUE(t[4].has_lemma("rompre"));
    EXPECT_TRUE(t[6].has_lemma("relation"));
    EXPECT_TRUE(t[7].is(WordClass::preposition));
    EXPECT_EQ(t[8].word_class, WordClass::number);
    std::string e = "Quito expelled the envoys.";
    auto u = tokenize(e, 0, e.size());
    analyse(u, lang("en"));
    EXPECT_EQ(u[0].word_class, WordClass::proper);
    EXPECT_TRUE(u[1].has_lemma("expel"));
    EXPECT_EQ(u[4].word_class, WordClass::punctuation);
}

TEST(Morphology, LemmaPatternsMatchEveryForm) {
    const auto& fr = lang("fr");
    auto p = parse_pattern("@signer ~ @accord|@traité", fr.morphology.get());
    for (std::string s :
         {"ils ont signé un accord", "elles signeront les accords", "le pays signa deux traites"}) {
        auto t = tokenize(s, 0, s.size());
        bool found = false;
        for (std::size_t i = 0; i < t.size(); ++i)
            found |= match_at(p, t, i) != 0;
        EXPECT_TRUE(found) << s;
    }
    std::string no = "ils ont signalé un accord";
    auto t = tokenize(no, 0, no.size());
    for (std::size_t i = 0; i < t.size(); ++i)
        EXPECT_EQ(match_at(p, t, i), 0u) << no;
    // The first-word index knows the lemma's forms.
    PatternIndex index;
    index.add(0, p);
    std::vector<std::size_t> out;
    index.candidates("signeraient", out);
    EXPECT_EQ(out, std::vector<std::size_t>{0});
    EXPECT_THROW(parse_pattern("@signer ~ accord"), std::invalid_argument);
    const auto& en = lang("en");
    auto q = parse_pattern("@sign ~ @agreement|@pact|@deal", en.morphology.get());
    std::string s = "They had been signing two deals";
    auto u = tokenize(s, 0, s.size());
    EXPECT_EQ(match_at(q, u, 3), 6u);
}

TEST(Morphology, SizeOfTheLexicons) {
    // Hundreds of verbs per language, each with its forms (a guard against an emptied file).
    EXPECT_GE(lang("fr").morphology->verb_count(), 500u);
    EXPECT_GE(lang("en").morphology->verb_count(), 500u);
    EXPECT_GE(lang("fr").morphology->form_count(), 20000u);
    EXPECT_GE(lang("en").morphology->form_count(), 2500u);
}

}  // namespace
}  // namespace diplograph::text

namespace diplograph::text {
namespace {

// Every `@lemma` of the languages' patterns is a word the morphology knows: a verb of
// verbs.tsv or a word of words.tsv, or (French) at least not an infinitive the verb list
// lacks, whose conjugation would then silently be missing.
TEST(Morphology, EveryLemmaOfThePatternsIsKnown) {
    for (const auto& [code, data] : languages(DIPLOGRAPH_DATA_DIR)) {
        const Morphology& m = *data.morphology;
        std::vector<const Pattern*> patterns;
        for (const auto& r : data.events)
            patterns.push_back(&r.pattern);
        for (const auto& [kind, list] : data.cues)
            for (const auto& p : list)
                patterns.push_back(&p);
        std::size_t lemmas = 0;
        for (const Pattern* p : patterns)
            for (const auto& item : *p)
                for (const auto& lemma : item.lemmas) {
                    ++lemmas;
                    bool known = m.is_verb(lemma) || !m.analyses(lemma).empty();
                    bool infinitive =
                        code == "fr" && lemma.size() > 3 &&
                        (lemma.ends_with("er") || lemma.ends_with("ir") || lemma.ends_with("re"));
                    EXPECT_TRUE(known || !infinitive)
                        << code << ": @" << lemma << " looks like a verb that verbs.tsv lacks";
                }
        EXPECT_GT(lemmas, 100u) << code;
    }
}

}  // namespace
}  // namespace diplograph::text
