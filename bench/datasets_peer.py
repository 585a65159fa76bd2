#!/usr/bin/env python3
"""The Python peer of bench/datasets.sh: read a tar.zst of JSON Lines the way Python RL stacks
do, with tarfile in stream mode ("r|") over zstandard's stream reader, `json.loads` on every
non-blank line of every regular member, counting records per `domain`.

Usage: datasets_peer.py FILE.tar.zst
Prints one JSON object: {"records", "domains", "entries", "bytes" (expanded), "seconds" (from
the first read, imports excluded), "records_per_s", "mb_per_s" (10^6 expanded bytes per
second), "peak_rss_kb" (getrusage's ru_maxrss), "zstandard" (its version)}.
"""
import collections, json, resource, sys, tarfile, time

import zstandard


def main():
    path = sys.argv[1]
    start = time.perf_counter()
    domains = collections.Counter()
    records = entries = expanded = 0
    with open(path, "rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as stream, \
            tarfile.open(fileobj=stream, mode="r|") as tar:
        for member in tar:
            if not member.isfile():
                continue
            entries += 1
            expanded += member.size
            for line in tar.extractfile(member):
                if line.isspace():
                    continue
                record = json.loads(line)
                domains[record.get("domain")] += 1
                records += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"records": records, "domains": dict(domains), "entries": entries, "bytes": expanded,
                      "seconds": seconds, "records_per_s": records / seconds, "mb_per_s": expanded / 1e6 / seconds,
                      "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "zstandard": zstandard.__version__}))


if __name__ == "__main__":
    main()
