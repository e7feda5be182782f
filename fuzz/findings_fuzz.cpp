// The findings reader (JSON and JSON Lines records): any bytes give batches or problems.
#include "fuzz_support.hpp"

#include <diplograph/importers/findings.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace diplograph;
    const auto& dict = fuzz::dictionaries();
    // The first byte chooses the file name: .json (one record or an array) or .jsonl.
    std::string name = size && (data[0] & 1) ? "f.jsonl" : "f.json";
    ImportContext ctx{dict, {}};
    FindingsImporter().read(Input{name, fuzz::text(data, size)}, ctx);
    return 0;
}

// Before the first input (libFuzzer's -timeout does not count this): loading data/ takes a few
// seconds under the sanitizers, and more than the 10 s of -timeout on a loaded machine, where
// the first input of a run was reported as a timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    diplograph::fuzz::dictionaries();
    return 0;
}
