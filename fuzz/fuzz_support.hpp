// What the fuzz targets share: the dictionaries of data/, loaded once per process.
#pragma once

#include <diplograph/importers/dictionaries.hpp>
#include <diplograph/importers/importer.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace diplograph::fuzz {

inline const Dictionaries& dictionaries() {
    static const Dictionaries d = [] {
        register_builtin_importers();
        return Dictionaries::load(DIPLOGRAPH_FUZZ_DATA_DIR);
    }();
    return d;
}

inline std::string text(const uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace diplograph::fuzz
