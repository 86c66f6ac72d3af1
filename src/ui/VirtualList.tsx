// A small virtualised list: only the rows in (and just around) the visible part of its own
// scroll box are in the DOM. Rows may have any height: each rendered row is measured with a
// ResizeObserver and the measured height replaces the estimate. Spacers are the list's top
// and bottom padding, so the rows stay ordinary <li>s in one <ul>.
import * as React from 'react';

export interface VirtualListHandle {
  /** Scroll so that row `index` is visible (nearest edge); no focus change. */
  scrollToIndex(index: number): void;
}

export interface VirtualListProps {
  count: number;
  keyOf: (index: number) => string;
  estimate: (index: number) => number;
  /** Rows of one kind have similar heights: unmeasured rows take their kind's measured average. */
  kindOf?: (index: number) => string;
  render: (index: number) => React.ReactNode;
  /** The scroll box. */
  className?: string;
  listClassName?: string;
  label: string;
  overscan?: number;
  onKeyDown?: React.KeyboardEventHandler<HTMLDivElement>;
  testId?: string;
}

/** First index i with offsets[i] > y, minus one: the row that contains y. */
function rowAt(offsets: Float64Array, count: number, y: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, count - 1));
}

function Row(props: { vkey: string; index: number; observer?: ResizeObserver; children: React.ReactNode }) {
  const ref = React.useRef<HTMLLIElement>(null);
  const { observer } = props;
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !observer) return;
    observer.observe(el);
    return () => observer.unobserve(el);
  }, [observer]);
  return (
    <li ref={ref} data-index={props.index}>
      {props.children}
    </li>
  );
}

export const VirtualList = React.forwardRef<VirtualListHandle, VirtualListProps>(function VirtualList(props, handle) {
  const { count, keyOf, estimate, kindOf, render, overscan = 6 } = props;
  // Measured heights per kind (sum, count): a better guess than the fixed estimate.
  const byKind = React.useRef(new Map<string, [number, number]>());
  const box = React.useRef<HTMLDivElement>(null);
  // Measured heights by row index; forgotten when the rows change (keyOf is new), so the
  // offsets loop never hashes a key.
  const sizes = React.useRef(new Map<number, number>());
  const lastKeyOf = React.useRef(keyOf);
  if (lastKeyOf.current !== keyOf) {
    lastKeyOf.current = keyOf;
    sizes.current = new Map();
  }
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewport, setViewport] = React.useState(600);
  const [version, remeasured] = React.useReducer((x: number) => x + 1, 0);

  const offsets = React.useMemo(() => {
    const o = new Float64Array(count + 1);
    const measured = sizes.current;
    const avg = new Map<string, number>();
    byKind.current.forEach(([sum, n], k) => avg.set(k, sum / n));
    for (let i = 0; i < count; i++) {
      const m = measured.get(i);
      o[i + 1] = o[i] + (m ?? (kindOf && avg.size ? (avg.get(kindOf(i)) ?? estimate(i)) : estimate(i)));
    }
    return o;
  }, [count, keyOf, estimate, kindOf, version]);

  const kindRef = React.useRef(kindOf);
  kindRef.current = kindOf;
  const observer = React.useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const e of entries) {
              const el = e.target as HTMLElement;
              const index = Number(el.dataset.index);
              if (!el.isConnected || !Number.isInteger(index)) continue;
              const h = e.borderBoxSize?.[0]?.blockSize ?? el.getBoundingClientRect().height;
              if (h > 0 && Math.abs((sizes.current.get(index) ?? -1) - h) > 0.5) {
                if (!sizes.current.has(index) && kindRef.current) {
                  // The first 16 rows of a kind set its average, which then stays: an average
                  // that kept moving would move every row below the screen while scrolling.
                  const k = kindRef.current(index);
                  const [sum, n] = byKind.current.get(k) ?? [0, 0];
                  if (n < 16) byKind.current.set(k, [sum + h, n + 1]);
                }
                sizes.current.set(index, h);
                changed = true;
              }
            }
            if (changed) remeasured();
          }),
    [],
  );
  React.useEffect(() => () => observer?.disconnect(), [observer]);

  // The box's height from a ResizeObserver (reported after layout): reading clientHeight here
  // would force a layout of the whole page in the middle of React's commit.
  React.useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => setViewport(entries[entries.length - 1].contentRect.height || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  React.useImperativeHandle(
    handle,
    () => ({
      scrollToIndex(index: number) {
        const el = box.current;
        if (!el || index < 0 || index >= count) return;
        const top = offsets[index];
        const bottom = offsets[index + 1];
        if (top < el.scrollTop) el.scrollTop = top;
        else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, bottom - el.clientHeight);
        setScrollTop(el.scrollTop);
      },
    }),
    [offsets, count],
  );

  const onScroll = () => {
    const el = box.current;
    if (el) setScrollTop(el.scrollTop);
  };

  const first = count ? Math.max(0, rowAt(offsets, count, scrollTop) - overscan) : 0;
  const last = count ? Math.min(count - 1, rowAt(offsets, count, scrollTop + viewport) + overscan) : -1;
  const total = offsets[count];
  const items: React.ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    const key = keyOf(i);
    items.push(
      <Row key={key} vkey={key} index={i} observer={observer}>
        {render(i)}
      </Row>,
    );
  }
  return (
    <div ref={box} className={props.className} onScroll={onScroll} onKeyDown={props.onKeyDown} data-testid={props.testId} role="region" aria-label={props.label}>
      <ul className={props.listClassName} style={{ paddingTop: offsets[first] ?? 0, paddingBottom: Math.max(0, total - (offsets[last + 1] ?? 0)) }}>
        {items}
      </ul>
    </div>
  );
});
