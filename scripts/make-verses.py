#!/usr/bin/env python3
"""Writes Lessons/data/verses.txt: rhyming verses from a small grammar, for the language lessons.

Every verse is four lines in couplets (AABB). Each line ends on a noun, and the two lines of a
couplet end on nouns of one rhyme family, so a model that learns the rhyme has to carry the
first line's ending across the line break. The word lists give far more verses than the file
holds, so a model cannot memorise it: its held-out loss falls only as far as it learns the
grammar. Deterministic (fixed seed): running it again writes the same bytes.

    python3 scripts/make-verses.py            # writes Lessons/data/verses.txt
"""
import pathlib
import random

RHYMES = [
    ["cat", "hat", "mat", "bat", "rat"],
    ["hill", "mill", "sill", "windmill", "daffodil"],
    ["bay", "hay", "tray", "clay", "way"],
    ["tree", "sea", "bee", "key", "pea"],
    ["moon", "spoon", "dune", "tune", "balloon"],
    ["star", "jar", "car", "bar", "guitar"],
    ["lane", "train", "plane", "drain", "chain"],
    ["crow", "bow", "doe", "toe", "row"],
    ["door", "floor", "shore", "store", "oar"],
    ["bed", "shed", "sled", "thread", "bread"],
    ["log", "dog", "frog", "bog", "fog"],
    ["boat", "coat", "goat", "moat", "note"],
    ["ring", "string", "king", "swing", "wing"],
    ["bell", "well", "shell", "dell", "cell"],
    ["cake", "lake", "rake", "snake", "drake"],
    ["fox", "box", "rocks", "socks", "clocks"],
]
ADJECTIVES = ["little", "sleepy", "happy", "old", "tiny", "clever", "silly", "brave",
              "quiet", "merry", "grey", "golden", "busy", "lazy", "gentle", "funny"]
ANIMALS = ["mouse", "hen", "pig", "cow", "duck", "owl", "lamb", "bear", "mole",
           "wren", "hare", "pup", "kitten", "sheep", "horse", "robin"]
NAMES = ["Tom", "Ann", "Sue", "Ben", "Meg", "Sam", "Kate", "Jack", "Lucy", "Ned"]
VERBS = ["sat on", "ran to", "hid under", "looked at", "sang to", "jumped over",
         "slept by", "danced round", "walked past", "waited by", "dreamed of", "sailed to",
         "played near", "laughed at", "hopped on", "peeked in"]
OPENERS = ["", "", "", "and ", "then ", "so ", "but "]
TIMES = ["", "", "", "", "all day ", "at night ", "at noon ", "in spring ", "once more "]


def subject(rng):
    kind = rng.randrange(3)
    if kind == 0:
        return f"the {rng.choice(ADJECTIVES)} {rng.choice(ANIMALS)}"
    if kind == 1:
        return f"a {rng.choice(ANIMALS)}"
    return rng.choice(NAMES)


def line(rng, ending, last):
    text = f"{rng.choice(OPENERS)}{rng.choice(TIMES)}{subject(rng)} {rng.choice(VERBS)} the {ending}"
    text = text[0].upper() + text[1:]
    return text + ("." if last else ",")


def verse(rng):
    lines = []
    for couplet in range(2):
        first, second = rng.sample(rng.choice(RHYMES), 2)
        lines.append(line(rng, first, last=False))
        lines.append(line(rng, second, last=couplet == 1))
    return "\n".join(lines)


def main():
    rng = random.Random(2026)
    verses = [verse(rng) for _ in range(1500)]
    out = pathlib.Path(__file__).resolve().parent.parent / "Lessons" / "data" / "verses.txt"
    out.write_text("\n\n".join(verses) + "\n", encoding="utf-8")
    print(f"{out}: {len(verses)} verses, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
