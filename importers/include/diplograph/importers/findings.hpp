// Findings files (DESIGN.md §7): the `extract --json` shape with a `source` object, one
// object per file or per line. Read into batches, and written from a batch.
#pragma once

#include <diplograph/importers/importer.hpp>

#include <string>

namespace diplograph {

class FindingsImporter : public Importer {
  public:
    ReadResult read(const Input& input, const ImportContext& context) const override;
};

struct FindingsWriteOptions {
    bool with_source = false;  //!< add the "source" object (for a findings file)
    bool pretty = false;
};

//! The batch in the shape of DESIGN.md §7 (the shape ../shared/tools/score.py reads): countries,
//! people with country and role, organisations, events with actors, people, date, status and
//! evidence; plus each event's participants with roles, place, date resolution and rule.
std::string to_findings_json(const Batch& batch, const FindingsWriteOptions& options = {});

}  // namespace diplograph
