/**
 * Tokeniser for the openCypher subset (openCypher 9 grammar, "Lexical" section): identifiers (plain and
 * back-quoted), numbers (decimal, hexadecimal `0x`, octal `0o`, floats with exponent), strings with escapes,
 * parameters, and punctuation. Keywords are plain identifiers; the parser compares them case-insensitively.
 */
import { CypherSyntaxError } from "./errors.ts";

export type TokenType = "ident" | "qident" | "int" | "float" | "string" | "param" | "punct" | "eof";

export interface Tok {
  type: TokenType;
  /** Identifier name, string value, number text, parameter name or punctuation. */
  value: string;
  /** Offset of the first character in the query text. */
  start: number;
  end: number;
}

const PUNCT2 = ["<>", "!=", "<=", ">=", "=~", "+=", ".."];
const PUNCT1 = "()[]{},.:;|+-*/%^=<>$";

function isIdentStart(c: string): boolean {
  return /[\p{L}_]/u.test(c);
}
function isIdentPart(c: string): boolean {
  return /[\p{L}\p{N}_\p{Mn}\p{Mc}]/u.test(c);
}

/** Splits `text` into tokens. Throws {@link CypherSyntaxError} on an unterminated string or stray character. */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "/") {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const endIdx = text.indexOf("*/", i + 2);
      if (endIdx < 0) throw new CypherSyntaxError("unterminated comment", text, i);
      i = endIdx + 2;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      const [value, next] = readString(text, i);
      out.push({ type: "string", value, start, end: next });
      i = next;
      continue;
    }
    if (c === "`") {
      let v = "";
      i++;
      for (;;) {
        if (i >= n) throw new CypherSyntaxError("unterminated quoted identifier", text, start);
        if (text[i] === "`") {
          if (text[i + 1] === "`") {
            v += "`";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += text[i++];
      }
      out.push({ type: "qident", value: v, start, end: i });
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      i = readNumber(text, i, out);
      continue;
    }
    if (c === "$") {
      i++;
      let name = "";
      if (text[i] === "`") {
        const close = text.indexOf("`", i + 1);
        if (close < 0) throw new CypherSyntaxError("unterminated parameter name", text, i);
        name = text.slice(i + 1, close);
        i = close + 1;
      } else {
        while (i < n && isIdentPart(text[i])) name += text[i++];
      }
      if (name === "") throw new CypherSyntaxError("parameter name expected after $", text, start);
      out.push({ type: "param", value: name, start, end: i });
      continue;
    }
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(text[i])) i++;
      out.push({ type: "ident", value: text.slice(start, i), start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (PUNCT2.includes(two)) {
      out.push({ type: "punct", value: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (PUNCT1.includes(c)) {
      out.push({ type: "punct", value: c, start, end: i + 1 });
      i++;
      continue;
    }
    // Unicode dashes and arrows are accepted as their ASCII forms (openCypher grammar: LeftArrowHead, Dash).
    if (/[\u00AD\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/.test(c)) {
      out.push({ type: "punct", value: "-", start, end: i + 1 });
      i++;
      continue;
    }
    if (/[\u27E8\u3008\uFE64\uFF1C]/.test(c)) {
      out.push({ type: "punct", value: "<", start, end: i + 1 });
      i++;
      continue;
    }
    if (/[\u27E9\u3009\uFE65\uFF1E]/.test(c)) {
      out.push({ type: "punct", value: ">", start, end: i + 1 });
      i++;
      continue;
    }
    throw new CypherSyntaxError(`unexpected character "${c}"`, text, i);
  }
  out.push({ type: "eof", value: "", start: n, end: n });
  return out;
}

function readNumber(text: string, i: number, out: Tok[]): number {
  const start = i;
  const rest = text.slice(i);
  let m = /^0x[0-9A-Za-z]*/.exec(rest);
  if (m) {
    if (!/^0x[0-9A-Fa-f]+$/.test(m[0])) throw new CypherSyntaxError(`invalid hexadecimal literal "${m[0]}"`, text, i, "InvalidNumberLiteral");
    out.push({ type: "int", value: m[0], start, end: i + m[0].length });
    return i + m[0].length;
  }
  m = /^0o[0-9A-Za-z]*/.exec(rest);
  if (m) {
    if (!/^0o[0-7]+$/.test(m[0])) throw new CypherSyntaxError(`invalid octal literal "${m[0]}"`, text, i, "InvalidNumberLiteral");
    out.push({ type: "int", value: m[0], start, end: i + m[0].length });
    return i + m[0].length;
  }
  m = /^([0-9]*\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?/.exec(rest);
  // "1..3" is a range: the integer 1 followed by "..".
  if (m && /^[0-9]+\.\./.test(rest)) m = /^[0-9]+/.exec(rest);
  if (!m) throw new CypherSyntaxError("invalid number", text, i, "InvalidNumberLiteral");
  let len = m[0].length;
  const after = text[i + len] ?? "";
  if (/[eE]/.test(after) || (isIdentStart(after) && after !== "")) {
    // `{1B2c: 1}`: a name starting with a digit where a map key is expected is a syntax error, not a bad number.
    const word = /^[0-9A-Za-z_]*/.exec(rest)![0];
    if (/^\s*:/.test(text.slice(i + word.length)) && /[{,]\s*$/.test(text.slice(0, i))) {
      throw new CypherSyntaxError(`a map key cannot start with a digit ("${word}")`, text, i, "UnexpectedSyntax");
    }
    throw new CypherSyntaxError(`invalid number literal "${rest.slice(0, len + 1)}"`, text, i, "InvalidNumberLiteral");
  }
  const isFloat = m[0].includes(".") || /[eE]/.test(m[0]);
  out.push({ type: isFloat ? "float" : "int", value: m[0], start, end: i + len });
  return i + len;
}

function readString(text: string, i: number): [string, number] {
  const quote = text[i];
  const start = i;
  i++;
  let v = "";
  for (;;) {
    if (i >= text.length) throw new CypherSyntaxError("unterminated string literal", text, start);
    const c = text[i];
    if (c === quote) return [v, i + 1];
    if (c === "\\") {
      const e = text[i + 1];
      const simple: Record<string, string> = { t: "\t", b: "\b", n: "\n", r: "\r", f: "\f", "'": "'", '"': '"', "\\": "\\" };
      if (e !== undefined && simple[e] !== undefined) {
        v += simple[e];
        i += 2;
        continue;
      }
      if (e === "u" || e === "U") {
        const len = e === "u" ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + len);
        if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(hex)) {
          throw new CypherSyntaxError("invalid unicode escape", text, i, "InvalidUnicodeLiteral");
        }
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) throw new CypherSyntaxError("invalid unicode escape", text, i, "InvalidUnicodeLiteral");
        v += String.fromCodePoint(cp);
        i += 2 + len;
        continue;
      }
      // Unknown escapes are kept verbatim (Neo4j behaviour): "\\d" in a regex stays "\\d".
      v += c + (e ?? "");
      i += 2;
      continue;
    }
    v += c;
    i++;
  }
}
