// Drives the generated TypeScript client against a running Accord and prints what it read, one
// `key=value` a line, for ClientsTest to compare with the Java client's answer.
// ClientsTest compiles it beside the generated client, in target/clients/typescript-exercise
// (hence the import path), and runs: node out/typescript-exercise/exercise.js <base URL> <examples>
import { readFileSync } from "fs";
import {
  Configuration, ContractTemplatesApi, EvaluationsApi, ScenariosApi, ResponseError,
  EvaluationRequestFromJSON, SweepRequestFromJSON, ProblemDetail,
} from "../typescript/src";

async function main(base: string, examples: string): Promise<void> {
  const configuration = new Configuration({ basePath: base, apiKey: process.env.ACCORD_API_KEY });
  const templates = new ContractTemplatesApi(configuration);
  const evaluations = new EvaluationsApi(configuration);
  const scenarios = new ScenariosApi(configuration);

  const listing = await templates.listContractTemplates();
  console.log("templates=" + listing.templates.map((t) => t.id).join(","));

  const request = EvaluationRequestFromJSON(JSON.parse(readFileSync(examples + "/valley-ipa-request.json", "utf8")));
  const totals = (await evaluations.evaluate({ evaluationRequest: request })).totals;
  console.log("evaluate.payerTotal=" + totals.payerTotal);
  console.log("evaluate.ipaPool=" + totals.ipaPool);
  console.log("evaluate.retainedByIpa=" + totals.retainedByIpa);

  request.contract.templateId = "no-such-template";
  try {
    await evaluations.evaluate({ evaluationRequest: request });
    console.log("problem=none");
  } catch (e) {
    if (!(e instanceof ResponseError)) throw e;
    const problem: ProblemDetail = await e.response.json();
    console.log("problem.status=" + problem.status);
    console.log("problem.pointer=" + problem.errors![0].pointer);
    console.log("problem.reason=" + problem.errors![0].reason);
  }

  const sweep = SweepRequestFromJSON(JSON.parse(readFileSync(examples + "/scenarios/sweep-sharing-rate.json", "utf8")));
  (await scenarios.sweepTerms({ sweepRequest: sweep })).points.forEach((point, i) =>
    console.log(`sweep.json.${i}.payerTotal=` + point.payerTotal));
  // The table's cells are numbers and words (no quoted commas), one point a row after the header.
  const [header, ...rows] = (await scenarios.sweepTermsCsv({ sweepRequest: sweep })).trim().split("\n");
  const column = header.split(",").indexOf("payerTotal");
  rows.forEach((row, i) => console.log(`sweep.csv.${i}.payerTotal=` + row.split(",")[column]));
}

main(process.argv[2], process.argv[3]).catch((e) => {
  console.error(e);
  process.exit(1);
});
