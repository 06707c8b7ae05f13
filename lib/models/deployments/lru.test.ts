import { describe, expect, it } from "vitest";
import { backgroundFromCsv } from "./background";
import { parseCsv } from "./csv";
import { featureSpec } from "./features";
import { SizedLru } from "./lru";

describe("SizedLru", () => {
  it("evicts the least recently used entries once the summed size is over the budget", () => {
    const evicted: string[] = [];
    const lru = new SizedLru<string>(100, (key) => evicted.push(key));
    lru.set("a", "A", 40);
    lru.set("b", "B", 40);
    expect(lru.get("a")).toBe("A"); // a is now more recent than b
    lru.set("c", "C", 40);
    expect(evicted).toEqual(["b"]);
    expect(lru.keys()).toEqual(["a", "c"]);
    expect(lru.bytes).toBe(80);
    lru.set("d", "D", 90);
    expect(evicted).toEqual(["b", "a", "c"]);
    expect(lru.evictions).toBe(3);
  });

  it("keeps an entry larger than the budget, alone", () => {
    const lru = new SizedLru<number>(10);
    lru.set("small", 1, 5);
    lru.set("huge", 2, 50);
    expect(lru.keys()).toEqual(["huge"]);
    expect(lru.get("huge")).toBe(2);
    lru.set("small", 1, 5);
    expect(lru.keys()).toEqual(["small"]);
  });

  it("replaces a key's value and size", () => {
    const lru = new SizedLru<string>(100);
    lru.set("a", "x", 60);
    lru.set("a", "y", 30);
    expect(lru.bytes).toBe(30);
    expect(lru.get("a")).toBe("y");
    expect(lru.delete("a")).toBe(true);
    expect(lru.bytes).toBe(0);
  });
});

describe("parseCsv", () => {
  it("reads quotes, escaped quotes, embedded newlines, CRLF and a BOM", () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n1,"2\n3",4\n\n')).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["1", "2\n3", "4"],
    ]);
    expect(parseCsv("x\n1\n2\n3", 2)).toEqual([["x"], ["1"]]);
  });
});

describe("backgroundFromCsv", () => {
  const spec = featureSpec([], { nFeatures: 2, featureNames: ["a", "b"] });
  it("takes the input columns by name and skips incomplete rows", () => {
    expect(backgroundFromCsv("b,target,a\n1,9,2\n3,9,\n5,9,6\n", spec)).toEqual([
      [2, 1],
      [6, 5],
    ]);
  });
  it("takes columns by position when the file has the model's width (plus a target)", () => {
    const unnamed = featureSpec([], { nFeatures: 2, featureNames: null });
    expect(backgroundFromCsv("p,q,y\n1,2,0\n3,4,1\n", unnamed)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(backgroundFromCsv("p,q,r,s\n1,2,3,4\n", unnamed)).toBeNull();
  });
});
