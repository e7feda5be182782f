// The CAMEO code, PLOVER category and mode, and Goldstein value of an event read from a text or
// a findings record (docs/codes.md): one exact code chosen from the event's type, subtype,
// status and wording (the rules that found it, its sentences).
#pragma once

#include <diplograph/graph/model.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diplograph {

struct EventCode {
    std::string cameo;        //!< "042"
    std::string plover;       //!< "CONSULT"
    std::string plover_mode;  //!< "visit"
};

//! The code of an event of one of the 15 types (an empty code for OTHER), from its type,
//! subtype, status, place, participants and evidence (rule ids and sentences).
EventCode code_event(const Event& event);

//! The Goldstein value of a CAMEO code (data/cameo/goldstein.tsv; a four-digit code absent
//! there takes its three-digit parent's), nullopt for a code the table lacks.
std::optional<double> goldstein(std::string_view cameo);

//! Fills what the event lacks: its code, PLOVER category and mode when it has no CAMEO code
//! and is not OTHER, and its Goldstein value from its CAMEO code. What a dataset gave is kept.
void assign_codes(Event& event);
void assign_codes(Batch& batch);

//! The Goldstein table of a data directory: "042" → 1.9. Throws DictionaryError on a bad line.
std::vector<std::pair<std::string, double>> read_goldstein(const std::filesystem::path& data_dir);

}  // namespace diplograph
