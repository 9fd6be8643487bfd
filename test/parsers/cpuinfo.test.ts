import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseCpuinfo } from '../../src/parsers/cpuinfo';
import { fixture } from '../support/fixtures';

describe('cpuinfo', () => {
  it('parses the x86 layout (Linux 6.x)', () => {
    const records = parseCpuinfo(fixture('proc/cpuinfo'));
    expect(records).to.have.length(2);
    const first = records[0];
    expect(first).to.include({
      processor: 0,
      vendor_id: 'AuthenticAMD',
      cpu_family: 26,
      model: 2,
      model_name: 'AMD EPYC',
      stepping: 1,
      microcode: '0x1000065',
      cpu_MHz: 2695.948,
      cache_size_KB: 1024,
      physical_id: 0,
      siblings: 2,
      core_id: 0,
      cpu_cores: 2,
      apicid: 0,
      initial_apicid: 0,
      fpu: 'yes',
      fpu_exception: 'yes',
      cpuid_level: 16,
      wp: 'yes',
      bogomips: 5391.89,
      TLB_size: '192 4K pages',
      clflush_size: 64,
      cache_alignment: 64,
      address_sizes: '52 bits physical, 57 bits virtual',
    });
    expect(first.flags).to.have.length(117);
    expect(first.flags?.slice(0, 3)).to.deep.equal(['fpu', 'vme', 'de']);
    expect(first.flags?.[116]).to.equal('flush_l1d');
    expect(first.bugs).to.deep.equal(['sysret_ss_attrs', 'spectre_v1', 'spectre_v2', 'spec_store_bypass', 'srso', 'spectre_v2_user']);
    expect(first.power_management).to.deep.equal([]);
    expect(records[1]).to.include({ processor: 1, core_id: 1, apicid: 1, initial_apicid: 1, cpu_MHz: 2695.948 });
  });

  it('parses the arm layout with its trailing Hardware block (synthetic Raspberry Pi 3)', () => {
    const records = parseCpuinfo(fixture('synthetic/proc/cpuinfo'));
    expect(records).to.have.length(5);
    expect(records[0]).to.deep.equal({
      processor: 0,
      model_name: 'ARMv7 Processor rev 4 (v7l)',
      BogoMIPS: 38.4,
      Features: [
        'half',
        'thumb',
        'fastmult',
        'vfp',
        'edsp',
        'neon',
        'vfpv3',
        'tls',
        'vfpv4',
        'idiva',
        'idivt',
        'vfpd32',
        'lpae',
        'evtstrm',
        'crc32',
      ],
      CPU_implementer: '0x41',
      CPU_architecture: '7',
      CPU_variant: '0x0',
      CPU_part: '0xd03',
      CPU_revision: 4,
    });
    expect(records[3]).to.include({ processor: 3, CPU_part: '0xd03' });
    expect(records[4]).to.deep.equal({
      Hardware: 'BCM2835',
      Revision: 'a02082',
      Serial: '00000000e2bd0d5c',
      Model: 'Raspberry Pi 3 Model B Rev 1.2',
    });
  });

  it('keeps the kernel\'s "unknown" stepping', () => {
    expect(parseCpuinfo('processor\t: 0\nvendor_id\t: GenuineIntel\nstepping\t: unknown\n')).to.deep.equal([
      { processor: 0, vendor_id: 'GenuineIntel', stepping: 'unknown' },
    ]);
  });

  it('rejects a frequency that is not a number', () => {
    expect(() => parseCpuinfo('processor\t: 0\ncpu MHz\t\t: fast\n', '/tmp/cpuinfo')).to.throw(
      ParseError,
      /\/tmp\/cpuinfo:2: cpu_MHz is not a number \("fast"\)/,
    );
  });

  it('rejects a line without a colon', () => {
    expect(() => parseCpuinfo('processor\t: 0\nflags fpu vme\n')).to.throw(ParseError, /cpuinfo:2: expected "key : value"/);
  });
});
