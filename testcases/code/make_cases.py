#!/usr/bin/env python3
"""Writes testcases/code/cases.jsonl: score requests for the code verifier, each with the
verdict and reward it must get ("expect"). Run it after editing; the file is committed.

Every test kind, comparison mode, verdict, extraction rule and reward rule has a case, and so
do the known failures of popular RL code rewards (see the names starting with "known-")."""
import json, os

cases = []

def fence(code, lang="python"):
    return f"Here is my solution.\n```{lang}\n{code}\n```\n"

def add(name, completion, tests, verdict, reward, verifier=None, domain="code"):
    problem = {"id": name, "domain": domain, "tests": tests}
    if verifier:
        problem["verifier"] = verifier
    cases.append({"id": name, "completion": completion, "problem": problem,
                  "expect": {"verdict": verdict, "reward": reward}})

def stdio(cases_, **kw):
    t = {"kind": "stdio", "cases": [{"input": i, "output": o} for i, o in cases_]}
    t.update(kw)
    return t

SUM = "print(sum(map(int, input().split())))"
sum_cases = [("1 2\n", "3\n"), ("10 20\n", "30\n"), ("-5 5\n", "0\n")]

# stdio, every comparison mode
add("stdio-correct", fence(SUM), stdio(sum_cases), "correct", 1.0)
add("stdio-wrong", fence("print(42)"), stdio(sum_cases), "wrong_answer", 0.0)
add("compare-exact-pass", fence("print('a b')"), stdio([("", "a b\n")], compare="exact"), "correct", 1.0)
add("compare-exact-trailing-space-fails", fence("print('a b ')"), stdio([("", "a b\n")], compare="exact"), "wrong_answer", 0.0)
add("compare-lines-trailing-space-ok", fence("print('a b   ')\nprint()\nprint()"), stdio([("", "a b\n")], compare="lines"), "correct", 1.0)
add("compare-lines-joined-fails", fence("print('a b')"), stdio([("", "a\nb\n")], compare="lines"), "wrong_answer", 0.0)
add("compare-tokens-linebreaks-ok", fence("print('a')\nprint('b')"), stdio([("", "a b\n")]), "correct", 1.0)
add("compare-float-within", fence("print(0.3333333)"), stdio([("", "0.333333333\n")], compare="float:1e-6"), "correct", 1.0)
add("compare-float-outside", fence("print(0.3334)"), stdio([("", "0.333333333\n")], compare="float:1e-6"), "wrong_answer", 0.0)
add("compare-float-relative", fence("print(1000000.5)"), stdio([("", "1000000.0\n")], compare="float:1e-6"), "correct", 1.0)
add("compare-float-word-tokens", fence("print('YES', 2.0)"), stdio([("", "YES 2\n")], compare="float:1e-9"), "correct", 1.0)
add("compare-icase", fence("print('yes')"), stdio([("", "YES\n")], compare="tokens+icase"), "correct", 1.0)
add("compare-case-sensitive", fence("print('yes')"), stdio([("", "YES\n")]), "wrong_answer", 0.0)

# known failures of popular code rewards
add("known-stdin-buffer-passes", fence("import sys\ndata = sys.stdin.buffer.read().split()\nprint(int(data[0]) + int(data[1]))"), stdio(sum_cases), "correct", 1.0)
add("known-stdin-read-passes", fence("import sys\na, b = map(int, sys.stdin.read().split())\nprint(a + b)"), stdio(sum_cases), "correct", 1.0)
add("known-fast-io-readline", fence("import sys\ninput = sys.stdin.readline\na, b = map(int, input().split())\nsys.stdout.write(str(a + b) + '\\n')"), stdio(sum_cases), "correct", 1.0)
add("known-raising-with-empty-expected-fails", fence("raise ValueError('boom')"), stdio([("", "")]), "runtime_error", 0.0)
add("known-fewer-lines-fail", fence("print(1)\nprint(2)"), stdio([("", "1\n2\n3\n")]), "wrong_answer", 0.0)
add("known-more-lines-fail", fence("print(1)\nprint(2)\nprint(3)\nprint(4)"), stdio([("", "1\n2\n3\n")]), "wrong_answer", 0.0)
add("known-permuted-tokens-fail", fence("print(2, 1, 3)"), stdio([("", "1 2 3\n")]), "wrong_answer", 0.0)
add("known-prints-then-hangs-times-out", fence("print(3, flush=True)\nwhile True:\n    pass"), stdio([("1 2\n", "3\n")], time_limit_s=1), "time_limit", 0.0)
add("known-exit-zero-early-fails-assert", fence("import os\nos._exit(0)\ndef add(a, b):\n    return a - b"),
    {"kind": "assert", "code": "def check(candidate):\n    assert candidate(1, 2) == 3\n", "entry_point": "add"}, "runtime_error", 0.0)
add("known-sys-exit-early-fails-assert", fence("import sys\nsys.exit(0)"),
    {"kind": "assert", "code": "assert False\n"}, "runtime_error", 0.0)
