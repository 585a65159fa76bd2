#!/usr/bin/env python3
"""Differential test of m2rl's 25 IFEval checkers against lm-eval 0.4.13's (the reference, set up
by bench/ifeval_reference.py, which re-runs this script in its venv).

From a seed it generates N varied responses (paragraphs with `***` or blank-line breaks, bullets,
sections, titles, JSON with and without fences, upper/lower case, commas, quotes, P.S. lines,
placeholders, highlights, two responses, other languages and scripts, odd Unicode), each with
random kwargs for all 25 instruction ids, and judges every (response, instruction) pair twice:

  reference: lm-eval's checker, strict (empty-after-strip follows nothing) and loose (any of the
             8 variants utils.py builds), kwargs filtered with `is not None` (see the reference
             module on falsy kwargs);
  m2rl:      `m2rl score` on stdin, one request per response with the 25 instructions;
             details.instructions[k].strict / .loose.

It prints the agreement per instruction id (strict and loose; "ref true" is how many pairs the
reference judged followed, strictly) and writes every disagreement to --out as JSON Lines. Exit
status 1 when some disagreement is not explained by a differing text tool. Disagreements of the ids that rest on a text tool (NLTK Punkt sentences,
NLTK word_tokenize, NLTK RegexpTokenizer(r"\w+"), langdetect) are attributed: the tool's output is compared on the response
through `m2rl instruction text TOOL`, and a disagreement whose tool output differs is reported
as caused by that tool.

Usage: python3 bench/instruction_ifeval_diff.py --m2rl .build/debug/m2rl --n 3000 --seed 1 \
           [--out /tmp/ifeval_diff.jsonl]
"""
import argparse
import json
import os
import random
import re
import string
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ifeval_reference as ref  # noqa: E402

ref.use_venv()

IDS = [
    "keywords:existence", "keywords:frequency", "keywords:forbidden_words", "keywords:letter_frequency",
    "language:response_language", "length_constraints:number_sentences", "length_constraints:number_paragraphs",
    "length_constraints:number_words", "length_constraints:nth_paragraph_first_word",
    "detectable_content:number_placeholders", "detectable_content:postscript",
    "detectable_format:number_bullet_lists", "detectable_format:constrained_response",
    "detectable_format:number_highlighted_sections", "detectable_format:multiple_sections",
    "detectable_format:json_format", "detectable_format:title", "combination:two_responses",
    "combination:repeat_prompt", "startend:end_checker", "change_case:capital_word_frequency",
    "change_case:english_capital", "change_case:english_lowercase", "punctuation:no_comma", "startend:quotation",
]

# The text tool each id rests on (as `m2rl instruction text` names it).
TOOL = {
    "length_constraints:number_sentences": "sentences",
    "length_constraints:number_words": "regex-words",
    "change_case:capital_word_frequency": "words",
    "language:response_language": "language",
    "change_case:english_capital": "language",
    "change_case:english_lowercase": "language",
}

WORDS = ("the a of and to in is it that for on with as was at by be this from or have an are not but "
         "what all were when we there can your which their said if do will each about how up out them "
         "then she many some so these would other into has more her two like him see time could no make "
         "than first been its who now people my made over did down only way find use may water long "
         "little very after words called just where most know western sentence signal dump spot "
         "opposite bottom potato administration working welcome morning good agency primary wish "
         "responsibility press problem president steal brush read type beat trainer growth lock bone "
         "case equal comfortable region replacement performance mate walk medicine film thing rock tap "
         "total competition ease south establishment gather parking world plenty breath claim alcohol "
         "trade dear highlight street matter decision mess agreement studio coach assist brain wing "
         "style private top brown leg buy procedure method speed high company valuable pie analyst "
         "session pattern district pleasure dinner swimming joke order plate department motor cell "
         "spend cabinet difference power examination engine horse dimension pay toe curve literature "
         "bother fire possibility debate activity passage hello cycle background quiet author effect "
         "actor page bicycle error throat attack character phone tea increase outcome file specific "
         "inspector internal potential staff building employer shoe hand direction garden purchase "
         "interview study recognition member spiritual oven sandwich weird passenger particular").split()

