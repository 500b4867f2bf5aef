/** The syntax-tree half of the Python inspector, loaded by `prepare()` only when a .py file changed. */
export { pythonImports } from './imports.js';
export { parsePython, preparePython } from './parse.js';
export { pythonTests } from './tests.js';
