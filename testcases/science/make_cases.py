#!/usr/bin/env python3
"""Writes testcases/science/cases.jsonl: multiple-choice responses in the usual styles, each
scored under every preset, with the letter each harness extracts and the verdict. The
expectations were worked out by hand from each harness's source (see ChoicePresets.swift);
they are data, not m2rl's output. Run after editing; the file is committed."""
import json, os

CHOICES = ["Paris", "London", "Berlin", "Madrid"]
PRESETS = ["simple-evals", "lm-eval-gpqa-strict", "lm-eval-gpqa-flexible", "mmlu-pro", "supergpqa", "m2rl-paper"]

# response → expected extraction per preset (None: nothing found → no_answer). Gold is C.
TABLE = [
    ("answer-colon", "Answer: C", ["C", None, "C", "C", "C", "C"]),
    ("markdown-bold", "**Answer:** C", [None, None, None, "C", "C", "C"]),
    ("boxed", "The final answer is \\boxed{C}.", [None, None, None, "C", "C", "C"]),
    ("parenthesized", "I pick (C).", [None, None, "C", "C", "I", "C"]),
    ("the-answer-is", "The answer is C.", [None, "C", None, "C", "C", "C"]),
    ("option-text", "The capital is Berlin.", [None, None, "C", None, None, None]),
    ("several-letters", "A is wrong, B is wrong, so the answer is C.", [None, None, None, "C", "C", "C"]),
    ("none", "I don't know.", [None, None, None, "I", "I", None]),
    ("lowercase", "answer: c", ["c", None, None, None, "c", "C"]),
    ("the-answer-is-parenthesized", "The answer is (C).", [None, "C", "C", "C", "C", "C"]),
    ("changed-mind", "Answer: A\nActually, Answer: C", ["A", None, "C", "A", "C", "C"]),
    ("wrong-letter", "Answer: B", ["B", None, "B", "B", "B", "B"]),
]

cases = []
for name, response, expected in TABLE:
    for preset, letter in zip(PRESETS, expected):
        if letter is None:
            verdict = "no_answer"
        else:
            same = letter.lower() == "c" if preset.startswith("lm-eval") else letter == "C"
            verdict = "correct" if same else "incorrect"
        cases.append({"id": f"{name}/{preset}", "completion": response,
                      "problem": {"id": name, "domain": "science", "answer": "C", "choices": CHOICES,
                                  "verifier": {"preset": preset}},
                      "expect": {"verdict": verdict, "reward": 1.0 if verdict == "correct" else 0.0, "extracted": letter}})

# Options and gold forms.
def extra(name, response, answer, verifier, extracted, verdict):
    cases.append({"id": name, "completion": response,
                  "problem": {"id": name, "domain": "science", "answer": answer, "choices": CHOICES, "verifier": verifier},
                  "expect": {"verdict": verdict, "reward": 1.0 if verdict == "correct" else 0.0, "extracted": extracted}})

extra("match-text-on", "The capital is Berlin.", "C", {"preset": "m2rl-paper", "match_text": True}, "C", "correct")
extra("match-text-last-mentioned", "Not London; it is Berlin.", "C", {"match_text": True}, "C", "correct")
extra("match-text-whole-words", "Parisian cafes are nice.", "A", {"match_text": True}, None, "no_answer")
extra("gold-as-text", "Answer: C", "Berlin", {}, "C", "correct")
extra("gold-in-parentheses", "Answer: C", "(C)", {}, "C", "correct")
extra("default-preset-is-m2rl-paper", "**Answer:** c", "C", {}, "C", "correct")
extra("letter-beyond-choices", "The answer is E.", "C", {}, "E", "incorrect")
extra("format-gate", "<think>Answer: A</think>Answer: C", "C", {"format_gate": True}, "C", "correct")
extra("format-gate-missing", "Answer: C", "C", {"format_gate": True}, None, "format_error")

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.jsonl"), "w") as f:
    for c in cases:
        f.write(json.dumps(c, sort_keys=True) + "\n")
print(f"wrote {len(cases)} cases")