FOREIGN = {
    "fr": ["Bonjour tout le monde, je suis très heureux de vous voir aujourd'hui.",
           "La vie est belle quand on prend le temps de regarder autour de soi.",
           "Nous avons mangé une délicieuse tarte aux pommes chez ma grand-mère."],
    "es": ["Hola a todos, estoy muy feliz de estar aquí con ustedes hoy.",
           "El perro corre por el parque mientras los niños juegan con la pelota.",
           "Mañana vamos a visitar el museo de arte moderno de la ciudad."],
    "de": ["Guten Morgen, ich hoffe, dass es Ihnen heute gut geht.",
           "Die Straße ist nach dem langen Regen immer noch sehr nass.",
           "Wir fahren am Wochenende mit dem Zug in die Berge."],
    "ru": ["Привет всем, я очень рад видеть вас сегодня здесь.",
           "Москва является столицей и крупнейшим городом России."],
    "it": ["Buongiorno a tutti, sono molto felice di essere qui con voi oggi.",
           "La pizza napoletana è famosa in tutto il mondo per il suo sapore."],
    "pt": ["Olá a todos, estou muito feliz por estar aqui com vocês hoje.",
           "O Brasil é o maior país da América do Sul em território."],
    "ja": ["今日はとても良い天気ですね。公園に散歩に行きましょう。", "私は毎朝コーヒーを飲みます。"],
    "ko": ["안녕하세요, 오늘 날씨가 정말 좋네요.", "저는 매일 아침 커피를 마십니다."],
    "ar": ["مرحبا بكم جميعا، أنا سعيد جدا برؤيتكم اليوم.", "القاهرة هي عاصمة مصر وأكبر مدنها."],
    "hi": ["नमस्ते, आज आप सभी से मिलकर मुझे बहुत खुशी हुई।", "भारत एक विशाल और विविधताओं वाला देश है।"],
    "fi": ["Hyvää huomenta, toivottavasti sinulla on mukava päivä.", "Suomessa on tuhansia järviä ja paljon metsää."],
    "pl": ["Dzień dobry, bardzo się cieszę, że mogę was dzisiaj zobaczyć.", "Warszawa jest stolicą i największym miastem Polski."],
    "th": ["สวัสดีครับ วันนี้อากาศดีมาก", "ประเทศไทยมีอาหารอร่อยมากมาย"],
    "he": ["שלום לכולם, אני שמח מאוד לראות אתכם היום.", "ירושלים היא עיר עתיקה וחשובה."],
}

ODD = ["İstanbul", "ſtraße", "STRASSE", "ΟΔΟΣ", "naïve", "cafe\u0301", "😀", "e\u0301", "Ⅻ", "ǅ", "ª", "\u00a0",
       "\u2028", "\x0b", "\x1c", "ﬁ", "K", "Ω", "ς", "ı", "U.S.", "e.g.", "Mr.", "Dr.", "3.14", "1,000", "don't", "O'Neil"]

END_PHRASES = ["Any other questions?", "Is there anything else I can help with?", "Let me know", "Peace out."]
MARKERS = ["P.S.", "P.P.S", "PS", "P.S", "Note", "p.s.", "P.P.S.", " P.S. ", "P\\.S", "(?:ps|note)", "(?i)ps", "P.S.:"]
SPLITTERS = ["Section", "SECTION", "PARAGRAPH", "Day", "Part", "Chapter", "Slide", "SECTION|Section", "Sec.ion", "(?i)section",
             "[Ss]ection"]
