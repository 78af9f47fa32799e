/** Token cursor shared by the clause and expression parsers. */
import { CypherSyntaxError } from "./errors.ts";
import { tokenize, type Tok } from "./lexer.ts";

/** Words that cannot be used as bare variable names where an expression is expected. */
export const RESERVED = new Set([
  "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "CREATE", "MERGE", "SET", "REMOVE", "DELETE", "DETACH",
  "ORDER", "BY", "SKIP", "LIMIT", "AS", "AND", "OR", "XOR", "NOT", "IN", "IS", "STARTS", "ENDS", "CONTAINS",
  "DISTINCT", "UNION", "ALL", "CASE", "WHEN", "THEN", "ELSE", "END", "ON", "ASC", "DESC", "ASCENDING", "DESCENDING",
  "CALL", "YIELD",
]);

export class Cursor {
  readonly toks: Tok[];
  i = 0;
  constructor(readonly text: string) {
    this.toks = tokenize(text);
  }
  peek(k = 0): Tok {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)];
  }
  next(): Tok {
    const t = this.toks[this.i];
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  /** True when the token at offset k is the keyword `word` (case-insensitive, unquoted). */
  isKw(word: string, k = 0): boolean {
    const t = this.peek(k);
    return t.type === "ident" && t.value.toUpperCase() === word;
  }
  isP(p: string, k = 0): boolean {
    const t = this.peek(k);
    return t.type === "punct" && t.value === p;
  }
  acceptKw(word: string): boolean {
    if (this.isKw(word)) {
      this.next();
      return true;
    }
    return false;
  }
  acceptP(p: string): boolean {
    if (this.isP(p)) {
      this.next();
      return true;
    }
    return false;
  }
  expectKw(word: string): Tok {
    if (!this.isKw(word)) this.fail(`expected ${word}`);
    return this.next();
  }
  expectP(p: string): Tok {
    if (!this.isP(p)) this.fail(`expected "${p}"`);
    return this.next();
  }
  /** A symbolic name: identifier or back-quoted identifier. */
  name(what = "a name"): string {
    const t = this.peek();
    if (t.type === "ident" || t.type === "qident") {
      this.next();
      return t.value;
    }
    this.fail(`expected ${what}`);
  }
  isName(k = 0): boolean {
    const t = this.peek(k);
    return t.type === "ident" || t.type === "qident";
  }
  fail(message: string, detail = "UnexpectedSyntax", at?: number): never {
    const t = this.peek();
    const found = t.type === "eof" ? "end of query" : `"${this.text.slice(t.start, t.end)}"`;
    throw new CypherSyntaxError(`${message}, found ${found}`, this.text, at ?? t.start, detail);
  }
  error(message: string, at: number, detail = "UnexpectedSyntax"): CypherSyntaxError {
    return new CypherSyntaxError(message, this.text, at, detail);
  }
}
