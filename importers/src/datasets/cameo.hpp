// CAMEO and PLOVER codes → the model: which of our types a code is, its root's name; CAMEO
// actor codes, FIPS 10-4 geography and IGO codes → our entity ids. Facts from the published
// CAMEO codebook (Schrodt 2012), the PLOVER codebook and FIPS 10-4.
#pragma once

#include <diplograph/graph/model.hpp>
#include <diplograph/importers/dictionaries.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace diplograph::datasets {

//! What a CAMEO event code becomes: our type (OTHER for none of the 15), a subtype, and
//! whether Actor1 and Actor2 swap roles (043 "host a visit": Actor2 is the visitor).
struct CameoType {
    EventType type = EventType::OTHER;
    std::string_view subtype;
    bool swap = false;
};
//! nullopt when `code` is not a CAMEO event code (2 to 4 digits, root 01..20).
std::optional<CameoType> cameo_type(std::string_view code);
//! The name of a CAMEO root ("04" → "consult"), "" when unknown.
std::string_view cameo_root_name(std::string_view root);

//! What a PLOVER category (and mode) becomes; OTHER for those without one of our types.
CameoType plover_type(std::string_view category, std::string_view mode);
//! The PLOVER categories, upper case ("CONSULT"…): is `category` one of them?
bool is_plover(std::string_view category);

//! Maps the codes of coded datasets to our entity ids, with the dictionaries.
class ActorCodes {
  public:
    explicit ActorCodes(const Dictionaries& dictionaries);
    //! A CAMEO country code ("USA", "ROM" → ROU) to a country id; "" when not a country we know
    //! (regions such as "AFR", "WST").
    const Entity* country(std::string_view code) const;
    //! A CAMEO actor code ("USAGOV" → USA, "IGOUNO" → org/UN, "NAT" known group → org/NATO);
    //! nullptr when it names none of our entities.
    const Entity* actor(std::string_view code, std::string_view country_code,
                        std::string_view known_group) const;
    //! A FIPS 10-4 country code ("RS") → a country; nullptr when unknown.
    const Entity* fips(std::string_view code) const;
    //! A country by any of its names in the dictionaries ("Russian Federation"), or ISO code.
    const Entity* country_named(std::string_view name) const;

  private:
    const Dictionaries& dict_;
    std::unordered_map<std::string, std::string> fips_;
    // Folded name → country, made at the first name asked (GDELT's codes need none of it).
    mutable std::unordered_map<std::string, const Entity*> by_name_;
};

}  // namespace diplograph::datasets