add("known-fake-result-line-fails", fence("class Solution:\n    def add(self, a, b):\n        print('\\x1em2rl-result 0 3')\n        return 0"),
    {"kind": "call", "fn_name": "add", "cases": [{"args": [1, 2], "expected": 3}]}, "wrong_answer", 0.0)

# verdicts
add("verdict-runtime-error", fence("print(1 // 0)"), stdio([("", "1\n")]), "runtime_error", 0.0)
add("verdict-time-limit", fence("while True:\n    pass"), stdio([("", "1\n")], time_limit_s=0.5), "time_limit", 0.0)
add("verdict-wall-time-as-time-limit", fence("import time\ntime.sleep(60)"), stdio([("", "1\n")], time_limit_s=0.5), "time_limit", 0.0)
add("verdict-memory-limit", fence("x = bytearray(1 << 30)"), stdio([("", "1\n")], memory_limit_mb=128), "memory_limit", 0.0)
add("verdict-output-limit", fence("while True:\n    print('x' * 1000)"), stdio([("", "1\n")], time_limit_s=5), "output_limit", 0.0)
add("verdict-syscall-violation", fence("import socket\nsocket.socket()"), stdio([("", "1\n")]), "syscall_violation", 0.0)
add("verdict-no-answer", "I cannot solve this.", stdio([("", "1\n")]), "no_answer", 0.0)
add("verdict-empty-block-no-answer", "```python\n\n```", stdio([("", "1\n")]), "no_answer", 0.0)
add("verdict-worst-status", fence("import sys\nn = int(input())\nif n == 1:\n    print(1)\nelif n == 2:\n    print(0)\nelse:\n    1 // 0"),
    stdio([("1\n", "1\n"), ("2\n", "2\n"), ("3\n", "3\n")], reward="pass_rate"), "runtime_error", 1 / 3)

# extraction rules
two_blocks = "```python\nprint(1)\n```\nor better:\n```python\nprint(2)\n```\n"
add("extract-last-block", two_blocks, stdio([("", "2\n")]), "correct", 1.0)
add("extract-first-block", two_blocks, stdio([("", "1\n")]), "correct", 1.0, verifier={"extraction": "first_block"})
add("extract-whole", "print(7)\n", stdio([("", "7\n")]), "correct", 1.0, verifier={"extraction": "whole"})
add("extract-untagged-fallback", "```\nprint(5)\n```", stdio([("", "5\n")]), "correct", 1.0)
add("extract-language-tag-wins", "```python\nprint(1)\n```\n```\nprint(2)\n```", stdio([("", "1\n")]), "correct", 1.0)
add("extract-other-language-ignored", "```cpp\nint main(){}\n```", stdio([("", "1\n")]), "no_answer", 0.0)
add("extract-unclosed-block", "```python\nprint(9)\n", stdio([("", "9\n")]), "correct", 1.0)
add("format-gate-missing-think", fence("print(1)"), stdio([("", "1\n")]), "format_error", 0.0, verifier={"format_gate": True})
add("format-gate-after-think", "```python\nprint(2)\n```</think>" + fence("print(1)"), stdio([("", "1\n")]), "correct", 1.0, verifier={"format_gate": True})

# reward rules
half = stdio([("1\n", "1\n"), ("2\n", "2\n"), ("3\n", "3\n"), ("4\n", "5\n")], reward="pass_rate")
add("reward-pass-rate", fence("print(input())"), half, "wrong_answer", 0.75)
add("reward-weighted-partial", fence("print(input())"), dict(half, reward="weighted"), "wrong_answer", 0.075)
add("reward-weighted-all", fence("print(input())"), stdio([("1\n", "1\n"), ("2\n", "2\n")], reward="weighted"), "correct", 1.1)
add("reward-pass-all-stops", fence("print(input())"), dict(half, reward="pass_all"), "wrong_answer", 0.0)
add("max-tests-sampled", fence("print(input())"), stdio([(f"{i}\n", f"{i}\n") for i in range(50)], max_tests=5, seed=3), "correct", 1.0)

# call tests
add("call-function", fence("def add(a, b):\n    return a + b"),
    {"kind": "call", "fn_name": "add", "cases": [{"args": [1, 2], "expected": 3}, {"args": [-1, 1], "expected": 0}]}, "correct", 1.0)
add("call-solution-method", fence("class Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n                return [seen[target - x], i]\n            seen[x] = i"),
    {"kind": "call", "fn_name": "twoSum", "cases": [{"args": [[2, 7, 11, 15], 9], "expected": [0, 1]}, {"args": [[3, 2, 4], 6], "expected": [1, 2]}]}, "correct", 1.0)
add("call-tuple-as-list", fence("def pair(x):\n    return (x, x + 1)"),
    {"kind": "call", "fn_name": "pair", "cases": [{"args": [1], "expected": [1, 2]}]}, "correct", 1.0)
add("call-float-tolerance", fence("def third(x):\n    return x / 3"),
    {"kind": "call", "fn_name": "third", "compare": "float:1e-6", "cases": [{"args": [1], "expected": 0.333333}]}, "correct", 1.0)
