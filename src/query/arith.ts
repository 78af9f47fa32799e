/**
 * Arithmetic (openCypher 9, "Mathematical operators"): integer operations stay 64-bit integers and fail on
 * overflow; any float operand gives a float; `^` always gives a float; `+` also concatenates strings and lists.
 */
import { argumentError, typeError } from "./errors.ts";
import { INT_MAX, INT_MIN, typeName, type Value } from "./values.ts";

function checkInt(v: bigint): bigint {
  if (v > INT_MAX || v < INT_MIN) throw argumentError("integer overflow", "NumberOutOfRange");
  return v;
}

/** Applies `op` (`+ - * / % ^`) to two values. Null in, null out. @throws CypherRuntimeError on a type mismatch. */
export function arith(op: string, l: Value, r: Value): Value {
  if (op === "+") {
    if (Array.isArray(l)) return Array.isArray(r) ? [...l, ...r] : [...l, r];
    if (Array.isArray(r)) return [l, ...r];
  }
  if (l === null || r === null) return null;
  if (op === "+" && typeof l === "string" && (typeof r === "string" || typeof r === "bigint" || typeof r === "number")) return l + numText(r);
  if (op === "+" && typeof r === "string" && (typeof l === "bigint" || typeof l === "number")) return numText(l) + r;
  const ln = typeof l === "bigint" || typeof l === "number";
  const rn = typeof r === "bigint" || typeof r === "number";
  if (!ln || !rn) throw typeError(`cannot apply ${op} to ${typeName(l)} and ${typeName(r)}`);
  if (typeof l === "bigint" && typeof r === "bigint" && op !== "^") {
    switch (op) {
      case "+":
        return checkInt(l + r);
      case "-":
        return checkInt(l - r);
      case "*":
        return checkInt(l * r);
      case "/":
        if (r === 0n) throw argumentError("division by zero", "DivisionByZero");
        return checkInt(l / r);
      case "%":
        if (r === 0n) throw argumentError("division by zero", "DivisionByZero");
        return l % r;
    }
  }
  const a = Number(l);
  const b = Number(r);
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "%":
      return a % b;
    case "^":
      return Math.pow(a, b);
  }
  throw typeError(`unknown operator ${op}`);
}

/** Cypher's text of a number: floats always show a fraction or exponent (`1.0`, `1.0E20`). */
export function numText(v: Value): string {
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return floatText(v);
  return String(v);
}

export function floatText(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (Number.isInteger(v) && Math.abs(v) < 1e21) {
    const s = String(v);
    return s.includes("e") ? s : s + ".0";
  }
  const s = String(v);
  if (s.includes("e")) {
    const [m, ex] = s.split("e");
    return `${m.includes(".") ? m : m + ".0"}E${ex.replace("+", "")}`;
  }
  return s;
}
