/**
 * A libsvm model fitted on sparse input keeps support_vectors_ and _dual_coef_ as CSR matrices and is
 * evaluated by libsvm_sparse: the same fixtures, rewritten to that layout, give the same outputs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { isDict, readModelFile, type PyObject, type PyValue } from "../../pickle";
import { toMatrix } from "../arrays";
import { loadEstimator } from "../index";
import { checkOutputs, expected, FIXTURES, model } from "../testing/linear-family-fixtures";

/** A dense matrix as the record scipy's csr_matrix pickles (zeros left out). */
function csr(rows: number[][]): PyObject {
  const data: number[] = [];
  const indices: number[] = [];
  const indptr = [0];
  for (const row of rows) {
    row.forEach((v, j) => {
      if (v !== 0) {
        data.push(v);
        indices.push(j);
      }
    });
    indptr.push(data.length);
  }
  const state = new Map<PyValue, PyValue>([["_shape", [rows.length, rows[0]!.length]], ["data", data], ["indices", indices], ["indptr", indptr]]);
  return { $kind: "object", $class: "scipy.sparse._csr.csr_matrix", args: [], state };
}

describe("SVMs fitted on sparse input", () => {
  it.each(["svc_rbf_proba", "svc_poly_ovo", "svc_linear_binary_proba", "svc_sigmoid_binary", "svr_rbf", "nusvr_poly"])("%s", (name) => {
    const m = model(name);
    const read = readModelFile(readFileSync(path.join(FIXTURES, m.files.protocol4 as string)));
    if (!read.ok || !isDict((read.value as PyObject).state)) throw new Error("fixture");
    const state = (read.value as PyObject).state as Map<PyValue, PyValue>;
    state.set("support_vectors_", csr(toMatrix(state.get("support_vectors_"), "sv")));
    state.set("_dual_coef_", csr(toMatrix(state.get("_dual_coef_"), "dual")));
    state.set("_sparse", true);
    const loaded = loadEstimator(read.value, expected.sklearn);
    if (!loaded.ok) throw new Error(loaded.message);
    checkOutputs(loaded.estimator, m);
  });
});
