/** A unit may be named twice in one role (e.g. receiving both the sub-units and the people). */
export function uniqueParticipants<P extends { unitId: string; role: string }>(list: readonly P[]): P[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = `${p.unitId}:${p.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
