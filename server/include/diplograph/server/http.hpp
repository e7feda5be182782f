// A small HTTP server for `diplograph serve`: GET routes answered by functions, the page's files
// compiled into the binary, and the headers that keep a local page safe (a Content-Security-
// Policy without inline scripts, no sniffing, no referrer, the Host checked against DNS
// rebinding). cpp-httplib does the work; its types stay in the .cpp.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diplograph::server {

struct Request {
    std::string path;                   //!< decoded, without the query
    std::vector<std::string> captures;  //!< the route pattern's groups, decoded
    //! The query's parameters in their order, decoded ("type=MEET&type=VISIT" gives two).
    std::vector<std::pair<std::string, std::string>> params;

    //! The last value of a parameter, nullopt when absent.
    std::optional<std::string> param(std::string_view name) const;
    //! Every value of a parameter, each split at commas ("type=MEET,VISIT").
    std::vector<std::string> list(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

using Handler = std::function<Response(const Request&)>;

//! One file of the page, compiled into the binary (server/CMakeLists.txt, from web/).
struct Asset {
    std::string_view path;  //!< "/" for index.html, "/app.js", "/lib/cytoscape.min.js"…
    std::string_view content_type;
    std::string_view body;
};
std::span<const Asset> assets();

//! The Content-Security-Policy of every answer: scripts, styles and connections from the
//! server itself only, no inline script, no plug-in, no frame, no form.
extern const char* const kContentSecurityPolicy;

class HttpServer {
  public:
    HttpServer();
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    //! Answers GET requests whose path matches `pattern` (an ECMAScript regular expression of
    //! the whole path); its groups become Request::captures. Routes are tried in order, then
    //! the assets. A handler's exception becomes a 500 with {"error": what()}.
    void get(const std::string& pattern, Handler handler);

    //! Binds to host:port (0: a free port chosen by the system) and returns the port. Throws
    //! std::runtime_error "cannot listen on HOST:PORT: …". On a loopback address, requests
    //! must name it (or localhost) in their Host header, so that a page of another site cannot
    //! reach the server through a DNS name pointing to 127.0.0.1.
    int bind(const std::string& host, int port);
    //! Serves until stop() (from another thread or a signal handler's thread).
    void listen();
    void stop();

    //! Called after each request with its method, target, status and milliseconds taken.
    void on_log(std::function<void(const std::string& line)> log);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

//! Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& host);

}  // namespace diplograph::server