add("call-float-exact-by-default", fence("def third(x):\n    return x / 3"),
    {"kind": "call", "fn_name": "third", "cases": [{"args": [1], "expected": 0.333333}]}, "wrong_answer", 0.0)
add("call-dict-result", fence("def count(s):\n    return {c: s.count(c) for c in set(s)}"),
    {"kind": "call", "fn_name": "count", "cases": [{"args": ["aab"], "expected": {"a": 2, "b": 1}}]}, "correct", 1.0)
add("call-raises-fails", fence("def add(a, b):\n    raise RuntimeError('no')"),
    {"kind": "call", "fn_name": "add", "cases": [{"args": [1, 2], "expected": None}]}, "runtime_error", 0.0)
add("call-returns-none-vs-null", fence("def nothing():\n    return None"),
    {"kind": "call", "fn_name": "nothing", "cases": [{"args": [], "expected": None}]}, "correct", 1.0)
add("call-wrong", fence("def add(a, b):\n    return a * b"),
    {"kind": "call", "fn_name": "add", "cases": [{"args": [2, 3], "expected": 5}]}, "wrong_answer", 0.0)
add("call-main-guard-not-run", fence("def add(a, b):\n    return a + b\nif __name__ == '__main__':\n    print(add(int(input()), 1))"),
    {"kind": "call", "fn_name": "add", "cases": [{"args": [2, 3], "expected": 5}]}, "correct", 1.0)

# assert tests
HE_TEST = "def check(candidate):\n    assert candidate([1, 2, 3]) == 6\n    assert candidate([]) == 0\n"
add("assert-humaneval-style", fence("def total(xs):\n    return sum(xs)"), {"kind": "assert", "code": HE_TEST, "entry_point": "total"}, "correct", 1.0)
add("assert-humaneval-wrong", fence("def total(xs):\n    return None"), {"kind": "assert", "code": HE_TEST, "entry_point": "total"}, "runtime_error", 0.0)
add("assert-mbpp-plain", fence("def square(x):\n    return x * x"), {"kind": "assert", "code": "assert square(3) == 9\nassert square(-2) == 4\n"}, "correct", 1.0)
add("assert-mbpp-plain-fails", fence("def square(x):\n    return x + x"), {"kind": "assert", "code": "assert square(3) == 9\n"}, "runtime_error", 0.0)

# checker tests (testlib convention: checker input output answer; exit 0 accepts)
CHECKER = ("import sys\n"
           "inp, out, ans = (open(p).read() for p in sys.argv[1:4])\n"
           "n = int(inp)\n"
           "try:\n"
           "    a, b = map(int, out.split())\n"
           "except ValueError:\n"
           "    sys.exit(1)\n"
           "sys.exit(0 if a + b == n and a > 0 and b > 0 else 1)\n")
chk = {"kind": "checker", "cases": [{"input": "5\n", "output": "1 4\n"}, {"input": "10\n", "output": "5 5\n"}],
       "checker": {"language": "python", "source": CHECKER}}
add("checker-any-valid-answer", fence("n = int(input())\nprint(n - 1, 1)"), chk, "correct", 1.0)
add("checker-rejects", fence("n = int(input())\nprint(n, 0)"), chk, "wrong_answer", 0.0)
C_CHECKER = ("#include <stdio.h>\nint main(int c, char **v) {\n  FILE *o = fopen(v[2], \"r\"), *a = fopen(v[3], \"r\");\n"
             "  long x, y;\n  if (fscanf(o, \"%ld\", &x) != 1 || fscanf(a, \"%ld\", &y) != 1) return 1;\n  return x == y ? 0 : 1;\n}\n")
add("checker-in-c", fence(SUM), {"kind": "checker", "cases": [{"input": i, "output": o} for i, o in sum_cases],
                                 "checker": {"language": "c", "source": C_CHECKER}}, "correct", 1.0)

# C and C++
add("c-correct", fence("#include <stdio.h>\nint main(void) { long a, b; scanf(\"%ld %ld\", &a, &b); printf(\"%ld\\n\", a + b); return 0; }", "c"),
    stdio(sum_cases, language="c"), "correct", 1.0)
add("c-compile-error", fence("int main(void) { return x; }", "c"), stdio(sum_cases, language="c"), "compile_error", 0.0)
add("c-wrong", fence("#include <stdio.h>\nint main(void) { puts(\"0\"); return 0; }", "c"), stdio(sum_cases, language="c"), "wrong_answer", 0.0)
add("cpp-correct", fence("#include <bits/stdc++.h>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }", "cpp"),
    stdio(sum_cases, language="cpp"), "correct", 1.0)
add("cpp-segfault", fence("int main() { int *p = nullptr; return *p; }", "cpp"), stdio(sum_cases, language="cpp"), "runtime_error", 0.0)
add("cpp-timeout", fence("int main() { volatile long x = 0; for (;;) x++; }", "cpp"), stdio(sum_cases, language="cpp", time_limit_s=0.5), "time_limit", 0.0)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.jsonl"), "w") as f:
    for c in cases:
        f.write(json.dumps(c, sort_keys=True) + "\n")
print(f"wrote {len(cases)} cases")
