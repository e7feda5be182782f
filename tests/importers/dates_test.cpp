// find_dates: every form of data/lang/{fr,en}/dates.tsv, resolved against a fixed reference.
#include <diplograph/importers/dates.hpp>

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace diplograph {
namespace {

// Thursday 20 November 2025.
const Date kRef{2025, 11, 20};

struct Expect {
    std::string text;   // the whole sentence
    std::string said;   // the span expected
    std::string first;  // first day, YYYY-MM-DD
    std::string last;   // last day
    Precision precision;
};

std::string show(const std::vector<DateMention>& found, std::string_view text) {
    std::string out;
    for (const auto& m : found)
        out += "[" + std::string(text.substr(m.begin, m.end - m.begin)) + "] " +
               m.interval.first.to_string() + ".." + m.interval.last.to_string() + " (" +
               std::string(to_string(m.interval.precision)) + ", " + m.interval.how + ") ";
    return out;
}

void check(const std::vector<Expect>& cases, std::string_view lang, const Date& ref = kRef) {
    for (const auto& c : cases) {
        auto found = find_dates(c.text, lang, ref);
        ASSERT_EQ(found.size(), 1u) << c.text << ": " << show(found, c.text);
        const auto& m = found[0];
        EXPECT_EQ(c.text.substr(m.begin, m.end - m.begin), c.said) << c.text;
        EXPECT_EQ(m.interval.first.to_string(), c.first) << c.text << ": " << show(found, c.text);
        EXPECT_EQ(m.interval.last.to_string(), c.last) << c.text << ": " << show(found, c.text);
        EXPECT_EQ(m.interval.precision, c.precision) << c.text << ": " << show(found, c.text);
        EXPECT_FALSE(m.interval.how.empty()) << c.text;
    }
}

constexpr auto D = Precision::day;
constexpr auto M = Precision::month;
constexpr auto Y = Precision::year;
constexpr auto A = Precision::approximate;

TEST(Dates, FrenchFullDates) {
    check({{"Ils se sont vus le 19 novembre 2025 à Paris.", "19 novembre 2025", "2025-11-19",
            "2025-11-19", D},
           {"Signé le 1er mars 2024.", "1er mars 2024", "2024-03-01", "2024-03-01", D},
           {"Depuis le 3 Février 2023, rien.", "3 Février 2023", "2023-02-03", "2023-02-03", D},
           {"Depuis le 3 fevrier 2023, rien.", "3 fevrier 2023", "2023-02-03", "2023-02-03", D},
           {"Le 12 déc. 2024 au soir", "12 déc. 2024", "2024-12-12", "2024-12-12", D},
           {"Réunion du 2025-11-19.", "2025-11-19", "2025-11-19", "2025-11-19", D},
           {"Réunion du 19/11/2025.", "19/11/2025", "2025-11-19", "2025-11-19", D},
           {"Mardi 18 novembre 2025, les ministres", "Mardi 18 novembre 2025", "2025-11-18",
            "2025-11-18", D}},
          "fr");
}

TEST(Dates, EnglishFullDates) {
    check({{"They met on November 19, 2025 in Lomé.", "November 19, 2025", "2025-11-19",
            "2025-11-19", D},
           {"They met on 19 November 2025.", "19 November 2025", "2025-11-19", "2025-11-19", D},
           {"Signed on the 1st of March 2024.", "1st of March 2024", "2024-03-01", "2024-03-01", D},
           {"Talks of 2025-11-19 ended.", "2025-11-19", "2025-11-19", "2025-11-19", D},
           {"Talks of 19/11/2025 ended.", "19/11/2025", "2025-11-19", "2025-11-19", D},
           {"On Sept. 3, 2024 the envoy left.", "Sept. 3, 2024", "2024-09-03", "2024-09-03", D}},
          "en");
}

TEST(Dates, MonthAndYear) {
    check(
        {{"Le sommet de novembre 2025 a eu lieu.", "novembre 2025", "2025-11-01", "2025-11-30", M},
         {"En Août 2024, ils ont signé.", "Août 2024", "2024-08-01", "2024-08-31", M}},
        "fr");
    check({{"The deal was signed in March 2024.", "March 2024", "2024-03-01", "2024-03-31", M}},
          "en");
}

TEST(Dates, Years) {
    check({{"Les ambassades rouvriront en 2026.", "2026", "2026-01-01", "2026-12-31", Y},
           {"Le pays est en crise depuis 2019.", "2019", "2019-01-01", "2019-12-31", Y}},
          "fr");
    check({{"Embassies will reopen in 2026.", "2026", "2026-01-01", "2026-12-31", Y},
           {"In crisis since 2019.", "2019", "2019-01-01", "2019-12-31", Y}},
          "en");
}

TEST(Dates, DayAndMonthWithoutYear) {
    check({{"Le 30 juillet, ils ont parlé.", "30 juillet", "2025-07-30", "2025-07-30", D},
           {"Signé le 30 juillet dernier.", "30 juillet dernier", "2025-07-30", "2025-07-30", D},
           {"Prévu le 2 décembre prochain.", "2 décembre prochain", "2025-12-02", "2025-12-02", D},
           // nearest: 2 December 2025 is closer to 20 November than 2 December 2024
           {"Vu le 2 décembre.", "2 décembre", "2025-12-02", "2025-12-02", D},
           {"Signé le 2 décembre dernier.", "2 décembre dernier", "2024-12-02", "2024-12-02", D}},
          "fr");
}

TEST(Dates, DayAndMonthWithoutYearEnglish) {
    check({{"They spoke on July 30 about it.", "July 30", "2025-07-30", "2025-07-30", D},
           {"They spoke on the 8th about it.", "8th", "2025-11-08", "2025-11-08", D},
           {"They spoke on the 30th of July.", "30th of July", "2025-07-30", "2025-07-30", D}},
          "en");
}

TEST(Dates, ASpanOfDaysIsDatedByItsFirst) {
    check({{"They meet from 27 to 28 July.", "27 to 28 July", "2025-07-27", "2025-07-27", D},
           {"They meet from July 27 to 28.", "July 27", "2025-07-27", "2025-07-27", D}},
          "en");
    check({{"Ils se réunissent du 27 au 28 juillet.", "27 au 28 juillet", "2025-07-27",
            "2025-07-27", D}},
          "fr");
}

TEST(Dates, DayAloneNeedsAnOrdinal) {
    EXPECT_TRUE(find_dates("Ils étaient 8 à la table.", "fr", kRef).empty());
    EXPECT_TRUE(find_dates("Rencontre le 8, à Lomé.", "fr", kRef).empty());
    auto found = find_dates("Le 1er, ils ont signé.", "fr", kRef);
    ASSERT_EQ(found.size(), 1u);
    // the nearest 1st to 20 November is 1 December
    EXPECT_EQ(found[0].interval.first.to_string(), "2025-12-01");
}

TEST(Dates, WeekdaysFrench) {
    // kRef is a Thursday
    check({{"Il a parlé mardi à Moscou.", "mardi", "2025-11-18", "2025-11-18", D},
           {"Il a parlé ce jeudi à Moscou.", "ce jeudi", "2025-11-20", "2025-11-20", D},
           {"Il a parlé samedi soir.", "samedi soir", "2025-11-15", "2025-11-15", D},
           {"Il a parlé dimanche dernier.", "dimanche dernier", "2025-11-16", "2025-11-16", D},
           {"Il parlera mardi prochain.", "mardi prochain", "2025-11-25", "2025-11-25", D},
           {"Il parlera jeudi prochain.", "jeudi prochain", "2025-11-27", "2025-11-27", D}},
          "fr");
}

TEST(Dates, WeekdaysEnglish) {
    check({{"He spoke on Tuesday in Moscow.", "Tuesday", "2025-11-18", "2025-11-18", D},
           {"He spoke last Friday.", "last Friday", "2025-11-14", "2025-11-14", D},
           {"He will speak next Tuesday.", "next Tuesday", "2025-11-25", "2025-11-25", D},
           {"He spoke on Monday night.", "Monday night", "2025-11-17", "2025-11-17", D},
           {"He spoke on Thursday.", "Thursday", "2025-11-20", "2025-11-20", D}},
          "en");
}

TEST(Dates, RelativeDaysAndPeriodsFrench) {
    check({{"Il est arrivé hier.", "hier", "2025-11-19", "2025-11-19", D},
           {"Il est arrivé avant-hier.", "avant-hier", "2025-11-18", "2025-11-18", D},
           {"Il arrive aujourd’hui.", "aujourd’hui", "2025-11-20", "2025-11-20", D},
           {"Il arrive aujourd'hui.", "aujourd'hui", "2025-11-20", "2025-11-20", D},
           {"Vu la semaine dernière.", "la semaine dernière", "2025-11-10", "2025-11-16", A},
           {"Vu le mois dernier.", "le mois dernier", "2025-10-01", "2025-10-31", M},
           {"Vu l'an dernier.", "l'an dernier", "2024-01-01", "2024-12-31", Y},
           {"Vu l’année dernière.", "l’année dernière", "2024-01-01", "2024-12-31", Y},
           {"Vu cette année.", "cette année", "2025-01-01", "2025-12-31", Y},
           {"Vu plus tôt ce mois-ci.", "plus tôt ce mois-ci", "2025-11-01", "2025-11-20", A},
           {"Vu plus tôt cette année.", "plus tôt cette année", "2025-01-01", "2025-11-20", A},
           {"Prévu en début d'année.", "en début d'année", "2025-01-01", "2025-04-30", A},
           {"Prévu en fin d'année.", "en fin d'année", "2025-09-01", "2025-12-31", A},
           {"Prévu à la mi-2024.", "mi-2024", "2024-05-01", "2024-08-31", A},
           {"Prévu fin janvier.", "fin janvier", "2026-01-21", "2026-01-31", A},
           {"Vu début mars.", "début mars", "2026-03-01", "2026-03-10", A},
           {"Vu début mars dernier.", "début mars dernier", "2025-03-01", "2025-03-10", A},
           {"Vu fin 2024.", "fin 2024", "2024-09-01", "2024-12-31", A},
           {"Vu à l'automne 2024.", "automne 2024", "2024-09-01", "2024-11-30", A},
           {"Vu il y a deux semaines.", "il y a deux semaines", "2025-11-03", "2025-11-09", A},
           {"Vu il y a 3 jours.", "il y a 3 jours", "2025-11-17", "2025-11-17", D},
           {"Prévu dans deux mois.", "dans deux mois", "2026-01-01", "2026-01-31", M},
           {"Vu en novembre dernier.", "novembre dernier", "2024-11-01", "2024-11-30", M},
           {"Prévu en mars.", "mars", "2026-03-01", "2026-03-31", M}},
          "fr");
}

TEST(Dates, RelativeDaysAndPeriodsEnglish) {
    check({{"He arrived yesterday.", "yesterday", "2025-11-19", "2025-11-19", D},
           {"He arrives today.", "today", "2025-11-20", "2025-11-20", D},
           {"Seen last week.", "last week", "2025-11-10", "2025-11-16", A},
           {"Seen last month.", "last month", "2025-10-01", "2025-10-31", M},
           {"Seen last year.", "last year", "2024-01-01", "2024-12-31", Y},
           {"Seen this year.", "this year", "2025-01-01", "2025-12-31", Y},
           {"Seen earlier this year.", "earlier this year", "2025-01-01", "2025-11-20", A},
           {"Seen earlier this month.", "earlier this month", "2025-11-01", "2025-11-20", A},
           {"Due by the end of the year.", "by the end of the year", "2025-09-01", "2025-12-31", A},
           {"Seen in mid-2024.", "mid-2024", "2024-05-01", "2024-08-31", A},
           {"Seen in late January.", "late January", "2026-01-21", "2026-01-31", A},
           {"Seen in autumn 2024.", "autumn 2024", "2024-09-01", "2024-11-30", A},
           {"Seen in fall 2024.", "fall 2024", "2024-09-01", "2024-11-30", A},
           {"Seen last November.", "last November", "2024-11-01", "2024-11-30", M},
           {"Seen two weeks ago.", "two weeks ago", "2025-11-03", "2025-11-09", A},
           {"Due in two months.", "in two months", "2026-01-01", "2026-01-31", M}},
          "en");
}

TEST(Dates, YearBoundary) {
    const Date ref{2025, 1, 3};
    check({{"Vu en décembre dernier.", "décembre dernier", "2024-12-01", "2024-12-31", M},
           {"Vu le 28 décembre.", "28 décembre", "2024-12-28", "2024-12-28", D},
           {"Vu l'an dernier.", "l'an dernier", "2024-01-01", "2024-12-31", Y},
           {"Vu le mois dernier.", "le mois dernier", "2024-12-01", "2024-12-31", M},
           {"Vu lundi.", "lundi", "2024-12-30", "2024-12-30", D}},
          "fr", ref);
    check({{"Seen last December.", "last December", "2024-12-01", "2024-12-31", M},
           {"Seen last week.", "last week", "2024-12-23", "2024-12-29", A}},
          "en", ref);
}

TEST(Dates, NoReferenceLeavesRelativeUnresolved) {
    std::string text = "Hier, le 19 novembre 2025, et mardi, ils ont parlé.";
    auto found = find_dates(text, "fr", Date{});
    ASSERT_EQ(found.size(), 3u) << show(found, text);
    EXPECT_EQ(found[0].interval.precision, Precision::unknown);
    EXPECT_FALSE(found[0].interval.first.valid());
    EXPECT_EQ(found[1].interval.to_string(), "2025-11-19");
    EXPECT_EQ(found[1].interval.how, "explicit");
    EXPECT_EQ(found[2].interval.precision, Precision::unknown);
    EXPECT_NE(found[2].interval.how.find("mardi"), std::string::npos);
}

TEST(Dates, InvalidDatesAreRejected) {
    EXPECT_TRUE(find_dates("Le 31 février 2025, rien.", "fr", kRef).empty());
    EXPECT_TRUE(find_dates("On February 30, 2025, nothing.", "en", kRef).empty());
    EXPECT_TRUE(find_dates("Le 2025-02-30, rien.", "fr", kRef).empty());
    EXPECT_TRUE(find_dates("Le 31/04/2025, rien.", "fr", kRef).empty());
    // 29 February exists in 2024 only
    EXPECT_EQ(find_dates("Le 29 février 2024.", "fr", kRef).size(), 1u);
    EXPECT_TRUE(find_dates("Le 29 février 2025.", "fr", kRef).empty());
}

TEST(Dates, WordsThatAreNotDates) {
    // "may" the verb, "mars" the planet, "sept" the number, a bare count
    EXPECT_TRUE(find_dates("They may meet soon.", "en", kRef).empty());
    EXPECT_TRUE(find_dates("Une mission vers Mars.", "fr", kRef).empty());
    EXPECT_TRUE(find_dates("Les sept pays ont signé.", "fr", kRef).empty());
    EXPECT_TRUE(find_dates("Ils étaient 2025 soldats.", "fr", kRef).empty());
}

TEST(Dates, MonthOfARelativeYear) {
    check({{"Vu en mars cette année.", "mars cette année", "2025-03-01", "2025-03-31", M},
           {"Vu en mars de l'année dernière.", "mars de l'année dernière", "2024-03-01",
            "2024-03-31", M},
           {"Vu fin mars de l'an dernier.", "fin mars de l'an dernier", "2024-03-21", "2024-03-31",
            A}},
          "fr");
    check({{"In March this year, they met.", "March this year", "2025-03-01", "2025-03-31", M},
           {"On May 4 last year, they met.", "May 4 last year", "2024-05-04", "2024-05-04", D}},
          "en");
}

TEST(Dates, WeekdayPicksTheYearOfADayAndMonth) {
    // Reference 20 June 2025: the nearest 27 December is 2024's (a Friday); the Saturday one is
    // 27 December 2025.
    check({{"Ils partiront samedi 27 décembre.", "samedi 27 décembre", "2025-12-27", "2025-12-27",
            D}},
          "fr", Date{2025, 6, 20});
    check({{"Ils sont partis vendredi 27 décembre.", "vendredi 27 décembre", "2024-12-27",
            "2024-12-27", D}},
          "fr", Date{2025, 6, 20});
    // 27 December 2024 is a Friday, 2025 a Saturday, 2026 a Sunday: none matches a Thursday in
    // reach, so the nearest 27 December stays.
    check({{"Ils ont rouvert jeudi 27 décembre.", "jeudi 27 décembre", "2025-12-27", "2025-12-27",
            D}},
          "fr");
    // 20 November 2025 is a Thursday; "mardi 18 novembre" agrees with its nearest year.
    check(
        {{"Mardi 18 novembre, ils ont signé.", "Mardi 18 novembre", "2025-11-18", "2025-11-18", D}},
        "fr");
}

TEST(Dates, NumbersAndOrdinalsThatAreNotDays) {
    EXPECT_TRUE(find_dates("Fermée depuis sept ans.", "fr", kRef).empty());
    EXPECT_TRUE(find_dates("À l'occasion du 25e anniversaire.", "fr", kRef).empty());
    EXPECT_TRUE(find_dates("Le pays est le 4e sur 15.", "fr", kRef).empty());
    EXPECT_TRUE(find_dates("It is the 4th largest economy.", "en", kRef).empty());
}

TEST(Dates, SeveralMentionsKeepOriginalOffsets) {
    std::string text = "Après l’accord de Février 2024, puis le 3 mars, ils ont signé hier.";
    auto found = find_dates(text, "fr", kRef);
    ASSERT_EQ(found.size(), 3u) << show(found, text);
    EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "Février 2024");
    EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "3 mars");
    EXPECT_EQ(text.substr(found[2].begin, found[2].end - found[2].begin), "hier");
    EXPECT_EQ(found[2].interval.how, "relative to published: hier");
}

