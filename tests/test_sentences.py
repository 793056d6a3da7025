"""Sentence splitting on news copy, measured on our own annotated paragraphs."""

from __future__ import annotations

from pathlib import Path

from newslint.sentences import split_sentences

FIXTURE = Path(__file__).parent / "fixtures" / "sentences.txt"


def _cases():
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.replace(" || ", " "), line.split(" || ")


def boundary_scores():
    """(true positives, false positives, false negatives) over all boundaries."""
    tp = fp = fn = 0
    for text, expected in _cases():
        got = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
        gold_ends, pos = set(), 0
        for sentence in expected[:-1]:
            pos += len(sentence)
            gold_ends.add(pos)
            pos += 1
        got_ends = set()
        pos = 0
        for sentence in got[:-1]:
            pos = text.index(sentence, pos) + len(sentence)
            got_ends.add(pos)
        tp += len(gold_ends & got_ends)
        fp += len(got_ends - gold_ends)
        fn += len(gold_ends - got_ends)
    return tp, fp, fn


def test_sentence_boundaries_precision_and_recall():
    tp, fp, fn = boundary_scores()
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    assert precision >= 0.97, (tp, fp, fn)
    assert recall >= 0.95, (tp, fp, fn)


def test_abbreviations_do_not_split():
    text = "Sen. Ann Cole of Calif. met Gen. Park at 9 a.m. in the U.S. Capitol."
    assert split_sentences(text, 0, len(text)) == [(0, len(text))]


def test_quotation_ending_a_sentence():
    text = "She said: “It is over.” Then she left."
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == [
        "She said: “It is over.”",
        "Then she left.",
    ]


if __name__ == "__main__":  # prints the figure for the notes
    tp, fp, fn = boundary_scores()
    print(f"boundaries: {tp + fn}, precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f}")