CODES = ["en", "en", "en", "es", "fr", "de", "ru", "it", "pt", "ja", "ko", "ar", "hi", "fi", "pl", "th", "he", "bg", "uk", "vi"]
OPTIONS = ["My answer is yes.", "My answer is no.", "My answer is maybe."]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def word(self):
        r = self.r
        w = r.choice(WORDS)
        x = r.random()
        if x < 0.08:
            w = w.upper()
        elif x < 0.2:
            w = w.capitalize()
        elif x < 0.23:
            w = r.choice(ODD)
        return w

    def sentence(self):
        r = self.r
        n = r.randint(1, 14)
        words = [self.word() for _ in range(n)]
        if r.random() < 0.3 and n > 3:
            words[r.randrange(1, n)] += ","
        words[0] = words[0][:1].upper() + words[0][1:]
        end = r.choice([".", ".", ".", "!", "?", "", "...", ";"])
        s = " ".join(words) + end
        if r.random() < 0.1:
            s = r.choice(["Mr. Smith said ", "Dr. Who met ", "The U.S. is ", "It costs 3.50 dollars. ", "E.g. "]) + s
        return s

    def paragraph(self):
        r = self.r
        if r.random() < 0.08:
            code = r.choice(list(FOREIGN))
            return " ".join(r.sample(FOREIGN[code], k=min(len(FOREIGN[code]), r.randint(1, 2))))
        return " ".join(self.sentence() for _ in range(r.randint(1, 4)))

    def bullets(self):
        r = self.r
        lines = []
        for _ in range(r.randint(1, 6)):
            mark = r.choice(["* ", "* ", "- ", "  * ", "\t- ", "*", "**", "-", "• ", "1. ", "*\n", "  -"])
            lines.append(mark + (self.sentence() if r.random() < 0.9 else ""))
        return "\n".join(lines)

    def json_block(self):
        r = self.r

        def value(depth):
            k = r.random()
            if depth > 2 or k < 0.3:
                return r.choice([1, -2, 3.5, 1e21, True, False, None, "text", "a \"quoted\" word", "é", "", 0])
            if k < 0.65:
                return [value(depth + 1) for _ in range(r.randint(0, 3))]
            return {r.choice(WORDS): value(depth + 1) for _ in range(r.randint(0, 3))}

        doc = json.dumps(value(0), indent=r.choice([None, 2]), ensure_ascii=r.random() < 0.5)
        x = r.random()
        if x < 0.12:
            doc = doc.replace("]", ",]", 1) if "]" in doc else doc + ","
        elif x < 0.2:
            doc = doc.replace('"', "'")
        elif x < 0.25:
            doc = r.choice(["NaN", "-Infinity", "[NaN, Infinity]", "01", "1.", "-", "{\"a\": 1, \"a\": 2}",
                            "\"tab\there\"", "[1, 2] // comment", "\ufeff{}", "\"\\ud800\"", "{'a': 1}", "nul"])
        fence = r.choice(["", "", "```json\n", "```JSON\n", "```Json\n", "```\n", "```python\n", "``` json\n"])
        close = "\n```" if fence and r.random() < 0.85 else ""
        pre = r.choice(["", "", "", "Here is the JSON:\n"])
        return pre + fence + doc + close

    def response(self):
        r = self.r
        kind = r.random()
        if kind < 0.12:
            return self.json_block(), None
        parts = []
        for _ in range(r.randint(1, 5)):
            x = r.random()
            if x < 0.18:
                parts.append(self.bullets())
            elif x < 0.26:
                sp = r.choice(SPLITTERS)
                parts.append(f"{sp}{r.choice([' ', '', '  ', ' #'])}{r.randint(1, 5)}{r.choice(['', ':', ' '])}\n" + self.paragraph())
            elif x < 0.32:
                t = r.choice(["<<" + " ".join(self.word() for _ in range(r.randint(1, 4))) + ">>", "<< >>", "<<>>",
                              "<<<x>>>", "<<a>> and <<b>>", "<<a\nb>>", "<<<<>>", "<< title >>", "<title>"])
                parts.append(t)
            elif x < 0.38:
                w = " ".join(self.word() for _ in range(r.randint(0, 3)))
                parts.append(self.paragraph() + " " + r.choice([f"*{w}*", f"**{w}**", "* *", "**", f"*{w}", f"***{w}***"]))
            elif x < 0.43:
                parts.append(self.paragraph().replace(r.choice(WORDS), "[" + r.choice(WORDS) + "]", 1)
                             + r.choice(["", " [name]", " [address] and [date]", " []", " [a\nb]"]))
            else:
                parts.append(self.paragraph())
        sep = r.choice(["\n\n", "\n\n", "\n***\n", " *** ", "\n\n***\n\n", "\n", "\n\n\n", "******", "\n******\n", "****"])
        text = sep.join(parts)
        if r.random() < 0.15:
            text = r.choice(["***\n", "\n\n", "******\n"]) + text
        if r.random() < 0.15:
            text = text + r.choice(["\n***", "\n\n", "\n******"])
        if r.random() < 0.25:
            m = r.choice(["P.S.", "p.s.", "P.P.S", "P. P. S", "PS:", "P.S", "p. s.", "Note:", "P.\nS."])
            text += "\n\n" + m + " " + self.sentence()
        if r.random() < 0.15:
            text += " " + r.choice(OPTIONS)
        if r.random() < 0.2:
            text += r.choice([" ", "\n", " \"", ""]) + r.choice(END_PHRASES) + r.choice(["", " ", "\"", "\n", "!"])
        x = r.random()
        if x < 0.12:
            text = text.upper()
        elif x < 0.24:
            text = text.lower()
        if r.random() < 0.1:
            text = text.replace(",", "")
        if r.random() < 0.1:
            text = r.choice(['"', ' "', '"\n']) + text + r.choice(['"', '" ', '', '"\n'])
        if r.random() < 0.02:
            text = r.choice(["", " ", "\n", "\"", "\"\"", "a"])
        return text, None

    def kwargs(self, iid, response, prompt):
        r = self.r
        rel = lambda: r.choice(["less than", "at least"])  # noqa: E731
        tokens = [w for w in response.replace("\n", " ").split(" ") if w]
        if iid == "keywords:existence":
            pool = WORDS[:] + ["e.g.", "U.S", "colou?r", "[ab]c", "hel+o", "a|zzz", "café", "STRASSE", "straße",
                               "istanbul", "ΟΔΟΣ", "word\\b", "\\bthe\\b", "K", "x{2}", "(?x) t h e", "(?s)e.\\n", "[^a-z ]{3}",
                               "\\d+", "\\s{2}", "(?P<w>o)(?P=w)", "ſ", "ı", "[İ]", "\\w+ing\\b", "^the", "the$", "[]x]", "a{,2}b"]
            picks = [r.choice(pool) for _ in range(r.randint(1, 3))]
            if tokens and r.random() < 0.5:
                picks[0] = r.choice(tokens).strip(".,!?\"'*[]()<>")
            picks = [p for p in picks if p] or ["the"]
            return {"keywords": picks}
        if iid == "keywords:frequency":
            kw = r.choice(WORDS + ["the", "a", "is", " the ", "s"])
            if tokens and r.random() < 0.4:
                kw = r.choice(tokens).strip(".,!?\"'*[]()<>") or "a"
            return {"keyword": kw, "frequency": r.randint(0, 5), "relation": rel()}
        if iid == "keywords:forbidden_words":
            picks = [r.choice(WORDS + ["a", "the", "İstanbul", "s", "bad|the", "naïve", "don't", "u.s"]) for _ in range(r.randint(1, 3))]
            if tokens and r.random() < 0.4:
                picks[0] = r.choice(tokens).strip(".,!?\"'*[]()<>") or "a"
            return {"forbidden_words": picks}
        if iid == "keywords:letter_frequency":
            return {"letter": r.choice(string.ascii_letters), "let_frequency": r.randint(0, 25), "let_relation": rel()}
        if iid == "language:response_language":
            return {"language": r.choice(CODES)}
        if iid == "length_constraints:number_sentences":
            return {"num_sentences": r.randint(0, 14), "relation": rel()}
        if iid == "length_constraints:number_paragraphs":
            return {"num_paragraphs": r.randint(0, 6)}
        if iid == "length_constraints:number_words":
            n = len(tokens)
            return {"num_words": max(0, n + r.randint(-6, 6)) if r.random() < 0.7 else r.randint(0, 300), "relation": rel()}
        if iid == "length_constraints:nth_paragraph_first_word":
            num = r.randint(1, 5)
            nth = r.randint(1, num)
            paras = response.split("\n\n")
            fw = r.choice(WORDS)
            if r.random() < 0.6 and len(paras) >= nth and paras[nth - 1].split():
                fw = paras[nth - 1].split()[0].strip(".,?!'\"").lower() or fw
            if r.random() < 0.5:
                num = max(nth, len([p for p in paras if p.strip()]) + r.choice([0, 0, 0, 1, -1]))
            return {"num_paragraphs": num, "nth_paragraph": nth, "first_word": fw}
        if iid == "detectable_content:number_placeholders":
            return {"num_placeholders": r.randint(0, 4)}
        if iid == "detectable_content:postscript":
            return {"postscript_marker": r.choice(MARKERS)}
        if iid == "detectable_format:number_bullet_lists":
            return {"num_bullets": r.randint(0, 7)}
        if iid == "detectable_format:number_highlighted_sections":
            return {"num_highlights": r.randint(0, 4)}
        if iid == "detectable_format:multiple_sections":
            return {"section_spliter": r.choice(SPLITTERS), "num_sections": r.randint(0, 4)}
        if iid == "combination:repeat_prompt":
            return {"prompt_to_repeat": prompt}
        if iid == "startend:end_checker":
            phrase = r.choice(END_PHRASES)
            if tokens and r.random() < 0.3:
                phrase = " ".join(tokens[-r.randint(1, min(3, len(tokens))):])
            return {"end_phrase": phrase}
        if iid == "change_case:capital_word_frequency":
            return {"capital_frequency": r.randint(0, 12), "capital_relation": rel()}
        return {}

    def case(self):
        r = self.r
        prompt = self.sentence() + " " + self.sentence()
        response, _ = self.response()
        if r.random() < 0.12:
            response = r.choice(["", " ", "\n"]) + (prompt if r.random() < 0.7 else prompt.upper()) + r.choice(["\n", " ", ""]) + response
        instructions = []
        for iid in IDS:
            while True:
                kw = self.kwargs(iid, response, prompt)
                if compiles(iid, kw):
                    break
            instructions.append({"id": iid, "kwargs": kw})
        return prompt, response, instructions


