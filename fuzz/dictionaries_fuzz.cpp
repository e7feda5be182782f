// The dictionary readers (people, roles, organisations, titles… as .tsv; TABARI/PETRARCH actor
// dictionaries as .txt), through Dictionaries::add_file as --dict reads them: the first byte
// chooses the kind of file, the rest is its content.
#include "fuzz_support.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace diplograph;
    if (size == 0)
        return 0;
    static const char* kNames[] = {"people.tsv",    "roles.tsv",     "organizations.tsv",
                                   "countries.tsv", "my.actors.txt", "my.agents.txt"};
    static const std::string dir = [] {
        char tmpl[] = "/tmp/diplograph-fuzz-XXXXXX";
        return std::string(mkdtemp(tmpl));
    }();
    std::string file = dir + "/" + kNames[data[0] % 6];
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    // Each input starts from the countries alone (the codes the files name), with their English
    // names only, a copy of which is cheap: a copy of all of data/ made a run one input a
    // second, and every language of iso3166.tsv (40,000 names) seven inputs a second.
    static const Dictionaries base = [] {
        std::string countries = dir + "/countries";
        std::filesystem::create_directory(countries);
        std::ifstream in(std::string(DIPLOGRAPH_FUZZ_DATA_DIR) + "/iso3166.tsv");
        std::ofstream out(countries + "/iso3166.tsv", std::ios::trunc);
        for (std::string line; std::getline(in, line);)
            if (line.starts_with('#') || line.find("\ten\t") != std::string::npos)
                out << line << '\n';
        out.close();
        return Dictionaries::load(countries);
    }();
    Dictionaries dict = base;
    try {
        dict.add_file(file);
    } catch (const DictionaryError&) {
    }
    return 0;
}
