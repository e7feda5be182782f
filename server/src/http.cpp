#include <diplograph/server/http.hpp>

#include <httplib.h>

#include <arpa/inet.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace diplograph::server {

const char* const kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

std::optional<std::string> Request::param(std::string_view name) const {
    std::optional<std::string> value;
    for (const auto& [k, v] : params)
        if (k == name)
            value = v;
    return value;
}

std::vector<std::string> Request::list(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : params) {
        if (k != name)
            continue;
        std::size_t start = 0;
        while (start <= v.size()) {
            std::size_t comma = v.find(',', start);
            if (comma == std::string::npos)
                comma = v.size();
            if (comma > start)
                out.push_back(v.substr(start, comma - start));
            start = comma + 1;
        }
    }
    return out;
}

bool is_loopback(const std::string& host) {
    if (host == "localhost" || host == "::1" || host == "[::1]")
        return true;
    in_addr address{};
    return inet_pton(AF_INET, host.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127;
}

namespace {

std::string json_error(std::string_view message) {
    std::string out = "{\"error\": \"";
    for (unsigned char c : message) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
            out += buffer;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"}";
}

}  // namespace

struct HttpServer::Impl {
    httplib::Server server;
    std::vector<std::string> allowed_hosts;  //!< empty: any Host header
    std::function<void(const std::string&)> log;
};

HttpServer::HttpServer() : impl_(std::make_unique<Impl>()) {
    auto& s = impl_->server;
    s.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                           {"X-Content-Type-Options", "nosniff"},
                           {"Referrer-Policy", "no-referrer"},
                           {"X-Frame-Options", "DENY"},
                           {"Cache-Control", "no-store"}});
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (req.method != "GET" && req.method != "HEAD") {
            res.status = 405;
            res.set_content(json_error("only GET: the server is read-only"),
                            "application/json; charset=utf-8");
            return httplib::Server::HandlerResponse::Handled;
        }
        const auto& allowed = impl_->allowed_hosts;
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(),
                                          req.get_header_value("Host")) == allowed.end()) {
            res.status = 421;
            res.set_content(json_error("this server answers requests for its loopback address "
                                       "only (Host: " +
                                       allowed.front() + ")"),
                            "application/json; charset=utf-8");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        if (impl_->log)
            impl_->log(req.method + " " + req.target + " " + std::to_string(res.status));
    });
    s.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
            std::string what = "internal error";
            try {
                std::rethrow_exception(error);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            res.status = 500;
            res.set_content(json_error(what), "application/json; charset=utf-8");
        });
}

HttpServer::~HttpServer() = default;

void HttpServer::get(const std::string& pattern, Handler handler) {
    impl_->server.Get(pattern, [handler = std::move(handler)](const httplib::Request& req,
                                                              httplib::Response& res) {
        Request request;
        request.path = req.path;
        for (std::size_t i = 1; i < req.matches.size(); ++i)
            request.captures.push_back(req.matches[i].str());
        for (const auto& [k, v] : req.params)
            request.params.emplace_back(k, v);
        Response response = handler(request);
        res.status = response.status;
        for (const auto& [name, value] : response.headers)
            res.set_header(name.c_str(), value);
        res.set_content(std::move(response.body), response.content_type.c_str());
    });
}

int HttpServer::bind(const std::string& host, int port) {
    auto& s = impl_->server;
    // The page's files, after the routes.
    s.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
        std::string path = req.path == "/index.html" ? "/" : req.path;
        for (const auto& a : assets())
            if (a.path == path) {
                res.set_content(std::string(a.body), std::string(a.content_type).c_str());
                return;
            }
        res.status = 404;
        res.set_content(json_error("no such page: " + req.path), "application/json; charset=utf-8");
    });
    int bound = port;
    if (port == 0) {
        bound = s.bind_to_any_port(host);
        if (bound < 0)
            bound = 0;
    } else if (!s.bind_to_port(host, port)) {
        bound = 0;
    }
    if (bound <= 0)
        throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                                 ": the address is in use or not this machine's; choose another "
                                 "--port or --host");
    impl_->allowed_hosts.clear();
    if (is_loopback(host)) {
        std::string p = ":" + std::to_string(bound);
        impl_->allowed_hosts = {
            (host.find(':') != std::string::npos && host.front() != '[' ? "[" + host + "]" : host) +
                p,
            "localhost" + p, "127.0.0.1" + p, "[::1]" + p};
    }
    return bound;
}

void HttpServer::listen() {
    impl_->server.listen_after_bind();
}

void HttpServer::stop() {
    impl_->server.stop();
}

void HttpServer::on_log(std::function<void(const std::string& line)> log) {
    impl_->log = std::move(log);
}

}  // namespace diplograph::server
