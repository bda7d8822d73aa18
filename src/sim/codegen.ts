/**
 * The one code generator. Every piece of generated code — state updates, thresholds, resets,
 * on_pre statements, string initialisations — is a loop over elements (neurons or synapses)
 * compiled to one function signature, Kernel. Code is generated from syntax trees only; a
 * user's string is never evaluated as JavaScript.
 *
 * Random numbers are drawn before the loop, one array per call site (rand() → uniforms,
 * randn() and xi → normals), in the order the call sites appear, from the RandomSource the
 * kernel is called with: Brian's numpy target draws `randn(N)` / `rand(N)` the same way.
 */
import { ExpressionError, HELPERS, numberLiteral, RANDOM_FUNCTIONS, toJs, type Helpers, type Node } from './expr.js';
import type { Statement } from './equations.js';
import type { RandomSource } from './random-source.js';

/**
 * The generated function. S: the arrays the code reads and writes (KernelBuilder.arrays);
 * N: size of the group; t, dt: the clock (seconds); rng: the group's random source;
 * idx/count: the selected elements (loop 'selected'), or where a 'collect' loop writes the
 * elements whose condition held. Returns the number collected (0 for other loops).
 */
export type Kernel = (S: ArrayLike<number>[], N: number, t: number, dt: number, rng: RandomSource, idx: Int32Array, count: number) => number;

/** 'all': every element 0..N-1; 'selected': idx[0..count); 'collect': every element, keeping those whose condition holds. */
export type Loop = 'all' | 'selected' | 'collect';

export interface CompiledKernel {
  run: Kernel;
  arrays: ArrayLike<number>[];
  /** The generated source, for tests and debugging. */
  source: string;
}

type DrawKind = 'normal' | 'uniform';

/** Element variables of the generated loop: `_k` counts the loop, `_e` is the element. */
export const ELEMENT = '_e';

export class KernelBuilder {
  private readonly arrayList: ArrayLike<number>[] = [];
  private readonly arrayIds = new Map<ArrayLike<number>, number>();
  private readonly drawKinds: DrawKind[] = [];
  private readonly lines: string[] = [];
  private condition?: string;

  /** The local name under which the kernel reads `a` (registered once). */
  array(a: ArrayLike<number>): string {
    let id = this.arrayIds.get(a);
    if (id === undefined) {
      id = this.arrayList.length;
      this.arrayList.push(a);
      this.arrayIds.set(a, id);
    }
    return `_a${id}`;
  }

  /** Registers one call site of rand()/randn() (or one noise xi): the JS of this element's draw. */
  draw(kind: DrawKind): string {
    this.drawKinds.push(kind);
    return `_d${this.drawKinds.length - 1}[_k]`;
  }

  /**
   * JavaScript for an expression; rand() and randn() become call sites drawn before the loop,
   * numbered left to right as Python evaluates them.
   */
  expr(node: Node, resolve: (name: string) => string): string {
    const sites = new Map<string, string>();
    const hoisted = this.hoistRandom(node, sites);
    return toJs(hoisted, (name) => sites.get(name) ?? resolve(name));
  }

  private hoistRandom(node: Node, sites: Map<string, string>): Node {
    switch (node.kind) {
      case 'call': {
        if (RANDOM_FUNCTIONS.has(node.fn)) {
          const name = `__draw${sites.size}`;
          sites.set(name, this.draw(node.fn === 'rand' ? 'uniform' : 'normal'));
          return { kind: 'name', name };
        }
        return { ...node, args: node.args.map((a) => this.hoistRandom(a, sites)) };
      }
      case 'neg':
      case 'not':
        return { ...node, arg: this.hoistRandom(node.arg, sites) };
      case 'bin': {
        const left = this.hoistRandom(node.left, sites);
        return { ...node, left, right: this.hoistRandom(node.right, sites) };
      }
      default:
        return node;
    }
  }

  /** Appends one line of loop body. */
  line(js: string): this {
    this.lines.push(js);
    return this;
  }

  /**
   * Statements executed one after the other for each element, each reading what the previous
   * ones wrote (Brian's reset and on_pre semantics). `lvalue` maps an assignable name to its
   * JavaScript element; `resolve` maps every readable name.
   */
  statements(statements: Statement[], lvalue: (name: string) => string | undefined, resolve: (name: string) => string): this {
    for (const { target, op, rhs } of statements) {
      const left = lvalue(target);
      if (left === undefined) throw new ExpressionError(`cannot assign to '${target}': there is no such variable`);
      this.line(`${left} ${op} ${this.expr(rhs, resolve)};`);
    }
    return this;
  }

  /** For a 'collect' loop: the condition an element must meet (after the body's lines). */
  collectWhen(conditionJs: string): this {
    this.condition = conditionJs;
    return this;
  }

  build(loop: Loop, onCollect: string[] = []): CompiledKernel {
    if (loop === 'collect' && this.condition === undefined) throw new Error('a collect loop needs a condition');
    const arrays = this.arrayList.map((_, k) => `const _a${k} = S[${k}];`);
    const length = loop === 'selected' ? 'count' : 'N';
    const draws = this.drawKinds.map((kind, k) => `const _d${k} = D(${k}, ${length}); rng.${kind === 'normal' ? 'fillNormal' : 'fillUniform'}(_d${k});`);
    const element = loop === 'selected' ? `const ${ELEMENT} = idx[_k];` : `const ${ELEMENT} = _k;`;
    const collect = loop === 'collect' ? [`if (${this.condition}) {`, `idx[_count++] = ${ELEMENT};`, ...onCollect, '}'] : [];
    const source = [
      ...arrays,
      ...draws,
      'let _count = 0;',
      `for (let _k = 0; _k < ${length}; _k++) {`,
      element,
      ...this.lines,
      ...collect,
      '}',
      'return _count;',
    ].join('\n');
    // Scratch arrays for the draws, reused from step to step.
    const buffers: Float64Array[] = [];
    const scratch = (site: number, n: number): Float64Array => {
      let b = buffers[site];
      if (!b || b.length < n) b = buffers[site] = new Float64Array(n);
      return b.length === n ? b : b.subarray(0, n);
    };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const factory = new Function('H', 'D', `return function kernel(S, N, t, dt, rng, idx, count) {\n${source}\n};`) as (
      h: Helpers,
      d: typeof scratch,
    ) => Kernel;
    return { run: factory(HELPERS, scratch), arrays: this.arrayList, source };
  }
}

/** A literal for a constant, refusing what is not a finite number. */
export function constantJs(value: number, name: string): string {
  if (!Number.isFinite(value)) throw new ExpressionError(`the constant '${name}' is not a finite number (${value})`);
  return numberLiteral(value);
}
