// Helpers of the viz tests: golden files, reading exports back with their consumers.
#pragma once

#include "support/support.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace diplograph::test {

//! Runs a shell command; its standard output. Fails the test when it exits non-zero.
inline std::string shell(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        ADD_FAILURE() << "cannot run " << command;
        return out;
    }
    char buffer[4096];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
        out.append(buffer, n);
    int status = pclose(pipe);
    EXPECT_EQ(status, 0) << command;
    return out;
}

inline std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

//! What tests/viz/read_back.py saw in an export (graphml, gexf, svg or csv).
inline rapidjson::Document read_back(const std::string& kind, const std::filesystem::path& file) {
    std::string json = shell("/usr/bin/python3 " + quoted(test_data("viz/read_back.py")) + " " +
                             kind + " " + quoted(file));
    rapidjson::Document doc;
    doc.Parse(json.c_str(), json.size());
    EXPECT_FALSE(doc.HasParseError()) << json.substr(0, 500);
    return doc;
}

//! Compares with tests/viz/golden/<name> byte for byte; DIPLOGRAPH_UPDATE_GOLDEN=1 rewrites it.
inline void expect_golden(const std::string& name, const std::string& actual) {
    auto path = test_data("viz/golden/" + name);
    if (const char* update = std::getenv("DIPLOGRAPH_UPDATE_GOLDEN"); update && *update == '1') {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
    }
    ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing";
    EXPECT_TRUE(read_file(path) == actual)
        << "output differs from " << path
        << " (if the change is intended: DIPLOGRAPH_UPDATE_GOLDEN=1 ctest -R viz)";
}

inline bool xml_well_formed(const std::filesystem::path& file) {
    return std::system(("xmllint --noout " + quoted(file) + " 2>/dev/null").c_str()) == 0;
}

}  // namespace diplograph::test
