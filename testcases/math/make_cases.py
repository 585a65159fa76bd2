#!/usr/bin/env python3
"""Writes testcases/math/cases.jsonl: model completions with a math gold answer, each scored under
the math presets (math-verify, dapo, boxed, m2rl-paper), with the verdict m2rl must give.

Expectations are data worked out by construction, not any program's output:
- an equivalent rewrite of the gold is `correct`, a perturbation (near miss) is `incorrect`, and
  a completion with nothing the preset can extract is `no_answer`;
- for `dapo` (text after the last `Answer:`, Minerva normalisation, string equality) each item
  says by hand whether the two strings agree after that normalisation (see README.md);
- departures from PyPI math-verify 0.9.0 and tricky cases carry a "why".
Python 3 standard library only; deterministic. Run after editing; the output is committed."""
import json, os

ALL = ("math-verify", "dapo", "boxed", "m2rl-paper")

cases = []
seen = set()


def add(cat, name, gold, completion, preset, verdict, why=None):
    """One scored request: `verdict` is what m2rl must answer for this completion and preset."""
    assert verdict in ("correct", "incorrect", "no_answer"), verdict
    assert preset in ALL, preset
    assert "\n" not in gold and "$" not in gold.replace("\\$", ""), gold
    if preset == "dapo":
        # verl scores only the last 300 characters; keep every completion inside that window.
        assert len(completion) <= 300, (cat, name)
    cid = f"{cat}/{name}/{preset}"
    assert cid not in seen, cid
    seen.add(cid)
    case = {"id": cid, "completion": completion,
            "problem": {"id": f"{cat}/{name}", "domain": "math", "answer": gold,
                        "verifier": {"preset": preset}},
            "expect": {"verdict": verdict, "reward": 1.0 if verdict == "correct" else 0.0}}
    if why:
        case["why"] = why
    cases.append(case)


# ---------------------------------------------------------------------------------------------
# Completion wording. No digits in the prose, so nothing but the answer can be read as a number.
PROSE = [
    "Working through the algebra carefully,",
    "Putting the pieces together,",
    "After simplifying,",
    "Collecting the terms,",
    "Checking each case in turn,",
    "Combining the results above,",
    "From the computation,",
    "Simplifying the final expression,",
    "Substituting back,",
    "Reducing everything to lowest terms,",
    "Comparing both sides,",
]


def boxed_dollar(p, a):
    return f"{p} the result is $\\boxed{{{a}}}$."


def boxed_bare(p, a):
    return f"{p} we obtain \\boxed{{{a}}}"


def final_is(p, a):
    return f"{p} we are done.\nThe final answer is ${a}$. I hope it is correct."


def display_box(p, a):
    return f"{p} we get\n\\[\n\\boxed{{{a}}}\n\\]"


def answer_plain(p, a):
    return f"{p} we are done.\nAnswer: {a}"


def answer_dollar(p, a):
    return f"{p} we are done.\nAnswer: ${a}$"


MV_STYLES = [boxed_dollar, boxed_bare, final_is, display_box]
BOXED_STYLES = [boxed_bare, boxed_dollar]
PAPER_STYLES = [answer_plain, boxed_dollar, answer_dollar, display_box]
DAPO_STYLES = [answer_plain, answer_plain, answer_dollar]

counter = [0]


def item(cat, name, gold, ans, equiv, dapo=False, why=None, mv_why=None, presets=ALL, dapo_why=None):
    """One answer written four ways, one per preset.

    equiv: the answer is (True) or is not (False) equivalent to the gold: the verdict of the
        symbolic presets. dapo: the two strings agree after the Minerva normalisation.
    why: a note for every preset but dapo; mv_why replaces it for math-verify (where math-verify
        itself gets this case wrong); dapo_why replaces the generated note for dapo.
    """
    i = counter[0]
    counter[0] += 1
    p = PROSE[i % len(PROSE)]
    sym = "correct" if equiv else "incorrect"
    for preset in presets:
        if preset == "math-verify":
            add(cat, name, gold, MV_STYLES[i % len(MV_STYLES)](p, ans), preset, sym, mv_why or why)
        elif preset == "boxed":
            add(cat, name, gold, BOXED_STYLES[i % len(BOXED_STYLES)](p, ans), preset, sym, why)
        elif preset == "m2rl-paper":
            add(cat, name, gold, PAPER_STYLES[i % len(PAPER_STYLES)](p, ans), preset, sym, why)
        else:
            verdict = "correct" if dapo else "incorrect"
            w = dapo_why
            if w is None and verdict != sym:
                w = ("dapo compares strings after the Minerva normalisation, which does not "
                     "make these two equal" if equiv else
                     "dapo compares strings after the Minerva normalisation, which makes "
                     "these two equal although they differ")
            add(cat, name, gold, DAPO_STYLES[i % len(DAPO_STYLES)](p, ans), preset, verdict, w)


def C(cat, name, gold, ans, dapo=False, **kw):
    """An equivalent rewrite of the gold."""
    item(cat, name, gold, ans, True, dapo=dapo, **kw)


def W(cat, name, gold, ans, dapo=False, **kw):
    """A near miss: not equivalent to the gold."""
    item(cat, name, gold, ans, False, dapo=dapo, **kw)


def raw(cat, name, gold, completion, verdicts, why=None, whys=None):
    """One completion under the presets named in `verdicts` (preset → verdict)."""
    for preset, verdict in verdicts.items():
        w = (whys or {}).get(preset, why)
        add(cat, name, gold, completion, preset, verdict, w)


def V(mv, dapo, boxed, paper):
    """Shorthand for per-preset verdicts: c, i, n or None (preset left out)."""
    full = {"c": "correct", "i": "incorrect", "n": "no_answer"}
    out = {}
    for preset, v in zip(ALL, (mv, dapo, boxed, paper)):
        if v is not None:
            out[preset] = full[v]
    return out


MV_FN = "math-verify false negative: "
MV_FP = "math-verify false positive: "

# ---------------------------------------------------------------------------------------------
# Integers
K = "integer"
C(K, "plain", "42", "42", dapo=True)
C(K, "negative", "-17", "-17", dapo=True)
C(K, "leading-plus", "17", "+17")
C(K, "negative-with-space", "-17", "- 17", dapo=True)
C(K, "parenthesized-negative", "-17", "(-17)")
C(K, "leading-zeros", "7", "007")
C(K, "point-zero", "12", "12.0")
C(K, "point-double-zero", "12", "12.00")
C(K, "zero", "0", "0", dapo=True)
C(K, "negative-zero", "0", "-0")
C(K, "double-negative", "5", "-(-5)")
C(K, "sum", "12", "5+7")
C(K, "cdot-product", "12", r"3 \cdot 4")
C(K, "times-product", "12", r"3\times 4")
C(K, "text-wrapped", "12", r"\text{12}", dapo=True)
C(K, "mathbf-wrapped", "12", r"\mathbf{12}")
C(K, "as-fraction", "3", r"\frac{6}{2}")
C(K, "year", "-2024", "-2024", dapo=True)
C(K, "braced", "42", "{42}")
C(K, "left-right-parens", "-3", r"\left(-3\right)")
W(K, "off-by-one", "42", "41")
W(K, "off-by-one-up", "42", "43")
W(K, "sign-flip", "-17", "17")
W(K, "sign-flip-positive-gold", "17", "-17")
W(K, "digits-swapped", "42", "24")
W(K, "extra-digit", "42", "420")
W(K, "zero-vs-one", "0", "1")
W(K, "wrong-sum", "12", "5+8")
W(K, "fraction-not-integer", "3", r"\frac{2}{6}")
W(K, "decimal-near", "12", "12.5")
W(K, "half-off", "100", "100.5")
W(K, "year-off", "-2024", "-2025")
W(K, "product-wrong", "12", r"3 \cdot 5")
W(K, "negative-zero-vs-one", "-1", "1")

# ---------------------------------------------------------------------------------------------
# Thousands separators and decimal commas
K = "separators"
C(K, "comma", "1000", "1,000", dapo=True)
C(K, "brace-comma", "1000", "1{,}000", dapo=True)
C(K, "thin-space", "1000", r"1\,000", why=r"`\,` is a thin space between digit groups: 1000",
  mv_why=MV_FN + r"`1\,000` is read as 1*0; `\,` is a thin space between digit groups")
C(K, "comma-million", "1234567", "1,234,567", dapo=True)
C(K, "brace-comma-million", "1234567", "1{,}234{,}567", dapo=True)
C(K, "thin-space-million", "1234567", r"1\,234\,567", why=r"`\,` is a thin space between digit groups",
  mv_why=MV_FN + r"`1\,234\,567` is read as a product; `\,` separates digit groups")
C(K, "space-in-box", "1000", "1 000", dapo=True, why="TeX ignores spaces in math mode: 1000",
  mv_why=MV_FN + "`1 000` is read as 1*0; spaces in TeX math mode are ignored, so it is 1000")
C(K, "gold-with-comma", "1,000", "1000", dapo=True)
C(K, "gold-with-brace-comma", "1{,}000", "1000", dapo=True)
C(K, "comma-with-decimals", "1234.5", "1,234.5")
C(K, "dollar-and-comma", "2500", r"\$2,500", dapo=True)
C(K, "comma-and-decimal-zero", "1000", "1,000.0")
W(K, "comma-five-digit-group", "1000", "1,0000",
  why="`1,0000` is no thousands grouping; read as a list it is {1, 0}")
W(K, "comma-short-group", "1000", "1,00",
  why="`1,00` is no thousands grouping; read as a list it is {1, 0}")
W(K, "comma-million-off", "1234567", "1,234,568")
W(K, "brace-comma-off", "1000", "1{,}001")
W(K, "thin-space-off", "1000", r"1\,001")
W(K, "comma-wrong-magnitude", "10000", "1,000")
# Plain text, read by math-verify's number pattern (no LaTeX around it).
raw(K, "plain-comma-thousands", "1500", "Adding the two parts, the total is 1,500.", V("c", None, "n", "n"))
raw(K, "plain-decimal-comma", "1.5", "Dividing, the ratio is 1,5.", V("c", None, "n", "n"),
    why="in plain text math-verify reads a comma followed by other than three digits as a decimal comma")
