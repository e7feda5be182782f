#include <diplograph/importers/findings.hpp>

#include "support/support.hpp"

#include <gtest/gtest.h>

using namespace diplograph;
using diplograph::test::read_file;
using diplograph::test::test_data;

namespace {

const Dictionaries& dict() {
    static Dictionaries d = [] {
        Dictionaries x = Dictionaries::load(DIPLOGRAPH_DATA_DIR);
        x.add_file(test_data("importers/data/fixture_people.tsv"));
        x.add_file(test_data("importers/data/fixture_roles.tsv"));
        return x;
    }();
    return d;
}

ReadResult read(const std::string& name, const std::string& content) {
    ImportContext ctx{dict(), {}};
    return FindingsImporter().read(Input{name, content}, ctx);
}

std::string one_problem(const std::string& name, const std::string& content) {
    auto r = read(name, content);
    EXPECT_EQ(r.batches.size(), 0u);
    return r.problems.size() == 1 ? r.problems[0].message
                                  : "(" + std::to_string(r.problems.size()) + " problems)";
}

}  // namespace

TEST(Findings, ReadsARecordIntoABatch) {
    auto r = read("meeting-fr.json", read_file(test_data("cli/data/meeting-fr.json")));
    ASSERT_TRUE(r.problems.empty()) << r.problems[0].message;
    ASSERT_EQ(r.batches.size(), 1u);
    const Batch& b = r.batches[0];
    EXPECT_EQ(b.source.url, "https://news.example/fr/entretien-lome-moscou");
    EXPECT_EQ(b.source.published, "2025-11-20");
    EXPECT_EQ(b.source.id, make_source_id(b.source));
    ASSERT_EQ(b.events.size(), 3u);
    const Event& meet = b.events[0];
    EXPECT_EQ(meet.type, EventType::MEET);
    EXPECT_EQ(meet.subtype, "diplomatic");
    EXPECT_EQ(meet.date.to_string(), "2025-11-19");
    EXPECT_EQ(meet.place, "Kremlin");
    EXPECT_EQ(meet.participants.size(), 4u);  // two countries, two people
    EXPECT_EQ(meet.evidence.at(0).source, b.source.id);
    const Event& reopen = b.events[1];
    EXPECT_EQ(reopen.status, Status::agreed);
    EXPECT_EQ(reopen.participants[0].actor, "RUS");
    EXPECT_EQ(reopen.participants[0].role, ParticipantRole::initiator);
    EXPECT_EQ(reopen.participants[1].role, ParticipantRole::target);
    int people = 0;
    for (const auto& e : b.entities)
        people += e.kind == EntityKind::person;
    EXPECT_EQ(people, 2);
}

TEST(Findings, UnknownEventTypeNamesTheField) {
    EXPECT_EQ(
        one_problem("x.json", R"({"events": [{"type": "MEETING", "actors": ["TGO"]}]})"),
        "x.json: events[0].type: unknown event type \"MEETING\" (expected one of MEET, VISIT, "
        "AGREEMENT, COOPERATION, AID, SUPPORT, CONDEMN, EMBASSY_OPEN, EMBASSY_REOPEN, "
        "EMBASSY_CLOSE, RELATIONS_ESTABLISH, RELATIONS_RESTORE, RELATIONS_SEVER, "
        "EXPEL_DIPLOMATS, SANCTION, OTHER)");
}

TEST(Findings, UnknownCountryCodeGetsASuggestion) {
    EXPECT_EQ(one_problem("x.json", R"({"countries": ["TGO", "RUX"], "events": []})"),
              "x.json: countries[1]: unknown country code \"RUX\" (did you mean RUS?)");
    EXPECT_EQ(one_problem("x.json", R"({"events": [{"type": "MEET", "actors": ["TGO", "RUX"]}]})"),
              "x.json: events[0].actors[1]: unknown country code \"RUX\" (did you mean RUS?)");
}

TEST(Findings, ImpossibleDateIsRefused) {
    EXPECT_EQ(
        one_problem(
            "x.json",
            R"({"events": [{"type": "VISIT", "actors": ["MLI", "RUS"], "date": "2025-13-40"}]})"),
        "x.json: events[0].date: \"2025-13-40\" is not a date (expected YYYY, YYYY-MM or "
        "YYYY-MM-DD)");
}

