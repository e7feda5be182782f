// Reading a dataset file line by line in constant memory, whatever its packing: plain, .gz or
// .zip (libarchive, which streams both and tells them by their bytes, not their names).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace diplograph::datasets {

//! The bytes of a file, decompressed: plain, gzip, bzip2, xz, or the first file of a zip.
class ByteSource {
  public:
    virtual ~ByteSource() = default;
    //! Reads up to `size` bytes into `out`; 0 at the end. Throws std::runtime_error naming the
    //! file when it cannot be read or decompressed.
    virtual std::size_t read(char* out, std::size_t size) = 0;
    //! The name of what is read: the file's, or "archive.zip:inner.CSV" for a zip member.
    virtual const std::string& name() const = 0;
};

//! Opens a file ("-" for stdin is not streamed: see memory_source). Throws std::runtime_error.
std::unique_ptr<ByteSource> open_source(const std::string& path);
//! Bytes already in memory (stdin, tests): decompressed too when they are gzip or zip.
std::unique_ptr<ByteSource> memory_source(const std::string& name, std::string_view bytes);

//! Lines of a ByteSource, without their end ("\n" or "\r\n"), numbered from 1. A view stays
//! valid until the next call.
class LineReader {
  public:
    explicit LineReader(std::unique_ptr<ByteSource> source);
    bool next(std::string_view& line);
    int64_t number() const { return number_; }
    //! Bytes of the file read so far (decompressed).
    int64_t bytes() const { return consumed_; }
    const std::string& name() const { return source_->name(); }

  private:
    bool fill();
    std::unique_ptr<ByteSource> source_;
    std::string buffer_;
    std::size_t begin_ = 0, end_ = 0;
    bool eof_ = false;
    int64_t number_ = 0, consumed_ = 0;
};

//! The first bytes of a file, decompressed (at most `limit`), and the name of what they are
//! (a zip's member): what detection looks at.
struct Head {
    std::string name;
    std::string bytes;
};
Head read_head(const std::string& path, std::size_t limit = 65536);

}  // namespace diplograph::datasets
