#!/usr/bin/env python3
"""Agreement of m2rl's RuleSentences with IFEval's and IFBench's rule splitter
(`split_into_sentences` of lm-eval 0.4.13's `tasks/ifeval/instructions_util.py`, identical in
IFBench at c94da02), on the IFBench responses of the shared reference data (read at run time)
and on seeded texts dense in what the rules protect: honorifics, acronyms, initials, decimals,
web addresses, ellipses, quotes, suffixes before sentence starters, and unusual whitespace.

Usage: python3 bench/text_rule_sentences.py --m2rl .build/debug/m2rl [--n 6000] [--seed 1]
Exit status 1 when any text splits differently.
"""
import argparse
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ifeval_reference as ref  # noqa: E402

ref.use_venv()

PIECES = ["Mr.", "Dr. Who", "St. Louis", "U.S. He", "U.S.A. They", "e.g. this", "i.e.", "3.14", "...", "....",
          "Ph.D. student", "Acme Inc. They", "Smith Jr. But", "\"Hi.\"", "“ok.”", "a.b.c.", "www.x.com", "mail.me",
          "!", "?\"", "!\"", "\n\n", "A. B. Smith", " ", "\t", "\x1c", "\x85", "\u2003", "word", "Word.", "x", "It was."]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--m2rl", default=".build/debug/m2rl")
    ap.add_argument("--n", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    ref._load()
    from lm_eval.tasks.ifeval import instructions_util
    split = instructions_util.split_into_sentences

    corpora = {}
    root = os.environ.get("M2RL_REFERENCE_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "datasets"))
    path = os.path.join(root, "ifbench", "sample_output.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            corpora["ifbench responses"] = [json.loads(line)["response"] for line in f]
    else:
        print(f"(no IFBench responses at {path}; generated texts only)")
    rnd = random.Random(a.seed)
    corpora["generated"] = [rnd.choice(["", " "]).join(rnd.choice(PIECES) + rnd.choice([" ", "", " "])
                                                      for _ in range(rnd.randint(1, 40))) for _ in range(a.n)]
    failed = 0
    for name, texts in corpora.items():
        out = subprocess.run([a.m2rl, "instruction", "text", "rule-sentences"], capture_output=True, text=True,
                             input="".join(json.dumps(t) + "\n" for t in texts)).stdout.split("\n")[:-1]
        differ = [(t, json.loads(o), split(t)) for t, o in zip(texts, out) if json.loads(o) != split(t)]
        failed += len(differ) + (len(out) != len(texts))
        print(f"{name}: {len(texts) - len(differ)}/{len(texts)} texts split identically")
        for text, mine, theirs in differ[:3]:
            print(f"  {text[:120]!r}\n    m2rl      {mine[:4]}\n    reference {theirs[:4]}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
