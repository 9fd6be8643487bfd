import { ProcFs } from '../../src/procfs';

/** A ProcFs that counts its synchronous reads and those through the thread pool (whole files and sysfs attributes). */
export class CountingProcFs extends ProcFs {
  sync = 0;
  async = 0;

  override readText(relative: string): string {
    this.sync++;
    return super.readText(relative);
  }

  override readTextAsync(relative: string): Promise<string> {
    this.async++;
    return super.readTextAsync(relative);
  }

  override readAttributeAsync(relative: string): Promise<string> {
    this.async++;
    return super.readAttributeAsync(relative);
  }
}
