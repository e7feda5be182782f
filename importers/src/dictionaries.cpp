#include <diplograph/importers/dictionaries.hpp>

#include "tsv.hpp"

#include <diplograph/graph/fold.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <tuple>

#ifndef DIPLOGRAPH_INSTALL_DATA_DIR
#define DIPLOGRAPH_INSTALL_DATA_DIR ""
#endif
#ifndef DIPLOGRAPH_SOURCE_DATA_DIR
#define DIPLOGRAPH_SOURCE_DATA_DIR ""
#endif

namespace diplograph {

namespace {

std::vector<std::string> split_bar(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        auto bar = text.find('|', start);
        auto part = text.substr(start, bar - start);
        if (!part.empty())
            out.push_back(part);
        if (bar == std::string::npos)
            break;
        start = bar + 1;
    }
    return out;
}

std::optional<NameKind> name_kind(std::string_view k) {
    if (k == "name")
        return NameKind::name;
    if (k == "adj")
        return NameKind::adj;
    if (k == "capital")
        return NameKind::capital;
    if (k == "seat")
        return NameKind::seat;
    if (k == "acronym")
        return NameKind::acronym;
    if (k == "surname")
        return NameKind::surname;
    if (k == "epithet")
        return NameKind::epithet;
    return std::nullopt;
}

bool is_code(std::string_view s) {
    return s.size() == 3 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::filesystem::path Dictionaries::default_data_dir() {
    if (const char* env = std::getenv("DIPLOGRAPH_DATA"); env && *env)
        return env;
    for (const char* dir : {DIPLOGRAPH_INSTALL_DATA_DIR, DIPLOGRAPH_SOURCE_DATA_DIR}) {
        if (*dir && std::filesystem::exists(std::filesystem::path(dir) / "iso3166.tsv"))
            return dir;
    }
    return DIPLOGRAPH_SOURCE_DATA_DIR;
}

Dictionaries Dictionaries::load(const std::filesystem::path& data_dir,
                                const std::vector<std::filesystem::path>& extra) {
    Dictionaries d;
    if (!std::filesystem::is_directory(data_dir))
        throw DictionaryError(
            data_dir.string() +
            ": no such data directory; set DIPLOGRAPH_DATA to diplograph's data/");
    // Countries first: the other files refer to their codes.
    for (const char* name :
         {"iso3166.tsv", "countries.tsv", "organizations.tsv", "people.tsv", "roles.tsv"}) {
        auto file = data_dir / name;
        if (std::filesystem::exists(file))
            d.add_file(file);
    }
    std::error_code ec;
    auto lang_dir = data_dir / "lang";
    if (std::filesystem::is_directory(lang_dir, ec)) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(lang_dir, ec))
            if (entry.path().filename() == "titles.tsv")
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files)
            d.add_file(f);
    }
    for (const auto& file : extra)
        d.add_file(file);
    return d;
}

Entity& Dictionaries::upsert(const std::string& id, EntityKind kind, const std::string& name) {
    auto [it, fresh] = entities_.try_emplace(id);
    if (fresh) {
        it->second.id = id;
        it->second.kind = kind;
        it->second.name = name;
    }
    return it->second;
}

void Dictionaries::add_name(Name name) {
    auto it = entities_.find(name.entity);
    if (it != entities_.end()) {
        auto& aliases = it->second.aliases;
        if (name.text != it->second.name &&
            std::none_of(aliases.begin(), aliases.end(), [&](const Alias& a) {
                return a.text == name.text && a.lang == name.lang;
            }))
            aliases.push_back({name.text, name.lang});
        if (it->second.kind == EntityKind::person && name.kind != NameKind::surname)
            person_names_.try_emplace(fold(name.text), name.entity);
        if (it->second.kind == EntityKind::organization && name.kind == NameKind::acronym)
            org_acronyms_.try_emplace(fold(name.text), name.entity);
    }
    names_.push_back(std::move(name));
}

void Dictionaries::add_role(Role role) {
    roles_by_person_[role.person].push_back(roles_.size());
    roles_.push_back(std::move(role));
}
void Dictionaries::add_title(Title title) {
    titles_.push_back(std::move(title));
}
void Dictionaries::add_member(const std::string& org, const std::string& country) {
    members_[org].push_back(country);
}

