// The dictionaries of data/ (data/README.md): countries, organisations, people with dated
// roles, titles per language; plus users' own files given with --dict, TABARI/PETRARCH actor
// dictionaries included.
#pragma once

#include <diplograph/graph/model.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace diplograph {

//! A dictionary file that cannot be used: the message names the file, the line and the entry.
class DictionaryError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

//! How a name refers to its entity.
enum class NameKind {
    name,     //!< a proper name: "Togo", "Vladimir Poutine", "CEDEAO"
    adj,      //!< a demonym or adjective: "togolaise", "Russian"
    capital,  //!< a capital used as a metonym: "Moscou"
    seat,     //!< a seat of power: "Kremlin", "Quai d'Orsay"
    acronym,  //!< an organisation's acronym
    surname,  //!< a person's surname used alone
    epithet,  //!< a common noun after "le", "the": "le royaume", "the island" (the one named)
};

//! One way to name an entity in a language ("*" for any).
struct Name {
    std::string text;
    std::string lang;
    NameKind kind = NameKind::name;
    std::string entity;  //!< entity id
};

//! A phrase of a language naming a role: ("fr", "chef de l'État") → "head of state".
struct Title {
    std::string lang;
    std::string phrase;
    std::string role;
};

class Dictionaries {
  public:
    //! Loads data_dir's files, then each extra file (--dict). Throws DictionaryError.
    static Dictionaries load(const std::filesystem::path& data_dir,
                             const std::vector<std::filesystem::path>& extra = {});
    //! The data directory: $DIPLOGRAPH_DATA, the installed one, or the source tree's.
    static std::filesystem::path default_data_dir();

    //! Adds one file, its kind told by its name (see data/README.md): `*.txt` is read as a
    //! TABARI/PETRARCH actor dictionary. Throws DictionaryError on an unusable .tsv file;
    //! returns the warnings (lines skipped in a .txt file), also kept in warnings().
    std::vector<std::string> add_file(const std::filesystem::path& file);
    //! Every warning of the files added so far, one line each: "file: line N: what is wrong".
    const std::vector<std::string>& warnings() const { return warnings_; }

    const Entity* entity(const std::string& id) const;
    //! A country by ISO 3166-1 alpha-3 code (upper case), nullptr when unknown.
    const Entity* country(std::string_view code) const;
    //! An organisation by canonical acronym or any acronym ("CEDEAO" → org/ECOWAS).
    const Entity* organization(std::string_view acronym) const;
    //! A person by any full name or alias, folded ("vladimir poutine").
    const Entity* person_by_name(std::string_view name) const;
    //! "did you mean RUS?" for an unknown country code, "" when nothing is close.
    std::string suggest_country(std::string_view code) const;

    const std::vector<Name>& names() const { return names_; }
    const std::vector<Title>& titles() const { return titles_; }
    const std::vector<Role>& roles() const { return roles_; }
    //! Roles of one person, in date order.
    std::vector<Role> roles_of(const std::string& person) const;
    //! Who held `title` of `of` on `date` (a full date), nullptr when nobody is known.
    const Entity* holder(std::string_view title, std::string_view of, const Date& date) const;
    //! Whether people of `country` put their family name first (`naming family-first` in
    //! countries.tsv): then the first word of a full name is the surname.
    bool family_name_first(std::string_view country) const;
    //! Whether an organisation is a court where states bring cases (`forum` lines): where a
    //! case is heard, not a party to what a state does there.
    bool forum(std::string_view org) const;
    //! Member states of an organisation (from `member` lines).
    std::vector<std::string> members(const std::string& org) const;
    const std::unordered_map<std::string, Entity>& entities() const { return entities_; }

    //! Adds or extends an entity (used by the readers of each format).
    Entity& upsert(const std::string& id, EntityKind kind, const std::string& name);
    void add_name(Name name);
    void add_role(Role role);
    void add_title(Title title);
    void add_member(const std::string& org, const std::string& country);

  private:
    std::unordered_map<std::string, Entity> entities_;
    std::unordered_map<std::string, std::string> org_acronyms_;  // any acronym → id
    std::unordered_map<std::string, std::string> person_names_;  // folded name → id
    std::unordered_map<std::string, std::vector<std::string>> members_;
    std::unordered_set<std::string> display_named_;  // countries named by countries.tsv
    std::unordered_set<std::string> forums_;         // org ids of `forum` lines
    std::unordered_set<std::string> family_first_;   // countries whose names put family first
    std::vector<Name> names_;
    std::vector<Title> titles_;
    std::vector<Role> roles_;
    // person → the indices of their roles in roles_, in order: roles_of() runs for every
    // person mention, and scanning all the roles cost a tenth of the extraction.
    std::unordered_map<std::string, std::vector<std::size_t>> roles_by_person_;
    std::vector<std::string> warnings_;
};

//! Reads a TABARI/PETRARCH/Phoenix actor dictionary (CAMEO actor format) into `dict`:
//! each actor becomes a person (or an organisation for IGO codes) with its names, and each
//! dated code `[RUSGOV >080508]` a role. Returns the problems met (bad dates, bad bytes), one
//! line each with file and line; the entries around them are kept.
std::vector<std::string> read_cameo_actors(const std::filesystem::path& file, Dictionaries& dict);

}  // namespace diplograph
