// diplograph extract FILE [--json] : one article's entities and events, nothing stored.
#include "common.hpp"

#include <diplograph/importers/codes.hpp>
#include <diplograph/importers/findings.hpp>
#include <diplograph/importers/text.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace diplograph::cli {

namespace {

struct Options {
    std::string file;
    std::string lang = "auto";
    std::string published;
    std::vector<std::string> dicts;
};

std::string read_input(const std::string& path) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw CommandError(Exit::bad_input, path + ": no such file");
    if (std::filesystem::is_directory(path, ec))
        throw CommandError(Exit::bad_input,
                           path + ": is a directory (extract reads one article; use import)");
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxArticleBytes + 3)
        throw CommandError(Exit::bad_input,
                           fmt::format("{}: {} bytes: too large for one article (at most {} MB)",
                                       path, size, kMaxArticleBytes >> 20));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CommandError(Exit::bad_input,
                           fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string names(const Batch& b, const Event& e, bool people) {
    std::string out;
    for (const auto& p : e.participants) {
        bool person = p.actor.rfind("person/", 0) == 0;
        if (person != people)
            continue;
        std::string name = p.actor;
        if (person)
            for (const auto& ent : b.entities)
                if (ent.id == p.actor)
                    name = ent.name;
        if (!person && p.role != ParticipantRole::participant && p.role != ParticipantRole::party)
            name += fmt::format(" ({})", to_string(p.role));
        out += (out.empty() ? "" : ", ") + name;
    }
    return out;
}

void print_table(const Batch& b) {
    fmt::print("{} ({}, published {})\n\n", b.source.title.empty() ? "(untitled)" : b.source.title,
               b.source.lang, b.source.published.empty() ? "unknown" : b.source.published);
    Table entities({"id", "kind", "name", "country"});
    for (const auto& e : b.entities)
        entities.add({e.id, std::string(to_string(e.kind)), e.name, e.country});
    fmt::print("{}\n", entities.size() ? entities.render() : "no entities\n");
    if (b.events.empty()) {
        fmt::print("no events\n");
        return;
    }
    for (std::size_t i = 0; i < b.events.size(); ++i) {
        const Event& e = b.events[i];
        fmt::print("{}. {}{} [{}] {}{}\n", i + 1, to_string(e.type),
                   e.subtype.empty() ? "" : "/" + e.subtype, to_string(e.status),
                   names(b, e, false), e.date.known() ? ", " + e.date.to_string() : "");
        if (auto people = names(b, e, true); !people.empty())
            fmt::print("   people: {}\n", people);
        if (!e.cameo.empty())
            fmt::print("   codes: CAMEO {}{}{}\n", e.cameo,
                       e.plover.empty() ? ""
                                        : " · PLOVER " + e.plover +
                                              (e.plover_mode.empty() ? "" : "/" + e.plover_mode),
                       e.goldstein ? fmt::format(" · Goldstein {:.1f}", *e.goldstein) : "");
        for (const auto& ev : e.evidence)
            fmt::print("   sentence {} (bytes {}-{}, rule {}, confidence {:.2f}): {}\n",
                       ev.sentence, ev.begin, ev.end, ev.rule, ev.confidence, ev.text);
    }
}

int run(const Globals& g, const Options& o) {
    const ImportOptions options = article_options(o.lang, o.published);
    Dictionaries dict = load_dictionaries(o.dicts);
    Input input{o.file, read_input(o.file)};
    std::string format = ImporterRegistry::instance().detect(input);
    std::vector<Batch> batches;
    try {
        if (format == "findings")
            throw ArticleError(o.file + ": a findings file, not an article (use import)");
        std::vector<Article> articles;
        if (format == "json-article") {
            std::vector<Problem> problems;
            articles = read_json_articles(input, problems);
            if (!problems.empty())
                throw ArticleError(problems.front().message);
        } else if (format == "html") {
            articles.push_back(read_html_article(input));
        } else {
            articles.push_back(read_text_article(input));
        }
        for (const auto& a : articles) {
            batches.push_back(extract_article(a, dict, options));
            assign_codes(batches.back());  // the codes `import` stores: CAMEO, PLOVER, Goldstein
        }
    } catch (const ArticleError& e) {
        throw CommandError(Exit::bad_input, e.what());
    }
    for (const auto& b : batches) {
        if (g.json)
            fmt::print("{}\n", to_findings_json(b));
        else if (!g.quiet)
            print_table(b);
    }
    return Exit::ok;
}

RegisterCommand reg{
    {15, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand(
             "extract",
             "Read one article (.txt, .html, .json) and print its findings; nothing "
             "is stored");
         cmd->add_option("file", o->file, "The article (- for stdin)")->required();
         cmd->add_option("--lang", o->lang, "Language: fr, en or auto")->capture_default_str();
         cmd->add_option("--published", o->published,
                         "Publication date, for relative dates and titles (YYYY-MM-DD)");
         cmd->add_option("--dict", o->dicts, "Extra dictionary file (repeatable)");
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
