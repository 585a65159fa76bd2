#!/usr/bin/env python3
"""Checks testcases/instruction/ifbench-format.jsonl against IFBench's own checkers.

Every case's expected verdict is recomputed with the reference `check_following` of IFBench's
`instructions.py` at commit c94da02 (the commit behind the published verdicts), read at run time
from $IFBENCH_REF (default /tmp/ifbench-ref: instructions.py, instructions_util.py,
instructions_registry.py); nothing of it is copied here.

Setup (once): python3 -m venv /tmp/venv-ifbench-format && /tmp/venv-ifbench-format/bin/pip install \
    nltk emoji==2.15.0 syllapy immutabledict absl-py langdetect
Usage:  /tmp/venv-ifbench-format/bin/python bench/ifbench_format_reference.py

spaCy is stubbed (none of these checkers uses it) and nltk.download is disabled (no network).
Cases the reference cannot decide are reported, not failed:
  - "raises": the reference raises (the evaluation would crash); m2rl's expected verdict must be
    false and the case's `why` must say the reference raises;
  - "needs punkt": the checker calls nltk.word_tokenize, whose Punkt data is not installed
    offline; texts without `.`, `?`, `!` are one Punkt sentence and are checked with NLTK's word
    tokenizer alone; others are hand-verified (their `why` says so);
  - "random": repeat:repeat_span with n_start or n_end 0, which the reference replaces by a random
    draw (m2rl uses 0; the `why` says "departure").
Exit status 1 when any case disagrees.
"""
import json, os, sys, types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "testcases/instruction/ifbench-format.jsonl")
sys.path.insert(0, os.environ.get("IFBENCH_REF", "/tmp/ifbench-ref"))

spacy = types.ModuleType("spacy")
spacy_cli = types.ModuleType("spacy.cli")
spacy_cli.download = lambda *a, **k: None
spacy.cli = spacy_cli
spacy.load = lambda *a, **k: None
sys.modules["spacy"] = spacy
sys.modules["spacy.cli"] = spacy_cli
import nltk  # noqa: E402
nltk.download = lambda *a, **k: True
import instructions_registry  # noqa: E402


def word_tokenize_without_punkt(text):
    """nltk.word_tokenize where it needs no Punkt data: a text without `.`, `?` or `!` is one
    Punkt sentence, so word_tokenize is the NLTK word tokenizer alone. Otherwise LookupError."""
    if any(ch in text for ch in ".?!"):
        raise LookupError("punkt")
    return nltk.tokenize.NLTKWordTokenizer().tokenize(text)


nltk.word_tokenize = word_tokenize_without_punkt


def reference(case):
    cls = instructions_registry.INSTRUCTION_DICT[case["id"]]
    checker = cls(case["id"])
    checker.build_description(**{k: v for k, v in case.get("kwargs", {}).items() if v is not None})
    return bool(checker.check_following(case["response"]))


def main():
    counts = {"agree": 0, "disagree": 0, "raises": 0, "needs punkt": 0, "random": 0}
    with open(FIXTURE, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            case = json.loads(line)
            kwargs = case.get("kwargs", {})
            where = f"line {n} {case['id']} ({case['why']})"
            if case["id"] == "repeat:repeat_span" and (kwargs.get("n_start") == 0 or kwargs.get("n_end") == 0):
                counts["random"] += 1
                ok = "departure" in case["why"]
                print(("random     " if ok else "DISAGREE   ") + where)
                counts["disagree"] += 0 if ok else 1
                continue
            try:
                got = reference(case)
            except Exception as error:
                if type(error) is LookupError:  # NLTK data missing (IndexError is a LookupError too)
                    counts["needs punkt"] += 1
                    ok = "hand-verified" in case["why"]
                    print(("needs punkt" if ok else "DISAGREE   ") + " " + where)
                    counts["disagree"] += 0 if ok else 1
                    continue
                # The reference raises: m2rl says "does not follow".
                counts["raises"] += 1
                ok = case["follows"] is False and "raises" in case["why"]
                print(("raises     " if ok else "DISAGREE   ") + f" {where}: {type(error).__name__}: {error}")
                counts["disagree"] += 0 if ok else 1
                continue
            if got == case["follows"]:
                counts["agree"] += 1
            else:
                counts["disagree"] += 1
                print(f"DISAGREE    {where}: reference {got}, fixture {case['follows']}")
    print(json.dumps(counts))
    sys.exit(1 if counts["disagree"] else 0)


if __name__ == "__main__":
    main()
