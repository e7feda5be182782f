// The merge policy (merge_policy.hpp): when a new report joins a stored event, when it stays
// a new event marked as a possible duplicate, and when the two are unrelated. One test per rule.
#include <diplograph/graph/merge_policy.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

using namespace diplograph;

namespace {

// A report of `type` between `initiator` and `target` (parties of a symmetric type when
// `directed` is false), dated by `date` ("" for undated, "2025", "2025-03", "2025-03-14").
struct Report {
    Event event;
    std::set<std::string> key;
    Report(EventType type, const std::string& date, const std::string& a, const std::string& b,
           bool directed = true) {
        event.type = type;
        if (!date.empty())
            event.date = *DateInterval::parse(date);
        event.participants = {{a, directed ? ParticipantRole::initiator : ParticipantRole::party},
                              {b, directed ? ParticipantRole::target : ParticipantRole::party}};
        key = {a, b};
    }
    MergeSubject subject() const { return {&event, &key}; }
};

MergeDecision decide(const Report& report, const std::vector<const Report*>& stored,
                     const std::vector<bool>& same_source = {}) {
    std::vector<MergeCandidate> candidates;
    for (std::size_t i = 0; i < stored.size(); ++i)
        candidates.push_back({stored[i]->subject(), i < same_source.size() && same_source[i]});
    return decide_merge(report.subject(), candidates);
}

}  // namespace

TEST(MergePolicy, SameDayFromTwoSourcesIsOneEvent) {
    Report stored(EventType::MEET, "2025-03-14", "FRA", "DEU", false);
    Report report(EventType::MEET, "2025-03-14", "DEU", "FRA", false);
    auto d = decide(report, {&stored});
    ASSERT_TRUE(d.merge_with);
    EXPECT_EQ(*d.merge_with, 0u);
    EXPECT_EQ(d.why, MergeEvidence::dates);
    EXPECT_TRUE(d.possible_duplicates.empty());
}

TEST(MergePolicy, ADayWithinAMonthIsOneEvent) {
    Report stored(EventType::SANCTION, "2025-03", "USA", "NIC");
    Report report(EventType::SANCTION, "2025-03-14", "USA", "NIC");
    auto d = decide(report, {&stored});
    ASSERT_TRUE(d.merge_with);
    EXPECT_EQ(d.why, MergeEvidence::dates);
}

TEST(MergePolicy, UndatedReportsFromTwoSourcesArePossibleDuplicates) {
    Report stored(EventType::SANCTION, "", "USA", "NIC");
    Report report(EventType::SANCTION, "", "USA", "NIC");
    auto d = decide(report, {&stored});
    EXPECT_FALSE(d.merge_with);
    EXPECT_EQ(d.possible_duplicates, std::vector<std::size_t>{0});
}

TEST(MergePolicy, YearOnlyDatesAreNoEvidence) {
    Report stored(EventType::SANCTION, "2024", "USA", "NIC");
    Report report(EventType::SANCTION, "2024", "USA", "NIC");
    auto d = decide(report, {&stored});
    EXPECT_FALSE(d.merge_with);
    EXPECT_EQ(d.possible_duplicates.size(), 1u);
}

TEST(MergePolicy, ApproximateDatesAreNoEvidence) {
    Report stored(EventType::SANCTION, "2024-05", "USA", "NIC");
    Report report(EventType::SANCTION, "2024-05", "USA", "NIC");
    report.event.date.precision = Precision::approximate;
    auto d = decide(report, {&stored});
    EXPECT_FALSE(d.merge_with);
    EXPECT_EQ(d.possible_duplicates.size(), 1u);
}

TEST(MergePolicy, ADatedReportAndAnUndatedOneArePossibleDuplicates) {
    Report stored(EventType::SANCTION, "", "USA", "NIC");
    Report report(EventType::SANCTION, "2025-03-14", "USA", "NIC");
    auto d = decide(report, {&stored});
    EXPECT_FALSE(d.merge_with);
    EXPECT_EQ(d.possible_duplicates.size(), 1u);
}

TEST(MergePolicy, ARetellingInOneSourceIsOneEventWhateverTheDates) {
    Report stored(EventType::SANCTION, "2025-03-14", "USA", "NIC");
    Report report(EventType::SANCTION, "", "USA", "NIC");
    auto d = decide(report, {&stored}, {true});
    ASSERT_TRUE(d.merge_with);
    EXPECT_EQ(d.why, MergeEvidence::same_source);
}

