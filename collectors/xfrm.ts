/**
 * xfrm: IPsec (xfrm) error counters from /proc/net/xfrm_stat, as
 * node_exporter's xfrm collector (off by default): 28 counters
 * node_xfrm_*_packets_total. As procfs, a counter the kernel does not print
 * (older kernels lack the newest ones) is exported as 0, and counters newer
 * than node_exporter's list are not exported.
 * node_exporter: collector/xfrm.go (procfs net_xfrm.go).
 */
import type { XfrmStatRecord } from '../src/parsers/net/xfrm_stat';
import { defineCollector, mapping, type CollectorInput } from '../src/collector';

const COUNTERS: [kernel: string, metric: string, help: string][] = [
  ['XfrmInError', 'in_error_packets_total', 'All errors not matched by other'],
  ['XfrmInBufferError', 'in_buffer_error_packets_total', 'No buffer is left'],
  ['XfrmInHdrError', 'in_hdr_error_packets_total', 'Header error'],
  ['XfrmInNoStates', 'in_no_states_packets_total', 'No state is found i.e. Either inbound SPI, address, or IPsec protocol at SA is wrong'],
  ['XfrmInStateProtoError', 'in_state_proto_error_packets_total', 'Transformation protocol specific error e.g. SA key is wrong'],
  ['XfrmInStateModeError', 'in_state_mode_error_packets_total', 'Transformation mode specific error'],
  ['XfrmInStateSeqError', 'in_state_seq_error_packets_total', 'Sequence error i.e. Sequence number is out of window'],
  ['XfrmInStateExpired', 'in_state_expired_packets_total', 'State is expired'],
  ['XfrmInStateMismatch', 'in_state_mismatch_packets_total', 'State has mismatch option e.g. UDP encapsulation type is mismatch'],
  ['XfrmInStateInvalid', 'in_state_invalid_packets_total', 'State is invalid'],
  [
    'XfrmInTmplMismatch',
    'in_tmpl_mismatch_packets_total',
    'No matching template for states e.g. Inbound SAs are correct but SP rule is wrong',
  ],
  ['XfrmInNoPols', 'in_no_pols_packets_total', 'No policy is found for states e.g. Inbound SAs are correct but no SP is found'],
  ['XfrmInPolBlock', 'in_pol_block_packets_total', 'Policy discards'],
  ['XfrmInPolError', 'in_pol_error_packets_total', 'Policy error'],
  ['XfrmOutError', 'out_error_packets_total', 'All errors which is not matched others'],
  ['XfrmOutBundleGenError', 'out_bundle_gen_error_packets_total', 'Bundle generation error'],
  ['XfrmOutBundleCheckError', 'out_bundle_check_error_packets_total', 'Bundle check error'],
  ['XfrmOutNoStates', 'out_no_states_packets_total', 'No state is found'],
  ['XfrmOutStateProtoError', 'out_state_proto_error_packets_total', 'Transformation protocol specific error'],
  ['XfrmOutStateModeError', 'out_state_mode_error_packets_total', 'Transformation mode specific error'],
  ['XfrmOutStateSeqError', 'out_state_seq_error_packets_total', 'Sequence error i.e. Sequence number overflow'],
  ['XfrmOutStateExpired', 'out_state_expired_packets_total', 'State is expired'],
  ['XfrmOutPolBlock', 'out_pol_block_packets_total', 'Policy discards'],
  ['XfrmOutPolDead', 'out_pol_dead_packets_total', 'Policy is dead'],
  ['XfrmOutPolError', 'out_pol_error_packets_total', 'Policy error'],
  ['XfrmFwdHdrError', 'fwd_hdr_error_packets_total', 'Forward routing of a packet is not allowed'],
  ['XfrmOutStateInvalid', 'out_state_invalid_packets_total', 'State is invalid, perhaps expired'],
  ['XfrmAcquireError', 'acquire_error_packets_total', 'State hasn’t been fully acquired before use'],
];

/** All counters in one record, 0 for those the kernel does not print. */
type XfrmCounters = Record<string, number>;

function counters(rows: readonly XfrmStatRecord[]): XfrmCounters[] {
  const byName = new Map(rows.map((r) => [r.name, r.value]));
  return [Object.fromEntries(COUNTERS.map(([kernel]) => [kernel, byName.get(kernel) ?? 0]))];
}

export const xfrm = defineCollector({
  name: 'xfrm',
  description: 'IPsec (xfrm) error counters (/proc/net/xfrm_stat).',
  defaultEnabled: false,
  reads: { 'net/xfrm_stat': 'required' },
  transform: (input): CollectorInput => ({
    'net/xfrm_stat': input['net/xfrm_stat'] && counters(input['net/xfrm_stat'] as XfrmStatRecord[]),
  }),
  metrics: COUNTERS.map(([kernel, metric, help]) =>
    mapping<XfrmCounters>({ from: 'net/xfrm_stat', name: `node_xfrm_${metric}`, help, type: 'counter', value: kernel }),
  ),
});