raw(K, "plain-decimal-comma-wrong", "1.5", "Dividing, the ratio is 2,5.", V("i", None, "n", "n"))
raw(K, "boxed-decimal-comma", "0.5", r"The probability is $\boxed{0,5}$.", V("i", None, "i", "i"),
    why="inside LaTeX a comma separates list items, so `0,5` is the list {0, 5}, not one half")
raw(K, "answer-decimal-comma", "0.5", "Answer: 0,5", V(None, "i", None, None),
    why="dapo: `0,5` becomes `05` (commas are dropped from a string of digits), not `0.5`")
raw(K, "answer-comma-thousands", "25000", "Answer: 25,000", V("c", "c", None, "c"))
raw(K, "answer-brace-comma", "25000", "Answer: $25{,}000$", V("c", "c", None, "c"))

# ---------------------------------------------------------------------------------------------
# Decimals
K = "decimal"
C(K, "same", "0.5", "0.5", dapo=True)
C(K, "no-leading-zero", "0.5", ".5")
C(K, "trailing-zero", "0.5", "0.50")
C(K, "as-frac", "0.5", r"\frac{1}{2}")
C(K, "as-slash", "0.5", "1/2")
C(K, "gold-no-leading-zero", ".25", "0.25")
C(K, "quarter-shorthand-frac", "0.25", r"\frac14")
C(K, "negative-no-leading-zero", "-0.75", "-.75")
C(K, "three-places", "3.125", "3.125", dapo=True)
C(K, "three-places-as-frac", "3.125", r"\frac{25}{8}")
C(K, "third-long", r"\frac{1}{3}", "0.333333333333")
C(K, "two-thirds-long", r"\frac{2}{3}", "0.666666666667")
C(K, "seventh-long", r"\frac{1}{7}", "0.142857142857")
C(K, "gold-decimal-pred-frac", "0.125", r"\frac{1}{8}")
C(K, "negative-frac", "-0.2", r"-\frac{1}{5}")
C(K, "many-trailing-zeros", "2.5", "2.5000")
C(K, "decimal-sum", "0.3", "0.1+0.2")
W(K, "third-short", r"\frac{1}{3}", "0.33")
W(K, "third-four-places", r"\frac{1}{3}", "0.3333")
W(K, "two-thirds-truncated", r"\frac{2}{3}", "0.666")
W(K, "shifted-down", "0.5", "0.05")
W(K, "shifted-up", "0.5", "5")
W(K, "digits-swapped", "2.75", "2.57")
W(K, "sign", "-0.75", "0.75")
W(K, "seventh-short", r"\frac{1}{7}", "0.14")
W(K, "rounded", "3.125", "3.13")
W(K, "truncated", "3.125", "3.12")
# math-verify rounds floats to six decimals before comparing them (float_rounding=6).
raw(K, "third-six-places", r"\frac{1}{3}", r"So the probability is $\boxed{0.333333}$.", V("c", None, None, None),
    why="math-verify preset: floats are compared rounded to six decimals, 0.333333 = round(1/3, 6)")
raw(K, "two-thirds-six-places-rounded", r"\frac{2}{3}", r"So the probability is $\boxed{0.666667}$.",
    V("c", None, None, None), why="math-verify preset: round(2/3, 6) = 0.666667")
raw(K, "two-thirds-six-places-truncated", r"\frac{2}{3}", r"So the probability is $\boxed{0.666666}$.",
    V("i", None, None, None), why="math-verify preset: round(2/3, 6) = 0.666667, not 0.666666")
raw(K, "sqrt2-six-places", r"\sqrt{2}", r"Numerically, $\boxed{1.414214}$.", V("c", None, None, None),
    why="math-verify preset: round(sqrt 2, 6) = 1.414214")
raw(K, "pi-six-places", r"\pi", r"Numerically, $\boxed{3.141593}$.", V("c", None, None, None),
    why="math-verify preset: round(pi, 6) = 3.141593")
raw(K, "pi-two-places", r"\pi", r"Numerically, $\boxed{3.14}$.", V("i", None, "i", "i"))

# ---------------------------------------------------------------------------------------------
# Fractions
K = "fraction"
C(K, "same", r"\frac{3}{4}", r"\frac{3}{4}", dapo=True)
C(K, "dfrac", r"\frac{3}{4}", r"\dfrac{3}{4}")
C(K, "tfrac", r"\frac{3}{4}", r"\tfrac{3}{4}")
C(K, "slash", r"\frac{3}{4}", "3/4")
C(K, "decimal", r"\frac{3}{4}", "0.75")
C(K, "unreduced", r"\frac{3}{4}", r"\frac{6}{8}")
C(K, "shorthand", r"\frac{3}{4}", r"\frac34", dapo=True)
C(K, "gold-shorthand", r"\frac34", r"\frac{3}{4}", dapo=True)
C(K, "braced", r"\frac{3}{4}", r"{\frac{3}{4}}")
C(K, "parenthesized-slash", r"\frac{3}{4}", "(3)/(4)")
C(K, "nested", r"\frac{3}{4}", r"\frac{\frac{3}{2}}{2}")
C(K, "half-as-two-quarters", r"\frac{1}{2}", r"\frac{2}{4}")
C(K, "half-decimal", r"\frac{1}{2}", "0.5")
C(K, "half-slash", r"\frac{1}{2}", "1/2")
C(K, "half-shorthand", r"\frac{1}{2}", r"\frac12", dapo=True)
C(K, "negative-same", r"-\frac{2}{5}", r"-\frac{2}{5}", dapo=True)
C(K, "negative-numerator", r"-\frac{2}{5}", r"\frac{-2}{5}")
C(K, "negative-denominator", r"-\frac{2}{5}", r"\frac{2}{-5}")
C(K, "negative-slash", r"-\frac{2}{5}", "-2/5")
C(K, "negative-decimal", r"-\frac{2}{5}", "-0.4")
C(K, "negative-dfrac", r"-\frac{2}{5}", r"-\dfrac{2}{5}")
C(K, "mixed-number", r"\frac{7}{2}", r"3\frac{1}{2}",
  why=r"a whole number before a fraction is a mixed number: 3\frac{1}{2} = 7/2 (as math-verify reads it)")
C(K, "mixed-number-spaced", r"\frac{7}{2}", r"3 \frac{1}{2}")
C(K, "improper-decimal", r"\frac{7}{2}", "3.5")
C(K, "large-unreduced", r"\frac{355}{113}", r"\frac{710}{226}")
C(K, "gold-slash", "5/6", r"\frac{5}{6}")
C(K, "frac-of-sqrt-free", r"\frac{10}{4}", r"\frac{5}{2}")
C(K, "sum-of-fractions", r"\frac{5}{6}", r"\frac{1}{2}+\frac{1}{3}")
W(K, "reciprocal", r"\frac{3}{4}", r"\frac{4}{3}")
W(K, "sign", r"-\frac{2}{5}", r"\frac{2}{5}")
W(K, "numerator-off", r"\frac{3}{4}", r"\frac{3}{5}")
W(K, "near-decimal", r"\frac{3}{4}", "0.74")
W(K, "other-mixed-number", r"\frac{7}{2}", r"2\frac{1}{2}")
W(K, "close-approximation", r"\frac{355}{113}", r"\frac{22}{7}")
W(K, "double-negative", r"-\frac{2}{5}", r"\frac{-2}{-5}")
W(K, "slash-reciprocal", r"\frac{3}{4}", "4/3")
W(K, "dfrac-wrong", r"\frac{3}{4}", r"\dfrac{3}{8}")
W(K, "shorthand-swapped", r"\frac{3}{4}", r"\frac43")
W(K, "wrong-sum", r"\frac{5}{6}", r"\frac{2}{5}")
W(K, "gold-slash-wrong", "5/6", r"\frac{6}{5}")

# ---------------------------------------------------------------------------------------------
# Roots
K = "root"
C(K, "sqrt", r"\sqrt{2}", r"\sqrt{2}", dapo=True)
C(K, "sqrt-no-braces", r"\sqrt{2}", r"\sqrt2", dapo=True)
C(K, "power-half", r"\sqrt{2}", "2^{1/2}")
C(K, "power-frac-half", r"\sqrt{2}", r"2^{\frac{1}{2}}")
C(K, "decimal-long", r"\sqrt{2}", "1.41421356237310")
C(K, "rationalized", r"\frac{\sqrt{2}}{2}", r"\frac{1}{\sqrt{2}}")
C(K, "unrationalized-gold", r"\frac{1}{\sqrt{2}}", r"\frac{\sqrt{2}}{2}")
C(K, "simplified", r"2\sqrt{3}", r"\sqrt{12}")
C(K, "gold-unsimplified", r"\sqrt{12}", r"2\sqrt{3}")
C(K, "cdot", r"2\sqrt{3}", r"2 \cdot \sqrt{3}")
C(K, "commuted", r"2\sqrt{3}", r"\sqrt{3} \cdot 2")
C(K, "cube-root", "2", r"\sqrt[3]{8}")
C(K, "cube-root-gold", r"\sqrt[3]{2}", "2^{1/3}")
C(K, "fourth-root", "3", r"\sqrt[4]{81}")
C(K, "one-plus", r"\sqrt{3}+1", r"1+\sqrt{3}")
C(K, "sum-of-roots", r"\sqrt{8}+\sqrt{2}", r"3\sqrt{2}")
C(K, "denested", r"1+\sqrt{2}", r"\sqrt{3+2\sqrt{2}}")
C(K, "perfect-square", "5", r"\sqrt{25}")
C(K, "quotient", r"\sqrt{2}", r"\frac{2}{\sqrt{2}}")
C(K, "sqrt-of-fraction", r"\frac{\sqrt{3}}{3}", r"\sqrt{\frac{1}{3}}")
W(K, "radicand-swapped", r"2\sqrt{3}", r"3\sqrt{2}")
W(K, "missing-coefficient", r"2\sqrt{3}", r"\sqrt{3}")
W(K, "radicand-only", r"\sqrt{2}", "2")
W(K, "cube-vs-square", r"\sqrt[3]{2}", r"\sqrt{2}")
W(K, "sign", r"1-\sqrt{3}", r"\sqrt{3}-1")
W(K, "root-of-sum", r"\sqrt{8}+\sqrt{2}", r"\sqrt{10}")
W(K, "decimal-short", r"\sqrt{2}", "1.41")
W(K, "radicand-doubled", r"\sqrt{2}", r"\sqrt{4}")
W(K, "square-not-root", "5", "25")
W(K, "rationalized-wrong", r"\frac{\sqrt{2}}{2}", r"\sqrt{2}")
W(K, "fourth-root-wrong", "3", r"\sqrt[4]{27}")