TEST(Findings, BadStatusSubtypeAndShape) {
    EXPECT_EQ(one_problem("x.json",
                          R"({"events": [{"type": "MEET", "actors": ["MLI"], "status": "done"}]})"),
              "x.json: events[0].status: unknown status \"done\" (expected occurred, agreed, "
              "planned or reported)");
    EXPECT_NE(one_problem("x.json",
                          R"({"events": [{"type": "AID", "subtype": "cash", "actors": ["MLI"]}]})")
                  .find("events[0].subtype: unknown subtype \"cash\""),
              std::string::npos);
    EXPECT_EQ(one_problem("x.json", R"({"events": [{"type": "MEET", "actors": []}]})"),
              "x.json: events[0].actors: an event needs at least one actor");
    EXPECT_EQ(one_problem("x.json", R"({"events": {"type": "MEET"}})"),
              "x.json: events: expected an array");
    EXPECT_EQ(one_problem("x.json", R"([1])"), "x.json: record 1: expected a JSON object");
}

TEST(Findings, MalformedLineInJsonLinesKeepsTheOthers) {
    auto r = read("mixed.jsonl", read_file(test_data("cli/data/mixed.jsonl")));
    EXPECT_EQ(r.batches.size(), 2u);
    ASSERT_EQ(r.problems.size(), 4u);
    EXPECT_EQ(r.problems[0].message.rfind("mixed.jsonl: line 2, byte ", 0), 0u)
        << r.problems[0].message;
    EXPECT_NE(r.problems[0].message.find("malformed JSON: Missing a comma or '}'"),
              std::string::npos);
    EXPECT_EQ(r.problems[1].message.rfind("mixed.jsonl: line 3: events[0].type:", 0), 0u);
    EXPECT_EQ(r.problems[2].message.rfind(
                  "mixed.jsonl: line 4: countries[0]: unknown country code \"RUX\"", 0),
              0u);
    EXPECT_EQ(r.problems[3].message.rfind("mixed.jsonl: line 5: events[0].date:", 0), 0u);
}

TEST(Findings, InvalidUtf8IsRefusedWithItsByte) {
    std::string bad =
        "{\"events\": [{\"type\": \"MEET\", \"actors\": [\"MLI\"], \"evidence\": \"caf\xE9\"}]}";
    auto message = one_problem("x.jsonl", bad);
    EXPECT_NE(message.find("x.jsonl: line 1, byte 65: malformed JSON: Invalid encoding in string."),
              std::string::npos)
        << message;
}

TEST(Findings, EmptyFileIsOneProblem) {
    EXPECT_EQ(one_problem("empty.jsonl", ""), "empty.jsonl: empty file: no findings to import");
    EXPECT_EQ(one_problem("blank.json", "\n  \n"), "blank.json: empty file: no findings to import");
}

TEST(Findings, ArrayOfRecordsAndObjectsOnePerLine) {
    auto array = read(
        "a.json", R"([{"events": []}, {"events": [{"type": "AID", "actors": ["JPN", "SEN"]}]}])");
    EXPECT_EQ(array.batches.size(), 2u);
    EXPECT_NE(array.batches[0].source.id, array.batches[1].source.id);
    auto lines = read(
        "b.json", "{\"events\": []}\n{\"events\": [{\"type\": \"AID\", \"actors\": [\"JPN\"]}]}\n");
    EXPECT_EQ(lines.batches.size(), 2u);
}

TEST(Findings, PeopleResolveThroughTheDictionaries) {
    auto r = read("x.json", R"({"people": [{"name": "Augusta Ada King", "country": "GBR"}],
        "events": [{"type": "MEET", "actors": ["GBR", "FRA"], "people": ["Augusta Ada King", "Jean Dupont"]}]})");
    ASSERT_EQ(r.batches.size(), 1u);
    std::vector<std::string> ids;
    for (const auto& p : r.batches[0].events[0].participants)
        ids.push_back(p.actor);
    EXPECT_EQ(
        ids, (std::vector<std::string>{"GBR", "FRA", "person/ada-lovelace", "person/jean-dupont"}));
    // Dictionary roles come along with a dictionary person.
    bool role = false;
    for (const auto& rr : r.batches[0].roles)
        role |= rr.person == "person/ada-lovelace" && rr.title == "head of state";
    EXPECT_TRUE(role);
}

TEST(Findings, OrganisationsByAcronymInAnyLanguage) {
    auto r = read(
        "x.json",
        R"({"organizations": ["CEDEAO"], "events": [{"type": "SANCTION", "subtype": "institutional", "actors": ["CEDEAO", "NER"]}]})");
    ASSERT_EQ(r.batches.size(), 1u);
    EXPECT_EQ(r.batches[0].events[0].participants[0].actor, "org/ECOWAS");
    auto unknown = read("y.json", R"({"events": [{"type": "MEET", "actors": ["ZZZZ", "NER"]}]})");
    ASSERT_EQ(unknown.problems.size(), 1u);
    EXPECT_NE(unknown.problems[0].message.find("unknown actor \"ZZZZ\""), std::string::npos);
    auto listed = read(
        "z.json",
        R"({"organizations": ["ZZZZ"], "events": [{"type": "MEET", "actors": ["ZZZZ", "NER"]}]})");
    ASSERT_EQ(listed.batches.size(), 1u);
    EXPECT_EQ(listed.batches[0].events[0].participants[0].actor, "org/ZZZZ");
}

