// The label of our scale an earlier check's rating names: its text equals the label in English or Indonesian,
// ignoring case and surrounding spaces ("Salah" → our "False"/"Salah"); none when no label is named so.
export function matchingLabel<Label extends { labelEn: string; labelId: string }>(labels: readonly Label[], rating: string): Label | undefined {
  const wanted = rating.trim().toLocaleLowerCase();
  if (!wanted) return undefined;
  return labels.find((label) => label.labelEn.trim().toLocaleLowerCase() === wanted || label.labelId.trim().toLocaleLowerCase() === wanted);
}
