// Importers: one class per input format, chosen by name from a registry (STYLE.md §3).
#pragma once

#include <diplograph/graph/model.hpp>
#include <diplograph/importers/dictionaries.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

//! One input: a file's bytes and where they came from.
struct Input {
    std::string name;     //!< the path as the user gave it, "-" for stdin
    std::string content;  //!< raw bytes
};

//! Options of an import or an extraction.
struct ImportOptions {
    std::string lang = "auto";  //!< "fr", "en" or "auto"
    std::string published;      //!< overrides the article's date when set (YYYY-MM-DD)
    // Coded datasets (docs/datasets.md).
    bool only_interstate = false;  //!< keep the rows whose two actors are different states
    std::vector<EventType> types;  //!< keep the rows of these types; empty: all
    std::string map_file;          //!< the declared mapping of `--map FILE`
};

//! A record that was skipped: "file:line 3: events[0].type: unknown event type 'MEETING'".
struct Problem {
    std::string message;
};

//! What reading one input gave: one batch per record, and the records skipped.
struct ReadResult {
    std::vector<Batch> batches;
    std::vector<Problem> problems;
    //! Records read in all (batches + skipped).
    int records() const { return static_cast<int>(batches.size() + problems.size()); }
};

struct ImportContext {
    const Dictionaries& dictionaries;
    ImportOptions options;
};

//! Where a streaming importer sends what it reads, row by row.
class RowSink {
  public:
    virtual ~RowSink() = default;
    virtual void batch(Batch&& batch) = 0;
    //! A bad row: "file:line 12: column 27 (EventCode): \"X\" is not a CAMEO code".
    virtual void problem(Problem&& problem) = 0;
    //! A good row left out, and why ("not interstate", "type not asked for"…).
    virtual void left_out(std::string_view reason) = 0;
    //! Called every few thousand rows: rows read, bytes read (decompressed).
    virtual void progress(int64_t /*rows*/, int64_t /*bytes*/) {}
    //! Whether an entity with all its aliases is stored already by an earlier batch: the rows
    //! naming it then carry it without its aliases (copying and comparing a country's hundreds
    //! of aliases at every row cost more than the rest of the row).
    virtual bool has_entity(const std::string& /*id*/) const { return false; }
};

class Importer {
  public:
    virtual ~Importer() = default;
    //! Reads an input into batches. Expected problems (a bad record) are returned, not thrown.
    virtual ReadResult read(const Input& input, const ImportContext& context) const = 0;
    //! Whether it reads files as a stream (stream()), in constant memory, .gz and .zip too.
    virtual bool streams() const { return false; }
    //! Reads the file at `path` row by row into `sink`. Throws std::runtime_error when the
    //! file cannot be read at all.
    virtual void stream(const std::string& path, const ImportContext& context, RowSink& sink) const;
};

//! The importers by format name: "findings", "text", "html", "json-article", "gdelt"…
class ImporterRegistry {
  public:
    using Factory = std::function<std::unique_ptr<Importer>()>;
    static ImporterRegistry& instance();

    void add(const std::string& format, Factory factory);
    //! nullptr when no importer has that name.
    std::unique_ptr<Importer> create(const std::string& format) const;
    std::vector<std::string> formats() const;

    //! The format of an input from its name and first bytes: "findings" for JSON with an
    //! "events" key, "json-article" for one with "text"/"body", "text", "html", "gdelt"…
    //! Empty when unknown.
    std::string detect(const Input& input) const;

  private:
    std::vector<std::pair<std::string, Factory>> factories_;
};

//! Registers an importer at static-initialisation time: `static RegisterImporter<T> r("name");`
template <typename T>
struct RegisterImporter {
    explicit RegisterImporter(const std::string& format) {
        ImporterRegistry::instance().add(format, [] { return std::make_unique<T>(); });
    }
};

//! Registers the importers built into the library (call once before using the registry:
//! static registration inside a static library is dropped by the linker otherwise).
void register_builtin_importers();

//! Checks that `text` is valid UTF-8; returns the offset of the first bad byte or npos.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace diplograph
