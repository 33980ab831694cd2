#!/usr/bin/env python3
"""Peer clustering for charter's benchmarks: scikit-learn TF-IDF + cosine
average-linkage agglomerative clustering of chartering notes.

    python3 docs/sklearn_peer.py sweep testdata/notes-dev.jsonl
        ARI/NMI against the notes' "theme" over a distance-threshold sweep.
    python3 docs/sklearn_peer.py cluster [--threshold T] NOTES.jsonl
        Clusters unlabelled notes and prints {"themes": [...]} like
        `charter cluster`, for whole-process timing.

Both report their own wall time on stderr.
"""
import argparse
import json
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
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    )
    return model.fit_predict(vectors)


def sweep(args):
    notes = read_notes(args.notes)
    texts = [n["text"] for n in notes]
    gold = [n["theme"] for n in notes]
    print("threshold\tARI\tNMI\tthemes")
    for t in [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99]:
        pred = cluster(texts, t)
        print(f"{t:.2f}\t{adjusted_rand_score(gold, pred):.3f}\t"
              f"{normalized_mutual_info_score(gold, pred):.3f}\t{len(set(pred))}")


def run_cluster(args):
    notes = read_notes(args.notes)
    labels = cluster([n["text"] for n in notes], args.threshold)
    themes = {}
    for note, label in zip(notes, labels):
        themes.setdefault(int(label), []).append(note["id"])
    out = [{"label": str(k), "note_ids": ids} for k, ids in sorted(themes.items(), key=lambda kv: -len(kv[1]))]
    json.dump({"themes": out}, sys.stdout)
    sys.stdout.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sweep")
    s.add_argument("notes")
    s.set_defaults(run=sweep)
    c = sub.add_parser("cluster")
    c.add_argument("--threshold", type=float, default=0.95)
    c.add_argument("notes")
    c.set_defaults(run=run_cluster)
    args = parser.parse_args()
    args.run(args)
    print(f"sklearn_peer: {time.perf_counter() - START:.2f} s including imports", file=sys.stderr)


if __name__ == "__main__":
    main()
