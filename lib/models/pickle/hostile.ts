/**
 * Names that are hostile even inside the scientific modules whose other names the reader keeps as inert
 * placeholders (docs/sklearn-pickles.md §7): Python's pickle would call them while loading, and they run
 * code, read or write files, reach the network, import modules or wrap another callable.
 */

/** Any dotted segment naming a system module or a code-running builtin, wherever it sits (numpy.os.system). */
const SYSTEM_SEGMENTS = new Set([
  "os", "posix", "nt", "sys", "subprocess", "builtins", "__builtin__", "importlib", "imp", "ctypes", "cffi", "pickle", "cPickle",
  "_pickle", "dill", "cloudpickle", "marshal", "shutil", "socket", "ssl", "urllib", "urllib2", "http", "requests", "ftplib",
  "multiprocessing", "threading", "concurrent", "asyncio", "signal", "webbrowser", "pty", "runpy", "code", "codeop", "shelve",
  "tempfile", "glob", "pathlib", "io", "fileinput", "platform", "sysconfig", "distutils", "setuptools", "pip", "site",
  "functools", "operator", "inspect", "types", "gc", "weakref", "atexit", "compileall", "py_compile", "zipimport", "pkgutil",
  "timeit", "pdb", "bdb", "trace", "logging", "smtplib", "telnetlib", "xmlrpc",
  // numpy, pandas, scipy and scikit-learn modules that read files, run code, compile or fetch data
  "f2py", "testing", "_testing", "ctypeslib", "npyio", "_npyio_impl", "_datasource", "format", "datasets",
  "computation", "clipboard", "_lib", "weave", "externals", "_build_utils", "parallel", "_joblib", "_show_versions",
]);

/** Functions that run code, import, read or write files, or wrap other callables, whatever their module (private spellings too: `_load_from_filelike`). */
const SYSTEM_NAMES =
  /^_*(eval|exec|execfile|compile|open|input|breakpoint|getattr|setattr|delattr|globals|locals|vars|__import__|import_module|reload|system|popen\d?|Popen|call|check_call|check_output|run|spawn\w*|exec\w*|fork\w*|kill\w*|partial|partialmethod|methodcaller|attrgetter|itemgetter|apply|load|loads|load_\w*|save\w*|dump\w*|fetch_\w*|read_\w*|to_\w*|fromfile|tofile|loadtxt|savetxt|genfromtxt|fromregex|memmap|open_memmap|DataSource|runstring|safe_eval|Parallel|delayed|Memory|register_\w*|query|imread|imsave|imwrite|urlopen|urlretrieve|getoutput|getstatusoutput|startfile|remove|unlink|rmtree|rename|chmod|chown|mkdir|makedirs|write\w*)$/;

/** Why a canonical dotted name is hostile, or null. */
export function hostileReason(dotted: string): string | null {
  const parts = dotted.split(".");
  const name = parts[parts.length - 1]!;
  if (parts.some((p) => p === "" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) return "not a Python dotted name";
  if (parts.slice(0, -1).some((p) => SYSTEM_SEGMENTS.has(p)) || (parts.length > 1 && SYSTEM_SEGMENTS.has(name) && name !== "format")) {
    return "reaches the system or runs code";
  }
  if (SYSTEM_NAMES.test(name)) return "runs code or reaches the system when unpickled";
  // A dunder name is an interpreter hook (__import__, __getattribute__, __reduce__…); scientific modules'
  // own pickle constructors (__pyx_unpickle_*, numpy's __*_ctor) are trusted by name in whitelist.ts.
  if (/^__\w+__$/.test(name)) return "interpreter hook";
  if (name.startsWith("__") && !name.startsWith("__pyx_unpickle_")) return "private interpreter name";
  return null;
}
