// The dataset importers' shared machinery: splitting a row, dates, turning a row into a Batch
// (actors, codes, filters), and the loop over a file's rows.
#pragma once

#include "cameo.hpp"
#include "lines.hpp"

#include <diplograph/importers/importer.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::datasets {

//! Splits at `sep` into views (no quoting: GDELT, ICEWS and POLECAT files have none).
void split(std::string_view line, char sep, std::vector<std::string_view>& out);
//! Splits one CSV record (RFC 4180 quotes, "" inside quotes); `owned` keeps unquoted copies.
//! False when a quote is left open (the record goes on on the next line).
bool split_csv(std::string_view line, char sep, std::vector<std::string_view>& out,
               std::vector<std::string>& owned);

//! "20250807", "2025-08-07", "2025-08-07T…", "07 August 2025", "2025-08", "2025": a date and
//! its precision; nullopt when none of these.
std::optional<DateInterval> parse_dataset_date(std::string_view text);

//! What one row says, in the model's terms, before it becomes a Batch.
struct Row {
    std::string_view dataset;  //!< "gdelt2": the source id's and the rule's prefix
    std::string_view title;    //!< "GDELT 2.0"
    std::string id;            //!< the dataset's event id; "" → file and line
    DateInterval date;
    const Entity* actor1 = nullptr;
    const Entity* actor2 = nullptr;
    CameoType type;
    std::string cameo, plover, plover_mode;
    std::optional<double> goldstein;
    std::string url, outlet, published, place, text;
    std::vector<std::pair<std::string, std::string>> attributes;
};

//! Turns rows into batches, applying --only-interstate and --types; counts what it leaves out.
class RowBuilder {
  public:
    RowBuilder(const ImportContext& context, RowSink& sink) : context_(context), sink_(sink) {}
    //! `line` is the raw row: its hash is the source's content hash.
    void emit(Row& row, std::string_view line);

  private:
    const ImportContext& context_;
    RowSink& sink_;
};

//! One format: parses a row's fields into `row`; returns "" or what is wrong with the row
//! ("column 27 (EventCode): \"X\" is not a CAMEO code"), or "-" for a header line to skip.
class TableFormat {
  public:
    virtual ~TableFormat() = default;
    virtual char separator() const { return '\t'; }
    virtual bool quoted() const { return false; }
    //! Called with the first line: false when it is not a header (then it is a row).
    virtual bool header(const std::vector<std::string_view>& /*fields*/, std::string& /*error*/) {
        return false;
    }
    virtual std::string parse(const std::vector<std::string_view>& fields, Row& row) = 0;
    //! Emits the row (a mention emits its own kind of batch).
    virtual void emit(Row& row, std::string_view line, RowBuilder& builder) {
        builder.emit(row, line);
    }
};

//! Reads every row of `lines` through `format` into `sink`.
void read_rows(LineReader& lines, TableFormat& format, const ImportContext& context, RowSink& sink);

}  // namespace diplograph::datasets
