#include <diplograph/importers/dictionaries.hpp>

namespace diplograph {

std::vector<std::string> read_cameo_actors(const std::filesystem::path& file, Dictionaries&) {
    return {file.string() + ": not read yet"};
}

}  // namespace diplograph