TEST(Dates, UnknownLanguageStillFindsNumericDates) {
    auto found = find_dates("am 2025-11-19 und gestern", "xx", kRef);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].interval.to_string(), "2025-11-19");
}

TEST(Dates, OddInputDoesNotBreakTheReader) {
    for (const std::string text :
         {"", " ", "2025-13-45", "2025-11-", "19/", "/11/2025", "\xc3", "le \xe2\x80", "mardi\xff",
          "99999999999 novembre 2025", "l'", "il y a", "dans", "last", "mi-", "00/00/0000",
          "le 0 mars 2025"}) {
        for (const char* lang : {"fr", "en"}) {
            auto found = find_dates(text, lang, kRef);
            for (const auto& m : found) {
                EXPECT_LE(m.begin, m.end) << text;
                EXPECT_LE(m.end, text.size()) << text;
            }
        }
    }
    EXPECT_TRUE(find_dates("le 0 mars 2025", "fr", kRef).empty());
    EXPECT_TRUE(find_dates("2025-13-45", "fr", kRef).empty());
}

TEST(Dates, ConcurrentCallsAgree) {
    const std::string text = "Le 19 novembre 2025, mardi dernier et il y a deux semaines.";
    auto expected = find_dates(text, "fr", kRef);
    ASSERT_EQ(expected.size(), 3u);
    std::vector<std::thread> threads;
    std::vector<int> same(4, 0);
    for (std::size_t t = 0; t < same.size(); ++t)
        threads.emplace_back([&, t] {
            for (int k = 0; k < 50; ++k) {
                auto found = find_dates(text, t % 2 ? "fr" : "en", kRef);
                if (t % 2 && found.size() == expected.size() &&
                    found[2].interval.first == expected[2].interval.first)
                    ++same[t];
            }
        });
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(same[1], 50);
    EXPECT_EQ(same[3], 50);
}

}  // namespace
}  // namespace diplograph
