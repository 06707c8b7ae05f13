// Fixtures of crowd-kit's tests (github.com/Toloka/crowd-kit, commit 35f0661, tests/conftest.py and
// tests/aggregation/test_ds_aggregation.py; Apache License 2.0, Copyright 2020 Crowd-Kit team authors),
// as [worker, task, label] rows, to check our EM reproduces the values crowd-kit's DawidSkene is tested against.

export type Row = readonly [worker: string, task: string, label: string];

/** "simple": a dataset that imitates real Toloka answers (good workers, then careless ones). */
export const SIMPLE_ANSWERS: readonly Row[] = [
  ["bde3b214b06c1efa6cb1bc6284dc72d2", "1231239876--5fac0d234ffb2f3b00893eec", "goose"],
  ["bde3b214b06c1efa6cb1bc6284dc72d2", "1231239876--5fac0d234ffb2f3b00893efb", "parrot"],
  ["bde3b214b06c1efa6cb1bc6284dc72d2", "1231239876--5fac0d234ffb2f3b00893f03", "goose"],
  ["bde3b214b06c1efa6cb1bc6284dc72d2", "1231239876--5fac0d234ffb2f3b00893f05", "goose"],
  ["bde3b214b06c1efa6cb1bc6284dc72d2", "1231239876--5fac0d234ffb2f3b00893f02", "parrot"],
  ["bde3b214b06c1efa6cb1bc6284dc72d2", "1231239876--5fac0d234ffb2f3b00893f08", "parrot"],
  ["b17c3301ad2ccbb798716fdd405d16e8", "1231239876--5fac0d234ffb2f3b00893efb", "parrot"],
  ["b17c3301ad2ccbb798716fdd405d16e8", "1231239876--5fac0d234ffb2f3b00893ee8", "chicken"],
  ["b17c3301ad2ccbb798716fdd405d16e8", "1231239876--5fac0d234ffb2f3b00893f07", "parrot"],
  ["b17c3301ad2ccbb798716fdd405d16e8", "1231239876--5fac0d234ffb2f3b00893efd", "chicken"],
  ["b17c3301ad2ccbb798716fdd405d16e8", "1231239876--5fac0d234ffb2f3b00893ee4", "chicken"],
  ["b17c3301ad2ccbb798716fdd405d16e8", "1231239876--5fac0d234ffb2f3b00893f03", "goose"],
  ["a452e450f913cfa987cad58d50393718", "1231239876--5fac0d234ffb2f3b00893ee8", "chicken"],
  ["a452e450f913cfa987cad58d50393718", "1231239876--5fac0d234ffb2f3b00893eec", "goose"],
  ["a452e450f913cfa987cad58d50393718", "1231239876--5fac0d234ffb2f3b00893f05", "goose"],
  ["a452e450f913cfa987cad58d50393718", "1231239876--5fac0d234ffb2f3b00893f02", "parrot"],
  ["a452e450f913cfa987cad58d50393718", "1231239876--5fac0d234ffb2f3b00893f08", "parrot"],
  ["0f65edea0a6dc7b9acba1dea313bbb3d", "1231239876--5fac0d234ffb2f3b00893eec", "goose"],
  ["0f65edea0a6dc7b9acba1dea313bbb3d", "1231239876--5fac0d234ffb2f3b00893ee8", "chicken"],
  ["0f65edea0a6dc7b9acba1dea313bbb3d", "1231239876--5fac0d234ffb2f3b00893f03", "goose"],
  ["0f65edea0a6dc7b9acba1dea313bbb3d", "1231239876--5fac0d234ffb2f3b00893ee4", "chicken"],
  ["0c3eb7d5fcc414db137c4180a654c06e", "1231239876--5fac0d234ffb2f3b00893eec", "parrot"],
  ["0c3eb7d5fcc414db137c4180a654c06e", "1231239876--5fac0d234ffb2f3b00893efb", "parrot"],
  ["0c3eb7d5fcc414db137c4180a654c06e", "1231239876--5fac0d234ffb2f3b00893f07", "parrot"],
  ["0c3eb7d5fcc414db137c4180a654c06e", "1231239876--5fac0d234ffb2f3b00893efd", "parrot"],
  ["0c3eb7d5fcc414db137c4180a654c06e", "1231239876--5fac0d234ffb2f3b00893ee4", "parrot"],
  ["0c3eb7d5fcc414db137c4180a654c06e", "1231239876--5fac0d234ffb2f3b00893f05", "parrot"],
  ["e563e2fb32fce9f00123a65a1bc78c55", "1231239876--5fac0d234ffb2f3b00893efb", "parrot"],
  ["e563e2fb32fce9f00123a65a1bc78c55", "1231239876--5fac0d234ffb2f3b00893ee8", "goose"],
  ["e563e2fb32fce9f00123a65a1bc78c55", "1231239876--5fac0d234ffb2f3b00893f02", "parrot"],
  ["e563e2fb32fce9f00123a65a1bc78c55", "1231239876--5fac0d234ffb2f3b00893f08", "parrot"],
  ["e563e2fb32fce9f00123a65a1bc78c55", "1231239876--5fac0d234ffb2f3b00893f07", "parrot"],
  ["e563e2fb32fce9f00123a65a1bc78c55", "1231239876--5fac0d234ffb2f3b00893efd", "goose"],
];

export const SIMPLE_GROUND_TRUTH: Readonly<Record<string, string>> = {
  "1231239876--5fac0d234ffb2f3b00893eec": "goose",
  "1231239876--5fac0d234ffb2f3b00893f03": "goose",
  "1231239876--5fac0d234ffb2f3b00893f05": "goose",
  "1231239876--5fac0d234ffb2f3b00893efb": "parrot",
  "1231239876--5fac0d234ffb2f3b00893f02": "parrot",
  "1231239876--5fac0d234ffb2f3b00893f08": "parrot",
  "1231239876--5fac0d234ffb2f3b00893f07": "parrot",
  "1231239876--5fac0d234ffb2f3b00893ee8": "chicken",
  "1231239876--5fac0d234ffb2f3b00893efd": "chicken",
  "1231239876--5fac0d234ffb2f3b00893ee4": "chicken",
};
