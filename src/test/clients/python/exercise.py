"""Drives the generated Python client against a running Accord and prints what it read, one
`key=value` a line, for ClientsTest to compare with the Java client's answer.
Usage: python3 exercise.py <base URL ending in /api/v1> <examples directory>"""
import csv
import io
import json
import os
import sys

import accord_client
from accord_client.exceptions import ApiException

base, examples = sys.argv[1], sys.argv[2]
api = accord_client.ApiClient(accord_client.Configuration(host=base, api_key={"ApiKey": os.environ["ACCORD_API_KEY"]}))
templates = accord_client.ContractTemplatesApi(api)
evaluations = accord_client.EvaluationsApi(api)
scenarios = accord_client.ScenariosApi(api)

print("templates=" + ",".join(t.id for t in templates.list_contract_templates().templates))

with open(examples + "/valley-ipa-request.json") as f:
    request = accord_client.EvaluationRequest.from_dict(json.load(f))
totals = evaluations.evaluate(request).totals
print("evaluate.payerTotal=" + totals.payer_total)
print("evaluate.ipaPool=" + totals.ipa_pool)
print("evaluate.retainedByIpa=" + totals.retained_by_ipa)

request.contract.template_id = "no-such-template"
try:
    evaluations.evaluate(request)
    print("problem=none")
except ApiException as e:
    problem = accord_client.ProblemDetail.from_json(e.body)
    print("problem.status=" + str(problem.status))
    print("problem.pointer=" + problem.errors[0].pointer)
    print("problem.reason=" + problem.errors[0].reason)

with open(examples + "/scenarios/sweep-sharing-rate.json") as f:
    sweep = accord_client.SweepRequest.from_dict(json.load(f))
for i, point in enumerate(scenarios.sweep_terms(sweep).points):
    print(f"sweep.json.{i}.payerTotal=" + point.payer_total)
for i, row in enumerate(csv.DictReader(io.StringIO(scenarios.sweep_terms_csv(sweep)))):
    print(f"sweep.csv.{i}.payerTotal=" + row["payerTotal"])