TEST(MergePolicy, TheSamePlaceThatIsNoPartyIsADetail) {
    Report stored(EventType::MEET, "", "SEN", "TUN", false);
    Report report(EventType::MEET, "2025", "SEN", "TUN", false);
    stored.event.place = report.event.place = "MAR";
    auto d = decide(report, {&stored});
    ASSERT_TRUE(d.merge_with);
    EXPECT_EQ(d.why, MergeEvidence::detail);
}

TEST(MergePolicy, APlaceThatIsAPartyIsNoDetail) {
    Report stored(EventType::VISIT, "", "SEN", "TUN");
    Report report(EventType::VISIT, "", "SEN", "TUN");
    stored.event.place = report.event.place = "TUN";
    auto d = decide(report, {&stored});
    EXPECT_FALSE(d.merge_with);
    EXPECT_EQ(d.possible_duplicates.size(), 1u);
}

TEST(MergePolicy, DifferentPlacesAreNoDetail) {
    Report stored(EventType::MEET, "", "SEN", "TUN", false);
    Report report(EventType::MEET, "", "SEN", "TUN", false);
    stored.event.place = "MAR";
    report.event.place = "EGY";
    EXPECT_FALSE(decide(report, {&stored}).merge_with);
}

TEST(MergePolicy, DifferentTypesAreUnrelated) {
    Report stored(EventType::SANCTION, "2025-03-14", "USA", "NIC");
    Report report(EventType::CONDEMN, "2025-03-14", "USA", "NIC");
    auto d = decide(report, {&stored}, {true});
    EXPECT_FALSE(d.merge_with);
    EXPECT_TRUE(d.possible_duplicates.empty());
}

TEST(MergePolicy, OtherEventsAreOneOnlyWithinOneCameoRoot) {
    Report stored(EventType::OTHER, "2025-03-14", "USA", "NIC");
    Report report(EventType::OTHER, "2025-03-14", "USA", "NIC");
    stored.event.subtype = "01";
    report.event.subtype = "02";
    auto d = decide(report, {&stored});
    EXPECT_FALSE(d.merge_with);
    EXPECT_TRUE(d.possible_duplicates.empty());
    report.event.subtype = "01";
    EXPECT_TRUE(decide(report, {&stored}).merge_with);
}

TEST(MergePolicy, IncompatibleDatesAreUnrelated) {
    Report stored(EventType::MEET, "2025-03-14", "FRA", "DEU", false);
    Report report(EventType::MEET, "2025-03-15", "FRA", "DEU", false);
    auto d = decide(report, {&stored}, {true});
    EXPECT_FALSE(d.merge_with);
    EXPECT_TRUE(d.possible_duplicates.empty());
}

TEST(MergePolicy, OppositeDirectionsAreUnrelated) {
    Report stored(EventType::CONDEMN, "", "RUS", "NATO");
    Report report(EventType::CONDEMN, "", "NATO", "RUS");
    auto d = decide(report, {&stored});
    EXPECT_FALSE(d.merge_with);
    EXPECT_TRUE(d.possible_duplicates.empty());
}

TEST(MergePolicy, FewerThanHalfTheActorsInCommonAreUnrelated) {
    Report stored(EventType::MEET, "2025-03-14", "FRA", "DEU", false);
    Report report(EventType::MEET, "2025-03-14", "FRA", "ITA", false);
    report.event.participants.push_back({"ESP", ParticipantRole::party});
    report.key.insert("ESP");
    auto d = decide(report, {&stored});
    EXPECT_FALSE(d.merge_with);
    EXPECT_TRUE(d.possible_duplicates.empty());
}

TEST(MergePolicy, TheFirstCandidateWithEvidenceWinsAndNoDuplicateIsKept) {
    Report undated(EventType::MEET, "", "FRA", "DEU", false);
    Report dated(EventType::MEET, "2025-03-14", "FRA", "DEU", false);
    Report report(EventType::MEET, "2025-03-14", "FRA", "DEU", false);
    auto d = decide(report, {&undated, &dated});
    ASSERT_TRUE(d.merge_with);
    EXPECT_EQ(*d.merge_with, 1u);
    EXPECT_TRUE(d.possible_duplicates.empty());
}

TEST(MergePolicy, EveryAlikeCandidateIsAPossibleDuplicate) {
    Report a(EventType::SANCTION, "", "USA", "NIC");
    Report b(EventType::SANCTION, "2024", "USA", "NIC");
    Report other(EventType::SANCTION, "", "USA", "CUB");
    Report report(EventType::SANCTION, "", "USA", "NIC");
    auto d = decide(report, {&a, &other, &b});
    EXPECT_FALSE(d.merge_with);
    EXPECT_EQ(d.possible_duplicates, (std::vector<std::size_t>{0, 2}));
}
