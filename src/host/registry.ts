import { BridgeError, ErrorCode } from '../shared/errors.js';
import { isName, isReservedName } from '../shared/guards.js';

/** A host-side method: `ctx` is trusted (from the session), the rest came from the app and is not. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers declare their own argument types
export type Handler<Ctx> = (ctx: Ctx, ...args: any[]) => unknown;

/** A module implementation: method name to handler. Only own, enumerable function properties count. */
export type ModuleImpl<Ctx> = Record<string, Handler<Ctx>>;

export interface Registry<Ctx> {
  define(name: string, impl: ModuleImpl<Ctx>): void;
  /** Throws MODULE_NOT_FOUND / METHOD_NOT_FOUND. */
  lookup(module: string, method: string): Handler<Ctx>;
  /** The module list sent in the welcome. */
  describe(): Record<string, string[]>;
}

/**
 * Modules live in Maps, never in plain objects, so names like `__proto__`, `constructor` or
 * `hasOwnProperty` address nothing unless a module really defines them.
 */
export function createRegistry<Ctx>(): Registry<Ctx> {
  const modules = new Map<string, Map<string, Handler<Ctx>>>();

  return {
    define(name, impl) {
      if (!isName(name) || isReservedName(name)) {
        throw new BridgeError(ErrorCode.INVALID_ARGUMENT, `Invalid module name "${String(name)}"`);
      }
      const methods = new Map<string, Handler<Ctx>>();
      for (const key of Object.keys(impl)) {
        const handler = impl[key];
        if (typeof handler === 'function' && isName(key) && !isReservedName(key)) methods.set(key, handler);
      }
      modules.set(name, methods);
    },
    lookup(module, method) {
      const methods = modules.get(module);
      if (!methods) throw new BridgeError(ErrorCode.MODULE_NOT_FOUND, `No module "${module}"`);
      const handler = methods.get(method);
      if (!handler) throw new BridgeError(ErrorCode.METHOD_NOT_FOUND, `No method "${module}.${method}"`);
      return handler;
    },
    describe() {
      const out: Record<string, string[]> = {};
      for (const [name, methods] of modules) out[name] = [...methods.keys()];
      return out;
    },
  };
}
