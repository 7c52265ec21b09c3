// How a contract is written: an interface whose methods are the wire signatures (the arguments as
// the plugin sends them, the value the host answers with). Both sides are typed from it.

/** The method-name table of a contract: `{ save: 'save', ... }`, checked against the interface. */
export type MethodNames<C> = { readonly [K in keyof C]: K };

/**
 * Methods of a contract that Connect documents as returning nothing (`0`), or with an answer
 * (`1`). The type makes the flag agree with the method's result type.
 */
export type MethodKinds<C> = {
  readonly [K in keyof C]: C[K] extends (...args: never[]) => infer R ? ([Awaited<R>] extends [void] ? 0 : 1) : never;
};

/** The wire arguments of `C[K]`. */
export type Args<C, K extends keyof C> = C[K] extends (...args: infer A) => unknown ? A : never;

/** The value `C[K]` answers with. */
export type Answer<C, K extends keyof C> = C[K] extends (...args: never[]) => infer R ? Awaited<R> : never;

/**
 * A host implementation of contract `C`: each method takes the trusted call context, then the app's
 * arguments as `unknown` (they are untrusted and must be checked), and answers with the contract's type.
 */
export type HostMethods<C, Ctx> = {
  [K in keyof C]: C[K] extends (...args: infer A) => infer R
    ? (ctx: Ctx, ...args: { [I in keyof A]: unknown }) => Awaited<R> | Promise<Awaited<R>>
    : never;
};