# ---------------------------------------------------------------------------------------------
# Powers
K = "power"
C(K, "two-to-ten", "1024", "2^{10}")
C(K, "two-to-ten-no-braces", "1024", "2^10",
  why=r"TeX would set 2^10 as 2 to the 1 followed by 0, but a model means 2^{10} (as math-verify reads it)")
C(K, "four-to-five", "1024", "4^5")
C(K, "gold-power", "2^{10}", "1024")
C(K, "negative-exponent", r"\frac{1}{8}", "2^{-3}")
C(K, "fractional-exponent", "4", "8^{2/3}")
C(K, "power-of-power", "2^{12}", "(2^3)^4")
C(K, "power-to-integer", "2^{12}", "4096")
C(K, "square-of-negative", "9", "(-3)^2")
C(K, "zero-exponent", "1", "7^0")
C(K, "large-power", "3^{20}", "3486784401")
C(K, "two-to-hundred", "2^{100}", "1267650600228229401496703205376")
C(K, "same", "2^{10}", "2^{10}", dapo=True)
C(K, "product-of-powers", "2^{7}", r"2^3 \cdot 2^4")
W(K, "negative-square-precedence", "9", "-3^2")
W(K, "exponent-off", "1024", "2^{11}")
W(K, "base-exponent-swapped", "2^{10}", "10^2")
W(K, "product-not-power", "2^{10}", "20")
W(K, "large-power-off", "3^{20}", "3486784400")
W(K, "two-to-hundred-off-by-one", "2^{100}", "1267650600228229401496703205377",
  why="exact integers: a difference of one in 31 digits is still a difference")
W(K, "negative-exponent-sign", r"\frac{1}{8}", "2^{3}")
W(K, "zero-exponent-zero", "1", "0")

# ---------------------------------------------------------------------------------------------
# Constants: pi and e
K = "constant"
C(K, "two-pi", r"2\pi", r"2\pi", dapo=True)
C(K, "pi-times-two", r"2\pi", r"\pi \cdot 2")
C(K, "two-pi-decimal", r"2\pi", "6.28318530718")
C(K, "half-pi-slash", r"\frac{\pi}{2}", r"\pi/2")
C(K, "half-pi-coefficient", r"\frac{\pi}{2}", r"\frac{1}{2}\pi")
C(K, "gold-half-pi-slash", r"\pi/2", r"\frac{\pi}{2}")
C(K, "pi-squared", r"\pi^2", r"\pi \cdot \pi")
C(K, "area", r"25\pi", r"\pi \cdot 25")
C(K, "three-quarter-pi", r"\frac{3\pi}{4}", r"\frac{3}{4}\pi")
C(K, "pi-plus-one", r"\pi + 1", r"1 + \pi")
C(K, "e-squared-braces", "e^2", "e^{2}")
C(K, "e-squared-exp", "e^2", r"\exp(2)")
C(K, "e-squared-decimal", "e^2", "7.38905609893")
C(K, "e-squared-product", "e^2", r"e \cdot e")
C(K, "inverse-e", r"\frac{1}{e}", "e^{-1}")
C(K, "e-mathrm", "e", r"\mathrm{e}")
C(K, "pi-over-six-decimal", r"\frac{\pi}{6}", "0.523598775598")
W(K, "two-pi-decimal-short", r"2\pi", "6.28")
W(K, "pi-vs-degrees", r"\frac{\pi}{2}", r"90^\circ",
  why="degrees are not converted to radians: 90^\\circ is 90 (as math-verify reads it)")
W(K, "pi-missing", r"2\pi", "2")
W(K, "pi-squared-vs-two-pi", r"\pi^2", r"2\pi")
W(K, "area-radius", r"25\pi", r"5\pi")
W(K, "three-quarter-pi-inverted", r"\frac{3\pi}{4}", r"\frac{4\pi}{3}")
W(K, "e-doubled", "e^2", "2e")
W(K, "one-minus-inverse-e", r"1-\frac{1}{e}", r"1+\frac{1}{e}")
W(K, "pi-vs-approximation", r"\pi", r"\frac{22}{7}")
W(K, "e-vs-approximation", "e", "2.7")

# ---------------------------------------------------------------------------------------------
# Percentages. math-verify reads 50\% as 50/100 and also accepts the bare number 50.
K = "percent"
C(K, "same", r"50\%", r"50\%", dapo=True)
C(K, "bare-number", r"50\%", "50",
  why="a percentage gold also accepts its number without the sign (as math-verify does)")
C(K, "as-decimal", r"50\%", "0.5")
C(K, "as-fraction", r"50\%", r"\frac{1}{2}")
C(K, "gold-decimal-pred-percent", "0.5", r"50\%")
C(K, "gold-number-pred-percent", "50", r"50\%",
  why="a percentage answer matches the gold's number (as math-verify does)")
C(K, "fractional-as-decimal", r"12.5\%", "0.125")
W(K, "fractional-bare", r"12.5\%", "12.5",
  why="as math-verify: only an integer percentage also accepts its bare number (50 for 50%); 12.5% is 0.125")
C(K, "gold-plain-pred-percent", "25", r"25\%")
C(K, "unescaped-percent", r"50\%", "50%")
C(K, "text-percent", r"25\%", r"25 \text{ percent}")
W(K, "tenfold-smaller", r"50\%", r"5\%")
W(K, "wrong-decimal", r"50\%", "0.05")
W(K, "wrong-number", r"50\%", "5")
W(K, "fractional-shifted", r"12.5\%", "1.25")
W(K, "gold-plain-pred-fraction", "25", "0.25",
  why="without a percent sign in gold or answer, 25 and 0.25 are different numbers")
W(K, "percent-off", r"12.5\%", r"12\%")
raw(K, "plain-word-percent", r"50\%", "So the discount is 50 percent.", V("c", None, "n", "n"))
raw(K, "plain-percent-sign", r"50\%", "So the discount is 50%.", V("c", None, "n", "n"))
raw(K, "plain-percent-wrong", r"50\%", "So the discount is 40%.", V("i", None, "n", "n"))

# ---------------------------------------------------------------------------------------------
# Degrees. The degree sign is a unit: 30^\circ is 30 (no conversion to radians).
K = "degree"
C(K, "circ", r"30^\circ", r"30^\circ", dapo=True)
C(K, "circ-braced", r"30^\circ", r"30^{\circ}", dapo=True)
C(K, "bare", r"30^\circ", "30", dapo=True)
C(K, "gold-bare", "30", r"30^\circ", dapo=True)
C(K, "unicode-sign", "30", "30°", why="the Unicode degree sign is a unit like ^\\circ",
  mv_why=MV_FN + "the Unicode degree sign is not stripped, the answer stays an unparsed string")
C(K, "unicode-sign-gold-circ", r"30^\circ", "30°", why="the Unicode degree sign is ^\\circ",
  mv_why=MV_FN + "the Unicode degree sign is not stripped, the answer stays an unparsed string")
C(K, "text-degrees", "30", r"30 \text{ degrees}", dapo=True)
C(K, "circ-with-space", "45", r"45 ^\circ", dapo=True)
C(K, "decimal-degrees", r"22.5^\circ", "22.5", dapo=True)
C(K, "degree-macro", "30", r"30\degree", why=r"`\degree` (gensymb) is ^\circ",
  mv_why=MV_FN + r"`\degree` (the gensymb macro) is not stripped, the answer stays an unparsed string")
C(K, "circ-sum", r"90^\circ", r"45^\circ + 45^\circ")
W(K, "wrong", r"30^\circ", r"60^\circ")
W(K, "radians", r"30^\circ", r"\frac{\pi}{6}",
  why="degrees are not converted: the gold is 30, the answer about 0.52 (as math-verify reads it)")
W(K, "supplement", "120", r"60^\circ")
W(K, "unicode-wrong", "30", "35°")
W(K, "decimal-wrong", r"22.5^\circ", r"25.2^\circ")

# ---------------------------------------------------------------------------------------------
# Text and units around a number, and answer letters
K = "unit"
C(K, "cm", "5", r"5 \text{ cm}", dapo=True)
C(K, "gold-with-cm", r"5 \text{ cm}", "5", dapo=True)
C(K, "cm-both", r"5 \text{ cm}", r"5\text{ cm}", dapo=True)
C(K, "dollars", "10", r"10\text{ dollars}", dapo=True)
C(K, "dollar-sign", "10", r"\$10", dapo=True)
C(K, "mbox-dollars", "10", r"10 \mbox{ dollars}", dapo=True)
C(K, "mbox-number", "10", r"\mbox{10}", dapo=True)
C(K, "square-cm", "49", r"49 \text{ cm}^2", dapo=True)
C(K, "meters", "12", r"12 \text{ meters}", dapo=True)
C(K, "mathrm-unit", "12", r"12 \mathrm{~m}")
C(K, "hours", "3", r"3 \text{ hours}", dapo=True)
C(K, "cents", "75", r"75 \text{ cents}", dapo=True)
C(K, "thin-space-unit", "5", r"5\,\text{cm}")
C(K, "text-number", "12", r"\text{12}", dapo=True)
C(K, "textbf-number", "12", r"\textbf{12}", dapo=True)
C(K, "units-word", "8", r"8 \text{ units}", dapo=True)
C(K, "choice-letter", r"\text{(A)}", "A")
C(K, "choice-parenthesized", r"\text{(A)}", "(A)", dapo=True)
C(K, "choice-same", r"\text{(A)}", r"\text{(A)}", dapo=True)
C(K, "choice-bare-gold", "C", r"\text{(C)}")
C(K, "choice-text-letter", r"\text{(B)}", r"\text{B}")
W(K, "choice-wrong", r"\text{(A)}", r"\text{(B)}")
W(K, "choice-wrong-bare", "C", "D")
W(K, "cm-wrong-number", "5", r"6 \text{ cm}")
W(K, "dollars-wrong", "10", r"\$12")
W(K, "hours-vs-minutes", r"3 \text{ hours}", r"180 \text{ minutes}",
  why="units are dropped, not converted: 180 is not 3")
