// Readers of articles: plain text, HTML (gumbo), JSON and JSON Lines (RapidJSON); the three
// importers that hand them to the text pipeline.
#include <diplograph/importers/text.hpp>

#include "../json.hpp"

#include <fmt/format.h>
#include <gumbo.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <unordered_map>

namespace diplograph {

namespace {

// Refuses what is not an article's text: too big, binary, not UTF-8. Drops a BOM.
std::string_view checked_text(const Input& input) {
    std::string_view text = input.content;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    if (text.size() > kMaxArticleBytes)
        throw ArticleError(
            fmt::format("{}: {} bytes: too large for one article (at most {} MB); "
                        "split it into articles",
                        input.name, text.size(), kMaxArticleBytes >> 20));
    if (auto nul = text.find('\0'); nul != std::string_view::npos)
        throw ArticleError(fmt::format("{}: byte {}: NUL byte: a binary file, not an article",
                                       input.name, nul + 1));
    if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos)
        throw ArticleError(
            fmt::format("{}: byte {}: invalid UTF-8 (0x{:02X}); convert the file "
                        "to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
                        input.name, bad + 1, static_cast<unsigned char>(text[bad])));
    return text;
}

std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos)
        return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

bool has_words(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
}

// "2025-11-19T10:00:00+01:00" → "2025-11-19"; "" when it is not a date.
std::string iso_day(std::string_view s) {
    auto t = trim(s);
    if (t.size() >= 10 && Date::parse(std::string_view(t).substr(0, 10)))
        return t.substr(0, 10);
    return {};
}

// ---- HTML ----

// Gumbo's time grows with the number of elements times the depth of the open ones (each start
// tag looks through the stack of open elements), and each parse error copied that stack: 20,000
// unclosed <div> (100 KB) took 14 s and 3 GB, 100,000 nested ones 90 s (issue 14). A page is
// measured before it is parsed, by the tags it writes, and refused past these limits (a news
// page has a few thousand elements, nested a few dozen deep).
constexpr std::size_t kMaxHtmlElements = 100'000;
constexpr std::size_t kMaxHtmlDepth = 1'000;

bool ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never hold others (void), or that the parser closes by itself when the next
// one of their kind (or a block) starts: neither deepens the tree however many are left open.
bool never_nests(std::string_view name) {
    return one_of(
        name, {"area",  "base",  "br",       "col",     "embed",    "hr",     "img",      "input",
               "link",  "meta",  "param",    "source",  "track",    "wbr",    "p",        "li",
               "dt",    "dd",    "tr",       "td",      "th",       "option", "optgroup", "thead",
               "tbody", "tfoot", "colgroup", "caption", "rb",       "rt",     "rp",       "html",
               "head",  "body",  "frame",    "keygen",  "basefont", "bgsound"});
}

// Counts the start tags of a page and follows, as a parser would, the elements left open
// (an end tag closes its element and those opened inside it; one without an open element is
// ignored); the contents of script, style, textarea, title and comments are skipped. Throws
// ArticleError past kMaxHtmlElements elements or kMaxHtmlDepth open ones. Linear: an element
// is pushed and popped once.
void check_html_shape(std::string_view text, const std::string& name) {
    std::vector<std::string> open;
    std::unordered_map<std::string, std::size_t> open_count;
    std::size_t elements = 0;
    int foreign = 0;  // open <svg> and <math>, inside which "/>" closes an element
    std::size_t i = 0;
    while ((i = text.find('<', i)) != std::string_view::npos) {
        std::size_t at = i;
        if (text.substr(i, 4) == "<!--") {
            auto end = text.find("-->", i + 4);
            i = end == std::string_view::npos ? text.size() : end + 3;
            continue;
        }
        bool closing = i + 1 < text.size() && text[i + 1] == '/';
        std::size_t b = i + (closing ? 2 : 1);
        if (b >= text.size() || !ascii_alpha(text[b])) {
            ++i;
            continue;
        }
        std::size_t e = b;
        while (e < text.size() && text[e] != '>' && text[e] != '/' && text[e] != ' ' &&
               text[e] != '\t' && text[e] != '\n' && text[e] != '\r' && text[e] != '\f')
            ++e;
        std::string tag = lower_ascii(text.substr(b, e - b));
        auto gt = text.find('>', e);
        if (gt == std::string_view::npos)
            break;
        i = gt + 1;
        if (closing) {
            auto it = open_count.find(tag);
            if (it == open_count.end() || it->second == 0)
                continue;
            while (!open.empty()) {
                std::string top = std::move(open.back());
                open.pop_back();
                --open_count[top];
                if (top == "svg" || top == "math")
                    --foreign;
                if (top == tag)
                    break;
            }
            continue;
        }
        if (++elements > kMaxHtmlElements)
            throw ArticleError(
                fmt::format("{}: byte {}: more than {} HTML elements: too large "
                            "for one article; split it into articles",
                            name, at + 1, kMaxHtmlElements));
        if (one_of(tag, {"script", "style", "textarea", "title", "xmp", "noembed", "noframes",
                         "iframe"})) {
            // Raw text up to the end tag: what looks like tags in it is not.
            std::string end_tag = "</" + tag;
            std::size_t j = i;
            for (;;) {
                j = text.find("</", j);
                if (j == std::string_view::npos ||
                    lower_ascii(text.substr(j, end_tag.size())) == end_tag)
                    break;
                j += 2;
            }
            i = j == std::string_view::npos ? text.size() : j;
            continue;
        }
        if (text[gt - 1] == '/' && foreign > 0)
            continue;
        if (never_nests(tag))
            continue;
        if (tag == "svg" || tag == "math")
            ++foreign;
        open.push_back(tag);
        ++open_count[tag];
        if (open.size() > kMaxHtmlDepth)
            throw ArticleError(
                fmt::format("{}: byte {}: HTML elements nested more than {} deep "
                            "(<{}> and the elements it is in are not closed); "
                            "not an article diplograph reads",
                            name, at + 1, kMaxHtmlDepth, tag));
    }
}

