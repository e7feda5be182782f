// The model of DESIGN.md §2: entities, dated roles, events with participants, and the
// evidence that justifies each of them. Plain value types; nothing here knows SQLite or text.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diplograph {

//! What a node of the graph is.
enum class EntityKind { country, person, organization, agreement, event, source };

std::string_view to_string(EntityKind kind);
std::optional<EntityKind> entity_kind_from_string(std::string_view text);

//! The 15 event types of DESIGN.md §2, and OTHER: a coded event (GDELT, ICEWS…) whose CAMEO or
//! PLOVER code maps to none of them, kept with its code (subtype: the code's root name).
enum class EventType {
    MEET,
    VISIT,
    AGREEMENT,
    COOPERATION,
    AID,
    SUPPORT,
    CONDEMN,
    EMBASSY_OPEN,
    EMBASSY_REOPEN,
    EMBASSY_CLOSE,
    RELATIONS_ESTABLISH,
    RELATIONS_RESTORE,
    RELATIONS_SEVER,
    EXPEL_DIPLOMATS,
    SANCTION,
    OTHER,
};

//! A family groups event types for filters and colours: cooperation, conflict, diplomatic.
struct EventTypeInfo {
    EventType type;
    std::string_view name;    //!< "MEET"
    std::string_view cameo;   //!< the type's usual CAMEO code: "040"; "" for OTHER
    std::string_view plover;  //!< its PLOVER category: "CONSULT"; "" for OTHER
    std::string_view family;  //!< "diplomatic", "cooperation", "conflict" or "other" (OTHER)
    bool symmetric;           //!< parties are interchangeable (MEET, AGREEMENT…)
};

std::span<const EventTypeInfo> event_types();
const EventTypeInfo& info(EventType type);
std::string_view to_string(EventType type);
std::optional<EventType> event_type_from_string(std::string_view text);

//! How sure the text is that the event happens (DESIGN.md §2).
enum class Status { occurred, agreed, planned, reported };

std::string_view to_string(Status status);
std::optional<Status> status_from_string(std::string_view text);

//! The role an actor plays in an event.
enum class ParticipantRole { initiator, target, participant, host, guest, party };

std::string_view to_string(ParticipantRole role);
std::optional<ParticipantRole> participant_role_from_string(std::string_view text);

//! A calendar day; month or day 0 means "not known".
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    bool valid() const { return year != 0; }
    auto operator<=>(const Date&) const = default;
    //! "2025-11-19", "2025-11" or "2025" depending on what is known.
    std::string to_string() const;
    //! Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt when malformed or not a real date.
    static std::optional<Date> parse(std::string_view text);
};

enum class Precision { day, month, year, approximate, unknown };

std::string_view to_string(Precision precision);
std::optional<Precision> precision_from_string(std::string_view text);

//! A date as an inclusive interval of days with the precision the text gave.
struct DateInterval {
    Date first;  //!< first day (full date) or invalid when unknown
    Date last;   //!< last day (full date)
    Precision precision = Precision::unknown;
    std::string how;  //!< how it was resolved: "explicit", "relative to published: mardi"…

    bool known() const { return precision != Precision::unknown; }
    //! The gold-file form: "2025-11-19", "2025-11", "2025" or "" when unknown.
    std::string to_string() const;
    //! Two intervals are compatible when either is unknown or they overlap.
    bool compatible(const DateInterval& other) const;
    //! The interval covered by "2025", "2025-11" or "2025-11-19".
    static std::optional<DateInterval> parse(std::string_view text);
    static DateInterval from_date(const Date& date);
};

//! Days since 1970-01-01 of a full date; the last day of a month or year.
int64_t days_from_civil(const Date& date);
int days_in_month(int year, int month);

//! What justifies a fact: where in which source, found by which rule.
struct Evidence {
    std::string source;  //!< source id
    int sentence = -1;   //!< sentence index in the source, -1 when not from text
    int64_t begin = 0;   //!< byte span in the source's text
    int64_t end = 0;
    std::string text;  //!< the sentence
    std::string rule;  //!< rule id, "findings" for structured input
    double confidence = 1.0;
};

struct Alias {
    std::string text;
    std::string lang;  //!< "fr", "en", "*" for any
};

//! An entity's aliases, read like a `std::vector<Alias>`. Copies share one list until one of
//! them is changed (edit, push_back): a dictionary country's hundreds of aliases go along with
//! every article that names it.
class Aliases {
  public:
    using value_type = Alias;
    using const_iterator = std::vector<Alias>::const_iterator;
    using iterator = const_iterator;
    using size_type = std::size_t;