W(K, "meters-wrong", "12", r"21 \text{ meters}")
W(K, "square-cm-wrong", "49", r"7 \text{ cm}^2")
W(K, "cents-vs-dollars", "75", r"0.75 \text{ dollars}",
  why="units are dropped, not converted: 0.75 is not 75")

# ---------------------------------------------------------------------------------------------
# Plus-minus
K = "pm"
C(K, "pm-vs-set", r"\{-2, 2\}", r"\pm 2")
C(K, "gold-pm-pred-list", r"\pm 2", "-2, 2")
C(K, "gold-pm-pred-list-reversed", r"\pm 2", "2, -2")
C(K, "same", r"\pm 2", r"\pm 2", dapo=True)
C(K, "no-space", r"\pm 2", r"\pm2", dapo=True)
C(K, "expression", r"1 \pm \sqrt{2}", r"1+\sqrt{2}, 1-\sqrt{2}")
C(K, "gold-set-three", r"\{-3, 3\}", r"\pm 3")
C(K, "gold-pm-pred-set", r"\pm 5", r"\{5, -5\}")
W(K, "positive-only", r"\pm 2", "2")
W(K, "negative-only", r"\pm 2", "-2")
W(K, "wrong-value", r"\pm 2", r"\pm 3")
W(K, "expression-one-root", r"1 \pm \sqrt{2}", r"1+\sqrt{2}")
W(K, "expression-wrong", r"1 \pm \sqrt{2}", r"2 \pm \sqrt{2}")
W(K, "set-one-missing", r"\{-3, 3\}", "3")

# ---------------------------------------------------------------------------------------------
# Sets (unordered)
K = "set"
C(K, "same", r"\{1,2,3\}", r"\{1,2,3\}", dapo=True)
C(K, "reordered", r"\{1,2,3\}", r"\{3,1,2\}")
C(K, "spaces", r"\{1,2,3\}", r"\{1, 2, 3\}", dapo=True)
C(K, "no-braces", r"\{1,2,3\}", "1, 2, 3")
C(K, "left-right", r"\{1,2,3\}", r"\left\{1,2,3\right\}")
C(K, "fractions", r"\{\frac12, 2\}", r"\{2, 0.5\}")
C(K, "negatives-reordered", r"\{-1, -5\}", r"\{-5, -1\}")
C(K, "roots-reordered", r"\{\sqrt{2}, -\sqrt{2}\}", r"\{-\sqrt{2}, \sqrt{2}\}")
C(K, "empty-braces", r"\emptyset", r"\{\}")
C(K, "empty-varnothing", r"\emptyset", r"\varnothing", why=r"`\varnothing` and `\emptyset` are the same set",
  mv_why=MV_FN + r"`\varnothing` is read as a symbol named varnothing, not the empty set")
C(K, "points-reordered", r"\{(1,2),(3,4)\}", r"\{(3,4),(1,2)\}")
C(K, "expressions-reordered", r"\{2^3, 3^2\}", r"\{9, 8\}")
W(K, "missing-element", r"\{1,2,3\}", r"\{1,2\}")
W(K, "extra-element", r"\{1,2,3\}", r"\{1,2,3,4\}")
W(K, "wrong-element", r"\{1,2,3\}", r"\{1,2,4\}")
W(K, "signs-dropped", r"\{-1, -5\}", r"\{1, 5\}")
W(K, "empty-vs-zero", r"\emptyset", r"\{0\}")
W(K, "fractions-wrong", r"\{\frac12, 2\}", r"\{2, 0.2\}")
W(K, "points-one-wrong", r"\{(1,2),(3,4)\}", r"\{(1,2),(4,3)\}")

# ---------------------------------------------------------------------------------------------
# Tuples and points (ordered)
K = "tuple"
C(K, "same", "(1,2)", "(1,2)", dapo=True)
C(K, "spaces", "(1,2)", "(1, 2)", dapo=True)
C(K, "fraction-coordinate", r"(\frac12, 3)", "(0.5, 3)")
C(K, "negatives", "(-3,-4)", "(-3, -4)", dapo=True)
C(K, "three-d", "(1,2,3)", "(1, 2, 3)", dapo=True)
C(K, "labelled-point", "(1,2)", "P = (1,2)", dapo=True)
C(K, "sqrt-coordinate", r"(\sqrt{2}, 1)", r"(2^{1/2}, 1)")
C(K, "expression-coordinates", "(2,5)", "(1+1, 10/2)")
C(K, "four-tuple", "(1,0,0,1)", "(1, 0, 0, 1)", dapo=True)
C(K, "descending", "(3,1)", "(3, 1)", dapo=True)
C(K, "left-right", "(2,5)", r"\left(2, 5\right)")
W(K, "swapped", "(1,2)", "(2,1)")
W(K, "sign", "(3,-4)", "(3,4)")
W(K, "three-d-reversed", "(1,2,3)", "(3,2,1)")
W(K, "off-by-one", "(2,5)", "(2,6)")
W(K, "four-tuple-swapped", "(1,0,0,1)", "(1,0,1,0)")
W(K, "descending-swapped", "(3,1)", "(1,3)")
W(K, "labelled-wrong", "(1,2)", "P = (1,3)")
W(K, "too-short", "(1,2,3)", "(1,2)")

# ---------------------------------------------------------------------------------------------
# Intervals (ends and bracket kinds)
K = "interval"
C(K, "half-open", "[1,2)", "[1,2)", dapo=True)
C(K, "half-open-spaces", "[1,2)", "[1, 2)", dapo=True)
C(K, "to-minus-infinity", r"(-\infty, 3]", r"(-\infty,3]", dapo=True)
C(K, "real-line", r"(-\infty, \infty)", r"\mathbb{R}")
C(K, "union", r"(-\infty,1)\cup(2,\infty)", r"(-\infty,1) \cup (2,\infty)", dapo=True)
C(K, "union-reordered", r"(-\infty,1)\cup(2,\infty)", r"(2,\infty)\cup(-\infty,1)")
C(K, "union-left-right", r"(-\infty,1)\cup(2,\infty)", r"\left(-\infty,1\right)\cup\left(2,\infty\right)")
C(K, "fraction-end", r"[\frac12, 3]", "[0.5, 3]")
C(K, "plus-infinity", r"[0, \infty)", r"[0, +\infty)")
C(K, "decimal-ends", "[-1, 1]", "[-1.0, 1.0]")
C(K, "sqrt-ends", r"[-\sqrt{2}, \sqrt{2}]", r"[-2^{1/2}, 2^{1/2}]")
W(K, "closed-vs-half-open", "[1,2)", "[1,2]")
W(K, "open-vs-half-open", "[1,2)", "(1,2)")
W(K, "brackets-swapped", "[1,2)", "(1,2]")
W(K, "infinity-end-closed-open", r"(-\infty, 3]", r"(-\infty, 3)")
W(K, "union-bracket", r"(-\infty,1)\cup(2,\infty)", r"(-\infty,1]\cup(2,\infty)")
W(K, "union-part-missing", r"(-\infty,1)\cup(2,\infty)", r"(2,\infty)")
W(K, "fraction-end-wrong", r"[\frac12, 3]", "[0.5, 4]")
W(K, "wrong-direction", r"[0, \infty)", r"(-\infty, 0]")
W(K, "real-line-vs-half", r"(-\infty, \infty)", r"[0, \infty)")
raw(K, "gold-interval-pred-inequality", r"[3, \infty)", r"So the solution set is $\boxed{x \geq 3}$.",
    V("i", None, "i", "i"),
    why="as math-verify (allow_set_relation_comp=False): a gold relation is compared with a predicted set, "
        "but a predicted relation is not compared with a gold set")
raw(K, "gold-inequality-pred-interval", r"x \geq 3", r"So the solution set is $\boxed{[3, \infty)}$.",
    V("c", None, "c", "c"),
    why="a gold relation in one variable becomes a set when the prediction is one")

# ---------------------------------------------------------------------------------------------
# Matrices and vectors
K = "matrix"
M = r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"
C(K, "same", M, M, dapo=True)
C(K, "bmatrix", M, r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}")
C(K, "no-spaces", M, r"\begin{pmatrix}1&2\\3&4\end{pmatrix}")
C(K, "expression-entries", M, r"\begin{pmatrix} 1 & 1+1 \\ 6/2 & 2^2 \end{pmatrix}")
C(K, "fraction-entry", r"\begin{pmatrix} \frac12 & 0 \\ 0 & 1 \end{pmatrix}",
  r"\begin{pmatrix} 0.5 & 0 \\ 0 & 1 \end{pmatrix}")
C(K, "column-vector", r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}", r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}", dapo=True)
C(K, "column-vector-bmatrix", r"\begin{pmatrix} -1 \\ 4 \end{pmatrix}", r"\begin{bmatrix} -1 \\ 4 \end{bmatrix}")
C(K, "identity-three", r"\begin{pmatrix} 1 & 0 & 0 \\ 0 & 1 & 0 \\ 0 & 0 & 1 \end{pmatrix}",
  r"\begin{bmatrix} 1 & 0 & 0 \\ 0 & 1 & 0 \\ 0 & 0 & 1 \end{bmatrix}")
C(K, "sqrt-entries", r"\begin{pmatrix} \sqrt{2} & 0 \\ 0 & \sqrt{8} \end{pmatrix}",
  r"\begin{pmatrix} \sqrt{2} & 0 \\ 0 & 2\sqrt{2} \end{pmatrix}")
C(K, "negative-fraction-entries", r"\begin{pmatrix} -\frac{1}{2} & 1 \\ 1 & -\frac{1}{2} \end{pmatrix}",
  r"\begin{pmatrix} \frac{-1}{2} & 1 \\ 1 & -0.5 \end{pmatrix}")
