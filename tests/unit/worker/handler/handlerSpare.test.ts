import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';
import type { MnistData } from '../../../../src/worker/data/dataset';
import type { Trainer } from '../../../../src/worker/training/trainer';
import { fakeNetwork, init, setup, tinyData } from '../../support/fakeHandler';

describe('fresh networks built ahead of need', () => {
  type Network = ReturnType<typeof fakeNetwork>;
  const networkBuilder = () => {
    const built: Network[] = [];
    const buildModel = vi.fn(() => {
      const network = fakeNetwork(`network ${built.length}`);
      built.push(network);
      return network as unknown as Trainer['network'];
    });
    return { built, buildModel };
  };

  it('builds the network while the digits are still on their way', async () => {
    const { built, buildModel } = networkBuilder();
    let arrive: (data: MnistData) => void = () => undefined;
    const { handle, trainers, types } = setup(
      () => new Promise<MnistData>((resolve) => (arrive = resolve)),
      { buildModel },
    );
    handle(init);
    await vi.waitFor(() => expect(buildModel).toHaveBeenCalledTimes(1));
    expect(types()).not.toContain('modelSummary');
    arrive(tinyData());
    await vi.waitFor(() => expect(types()).toContain('modelSummary'));
    // The model the page is shown is the one built before the digits came, not another.
    expect(trainers[0].options.model).toBe(built[0]);
    expect(buildModel).toHaveBeenCalledTimes(1);
    expect(built[0].dispose).not.toHaveBeenCalled();
  });

  it("gives the network to the page's first trainer only; later ones build their own", async () => {
    const { built, buildModel } = networkBuilder();
    const { handle, trainers, types } = setup(async () => tinyData(), { buildModel });
    handle(init);
    await vi.waitFor(() => expect(types()).toContain('latentCodes'));
    expect(trainers[0].options.model).toBe(built[0]);
    // Later trainers build their own (fake trainers take no model then).
    handle({ type: 'start', runId: 1, config: { ...DEFAULT_CONFIG }, paused: false });
    expect(trainers[1].options.model).toBeUndefined();
    expect(built).toHaveLength(1);
  });

  it('never hands over a network whose GPU context was lost', async () => {
    const { built, buildModel } = networkBuilder();
    let lose: () => void = () => undefined;
    let arrive: (data: MnistData) => void = () => undefined;
    const guard = {
      watch: vi.fn(),
      isLost: () => false,
      rebuild: async () => ({ name: 'wasm' as const, reason: 'WebGL failed again' }),
    };
    const { handle, trainers, types } = setup(
      () => new Promise<MnistData>((resolve) => (arrive = resolve)),
      {
        buildModel,
        createGpuGuard: (onLost) => {
          lose = onLost;
          return guard;
        },
      },
    );
    handle(init);
    await vi.waitFor(() => expect(built).toHaveLength(1));
    // The context goes while the digits are still downloading: the network's weights go with it.
    lose();
    expect(built[0].dispose).toHaveBeenCalled();
    arrive(tinyData());
    await vi.waitFor(() => expect(types()).toContain('modelSummary'));
    expect(trainers[0].options.model).toBeUndefined();
  });
});
