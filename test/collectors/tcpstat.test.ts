import { expect } from 'chai';
import * as path from 'path';
import { tcpstat } from '../../collectors/tcpstat';
import { run, series, TREES } from './run';

describe('tcpstat collector', () => {
  it('counts tcp and tcp6 sockets per state and sums the queues', async () => {
    const s = series(await run(tcpstat, path.join(TREES, 'tcpstat')));
    expect(s).to.deep.equal({
      'node_tcp_connection_states{state="established"}': 2,
      'node_tcp_connection_states{state="listen"}': 2,
      'node_tcp_connection_states{state="rx_queued_bytes"}': 34,
      'node_tcp_connection_states{state="time_wait"}': 1,
      'node_tcp_connection_states{state="tx_queued_bytes"}': 17,
    });
  });
});