// The text under a node, in document order (an explicit stack: no recursion on deep trees).
void collect_text(const GumboNode* root, std::string& out) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
            out += node->v.text.text;
            continue;
        }
        if (node->type != GUMBO_NODE_ELEMENT)
            continue;
        auto tag = node->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE)
            continue;
        if (tag == GUMBO_TAG_BR)
            out += ' ';
        const GumboVector& children = node->v.element.children;
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
}

std::string squeeze(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

const char* attr(const GumboNode* node, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : nullptr;
}

struct HtmlWalk {
    std::string title, h1, og_title, published, lang;
    std::vector<std::string> article_paragraphs, paragraphs;

    struct Frame {
        const GumboNode* node;
        bool in_article, in_chrome;
    };

    // Pre-order, with an explicit stack: children are pushed last first.
    void walk(const GumboNode* root) {
        std::vector<Frame> stack{{root, false, false}};
        while (!stack.empty()) {
            Frame f = stack.back();
            stack.pop_back();
            visit(f, stack);
        }
    }

    void visit(const Frame& f, std::vector<Frame>& stack) {
        const GumboNode* node = f.node;
        if (node->type != GUMBO_NODE_ELEMENT)
            return;
        auto tag = node->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT)
            return;
        if (tag == GUMBO_TAG_HTML) {
            if (const char* l = attr(node, "lang"))
                lang = std::string(l).substr(0, 2);
        }
        if (tag == GUMBO_TAG_TITLE && title.empty()) {
            collect_text(node, title);
            title = squeeze(title);
            return;
        }
        if (tag == GUMBO_TAG_META) {
            const char* key = attr(node, "property");
            if (!key)
                key = attr(node, "name");
            if (!key)
                key = attr(node, "itemprop");
            const char* content = attr(node, "content");
            if (key && content) {
                std::string k = key;
                std::transform(k.begin(), k.end(), k.begin(),
                               [](unsigned char c) { return std::tolower(c); });
                if (k == "og:title")
                    og_title = content;
                static const char* kDateKeys[] = {"article:published_time",
                                                  "og:published_time",
                                                  "og:article:published_time",
                                                  "datepublished",
                                                  "date",
                                                  "pubdate",
                                                  "publishdate",
                                                  "dc.date",
                                                  "dc.date.issued",
                                                  "dcterms.date",
                                                  "sailthru.date"};
                if (published.empty() && std::any_of(std::begin(kDateKeys), std::end(kDateKeys),
                                                     [&](const char* d) { return k == d; }))
                    published = iso_day(content);
            }
            return;
        }
        if (tag == GUMBO_TAG_TIME && published.empty()) {
            if (const char* dt = attr(node, "datetime"))
                published = iso_day(dt);
        }
        bool chrome = f.in_chrome || tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER ||
                      tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FORM;
        bool article = f.in_article || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
        if (tag == GUMBO_TAG_H1 && h1.empty()) {
            collect_text(node, h1);
            h1 = squeeze(h1);
            return;
        }
        if (tag == GUMBO_TAG_P && !chrome) {
            std::string text;
            collect_text(node, text);
            text = squeeze(text);
            if (has_words(text))
                (article ? article_paragraphs : paragraphs).push_back(text);
            return;
        }
        const GumboVector& children = node->v.element.children;
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back({static_cast<const GumboNode*>(children.data[i]), article, chrome});
    }
};

// ---- JSON ----

std::string json_string(const rapidjson::Value& obj, const char* key) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || !it->value.IsString())
        return {};
    return {it->value.GetString(), it->value.GetStringLength()};
}

