/** Every handler for a file under /proc/net, keyed by handler name. */
import type { HandlerTable } from '../../handler';
import { netstat } from './netstat';
import { snmp } from './snmp';
import { devSnmp6, snmp6 } from './snmp6';
import { sockstat, sockstat6 } from './sockstat';

export const netHandlers = {
  'net/dev_snmp6': devSnmp6,
  'net/netstat': netstat,
  'net/snmp': snmp,
  'net/snmp6': snmp6,
  'net/sockstat': sockstat,
  'net/sockstat6': sockstat6,
} satisfies HandlerTable;