def compiles(iid, kw):
    """Whether the regular expressions the reference builds from these kwargs compile in Python
    (keywords drawn from response tokens can be invalid patterns, such as `...****`)."""
    try:
        if iid == "keywords:existence":
            for k in kw["keywords"]:
                re.compile(k)
        elif iid == "keywords:frequency":
            re.compile(kw["keyword"].strip())
        elif iid == "keywords:forbidden_words":
            for w in kw["forbidden_words"]:
                re.compile(r"\b" + w + r"\b")
        elif iid == "detectable_content:postscript":
            re.compile(r"\s*" + kw["postscript_marker"].strip().lower() + r".*$")
        elif iid == "detectable_format:multiple_sections":
            re.compile(r"\s?" + kw["section_spliter"].strip() + r"\s?\d+\s?")
        return True
    except re.error:
        return False


def run_m2rl(binary, cases):
    lines = []
    for k, (prompt, response, instructions) in enumerate(cases):
        lines.append(json.dumps({"id": str(k), "completion": response, "problem": {
            "id": f"ifeval-diff-{k}", "domain": "instruction", "prompt": prompt, "instructions": instructions}}))
    out = subprocess.run([binary, "score"], input="\n".join(lines) + "\n", capture_output=True, text=True)
    results = [json.loads(line) for line in out.stdout.split("\n") if line.strip()]
    if len(results) != len(cases):
        raise SystemExit(f"m2rl returned {len(results)} lines for {len(cases)}: {out.stderr[-2000:]}")
    return results