void json_article(std::string_view record, const std::string& where, const std::string& name,
                  std::vector<Article>& out, std::vector<Problem>& problems) {
    rapidjson::Document doc;
    std::string error;
    if (!json::parse(doc, record, error)) {
        problems.push_back({fmt::format("{}: {}", where, error)});
        return;
    }
    auto one = [&](const rapidjson::Value& v, const std::string& at) {
        if (!v.IsObject()) {
            problems.push_back({at + ": expected a JSON object with \"title\" and \"text\""});
            return;
        }
        Article a;
        a.name = name;
        a.title = trim(json_string(v, "title"));
        std::string body = json_string(v, "text");
        if (body.empty())
            body = json_string(v, "body");
        if (!has_words(body)) {
            problems.push_back({at + ": article without text (give it a \"text\" or \"body\")"});
            return;
        }
        a.url = json_string(v, "url");
        a.published = iso_day(json_string(v, "published"));
        a.lang = json_string(v, "lang");
        a.outlet = json_string(v, "outlet");
        a.text = a.title.empty() ? body : a.title + "\n\n" + body;
        out.push_back(std::move(a));
    };
    if (doc.IsArray()) {
        for (rapidjson::SizeType i = 0; i < doc.Size(); ++i)
            one(doc[i], fmt::format("{}: record {}", where, i + 1));
    } else {
        one(doc, where);
    }
}

ReadResult run_pipeline(std::vector<Article> articles, std::vector<Problem> problems,
                        const ImportContext& ctx) {
    ReadResult out;
    out.problems = std::move(problems);
    for (auto& a : articles) {
        try {
            out.batches.push_back(extract_article(a, ctx.dictionaries, ctx.options));
        } catch (const ArticleError& e) {
            out.problems.push_back({e.what()});
        }
    }
    return out;
}

}  // namespace

Article read_text_article(const Input& input) {
    std::string_view text = checked_text(input);
    if (!has_words(text))
        throw ArticleError(input.name + ": no text: an empty article");
    Article a;
    a.name = input.name;
    a.text = std::string(text);
    auto nl = text.find('\n');
    a.title = trim(text.substr(
        0, nl == std::string_view::npos ? std::min<std::size_t>(text.size(), 300) : nl));
    return a;
}

Article read_html_article(const Input& input) {
    std::string_view text = checked_text(input);
    check_html_shape(text, input.name);
    // No parse errors kept: each copied the stack of open elements, and none is read.
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* output = gumbo_parse_with_options(&options, text.data(), text.size());
    HtmlWalk w;
    w.walk(output->root);
    gumbo_destroy_output(&options, output);
    const auto& paragraphs = w.article_paragraphs.empty() ? w.paragraphs : w.article_paragraphs;
    if (paragraphs.empty())
        throw ArticleError(input.name +
                           ": HTML page without article text (no <p> paragraphs in its body)");
    Article a;
    a.name = input.name;
    a.title = !w.h1.empty() ? w.h1 : !w.og_title.empty() ? w.og_title : w.title;
    a.published = w.published;
    if (w.lang == "fr" || w.lang == "en")
        a.lang = w.lang;
    if (!a.title.empty())
        a.text = a.title + "\n\n";
    for (const auto& p : paragraphs)
        a.text += p + "\n\n";
    return a;
}

std::vector<Article> read_json_articles(const Input& input, std::vector<Problem>& problems) {
    std::vector<Article> out;
    std::string_view text;
    try {
        text = checked_text(input);
    } catch (const ArticleError& e) {
        problems.push_back({e.what()});
        return out;
    }
    bool lines = input.name.ends_with(".jsonl") || input.name.ends_with(".ndjson");
    if (!lines) {
        rapidjson::Document doc;
        std::string error;
        json::parse(doc, text, error, &lines);
    }
    if (!lines) {
        json_article(text, input.name, input.name, out, problems);
        return out;
    }
    std::size_t start = 0;
    int number = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        ++number;
        auto line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos)
            json_article(line, fmt::format("{}: line {}", input.name, number), input.name, out,
                         problems);
        start = end + 1;
    }
    return out;
}

ReadResult TextImporter::read(const Input& input, const ImportContext& ctx) const {
    try {
        return run_pipeline({read_text_article(input)}, {}, ctx);
    } catch (const ArticleError& e) {
        ReadResult r;
        r.problems.push_back({e.what()});
        return r;
    }
}

ReadResult HtmlImporter::read(const Input& input, const ImportContext& ctx) const {
    try {
        return run_pipeline({read_html_article(input)}, {}, ctx);
    } catch (const ArticleError& e) {
        ReadResult r;
        r.problems.push_back({e.what()});
        return r;
    }
}

ReadResult JsonArticleImporter::read(const Input& input, const ImportContext& ctx) const {
    std::vector<Problem> problems;
    auto articles = read_json_articles(input, problems);
    return run_pipeline(std::move(articles), std::move(problems), ctx);
}

void register_text_importers() {
    auto& r = ImporterRegistry::instance();
    r.add("text", [] { return std::make_unique<TextImporter>(); });
    r.add("html", [] { return std::make_unique<HtmlImporter>(); });
    r.add("json-article", [] { return std::make_unique<JsonArticleImporter>(); });
}

}  // namespace diplograph
