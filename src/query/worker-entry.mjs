// Entry of a query worker thread: registers tsx's loader (hooks are not inherited by workers), then loads the
// TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