std::vector<std::string> Dictionaries::add_file(const std::filesystem::path& file) {
    const std::string fname = file.filename().string();
    const std::string where = file.string();
    if (file.extension() == ".txt") {
        auto problems = read_cameo_actors(file, *this);
        warnings_.insert(warnings_.end(), problems.begin(), problems.end());
        return problems;
    }
    auto need_country = [&](const std::string& code, int line, std::string_view what) {
        if (!country(code))
            throw DictionaryError(fmt::format("{}: line {}: {} \"{}\": no such country code{}",
                                              where, line, what, code, suggest_country(code)));
    };
    if (fname.find("iso3166") != std::string::npos) {
        tsv::read(file, {4, 2}, [&](const std::vector<std::string>& f, int line) {
            if (!is_code(f[0]))
                throw DictionaryError(fmt::format(
                    "{}: line {}: \"{}\" is not an ISO 3166-1 alpha-3 code", where, line, f[0]));
            if (f[3].empty())
                throw DictionaryError(
                    fmt::format("{}: line {}: {}: empty name", where, line, f[0]));
            upsert(f[0], EntityKind::country, f[2] == "en" ? f[3] : f[0]);
            auto& e = entities_.at(f[0]);
            if (e.name == e.id && f[2] == "en")
                e.name = f[3];
            add_name({f[3], f[2], NameKind::name, f[0]});
        });
    } else if (fname.find("countries") != std::string::npos) {
        tsv::read(file, {4, 2}, [&](const std::vector<std::string>& f, int line) {
            if (!is_code(f[0]))
                throw DictionaryError(fmt::format(
                    "{}: line {}: \"{}\" is not an ISO 3166-1 alpha-3 code", where, line, f[0]));
            // "naming family-first": people of this country put the family name first (Xi
            // Jinping is "Xi" when named again).
            if (f[2] == "naming") {
                if (f[3] != "family-first")
                    throw DictionaryError(fmt::format(
                        "{}: line {}: naming \"{}\": expected family-first", where, line, f[3]));
                upsert(f[0], EntityKind::country, f[0]);
                family_first_.insert(f[0]);
                return;
            }
            auto kind = name_kind(f[2]);
            if (!kind)
                throw DictionaryError(
                    fmt::format("{}: line {}: kind \"{}\": expected name, adj, capital, seat, "
                                "epithet or naming",
                                where, line, f[2]));
            if (f[3].empty())
                throw DictionaryError(
                    fmt::format("{}: line {}: {}: empty text", where, line, f[0]));
            auto& e = upsert(f[0], EntityKind::country, f[0]);
            // The first English name of countries.tsv is the display name ("Russia", not
            // iso-codes' "Russian Federation", which stays an alias).
            if (f[1] == "en" && *kind == NameKind::name && display_named_.insert(f[0]).second) {
                if (e.name != f[0] && e.name != f[3])
                    e.aliases.push_back({e.name, "en"});
                e.name = f[3];
                std::erase_if(e.aliases.edit(),
                              [&](const Alias& a) { return a.text == f[3] && a.lang == "en"; });
            }
            add_name({f[3], f[1], *kind, f[0]});
        });
    } else if (fname.find("organi") != std::string::npos) {
        tsv::read(file, {4, 2}, [&](const std::vector<std::string>& f, int line) {
            if (f[0].empty())
                throw DictionaryError(fmt::format("{}: line {}: empty acronym", where, line));
            std::string id = "org/" + f[0];
            if (f[2] == "member") {
                need_country(f[3], line, "member");
                upsert(id, EntityKind::organization, f[0]);
                add_member(id, f[3]);
                return;
            }
            if (f[2] == "forum") {
                upsert(id, EntityKind::organization, f[0]);
                forums_.insert(id);
                return;
            }
            auto kind = name_kind(f[2]);
            if (!kind)
                throw DictionaryError(
                    fmt::format("{}: line {}: kind \"{}\": expected name, acronym, member or forum",
                                where, line, f[2]));
            auto& e = upsert(id, EntityKind::organization, f[0]);
            if (e.name == f[0] && f[1] == "en" && *kind == NameKind::name)
                e.name = f[3];
            if (org_acronyms_.find(fold(f[0])) == org_acronyms_.end())
                add_name({f[0], "*", NameKind::acronym, id});
            add_name({f[3], f[1], *kind, id});
        });
    } else if (fname.find("people") != std::string::npos) {
        tsv::read(file, {4, 2}, [&](const std::vector<std::string>& f, int line) {
            if (f[0].empty() || slugify(f[0]) != f[0])
                throw DictionaryError(fmt::format(
                    "{}: line {}: slug \"{}\": use lower-case ASCII words joined by '-' (\"{}\")",
                    where, line, f[0], slugify(f[1])));
            if (!f[2].empty())
                need_country(f[2], line, "country");
            std::string id = "person/" + f[0];
            auto& e = upsert(id, EntityKind::person, f[1]);
            e.country = f[2];
            add_name({f[1], "*", NameKind::name, id});
            for (const auto& alias : split_bar(f[3])) {
                bool single = alias.find(' ') == std::string::npos;
                add_name({alias, "*", single ? NameKind::surname : NameKind::name, id});
            }
        });
    } else if (fname.find("roles") != std::string::npos) {
        tsv::read(file, {5, 2}, [&](const std::vector<std::string>& f, int line) {
            std::string person = "person/" + f[0];
            if (!entity(person))
                throw DictionaryError(fmt::format("{}: line {}: person \"{}\" is not in people.tsv",
                                                  where, line, f[0]));
            std::string of = f[2];
            if (is_code(of) && country(of)) {
            } else if (const Entity* org = organization(of)) {
                of = org->id;
            } else {
                throw DictionaryError(fmt::format(
                    "{}: line {}: role \"{}\" of \"{}\": no such country code or organisation{}",
                    where, line, f[1], f[2], suggest_country(f[2])));
            }
            Role r{person, f[1], of, {}, {}, std::nullopt};
            for (auto [text, date] : {std::pair{&f[3], &r.from}, std::pair{&f[4], &r.to}}) {
                if (text->empty())
                    continue;
                auto d = Date::parse(*text);
                if (!d)
                    throw DictionaryError(fmt::format(
                        "{}: line {}: date \"{}\": expected YYYY, YYYY-MM or YYYY-MM-DD", where,
                        line, *text));
                *date = *d;
            }
            add_role(std::move(r));
        });
    } else if (fname.find("titles") != std::string::npos) {
        // data/lang/<xx>/titles.tsv: the language is the folder's name.
        std::string lang = file.parent_path().filename().string();
        if (lang.size() < 2 || lang.size() > 3)
            lang = "*";
        tsv::read(file, {2, 2}, [&](const std::vector<std::string>& f, int line) {
            if (f[0].empty() || f[1].empty())
                throw DictionaryError(
                    fmt::format("{}: line {}: expected a role and a phrase", where, line));
            add_title({lang, f[1], f[0]});
        });
    } else {
        throw DictionaryError(where +
                              ": unknown kind of dictionary; name it *countries*.tsv, "
                              "*organizations*.tsv, *people*.tsv, *roles*.tsv, *titles*.tsv or "
                              "*.txt (a TABARI/PETRARCH actor dictionary)");
    }
    return {};
}

