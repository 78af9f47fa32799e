import { MultiDirectedGraph } from "graphology";
import { runQuery } from "../../src/query/index.ts";
const g: any = new MultiDirectedGraph();
const w = { allowWrites: true };
console.log(JSON.stringify(runQuery(g, "CREATE (a:A {name:'a'})-[:T {w: 1}]->(b:B {name:'b'})-[:T]->(c:C {name: 'c'})", w).stats));
for (const q of [
  "MATCH (n) RETURN n.name AS name ORDER BY name DESC",
  "MATCH p = (a:A)-[*]->(c) RETURN length(p), c.name",
  "MATCH (a)-[r]->(b) RETURN a.name, type(r), b.name, r.w",
  "MATCH (a) RETURN count(*) AS c, collect(a.name) AS names",
  "UNWIND [1, 2.0, 'x', null] AS x RETURN x, toString(x)",
  "MATCH p = shortestPath((a {name:'a'})-[*]-(c {name:'c'})) RETURN p",
  "RETURN 1 + 2 * 3 AS x, 7 / 2 AS d, 2 ^ 3 AS p, [x IN range(1,5) WHERE x % 2 = 1 | x * 10] AS l",
  "MATCH (a) WHERE (a)-->() RETURN a.name",
  "MATCH (a) OPTIONAL MATCH (a)-[:T]->(b) RETURN a.name, b.name",
]) { try { const r = runQuery(g, q); console.log(q, "=>", JSON.stringify(r.rows), r.warnings); } catch (e) { console.log(q, "ERR", (e as Error).message); } }
try { runQuery(g, "MATCH (n) RETRN n"); } catch (e: any) { console.log(e.code, e.line, e.column, e.message); }
