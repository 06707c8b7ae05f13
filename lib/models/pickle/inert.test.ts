/**
 * The trust rule (docs/sklearn-pickles.md §7): unknown names inside the scientific modules become
 * inert placeholders (nothing is ever called), names that run code or reach the system are refused
 * wherever they sit, and other spellings of known names map to today's.
 */
import { describe, expect, it } from "vitest";
import { recogniseModelFile } from "../estimator";
import { readModelFile, type ReadResult } from "./index";
import { pw } from "./testing/pickle-writer";
import { type PyValue, attr, isGlobalRef, isNdArray, isObject } from "./values";
import { canonicalName, resolveGlobal } from "./whitelist";

const ascii = (s: string) => Uint8Array.from(Buffer.from(s, "latin1"));

function value(r: ReadResult): PyValue {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refused(r: ReadResult, code: string, text?: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  if (text) expect(r.error.message).toContain(text);
}

/** An estimator of `cls` with `_sklearn_version` and one attribute built by `attrValue`. */
function estimator(module: string, name: string, attrValue: (w: ReturnType<typeof pw>) => ReturnType<typeof pw>) {
  return attrValue(
    pw().proto(4).stackGlobal(module, name).emptyTuple().newobj().emptyDict().mark().str("_sklearn_version").str("1.3.2").str("x_"),
  ).setitems().build().stop().bytesOut();
}

describe("unknown names in scientific modules are inert placeholders", () => {
  it("an unknown scikit-learn estimator is read, stored and named with its version and why it is not served", () => {
    const b = estimator("sklearn.cluster._dbscan", "DBSCAN", (w) => w.int(1));
    const r = readModelFile(b);
    expect(r.ok && r.className).toBe("sklearn.cluster._dbscan.DBSCAN");
    expect(recogniseModelFile(b)).toMatchObject({
      ok: true,
      estimator: { class: "sklearn.cluster._dbscan.DBSCAN", sklearn_version: "1.3.2", servable: false, reason: "DBSCAN is not servable yet (DBSCAN, scikit-learn 1.3.2)" },
    });
  });

  it("REDUCE on an unknown numpy / scipy function only records the call", () => {
    const b = estimator("sklearn.svm._classes", "SVC", (w) => w.stackGlobal("numpy.linalg", "inv").int(3).tuple1().reduce());
    const v = value(readModelFile(b));
    expect(attr(v, "x_")).toEqual({ $kind: "object", $class: "numpy.linalg.inv", args: [3], state: undefined });
    const sparse = estimator("sklearn.svm._classes", "SVC", (w) => w.stackGlobal("scipy.sparse._csr", "csr_matrix").int(1).int(2).tuple2().newobj().emptyDict().str("k").int(1).setitem().build());
    expect(attr(value(readModelFile(sparse)), "x_")).toMatchObject({ $class: "scipy.sparse._csr.csr_matrix", args: [1, 2], state: new Map([["k", 1]]) });
  });

  it("a function used as a value stays a reference (FunctionTransformer(func=np.log1p), score_func=f_classif)", () => {
    const b = estimator("sklearn.preprocessing._function_transformer", "FunctionTransformer", (w) => w.stackGlobal("numpy", "log1p"));
    expect(attr(value(readModelFile(b)), "x_")).toEqual({ $kind: "global", name: "numpy.log1p" });
  });

  it("numpy's ufunc reconstructor resolves numpy names only", () => {
    const ok = pw().proto(2).global("numpy.core", "_ufunc_reconstruct").str("numpy").str("exp").tuple2().reduce().stop().bytesOut();
    const v = value(readModelFile(ok));
    expect(isGlobalRef(v) && v.name).toBe("numpy.exp");
    const evil = pw().proto(2).global("numpy.core", "_ufunc_reconstruct").str("os").str("system").tuple2().reduce().stop().bytesOut();
    refused(readModelFile(evil), "refused_global", "imports os.system");
    const load = pw().proto(2).global("numpy._core", "_ufunc_reconstruct").str("numpy").str("load").tuple2().reduce().stop().bytesOut();
    refused(readModelFile(load), "refused_global", "imports numpy.load");
  });

  it("numpy Generator / RandomState state, SeedSequence and pandas Index are data", () => {
    const gen = pw().proto(2).global("numpy.random._pickle", "__generator_ctor").str("PCG64").tuple1().reduce()
      .emptyDict().str("bit_generator").str("PCG64").setitem().build().stop().bytesOut();
    expect(value(readModelFile(gen))).toMatchObject({ $class: "numpy.random._generator.Generator", args: ["PCG64"] });
    const oldRs = pw().proto(2).global("numpy.random", "__RandomState_ctor").emptyTuple().reduce().stop().bytesOut();
    expect(value(readModelFile(oldRs))).toMatchObject({ $class: "numpy.random.mtrand.RandomState" });
    const seed = pw().proto(2).global("numpy.random.bit_generator", "__pyx_unpickle_SeedSequence")
      .global("numpy.random.bit_generator", "SeedSequence").int(7).emptyDict().tuple3().reduce().stop().bytesOut();
    expect(value(readModelFile(seed))).toMatchObject({ $class: "numpy.random.bit_generator.SeedSequence", args: [7] });
    const index = pw().proto(2).global("pandas.core.indexes.base", "_new_Index").global("pandas.core.indexes.base", "Index")
      .emptyDict().str("data").emptyList().str("a").append().setitem().tuple2().reduce().stop().bytesOut();
    expect(value(readModelFile(index))).toMatchObject({ $class: "pandas.core.indexes.base.Index" });
    const od = pw().proto(2).global("collections", "OrderedDict").emptyTuple().reduce().str("k").int(1).setitem().stop().bytesOut();
    expect(value(readModelFile(od))).toEqual(new Map([["k", 1]]));
  });

  it("maps other versions' spellings to today's names", () => {
    expect(canonicalName("sklearn.svm.classes", "SVC")).toBe("sklearn.svm._classes.SVC");
    expect(canonicalName("sklearn.linear_model.logistic", "LogisticRegression")).toBe("sklearn.linear_model._logistic.LogisticRegression");
    expect(canonicalName("sklearn.linear_model.base", "LinearRegression")).toBe("sklearn.linear_model._base.LinearRegression");
    expect(canonicalName("sklearn.cluster.k_means_", "KMeans")).toBe("sklearn.cluster._kmeans.KMeans");
    expect(canonicalName("sklearn.preprocessing.data", "StandardScaler")).toBe("sklearn.preprocessing._data.StandardScaler");
    expect(canonicalName("sklearn.preprocessing.label", "LabelEncoder")).toBe("sklearn.preprocessing._label.LabelEncoder");
    expect(canonicalName("sklearn.tree.tree", "DecisionTreeClassifier")).toBe("sklearn.tree._classes.DecisionTreeClassifier");
    expect(canonicalName("sklearn.ensemble.forest", "RandomForestClassifier")).toBe("sklearn.ensemble._forest.RandomForestClassifier");
    expect(canonicalName("sklearn.ensemble.gradient_boosting", "BinomialDeviance")).toBe("sklearn.ensemble._gb_losses.BinomialDeviance");
    expect(canonicalName("sklearn.neighbors.classification", "KNeighborsClassifier")).toBe("sklearn.neighbors._classification.KNeighborsClassifier");
    expect(canonicalName("sklearn.neural_network.multilayer_perceptron", "MLPClassifier")).toBe("sklearn.neural_network._multilayer_perceptron.MLPClassifier");
    expect(canonicalName("sklearn.naive_bayes", "MultinomialNB")).toBe("sklearn.naive_bayes.MultinomialNB");
    expect(canonicalName("sklearn.externals.joblib.numpy_pickle", "NumpyArrayWrapper")).toBe("joblib.numpy_pickle.NumpyArrayWrapper");
    expect(canonicalName("_loss", "__pyx_unpickle_CyHalfSquaredError")).toBe("sklearn._loss._loss.__pyx_unpickle_CyHalfSquaredError");
    expect(canonicalName("numpy._core.numeric", "_frombuffer")).toBe("numpy.core.numeric._frombuffer");
    expect(resolveGlobal("_loss", "CyHalfSquaredError").kind).toBe("class");
  });
});

describe("names that run code or reach the system are refused even inside scientific modules", () => {
  const call = (module: string, name: string) => pw().proto(4).stackGlobal(module, name).str("x").tuple1().reduce().stop().bytesOut();

  it.each([
    ["numpy", "load"],
    ["numpy", "fromfile"],
    ["numpy.lib.npyio", "loadtxt"],
    ["numpy.testing._private.utils", "runstring"],
    ["numpy.f2py", "compile"],
    ["numpy.distutils.exec_command", "exec_command"],
    ["numpy.ctypeslib", "load_library"],
    ["pandas", "read_pickle"],
    ["pandas.io.pickle", "read_pickle"],
    ["pandas", "eval"],
    ["pandas.core.computation.eval", "eval"],
    ["scipy.io", "loadmat"],
    ["sklearn.datasets", "fetch_openml"],
    ["sklearn.utils._testing", "assert_run_python_script"],
    ["sklearn.externals.joblib", "load"],
    ["sklearn.utils.parallel", "delayed"],
    ["joblib", "Parallel"],
    ["joblib.memory", "Memory"],
    ["functools", "partial"],
    ["operator", "methodcaller"],
    ["builtins", "getattr"],
    ["importlib", "import_module"],
    ["runpy", "run_path"],
    ["pickle", "loads"],
    ["shutil", "rmtree"],
    ["socket", "create_connection"],
    ["xgboost.core", "__getattribute__"],
    ["scipy.misc", "imread"],
    ["numpy.core.records", "fromfile"],
    ["numpy._core._multiarray_umath", "_load_from_filelike"],
  ])("%s.%s", (m, n) => refused(readModelFile(call(m, n)), "refused_global", `refused: ${m}.${n}`));

  it("a dotted attribute path through a scientific module (numpy → os.system) is refused", () => {
    refused(readModelFile(call("numpy", "os.system")), "refused_global", "numpy.os.system");
    refused(readModelFile(call("sklearn", "base.os.system")), "refused_global", "sklearn.base.os.system");
    refused(readModelFile(call("numpy.os", "system")), "refused_global", "numpy.os.system");
    refused(readModelFile(call("pandas.core.frame", "DataFrame.query")), "refused_global", "attribute path");
    refused(readModelFile(call("sklearn.base", "BaseEstimator.__init__")), "refused_global", "attribute path");
  });

  it("a hostile payload after a known estimator names what the reader had found", () => {
    const b = pw().proto(4)
      .stackGlobal("sklearn.linear_model._ridge", "Ridge").emptyTuple().newobj()
      .emptyDict().mark().str("_sklearn_version").str("0.23.2")
      .str("coef_").stackGlobal("posix", "system").str("touch /tmp/pwned").tuple1().reduce()
      .setitems().build().stop().bytesOut();
    const r = recogniseModelFile(b);
    expect(r).toMatchObject({ ok: false, code: "refused_global" });
    expect(!r.ok && r.message).toMatch(/^refused: posix\.system \(.*\) \(found: Ridge, scikit-learn 0\.23\.2\)$/);
  });
});

describe("files that are not pickles, or are cut short, say so", () => {
  it.each([
    ["a CSV file", ascii("sepal_length,sepal_width\n5.1,3.5\n"), "text file"],
    ["JSON", ascii('{"model": "x"}'), "JSON"],
    ["a ZIP archive", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), "ZIP"],
    ["an HDF5 file", Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a]), "HDF5"],
    ["random bytes", Uint8Array.from([0x01, 0xfe, 0x00, 0x07]), "not a pickle"],
  ])("%s", (_what, bytes, text) => {
    const r = recogniseModelFile(bytes);
    expect(r).toMatchObject({ ok: false, code: "not_pickle" });
    expect(!r.ok && r.message).toContain("not a pickle or joblib file");
    expect(!r.ok && r.message).toContain(text);
  });

  it("a truncated file", () => {
    const full = estimator("sklearn.linear_model._ridge", "Ridge", (w) => w.int(1));
    const r = recogniseModelFile(full.subarray(0, full.length - 4));
    expect(r).toMatchObject({ ok: false, code: "truncated" });
    expect(!r.ok && r.message).toMatch(/^the file is truncated/);
    expect(!r.ok && r.message).toContain("(found: Ridge, scikit-learn 1.3.2)");
  });

  it("never shows raw control characters (a CRLF name)", () => {
    const r = readModelFile(ascii("cposix\r\nsystem\r\n(S'id'\r\ntR."));
    refused(r, "refused_global", "refused: posix.system");
    const bell = readModelFile(pw().proto(4).stackGlobal("os\x07\r", "system").emptyTuple().reduce().stop().bytesOut());
    expect(!bell.ok && bell.error.message).toContain("os\\x07\\x0d.system");
    expect(!bell.ok && /[\x00-\x1f]/.test(bell.error.message)).toBe(false);
  });
});

