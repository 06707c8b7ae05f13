/**
 * sklearn.utils.multiclass._ovr_decision_function: one-vs-one votes per class plus the summed pairwise
 * confidences squashed into (−1/3, 1/3), so the votes decide and confidences only break ties.
 * predictions[k] is 1 when pair k = (i, j) chose j, 0 when it chose i.
 */
export function ovrDecisionFunction(predictions: readonly number[], confidences: readonly number[], nClass: number): number[] {
  const votes = new Array<number>(nClass).fill(0);
  const conf = new Array<number>(nClass).fill(0);
  let k = 0;
  for (let i = 0; i < nClass; i++) {
    for (let j = i + 1; j < nClass; j++) {
      conf[i]! -= confidences[k]!;
      conf[j]! += confidences[k]!;
      if (predictions[k] === 0) votes[i]!++;
      else if (predictions[k] === 1) votes[j]!++;
      k++;
    }
  }
  return votes.map((v, i) => v + conf[i]! / (3 * (Math.abs(conf[i]!) + 1)));
}
