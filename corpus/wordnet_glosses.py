"""Prints one line per WordNet synset, "word, word: gloss; "example"", in a fixed shuffled order.

WordNet's data files are sorted by part of speech (nouns, then verbs, adjectives, adverbs). The trainer holds out
the last tenth of the text by position, so the synsets are shuffled with a fixed seed: training and held-out text
then come from the same mix instead of the held-out part being all adverbs.
"""
import random
import sys

SEED = 30  # any fixed value; changing it changes the corpus and its SHA-256


def synsets(folder):
    for part in ("noun", "verb", "adj", "adv"):
        with open(f"{folder}/data.{part}", encoding="latin-1") as lines:
            for line in lines:
                if line.startswith("  "):  # the licence header of each data file
                    continue
                head, _, gloss = line.partition(" | ")
                fields = head.split()
                count = int(fields[3], 16)
                # adjectives may carry a syntactic marker such as "(a)" after the word
                words = [fields[4 + 2 * i].split("(")[0].replace("_", " ") for i in range(count)]
                yield ", ".join(words) + ": " + gloss.strip()


entries = list(synsets(sys.argv[1]))
random.Random(SEED).shuffle(entries)
sys.stdout.write("\n".join(entries) + "\n")
