#!/usr/bin/env python3
"""A seeded corpus of (gold, completion) pairs for the math verifier's benchmark and its
differential check against math-verify (bench/math.sh).

Every pair is generated here, nothing is copied from a dataset. A pair has a category (the kind
of gold answer: integer, fraction, interval, matrix, ...), a gold answer written the way math
datasets write them (bare LaTeX, no `$`), and a model-like completion: some reasoning with
intermediate LaTeX, then a final answer in one of the usual styles (`\\boxed{X}`, "The final
answer is $X$", "Answer: X", display math, several boxes, `<think>`, no answer, junk). X is an
equivalent rewrite of the gold (about half the pairs) or a perturbation of it (the other half).
`variant` says which was intended; math-verify's verdict, not this label, is what m2rl is
compared with. The `stress` category holds a few pathological completions (huge powers,
factorials, deep nesting, very long text) whose intended verdict is known.

Usage: math_corpus.py OUT.jsonl [--pairs N] [--seed S]
Writes JSON Lines {"id", "category", "gold", "completion", "variant", "style"} and prints the
count per category on standard error. The same N and seed give the same bytes on any Python 3.
"""
import argparse, json, sys
from decimal import Decimal
from fractions import Fraction
from math import gcd, isqrt
import random

# ---------------------------------------------------------------------------------------------
# Small helpers for writing numbers the many ways people and models write them.

def frac_tex(f, cmd="\\frac", sign_inside=False):
    """A Fraction as LaTeX: 3, \\frac{3}{4}, -\\frac{3}{4} (or \\frac{-3}{4})."""
    f = Fraction(f)
    if f.denominator == 1:
        return str(f.numerator)
    if f < 0 and not sign_inside:
        return "-" + cmd + "{%d}{%d}" % (-f.numerator, f.denominator)
    return cmd + "{%d}{%d}" % (f.numerator, f.denominator)

def frac_slash(f):
    f = Fraction(f)
    return str(f.numerator) if f.denominator == 1 else "%d/%d" % (f.numerator, f.denominator)

def terminating(f):
    d = Fraction(f).denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1

def dec_str(f, digits=None):
    """A Fraction as a decimal string: exact when it terminates and digits is None, else rounded."""
    f = Fraction(f)
    if digits is None:
        if not terminating(f):
            digits = 8
        else:
            s = format(Decimal(f.numerator) / Decimal(f.denominator), "f")
            return s.rstrip("0").rstrip(".") if "." in s else s
    q = (Decimal(f.numerator) / Decimal(f.denominator)).quantize(Decimal(1).scaleb(-digits))
    s = format(q, "f")
    if s.startswith("-") and set(s[1:]) <= set("0."):
        s = s[1:]
    return s

def thousands(n, sep):
    s = f"{abs(n):,}".replace(",", sep)
    return ("-" if n < 0 else "") + s

def signed_term(coef, body, first):
    """One term of a sum: '3x', ' - 2x', ' + x', ' - 1'."""
    if coef == 0:
        return ""
    mag = abs(coef)
    text = (str(mag) if (mag != 1 or not body) else "") + body
    if first:
        return ("-" if coef < 0 else "") + text
    return (" - " if coef < 0 else " + ") + text

def poly_tex(coefs, var="x", order="desc"):
    """coefs[k] is the coefficient of var^k."""
    terms = []
    idx = range(len(coefs) - 1, -1, -1) if order == "desc" else range(len(coefs))
    for k in idx:
        c = coefs[k]
        if c == 0:
            continue
        body = "" if k == 0 else (var if k == 1 else "%s^{%d}" % (var, k))
        terms.append(signed_term(c, body, not terms))
    return "".join(terms) if terms else "0"

def poly_mul(a, b):
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return out

def lin_factor(r, var="x"):
    """(x - r) as LaTeX."""
    return "(%s)" % var if r == 0 else "(%s %s %d)" % (var, "-" if r > 0 else "+", abs(r))

SQUAREFREE = [2, 3, 5, 6, 7, 10, 11, 13, 14, 15, 17, 19, 21, 22, 23, 26, 29, 30]

# ---------------------------------------------------------------------------------------------
# Categories: each returns (gold, equivalents, perturbations). An entry of the lists is either a
# LaTeX string X (placed into the completion's answer sentence) or Raw(text), a whole final
# sentence written out (for answers spread over several boxes or sentences).

class Raw(str):
    pass

CATEGORIES = {}

def category(name, weight=1.0):
    def register(fn):
        CATEGORIES[name] = (fn, weight)
        return fn
    return register

