/**
 * /proc/iomem — the physical memory map, nested by indentation.
 * Kernel: kernel/resource.c, r_show() over iomem_resource. Format: formats/resource-tree.ts.
 * Sample: "  01000000-02276f47 : Kernel code"
 */
import { resourceTreeHandler } from './formats/resource-tree';

export const iomem = resourceTreeHandler('iomem', 'physical memory map, nested by indentation');
