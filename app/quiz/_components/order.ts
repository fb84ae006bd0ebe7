/** The list with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = Math.min(items.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= items.length || to === index) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}
