#include "support/support.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <csignal>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace diplograph::test {

TempDir::TempDir() {
    std::random_device rd;
    auto base = std::filesystem::temp_directory_path();
    for (;;) {
        path_ = base / ("diplograph-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(path_))
            break;
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& content) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

namespace {
std::string drain(int fd) {
    std::string out;
    char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        out.append(buf, static_cast<std::size_t>(n));
    close(fd);
    return out;
}
}  // namespace

RunResult run_diplograph(const std::vector<std::string>& args, const std::string& input) {
    signal(SIGPIPE, SIG_IGN);  // a child that ignores stdin must not kill the test
    int in[2], out[2], err[2];
    if (pipe(in) || pipe(out) || pipe(err))
        throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]})
        posix_spawn_file_actions_addclose(&actions, fd);
    std::vector<std::string> argv_s = {DIPLOGRAPH_BIN};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid;
    if (posix_spawn(&pid, DIPLOGRAPH_BIN, &actions, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("cannot run " + std::string(DIPLOGRAPH_BIN));
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    RunResult r;
    std::thread writer([&] {
        std::size_t done = 0;
        while (done < input.size()) {
            ssize_t n = write(in[1], input.data() + done, input.size() - done);
            if (n <= 0)
                break;
            done += static_cast<std::size_t>(n);
        }
        close(in[1]);
    });
    std::thread err_reader([&] { r.err = drain(err[0]); });
    r.out = drain(out[0]);
    err_reader.join();
    writer.join();
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::filesystem::path test_data(const std::string& relative) {
    return std::filesystem::path(DIPLOGRAPH_TEST_DIR) / relative;
}

std::filesystem::path shared(const std::string& relative) {
    return std::filesystem::path(DIPLOGRAPH_SHARED_DIR) / relative;
}

bool shared_available(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return true;
    if (const char* require = std::getenv("DIPLOGRAPH_REQUIRE_SHARED");
        require && std::string(require) == "1")
        ADD_FAILURE() << path.string()
                      << ": absent, and DIPLOGRAPH_REQUIRE_SHARED=1 requires the shared folder "
                      << DIPLOGRAPH_SHARED_DIR;
    return false;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream ss(text);
    std::string line;
    while (std::getline(ss, line))
        out.push_back(line);
    return out;
}

}  // namespace diplograph::test
