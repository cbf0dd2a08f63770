#!/usr/bin/env python3
"""Where a request's samples go, by the layer that spends them: authentication or the rest.

Reads `jfr print --json --stack-depth 300 --events jdk.ExecutionSample` and counts the samples of
request threads (Tomcat's http-nio workers) by the nearest frame (from the top of the stack) of a
known layer. The security filter chain wraps the whole request, so a sample is authentication's
only when no deeper layer (the servlet, the audit, the rate limit) is nearer the top. Prints each
layer's share and, given the run's requests and server CPU per request, its ms per request.

    authentication-share.py recording.json REQUESTS CPU_MS_PER_REQUEST [FROM TO]

FROM and TO (ISO times, UTC, e.g. 2026-12-01T18:06:57) keep only the samples of the measured run.
"""
import collections
import json
import sys

# Nearest first wins: the order only matters between frames of one stack.
LAYERS = [
    ("API key lookup (ApiKeyFilter, key hash, keys)", ("org.accord.security.ApiKeyFilter", "org.accord.security.Secrets",
                                                       "org.accord.security.ConfiguredApiKeys", "org.accord.security.StoredApiKeys",
                                                       "org.accord.security.SecurityConfiguration")),
    ("audit row (AuditFilter, AuditLog)", ("org.accord.security.AuditFilter", "org.accord.security.AuditLog",
                                           "org.accord.security.CallAudit")),
    ("per-caller rate limit (FairUse)", ("org.accord.security.FairUse",)),
    ("the request's own work (servlet and below)", ("org.springframework.web.servlet.DispatcherServlet",
                                                    "org.springframework.web.servlet.FrameworkServlet")),
    ("security filter chain (Spring Security's filters)", ("org.springframework.security.",)),
    ("Tomcat and filters outside security", ("org.apache.", "org.springframework.web.filter.",
                                             "org.springframework.boot.")),
]
AUTHENTICATION = {LAYERS[0][0], LAYERS[4][0]}


def name(frame):
    method = frame["method"]
    return (method["type"]["name"] + "." + method["name"]).replace("/", ".")


def layer(frames):
    for frame in frames:
        method = name(frame)
        for label, prefixes in LAYERS:
            if method.startswith(prefixes):
                return label
    return "other"


def main(path, requests, cpu_ms, start="", end="~"):
    with open(path) as f:
        events = json.load(f)["recording"]["events"]
    counts = collections.Counter()
    for event in events:
        thread = (event["values"].get("sampledThread") or {}).get("javaName") or ""
        trace = event["values"]["stackTrace"]
        if not start <= event["values"]["startTime"] <= end:
            continue
        if "http-nio" not in thread or not trace or not trace["frames"]:
            continue
        # A recording keeps the top 64 frames (stackdepth): authentication's frames are within
        # them whenever it is authentication that runs; a cut stack with no layer is deep in the work.
        found = layer(trace["frames"])
        counts["the request's own work (below 64 frames)" if found == "other" and trace.get("truncated") else found] += 1
    total = sum(counts.values())
    print(f"{total} samples of request threads, {requests} requests, {cpu_ms:.2f} ms server CPU per request")
    for label, n in counts.most_common():
        print(f"  {100 * n / total:5.1f}%  {cpu_ms * n / total:6.3f} ms/request  {label}")
    auth = sum(n for label, n in counts.items() if label in AUTHENTICATION)
    print(f"authentication: {100 * auth / total:.1f}% of request threads' samples, {cpu_ms * auth / total:.3f} ms/request"
          " (share of the samples times all server CPU per request: an upper bound, GC and JIT included)")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), *sys.argv[4:6])
