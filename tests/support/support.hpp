// Helpers for the tests: temporary folders, running the diplograph binary, reading files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace diplograph::test {

//! A fresh directory removed at the end of the test.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    //! Writes a file in the directory and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& content) const;

  private:
    std::filesystem::path path_;
};

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

//! Runs build/diplograph with arguments (no shell), optional stdin text.
RunResult run_diplograph(const std::vector<std::string>& args, const std::string& input = {});

std::string read_file(const std::filesystem::path& path);
//! tests/<relative>: committed test data.
std::filesystem::path test_data(const std::string& relative);
//! ../shared/<relative>.
std::filesystem::path shared(const std::string& relative);
//! Whether a path of ../shared exists. When it does not, the test skips (SKIP_WITHOUT_SHARED):
//! a clone outside the team's layout has no ../shared; under DIPLOGRAPH_REQUIRE_SHARED=1 (CI)
//! a failure is recorded first, so that the test fails instead.
bool shared_available(const std::filesystem::path& path);

//! Skips the current test when `path` (of ../shared) is absent, naming the folder.
#define SKIP_WITHOUT_SHARED(path)                                        \
    if (!::diplograph::test::shared_available(path))                     \
    GTEST_SKIP() << (path).string()                                      \
                 << ": absent: the shared folder " DIPLOGRAPH_SHARED_DIR \
                    " is not beside the repository"
//! Lines of a text, without the line breaks.
std::vector<std::string> lines(const std::string& text);

}  // namespace diplograph::test
