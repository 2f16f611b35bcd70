#!/usr/bin/env python3
"""Agreement index and vote counts from Voeten's roll calls (the `unvotes` CSV files), computed
independently of resolu, to check its figures (src/votes/agree.rs; tests/votes_real.rs).

    python3 scripts/agreement.py ../shared/votes/unvotes US:IL US:GB BR:IN FR:DE

For each pair of ISO alpha-2 codes, over every roll call of roll_calls.csv, and over the votes on
whole resolutions only (amend and para both 0): the number of roll calls where both voted yes, no
or abstain ("common"), twice the sum of the scores ("halves": same vote 2, one abstaining 1, yes
against no 0), and the index halves / (2 * common). For each code, its yes/no/abstain counts
and the roll calls it has no row on (absent or not a member: unvotes drops those rows).
"""

import csv
import sys
from collections import defaultdict


def read(folder):
    whole = set()
    every = []
    with open(f"{folder}/roll_calls.csv", newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            rcid = int(row["rcid"])
            every.append(rcid)
            if row["amend"] in ("0", "NA", "") and row["para"] in ("0", "NA", ""):
                whole.add(rcid)
    votes = defaultdict(dict)  # code -> rcid -> vote
    with open(f"{folder}/unvotes.csv", newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            votes[row["country_code"]][int(row["rcid"])] = row["vote"]
    return every, whole, votes


def score(a, b):
    if a == b:
        return 2
    if "abstain" in (a, b):
        return 1
    return 0


def agreement(votes, a, b, rcids):
    halves = common = 0
    for rcid in rcids:
        x, y = votes[a].get(rcid), votes[b].get(rcid)
        if x in ("yes", "no", "abstain") and y in ("yes", "no", "abstain"):
            halves += score(x, y)
            common += 1
    return halves, common


def main():
    folder, pairs = sys.argv[1], sys.argv[2:]
    every, whole, votes = read(folder)
    print(f"{len(every)} roll calls, {len(whole)} on whole resolutions")
    for pair in pairs:
        a, b = pair.split(":")
        for name, rcids in (("all", every), ("whole", sorted(whole))):
            halves, common = agreement(votes, a, b, rcids)
            index = halves / (2 * common) if common else float("nan")
            print(f"{a}-{b} {name}: halves {halves} common {common} index {index:.6f}")
    for code in sorted({c for p in pairs for c in p.split(":")}):
        counts = defaultdict(int)
        for vote in votes[code].values():
            counts[vote] += 1
        missing = len(every) - len(votes[code])
        print(
            f"{code}: yes {counts['yes']} no {counts['no']} abstain {counts['abstain']} "
            f"no row {missing}"
        )


if __name__ == "__main__":
    main()
