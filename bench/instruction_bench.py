#!/usr/bin/env python3
"""Throughput of m2rl's instruction verifier against the reference checkers, on the same
responses, in the same run (bench/instruction.sh calls this).

Workload: N seeded responses from bench/instruction_ifeval_diff.py's generator (paragraphs,
bullets, sections, titles, JSON, case changes, quotes, P.S., placeholders, several languages),
each carrying 1 to 3 of IFEval's 25 instructions with random kwargs (IFEval's own prompts carry
1.5 on average). Each response is judged strictly and loosely, which is what lm-eval's IFEval
task does for every response:

  reference: lm-eval 0.4.13's checkers (bench/ifeval_reference.py), each built from its kwargs
             and asked about the response and its 8 loose variants, as lm-eval's utils.py does
             (one Python process);
  m2rl:      `m2rl score` over the same requests (strict and loose verdicts are both in
             details.instructions), with --jobs 1 and with its default workers; whole process,
             start-up included, reading the requests from a file and writing its results to
             one (the reference reads nothing and writes nothing: timing Python feeding a pipe
             and decoding the output, as an earlier version of this script did, added 10–40 ms
             of Python's own work to m2rl's 70–120 ms).

Rounds are interleaved; medians are reported. The strict and loose verdicts of both are also
compared, so the timing is of the same judgements.

Usage: python3 bench/instruction_bench.py --m2rl .build/release/m2rl [--n 2000] [--rounds 3]
"""
import argparse
import atexit
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ifeval_reference as ref  # noqa: E402

ref.use_venv()
import instruction_ifeval_diff as diff  # noqa: E402


def workload(n, seed):
    gen = diff.Gen(seed)
    pick = random.Random(seed + 1)
    cases = []
    while len(cases) < n:
        prompt, response, instructions = gen.case()
        chosen = pick.sample(instructions, pick.randint(1, 3))
        cases.append((prompt, response, chosen))
    return cases


def requests(cases):
    lines = []
    for k, (prompt, response, instructions) in enumerate(cases):
        lines.append(json.dumps({"id": str(k), "completion": response, "problem": {
            "id": f"bench-{k}", "domain": "instruction", "prompt": prompt, "instructions": instructions}}))
    return "\n".join(lines) + "\n"


def run_reference(cases):
    verdicts = []
    start = time.perf_counter()
    for prompt, response, instructions in cases:
        row = []
        for inst in instructions:
            try:
                strict = ref.evaluate(inst["id"], inst["kwargs"], prompt, response)
                loose = ref.evaluate_loose(inst["id"], inst["kwargs"], prompt, response)
            except Exception:  # the reference raising: no verdict to compare
                strict = loose = None
            row.append((strict, loose))
        verdicts.append(row)
    return time.perf_counter() - start, verdicts


def run_m2rl(binary, requests_path, jobs):
    command = [binary, "score"] + (["--jobs", str(jobs)] if jobs else [])
    with open(requests_path, "rb") as source, tempfile.TemporaryFile() as sink:
        start = time.perf_counter()
        subprocess.run(command, stdin=source, stdout=sink, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        sink.seek(0)
        stdout = sink.read().decode("utf-8")
    results = [json.loads(line) for line in stdout.split("\n") if line.strip()]
    verdicts = [[(i["strict"], i["loose"]) for i in r["details"]["instructions"]] if "details" in r else None
                for r in results]
    return seconds, verdicts, [r.get("elapsed_ms", 0.0) for r in results]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--m2rl", default=".build/release/m2rl")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()

    cases = workload(a.n, a.seed)
    text = requests(cases)
    requests_file = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    requests_file.write(text)
    requests_file.close()
    atexit.register(os.unlink, requests_file.name)  # also when something below raises
    checks = sum(len(c[2]) for c in cases)
    times = {"reference": [], "m2rl1": [], "m2rl": []}
    verdicts = {}
    for _ in range(a.rounds):
        seconds, verdicts["reference"] = run_reference(cases)
        times["reference"].append(seconds)
        for key, jobs in (("m2rl1", 1), ("m2rl", 0)):
            seconds, verdicts[key], elapsed = run_m2rl(a.m2rl, requests_file.name, jobs)
            times[key].append(seconds)
            if key == "m2rl1":
                per_response = elapsed

    compared = agree_strict = agree_loose = 0
    for mine, theirs in zip(verdicts["m2rl"], verdicts["reference"]):
        for (ms, ml), (rs, rl) in zip(mine or [], theirs):
            if rs is None:
                continue
            compared += 1
            agree_strict += ms == rs
            agree_loose += ml == rl

    ref_median = statistics.median(times["reference"])
    print(f"workload: {a.n} responses, {checks} instruction checks (strict and loose each), seed {a.seed}, "
          f"{a.rounds} interleaved rounds")
    print(f"verdicts compared: {compared}; strict agree {agree_strict} ({100 * agree_strict / max(compared, 1):.2f}%), "
          f"loose agree {agree_loose} ({100 * agree_loose / max(compared, 1):.2f}%)")
    print(f"m2rl --jobs 1, time inside the verifier per response (elapsed_ms, last round): "
          f"median {statistics.median(per_response):.3f} ms, mean {statistics.mean(per_response):.3f} ms, "
          f"max {max(per_response):.1f} ms (the first IFEval language check also loads the language model)")
    print()
    print("| method | seconds (median) | responses/s | checks/s | vs reference |")
    print("|---|---|---|---|---|")
    for key, label in (("reference", "lm-eval 0.4.13 IFEval checkers (one process)"),
                       ("m2rl1", "m2rl score --jobs 1"), ("m2rl", "m2rl score (2 workers)")):
        median = statistics.median(times[key])
        print(f"| {label} | {median:.3f} | {a.n / median:,.0f} | {checks / median:,.0f} | {ref_median / median:.1f}× |")


if __name__ == "__main__":
    main()
