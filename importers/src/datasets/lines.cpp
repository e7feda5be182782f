#include "lines.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace diplograph::datasets {

namespace {

// gzip, bzip2, xz and zip by their first bytes: those go through libarchive; anything else is
// read as it is, without a copy through libarchive's buffers.
bool packed(std::string_view head) {
    auto starts = [&](std::string_view magic) { return head.substr(0, magic.size()) == magic; };
    return starts("\x1f\x8b") || starts("BZh") ||
           starts(
               "\xfd"
               "7zXZ") ||
           starts("PK\x03\x04");
}

class FileSource : public ByteSource {
  public:
    FileSource(std::string name, std::FILE* file) : name_(std::move(name)), file_(file) {}
    ~FileSource() override { std::fclose(file_); }
    std::size_t read(char* out, std::size_t size) override {
        std::size_t n = std::fread(out, 1, size, file_);
        if (n == 0 && std::ferror(file_))
            throw std::runtime_error(
                fmt::format("{}: cannot read: {}", name_, std::strerror(errno)));
        return n;
    }
    const std::string& name() const override { return name_; }

  private:
    std::string name_;
    std::FILE* file_;
};

class MemorySource : public ByteSource {
  public:
    MemorySource(std::string name, std::string_view bytes)
        : name_(std::move(name)), bytes_(bytes) {}
    std::size_t read(char* out, std::size_t size) override {
        std::size_t n = std::min(size, bytes_.size());
        std::memcpy(out, bytes_.data(), n);
        bytes_.remove_prefix(n);
        return n;
    }
    const std::string& name() const override { return name_; }

  private:
    std::string name_;
    std::string_view bytes_;
};

// A compressed file or a zip through libarchive: its filters (gzip, bzip2, xz) and the zip
// and raw formats, so a .gz is one "raw" entry and a .zip its first file.
class ArchiveSource : public ByteSource {
  public:
    ArchiveSource(const std::string& name, const std::string* path, std::string_view bytes)
        : name_(name), archive_(archive_read_new()) {
        if (!archive_)
            throw std::runtime_error(name + ": cannot read: out of memory");
        archive_read_support_filter_all(archive_);
        archive_read_support_format_zip(archive_);
        archive_read_support_format_raw(archive_);
        int rc = path ? archive_read_open_filename(archive_, path->c_str(), 1 << 16)
                      : archive_read_open_memory(archive_, bytes.data(), bytes.size());
        if (rc != ARCHIVE_OK)
            fail("cannot open");
        archive_entry* entry = nullptr;
        for (;;) {
            rc = archive_read_next_header(archive_, &entry);
            if (rc == ARCHIVE_EOF)
                throw std::runtime_error(name + ": an empty archive");
            if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN)
                fail("cannot read");
            // A zip's folders are entries too; the first file is what is read.
            if (archive_entry_filetype(entry) == AE_IFREG ||
                archive_format(archive_) == ARCHIVE_FORMAT_RAW)
                break;
        }
        if (archive_format(archive_) != ARCHIVE_FORMAT_RAW) {
            const char* inner = archive_entry_pathname(entry);
            name_ += fmt::format(":{}", inner ? inner : "");
        }
    }
    ~ArchiveSource() override { archive_read_free(archive_); }
    std::size_t read(char* out, std::size_t size) override {
        la_ssize_t n = archive_read_data(archive_, out, size);
        if (n < 0)
            fail("cannot decompress");
        return static_cast<std::size_t>(n);
    }
    const std::string& name() const override { return name_; }

  private:
    [[noreturn]] void fail(const char* what) {
        const char* why = archive_error_string(archive_);
        throw std::runtime_error(
            fmt::format("{}: {}: {}", name_, what, why ? why : "unknown error"));
    }
    std::string name_;
    archive* archive_;
};

}  // namespace

std::unique_ptr<ByteSource> open_source(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        throw std::runtime_error(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
    char magic[6] = {};
    std::size_t n = std::fread(magic, 1, sizeof magic, file);
    if (packed(std::string_view(magic, n))) {
        std::fclose(file);
        return std::make_unique<ArchiveSource>(path, &path, std::string_view());
    }
    std::rewind(file);
    return std::make_unique<FileSource>(path, file);
}

std::unique_ptr<ByteSource> memory_source(const std::string& name, std::string_view bytes) {
    if (packed(bytes.substr(0, 6)))
        return std::make_unique<ArchiveSource>(name, nullptr, bytes);
    return std::make_unique<MemorySource>(name, bytes);
}

LineReader::LineReader(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {
    buffer_.resize(1 << 20);
}

bool LineReader::fill() {
    if (eof_)
        return false;
    // Keep the unfinished line; grow when one line fills the whole buffer.
    if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == buffer_.size())
        buffer_.resize(buffer_.size() * 2);
    std::size_t n = source_->read(buffer_.data() + end_, buffer_.size() - end_);
    if (n == 0)
        eof_ = true;
    end_ += n;
    return n > 0;
}

bool LineReader::next(std::string_view& line) {
    std::size_t scanned = begin_;
    for (;;) {
        const char* start = buffer_.data() + scanned;
        const void* nl = std::memchr(start, '\n', end_ - scanned);
        if (nl) {
            std::size_t at =
                static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data());
            line = std::string_view(buffer_.data() + begin_, at - begin_);
            consumed_ += static_cast<int64_t>(at + 1 - begin_);
            begin_ = at + 1;
            break;
        }
        std::size_t pending = end_ - begin_;
        if (!fill()) {
            if (end_ == begin_)
                return false;
            line = std::string_view(buffer_.data() + begin_, end_ - begin_);
            consumed_ += static_cast<int64_t>(end_ - begin_);
            begin_ = end_;
            break;
        }
        scanned = begin_ + pending;
    }
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    ++number_;
    return true;
}

Head read_head(const std::string& path, std::size_t limit) {
    auto source = open_source(path);
    Head head;
    head.name = source->name();
    head.bytes.resize(limit);
    std::size_t got = 0;
    while (got < limit) {
        std::size_t n = source->read(head.bytes.data() + got, limit - got);
        if (n == 0)
            break;
        got += n;
    }
    head.bytes.resize(got);
    return head;
}

}  // namespace diplograph::datasets
