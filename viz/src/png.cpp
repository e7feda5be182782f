// PNG (ISO/IEC 15948) written with zlib alone: a signature, IHDR, the filtered rows deflated
// into IDAT chunks as they are converted (one row in memory besides the raster), IEND.
#include <diplograph/viz/diagram.hpp>
#include <diplograph/viz/png.hpp>

#include <zlib.h>

#include <array>
#include <cstring>
#include <vector>

namespace diplograph::viz {

namespace {

//! zlib's fastest level: a diagram is mostly flat colour, which level 1 already compresses
//! well (the 2,000-actor diagram: bench/README.md), and the default (6) cost 3 times as much.
constexpr int kLevel = 1;
//! Runs only (matches at distance 1): after the Sub filter a flat area is a run of zeros.
constexpr int kStrategy = Z_RLE;
//! The one filter every row gets ("Sub", each byte minus the one a pixel to its left): flat
//! runs become zeros, for one subtraction a byte; libpng's adaptive choice tries all five.
constexpr unsigned char kFilterSub = 1;
//! Bytes of compressed data per IDAT chunk.
constexpr std::size_t kChunk = 1 << 18;

void put_u32(std::string& out, std::uint32_t v) {
    std::array<char, 4> b{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                          static_cast<char>(v >> 8), static_cast<char>(v)};
    out.append(b.data(), b.size());
}

void put_chunk(std::string& out, const char (&type)[5], const unsigned char* data,
               std::size_t size) {
    put_u32(out, static_cast<std::uint32_t>(size));
    out.append(type, 4);
    if (size)
        out.append(reinterpret_cast<const char*>(data), size);
    uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(type), 4);
    if (size)
        crc = crc32_z(crc, data, size);
    put_u32(out, static_cast<std::uint32_t>(crc));
}

std::uint32_t pixel(const unsigned char* row, std::uint32_t x) {
    std::uint32_t p;
    std::memcpy(&p, row + std::size_t{x} * 4, 4);
    return p;
}

bool opaque(const Raster& r) {
    for (std::uint32_t y = 0; y < r.height; ++y) {
        const unsigned char* row = r.pixels + y * r.stride;
        for (std::uint32_t x = 0; x < r.width; ++x)
            if ((pixel(row, x) >> 24) != 0xff)
                return false;
    }
    return true;
}

//! Premultiplied to straight colour, rounded as cairo's own PNG writer rounds.
unsigned char straight(std::uint32_t c, std::uint32_t alpha) {
    return static_cast<unsigned char>((c * 255 + alpha / 2) / alpha);
}

//! One row as PNG samples, behind its filter byte, filtered.
void convert_row(const unsigned char* row, std::uint32_t width, bool rgb, unsigned char* out) {
    out[0] = kFilterSub;
    unsigned char* s = out + 1;
    for (std::uint32_t x = 0; x < width; ++x) {
        std::uint32_t p = pixel(row, x);
        std::uint32_t a = p >> 24;
        std::uint32_t r = (p >> 16) & 0xff;
        std::uint32_t g = (p >> 8) & 0xff;
        std::uint32_t b = p & 0xff;
        if (rgb) {
            *s++ = static_cast<unsigned char>(r);
            *s++ = static_cast<unsigned char>(g);
            *s++ = static_cast<unsigned char>(b);
        } else if (a == 0) {
            s[0] = s[1] = s[2] = s[3] = 0;
            s += 4;
        } else {
            if (a != 0xff) {
                r = straight(r, a);
                g = straight(g, a);
                b = straight(b, a);
            }
            *s++ = static_cast<unsigned char>(r);
            *s++ = static_cast<unsigned char>(g);
            *s++ = static_cast<unsigned char>(b);
            *s++ = static_cast<unsigned char>(a);
        }
    }
    // Sub, from the right so that each byte still sees its unfiltered left neighbour.
    std::size_t bpp = rgb ? 3 : 4;
    unsigned char* samples = out + 1;
    for (std::size_t i = std::size_t{width} * bpp; i-- > bpp;)
        samples[i] = static_cast<unsigned char>(samples[i] - samples[i - bpp]);
}

class Deflater {
  public:
    Deflater() {
        if (deflateInit2(&z_, kLevel, Z_DEFLATED, 15, 8, kStrategy) != Z_OK)
            throw RenderError("PNG: zlib could not start");
    }
    ~Deflater() { deflateEnd(&z_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    //! Compresses `size` bytes (all of the rest when `last`), emitting full IDAT chunks.
    void feed(const unsigned char* data, std::size_t size, bool last, std::string& out) {
        z_.next_in = const_cast<Bytef*>(data);
        z_.avail_in = static_cast<uInt>(size);
        for (;;) {
            z_.next_out = buffer_.data() + used_;
            z_.avail_out = static_cast<uInt>(buffer_.size() - used_);
            int rc = deflate(&z_, last ? Z_FINISH : Z_NO_FLUSH);
            if (rc == Z_STREAM_ERROR)
                throw RenderError("PNG: zlib failed");
            used_ = buffer_.size() - z_.avail_out;
            if (used_ == buffer_.size()) {
                put_chunk(out, "IDAT", buffer_.data(), used_);
                used_ = 0;
                continue;
            }
            if (last ? rc == Z_STREAM_END : z_.avail_in == 0)
                break;
        }
        if (last && used_) {
            put_chunk(out, "IDAT", buffer_.data(), used_);
            used_ = 0;
        }
    }

  private:
    z_stream z_{};
    std::vector<unsigned char> buffer_ = std::vector<unsigned char>(kChunk);
    std::size_t used_ = 0;
};

}  // namespace

std::string encode_png(const Raster& raster) {
    if (!raster.pixels || raster.width == 0 || raster.height == 0 ||
        raster.stride < std::size_t{raster.width} * 4)
        throw RenderError("PNG: Graphviz drew an empty image");
    bool rgb = opaque(raster);
    std::string out("\x89PNG\r\n\x1a\n", 8);
    // Room for the file of an image that does not compress: the pages never written are never
    // touched, and the string is not copied as it grows (a large diagram's PNG is 20 MB).
    out.reserve(std::size_t{raster.height} * (1 + std::size_t{raster.width} * 4) + kChunk);
    std::array<unsigned char, 13> header{};
    for (int i = 0; i < 4; ++i) {
        header[static_cast<std::size_t>(i)] =
            static_cast<unsigned char>(raster.width >> (24 - 8 * i));
        header[static_cast<std::size_t>(4 + i)] =
            static_cast<unsigned char>(raster.height >> (24 - 8 * i));
    }
    header[8] = 8;                             // bits per sample
    header[9] = rgb ? 2 : 6;                   // colour type: truecolour, or truecolour with alpha
    header[10] = header[11] = header[12] = 0;  // deflate, adaptive filtering, no interlace
    put_chunk(out, "IHDR", header.data(), header.size());
    std::vector<unsigned char> row(1 + std::size_t{raster.width} * (rgb ? 3 : 4));
    Deflater deflater;
    for (std::uint32_t y = 0; y < raster.height; ++y) {
        convert_row(raster.pixels + y * raster.stride, raster.width, rgb, row.data());
        deflater.feed(row.data(), row.size(), y + 1 == raster.height, out);
    }
    put_chunk(out, "IEND", nullptr, 0);
    return out;
}

}  // namespace diplograph::viz
