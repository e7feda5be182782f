// Coded event datasets (docs/datasets.md): GDELT 2.0 events and mentions, GDELT 1.0, ICEWS,
// POLECAT and any table through a declared mapping (--map FILE), each read as a stream.
#pragma once

#include <diplograph/importers/importer.hpp>

#include <string>

namespace diplograph {

//! Registers "gdelt2", "gdelt2-mentions", "gdelt1", "icews", "polecat" and "map".
void register_dataset_importers();

//! The dataset format of a file from its name and first bytes ("gdelt2"…), "" when none.
std::string detect_dataset(const std::string& name, std::string_view head);

//! What a table no importer claims looks like, as the one-line refusal says it: "a
//! tab-separated table with 61 columns: a GDELT 2.0 export? use --format gdelt2". Empty when
//! the bytes do not look like a table (an article).
std::string describe_table(std::string_view head);

//! The first bytes of a file as a reader sees them (decompressed from .gz, a .zip's first
//! file) and what they are named ("a.zip:a.CSV"): what detection looks at. Throws
//! std::runtime_error naming the file when it cannot be read.
Input peek_file(const std::string& path, std::size_t limit = 65536);

}  // namespace diplograph
