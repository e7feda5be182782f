// The PNG writer (png.hpp), read back by libpng: an independent decoder checks the chunks,
// the CRCs, the zlib stream, the filters and the pixels. Then a diagram's PNG end to end.
#include "viz_support.hpp"

#include <diplograph/viz/diagram.hpp>
#include <diplograph/viz/png.hpp>

#include <fmt/format.h>
#include <png.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <random>
#include <set>
#include <vector>

namespace diplograph::test {

namespace {

using viz::encode_png;
using viz::Raster;

//! A PNG decoded by libpng into 8-bit RGBA.
struct Decoded {
    bool ok = false;
    std::string error;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::array<unsigned char, 4>> pixels;
};

Decoded decode(const std::string& file) {
    Decoded d;
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, file.data(), file.size())) {
        d.error = image.message;
        return d;
    }
    image.format = PNG_FORMAT_RGBA;
    std::vector<unsigned char> buffer(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, buffer.data(), 0, nullptr)) {
        d.error = image.message;
        png_image_free(&image);
        return d;
    }
    d.ok = true;
    d.width = image.width;
    d.height = image.height;
    for (std::size_t i = 0; i + 3 < buffer.size(); i += 4)
        d.pixels.push_back({buffer[i], buffer[i + 1], buffer[i + 2], buffer[i + 3]});
    return d;
}

//! The colour type byte of the IHDR chunk (2: RGB, 6: RGBA).
int colour_type(const std::string& file) {
    return file.size() > 25 ? static_cast<unsigned char>(file[25]) : -1;
}

//! A raster of cairo ARGB32 words, `stride` bytes a row.
struct TestRaster {
    TestRaster(std::uint32_t w, std::uint32_t h, std::size_t row_bytes)
        : width(w), height(h), stride(row_bytes), bytes(row_bytes * h, 0xee) {}
    void set(std::uint32_t x, std::uint32_t y, std::uint32_t argb) {
        std::memcpy(bytes.data() + y * stride + x * 4, &argb, 4);
    }
    Raster raster() const { return Raster{bytes.data(), width, height, stride}; }
    std::uint32_t width, height;
    std::size_t stride;
    std::vector<unsigned char> bytes;
};

TEST(Png, OpaqueRasterIsRgbAndDecodesToTheSamePixels) {
    TestRaster t(3, 2, 3 * 4 + 8);  // padding after each row must not be read
    const std::uint32_t colours[6] = {0xffffffff, 0xff000000, 0xff102030,
                                      0xffff0000, 0xff00ff00, 0xff0000ff};
    for (std::uint32_t i = 0; i < 6; ++i)
        t.set(i % 3, i / 3, colours[i]);
    std::string file = encode_png(t.raster());
    EXPECT_EQ(file.substr(0, 8), "\x89PNG\r\n\x1a\n");
    EXPECT_EQ(colour_type(file), 2);
    Decoded d = decode(file);
    ASSERT_TRUE(d.ok) << d.error;
    EXPECT_EQ(d.width, 3u);
    EXPECT_EQ(d.height, 2u);
    ASSERT_EQ(d.pixels.size(), 6u);
    for (std::size_t i = 0; i < 6; ++i) {
        std::uint32_t c = colours[i];
        std::array<unsigned char, 4> expected{static_cast<unsigned char>(c >> 16),
                                              static_cast<unsigned char>(c >> 8),
                                              static_cast<unsigned char>(c), 255};
        EXPECT_EQ(d.pixels[i], expected) << "pixel " << i;
    }
}

TEST(Png, TranslucentPixelsAreUnpremultiplied) {
    TestRaster t(3, 1, 12);
    t.set(0, 0, 0xff336699);  // opaque
    t.set(1, 0, 0x80402010);  // alpha 128: premultiplied 64, 32, 16
    t.set(2, 0, 0x00000000);  // transparent
    std::string file = encode_png(t.raster());
    EXPECT_EQ(colour_type(file), 6);
    Decoded d = decode(file);
    ASSERT_TRUE(d.ok) << d.error;
    ASSERT_EQ(d.pixels.size(), 3u);
    EXPECT_EQ(d.pixels[0], (std::array<unsigned char, 4>{0x33, 0x66, 0x99, 255}));
    // (64 * 255 + 64) / 128 = 128, (32 * 255 + 64) / 128 = 64, (16 * 255 + 64) / 128 = 32
    EXPECT_EQ(d.pixels[1], (std::array<unsigned char, 4>{128, 64, 32, 128}));
    EXPECT_EQ(d.pixels[2], (std::array<unsigned char, 4>{0, 0, 0, 0}));
}

