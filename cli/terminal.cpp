#include "terminal.hpp"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace diplograph::cli {

namespace {

// The byte 0xC2 that ended the last write, when it may start a C1 control (U+0080-U+009F).
bool pending_c2 = false;

void put(std::string& out, unsigned char c) {
    static const char* kHex = "0123456789ABCDEF";
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
}

ssize_t write_escaped(void*, const char* buffer, size_t size) {
    std::string out;
    out.reserve(size + 16);
    for (size_t i = 0; i < size; ++i) {
        auto c = static_cast<unsigned char>(buffer[i]);
        if (pending_c2) {
            pending_c2 = false;
            if (c >= 0x80 && c <= 0x9F) {
                put(out, 0xC2);
                put(out, c);
                continue;
            }
            out += '\xC2';
        }
        if (c == 0xC2) {
            pending_c2 = true;
        } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            put(out, c);
        } else {
            out += static_cast<char>(c);
        }
    }
    for (size_t done = 0; done < out.size();) {
        ssize_t n = ::write(STDOUT_FILENO, out.data() + done, out.size() - done);
        if (n <= 0)
            return -1;
        done += static_cast<size_t>(n);
    }
    return static_cast<ssize_t>(size);
}

int close_escaped(void*) {
    if (pending_c2) {
        pending_c2 = false;
        return ::write(STDOUT_FILENO, "\xC2", 1) == 1 ? 0 : -1;
    }
    return 0;
}

}  // namespace

void escape_controls_on_terminal() {
    if (!isatty(STDOUT_FILENO))
        return;
    cookie_io_functions_t io{nullptr, write_escaped, nullptr, close_escaped};
    if (FILE* escaped = fopencookie(nullptr, "w", io)) {
        std::fflush(stdout);
        setvbuf(escaped, nullptr, _IOLBF, 0);
        stdout = escaped;
    }
}

}  // namespace diplograph::cli
