/** A procfs tree whose reads of some files wait until the test releases them: a wedged file, for as long as a test needs. */
import { ProcFs, type ReadLimits } from '../../src/procfs';

export class HeldProcFs extends ProcFs {
  private readonly waiting: (() => void)[] = [];

  constructor(
    root: string,
    private readonly held: Set<string>,
  ) {
    super(root);
  }

  override readTextAsync(relative: string, limits: ReadLimits = {}): Promise<string> {
    if (!this.held.has(relative)) return super.readTextAsync(relative, limits);
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => super.readTextAsync(relative, limits));
  }

  /** Lets every held read (and every later one) go on. */
  release(): void {
    this.held.clear();
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
