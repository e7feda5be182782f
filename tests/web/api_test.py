#!/usr/bin/env python3
"""The JSON API of `diplograph serve` (docs/api.md) against the command line's --json.

Builds the examples store (examples/, as `make run` does) in a temporary folder, starts the
server on a free port, and checks every endpoint under every filter against the answer of the
same command with --json, the errors (messages and HTTP codes), the budget's cut, the safety
headers, and that the store is never written.

    api_test.py DIPLOGRAPH_BINARY EXAMPLES_DIR
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
import http.client

BIN = None
EXAMPLES = None


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class Server:
    """A `diplograph serve` on a free port (--port 0: the first line names it)."""

    def __init__(self, db, *extra, env=None):
        self.proc = subprocess.Popen(
            [BIN, "--db", db, "serve", "--port", "0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=None if env is None else {**os.environ, **env})
        line = self.proc.stdout.readline()
        if not line.startswith("diplograph serve: http://"):
            self.proc.kill()
            raise RuntimeError("the server did not start: %r %r" % (line, self.proc.stderr.read()))
        self.url = line.split()[2].rstrip("/")
        self.host_port = self.url[len("http://"):]

    def get(self, path, headers=None, method="GET"):
        """(status, headers, body parsed as JSON when it is JSON)."""
        conn = http.client.HTTPConnection(self.host_port, timeout=30)
        conn.request(method, path, headers=headers or {})
        res = conn.getresponse()
        data = res.read()
        conn.close()
        body = data
        if res.getheader("Content-Type", "").startswith("application/json"):
            body = json.loads(data.decode("utf-8"))
        return res.status, res, body

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.proc.stdout.close()
        self.proc.stderr.close()


def cli(db, *args):
    r = subprocess.run([BIN, "--db", db, "--json", *args], capture_output=True, text=True)
    return r


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "examples.db")
        r = subprocess.run([BIN, "--db", cls.db, "import", EXAMPLES], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        cls.hash_before = sha256(cls.db)
        cls.server = Server(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def api(self, path, status=200):
        code, res, body = self.server.get(path)
        self.assertEqual(code, status, "%s: %s" % (path, body))
        return body

    def same_as_cli(self, path, *args):
        """The endpoint's answer is the command's --json answer."""
        r = cli(self.db, *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.api(path), json.loads(r.stdout), path)

    # ---- every endpoint, every filter, as the command line answers ----

    def test_stats(self):
        self.same_as_cli("/api/stats", "stats")

    def test_entities(self):
        self.same_as_cli("/api/entities?match=Poutine", "entities", "--match", "Poutine", "--limit", "20")
        self.same_as_cli("/api/entities?kind=country&limit=0", "entities", "--kind", "country")
        self.same_as_cli("/api/entities?match=Tgoo&limit=3", "entities", "--match", "Tgoo", "--limit", "3")
        found = self.api("/api/entities?match=" + urllib.parse.quote("Poutine"))
        self.assertEqual(found[0]["id"], "person/vladimir-putin")

    def test_links(self):
        self.same_as_cli("/api/links/TGO", "links", "TGO")
        self.same_as_cli("/api/links/TGO/RUS?since=2025", "links", "TGO", "RUS", "--since", "2025")
        # An id with its slash, and a name in another language, accents encoded.
        self.same_as_cli("/api/links/person/vladimir-putin", "links", "person/vladimir-putin")
        self.same_as_cli("/api/links/" + urllib.parse.quote("Russie") + "/" + urllib.parse.quote("Togo"),
                         "links", "Russie", "Togo")

    def test_timeline(self):
        self.same_as_cli("/api/timeline/TGO/RUS", "timeline", "TGO", "RUS")
        self.same_as_cli("/api/timeline/MLI?status=occurred", "timeline", "MLI", "--status", "occurred")
        self.same_as_cli("/api/timeline/MLI?until=2024-12", "timeline", "MLI", "--until", "2024-12")

    def test_ego(self):
        self.same_as_cli("/api/ego/TGO?depth=2", "ego", "TGO", "--depth", "2")
        self.same_as_cli("/api/ego/RUS?type=cooperation", "ego", "RUS", "--type", "cooperation")
        self.same_as_cli("/api/ego/MLI?type=SUPPORT,CONDEMN", "ego", "MLI", "--type", "SUPPORT,CONDEMN")
        self.same_as_cli("/api/ego/MLI?type=SUPPORT&type=CONDEMN", "ego", "MLI", "--type", "SUPPORT", "--type", "CONDEMN")
        self.same_as_cli("/api/ego/MLI?kind=country", "ego", "MLI", "--kind", "country")
        self.same_as_cli("/api/ego/TGO?min-sources=2", "ego", "TGO", "--min-sources", "2")
        self.same_as_cli("/api/ego/TGO?status=agreed,planned", "ego", "TGO", "--status", "agreed,planned")
        self.same_as_cli("/api/ego/" + urllib.parse.quote("Poutine"), "ego", "Poutine")

    def test_path(self):
        self.same_as_cli("/api/path/TGO/UKR?k=3", "path", "TGO", "UKR", "--k", "3")
        self.same_as_cli("/api/path/TGO/MLI", "path", "TGO", "MLI")
        self.same_as_cli("/api/path/TGO/UKR?max-hops=1", "path", "TGO", "UKR", "--max-hops", "1")
        self.same_as_cli("/api/path/TGO/UKR?since=2025", "path", "TGO", "UKR", "--since", "2025")
        path = self.api("/api/path/TGO/MLI")
        self.assertEqual(path["paths"][0]["nodes"], ["TGO", "MLI"])

    def test_rank(self):
        self.same_as_cli("/api/rank", "rank")
        self.same_as_cli("/api/rank?by=pagerank&top=5", "rank", "--by", "pagerank", "--top", "5")
        self.same_as_cli("/api/rank?by=betweenness&kind=country", "rank", "--by", "betweenness", "--kind", "country")
        # Exact below 2,500 actors: the same values as the command.
        self.same_as_cli("/api/rank?by=betweenness&top=0", "rank", "--by", "betweenness", "--top", "0")
        self.same_as_cli("/api/rank?by=betweenness&since=2025", "rank", "--by", "betweenness", "--since", "2025")
        self.same_as_cli("/api/rank?by=weighted&since=2025&until=2025", "rank", "--by", "weighted", "--since", "2025", "--until", "2025")

    def test_blocs(self):
        self.same_as_cli("/api/blocs", "blocs")
        self.same_as_cli("/api/blocs?seed=7&type=conflict", "blocs", "--seed", "7", "--type", "conflict")

    # ---- errors: the command line's messages, with HTTP codes ----

    def error(self, path, status, *args):
        """The endpoint's error is the command's message (stderr without 'diplograph: ')."""
        body = self.api(path, status)
        self.assertEqual(list(body.keys()), ["error"])
        if args:
            r = cli(self.db, *args)
            self.assertNotEqual(r.returncode, 0)
            self.assertEqual(body["error"], r.stderr.strip().removeprefix("diplograph: "))
        return body["error"]

    def test_bad_filters_are_400(self):
        self.error("/api/ego/TGO?since=2025-02-30", 400, "ego", "TGO", "--since", "2025-02-30")
        self.error("/api/links/TGO?since=2026&until=2025", 400, "links", "TGO", "--since", "2026", "--until", "2025")
        self.error("/api/rank?type=MEETING", 400, "rank", "--type", "MEETING")
        self.error("/api/rank?status=rumoured", 400, "rank", "--status", "rumoured")
        self.error("/api/rank?kind=planet", 400, "rank", "--kind", "planet")
        self.error("/api/rank?by=fame", 400, "rank", "--by", "fame")
        self.error("/api/path/TGO/Togo", 400, "path", "TGO", "Togo")
        message = self.error("/api/ego/TGO?depth=0", 400)
        self.assertEqual(message, "--depth: expected a whole number of at least 1, not 0")
        self.assertIn("at least 1", self.error("/api/ego/TGO?min-sources=x", 400))
        message = self.error("/api/ego/TGO?sinse=2025", 400)
        self.assertTrue(message.startswith("/api/ego/TGO: unknown parameter 'sinse'; expected depth, since"), message)

    def test_unknown_actor_is_404_with_did_you_mean(self):
        message = self.error("/api/ego/Tgoo", 404, "ego", "Tgoo")
        self.assertIn("did you mean Togo (TGO)?", message)
        self.error("/api/path/TGO/Ukrane", 404, "path", "TGO", "Ukrane")
        self.error("/api/timeline/Nowhereland", 404, "timeline", "Nowhereland")

    def test_unknown_endpoint_and_methods(self):
        self.assertIn("no such endpoint", self.error("/api/nodes", 404))
        self.assertIn("no such page", self.error("/nothing.html", 404))
        code, _, body = self.server.get("/api/stats", method="POST")
        self.assertEqual(code, 405)
        self.assertIn("read-only", body["error"])

    def test_other_hosts_are_refused(self):
        # A page of another site reaching 127.0.0.1 through its own DNS name (rebinding).
        code, _, body = self.server.get("/api/stats", headers={"Host": "evil.example:80"})
        self.assertEqual(code, 421)
        code, _, _ = self.server.get("/api/stats", headers={"Host": "localhost:" + self.server.url.rsplit(":", 1)[1]})
        self.assertEqual(code, 200)

    # ---- the budget ----

    def test_budget_cuts_with_a_notice(self):
        code, res, body = self.server.get("/api/ego/TGO?depth=2&budget=3")
        self.assertEqual(code, 200)
        self.assertEqual(len(body["actors"]), 3)
        self.assertEqual(body["actors"][0]["id"], "TGO")
        kept = {a["id"] for a in body["actors"]}
        self.assertTrue(all(l["a"] in kept and l["b"] in kept for l in body["links"]))
        full = self.api("/api/ego/TGO?depth=2")
        self.assertIn("showing 3 of %d actors" % len(full["actors"]), body["notice"])
        self.assertEqual(res.getheader("X-Diplograph-Notice"), body["notice"])
        self.assertNotIn("notice", full)
        ranked = self.api("/api/rank?top=0&budget=4")
        self.assertEqual(len(ranked["actors"]), 4)
        self.assertIn("first 4 actors", ranked["notice"])
        code, res, found = self.server.get("/api/entities?limit=0&budget=5")
        self.assertEqual(len(found), 5)
        self.assertIn("first 5 entities", res.getheader("X-Diplograph-Notice"))
        blocs = self.api("/api/blocs?budget=3")
        self.assertEqual(sum(len(c) for c in blocs["components"]), 3)
        self.assertEqual(sum(len(c["members"]) for c in blocs["communities"]), 3)
        whole = self.api("/api/blocs")
        self.assertIn("listing 3 of %d actors" % sum(len(c) for c in whole["components"]), blocs["notice"])
        self.assertIn("at least 1", self.error("/api/rank?budget=0", 400))

    def test_links_are_paged(self):
        r = cli(self.db, "links", "TGO")
        every = json.loads(r.stdout)["links"]
        self.assertGreater(len(every), 3)
        code, res, first = self.server.get("/api/links/TGO?limit=2")
        self.assertEqual(first["links"], every[:2])
        self.assertIn("showing links 1 to 2 of %d" % len(every), first["notice"])
        self.assertEqual(res.getheader("X-Diplograph-Notice"), first["notice"])
        second = self.api("/api/links/TGO?limit=2&offset=2")
        self.assertEqual(second["links"], every[2:4])
        self.assertIn("showing links 3 to 4 of %d" % len(every), second["notice"])
        past = self.api("/api/links/TGO?offset=%d" % (len(every) + 5))
        self.assertEqual(past["links"], [])
        self.assertNotIn("notice", self.api("/api/links/TGO"))  # fewer than 200
        self.assertEqual(len(self.api("/api/links/TGO?limit=50&budget=3")["links"]), 3)
        self.assertIn("at least 1", self.error("/api/links/TGO?limit=0", 400))

    # ---- the page and its safety ----

    def test_page_and_headers(self):
        code, res, body = self.server.get("/")
        self.assertEqual(code, 200)
        page = body.decode("utf-8")
        csp = res.getheader("Content-Security-Policy")
        self.assertIn("script-src 'self'", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertNotIn("unsafe-eval", csp)
        self.assertIn("default-src 'none'", csp)
        self.assertEqual(res.getheader("X-Content-Type-Options"), "nosniff")
        # Every script of the page is a file of the server: nothing inline, nothing remote.
        import re
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, re.S)
        self.assertGreaterEqual(len(scripts), 5)
        for attrs, content in scripts:
            self.assertEqual(content.strip(), "")
            src = re.search(r'src="([^"]+)"', attrs).group(1)
            self.assertTrue(src.startswith("/"), src)
            code, res, _ = self.server.get(src)
            self.assertEqual(code, 200, src)
            self.assertTrue(res.getheader("Content-Type").startswith("text/javascript"))
        self.assertNotRegex(page, r"(?i)https?://|\son[a-z]+=|style=")

    def test_store_is_read_only(self):
        # Served for a whole session, the file has not changed by a byte.
        self.api("/api/rank?by=betweenness")
        self.api("/api/ego/TGO?depth=3")
        self.assertEqual(sha256(self.db), self.hash_before)


class BackgroundTest(unittest.TestCase):
    """Betweenness and blocs are computed in the background on large stores (or with
    DIPLOGRAPH_SERVE_WAIT_MS set, as here on the small examples store); until they are exact, a
    request is answered at once with the estimate so far, labelled as such (a notice and an
    "estimate" member). DIPLOGRAPH_SERVE_STEP_MS slows each step (a source, a Louvain run) so
    that the estimates are seen."""

    def until_final(self, server, path, first_check):
        """Asks until the answer has no "estimate"; first_check(body) on the first answer."""
        for i in range(600):
            code, res, body = server.get(path)
            self.assertEqual(code, 200, "%s: %s" % (path, body))
            if i == 0:
                first_check(body)
            if "estimate" not in body:
                return body
            time.sleep(0.05)
        self.fail(path + ": still an estimate after 30 s")

    def test_estimates_then_the_cli_answer(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "examples.db")
            subprocess.run([BIN, "--db", db, "import", EXAMPLES], capture_output=True, check=True)
            server = Server(db, "-q", env={"DIPLOGRAPH_SERVE_WAIT_MS": "5000",
                                           "DIPLOGRAPH_SERVE_STEP_MS": "60"})
            try:
                # Betweenness: first an estimate from fewer sources than actors, then exact.
                path = "/api/rank?by=betweenness&since=2025&top=0"
                firsts = []

                def estimated(body):
                    firsts.append(body)
                    estimate = body["estimate"]
                    self.assertGreaterEqual(estimate["sources"], 1)
                    self.assertLess(estimate["sources"], estimate["actors"])
                    self.assertEqual(len(body["actors"]), estimate["actors"])
                    self.assertIn("betweenness estimated from %d of the %d actors taken as sources "
                                  "at random so far" % (estimate["sources"], estimate["actors"]),
                                  body["notice"])
                    self.assertIn("the exact values are being computed", body["notice"])
                exact = self.until_final(server, path, estimated)
                self.assertNotIn("notice", exact)
                r = cli(db, "rank", "--by", "betweenness", "--since", "2025", "--top", "0")
                self.assertEqual(r.returncode, 0, r.stderr)
                expected = json.loads(r.stdout)
                # The same actors and scores (the sums in another order: equal within 1e-9),
                # highest first.
                got = {a["id"]: a for a in exact["actors"]}
                self.assertEqual(sorted(got), sorted(a["id"] for a in expected["actors"]))
                for a in expected["actors"]:
                    self.assertAlmostEqual(got[a["id"]]["score"], a["score"], delta=1e-9 * max(1, a["score"]))
                    self.assertEqual(got[a["id"]]["partners"], a["partners"])
                scores = [a["score"] for a in exact["actors"]]
                self.assertEqual(scores, sorted(scores, reverse=True))
                self.assertEqual(exact["filters"], expected["filters"])

                # Blocs: the whole graph's first (one Louvain run after another), then a filter's
                # shown at once with the whole graph's communities among its actors, then its own.
                whole = self.until_final(server, "/api/blocs", lambda body: None)
                r = cli(db, "blocs")
                self.assertEqual(whole, json.loads(r.stdout))
                r = cli(db, "blocs", "--type", "conflict")
                expected = json.loads(r.stdout)

                def provisional(body):
                    self.assertEqual(body["estimate"], {"runs": 0, "of": 8, "whole_graph_runs": 8})
                    self.assertIn("communities: those of the whole graph (all 8 Louvain runs) among "
                                  "these actors, for now", body["notice"])
                    # The components are the filter's already; the communities cover its actors.
                    self.assertEqual(body["components"], expected["components"])
                    members = sorted(m for c in body["communities"] for m in c["members"])
                    self.assertEqual(members, sorted(m for c in expected["communities"] for m in c["members"]))
                final = self.until_final(server, "/api/blocs?type=conflict", provisional)
                self.assertEqual(final, expected)
                # A seed of its own: no whole graph's communities for it, the best run so far.
                r = cli(db, "blocs", "--type", "conflict", "--seed", "3")

                def runs(body):
                    self.assertGreaterEqual(body["estimate"]["runs"], 1)
                    self.assertIn("communities: the best of %d of the 8 Louvain runs so far" % body["estimate"]["runs"], body["notice"])
                final = self.until_final(server, "/api/blocs?type=conflict&seed=3", runs)
                self.assertEqual(final, json.loads(r.stdout))
            finally:
                server.stop()


class StartTest(unittest.TestCase):
    def test_missing_store(self):
        r = subprocess.run([BIN, "--db", "/nonexistent/x.db", "serve", "--port", "0"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 3)
        self.assertIn("/nonexistent/x.db: no such database", r.stderr)

    def test_a_store_to_migrate_is_refused_untouched(self):
        # Migrating would write: the read-only server refuses the file and leaves it as it was.
        import sqlite3
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "old.db")
            subprocess.run([BIN, "--db", db, "import", EXAMPLES], capture_output=True, check=True)
            c = sqlite3.connect(db)
            c.execute("PRAGMA user_version=2")
            c.close()
            before = sha256(db)
            r = subprocess.run([BIN, "--db", db, "serve", "--port", "0"], capture_output=True, text=True, timeout=30)
            self.assertEqual(r.returncode, 3)
            self.assertIn(db + ": cannot be read read-only (", r.stderr)
            self.assertNotIn("file:", r.stderr)
            self.assertEqual(sha256(db), before)

    def test_other_address_warns(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "e.db")
            subprocess.run([BIN, "--db", db, "import", EXAMPLES], capture_output=True, check=True)
            proc = subprocess.Popen([BIN, "--db", db, "serve", "--port", "0", "--host", "0.0.0.0", "-q"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            line = proc.stdout.readline()
            proc.terminate()
            proc.wait(timeout=10)
            err = proc.stderr.read()
            proc.stdout.close()
            proc.stderr.close()
            self.assertTrue(line.startswith("diplograph serve: http://0.0.0.0:"), line)
            self.assertIn("warning: --host 0.0.0.0: the view and the whole store are open", err)


if __name__ == "__main__":
    BIN, EXAMPLES = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])
