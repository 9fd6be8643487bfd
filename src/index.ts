/** The library: parse any supported /proc file, live or a saved copy. */
export { ParseError, ProcessGoneError, ReadError, RefusedError, UnknownFileError } from './errors';
export type { Handler, HandlerTable } from './handler';
export { parseFile, parseText, chooseHandler, type ParseResult } from './parse';
export { ProcFs } from './procfs';
export { handlers, handlerNames, getHandler } from './registry';
export { resolveHandler } from './resolve';
export * from './processes';
