/**
 * Not a parser: the record type collectors/pressure.ts imports from this path.
 * The handlers are pressure/cpu.ts, io.ts, memory.ts and irq.ts, their format
 * formats/pressure.ts; delete this file once collectors import from there.
 */
export type { PressureRecord } from './formats/pressure';