def tool_outputs(binary, tool, texts):
    out = subprocess.run([binary, "instruction", "text", tool], input="".join(json.dumps(t) + "\n" for t in texts),
                         capture_output=True, text=True)
    return [json.loads(line) for line in out.stdout.split("\n") if line.strip()]


def reference_tool(tool, text):
    if tool == "sentences":
        return ref.sent_tokenize(text)
    if tool == "words":
        return ref.word_tokenize(text)
    if tool == "regex-words":
        return ref.regex_words(text)
    return ref.detect_language(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--m2rl", default=".build/debug/m2rl")
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="/tmp/ifeval_diff_disagreements.jsonl")
    a = ap.parse_args()

    gen = Gen(a.seed)
    cases = [gen.case() for _ in range(a.n)]
    t0 = time.time()
    results = run_m2rl(a.m2rl, cases)
    t_m2rl = time.time() - t0

    t0 = time.time()
    stats = {iid: {"n": 0, "strict": 0, "loose": 0, "ref_true": 0, "ref_error": 0} for iid in IDS}
    disagreements = []
    for k, ((prompt, response, instructions), result) in enumerate(zip(cases, results)):
        if result.get("verdict") == "error":
            raise SystemExit(f"m2rl could not score case {k}: {result}")
        mine = result["details"]["instructions"]
        for j, inst in enumerate(instructions):
            iid, kw = inst["id"], inst["kwargs"]
            s = stats[iid]
            try:
                rs = ref.evaluate(iid, kw, prompt, response)
                rl = ref.evaluate_loose(iid, kw, prompt, response)
            except Exception as e:  # the reference raising is not a verdict
                s["ref_error"] += 1
                disagreements.append({"case": k, "id": iid, "kwargs": kw, "prompt": prompt, "response": response,
                                      "reference_error": f"{type(e).__name__}: {e}"[:300],
                                      "m2rl_strict": mine[j]["strict"], "m2rl_loose": mine[j]["loose"]})
                continue
            s["n"] += 1
            s["ref_true"] += rs
            ms, ml = mine[j]["strict"], mine[j]["loose"]
            s["strict"] += rs == ms
            s["loose"] += rl == ml
            if rs != ms or rl != ml:
                disagreements.append({"case": k, "id": iid, "kwargs": kw, "prompt": prompt, "response": response,
                                      "ref_strict": rs, "m2rl_strict": ms, "ref_loose": rl, "m2rl_loose": ml})
    t_ref = time.time() - t0

    # Attribute disagreements of tool-based ids to their text tool.
    by_tool = {}
    for d in disagreements:
        tool = TOOL.get(d["id"])
        if tool:
            by_tool.setdefault(tool, []).append(d)
    for tool, items in by_tool.items():
        texts = []
        for d in items:
            texts.extend(ref.loose_variants(d["response"]))
        theirs = tool_outputs(a.m2rl, tool, texts)
        for idx, d in enumerate(items):
            variants = ref.loose_variants(d["response"])
            differs = [v for v_i, v in enumerate(variants)
                       if reference_tool(tool, v) != theirs[idx * 8 + v_i]]
            d["tool"] = tool
            d["tool_differs"] = bool(differs)
            if differs:
                d["tool_reference"] = reference_tool(tool, differs[0])
                d["tool_m2rl"] = theirs[idx * 8 + variants.index(differs[0])]

    print(f"IFEval differential: {a.n} responses x {len(IDS)} instructions, seed {a.seed} "
          f"(m2rl {t_m2rl:.1f}s, reference {t_ref:.1f}s)")
    print(f"{'instruction id':46} {'pairs':>6} {'ref true':>8} {'strict':>8} {'loose':>8}  disagreements (tool-caused)")
    total = {"n": 0, "strict": 0, "loose": 0}
    for iid in IDS:
        s = stats[iid]
        dis = [d for d in disagreements if d["id"] == iid and "reference_error" not in d]
        caused = sum(1 for d in dis if d.get("tool_differs"))
        n = max(s["n"], 1)
        note = f"{len(dis)}" + (f" ({caused} {TOOL[iid]})" if iid in TOOL and dis else "")
        if s["ref_error"]:
            note += f"; reference raised {s['ref_error']}x"
        print(f"{iid:46} {s['n']:6} {s['ref_true']:8} {100 * s['strict'] / n:7.2f}% {100 * s['loose'] / n:7.2f}%  {note}")
        for key in total:
            total[key] += s[key]
    n = max(total["n"], 1)
    print(f"{'all':46} {total['n']:6} {'':8} {100 * total['strict'] / n:7.2f}% {100 * total['loose'] / n:7.2f}%  "
          f"{len(disagreements)}")
    not_tool = [d for d in disagreements if not d.get("tool_differs") and "reference_error" not in d]
    print(f"disagreements not explained by a differing text tool: {len(not_tool)}")
    with open(a.out, "w", encoding="utf-8") as f:
        for d in disagreements:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"disagreements written to {a.out}")
    return 1 if not_tool else 0


if __name__ == "__main__":
    sys.exit(main())
