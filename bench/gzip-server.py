#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 as a static host does: HTML, CSS, JavaScript, JSON, SVG and XML
gzipped (Content-Encoding: gzip) when the browser accepts it, everything else as it is.

    python3 bench/gzip-server.py DIR PORT [REPORT_FILE]

For bench/search-timing.html: a POST to /__report appends its body, one line, to REPORT_FILE, and
a GET of /__hold (a hidden frame of the harness, which keeps its page loading, so that headless
Chromium's --dump-dom waits for it) is answered once a report has come, or after 60 s. The server
also counts what it sent, since a worker's requests (Pagefind fetches its index in a web worker) do
not show in the page's Resource Timing: the report gets "served", the search files requested from
the harness's load to its POST /__mark (the first result on screen), with the body bytes sent.
"""
import gzip
import http.server
import json
import re
import time
import os
import sys
import threading

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".mjs"}


class Handler(http.server.SimpleHTTPRequestHandler):
    cache = {}
    report_file = None
    reported = threading.Event()
    # (path, body bytes) of each request since the harness page was requested, and how many came before the mark.
    served = []
    marked = None
    lock = threading.Lock()

    SEARCH = {"casebook": re.compile(r"^/assets/(search/|search\.js|search-engine\.js|vendor/lunr\.min\.js)"),
              "pagefind": re.compile(r"^/pagefind/")}

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/__mark":
            with Handler.lock:
                Handler.marked = len(Handler.served)
            self.send_response(204)
            self.end_headers()
            return
        if self.path != "/__report" or not self.report_file:
            self.send_error(404)
            return
        report = json.loads(body or b"{}")
        pattern = self.SEARCH.get(report.get("engine"), self.SEARCH["casebook"])
        with Handler.lock:
            first = Handler.served[:Handler.marked] if Handler.marked is not None else []
            everything = list(Handler.served)
        search = [(p, n) for p, n in first if pattern.match(p)]
        report["served"] = [{"name": p, "bytes": n} for p, n in search]
        report["servedBytes"] = sum(n for _, n in search)
        report["servedSettledBytes"] = sum(n for p, n in everything if pattern.match(p))
        with open(self.report_file, "a") as f:
            f.write(json.dumps(report) + "\n")
        self.send_response(204)
        self.end_headers()
        Handler.reported.set()

    def record(self, size):
        path = self.path.split("?")[0]
        with Handler.lock:
            if path == "/search-timing.html":
                Handler.served = []
                Handler.marked = None
            Handler.served.append((path, size))

    def do_GET(self):
        if self.path.startswith("/__hold"):
            Handler.reported.wait(60)
            Handler.reported.clear()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()

    def copyfile(self, source, outputfile):
        data = source.read()
        self.record(len(data))
        outputfile.write(data)

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = index
        ext = os.path.splitext(path)[1].lower()
        if ext not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), 6)
            self.cache[path] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        import io
        return io.BytesIO(body)


if __name__ == "__main__":
    directory, port = sys.argv[1], int(sys.argv[2])
    Handler.report_file = sys.argv[3] if len(sys.argv) > 3 else None
    handler = lambda *a, **k: Handler(*a, directory=directory, **k)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
