#!/usr/bin/env python3
"""Where POST /api/v1/evaluations spends its request threads' CPU, by stage (issues 15, 16, 17).

Reads `jfr print --json --stack-depth 300 --events jdk.ExecutionSample` of a service recorded with
`-XX:StartFlightRecording=...,settings=profile -XX:FlightRecorderOptions:stackdepth=256` under
bench/wrk/run.sh, and counts the samples of every thread by stage: a request thread's
(http-nio-*-exec-*) stage is the first rule below whose frame is on its stack (rules are ordered
from the innermost stage outwards, so the evaluation's samples are the evaluation's even though the
security filters are below them); other threads are counted by their name. Given the request
threads' CPU per request (run.sh's "of which Tomcat's threads"), each stage's share is also shown
as ms per request; GC, the JIT and the other threads' CPU are in run.sh's "threads" lines.

    request-stages.py recording.json [REQUEST_THREADS_CPU_MS_PER_REQUEST [FROM TO]]

FROM and TO (ISO times, UTC, e.g. 2026-12-01T18:06:57) keep only the samples of the measured run.
With TOP=n, the n hottest top frames of each stage are printed under it.
"""
import collections
import json
import os
import sys

# (stage, frame prefixes): the first stage with a frame on the stack wins, innermost stages first.
STAGES = [
    ("store: compressing request and answer (StoredText)", ("org.accord.store.StoredText.",)),
    ("store: request written to JSON again", ("org.accord.api.StoredRuns.evaluation",), ("tools.jackson.",)),
    ("store: insert and commit (JDBC, H2 or pgjdbc, pool)", ("org.accord.store.RunStore.", "org.accord.store.GroupCommit.",
                                                               "org.accord.api.StoredRuns.evaluation")),
    ("store: facts content (ContentStore)", ("org.accord.store.ContentStore.",)),
    ("audit row (AuditLog, CallAudit)", ("org.accord.security.AuditLog", "org.accord.security.CallAudit")),
    ("facts hash (Canonical)", ("org.accord.content.Canonical",)),
    ("explanations", ("org.accord.settlement.Explanations", "org.accord.explanations.")),
    ("evaluation (engine, assembly)", ("org.accord.evaluation.EvaluationService.evaluate", "org.accord.engine.",
                                       "org.drools.", "org.kie.")),
    ("answer mapped to transport types (Transport.settlement)", ("org.accord.api.Transport.settlement",)),
    ("answer written to JSON (once)", ("org.accord.api.EvaluationsController.evaluate",), ("tools.jackson.",)),
    ("request mapped to the domain (StoredFacts, StoredContracts)", ("org.accord.api.StoredFacts", "org.accord.api.StoredContracts",
                                                                     "org.accord.api.Transport.")),
    ("metrics (Micrometer, EvaluationMetrics)", ("org.accord.api.EvaluationMetrics", "io.micrometer.")),
    ("controller, other", ("org.accord.api.EvaluationsController.evaluate",)),
    ("validation (TransportConstraints)", ("org.accord.api.TransportConstraints",)),
    ("request body read (Jackson)", ("org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodArgumentResolver.readWithMessageConverters",
                                     "org.springframework.http.converter.AbstractJacksonHttpMessageConverter.read",
                                     "org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter.read")),
    ("response written (AnswerWrittenOnce, headers, flush)", ("org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor.writeWithMessageConverters",
                                                               "org.accord.api.AnswerWrittenOnce",
                                                               "org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor.handleReturnValue")),
    ("logging (Logback, SLF4J, MDC)", ("ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
]

# Layers that wrap the request (filters, dispatch): a sample outside every stage above belongs to
# the one nearest the top of its stack, since each of them calls all the others.
LAYERS = [
    ("API key (ApiKeyFilter, keys)", ("org.accord.security.ApiKeyFilter", "org.accord.security.Secrets",
                                      "org.accord.security.ConfiguredApiKeys", "org.accord.security.StoredApiKeys")),
    ("audit filter (AuditFilter: matching the operation)", ("org.accord.security.AuditFilter",)),
    ("rate limit and admission (FairUse, WorkLimits)", ("org.accord.security.FairUse", "org.accord.api.WorkLimits",
                                                        "org.accord.security.OperationAccess", "io.github.resilience4j.")),
    ("Spring MVC dispatch (handler lookup, interceptors, arguments)", ("org.springframework.web.servlet.",
                                                                      "org.springframework.web.method.")),
    ("Spring Security's filters", ("org.springframework.security.",)),
    ("our other filters (request ids, size limit, problems)", ("org.accord.api.RequestIds", "org.accord.api.RequestSizeLimit",
                                                              "org.accord.api.AnswersNotLabelledAsProblems",
                                                              "org.accord.api.ProblemOnlyAccept")),
    ("observation (http.server.requests)", ("org.springframework.web.filter.ServerHttpObservationFilter",
                                            "org.springframework.http.server.observation.")),
    ("Tomcat (HTTP parsing, sockets)", ("org.apache.", "org.springframework.")),
]


def name(frame):
    method = frame["method"]
    return (method["type"]["name"] + "." + method["name"]).replace("/", ".")


def stage(names):
    for entry in STAGES:
        label, prefixes = entry[0], entry[1]
        within = entry[2] if len(entry) > 2 else None
        for i, method in enumerate(names):
            if method.startswith(prefixes):
                # a stage with a second set of prefixes counts only samples in those frames, above the first
                if within is None or any(m.startswith(within) for m in names[:i]):
                    return label
                break
    for method in names:
        for label, prefixes in LAYERS:
            if method.startswith(prefixes):
                return label
    return "other"


def main(path, cpu_ms=0.0, start="", end="~"):
    with open(path) as f:
        events = json.load(f)["recording"]["events"]
    counts = collections.Counter()
    tops = collections.defaultdict(collections.Counter)
    others = collections.Counter()
    for event in events:
        values = event["values"]
        if not start <= values["startTime"] <= end:
            continue
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        trace = values["stackTrace"]
        if not trace or not trace["frames"]:
            continue
        names = [name(f) for f in trace["frames"]]
        if "http-nio" in thread and "exec" in thread:
            found = stage(names)
            counts[found] += 1
            tops[found][names[0]] += 1
        else:
            others["".join(c for c in thread if not c.isdigit())] += 1
    total = sum(counts.values())
    every = total + sum(others.values())
    print(f"{total} samples of request threads, {every - total} of other Java threads")
    scale = cpu_ms / total if cpu_ms and total else 0
    for label, n in counts.most_common():
        extra = f"  {scale * n:6.3f} ms/request" if scale else ""
        print(f"  {100 * n / total:5.1f}% of request threads{extra}  {label}")
        for frame, k in tops[label].most_common(int(os.environ.get("TOP", "0"))):
            print(f"           {k:5d}  {frame}")
    print("other Java threads:")
    for label, n in others.most_common(12):
        print(f"  {n:6d} samples  {label}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], *(float(args[1]),) if len(args) > 1 else (), *args[2:4])
