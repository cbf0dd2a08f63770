#!/usr/bin/env python3
"""Hottest frames of a flight recording's execution samples (jfr print --json --events jdk.ExecutionSample).

Prints the methods on top of the stack (self time) and, for Accord's and the engine's own code, the
methods anywhere on the stack (inclusive time), as shares of all samples.
"""
import collections
import json
import sys

TOP = 25


def name(frame):
    method = frame["method"]
    return (method["type"]["name"] + "." + method["name"]).replace("/", ".")


def owner(frames):
    """The class of the topmost frame outside the JDK, lambdas folded into their class."""
    for frame in frames:
        method = name(frame)
        if not method.startswith(("java.", "jdk.", "sun.")):
            cls = method.rsplit(".", 1)[0].split("$$Lambda")[0]
            if cls.startswith("org.accord.rules."):
                return "rules' generated code (constraints, consequences)"
            if cls.startswith(("org.drools.", "org.kie.")):
                return "engine: " + ".".join(cls.split(".")[:4])
            return cls
    return "JDK only: " + name(frames[-1])


def main(path):
    with open(path) as f:
        events = json.load(f)["recording"]["events"]
    self_time = collections.Counter()
    owners = collections.Counter()
    inclusive = collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"] if event["values"]["stackTrace"] else []
        if not frames:
            continue
        self_time[name(frames[0])] += 1
        owners[owner(frames)] += 1
        for method in {name(f) for f in frames}:
            inclusive[method] += 1
    total = sum(self_time.values())
    print(f"{total} samples")
    print("self (top of stack):")
    for method, n in self_time.most_common(TOP):
        print(f"  {100 * n / total:5.1f}%  {method}")
    print("by owner (the first frame from the top outside the JDK: whose code spends the time):")
    for who, n in owners.most_common(TOP):
        print(f"  {100 * n / total:5.1f}%  {who}")
    print("inclusive (on the stack), org.accord and org.drools/org.kie entry points:")
    shown = 0
    for method, n in inclusive.most_common():
        if method.startswith(("org.accord.", "org.drools.", "org.kie.")) and shown < TOP:
            print(f"  {100 * n / total:5.1f}%  {method}")
            shown += 1


if __name__ == "__main__":
    main(sys.argv[1])