describe("decompression is bounded", () => {
  // 4 MiB of zeros, compressed by Python's bz2 and lzma modules: above the 1 MiB floor of a ratio-2 cap.
  const BOMBS = {
    bz2: "425a68393141592653595602e2880020204800c00000040008200030cc0529a60201b10201e2ee48a70a120ac05c5100",
    xz: "fd377a585a000004e6d6b4460200210116000000742fe5a3ffff11016c5d00006ffdffffa3b7ff473e481572396151b89228e6a38607f9eee41e82d32fc53a3c014bb17ec98a8a4d2fa30dd97fa6e38c231153e05918c5758ae277f8b6947f0c6ac0de744964e2e95c53b204d8f7440cab5f0d6d46e9e5c37688b79657acb64de1691d6ffb4b88106c42cb883f5c008fd04eaf262894711f3d8f24e1709ea7235fec28cb85d195988a7e2a91f22775f719c006984d98fdd8afd5900fc42553f8f591363105a5b0ee6fc1704d470cd19111aaad601dbaceb127185c5986e9665258bee976ac59e4e55b0508f9c7daadfcfb522b74cd1e5b2042f9dd533df82964093b80cb2a6cdfb53bf0c4bd2e5faa0f3e4b664290130eff1093f8717859f80bcdff9528460fa9fc7cdefb9a302e56c08f85f38381c065c42553f8f591363105a5b0ee6fc1704d470cd19111aaad601dbaceb127185c5986e9665258bee976ac59e4e55b0508f9c7daadfcfb522b74cd1e5b2042f9dd533df82964093b80cb2a6cdfb53bf0c4bc4827e6589fff10012b00ec7353a7fdbeae7c311a9fb78d316e709ea7235fec28cb85d195988a7e2a91f22775f719c006984d98fdd8afd5900fc42553f8f591363105a5b0ee6fc1704d470cd19111aaad601dbaceb127185c5986e9665258bee976ac59e4e55b0508f9c7daadfcfb522b74cd1e5b2042f9dd533df82964093b80cb2a6cdfb53bf0c4bd2e5faa0f3e4b664290130eff1093f8717859f80bcdff9528460fa9fc7cdefb9a302e56c08f85f38381c065c42553f8f591363105a5b0ee6fc1704d470cd19111aaad601dbaceb127185c5986e9665258bee976ac59e4e55b0508f9c7daadfcfb522b74cd1e5b2042f9dd533df82964093b80cb2a6cdfb53bf0c4bd2e5faa0f3e4b664290130eff1093f8717859f80bcdff9528460fa9fc7cdefb9a302e56c08f85f38381c065c425510f3fb28001dc00050041eaa62d00006b6c457cd20961db0001c40580808002d3532d58b1c467fb020000000004595a",
    lzma: "5d00008000ffffffffffffffff00006ffdffffa3b7ff473e481572396151b89228e6a38607f9eee41e82d32fc53a3c014bb17ec98a8a4d2fa30dd97fa6e38c231153e05918c5758ae277f8b6947f0c6ac0de744964e2e95c53b204d8f7440cab5f0d6d46e9e5c37688b79657acb64de1691d6ffb4b88106c42cb883f5c008fd04eaf262894711f3d8f24e1709ea7235fec28cb85d195988a7e2a91f22775f719c006984d98fdd8afd5900fc42553f8f591363105a5b0ee6fc1704d470cd19111aaad601dbaceb127185c5986e9665258bee976ac59e4e55b0508f9c7daadfcfb522b74cd1e5b2042f9dd533df82964093b80cb2a6cdfb53bf0c4bd2e5faa0f3e4b664290130eff1093f8717859f80bcdff9528460fa9fc7cdefb9a302e56c08f85f38381c065c42553f8f591363105a5b0ee6fc1704d470cd19111aaad601dbaceb127185c5986e9665258bee976ac59e4e55b0508f9c7daadfcfb522b74cd1e5b2042f9dd533df82964093b80cb2a6cdfb53bf0c4bd2e5faa0f3e4b664290130eff1093f8717859f80bcdff9528460fa9fc7cdefb9a302e56c08f85f38381c065c42553f8f591363105a5b0ee6fc1704d470cd19111aaad601dbaceb127185c5986e9665258bee976ac59e4e55b0508f9c7daadfcfb522b74cd1e5b2042f9dd533df82964093b80cb2a6cdfb53bf0c4bd2e5faa0f3e4b664290130eff1093f8717859f80bcdff9528460fa9fc7cdefb9a302e56c08f85f38381c065c42553f8f591363105a5b0ee6fc1704d470cd19111aaad601dbaceb127185c5986e9665258bee976ac59e4e55b0508f9c7daadfcfb522b74cd1e5b2042f9dd533df82964093b80cb2a6cdfb53bf0c4bd2e5faa0f3e4b664290130eff1093f8717859f80bcdff9528460fa9fc7cdefb9a302e56c08f85f38381c065c42553f8f59134260cc3f6f3ffff7c480000",
  };
  it.each(Object.entries(BOMBS))("a %s bomb stops at the cap", (_codec, h) => {
    const bomb = Uint8Array.from(Buffer.from(h, "hex"));
    refused(readModelFile(bomb, { maxCompressionRatio: 2 }), "too_large", "decompressed size exceeds");
    refused(readModelFile(bomb), "too_large", "decompressed size exceeds");
    // With room for it, it decompresses, and four MiB of zero bytes are no pickle.
    refused(readModelFile(bomb, { maxCompressionRatio: 1e6 }), "not_pickle");
  });
});

describe("joblib < 0.10's ZF container", () => {
  it("is read: 'ZF', the hex length padded to 19 bytes, then zlib", () => {
    // Python: b"ZF" + "{:#x}".format(len(data)).encode().ljust(19) + zlib.compress(pickle.dumps({"a": 1}, 2), 3)
    const zf = Uint8Array.from(Buffer.from("5a4630783131202020202020202020202020202020785e6b60aa2d648860646060482c64f4662cd6030021f2038a", "hex"));
    const r = readModelFile(zf);
    expect(r.ok && r.format).toBe("joblib-zf");
    expect(value(r)).toEqual(new Map([["a", 1]]));
  });
});

describe("placeholders", () => {
  it("are plain records", () => {
    const v = value(readModelFile(estimator("sklearn.cluster._dbscan", "DBSCAN", (w) => w.int(2))));
    expect(isObject(v) && isNdArray(v)).toBe(false);
    expect(attr(v, "x_")).toBe(2);
  });
});
