/**
 * Errors by kind. Every error the project throws on purpose is a {@link ShabakaError} with a stable `code`
 * (tests check the kind and code, not the wording) and the HTTP status the server answers with.
 * Messages name the owner, the problem and the value: `readInputs: file "x.txt" not found.`
 */
export class ShabakaError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status = 400, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
  }
}

/** Bad input file or article: undecodable bytes, malformed front matter or JSONL, missing file. */
export class InputError extends ShabakaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("INPUT_ERROR", message, 400, options);
  }
}

/** A request or argument that does not fit (HTTP 400). */
export class BadRequestError extends ShabakaError {
  constructor(message: string, code = "BAD_REQUEST") {
    super(code, message, 400);
  }
}

/** Something named that does not exist (HTTP 404). */
export class NotFoundError extends ShabakaError {
  constructor(message: string, code = "NOT_FOUND") {
    super(code, message, 404);
  }
}

/** A data file (lexicon, model, graph) that fails validation. */
export class DataError extends ShabakaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("DATA_ERROR", message, 500, options);
  }
}