W(K, "transposed", M, r"\begin{pmatrix} 1 & 3 \\ 2 & 4 \end{pmatrix}")
W(K, "entry-off", M, r"\begin{pmatrix} 1 & 2 \\ 3 & 5 \end{pmatrix}")
W(K, "scaled", M, r"\begin{pmatrix} 2 & 4 \\ 6 & 8 \end{pmatrix}")
W(K, "row-vs-column", r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}", r"\begin{pmatrix} 1 & 2 \end{pmatrix}")
W(K, "column-vector-sign", r"\begin{pmatrix} -1 \\ 4 \end{pmatrix}", r"\begin{pmatrix} 1 \\ 4 \end{pmatrix}")
W(K, "identity-off", r"\begin{pmatrix} 1 & 0 & 0 \\ 0 & 1 & 0 \\ 0 & 0 & 1 \end{pmatrix}",
  r"\begin{pmatrix} 1 & 0 & 0 \\ 0 & 0 & 1 \\ 0 & 1 & 0 \end{pmatrix}")
W(K, "fraction-entry-wrong", r"\begin{pmatrix} \frac12 & 0 \\ 0 & 1 \end{pmatrix}",
  r"\begin{pmatrix} 0.2 & 0 \\ 0 & 1 \end{pmatrix}")
W(K, "number-not-matrix", M, "10")

# ---------------------------------------------------------------------------------------------
# Equations
K = "equation"
C(K, "pred-assignment", "3", "x = 3", dapo=True,
  why="an equation whose left side is a variable is compared by its right side when the gold is a value")
C(K, "gold-assignment", "x = 3", "3", dapo=True)
C(K, "both-assignment", "x = 3", "x=3", dapo=True)
C(K, "line-gold-pred-rhs", "y = 2x+1", "2x+1", dapo=True)
C(K, "line-reordered", "y = 2x+1", "y = 1 + 2x")
C(K, "line-rhs-reordered", "y = 2x+1", "1+2x")
C(K, "gold-expr-pred-line", "2x+1", "y = 2x+1", dapo=True)
C(K, "implicit-line-same", "3x+4y+14=0", "3x + 4y + 14 = 0", dapo=True)
C(K, "implicit-line-moved", "3x+4y+14=0", "3x+4y=-14",
  why="the same line: 3x+4y=-14 has the same solutions as 3x+4y+14=0")
C(K, "implicit-line-scaled", "3x+4y+14=0", "6x+8y+28=0", dapo=True,
  dapo_why="dapo keeps only the text after the last `=`: 0 against 0",
  why="the same line: an equation multiplied through by 2 has the same solutions")
C(K, "circle-reordered", "x^2+y^2=25", "y^2+x^2=25", dapo=True,
  dapo_why="dapo keeps only the text after the last `=`: 25 against 25")
C(K, "k-fraction", r"\frac{3}{2}", r"k = \frac{3}{2}", dapo=True)
C(K, "chain", "7", "x = 3 + 4 = 7", dapo=True,
  why="a chain a = b = c is compared by its last right side")
C(K, "function-definition", "x^2", "f(x) = x^2", dapo=True)
C(K, "two-assignments", "x=1, y=2", "x = 1, y = 2", dapo=True,
  dapo_why="dapo keeps only the text after the last `=`: 2 against 2")
C(K, "assignment-fraction", r"x = \frac{1}{2}", "x = 0.5")
W(K, "other-variable", "x = 3", "y = 3", dapo=True,
  why="both sides are assignments to different variables; dapo keeps only the text after the last "
      "= and so sees 3 and 3")
W(K, "line-slope-sign", "y = 2x+1", "y = 2x-1")
W(K, "line-intercept", "y = 2x+1", "2x+2")
W(K, "implicit-line-different", "3x+4y+14=0", "3x - y + 13 = 0", dapo=True,
  dapo_why="a dapo false positive, kept as verl has it: only the text after the last `=` counts, 0 against 0")
W(K, "circle-radius", "x^2+y^2=25", "x^2+y^2=5")
W(K, "chain-wrong-end", "7", "x = 3 + 4 = 8")
W(K, "value-mismatch", "5", "x = 6")
W(K, "assignment-wrong", "x = 3", "x = -3")
W(K, "two-assignments-swapped", "x=1, y=2", "x = 2, y = 1")

# ---------------------------------------------------------------------------------------------
# Inequalities
K = "inequality"
C(K, "same", "x > 3", "x > 3", dapo=True)
C(K, "flipped", "x > 3", "3 < x")
C(K, "no-spaces", "x > 3", "x>3", dapo=True)
C(K, "geq-spelling", r"x \geq 3", r"x \ge 3")
C(K, "geq-flipped", r"x \geq 3", r"3 \leq x")
C(K, "geq-as-interval", r"x \geq 3", r"[3, \infty)")
C(K, "gt-as-interval", "x > 3", r"(3, \infty)")
C(K, "double-as-interval", "1 < x < 2", "(1,2)")
C(K, "double-same", r"1 < x \le 2", r"1 < x \leq 2")
C(K, "leq-same", r"x \leq -1", r"x \leq -1", dapo=True)
C(K, "leq-fraction", r"x \leq \frac{1}{2}", r"x \leq 0.5")
W(K, "strict-vs-non-strict", r"x \geq 3", "x > 3")
W(K, "direction", "x > 3", "x < 3")
W(K, "bound", "x > 3", "x > 4")
W(K, "double-wrong-bracket", r"1 < x \le 2", "(1,2)")
W(K, "other-variable", "x > 3", "y > 3")
W(K, "interval-wrong-bracket", r"x \geq 3", r"(3, \infty)")
W(K, "leq-sign", r"x \leq -1", r"x \leq 1")
W(K, "flipped-wrong", "x > 3", "3 > x")

# ---------------------------------------------------------------------------------------------
# Functions with exact values
K = "function"
C(K, "sin-pi-sixth", r"\frac{1}{2}", r"\sin(\pi/6)")
C(K, "sin-frac-pi-sixth", r"\frac{1}{2}", r"\sin\frac{\pi}{6}")
C(K, "cos-pi-third", r"\frac{1}{2}", r"\cos(\pi/3)")
C(K, "tan-pi-quarter", "1", r"\tan(\pi/4)")
C(K, "cos-pi-sixth", r"\frac{\sqrt{3}}{2}", r"\cos\left(\frac{\pi}{6}\right)")
C(K, "cos-pi", "-1", r"\cos\pi")
C(K, "sin-degrees", r"\frac{\sqrt{3}}{2}", r"\sin 60^\circ",
  why=r"the argument of a trigonometric function in degrees is converted: sin 60^\circ = sqrt(3)/2",
  mv_why=MV_FN + r"inside a trigonometric function 60^\circ is 60 degrees; math-verify takes sin(60 radians)")
C(K, "log-two-eight", "3", r"\log_2 8")
C(K, "gold-log-two-eight", r"\log_2 8", "3")
C(K, "ln-e-squared", "2", r"\ln(e^2)")
C(K, "log-ten", "3", r"\log_{10} 1000")
C(K, "ln-product", r"\ln 6", r"\ln 2 + \ln 3")
C(K, "log-base-e", r"\ln 2", r"\log_e 2", why=r"`\log_e` is the natural logarithm",
  mv_why=MV_FN + r"`\log_e 2` is parsed as 2; it is the natural logarithm of 2")
C(K, "exp-one", "e", r"\exp(1)")
C(K, "exp-ln", "5", r"e^{\ln 5}")
C(K, "arctan-one", r"\frac{\pi}{4}", r"\arctan 1")
C(K, "arcsin-half", r"\frac{\pi}{6}", r"\arcsin\frac12")
C(K, "pythagorean-identity", "1", r"\sin^2(\pi/5)+\cos^2(\pi/5)")
C(K, "double-angle", r"\sin 2x", r"2\sin x\cos x")
C(K, "cos-double-angle", r"\cos 2x", r"1 - 2\sin^2 x")
C(K, "secant", "2", r"\sec(\pi/3)")
C(K, "factorial", "120", "5!")
C(K, "binomial", "10", r"\binom{5}{2}")
C(K, "choose", "10", r"{5 \choose 2}")
C(K, "absolute-value", "5", "|-5|")
C(K, "floor", "3", r"\lfloor 3.7 \rfloor")
C(K, "ceiling", "4", r"\lceil 3.2 \rceil")
C(K, "sum", "55", r"\sum_{k=1}^{10} k")
W(K, "sin-pi-sixth-vs-root", r"\frac{\sqrt{3}}{2}", r"\sin(\pi/6)")
W(K, "ln-vs-log-ten", r"\ln 2", r"\log_{10} 2")
W(K, "ln-wrong", r"\ln 6", r"\ln 5")
W(K, "arcsin-degrees", r"\frac{\pi}{6}", "30")
W(K, "double-angle-wrong", r"\sin 2x", r"2\sin x")
W(K, "factorial-wrong", "120", "6!")
W(K, "binomial-wrong", "10", r"\binom{6}{2}")
W(K, "floor-vs-ceiling", "3", r"\lceil 3.7 \rceil")
W(K, "tan-wrong", "1", r"\tan(\pi/3)")
W(K, "log-wrong-base", "3", r"\log_3 8")
W(K, "sum-wrong-limit", "55", r"\sum_{k=1}^{9} k")

# ---------------------------------------------------------------------------------------------
# Expressions with variables
K = "expression"
C(K, "square-expanded", "x^2+2x+1", "(x+1)^2")
C(K, "square-factored-gold", "(x+1)^2", "x^2+2x+1")
C(K, "distributed", "2(a+b)", "2a+2b")
C(K, "commuted", "2(a+b)", "2(b+a)")
C(K, "half-slash", r"\frac{x}{2}", "x/2")
C(K, "half-decimal", r"\frac{x}{2}", "0.5x")
C(K, "difference-of-squares", "x^2-1", "(x-1)(x+1)")
C(K, "reciprocal-power", r"\frac{1}{x+1}", "(x+1)^{-1}")
C(K, "reordered", "3n+1", "1+3n")
C(K, "triangular", r"\frac{n(n+1)}{2}", r"\frac{n^2+n}{2}")
C(K, "cube-expanded", "(a+b)^3", "a^3+3a^2b+3ab^2+b^3")
C(K, "rational-simplified", r"\frac{x^2-4}{x-2}", "x+2",
  why="equal as rational functions (they differ only where the gold is undefined)")
