#!/usr/bin/env python3
"""The peer for bench/math.sh: math-verify 0.9.0 over the corpus, in one process, one pair
after another, configured as the preset `math-verify` of m2rl imitates it:

  gold = parse("$" + gold + "$", extraction_config=[LatexExtractionConfig()])
  pred = parse(completion, extraction_config=[LatexExtractionConfig(boxed_match_priority=0),
                                              ExprExtractionConfig()])
  reward = verify(gold, pred, float_rounding=6, strict=True)      (numeric_precision: 15)

Bare LaTeX golds are wrapped in `$...$`: LatexExtractionConfig finds nothing in most bare
LaTeX (it looks for math environments, boxes and "answer" anchors), and `$...$` is what
math-verify's README uses for a gold; `--compare-wraps` counts the golds that `\\boxed{...}`
would parse differently.

Each pair (both parses and the verify) is timed with perf_counter. math-verify guards parse and
verify with SIGALRM (5 s each); a timeout does not raise, it logs "Timeout during parsing" or
"Timeout during comparison" on the `math_verify` logger and yields [] or False, so a handler on
that logger counts them per pair.

Usage: math_peers.py CORPUS.jsonl OUT.jsonl [--compare-wraps]
Writes {"id", "reward", "ms", "timeouts", "extracted", "gold_parsed"} per pair to OUT.jsonl and
prints a JSON summary (import time, pairs/s, p50/p99, timeouts) on standard output."""
import json, logging, sys, time

t0 = time.perf_counter()
from math_verify import parse, verify, LatexExtractionConfig, ExprExtractionConfig  # noqa: E402
IMPORT_S = time.perf_counter() - t0

GOLD_CONFIG = [LatexExtractionConfig()]
PRED_CONFIG = [LatexExtractionConfig(boxed_match_priority=0), ExprExtractionConfig()]


class TimeoutCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        if "Timeout" in record.getMessage():
            self.count += 1


def shown(parsed):
    """math-verify's extraction as text: the matched string (parse puts it last), else the value."""
    if not parsed:
        return None
    for item in reversed(parsed):
        if isinstance(item, str):
            return item
    return str(parsed[0])[:300]


def percentile(sorted_values, q):
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, round(q / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def main():
    corpus, out_path = sys.argv[1], sys.argv[2]
    compare_wraps = "--compare-wraps" in sys.argv[3:]
    counter = TimeoutCounter()
    logger = logging.getLogger("math_verify")
    logger.addHandler(counter)
    logger.propagate = False
    pairs = [json.loads(line) for line in open(corpus, encoding="utf-8")]
    times, rows = [], []
    timed_out_pairs = 0
    start = time.perf_counter()
    for pair in pairs:
        before = counter.count
        t = time.perf_counter()
        gold = parse("$" + pair["gold"] + "$", extraction_config=GOLD_CONFIG)
        pred = parse(pair["completion"], extraction_config=PRED_CONFIG)
        ok = verify(gold, pred, float_rounding=6, strict=True)
        ms = (time.perf_counter() - t) * 1000
        timeouts = counter.count - before
        timed_out_pairs += timeouts > 0
        times.append(ms)
        rows.append({"id": pair["id"], "reward": 1 if ok else 0, "ms": round(ms, 3), "timeouts": timeouts,
                     "extracted": shown(pred), "gold_parsed": shown(gold) if gold else None})
    loop_s = time.perf_counter() - start
    with open(out_path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    ordered = sorted(times)
    summary = {
        "peer": "math-verify 0.9.0", "pairs": len(pairs), "import_s": round(IMPORT_S, 3), "loop_s": round(loop_s, 3),
        "pairs_per_s": round(len(pairs) / loop_s, 2) if loop_s else 0.0,
        "p50_ms": round(percentile(ordered, 50), 3), "p99_ms": round(percentile(ordered, 99), 3),
        "mean_ms": round(sum(times) / len(times), 3) if times else 0.0, "max_ms": round(ordered[-1], 3) if ordered else 0.0,
        "timeout_events": counter.count, "timed_out_pairs": timed_out_pairs,
        "rewarded": sum(r["reward"] for r in rows), "gold_unparsed": sum(r["gold_parsed"] is None for r in rows),
    }
    if compare_wraps:
        differ = []
        for pair in pairs:
            a = parse("$" + pair["gold"] + "$", extraction_config=GOLD_CONFIG)
            b = parse("\\boxed{" + pair["gold"] + "}", extraction_config=GOLD_CONFIG)
            if [str(x) for x in a[:1]] != [str(x) for x in b[:1]]:
                differ.append({"gold": pair["gold"], "dollar": str(a[:1]), "boxed": str(b[:1])})
        summary["wrap_differences"] = len(differ)
        summary["wrap_difference_examples"] = differ[:20]
    print(json.dumps(summary))


main()
