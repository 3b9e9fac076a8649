#!/usr/bin/python3
"""Load on `junheng serve` (loopback only, stops by itself):
  1. one render alone (the floor), then CLIENTS concurrent clients asking
     for the report RENDERS times in all: throughput and latency percentiles;
  2. 1,000 requests (state reads with a render every tenth) from the same
     clients, the server's resident memory sampled every 200 requests.
usage: web_load.py BASE_URL SERVER_PID JOBS"""
import http.client, statistics, sys, threading, time, urllib.parse

base, pid, jobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
u = urllib.parse.urlparse(base)
CLIENTS, RENDERS, TOTAL = 50, 200, 1000
county = "/api/county/tongdao-2019"


def ask(method, path):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
    t0 = time.perf_counter()
    c.request(method, path, headers={"X-Junheng": "1"})
    r = c.getresponse()
    r.read()
    c.close()
    return r.status, time.perf_counter() - t0


def rss_mb():
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(n, job):
    """n requests over CLIENTS threads; job(i) -> (method, path)."""
    lat, bad, lock, nxt = [], [0], threading.Lock(), [0]
    marks = []

    def client():
        while True:
            with lock:
                i = nxt[0]
                nxt[0] += 1
            if i >= n:
                return
            st, dt = ask(*job(i))
            with lock:
                lat.append(dt)
                if st != 200:
                    bad[0] += 1
                if len(lat) % 200 == 0:
                    marks.append((len(lat), rss_mb()))

    t0 = time.perf_counter()
    ts = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0, sorted(lat), bad[0], marks


def pct(xs, p):
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


ask("GET", county)                      # warm the page's first load
alone = [ask("POST", county + "/render/report")[1] for _ in range(5)]
floor = statistics.median(alone)
print("one report render alone: median %.0f ms of 5 (the floor of every latency below)" % (floor * 1e3))
wall, lat, bad, _ = run(RENDERS, lambda i: ("POST", county + "/render/report"))
print("%d clients, %d report renders, -j %d:" % (CLIENTS, RENDERS, jobs))
print("  throughput %6.2f renders/s   (floor: %d jobs / %.0f ms = %.2f/s)" % (RENDERS / wall, jobs, floor * 1e3, jobs / floor))
print("  latency p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms   (a client waits behind %d others on %d jobs: p95 floor ~ %.0f ms)"
      % (pct(lat, 50) * 1e3, pct(lat, 95) * 1e3, lat[-1] * 1e3, CLIENTS - 1, jobs, CLIENTS / jobs * floor * 1e3))
print("  failed requests: %d" % bad)
before = rss_mb()
wall, lat, bad, marks = run(TOTAL, lambda i: ("POST", county + "/render/report") if i % 10 == 0 else ("GET", county))
print("%d requests (state reads, a render every tenth), %d clients: %.1f s, p95 %.0f ms, failed %d"
      % (TOTAL, CLIENTS, wall, pct(lat, 95) * 1e3, bad))
print("  server RSS before %.1f MB; after every 200 requests: %s MB (flat: no growth with the count)"
      % (before, " ".join("%.1f" % m for _, m in marks)))