TEST(Findings, WriterAndReaderRoundTrip) {
    auto first = read("meeting-fr.json", read_file(test_data("cli/data/meeting-fr.json")));
    ASSERT_EQ(first.batches.size(), 1u);
    std::string json = to_findings_json(first.batches[0], {true, false});
    auto second = read("again.json", json);
    ASSERT_EQ(second.batches.size(), 1u)
        << (second.problems.empty() ? "" : second.problems[0].message);
    const auto& a = first.batches[0].events;
    const auto& b = second.batches[0].events;
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].type, b[i].type);
        EXPECT_EQ(a[i].status, b[i].status);
        EXPECT_EQ(a[i].date.to_string(), b[i].date.to_string());
        auto pa = a[i].participants, pb = b[i].participants;
        std::sort(pa.begin(), pa.end());
        std::sort(pb.begin(), pb.end());
        EXPECT_EQ(pa, pb);
        EXPECT_EQ(a[i].evidence[0].text, b[i].evidence[0].text);
    }
    EXPECT_EQ(first.batches[0].source.url, second.batches[0].source.url);
}

TEST(Findings, AnOfficialOfAnOrganisationHasItsCodeAsCountry) {
    // The shape extract writes and the dev corpus's gold uses: {"country": "AU"} for the AU
    // Commission's chairperson.
    auto r = read(
        "x.json",
        R"({"people": [{"name": "Jeanne Mukendi", "country": "AU", "role": "commission chairperson"}],
        "events": [{"type": "CONDEMN", "actors": ["AU", "GAB"], "people": ["Jeanne Mukendi"]}]})");
    ASSERT_TRUE(r.problems.empty()) << r.problems[0].message;
    ASSERT_EQ(r.batches.size(), 1u);
    bool role = false;
    for (const auto& rr : r.batches[0].roles)
        role |= rr.person == "person/jeanne-mukendi" && rr.of == "org/AU" &&
                rr.title == "commission chairperson";
    EXPECT_TRUE(role);
    for (const auto& e : r.batches[0].entities) {
        if (e.id == "person/jeanne-mukendi") {
            EXPECT_EQ(e.country, "");
        }
    }
    // A code that is neither is still refused, with the field named.
    auto bad = read("y.json", R"({"people": [{"name": "Jeanne Mukendi", "country": "QQQ"}]})");
    ASSERT_EQ(bad.problems.size(), 1u);
    EXPECT_NE(bad.problems[0].message.find("people[0].country"), std::string::npos)
        << bad.problems[0].message;
}

TEST(Findings, CodesOfDatasetsAreReadAndWrittenBack) {
    auto r = read("x.jsonl",
                  R"({"source": {"url": "https://a.example/1"}, "events": [{"type": "OTHER", )"
                  R"("subtype": "make public statement", "actors": ["USA", "CHN"], "date": )"
                  R"("2025-08-07", "cameo": "010", "plover": "OTHER", "goldstein": -0.5, )"
                  R"("attributes": {"gdelt.NumSources": "2", "gdelt.NumArticles": 4}}]})");
    ASSERT_TRUE(r.problems.empty()) << r.problems[0].message;
    ASSERT_EQ(r.batches.size(), 1u);
    const Event& e = r.batches[0].events.at(0);
    EXPECT_EQ(e.type, EventType::OTHER);
    EXPECT_EQ(e.cameo, "010");
    EXPECT_EQ(e.plover, "OTHER");
    ASSERT_TRUE(e.goldstein);
    EXPECT_EQ(*e.goldstein, -0.5);
    ASSERT_EQ(e.attributes.size(), 2u);
    EXPECT_EQ(e.attributes[0], (std::pair<std::string, std::string>{"gdelt.NumArticles", "4"}));
    // Written back, and read again the same.
    auto again = read("y.json", to_findings_json(r.batches[0], {true, false}));
    ASSERT_TRUE(again.problems.empty()) << again.problems[0].message;
    const Event& f = again.batches.at(0).events.at(0);
    EXPECT_EQ(f.cameo, e.cameo);
    EXPECT_EQ(f.goldstein, e.goldstein);
    EXPECT_EQ(f.attributes, e.attributes);
    EXPECT_EQ(f.subtype, "make public statement");
    EXPECT_EQ(one_problem("x.json", R"({"events": [{"type": "MEET", "actors": ["TGO"], )"
                                    R"("cameo": "04x"}]})"),
              "x.json: events[0].cameo: \"04x\" is not a CAMEO code (digits: \"042\")");
}
