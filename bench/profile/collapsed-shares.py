#!/usr/bin/env python3
"""Shares of an async-profiler profile in collapsed form (one "frame;frame;... count" line per stack).

Counts only the samples whose stack holds the root frame given (the work's, not the compilers' or the
collector's threads), then prints: the shares of the engine's and Accord's main stages (inclusive: a sample counts
for every stage on its stack), the rules' consequences by generated class, and the hottest frames on top.
Usage: collapsed-shares.py <profile.collapsed> <root frame, e.g. Simulator.settle>
"""
import collections
import sys

STAGES = [
    ("Drools fires the rules (fireAllRules)", "fireAllRules"),
    ("  the network evaluated (joins, constraints)", "RuleExecutor.evaluateNetworkIfDirty"),
    ("  rules fired (consequences and what they insert)", "RuleExecutor.fire"),
    ("facts inserted (from Java and from consequences)", "NamedEntryPoint.insert"),
    ("  of them from Java (Evaluator.insert)", "Evaluator.insert"),
    ("sessions made", "newKieSession"),
    ("quotients (Money.divide)", "Money.divide"),
    ("lines written (Line.of, Lines.add)", "org/accord/engine/Line"),
    ("clause terms read (Clause)", "org/accord/engine/Clause."),
    ("settlement assembled", "SettlementAssembler.assemble"),
    ("trial's outcome summed", "SettlementAssembler.outcome"),
    ("settlement lines made (explanations checked)", "Evaluator.settlementLine"),
    ("requests checked (validation)", "EvaluationService.requests"),
    ("trial drawn", "PerformanceVariation.trial"),
    ("trial recorded", "Samples$Batch.record"),
]


def main(path, root):
    stacks = []
    for line in open(path):
        stack, _, count = line.rstrip().rpartition(" ")
        frames = stack.split(";")
        if any(root in f for f in frames):
            stacks.append((frames, int(count)))
    total = sum(c for _, c in stacks)
    if total == 0:
        sys.exit(f"no samples under {root} in {path}")
    print(f"{total} samples under {root}")
    for name, pattern in STAGES:
        share = sum(c for frames, c in stacks if any(pattern in f for f in frames))
        if share:
            print(f"  {100 * share / total:5.1f}%  {name}")
    consequences = collections.Counter()
    for frames, count in stacks:
        rules = [f for f in frames if "org/accord/rules/" in f and "LambdaConsequence" in f]
        if rules:
            consequences[rules[0].split("/")[3]] += count
    print("consequences by generated class (inclusive):")
    for name, count in consequences.most_common(8):
        print(f"  {100 * count / total:5.1f}%  {name}")
    top = collections.Counter()
    for frames, count in stacks:
        top[frames[-1]] += count
    print("on top of the stack (self):")
    for name, count in top.most_common(15):
        print(f"  {100 * count / total:5.1f}%  {name[:110]}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