@category("integer")
def integer(rng):
    kind = rng.random()
    if kind < 0.45:
        n = rng.randint(0, 100)
    elif kind < 0.75:
        n = rng.randint(101, 9999)
    elif kind < 0.9:
        n = rng.randint(10_000, 5_000_000)
    else:
        n = -rng.randint(1, 500)
    gold = str(n)
    if abs(n) >= 1000 and rng.random() < 0.3:
        gold = thousands(n, "{,}")
    eq = [str(n), str(n), f"{n}.0", f"{n}.00", "{%d}" % n, f"n = {n}", f"x={n}", "\\mathbf{%d}" % n,
          f"{n}\\text{{ ways}}", f"{n} \\text{{ units}}", f"\\left({n}\\right)", f"{n}.", "0%d" % n if n >= 0 else str(n)]
    if abs(n) >= 1000:
        eq += [thousands(n, ","), thousands(n, "{,}"), thousands(n, "\\,"), thousands(n, "{,}")]
    if n > 1 and isqrt(n) ** 2 == n:
        eq.append("%d^2" % isqrt(n))
    if n % 2 == 0 and n > 0:
        eq.append("2 \\cdot %d" % (n // 2))
    swapped = int(str(abs(n))[::-1]) * (1 if n >= 0 else -1)
    pert = [str(n + 1), str(n - 1), str(n + 10), str(-n if n else 1), str(n * 10), f"{n}.5",
            str(n + rng.randint(2, 9)), str(2 * n + 1)]
    if swapped != n:
        pert.append(str(swapped))
    return gold, eq, pert

@category("decimal")
def decimal_(rng):
    places = rng.choice([1, 1, 2, 2, 2, 3, 4])
    cents = rng.randint(1, 10 ** (places + 2))
    if cents % 10 == 0:
        cents += rng.randint(1, 9)
    v = Fraction(cents, 10 ** places) * (-1 if rng.random() < 0.12 else 1)
    gold = dec_str(v)
    eq = [gold, gold + "0", gold + "00", frac_tex(v), frac_slash(v), dec_str(v + Fraction(1, 10 ** 8)),
          dec_str(v - Fraction(3, 10 ** 9), 9), "\\dfrac{%d}{%d}" % (v.numerator, v.denominator) if v > 0 else gold]
    if gold.startswith("0."):
        eq.append(gold[1:])
    if v > 1 and v.denominator in (2, 4, 5, 8, 10):
        whole = int(v)
        eq.append("%d\\frac{%d}{%d}" % (whole, (v - whole).numerator, (v - whole).denominator))
    pert = [dec_str(v + Fraction(1, 100)), dec_str(v * 10), dec_str(-v), dec_str(v + Fraction(2, 10 ** 5)),
            dec_str(v, 1) if dec_str(v, 1) != gold else dec_str(v + 1), dec_str(v - 1), dec_str(v / 10)]
    return gold, eq, pert

@category("fraction", 1.3)
def fraction(rng):
    q = rng.randint(2, 30)
    p = rng.randint(1, 3 * q)
    while gcd(p, q) != 1 or p % q == 0:
        p = rng.randint(1, 3 * q)
    v = Fraction(p, q) * (-1 if rng.random() < 0.15 else 1)
    cmd = rng.choice(["\\frac", "\\frac", "\\frac", "\\dfrac"])
    gold = frac_tex(v, cmd)
    k = rng.randint(2, 5)
    a, b = abs(v.numerator), v.denominator
    s = "-" if v < 0 else ""
    eq = [frac_tex(v), frac_tex(v, "\\dfrac"), frac_tex(v, "\\tfrac"), frac_slash(v), s + "\\frac{%d}{%d}" % (k * a, k * b),
          "{%s%d \\over %d}" % (s, a, b), "\\left(%s\\right)" % frac_tex(v), frac_tex(v, sign_inside=True),
          dec_str(v, 7), dec_str(v) if terminating(v) else dec_str(v, 9)]
    if a < 10 and b < 10:
        eq.append(s + "\\frac%d%d" % (a, b))
    if a > b:
        w = a // b
        eq.append(s + "%d\\frac{%d}{%d}" % (w, a - w * b, b))
    pert = [frac_tex(1 / v), frac_tex(v + Fraction(1, b)), frac_tex(Fraction(v.numerator, b + 1)),
            dec_str(v, 2) if Fraction(dec_str(v, 2)) != v else dec_str(v + Fraction(1, 100), 2),
            frac_tex(-v), str(a * b), frac_tex(v + 1), s + "\\frac{%d}{%d}" % (a + 1, b + 1)]
    return gold, eq, pert

@category("root")
def root(rng):
    b = rng.choice(SQUAREFREE)
    a = rng.randint(1, 9)
    c = rng.randint(2, 9)
    form = rng.randrange(6)
    coef = "" if a == 1 else str(a)
    val = None
    if form == 0:      # a\sqrt{b}
        gold = "%s\\sqrt{%d}" % (coef, b)
        eq = ["\\sqrt{%d}" % (a * a * b), "%s\\sqrt %d" % (coef, b) if b < 10 else gold, "%s \\cdot \\sqrt{%d}" % (a, b),
              "\\sqrt{%d}\\cdot %d" % (b, a), (coef + " \\cdot " if coef else "") + "%d^{1/2}" % b, (coef + " \\cdot " if coef else "") + "%d^{\\frac{1}{2}}" % b, "%s√%d" % (coef, b)]
        val = a * b ** 0.5
        pert = ["\\sqrt{%d}" % (a * b), "%d\\sqrt{%d}" % (a + 1, b), "%s\\sqrt{%d}" % (coef, b + 1), str(a * b),
                "%d + \\sqrt{%d}" % (a, b), "\\sqrt{%d}" % (a * a * b + 1)]
    elif form == 1:    # \frac{\sqrt{b}}{c}
        gold = "\\frac{\\sqrt{%d}}{%d}" % (b, c)
        eq = ["\\frac{1}{%d}\\sqrt{%d}" % (c, b), "\\sqrt{%d}/%d" % (b, c), "\\dfrac{\\sqrt{%d}}{%d}" % (b, c),
              "\\frac{%d}{%d\\sqrt{%d}}" % (b, c, b), "\\sqrt{\\frac{%d}{%d}}" % (b, c * c)]
        val = b ** 0.5 / c
        pert = ["\\frac{\\sqrt{%d}}{%d}" % (b, c + 1), "\\frac{%d}{\\sqrt{%d}}" % (c, b), "\\frac{\\sqrt{%d}}{%d}" % (b + 1, c),
                "\\frac{%d}{%d}" % (b, c), "\\sqrt{\\frac{%d}{%d}}" % (b, c)]
    elif form == 2:    # \frac{1}{\sqrt{b}}
        gold = "\\frac{1}{\\sqrt{%d}}" % b
        eq = ["\\frac{\\sqrt{%d}}{%d}" % (b, b), "%d^{-1/2}" % b, "\\sqrt{\\frac{1}{%d}}" % b, "1/\\sqrt{%d}" % b]
        val = b ** -0.5
        pert = ["\\sqrt{%d}" % b, "\\frac{1}{%d}" % b, "\\frac{2}{\\sqrt{%d}}" % b, "\\frac{1}{\\sqrt{%d}}" % (b + 1)]
    elif form == 3:    # \sqrt[3]{b}
        n = rng.choice([2, 3, 4, 5, 6, 7, 9, 10, 12])
        gold = "\\sqrt[3]{%d}" % n
        eq = ["%d^{1/3}" % n, "%d^{\\frac{1}{3}}" % n, "\\sqrt[3]{%d}" % n, "\\sqrt[3] {%d}" % n]
        val = n ** (1 / 3)
        pert = ["\\sqrt{%d}" % n, "\\sqrt[3]{%d}" % (n + 1), "%d^{3}" % n, "\\frac{%d}{3}" % n]
    elif form == 4:    # a + \sqrt{b}
        sign = rng.choice(["+", "-"])
        gold = "%d %s \\sqrt{%d}" % (a, sign, b)
        eq = ["%s\\sqrt{%d} + %d" % ("" if sign == "+" else "-", b, a), "%d%s\\sqrt{%d}" % (a, sign, b),
              "%d %s %d^{1/2}" % (a, sign, b)]
        val = a + (1 if sign == "+" else -1) * b ** 0.5
        other = "-" if sign == "+" else "+"
        pert = ["%d %s \\sqrt{%d}" % (a, other, b), "%d %s \\sqrt{%d}" % (a + 1, sign, b), "%d\\sqrt{%d}" % (a, b),
                "\\sqrt{%d} %s %d" % (a, sign, b) if a != b else "%d %s \\sqrt{%d}" % (a, sign, b + 1)]
    else:              # \frac{a + \sqrt{b}}{c}
        gold = "\\frac{%d + \\sqrt{%d}}{%d}" % (a, b, c)
        eq = ["\\frac{%d}{%d} + \\frac{\\sqrt{%d}}{%d}" % (a, c, b, c), "\\frac{\\sqrt{%d} + %d}{%d}" % (b, a, c),
              "(%d + \\sqrt{%d})/%d" % (a, b, c)]
        val = (a + b ** 0.5) / c
        pert = ["\\frac{%d - \\sqrt{%d}}{%d}" % (a, b, c), "\\frac{%d + \\sqrt{%d}}{%d}" % (a, b, c + 1),
                "%d + \\frac{\\sqrt{%d}}{%d}" % (a, b, c)]
    eq.append("%.8f" % val)
    eq.append("%.9f" % val)
    pert.append("%.2f" % val)
    pert.append("%.4f" % val)
    return gold, eq, pert

@category("power")
def power(rng):
    base = rng.choice([2, 2, 3, 3, 5, 7, 10, 4, 6])
    e = rng.randint(2, 12) if base < 5 else rng.randint(2, 6)
    neg = rng.random() < 0.15
    if neg:
        e = -rng.randint(1, 4)
    val = Fraction(base) ** e
    style = rng.random()
    if style < 0.5:
        gold = "%d^{%d}" % (base, e)
    else:
        gold = frac_tex(val)
    eq = ["%d^{%d}" % (base, e), frac_tex(val), dec_str(val) if terminating(val) else frac_slash(val),
          "%d^%d" % (base, e) if 0 <= e < 10 else "%d^{%d}" % (base, e), "%d**%d" % (base, e) if e > 0 else frac_slash(val)]
    if e > 0 and e % 2 == 0:
        eq += ["%d^{%d}" % (base * base, e // 2), "(%d^{%d})^2" % (base, e // 2), "%d^{%d} \\cdot %d^{%d}" % (base, e // 2, base, e // 2)]
    if e > 0 and val >= 1000:
        eq.append(thousands(int(val), "{,}"))
    if e < 0:
        eq += ["\\frac{1}{%d^{%d}}" % (base, -e), dec_str(val)]
    pert = ["%d^{%d}" % (base, e + 1), "%d^{%d}" % (base, e - 1), "%d^{%d}" % (base + 1, e), frac_tex(val + 1),
            "%d^{%d}" % (e, base) if e > 0 and e != base else frac_tex(val * 2), frac_tex(val * base), str(base * e)]
    return gold, eq, pert

@category("pi_e")
def pi_e(rng):
    form = rng.randrange(6)
    a = rng.randint(1, 12)
    b = rng.choice([2, 3, 4, 5, 6, 8, 12])
    while gcd(a, b) != 1:
        a = rng.randint(1, 12)
    import math
    if form == 0:
        gold = "\\frac{%s\\pi}{%d}" % ("" if a == 1 else a, b)
        val = a * math.pi / b
        eq = ["\\frac{%d}{%d}\\pi" % (a, b), "%s\\pi/%d" % ("" if a == 1 else a, b), "\\pi \\cdot \\frac{%d}{%d}" % (a, b),
              "\\dfrac{%d\\pi}{%d}" % (a, b), "%s \\pi" % dec_str(Fraction(a, b)) if terminating(Fraction(a, b)) else "\\frac{%d \\pi}{%d}" % (a, b)]
        pert = ["\\frac{%d\\pi}{%d}" % (b, a), "\\frac{%d\\pi}{%d}" % (a + 1, b), "\\frac{%d}{%d}" % (a, b),
                "\\frac{%de}{%d}" % (a, b), "%d\\pi" % a]
    elif form == 1:
        gold = "%d\\pi" % a if a > 1 else "\\pi"
        val = a * math.pi
        eq = ["%d \\pi" % a, "\\pi %d" % a if a > 1 else "\\pi", "%d\\cdot\\pi" % a, "π" if a == 1 else "%dπ" % a]
        pert = ["%d\\pi" % (a + 1), "%d" % a, "%d\\pi^2" % a, "\\frac{%d\\pi}{2}" % a]
    elif form == 2:
        k = rng.randint(2, 20)
        gold = "%d - \\pi" % k if rng.random() < 0.5 else "%d\\pi - %d" % (a, k)
        if gold.startswith("%d -" % k):
            val = k - math.pi
            eq = ["-\\pi + %d" % k, "%d-\\pi" % k]
            pert = ["\\pi - %d" % k, "%d + \\pi" % k, "%d - 2\\pi" % k]
        else:
            val = a * math.pi - k
            eq = ["-%d + %d\\pi" % (k, a), "%d(\\pi - \\frac{%d}{%d})" % (a, k, a) if a > 1 else "\\pi-%d" % k]
            pert = ["%d\\pi + %d" % (a, k), "%d - %d\\pi" % (k, a), "%d\\pi - %d" % (a, k + 1)]
    elif form == 3:
        k = rng.randint(2, 5)
        gold = "e^{%d}" % k
        val = math.e ** k
        eq = ["e^%d" % k, "\\exp(%d)" % k, "e^{%d}" % k, "\\mathrm{e}^{%d}" % k, "e^{%d}\\cdot e^{%d}" % (k - 1, 1)]
        pert = ["e^{%d}" % (k + 1), "%de" % k, "\\pi^{%d}" % k, "e^{-%d}" % k]
    elif form == 4:
        gold = "\\frac{1}{e}" if rng.random() < 0.5 else "e^{-1}"
        val = 1 / math.e
        eq = ["e^{-1}", "\\frac{1}{e}", "1/e", "\\dfrac{1}{e}"]
        pert = ["e", "-e", "\\frac{1}{\\pi}", "\\frac{2}{e}"]
    else:
        gold = "%d\\pi^2" % a if a > 1 else "\\pi^2"
        val = a * math.pi ** 2
        eq = ["%d\\pi^{2}" % a, "%d \\pi \\cdot \\pi" % a, "(\\sqrt{%d}\\pi)^2" % a]
        pert = ["%d\\pi" % a, "%d\\pi^3" % a, "%d\\pi^2" % (a + 1)]
    eq.append("%.8f" % val)
    pert.append("%.2f" % val)
    pert.append("%.3f" % val)
    return gold, eq, pert

@category("percent")
def percent(rng):
    p = Fraction(rng.randint(1, 200)) if rng.random() < 0.8 else Fraction(rng.randint(1, 400), 2)
    ps = dec_str(p)
    gold = ps + "\\%" if rng.random() < 0.75 else ps
    eq = [ps + "\\%", ps + "%", ps + " \\%", ps + "\\text{ percent}", ps + " percent", ps + "\\%" if "." in ps else ps + ".0\\%",
          dec_str(p / 100), frac_tex(p / 100), ps]
    pert = [dec_str(p + 1) + "\\%", dec_str(p / 10) + "\\%", dec_str(100 - p) + "\\%" if p != 50 else "25\\%",
            dec_str(p * 2) + "\\%", dec_str(p / 1000), dec_str(p + Fraction(1, 2)) + "%"]
    return gold, eq, pert

@category("degrees")
def degrees(rng):
    d = rng.choice([15, 18, 20, 30, 36, 40, 45, 50, 60, 72, 75, 80, 90, 100, 108, 120, 135, 144, 150, 160, 210, 225, 240, 270, 300, 315, 330])
    rad = Fraction(d, 180)
    radtex = ("\\frac{%s\\pi}{%d}" % ("" if rad.numerator == 1 else rad.numerator, rad.denominator)) if rad.denominator > 1 else ("%d\\pi" % rad.numerator if rad.numerator > 1 else "\\pi")
    kind = rng.random()
    if kind < 0.55:
        gold = "%d^\\circ" % d
    elif kind < 0.8:
        gold = str(d)
    else:
        gold = radtex
    eq = ["%d^\\circ" % d, "%d^{\\circ}" % d, str(d), "%d°" % d, "%d \\text{ degrees}" % d, "%d\\degree" % d, radtex,
          "%d^{\\circ}" % d, "%d\\,^\\circ" % d]
    pert = ["%d^\\circ" % (180 - d) if d != 90 else "45^\\circ", "%d^\\circ" % (d + 10), str(360 - d), "%d^\\circ" % (d // 2 if d % 2 == 0 else d * 2),
            "\\frac{\\pi}{%d}" % d]
    return gold, eq, pert

@category("units")
def units(rng):
    kind = rng.randrange(4)
    if kind == 0:   # money
        cents = rng.randint(100, 99999)
        v = Fraction(cents, 100)
        s = "%d.%02d" % (cents // 100, cents % 100)
        gold = "\\$" + s
        eq = [s, "\\$" + s, "\\$ " + s, s + " \\text{ dollars}", s + "\\text{ dollars}", dec_str(v), "\\$" + dec_str(v)]
        pert = ["\\$" + dec_str(v + 1), "\\$" + dec_str(v * 10), dec_str(v + Fraction(1, 100)), "\\$%d" % (cents // 100)]
        return gold, eq, pert
    n = rng.randint(2, 500)
    unit, other = rng.choice([("cm", "m"), ("inches", "feet"), ("meters", "km"), ("hours", "minutes"), ("square units", "units"),
                               ("cm}^2", "cm}^3"), ("km", "miles"), ("minutes", "seconds"), ("feet", "yards"), ("kg", "g")])
    if unit.endswith("}^2") or unit.endswith("}^3"):
        u = unit[:-3]
        gold = "%d\\text{ %s}^%s" % (n, u, unit[-1])
        bare = "%d \\text{%s}^%s" % (n, u, unit[-1])
        eq = [str(n), bare, "%d\\,\\mathrm{%s}^%s" % (n, u, unit[-1]), "%d~\\text{%s}^{%s}" % (n, u, unit[-1])]
        pert = [str(n + 1), "%d\\text{ %s}^%s" % (n, other[:-3], other[-1]), str(n * 10), "%d\\text{ %s}^%s" % (n * 2, u, unit[-1])]
        return gold, eq, pert
    sep = rng.choice(["\\text{ %s}", " \\text{ %s}", "\\ \\text{%s}", "\\mbox{ %s}"])
    gold = str(n) + sep % unit
    eq = [str(n), "%d \\text{ %s}" % (n, unit), "%d\\,\\text{%s}" % (n, unit), "%d\\ \\mathrm{%s}" % (n, unit), "\\text{%d %s}" % (n, unit),
          "%d %s" % (n, unit)]
    pert = [str(n + 1), "%d\\text{ %s}" % (n, other), "%d\\text{ %s}" % (n * 10, unit), str(n - 2), "%d\\text{ %s}" % (n * 60, unit)]
    return gold, eq, pert

@category("plus_minus")
def plus_minus(rng):
    kind = rng.randrange(3)
    if kind == 0:
        n = rng.randint(1, 20)
        gold = "\\pm %d" % n
        eq = ["\\pm%d" % n, "%d, -%d" % (n, n), "-%d, %d" % (n, n), "\\{-%d, %d\\}" % (n, n), "x = \\pm %d" % n,
              Raw("$x = %d$ or $x = -%d$." % (n, n)), "%d \\text{ or } -%d" % (n, n)]
        pert = ["%d" % n, "-%d" % n, "\\pm %d" % (n + 1), "%d, %d" % (n, n + 1), "\\pm %d" % (n * n)]
    elif kind == 1:
        a, b = rng.randint(1, 9), rng.choice(SQUAREFREE)
        gold = "%d \\pm \\sqrt{%d}" % (a, b)
        eq = ["%d\\pm\\sqrt{%d}" % (a, b), "%d + \\sqrt{%d}, %d - \\sqrt{%d}" % (a, b, a, b),
              "%d - \\sqrt{%d}, %d + \\sqrt{%d}" % (a, b, a, b), "x = %d \\pm \\sqrt{%d}" % (a, b),
              "\\{%d - \\sqrt{%d}, %d + \\sqrt{%d}\\}" % (a, b, a, b)]
        pert = ["%d + \\sqrt{%d}" % (a, b), "%d \\pm \\sqrt{%d}" % (a + 1, b), "%d \\pm %d" % (a, b), "-%d \\pm \\sqrt{%d}" % (a, b)]
    else:
        p, q = rng.randint(1, 9), rng.randint(2, 9)
        f = Fraction(p, q)
        gold = "\\pm \\frac{%d}{%d}" % (f.numerator, f.denominator) if f.denominator > 1 else "\\pm %d" % f.numerator
        eq = ["\\pm %s" % frac_tex(f, "\\dfrac"), "%s, -%s" % (frac_tex(f), frac_tex(f)), "\\pm %s" % dec_str(f, 8),
              "\\pm %s" % frac_slash(f)]
        pert = [frac_tex(f), "\\pm %s" % frac_tex(1 / f), "\\pm %s" % frac_tex(f + 1), "-%s" % frac_tex(f)]
    return gold, eq, pert

def small_values(rng, n, lo=-10, hi=12, fractions=0.15):
    vals = []
    while len(vals) < n:
        v = Fraction(rng.randint(lo, hi)) if rng.random() > fractions else Fraction(rng.randint(-9, 9), rng.randint(2, 5))
        if v not in vals:
            vals.append(v)
    return vals

@category("set")
def set_(rng):
    vals = small_values(rng, rng.randint(2, 5))
    texts = [frac_tex(v) for v in vals]
    gold = "\\{" + ", ".join(texts) + "\\}"
    shuffled = texts[:]
    rng.shuffle(shuffled)
    srt = [frac_tex(v) for v in sorted(vals)]
    eq = ["\\{" + ", ".join(shuffled) + "\\}", "\\{" + ",".join(texts) + "\\}", "\\left\\{" + ", ".join(srt) + "\\right\\}",
          ", ".join(srt), "\\{" + ", ".join(dec_str(v, 8) if not terminating(v) else dec_str(v) for v in vals) + "\\}",
          "\\{ " + " , ".join(texts) + " \\}"]
    changed = texts[:]
    i = rng.randrange(len(vals))
    changed[i] = frac_tex(vals[i] + 1) if vals[i] + 1 not in vals else frac_tex(vals[i] + 100)
    pert = ["\\{" + ", ".join(texts[:-1]) + "\\}", "\\{" + ", ".join(texts + [str(rng.randint(13, 30))]) + "\\}",
            "\\{" + ", ".join(changed) + "\\}", "(" + ", ".join(texts) + ")", ", ".join(changed)]
    return gold, eq, pert

@category("tuple")
def tuple_(rng):
    vals = [Fraction(rng.randint(-9, 12)) if rng.random() > 0.2 else Fraction(rng.randint(-9, 9), rng.randint(2, 5))
            for _ in range(rng.choice([2, 2, 2, 3]))]
    texts = [frac_tex(v) for v in vals]
    gold = "(" + ", ".join(texts) + ")"
    if rng.random() < 0.2:
        gold = "\\left(" + ", ".join(texts) + "\\right)"
    eq = ["(" + ",".join(texts) + ")", "\\left( " + ", ".join(texts) + " \\right)", "(" + ", ".join(texts) + ")",
          "(" + ", ".join(frac_tex(v, "\\dfrac") for v in vals) + ")",
          "(" + ", ".join(dec_str(v) if terminating(v) else dec_str(v, 8) for v in vals) + ")"]
    if len(vals) == 2:
        eq.append(Raw("The point is $(x, y) = (%s, %s)$." % (texts[0], texts[1])))
        eq.append("x = %s, y = %s" % (texts[0], texts[1]))
    rev = texts[::-1]
    flip = texts[:]
    i = rng.randrange(len(vals))
    flip[i] = frac_tex(-vals[i]) if vals[i] != 0 else "1"
    pert = ["(" + ", ".join(rev) + ")" if rev != texts else "(" + ", ".join(texts + ["0"]) + ")", "(" + ", ".join(flip) + ")",
            "(" + ", ".join(frac_tex(v + 1) for v in vals) + ")", "\\{" + ", ".join(texts) + "\\}", "(" + ", ".join(texts[:-1] or ["0"]) + ")"]
    return gold, eq, pert

def interval_tex(lo, hi, lc, rc, left="(", right=")"):
    lo_t = "-\\infty" if lo is None else frac_tex(lo)
    hi_t = "\\infty" if hi is None else frac_tex(hi)
    return ("[" if lc else "(") + lo_t + ", " + hi_t + ("]" if rc else ")")

@category("interval")
def interval(rng):
    a = rng.randint(-10, 8)
    b = a + rng.randint(1, 10)
    kind = rng.randrange(4)
    if kind == 0:
        lc, rc = rng.random() < 0.5, rng.random() < 0.5
        gold = interval_tex(a, b, lc, rc)
        rel = "%d %s x %s %d" % (a, "\\le" if lc else "<", "\\le" if rc else "<", b)
        eq = [gold.replace(", ", ","), "\\left" + gold[0] + frac_tex(a) + ", " + frac_tex(b) + "\\right" + gold[-1],
              "x \\in " + gold, rel, gold]
        pert = [interval_tex(a, b, not lc, rc), interval_tex(a, b, lc, not rc), interval_tex(a, b + 1, lc, rc),
                interval_tex(a - 1, b, lc, rc), interval_tex(b, a, lc, rc), "(%d, %d)" % (a, b) if (lc or rc) else "[%d, %d]" % (a, b)]
    elif kind == 1:
        rc = rng.random() < 0.5
        gold = interval_tex(None, b, False, rc)
        eq = [gold.replace(", ", ","), "(-\\infty,%d%s" % (b, "]" if rc else ")"), "x \\in " + gold, "x %s %d" % ("\\le" if rc else "<", b),
              "\\left(-\\infty, %d\\right%s" % (b, "]" if rc else ")"), "(-∞, %d%s" % (b, "]" if rc else ")")]
        pert = [interval_tex(None, b, False, not rc), interval_tex(b, None, rc, False), interval_tex(None, b + 1, False, rc),
                interval_tex(None, -b if b else 1, False, rc)]
    elif kind == 2:
        lc = rng.random() < 0.5
        gold = interval_tex(a, None, lc, False)
        eq = [gold.replace(", ", ","), "x \\in " + gold, "x %s %d" % ("\\ge" if lc else ">", a), interval_tex(a, None, lc, False).replace("\\infty", "+\\infty"),
              "\\left%s%d, \\infty\\right)" % ("[" if lc else "(", a)]
        pert = [interval_tex(a, None, not lc, False), interval_tex(None, a, False, lc), interval_tex(a + 1, None, lc, False)]
    else:
        lc, rc = rng.random() < 0.5, rng.random() < 0.5
        left, right = interval_tex(None, a, False, lc), interval_tex(b, None, rc, False)
        gold = left + " \\cup " + right
        eq = [right + " \\cup " + left, left + "\\cup" + right, "x %s %d \\text{ or } x %s %d" % ("\\le" if lc else "<", a, "\\ge" if rc else ">", b),
              gold.replace("\\infty", "\\infty ")]
        pert = [left, interval_tex(a, b, lc, rc), left + " \\cap " + right, interval_tex(None, a, False, not lc) + " \\cup " + right,
                interval_tex(None, a + 1, False, lc) + " \\cup " + right]
    return gold, eq, pert

def matrix_tex(rows, env="pmatrix", fmt=frac_tex, sep=" & ", rowsep=" \\\\ "):
    body = rowsep.join(sep.join(fmt(v) for v in row) for row in rows)
    if env == "array":
        return "\\left[\\begin{array}{%s} %s \\end{array}\\right]" % ("c" * len(rows[0]), body)
    return "\\begin{%s} %s \\end{%s}" % (env, body, env)

@category("matrix", 0.8)
def matrix(rng):
    r, c = rng.choice([(2, 2), (2, 2), (3, 1), (2, 1), (3, 3), (1, 3), (2, 3)])
    rows = [[Fraction(rng.randint(-9, 12)) if rng.random() > 0.12 else Fraction(rng.randint(-5, 5), 2) for _ in range(c)] for _ in range(r)]
    env = rng.choice(["pmatrix", "pmatrix", "bmatrix"])
    gold = matrix_tex(rows, env)
    dec = lambda v: dec_str(v) if terminating(v) else dec_str(v, 8)
    eq = [matrix_tex(rows, "bmatrix" if env == "pmatrix" else "pmatrix"), matrix_tex(rows, env, sep="&", rowsep="\\\\"),
          matrix_tex(rows, env, fmt=dec), matrix_tex(rows, "array"), matrix_tex(rows, env, fmt=lambda v: frac_tex(v, "\\dfrac"))]
    changed = [row[:] for row in rows]
    i, j = rng.randrange(r), rng.randrange(c)
    changed[i][j] += 1
    transposed = [list(col) for col in zip(*rows)]
    pert = [matrix_tex(changed, env), matrix_tex([[v * 2 for v in row] for row in rows], env),
            matrix_tex(transposed, env) if transposed != rows else matrix_tex(changed, "bmatrix"),
            matrix_tex(rows[:-1] or [[v + 1 for v in rows[0]]], env), matrix_tex([[-v for v in row] for row in rows], env)]
    return gold, eq, pert

@category("equation")
def equation(rng):
    kind = rng.randrange(4)
    m, k = rng.choice([v for v in range(-6, 7) if v != 0]), rng.randint(-9, 9)
    if kind == 0:     # y = mx + k
        rhs = poly_tex([k, m])
        gold = "y = " + rhs
        eq = ["y=" + rhs.replace(" ", ""), "y = " + poly_tex([k, m], order="asc"), rhs + " = y",
              "y - " + ("(" + rhs + ")") + " = 0", "%s - y = %d" % (poly_tex([0, m]), -k) if k else "y - %s = 0" % poly_tex([0, m]),
              "2y = " + poly_tex([2 * k, 2 * m])]
        pert = ["y = " + poly_tex([k + 1, m]), "y = " + poly_tex([k, -m]), "y = " + poly_tex([m, k]) if m != k else "y = " + poly_tex([k, m + 1]),
                "x = " + poly_tex([k, m], var="y"), rhs]
    elif kind == 1:   # circle
        h, v, r2 = rng.randint(-5, 5), rng.randint(-5, 5), rng.choice([1, 4, 9, 16, 25, 2, 5, 10])
        xs = "x^2" if h == 0 else "(x %s %d)^2" % ("-" if h > 0 else "+", abs(h))
        ys = "y^2" if v == 0 else "(y %s %d)^2" % ("-" if v > 0 else "+", abs(v))
        gold = "%s + %s = %d" % (xs, ys, r2)
        eq = ["%s + %s = %d" % (ys, xs, r2), "%s+%s=%d" % (xs, ys, r2), "%s + %s - %d = 0" % (xs, ys, r2),
              "%s + %s = %d" % (xs.replace("^2", "^{2}"), ys.replace("^2", "^{2}"), r2)]
        pert = ["%s + %s = %d" % (xs, ys, r2 + 1), "%s + %s = %d" % (xs.replace("-", "+") if "-" in xs else xs.replace("+", "-"), ys, r2),
                "%s - %s = %d" % (xs, ys, r2), "%s + %s = %d" % (xs, ys, isqrt(r2) if isqrt(r2) ** 2 == r2 and r2 > 1 else 2 * r2)]
    elif kind == 2:   # ax + by = c
        a, b, c = rng.randint(1, 9), rng.choice([v for v in range(-9, 10) if v]), rng.randint(-20, 20)
        lhs = poly_tex([0, a]) + signed_term(b, "y", False)
        gold = "%s = %d" % (lhs, c)
        eq = ["%s = %d" % (signed_term(b, "y", True) + signed_term(a, "x", False), c), "%s - %d = 0" % (lhs, c) if c >= 0 else "%s + %d = 0" % (lhs, -c),
              "%d = %s" % (c, lhs), "%s = %d" % (poly_tex([0, 2 * a]) + signed_term(2 * b, "y", False), 2 * c)]
        pert = ["%s = %d" % (lhs, c + 1), "%s = %d" % (poly_tex([0, a]) + signed_term(-b, "y", False), c), "%s = %d" % (lhs, -c) if c else "%s = 1" % lhs,
                "%s = %d" % (poly_tex([0, b]) + signed_term(a, "y", False), c) if a != b else "%s = %d" % (lhs, c + 2)]
    else:             # x = value (a solved equation)
        v = Fraction(rng.randint(-20, 20), rng.choice([1, 1, 1, 2, 3]))
        gold = "x = " + frac_tex(v)
        eq = ["x=" + frac_tex(v), frac_tex(v), "x = " + (dec_str(v) if terminating(v) else dec_str(v, 8)), frac_tex(v) + " = x"]
        pert = ["x = " + frac_tex(v + 1), "y = " + frac_tex(v), "x = " + frac_tex(-v) if v else "x = 1", frac_tex(v * 2) if v else "5"]
    return gold, eq, pert

@category("inequality")
def inequality(rng):
    a = rng.randint(-10, 10)
    ops = [("<", ">", "\\le", "\\ge"), ("\\le", "\\ge", "<", ">"), (">", "<", "\\ge", "\\le"), ("\\ge", "\\le", ">", "<")]
    op, flipped, weak, _ = rng.choice(ops)
    kind = rng.randrange(3)
    if kind == 0:
        gold = "x %s %d" % (op, a)
        iv = {"<": "(-\\infty, %d)", "\\le": "(-\\infty, %d]", ">": "(%d, \\infty)", "\\ge": "[%d, \\infty)"}[op] % a
        alt = {"\\le": "\\leq", "\\ge": "\\geq", "<": "\\lt", ">": "\\gt"}[op]
        eq = ["%d %s x" % (a, flipped), "x%s%d" % (op, a), "x %s %d" % (alt, a), "x \\in " + iv, iv,
              "x %s %d" % ({"\\le": "\\leqslant", "\\ge": "\\geqslant"}.get(op, op), a)]
        pert = ["x %s %d" % (weak, a), "x %s %d" % (flipped, a), "x %s %d" % (op, a + 1), "x %s %d" % (op, -a) if a else "x %s 1" % op,
                "y %s %d" % (op, a)]
    elif kind == 1:
        b = a + rng.randint(1, 9)
        l, r = rng.choice(["<", "\\le"]), rng.choice(["<", "\\le"])
        gold = "%d %s x %s %d" % (a, l, r, b)
        iv = ("[" if l == "\\le" else "(") + "%d, %d" % (a, b) + ("]" if r == "\\le" else ")")
        eq = ["%d%sx%s%d" % (a, l, r, b), "x \\in " + iv, iv, "%d %s x %s %d" % (b, r.replace("<", ">").replace("\\le", "\\ge"), l.replace("<", ">").replace("\\le", "\\ge"), a)]
        other_l = "\\le" if l == "<" else "<"
        pert = ["%d %s x %s %d" % (a, other_l, r, b), "%d %s x %s %d" % (a, l, r, b + 1), "%d %s x %s %d" % (a - 1, l, r, b), "x %s %d" % (r, b)]
    else:
        f = Fraction(rng.randint(-9, 9), rng.randint(2, 5))
        if f.denominator == 1:
            f += Fraction(1, 2)
        gold = "x %s %s" % (op, frac_tex(f))
        eq = ["x %s %s" % (op, frac_slash(f)), "%s %s x" % (frac_tex(f), flipped), "x %s %s" % (op, dec_str(f) if terminating(f) else dec_str(f, 8)),
              "x %s %s" % (op, frac_tex(f, "\\dfrac"))]
        pert = ["x %s %s" % (flipped, frac_tex(f)), "x %s %s" % (op, frac_tex(1 / f)), "x %s %s" % (op, frac_tex(-f)), "x %s %s" % (weak, frac_tex(f))]
    return gold, eq, pert

@category("trig_log")
def trig_log(rng):
    import math
    kind = rng.randrange(8)
    if kind == 0:
        b, n = rng.choice([2, 3, 5, 7, 10]), rng.choice([3, 5, 6, 7, 11, 12, 13])
        if n == b:
            n += 1
        gold = "\\log_{%d} %d" % (b, n) if rng.random() < 0.5 else "\\log_%d %d" % (b, n)
        val = math.log(n, b)
        eq = ["\\frac{\\ln %d}{\\ln %d}" % (n, b), "\\log_{%d}(%d)" % (b, n), "\\log_%d{%d}" % (b, n), "\\frac{\\log %d}{\\log %d}" % (n, b)]
        pert = ["\\log_{%d} %d" % (n, b), "\\log_{%d} %d" % (b, n + 1), "\\frac{%d}{%d}" % (n, b), "\\ln %d" % n]
    elif kind == 1:
        n = rng.choice([2, 3, 5, 6, 7, 10])
        k = rng.randint(1, 4)
        gold = ("%d\\ln %d" % (k, n)) if k > 1 else "\\ln %d" % n
        val = k * math.log(n)
        eq = ["\\ln %d" % (n ** k), "\\ln(%d)" % (n ** k), "%d \\ln(%d)" % (k, n), "\\log(%d)" % (n ** k), "\\log_e %d" % (n ** k)]
        pert = ["\\ln %d" % (n ** k + 1), "%d\\ln %d" % (k + 1, n), "\\log_{10} %d" % (n ** k), "\\ln %d" % (k * n) if k > 1 else "\\ln %d" % (n + 1)]
    elif kind == 2:
        deg = rng.choice([30, 45, 60])
        fn = rng.choice(["\\sin", "\\cos", "\\tan"])
        vals = {("\\sin", 30): "\\frac{1}{2}", ("\\sin", 45): "\\frac{\\sqrt{2}}{2}", ("\\sin", 60): "\\frac{\\sqrt{3}}{2}",
                ("\\cos", 30): "\\frac{\\sqrt{3}}{2}", ("\\cos", 45): "\\frac{\\sqrt{2}}{2}", ("\\cos", 60): "\\frac{1}{2}",
                ("\\tan", 30): "\\frac{\\sqrt{3}}{3}", ("\\tan", 45): "1", ("\\tan", 60): "\\sqrt{3}"}
        gold = vals[(fn, deg)]
        r = Fraction(deg, 180)
        radtex = "\\frac{\\pi}{%d}" % r.denominator
        val = {"\\sin": math.sin, "\\cos": math.cos, "\\tan": math.tan}[fn](math.radians(deg))
        eq = ["%s %s" % (fn, radtex), "%s\\left(%s\\right)" % (fn, radtex), "%s %d^\\circ" % (fn, deg), gold]
        if gold == "\\frac{\\sqrt{2}}{2}":
            eq.append("\\frac{1}{\\sqrt{2}}")
        if gold == "\\frac{\\sqrt{3}}{3}":
            eq.append("\\frac{1}{\\sqrt{3}}")
        other = {"\\sin": "\\cos", "\\cos": "\\sin", "\\tan": "\\sin"}[fn]
        pert = ["%s %s" % (other, radtex) if deg != 45 else "\\tan %s" % radtex, vals[({"\\sin": "\\cos", "\\cos": "\\sin", "\\tan": "\\cos"}[fn], deg)]
                if deg != 45 else "\\sqrt{2}", "-" + gold, "%s %d" % (fn, deg)]
    elif kind == 3:
        q = rng.choice([5, 7, 8, 9, 10, 12])
        fn = rng.choice(["\\sin", "\\cos", "\\tan"])
        gold = "%s \\frac{\\pi}{%d}" % (fn, q)
        val = {"\\sin": math.sin, "\\cos": math.cos, "\\tan": math.tan}[fn](math.pi / q)
        eq = ["%s\\left(\\frac{\\pi}{%d}\\right)" % (fn, q), "%s(\\pi/%d)" % (fn, q), "%s{\\frac{\\pi}{%d}}" % (fn, q)]
        other = "\\cos" if fn != "\\cos" else "\\sin"
        pert = ["%s \\frac{\\pi}{%d}" % (other, q), "%s \\frac{\\pi}{%d}" % (fn, q + 1), "%s \\frac{2\\pi}{%d}" % (fn, q)]
    elif kind == 4:
        n = rng.choice([2, 3, 4, 5])
        gold = "\\arctan %d" % n
        val = math.atan(n)
        eq = ["\\tan^{-1} %d" % n, "\\arctan(%d)" % n, "\\tan^{-1}(%d)" % n, "\\operatorname{arctan} %d" % n]
        pert = ["\\arctan %d" % (n + 1), "\\arcsin %d" % n if n < 1 else "\\arctan \\frac{1}{%d}" % n, "\\tan %d" % n]
    elif kind == 5:
        n = rng.choice([2, 3, 4, 5, 6])
        b = rng.choice([2, 3])
        gold = str(n)
        val = n
        eq = ["\\log_{%d} %d" % (b, b ** n), "\\log_%d(%d)" % (b, b ** n), "\\log_{%d}{%d}" % (b, b ** n), "\\ln e^{%d}" % n]
        pert = ["\\log_{%d} %d" % (b, b ** n + 1), "\\log_{%d} %d" % (b + 1, b ** n), str(n + 1), "%.2f" % (n + 0.25)]
    elif kind == 6:
        a = rng.choice(["\\sin", "\\cos"])
        gold = "2%s x \\cos x" % "\\sin" if a == "\\sin" else "\\cos^2 x - \\sin^2 x"
        val = None
        if a == "\\sin":
            eq = ["\\sin 2x", "\\sin(2x)", "2\\cos x \\sin x", "2 \\sin(x)\\cos(x)"]
            pert = ["\\cos 2x", "\\sin x \\cos x", "2\\sin x", "\\sin 2y"]
        else:
            eq = ["\\cos 2x", "\\cos(2x)", "1 - 2\\sin^2 x", "2\\cos^2 x - 1"]
            pert = ["\\sin 2x", "\\cos^2 x + \\sin^2 x", "1 - \\sin^2 x", "\\cos x"]
    else:
        k = rng.randint(2, 9)
        gold = "\\frac{\\ln %d}{2}" % k
        val = math.log(k) / 2
        eq = ["\\frac{1}{2}\\ln %d" % k, "\\ln \\sqrt{%d}" % k, "0.5\\ln(%d)" % k, "\\frac{\\ln(%d)}{2}" % k]
        pert = ["2\\ln %d" % k, "\\frac{\\ln %d}{2}" % (k + 1), "\\ln %d" % k]
    if val is not None:
        eq.append("%.8f" % val)
        if abs(val - round(val)) > 1e-9:
            pert.append("%.2f" % val)
    return gold, eq, pert

@category("polynomial", 1.2)
def polynomial(rng):
    var = rng.choice(["x", "x", "x", "t", "n", "a"])
    kind = rng.randrange(5)
    if kind == 0:     # expanded polynomial
        deg = rng.randint(1, 3)
        co = [rng.randint(-9, 9) for _ in range(deg)] + [rng.choice([v for v in range(-5, 6) if v])]
        gold = poly_tex(co, var)
        eq = [poly_tex(co, var, "asc"), gold.replace(" ", ""), gold.replace("^{2}", "^2").replace("^{3}", "^3")]
        if co[0] != 0 and deg >= 2:
            eq.append("%s(%s)%s" % (var, poly_tex(co[1:], var), signed_term(co[0], "", False)))
        co2 = co[:]
        i = rng.randrange(len(co))
        co2[i] += rng.choice([-2, -1, 1, 2])
        pert = [poly_tex(co2, var), poly_tex([-c for c in co], var), poly_tex(co, "y" if var != "y" else "z"), poly_tex(co[::-1], var) if co != co[::-1] else poly_tex(co2, var),
                poly_tex([0] + co, var)]
    elif kind == 1:   # factored product of linear factors
        roots = [rng.randint(-6, 6) for _ in range(rng.choice([2, 2, 3]))]
        lead = rng.choice([1, 1, 1, 2, -1, 3])
        gold = ("" if lead == 1 else ("-" if lead == -1 else str(lead))) + "".join(lin_factor(r, var) for r in roots)
        co = [lead]
        for r in roots:
            co = poly_mul(co, [-r, 1])
        eq = [poly_tex(co, var), ("" if lead == 1 else ("-" if lead == -1 else str(lead))) + "".join(lin_factor(r, var) for r in roots[::-1]),
              poly_tex(co, var, "asc")]
        co2 = co[:]
        co2[0] += 1
        pert = [("" if lead == 1 else str(lead)) + "".join(lin_factor(-r, var) for r in roots) if any(roots) else poly_tex(co2, var),
                poly_tex(co2, var), "".join(lin_factor(r, var) for r in roots) if lead != 1 else "2" + gold,
                "".join(lin_factor(r + 1, var) for r in roots)]
    elif kind == 2:   # (x + a)^2 style
        a = rng.choice([v for v in range(-7, 8) if v])
        n = rng.choice([2, 2, 3])
        gold = "(%s %s %d)^{%d}" % (var, "+" if a > 0 else "-", abs(a), n)
        co = [1]
        for _ in range(n):
            co = poly_mul(co, [a, 1])
        eq = [poly_tex(co, var), "(%d + %s)^%d" % (a, var, n) if a > 0 else "(%s - %d)^%d" % (var, -a, n), poly_tex(co, var, "asc"),
              "(%s%s%d)^%d" % (var, "+" if a > 0 else "-", abs(a), n)]
        co2 = co[:]
        co2[1] = -co2[1]
        pert = [poly_tex([a ** n, 0] + [0] * (n - 2) + [1], var), poly_tex(co2, var), "(%s %s %d)^{%d}" % (var, "-" if a > 0 else "+", abs(a), n),
                "(%s %s %d)^{%d}" % (var, "+" if a > 0 else "-", abs(a), n + 1)]
    elif kind == 3:   # rational expression
        a, b = rng.randint(1, 6), rng.randint(1, 6)
        gold = "\\frac{%s + %d}{%s - %d}" % (var, a, var, b)
        eq = ["\\frac{%d + %s}{%s - %d}" % (a, var, var, b), "(%s + %d)/(%s - %d)" % (var, a, var, b), "\\frac{-%s - %d}{%d - %s}" % (var, a, b, var),
              "1 + \\frac{%d}{%s - %d}" % (a + b, var, b)]
        pert = ["\\frac{%s - %d}{%s + %d}" % (var, a, var, b), "\\frac{%s + %d}{%s - %d}" % (var, a + 1, var, b), "\\frac{%s + %d}{%s + %d}" % (var, a, var, b),
                "%s + %d" % (var, a)]
    else:             # two variables
        v2 = "y" if var != "y" else "z"
        a, b = rng.randint(1, 5), rng.randint(1, 5)
        gold = "%d%s^2 + %d%s%s + %d%s^2" % (a, var, 2 * a * b, var, v2, a * b * b, v2)
        eq = ["%d(%s + %d%s)^2" % (a, var, b, v2) if a > 1 else "(%s + %d%s)^2" % (var, b, v2),
              "%d%s^2 + %d%s^2 + %d%s%s" % (a * b * b, v2, a, var, 2 * a * b, var, v2), "%d%s%s + %d%s^2 + %d%s^2" % (2 * a * b, v2, var, a, var, a * b * b, v2)]
        pert = ["%d(%s - %d%s)^2" % (a, var, b, v2), "%d%s^2 + %d%s%s + %d%s^2" % (a, var, a * b, var, v2, a * b * b, v2),
                "%d%s^2 + %d%s^2" % (a, var, a * b * b, v2), "%d%s^2 + %d%s%s + %d%s^2" % (a, v2, 2 * a * b, var, v2, a * b * b, var) if a != a * b * b else "%d%s^2" % (a, var)]
    return gold, eq, pert

@category("sci_notation")
def sci_notation(rng):
    mant = Fraction(rng.randint(101, 999), 100)
    if rng.random() < 0.3:
        mant = Fraction(rng.randint(11, 99), 10)
    e = rng.choice([v for v in range(-8, 25) if v not in (0, 1)])
    m = dec_str(mant)
    val = mant * Fraction(10) ** e
    times = rng.choice(["\\times", "\\times", "\\cdot"])
    gold = "%s %s 10^{%d}" % (m, times, e)
    eq = ["%s \\cdot 10^{%d}" % (m, e), "%s\\times10^{%d}" % (m, e), "%s \\times 10^{%d}" % (dec_str(mant * 10), e - 1),
          "%se%d" % (m, e), "%sE%d" % (m, e), "%s0 \\times 10^{%d}" % (m, e) if "." in m else "%s.0 \\times 10^{%d}" % (m, e)]
    if -6 <= e <= 9:
        eq.append(dec_str(val))
        if e >= 4:
            eq.append(thousands(int(val), "{,}") if val.denominator == 1 else dec_str(val))
    if 0 < e < 10:
        eq.append("%s \\times 10^%d" % (m, e))
    pert = ["%s \\times 10^{%d}" % (m, e + 1), "%s \\times 10^{%d}" % (m, -e), "%s \\times 10^{%d}" % (dec_str(mant + Fraction(1, 10)), e),
            "%s \\times 10^{%d}" % (m[::-1].strip(".") if m[::-1].strip(".")[0] != "0" else "9.1", e), "%s \\times 10^{%d}" % (m, e - 1)]
    return gold, eq, pert

TEXT_ANSWERS = [("Monday", "Tuesday"), ("yes", "no"), ("no", "yes"), ("even", "odd"), ("odd", "even"), ("Alice", "Bob"),
                ("east", "west"), ("north", "south"), ("Thursday", "Friday"), ("red", "blue"), ("square", "rectangle"),
                ("impossible", "possible"), ("infinite", "finite"), ("true", "false"), ("Carla", "Dana")]

@category("text")
def text(rng):
    kind = rng.random()
    if kind < 0.3:   # multiple-choice letter
        letter = rng.choice("ABCDE")
        other = rng.choice([c for c in "ABCDE" if c != letter])
        gold = "\\text{(%s)}" % letter if rng.random() < 0.7 else "\\textbf{(%s)}" % letter
        eq = ["\\text{(%s)}" % letter, "\\textbf{(%s)}" % letter, "(%s)" % letter, "\\text{%s}" % letter, "\\mathrm{(%s)}" % letter, letter]
        pert = ["\\text{(%s)}" % other, "(%s)" % other, other, "\\textbf{(%s)}" % other]
        return gold, eq, pert
    word, wrong = rng.choice(TEXT_ANSWERS)
    gold = "\\text{%s}" % word
    eq = ["\\text{%s}" % word, "\\textbf{%s}" % word, "\\mathrm{%s}" % word, "\\text{ %s }" % word, word, "\\text{%s}" % word.capitalize(),
          "\\textit{%s}" % word]
    pert = ["\\text{%s}" % wrong, wrong, "\\text{%s}" % wrong.upper(), "\\text{not %s}" % word]
    return gold, eq, pert

@category("multiple")
def multiple(rng):
    vals = small_values(rng, rng.choice([2, 2, 2, 3]), fractions=0.2)
    texts = [frac_tex(v) for v in vals]
    gold = ", ".join(texts)
    rev = texts[::-1]
    eq = [", ".join(rev), ",".join(texts), "\\{" + ", ".join(texts) + "\\}", " \\text{ and } ".join(texts) if len(texts) == 2 else ", ".join(rev),
          "x = " + " \\text{ or } x = ".join(texts), Raw(" and ".join("$\\boxed{%s}$" % t for t in texts) + "."),
          Raw("The solutions are $x = %s$." % "$ and $x = ".join(texts)), Raw("So $x = %s$." % ", ".join(texts)),
          "x_1 = %s, x_2 = %s" % (texts[0], texts[1])]
    changed = texts[:]
    changed[-1] = frac_tex(-vals[-1]) if vals[-1] != 0 else "7"
    pert = [texts[0], ", ".join(changed), ", ".join(texts + ["13"]), Raw("$\\boxed{%s}$" % texts[-1]),
            "x = " + " \\text{ or } x = ".join(changed)]
    return gold, eq, pert

@category("complex", 0.7)
def complex_(rng):
    a, b = rng.randint(-9, 9), rng.choice([v for v in range(-9, 10) if v])
    def ctex(re_, im, order="ri"):
        im_t = ("" if abs(im) == 1 else str(abs(im))) + "i"
        if re_ == 0:
            return ("-" if im < 0 else "") + im_t
        if order == "ri":
            return "%d %s %s" % (re_, "-" if im < 0 else "+", im_t)
        return "%s%s %s %d" % ("-" if im < 0 else "", im_t, "-" if re_ < 0 else "+", abs(re_))
    gold = ctex(a, b)
    eq = [ctex(a, b, "ir"), gold.replace(" ", ""), "%d + (%d)i" % (a, b) if a else "%d i" % b, "(%s)" % gold]
    pert = [ctex(a, -b), ctex(b, a) if a != b and a else ctex(a + 1, b), str(a) if a else str(b), ctex(-a, b) if a else ctex(1, b)]
    return gold, eq, pert

# The stress category: pathological answers whose intended verdict is known. Some make sympy slow.
def stress(rng):
    n = rng.randint(2, 9)
    kinds = [
        ("\\boxed{%d^{%d^{%d}}}" % (rng.randint(7, 9), rng.randint(7, 9), rng.randint(8, 9)), 0),
        ("\\boxed{10^{10^{%d}}}" % rng.randint(9, 12), 0),
        ("\\boxed{%d!}" % rng.randint(200000, 900000), 0),
        ("\\boxed{" + "(" * 120 + str(n) + ")" * 120 + "}", 1),
        ("\\boxed{" + "\\frac{" * 30 + "1" + "}{2}" * 30 + "}", 0),
        ("The answer is " + "9" * 3000 + ".", 0),
        ("\\boxed{0." + "3" * 400 + "}", 0),
        (("We have $%d = %d$. " % (n, n)) * 800 + "\\boxed{%d}" % n, 1),
        ("\\boxed{\\boxed{\\boxed{%d}}}" % n, 1),
        ("\\boxed{" * 40 + str(n) + "}" * 40, 1),
        ("\\boxed{" + " + ".join(["x^{%d}" % k for k in range(200)]) + "}", 0),
        ("$" * 500 + "\\boxed{%d}" % (n + 1), 0),
        ("\\boxed{%d" % n + "}" * 300, 1),
        ("\\boxed{\\sqrt{\\sqrt{\\sqrt{\\sqrt{\\sqrt{%d}}}}}}" % (3 ** 32), 1 if n == 3 else 0),
    ]
    completion, intended = kinds[rng.randrange(len(kinds))]
    return str(n), completion, intended

# ---------------------------------------------------------------------------------------------
# Completion text around the answer.

OBJECTS = ["apples", "marbles", "students", "coins", "tickets", "books", "cookies", "cars", "points", "tiles"]

def reasoning(rng, sentences):
    out = []
    for i in range(sentences):
        a, b = rng.randint(2, 60), rng.randint(2, 60)
        t = rng.randrange(14)
        if t == 0:
            out.append("First, note that $%d + %d = %d$." % (a, b, a + b))
        elif t == 1:
            out.append("Multiplying, we get $%d \\times %d = %d$." % (a, b, a * b))
        elif t == 2:
            out.append("Let $x$ be the number of %s." % rng.choice(OBJECTS))
        elif t == 3:
            out.append("Substituting $x = %d$ into the equation gives $%dx - %d = %d$." % (a, b, a, a * b - a))
        elif t == 4:
            out.append("\\[\n\\frac{%d}{%d} \\cdot %d = %s\n\\]" % (a, b, b, a))
        elif t == 5:
            out.append("We can simplify the expression step by step.")
        elif t == 6:
            out.append("Since $%d^2 = %d$, the square root is $%d$." % (a, a * a, a))
        elif t == 7:
            out.append("**Step %d.** Compute the remaining part: %d - %d = %d." % (i + 1, a + b, b, a))
        elif t == 8:
            out.append("Hmm, wait. Let me re-check that: $%d \\cdot %d$ is indeed $%d$." % (a, b, a * b))
        elif t == 9:
            out.append("Using the formula $A = \\pi r^2$ with $r = %d$ would give $%d\\pi$, but that is not what is asked." % (a, a * a))
        elif t == 10:
            out.append("The discriminant is $b^2 - 4ac = %d$." % (a * a - 4 * b))
        elif t == 11:
            out.append("So there are %d %s in total, and %d of them remain." % (a + b, rng.choice(OBJECTS), a))
        elif t == 12:
            out.append("$$%d + %d + %d = %d$$" % (a, b, a, 2 * a + b))
        else:
            out.append("Therefore $y = %d$ and $z = %d$." % (a, b))
    sep = rng.choice([" ", "\n", "\n\n"])
    return sep.join(out)

STYLE_WEIGHTS = [("boxed", 34), ("final_answer_minerva", 9), ("final_answer", 8), ("answer_colon", 12), ("display", 7),
                 ("several_boxes", 8), ("boxed_then_text", 5), ("think", 5), ("plain_end", 4), ("no_answer", 4), ("junk", 4)]

def pick_style(rng):
    total = sum(w for _, w in STYLE_WEIGHTS)
    r = rng.uniform(0, total)
    for name, w in STYLE_WEIGHTS:
        r -= w
        if r <= 0:
            return name
    return STYLE_WEIGHTS[-1][0]

def completion(rng, style, x, decoy):
    """The completion text for answer X in the given style; decoy is another (wrong) answer."""
    pre = reasoning(rng, rng.choice([0, 1, 2, 3, 4, 6, 9, 14]))
    raw = isinstance(x, Raw)
    if raw and style in ("boxed", "final_answer_minerva", "final_answer", "answer_colon", "display", "plain_end"):
        return pre + "\n\n" + x
    if style == "boxed":
        end = rng.choice(["Therefore, the answer is $\\boxed{%s}$.", "So the answer is \\boxed{%s}.", "Thus, $\\boxed{%s}$.",
                          "The final answer is $\\boxed{%s}$.", "\\[\n\\boxed{%s}\n\\]", "Hence the result is $\\boxed{%s}$", "\\boxed{%s}",
                          "## Final Answer\n\\[ \\boxed{%s} \\]"])
        return pre + "\n\n" + end.replace("%s", x)
    if style == "final_answer_minerva":
        return pre + "\nFinal Answer: The final answer is $%s$. I hope it is correct." % x
    if style == "final_answer":
        end = rng.choice(["The final answer is $%s$.", "The final answer is %s.", "The final answer is: $%s$", "**Final answer:** $%s$"])
        return pre + "\n\n" + end.replace("%s", x)
    if style == "answer_colon":
        end = rng.choice(["Answer: %s", "Answer: $%s$", "**Answer:** $%s$", "Answer:\n$%s$", "answer: %s."])
        return pre + "\n\n" + end.replace("%s", x)
    if style == "display":
        end = rng.choice(["\\[ %s \\]", "$$%s$$", "So we get $%s$.", "\\( %s \\)"])
        return pre + "\n\n" + end.replace("%s", x)
    if style == "plain_end":
        end = rng.choice(["So the result is %s.", "The answer is %s", "That gives %s"])
        return pre + "\n\n" + end.replace("%s", x)
    if style == "several_boxes":
        kind = rng.randrange(3)
        if raw:
            return pre + "\nFirst I got $\\boxed{%s}$, but that was a slip.\n\n" % decoy + x
        if kind == 0:   # a wrong box first, then the final one
            return "Initially: $\\boxed{%s}$. Wait, that is wrong.\n%s\n\nThe answer is $\\boxed{%s}$." % (decoy, pre, x)
        if kind == 1:   # the same answer twice
            return "%s\n\nSo $\\boxed{%s}$.\n\nDouble-checking confirms it: $\\boxed{%s}$." % (pre, x, x)
        return "%s\n\nThe answer is $\\boxed{%s}$.\n\nAlternatively, one might think $\\boxed{%s}$, but the first is right." % (pre, x, decoy)
    if style == "boxed_then_text":
        if raw:
            return pre + "\n\n" + x + "\n\nLet me verify: %d + %d = %d." % (2, 3, 5)
        return "%s\n\nThe answer is $\\boxed{%s}$.\n\nTo double-check, plug it back in: %d - %d = %d, which matches." % (
            pre, x, rng.randint(10, 99), 3, rng.randint(1, 9))
    if style == "think":
        body = x if raw else "The answer is $\\boxed{%s}$." % x
        return "<think>\n%s\nMaybe it is %s? Let me see.\n</think>\n\n%s" % (reasoning(rng, rng.randint(2, 8)), decoy, body)
    if style == "no_answer":
        kind = rng.randrange(3)
        if kind == 0:
            return pre + "\n\nI am not sure how to finish this problem."
        if kind == 1:
            return (pre + " We now need to compute the value of")[: rng.randint(40, 400)]
        return "I cannot solve this problem."
    # junk
    kind = rng.randrange(7)
    xs = str(x)
    if kind == 0:
        return pre + "\n\n\\boxed{" + xs          # unbalanced
    if kind == 1:
        return pre + "\n\nThe answer is $\\boxed{}$."
    if kind == 2:
        return " ".join(rng.choice(["the", "the the", "}{", "\\frac", "$", "##", "???", "\\boxed", "1", "=", "\\\\", "\u00e9\u00e8"]) for _ in range(rng.randint(5, 120)))
    if kind == 3:
        return ("answer " * rng.randint(20, 200)) + "\\boxed{" + xs + "}"
    if kind == 4:
        return "\\boxed{\\text{" + xs.replace("\\", "") + "}}"
    if kind == 5:
        return "".join(rng.choice("0123456789+-*/^()[]{}\\$ abcxyz") for _ in range(rng.randint(10, 300)))
    return pre + "\n\n\\boxed{" + xs + "}}}}$$ \\end{align}"

# ---------------------------------------------------------------------------------------------

def generate(pairs, seed):
    rng = random.Random(seed)
    names = list(CATEGORIES)
    weights = [CATEGORIES[n][1] for n in names]
    stress_count = max(1, pairs // 100)
    regular = pairs - stress_count
    total_w = sum(weights)
    counts = [int(regular * w / total_w) for w in weights]
    for i in range(regular - sum(counts)):
        counts[i % len(counts)] += 1
    rows = []
    for name, count in zip(names, counts):
        fn = CATEGORIES[name][0]
        for _ in range(count):
            gold, eq, pert = fn(rng)
            eq = [e for e in eq if e]
            pert = [p for p in pert if p and p != gold]
            variant = "equivalent" if rng.random() < 0.5 else "perturbed"
            x = rng.choice(eq if variant == "equivalent" else pert)
            decoy = rng.choice([p for p in pert if not isinstance(p, Raw)] or ["0"])
            style = pick_style(rng)
            rows.append({"category": name, "gold": gold, "completion": completion(rng, style, x, decoy),
                         "variant": variant, "style": style})
    for _ in range(stress_count):
        gold, comp, intended = stress(rng)
        rows.append({"category": "stress", "gold": gold, "completion": comp,
                     "variant": "equivalent" if intended else "perturbed", "style": "stress"})
    rng.shuffle(rows)
    for i, row in enumerate(rows):
        row["id"] = "m%05d" % i
    return rows

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--pairs", type=int, default=6400)
    ap.add_argument("--seed", type=int, default=20250601)
    args = ap.parse_args()
    rows = generate(args.pairs, args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps({k: row[k] for k in ("id", "category", "gold", "completion", "variant", "style")}, ensure_ascii=False) + "\n")
    by = {}
    for row in rows:
        by[row["category"]] = by.get(row["category"], 0) + 1
    print("math_corpus: %d pairs: %s" % (len(rows), ", ".join("%s %d" % kv for kv in sorted(by.items()))), file=sys.stderr)

if __name__ == "__main__":
    main()