// Noise does not compress: its 1.2 MB of deflate output spans several IDAT chunks.
TEST(Png, LargeNoisyRasterSpansIdatChunksAndRoundTrips) {
    const std::uint32_t w = 700, h = 600;
    TestRaster t(w, h, std::size_t{w} * 4);
    std::mt19937 random(7);
    std::vector<std::uint32_t> expected;
    for (std::uint32_t y = 0; y < h; ++y)
        for (std::uint32_t x = 0; x < w; ++x) {
            std::uint32_t argb = 0xff000000u | (random() & 0xffffffu);
            t.set(x, y, argb);
            expected.push_back(argb);
        }
    std::string file = encode_png(t.raster());
    std::size_t idat = 0;
    for (std::size_t at = file.find("IDAT"); at != std::string::npos;
         at = file.find("IDAT", at + 4))
        ++idat;
    EXPECT_GE(idat, 4u);
    Decoded d = decode(file);
    ASSERT_TRUE(d.ok) << d.error;
    ASSERT_EQ(d.pixels.size(), expected.size());
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
        if (d.pixels[i][0] != ((expected[i] >> 16) & 0xff) ||
            d.pixels[i][1] != ((expected[i] >> 8) & 0xff) || d.pixels[i][2] != (expected[i] & 0xff))
            ++wrong;
    EXPECT_EQ(wrong, 0u);
}

TEST(Png, EmptyRasterIsRefused) {
    TestRaster t(0, 0, 0);
    EXPECT_THROW(encode_png(t.raster()), viz::RenderError);
    TestRaster narrow(4, 1, 8);  // a stride shorter than a row
    EXPECT_THROW(encode_png(narrow.raster()), viz::RenderError);
}

// A diagram's PNG decodes, has the size of the drawing and shows it: several colours
// (the blue boxes of countries, black text) on the white background.
TEST(Png, DiagramDecodesAndIsNotBlank) {
    TempDir dir;
    auto db = (dir / "small.db").string();
    auto r = run_diplograph(
        {"--db", db, "--quiet", "import", test_data("viz/data/small.jsonl").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto out = (dir / "small.png").string();
    r = run_diplograph({"--db", db, "export", "--format", "png", "-o", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    Decoded d = decode(read_file(out));
    ASSERT_TRUE(d.ok) << d.error;
    EXPECT_GT(d.width, 200u);
    EXPECT_GT(d.height, 100u);
    EXPECT_LT(d.width, 5000u);
    std::size_t white = 0;
    std::set<std::array<unsigned char, 4>> colours;
    for (const auto& p : d.pixels) {
        if (p == std::array<unsigned char, 4>{255, 255, 255, 255})
            ++white;
        colours.insert(p);
    }
    EXPECT_GT(white, d.pixels.size() / 2);     // a diagram on white paper…
    EXPECT_LT(white, d.pixels.size() - 1000);  // …with something drawn on it
    EXPECT_GT(colours.size(), 10u);
}

//! DOT of `nodes` points laid out by "nop" (no layout: the positions given, in points) across
//! a 720 x 360-point area, with an HTML caption.
std::string points(int nodes) {
    std::string dot =
        "graph g { graph [label=<<B>test</B><BR ALIGN=\"LEFT\"/>>, pad=0];\n"
        "node [shape=point, width=0.01, label=\"\"];\n";
    for (int i = 0; i < nodes; ++i)
        dot += fmt::format("n{} [pos=\"{},{}\"];\n", i, (i * 37) % 721, (i * 11) % 361);
    dot += "n0 [pos=\"0,0\"]; n1 [pos=\"720,360\"];\n}\n";
    return dot;
}

// Above 1,000 nodes a PNG is drawn at 72 dpi, not 96: one pixel a point.
TEST(Png, LargeGraphsAreDrawnAt72Dpi) {
    Decoded small = decode(viz::render(points(1000), viz::Format::png, "nop"));
    Decoded large = decode(viz::render(points(1001), viz::Format::png, "nop"));
    ASSERT_TRUE(small.ok) << small.error;
    ASSERT_TRUE(large.ok) << large.error;
    // 720 points and a point's width: 961 pixels at 96 dpi, 721 at 72.
    EXPECT_NEAR(small.width, 720 * 96 / 72, 4);
    EXPECT_NEAR(large.width, 720, 4);
    // The caption's extra line makes the large image taller than 360 points scaled alone.
    EXPECT_GT(large.height, small.height * 72 / 96 + 8);
}

}  // namespace

}  // namespace diplograph::test
