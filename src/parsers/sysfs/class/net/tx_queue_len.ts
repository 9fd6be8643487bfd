/**
 * /sys/class/net/<iface>/tx_queue_len — transmit queue length in packets.
 * Kernel: net/core/net-sysfs.c, NETDEVICE_SHOW_RW(tx_queue_len, fmt_dec).
 * Format: formats/net-class-attribute.ts.
 * Sample: "1000"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const txQueueLen = netClassAttributeHandler('tx_queue_len', 'transmit queue length in packets');