C(K, "exponent-law", "x^{5}", r"x^2 \cdot x^3")
C(K, "sqrt-power", r"\sqrt{x}", "x^{1/2}")
C(K, "factored-common", "xy+x", "x(y+1)")
C(K, "product-order", "2ab", "2ba", why="multiplication commutes: 2ba = 2ab",
  mv_why=MV_FN + "the gold `2ab` is parsed as the number 2 (the letters after the number are dropped as a unit)")
C(K, "fractions-added", r"\frac{1}{x}+\frac{1}{y}", r"\frac{x+y}{xy}")
C(K, "cdot", "6x", r"6 \cdot x")
C(K, "times", "6x", r"6 \times x")
C(K, "same", "x^2+1", "x^2+1", dapo=True)
C(K, "spaces", "x^2+1", "x^2 + 1", dapo=True)
C(K, "binomial-product", "(x-2)(x+3)", "x^2+x-6")
C(K, "pi-r-squared", r"\pi r^2", r"r^2\pi")
W(K, "square-sign", "x^2+2x+1", "(x-1)^2")
W(K, "distributed-wrong", "2(a+b)", "2a+b")
W(K, "difference-of-squares-wrong", "x^2-1", "(x-1)^2")
W(K, "renamed-variable", "3n+1", "3m+1")
W(K, "triangular-wrong", r"\frac{n(n+1)}{2}", r"\frac{n(n-1)}{2}")
W(K, "cube-wrong", "(a+b)^3", "a^3+b^3")
W(K, "exponent-law-wrong", "x^{5}", "x^{6}")
W(K, "factored-wrong", "xy+x", "x(y-1)")
W(K, "coefficient", "2ab", "3ab")
W(K, "fractions-added-wrong", r"\frac{1}{x}+\frac{1}{y}", r"\frac{2}{x+y}")
W(K, "binomial-product-wrong", "(x-2)(x+3)", "x^2-x-6")
W(K, "circumference-not-area", r"\pi r^2", r"2\pi r")
W(K, "half-wrong", r"\frac{x}{2}", "2x")

# ---------------------------------------------------------------------------------------------
# Large numbers and exact rationals
K = "large"
BIG = "123456789012345678901234567890"
C(K, "thirty-digits", BIG, BIG, dapo=True)
C(K, "nine-digits-commas", "123456789", "123,456,789", dapo=True)
C(K, "factorial-ten", "3628800", "10!")
C(K, "two-to-sixty-four", "2^{64}", "18446744073709551616")
C(K, "tiny-power", r"\frac{1}{2^{99}}", "2^{-99}")
C(K, "big-fraction", r"\frac{1}{123456789}", r"\frac{2}{246913578}")
W(K, "thirty-digits-last-off", BIG, "123456789012345678901234567891",
  why="exact integers: the last of 30 digits differs")
W(K, "two-to-sixty-four-minus-one", "2^{64}", "18446744073709551615")
W(K, "nine-digits-off-by-one", "123456789", "123456790",
  why="exact integers: a relative difference of 8e-9 must not be rounded away")
W(K, "tiny-power-off", r"\frac{1}{2^{99}}", r"\frac{1}{2^{98}}", why="exact rationals: 2^-98 is twice 2^-99",
  mv_why=MV_FP + "(a - b).evalf(chop=True) chops the tiny difference 2^-99 to zero; exact rationals differ")
W(K, "tiny-tenth-power", r"\frac{1}{10^{20}}", r"\frac{2}{10^{20}}", why="exact rationals: twice the gold",
  mv_why=MV_FP + "(a - b).evalf(chop=True) chops the difference 10^-20 to zero; exact rationals differ")
W(K, "factorial-ten-wrong", "3628800", "9!")
W(K, "big-fraction-wrong", r"\frac{1}{123456789}", r"\frac{1}{123456788}",
  why="exact rationals: the two differ by about 6.6e-17, which must not be rounded away")

# ---------------------------------------------------------------------------------------------
# Scientific notation
K = "scientific"
C(K, "times-ten", "1200", r"1.2\times10^{3}")
C(K, "cdot-ten", "1200", r"1.2 \cdot 10^3")
C(K, "gold-scientific", r"1.2\times10^{3}", "1200")
C(K, "negative-exponent", "0.00012", r"1.2\times 10^{-4}")
C(K, "spaces", r"3\times10^{8}", r"3 \times 10^{8}", dapo=True)
C(K, "to-integer", r"3\times10^{8}", "300000000")
C(K, "to-commas", r"3\times10^{8}", "300,000,000")
C(K, "other-mantissa", r"6.02\times10^{23}", r"60.2\times10^{22}",
  why="exact decimals: 60.2 x 10^22 = 6.02 x 10^23",
  mv_why=MV_FN + "binary floats make 60.2e22 and 6.02e23 differ; as exact decimals they are equal")
C(K, "small-to-decimal", r"5\times10^{-3}", "0.005")
C(K, "same", r"2.5\times10^{-2}", r"2.5\times10^{-2}", dapo=True)
C(K, "power-of-ten-only", "1000000", "10^6")
C(K, "one-times-power", "1000000", r"1\times 10^{6}")
W(K, "exponent-off", "1200", r"1.2\times10^{4}")
W(K, "negative-exponent-off", "0.00012", r"1.2\times 10^{-5}")
W(K, "mantissa-off", r"3\times10^{8}", r"3.1\times10^{8}")
W(K, "exponent-off-large", r"6.02\times10^{23}", r"6.02\times10^{22}")
W(K, "exponent-sign", r"5\times10^{-3}", r"5\times10^{3}")
W(K, "power-of-ten-off", "1000000", "10^7")

# ---------------------------------------------------------------------------------------------
# Words and text answers
K = "word"
C(K, "yes", r"\text{yes}", r"\text{yes}", dapo=True)
C(K, "yes-bare", r"\text{yes}", "yes", dapo=True)
C(K, "yes-capitalized", r"\text{yes}", r"\text{Yes}",
  why="text answers compare without regard to case (as math-verify does)")
C(K, "yes-upper", r"\text{yes}", r"\text{YES}")
C(K, "odd", r"\text{odd}", r"\text{odd}", dapo=True)
C(K, "odd-bare", r"\text{odd}", "odd", dapo=True)
C(K, "odd-textbf", r"\text{odd}", r"\textbf{odd}", dapo=True)
C(K, "even-mathrm", r"\text{even}", r"\mathrm{even}")
C(K, "tuesday", r"\text{Tuesday}", r"\text{Tuesday}", dapo=True)
C(K, "tuesday-bare", r"\text{Tuesday}", "Tuesday", dapo=True)
C(K, "tuesday-lowercase", r"\text{Tuesday}", r"\text{tuesday}")
C(K, "name", r"\text{Alice}", r"\text{Alice}", dapo=True)
C(K, "direction-capitalized", r"\text{east}", r"\text{East}")
C(K, "true-lowercase", r"\text{True}", r"\text{true}")
C(K, "no", r"\text{no}", r"\text{no}", dapo=True)
W(K, "yes-vs-no", r"\text{yes}", r"\text{no}")
W(K, "odd-vs-even", r"\text{odd}", r"\text{even}")
W(K, "tuesday-vs-wednesday", r"\text{Tuesday}", r"\text{Wednesday}")
W(K, "name-wrong", r"\text{Alice}", r"\text{Bob}")
W(K, "direction-wrong", r"\text{east}", r"\text{west}")
W(K, "word-vs-number", "5", r"\text{five}")
W(K, "true-vs-false", r"\text{True}", r"\text{False}")
W(K, "no-vs-yes-bare", r"\text{no}", "yes")
W(K, "name-bare-wrong", r"\text{Alice}", "Alicia")
# Plain words after "Answer:": math-verify finds no LaTeX and no number.
raw(K, "answer-line-word", r"\text{no}", "Checking both cases, it cannot be done.\nAnswer: no",
    V("n", "c", "n", "c"),
    whys={"math-verify": "math-verify extracts LaTeX, numbers and expressions; a bare word outside "
                         "LaTeX is none of these"})
raw(K, "answer-line-day", r"\text{Tuesday}", "Counting forward from Monday:\nAnswer: Tuesday",
    V("n", "c", "n", "c"))
raw(K, "answer-line-day-wrong", r"\text{Tuesday}", "Counting forward from Monday:\nAnswer: Friday",
    V("n", "i", "n", "i"))
raw(K, "prose-only-word", r"\text{Tuesday}", "Counting forward, the meeting falls on a Tuesday.",
    V("n", "n", "n", "n"))

# ---------------------------------------------------------------------------------------------
# Several answers (unordered lists)
K = "multiple"
C(K, "reordered", "1, 2", "2, 1")
C(K, "same", "1, 2", "1, 2", dapo=True)
C(K, "with-and", "1, 2", r"1 \text{ and } 2", dapo=True)
C(K, "three-reordered", "-1, 0, 1", "1, -1, 0")
C(K, "as-set", "1, 2", r"\{1, 2\}")
C(K, "roots", r"2 \pm \sqrt{3}", r"2+\sqrt{3}, 2-\sqrt{3}")
C(K, "fractions-reordered", r"\frac12, \frac13", r"\frac13, \frac12")
C(K, "assignments", "1, 2", "x=1, x=2",
  why="a list of assignments to one variable is compared by their right sides")
C(K, "negatives-reordered", "-3, 4", "4, -3")
C(K, "decimal-and-fraction", r"\frac12, 3", "3, 0.5")
W(K, "wrong-element", "1, 2", "1, 3")
W(K, "one-missing", "1, 2", "1")
W(K, "three-one-missing", "-1, 0, 1", "-1, 1")
W(K, "fractions-wrong", r"\frac12, \frac13", r"\frac12, \frac14")
W(K, "one-extra", "1, 2", "1, 2, 3")
W(K, "signs-swapped", "-3, 4", "3, -4")
raw(K, "separate-boxes", "1, 2", r"The roots are $\boxed{1}$ and $\boxed{2}$.", V("c", "n", "i", "i"),
    whys={"math-verify": "math-verify joins LaTeX groups linked by `and` into one set {1, 2}",
          "boxed": "the last box alone is the answer: 2 is not {1, 2}",
          "m2rl-paper": "the last box alone is the answer: 2 is not {1, 2}"})
