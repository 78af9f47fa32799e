/**
 * Whether a person's titles make him an official (ONTOLOGY.md, `official` vs `person`): a post, not a membership of
 * a non-governmental body. Split from persons.ts.
 */
import type { Candidate } from "./candidates.ts";

/**
 * Title groups that name a membership, not a post (ONTOLOGY.md, `official` vs `person`): a correspondent of a
 * channel always; a member (عضو، القيادي في) only of a non-governmental body — a party, front, bloc or committee of
 * protesters (type organization) or an armed group (lexicon id `grp.*`: القيادي في داعش); a member of a council or
 * of a state force holds a public role.
 */
const MEMBERSHIP_GROUPS = new Set(["member", "correspondent"]);

/** Whether the titles hold a public post: a title that is not a membership of a non-governmental body. */
export function hasPost(titles: readonly { entry: { kind: string; group?: string } }[], bodies: readonly Candidate[]): boolean {
  return titles.some((t) => t.entry.kind === "title" && !(t.entry.group !== undefined && MEMBERSHIP_GROUPS.has(t.entry.group) &&
    (t.entry.group === "correspondent" || (bodies.length > 0 && bodies.every((b) => b.type === "organization" || (b.entry?.id.startsWith("grp.") ?? false))))));
}
