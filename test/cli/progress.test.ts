// The progress bar only draws on a terminal, for more than one file.
import { progressBar } from '../../src/cli/progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, columns: 60, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

test('draws and clears on a terminal with several files', () => {
  const { stream, written } = fakeStream(true);
  const p = progressBar(stream, 4, true);
  p.step(2, 'a.xlsx');
  p.finish();
  expect(written[0]).toContain('[############------------] 2/4 a.xlsx');
  expect(written[written.length - 1]).toBe('\r\x1b[K');
});

test.each([
  [false, 4, true],
  [true, 1, true],
  [true, 4, false],
])('silent when tty=%s, files=%i, enabled=%s', (tty, files, enabled) => {
  const { stream, written } = fakeStream(tty);
  const p = progressBar(stream, files, enabled);
  p.step(1, 'a.xlsx');
  p.finish();
  expect(written).toEqual([]);
});
