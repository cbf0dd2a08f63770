"""Prints issue 15's engine targets from a bench/jmh/run.sh suite run, each with its ratio to plain Java.

Usage: summary.py <dir of JMH json results> <load before> <load after> <cores>

Every ratio divides two figures of the same run: the engine's time per unit of work over the
plain-Java reference's time for the same unit (so 20x means the engine takes 20 times as long).
"""
import json
import pathlib
import sys

results = {}
for file in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    for r in json.loads(file.read_text() or "[]"):
        name = r["benchmark"].rsplit(".", 1)[1]
        results[(name, r.get("params", {}).get("sessions"))] = r


def score(name, sessions=None, metric=None):
    r = results.get((name, sessions))
    if r is None:
        return None, None
    m = r["secondaryMetrics"][metric] if metric else r["primaryMetric"]
    return m["score"], r["threads"]


def error(name):
    """JMH's 99.9% confidence half-width of a score, or None."""
    r = results.get((name, None))
    e = r["primaryMetric"].get("scoreError") if r else None
    return e if isinstance(e, (int, float)) and e == e else None


def seconds(name, sessions=None):
    """An average or single-shot time, in seconds."""
    r = results.get((name, sessions))
    if r is None:
        return None
    m = r["primaryMetric"]
    unit = m["scoreUnit"].split("/")[0]
    return m["score"] * {"s": 1, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}[unit]


rows = []


def row(target, figure, goal, met, ratio):
    rows.append((target, figure, goal, "yes" if met else "NO" if met is not None else "-", ratio))


# Backtest: ACOs per second on 2 threads; ratio per thread against plain Java on one thread.
engine, engine_threads = score("engineSettlesTheFile")
plain, _ = score("plainJavaSettlesTheFile")
if engine:
    per_thread = engine / engine_threads
    spread = error("engineSettlesTheFile")
    # Issue 15: "within 25x of plain Java on one thread": shown both ways, the engine's threads
    # together and one engine thread, each against plain Java's one thread.
    row("backtest, warm, explanations, %d threads" % engine_threads,
        "%.0f%s ACOs/s" % (engine, " +- %.0f" % spread if spread else ""), ">= 150,000 ACOs/s", engine >= 150_000,
        "%.1fx plain Java on one thread; per engine thread %.1fx (target <= 25x)" % (plain / engine, plain / per_thread)
        if plain else "")

# Plain-Java references of org.accord.reference, one thread, same cases as the engine.
reference_practices, _ = score("referencePaysPractices", metric="practices")
engine_practices, _ = score("enginePaysPractices", metric="practices")
if reference_practices and engine_practices:
    row("generated practice cases, 1 thread", "%.0f practices/s" % engine_practices, "-", None,
        "%.1fx the reference (same cases)" % (reference_practices / engine_practices))
reference_mssp, _ = score("referenceSettlesSharedSavings")
engine_mssp, _ = score("engineSettlesSharedSavings")
if reference_mssp and engine_mssp:
    row("generated shared-savings cases, 1 thread", "%.0f IPAs/s" % engine_mssp, "-", None,
        "%.1fx the reference (same cases)" % (reference_mssp / engine_mssp))


def against_practice_reference(practice_settlements, seconds_taken, threads=1):
    """Engine seconds over the reference's seconds for as many practice settlements on one thread."""
    if not reference_practices:
        return ""
    return "%.1fx the practice reference per practice%s" % (
        seconds_taken * threads / (practice_settlements / reference_practices), " per thread" if threads > 1 else "")


batch, batch_threads = score("practiceSettlementsInBatches")
if batch:
    row("batch, 100,000 practice settlements, explanations, %d threads" % batch_threads, "%.0f/s" % batch,
        ">= 100,000/s", batch >= 100_000, against_practice_reference(1, 1 / batch, batch_threads))
for name, trials, goal in (("simulate10000Trials", 10_000, 1.0), ("simulate100000Trials", 100_000, 10.0)):
    s = seconds(name)
    if s:
        row("simulation, %s trials x 25 practices, 2 threads" % format(trials, ","), "%.2f s" % s, "<= %g s" % goal,
            s <= goal, against_practice_reference(trials * 25, s, 2))
s = seconds("sweep20Points")
if s:
    row("sweep, 20 points x 25 practices", "%.1f ms" % (s * 1e3), "<= 10 ms", s <= 0.010, against_practice_reference(20 * 25, s))
s = seconds("singleEvaluation")
if s:
    row("one evaluation, 25 practices", "%.0f us" % (s * 1e6), "-", None, against_practice_reference(25, s))

print("Issue 15 engine targets (JMH; %s cores; load average before %s, after %s)" % (sys.argv[4], sys.argv[2], sys.argv[3]))
widths = [max(len(str(r[i])) for r in rows + [("target", "measured", "target", "met", "ratio")]) for i in range(5)]
for r in [("target", "measured", "goal", "met", "ratio to plain Java, same run")] + rows:
    print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
