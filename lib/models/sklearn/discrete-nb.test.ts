import { describe, expect, it } from "vitest";
import { InputError } from "./input";
import { checkOutputs, expectClose, fileCases, loadFixture, model } from "./testing/linear-family-fixtures";

const NB = ["multinomial_nb", "complement_nb", "complement_nb_norm", "bernoulli_nb", "bernoulli_nb_binary", "categorical_nb"];

interface EnumeratedShap {
  background: number[][];
  output: string[];
  base_value: number[];
  values: number[][];
}

describe("discrete naive Bayes matches scikit-learn 1.2.1", () => {
  it.each(fileCases(NB))("%s (%s)", (name, _fmt, file) => {
    checkOutputs(loadFixture(file), model(name));
  });

  it("CategoricalNB truncates codes as scikit-learn's int cast does, and refuses unseen or negative ones", () => {
    const est = loadFixture("models/categorical_nb.p4.pkl");
    const x = model("categorical_nb").X[0]!.map(Number);
    expect(est.predictProba!([x.map((v) => v + 0.9)])).toEqual(est.predictProba!([x]));
    expect(() => est.predict([[x[0]!, x[1]!, x[2]!, 3]])).toThrow(InputError);
    expect(() => est.predict([[-1, x[1]!, x[2]!, x[3]!]])).toThrow(/non-negative category codes/);
  });
});

describe("discrete naive Bayes explanations", () => {
  it.each(["multinomial_nb", "complement_nb", "bernoulli_nb", "categorical_nb"])(
    "%s: coalition enumeration of the predicted class's probability equals the brute-force reference",
    (name) => {
      const m = model(name);
      const ref = (m as unknown as { shap_enumeration: EnumeratedShap }).shap_enumeration;
      const est = loadFixture(m.files.joblib as string);
      m.X.forEach((x, r) => {
        const e = est.explain!(x, { background: ref.background });
        expect(e).toMatchObject({ method: "shapley_enumeration", exact: true, output: ref.output[r], background: "data_file" });
        expectClose(e.base_value, ref.base_value[r], 1e-9, 1);
        expectClose(e.values, ref.values[r], 1e-9, 1);
        expect(e.residual).toBeLessThanOrEqual(1e-9);
      });
    },
  );

  it("30 inputs are too many to enumerate: the caller samples", () => {
    expect(loadFixture("models/bernoulli_nb_binary.p4.pkl").explain).toBeUndefined();
  });
});