const Entity* Dictionaries::entity(const std::string& id) const {
    auto it = entities_.find(id);
    return it == entities_.end() ? nullptr : &it->second;
}

const Entity* Dictionaries::country(std::string_view code) const {
    auto it = entities_.find(std::string(code));
    if (it == entities_.end() || it->second.kind != EntityKind::country)
        return nullptr;
    return &it->second;
}

const Entity* Dictionaries::organization(std::string_view acronym) const {
    std::string id =
        acronym.rfind("org/", 0) == 0 ? std::string(acronym) : "org/" + std::string(acronym);
    if (auto* e = entity(id))
        return e;
    auto it = org_acronyms_.find(fold(acronym));
    return it == org_acronyms_.end() ? nullptr : entity(it->second);
}

const Entity* Dictionaries::person_by_name(std::string_view name) const {
    auto it = person_names_.find(fold(name));
    return it == person_names_.end() ? nullptr : entity(it->second);
}

std::string Dictionaries::suggest_country(std::string_view code) const {
    std::string upper(code);
    for (auto& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // The closest code by edit distance (at most 1); ties go to the longest common prefix
    // ("RUX" → RUS rather than LUX), then to alphabetical order.
    std::tuple<std::size_t, std::size_t, std::string> best{2, 0, ""};
    for (const auto& [id, e] : entities_) {
        if (e.kind != EntityKind::country)
            continue;
        std::size_t d = edit_distance(upper, id);
        std::size_t prefix = 0;
        while (prefix < id.size() && prefix < upper.size() && id[prefix] == upper[prefix])
            ++prefix;
        std::tuple<std::size_t, std::size_t, std::string> candidate{d, 3 - prefix, id};
        if (d < 2 && candidate < best)
            best = candidate;
    }
    const std::string& id = std::get<2>(best);
    return id.empty() ? std::string() : " (did you mean " + id + "?)";
}

std::vector<Role> Dictionaries::roles_of(const std::string& person) const {
    std::vector<Role> out;
    auto it = roles_by_person_.find(person);
    if (it == roles_by_person_.end())
        return out;
    out.reserve(it->second.size());
    for (std::size_t i : it->second)
        out.push_back(roles_[i]);
    std::sort(out.begin(), out.end(), [](const Role& a, const Role& b) { return a.from < b.from; });
    return out;
}

const Entity* Dictionaries::holder(std::string_view title, std::string_view of,
                                   const Date& date) const {
    const Role* best = nullptr;
    for (const auto& r : roles_) {
        if (r.title != title || r.of != of)
            continue;
        // A partial date bounds by its first day (from) or its last (to).
        Date from = r.from;
        Date to = r.to;
        if (from.valid() &&
            date < Date{from.year, from.month ? from.month : 1, from.day ? from.day : 1})
            continue;
        if (to.valid()) {
            Date end{to.year, to.month ? to.month : 12,
                     to.day ? to.day : days_in_month(to.year, to.month ? to.month : 12)};
            if (end < date)
                continue;
        }
        if (!best || best->from < r.from)
            best = &r;  // the latest start wins an overlap
    }
    return best ? entity(best->person) : nullptr;
}

bool Dictionaries::forum(std::string_view org) const {
    return forums_.count(std::string(org)) > 0;
}

bool Dictionaries::family_name_first(std::string_view country) const {
    return family_first_.count(std::string(country)) > 0;
}

std::vector<std::string> Dictionaries::members(const std::string& org) const {
    auto it = members_.find(org);
    return it == members_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace diplograph
