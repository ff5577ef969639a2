import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processTree, processTreeRss, sampleProcessTree } from '../process-tree-usage.ts';

const megabyte = 1024 * 1024;

/** A child that starts a grandchild holding 150 MB, which spins the CPU for 0.4 s and then says "ready". */
function startTree() {
  const grandchild = `
    const held = Buffer.alloc(${150 * megabyte}, 1);
    const end = Date.now() + 400;
    while (Date.now() < end);
    console.log('ready');
    setInterval(() => held[0]++, 1000);
  `;
  const child = `
    const { spawn } = require('node:child_process');
    const grandchild = spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: ['ignore', 'inherit', 'inherit'] });
    process.on('SIGTERM', () => { grandchild.kill(); process.exit(0); });
    setInterval(() => {}, 1000);
  `;
  const root = spawn(process.execPath, ['-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve) => root.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
  return { process: root, ready };
}

describe('process tree usage', () => {
  it('counts the memory and CPU time of grandchildren, not only of the process started', async () => {
    const tree = startTree();
    try {
      await tree.ready;
      const pid = tree.process.pid!;

      expect(processTree(pid)).toHaveLength(2);
      expect(processTreeRss(pid)).toBeGreaterThan(150 * megabyte);

      const sampler = sampleProcessTree(pid, 10);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const usage = sampler.stop();
      expect(usage.peakRssBytes).toBeGreaterThan(150 * megabyte);
      expect(usage.cpuSeconds).toBeGreaterThanOrEqual(0.4);
    } finally {
      tree.process.kill();
      await once(tree.process, 'exit');
    }
  });

  it('keeps the peak after the tree has exited', async () => {
    const tree = startTree();
    await tree.ready;
    const sampler = sampleProcessTree(tree.process.pid!, 10);
    await new Promise((resolve) => setTimeout(resolve, 50));
    tree.process.kill();
    await once(tree.process, 'exit');
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(processTreeRss(tree.process.pid!)).toBe(0);
    expect(sampler.stop().peakRssBytes).toBeGreaterThan(150 * megabyte);
  });
});
