/**
 * Errors of the query engine. Every error carries the openCypher TCK error class (`SyntaxError`, `TypeError`,
 * `ArgumentError`, `SemanticError`, `EntityNotFound`) and detail code (`UnexpectedSyntax`, `VariableTypeConflict`,
 * ...) so the conformance harness can compare them with the scenarios' expectations
 * (openCypher TCK, `features/README`: "Then a <class> should be raised at <phase>: <detail>").
 */
import { BadRequestError, ShabakaError } from "../errors.ts";

/** The TCK error classes used by the engine. */
export type CypherErrorClass = "SyntaxError" | "TypeError" | "ArgumentError" | "SemanticError" | "EntityNotFound" | "ConstraintVerificationFailed";

/** Position in the query text: 1-based line and column. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Builds the caret excerpt shown under a syntax error: the offending line and a `^` under the column. */
export function caretExcerpt(text: string, pos: SourcePosition): string {
  const line = text.split(/\r?\n/)[pos.line - 1] ?? "";
  return `${line}\n${" ".repeat(Math.max(0, pos.column - 1))}^`;
}

/** Converts a 0-based offset into a 1-based line and column. */
export function positionOf(text: string, offset: number): SourcePosition {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col };
}

/**
 * A query that does not parse or fails a compile-time check (code `QUERY_SYNTAX`, HTTP 400).
 * `details` holds `{line, column}` so the server's error middleware can copy them into the answer.
 */
export class CypherSyntaxError extends BadRequestError {
  readonly line: number;
  readonly column: number;
  readonly details: { line: number; column: number };
  readonly cypherClass: CypherErrorClass;
  readonly cypherDetail: string;
  constructor(message: string, text: string, offset: number, detail = "UnexpectedSyntax", cls: CypherErrorClass = "SyntaxError") {
    const pos = positionOf(text, offset);
    super(`query: ${message} (line ${pos.line}, column ${pos.column})\n${caretExcerpt(text, pos)}`, "QUERY_SYNTAX");
    this.line = pos.line;
    this.column = pos.column;
    this.details = { line: pos.line, column: pos.column };
    this.cypherClass = cls;
    this.cypherDetail = detail;
  }
}

/** An error while running a query: a type error, a bad argument (code `QUERY_ERROR`, HTTP 400). */
export class CypherRuntimeError extends BadRequestError {
  readonly cypherClass: CypherErrorClass;
  readonly cypherDetail: string;
  constructor(message: string, cls: CypherErrorClass = "TypeError", detail = "InvalidArgumentType") {
    super(`query: ${message}`, "QUERY_ERROR");
    this.cypherClass = cls;
    this.cypherDetail = detail;
  }
}

/** A write clause (CREATE, MERGE, SET, REMOVE, DELETE) in a query run without `allowWrites` (HTTP 403). */
export class WritesForbiddenError extends ShabakaError {
  constructor(clause: string) {
    super("WRITES_FORBIDDEN", `query: ${clause} is a write clause and writes are not allowed here (a server started with --allow-writes runs them).`, 403);
  }
}

/** Shorthand for a runtime type error. */
export function typeError(message: string, detail = "InvalidArgumentType"): CypherRuntimeError {
  return new CypherRuntimeError(message, "TypeError", detail);
}

/** Shorthand for a runtime argument error. */
export function argumentError(message: string, detail = "InvalidArgumentValue"): CypherRuntimeError {
  return new CypherRuntimeError(message, "ArgumentError", detail);
}
