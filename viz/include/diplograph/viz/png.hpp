// The PNG writer of the diagrams: Graphviz's cairo renderer draws into a raster, and this
// encodes it (Graphviz's own PNG output compresses at libpng's default level with adaptive
// filters, which took half the time of a 2,000-actor diagram).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace diplograph::viz {

//! A raster in cairo's ARGB32 format: each pixel a native-endian 32-bit word, alpha in the
//! top byte, colours premultiplied by alpha; `stride` bytes from one row to the next.
struct Raster {
    const unsigned char* pixels = nullptr;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::size_t stride = 0;
};

//! The PNG file of `raster` (8 bits a channel; RGB when every pixel is opaque, else RGBA with
//! the colours divided back by alpha, as cairo writes them), compressed at zlib level 1.
//! Throws RenderError for an empty raster or a zlib failure.
std::string encode_png(const Raster& raster);

}  // namespace diplograph::viz
