/** Temporary (until the house's browser entry lands): the few Node built-ins the core still names. */
export const createRequire = () => ({ resolve: () => '' });
export const dirname = (p: string) => p;
export const join = (...p: string[]) => p.join('/');
export const availableParallelism = () => navigator.hardwareConcurrency || 1;
/** The browser does not say; a figure's memory is also bounded by the cost limits. */
export const totalmem = () => 4 * 2 ** 30;
export const fileURLToPath = (u: string) => u;
export const readFileSync = () => {
  throw new Error('no file system in a page');
};
export const basename = (p: string) => p;
export const sep = '/';
export const existsSync = () => false;
export const execFileSync = () => {
  throw new Error('no processes in a page');
};
