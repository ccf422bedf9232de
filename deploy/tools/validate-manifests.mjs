// Validates Kubernetes manifests (what `kubectl kustomize` renders) against the Kubernetes OpenAPI
// schemas of kubernetes-models, without a cluster.
//
//   node validate-manifests.mjs [FILE...]     (no FILE, or "-": standard input)
//
// Every object is checked: its apiVersion and kind must have a schema (an unknown kind is an error,
// never a pass), its fields must have the schema's types, formats and required fields, and every
// field must be one the schema knows, as `kubectl apply --validate=strict` would insist. The schemas'
// compiled validators do not reject unknown fields by themselves, so each field is probed: a value
// no schema admits (a function) is put in its place, and a known field then fails at its own path.
// Prints one line per problem and a summary; exits 1 if any object is invalid, 2 if the input is
// not YAML or holds no object.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const API_VERSION = /^(?:[a-z0-9]([-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?v[0-9]+(?:(?:alpha|beta)[0-9]+)?$/;
const NOT_A_VALUE = () => {};

function sources(args) {
  const files = args.length === 0 ? ["-"] : args;
  return files.map((file) => ({ name: file === "-" ? "<stdin>" : file, text: readFileSync(file === "-" ? 0 : file, "utf8") }));
}

async function modelOf(apiVersion, kind) {
  if (typeof apiVersion !== "string" || !API_VERSION.test(apiVersion)) {
    return { problem: `apiVersion ${JSON.stringify(apiVersion)} is not a Kubernetes API version` };
  }
  let module;
  try {
    module = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    return { problem: `no schema for apiVersion ${apiVersion}` };
  }
  const model = typeof kind === "string" ? module[kind] : undefined;
  if (typeof model !== "function" || model.kind !== kind) {
    return { problem: `no schema for kind ${JSON.stringify(kind)} in ${apiVersion}` };
  }
  return { model };
}

function errorsOf(model, object) {
  try {
    new model(object).validate();
    return [];
  } catch (error) {
    if (!Array.isArray(error.errors)) {
      throw error;
    }
    return error.errors;
  }
}

const pointer = (path) => path.map((key) => "/" + String(key).replaceAll("~", "~0").replaceAll("/", "~1")).join("");

/** The paths of fields the schema does not know; fields under an unknown one are not looked at. */
function unknownFields(model, root) {
  const unknown = [];
  const visit = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...path, index]));
      return;
    }
    if (node === null || typeof node !== "object") {
      return;
    }
    for (const key of Object.keys(node)) {
      const value = node[key];
      const at = pointer([...path, key]);
      node[key] = NOT_A_VALUE;
      const known = errorsOf(model, root).some((error) => error.instancePath === at);
      node[key] = value;
      if (known) {
        visit(value, [...path, key]);
      } else {
        unknown.push(at);
      }
    }
  };
  visit(root, []);
  return unknown;
}

async function problemsOf(object) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    return ["is not a Kubernetes object (a mapping with apiVersion and kind)"];
  }
  const { model, problem } = await modelOf(object.apiVersion, object.kind);
  if (problem) {
    return [problem];
  }
  const invalid = errorsOf(model, object).map((error) => `${error.instancePath || "/"} ${error.message}`);
  if (invalid.length > 0) {
    return invalid;
  }
  return unknownFields(model, structuredClone(object)).map((path) => `${path} is not a field of ${object.kind}`);
}

async function main(args) {
  let objects = 0;
  let invalid = 0;
  for (const { name, text } of sources(args)) {
    const documents = parseAllDocuments(text);
    for (const [index, document] of documents.entries()) {
      if (document.errors.length > 0) {
        console.error(`${name}: document ${index + 1} is not YAML: ${document.errors.map((e) => e.message).join("; ")}`);
        return 2;
      }
      const object = document.toJS();
      if (object === null || object === undefined) {
        continue;
      }
      objects++;
      const problems = await problemsOf(object);
      if (problems.length > 0) {
        invalid++;
        const which = `${object?.kind ?? "?"}/${object?.metadata?.name ?? "?"}`;
        for (const problem of problems) {
          console.log(`INVALID ${which} (${name}, document ${index + 1}): ${problem}`);
        }
      }
    }
  }
  if (objects === 0) {
    console.error("no Kubernetes object in the input");
    return 2;
  }
  console.log(invalid === 0 ? `${objects} objects valid` : `${invalid} of ${objects} objects invalid`);
  return invalid === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