raw(K, "solutions-in-prose", "1, 2", "The solutions are $x=1$ and $x=2$.", V("c", "n", "n", "n"))
raw(K, "digits-run-together", "1, 2", "Answer: 12", V("i", "c", None, "i"),
    whys={"dapo": "dapo: `1,2` (spaces removed) is all digits once commas go, so it becomes `12`"})

# ---------------------------------------------------------------------------------------------
# Complex numbers: i is the imaginary unit
K = "complex"
C(K, "same", "1+i", "1+i", dapo=True)
C(K, "commuted", "1+i", "i+1")
C(K, "imaginary-only", "2i", "2i", dapo=True)
C(K, "imaginary-cdot", "2i", r"2 \cdot i", why="i is the imaginary unit, the same in both",
  mv_why=MV_FN + "`2i` makes i a real symbol and `2 \\cdot i` a complex one; the two symbols never match")
C(K, "spaces", "3-4i", "3 - 4i", dapo=True)
C(K, "fraction-form", r"\frac{1}{2}+\frac{\sqrt{3}}{2}i", r"\frac{1+\sqrt{3}i}{2}")
C(K, "pm-i", r"\{i, -i\}", r"\pm i")
C(K, "quotient", "1+i", r"\frac{2}{1-i}", why="i is the imaginary unit: 2/(1-i) = 1+i",
  mv_why=MV_FN + "i stays a plain symbol, so 2/(1-i) is not simplified to 1+i")
C(K, "i-squared", "-1", "i^2", why="i is the imaginary unit: i^2 = -1",
  mv_why=MV_FN + "i stays a plain symbol, so i^2 is not -1")
C(K, "modulus", "5", "|3+4i|", why="i is the imaginary unit: |3+4i| = 5",
  mv_why=MV_FN + "i stays a plain symbol, so |3+4i| is not 5")
W(K, "conjugate", "1+i", "1-i")
W(K, "imaginary-vs-real", "2i", "2")
W(K, "sign-of-imaginary", "3-4i", "3+4i")
W(K, "fraction-form-conjugate", r"\frac{1}{2}+\frac{\sqrt{3}}{2}i", r"\frac{1-\sqrt{3}i}{2}")
W(K, "real-part-wrong", "1+i", "2+i")
W(K, "i-squared-wrong", "-1", "i^3")

# ---------------------------------------------------------------------------------------------
# Nothing to extract
K = "no-answer"
raw(K, "empty-completion", "42", "", V("n", "n", "n", "n"))
raw(K, "gives-up", "42", "I could not find a way to solve this problem.", V("n", "n", "n", "n"))
raw(K, "number-in-words", "42", "The number of apples is forty-two.", V("n", "n", "n", "n"))
raw(K, "empty-box", "42", r"Therefore the answer is \boxed{}.", V("n", "n", "n", "n"))
raw(K, "empty-box-in-dollars", "42", r"Therefore the answer is $\boxed{}$.", V("n", "n", "n", "n"))
raw(K, "blank-box", "42", r"Therefore the answer is \boxed{ }.", V("n", "n", "n", "n"))
raw(K, "answer-label-only", "42", "After all that work,\nAnswer:", V("n", "n", "n", "n"))
raw(K, "unclosed-box", "42", r"Therefore the answer is \boxed{42", V("n", "n", "n", "n"),
    why="the box never closes, so there is no box to read")
raw(K, "answer-word-none", "42", "Answer: none", V("n", "i", "n", "i"),
    whys={"dapo": "dapo compares whatever follows `Answer:`; `none` is not 42",
          "m2rl-paper": "something follows `Answer:`; `none` is not 42"})
raw(K, "fbox-only", "42", r"Therefore the answer is \fbox{42}.", V("n", "n", "c", None),
    whys={"math-verify": r"math-verify reads \boxed only", "boxed": r"the boxed preset reads \fbox too"})
raw(K, "junk-in-box", "42", r"Therefore the answer is $\boxed{???}$.", V("i", "n", "i", "i"),
    why="something was extracted, it is just not a number")
raw(K, "text-in-box", "42", r"Therefore the answer is $\boxed{\text{I don't know}}$.", V("i", "n", "i", "i"))
raw(K, "question-only", "42", "How many apples are left in the basket?", V("n", "n", "n", "n"))
raw(K, "whitespace-only", "42", "   \n\n  ", V("n", "n", "n", "n"))

# ---------------------------------------------------------------------------------------------
# Completion styles (gold 42)
K = "style"
S = [
    ("boxed-in-prose", r"Adding the parts gives $\boxed{42}$ in total.", V("c", "n", "c", "c")),
    ("boxed-bare", r"So the total is \boxed{42}.", V("c", "n", "c", "c")),
    ("boxed-spaces-inside", r"So the total is $\boxed{ 42 }$.", V("c", "n", "c", "c")),
    ("boxed-display-dollars", "So the total is\n$$\\boxed{42}$$", V("c", "n", "c", "c")),
    ("boxed-display-brackets", "So the total is\n\\[\\boxed{42}\\]", V("c", "n", "c", "c")),
    ("boxed-then-text", r"$\boxed{42}$ is the number of apples, since every basket holds the same amount.",
     V("c", "n", "c", "c")),
    ("boxed-then-numbers", "So the total is $\\boxed{42}$.\nThis took three steps and 7 minutes.",
     V("c", "n", "c", "c")),
    ("boxed-period-inside", r"So the total is $\boxed{42.}$", V("c", "n", "c", "c")),
    ("boxed-heading", "### Final Answer\n$\\boxed{42}$", V("c", "n", "c", "c")),
    ("bold-heading-boxed", "**Final Answer**\n\n\\boxed{42}", V("c", "n", "c", "c")),
    ("final-answer-is", "The final answer is $42$. I hope it is correct.", V("c", "n", "n", "n")),
    ("final-answer-is-boxed", r"The final answer is: $\boxed{42}$", V("c", "n", "c", "c")),
    ("final-answer-is-plain", "The final answer is 42.", V("c", "n", "n", "n")),
    ("answer-colon", "Answer: 42", V("c", "c", "n", "c")),
    ("answer-colon-dollars", "Answer: $42$", V("c", "c", "n", "c")),
    ("answer-colon-boxed", r"Answer: $\boxed{42}$", V("c", "c", "c", "c")),
    ("answer-colon-boxed-bare", r"Answer: \boxed{42}", V("c", "c", "c", "c")),
    ("answer-after-work", "We count the apples in each basket.\nAnswer: 42", V("c", "c", "n", "c")),
    ("answer-then-explanation", "Answer: 42\nThat is the total number of apples.", V("c", "c", "n", "c")),
    ("answer-trailing-period", "Answer: 42.", V("c", "i", "n", "c")),
    ("answer-dollars-trailing-period", "Answer: $42$.", V("c", "c", "n", "c")),
    ("bold-answer", "**Answer:** 42", V("c", "i", "n", "c")),
    ("bold-answer-dollars", "**Answer:** $42$", V("c", "c", "n", "c")),
    ("final-answer-colon", "Final Answer: 42", V("c", "c", "n", "c")),
    ("answer-label-then-newline", "Answer:\n42", V("c", "c", "n", None)),
    ("answer-lowercase", "answer: 42", V("c", "c", "n", None)),
    ("answer-no-space", "Answer:42", V("n", "c", "n", "c")),
    ("answer-with-unit-word", "Answer: 42 apples", V("c", "i", "n", None)),
    ("two-answer-lines", "Answer: 24\nWait, I misread the question.\nAnswer: 42", V("c", "c", "n", "c")),
    ("answer-then-check", "Answer: 42. Double-check: 40 + 2 = 42.", V("c", "i", "n", None)),
    ("answer-then-other-equation", "Answer: 42. Check: 3 + 4 = 7.", V("i", "i", "n", None)),
    ("dollars-last", "Adding the parts, the total is $42$.", V("c", "n", "n", "n")),
    ("paren-delimiters", r"Adding the parts, the total is \(42\).", V("c", "n", "n", "n")),
    ("display-brackets", "Adding the parts, the total is\n\\[42\\]", V("c", "n", "n", "n")),
    ("assignment-last", "So $n = 42$.", V("c", "n", "n", "n")),
    ("plain-number-last", "Adding the parts, the total is 42", V("c", "n", "n", "n")),
    ("last-number-wins", "We tried 40 and then 41, and neither works.", V("i", "n", "n", "n")),
    ("number-after-answer", "So $x = 42$, which took us 12 steps.", V("i", "n", "n", "n")),
    ("two-boxes-last-right", r"A first guess is $\boxed{40}$; after fixing an error, $\boxed{42}$.",
     V("c", "n", "c", "c")),
    ("two-boxes-last-wrong", r"We get $\boxed{42}$. Checking the alternative $\boxed{24}$ fails.",
     V("i", "n", "i", "i")),
    ("two-bare-boxes-last-wrong", r"\boxed{42} and also \boxed{24}", V("i", "n", "i", "i")),
    ("box-then-answer-line", "$\\boxed{24}$\nAnswer: 42", V("i", "c", "i", "c")),
    ("answer-line-then-box", "Answer: 24\nDouble-checking gives $\\boxed{42}$.", V("c", "i", "c", "i")),
    ("box-wins-over-later-number", r"So the total is $\boxed{42}$, out of 50 possible.", V("c", "n", "c", "c")),
    ("nested-box", r"So the total is $\boxed{\boxed{42}}$.", V("c", "n", "c", "c")),
    ("box-with-text-and-number", r"So the total is $\boxed{42 \text{ apples}}$.", V("c", "n", "c", "c")),
    ("wrong-boxed", r"So the total is $\boxed{24}$.", V("i", "n", "i", "i")),
    ("wrong-answer-line", "Answer: 24", V("i", "i", "n", "i")),
]
for name, completion, verdicts in S:  # notes for the surprising verdicts
    whys = {}
    if name == "boxed-period-inside":
        whys["math-verify"] = MV_FN + "`42.` is left as an unparsed string; it is the decimal 42."
    if name == "answer-trailing-period":
        whys["dapo"] = "dapo keeps the trailing period of a plain answer: `42.` is not `42`"
        whys["m2rl-paper"] = "a sentence's full stop after the answer is not part of it"
    if name == "bold-answer":
        whys["dapo"] = "dapo takes everything after `Answer:`, here `** 42`, which normalises to `**42`"
        whys["m2rl-paper"] = "markdown emphasis around the label is not part of the answer"
    if name == "bold-answer-dollars":
        whys["dapo"] = "dapo keeps the text between the first pair of $, so `**$42$` becomes `42`"
    if name == "answer-no-space":
        whys["math-verify"] = ("math-verify wants a space, `=` or line start before a number, so "
                               "`Answer:42` yields nothing")
    if name == "answer-with-unit-word":
        whys["dapo"] = "dapo removes spaces and only a fixed list of unit words; `42apples` stays"
    if name == "answer-then-check":
        whys["dapo"] = "dapo keeps the text after the last `=`, here `42.` with its period, which is not `42`"
    if name == "answer-then-other-equation":
        whys["math-verify"] = ("math-verify reads `Answer:` up to the last `=` on the line and takes "
                               "7; the check equation wins")
        whys["dapo"] = "dapo keeps the text after the last `=`: `7.`"
    if name == "answer-label-then-newline":
        whys["dapo"] = "dapo's pattern `Answer\\s*:\\s*` lets the whitespace after the colon span the line break"
    if name == "answer-lowercase":
        whys["dapo"] = "dapo's `Answer:` pattern ignores case"
    if name in ("last-number-wins", "number-after-answer"):
        whys["math-verify"] = "without a box or label math-verify takes the last number or LaTeX group"
    if name in ("box-then-answer-line", "answer-line-then-box"):
        whys["m2rl-paper"] = "m2rl-paper reads the `Answer:` line first and falls back to the box"
        whys["math-verify"] = "math-verify (boxed_match_priority=0) reads the box first"
    if name == "two-bare-boxes-last-wrong":
        whys["math-verify"] = "the last box is 24 (math-verify reads both boxes as the set {42, 24})"
    raw(K, name, "42", completion, verdicts, whys=whys or None)