    Aliases() = default;
    Aliases(std::vector<Alias> list)
        : list_(list.empty() ? nullptr : std::make_shared<std::vector<Alias>>(std::move(list))) {}
    Aliases(std::initializer_list<Alias> list) : Aliases(std::vector<Alias>(list)) {}

    const std::vector<Alias>& list() const { return list_ ? *list_ : none(); }
    operator const std::vector<Alias>&() const { return list(); }
    const_iterator begin() const { return list().begin(); }
    const_iterator end() const { return list().end(); }
    size_type size() const { return list_ ? list_->size() : 0; }
    bool empty() const { return size() == 0; }
    const Alias& operator[](size_type i) const { return list()[i]; }

    //! The list to change, copied first when another entity shares it.
    std::vector<Alias>& edit();
    void push_back(Alias alias) { edit().push_back(std::move(alias)); }
    void clear() { list_.reset(); }

  private:
    static const std::vector<Alias>& none();
    std::shared_ptr<std::vector<Alias>> list_;  // null when empty
};

//! A node that is not an event: country, person, organization, source.
struct Entity {
    std::string id;  //!< "TGO", "person/vladimir-putin", "org/ECOWAS"
    EntityKind kind = EntityKind::country;
    std::string name;     //!< canonical display name
    std::string country;  //!< a person's country, an empty string otherwise
    Aliases aliases;
};

//! (person, title, of, from, to): "Faure Gnassingbé, head of government of TGO since 2025-05".
struct Role {
    std::string person;                //!< person id
    std::string title;                 //!< "head of state", "foreign minister"…
    std::string of;                    //!< country or organization id
    Date from;                         //!< invalid when unknown
    Date to;                           //!< invalid while in office
    std::optional<Evidence> evidence;  //!< set when learned from a text
};

struct Participant {
    std::string actor;  //!< entity id
    ParticipantRole role = ParticipantRole::participant;
    auto operator<=>(const Participant&) const = default;
};

//! An event or an agreement (type AGREEMENT), with what one source says of it.
struct Event {
    std::string id;  //!< filled by the store: "event/<hash>" or "agreement/<hash>"
    EventType type = EventType::MEET;
    std::string subtype;  //!< "military", "economic"… or empty
    Status status = Status::occurred;
    DateInterval date;
    std::string place;  //!< free text or a country id
    std::vector<Participant> participants;
    std::vector<Evidence> evidence;
    // The event's codes: a coded dataset's, kept as given, or chosen from the wording of an
    // article or findings record when it is imported (importers/codes.hpp, docs/codes.md).
    std::string cameo;                //!< exact CAMEO code: "042", "1663"
    std::string plover;               //!< PLOVER category: "CONSULT"
    std::string plover_mode;          //!< PLOVER mode: "visit"
    std::optional<double> goldstein;  //!< Goldstein scale value, -10..10
    //! Dataset-specific values kept per event: ("gdelt.NumSources", "3"), in key order.
    std::vector<std::pair<std::string, std::string>> attributes;
    //! Set by a reader of mentions (GDELT 2.0): the source whose event this one is. The store
    //! adds this event's evidence to that event (its type and participants) and keeps nothing
    //! when no such source is stored.
    std::string of_source;
};

//! An article, a findings record or a GDELT file.
struct Source {
    std::string id;  //!< "source/<hash>", filled by make_source_id when empty
    std::string url;
    std::string title;
    std::string outlet;
    std::string published;  //!< ISO date or empty
    std::string lang;
    std::string content_hash;  //!< hash of the content the findings came from
};

//! Everything learned from one source; the unit of a store transaction.
struct Batch {
    Source source;
    std::vector<Entity> entities;  //!< the source's findings: actors, people it names
    std::vector<Entity> context;   //!< entities its roles refer to that are no findings
    std::vector<Role> roles;
    std::vector<Event> events;
};

//! A stable 64-bit FNV-1a hash, printed as 16 hex digits.
std::string stable_hash(std::string_view data);
//! "source/<hash of url>" when the source has a URL, else "source/<content hash>".
std::string make_source_id(const Source& source);
//! Lower-case ASCII slug: "Faure Gnassingbé" → "faure-gnassingbe".
std::string slugify(std::string_view name);

}  // namespace diplograph
