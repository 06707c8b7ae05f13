/**
 * MLPClassifier / MLPRegressor: scikit-learn's _forward_pass_fast over coefs_ and intercepts_ (each
 * layer X·W + b, the hidden activation on every layer but the last, then out_activation_). A classifier
 * reads its labels as its LabelBinarizer does: softmax → first argmax, one logistic unit → > 0.5.
 */
import { attr, isList, isTuple, type PyValue } from "../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, npSum, stringAttr, toLabels, toMatrix, toNumbers } from "./arrays";
import { withEnumeration } from "./explain/fallback";
import { numericRows } from "./input";
import { expit } from "./logistic";
import { LoadError, type Estimator, type EstimatorEntry, type Loader } from "./types";

type Activation = (v: number[]) => number[];

/** sklearn.neural_network._base.ACTIVATIONS, row by row. */
const ACTIVATIONS: Record<string, Activation> = {
  identity: (v) => v,
  logistic: (v) => v.map(expit),
  tanh: (v) => v.map(Math.tanh),
  relu: (v) => v.map((a) => (a > 0 ? a : 0)),
  softmax: (v) => {
    let max = -Infinity;
    for (const a of v) if (a > max) max = a;
    const e = v.map((a) => Math.exp(a - max));
    const sum = npSum(e);
    return e.map((a) => a / sum);
  },
};

interface Network {
  /** Per layer: W as [in][out] and b as [out]. */
  layers: { W: number[][]; b: number[] }[];
  hidden: Activation;
  output: Activation;
  nIn: number;
  nOut: number;
}

function activationOf(name: string, className: string, which: string): Activation {
  const fn = Object.hasOwn(ACTIVATIONS, name) ? ACTIVATIONS[name] : undefined;
  if (!fn) throw new LoadError("unsupported_class", `${className} with ${which} '${name}' cannot be served`);
  return fn;
}

function readNetwork(obj: PyValue, className: string): Network {
  const coefs = need(obj, "coefs_", className);
  const intercepts = need(obj, "intercepts_", className);
  if ((!isList(coefs) && !isTuple(coefs)) || (!isList(intercepts) && !isTuple(intercepts)) || coefs.length === 0 || coefs.length !== intercepts.length) {
    throw new LoadError("malformed", `${className}: coefs_ and intercepts_ must be lists of one array per layer`);
  }
  const layers = coefs.map((c, i) => ({ W: toMatrix(c, `${className}.coefs_[${i}]`), b: toNumbers(intercepts[i], `${className}.intercepts_[${i}]`) }));
  let width = layers[0]!.W.length;
  const nIn = width;
  for (const [i, { W, b }] of layers.entries()) {
    const out = b.length;
    if (W.length !== width || out === 0 || W.some((r) => r.length !== out)) throw new LoadError("malformed", `${className}: layer ${i} does not match the previous one`);
    width = out;
  }
  if (nIn === 0) throw new LoadError("malformed", `${className}: no inputs`);
  return {
    layers,
    hidden: activationOf(stringAttr(obj, "activation", "relu"), className, "activation"),
    output: activationOf(stringAttr(obj, "out_activation_", ""), className, "out_activation_"),
    nIn,
    nOut: width,
  };
}

/** One row through the network: a·W summed over inputs in order, then + b, as numpy's matmul and += do. */
function forward(net: Network, x: readonly number[]): number[] {
  let a: number[] = [...x];
  net.layers.forEach(({ W, b }, i) => {
    const z = b.map((_, o) => {
      let s = 0;
      for (let j = 0; j < a.length; j++) s += a[j]! * W[j]![o]!;
      return s;
    });
    const withBias = z.map((v, o) => v + b[o]!);
    a = i === net.layers.length - 1 ? withBias : net.hidden(withBias);
  });
  return net.output(a);
}

const loadClassifier: Loader = (obj) => {
  const className = classNameOf(obj);
  const net = readNetwork(obj, className);
  const binarizer = attr(obj, "_label_binarizer");
  const yType = stringAttr(binarizer ?? null, "y_type_", "multiclass");
  if (yType === "multilabel-indicator") throw new LoadError("unsupported_class", `${className} fitted on multilabel targets cannot be served`);
  const classes = toLabels(attr(obj, "classes_") ?? need(binarizer ?? null, "classes_", `${className}._label_binarizer`), `${className}.classes_`);
  const binary = net.nOut === 1;
  if (classes.length < 2 || (binary ? classes.length !== 2 : net.nOut !== classes.length)) {
    throw new LoadError("malformed", `${className}: ${net.nOut} outputs for ${classes.length} classes`);
  }
  const outputs = (X: Parameters<Estimator["predict"]>[0]) => numericRows(X, net.nIn).map((x) => forward(net, x));
  return withEnumeration<Estimator>({
    className,
    kind: "classifier",
    nFeatures: net.nIn,
    featureNames: featureNamesIn(obj),
    classes,
    predict: (X) => outputs(X).map((o) => classes[binary ? (o[0]! > 0.5 ? 1 : 0) : argmax(o)]!),
    predictProba: (X) => outputs(X).map((o) => (binary ? [1 - o[0]!, o[0]!] : o)),
  });
};

const loadRegressor: Loader = (obj) => {
  const className = classNameOf(obj);
  const net = readNetwork(obj, className);
  if (net.nOut !== 1) throw new LoadError("unsupported_class", `${className} with ${net.nOut} targets (multi-output) cannot be served`);
  return withEnumeration<Estimator>({
    className,
    kind: "regressor",
    nFeatures: net.nIn,
    featureNames: featureNamesIn(obj),
    classes: null,
    predict: (X) => numericRows(X, net.nIn).map((x) => forward(net, x)[0]!),
  });
};

/** Multi-layer perceptrons; exact coalition enumeration with ≤ 12 inputs, else sampling. */
export const multiLayerPerceptrons: EstimatorEntry[] = [
  { className: "sklearn.neural_network._multilayer_perceptron.MLPClassifier", load: loadClassifier },
  { className: "sklearn.neural_network._multilayer_perceptron.MLPRegressor", load: loadRegressor },
];