# ---------------------------------------------------------------------------------------------
# Where the presets part ways, on answers other than 42
K = "presets"
raw(K, "box-only-fraction", r"\frac{1}{2}", r"The probability is $\boxed{0.5}$.", V("c", "n", "c", "c"))
raw(K, "answer-only-fraction", r"\frac{1}{2}", "The probability is one half.\nAnswer: 0.5", V("c", "i", "n", "c"))
raw(K, "answer-only-same-string", r"\frac{1}{2}", "The probability is one half.\nAnswer: \\frac{1}{2}",
    V("c", "c", "n", "c"))
raw(K, "answer-only-dfrac", r"\frac{1}{2}", "The probability is one half.\nAnswer: $\\dfrac{1}{2}$",
    V("c", "i", "n", "c"))
raw(K, "answer-only-shorthand", r"\frac{1}{2}", "The probability is one half.\nAnswer: $\\frac12$",
    V("c", "c", "n", "c"))
raw(K, "answer-boxed-inside", r"\sqrt{2}", "So:\nAnswer: $\\boxed{\\sqrt{2}}$", V("c", "c", "c", "c"))
raw(K, "answer-equation", "5", "Solving,\nAnswer: $x = 5$", V("c", "c", "n", "c"))
raw(K, "answer-units", "5", "Measuring,\nAnswer: $5 \\text{ cm}$", V("c", "c", "n", "c"))
raw(K, "answer-unit-m", "5", "Measuring,\nAnswer: $7 \\text{m}$", V("i", "i", "n", "i"))
raw(K, "dapo-units-m-vs-cm", r"5 \text{ cm}", "Measuring,\nAnswer: $5 \\text{ m}$", V("c", "c", "n", None),
    why="units are dropped on both sides, so 5 m reads as 5 against the gold 5 cm")
raw(K, "answer-set-reordered", r"\{1,2\}", "So:\nAnswer: $\\{2,1\\}$", V("c", "i", "n", "c"))
raw(K, "answer-thin-space", "1000", "So:\nAnswer: $1\\,000$", V("c", "i", "n", "c"),
    why=r"`\,` is a thin space between digit groups: 1000",
    whys={"math-verify": MV_FN + r"`1\,000` is read as 1*0",
          "dapo": r"dapo keeps `\,`, so `1\,000` is not `1000`"})
raw(K, "box-and-answer-agree", "7", "So $\\boxed{7}$.\nAnswer: 7", V("c", "c", "c", "c"))
raw(K, "box-right-answer-line-wrong", "7", "So $\\boxed{7}$.\nAnswer: 8", V("c", "i", "c", "i"))
raw(K, "final-answer-is-box-later", "7",
    "The final answer is $8$. I hope it is correct.\nOn reflection, $\\boxed{7}$.", V("c", "n", "c", "c"))
raw(K, "answer-inside-think", "7", "<think>Answer: 8\nHmm, no.</think>\nSo $\\boxed{7}$.", V("c", "i", "c", "i"),
    why="no format gate here: the whole completion is read, and the `Answer:` line wins for dapo and m2rl-paper")
raw(K, "answer-expression", "x^2+2x+1", "Expanding,\nAnswer: $(x+1)^2$", V("c", "i", "n", "c"))
raw(K, "answer-text-and", "3, 4", "Both work.\nAnswer: $3 \\text{ and } 4$", V("c", "c", "n", "c"))
raw(K, "answer-degrees", r"60^\circ", "Measuring the angle,\nAnswer: 60 degrees", V("c", "c", "n", None),
    whys={"dapo": "dapo removes spaces and the word `degrees`"})
raw(K, "answer-dollar-amount", "12.50", "Adding the prices,\nAnswer: \\$12.50", V("n", "c", "n", "c"),
    whys={"math-verify": "math-verify finds nothing: `\\$` opens no LaTeX and a number must follow a space, "
                         "`=` or a bare currency sign"})
raw(K, "answer-dollar-amount-short", "12.50", "Adding the prices,\nAnswer: \\$12.5", V("n", "i", "n", "c"),
    whys={"math-verify": "math-verify finds nothing: `\\$` opens no LaTeX and a number must follow a space, "
                         "`=` or a bare currency sign",
          "dapo": "dapo compares strings: `12.5` is not `12.50`"})

# ---------------------------------------------------------------------------------------------
# Known math-verify false positives (github.com/huggingface/Math-Verify issues #14, #41, #60):
# m2rl must score them incorrect.
K = "known-false-positive"
raw(K, "line-equation", "3x+4y+14=0", r"The line is $\boxed{3*x-1*y+13=0}$.", V("i", None, "i", "i"),
    why="3x-y+13=0 is another line. math-verify scores this correct when the gold is parsed bare "
        "(both sides then reduce to the number 0); m2rl compares the equations")
raw(K, "line-equation-answer-line", "3x+4y+14=0", "The line is found.\nAnswer: 3*x-1*y+13=0",
    V("i", "c", None, "i"),
    whys={"dapo": "dapo keeps only the text after the last `=`: 0 against 0. The dapo preset "
                  "reproduces verl's rule, including this false positive",
          "math-verify": "3x-y+13=0 is another line",
          "m2rl-paper": "3x-y+13=0 is another line"})
raw(K, "line-equation-plain", "3x+4y+14=0", "The line is 3*x-1*y+13=0", V("i", None, "n", "n"),
    why="3x-y+13=0 is another line")
raw(K, "factorial-ratio", r"\frac{1}{2004!}", r"So the probability is $\boxed{\frac{1}{2006!}}$.",
    V("i", None, "i", "i"),
    whys={"math-verify": MV_FP + "evalf(chop=True) chops the difference of the two tiny numbers to zero; "
                                 "exact rationals differ by a factor of 2005*2006",
          "boxed": "exact rationals: 1/2006! is not 1/2004!",
          "m2rl-paper": "exact rationals: 1/2006! is not 1/2004!"})
raw(K, "factorial-ratio-answer-line", r"\frac{1}{2004!}", "So:\nAnswer: \\frac{1}{2006!}", V(None, "i", None, "i"),
    why="exact rationals: 1/2006! is not 1/2004!")
raw(K, "factorial-ratio-double", r"\frac{1}{2004!}", r"So the probability is $\boxed{\frac{2}{2004!}}$.",
    V("i", None, "i", "i"),
    whys={"math-verify": MV_FP + "evalf(chop=True) chops the tiny difference to zero; 2/2004! is twice the gold"},
    why="exact rationals: 2/2004! is twice the gold")
raw(K, "sqrt-parenthesis", "4", r"The side is $\boxed{4\sqrt(2)}$.", V("i", None, "i", "i"),
    why=r"4\sqrt(2) means 4 times the root of 2 (or is malformed); either way it is not 4")
raw(K, "sqrt-braces", "4", r"The side is $\boxed{4\sqrt{2}}$.", V("i", None, "i", "i"),
    why=r"4\sqrt{2} is not 4")
raw(K, "sqrt-parenthesis-inline", "4", r"The side is $4\sqrt(2)$.", V("i", None, "n", "n"),
    whys={"math-verify": MV_FP + r"the LaTeX `4\sqrt(2)` fails to parse and math-verify falls back to "
                                 "the number 4 right after the `$`"})
raw(K, "sqrt-parenthesis-answer-line", "4", "The side is found.\nAnswer: 4\\sqrt(2)", V(None, "i", None, "i"),
    why=r"4\sqrt(2) is not 4")
raw(K, "sqrt-braces-answer-line", "4", "The side is found.\nAnswer: $4\\sqrt{2}$", V("i", "i", None, "i"),
    why=r"4\sqrt{2} is not 4")

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.jsonl"), "w") as f:
    for c in cases:
        f.write(json.dumps(c, sort_keys=True) + "\n")
print(f"wrote {len(cases)} cases")
