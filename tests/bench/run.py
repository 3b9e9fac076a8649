#!/usr/bin/env python3
# run.py N CMD... — run CMD N times (stdout and stderr discarded) and print
# "WALL_MS CPU_MS RSS_KB": the medians of wall time and of CPU time (user +
# system, from wait4: microseconds, where /usr/bin/time rounds to 10 ms) and
# the largest peak RSS.  Exits 1 if any run fails.
import os, subprocess, sys, time

n, cmd = int(sys.argv[1]), sys.argv[2:]
walls, cpus, rss = [], [], 0
for _ in range(n):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    walls.append((time.perf_counter() - t0) * 1e3)
    cpus.append((ru.ru_utime + ru.ru_stime) * 1e3)
    rss = max(rss, ru.ru_maxrss)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.stderr.write('failed: %s\n' % ' '.join(cmd))
        sys.exit(1)
walls.sort(); cpus.sort()
print('%.1f %.1f %d' % (walls[n // 2], cpus[n // 2], rss))
