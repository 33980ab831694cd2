#!/usr/bin/env python3
"""Peer clustering for charter's benchmarks: scikit-learn TF-IDF + cosine
average-linkage agglomerative clustering of chartering notes.

    python3 docs/sklearn_peer.py sweep testdata/notes-dev.jsonl
        ARI/NMI against the notes' "theme" over a distance-threshold sweep.
    python3 docs/sklearn_peer.py eval [--threshold T] [NOTES.jsonl ...]
        ARI, NMI, themes and facilitator operations per 100 notes on each
        labelled set (every testdata/notes-*.jsonl when none is given), at
        the fixed threshold and at the set's best one.
    python3 docs/sklearn_peer.py cluster [--threshold T] NOTES.jsonl
        Clusters unlabelled notes and prints {"themes": [...]} like
        `charter cluster`, for whole-process timing.
    python3 docs/sklearn_peer.py generate [--n N] testdata/notes-dev.jsonl
        Prints N synthetic notes (fixed seed) recombined from the dev notes:
        most words of one note plus a word or two of another, no theme.

Both report their own wall time on stderr.
"""
import argparse
import glob
import json
import os
import random
import sys
import time

START = time.perf_counter()

from sklearn.cluster import AgglomerativeClustering  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score  # noqa: E402


def read_notes(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cluster(texts, threshold):
    # Dense input: AgglomerativeClustering with cosine distance needs it.
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    # Cosine is undefined for notes with no words left; they form one group of
    # their own, label -1, as in charter's "unsorted" theme.
    has_words = vectors.any(axis=1)
    labels = [-1] * len(texts)
    if has_words.sum() >= 2:
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
        )
        found = iter(model.fit_predict(vectors[has_words]))
        labels = [int(next(found)) if w else -1 for w in has_words]
    return labels


def sweep(args):
    notes = read_notes(args.notes)
    texts = [n["text"] for n in notes]
    gold = [n["theme"] for n in notes]
    print("threshold\tARI\tNMI\tthemes")
    for t in [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99]:
        pred = cluster(texts, t)
        print(f"{t:.2f}\t{adjusted_rand_score(gold, pred):.3f}\t"
              f"{normalized_mutual_info_score(gold, pred):.3f}\t{len(set(pred))}")


def facilitator_ops(gold, pred):
    """Merges + moves to reach the gold grouping, as analysis.FacilitatorOps:
    each predicted theme is kept for the gold theme owning most of its notes;
    every other predicted theme kept for that gold theme is a merge, every note
    whose predicted theme is kept for another gold theme is a move."""
    cells = {}
    for g, p in zip(gold, pred):
        cells.setdefault(p, {}).setdefault(g, 0)
        cells[p][g] += 1
    kept = {}
    moves = 0
    for counts in cells.values():
        owner = min(counts, key=lambda g: (-counts[g], g))
        kept[owner] = kept.get(owner, 0) + 1
        moves += sum(counts.values()) - counts[owner]
    return sum(k - 1 for k in kept.values()) + moves


def evaluate(args):
    print("set\tthreshold\tARI\tNMI\tthemes\tops/100")
    paths = args.notes or sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "testdata", "notes-*.jsonl")))
    for path in paths:
        notes = read_notes(path)
        texts = [n["text"] for n in notes]
        gold = [n["theme"] for n in notes]
        rows = []
        for t in sorted({args.threshold, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99}):
            pred = cluster(texts, t)
            rows.append((t, adjusted_rand_score(gold, pred), normalized_mutual_info_score(gold, pred),
                         len(set(pred)), 100 * facilitator_ops(gold, pred) / len(notes)))
        fixed = next(r for r in rows if r[0] == args.threshold)
        best = max(rows, key=lambda r: r[1])
        for label, r in (("fixed", fixed), ("best ARI", best)):
            print(f"{os.path.basename(path)}\t{r[0]:.2f} ({label})\t{r[1]:.3f}\t{r[2]:.3f}\t{r[3]}\t{r[4]:.1f}")


def run_cluster(args):
    notes = read_notes(args.notes)
    labels = cluster([n["text"] for n in notes], args.threshold)
    themes = {}
    for note, label in zip(notes, labels):
        themes.setdefault(int(label), []).append(note["id"])
    out = [{"label": str(k), "note_ids": ids} for k, ids in sorted(themes.items(), key=lambda kv: -len(kv[1]))]
    json.dump({"themes": out}, sys.stdout)
    sys.stdout.write("\n")


def generate(args):
    rng = random.Random(42)
    dev = read_notes(args.notes)
    for i in range(args.n):
        base = rng.choice(dev)
        other = rng.choice(dev)["text"].split()
        words = [w for w in base["text"].split() if rng.random() < 0.75]
        words += [rng.choice(other) for _ in range(1 + rng.randrange(2))]
        note = {"id": f"n{i:05d}", "area": base["area"], "lane": base["lane"], "text": " ".join(words)}
        print(json.dumps(note))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sweep")
    s.add_argument("notes")
    s.set_defaults(run=sweep)
    e = sub.add_parser("eval")
    e.add_argument("--threshold", type=float, default=0.95)
    e.add_argument("notes", nargs="*")
    e.set_defaults(run=evaluate)
    c = sub.add_parser("cluster")
    c.add_argument("--threshold", type=float, default=0.95)
    c.add_argument("notes")
    c.set_defaults(run=run_cluster)
    g = sub.add_parser("generate")
    g.add_argument("--n", type=int, default=3000)
    g.add_argument("notes")
    g.set_defaults(run=generate)
    args = parser.parse_args()
    args.run(args)
    print(f"sklearn_peer: {time.perf_counter() - START:.2f} s including imports", file=sys.stderr)


if __name__ == "__main__":
    main()
